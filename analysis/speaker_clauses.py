"""The subject of a speech verb that the quotation rules found without one (German).

The quotation rules hand over a cue but no speaker mention (or only an inherited one) when the
verb stands at the end of a subordinate clause ("Obwohl Steinbrück … rechnet, sei …", "wie er
angegeben hat, er denke …", "Wie „heise online“ berichtet, …"), or when a fronted adverbial
was taken for the speaker and the subject follows the finite verb ("Des Weiteren verwies
Steinbrück darauf, dass …"). :func:`cue_subject` and :func:`subject_after_verb` read that
subject from the text around the cue; :mod:`analysis.speakers` resolves it as any mention.

>>> from analysis.speakers import _ArticleEntities as ArticleEntities
>>> text = "Obwohl Steinbrück mit Mehreinnahmen rechnet, sei man weit entfernt."
>>> cue_subject(ArticleEntities(text, "de"), text.index("rechnet"))
('Steinbrück', 7)
"""
from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from analysis.resources import word_class

if TYPE_CHECKING:
    from analysis.speakers import _ArticleEntities as ArticleEntities

_TOKEN = re.compile(r"„[^„“\n]{1,40}“|[^\s,;:!?()„“\"]+|[,;:!?()„“\"]")
_ADJECTIVE = re.compile(r"[a-zäöüß][a-zäöüß\-]*e[nmrs]?$")
_CAPITAL = re.compile(r"[A-ZÄÖÜ]")
_CLAUSE_END = re.compile(r"[,;:](?=\s)|[!?()–]|\.(?=\s)|\n")  # not the comma of "3,5"
_PUNCT = re.compile(r"[,;:.!?]")


@cache
def _words(lang: str) -> tuple[frozenset, frozenset, frozenset]:
    """(subordinators, subject pronouns, finite auxiliaries)."""
    aux = frozenset().union(*(word_class(lang, "function_words", c) for c in ("aux", "passive_aux", "have")))
    return word_class(lang, "reference_words", "subordinator"), word_class(lang, "function_words", "subject_pronoun"), aux


def _tokens(text: str, start: int, end: int) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _subject_at(toks: list[tuple[int, str]], ents: ArticleEntities) -> tuple[str, int, int] | None:
    """(mention, position, tokens used) of the noun phrase that opens ``toks``: a subject pronoun,
    a name in quotation marks, or an article with lower-case adjectives and capitalised words."""
    if not toks:
        return None
    pos, first = toks[0]
    if first in _words(ents.lang)[1] - ents.first_person:
        return first, pos, 1  # "als er", "nachdem sie"; not "wie wir wissen", not the "Sie" of address
    if first.startswith("„") and first.endswith("“") and len(first) > 2:
        return first, pos, 1  # a name in quotation marks, also in lower case: „heise online“
    if first.lower() in ents.case_dets | word_class(ents.lang, "function_words", "oblique"):
        return None  # "einem Angestellten": an object, no subject
    if first[:1].islower() and first.lower() not in ents.articles:
        return None  # "vielen Wochen", "lernender Umgang": no article, no name
    k = 1 if first.lower() in ents.articles else 0
    while k < len(toks) and _ADJECTIVE.match(toks[k][1]) and toks[k][1] not in ents.dets | ents.preps:
        k += 1
    j = k
    while j < len(toks) and _CAPITAL.match(toks[j][1]) and toks[j][1].lower() not in ents.name_stop:
        j += 1
    if j == k:
        return None
    end = toks[j - 1][0] + len(toks[j - 1][1])
    return ents.text[pos:end], pos, j


def cue_subject(ents: ArticleEntities, cue: int) -> tuple[str, int] | None:
    """(mention, position) of the subject of a verb-final clause that ends with the cue at ``cue``:
    the noun phrase right after the clause's subordinator ("Obwohl Steinbrück … rechnet", "als er
    Fans … dafür kritisierte", "Wie „heise online“ berichtet"); None for any other clause (a relative
    clause, a conditional: "Wenn Herr Kühn sagt" is no report), for a
    passive ("als er gefragt wurde") and when an auxiliary stands between subject and cue ("Als
    Begründung wurde angegeben": the subject follows its finite verb, it opens no clause)."""
    subordinators, _, aux = _words(ents.lang)
    text = ents.text
    start = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, cue - 300), cue)), default=max(0, cue - 300))
    toks = _tokens(text, start, cue)
    after = _tokens(text, cue, min(len(text), cue + 60))
    if len(toks) < 2 or not after or after[0][1].lower() in aux or (
            len(after) > 1 and after[1][1].lower() in word_class(ents.lang, "function_words", "passive_aux")):
        return None  # "Als Begründung wurde angegeben": a finite verb opens the cue, no verb-final clause
    stop = _PUNCT.search(text, cue)
    if stop and stop.group() == ":":
        return None  # "Wie der Sender meldete: „…“": the clause is the frame, no subordinate one
    head = toks[0][1].lower()
    if head not in subordinators:
        return None
    found = _subject_at(toks[1:], ents)
    if found is None or any(w.lower() in aux for _, w in toks[1 + found[2]:]):
        return None
    return found[0], found[1]


def subject_after_verb(ents: ArticleEntities, mention_end: int, cue: int, *,
                       quoted: list | None = None) -> tuple[str, int] | None:
    """(mention, position) of the subject after a finite verb cue that follows a fronted adverbial
    taken for the speaker, never after a pronoun ("Des Weiteren verwies Steinbrück darauf" → Steinbrück, "Des Weiteren
    wirft die OSZE der Wahlkommission vor" → die OSZE); None unless the cue follows the mention
    directly, and None for words inside the quotation's own spans ``quoted`` ("Dem Bericht
    zufolge „wurden die Regeln verletzt“": the quoted words say what, not who)."""
    text = ents.text
    if text[mention_end:cue].strip() or cue <= mention_end or text[:mention_end].split()[-1].lower() in ents.pronouns:
        return None  # "Er erklärte einem Angestellten": the pronoun is the subject
    toks = _tokens(text, cue, min(len(text), cue + 120))
    found = _subject_at(toks[1:], ents)
    if found and any(int(a) <= found[1] < int(b) for a, b in quoted or ()):
        return None
    return (found[0], found[1]) if found else None


def subject_opening(ents: ArticleEntities, start: int, end: int) -> tuple[str, int] | None:
    """(mention, position) of the noun phrase that opens ``text[start:end]`` when a lower-case
    word, its finite verb, follows it ("Das Bundeskartellamt hat …" → Das Bundeskartellamt; "Inzwischen
    sind …" and "Nach Angaben der Polizei habe …" open with none)."""
    toks = _tokens(ents.text, start, end)
    if not toks or toks[0][1].lower() in ents.preps:
        return None
    found = _subject_at(toks, ents)
    if found is None or found[2] >= len(toks) or not toks[found[2]][1][:1].islower():
        return None
    return found[0], found[1]
