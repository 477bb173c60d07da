"""Quantities and unnamed groups of people as speaker mentions: no named actor.

A mention whose head before *of* is a share, a number or a collective noun (``reference_words.tsv``,
class ``quantity``) in lower case, or a figure, counts or gathers people and names no one a
reader could follow through a debate ("29 percent of Republicans", "a bipartisan group of
senators"). A capitalised head is a name ("the Group of Seven"). A mention that ends in the noun of
a document (class ``document``: "The Executive Order declares", "This Proclamation") names no
speaker either: :func:`no_actor` holds both.

>>> counted_group("29 percent of Republicans".split(), "en"), counted_group("Secretary of State Blinken".split(), "en")
(True, False)
"""
from __future__ import annotations

import re

from analysis.resources import word_class

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
    return counted_group(words, lang) or last in word_class(lang, "reference_words", "document")
