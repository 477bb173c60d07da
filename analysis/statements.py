"""Statements: who says what about which concept, for or against, coded from quotations.

A statement in the sense of the Discourse Network Analyzer (Leifeld 2017) is an actor, a concept
and an agreement qualifier, anchored in a span of text. :func:`build_statements` codes them from
the quotes table (:func:`analysis.quotes.extract_quotes`, with ``actor_id`` from
:func:`analysis.actors.build_actors`): every mention of a concept (:mod:`analysis.concepts`) in
the words of an attributed quotation is a statement of its speaker; the agreement comes from a
stance construction around the mention, else from the tone of the quotation, or in a long one
(a speech) of the sentences around the mention (:mod:`analysis.stance`). Columns in ``docs/tables.md``; the method in ``docs/networks.md``.

>>> import pandas as pd
>>> from analysis import build_actors, extract_quotes
>>> art = pd.DataFrame({"article_id": ["a"], "lang": ["de"], "date": [pd.Timestamp("2019-04-25")],
...     "text": ["Kim verlangte eine erhebliche Lockerung der Strafmaßnahmen."]})
>>> actors, quotes = build_actors(extract_quotes(art), articles=art)
>>> concepts = {"Lockerung der Sanktionen": {"phrases": ["Lockerung der Strafmaßnahmen"]}}
>>> st = build_statements(quotes, articles=art, actors=actors, concepts=concepts)
>>> st[["actor", "concept", "agreement", "evidence"]].values.tolist()
[['Kim', 'Lockerung der Sanktionen', 1, 'verlangte (verlangen)']]
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from functools import cache

import pandas as pd
from tqdm.auto import tqdm

from analysis.concepts import (
    compile_concepts,
    discover_concepts,
    find_concepts,
    read_concepts,
)
from analysis.coreference import sentence_starts
from analysis.errors import InputError, require_columns
from analysis.noun_phrase_speakers import plain_noun_phrase, record_speakers
from analysis.resources import table, wordlist
from analysis.stance import (
    AIMED_PAST,
    compound_after,
    head_toward,
    opinion_negated,
    reversal,
    stance_toward,
    tone_agreement,
    topic_named,
)
from analysis.stance_existence import existence_denied
from analysis.stance_verdicts import verdict_toward

log = logging.getLogger(__name__)

STATEMENT_COLUMNS = ["statement_id", "article_id", "quote_id", "date", "actor_id", "actor", "affiliation", "concept",
                     "agreement", "agreement_source", "evidence", "span", "concept_span", "text", "lang", "kind",
                     "confidence"]
SOURCE_WEIGHT = {"stance": 1.0, "tone": 0.7, "named": 0.5, "none": 0.5}
# the confidence below which a statement is left out of a network on request (``--min-confidence``): a
# statement's confidence is its quotation's times the weight of its agreement's source, so 0.6 leaves out
# the mentions named without a side and the quotations attributed with less confidence (docs/networks.md:
# precision and the share of statements kept on the judged samples)
CONFIDENT = 0.6
# quotation kinds coded by default: free indirect speech inherits a speaker over sentences without a
# frame, which in the statement sample (docs/networks.md) was the actor of its words 1 time in 12
DEFAULT_KINDS = ("direct", "indirect", "mixed", "reported", "turn")


def empty_statements() -> pd.DataFrame:
    """A statements table without rows (the columns and their types)."""
    dtypes = {"agreement": "int64", "confidence": "float64", "date": "datetime64[ns]"}
    return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, object)) for c in STATEMENT_COLUMNS})


def confident_statements(statements: pd.DataFrame, *, min_confidence: float = CONFIDENT) -> pd.DataFrame:
    """The statements whose ``confidence`` is at least ``min_confidence`` (default ``CONFIDENT``, 0.6).

    >>> st = pd.DataFrame({"actor": ["Kim", "Putin"], "confidence": [0.7, 0.5]})
    >>> confident_statements(st)["actor"].tolist()
    ['Kim']
    """
    require_columns(statements, ["confidence"], table="statements")
    return statements[statements["confidence"] >= min_confidence].reset_index(drop=True)


def span_pairs(value) -> list[tuple[int, int]]:
    """A quotes table's spans as (start, end) pairs; none for None or NaN, empty pairs left out.

    >>> span_pairs([[0, 4], [5, 5]]), span_pairs(None)
    ([(0, 4)], [])
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    return [(int(s), int(e)) for s, e in value if e > s]


def _stretch(q, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """From the first of speaker, cue and words to the end of the words: the text that holds the statement."""
    starts = [s for s, _ in spans]
    for col in ("cue_span", "speaker_span"):
        span = q.get(col)
        if span is not None and not (isinstance(span, float) and pd.isna(span)) and len(span) == 2 and span[1] > span[0]:
            starts.append(int(span[0]))
    return min(starts), max(e for _, e in spans)


def _concept_table(concepts, quotes: pd.DataFrame, langs: list[str]) -> pd.DataFrame:
    if concepts is None:
        found = [discover_concepts(quotes[quotes["lang"] == lg], lang=lg) for lg in langs]
        table = pd.concat(found, ignore_index=True) if found else read_concepts({})
        log.info("statements: %d concepts discovered from the quotations", table["concept"].nunique())
        return table
    return read_concepts(concepts)


@cache
def _heading_nouns(lang: str) -> frozenset[str]:
    try:
        return wordlist(lang, "heading_nouns")
    except InputError:  # a language without the list
        return frozenset()


def heading_actor(name, lang: str) -> bool:
    """Whether an actor's name is a document heading taken for a speaker: two or more words, the last
    a noun that ends headings (``resources/<lang>/heading_nouns.txt``).

    >>> heading_actor("Sector-specific Risk Assessment", "en"), heading_actor("Sector Risk Management Agency", "en")
    (True, False)
    """
    words = str(name).split()
    return len(words) >= 2 and words[-1].lower() in _heading_nouns(lang)


def _actor_names(actors) -> tuple[dict, dict]:
    names, affiliations = {}, {}
    if actors is not None:
        require_columns(actors, ["actor_id", "name"], table="actors")
        names = dict(zip(actors["actor_id"], actors["name"]))
        if "affiliation" in actors.columns:
            affiliations = dict(zip(actors["actor_id"], actors["affiliation"]))
    return names, affiliations


TONE_WINDOW = 2  # sentences on either side of a concept's sentence whose tone stands for a long quotation's
# the neutral band of the tone fallback: a speaker in a debate takes a side, so statements take the sign of
# any tone outside English's band (German's 0.4 is for classifying whole texts; docs/networks.md)
TONE_BAND = 0.05
# the agreement of a mention with neither a stance construction nor a tone: a speaker who names a concept
# in their own words, neutrally, speaks of it as their own (a programme, a measure); in the judged samples
# a reader coded 17 of 27 such statements +1, 5 of them 0 (docs/networks.md). ``neutral=0`` keeps them at 0
NEUTRAL = 1


def _tone_window(text: str, s: int, e: int, at: int) -> tuple[int, int] | None:
    """The stretch of the quotation part ``text[s:e]`` whose tone decides a statement without a
    stance construction: None (the whole quotation) when the part has at most ``2 * TONE_WINDOW + 1``
    sentences, else the concept's sentence (at ``at``) and ``TONE_WINDOW`` sentences either side.
    A speech is one quotation of its speaker, and its greetings and asides would otherwise average
    every position into neutral."""
    starts = sentence_starts(text, s, e)
    if len(starts) <= 2 * TONE_WINDOW + 1:
        return None
    k = bisect_right(starts, at) - 1
    lo, hi = max(0, k - TONE_WINDOW), k + TONE_WINDOW + 1
    return starts[lo], starts[hi] if hi < len(starts) else e


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the concept mentions at ``spans`` blanked out (offsets kept): a concept's own words
    ("Sanktion", "debt limit", "lower costs") are no tone toward it.

    >>> _blanked("die Schuldenbremse hält", [(4, 18)])
    'die                hält'
    """
    if not spans:
        return text
    out, at = [], 0
    for s, e in sorted(spans):
        if s >= at:
            out += [text[at:s], " " * (e - s)]
            at = e
    return "".join(out) + text[at:]


SALUTATION_WORDS = 6  # words after an opener of address ("Sehr geehrte" + "Frau Präsidentin")


@cache
def _salutations(lang: str) -> re.Pattern | None:
    """The forms of address and thanks of ``resources/<lang>/salutations.tsv`` as one pattern (None for a
    language without the list): first in a sentence or after a comma, an opener of address with the words
    after it up to ``!``, ``,`` or ``:`` (group ``rest``), or a phrase alone."""
    try:
        rows = table(lang, "salutations")
    except InputError:  # a language without the list: no words blanked
        return None
    phrases = {kind: sorted((re.escape(p.strip()) for p, k in zip(rows["phrase"], rows["kind"]) if k == kind),
                            key=len, reverse=True) for kind in ("address", "phrase")}
    parts = []
    if phrases["address"]:
        parts.append(rf"(?i:{'|'.join(phrases['address'])})\s+(?P<rest>[^\s.!?,;:]+(?:\s+[^\s.!?,;:]+)"
                     rf"{{0,{SALUTATION_WORDS - 1}}})(?=\s*[!,:])")
    if phrases["phrase"]:
        parts.append(rf"(?i:{'|'.join(phrases['phrase'])})\b")
    return re.compile(rf"(?:^|(?<=[.!?,;:]\s))(?:{'|'.join(parts)})") if parts else None


def salutation_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that are forms of address or thanks (``salutations.tsv``), whose words are
    no tone toward a concept.

    >>> t = "Sehr geehrte Frau Präsidentin! Liebe Kolleginnen und Kollegen! Die Liebe zur Freiheit zählt."
    >>> [t[s:e] for s, e in salutation_spans(t, "de")]
    ['Sehr geehrte Frau Präsidentin', 'Liebe Kolleginnen und Kollegen']
    """
    pattern = _salutations(lang)
    if pattern is None or not isinstance(text, str):
        return []
    return [m.span() for m in pattern.finditer(text) if (m.groupdict().get("rest") or "X")[:1].isupper()]


def _tone_words(text: str, spans: list[tuple[int, int]], window, start: int) -> tuple[str, int]:
    """The words whose tone decides (the window, else all parts of the quotation joined by spaces)
    and the offset of the mention at ``start`` in them.

    >>> _tone_words("ab cd ef", [(0, 2), (6, 8)], None, 6)
    ('ab ef', 3)
    """
    if window:
        return text[window[0]:window[1]], start - window[0]
    at, offset = 0, 0
    for a, b in spans:
        if a <= start < b:
            at = offset + start - a
        offset += b - a + 1
    return " ".join(text[a:b] for a, b in spans), at


def _directed(agreement: int, evidence: str, mention, text: str, span: tuple[int, int], lang: str,
              source: str, task: bool = False) -> tuple[int, str]:
    """The agreement toward the concept: reversed by a noun of change heading the mention ("keine
    Reform der Schuldenbremse", unless it is the stance verb's own word: "a ban on", or a negative tone
    aimed past the mention laments it with the rest: "eine Gefahr für unsere Demokratie") or, in English,
    by one the mention modifies ("an assault weapons ban"), for a verb of
    working on a matter (``task``: "deal with border security") toward the concept itself, and by a
    dictionary opposite (*Atomausstieg* for Atomkraft) after a stance construction. Without one, a
    speaker who names an opposite that is a problem (*climate crisis*, *Energiepreise*) is against it,
    so for the concept, whatever the tone of the words around it; the tone toward an opposite that is
    a reversal (:func:`analysis.stance.reversal`: *Atomausstieg*) is reversed as a stance is."""
    at = span[0]
    head = head_toward(text, at, lang=lang)
    # a lament aimed past the mention laments the head too ("eine Gefahr für unsere Demokratie"): for the mention
    lament = source == "tone" and evidence.endswith(AIMED_PAST)
    if head and head[0] < 0 and not lament and not (source == "stance" and evidence.startswith(head[1] + " ")):
        agreement, evidence = -agreement, f"{evidence}; of {head[1]}"
    compound = compound_after(text, span[1], lang=lang)
    if compound:
        agreement, evidence = agreement * compound[0], f"{evidence}; {compound[1]} (compound)"
    if task and mention.sign > 0:
        agreement, evidence = -agreement, f"{evidence}; works on it (task)"
    if mention.sign < 0 and source != "stance" and not reversal(mention.pattern, lang):
        return 1, f"{evidence}; names {mention.pattern} (opposite): against it"
    if mention.sign < 0:
        agreement, evidence = -agreement, f"{evidence}; opposite {mention.pattern}"
    return agreement, evidence


def _verdict_nearby(found, verdicts, k: int, window: tuple[int, int], stretch: str, lo: int,
                    lang: str) -> tuple[int, str] | None:
    """``(agreement, evidence)`` of a verdict said of another mention of the same concept in the window whose tone
    would decide the mention ``k`` ("Was heißt denn Schuldenbremse? Schuldenbremse heißt für die Menschen: weniger
    bezahlbare Wohnungen … Die Schuldenbremse ist der falsche Weg"): the speaker's judgment of the concept is the
    position, not the tone of the words around the mention. The verdict is turned by a noun of change heading its
    own mention; a mention of an opposite takes none of the concept's and none of it is taken for the concept."""
    mention = found[k][1]
    for j, ((s, _), m) in enumerate(found):
        verdict = verdicts[j]
        if (j == k or verdict is None or m.concept != mention.concept or m.sign != mention.sign
                or not window[0] <= s + m.start < window[1]):
            continue
        head = head_toward(stretch, s + m.start - lo, lang=lang)
        sign = head[0] if head else 1
        return verdict.agreement * sign, f"{verdict.evidence} on {m.pattern} nearby"
    return None


def _quote_statements(q, text: str, concepts, lang: str, band, neutral: int) -> list[dict]:
    spans = span_pairs(q.get("spans"))
    if not spans:
        return []
    lo, hi = _stretch(q, spans)
    stretch = text[lo:hi]
    rows = []
    found = [((s, e), m) for s, e in spans for m in find_concepts(text[s:e], concepts, lang=lang)]
    # the concepts' own words and the forms of address and thanks are no tone toward a concept
    toned = _blanked(text, [(s + m.start, s + m.end) for (s, _), m in found]
                     + [(s + a, s + b) for s, e in spans for a, b in salutation_spans(text[s:e], lang)])
    verdicts = [verdict_toward(stretch, s + m.start - lo, lang=lang) for (s, _), m in found]
    for k, ((s, e), m) in enumerate(found):
        start, end = s + m.start, s + m.end
        # a stance construction, else a verdict said of the mention ("Die Schuldenbremse ist der falsche Weg")
        stance = (stance_toward(stretch, start - lo, lang=lang) or verdicts[k]
                  or existence_denied(stretch, start - lo, lang=lang))
        topic = None if stance is not None else topic_named(stretch, start - lo, lang=lang)
        window = _tone_window(text, s, e, start)
        nearby = None if stance is not None or topic else _verdict_nearby(found, verdicts, k, window or (lo, hi),
                                                                          stretch, lo, lang)
        if stance is not None:
            agreement, source, evidence = stance.agreement, "stance", stance.evidence
        elif topic:  # "beim Thema Migration", "talked a lot about prescription drugs": named as a topic, no side
            agreement, source, evidence = 0, "none", f"topic named ({topic})"
        elif nearby:
            agreement, source, evidence = nearby[0], "stance", nearby[1]
        else:
            words, at = _tone_words(toned, spans, window, start)
            agreement, evidence = tone_agreement(words, lang=lang, band=TONE_BAND if band is None else band, at=at)
            source = "tone" if agreement else "none"
            if not agreement and neutral:
                agreement, source, evidence = neutral, "named", f"{evidence}; named without a side: for it"
        if not topic:
            agreement, evidence = _directed(agreement, evidence, m, stretch, (start - lo, end - lo), lang, source,
                                            task=stance is not None and stance.task)
            opinion = opinion_negated(stretch, start - lo, lang=lang)
            if opinion:  # "Wir glauben nicht, dass X eine Lösung wäre": the reverse of the words about X
                agreement, evidence = -agreement, f"{evidence}; under {opinion} (opinion negated)"
        rows.append({"concept": m.concept, "agreement": int(agreement), "agreement_source": source,
                     "evidence": evidence, "span": [lo, hi], "concept_span": [start, end], "text": stretch})
    return rows


def _check_neutral(neutral) -> int:
    if isinstance(neutral, bool) or neutral not in (0, 1):
        raise InputError(f"neutral: expected 0 or 1 (the agreement of a mention without stance or tone), got {neutral!r}")
    return neutral


def neutral_option(neutral: int | None) -> int:
    """The ``neutral`` of :func:`build_statements` from an option that may be unset (None: ``NEUTRAL``);
    :class:`InputError` for anything but 0, 1 or None.

    >>> neutral_option(None), neutral_option(0)
    (1, 0)
    """
    return NEUTRAL if neutral is None else _check_neutral(neutral)


def build_statements(quotes: pd.DataFrame, *, articles: pd.DataFrame, actors: pd.DataFrame | None = None,
                     concepts=None, lang: str | None = None, band: float | None = None,
                     neutral: int = NEUTRAL, kinds=DEFAULT_KINDS, progress: bool = False) -> pd.DataFrame:
    """The statements table of ``quotes`` (one row per concept mention in an attributed quotation).

    ``articles`` gives the text (offsets) and date; ``actors`` (from :func:`~analysis.actors.build_actors`)
    the actor names and affiliations by ``actor_id`` (without it the quote's ``speaker``);
    ``concepts`` a dictionary (path, mapping or table, see :func:`analysis.concepts.read_concepts`) or
    None to discover concepts from the quotations; ``band`` the neutral band of the tone fallback
    (default ``TONE_BAND``, 0.05); ``neutral`` the agreement of a mention with neither a stance
    construction nor a tone (1, the default: source ``named``; 0: source ``none``);
    ``kinds`` the quotation kinds coded (default all but ``free_indirect``; None: all).
    A concept mentioned in two overlapping quotations of one speaker (a quoted phrase inside an
    indirect quotation) is one statement.

    >>> build_statements(pd.DataFrame(columns=["article_id", "quote_id", "spans", "speaker"]),
    ...                  articles=pd.DataFrame({"article_id": [], "text": []}), concepts={}).shape
    (0, 17)
    """
    require_columns(quotes, ["article_id", "quote_id", "spans", "speaker"], table="quotes")
    require_columns(articles, ["article_id", "text"], table="articles")
    _check_neutral(neutral)
    if quotes.empty:
        return empty_statements()
    texts = dict(zip(articles["article_id"], articles["text"]))
    dates = dict(zip(articles["article_id"], articles["date"])) if "date" in articles.columns else {}
    attributed = coded_quotes(quotes, articles=articles, lang=lang, kinds=kinds)
    missing = set(attributed["article_id"]) - set(texts)
    if missing:
        raise InputError(f"quotes: {len(missing)} article_id(s) not in articles, e.g. {sorted(missing)[0]!r}")
    langs = sorted(set(attributed["lang"]))
    table = _concept_table(concepts, attributed, langs)
    compiled = {lg: compile_concepts(table, lang=lg) for lg in langs}  # the dictionary read once per language
    names, affiliations = _actor_names(actors)
    speeches, known = record_speakers(articles)
    _plain = cache(lambda actor, lg: plain_noun_phrase(actor, lang=lg, known=known))  # a speaker recurs in many quotations
    rows, seen = [], set()
    records = attributed.to_dict("records")
    for q in tqdm(records, desc="statements", unit="quote", disable=not progress or len(records) < 1000):
        aid = q.get("actor_id")
        aid = aid if isinstance(aid, str) and aid else None
        actor = names.get(aid, q["speaker"]) if aid else q["speaker"]
        if heading_actor(actor, q["lang"]):
            continue  # "Sector-specific Risk Assessment: … each SRMA shall …": a heading, no speaker
        if q["article_id"] in speeches and _plain(actor, q["lang"]):
            continue  # "Landesteile von Russland", "Jobs und Arbeitsplätze": a word group, no name
        for st in _quote_statements(q, texts[q["article_id"]], compiled[q["lang"]], q["lang"], band, neutral):
            key = (q["article_id"], aid or actor, st["concept"], st["concept_span"][0])
            if key in seen:
                continue
            seen.add(key)
            conf = q.get("confidence")
            conf = float(conf) if isinstance(conf, (int, float)) and not pd.isna(conf) else 1.0
            rows.append({"article_id": q["article_id"], "quote_id": q["quote_id"], "date": dates.get(q["article_id"]),
                         "actor_id": aid, "actor": actor, "affiliation": affiliations.get(aid), **st,
                         "lang": q["lang"], "kind": q.get("kind"),
                         "confidence": round(conf * SOURCE_WEIGHT[st["agreement_source"]], 3)})
    if not rows:
        return empty_statements()
    out = pd.DataFrame(rows)
    out.insert(0, "statement_id", [f"{q}-s{i}" for q, i in zip(out["quote_id"], out.groupby("quote_id").cumcount())])
    out["date"] = pd.to_datetime(out["date"], errors="coerce")
    return out[STATEMENT_COLUMNS].reset_index(drop=True)


def coded_quotes(quotes: pd.DataFrame, *, articles: pd.DataFrame, lang: str | None = None,
                 kinds=DEFAULT_KINDS) -> pd.DataFrame:
    """The quotations :func:`build_statements` codes: attributed, of the ``kinds`` coded, with a
    ``lang`` (``lang``, else the quotation's, else its article's, else German).

    >>> q = pd.DataFrame({"article_id": ["a", "a"], "speaker": ["Kim", None], "kind": ["direct", "direct"]})
    >>> coded_quotes(q, articles=pd.DataFrame({"article_id": ["a"], "lang": ["en"]}))[["speaker", "lang"]].values.tolist()
    [['Kim', 'en']]
    """
    art_lang = dict(zip(articles["article_id"], articles["lang"])) if "lang" in articles.columns else {}
    quotes = quotes.assign(lang=[lang or (q_lang if isinstance(q_lang, str) and q_lang else art_lang.get(a, "de"))
                                 for a, q_lang in zip(quotes["article_id"], quotes.get("lang", [None] * len(quotes)))])
    attributed = quotes[quotes["speaker"].notna() & (quotes["speaker"].astype(str).str.strip() != "")]
    if kinds is not None and "kind" in attributed.columns:
        attributed = attributed[attributed["kind"].isin(list(kinds))]
    return attributed


class CorpusConcepts:
    """The concepts :func:`build_statements` discovers from a corpus' quotations, counted part by
    part (:class:`analysis.concepts.ConceptCounts` per language), for corpora read in chunks.

    >>> found = CorpusConcepts()
    >>> arts = pd.DataFrame({"article_id": ["a"], "lang": ["de"]})
    >>> for speaker in ["Kim", "Putin"] * 2:
    ...     found.add(pd.DataFrame({"article_id": ["a"], "speaker": [speaker], "kind": ["direct"],
    ...                             "text": ["Die Sanktionen müssen fallen."]}), articles=arts)
    >>> found.table()["concept"].tolist()
    ['Sanktion']
    """

    def __init__(self, *, lang: str | None = None, kinds=DEFAULT_KINDS):
        self.lang, self.kinds, self.counts = lang, kinds, {}

    def add(self, quotes: pd.DataFrame, *, articles: pd.DataFrame) -> None:
        """Count one part of the quotations (and the articles they come from)."""
        from analysis.concepts import ConceptCounts

        for lg, part in coded_quotes(quotes, articles=articles, lang=self.lang, kinds=self.kinds).groupby("lang", sort=False):
            self.counts.setdefault(lg, ConceptCounts(lang=lg)).add(part)

    def table(self) -> pd.DataFrame:
        """The concept dictionary, by language as :func:`build_statements` discovers it."""
        found = [self.counts[lg].concepts() for lg in sorted(self.counts)]
        return pd.concat(found, ignore_index=True) if found else read_concepts({})


def statements_from_articles(articles: pd.DataFrame, *, concepts=None, aliases=None, lang: str | None = None,
                             kinds=DEFAULT_KINDS, progress: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(statements, actors)`` of ``articles``: quotations, actors across the corpus, then statements.

    >>> art = pd.DataFrame({"article_id": ["a"], "lang": ["de"], "text": ["Putin lehnt neue Sanktionen ab."]})
    >>> st, _ = statements_from_articles(art, concepts={"Sanktionen": {"lemmas": ["Sanktion"]}})
    >>> st[["actor", "concept", "agreement"]].values.tolist()
    [['Putin', 'Sanktionen', -1]]
    """
    from analysis.actors import build_actors
    from analysis.quotes import extract_quotes

    quotes = extract_quotes(articles, lang=lang, actors=aliases, progress=progress)
    actors, quotes = build_actors(quotes, articles=articles, aliases=aliases)
    return build_statements(quotes, articles=articles, actors=actors, concepts=concepts, lang=lang, kinds=kinds,
                            progress=progress), actors
