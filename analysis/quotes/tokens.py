"""The records the quotation rules work on: tokens of a sentence and quotations found.

A :class:`Tok` is one token of the ``tokens`` table with the two flags the rules need (its
Konjunktiv mood and whether its lemma is a cue verb); a :class:`Quote` is a quotation under
construction, with character spans for its parts and the name of the rule that found it.

>>> t = Tok(0, 5, "sagte", "sagte", "sagen")
>>> is_word(t), is_cap(t)
(True, False)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial
from operator import attrgetter
from typing import NamedTuple

WORD = re.compile(r"\w")
WORDS = re.compile(r"\w+")
MIXED_MARK = re.compile("[„“”»«\"]")
CLAUSE_MARKS = frozenset({",", ":", ";", "–", "—"})
NAME_WITH_PARTICLE = re.compile(r"[a-z]{1,3}[’'-][A-ZÄÖÜ]")  # d’Italia, al-Dschasira, l'Express
CLOSERS = {")": "(", "“": "„", "”": "“", "«": "»", "»": "«", '"': '"'}


class Tok(NamedTuple):
    start: int
    end: int
    text: str
    lower: str
    lemma: str
    mood: str | None = None
    cue: bool = True  # lemma is a cue verb or the base of one (set by the pre-filter's features)


make_tok = partial(tuple.__new__, Tok)  # Tok from one 7-tuple, without a Python-level call
tok_text, tok_lower, tok_mood, tok_cue = (attrgetter(a) for a in ("text", "lower", "mood", "cue"))


@dataclass
class Quote:
    kind: str
    spans: list
    rule: str = ""                                 # name of the rule that found the quotation
    cue: list = field(default_factory=list)        # token spans (start, end) chars
    speaker: list = field(default_factory=list)    # char spans
    frame: list = field(default_factory=list)
    addressee: list = field(default_factory=list)  # char spans
    sentence: int = -1
    confidence: float = 0.5
    inherit: bool = False  # speaker to be taken from the previous quotation
    own_subject: bool = False  # its sentence has a subject of its own before a colon: no speaker to inherit
    speaker_name: str | None = None  # a speaker given by the rule, not by spans (a turn's label or record)
    turn: object = None    # the turn (analysis.quotes.turns.Turn) the quotation is part of
    clause_only: bool = False  # free indirect speech of one adjunct clause: no later sentence continues it


def is_cap(t: Tok) -> bool:
    return t.text[:1].isupper()


def capital_head(text: str) -> bool:
    """A compound written with a lower-case first part and a capitalised head
    ("verdi-Verhandlungsführer", "dpa-Korrespondent")."""
    return "-" in text[1:] and text.rsplit("-", 1)[1][:1].isupper()


def is_word(t: Tok) -> bool:
    return bool(WORD.search(t.text))


def closes_inside(toks: list[Tok], a: int, j: int) -> bool:
    """Whether ``toks[j]`` closes a bracket or quotation mark opened in ``toks[a:j]``
    ("Günther Oettinger (CDU)", "der „New York Times“")."""
    opener = CLOSERS.get(toks[j].text)
    return opener is not None and any(t.text == opener for t in toks[a:j])


def span(toks: list[Tok], a: int, b: int) -> list:
    """The character span from ``toks[a]`` to ``toks[b - 1]``."""
    return [toks[a].start, toks[b - 1].end]
