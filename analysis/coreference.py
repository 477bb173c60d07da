"""Pronoun antecedents by salience: the subject of a recent sentence before the previous speaker.

A German pronoun subject ("Er sagte", "räumte er ein") most often takes up the subject of the
sentences just before it, not the speaker of the previous quotation when another person has
been introduced since: "Wieland sagte … Auch die Sprecherin der FDP, Gisela Piltz, schloss sich
der Kritik an … Sie warf der Regierung vor" (Sie → Gisela Piltz), "Der Präsidentschaftskandidat,
Morgan Tsvangirai, analysierte die Lage … unter Robert Mugabe … bezeichnete er" (er → Tsvangirai,
the subject, not the later Mugabe of a prepositional phrase).

:func:`subject_antecedent` looks at the sentences between the previous speaker's mention and the
sentence of the pronoun, latest first, and takes the first name of a sentence when it stands in
the sentence's opening words (the German pre-field, or right after the finite verb) outside
quotation marks; a one-word name ("Li", "Balkenende") counts when it is a word of a name the
article has already introduced, and becomes that full name.
"""
from __future__ import annotations

import re
from functools import lru_cache

_SENTENCE_END = re.compile(r"(?<=[.!?…“”\"])\s+(?=[„\"A-ZÄÖÜ])|\n+|(?<=[a-zäöüß][.!?])(?=[A-ZÄÖÜ])")
_WORD = re.compile(r"\S+")
_QUOTE_OPEN = ("„", "\"", "«", "»", "“")
OPENING_WORDS = 8  # how far into a sentence its subject is looked for
MAX_SENTENCES = 3  # how many sentences back


def sentence_starts(text: str, start: int, end: int) -> list[int]:
    """Offsets where the sentences of ``text[start:end]`` begin (``start`` first).

    >>> sentence_starts("Er kam. Sie ging.", 0, 17)
    [0, 8]
    """
    return [start] + [m.end() for m in _SENTENCE_END.finditer(text, start, end + 1) if m.end() <= end]


def _known_name(word: str, ents, speakers: list[str]) -> str | None:
    """The earlier speaker whose name holds ``word``, else the article's fullest name for it when
    that name is also written inside a sentence (a capitalised sentence opening such as "Oberste
    Priorität" is no name)."""
    for name in reversed(speakers):
        if word in name.split():
            return name
    name = ents.full_name(word)
    at = ents.text.find(name)
    while at >= 0:
        lead = ents.text[:at].rstrip()
        if lead and lead[-1] not in ".!?:\n„“\"":
            return name
        at = ents.text.find(name, at + 1)
    return None


def _opening_name(text: str, start: int, end: int, ents, before: int, speakers: list[str]) -> str | None:
    """The name among the opening words of the sentence ``text[start:end]``, else None."""
    words = ents.name_words_before(before)
    prev = ""
    for k, m in enumerate(_WORD.finditer(text, start, end)):
        if k >= OPENING_WORDS:
            break
        tok = m.group()
        if tok.startswith(_QUOTE_OPEN):
            break  # a quotation: names inside it are what is said, not who speaks
        bare = tok.strip(",.;:!?()[]")
        if bare.endswith("s") and bare[:-1] in words and bare not in words:
            continue  # a genitive ("Putins Sprecher"): the name is no subject
        if bare in words and prev not in ents.dets and prev != "-noun-":
            return _known_name(bare, ents, speakers)
        # "die Einwohner Hongkongs": a noun after an article, and its genitive, name no subject
        prev = "-noun-" if bare in words or (bare[:1].isupper() and prev in ents.dets) else tok.lower()
        if tok.endswith(","):
            prev = ","  # an apposition begins: "der MDC, Morgan Tsvangirai"
    return None


def subject_antecedent(ents, before: int, after: int, agrees, speakers: list[str] = ()) -> str | None:
    """The subject name of a sentence between ``after`` (the previous speaker's mention, or -1)
    and the sentence holding ``before`` that ``agrees(name)`` accepts; latest sentence first.
    ``speakers``: the names of the earlier speakers, preferred for a word they contain."""
    text = ents.text
    lo = max(0, after + 1)
    if before <= lo:
        return None
    para = text.rfind("\n\n", 0, before)
    starts = sentence_starts(text, max(lo, 0), before)
    if len(starts) < 2:
        return None
    bounds = list(zip(starts[:-1], starts[1:]))[::-1][:MAX_SENTENCES]
    for a, b in bounds:
        if a <= lo and after >= 0:
            break  # the previous speaker's own sentence: its subject is that speaker
        if para >= 0 and b <= para and a < para - 1 and after < 0:
            break
        name = _opening_name(text, a, b, ents, before, speakers)
        if name and agrees(name):
            return name
    return None


@lru_cache(maxsize=256)
def _compound_pattern(noun: str) -> re.Pattern:
    return re.compile(rf"\b[A-ZÄÖÜ][\w-]*?(?i:{re.escape(noun)})(?:e?s)?\b")


def organisation_compound(text: str, noun: str, before: int) -> str | None:
    """The last compound before ``before`` that ends in the organisation noun ``noun`` ("das
    Ministerium" → "Fischereiministerium", from "Das isländische Fischereiministerium legte fest"),
    in its base form (no genitive -s), or None."""
    found = None
    low = noun.lower()
    for m in _compound_pattern(noun).finditer(text, 0, before):
        word = m.group()
        base = word if word.lower().endswith(low) else word[:len(word) - (2 if word.lower().endswith(low + "es") else 1)]
        if base.lower() != low and "-" not in base:
            found = base
    return found
