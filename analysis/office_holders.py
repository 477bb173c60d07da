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

The table names each office's country: the holder is taken only where the text's office is that
country's (:func:`office_country`): the mention names it (*the President of the United States*,
*the U.S. President*), or names no country in a document of that country, that is, one whose
``source`` is listed in ``office_sources.tsv`` (*whitehouse.gov*) or whose text states the office
with that country and with no other (*the French President* is not looked up, nor *the President*
of a text about Kenya's President).
"""
from __future__ import annotations

import itertools
import re
from functools import cache

import pandas as pd

from analysis.actor_mentions import gazetteer
from analysis.resources import optional_table


@cache
def _terms(lang: str) -> tuple[tuple[str, str, str, str], ...]:
    """(office, holder, first day, next holder's first day or "") as ISO dates."""
    terms = optional_table(lang, "office_holders")
    return () if terms is None else tuple(zip(terms["office"], terms["holder"], terms["from"], terms["to"]))


@cache
def _office_countries(lang: str) -> dict[str, str]:
    """``{office: country}`` of the table (``country`` column)."""
    terms = optional_table(lang, "office_holders")
    return {} if terms is None else dict(zip(terms["office"], terms["country"]))


@cache
def _places(lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """(country names and abbreviations → country, nationality adjectives → country) of the gazetteer."""
    g = gazetteer(lang)
    names = {n: c for n, (c, kind) in g.places.items() if kind in ("country", "abbreviation")}
    return names, dict(g.adjectives)


def mention_country(words: list[str], k: int, lang: str) -> str:
    """The country a mention names with its role noun ``words[k]``: a nationality adjective or a
    country's name before it (*French*, *U.S.*, *Kenya’s*), or a capitalised name after *of*
    (an unknown one as written); "" for none.

    >>> mention_country(["the", "French", "President"], 2, "en"), mention_country(["The", "President"], 1, "en")
    ('France', '')
    >>> mention_country("The President of the United States".split(), 1, "en")
    'United States'
    >>> mention_country(["Kenya’s", "President"], 1, "en")
    'Kenya'
    """
    names, adjectives = _places(lang)
    for j in range(max(0, k - 3), k):
        run = re.sub(r"[’']s$", "", " ".join(words[j:k]).strip(",")) if j < k else ""
        if run in names or run.lower() in adjectives:
            return names.get(run) or adjectives[run.lower()]
    if k and re.fullmatch(r"[A-Z][\w.\-]*[’']s", words[k - 1]):
        return words[k - 1][:-2]  # "Kenya’s President": a possessor the gazetteer does not list, as written
    after = [w.strip(",.;:") for w in words[k + 1:k + 6]]
    if after[:1] == ["of"]:
        rest = after[2:] if after[1:2] and after[1].lower() == "the" else after[1:]
        caps = list(itertools.takewhile(lambda w: w[:1].isupper(), rest))
        for n in range(len(caps), 0, -1):
            if " ".join(caps[:n]) in names:
                return names[" ".join(caps[:n])]
        return " ".join(caps[:1])
    return ""


@cache
def _sources(lang: str) -> tuple[tuple[str, str], ...]:
    t = optional_table(lang, "office_sources")
    return () if t is None else tuple(zip(t["source"].str.lower(), t["country"]))


def office_country(text: str, source, lang: str) -> str:
    """The country whose offices a document's role alone names: its ``source``'s country
    (``office_sources.tsv``), else the one country its text states with an office of the table
    (*the President of the United States*, *U.S. President*), else "".

    >>> office_country("Remarks.", "whitehouse.gov briefing room", "en")
    'United States'
    >>> office_country("Russian President Putin met the French President.", None, "en")
    ''
    """
    low = source.lower() if isinstance(source, str) else ""
    for part, country in _sources(lang):
        if part in low:
            return country
    offices = {o.split()[-1] for o in _office_countries(lang)}
    if not offices or not isinstance(text, str):
        return ""
    found = set()
    for m in re.finditer(r"\b(?:" + "|".join(re.escape(o.title()) for o in sorted(offices)) + r")\b", text):
        before = text[max(0, m.start() - 40):m.start()].split()[-3:]
        words = before + [m.group()] + text[m.end():m.end() + 60].split()[:5]
        found.add(mention_country(words, len(before), lang))
    found.discard("")
    return next(iter(found)) if len(found) == 1 else ""


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


def document_holders(date, source, text: str, lang: str) -> tuple[dict[str, str], str]:
    """(:func:`holders_on` the document's date, :func:`office_country` of the document; "" when no holder).

    >>> document_holders("2022-03-01", "whitehouse.gov", "", "en")[1], document_holders(None, "", "", "en")
    ('United States', ({}, ''))
    """
    holders = holders_on(date, lang)
    return holders, office_country(text, source, lang) if holders else ""


def sitting_holder(office: str, named: str | None, holders: dict[str, str], lang: str, *,
                   country: str | None = None) -> str | None:
    """The holder of ``office`` on the document's date (``holders``, from :func:`holders_on`) when the
    text's candidate ``named`` is none or a holder of that office in another term (its surname), else
    ``named``: a holder the text names otherwise (*President Macron*) keeps the role, and the
    holder of the date keeps the text's form of the name. ``country``: the country of the office
    where the mention or its document names it (:func:`mention_country`, :func:`office_country`;
    "" none): another country's office, or none, keeps ``named`` (None: not checked).

    >>> sitting_holder("president", None, {"president": "Joe Biden"}, "en", country="France") is None
    True

    >>> sitting_holder("president", "Emmanuel Macron", {"president": "Joe Biden"}, "en")
    'Emmanuel Macron'
    >>> sitting_holder("president", None, {}, "en") is None
    True
    """
    holder = holders.get(office)
    if country is not None and country != _office_countries(lang).get(office):
        return named  # "the French President", "the President" of a text about Kenya
    surname = re.sub(r"[’']s$", "", named.split()[-1]) if named else ""  # "President Obama’s inaugural parade"
    if holder is None or (named and (surname not in _surnames(lang).get(office, ()) or surname == holder.split()[-1])):
        return named  # another holder, or the text's own form of this one ("Harris", "Madam Vice President Harris")
    return holder


def office_not_country(held: list[str], name: str, had_role: bool, lang: str, role_map: dict) -> tuple[str, bool]:
    """``(name, had_role)`` of a mention ``held`` (as :func:`analysis.speaker_mentions.name_part`
    gives them) with its role words for a ``name`` that is only the country of its office (*the
    President of the United States*: the office speaks, not the country); else as given.

    >>> from analysis.speakers import _ArticleEntities
    >>> roles = _ArticleEntities("", "en").role_map
    >>> office_not_country("The President of the United States".split(), "United States", True, "en", roles)
    ('President', True)
    >>> office_not_country("The Embassy of the United States".split(), "United States", False, "en", roles)
    ('United States', False)
    """
    from analysis.speaker_names import role_of  # speaker_names reads no gazetteer
    roles = [k for k, w in enumerate(held) if role_of(w, role_map)]
    if had_role and any(mention_country(held, k, lang) == name for k in roles):
        return " ".join(held[k] for k in roles), True
    return name, had_role
