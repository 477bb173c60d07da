"""Concepts of a discourse network: a user's dictionary, its matches in a text, or key terms found in quotations.

A concept dictionary names each concept and how it is written, in YAML or CSV:

.. code-block:: yaml

    Lockerung der Sanktionen:
      lang: de                       # optional: the entries hold only for this language
      lemmas: [Sanktionslockerung]   # one word, matched by its lemma (case folded)
      phrases: [Lockerung der Sanktionen, Lockerung der Strafmaßnahmen]   # words in a row, by lemma
      regexes: ['Sanktionen\\b.{0,60}\\bgelockert']                       # Python regex, case folded
    Atomkraft:
      lemmas: [Atomkraft, Kernenergie]
      opposites: [Atomausstieg]      # what the concept opposes: a stance for it is against the concept
    Energiepreise und Entlastung:
      lemmas: [Entlastung]
      exclude: [Familie, Steuerzahler, Landwirt*]   # not a mention with one of these words near it
      window: 6                      # how near: words either side in the sentence (default 10)
    aid to Ukraine:
      phrases: [supplemental]
      require: [Ukraine, Ukrainian*] # a mention only with one of these words near it

or a CSV with the columns ``concept, kind, pattern`` (``kind``: lemma, phrase, regex, exclude or
require) and optionally ``lang``, ``sign`` (−1 for an opposite) and ``window``. The context terms
of ``exclude`` and ``require`` are matched like lemmas (one word) or phrases (several), or by their
beginning with a final ``*``, among the words around the mention (:func:`find_concepts`). An opposite names the concept's reversal or
the problem it remedies (*Atomausstieg* for Atomkraft, *climate change* for climate action, *high
energy prices* for relief); one word is matched as a lemma, several as a phrase, and a mention's
agreement is reversed (``Mention.sign``). :func:`read_concepts` returns one row per pattern and raises
:class:`~analysis.errors.InputError` naming the line of a malformed entry; :func:`find_concepts`
gives the mentions of the concepts in a text; :func:`discover_concepts` proposes concepts from
the quotations of a corpus when there is no dictionary (key lemmas by keyness against
general-language frequencies, see ``docs/networks.md``).

>>> d = read_concepts({"Sanktionen": {"lemmas": ["Sanktion"], "phrases": ["Lockerung der Strafmaßnahmen"]}})
>>> d[["concept", "kind", "pattern"]].values.tolist()
[['Sanktionen', 'lemma', 'Sanktion'], ['Sanktionen', 'phrase', 'Lockerung der Strafmaßnahmen']]
>>> [m.concept for m in find_concepts("Kim verlangte eine Lockerung der Strafmaßnahmen.", d, lang="de")]
['Sanktionen']
"""
from __future__ import annotations

import csv
import io
import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from analysis.errors import InputError
from analysis.resources import word_class
from analysis.runtime import word_cache
from analysis.segment import lemmatize

log = logging.getLogger(__name__)

CONCEPT_COLUMNS = ["concept", "kind", "pattern", "lang", "line", "sign", "window"]
KINDS = {"lemmas": "lemma", "phrases": "phrase", "regexes": "regex"}
CONTEXT = {"exclude": "exclude", "require": "require"}  # terms around a mention that void or license it
WINDOW = 10  # words either side of a mention, within its sentence, where its context terms count
SENTENCE_END = re.compile(r"[.!?]\s")
WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True)
class Mention:
    """A concept found in a text: the concept, the pattern that found it, its offsets and its sign
    (−1 for an opposite of the concept)."""

    concept: str
    kind: str
    pattern: str
    start: int
    end: int
    sign: int = 1


def _fold(word: str, lang: str) -> str:
    return _lemma(word, lang).casefold()


@word_cache(maxsize=200_000)
def _lemma(word: str, lang: str) -> str:
    return lemmatize(word, lang)


def _frame(rows: list[dict]) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=CONCEPT_COLUMNS)
    out = out.assign(sign=out["sign"].fillna(1), window=out["window"].fillna(WINDOW))
    return out.astype({"line": "int64", "sign": "int64", "window": "int64"})


def _check_pattern(concept: str, kind: str, pattern, line: int, where: str) -> str:
    if not isinstance(pattern, str) or not pattern.strip():
        raise InputError(f"{where} line {line}: concept {concept!r}: a {kind} must be non-empty text, got {pattern!r}")
    pattern = pattern.strip()
    if kind == "regex":
        try:
            re.compile(pattern)
        except re.error as exc:
            raise InputError(f"{where} line {line}: concept {concept!r}: invalid regex {pattern!r}: {exc}") from None
    elif kind == "lemma" and len(WORD.findall(pattern)) != 1:
        raise InputError(f"{where} line {line}: concept {concept!r}: a lemma is one word, got {pattern!r} "
                         "(list words in a row under phrases)")
    elif kind in CONTEXT and (not WORD.findall(pattern) or "*" in pattern.rstrip("*") or pattern.endswith("**")
                              or (pattern.endswith("*") and len(WORD.findall(pattern)) != 1)):
        raise InputError(f"{where} line {line}: concept {concept!r}: an {kind} term is a word or words in a row, "
                         f"a single word may end in * to match its beginning; got {pattern!r}")
    return pattern


def _check_window(concept: str, value, line: int, where: str) -> int:
    try:
        window = int(str(value).strip())
    except ValueError:
        window = 0
    if window < 1 or str(value).strip() != str(window):
        raise InputError(f"{where} line {line}: concept {concept!r}: window must be a whole number of words "
                         f"of 1 or more, got {value!r}")
    return window


def _check_context(concept: str, entries: list, line: int, where: str) -> None:
    if not any(kind in KINDS.values() for kind, *_ in entries):
        if entries:
            raise InputError(f"{where} line {line}: concept {concept!r} has exclude or require terms but no lemmas, "
                             "phrases or regexes to apply them to")
        raise InputError(f"{where} line {line}: concept {concept!r} has no lemmas, phrases or regexes")


def _from_yaml(text: str, where: str) -> pd.DataFrame:
    import yaml

    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        raise InputError(f"{where}{line}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if root is None:
        return _frame([])
    if not isinstance(root, yaml.MappingNode):
        raise InputError(f"{where} line {root.start_mark.line + 1}: expected a mapping of concept names "
                         "to their lemmas, phrases and regexes")
    rows = []
    for key, value in root.value:
        concept, line = str(key.value).strip(), key.start_mark.line + 1
        if not concept:
            raise InputError(f"{where} line {line}: empty concept name")
        if not isinstance(value, yaml.MappingNode):
            raise InputError(f"{where} line {value.start_mark.line + 1}: concept {concept!r}: expected "
                             "lemmas:, phrases: or regexes: (and optionally lang:) under the concept name")
        lang, window = "", WINDOW
        entries = []
        for k, v in value.value:
            field, kline = str(k.value), k.start_mark.line + 1
            if field == "lang" and isinstance(v, yaml.ScalarNode):
                lang = str(v.value).strip()
            elif field == "window" and isinstance(v, yaml.ScalarNode):
                window = _check_window(concept, v.value, kline, where)
            elif field in KINDS or field in CONTEXT or field == "opposites":
                items = v.value if isinstance(v, yaml.SequenceNode) else [v]
                for item in items:
                    if not isinstance(item, yaml.ScalarNode):
                        raise InputError(f"{where} line {item.start_mark.line + 1}: concept {concept!r}: "
                                         f"{field} must be a list of text")
                    ln, sign = item.start_mark.line + 1, -1 if field == "opposites" else 1
                    kind = KINDS.get(field) or CONTEXT.get(field) or (
                        "lemma" if len(WORD.findall(item.value)) == 1 else "phrase")
                    entries.append((kind, _check_pattern(concept, kind, item.value, ln, where), ln, sign))
            else:
                raise InputError(f"{where} line {kline}: concept {concept!r}: unknown field {field!r} "
                                 "(expected lemmas, phrases, regexes, opposites, exclude, require, window or lang)")
        _check_context(concept, entries, line, where)
        rows += [{"concept": concept, "kind": kd, "pattern": p, "lang": lang, "line": ln, "sign": sg, "window": window}
                 for kd, p, ln, sg in entries]
    return _frame(rows)


def _from_csv(text: str, where: str) -> pd.DataFrame:
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None:
        return _frame([])
    header = [h.strip().lower() for h in header]
    missing = [c for c in ("concept", "kind", "pattern") if c not in header]
    if missing:
        raise InputError(f"{where} line 1: missing column(s) {', '.join(missing)}; found {', '.join(header)} "
                         "(expected concept, kind, pattern and optionally lang, sign, window)")
    rows, windows = [], {}
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            raise InputError(f"{where} line {line}: {len(values)} fields, expected {len(header)} ({', '.join(header)})")
        rec = dict(zip(header, values))
        concept, kind = rec["concept"].strip(), rec["kind"].strip().lower()
        kind = KINDS.get(kind, kind)
        if not concept:
            raise InputError(f"{where} line {line}: empty concept name")
        if kind not in KINDS.values() and kind not in CONTEXT:
            raise InputError(f"{where} line {line}: kind {rec['kind']!r}; expected lemma, phrase, regex, exclude or require")
        sign = rec.get("sign", "").strip() or "1"
        if sign not in ("1", "-1"):
            raise InputError(f"{where} line {line}: sign {rec['sign']!r}; expected 1 or -1 (an opposite)")
        if rec.get("window", "").strip():
            window = _check_window(concept, rec["window"], line, where)
            if windows.setdefault(concept, (window, line))[0] != window:
                raise InputError(f"{where} line {line}: concept {concept!r}: window {window}, but line "
                                 f"{windows[concept][1]} gives {windows[concept][0]} (one window per concept)")
        rows.append({"concept": concept, "kind": kind, "pattern": _check_pattern(concept, kind, rec["pattern"], line, where),
                     "lang": rec.get("lang", "").strip(), "line": line, "sign": int(sign)})
    for concept in dict.fromkeys(r["concept"] for r in rows):
        own = [r for r in rows if r["concept"] == concept]
        _check_context(concept, [(r["kind"],) for r in own], own[0]["line"], where)
        for r in own:
            r["window"] = windows.get(concept, (WINDOW,))[0]
    return _frame(rows)


def read_concepts(source) -> pd.DataFrame:
    """The concept dictionary ``source`` (a ``.yaml``/``.yml``/``.csv`` path, a mapping, or a table
    with ``concept, kind, pattern``; a table it returned is returned as it is) as a table:
    ``concept, kind, pattern, lang, line``.

    >>> read_concepts({"Abrüstung": {"regexes": ["abr(ü|ue)st"]}})["kind"].tolist()
    ['regex']
    >>> read_concepts({"X": {"lemmas": ["zwei Wörter"]}})
    Traceback (most recent call last):
    ...
    analysis.errors.InputError: concepts line 3: concept 'X': a lemma is one word, got 'zwei Wörter' (list words in a row under phrases)
    """
    if isinstance(source, pd.DataFrame):
        if "line" in source.columns:  # already read
            return source
        return _from_csv(source.to_csv(index=False), "concepts")
    if isinstance(source, dict):
        import yaml

        return _from_yaml(yaml.safe_dump(source, allow_unicode=True, sort_keys=False), "concepts")
    path = Path(source)
    if not path.is_file():
        raise InputError(f"{path}: concept dictionary not found")
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() in (".yaml", ".yml"):
        return _from_yaml(text, str(path))
    if path.suffix.lower() in (".csv", ".tsv"):
        return _from_csv(text.replace("\t", ",") if path.suffix.lower() == ".tsv" else text, str(path))
    raise InputError(f"{path}: a concept dictionary must end in .yaml, .yml or .csv")


@dataclass(frozen=True)
class CompiledConcepts:
    """A dictionary compiled for one language (:func:`compile_concepts`): lemmas by folded form,
    phrases by their first folded word, compiled regexes, and by concept its context: the window
    and the exclude and require terms (each a tuple of folded words, the last a prefix if it ends
    in ``*``)."""

    lang: str
    lemmas: dict
    phrases: dict
    regexes: tuple
    context: dict = None


def _context_term(pattern: str, lang: str) -> tuple:
    words = WORD.findall(pattern)
    if pattern.endswith("*"):
        return (words[0].casefold() + "*",)
    return tuple(_fold(w, lang) for w in words)


def compile_concepts(concepts: pd.DataFrame, *, lang: str) -> CompiledConcepts:
    """``concepts`` (a :func:`read_concepts` table) compiled for ``lang``, to match many texts
    with :func:`find_concepts` without reading the dictionary again.

    >>> c = compile_concepts(read_concepts({"Sanktionen": {"phrases": ["Lockerung der Sanktionen"]}}), lang="de")
    >>> sorted(c.phrases), [m.concept for m in find_concepts("Die Lockerung der Sanktionen", c)]
    (['lockerung'], ['Sanktionen'])
    """
    if "lang" not in concepts.columns:  # a dictionary given as a plain table: read (and checked) as one
        concepts = read_concepts(concepts)
    signs = concepts["sign"] if "sign" in concepts.columns else [1] * len(concepts)
    windows = concepts["window"] if "window" in concepts.columns else [WINDOW] * len(concepts)
    lemmas, phrases, regexes, context = {}, {}, [], {}
    for concept, kind, pattern, plang, sign, window in zip(concepts["concept"], concepts["kind"], concepts["pattern"],
                                                           concepts["lang"].fillna(""), signs, windows):
        if plang and plang != lang:
            continue
        if kind in CONTEXT:
            own = context.setdefault(concept, (int(window), [], []))
            own[1 if kind == "exclude" else 2].append(_context_term(pattern, lang))
        elif kind == "lemma":
            lemmas.setdefault(_fold(pattern, lang), (concept, pattern, sign))
            lemmas.setdefault(pattern.casefold(), (concept, pattern, sign))
        elif kind == "phrase":
            seq = tuple(_fold(w, lang) for w in WORD.findall(pattern))
            if seq:
                phrases.setdefault(seq[0], []).append((concept, pattern, seq, sign))
        else:
            regexes.append((concept, pattern, re.compile(pattern, re.IGNORECASE), sign))
    return CompiledConcepts(lang, lemmas, phrases, tuple(regexes),
                            {c: (w, tuple(ex), tuple(req)) for c, (w, ex, req) in context.items()})


def _has_term(seq: list[str], terms: tuple) -> bool:
    for term in terms:
        n = len(term)
        for i in range(len(seq) - n + 1):
            if term[-1].endswith("*"):
                if seq[i].casefold().startswith(term[-1][:-1]):
                    return True
            elif tuple(seq[i:i + n]) == term:
                return True
    return False


def _in_context(m: Mention, words: list, text: str, context: dict) -> bool:
    """Whether mention ``m`` counts by its concept's context: no exclude term and, if the concept
    requires one, a require term among its words and the ``window`` words either side of it in its
    sentence."""
    if m.concept not in context:
        return True
    window, exclude, require = context[m.concept]
    inside = [i for i, (s, e, _, _) in enumerate(words) if s < m.end and e > m.start]
    first, last = (inside[0], inside[-1]) if inside else (0, -1)
    lo = first
    while lo > 0 and first - lo < window and not SENTENCE_END.search(text[words[lo - 1][1]:words[lo][0]]):
        lo -= 1
    hi = last
    while hi + 1 < len(words) and hi - last < window and not SENTENCE_END.search(text[words[hi][1]:words[hi + 1][0]]):
        hi += 1
    # the mention's words and those around it, by lemma and by form ("aid to Ukraine" holds its required Ukraine)
    around = [[w[k] for w in words[lo:hi + 1]] for k in (2, 3)]
    if any(_has_term(seq, exclude) for seq in around):
        return False
    return not require or any(_has_term(seq, require) for seq in around)


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A regex match widened to the words it touches (``Strafma(ß|ss)nahme`` finds ``Strafmaßnahmen``)."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


NAME_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[,&]")


@cache
def _name_parts(lang: str) -> dict[str, frozenset]:
    """The word classes of ``resources/<lang>/name_heads.tsv`` (German's for a language without it)."""
    return {cls: word_class(lang, "name_heads", cls) for cls in ("head", "suffix", "linker", "joiner", "binder", "extends")}


def _is_head(word: str, parts: dict) -> bool:
    low = word.casefold()
    return word[0].isupper() and (low in parts["head"] or any(low.endswith(x) for x in parts["suffix"]))


def name_spans(text: str, *, lang: str = "de") -> list[tuple[int, int, int, int]]:
    """The proper names of organisations, offices, laws and programmes in ``text`` as ``(start, end,
    head_start, head_end)``: a capitalised head of ``resources/<lang>/name_heads.tsv`` (*Act*,
    *Committee*, *…amt*, *…ministerium*) with the field its linker opens (*Department of Energy*,
    *Bundesamt für Migration und Flüchtlinge*: capitalised words joined by the joiners, one lower-case
    word before a capitalised one), and where the language writes names in Title Case, the capitalised
    words before the head (*House Transportation and Infrastructure Committee*). Words are adjacent
    only across spaces.

    >>> t = "Das Bundesamt für Migration und Flüchtlinge prüft."
    >>> [t[s:e] for s, e, _, _ in name_spans(t, lang="de")]
    ['Bundesamt für Migration und Flüchtlinge']
    """
    parts = _name_parts(lang)
    toks = [(m.start(), m.end(), m.group()) for m in NAME_TOKEN.finditer(text)]
    title = "left" in parts["extends"]

    def near(i: int, j: int) -> bool:  # token j follows token i across spaces only
        return 0 <= i < j < len(toks) and not text[toks[i][1]:toks[j][0]].strip()

    def cap(i: int) -> bool:
        return toks[i][2][0].isupper()

    out = []
    for h, (hs, he, word) in enumerate(toks):
        if not _is_head(word, parts):
            continue
        first = last = h
        while title and first > 0 and near(first - 1, first):  # Title Case words before the head
            j = first - 1
            if toks[j][2].casefold() in parts["binder"] and near(j - 1, j):
                j -= 1
            if not cap(j) or toks[j][2].casefold() in parts["binder"] | parts["joiner"]:
                break
            first = j
        if near(h, h + 1) and toks[h + 1][2].casefold() in parts["linker"]:
            last = _field_end(toks, h + 2, near, cap, lambda i: toks[i][2].casefold() in parts["joiner"], title) or h
        if last > first:
            out.append((toks[first][0], toks[last][1], hs, he))
    return out


def _field_end(toks: list, j: int, near, cap, joiner, title: bool) -> int | None:
    """The last token of the field a name's linker opens at token ``j`` (None when there is none):
    capitalised words and the joiners between them; in German one lower-case word (an adjective)
    may stand before a noun, and the nouns stand only between joiners."""
    end = None
    while True:
        k = j
        while k < len(toks) and near(k - 1, k) and joiner(k):
            k += 1
        if k >= len(toks) or not near(k - 1, k):
            return end
        if not title and end is not None and k == j:  # German: the field's nouns stand between joiners
            return end
        if not title and not cap(k) and near(k, k + 1):
            k += 1
        if not cap(k) or joiner(k):
            return end
        end, j = k, k + 1


def _outside_names(text: str, mentions: list[Mention], lang: str) -> list[Mention]:
    """``mentions`` without those inside a proper name that do not take in its head (*Migration* in
    *Bundesamt für Migration*; the dictionary's *Inflation Reduction Act* is kept whole)."""
    names = name_spans(text, lang=lang)
    return [m for m in mentions if not any(s <= m.start and m.end <= e and not (m.start <= hs and he <= m.end)
                                           for s, e, hs, he in names)]


def find_concepts(text: str, concepts, *, lang: str = "de") -> list[Mention]:
    """Mentions of the dictionary's concepts in ``text``, by position; where mentions overlap, the
    longest is kept (one mention per stretch of text), so that a phrase wins over its head lemma.
    A concept's words inside the proper name of an organisation, office, law or programme
    (:func:`name_spans`) are no mention of it, unless the mention takes in the name's head.
    A regex match is widened to the whole words it touches. ``concepts`` is a :func:`read_concepts`
    table or, to match many texts, :func:`compile_concepts` of it (whose language then holds).

    >>> d = read_concepts({"Gespräche": {"phrases": ["Sechs-Parteien-Gespräche"]}})
    >>> [(m.concept, m.start, m.end) for m in find_concepts("eine Neuauflage der Sechs-Parteien-Gespräche", d)]
    [('Gespräche', 20, 44)]
    """
    if not isinstance(text, str) or not text or concepts is None:
        return []
    if not isinstance(concepts, CompiledConcepts):
        if concepts.empty:
            return []
        concepts = compile_concepts(concepts, lang=lang)
    lang = concepts.lang
    words = [(m.start(), m.end(), _fold(m.group(), lang), m.group().casefold()) for m in WORD.finditer(text)]
    found = []
    for i, (s, e, w, _) in enumerate(words):
        if w in concepts.lemmas:
            concept, pattern, sign = concepts.lemmas[w]
            found.append(Mention(concept, "lemma", pattern, s, e, sign))
        for concept, pattern, seq, sign in concepts.phrases.get(w, ()):
            if tuple(x[2] for x in words[i:i + len(seq)]) == seq:
                found.append(Mention(concept, "phrase", pattern, s, words[i + len(seq) - 1][1], sign))
    for concept, pattern, rx, sign in concepts.regexes:
        found += [Mention(concept, "regex", pattern, *_whole_words(text, m.start(), m.end()), sign)
                  for m in rx.finditer(text) if m.end() > m.start()]
    if concepts.context:
        found = [m for m in found if _in_context(m, words, text, concepts.context)]
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for m in sorted(found, key=lambda m: -(m.end - m.start)):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(_outside_names(text, kept, lang) if kept else kept, key=lambda m: m.start)


def discover_concepts(quotes: pd.DataFrame, *, lang: str = "de", top: int = 30, min_freq: int = 3,
                      min_g2: float = 10.83, min_speakers: int = 2) -> pd.DataFrame:
    """A concept dictionary proposed from the quotations: their key nouns by keyness.

    The words of the quotation texts (nouns only: capitalised words in German, words not in the
    stopword list in English; at least three letters, no digits, no word of a speaker's name, none
    of ``resources/<lang>/generic_nouns.txt``) are counted in lower case and compared with
    wordfreq's general-language frequencies of the same forms (:func:`analysis.keyness.keyness`,
    log-likelihood G²). Forms over-used with ``G² >= min_g2`` (p < 0.001) are merged by lemma
    (their counts summed, the lemma ranked by its best form); the ``top`` lemmas with at least
    ``min_freq`` uses by at least ``min_speakers`` speakers become concepts, each matched by its lemma.
    :class:`ConceptCounts` gives the same from quotations read part by part.

    >>> q = pd.DataFrame({"text": ["Die Sanktionen müssen fallen.", "Die Sanktion bleibt."] * 2, "lang": ["de"] * 4,
    ...                   "speaker": ["A", "B"] * 2})
    >>> discover_concepts(q, lang="de")["concept"].tolist()
    ['Sanktion']
    """
    counts = ConceptCounts(lang=lang)
    counts.add(quotes)
    return counts.concepts(top=top, min_freq=min_freq, min_g2=min_g2, min_speakers=min_speakers)


class ConceptCounts:
    """The counts behind :func:`discover_concepts`, summed over parts of a quotes table (memory bounded
    by the vocabulary of the quotations and their speakers, not by the corpus).

    >>> counts = ConceptCounts(lang="de")
    >>> for text, speaker in [("Die Sanktionen müssen fallen.", "A"), ("Die Sanktion bleibt.", "B")] * 2:
    ...     counts.add(pd.DataFrame({"text": [text], "speaker": [speaker]}))
    >>> counts.concepts()["concept"].tolist()
    ['Sanktion']
    """

    def __init__(self, *, lang: str = "de"):
        from analysis.resources import wordlist

        self.lang = lang
        stop = wordlist(lang, "stopwords") if lang in ("de", "en") else frozenset()
        try:
            stop = stop | {w.lower() for w in wordlist(lang, "generic_nouns")}
        except InputError:
            pass
        self.stop, self.names = stop, set()
        self.counts: dict[str, int] = {}
        self.speakers: dict[str, set] = {}
        self.spelled: dict[str, str] = {}
        self._counted: dict[str, str | None] = {}  # word form -> the form counted, None when it is not

    def add(self, quotes: pd.DataFrame) -> None:
        """Count the nouns of one part of the quotations (columns ``text``, ``speaker``, ``speaker_mention``)."""
        self.names |= {w.lower() for col in ("speaker", "speaker_mention") if col in quotes.columns
                       for name in quotes[col].dropna().astype(str) for w in WORD.findall(name)}
        who = quotes["speaker"] if "speaker" in quotes.columns else pd.Series([None] * len(quotes), index=quotes.index)
        counts, speakers, spelled, counted = self.counts, self.speakers, self.spelled, self._counted
        for text, speaker in zip(quotes.get("text", pd.Series(dtype=object)), who):
            if not isinstance(text, str):
                continue
            for w in WORD.findall(text):
                low = counted.get(w, False)
                if low is False:  # a word form met for the first time: is it counted, and as what?
                    low = counted[w] = self._counted_as(w)
                if low is None:
                    continue
                counts[low] = counts.get(low, 0) + 1
                speakers.setdefault(low, set()).add(speaker)
                spelled.setdefault(low, w)

    def _counted_as(self, w: str) -> str | None:
        low = w.lower()
        if len(w) < 3 or low in self.stop or any(c.isdigit() for c in w) or (self.lang == "de" and not w[0].isupper()):
            return None
        return low

    def concepts(self, *, top: int = 30, min_freq: int = 3, min_g2: float = 10.83, min_speakers: int = 2) -> pd.DataFrame:
        """The concept dictionary of the quotations counted so far (options as :func:`discover_concepts`)."""
        from analysis.keyness import keyness

        counts = {w: n for w, n in self.counts.items() if w not in self.names}  # a speaker's name is no concept
        if not counts:
            return _frame([])
        lang = self.lang
        freq = pd.DataFrame({"term": list(counts), "n": list(counts.values())})
        scored = keyness(freq, "wordfreq", unit="lower", lang=lang, min_freq=1)
        scored = scored[scored["g2"] >= min_g2]
        lemmas: dict[str, dict] = {}
        for term, g2 in zip(scored["term"], scored["g2"]):
            lemma = _lemma(self.spelled[term], lang)
            entry = lemmas.setdefault(lemma, {"n": 0, "g2": g2, "speakers": set()})
            entry["n"] += counts[term]
            entry["speakers"] |= self.speakers[term]
        ranked = sorted((lm for lm, e in lemmas.items() if e["n"] >= min_freq and len(e["speakers"]) >= min_speakers),
                        key=lambda lm: (-lemmas[lm]["g2"], lm))[:top]
        rows = [{"concept": lm, "kind": "lemma", "pattern": lm, "lang": lang, "line": 0, "sign": 1} for lm in ranked]
        return _frame(rows)
