"""Tone of sentences and quotes: polarity, cooperation–conflict and certainty, explainable.

A rule engine in the spirit of VADER (Hutto & Gilbert 2014), written for news and diplomatic
language in German and English. A unit (a sentence or a quote) is tokenized; each word is looked
up by its surface form and by its lemma in the language's lexicons (the diplomatic lexicon of
this package first, then the general base lexicon; German compounds are matched by their parts).
Every hit gets a value ``v`` (polarity, cooperation, certainty, each in −1…1) and is modified:

* **negation**: a negator up to ``NEG_WINDOW`` words before the hit, in the same clause, multiplies
  by ``N_SCALAR`` (−0.74, as VADER); in German a negator standing *after* a lower-case word
  (verb, adjective, predicate) in the same clause negates it too ("Russland akzeptiert die
  Bedingungen nicht"). Negating a *clause predicate* (möglich, erreicht, in Sicht; possible,
  reached) negates every hit of its clause ("Eine Einigung war nicht möglich").
  Two negations cancel (``N_SCALAR**2``).
* **valence shifters**: aufheben, lockern, verhindern; lift, ease, prevent reverse the hit they
  govern ("Aufhebung der Sanktionen" is positive, "eine Einigung verhindern" negative).
* **intensifiers and dampeners**: a factor (sehr 1.3, etwas 0.7) on the next hit within two words.
* **contrast**: hits before the last contrast word (aber, jedoch, doch; but, however) × 0.5,
  hits after it × 1.5 (VADER's "but" rule).
* **target proximity** (optional, ``target_col``): hits far from the target mention count less,
  ``w = 1 / (1 + d / TARGET_SCALE)`` with ``d`` the distance in words.

The modified values are summed, ``S = Σ v``, and squashed to −1…1 with
``score = S / sqrt(S² + alpha)`` (VADER's normalisation; our entries are on a −1…1 scale, so
``alpha`` is VADER's 15 divided by 4² ≈ 1). The ``label`` is ``neutral`` when
``-band <= polarity <= band`` (``NEUTRAL_BAND``, tunable per call), else positive or negative.

>>> import pandas as pd
>>> units = pd.DataFrame({"text": ["Die Gespräche verliefen konstruktiv und in freundschaftlicher Atmosphäre.",
...                                "Russland akzeptiert die Bedingungen nicht."]})
>>> scored = score_sentiment(units, lang="de", band=0.1)
>>> scored["label"].tolist()
['positive', 'negative']
>>> bool(scored["cooperation"].iloc[0] > 0)
True

References: Hutto, C.J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for
Sentiment Analysis of Social Media Text. ICWSM-14. Taboada, M. et al. (2011). Lexicon-Based
Methods for Sentiment Analysis. Computational Linguistics 37(2). Polanyi, L. & Zaenen, A.
(2006). Contextual Valence Shifters. Computing Attitude and Affect in Text, Springer.
"""
from __future__ import annotations

import html
import logging
import math
import operator
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, partial
from importlib import util as _import_util
from itertools import chain, compress, repeat
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.errors import InputError, require_columns
from analysis.resources import ROOT, table, wordlist
from analysis.runtime import gc_paused
from analysis.segment import lemmatize as _lemmatize
from analysis.wordforms import stem as stem_word

log = logging.getLogger(__name__)

N_SCALAR = -0.74          # VADER's negation factor
NEG_WINDOW = 3            # words before a hit in which a negator applies
SHIFT_WINDOW = (5, 4)     # words after / before a valence shifter in which it reverses a hit
INT_WINDOW = 2            # words before a hit in which an intensifier applies
CONTRAST_BEFORE = 0.5     # weight of hits before the last contrast word
CONTRAST_AFTER = 1.5      # weight of hits after it
TARGET_SCALE = 10.0       # words; w = 1 / (1 + d / TARGET_SCALE)
ALPHA = 1.0               # squashing: score = S / sqrt(S**2 + ALPHA)
LONG_UNIT = 400           # units with more words are scored per sentence and averaged
PREFIX = 3                # letters compared by the prefix test of Lexicon.prefixes
MIN_COMPOUND_PART = 4     # shortest head or modifier used when splitting German compounds
COMPOUND_MODIFIER_WEIGHT = 0.5
# neutral band per language, tuned on the tuning parts of the evaluation sets (docs/sentiment.md)
# a float is symmetric; a pair (neg, pos) means negative below -neg, positive above pos
NEUTRAL_BAND = {"de": 0.4, "en": 0.05}
DEFAULT_BAND = 0.1
BASE_WEIGHT = {"de": 0.15, "en": 1.0}   # weight of base-lexicon entries relative to the diplomatic lexicon

OUTPUT_COLUMNS = ["polarity", "label", "cooperation", "certainty", "n_hits", "hits", "flag"]

# a token is a run of characters that are neither space nor punctuation, or one punctuation mark
# (a negated character class is the fastest pattern for Python's regex engine here)
PUNCT = ".!?;:,()[]{}–—\"„“”»«‚‘…/"
TOKEN_RE = re.compile("[^\\s" + re.escape(PUNCT) + "]+|[" + re.escape(PUNCT) + "]")
SENT_PIECE = re.compile(r"[^.!?\n]+[.!?]*")
LONG_CHARS = 20 * LONG_UNIT  # texts longer than this are certainly long units

# flags of a word type (bit set)
(F_BOUNDARY, F_NEG, F_POSTNEG, F_INT, F_CONTRAST, F_LEX, F_LOWER, F_PHRASE, F_CLAUSEPRED, F_CORR, F_PTAIL, F_SHIFT,
 F_CAPITAL) = (1 << i for i in range(13))
# a word with one of these roles sends its unit through the full rule path; so does the rarest
# word of a multi-word entry (F_PTAIL: "course") together with its first word (F_PHRASE: "of").
# F_CAPITAL: a capitalised lexicon word in a language that capitalises only names and sentence
# starts (English), which may be part of a name ("United Nations", "Clean Air Act")
RULE_ROLES = F_NEG | F_POSTNEG | F_INT | F_CONTRAST | F_CLAUSEPRED | F_CORR | F_SHIFT | F_CAPITAL
SIMPLE_HIT = F_BOUNDARY | F_LEX | F_PHRASE | RULE_ROLES
# tokens after which a word starts a sentence or a quotation (so its capital says nothing)
SENTENCE_OPENERS = frozenset(".!?:;\"“”„«»‘‚([—–…")


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: values in −1…1 and where it came from."""

    term: str
    polarity: float
    cooperation: float
    certainty: float
    source: str


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
    tokens: dict[str, tuple] = field(default_factory=dict)  # the tokens a chunk holds (chunks only)

    def needs_rules(self, words) -> bool:
        """Whether a unit needs the rule path: a rule word, or the first and the rarest word of a
        multi-word entry."""
        return not (self.rules.isdisjoint(words)
                    and (self.phrase_rare.isdisjoint(words) or self.phrase_heads.isdisjoint(words)))


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
    first_correlatives: frozenset[str] = frozenset()
    types: dict[str, tuple] = field(default_factory=dict)  # per word type: (flags, lemma, entry, factor, note)
    lemmas: dict[str, str] = field(default_factory=dict)   # per word type: lower-cased lemma
    words: Roles = field(default_factory=Roles)           # per word type seen
    chunks: Roles = field(default_factory=Roles)          # per whitespace-delimited chunk seen


# --- lexicons -------------------------------------------------------------------------------

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


def _inflects(word: str, entry: Entry, lex: Lexicon) -> bool:
    """Whether lower-case ``word`` is an inflected form of ``entry``: the entry, less a final -e or a
    verb's -n/-en, plus an inflection ending (any word when the language lists no endings).

    >>> lx = lexicon("de")
    >>> _inflects("eskalierte", lx.entries["eskalieren"], lx), _inflects("bereits", lx.entries["bereit"], lx)
    (True, False)
    """
    if not lex.endings:
        return True
    term = entry.term.lower()
    endings = lex.endings[entry.term[:1].isupper()]
    bases = {term, term.removesuffix("e"), term.removesuffix("n"), term.removesuffix("en")}
    return any(word.startswith(b) and word[len(b):] in endings for b in bases)


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
    for v in phrases.values():
        v.sort(key=lambda p: -len(p[0]))
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
        prefixes=frozenset(_fold(k[:PREFIX + 1])[:PREFIX] for k in chain(entries, stems)),
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
        shifters={k: r.reverses == "both" for r in table(lang, "shifters").itertuples(index=False)
                  for k in {r.term.lower(), _lemmatize(r.term, lang).lower()}},
        contrast=frozenset(w.lower() for w in wordlist(lang, "contrast")),
        clause_markers=frozenset(w.lower() for w in wordlist(lang, "clause_markers")),
        clause_predicates=frozenset(w.lower() for w in _optional_list(lang, "clause_predicates")),
        complementizers=frozenset(w.lower() for w in _optional_list(lang, "complementizers")),
        forward_negators=frozenset(w.lower() for w in _optional_list(lang, "forward_negators")),
        compounds=lang == "de",
        names_by_case=lang not in NOUNS_CAPITALISED,
        phrase_tails=frozenset(_rarest(p, lang) for v in phrases.values() for p, _ in v),
        first_correlatives=frozenset() if corr is None else frozenset(corr["first"].str.lower()),
    )


def _fold(word: str) -> str:
    """A word as Snowball stems begin: umlauts and ß folded (German), so prefixes compare."""
    return word.translate(_FOLD)


_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def _is_word(part: str, lang: str) -> bool:
    import simplemma

    try:
        return simplemma.is_known(part.capitalize(), lang) or simplemma.is_known(part, lang)
    except (ValueError, TypeError):
        return False


def _modifier_forms(mod: str) -> list[str]:
    """A compound's first part without its linking element (Friedens- → Frieden, Kriegs- → Krieg)."""
    forms = [mod]
    if mod.endswith("s"):
        forms.append(mod[:-1])
    if mod.endswith(("es", "en", "er")):
        forms.append(mod[:-2])
    if mod.endswith(("n", "e")):
        forms.append(mod[:-1])
    return [f for f in forms if len(f) >= MIN_COMPOUND_PART - 1]


def _compound(word: str, lex: Lexicon) -> tuple[Entry | None, str]:
    """Split a German noun compound into modifier + head and look both up.

    Only capitalised words are split; the head must be a noun entry (its term capitalised) of at
    least ``MIN_COMPOUND_PART`` letters and the modifier a known word (simplemma's dictionary),
    so that Frage is not read as F+rage. The longest head wins; the modifier adds
    ``COMPOUND_MODIFIER_WEIGHT`` × its values. Without a head entry, a modifier from the
    diplomatic lexicon alone counts at that weight (Friedens|gespräche).
    """
    low = word.lower()
    if not word[1:].islower() or low.endswith(lex.actor_heads):
        return None, ""  # BILDplus, iPhone; actors, not events: Bürgermeister, Friedensforscher
    n = len(low)
    for i in range(MIN_COMPOUND_PART, n - MIN_COMPOUND_PART + 1):
        head = low[i:]
        e = lex.entries.get(head)
        if e is None and _fold(head[:PREFIX + 1])[:PREFIX] in lex.prefixes:  # Brände → Brand
            e = lex.entries.get(_lemmatize(head.capitalize(), lex.lang).lower())
        if e is None or not e.term[:1].isupper():
            continue
        forms = _modifier_forms(low[:i])
        if not any(_is_word(f, lex.lang) for f in forms):
            continue
        me = next((lex.entries[f] for f in forms if f in lex.entries), None)
        if me is None:
            return e, f"compound:{low[:i]}+{e.term}"
        w = COMPOUND_MODIFIER_WEIGHT

        def comb(a: float, b: float, w: float = w) -> float:
            return max(-1.0, min(1.0, a + w * b))

        return (Entry(word, comb(e.polarity, me.polarity), comb(e.cooperation, me.cooperation),
                      comb(e.certainty, me.certainty), e.source), f"compound:{me.term}+{e.term}")
    if low[:MIN_COMPOUND_PART - 1] not in lex.noun_starts:  # no diplomatic noun can be the modifier
        return None, ""
    for i in range(n - MIN_COMPOUND_PART, MIN_COMPOUND_PART - 1, -1):
        rest = low[i:]
        for f in _modifier_forms(low[:i]):
            me = lex.entries.get(f)
            if me is not None and me.source == "diplomatic" and me.term[:1].isupper() and _is_word(rest, lex.lang):
                w = COMPOUND_MODIFIER_WEIGHT
                return (Entry(word, me.polarity * w, me.cooperation * w, 0.0, me.source), f"compound:{me.term}+{rest}")
    return None, ""


def _type_info(word: str, lex: Lexicon) -> tuple | None:
    """What a word type means to the engine: (flags, lemma, entry, factor, note) or None."""
    low = word.lower()
    flags = 0
    if low in lex.clause_markers or not low[0].isalnum():
        flags |= F_BOUNDARY
    if low in lex.negators or (lex.negator_suffixes and low.endswith(lex.negator_suffixes)):
        flags |= F_NEG
    if low in lex.post_negators:
        flags |= F_POSTNEG
    if low in lex.correlatives:
        flags |= F_CORR
    if low in lex.contrast:
        flags |= F_CONTRAST
    factor = lex.intensifiers.get(low, 1.0)
    if low in lex.intensifiers:
        flags |= F_INT
    lemma = low
    entry = None
    note = ""
    core = word.strip("'’")
    if core != word and core and not flags & F_NEG:  # 'peace’ used as a quotation mark
        return _remember(core, lex) or None
    if word[0].isalpha():
        lemma = _lemma_of(word, lex)
        if low in lex.clause_predicates or lemma in lex.clause_predicates:
            flags |= F_CLAUSEPRED
        if low in lex.phrases or lemma in lex.phrases:
            flags |= F_PHRASE
        if low in lex.phrase_tails or lemma in lex.phrase_tails:
            flags |= F_PTAIL
        if low in lex.shifters or lemma in lex.shifters:
            flags |= F_SHIFT
        if not flags & (F_NEG | F_INT | F_CONTRAST):
            # German: a lower-case word is no noun ("wohl" is not "Wohl", "sorgen für" not "Sorgen")
            entries, stems = (lex.non_nouns, lex.non_noun_stems) if word[0].islower() else (lex.entries, lex.stems)
            entry = entries.get(low)
            by_lemma = entries.get(lemma)
            if by_lemma is not None and (entry is None or (by_lemma.source == "diplomatic" != entry.source)):
                entry = by_lemma  # the diplomatic lexicon's lemma beats the base lexicon's word form
            if entry is None and lex.stem is not None and len(low) > MIN_COMPOUND_PART:
                entry = stems.get(lex.stem(low)) if _fold(low[:PREFIX + 1])[:PREFIX] in lex.prefixes else None
                if entry is not None and not _inflects(low, entry, lex):
                    entry = None  # same stem, other word: bereits ≠ bereit, Verbindung ≠ verbindlich
                if entry is None and lex.lang == "de" and word[0].islower():
                    # finite verb forms the lemmatizer misses: eskaliert, eskalierte → eskalieren
                    for suf in ("t", "te", "ten", "tet", "et", "st"):
                        if low.endswith(suf) and (e2 := entries.get(low[:-len(suf)] + "en")) is not None \
                                and e2.source == "diplomatic":
                            entry = e2
                            break
                note = "stem" if entry else ""
            if entry is None and "-" in low:  # Grippe-Impfung, Russland-Sanktionen: the last part
                last = word.rsplit("-", 1)[1]
                if last:
                    entry = lex.entries.get(last.lower()) or lex.entries.get(_lemmatize(last, lex.lang).lower())
                    note = "hyphen-head" if entry else ""
            if ((entry is None or entry.source != "diplomatic") and lex.compounds and word[0].isupper()
                    and len(low) >= 2 * MIN_COMPOUND_PART and low.isalpha()):
                # the diplomatic reading of a compound's parts beats the base lexicon's whole word
                c_entry, c_note = _compound(word, lex)
                if c_entry is not None and (entry is None or c_entry.source == "diplomatic"):
                    entry, note = c_entry, c_note
        if entry is not None and low in lex.function_words and entry.term.lower() != low:
            entry = None  # function words match only an entry of their own form: einige is not einig
        if entry is not None and (entry.polarity or entry.cooperation or entry.certainty):
            flags |= F_LEX
            if lex.names_by_case and word[0].isupper() and word[1:].islower():
                flags |= F_CAPITAL
        else:
            entry = None
    if not flags:
        return None
    if word[0].islower():  # German: not a noun (verb, adjective, predicate), see post-negation
        flags |= F_LOWER
    return (flags, lemma, entry, factor, note)


# --- scoring one unit -----------------------------------------------------------------------

def _squash(s: float, alpha: float) -> float:
    return s / math.sqrt(s * s + alpha) if s else 0.0


def _score_tokens(toks: list[str], spans: list[tuple[int, int]] | None, lex: Lexicon, alpha: float,
                  target_pos: list[int] | None, want_hits: bool, screened: bool = False):
    """Score one token sequence; returns (S_pol, S_coop, S_cert, hits)."""
    types = lex.types
    # types maps every word type seen to its analysis, or to False when it plays no role;
    # map/compress keep the per-token work in C
    if screened:  # the caller (_batch) knows: all types seen, lexicon and rule words present
        pass
    elif all(map(types.__contains__, toks)):  # only word types seen before
        w = lex.words
        if w.lexical.isdisjoint(toks):
            return 0.0, 0.0, 0.0, [], 0  # none of them in a lexicon
        if not want_hits and target_pos is None and not w.needs_rules(toks):
            # no rule word (negator, intensifier, contrast, phrase start, clause predicate):
            # the sums of the plain values, computed in C
            zero = repeat(0.0)
            return (sum(map(w.pol.get, toks, zero)), sum(map(w.coop.get, toks, zero)),
                    sum(map(w.cert.get, toks, zero)), [], sum(map(w.n_lex.get, toks, repeat(0))))
    infos = list(map(types.get, toks))
    if not screened and None in infos:  # word types seen for the first time
        for i, inf in enumerate(infos):
            if inf is None:
                infos[i] = _remember(toks[i], lex)
        if lex.words.lexical.isdisjoint(toks):
            return 0.0, 0.0, 0.0, [], 0
    idx = list(compress(range(len(infos)), infos))
    # pass 1: clauses, phrases, rule words
    hits = []           # [pos, entry, mult, mods, clause]
    negs = []           # (pos, clause, used)
    ints = []           # (pos, factor, clause)
    preds = []          # (pos, clause)
    shifts = []         # (pos, clause, reverses positive hits too, may reach back)
    contrast_pos = -1
    clause = 0
    consumed_until = -1
    weder_seen: set[str] = set()
    n = len(toks)
    # a multi-word entry can only match where its rarest word occurs
    phrase = F_PHRASE if not lex.words.phrase_rare.isdisjoint(toks) else 0
    for i in idx:
        inf = infos[i]
        flags = inf[0]
        if flags == F_BOUNDARY:  # the most frequent case: punctuation, conjunctions
            clause += 1
            continue
        if i <= consumed_until:
            continue
        if flags & SIMPLE_HIT == F_LEX:  # a plain lexicon word
            hits.append([i, inf[2], 1.0, [inf[4]] if inf[4] else [], clause, i])
            continue
        flags, lemma, entry, factor, note = inf
        if flags & F_BOUNDARY:
            clause += 1
            if flags & F_CONTRAST:
                contrast_pos = i
            if not flags & F_NEG:
                continue
        if flags & phrase:
            matched = None
            low = toks[i].lower()
            nxt = toks[i + 1] if i + 1 < n else ""
            nxt_low = nxt.lower()
            nxt_lem = _lemma_of(nxt, lex) if nxt else ""
            for key in ((low,) if low == lemma else (low, lemma)):
                for lemmas, e in lex.phrases.get(key, ()):
                    m = len(lemmas)
                    if i + m > n or (lemmas[1] != nxt_low and lemmas[1] != nxt_lem):
                        continue
                    ok = True
                    for k in range(2, m):
                        t = toks[i + k]
                        if t.lower() != lemmas[k] and _lemma_of(t, lex) != lemmas[k]:
                            ok = False
                            break
                    if ok:
                        matched = (lemmas, e)
                        break
                if matched:
                    break
            if matched:
                m = len(matched[0])
                e = matched[1]
                if e.polarity or e.cooperation or e.certainty:  # names are entries without tone
                    hits.append([i, e, 1.0, [], clause, i + m - 1])
                consumed_until = i + m - 1
                # a phrase such as "nicht geplant" also negates the rest of its clause
                inner = [k for k in range(i, i + m) if infos[k] and infos[k][0] & F_NEG]
                if inner:
                    for k in range(i, i + m):
                        if infos[k] and infos[k][0] & F_CLAUSEPRED:
                            preds.append((k, clause, infos[k][0] & F_LOWER))
                    negs.append([inner[0], clause, True, infos[inner[0]][0] & F_POSTNEG])
                continue
        if flags & F_CONTRAST:
            contrast_pos = i
            continue
        if flags & F_CORR:
            if lex.correlatives.get(toks[i].lower()) in weder_seen:
                negs.append([i, clause, False, 0])
            continue
        if flags & F_NEG:
            low = toks[i].lower()
            nxt = toks[i + 1].lower() if i + 1 < n else ""
            if nxt in lex.negation_exceptions.get(low, ()):
                consumed_until = i + 1  # nicht nur, not only: no negation
                continue
            if low in lex.first_correlatives:
                weder_seen.add(low)
            negs.append([i, clause, False, flags & F_POSTNEG])
            continue
        if flags & F_INT:
            ints.append((i, factor, clause))
            continue
        if flags & F_CLAUSEPRED:
            preds.append((i, clause, flags & F_LOWER))
        if flags & F_SHIFT:
            low = toks[i].lower()
            # German verbs and participles close their clause and reach back ("Sanktionen aufheben")
            back = lex.lang == "de" and flags & F_LOWER
            shifts.append((i, clause, lex.shifters.get(low, lex.shifters.get(lemma)), back))
        if flags & F_LEX:
            if flags & F_CAPITAL and _in_name(toks, i):
                continue  # "United Nations", "Clean Air Act": part of a name, no tone
            hits.append([i, entry, 1.0, [note] if note else [], clause, i])
    if not hits:
        return 0.0, 0.0, 0.0, [], 0
    if shifts:
        _reverse(hits, shifts, toks)
    if not (negs or ints or shifts or want_hits or target_pos) and contrast_pos < 0:  # fast path: plain sums
        sp = sc = sr = 0.0
        for h in hits:
            e = h[1]
            sp += e.polarity
            sc += e.cooperation
            sr += e.certainty
        return sp, sc, sr, [], len(hits)
    # pass 2: negation (backward window, then German post-negation), intensifiers
    negated_clauses = {}
    prev = None  # (position, negator) of the previous hit
    for h in (hits if negs or ints else ()):
        pos, cl = h[0], h[4]
        nearest = None  # only the nearest negator before a hit applies (weder A noch B)
        for ng in negs:
            if ng[1] == cl and 0 < pos - ng[0] <= NEG_WINDOW:
                nearest = ng
        # the negator reaches the first hit after it, and hits directly following a negated one
        # ("keine konstruktive Zusammenarbeit"), not the object of a negated verb
        # ("does not criticize the agreement")
        if nearest is not None and prev is not None and nearest[0] < prev[0] and not (
                prev[0] == pos - 1 and prev[1] is nearest):
            nearest = None
        if nearest is not None:
            h[2] *= N_SCALAR
            h[3].append(f"negated:{toks[nearest[0]]}")
            nearest[2] = True
        prev = (h[5], nearest)
        for p, f, c in ints:
            if c == cl and 0 < pos - p <= INT_WINDOW:
                h[2] *= f
                h[3].append(f"{'intensified' if f > 1 else 'dampened'}:{toks[p]}×{f:g}")
    if lex.forward_negators:
        # German verb-final clauses: an unused negator reaches the clause-final verb or predicate
        # ("Russland wird nicht die Bedingungen des Westens akzeptieren", "ohne ... zu garantieren")
        for ng in negs:
            p, cl = ng[0], ng[1]
            if ng[2] or toks[p].lower() not in lex.forward_negators:
                continue
            later = [h for h in hits if h[4] == cl and h[0] > p and infos[h[0]][0] & F_LOWER]
            if later and not any(m.startswith(("negated", "clause-negated")) for m in later[-1][3]):
                later[-1][2] *= N_SCALAR
                later[-1][3].append(f"negated-forward:{toks[p]}")
                ng[2] = True
    for ng in negs:
        p, cl, used, post = ng
        if not post:
            continue
        # clause predicates right after the negator (nicht möglich) or before it (möglich ist es nicht)
        for q, c, low in preds:
            if c == cl and (0 < q - p <= NEG_WINDOW or (q < p and low)):
                negated_clauses[cl] = f"{toks[p]} {toks[q]}" if q > p else f"{toks[q]} {toks[p]}"
                ng[2] = True
        if used or lex.lang != "de":
            continue
        for h in hits:
            if h[4] == cl and h[0] < p and infos[h[0]][0] & F_LOWER and not any(m.startswith("negated") for m in h[3]):
                h[2] *= N_SCALAR
                h[3].append(f"negated-after:{toks[p]}")
    if lex.lang != "de":  # English predicates: "was not possible" is caught by the window above
        for ng in negs:
            p, cl = ng[0], ng[1]
            for q, c, _ in preds:
                if c == cl and 0 < q - p <= NEG_WINDOW:
                    negated_clauses[cl] = f"{toks[p]} {toks[q]}"
    for cl, why in list(negated_clauses.items()):
        # "es war nicht geplant, dass Verträge unterzeichnet werden": the complement clause too
        q = max(p for p, c, _ in preds if c == cl) if any(c == cl for _, c, _ in preds) else -1
        k = q + 1
        while 0 < k < n and toks[k] in (",", "–", "-"):
            k += 1
        if 0 < k < n and toks[k].lower() in lex.complementizers and k > q + 0:
            for c2 in {h[4] for h in hits if h[0] > k}:
                if c2 not in negated_clauses and c2 - cl <= 2:
                    negated_clauses[c2] = why
    if negated_clauses:
        for h in hits:
            why = negated_clauses.get(h[4])
            if why and not any(m.startswith("negated") for m in h[3]) and not h[0] <= _neg_in(h, negs) <= h[5]:
                h[2] *= N_SCALAR
                h[3].append(f"clause-negated:{why}")
    sp = sc = sr = 0.0
    out = []
    for h in hits:
        pos, e, mult, mods = h[0], h[1], h[2], h[3]
        if contrast_pos >= 0:
            if pos < contrast_pos:
                mult *= CONTRAST_BEFORE
                mods.append(f"before-contrast×{CONTRAST_BEFORE:g}")
            else:
                mult *= CONTRAST_AFTER
                mods.append(f"after-contrast×{CONTRAST_AFTER:g}")
        if target_pos:
            d = min(abs(pos - t) for t in target_pos)
            w = 1.0 / (1.0 + d / TARGET_SCALE)
            mult *= w
            mods.append(f"target-distance:{d}")
        sp += e.polarity * mult
        sc += e.cooperation * mult
        # negating a hedge or a booster flips certainty ("nicht sicher"), negating polarity does not
        sr += e.certainty * mult
        if want_hits:
            start = spans[pos][0] if spans else pos
            end = spans[h[5]][1] if spans else h[5] + 1
            out.append({"term": e.term, "start": start, "end": end, "source": e.source,
                        "polarity": round(e.polarity, 4), "cooperation": round(e.cooperation, 4),
                        "certainty": round(e.certainty, 4), "weight": round(mult, 4), "modifiers": mods})
    return sp, sc, sr, out, len(hits)


def _reverse(hits: list, shifts: list, toks: list[str]) -> None:
    """Valence shifters: each reverses (× ``N_SCALAR``) the nearest hit after it in its clause and
    hits directly following that one; a German verb or participle with no hit after it reaches
    back to the nearest hit before it ("die Sanktionen aufheben", "Spannungen wurden abgebaut").
    Only negative hits are reversed unless the shifter reverses both ways. A shifter that reversed
    a hit adds no tone of its own."""
    after, before = SHIFT_WINDOW
    toned = [h for h in hits if h[1].polarity or h[1].cooperation]  # not hedges and boosters
    for p, cl, both, back in shifts:
        near = [h for h in toned if h[4] == cl and 0 < h[0] - p <= after][:1]
        if not near and back:
            near = [h for h in toned if h[4] == cl and 0 < p - h[5] <= before][-1:]
        if not near or not (both or near[0][1].polarity < 0 or near[0][1].cooperation < 0):
            continue
        # the hit and hits directly following it ("decrease cancer fatalities")
        run = [h for h in toned if h[0] >= near[0][0] and h[4] == cl and h[0] != p]
        for k, h in enumerate(run):
            if k and h[0] != run[k - 1][5] + 1:
                break
            h[2] *= N_SCALAR
            h[3].append(f"reversed:{toks[p]}")
        for h in hits:
            if h[0] == p:
                h[2] = 0.0
                h[3].append("shifter")


def _remember(tok: str, lex: Lexicon):
    """Analyse a new word type once and cache it (False: the word plays no role)."""
    inf = lex.types.get(tok)
    if inf is None:
        inf = _type_info(tok, lex) or False
        if inf:
            w, flags = lex.words, inf[0]
            if flags & (F_LEX | F_PHRASE):
                w.lexical.add(tok)
            if flags & F_PHRASE:
                w.phrase_heads.add(tok)
            if flags & F_PTAIL:
                w.phrase_rare.add(tok)
            if flags & RULE_ROLES:
                w.rules.add(tok)
            elif flags & F_LEX:
                e = inf[2]
                w.pol[tok], w.coop[tok], w.cert[tok], w.n_lex[tok] = e.polarity, e.cooperation, e.certainty, 1
        lex.types[tok] = inf  # last: a type in types is fully registered
    return inf


def _remember_chunk(chunk: str, lex: Lexicon) -> None:
    """Register a new whitespace-delimited chunk with the roles of the tokens it holds."""
    toks = TOKEN_RE.findall(chunk)
    if any([_remember(tok, lex) for tok in toks]):  # noqa: C419 (every token is remembered; else none plays a role)
        w, c = lex.words, lex.chunks
        for have, put in ((w.lexical, c.lexical), (w.rules, c.rules), (w.phrase_heads, c.phrase_heads),
                          (w.phrase_rare, c.phrase_rare)):
            if not have.isdisjoint(toks):
                put.add(chunk)
        plain = [t for t in toks if t in w.n_lex]
        for have, put in ((w.pol, c.pol), (w.coop, c.coop), (w.cert, c.cert), (w.n_lex, c.n_lex)):
            if v := sum(have[t] for t in plain):
                put[chunk] = v
    lex.chunks.tokens[chunk] = tuple(toks)  # last: a chunk in tokens is fully registered


def _in_name(toks: list[str], i: int) -> bool:
    """Whether the capitalised word ``toks[i]`` is part of a name: it does not start a sentence or a
    quotation, and a capitalised word stands next to it ("the United States", "Clean Air Act")."""
    if i == 0 or toks[i - 1] in SENTENCE_OPENERS:
        return False
    return toks[i - 1][:1].isupper() or (i + 1 < len(toks) and toks[i + 1][:1].isupper())


def _neg_in(h, negs) -> int:
    """Position of a negator inside the span of hit ``h`` (a phrase like "nicht geplant"), else -1."""
    return next((ng[0] for ng in negs if h[0] <= ng[0] <= h[5]), -1)


def _lemma_of(tok: str, lex: Lexicon) -> str:
    lem = lex.lemmas.get(tok)
    if lem is None:
        lem = lex.lemmas[tok] = _lemmatize(tok, lex.lang).lower() if tok[:1].isalpha() else tok.lower()
    return lem


def _target_positions(toks: list[str], target: str | None) -> list[int] | None:
    if not target or not isinstance(target, str):
        return None
    parts = [p.lower() for p in TOKEN_RE.findall(target) if p[0].isalnum()]
    if not parts:
        return None
    first = parts[0]
    pos = [i for i, t in enumerate(toks) if t.lower() == first]
    if not pos:  # inflected or inside a compound
        pos = [i for i, t in enumerate(toks) if first in t.lower()]
    return pos or None


def score_text(text, lang: str = "de", *, alpha: float = ALPHA, band: float | None = None,
               target: str | None = None, hits: bool = True) -> dict:
    """Score one text; a dict with the columns of :func:`score_sentiment`.

    >>> r = score_text("An agreement was not possible.", "en")
    >>> r["label"], r["hits"][0]["modifiers"]
    ('negative', ['clause-negated:not possible'])
    """
    lex = lexicon(lang)
    band = NEUTRAL_BAND.get(lang, DEFAULT_BAND) if band is None else band
    return _score_one(text, lex, alpha=alpha, band=band, target=target, want_hits=hits)


def _label(p: float, band) -> str:
    neg, pos = band if isinstance(band, tuple) else (band, band)
    return "positive" if p > pos else "negative" if p < -neg else "neutral"


def _score_one(text, lex: Lexicon, *, alpha: float, band: float, target, want_hits: bool) -> dict:
    if not isinstance(text, str):
        flag = "missing" if text is None or (isinstance(text, float) and math.isnan(text)) else "non_string"
        return {"polarity": 0.0, "label": "neutral", "cooperation": 0.0, "certainty": 0.0, "n_hits": 0,
                "hits": [], "flag": flag}
    if len(text) > LONG_CHARS:
        return _score_long(text, lex, alpha=alpha, band=band, target=target, want_hits=want_hits)
    if want_hits:
        ms = list(TOKEN_RE.finditer(text))
        toks = [m.group() for m in ms]
        spans = [m.span() for m in ms]
    else:
        toks = TOKEN_RE.findall(text)
        spans = None
    if not toks:
        return {"polarity": 0.0, "label": "neutral", "cooperation": 0.0, "certainty": 0.0, "n_hits": 0,
                "hits": [], "flag": "empty"}
    if len(toks) > LONG_UNIT:
        return _score_long(text, lex, alpha=alpha, band=band, target=target, want_hits=want_hits)
    tpos = _target_positions(toks, target) if target is not None else None
    sp, sc, sr, hits, nhit = _score_tokens(toks, spans, lex, alpha=alpha, target_pos=tpos, want_hits=want_hits)
    p = _squash(sp, alpha)
    return {"polarity": p, "label": _label(p, band), "cooperation": _squash(sc, alpha),
            "certainty": _squash(sr, alpha), "n_hits": nhit,
            "hits": hits, "flag": ""}


def _score_long(text: str, lex, *, alpha, band, target, want_hits):
    """A unit of many words: score each sentence and average (flag ``long_unit``).

    Sentences are cut at ``.``, ``!``, ``?`` and line breaks (a rough cut is enough here: a
    wrong cut after an abbreviation only splits a clause), and pieces without punctuation
    every ``LONG_UNIT`` words.
    """
    if not want_hits and target is None:  # without explanations, as a batch of one
        out = ([0.0], [0.0], [0.0], [0], [""], [False])
        _batch_long([0], [text], [0], lex, alpha, out)
        return {"polarity": out[0][0], "label": _label(out[0][0], band), "cooperation": out[1][0],
                "certainty": out[2][0], "n_hits": out[3][0], "hits": [], "flag": "long_unit"}
    ps, cs, rs, allhits = [], [], [], []
    n_all = 0
    for m in SENT_PIECE.finditer(text):
        piece, off = m.group(), m.start()
        if want_hits:
            ms = list(TOKEN_RE.finditer(piece))
            toks = [x.group() for x in ms]
            spans = [(x.start() + off, x.end() + off) for x in ms]
        else:
            toks, spans = TOKEN_RE.findall(piece), None
        for k in range(0, len(toks), LONG_UNIT):
            seg = toks[k:k + LONG_UNIT]
            if not seg:
                continue
            tpos = _target_positions(seg, target) if target is not None else None
            a, b, c, h, nh = _score_tokens(seg, spans[k:k + LONG_UNIT] if spans else None, lex, alpha=alpha,
                                       target_pos=tpos, want_hits=want_hits)
            ps.append(_squash(a, alpha))
            cs.append(_squash(b, alpha))
            rs.append(_squash(c, alpha))
            allhits.extend(h)
            n_all += nh
    p = float(np.mean(ps)) if ps else 0.0
    return {"polarity": p, "label": _label(p, band), "cooperation": float(np.mean(cs)) if cs else 0.0,
            "certainty": float(np.mean(rs)) if rs else 0.0, "n_hits": n_all, "hits": allhits,
            "flag": "long_unit"}


# --- tables ---------------------------------------------------------------------------------

@gc_paused()  # many small acyclic objects: see analysis.runtime
def score_sentiment(units, *, text_col: str = "text", lang: str | None = None, lang_col: str = "lang",
                    target_col: str | None = None, band: float | None = None, alpha: float = ALPHA,
                    hits: bool = True, progress: bool = False) -> pd.DataFrame:
    """Score every unit (row) of a sentences or quotes table.

    Returns a copy of ``units`` with the columns ``polarity`` (−1…1), ``label`` (negative,
    neutral, positive; neutral when ``|polarity| <= band``), ``cooperation`` (−1 conflict …
    +1 cooperation), ``certainty`` (−1 hedged … +1 assertive), ``n_hits``, ``hits`` (list of
    dicts: term, start, end, source, polarity, cooperation, certainty, weight, modifiers) and
    ``flag`` ("" or: empty, missing, non_string, long_unit, no_lexicon).

    ``lang`` names one language for all rows; a language without a lexicon is then an
    :class:`InputError`. Without ``lang`` the ``lang_col`` column decides per row, and rows in a
    language without a lexicon come back neutral with ``flag == "no_lexicon"``.
    ``target_col`` (optional) names a column holding a target mention (an actor, a topic): hits
    near it weigh more. ``hits=False`` skips building the explanations (faster).

    >>> score_sentiment(["Die Verhandlungen sind gescheitert."], lang="de")[["label", "cooperation"]].values.tolist()
    [['negative', -0.371391]]
    """
    if isinstance(units, (list, tuple, pd.Series)):
        units = pd.DataFrame({text_col: list(units)})
    require_columns(units, [text_col], table="units")
    if lang is not None:
        lexicon(lang)  # raises InputError for a language without a lexicon
        langs = [lang] * len(units)
    elif lang_col in units.columns:
        langs = units[lang_col].tolist()
    else:
        raise InputError(f"units: no language given; pass lang='de' or 'en', or a {lang_col!r} column")
    if target_col is not None:
        require_columns(units, [target_col], table="units")
        targets = units[target_col].tolist()
    else:
        targets = [None] * len(units)
    have = set(available_languages())
    texts = units[text_col].tolist()
    n = len(texts)
    pol, coop, cert, nh, flag = [0.0] * n, [0.0] * n, [0.0] * n, [0] * n, [""] * n
    hit_lists: list = [[] for _ in range(n)] if hits else [None] * n
    it = enumerate(zip(texts, langs, targets))
    if progress:
        from tqdm.auto import tqdm

        it = tqdm(it, total=n, desc="sentiment", unit="unit")
    if not hits and target_col is None and not progress:
        # column-wise fast path, one batch per language
        for lg in set(langs):
            rows = [i for i, x in enumerate(langs) if x == lg]
            if lg not in have:
                for i in rows:
                    flag[i] = "no_lexicon"
                continue
            a, b_, c, k, f, sq = _batch([texts[i] for i in rows], lexicon(lg), alpha)
            pa, pb, pc = _squash_all(a, sq, alpha), _squash_all(b_, sq, alpha), _squash_all(c, sq, alpha)
            for j, i in enumerate(rows):
                pol[i], coop[i], cert[i], nh[i], flag[i] = float(pa[j]), float(pb[j]), float(pc[j]), k[j], f[j]
        it = ()
    for i, (text, lg, tg) in it:
        if lg not in have:
            flag[i] = "no_lexicon"
            continue
        lex = lexicon(lg)
        if hits or tg is not None or not isinstance(text, str) or len(text) > LONG_CHARS:
            r = _score_one(text, lex, alpha=alpha, band=0.0, target=tg, want_hits=hits)
            pol[i], coop[i], cert[i], nh[i], flag[i] = r["polarity"], r["cooperation"], r["certainty"], r["n_hits"], r["flag"]
            if hits:
                hit_lists[i] = r["hits"]
            continue
        toks = TOKEN_RE.findall(text)
        if not toks:
            flag[i] = "empty"
            continue
        if len(toks) > LONG_UNIT:
            r = _score_long(text, lex, alpha=alpha, band=0.0, target=None, want_hits=False)
            pol[i], coop[i], cert[i], nh[i], flag[i] = r["polarity"], r["cooperation"], r["certainty"], r["n_hits"], r["flag"]
            continue
        a, b_, c, _, nh[i] = _score_tokens(toks, None, lex, alpha, None, False)
        pol[i], coop[i], cert[i] = _squash(a, alpha), _squash(b_, alpha), _squash(c, alpha)
    out = units.copy()
    out["polarity"] = np.round(np.asarray(pol, dtype=float), 6)
    bands = [NEUTRAL_BAND.get(lg, DEFAULT_BAND) if band is None else band for lg in langs] if band is None else None
    out["label"] = [_label(p, bands[k] if bands else band) for k, p in enumerate(out["polarity"].tolist())]
    out["cooperation"] = np.round(np.asarray(coop, dtype=float), 6)
    out["certainty"] = np.round(np.asarray(cert, dtype=float), 6)
    out["n_hits"] = np.asarray(nh, dtype=int)
    out["hits"] = hit_lists
    out["flag"] = flag
    return out


def _batch(texts: list, lex: Lexicon, alpha: float, *, polarity_only: bool = False):
    """Raw sums (polarity, cooperation, certainty), hit counts and flags of many texts at once.

    Units are split at whitespace, and each new chunk is analysed once (:func:`_remember_chunk`).
    The work that needs no rule is done with C-level look-ups over the whole batch: finding units
    without any lexicon word, and units without any rule word, whose sums are the chunks' plain
    values. Only the rest is tokenized and goes through the rule path of :func:`_score_tokens`.
    Long units go through :func:`_score_long` (their values are already squashed means).
    With ``polarity_only`` the plain look-ups skip cooperation, certainty and hit counts.
    """
    n = len(texts)
    sp, sc, sr, nh, flag = [0.0] * n, [0.0] * n, [0.0] * n, [0] * n, [""] * n
    squashed = [False] * n
    if set(map(type, texts)) <= {str}:
        strs, units = range(n), texts
    else:
        strs = [i for i, t in enumerate(texts) if isinstance(t, str)]
        for i in set(range(n)).difference(strs):
            t = texts[i]
            flag[i] = "missing" if t is None or (isinstance(t, float) and math.isnan(t)) else "non_string"
        units = [texts[i] for i in strs]
    words = list(map(str.split, units))
    c = lex.chunks
    for chunk in set(chain.from_iterable(words)).difference(c.tokens):
        _remember_chunk(chunk, lex)
    for k in compress(range(len(units)), map(operator.not_, words)):
        flag[strs[k]] = "empty"
    # a unit is long by its number of tokens, which is at most its number of characters
    lengths = list(map(len, units))
    long = {k for k in compress(range(len(units)), map(LONG_UNIT.__lt__, lengths))
            if lengths[k] > LONG_CHARS or sum(map(len, map(c.tokens.__getitem__, words[k]))) > LONG_UNIT}
    if long:
        _batch_long(sorted(long), units, strs, lex, alpha, (sp, sc, sr, nh, flag, squashed))
    # units with a lexicon word: with a rule word they take the rule path, else plain look-ups
    scored = [k for k in compress(range(len(units)), map(operator.not_, map(c.lexical.isdisjoint, words)))
              if k not in long]
    plain = []
    pieces = c.tokens.__getitem__
    for k in scored:
        if c.needs_rules(words[k]):
            i = strs[k]
            toks = list(chain.from_iterable(map(pieces, words[k])))  # strings already hashed: fast look-ups
            sp[i], sc[i], sr[i], _, nh[i] = _score_tokens(toks, None, lex, alpha, None, False, True)
        else:
            plain.append(k)
    zero = repeat(0)
    for values, out in [(c.pol, sp)] if polarity_only else [(c.pol, sp), (c.coop, sc), (c.cert, sr), (c.n_lex, nh)]:
        get = values.get
        for k in plain:
            out[strs[k]] = sum(map(get, words[k], zero))
    return sp, sc, sr, nh, flag, squashed


def _batch_long(long: list[int], units: list, strs, lex: Lexicon, alpha: float, out: tuple) -> None:
    """:func:`_score_long` for many long units at once: the sentences of all of them are scored
    in one batch, and each unit gets the means of its sentences (written into ``out``)."""
    sp, sc, sr, nh, flag, squashed = out
    short, owner, big = [], [], []
    for k in long:
        for p in SENT_PIECE.findall(units[k]):
            if len(p) <= LONG_UNIT or len(TOKEN_RE.findall(p)) <= LONG_UNIT:
                short.append(p)
                owner.append(k)
            else:
                big.append((k, p))
    vals: dict[int, tuple[list, list, list]] = {k: ([], [], []) for k in long}  # squashed values per unit
    hits = dict.fromkeys(long, 0)
    a, b, c, n, f, _ = _batch(short, lex, alpha)
    for j, k in enumerate(owner):
        if f[j] != "empty":
            for v, x in zip(vals[k], (a[j], b[j], c[j])):
                v.append(_squash(x, alpha))
            hits[k] += int(n[j])
    for k, p in big:  # pieces of more than LONG_UNIT tokens without a sentence end
        toks = TOKEN_RE.findall(p)
        for s0 in range(0, len(toks), LONG_UNIT):
            x, y, z, _, nn = _score_tokens(toks[s0:s0 + LONG_UNIT], None, lex, alpha=alpha, target_pos=None,
                                           want_hits=False)
            for v, w in zip(vals[k], (x, y, z)):
                v.append(_squash(w, alpha))
            hits[k] += nn
    for k, per_dim in vals.items():
        i = strs[k]
        sp[i], sc[i], sr[i] = (float(np.mean(v)) if v else 0.0 for v in per_dim)
        nh[i], flag[i], squashed[i] = hits[k], "long_unit", True


def _squash_all(values: list, squashed: list, alpha: float) -> np.ndarray:
    v = np.asarray(values, dtype=float)
    out = v / np.sqrt(v * v + alpha)
    return np.where(np.asarray(squashed, dtype=bool), v, out)


@gc_paused()  # many small acyclic objects: see analysis.runtime
def polarity_only(texts: Iterable, lang: str, *, alpha: float = ALPHA) -> np.ndarray:
    """Fast path: polarity of each text, without explanations (used by benchmarks and evaluation).

    >>> polarity_only(["good talks", "bad talks"], "en").round(2).tolist()
    [0.43, -0.53]
    """
    sp, _, _, _, _, squashed = _batch(list(texts), lexicon(lang), alpha, polarity_only=True)
    return _squash_all(sp, squashed, alpha)


# --- explanation ----------------------------------------------------------------------------

class Explanation:
    """An HTML rendering of a scored unit (shown by Jupyter); ``str()`` gives a text summary."""

    def __init__(self, html_text: str, summary: str):
        self.html = html_text
        self.summary = summary

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.summary

    __repr__ = __str__


def _colour(v: float) -> str:
    a = min(1.0, abs(v)) * 0.6 + 0.15
    return f"rgba(0,114,178,{a:.2f})" if v > 0 else f"rgba(213,94,0,{a:.2f})" if v < 0 else "rgba(150,150,150,0.3)"


def explain(unit, lang: str | None = None, **kwargs) -> Explanation:
    """Render a unit with its lexicon hits highlighted (blue positive, orange negative).

    ``unit`` is a text or a row of :func:`score_sentiment`'s output (a Series with ``text``
    and ``hits``). Hover a highlighted word to see its entry and modifiers.

    >>> str(explain("Die Gespräche sind gescheitert.", "de")).splitlines()[0]
    'polarity -0.57 (negative), cooperation -0.37, certainty 0.00'
    """
    if isinstance(unit, pd.Series):
        text = unit.get(kwargs.pop("text_col", "text"))
        if "polarity" in unit and isinstance(unit.get("hits"), (list, np.ndarray)):
            res = {k: unit[k] for k in ("polarity", "label", "cooperation", "certainty")}
            # from Parquet the hits come back as an array of dicts holding arrays
            res["hits"] = [{**h, "modifiers": list(h["modifiers"])} for h in unit["hits"]]
        else:
            res = score_text(text, lang or unit.get("lang", "de"), **kwargs)
    else:
        text = unit
        res = score_text(text, lang or "de", **kwargs)
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    parts, last = [], 0
    for h in sorted(res["hits"], key=lambda h: h["start"]):
        if h["start"] < last:
            continue
        parts.append(html.escape(text[last:h["start"]]))
        val = h["polarity"] * h["weight"] if h["polarity"] else h["cooperation"] * h["weight"]
        tip = (f"{h['term']} [{h['source']}] polarity {h['polarity']:+.2f}, cooperation {h['cooperation']:+.2f}, "
               f"certainty {h['certainty']:+.2f}, weight {h['weight']:+.2f}"
               + (f"; {', '.join(h['modifiers'])}" if h["modifiers"] else ""))
        border = "border-bottom:2px dashed #333;" if any("negat" in m for m in h["modifiers"]) else ""
        parts.append(f'<span title="{html.escape(tip)}" style="background:{_colour(val)};{border}'
                     f'padding:0 2px;border-radius:3px">{html.escape(text[h["start"]:h["end"]])}</span>')
        last = h["end"]
    parts.append(html.escape(text[last:]))
    head = (f"polarity {res['polarity']:+.2f} ({res['label']}), cooperation {res['cooperation']:+.2f}, "
            f"certainty {res['certainty']:+.2f}").replace("+0.00", "0.00")
    summary = head.replace("+", "") + "".join(
        f"\n  {h['term']}: {h['polarity']:+.2f} × {h['weight']:+.2f} {' '.join(h['modifiers'])}".rstrip()
        for h in res["hits"])
    body = (f'<div style="font-family:sans-serif;line-height:1.8"><div>{"".join(parts)}</div>'
            f'<div style="color:#555;font-size:90%">{html.escape(head)}</div></div>')
    return Explanation(body, summary)


# --- aggregation ----------------------------------------------------------------------------

def _t_interval(mean: float, sd: float, n: int, level: float) -> tuple[float, float]:
    from scipy import stats

    if n < 2 or not np.isfinite(sd):
        return (float("nan"), float("nan"))
    h = stats.t.ppf(0.5 + level / 2, n - 1) * sd / math.sqrt(n)
    return (mean - h, mean + h)


def tone_by(scored: pd.DataFrame, by="speaker", *, date_col: str = "date", level: float = 0.95,
            min_n: int = 1, measures: tuple[str, ...] = ("polarity", "cooperation", "certainty")) -> pd.DataFrame:
    """Mean tone per group with counts and t confidence intervals.

    ``by`` is a column name or list of names; ``"month"`` derives the calendar month from
    ``date_col``. For each measure ``m`` the result has ``m`` (mean), ``m_sd``, ``m_lo`` and
    ``m_hi`` (``mean ± t(1-(1-level)/2, n-1) · sd / sqrt(n)``, Student's t interval), plus
    ``n``, ``share_positive`` and ``share_negative``. Groups with fewer than ``min_n`` units
    are dropped; sorted by ``n`` descending.

    >>> df = pd.DataFrame({"speaker": ["A", "A", "B"], "polarity": [0.2, 0.4, -0.5],
    ...                    "cooperation": [0.1, 0.3, -0.2], "certainty": [0, 0, 0],
    ...                    "label": ["positive", "positive", "negative"]})
    >>> tone_by(df, "speaker")[["speaker", "n", "polarity"]].round(3).values.tolist()
    [['A', 2, 0.3], ['B', 1, -0.5]]
    """
    require_columns(scored, [m for m in measures], table="scored units")
    keys = [by] if isinstance(by, str) else list(by)
    df = scored
    if "month" in keys and "month" not in df.columns:
        require_columns(df, [date_col], table="scored units")
        df = df.assign(month=pd.to_datetime(df[date_col], errors="coerce").dt.to_period("M").dt.to_timestamp())
    require_columns(df, keys, table="scored units")
    rows = []
    for key, g in df.groupby(keys, dropna=True, sort=True):
        n = len(g)
        if n < min_n:
            continue
        row = dict(zip(keys, key if isinstance(key, tuple) else (key,)))
        row["n"] = n
        for m in measures:
            x = g[m].astype(float).to_numpy()
            mean = float(x.mean())
            sd = float(x.std(ddof=1)) if n > 1 else float("nan")
            lo, hi = _t_interval(mean, sd, n, level)
            row.update({m: mean, f"{m}_sd": sd, f"{m}_lo": lo, f"{m}_hi": hi})
        if "label" in g.columns:
            row["share_positive"] = float((g["label"] == "positive").mean())
            row["share_negative"] = float((g["label"] == "negative").mean())
        rows.append(row)
    cols = keys + ["n"] + [c for m in measures for c in (m, f"{m}_sd", f"{m}_lo", f"{m}_hi")]
    out = pd.DataFrame(rows)
    if out.empty:
        return pd.DataFrame(columns=cols + ["share_positive", "share_negative"])
    return out.sort_values(["n"] + keys, ascending=[False] + [True] * len(keys), kind="stable").reset_index(drop=True)
