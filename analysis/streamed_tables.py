"""Tables written chunk by chunk with bounded memory, each appearing whole at the end.

A :class:`TableStream` takes the chunks of one table as they are computed and keeps them as
Parquet parts in a hidden folder beside its target. When it is closed, it writes the target in one
pass, one part at a time: Parquet as one row group per part (pyarrow ``ParquetWriter``), CSV
appended part by part, into a temporary file renamed onto the target (as every writer of
:mod:`analysis.outputs`). The chunks need not agree on their columns: the table gets every column
of every chunk (in order of appearance), and a column's type is the one all chunks fit (a column
that is empty in one chunk takes the type of the others, whole numbers beside fractions become
fractions), so the file equals the one the whole table would give. An Excel file (``.xlsx``)
cannot be written in parts: its chunks are collected and written at the end.

>>> import tempfile
>>> import pandas as pd
>>> path = Path(tempfile.mkdtemp()) / "quotes.parquet"
>>> with TableStream(path) as table:
...     table.write(pd.DataFrame({"speaker": [None], "n": [1]}))
...     table.write(pd.DataFrame({"speaker": ["Putin"], "n": [2.5]}))
>>> pd.read_parquet(path).to_dict(orient="list")
{'speaker': [nan, 'Putin'], 'n': [1.0, 2.5]}
"""
from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis.errors import InputError
from analysis.outputs import (
    TABLE_SUFFIXES,
    _suffix_list,
    atomic_path,
    csv_cells,
    write_table,
)


class PartSpool:
    """Chunks of a table kept as numbered Parquet parts in a hidden folder beside ``path``,
    read back in order with :meth:`parts`; the folder is removed by :meth:`remove`.

    >>> import tempfile
    >>> spool = PartSpool(Path(tempfile.mkdtemp()) / "quotes.parquet")
    >>> spool.add(pd.DataFrame({"x": [1, 2]})); spool.add(pd.DataFrame({"x": [3]}))
    >>> [f["x"].tolist() for f in spool.frames()], spool.rows
    ([[1, 2], [3]], 3)
    >>> spool.remove(); spool.folder.exists()
    False
    """

    def __init__(self, path: str | Path):
        path = Path(path)
        self.folder = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.parts")
        self.files: list[Path] = []
        self.rows = 0

    def add(self, df: pd.DataFrame | pa.Table) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        file = self.folder / f"part-{len(self.files):06d}.parquet"
        pq.write_table(df if isinstance(df, pa.Table) else pa.Table.from_pandas(df, preserve_index=False), file)
        self.files.append(file)
        self.rows += len(df)

    def parts(self, columns: list[str] | None = None) -> Iterator[pa.Table]:
        for file in self.files:
            yield pq.read_table(file, columns=columns)

    def frames(self, columns: list[str] | None = None) -> Iterator[pd.DataFrame]:
        for file in self.files:
            yield pd.read_parquet(file, columns=columns)

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


class TableStream:
    """One output table (``.parquet``, ``.csv`` or ``.xlsx``) written from chunks; see the module.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "terms.csv"
    >>> with TableStream(path) as out:
    ...     out.write(pd.DataFrame({"term": ["Frieden"], "count": [3]}))
    ...     out.write(pd.DataFrame({"term": ["Krieg"], "count": [2]}))
    >>> pd.read_csv(path)["term"].tolist()
    ['Frieden', 'Krieg']
    """

    def __init__(self, path: str | Path, *, on_close=None):
        self.path, self.on_close = Path(path), on_close
        if self.path.suffix not in TABLE_SUFFIXES:
            raise InputError(f"{self.path}: an output table must end in {_suffix_list(TABLE_SUFFIXES)}")
        self._spool = PartSpool(self.path)
        self._empty = None
        self.closed = False

    @property
    def rows(self) -> int:
        return self._spool.rows

    def write(self, df: pd.DataFrame | pa.Table) -> None:
        """Add a chunk of rows (kept on disk until :meth:`close`). An empty chunk only gives the
        table its columns when no chunk has rows (its column types would be guesses)."""
        if len(df):
            self._spool.add(csv_cells(df) if self.path.suffix == ".csv" and isinstance(df, pd.DataFrame) else df)
        elif self._empty is None:
            self._empty = df

    def __enter__(self) -> TableStream:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None and not self.closed:
            self.close()
        self._spool.remove()

    def close(self) -> Path:
        """Write the target from the chunks (atomically) and remove them."""
        try:
            if not self._spool.files:
                if self._empty is None:
                    raise InputError(f"{self.path}: nothing was written (not even an empty chunk)")
                self._spool.add(self._empty)
            if self.path.suffix == ".xlsx":  # a workbook is written whole: its chunks are collected
                write_table(pd.concat(list(self._spool.frames()), ignore_index=True), self.path)
            else:
                schema = _unified_schema([pq.read_schema(f) for f in self._spool.files])
                with atomic_path(self.path) as tmp:
                    (_write_parquet if self.path.suffix == ".parquet" else _write_csv)(self._spool, schema, tmp)
        finally:
            self._spool.remove()
        self.closed = True
        if self.on_close is not None:
            self.on_close(self.rows)
        return self.path


def _unified_schema(schemas: list[pa.Schema]) -> pa.Schema:
    """The schema every part fits; a column's pandas metadata is that of the first part with values in it."""
    import json

    unified = pa.unify_schemas([s.remove_metadata() for s in schemas], promote_options="permissive")
    metas = [(schema, json.loads(schema.metadata[b"pandas"])) for schema in schemas
             if schema.metadata and b"pandas" in schema.metadata]
    if not metas:
        return unified
    entries: dict[str, dict] = {}
    for schema, meta in metas:
        for entry in meta.get("columns", []):
            name = entry.get("field_name")
            if name in unified.names and (name not in entries or entries[name]["null"]):
                entries[name] = {"entry": entry, "null": pa.types.is_null(schema.field(name).type)}
    meta = dict(metas[0][1], columns=[entries[n]["entry"] for n in unified.names if n in entries])
    return unified.with_metadata({b"pandas": json.dumps(meta).encode()})


def _conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """``table`` with the columns and types of ``schema`` (missing columns empty)."""
    columns = [table.column(f.name).cast(f.type) if f.name in table.column_names else pa.nulls(len(table), f.type)
               for f in schema]
    return pa.Table.from_arrays(columns, schema=schema)


def _write_parquet(spool: PartSpool, schema: pa.Schema, tmp: Path) -> None:
    with pq.ParquetWriter(tmp, schema) as writer:
        for part in spool.parts():
            writer.write_table(_conform(part, schema))


def _write_csv(spool: PartSpool, schema: pa.Schema, tmp: Path) -> None:
    """CSV part by part. pandas writes a date column without its times when every value is at
    midnight: that is decided over all parts, not per part."""
    stamps = [f.name for f in schema if pa.types.is_timestamp(f.type) and f.type.tz is None]
    dates_only = {name: all(_midnight(part.column(0).to_pandas()) for part in spool.parts([name])
                            if name in part.column_names) for name in stamps}
    nested = [f.name for f in schema if pa.types.is_nested(f.type)]
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        for k, part in enumerate(spool.parts()):
            part = _conform(part, schema)
            df = part.to_pandas(integer_object_nulls=True)
            for name in nested:  # lists as Python lists, as pandas writes them
                df[name] = pd.Series(part.column(name).to_pylist(), index=df.index, dtype=object)
            for name in stamps:
                if dates_only[name]:
                    df[name] = df[name].dt.strftime("%Y-%m-%d")
                elif _midnight(df[name]):
                    df[name] = df[name].dt.strftime("%Y-%m-%d %H:%M:%S")  # all at midnight here, not everywhere
            df.to_csv(fh, index=False, header=k == 0)


def _midnight(values: pd.Series) -> bool:
    """Whether every time in ``values`` is at midnight (true of an empty column)."""
    values = values.dropna()
    return bool((values == values.dt.normalize()).all())
