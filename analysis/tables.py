"""Reading the tables a user hands in (CSV, TSV, Parquet): the text encoding is taken from the
byte-order mark (Excel's "CSV UTF-8" and "Unicode text" exports), and an empty or malformed file
is an :class:`~analysis.errors.InputError` naming it.

>>> import tempfile
>>> f = Path(tempfile.mkdtemp()) / "terms.csv"
>>> _ = f.write_text("term,n\\nKrieg,3\\n", encoding="utf-16")
>>> read_table(f).values.tolist()
[['Krieg', 3]]
"""
from __future__ import annotations

import codecs
from pathlib import Path

import pandas as pd

from analysis.errors import InputError


def bom_encoding(head: bytes) -> str | None:
    """``utf-8-sig``, ``utf-32`` or ``utf-16`` when ``head`` starts with that byte-order mark, else None.

    >>> bom_encoding("x".encode("utf-16")), bom_encoding("x".encode("utf-8-sig")), bom_encoding(b"x")
    ('utf-16', 'utf-8-sig', None)
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE 00 00 starts like FF FE
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def text_encoding(path: str | Path) -> str:
    """The encoding a text file declares by its byte-order mark; UTF-8 without one.

    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "a.csv"
    >>> _ = f.write_text("a\\n", encoding="utf-8-sig")
    >>> text_encoding(f)
    'utf-8-sig'
    """
    with open(path, "rb") as fh:
        return bom_encoding(fh.read(4)) or "utf-8"


def read_table(path: str | Path, **csv_options) -> pd.DataFrame:
    """A ``.parquet`` file, or a ``.csv`` (``.tsv``: tab-separated) file decoded by its BOM.

    ``csv_options`` go to :func:`pandas.read_csv`. An empty file, a file that is not a table of
    its kind, or undecodable text raises :class:`InputError`.
    """
    path = Path(path)
    try:
        if path.suffix == ".parquet":
            return pd.read_parquet(path)
        options = {"sep": "\t" if path.suffix == ".tsv" else ",", **csv_options}
        return pd.read_csv(path, encoding=text_encoding(path), **options)
    except pd.errors.EmptyDataError:
        raise InputError(f"{path}: empty file (expected a header line with the column names)") from None
    except (pd.errors.ParserError, UnicodeError) as exc:
        raise InputError(f"{path}: not a readable {path.suffix.lstrip('.').upper() or 'CSV'} table "
                         f"({_first_line(exc)})") from None
    except ValueError as exc:  # pyarrow: not a Parquet file, truncated footer
        raise InputError(f"{path}: not a readable Parquet file ({_first_line(exc)})") from None


def table_columns(path: str | Path) -> list[str]:
    """The column names of a table file (read from the Parquet schema or the CSV header only)."""
    path = Path(path)
    if path.suffix != ".parquet":
        return [str(c) for c in read_table(path, nrows=0).columns]
    import pyarrow.parquet as pq

    try:
        return pq.read_schema(path).names
    except ValueError as exc:
        raise InputError(f"{path}: not a readable Parquet file ({_first_line(exc)})") from None


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
