"""The lexicons of one language: entries, their look-up tables, the rule word lists, loaded once.

A :class:`Lexicon` holds the diplomatic lexicon of this package (``resources/<lang>/
sentiment_lexicon.tsv``) over the base lexicon read from an installed package (vaderSentiment,
textblob-de), indexed by form, lemma and stem, and the rule word lists of the same folder. It also
caches what the engine learns about each word type and whitespace chunk (``types``, ``words``,
``chunks``; see :mod:`analysis.sentiment.word_types`).

>>> lexicon("de").entries["einigung"].term
'Einigung'
"""
from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import cache, partial
from importlib import util as _import_util
from itertools import chain, compress
from pathlib import Path

from analysis.errors import InputError
from analysis.particle_verbs import is_particle_verb, particle_verb_bases, particles
from analysis.resources import ROOT, table, wordlist
from analysis.runtime import forgets
from analysis.segment import lemmatize as _lemmatize
from analysis.sentiment.parameters import BASE_WEIGHT, MIN_COMPOUND_PART, PREFIX
from analysis.wordforms import stem as stem_word

log = logging.getLogger(__name__)

MAX_CACHED = 2**17  # word types (and chunks) per language learnt before the caches start afresh


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: values in −1…1 and where it came from. A topic noun (``topic_nouns.txt``)
    has polarity 0 and keeps its lexicon polarity as ``topic``, for a predicate acting on it."""

    term: str
    polarity: float
    cooperation: float
    certainty: float
    source: str
    topic: float = 0.0


@dataclass
class Roles:
    """Which strings matter to the rules, as sets and dicts that C-level look-ups can use.

    Kept twice per language: for word types (tokens) and for whitespace-delimited chunks
    ("agreement," holds the tokens "agreement" and ","), so that most units are scored from their
    chunks without being tokenized at all.
    """

    lexical: set[str] = field(default_factory=set)        # is (or holds) a lexicon word or the start of one
    rules: set[str] = field(default_factory=set)          # has a rule role (negator, intensifier …)
    phrase_heads: set[str] = field(default_factory=set)   # starts a multi-word entry
    phrase_rare: set[str] = field(default_factory=set)    # is the rarest word of one
    pol: dict[str, float] = field(default_factory=dict)   # summed values of the plain lexicon words
    coop: dict[str, float] = field(default_factory=dict)
    cert: dict[str, float] = field(default_factory=dict)
    n_lex: dict[str, int] = field(default_factory=dict)   # number of lexicon words
    n_pol: dict[str, int] = field(default_factory=dict)   # number of lexicon words with a polarity
    # separable particle verbs with a role (Lexicon.particle_verbs): a word that can be their verb
    # (chunks: that holds one) → the particles it joins with; a particle (chunks: the particle
    # the chunk ends with); chunks only: the particles before a token that is no word ("ab."),
    # the chunks that start with a token that is no word ("–"), and both kinds together
    pverbs: dict[str, frozenset[str]] = field(default_factory=dict)
    particles: dict[str, str] = field(default_factory=dict)
    particle_ends: dict[str, frozenset[str]] = field(default_factory=dict)
    openers: set[str] = field(default_factory=set)
    clause_ends: set[str] = field(default_factory=set)
    tokens: dict[str, tuple] = field(default_factory=dict)  # the tokens a chunk holds (chunks only)

    topic_predicates: set[str] = field(default_factory=set)  # is (or holds) a topic predicate
    topics: set[str] = field(default_factory=set)            # is (or holds) a topic noun
    rq_cues: set[str] = field(default_factory=set)           # a particle of rhetorical questions,
    question_marks: set[str] = field(default_factory=set)    # a question mark,
    urgency: set[str] = field(default_factory=set)           # an urgency word of demands,
    modals: set[str] = field(default_factory=set)            # a modal of obligation (analysis.sentiment.criticism)
    address: set[str] = field(default_factory=set)           # a pronoun of formal address written with a capital,
    negators: set[str] = field(default_factory=set)          # a negator (together: a negation aimed at the addressee)
    # a rule word that acts only on hits up to a number of words after it (an intensifier, a negator
    # that is neither a post-negator nor a forward negator), written alone → that number of words
    reach: dict[str, int] = field(default_factory=dict)
    # multi-word entries: after this string's last token the second words of entries starting with
    # it; the second words that this string's first token is; strings that hold a start of one
    phrase_after: dict[str, frozenset[str]] = field(default_factory=dict)
    phrase_opens: dict[str, frozenset[str]] = field(default_factory=dict)
    phrase_inside: set[str] = field(default_factory=set)
    # chunks only: holds a word of rules, phrase_rare, topic_predicates, rq_cues or urgency; a unit
    # without one needs no rule (the first test of each part of needs_rules), one look-up in C
    calls: set[str] = field(default_factory=set)

    def needs_rules(self, words) -> bool:
        """Whether a unit needs the rule path: a rule word with a hit in its reach, the first two
        words of a multi-word entry one after the other, a topic predicate and a topic noun, a
        question particle and a question mark, an urgency word and a modal, or a pronoun of formal
        address and a negator."""
        return not ((self.rules.isdisjoint(words) or self._out_of_reach(words))
                    and (self.phrase_rare.isdisjoint(words) or self.phrase_heads.isdisjoint(words)
                         or not self._may_hold_phrase(words))
                    and (self.topic_predicates.isdisjoint(words) or self.topics.isdisjoint(words))
                    and (self.rq_cues.isdisjoint(words) or self.question_marks.isdisjoint(words))
                    and (self.urgency.isdisjoint(words) or self.modals.isdisjoint(words))
                    and (self.address.isdisjoint(words) or self.negators.isdisjoint(words)))

    def _out_of_reach(self, words) -> bool:
        """Whether every rule word of ``words`` acts only forward (:attr:`reach`) and no word that may
        hold a lexicon word stands within its reach: then the rules change nothing ("do not
        hesitate to call" is the sum of its plain words)."""
        reach, lexical = self.reach, self.lexical
        for j in compress(range(len(words)), map(self.rules.__contains__, words)):
            r = reach.get(words[j])
            if r is None or not lexical.isdisjoint(words[j + 1:j + 1 + r]):
                return False
        return True

    def _may_hold_phrase(self, words) -> bool:
        """Whether the first two words of a multi-word entry may stand one after the other in ``words``."""
        if not self.phrase_inside.isdisjoint(words):
            return True
        after, opens = self.phrase_after, self.phrase_opens
        return any(not after[words[j]].isdisjoint(opens.get(words[j + 1], ()))
                   for j in compress(range(len(words) - 1), map(after.__contains__, words)))


@dataclass
class Lexicon:
    """Everything the engine knows about one language (built once, see :func:`lexicon`)."""

    lang: str
    entries: dict[str, Entry]
    stems: dict[str, Entry]
    non_nouns: dict[str, Entry]         # German: the same without the (capitalised) noun entries,
    non_noun_stems: dict[str, Entry]    # for lower-case words
    endings: dict[bool, frozenset[str]]  # inflection endings after a noun (True) or other entry (False)
    function_words: frozenset[str]      # stopwords.txt
    actor_heads: tuple[str, ...]        # role and institution nouns (role_nouns.tsv) and their plurals:
                                        # Gesundheits|minister names an actor, not a tone
    noun_starts: frozenset[str]         # first letters of the diplomatic lexicon's nouns (compound modifiers)
    prefixes: frozenset[str]            # first letters (folded) of every entry and stem: a cheap test
                                        # before stemming a word or lemmatizing a compound's head
    stem: object
    phrases: dict[str, list[tuple[tuple[str, ...], Entry]]]
    negators: frozenset[str]
    negator_suffixes: tuple[str, ...]
    post_negators: frozenset[str]
    correlatives: dict[str, str]
    negation_exceptions: dict[str, frozenset[str]]
    intensifiers: dict[str, float]
    shifters: dict[str, bool]           # valence shifter → reverses positive hits too
    contrast: frozenset[str]
    clause_markers: frozenset[str]
    clause_predicates: frozenset[str]
    complementizers: frozenset[str]
    forward_negators: frozenset[str]
    compounds: bool
    names_by_case: bool                 # capitals mark names (not German, which capitalises every noun)
    phrase_tails: frozenset[str] = frozenset()
    phrase_seconds: frozenset[str] = frozenset()   # the second words of the multi-word entries
    first_correlatives: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()        # separable verb particles (German: ab, zurück …)
    particle_verbs: frozenset[str] = frozenset()   # particle verbs with a role (ablehnen, aufheben), lower case
    topic_predicates: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)  # lemma or form →
                                                   # (reverse, confirm or harm; words after which it is none)
    particle_bases: dict[str, frozenset[str]] = field(default_factory=dict)  # words that can be their verb
                                                   # (lehnt, brach, weisen) → the particles they join with
    criticism: dict[str, str] = field(default_factory=dict)  # cue of a criticism construction → its role
                                                   # (opener, particle, particle-any, irony, concession, modal, urgency)
    types: dict[str, tuple] = field(default_factory=dict)  # per word type: (flags, lemma, entry, factor, note)
    lemmas: dict[str, str] = field(default_factory=dict)   # per word type: lower-cased lemma
    words: Roles = field(default_factory=Roles)           # per word type seen
    chunks: Roles = field(default_factory=Roles)          # per whitespace-delimited chunk seen

    def bound_caches(self, *, most: int = MAX_CACHED) -> None:
        """Forget what was learnt about word types and chunks once one of the caches holds more
        than ``most`` of them, so that memory stays bounded on an open vocabulary. Call it between
        batches of units (:func:`analysis.sentiment.score_sentiment` does), never during one.

        >>> lx = lexicon("de")
        >>> _ = lx.types.setdefault("Einigung", False)
        >>> lx.bound_caches(most=0)
        >>> len(lx.types)
        0
        """
        if max(len(self.types), len(self.lemmas), len(self.chunks.tokens)) > most:
            self.types.clear()
            self.lemmas.clear()
            self.words, self.chunks = Roles(), Roles()


def _package_file(package: str, *parts: str) -> Path | None:
    spec = _import_util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)
    return path if path.exists() else None


def _base_vader() -> dict[str, float]:
    """vaderSentiment's lexicon (MIT), read from the installed package; values −4…4 → −1…1."""
    path = _package_file("vaderSentiment", "vader_lexicon.txt")
    if path is None:
        log.warning("vaderSentiment is not installed: English scores use the diplomatic lexicon only")
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            try:
                out[parts[0].strip().lower()] = float(parts[1]) / 4.0
            except ValueError:
                continue
    return out


def _base_textblob_de() -> dict[str, float]:
    """The German polarity lexicon bundled with textblob-de (lemmas, −1…1), read from the package."""
    path = _package_file("textblob_de", "data", "de-sentiment.xml")
    if path is None:
        log.warning("textblob-de is not installed: German scores use the diplomatic lexicon only")
        return {}
    sums: dict[str, list[float]] = {}
    for w in ET.parse(path).getroot().iter("word"):
        form, pol = w.get("form"), w.get("polarity")
        if not form or pol is None:
            continue
        try:
            sums.setdefault(form.lower(), []).append(float(pol))
        except ValueError:
            continue
    return {k: sum(v) / len(v) for k, v in sums.items() if any(v)}


BASES = {"en": _base_vader, "de": _base_textblob_de}


def _optional_list(lang: str, name: str) -> frozenset[str]:
    return wordlist(lang, name) if (ROOT / lang / f"{name}.txt").exists() else frozenset()


def _index(single: list[Entry], base: dict[str, Entry], lang: str, stem) -> tuple[dict, dict]:
    """Look-up tables of one-word entries: by lower-cased form and lemma (over the base lexicon),
    and by Snowball stem for inflected forms the lemmatizer does not know (eskaliert → eskali)."""
    entries = dict(base)
    # exact forms first, then lemma keys where no exact form claimed them (Streit vs. streiten)
    for e in single:
        entries[e.term.lower()] = e
    claimed = {e.term.lower() for e in single}
    exact = _optional_list(lang, "sentiment_exact_forms")  # könnte is a hedge, kann is not
    for e in single:
        for k in ([] if e.term in exact else _key(e.term, lang)[1:]):
            if k not in claimed:
                entries[k] = e
    stems: dict[str, Entry] = {}
    if stem is not None:
        for e in single:
            if e.term not in exact:
                stems.setdefault(stem(e.term.lower()), e)
    return entries, stems


def _inflection_endings(lang: str) -> dict[bool, frozenset[str]]:
    """``resources/<lang>/inflection_endings.tsv`` by kind of entry: nouns (True), other words (False)."""
    if not (ROOT / lang / "inflection_endings.tsv").exists():
        return {}
    t = table(lang, "inflection_endings")
    return {noun: frozenset(t.loc[t.applies_to == kind, "ending"]) for noun, kind in ((True, "noun"), (False, "word"))}


def _key(term: str, lang: str) -> list[str]:
    """Lookup keys of a lexicon term: its lower-cased form and its lower-cased lemma.

    The lemma is taken of the term as written: *betonen* is not looked up as *Beton*, nor
    *weinen* as *Wein*."""
    low = term.lower()
    lem = _lemmatize(term, lang).lower()
    return [low] if lem == low else [low, lem]


def _rarest(words: tuple[str, ...], lang: str) -> str:
    """The least frequent word of a multi-word entry (wordfreq's Zipf scale; the last word without it).

    Units that contain no such key word cannot contain the entry and skip the rule path.
    """
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return words[-1]
    return min(words, key=lambda w: (zipf_frequency(w, lang), -words.index(w)))


NOUNS_CAPITALISED = frozenset({"de"})  # languages that capitalise every noun, so capitals do not mark names
STEMMED = frozenset({"de"})  # Snowball fallback (analysis.wordforms.stem); English: simplemma and VADER's forms suffice


def _stemmer(lang: str):
    """Snowball stemmer for ``lang`` that keeps umlauts (*schon* is not *schön*), or None."""
    return partial(stem_word, lang=lang) if lang in STEMMED else None


def available_languages() -> list[str]:
    """Languages that have a sentiment lexicon (``resources/<lang>/sentiment_lexicon.tsv``).

    >>> available_languages()
    ['de', 'en']
    """
    return sorted(p.parent.name for p in ROOT.glob("*/sentiment_lexicon.tsv"))


@cache
def lexicon(lang: str) -> Lexicon:
    """Load (once) the lexicons and rule word lists of ``lang``.

    :class:`InputError` when the language has no sentiment lexicon.

    >>> lexicon("de").entries["einigung"].cooperation > 0
    True
    """
    lx = _load_lexicon(lang)
    forgets(partial(lx.bound_caches, most=0))  # what it learns about word types
    return lx


def _load_lexicon(lang: str) -> Lexicon:
    if lang not in available_languages():
        raise InputError(
            f"no sentiment lexicon for language {lang!r} (available: {', '.join(available_languages())}); "
            "add resources/<lang>/sentiment_lexicon.tsv or pass lang= explicitly")
    entries: dict[str, Entry] = {}
    base_fn = BASES.get(lang)
    bw = BASE_WEIGHT.get(lang, 1.0)
    src = {"en": "vader", "de": "textblob-de"}.get(lang, "base")
    if base_fn is not None:
        exclude = {w.lower() for w in _optional_list(lang, "sentiment_base_exclude")}
        for term, pol in base_fn().items():
            if term in exclude:
                continue
            entries[term] = Entry(term, pol * bw, 0.0, 0.0, src)
    phrases: dict[str, list] = {}
    diplomatic = table(lang, "sentiment_lexicon")
    single: list[Entry] = []
    for row in diplomatic.itertuples(index=False):
        term = row.term.strip()
        if not term:
            continue
        e = Entry(term, float(row.polarity or 0), float(row.cooperation or 0), float(row.certainty or 0), "diplomatic")
        words = term.split()
        if len(words) > 1:
            lemmas = tuple(_lemmatize(w, lang).lower() for w in words)
            phrases.setdefault(lemmas[0], []).append((lemmas, e))
            if words[0].lower() != lemmas[0]:
                phrases.setdefault(words[0].lower(), []).append((lemmas, e))
        else:
            single.append(e)
    stem = _stemmer(lang)
    base = entries
    entries, stems = _index(single, base, lang, stem)
    # German nouns are capitalised: lower-case words are looked up without the noun entries
    non_nouns, non_noun_stems = _index([e for e in single if not e.term[:1].isupper()], base, lang, stem) \
        if lang in NOUNS_CAPITALISED else (entries, stems)
    entries, stems, non_nouns, non_noun_stems = _with_topics(lang, entries, stems, non_nouns, non_noun_stems)
    topic_predicates = _topic_predicates(lang)
    for v in phrases.values():
        v.sort(key=lambda p: -len(p[0]))
    shifters = {k: r.reverses == "both" for r in table(lang, "shifters").itertuples(index=False)
                for k in {r.term.lower(), _lemmatize(r.term, lang).lower()}}
    separable = particles(lang)
    # particle verbs whose verb and particle are read as one word (see analysis.particle_verbs)
    particle_verbs = frozenset(
        k for k in chain((k for k, e in non_nouns.items() if e.polarity or e.cooperation or e.certainty), shifters,
                         topic_predicates)
        if any(is_particle_verb(k, p, lang) for p in separable))
    ints = table(lang, "intensifiers")
    corr = table(lang, "correlative_negators") if (ROOT / lang / "correlative_negators.tsv").exists() else None
    exc: dict[str, set] = {}
    for line in _optional_list(lang, "negation_exceptions"):
        a, _, b = line.partition(" ")
        exc.setdefault(a.lower(), set()).add(b.lower())
    return Lexicon(
        lang=lang,
        entries=entries,
        stems=stems,
        non_nouns=non_nouns,
        non_noun_stems=non_noun_stems,
        endings=_inflection_endings(lang),
        function_words=_optional_list(lang, "stopwords"),
        actor_heads=tuple(r + e for r in table(lang, "role_nouns")["role"].str.lower() for e in ("", "s", "n", "en", "nen"))
        if (ROOT / lang / "role_nouns.tsv").exists() else (),
        prefixes=frozenset(fold(k[:PREFIX + 1])[:PREFIX] for k in chain(entries, stems)),
        noun_starts=frozenset(k[:MIN_COMPOUND_PART - 1] for k, e in entries.items()
                              if e.source == "diplomatic" and e.term[:1].isupper()),
        stem=stem,
        phrases=phrases,
        negators=frozenset(w.lower() for w in wordlist(lang, "negators") if not w.startswith("*")),
        negator_suffixes=tuple(w[1:].lower() for w in wordlist(lang, "negators") if w.startswith("*")),
        post_negators=frozenset(w.lower() for w in _optional_list(lang, "post_negators")),
        correlatives={} if corr is None else dict(zip(corr["second"].str.lower(), corr["first"].str.lower())),
        negation_exceptions={k: frozenset(v) for k, v in exc.items()},
        intensifiers={r.term.lower(): float(r.factor) for r in ints.itertuples(index=False)},
        shifters=shifters,
        contrast=frozenset(w.lower() for w in wordlist(lang, "contrast")),
        clause_markers=frozenset(w.lower() for w in wordlist(lang, "clause_markers")),
        clause_predicates=frozenset(w.lower() for w in _optional_list(lang, "clause_predicates")),
        complementizers=frozenset(w.lower() for w in _optional_list(lang, "complementizers")),
        forward_negators=frozenset(w.lower() for w in _optional_list(lang, "forward_negators")),
        compounds=lang == "de",
        names_by_case=lang not in NOUNS_CAPITALISED,
        phrase_tails=frozenset(_rarest(p, lang) for v in phrases.values() for p, _ in v),
        phrase_seconds=frozenset(p[1] for v in phrases.values() for p, _ in v),
        first_correlatives=frozenset() if corr is None else frozenset(corr["first"].str.lower()),
        particles=separable,
        particle_verbs=particle_verbs,
        topic_predicates=topic_predicates,
        particle_bases=particle_verb_bases(particle_verbs, lang=lang) if particle_verbs else {},
        criticism=_criticism_cues(lang),
    )


def _criticism_cues(lang: str) -> dict[str, str]:
    """``criticism_cues.tsv``: cue (lower case) → role; a marker is named by its construction (irony, concession)."""
    if not (ROOT / lang / "criticism_cues.tsv").exists():
        return {}
    t = table(lang, "criticism_cues")
    return {c.lower(): k if r == "marker" else r for c, k, r in zip(t["cue"], t["construction"], t["role"])}


def _topic_nouns(lang: str) -> frozenset[str]:
    """The topic nouns and the relation words (``relation_words.txt``: cooperation, ally, aid), which
    name an event or relation without judging it; both carry no polarity alone."""
    return frozenset(w.lower() for name in ("topic_nouns", "relation_words") for w in _optional_list(lang, name))


def _with_topics(lang: str, *tables: dict) -> tuple[dict, ...]:
    """The look-up tables with the entries of topic nouns (``topic_nouns.txt``) and relation words made topics."""
    topics = _topic_nouns(lang)
    if not topics:
        return tables
    return tuple({k: _as_topic(e, topics, lang) for k, e in d.items()} for d in tables)


def _as_topic(e: Entry, topics: frozenset[str], lang: str) -> Entry:
    """The entry of a topic noun: no polarity of its own, the lexicon's kept as ``topic``."""
    if not e.polarity or e.topic or " " in e.term:
        return e
    low = e.term.lower()
    if low not in topics and _lemmatize(e.term, lang).lower() not in topics:
        return e
    return Entry(e.term, 0.0, e.cooperation, e.certainty, e.source, topic=e.polarity)


def _topic_predicates(lang: str) -> dict[str, tuple[str, frozenset[str]]]:
    """``topic_predicates.tsv``: lemma and form (lower case) → (kind, words after which it is no predicate)."""
    if not (ROOT / lang / "topic_predicates.tsv").exists():
        return {}
    t = table(lang, "topic_predicates")
    out = {}
    for term, kind, guard in zip(t["term"], t["kind"], t["not_after"]):
        if kind not in ("reverse", "confirm", "harm"):
            raise InputError(f"resources/{lang}/topic_predicates.tsv: kind of {term!r} must be reverse, confirm or harm, "
                             f"not {kind!r}")
        value = (kind, frozenset(w.lower() for w in str(guard or "").split("|") if w))
        for k in {term.lower(), _lemmatize(term, lang).lower()}:
            out.setdefault(k, value)
    return out


def fold(word: str) -> str:
    """A word as Snowball stems begin: umlauts and ß folded (German), so prefixes compare."""
    return word.translate(_FOLD)


_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})

