"""Language resources shipped with the package, keyed by language code.

Word lists live in ``analysis/resources/<lang>/<name>.txt`` (one entry per line, ``#`` starts a
comment) and tables in ``<name>.tsv`` (tab-separated, header row). Each folder has a
``SOURCES.md`` saying where every file came from and under which licence. Logic asks for a
resource by language and name; adding a language means adding a folder, not code.

>>> "und" in wordlist("de", "stopwords")
True
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

from analysis.errors import InputError

ROOT = Path(__file__).resolve().parent / "resources"


def languages() -> list[str]:
    """Language codes that have a resource folder.

    >>> {"de", "en"} <= set(languages())
    True
    """
    return sorted(p.name for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith("_"))


def resource_path(lang: str, name: str) -> Path:
    """Path of resource ``name`` (with suffix) for ``lang``; :class:`InputError` if absent."""
    path = ROOT / lang / name
    if not path.exists():
        have = ", ".join(languages())
        raise InputError(f"no resource {name!r} for language {lang!r} (languages with resources: {have})")
    return path


@cache
def wordlist(lang: str, name: str) -> frozenset[str]:
    """The entries of ``resources/<lang>/<name>.txt`` as a frozenset (comments and blanks dropped)."""
    lines = resource_path(lang, f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(e for e in (line.split("#", 1)[0].strip() for line in lines) if e)


@cache
def _table(lang: str, name: str) -> pd.DataFrame:
    return pd.read_csv(resource_path(lang, f"{name}.tsv"), sep="\t", comment="#", dtype=str, keep_default_na=False)


def table(lang: str, name: str) -> pd.DataFrame:
    """The table ``resources/<lang>/<name>.tsv`` as a DataFrame of strings (a fresh copy)."""
    return _table(lang, name).copy()


def optional_table(lang: str, name: str) -> pd.DataFrame | None:
    """:func:`table`, or None when ``lang`` has no such table (a resource only some languages have).

    >>> optional_table("de", "no_such_table") is None, len(optional_table("de", "pronouns")) > 0
    (True, True)
    """
    return table(lang, name) if (ROOT / lang / f"{name}.tsv").exists() else None


@cache
def word_class(lang: str, name: str, cls: str, column: str = "class") -> frozenset[str]:
    """The lower-case words of class ``cls`` in the table ``resources/<lang>/<name>.tsv`` (columns
    ``word`` and ``column``), German's where ``lang`` has no such table.

    >>> sorted(word_class("en", "function_words", "conj"))[:2]
    ['and', 'but']
    """
    lang = lang if (ROOT / lang / f"{name}.tsv").exists() else "de"
    t = _table(lang, name)
    return frozenset(t.loc[t[column] == cls, "word"].str.lower())


@cache
def source_nouns(lang: str, use: str) -> frozenset[str]:
    """The lower-case nouns of sources in ``resources/<lang>/source_nouns.tsv`` for one use:
    ``"cue"`` the cue nouns of the quotation rules (column ``cue`` yes), ``"speaker"`` the forms
    the speaker step reads as a source rather than an actor (column ``source_forms``),
    ``"compound"`` those of them whose compound's modifier names the holder (column ``compound``
    holder: Polizeiangaben, not Korruptionsvorwurf); empty without the file.

    >>> "angaben" in source_nouns("de", "speaker"), "angabe" in source_nouns("de", "cue")
    (True, True)
    """
    if use not in ("cue", "speaker", "compound"):
        raise InputError(f"use is 'cue', 'speaker' or 'compound'; got {use!r}")
    if not (ROOT / lang / "source_nouns.tsv").exists():
        return frozenset()
    t = _table(lang, "source_nouns")
    if use == "cue":
        return frozenset(t.loc[t["cue"] == "yes", "noun"].str.lower())
    if use == "compound":
        t = t[t["compound"] == "holder"]
    return frozenset(f.lower() for forms in t["source_forms"] for f in forms.split("|") if f)
