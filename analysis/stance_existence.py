"""Negated existence: a clause that says the concept will not be or is not there ("Es wird keine
Steuererhöhungen geben", "There will be no tax increase") is against it, whatever the tone of the words
around it. The negator of a noun (``negators.txt``: kein, no) stands right before the mention or the noun
of change heading it, with at most ``ADJECTIVES`` lower-case words between, and a word of existence (role
``existence`` of ``resources/<lang>/stance_words.tsv``: German geben, the future or modal; English there)
stands in the same clause. The German present "gibt es keine" is not read: it describes, or states a condition
("Es gibt keine Demokratie ohne …", for it).

>>> existence_denied("Mit uns wird es keine Steuererhöhungen geben.", 22, lang="de")
Stance(agreement=-1, evidence='keine … geben (existence denied)', negated=True, task=False)
>>> existence_denied("Wir wollen keine Steuererhöhungen.", 17, lang="de") is None
True
"""
from __future__ import annotations

from bisect import bisect_left

from analysis.stance import CLAUSE_MARKS, SENTENCE_ENDS, Stance, _analysed, _exception, _head_index, _negator
from analysis.stance import stance_words

ADJECTIVES = 2  # words: how many lower-case words may stand between the negator and the mention (or its head)


def _clause(words, at: int) -> range:
    """The token indices of the clause around token ``at``: from the last clause mark or sentence end before
    it to the next one after it."""
    lo = at
    while lo > 0 and words[lo - 1] not in CLAUSE_MARKS and words[lo - 1] not in SENTENCE_ENDS:
        lo -= 1
    hi = at
    while hi < len(words) and words[hi] not in CLAUSE_MARKS and words[hi] not in SENTENCE_ENDS:
        hi += 1
    return range(lo, hi)


def existence_denied(text: str, start: int, *, lang: str = "de") -> Stance | None:
    """−1 for the mention at offset ``start`` of ``text`` when its clause denies that it will be or is there:
    a negator before it (or before the noun of change heading it, which :mod:`analysis.statements` then
    turns: "keine Reform der Schuldenbremse" is for it) and a word of role ``existence`` in the clause;
    None otherwise, and for a language without the role."""
    existence = stance_words(lang).get("existence", {})
    if not existence or not isinstance(text, str):
        return None
    starts, words, _, lower = _analysed(text, lang)
    mention = bisect_left(starts, start)
    if mention >= len(words):
        return None
    head = _head_index(list(words), mention, lang)
    j = (head[0] if head else mention) - 1
    between = 0
    while (j >= 0 and between < ADJECTIVES and words[j].isalpha() and words[j].islower()
           and not _negator(lower[j], lang)):
        j, between = j - 1, between + 1
    if j < 0 or not _negator(lower[j], lang) or _exception(lower, j, lang):
        return None
    word = next((words[i] for i in _clause(words, mention) if lower[i] in existence), None)
    if word is None:
        return None
    return Stance(-1, f"{words[j]} … {word} (existence denied)", True)
