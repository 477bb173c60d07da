"""Result files that appear whole or not at all, and output folders that say what they hold.

Every writer writes into a hidden temporary file beside its target and renames it into place
(:func:`atomic_path`), so a run that is killed or fails leaves the previous file or none, never
a truncated one. A command that writes several tables into one folder (``load --out DIR``)
does so through a :class:`FolderWriter`: it first marks the folder incomplete in
``DIR/.manifest.json``, removes the tables an earlier run of the command left that this run
will not write, and records the tables with their row counts once the last one is in place.
:func:`check_folder` tells a reader whether the tables of a folder belong to one finished run.

>>> import tempfile
>>> import pandas as pd
>>> folder = Path(tempfile.mkdtemp())
>>> with FolderWriter(folder, command="load", tables=["articles.parquet"]) as out:
...     _ = out.write("articles.parquet", pd.DataFrame({"text": ["a", "b"]}))
>>> json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["tables"]
{'articles.parquet': 2}
"""
from __future__ import annotations

import json
import logging
import os
import re
import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from analysis.errors import InputError

TABLE_SUFFIXES = (".csv", ".parquet", ".xlsx")
MANIFEST = ".manifest.json"
EXCEL_ROWS = 1_048_576      # rows of an Excel sheet, the header row included
EXCEL_CELL_CHARS = 32_767   # characters of an Excel cell
EXCEL_SHEET_NAME = 31       # characters of a sheet name

log = logging.getLogger(__name__)


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to: renamed onto ``path`` when the block ends,
    removed when it raises (the previous ``path``, if any, is then untouched).

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "a.txt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("whole", encoding="utf-8")
    ...     target.exists()
    False
    >>> target.read_text(encoding="utf-8")
    'whole'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.part")
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)


def write_table(df, path: str | Path) -> Path:
    """Write ``df`` to ``path`` atomically, as CSV, Parquet or Excel (``.xlsx``) chosen by the suffix.

    In a CSV file lists and dicts are JSON text (:func:`csv_cells`).

    An Excel file keeps within Excel's limits:

    - A table longer than a sheet (1,048,575 rows under the header) continues on further sheets,
      each with the header: ``<name>``, ``<name> (2)``, ...; the name is the file name without
      its suffix, cut to Excel's 31 characters, with the characters Excel forbids (``[]:*?/\\``)
      replaced by ``_``.
    - A text longer than a cell holds (32,767 characters) is cut there, ending in ``…``; a warning
      says how many cells were cut and where the first one is (CSV and Parquet keep them whole).
    - Lists and dicts (spans, hits, aliases) are written as JSON text, times without their time
      zone (the local time is kept), control characters Excel cannot store are dropped, and a text
      starting with ``=`` stays text (never a formula).

    >>> import tempfile
    >>> import pandas as pd
    >>> from openpyxl import load_workbook
    >>> path = write_table(pd.DataFrame({"term": ["=1+1"], "spans": [[[0, 4]]]}), Path(tempfile.mkdtemp()) / "terms.xlsx")
    >>> [[c.value for c in row] for row in load_workbook(path)["terms"].iter_rows()]
    [['term', 'spans'], ['=1+1', '[[0, 4]]']]
    >>> write_table(pd.DataFrame({"n": [1]}), Path(tempfile.mkdtemp()) / "t.txt")
    Traceback (most recent call last):
    ...
    analysis.errors.InputError: ...t.txt: an output table must end in .csv, .parquet or .xlsx
    """
    path = Path(path)
    if path.suffix not in TABLE_SUFFIXES:
        raise InputError(f"{path}: an output table must end in {_suffix_list(TABLE_SUFFIXES)}")
    with atomic_path(path) as tmp:
        if path.suffix == ".csv":
            csv_cells(df).to_csv(tmp, index=False)
        elif path.suffix == ".xlsx":
            _write_excel(df, tmp, name=path.stem, shown=path)
        else:
            df.to_parquet(tmp, index=False)
    return path


def csv_cells(df):
    """``df`` as a CSV file holds it: lists, tuples, dicts and arrays (spans, hits, aliases) in
    object columns as JSON text; other values as they are.

    >>> import pandas as pd
    >>> csv_cells(pd.DataFrame({"spans": [[[0, 4]]], "hits": [[{"term": "gut"}]], "n": [1]})).values.tolist()
    [['[[0, 4]]', '[{"term": "gut"}]', 1]]
    """
    import numpy as np

    nested = (list, tuple, dict, np.ndarray)
    cols = [c for c in df.columns if df[c].dtype == object and any(isinstance(v, nested) for v in df[c])]
    if not cols:
        return df

    def as_json(v):
        return json.dumps(v.tolist() if isinstance(v, np.ndarray) else v, ensure_ascii=False, default=str)

    return df.assign(**{c: [as_json(v) if isinstance(v, nested) else v for v in df[c]] for c in cols})


def _write_excel(df, tmp: Path, *, name: str, shown: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    columns = [str(c) for c in df.columns]
    values = [_excel_column(df[c]) for c in df.columns]
    cut = []
    book = Workbook(write_only=True)
    rows_per_sheet = EXCEL_ROWS - 1
    for part, start in enumerate(range(0, max(len(df), 1), rows_per_sheet)):
        sheet = book.create_sheet(_sheet_name(name, part))
        sheet.append(columns)
        for i in range(start, min(start + rows_per_sheet, len(df))):
            row = []
            for j, column in enumerate(values):
                value = column[i]
                if isinstance(value, str):
                    if len(value) > EXCEL_CELL_CHARS:
                        value = value[:EXCEL_CELL_CHARS - 1] + "…"
                        cut.append((i, columns[j]))
                    if value.startswith("="):
                        value = WriteOnlyCell(sheet, value)
                        value.data_type = "s"
                row.append(value)
            sheet.append(row)
    book.save(tmp)
    if cut:
        row, column = cut[0]
        log.warning("%s: %d cell(s) longer than Excel's %s characters were cut (first: column %s, row %d of the "
                    "table); write .csv or .parquet to keep them whole", shown, len(cut), f"{EXCEL_CELL_CHARS:,}",
                    column, row + 1)


def _sheet_name(name: str, part: int) -> str:
    """The name of sheet ``part`` (0, 1, ...) of a table called ``name``, as Excel allows it.

    >>> _sheet_name("quotes", 0), _sheet_name("a/b:c" * 9, 1)
    ('quotes', 'a_b_ca_b_ca_b_ca_b_ca_b_ca_ (2)')
    """
    suffix = f" ({part + 1})" if part else ""
    clean = re.sub(r"[\[\]:*?/\\]", "_", name).strip("'") or "table"
    return clean[:EXCEL_SHEET_NAME - len(suffix)] + suffix


def _excel_column(series) -> list:
    """The values of ``series`` as Excel cells hold them (None for missing values)."""
    import pandas as pd

    if isinstance(series.dtype, pd.DatetimeTZDtype):
        series = series.dt.tz_localize(None)
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        return [None if pd.isna(v) else v.to_pydatetime() for v in series]
    if pd.api.types.is_bool_dtype(series.dtype) or pd.api.types.is_numeric_dtype(series.dtype):
        return [None if pd.isna(v) else v for v in series.astype(object)]
    return [_excel_value(v) for v in series]


def _excel_value(value):
    """One value of an object column as an Excel cell holds it.

    >>> _excel_value({"hits": ["gut"]}), _excel_value("a\\x07b"), _excel_value(float("nan"))
    ('{"hits": ["gut"]}', 'ab', None)
    """
    import numpy as np
    import pandas as pd

    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.tz_localize(None).to_pydatetime() if value.tzinfo else value.to_pydatetime()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, (bool, int, float)):
        return value
    return _EXCEL_ILLEGAL.sub("", value if isinstance(value, str) else str(value))


_EXCEL_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters an Excel cell cannot hold


def _suffix_list(suffixes) -> str:
    """The suffixes as a reader lists them.

    >>> _suffix_list([".csv", ".parquet", ".xlsx"])
    '.csv, .parquet or .xlsx'
    """
    suffixes = list(suffixes)
    return suffixes[0] if len(suffixes) == 1 else f"{', '.join(suffixes[:-1])} or {suffixes[-1]}"


# --- checks before the work starts ----------------------------------------------------------

def check_output_file(path: str | Path, *, suffixes: Iterable[str] | None = None) -> Path:
    """``path`` if a result file can be written there, else :class:`InputError` saying why:
    a suffix not in ``suffixes``, an existing folder, or a folder that cannot be created or
    written to. Missing folders are created by the writer.

    >>> check_output_file("/tmp", suffixes=TABLE_SUFFIXES)
    Traceback (most recent call last):
    ...
    analysis.errors.InputError: /tmp: an output file must end in .csv, .parquet or .xlsx
    """
    path = Path(path)
    if suffixes is not None and path.suffix not in tuple(suffixes):
        raise InputError(f"{path}: an output file must end in {_suffix_list(suffixes)}")
    if path.suffix == ".xlsx":
        try:
            import openpyxl  # noqa: F401  (the Excel writer, a dependency; checked before the work)
        except ImportError:
            raise InputError(f"{path}: writing .xlsx needs the openpyxl package (pip install openpyxl)") from None
    if path.is_dir():
        raise InputError(f"{path}: is a folder; expected a file name")
    _check_writable(path.parent, path)
    return path


def check_output_folder(path: str | Path) -> Path:
    """``path`` if results can be written into it as a folder, else :class:`InputError`.

    >>> import tempfile
    >>> check_output_folder(tempfile.mkstemp(suffix=".csv")[1])
    Traceback (most recent call last):
    ...
    analysis.errors.InputError: ....csv: is a file; expected a folder
    """
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise InputError(f"{path}: is a file; expected a folder")
    _check_writable(path, path)
    return path


def _check_writable(folder: Path, target: Path) -> None:
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise InputError(f"{target}: {existing} is a file, not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        what = "write into" if existing == folder else "create a folder in"
        raise InputError(f"{target}: cannot {what} {existing} (permission denied)")


# --- output folders -------------------------------------------------------------------------

class FolderWriter:
    """The tables one run of a command writes into one folder, with their manifest.

    ``tables``: the file names this run writes; ``others``: those the command writes in other
    runs (with other options), removed when present so that no table of an earlier run stays
    beside the new ones. Used as a context manager, the manifest is completed only when the
    block ends without an error and every table of ``tables`` has been written.
    """

    def __init__(self, folder: str | Path, *, command: str, tables: Iterable[str], others: Iterable[str] = (),
                 argv: list[str] | None = None):
        self.folder, self.command, self.argv = Path(folder), command, argv
        self.tables = list(tables)
        self.rows: dict[str, int] = {}
        try:
            previous = read_manifest(self.folder) or {}
        except InputError:  # an unreadable manifest is replaced
            previous = {}
        self._stale = {*others, *previous.get("tables", {})} - set(self.tables)

    def __enter__(self) -> FolderWriter:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._write_manifest(complete=False)
        for name in sorted(self._stale):
            (self.folder / name).unlink(missing_ok=True)
        return self

    def write(self, name: str, df) -> Path:
        """Write one table of the folder (atomically) and note its row count."""
        if name not in self.tables:
            raise InputError(f"{name}: not one of the tables of this run ({', '.join(self.tables)})")
        path = write_table(df, self.folder / name)
        self.rows[name] = len(df)
        return path

    def stream(self, name: str):
        """A :class:`~analysis.streamed_tables.TableStream` for one table of the folder, written
        chunk by chunk; its row count is noted when it closes."""
        from analysis.streamed_tables import TableStream

        if name not in self.tables:
            raise InputError(f"{name}: not one of the tables of this run ({', '.join(self.tables)})")
        return TableStream(self.folder / name, on_close=lambda rows: self.rows.__setitem__(name, rows))

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            missing = [t for t in self.tables if t not in self.rows]
            if missing:
                raise InputError(f"{self.folder}: table(s) {', '.join(missing)} were not written")
            self._write_manifest(complete=True)

    def _write_manifest(self, *, complete: bool) -> None:
        manifest = {"command": self.command, "argv": self.argv, "complete": complete,
                    "tables": {t: self.rows[t] for t in self.tables if t in self.rows}}
        write_text(self.folder / MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")


def read_json_file(path: Path, unreadable: str):
    """The JSON in ``path``, None when there is no such file; ``unreadable`` is the InputError's
    message when the file is damaged."""
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise InputError(unreadable) from None


def read_manifest(folder: str | Path) -> dict | None:
    """The manifest of an output folder, or None when it has none (written before manifests
    existed, or not an output folder)."""
    manifest = read_json_file(Path(folder) / MANIFEST, f"{folder}: unreadable {MANIFEST}; run the command that wrote the folder again")
    if manifest is None:
        return None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("tables"), dict):
        raise InputError(f"{folder}: {MANIFEST} does not list the folder's tables; run the command again")
    return manifest


def check_folder(folder: str | Path, tables: Iterable[str]) -> None:
    """:class:`InputError` unless the ``tables`` of an output folder belong to one finished run.

    A folder without a manifest passes. With one, the run must be complete, and each of
    ``tables`` must be listed with its row count if and only if it is present.

    >>> import tempfile
    >>> import pandas as pd
    >>> folder = Path(tempfile.mkdtemp())
    >>> with FolderWriter(folder, command="load", tables=["articles.parquet"]) as out:
    ...     _ = out.write("articles.parquet", pd.DataFrame({"text": ["a"]}))
    >>> _ = write_table(pd.DataFrame({"text": ["a", "b"]}), folder / "articles.parquet")
    >>> check_folder(folder, ["articles.parquet", "tokens.parquet"])
    Traceback (most recent call last):
    ...
    analysis.errors.InputError: ...: articles.parquet has 2 rows, the manifest says 1 (the folder mixes runs); run load again
    """
    folder = Path(folder)
    manifest = read_manifest(folder)
    if manifest is None:
        return
    command = manifest.get("command") or "the command that wrote it"
    if not manifest.get("complete"):
        raise InputError(f"{folder}: incomplete output (a run of {command} did not finish); run {command} again")
    listed = manifest["tables"]
    for name in tables:
        path = folder / name
        if name in listed and not path.exists():
            raise InputError(f"{folder}: {name} is missing (listed in {MANIFEST}); run {command} again")
        if name not in listed and path.exists():
            raise InputError(f"{folder}: {name} was not written by the last run of {command} (not in {MANIFEST})")
        if name in listed and _row_count(path) != listed[name]:
            raise InputError(f"{folder}: {name} has {_row_count(path)} rows, the manifest says {listed[name]} "
                             f"(the folder mixes runs); run {command} again")


def _row_count(path: Path) -> int:
    import pyarrow.parquet as pq

    try:
        return pq.read_metadata(path).num_rows
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: unreadable Parquet file ({exc})") from None
