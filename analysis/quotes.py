"""Quotation detection and attribution for German and English news.

:func:`extract_quotes` finds speech events in the articles and returns the ``quotes`` table
(one row per quotation; see ``docs/quotes.md``). It works on the ``sentences`` and ``tokens``
tables of :mod:`analysis.segment` with transparent rules and per-language word lists
(``resources/<lang>/speech_verbs.tsv``, ``konjunktiv.tsv``, ``attribution_frames.tsv``,
``function_words.tsv``):

* **direct**: text between quotation marks („…“, "…", »…«, «…», “…”), also over several
  sentences and paragraphs (a mark reopened at the start of the next paragraph continues the
  quote; an unclosed mark closes at the paragraph end). Short quoted names and titles without a
  speech frame (``„Shenzhou 6“``) are not quotations.
* **indirect**: a content clause next to a speech frame, ``X sagte, Y sei …`` / ``Y sei …, sagte
  X`` / ``X sagte: …`` / ``X erklärte, dass …``; in German a frame clause is indicative and the
  content is marked by Konjunktiv, a complementiser or a zu-infinitive.
* **mixed**: an indirect quotation that contains a quoted part (``er wolle auf die „Festigung
  der Freundschaft“ trinken``).
* **free_indirect**: sentences in Konjunktiv I without a frame of their own that follow a
  quotation inherit its speaker; reportative ``soll … haben`` sentences.
* **reported**: a speech act without rendered words (``X forderte Y``, ``X sprach sich für Y
  aus``, ``X wies … zurück``).
* attributions without a verb: ``laut X``, ``nach Angaben von X``, ``X zufolge``, ``…, so X``,
  ``wie X berichtete``; English ``according to X``.

Speakers are then resolved to canonical actors by :func:`analysis.speakers.resolve_speakers`.

>>> import pandas as pd
>>> art = pd.DataFrame({"article_id": ["a"], "lang": ["de"], "text": [
...     "Die Gespräche seien konstruktiv verlaufen, sagte Putin. „Es gibt keine Geheimnisse“, sagte er."]})
>>> q = extract_quotes(art)
>>> q[["kind", "text", "speaker"]].values.tolist()
[['indirect', 'Die Gespräche seien konstruktiv verlaufen', 'Putin'], ['direct', '„Es gibt keine Geheimnisse“', 'Putin']]
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache, partial
from itertools import compress
from operator import attrgetter
from typing import NamedTuple

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from analysis.errors import require_columns
from analysis.resources import ROOT, table
from analysis.runtime import gc_paused
from analysis.segment import article_languages, segment

log = logging.getLogger(__name__)

QUOTE_COLUMNS = [
    "article_id", "quote_id", "kind", "text", "spans", "cue", "cue_span", "speaker_mention",
    "speaker_span", "speaker", "speaker_resolution", "confidence",
    "cue_spans", "speaker_spans", "frame_spans", "addressee_spans", "sentence", "lang",
]
KINDS = ("direct", "indirect", "mixed", "free_indirect", "reported")
_WORD = re.compile(r"\w")
_WORDS = re.compile(r"\w+")
_MIXED_MARK = re.compile("[„“”»«\"]")
_ENDERS = frozenset(".!?…")


# --- language resources -----------------------------------------------------------------------

@dataclass
class Lexicon:
    """Word lists of one language, read from ``resources/<lang>/``."""

    lang: str
    cue_class: dict = field(default_factory=dict)        # full verb lemma -> set of classes
    particle_bases: dict = field(default_factory=dict)   # base lemma -> {particle: full lemma}
    reflexive: set = field(default_factory=set)          # lemmas that need 'sich'
    nouns: set = field(default_factory=set)              # cue nouns (lemma)
    konj: dict = field(default_factory=dict)             # form -> mood (I, II, reportative)
    frames: dict = field(default_factory=dict)           # first word -> (construction, following words)
    fw: dict = field(default_factory=dict)               # function word -> class
    pronouns: set = field(default_factory=set)
    stop: frozenset = frozenset()
    oblique: set = field(default_factory=set)            # determiners that cannot start a subject
    backref: set = field(default_factory=set)            # "Das sagte er": points back to the previous sentence
    addressee_preps: set = field(default_factory=set)    # "gegenüber X": X is the addressee
    addressee_verbs: set = field(default_factory=set)    # "told X": X is the addressee
    addressee_dets: set = field(default_factory=set)     # "sagte er dem Spiegel": a dative in the frame

    classes: dict = field(default_factory=dict)          # word -> all its classes in function_words.tsv
    _noun_cache: dict = field(default_factory=dict)
    _role_cache: dict = field(default_factory=dict)
    _words_cache: dict = field(default_factory=dict)

    def cls(self, word: str) -> str | None:
        return self.fw.get(word)

    def is_(self, word: str, cls: str) -> bool:
        """Whether ``word`` has class ``cls`` in ``function_words.tsv`` (a word may have several)."""
        return cls in self.classes.get(word, ())

    def words(self, cls: str) -> frozenset:
        got = self._words_cache.get(cls)
        if got is None:
            got = self._words_cache[cls] = frozenset(w for w, c in self.classes.items() if cls in c)
        return got

    def plain_cues(self) -> frozenset:
        """Cue lemmas that need neither a particle nor ``sich`` (their token alone is the cue)."""
        got = self._words_cache.get("__plain__")
        if got is None:
            got = self._words_cache["__plain__"] = frozenset(
                lem for lem in self.cue_class if lem not in self.particle_bases and lem not in self.reflexive)
        return got

    def reported_bases(self) -> frozenset:
        """Lemmas (and particle-verb bases) of cues of the class ``reported``."""
        got = self._words_cache.get("__reported__")
        if got is None:
            rep = {lem for lem, c in self.cue_class.items() if "reported" in c}
            rep |= {base for base, parts in self.particle_bases.items() if any(f in rep for f in parts.values())}
            got = self._words_cache["__reported__"] = frozenset(rep)
        return got

    def cue_noun(self, lemma: str) -> bool:
        """A cue noun, also as the head of a compound (Armeeangaben, Polizeiberichten)."""
        w = lemma.lower()
        if w in self.nouns:
            return True
        hit = self._noun_cache.get(w)
        if hit is None:
            hit = any(w[k:] in self.nouns for k in range(2, max(2, len(w) - 4)))
            self._noun_cache[w] = hit
        return hit

    def role(self, word: str) -> bool:
        """Whether a word ends in a role noun (Sprecher, Außenminister, Direktorin)."""
        hit = self._role_cache.get(word)
        if hit is None:
            from analysis.speakers import role_suffixes
            hit = self._role_cache[word] = role_suffixes([word], self.lang)[0] > 0
        return hit

    def frame(self, word: str) -> str | None:
        """Construction of an attribution word (``prep``, ``postp``, ``noun_prep``, ``so``, ``clause``)."""
        got = self.frames.get(word)
        return got[0] if got else None


def _load_table(lang: str, name: str) -> pd.DataFrame | None:
    return table(lang, name) if (ROOT / lang / f"{name}.tsv").exists() else None


@cache
def lexicon(lang: str) -> Lexicon:
    """The :class:`Lexicon` of ``lang`` (German rules are used for languages without resources)."""
    if not (ROOT / lang / "speech_verbs.tsv").exists():
        log.warning("no speech-verb list for language %r; using German resources", lang)
        lang = "de"
    lex = Lexicon(lang)
    verbs = table(lang, "speech_verbs")
    for row in verbs.to_dict(orient="records"):
        if row["pos"] == "noun":
            lex.nouns.add(row["lemma"].lower())
            continue
        classes = set(row["class"].split(","))
        lex.cue_class.setdefault(row["lemma"], set()).update(classes)
        if row["particle"]:
            lex.particle_bases.setdefault(row["base"], {})[row["particle"]] = row["lemma"]
        if row.get("reflexive"):
            lex.reflexive.add(row["lemma"])
    konj = _load_table(lang, "konjunktiv")
    if konj is not None:
        lex.konj = dict(zip(konj["form"], konj["mood"]))
    frames = _load_table(lang, "attribution_frames")
    if frames is not None:
        for w, c in zip(frames["word"], frames["construction"]):
            first, *rest = w.split()
            lex.frames[first] = (c, tuple(rest))
    fw = _load_table(lang, "function_words")
    if fw is not None:
        for w, c in zip(fw["word"], fw["class"]):
            lex.fw.setdefault(w, c)
            lex.classes.setdefault(w, set()).add(c)
        lex.oblique, lex.backref, lex.addressee_preps, lex.addressee_verbs, lex.addressee_dets = (
            {w for w, cs in lex.classes.items() if c in cs}
            for c in ("oblique", "backref", "addressee_prep", "addressee_verb", "addressee_det"))
    if (ROOT / lang / "stopwords.txt").exists():
        from analysis.resources import wordlist
        lex.stop = wordlist(lang, "stopwords")
    pron = _load_table(lang, "pronouns")
    if pron is not None:
        lex.pronouns = set(pron["form"])
    return lex


# --- quotation marks --------------------------------------------------------------------------

_DOUBLE = "„“”\"»«"
_CLAUSE_MARKS = frozenset({",", ":", ";", "–", "—"})
_CONTEXT_FRAMES = frozenset({"so", "noun_prep", "clause"})  # constructions whose word needs context to count


def find_quotation_marks(text: str, *, lang: str = "de") -> list[tuple[int, int, bool]]:
    """Spans ``(start, end, closed)`` of text between double quotation marks, marks included.

    Quotes never cross a paragraph break unless the next paragraph reopens the quote with an
    opening mark (the convention for quotations running over paragraphs); an unclosed quote
    ends at its paragraph end (``closed`` is then False). Apostrophes are never quotation marks.

    >>> find_quotation_marks('Er sagte: „Ja.“ Dann »nein«.')
    [(10, 15, True), (21, 27, True)]
    >>> find_quotation_marks('„offen\\n\\nweiter')
    [(0, 6, False)]
    """
    guillemet_opens = "»"
    first_r, first_l = text.find("»"), text.find("«")
    if first_l != -1 and (first_r == -1 or first_l < first_r):
        guillemet_opens = "«"
    out: list[tuple[int, int, bool]] = []
    open_pos, open_ch = -1, ""
    n = len(text)
    for m in re.finditer(r"[„“”\"»«]|''|\n\s*\n", text):
        ch, i, end = m.group(), m.start(), m.end()
        if ch == "''":  # two apostrophes: a straight double mark (''Yes,'' he said)
            ch = "\""
        if ch[0] == "\n":  # paragraph break
            if open_pos >= 0:
                nxt = m.end()
                if nxt < n and text[nxt] in "„»«“\"" and _closes(open_ch, text[nxt], guillemet_opens) is False:
                    continue  # reopened: the quote runs on (the reopening mark is skipped below)
                out.append((open_pos, _rstrip_pos(text, i), False))
                open_pos = -1
            continue
        if open_pos >= 0:
            if i == open_pos + 1 and ch == open_ch:
                continue
            if _closes(open_ch, ch, guillemet_opens):
                if ch == "\"" and end < n and text[end].isalnum() and not text[i - 1].isalnum():
                    # a straight mark glued to the next word opens rather than closes: restart
                    out.append((open_pos, _rstrip_pos(text, i), False))
                    open_pos, open_ch = i, ch
                    continue
                out.append((open_pos, end, True))
                open_pos = -1
            elif _is_reopen(text, i, m):
                continue
            elif ch in "„" or (ch == guillemet_opens and ch != open_ch):
                # a new opening mark while one is open: the earlier one was never closed
                out.append((open_pos, _rstrip_pos(text, i), False))
                open_pos, open_ch = i, ch
            continue
        if _opens(text, i, end, ch, guillemet_opens):
            open_pos, open_ch = i, ch
    if open_pos >= 0:
        end = text.find("\n", open_pos)
        out.append((open_pos, _rstrip_pos(text, end if end != -1 else n), False))
    return [(s, e, c) for s, e, c in out if e - s > 1]


def _rstrip_pos(text: str, i: int) -> int:
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


def _is_reopen(text: str, i: int, m) -> bool:
    """A mark at the start of a paragraph while a quote runs on from the previous paragraph."""
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j >= 1 and text[j] == "\n" and text[j - 1] in "\n \t"


def _opens(text: str, i: int, end: int, ch: str, guillemet_opens: str) -> bool:
    nxt = text[end] if end < len(text) else " "
    if nxt.isspace():
        return False
    if ch == "„":
        return True
    if ch in "»«":
        return ch == guillemet_opens
    prev = text[i - 1] if i else " "
    return not (prev.isalnum() or prev in ".,;!?")  # “ or " opening (English style or straight)


def _closes(open_ch: str, ch: str, guillemet_opens: str) -> bool:
    if open_ch == "„":
        return ch in "“”\""
    if open_ch in "»«":
        return ch in "»«" and ch != open_ch
    if open_ch == "“":
        return ch in "”“"
    if open_ch == "\"":
        return ch == "\""
    return False


# --- per-article analysis ---------------------------------------------------------------------

class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    lower: str
    lemma: str
    mood: str | None = None
    cue: bool = True  # lemma is a cue verb or the base of one (set by _features)


_make_tok = partial(tuple.__new__, _Tok)  # _Tok from one 7-tuple, without a Python-level call
_tok_text, _tok_lower, _tok_mood, _tok_cue = (attrgetter(a) for a in ("text", "lower", "mood", "cue"))


@dataclass
class _Quote:
    kind: str
    spans: list
    cue: list = field(default_factory=list)        # token spans (start, end) chars
    speaker: list = field(default_factory=list)    # char spans
    frame: list = field(default_factory=list)
    addressee: list = field(default_factory=list)  # char spans
    sentence: int = -1
    confidence: float = 0.5
    inherit: bool = False  # speaker to be taken from the previous quotation


_NAME_WITH_PARTICLE = re.compile(r"[a-z]{1,3}[’'-][A-ZÄÖÜ]")  # d’Italia, al-Dschasira, l'Express


def _is_cap(t: _Tok) -> bool:
    return t.text[:1].isupper()


CLOSERS = {")": "(", "“": "„", "”": "“", "«": "»", "»": "«", '"': '"'}


def _closes_inside(toks: list[_Tok], a: int, j: int) -> bool:
    """Whether ``toks[j]`` closes a bracket or quotation mark opened in ``toks[a:j]``
    ("Günther Oettinger (CDU)", "der „New York Times“")."""
    opener = CLOSERS.get(toks[j].text)
    return opener is not None and any(t.text == opener for t in toks[a:j])


def _genitive_attribute(toks: list[_Tok], j: int, end: int, lex: Lexicon) -> bool:
    """Whether lower-case ``toks[j]`` starts a genitive plural after a noun: content words in -er
    up to a capitalised noun ("Angaben informierter Kreise", "Ansicht einiger Juristen"; not
    "unter", "oder", "wieder")."""
    k = j
    while k < end and _is_word(toks[k]) and not _is_cap(toks[k]) and toks[k].lower.endswith("er") \
            and lex.cls(toks[k].lower) is None and toks[k].lower not in lex.stop:
        k += 1
    return k > j and k < end and _is_word(toks[k]) and _is_cap(toks[k])


def _is_word(t: _Tok) -> bool:
    return bool(_WORD.search(t.text))


def _last_char_before(text: str, i: int, start: int) -> str:
    """The last non-space character of ``text[start:i]``, or "" (scans back over spaces only)."""
    while i > start and text[i - 1].isspace():
        i -= 1
    return text[i - 1] if i > start else ""


def _comma_after(text: str, i: int, end: int) -> bool:
    """Whether a comma follows ``i`` before ``end`` after blanks only (“…,” said X, „…“, sagte X)."""
    while i < end and text[i] == " ":
        i += 1
    return i < end and text[i] == ","


class _Article:
    """Rules applied to one article; produces a list of :class:`_Quote`."""

    def __init__(self, text: str, sentences: list, tokens: list, lex: Lexicon):
        self.text, self.sents, self.toks, self.lex = text, sentences, tokens, lex
        self.de = lex.lang == "de"
        self._sent_quote: dict = {}
        self._offsets: dict = {}  # sentence -> (token starts, token ends, cue positions, clause-mark positions)
        self._clause_cues: dict = {}  # (sentence, token, clause end) -> cue_at's answer, for fragments
        self._pre = None  # (sentence, end, cue positions, frame positions, clause marks, moods) of the last test
        self.trig = np.ones(len(sentences), dtype=bool)   # sentence has a cue or attribution word
        self.moody = np.ones(len(sentences), dtype=bool)  # sentence has a Konjunktiv form
        self.far = 6            # sentences over which a Konjunktiv I sentence inherits a speaker
        self.lone_konj = True   # Konjunktiv I sentences without any earlier quotation count too
        self.nested = self.de   # quoted parts inside quotations become nested direct quotations
        self.fragments = self.de  # quoted fragments after a cue become direct quotations
        self.merge_continued = not self.de  # "“A,” he said. “B.”" is one quotation
        self.frame_konj_strong = False  # only Konjunktiv I (not II) makes a cue clause reported content

    def offsets(self, k: int) -> tuple[list, list, list, list]:
        """Token starts and ends, cue positions and clause-mark positions of sentence ``k`` (computed
        once, so that rules called once per quotation mark stay linear in a sentence's length)."""
        got = self._offsets.get(k)
        if got is None:
            toks = self.toks[k]
            got = self._offsets[k] = ([t.start for t in toks], [t.end for t in toks],
                                      [i for i, t in enumerate(toks) if t.cue],
                                      [i for i, t in enumerate(toks) if t.text in _CLAUSE_MARKS])
        return got

    def cue_at(self, toks: list[_Tok], i: int, clause_end: int) -> tuple[str, list[int]] | None:
        """Cue lemma and token indices for a speech verb at ``toks[i]`` (particle searched to ``clause_end``)."""
        t = toks[i]
        if not t.cue:
            return None
        lex = self.lex
        if not _is_word(t) or (self.de and _is_cap(t) and i > 0):
            return None
        lemma = t.lemma if self.de else t.lemma.lower()
        if not self.de and t.lower == lemma and not (i > 0 and (toks[i - 1].lower in lex.pronouns or
                                                               lex.cls(toks[i - 1].lower) in ("aux", "adv")
                                                               or lex.is_(toks[i - 1].lower, "infinitive"))):
            return None  # English base forms are verbs only after a pronoun, auxiliary or 'to' ("email scandal")
        if not self.de and i > 0 and t.lower.endswith("s") and t.lower != lemma and (
                lex.cls(toks[i - 1].lower) in ("det", "prep") or toks[i - 1].text[:1].isdigit()):
            return None  # plural noun: "in several states", "the reports"
        if not self.de and _is_cap(t):
            return None  # a name ("The Washington Post"), or an imperative opening a sentence ("Want more?")
        parts = lex.particle_bases.get(lemma)
        if parts:
            for j in range(i + 1, clause_end):
                p = toks[j].lower
                if p in parts and (j + 1 >= clause_end or not _is_word(toks[j + 1]) or not self.de):
                    full = parts[p]
                    if full in lex.reflexive and lex.words("reflexive").isdisjoint(map(_tok_lower, toks[i:clause_end])):
                        continue
                    return full, [i, j]
            if self.de and i > 0 and toks[i - 1].lower in parts:  # verb-final: "wie die Polizei bekannt gab"
                full = parts[toks[i - 1].lower]
                if full not in lex.reflexive or not lex.words("reflexive").isdisjoint(map(_tok_lower, toks[:clause_end])):
                    return full, [i - 1, i]
        if lemma in lex.cue_class:
            if lemma in lex.reflexive and lex.words("reflexive").isdisjoint(map(_tok_lower, toks[:clause_end])):
                return None
            return lemma, [i]
        return None

    # -- noun phrases (speakers) --
    def np_forward(self, toks: list[_Tok], i: int, end: int) -> tuple[int, int]:
        """Token range [a, b) of the noun phrase starting at ``i`` (empty when none)."""
        lex = self.lex
        j = i
        while j < end and (lex.cls(toks[j].lower) == "adv" or lex.is_(toks[j].lower, "reflexive")):
            j += 1
        if j >= end:
            return i, i
        a = j
        if toks[j].lower in lex.pronouns:
            return a, j + 1
        seen_noun = False
        while j < end:
            t = toks[j]
            c = lex.cls(t.lower)
            if not _is_word(t):
                if t.text in "-–" and seen_noun:
                    break
                if t.text in "„“”\"»«'" and j + 1 < end:
                    j += 1
                    continue
                if t.text == "(" and seen_noun:  # "Christian Wulff (CDU)"
                    k = j + 1
                    while k < end and k - j <= 4 and toks[k].text != ")":
                        k += 1
                    if k < end and toks[k].text == ")":
                        j = k + 1
                        continue
                if t.text == "," and seen_noun and self.de and (k := self._role_apposition(toks, j + 1, end)):
                    j = k  # "Erik Schweickert, der verbraucherschutzpolitische Sprecher der FDP,"
                    continue
                if t.text == "," and seen_noun and not self.de and (
                        k := self._apposition_en(toks, j + 1, end, open_end=i > 0 and toks[i - 1].cue)):
                    j = k  # "Dean Baker, co-director of the Center for Economic and Policy Research,"
                    continue
                if t.text == "," and seen_noun and j + 2 < end and _is_cap(toks[j + 1]) and \
                        lex.cls(toks[j + 1].lower) is None:
                    # apposition: "der Chef der Behörde, Frank Weise,"
                    k = j + 1
                    while k < end and _is_word(toks[k]) and _is_cap(toks[k]):
                        k += 1
                    if k - (j + 1) >= 1 and (k >= end or toks[k].text in ",.;:"):
                        j = k
                        continue
                break
            if c == "det":
                if seen_noun and not lex.is_(t.lower, "np_det"):
                    break
                j += 1
                continue
            if c == "prep":
                if seen_noun and j + 1 < end and (_is_cap(toks[j + 1]) and lex.is_(t.lower, "place_prep") or (
                        lex.is_(t.lower, "name_prep") and (_is_cap(toks[j + 1]) or lex.cls(toks[j + 1].lower) == "det"))):
                    j += 1
                    continue
                break
            if c == "conj" and seen_noun and lex.is_(t.lower, "np_conj") and j + 1 < end and (
                    _is_cap(toks[j + 1]) and toks[j + 1].lower not in lex.pronouns
                    or j + 2 < end and lex.cls(toks[j + 1].lower) is None and _is_cap(toks[j + 2])):
                j += 1  # "dpa und AFP", "arabische und iranische Medien"
                continue
            if c in ("adv", "conj", "comp", "aux"):
                break
            if _is_cap(t) or t.text[:1].isdigit() or _NAME_WITH_PARTICLE.match(t.text):
                seen_noun = True
                j += 1
                continue
            # lowercase content word: adjective when followed by a noun or another adjective
            if self.de and seen_noun and _genitive_attribute(toks, j, end, lex):  # Angaben informierter Kreise
                j += 1
                continue
            after_det = j > a and lex.cls(toks[j - 1].lower) == "det"
            if self.de and re.search(r"(e|en|er|es|em)$", t.lower) and j + 1 < end and _is_word(toks[j + 1]) and \
                    lex.cls(toks[j + 1].lower) is None and (not seen_noun or after_det):
                j += 1
                continue
            if not self.de and not seen_noun and j + 1 < end and _is_word(toks[j + 1]) and _is_cap(toks[j + 1]) is False \
                    and lex.cls(toks[j + 1].lower) is None and j + 2 < end and _is_cap(toks[j + 2]):
                j += 1
                continue
            if not self.de and (not seen_noun or j - a < 6):
                seen_noun = True  # English common nouns are lowercase: "officials", "presidential nominee"
                j += 1
                continue
            break
        while j > a and (lex.cls(toks[j - 1].lower) in ("det", "prep") or not _is_word(toks[j - 1])) \
                and not _closes_inside(toks, a, j - 1):
            j -= 1
        if not any(_is_cap(x) or not self.de or _NAME_WITH_PARTICLE.match(x.text) for x in toks[a:j]):
            return i, i
        return a, j

    def _role_apposition(self, toks: list[_Tok], i: int, end: int) -> int:
        """End of a role noun that opens an apposition at ``i`` (an article, adjectives, the role:
        "der geschäftsführende Direktor"), or 0."""
        lex = self.lex
        k = i + (i < end and lex.cls(toks[i].lower) == "det")
        while k < end and _is_word(toks[k]) and not _is_cap(toks[k]) and lex.cls(toks[k].lower) is None:
            k += 1
        return k + 1 if k < end and _is_cap(toks[k]) and lex.role(toks[k].lower) else 0

    def _apposition_en(self, toks: list[_Tok], i: int, end: int, *, open_end: bool) -> int:
        """End of an English apposition opening at ``i`` (its closing comma; ``end`` too with
        ``open_end``, for a speaker right after the cue: "…,” said X, a labor economist."): up to 15
        tokens with a lower-case word that is no function word, no pronoun and no cue ("a labor
        economist at the Institute", "President Obama's former chief of staff"), or 0."""
        lex = self.lex
        if i >= end or toks[i].lower in lex.pronouns or lex.cls(toks[i].lower) in ("conj", "comp", "prep"):
            return 0
        common = False
        for k in range(i, min(end, i + 15)):
            t = toks[k]
            if t.text in (",", ";", ":"):
                return k if common else 0
            if not _is_word(t) and t.text not in ("-", "'s", "’s", "(", ")", "."):
                return 0
            if t.cue and self.cue_at(toks, k, end) or lex.cls(t.lower) in ("comp", "aux"):
                return 0
            common = common or (t.text[:1].islower() and t.lower not in lex.stop and lex.cls(t.lower) is None)
        closed = end < len(toks) and toks[end].text == ","  # the range ends at the closing comma
        return end if (open_end or closed) and common and end - i <= 15 else 0

    def _apposed_subject(self, toks: list[_Tok], cb: int) -> tuple[int, int] | None:
        """The noun phrase with an apposition that runs from the sentence start to the comma at
        ``cb``: the subject of the cue after it rather than content ("Dean Baker, co-director of
        CEPR, said …", "X, der Sprecher der Behörde, sagte"), or None."""
        s, e = self.np_forward(toks, 0, cb)
        return (s, e) if e == cb and any(t.text == "," for t in toks[s:e]) else None

    def np_backward(self, toks: list[_Tok], i: int, start: int) -> tuple[int, int]:
        """Noun phrase ending right before ``i`` (for ``X zufolge``)."""
        lex = self.lex
        j = i
        while j > start:
            t = toks[j - 1]
            c = lex.cls(t.lower)
            if not _is_word(t) or c in ("prep", "conj", "comp", "aux", "adv"):
                break
            j -= 1
        return j, i

    def np_before_en(self, toks: list[_Tok], verb: int, lo: int) -> tuple[int, int]:
        """English subject right before the verb: "Sen. Bernie Sanders (I-Vt.) said", "the campaign said"."""
        lex = self.lex
        j = verb
        while j > lo and (lex.cls(toks[j - 1].lower) in ("aux", "adv") or toks[j - 1].text.islower()
                          and toks[j - 1].text.endswith("ly")):
            j -= 1  # "has repeatedly said", "is widely expected"
        b = j
        depth = 0
        while j > lo and b - j < 10:
            t = toks[j - 1]
            if t.text == ")":
                depth += 1
            elif t.text == "(":
                depth -= 1
            elif depth == 0:
                c = lex.cls(t.lower)
                if not _is_word(t) and t.text not in ("'s", "’s", "’", "'", "-", "."):
                    break
                if c in ("comp", "conj", "aux") or (c == "prep" and not lex.is_(t.lower, "name_prep")):
                    break
                if t.lower in lex.pronouns and j < b:
                    break
            j -= 1
        while j < b and (lex.cls(toks[j].lower) in ("prep", "conj") or not _is_word(toks[j])):
            j += 1
        return (j, b) if b > j else (verb, verb)

    def subject(self, toks: list[_Tok], lo: int, verb: int, hi: int) -> tuple[int, int]:
        """Speaker of a frame whose finite verb or cue is at ``verb``; clause tokens ``lo..hi``."""
        lex = self.lex
        if not self.de:
            sa, sb = self.np_before_en(toks, verb, lo)
            if sb > sa:
                return sa, sb
        a = lo
        while a < verb and (lex.cls(toks[a].lower) in ("conj", "adv") or not _is_word(toks[a])):
            a += 1
        if 0 < lo - 1 and toks[lo - 1].text == "," and all(
                lex.cls(t.lower) in ("conj", "adv", "aux") or not _is_word(t) for t in toks[lo:verb]) and (
                span := self._apposed_subject(toks, lo - 1)):
            return span  # "X, der Sprecher der Behörde, sagte"
        if self.de and verb + 1 < hi and lex.is_(toks[verb + 1].lower, "subject_pronoun") and a < verb and \
                toks[a].lower not in lex.pronouns:
            return verb + 1, verb + 2
        if a < verb and lex.cls(toks[a].lower) != "prep" and (toks[a].lower not in lex.stop or toks[a].lower in
                                                          lex.pronouns or lex.cls(toks[a].lower) == "det") and (
                _is_cap(toks[a]) or toks[a].lower in lex.pronouns or lex.cls(toks[a].lower) == "det"):
            s, e = self.np_forward(toks, a, verb)
            if e > s:
                return s, e
        # a subject pronoun right after the verb ("Die Tat bezeichnete er als sinnlos")
        if verb + 1 < hi and toks[verb + 1].lower in lex.pronouns and lex.cls(toks[verb + 1].lower) != "oblique":
            return verb + 1, verb + 2
        # verb-first or fronted adverbial: the subject follows the finite verb
        fin = lo
        for k in range(lo, verb + 1):
            if lex.cls(toks[k].lower) == "aux" or k == verb:
                fin = k
                break
        return self.np_forward(toks, fin + 1, hi)

    # -- sentence rules --
    def analyse(self) -> list[_Quote]:
        text = self.text
        marks = find_quotation_marks(text, lang=self.lex.lang)
        quotes: list[_Quote] = []
        sent_quote: dict[int, _Quote] = {}
        self._sent_quote = sent_quote
        covered = [False] * len(self.sents)
        direct_spans = []
        sent_starts = [s[0] for s in self.sents]
        for qs, qe, closed in marks:
            inner = text[qs + 1: qe - (1 if closed else 0)].strip("'")  # ''…'' marks are two characters
            words = len(re.findall(r"\w+", inner))
            si = max(0, bisect_right(sent_starts, qs) - 1)
            sj = max(0, bisect_right(sent_starts, max(qs, qe - 1)) - 1)
            before = _last_char_before(text, qs, self.sents[si][0])  # "" at the sentence start
            clause_initial = not before or before == ":" or (before == "," and inner[:1].isupper())
            sentence_like = inner.rstrip()[-1:] in ".!?…" or words >= 8
            continued = _comma_after(text, qe, self.sents[sj][1]) or inner.rstrip().endswith(",")  # “…,” said X
            if not clause_initial or words < 3 or (words < 5 and not sentence_like and not continued
                                                   and before != ":"):
                direct_spans.append((qs, qe, False))
                continue
            direct_spans.append((qs, qe, True))
            q = _Quote("direct", [[qs, qe]], sentence=si, confidence=0.9)
            self.direct_frame(q, si, sj, qs, qe)
            quotes.append(q)
            for k in range(si, sj + 1):
                covered[k] = True
                sent_quote[k] = q
        # sentence rules on the sentences not taken by direct quotations
        trig = self.trig.tolist() if isinstance(self.trig, np.ndarray) else list(self.trig)
        for k in compress(range(len(self.sents)), trig):
            if covered[k]:
                continue
            q = self.sentence_quote(k)
            if q is not None:
                quotes.append(q)
                sent_quote[k] = q
        # quoted fragments in a sentence whose verb is a cue: "nannte den Angriff „übertrieben“"
        if self.fragments:
            for n, (qs, qe, taken) in enumerate(direct_spans):
                k = max(0, bisect_right(sent_starts, qs) - 1)
                if taken or covered[k] or k in sent_quote:
                    continue
                q = self.fragment_quote(k, qs, qe)
                if q is not None:
                    quotes.append(q)
                    direct_spans[n] = (qs, qe, True)
        # free indirect speech: Konjunktiv sentences following a quotation
        last: _Quote | None = None
        last_k = -10
        moody = self.moody.tolist() if isinstance(self.moody, np.ndarray) else list(self.moody)
        for k, (s, e, para) in enumerate(self.sents):
            if k in sent_quote:
                last, last_k = sent_quote[k], k
                continue
            if not moody[k]:
                continue
            if hasattr(self.toks, "moods_lowers"):
                moods, lowers = self.toks.moods_lowers(k)
            else:
                moods, lowers = [t.mood for t in self.toks[k]], [t.lower for t in self.toks[k]]
            has_i = "I" in moods
            rep = [w for w, m in zip(lowers, moods) if m == "reportative"]
            has_rep = bool(rep) and not self.lex.words("perfect_aux").isdisjoint(lowers)
            prev_para = self.sents[last_k][2] if last_k >= 0 else -1
            near = last is not None and k - last_k <= 2 and para - prev_para <= 1
            if has_i and not near and last is not None and k - last_k <= self.far:
                near = True  # a Konjunktiv I sentence further on still reports the last speaker
            if (has_i or ("II" in moods and near)) and near or has_rep or (has_i and self.lone_konj):
                body = self.trim(s, e, keep_end=True)
                if body is None:
                    continue
                prev = sent_quote.get(k - 1)
                if prev is not None and prev.kind == "free_indirect" and self.sents[k - 1][2] == para:
                    prev.spans[-1][1] = body[1]  # continue the running free indirect quotation
                    sent_quote[k] = prev
                    last, last_k = prev, k
                    continue
                fq = _Quote("free_indirect", [list(body)], sentence=k, confidence=0.5 if near else 0.35,
                            inherit=near)
                if near:
                    fq.speaker = list(last.speaker)
                quotes.append(fq)
                sent_quote[k] = fq
                last, last_k = fq, k
        # quoted parts inside a quotation are direct quotations of the same speaker (nested)
        hosts = sorted((a, b, n) for n, q in enumerate(quotes) if q.kind != "direct" for a, b in q.spans)
        host_starts = [h[0] for h in hosts]
        for qs, qe, taken in direct_spans:
            if taken:
                continue
            if not self.nested:
                break
            host = None
            for a, b, n in reversed(hosts[max(0, bisect_right(host_starts, qs) - 3):bisect_right(host_starts, qs)]):
                if a <= qs and qe <= b:
                    host = quotes[n]
                    break
            if host is None or self._title_like(qs, qe):
                continue
            nq = _Quote("direct", [[qs, qe]], cue=list(host.cue), speaker=list(host.speaker), frame=list(host.frame),
                        sentence=host.sentence, confidence=0.6, inherit=host.inherit)
            quotes.append(nq)
        quotes.sort(key=lambda q: q.spans[0][0])
        # direct quotations without a frame inherit the nearest quotation's speaker
        prev = None
        for q in quotes:
            if len(q.speaker) == 1 and self.text[slice(*q.speaker[0])].lower() in self.lex.words("placeholder"):
                self._replace_placeholder(q)
            if not q.speaker and prev is not None and prev.speaker and q.kind in ("direct", "free_indirect"):
                q.speaker = list(prev.speaker)
                q.inherit = True
            prev = q
        if self.merge_continued:
            quotes = self._merge_continued(quotes)
        for q in quotes:
            if q.frame and not q.inherit:
                self._addressee(q, sent_starts)
        return quotes

    def fragment_quote(self, k: int, qs: int, qe: int) -> _Quote | None:
        """A quoted fragment as a direct quotation of the subject of a cue in its clause
        ("Stoiber begründete seinen Rückzug mit einer „veränderten Lage“", "Von einer „gezielten
        Indiskretion“ sprach der Politiker"), or None."""
        toks = self.toks[k]
        n = len(toks)
        starts, _, cue_pos, marks = self.offsets(k)
        first, stop = bisect_left(starts, qs), bisect_left(starts, qe)
        if first >= stop:
            return None
        inside = range(first, stop)
        # the clause marks next to the fragment, outside it
        m = bisect_left(marks, first)
        lo = marks[m - 1] + 1 if m else 0
        m = bisect_left(marks, stop)
        hi = marks[m] if m < len(marks) else n
        for i in cue_pos[bisect_left(cue_pos, lo):bisect_left(cue_pos, hi)]:
            if i in inside:
                continue
            key = (k, i, hi)  # many fragments of one clause ask for the same cue
            if key not in self._clause_cues:
                self._clause_cues[key] = self.cue_at(toks, i, hi)
            c = self._clause_cues[key]
            if not c:
                continue
            sa, sb = self.subject(toks, lo, i, hi)
            if sb <= sa or any(sa <= j < sb for j in inside):
                continue
            q = _Quote("direct", [[qs, qe]], sentence=k, confidence=0.6)
            q.cue = self._cue_spans(toks, c[1])
            q.speaker = [[toks[sa].start, toks[sb - 1].end]]
            ends = [sa, sb - 1, *c[1]]
            q.frame = [[toks[min(ends)].start, toks[max(ends)].end]]
            return q
        return None

    def _replace_placeholder(self, q: _Quote) -> None:
        """A speaker that only points elsewhere ("hieß es", "Demnach", "wonach"): the source named
        in a prepositional phrase of the sentence outside the quotation ("hieß es in einer
        Erklärung der Regierung"), else none (the speaker is then inherited like a frameless one)."""
        toks = self.toks[q.sentence] if 0 <= q.sentence < len(self.toks) else []
        for i, t in enumerate(toks[:-1]):
            if self.lex.is_(t.lower, "source_prep") and not any(a <= t.start < b for a, b in q.spans):
                a, b = self.np_forward(toks, i + 1, len(toks))
                if b > a and not any(a2 <= toks[a].start < b2 for a2, b2 in q.spans):
                    q.speaker = [[toks[a].start, toks[b - 1].end]]
                    return
        q.speaker = []

    def _addressee(self, q: _Quote, sent_starts: list[int]) -> None:
        """The addressee inside a frame: "gegenüber der Zeitung", "told reporters"."""
        fs, fe = q.frame[0][0], q.frame[-1][1]
        k = max(0, bisect_right(sent_starts, fs) - 1)
        toks = self.toks[k]
        starts, ends, _, _ = self.offsets(k)
        lo, hi = bisect_left(starts, fs), bisect_right(ends, fe)  # the tokens inside the frame
        if hi <= lo:
            return
        lex = self.lex
        preps, verbs, dets = lex.addressee_preps, lex.addressee_verbs, lex.addressee_dets
        for i in range(lo, hi):
            t = toks[i]
            dative = t.lower in dets and i > lo and (toks[i - 1].cue or any(
                s < toks[i - 1].end <= e for s, e in q.speaker))  # right after the verb or the speaker
            if t.lower in preps or (verbs and t.cue and t.lemma.lower() in verbs) or dative:
                a, b = self.np_forward(toks, i + (t.lower not in dets), hi)
                if b > a and not any(s <= toks[a].start < e for s, e in q.speaker):
                    q.addressee = [[toks[a].start, toks[b - 1].end]]
                return

    def _merge_continued(self, quotes: list[_Quote]) -> list[_Quote]:
        """Join "“A,” he said. “B.”": a framed direct quotation and the frameless one right after it."""
        out: list[_Quote] = []
        for q in quotes:
            prev = out[-1] if out else None
            if (prev is not None and prev.kind == "direct" and q.kind == "direct" and q.inherit and not q.cue
                    and prev.cue and prev.frame and prev.frame[-1][1] >= prev.spans[-1][1]
                    and not self.text[prev.frame[-1][1]:q.spans[0][0]].strip(" \t.,;")):
                prev.spans.extend(q.spans)
                continue
            out.append(q)
        return out

    def _title_like(self, qs: int, qe: int) -> bool:
        """A short quoted name or title (every word capitalised or a number: „Shenzhou 6“)."""
        words = re.findall(r"\w+", self.text[qs:qe])
        return len(words) <= 4 and all(w[:1].isupper() or w[:1].isdigit() for w in words)

    def trim(self, s: int, e: int, *, keep_end: bool) -> tuple[int, int] | None:
        """Strip spaces and leading commas (and the final punctuation unless ``keep_end``) from a
        char range."""
        text = self.text
        while s < e and (text[s].isspace() or text[s] == ","):
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if not keep_end:
            while e > s and text[e - 1] in ".!?;:,–-" :
                e -= 1
            while e > s and text[e - 1].isspace():
                e -= 1
        return (s, e) if e > s and _WORD.search(text[s:e]) else None

    def direct_frame(self, q: _Quote, si: int, sj: int, qs: int, qe: int) -> None:
        """Find cue and speaker of a direct quotation in its sentences (after, then before)."""
        toks_after = [t for t in self.toks[sj] if t.start >= qe]
        toks_before = [t for t in self.toks[si] if t.end <= qs]
        if toks_after and len([t for t in toks_after if _is_word(t)]) >= 1:
            found = self.frame_in(toks_after, after_content=True)
            if found:
                return self.apply_frame(q, toks_after, found)
        if toks_before:
            found = self.frame_in(toks_before, after_content=False)
            if found:
                return self.apply_frame(q, toks_before, found)
        elif si > 0 and self.text[self.sents[si - 1][0]:self.sents[si - 1][1]].rstrip().endswith(":"):
            # "Putin erklärte dazu:" closing the previous sentence or paragraph
            prev = self.toks[si - 1]
            found = self.frame_in(prev, after_content=False) if prev else None
            if found:
                return self.apply_frame(q, prev, found)
        q.confidence = 0.6

    def frame_in(self, toks: list[_Tok], *, after_content: bool):
        """Cue, speaker and frame token ranges inside a frame-only token list."""
        n = len(toks)
        end = n
        while end > 0 and not _is_word(toks[end - 1]):
            end -= 1
        start = 0
        while start < end and not _is_word(toks[start]):
            start += 1
        if end <= start:
            return None
        for i in range(start, end):
            w = toks[i].lower
            cue = self.cue_at(toks, i, end)
            if cue:
                if after_content and i == start or (after_content and self.lex.cls(toks[start].lower) == "adv"):
                    sp = self.np_forward(toks, cue[1][0] + 1, end)
                else:
                    sp = self.subject(toks, start, i, end)
                return cue[1], sp, (start, end)
            construction = self.lex.frame(w)
            if construction == "so" and after_content and i == start:
                sp = self.np_forward(toks, i + 1, end)
                if sp[1] > sp[0]:
                    return [i], sp, (start, end)
            if construction in ("prep", "postp", "prep_name"):
                rest = self.lex.frames[w][1]
                width = 1 + len(rest)
                if rest and [t.lower for t in toks[i + 1:i + width]] != list(rest):
                    continue
                sp = self.np_backward(toks, i, start) if construction == "postp" else self.np_forward(
                    toks, i + width, end)
                return list(range(i, i + width)), sp, (start, end)
        return None

    def apply_frame(self, q: _Quote, toks: list[_Tok], found) -> None:
        cue_idx, (a, b), (fs, fe) = found
        q.cue = self._cue_spans(toks, cue_idx)
        if b > a:
            q.speaker = [[toks[a].start, toks[b - 1].end]]
        q.frame = [[toks[fs].start, toks[fe - 1].end]]
        q.confidence = 0.9 if b > a else 0.7

    def _cue_spans(self, toks: list[_Tok], idx: list[int]) -> list:
        spans = [[toks[i].start, toks[i].end] for i in idx if 0 <= i < len(toks)]
        # an auxiliary directly governing a participle cue belongs to the cue (hat ... angekündigt)
        if idx and not self.de:
            i = idx[0]
            if i > 0 and self.lex.is_(toks[i - 1].lower, "cue_aux"):
                spans.insert(0, [toks[i - 1].start, toks[i - 1].end])
        if idx and self.de:
            i = idx[0]
            t = toks[i]
            if t.lower.startswith("ge") or t.lower.endswith("t"):
                for k in range(i - 1, max(-1, i - 12), -1):
                    if not _is_word(toks[k]) and toks[k].text in ",:;":
                        break
                    if self.lex.cls(toks[k].lower) == "aux" and not self.lex.is_(toks[k].lower, "copula"):
                        spans.insert(0, [toks[k].start, toks[k].end])
                        break
        return spans

    def _may_hold_quote(self, k: int) -> bool:
        """Cheap test on the raw columns (German): can any sentence rule fire in sentence k?

        A necessary condition for each rule of :meth:`sentence_quote`, checked on the word lists
        without building token objects: it mirrors the rules' tests on cue, clause marks,
        Konjunktiv and complementiser, and leaves out only the noun-phrase searches. A sentence
        for which it answers False cannot give a quotation (tests compare it with the rules).
        """
        lex = self.lex
        texts, lowers, lemmas, cues, moods = self.toks.raw(k)
        n = len(texts)
        if n < 3:
            return False
        end = n
        while end > 0 and not _WORD.search(texts[end - 1]) and texts[end - 1] not in "“”\"»«":
            end -= 1
        if end <= 0:
            return False
        frames = lex.frames
        positions = range(end)
        cue_pos = list(compress(positions, cues))
        frame_pos = list(compress(positions, map(frames.__contains__, lowers)))
        if not cue_pos and not frame_pos:
            return False
        marks = list(compress(positions, map(_CLAUSE_MARKS.__contains__, texts)))
        self._pre = (k, end, cue_pos, frame_pos, marks, moods)
        cls = lex.fw.get
        # 1. attribution words (laut X, X zufolge, nach Angaben X, ", so X", "wie X sagte, ...")
        for i in frame_pos:
            kind, rest = frames[lowers[i]]
            if rest and lowers[i + 1:i + 1 + len(rest)] != list(rest):
                continue
            if kind in ("prep", "postp", "pointer"):
                return True
            if kind == "prep_name":
                if i + 1 < end and texts[i + 1][:1].isupper():
                    return True
            elif kind == "so":
                if i > 0 and texts[i - 1] == "," and i + 1 < end and (
                        texts[i + 1][:1].isupper() or cls(lowers[i + 1]) == "det" or cues[i + 1]):
                    return True
            elif kind == "noun_prep":
                l1 = lemmas[i + 1] if i + 1 < end else None
                l2 = lemmas[i + 2] if i + 2 < end else None
                if i + 1 < end and (lex.cue_noun(l1 if isinstance(l1, str) else texts[i + 1]) or (
                        i + 2 < end and lex.cue_noun(l2 if isinstance(l2, str) else texts[i + 2])
                        and cls(lowers[i + 1]) in ("det", None) and not texts[i + 1][:1].isupper())):
                    return True
            elif kind == "clause" and (i == 0 or texts[i - 1] == ","):
                # the verb-final frame clause ends at one of the next three marks or at the end
                for j in [m for m in marks if m > i][:3] + [end]:
                    if j - i <= 24 and ((i == 0 and j < end) or (i > 0 and j >= end - 1)) and (
                            (j - 1 > i and cues[j - 1]) or (j - 2 > i and cues[j - 2])):
                        return True
        if not cue_pos:
            return False
        # 2. "Das sagte X." pointing back to the previous sentence
        if k > 0 and end <= 25 and cues[1] and lowers[0] in lex.backref:
            return True
        strong = self.frame_konj_strong
        plain = lex.plain_cues()
        for i in cue_pos:
            if i > 0 and texts[i][:1].isupper():
                continue  # a noun, not a verb
            # the cue's clause [a, b): between the clause marks around it (a cue is no mark)
            j = bisect_right(marks, i)
            a = marks[j - 1] + 1 if j else 0
            b = marks[j] if j < len(marks) else end
            ms = moods[a:b]
            if "I" in ms or (not strong and "II" in ms):
                continue  # the cue's clause is itself reported content
            lemma = lemmas[i] if isinstance(lemmas[i], str) else texts[i]
            if lemma in plain:
                full = lemma
            else:
                full = self._raw_cue(texts, lowers, lemma, i, a, b)
                if full is None:
                    continue
            classes = lex.cue_class.get(full, ())
            # (a) frame after the content: "CONTENT, sagte X"
            if a >= 2 and texts[a - 1] in (",", "–", "—") and texts[a - 2] not in _CLAUSE_MARKS and (
                    i == a or (i <= a + 2 and all(cls(w) == "adv" or w in lex.backref for w in lowers[a:i]))):
                nxt = next((w for w in lowers[i + 1:end] if cls(w) != "adv"), None)
                if nxt is not None and nxt not in lex.oblique:
                    return True
            # (b) frame before the content: "X sagte, CONTENT" / "X sagte: CONTENT"
            if b < end - 1 and texts[b] not in ("–", "—"):
                ms = moods[b + 1:end]
                if texts[b] == ":" or cls(lowers[b + 1]) == "comp" or "I" in ms or "II" in ms:
                    return True
                if "speech" in classes and self._zu_infinitive(lowers[b + 1:min(end, b + 31)]):
                    return True
            # (c) reported speech act in the main clause
            if a == 0 and "reported" in classes and not lowers[i].endswith("end") and not (
                    lowers[i].startswith("ge") and not lemma.startswith("ge")):
                if lowers[i] == lemma.lower() and full == lemma:
                    continue  # infinitive (unless completed by a particle)
                w0 = lowers[0]
                if w0 not in lex.stop or w0 in lex.pronouns or cls(w0) == "det":
                    return True
        return False

    def _raw_cue(self, texts: list, lowers: list, lemma: str, i: int, a: int, b: int) -> str | None:
        """The cue lemma of the verb at ``i`` in clause ``[a, b)`` as :meth:`cue_at` finds it (German)."""
        lex = self.lex
        parts = lex.particle_bases.get(lemma)
        if parts:
            for j in range(i + 1, b):
                if lowers[j] in parts and (j + 1 >= b or not _WORD.search(texts[j + 1])):
                    full = parts[lowers[j]]
                    if full in lex.reflexive and lex.words("reflexive").isdisjoint(lowers[i:b]):
                        continue
                    return full
        if lemma in lex.cue_class:
            if lemma in lex.reflexive and lex.words("reflexive").isdisjoint(lowers[:b]):
                return None
            return lemma
        return None

    def _zu_infinitive(self, lowers: list) -> bool:
        """A zu-infinitive among the words (``zu sagen``, ``anzukündigen``), as the content test has it."""
        lex = self.lex
        infinitive = lex.words("infinitive")
        return any(lex.is_(w, "infinitive") or any(z in w[2:-2] for z in infinitive) and w.endswith("en")
                   for w in lowers)

    def sentence_quote(self, k: int) -> _Quote | None:
        """Indirect, attributed or reported quotation in sentence ``k`` (or None)."""
        lex = self.lex
        pre = None
        if self.de and hasattr(self.toks, "raw"):
            if not self._may_hold_quote(k):
                return None
            pre = self._pre  # what the test found out about the sentence
        toks = self.toks[k]
        n = len(toks)
        if n < 3:
            return None
        if pre is not None and pre[0] == k:
            _, end, cue_pos, frame_pos, commas, moods = pre
            triggers = sorted(set(cue_pos).union(frame_pos))
        else:
            end = n
            while end > 0 and not _is_word(toks[end - 1]) and toks[end - 1].text not in "“”\"»«":
                end -= 1
            if end <= 0:
                return None
            frames = lex.frames
            positions = range(end)
            triggers = set(compress(positions, map(_tok_cue, toks)))
            triggers.update(compress(positions, map(frames.__contains__, map(_tok_lower, toks))))
            if not triggers:
                return None
            triggers = sorted(triggers)
            commas = list(compress(positions, map(_CLAUSE_MARKS.__contains__, map(_tok_text, toks))))
            moods = list(map(_tok_mood, toks))
        bounds = [0] + [c + 1 for c in commas] + [end]
        clause_of = [0] * (n + 1)
        for ci in range(len(bounds) - 1):
            clause_of[bounds[ci]:bounds[ci + 1]] = [ci] * (bounds[ci + 1] - bounds[ci])
        last_clause = len(bounds) - 2
        clause_of[end:] = [last_clause] * (n + 1 - end)

        def clause_range(ci):
            return bounds[ci], (commas[ci] if ci < len(commas) else end)

        def konj_in(a, b, strong=False):
            ms = moods[a:b]
            return "I" in ms or (not strong and "II" in ms)

        # 1. verb-less attributions: laut X, nach Angaben von X, X zufolge, ", so X"
        for i in triggers:
            w = toks[i].lower
            construction, rest = lex.frames.get(w, (None, ()))
            if construction in (None, "clause"):
                continue
            width = 1 + len(rest)
            if rest and [t.lower for t in toks[i + 1:i + width]] != list(rest):
                continue
            if construction == "noun_prep" and not (i + 1 < end and (lex.cue_noun(toks[i + 1].lemma) or (
                    i + 2 < end and lex.cue_noun(toks[i + 2].lemma) and lex.cls(toks[i + 1].lower) in ("det", None)
                    and not _is_cap(toks[i + 1])))):
                continue
            so_verb = construction == "so" and i + 2 < end and self.cue_at(toks, i + 1, end) is not None
            if construction == "so" and not (i > 0 and toks[i - 1].text == "," and i + 1 < end and (
                    _is_cap(toks[i + 1]) or lex.cls(toks[i + 1].lower) == "det" or so_verb)):
                continue
            if construction == "prep_name" and not (i + 1 < end and _is_cap(toks[i + 1])):
                continue
            if construction == "pointer":
                # "Demnach sollen …" / "…, wonach es … geben werde, …": the word stands for the last source
                stop = next((c for c in commas if c > i), end) if i > 0 else end
                content = self.trim(toks[i + 1].start, toks[stop - 1].end, keep_end=False) if i + 1 < stop else None
                if not content or not self._words_at_least(content[0], content[1], 3):
                    continue
                q = _Quote("indirect", [list(content)], sentence=k, confidence=0.6)
                q.cue = [[toks[i].start, toks[i].end]]
                q.speaker = [[toks[i].start, toks[i].end]]
                q.frame = [[toks[i].start, toks[i].end]]
                return self.finish(q, toks, q.spans)
            if construction == "postp":
                a, b = self.np_backward(toks, i, bounds[clause_of[i]])
                fa, fb = a, i + 1
            else:
                a, b = self.np_forward(toks, i + width + (1 if construction == "so" and so_verb else 0), end)
                if b <= a:
                    continue
                fa, fb = i, b
                if construction == "so":
                    fa = i - 1
                    b = end if self.de else b
                    fb = end
            if b <= a:
                continue
            content = []
            if fa > 0:
                r = self.trim(toks[0].start, toks[fa - 1].end, keep_end=False)
                if r:
                    content.append(list(r))
            if fb < end:
                r = self.trim(toks[fb].start, toks[end - 1].end, keep_end=False)
                if r:
                    content.append(list(r))
            content = [c for c in content if self._words_at_least(c[0], c[1], 2)]
            if not content:
                continue
            q = _Quote("indirect", content, sentence=k, confidence=0.75)
            cue_idx = list(range(i, i + width)) if not (construction == "so" and so_verb) else [i, i + 1]
            q.cue = [[toks[x].start, toks[x].end] for x in cue_idx]
            q.speaker = [[toks[a].start, toks[b - 1].end]]
            q.frame = [[toks[fa].start, toks[fb - 1].end]]
            return self.finish(q, toks, content)

        # 2. verb frames
        cues = []
        lw0 = toks[0].lower
        # "Wie X mitteilte, CONTENT." and "CONTENT, wie X sagte."
        for i in triggers:
            if lex.frame(toks[i].lower) != "clause" or not (i == 0 or toks[i - 1].text == ","):
                continue
            cue, j = None, i
            for j in [c for c in commas if c > i][:3] + [end]:  # "Wie X, Sprecher von Y, mitteilte, ..."
                # the clause is verb-final: the cue stands right before the comma
                cue = next((c for c in (self.cue_at(toks, x, j) for x in range(j - 1, max(i, j - 3), -1))
                            if c and c[1][-1] == j - 1), None)
                if cue:
                    break
            if not cue or j - i > 24:
                continue
            sa, sb = self.np_forward(toks, i + 1, j)
            if sb <= sa:
                continue
            if i == 0 and j < end:
                content = self.trim(toks[j + 1].start, toks[end - 1].end, keep_end=False)
                frame = [toks[0].start, toks[j].end]
            elif i > 0 and j >= end - 1:
                content = self.trim(toks[0].start, toks[i - 2].end, keep_end=False) if i >= 2 else None
                frame = [toks[i - 1].start, toks[end - 1].end]
            else:
                continue
            if not content:
                continue
            q = _Quote("indirect", [list(content)], sentence=k, confidence=0.75)
            q.cue = self._cue_spans(toks, cue[1])
            q.speaker = [[toks[sa].start, toks[sb - 1].end]]
            q.frame = [frame]
            return self.finish(q, toks, q.spans)
        # "CONTENT. Das/Dies teilte X mit." : the frame refers back to the previous sentence
        if self.de and lw0 in self.lex.backref and k > 0 and end <= 25:
            c = self.cue_at(toks, 1, end) if end > 1 else None
            prev = self.sents[k - 1]
            framed = self._sent_quote.get(k - 1)
            if c and framed is not None and framed.kind == "direct" and not framed.cue and \
                    framed.spans[-1][1] >= prev[1] - 1:
                # "„…“ Das sagte X." : the frame of a frameless direct quotation just before
                sa, sb = self.np_forward(toks, max(c[1][0], 1) + 1, end)
                if sb > sa:
                    framed.cue = self._cue_spans(toks, c[1])
                    framed.speaker = [[toks[sa].start, toks[sb - 1].end]]
                    framed.frame = [[toks[0].start, toks[end - 1].end]]
                    framed.inherit, framed.confidence = False, 0.8
                    return None
            if c and prev[2] == self.sents[k][2] and (k - 1) not in self._sent_quote:
                sa, sb = self.np_forward(toks, max(c[1][0], 1) + 1, end)
                body = self.trim(prev[0], prev[1], keep_end=True)
                if sb > sa and body:
                    q = _Quote("indirect", [list(body)], sentence=k - 1, confidence=0.7)
                    q.cue = self._cue_spans(toks, c[1])
                    q.speaker = [[toks[sa].start, toks[sb - 1].end]]
                    q.frame = [[toks[0].start, toks[end - 1].end]]
                    return self.finish(q, toks, q.spans)
        for i in triggers:
            if not toks[i].cue:
                continue
            a, b = clause_range(clause_of[i])
            c = self.cue_at(toks, i, b)
            if c:
                cues.append((i, c))
        for i, lemma, idx, after in sorted(((i, l, x, aft) for i, (l, x) in cues for aft in (True, False)),
                                           key=lambda c: not c[3]):
            ci = clause_of[i]
            a, b = clause_range(ci)
            classes = lex.cue_class.get(lemma, set())
            if self.de and konj_in(a, b, strong=self.frame_konj_strong):
                continue  # the cue's own clause is reported content ("Er könne nicht sagen, ...")
            # (a) frame after content: "..., sagte X." / "..., so X" / "..., X said."
            tail_ok = self.de or (end - max(idx) <= 8 and not any(
                lex.cls(t.lower) == "comp" for t in toks[max(idx) + 1:end]))
            lead = toks[a:i]  # before the cue: adverbs, or a word pointing back ("…, das teilte X mit")
            if after and tail_ok and (ci > 0 and (i == a or (i <= a + 2 and all(
                    lex.cls(t.lower) == "adv" or t.lower in lex.backref for t in lead))) or (
                    not self.de and ci > 0 and self._en_subject_before(toks, a, i))):
                ca, cb = 0, commas[ci - 1]
                if bounds[ci - 1] < cb and toks[cb].text in (",", "–", "—"):
                    content = self.trim(toks[ca].start, toks[cb - 1].end, keep_end=False) if cb > ca else None
                    if content and self._words_at_least(content[0], content[1], 3):
                        fb = end
                        spans = [list(content)]
                        # frame in the middle: "Die Lage, sagte er, sei ernst."
                        if ci + 1 < len(bounds) - 1 and b < end and toks[b].text == ",":
                            rest = self.trim(toks[b + 1].start, toks[end - 1].end, keep_end=False) if b + 1 < end else None
                            if rest and (konj_in(b + 1, end) or not self.de):
                                spans.append(list(rest))
                                fb = b + 1
                        nxt_t = next((t for t in toks[idx[0] + 1:end] if self.lex.cls(t.lower) != "adv"), None)
                        if self.de and (nxt_t is None or nxt_t.lower in self.lex.oblique or not _is_word(nxt_t)):
                            continue  # no subject after the cue: "X, der Sprecher, sagte, dass …"
                        if i == a and (span := self._apposed_subject(toks, cb)) and span[0] == 0:
                            continue  # "Dean Baker, co-director of CEPR, said the plan would fail"
                        q = _Quote("indirect", spans, sentence=k, confidence=0.8)
                        q.cue = self._cue_spans(toks, idx)
                        if self.de or i == a:
                            stop = idx[-1] if len(idx) > 1 else (min(end, fb))  # "teilte X mit"
                            sa, sb = self.np_forward(toks, idx[0] + 1, stop)
                            if sb <= sa:
                                sa, sb = self.np_forward(toks, i + 1, end)
                        else:
                            sa, sb = self.np_before_en(toks, i, a)
                        if sb > sa:
                            q.speaker = [[toks[sa].start, toks[sb - 1].end]]
                        q.frame = [[toks[cb].start, toks[(min(end, fb)) - 1].end]]
                        if fb < end:
                            q.frame = [[toks[cb].start, toks[b].end]]
                        return self.finish(q, toks, spans)
            # (b) frame before content: "X sagte, ..." / "X sagte: ..." / "X said (that) ..."
            if after:
                continue
            nxt = None
            for c in commas:
                if c > max(idx) and clause_of[c] == ci:
                    nxt = c
                    break
            if nxt is None and not self.de:
                nxt = max(idx)  # English: the content follows the verb directly ("said that ...")
                # told reporters / told the AP: skip the addressee
                that = next((x for x in range(nxt + 1, min(end, nxt + 12)) if lex.is_(toks[x].lower, "that_comp") or toks[x].text == ":"
                             or toks[x].text in "“\""), None)
                if that is not None and all(_is_word(t) or t.text in ".'’-" for t in toks[nxt + 1:that]):
                    nxt = that - 1  # "told the convention on Tuesday that ..."
                elif lemma in lex.addressee_verbs and nxt + 1 < end:
                    sa, sb = self.np_forward(toks, nxt + 1, end)
                    if sb > sa and sb - sa <= 4:
                        nxt = sb - 1
            if nxt is not None and nxt + 1 < end:
                ca = nxt + 1
                first = toks[ca].lower
                if toks[nxt].text in ("–", "—"):
                    continue
                infinitive = lex.words("infinitive")
                content_ok = (
                    toks[nxt].text == ":" or (lex.cls(first) == "comp" and (not lex.is_(first, "manner_comp") or konj_in(ca, end)))
                    or konj_in(ca, end)
                    or (self.de and any(lex.is_(t.lower, "infinitive") or any(z in t.lower[2:-2] for z in infinitive)
                                        and t.lower.endswith("en")
                                        for t in toks[ca:min(end, ca + 30)]) and "speech" in classes)
                    or (not self.de and ("speech" in classes or "thought" in classes))
                )
                if self.de and not konj_in(ca, end) and lex.cls(first) != "comp" and toks[nxt].text != ":":
                    content_ok = content_ok and "speech" in classes
                if content_ok:
                    content = self.trim(toks[ca].start, toks[end - 1].end, keep_end=False)
                    if content and self._words_at_least(content[0], content[1], 2):
                        q = _Quote("indirect", [list(content)], sentence=k, confidence=0.8)
                        q.cue = self._cue_spans(toks, idx)
                        sa, sb = self.subject(toks, a if self.de else 0, i, nxt)
                        if sb > sa:
                            q.speaker = [[toks[sa].start, toks[sb - 1].end]]
                        fs = a if self.de else 0
                        q.frame = [[toks[fs].start, toks[nxt].end]]
                        return self.finish(q, toks, [list(content)])
        # 3. reported speech: a speech act in the main clause, no content clause
        if self.de and cues:
            for i, (lemma, idx) in cues:
                classes = lex.cue_class.get(lemma, set())
                ci = clause_of[i]
                a, b = clause_range(ci)
                if ci != 0 or not (classes & {"reported", "speech"}) or konj_in(a, b):
                    continue
                if "reported" not in classes or toks[i].lower.endswith("end"):
                    continue
                if toks[i].lower == toks[i].lemma.lower() and len(idx) == 1:
                    continue  # infinitive
                if toks[i].lower.startswith("ge") and not toks[i].lemma.startswith("ge"):
                    continue  # participle: narrative perfect ("hatten ... abgelehnt")
                if any(self.lex.is_(t.lower, "aux") and not self.lex.is_(t.lower, "have") for t in toks[a:i]):
                    continue  # after werden, sein or a modal: passive ("wurden ... verurteilt"), not said
                if toks[a].lower in self.lex.stop and toks[a].lower not in self.lex.pronouns and \
                        self.lex.cls(toks[a].lower) != "det":
                    continue
                sa, sb = self.subject(toks, a, i, b)
                if sb <= sa:
                    continue
                body = self.trim(toks[0].start, toks[n - 1].end, keep_end=True)
                if not body:
                    continue
                q = _Quote("reported", [list(body)], sentence=k, confidence=0.5)
                q.cue = self._cue_spans(toks, idx)
                q.speaker = [[toks[sa].start, toks[sb - 1].end]]
                return q
        return None

    def _en_subject_before(self, toks, a, i) -> bool:
        """English "..., Smith said" / "..., she said": a short subject between comma and verb."""
        return 0 < i - a <= 5 and all(_is_word(t) for t in toks[a:i]) and (
            _is_cap(toks[a]) or toks[a].lower in self.lex.pronouns or self.lex.cls(toks[a].lower) == "det")

    def finish(self, q: _Quote, toks: list[_Tok], spans: list) -> _Quote:
        """Mark quotations that contain a quoted part as mixed."""
        for s, e in spans:
            if _MIXED_MARK.search(self.text, s, e):
                q.kind = "mixed"
                break
        return q

    def _words_at_least(self, s: int, e: int, k: int) -> bool:
        """Whether ``text[s:e]`` has at least ``k`` words (runs of word characters)."""
        for n, _ in enumerate(_WORDS.finditer(self.text, s, e), 1):
            if n >= k:
                return True
        return False


# --- vectorised token features -----------------------------------------------------------------

def _regular_konj(lower: str, lemma: str, text: str) -> bool:
    """Regular Konjunktiv I of the 3rd person singular: stem + e (verlaufe, gebe, liege)."""
    return (len(lower) > 3 and lower.endswith("e") and lemma.endswith("en") and lower == lemma[:-1].lower()
            and not text[:1].isupper())


def _trigger_words(lex: Lexicon) -> tuple[frozenset, frozenset]:
    """(lemmas, lower-case forms) whose presence makes a sentence worth the full rules."""
    lemmas = set(lex.cue_class) | set(lex.particle_bases) | lex.nouns
    forms = {w for w, (c, _) in lex.frames.items() if c not in _CONTEXT_FRAMES}
    return frozenset(lemmas), frozenset(forms)


# --- public function --------------------------------------------------------------------------

def _empty_quotes() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in QUOTE_COLUMNS})


def extract_quotes(articles: pd.DataFrame, sentences: pd.DataFrame | None = None,
                   tokens: pd.DataFrame | None = None, *, lang: str | None = None,
                   actors=None, resolve: bool = True, min_confidence: float = 0.0,
                   nested: bool | None = None, merge: bool | None = None,
                   progress: bool = False) -> pd.DataFrame:
    """The ``quotes`` table of ``articles``: one row per quotation (see module docstring).

    ``sentences`` and ``tokens`` are the tables of :func:`analysis.segment.segment`; they are
    computed when not given. ``lang`` overrides the articles' ``lang`` column. ``actors`` is an
    optional alias table (DataFrame or CSV/YAML path with columns actor, alias, lang) handed to
    :func:`analysis.speakers.resolve_speakers`; ``resolve=False`` leaves ``speaker`` as the mention.
    Quotations below ``min_confidence`` are dropped.

    Two conventions differ between annotation schemes and are options (None = the language's
    default): ``nested`` emits a quoted part inside an indirect quotation also as a direct
    quotation of its own (default for German, as in the German news quotation dataset);
    ``merge`` joins a framed direct quotation and the frameless one right after it
    (``“A,” he said. “B.”``) into one discontinuous quotation (default for English, as in PolNeAR).

    Columns: article_id, quote_id, kind, text (the quoted text; parts of a discontinuous quote
    joined by " … "), spans (list of [start, end]), cue, cue_span, speaker_mention, speaker_span,
    speaker, speaker_resolution, confidence, plus cue_spans, speaker_spans, frame_spans (lists of
    [start, end]), sentence (index of the first sentence) and lang.

    >>> import pandas as pd
    >>> art = pd.DataFrame({"article_id": ["x"], "lang": ["de"],
    ...                     "text": ["Laut Polizei wurden drei Menschen verletzt."]})
    >>> extract_quotes(art)[["kind", "text", "cue", "speaker"]].values.tolist()
    [['indirect', 'wurden drei Menschen verletzt', 'Laut', 'Polizei']]
    """
    require_columns(articles, ["article_id", "text"], table="articles")
    if articles.empty:
        return _empty_quotes()
    with gc_paused():
        return _extract_quotes(articles, sentences, tokens, lang=lang, actors=actors, resolve=resolve,
                               min_confidence=min_confidence, nested=nested, merge=merge, progress=progress)


def _extract_quotes(articles: pd.DataFrame, sentences, tokens, *, lang, actors, resolve, min_confidence,
                    nested, merge, progress) -> pd.DataFrame:
    langs = article_languages(articles, lang)
    if sentences is None or tokens is None:
        seg = segment(articles.assign(lang=langs), progress=progress)
        sentences, tokens = seg.sentences, seg.tokens
    require_columns(sentences, ["article_id", "sentence", "paragraph", "start", "end"], table="sentences")
    require_columns(tokens, ["article_id", "sentence", "start", "end", "text", "lower", "lemma"], table="tokens")
    feats, art_ids = _features(tokens, dict(zip(articles["article_id"], langs)))
    sent_groups = _sentence_groups(sentences)
    tok_groups = _TokenGroups(feats, art_ids)
    role_nouns = _role_nouns(feats, art_ids, langs=dict(zip(articles["article_id"], langs)))
    rows = []
    iterator = zip(articles["article_id"].tolist(), articles["text"].tolist(), langs)
    for article_id, text, lg in tqdm(iterator, total=len(articles), disable=not progress, desc="quotes", unit="art"):
        if not isinstance(text, str) or not text.strip():
            continue
        s_rows = sent_groups.get(article_id)
        if s_rows is None or article_id not in tok_groups.index:
            continue
        numbers, sents = s_rows
        order = {k: n for n, k in enumerate(numbers)}
        toks = tok_groups.article(article_id, order, len(sents))
        try:
            rules = _Article(text, sents, toks, lexicon(lg))
            rules.trig, rules.moody = toks.trig, toks.moody
            if nested is not None:
                rules.nested = nested
            if merge is not None:
                rules.merge_continued = merge
            found = rules.analyse()
        except Exception:  # never let one odd article stop a corpus run
            log.exception("quotation rules failed on article %r; it gets no quotations", article_id)
            continue
        for n, q in enumerate(found):
            rows.append(_row(article_id, n, q, text, lg))
    if not rows:
        return _empty_quotes()
    quotes = pd.DataFrame(dict(zip(QUOTE_COLUMNS, map(list, zip(*rows)))), columns=QUOTE_COLUMNS)
    quotes = quotes[quotes["confidence"] >= min_confidence].reset_index(drop=True)
    if resolve:
        from analysis.speakers import resolve_speakers
        quotes = resolve_speakers(quotes, articles, actors=actors, role_nouns=role_nouns)
    return quotes


_TOKEN_COLUMNS = ("sentence", "start", "end", "text", "lower", "lemma", "_mood", "_cue", "_trig", "_moody")


def _features(tokens: pd.DataFrame, langs: dict) -> tuple[dict, pd.Index]:
    """The tokens of sentences that can hold a quotation, with ``_mood``, ``_cue`` and ``_trig``.

    Returns ``(columns, article_ids)``: a dict of NumPy arrays (the columns of ``_TOKEN_COLUMNS``
    and ``_art``, the code of each token's article in ``article_ids``), rows in table order.

    A sentence is kept when it has a quotation mark, a cue lemma, an attribution word or a
    Konjunktiv form; the rules cannot find anything in the others, so they are skipped. Word
    features are computed once per word type (the lemma is a function of the word form, as
    :mod:`analysis.segment` lemmatises per type, so it is read at each type's first token).
    """
    if tokens.empty:
        empty = {c: np.zeros(0, dtype=object) for c in _TOKEN_COLUMNS}
        empty["_art"] = np.zeros(0, dtype=np.int64)
        empty.update(_role_art=np.zeros(0, dtype=np.int64), _role_start=np.zeros(0, dtype=np.int64),
                     _role_end=np.zeros(0, dtype=np.int64))
        return empty, pd.Index([])
    art_codes, art_ids = _factorize_runs(tokens["article_id"].to_numpy())
    art_langs = [langs.get(a, "de") for a in art_ids]
    sentence = tokens["sentence"].to_numpy()
    sent_key = np.asarray(art_codes, dtype=np.int64) * np.int64(int(sentence.max()) + 2) + sentence
    parts = []
    for lg in dict.fromkeys(art_langs):
        if len(set(art_langs)) == 1:
            mask = slice(None)
            part = tokens
        else:
            mask = np.asarray([x == lg for x in art_langs], dtype=bool)[art_codes]
            part = tokens[mask]
        lex = lexicon(lg)
        de = lex.lang == "de"
        lemmas, forms = _trigger_words(lex)
        verbs = frozenset(lex.cue_class) | frozenset(lex.particle_bases)
        quotes = frozenset(_DOUBLE + "“”‘’")
        codes, types = pd.factorize(part["text"])
        first = np.full(len(types), -1, dtype=np.int64)
        first[codes[::-1]] = np.arange(len(codes))[::-1]
        type_lemmas = part["lemma"].iloc[first].tolist()
        particles = frozenset(p for parts in lex.particle_bases.values() for p in parts)
        # word-type features, one list per feature (types in order of first occurrence)
        texts = [str(t) for t in types.tolist()]
        lemma_l = [lm if isinstance(lm, str) else t for t, lm in zip(texts, type_lemmas)]
        lower_l = [t.lower() for t in texts]
        if de:
            konj = lex.konj.get
            mood_t = [m if m is not None or not w.endswith("e") or not _regular_konj(w, lm, t) else "I"
                      for m, w, lm, t in zip(map(konj, lower_l), lower_l, lemma_l, texts)]
            cue_t = [lm in verbs for lm in lemma_l]
        else:
            mood_t = [None] * len(texts)
            cue_t = [lm in verbs or lm.lower() in verbs for lm in lemma_l]
        noun_l = [lm in lemmas or lm.lower() in lemmas for lm in lemma_l]
        noun_t = [nn and not c for nn, c in zip(noun_l, cue_t)]
        trig_t = [c or w in forms for c, w in zip(cue_t, lower_l)]
        frame_words = lex.frames
        hit_t = [c or m is not None or nn or w in frame_words or t in quotes
                 for c, m, nn, w, t in zip(cue_t, mood_t, noun_l, lower_l, texts)]
        if de:
            cap_t = [t[:1].isupper() for t in texts]
            base_t = [c and lm not in lex.cue_class for c, lm in zip(cue_t, lemma_l)]  # a cue only with its particle
            part_t = [w in particles for w in lower_l]
            word_t = [_WORD.search(t) is not None for t in texts]
            form_t = [w in forms for w in lower_l]
        type_index = dict(zip(texts, range(len(texts))))

        def at(word, type_index=type_index, codes=codes):  # positions of a word form, by type code
            n = type_index.get(word)
            return np.flatnonzero(codes == n) if n is not None else np.zeros(0, dtype=np.int64)

        moods = np.asarray(mood_t, dtype=object)[codes]
        if de:  # "ich habe", "ich werde": first person indicative, not Konjunktiv
            ich = np.concatenate([at(w) for x in lex.words("first_person") for w in (x, x.capitalize())] or [np.zeros(0, int)])
            ich = ich[ich + 1 < len(codes)]
            moods[ich + 1] = None
        cue = np.asarray(cue_t, dtype=bool)[codes]
        hit = np.asarray(hit_t, dtype=bool)[codes]
        keys = sent_key[mask]
        keep = np.isin(keys, np.unique(keys[hit]))
        trig = np.asarray(trig_t, dtype=bool)[codes]
        if de:
            trig = np.asarray(form_t, dtype=bool)[codes] | _possible_cues(keys, codes, cue, cap_t, base_t, part_t, word_t)
        # frame words that count only in context: ", so X" and "nach <cue noun>"
        comma = type_index.get(",", -1)
        so_words = [w for w, (c, _) in lex.frames.items() if c == "so"]
        so_at = np.concatenate([at(w) for x in so_words for w in (x, x.capitalize())] or [np.zeros(0, int)])
        so_at = so_at[so_at > 0]
        trig[so_at[codes[so_at - 1] == comma]] = True
        # "nach <cue noun>": a listed noun counts in any sentence, the head of a compound
        # ("nach Armeeangaben") only in a sentence that also has a speech-verb word
        noun_preps = [w for w, (c, _) in lex.frames.items() if c == "noun_prep"]
        nach_at = np.concatenate([at(w) for x in noun_preps for w in (x, x.capitalize())] or [np.zeros(0, int)])
        with_verb = None
        for gap in (1, 2):
            ok = nach_at[nach_at + gap < len(codes)]
            after = codes[ok + gap].tolist()
            listed = np.asarray([noun_t[c] for c in after], dtype=bool)
            trig[ok[listed]] = True
            head = np.asarray([not noun_t[c] and lex.cue_noun(type_lemmas[c] if isinstance(type_lemmas[c], str)
                                                                else str(types[c])) for c in after], dtype=bool)
            if head.any():
                if with_verb is None:
                    with_verb = np.isin(keys, np.unique(keys[cue]))
                trig[ok[head & with_verb[ok]]] = True
        kept = np.flatnonzero(keep)
        cols = {c: part[c].to_numpy()[kept] for c in _TOKEN_COLUMNS[:6]}
        cols.update(_mood=moods[kept], _cue=cue[kept], _trig=trig[kept], _art=art_codes[mask][kept],
                    _moody=np.not_equal(moods[kept], None))
        # words ending in a role noun (candidates for "der Präsident Wladimir Putin", for speakers)
        from analysis.speakers import role_suffixes
        suffix = np.asarray(role_suffixes(lower_l, lg), dtype=np.int64)
        at_role = np.flatnonzero(suffix[codes])
        role_end = part["end"].to_numpy()[at_role]
        cols.update(_role_art=art_codes[mask][at_role], _role_end=role_end,
                    _role_start=role_end - suffix[codes[at_role]])
        parts.append(cols)
    if len(parts) == 1:
        return parts[0], art_ids
    return {c: np.concatenate([p[c] for p in parts]) for c in parts[0]}, art_ids


def _factorize_runs(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize(values)``, fast when equal values stand together (tokens come by article)."""
    if len(values) < 2:
        return pd.factorize(values)
    starts = np.concatenate(([0], np.flatnonzero(values[1:] != values[:-1]) + 1))
    run_codes, uniques = pd.factorize(values[starts])
    return np.repeat(run_codes, np.diff(np.append(starts, len(values)))), uniques


def _possible_cues(keys: np.ndarray, codes: np.ndarray, cue: np.ndarray, cap_t: list, base_t: list,
                   part_t: list, word_t: list) -> np.ndarray:
    """German cue tokens that :meth:`_Article.cue_at` can accept in their sentence (keys: sentence keys).

    A capitalised word is a cue only at the start of its sentence (inside, it is a noun), and the
    base of a particle verb (``weisen``, ``stellen``) only with one of the particles later in the
    sentence as the last word of a clause (followed by punctuation or the sentence end), or right
    before it in a verb-final clause (``wie die Polizei bekannt gab``).
    """
    n = len(codes)
    first = np.ones(n, dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    last = np.ones(n, dtype=bool)
    last[:-1] = first[1:]
    ok = cue & (first | ~np.asarray(cap_t, dtype=bool)[codes])
    base = ok & np.asarray(base_t, dtype=bool)[codes]
    if base.any():
        word = np.asarray(word_t, dtype=bool)[codes]
        part = np.asarray(part_t, dtype=bool)[codes]
        final = part & (last | ~np.concatenate((word[1:], [False])))
        fp = np.flatnonzero(final)
        bi = np.flatnonzero(base)
        # the last clause-final particle of each sentence, against the position of each base verb
        ukeys, ri = np.unique(keys[fp][::-1], return_index=True)
        last_fp = fp[::-1][ri]
        at = np.minimum(np.searchsorted(ukeys, keys[bi]), max(len(ukeys) - 1, 0))
        has = (ukeys[at] == keys[bi]) & (last_fp[at] > bi) if len(ukeys) else np.zeros(len(bi), dtype=bool)
        has |= ~first[bi] & part[np.maximum(bi - 1, 0)]
        ok[bi[~has]] = False
    return ok


class _TokenGroups:
    """The token columns of :func:`_features` in article order, as Python lists, with the
    token range, cue flag and Konjunktiv flag of each sentence (computed once for all articles)."""

    def __init__(self, feats: dict, art_ids):
        codes = np.asarray(feats["_art"])
        self.index = {a: u for u, a in enumerate(art_ids)}
        n = len(codes)
        order = None if n < 2 or bool(np.all(codes[1:] >= codes[:-1])) else np.argsort(codes, kind="stable")
        cols = {c: (feats[c] if order is None else feats[c][order]) for c in _TOKEN_COLUMNS}
        codes = codes if order is None else codes[order]
        self.bounds = np.searchsorted(codes, np.arange(len(art_ids) + 1)).tolist()
        # offsets stay arrays (made Python ints per sentence built); the word columns become lists
        self.offsets = (np.asarray(cols["start"]), np.asarray(cols["end"]))
        self.lists = [None, None] + [cols[c].tolist() for c in ("text", "lower", "lemma", "_mood", "_cue")]
        self.lemma_ok = set(map(type, self.lists[4])) <= {str}
        # sentence runs: maximal ranges of tokens of one sentence of one article
        sk = cols["sentence"]
        if n:
            cut = np.flatnonzero((sk[1:] != sk[:-1]) | (codes[1:] != codes[:-1])) + 1
            los = np.concatenate(([0], cut))
            his = np.concatenate((cut, [n]))
            trig = np.logical_or.reduceat(cols["_trig"].astype(bool), los)
            moody = np.logical_or.reduceat(cols["_moody"].astype(bool), los)
            self.run_bounds = np.searchsorted(codes[los], np.arange(len(art_ids) + 1)).tolist()
            self.runs = list(zip(los.tolist(), his.tolist(), sk[los].tolist(), trig.tolist(), moody.tolist()))
        else:
            self.run_bounds, self.runs = [0] * (len(art_ids) + 1), []

    def article(self, article_id, order: dict, n_sents: int) -> _LazyTokens:
        u = self.index[article_id]
        return _LazyTokens(self, self.runs[self.run_bounds[u]:self.run_bounds[u + 1]], order, n_sents)


class _LazyTokens:
    """Per-sentence token lists of one article, built on first access.

    ``trig[n]``: sentence n has a cue or attribution word; ``moody[n]``: it has a Konjunktiv form.
    Sentences with neither are never built.
    """

    def __init__(self, groups: _TokenGroups, runs: list, order: dict, n_sents: int):
        self.lists = groups.lists
        self.offsets = groups.offsets
        self.lemma_ok = groups.lemma_ok
        self.ranges: dict[int, tuple[int, int]] = {}
        self.trig = [False] * n_sents
        self.moody = [False] * n_sents
        for lo, hi, k, tg, md in runs:
            n = order.get(k)
            if n is not None:
                self.ranges[n] = (lo, hi)
                self.trig[n] = tg
                self.moody[n] = md
        self.cache: dict[int, list[_Tok]] = {}

    def __len__(self) -> int:
        return len(self.trig)

    def raw(self, n: int) -> tuple[list, list, list, list, list]:
        """Texts, lower-case forms, lemmas, cue flags and moods of sentence n, without building its tokens."""
        lo, hi = self.ranges.get(n, (0, 0))
        ls = self.lists
        return ls[2][lo:hi], ls[3][lo:hi], ls[4][lo:hi], ls[6][lo:hi], ls[5][lo:hi]

    def moods_lowers(self, n: int) -> tuple[list, list]:
        """Konjunktiv moods and lower-case forms of sentence n, without building its tokens."""
        got = self.cache.get(n)
        if got is not None:
            return [t.mood for t in got], [t.lower for t in got]
        lo, hi = self.ranges.get(n, (0, 0))
        return self.lists[5][lo:hi], self.lists[3][lo:hi]

    def __getitem__(self, n: int) -> list[_Tok]:
        got = self.cache.get(n)
        if got is not None:
            return got
        lo, hi = self.ranges.get(n, (0, 0))
        w, lw, lm, mood, cue = (c[lo:hi] for c in self.lists[2:])
        s, e = self.offsets[0][lo:hi].tolist(), self.offsets[1][lo:hi].tolist()
        if not self.lemma_ok:
            lm = [z if isinstance(z, str) else x for x, z in zip(w, lm)]
        got = list(map(_make_tok, zip(s, e, w, lw, lm, mood, cue)))
        self.cache[n] = got
        return got


def _role_nouns(feats: dict, art_ids, *, langs: dict) -> dict:
    """{article_id: (lang, [(start, end), ...])}: the words of each article ending in a role noun."""
    codes = np.asarray(feats["_role_art"])
    order = np.argsort(codes, kind="stable")
    codes = codes[order]
    starts, ends = np.asarray(feats["_role_start"])[order].tolist(), np.asarray(feats["_role_end"])[order].tolist()
    bounds = np.searchsorted(codes, np.arange(len(art_ids) + 1)).tolist()
    out = {}
    for u, aid in enumerate(art_ids):
        a, b = bounds[u], bounds[u + 1]
        out[aid] = (langs.get(aid, "de"), list(zip(starts[a:b], ends[a:b])))
    return out


def _sentence_groups(sentences: pd.DataFrame) -> dict:
    """{article_id: (sentence numbers, [(start, end, paragraph), ...])} in table order."""
    if sentences.empty:
        return {}
    codes, uniques = _factorize_runs(sentences["article_id"].to_numpy())
    order = None if bool(np.all(codes[1:] >= codes[:-1])) else np.argsort(codes, kind="stable")
    cols = [sentences[c].to_numpy() for c in ("sentence", "start", "end", "paragraph")]
    if order is not None:
        cols, codes = [c[order] for c in cols], codes[order]
    bounds = np.searchsorted(codes, np.arange(len(uniques) + 1)).tolist()
    numbers = cols[0].tolist()
    spans = list(zip(cols[1].tolist(), cols[2].tolist(), cols[3].tolist()))
    return {uniques[u]: (numbers[bounds[u]:bounds[u + 1]], spans[bounds[u]:bounds[u + 1]])
            for u in range(len(uniques))}


def _row(article_id, n: int, q: _Quote, text: str, lang: str) -> tuple:
    """The values of one quotation, in the order of ``QUOTE_COLUMNS``."""
    spans = [[int(s), int(e)] for s, e in sorted(q.spans)]
    cue = sorted(q.cue)
    speaker = q.speaker
    return (
        article_id, f"{article_id}-q{n}", q.kind,
        " … ".join(text[s:e] for s, e in spans), spans,
        " ".join(text[s:e] for s, e in cue), [cue[0][0], cue[-1][1]] if cue else None,
        " ".join(text[s:e] for s, e in speaker) if speaker else None,
        list(speaker[0]) if speaker else None,
        None, "inherited" if q.inherit and speaker else ("explicit" if speaker else "none"),
        float(q.confidence), [list(c) for c in cue],
        [list(s) for s in speaker], [list(f) for f in q.frame],
        [list(a) for a in q.addressee],
        q.sentence, lang,
    )
