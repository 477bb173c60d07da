"""The holder of an office on a document's date: "the President" of a briefing is the sitting President.

``resources/<lang>/office_holders.tsv`` lists offices (as :func:`analysis.role_words.office_noun`
names them), their holders and terms. :func:`holders_on` gives the holders on a date;
:func:`sitting_holder` decides whether a role mention takes the holder of the date rather than the
holder the text introduced: when the text introduced none, or only a holder of another term
(*President Obama* named in a 2022 briefing).

>>> holders_on("2022-03-01", "en")["president"]
'Joe Biden'
>>> sitting_holder("president", "Obama", {"president": "Joe Biden"}, "en")
'Joe Biden'
"""
from __future__ import annotations

import re
from functools import cache

import pandas as pd

from analysis.resources import ROOT, table


@cache
def _terms(lang: str) -> tuple[tuple[str, str, str, str], ...]:
    """(office, holder, first day, next holder's first day or "") as ISO dates."""
    if not (ROOT / lang / "office_holders.tsv").exists():
        return ()
    terms = table(lang, "office_holders")
    return tuple(zip(terms["office"], terms["holder"], terms["from"], terms["to"]))


def holders_on(date, lang: str) -> dict[str, str]:
    """``{office: holder}`` on ``date`` (a term runs from its first day to the next holder's).

    >>> holders_on("2025-01-20", "en")["vice president"], holders_on(None, "en")
    ('JD Vance', {})
    """
    terms = _terms(lang)
    day = pd.to_datetime(date, errors="coerce", utc=True) if terms else pd.NaT
    if pd.isna(day):
        return {}
    iso = day.strftime("%Y-%m-%d")
    return {office: holder for office, holder, start, end in terms if start <= iso and (not end or iso < end)}


@cache
def _surnames(lang: str) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for office, holder, _, _ in _terms(lang):
        out.setdefault(office, set()).add(holder.split()[-1])
    return {office: frozenset(words) for office, words in out.items()}


def sitting_holder(office: str, named: str | None, holders: dict[str, str], lang: str) -> str | None:
    """The holder of ``office`` on the document's date (``holders``, from :func:`holders_on`) when the
    text's candidate ``named`` is none or a holder of that office in another term (its surname), else
    ``named``: a holder the text names otherwise (*President Macron*) keeps the role, and the
    holder of the date keeps the text's form of the name.

    >>> sitting_holder("president", "Emmanuel Macron", {"president": "Joe Biden"}, "en")
    'Emmanuel Macron'
    >>> sitting_holder("president", None, {}, "en") is None
    True
    """
    holder = holders.get(office)
    surname = re.sub(r"[’']s$", "", named.split()[-1]) if named else ""  # "President Obama’s inaugural parade"
    if holder is None or (named and (surname not in _surnames(lang).get(office, ()) or surname == holder.split()[-1])):
        return named  # another holder, or the text's own form of this one ("Harris", "Madam Vice President Harris")
    return holder
