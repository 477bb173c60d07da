"""Cues: the speech verb of a frame, with its separable particle, ``sich`` and auxiliary.

>>> from analysis.quotes.lexicon import lexicon
>>> from analysis.quotes.tokens import Tok
>>> words = "Die Firma wies die Vorwürfe zurück .".split()
>>> lemmas = ["die", "Firma", "weisen", "die", "Vorwurf", "zurück", "."]
>>> toks, pos = [], 0
>>> for w, lm in zip(words, lemmas):
...     toks.append(Tok(pos, pos + len(w), w, w.lower(), lm)); pos += len(w) + 1
>>> cue_at(lexicon("de"), toks, 2, 6)
('zurückweisen', [2, 5])
"""
from __future__ import annotations

from analysis.quotes.lexicon import Lexicon
from analysis.resources import wordlist
from analysis.quotes.tokens import CLAUSE_MARKS, Tok, is_cap, is_word, tok_lower


def cue_at(lex: Lexicon, toks: list[Tok], i: int, clause_end: int) -> tuple[str, list[int]] | None:
    """Cue lemma and token indices for a speech verb at ``toks[i]`` (particle searched to ``clause_end``);
    a verb that is a cue only with a word of its clause (``cue_need`` in ``speech_act_contexts.tsv``:
    *halten* … *für*) needs that word between the clause mark before it and ``clause_end``."""
    c = _cue(lex, toks, i, clause_end)
    if c is None or c[0] not in lex.cue_needs:
        return c
    a = i
    while a > 0 and toks[a - 1].text not in CLAUSE_MARKS:
        a -= 1
    return c if not lex.cue_needs[c[0]].isdisjoint(map(tok_lower, toks[a:clause_end])) else None


def _cue(lex: Lexicon, toks: list[Tok], i: int, clause_end: int) -> tuple[str, list[int]] | None:
    """:func:`cue_at` without the words a verb needs in its clause."""
    t = toks[i]
    if not t.cue:
        return None
    de = lex.de
    if not is_word(t) or (de and is_cap(t) and i > 0):
        return None
    lemma = t.lemma if de else t.lemma.lower()
    if not de and t.lower == lemma and not (i > 0 and (toks[i - 1].lower in lex.pronouns or
                                                      lex.cls(toks[i - 1].lower) in ("aux", "adv")
                                                      or lex.is_(toks[i - 1].lower, "infinitive"))):
        return None  # English base forms are verbs only after a pronoun, auxiliary or 'to' ("email scandal")
    if not de and i > 0 and t.lower.endswith("s") and t.lower != lemma and (
            lex.cls(toks[i - 1].lower) in ("det", "prep") or toks[i - 1].text[:1].isdigit()):
        return None  # plural noun: "in several states", "the reports"
    if not de and is_cap(t):
        return None  # a name ("The Washington Post"), or an imperative opening a sentence ("Want more?")
    if de and _attributive(lex, toks, i):
        return None  # "auf nicht näher genannte Kreise": a participle before its noun
    parts = lex.particle_bases.get(lemma)
    if parts:
        for j in range(i + 1, clause_end):
            p = toks[j].lower
            if p in parts and (j + 1 >= clause_end or not is_word(toks[j + 1]) or not de
                               or lex.cls(toks[j + 1].lower) == "conj"):  # "wirft … vor und beanstandet"
                full = parts[p]
                if full in lex.reflexive and lex.words("reflexive").isdisjoint(map(tok_lower, toks[i:clause_end])):
                    continue
                return full, [i, j]
        if de and i > 0 and toks[i - 1].lower in parts:  # verb-final: "wie die Polizei bekannt gab"
            full = parts[toks[i - 1].lower]
            if full not in lex.reflexive or not lex.words("reflexive").isdisjoint(map(tok_lower, toks[:clause_end])):
                return full, [i - 1, i]
    if lemma in lex.cue_class:
        if lemma in lex.reflexive and lex.words("reflexive").isdisjoint(map(tok_lower, toks[:clause_end])):
            return None
        if lemma in lex.irreflexive and not lex.words("reflexive").isdisjoint(map(tok_lower, toks[i:clause_end])):
            return None  # "Abyei charakterisiert sich dadurch, dass …"
        return lemma, [i]
    return None


def _attributive(lex: Lexicon, toks: list[Tok], i: int) -> bool:
    """A German participle used as an adjective: inflected (-e, -en, -er, -es, -em), followed by a
    capitalised noun and led by a preposition with only an article and adverbs between ("auf nicht
    näher genannte Kreise", "in der veröffentlichten Erklärung"; not "Er bezeichnete Putin",
    "Das erklärte Direktor Jan Olsen")."""
    if i + 1 >= len(toks) or not is_cap(toks[i + 1]) or not toks[i].lower.endswith(("e", "en", "er", "es", "em")):
        return False
    k = i - 1
    negators = wordlist(lex.lang, "negators")
    while k >= 0 and (lex.cls(toks[k].lower) in ("adv", "sentence_adv", "det") or toks[k].lower in negators):
        k -= 1
    return k >= 0 and lex.cls(toks[k].lower) == "prep"


def is_participle(lex: Lexicon, t: Tok) -> bool:
    """A German past participle of a cue verb (gebeten, aufgefordert, angewiesen, bezeichnet)."""
    low = t.lower
    return low != t.lemma.lower() and (low.startswith("ge") or low.endswith("t") or low in lex.participles or any(
        low.startswith(p + "ge") for p in lex.particles()))


def cue_spans(lex: Lexicon, toks: list[Tok], idx: list[int]) -> list:
    """Character spans of the cue tokens ``idx``, with an auxiliary that governs a participle cue
    (``hat … angekündigt``, ``has said``)."""
    spans = [[toks[i].start, toks[i].end] for i in idx if 0 <= i < len(toks)]
    if idx and not lex.de:
        i = idx[0]
        if i > 0 and lex.is_(toks[i - 1].lower, "cue_aux"):
            spans.insert(0, [toks[i - 1].start, toks[i - 1].end])
    if idx and lex.de:
        i = idx[0]
        t = toks[i]
        if t.lower.startswith("ge") or t.lower.endswith("t") or t.lower in lex.participles or any(
                t.lower.startswith(p + "ge") for p in lex.particles()):  # also "hatte … angeboten"
            for k in range(i - 1, max(-1, i - 12), -1):
                if not is_word(toks[k]) and toks[k].text in ",:;":
                    break
                if lex.cls(toks[k].lower) == "aux" and not lex.is_(toks[k].lower, "copula"):
                    spans.insert(0, [toks[k].start, toks[k].end])
                    break
    return spans


def zu_infinitive(lex: Lexicon, lowers: list[str]) -> bool:
    """A zu-infinitive among the words (``zu sagen``, ``anzukündigen``)."""
    infinitive = lex.words("infinitive")
    return any(lex.is_(w, "infinitive") or any(z in w[2:-2] for z in infinitive) and w.endswith("en")
               for w in lowers)
