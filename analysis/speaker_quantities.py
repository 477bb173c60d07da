"""Quantities and unnamed groups of people as speaker mentions: no named actor.

A mention whose head before *of* is a share, a number or a collective noun (``reference_words.tsv``,
class ``quantity``) in lower case, or a figure, counts or gathers people and names no one a
reader could follow through a debate ("29 percent of Republicans", "a bipartisan group of
senators"). A capitalised head is a name ("the Group of Seven"). A mention that ends in the noun of
a document (class ``document``: "The Executive Order declares", "This Proclamation") names no
speaker either, nor does a number before a common noun of people (class ``group_count``: "The two
leaders", a group of persons named elsewhere) or a heading in capitals that ``turn_labels.tsv``
lists ("PROMISE MADE: “…”" of a fact sheet): :func:`no_actor` holds them all.

>>> counted_group("29 percent of Republicans".split(), "en"), counted_group("Secretary of State Blinken".split(), "en")
(True, False)
"""
from __future__ import annotations

import re

from functools import cache

from analysis.resources import ROOT, table, word_class

_FIGURE = re.compile(r"\d[\d.,]*%?")


def counted_group(words: list[str], lang: str) -> bool:
    """Whether ``words`` (a speaker mention) is a quantity or a collective of people before *of*.

    >>> counted_group("a bipartisan group of senators".split(), "en"), counted_group("the Group of Seven".split(), "en")
    (True, False)
    """
    low = [w.lower() for w in words]
    if "of" not in low[1:]:
        return False
    head = words[low.index("of", 1) - 1]
    return bool(_FIGURE.fullmatch(head)) or head.islower() and head in word_class(lang, "reference_words", "quantity")


def no_actor(words: list[str], lang: str) -> bool:
    """Whether ``words`` (a speaker mention) is a :func:`counted_group` or ends in a document's noun.

    >>> no_actor("The Executive Order".split(), "en"), no_actor("Fraternal Order of Police".split(), "en")
    (True, False)
    """
    last = words[-1].strip(".,;:’'").lower() if words else ""
    return counted_group(words, lang) or last in word_class(lang, "reference_words", "document") \
        or counted_persons(words, lang) or heading(words, lang)


def counted_persons(words: list[str], lang: str) -> bool:
    """Whether ``words`` count persons named elsewhere: a number or *both* followed by common nouns only.

    >>> counted_persons("The two leaders".split(), "en"), counted_persons("Both Biden and Trump".split(), "en")
    (True, False)
    """
    counts = word_class(lang, "reference_words", "group_count")
    at = next((k for k, w in enumerate(words) if w.lower() in counts), None)
    return at is not None and len(words) > at + 1 and all(w[:1].islower() for w in words[at + 1:])


@cache
def _headings(lang: str) -> frozenset[str]:
    if not (ROOT / lang / "turn_labels.tsv").exists():
        return frozenset()
    labels = table(lang, "turn_labels")
    return frozenset(labels.loc[labels["role"] == "heading", "label"])


def heading(words: list[str], lang: str) -> bool:
    """Whether ``words`` are a heading in capitals that ``turn_labels.tsv`` lists (role ``heading``).

    >>> heading(["PROMISE", "MADE"], "en"), heading(["Promise", "Made"], "en")
    (True, False)
    """
    phrase = " ".join(w.strip("*_:") for w in words).strip()
    return phrase.isupper() and phrase in _headings(lang)
