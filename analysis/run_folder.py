"""The folder a pipeline run (``python -m analysis run``) writes, and :func:`open_run` to read it.

Layout: one partitioned Parquet dataset per table, ``DIR/<table>/part-00000.parquet``, …
(``articles``, ``rejected``, ``sentences``, ``tokens``, ``quotes``, ``tone``, ``term_counts``, and
from the reductions ``quote_actors`` and ``statements``), the corpus-level tables as one-part
datasets (``actors``, ``terms``, ``concepts``, ``network_nodes``, ``network_edges``), the
``failures`` of partitions that could not be computed, the records of partitions a worker has
not yet finished loading (``staged_articles``, ``staged_rejected``), and ``DIR/run.json``, the manifest: the
options of the run, the partitions loaded and the partitions whose stages are done. Every file
is written atomically (:func:`analysis.outputs.atomic_path`), and a partition is listed as done
only after all its files are in place, so a run that is stopped leaves only whole files and
resumes where it stopped.

>>> import tempfile
>>> folder = RunFolder(tempfile.mkdtemp())
>>> _ = folder.write_part("articles", 0, pd.DataFrame({"article_id": ["a"], "text": ["Ja."]}))
>>> folder.part_files("articles")[0].name
'part-00000.parquet'
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.errors import InputError
from analysis.outputs import atomic_path, read_json_file, write_text

log = logging.getLogger(__name__)

MANIFEST = "run.json"
#: Tables with one part per corpus partition, in the order the stages write them.
PARTITION_TABLES = ("articles", "rejected", "sentences", "tokens", "quotes", "tone", "term_counts", "quote_actors",
                    "statements")
#: Tables computed over the whole corpus (reductions), one part each.
CORPUS_TABLES = ("actors", "terms", "concepts", "network_nodes", "network_edges")
FAILURES = "failures"
FAILURE_COLUMNS = ["partition", "stage", "article_id", "origin", "reason"]


class RunFolder:
    """Paths, manifest and atomic writes of one run folder (no Dask here: plain files)."""

    def __init__(self, folder: str | Path):
        self.path = Path(folder)

    def part_path(self, table: str, partition: int) -> Path:
        return self.path / table / f"part-{partition:05d}.parquet"

    def write_part(self, table: str, partition: int, df: pd.DataFrame) -> Path:
        """Write one part of a table atomically (a whole file or none)."""
        path = self.part_path(table, partition)
        with atomic_path(path) as tmp:
            df.to_parquet(tmp, index=False)
        return path

    def write_part_blocks(self, table: str, partition: int, blocks: Iterable[pd.DataFrame], *,
                          empty: pd.DataFrame) -> Path:
        """Write one part of a table from a sequence of tables (a row group each, one in memory at
        a time) atomically; ``empty`` (the columns) when the sequence holds no rows.

        >>> import tempfile
        >>> folder = RunFolder(tempfile.mkdtemp())
        >>> blocks = (pd.DataFrame({"source": [s], "weight": [1.0]}) for s in "ab")
        >>> pd.read_parquet(folder.write_part_blocks("edges", 0, blocks, empty=pd.DataFrame()))["source"].tolist()
        ['a', 'b']
        """
        import pyarrow as pa
        import pyarrow.parquet as pq

        path = self.part_path(table, partition)
        with atomic_path(path) as tmp:
            writer = None
            try:
                for block in blocks:
                    if block.empty:
                        continue
                    rows = pa.Table.from_pandas(block, preserve_index=False,
                                                schema=writer.schema if writer is not None else None)
                    writer = writer or pq.ParquetWriter(tmp, rows.schema)
                    writer.write_table(rows)
            finally:
                if writer is not None:
                    writer.close()
            if writer is None:
                empty.to_parquet(tmp, index=False)
        return path

    def part_files(self, table: str) -> list[Path]:
        """The parts of ``table`` in partition order (hidden temporary files left out)."""
        folder = self.path / table
        return sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []

    def read_manifest(self) -> dict | None:
        path = self.path / MANIFEST
        manifest = read_json_file(path, f"{path}: unreadable run manifest; remove the folder and run again")
        if manifest is None:
            return None
        if not isinstance(manifest, dict) or "partitions" not in manifest:
            raise InputError(f"{path}: not the manifest of a pipeline run (no 'partitions')")
        return manifest

    def write_manifest(self, manifest: dict) -> None:
        write_text(self.path / MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False, default=str) + "\n")


def is_run_folder(path) -> bool:
    """Whether ``path`` is a folder written by ``python -m analysis run``.

    >>> is_run_folder("data")
    False
    """
    return isinstance(path, (str, Path)) and (Path(path) / MANIFEST).is_file()


def _read_parts(files: list[Path], columns=None) -> pd.DataFrame:
    """The parts read one by one and concatenated (parts may differ in nested column types)."""
    frames = [pd.read_parquet(f, columns=columns) for f in files]
    frames = [f for f in frames if len(f)] or frames[:1]
    df = pd.concat(_typed_alike(frames), ignore_index=True) if len(frames) > 1 else frames[0].reset_index(drop=True)
    return _with_lists(df)


def _typed_alike(frames: list[pd.DataFrame]) -> list[pd.DataFrame]:
    """The parts, a column without any value in a part given the type it has in the parts with
    values (Parquet stores a column of nulls without a type: the affiliation of the concept
    network's nodes), so that the table has the type it has when written whole.

    >>> a = pd.DataFrame({"x": pd.Series(["a"], dtype="string")})
    >>> b = pd.DataFrame({"x": [None]})
    >>> pd.concat(_typed_alike([a, b]))["x"].dtype == a["x"].dtype
    True
    """
    for col in frames[0].columns:
        typed = {str(f[col].dtype): f[col].dtype for f in frames if col in f and f[col].notna().any()}
        if len(typed) != 1 or next(iter(typed.values())) == object:
            continue
        dtype = next(iter(typed.values()))
        for k, f in enumerate(frames):
            if col in f and f[col].dtype != dtype and f[col].isna().all():
                try:
                    frames[k] = f.assign(**{col: f[col].astype(dtype)})
                except (TypeError, ValueError):  # a type without a missing value (int64): left as read
                    pass
    return frames


def _plain(value):
    """Arrays (Parquet's lists) as lists, also inside lists and dicts."""
    if isinstance(value, np.ndarray) and value.dtype != object:
        return value.tolist()
    if isinstance(value, (np.ndarray, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _with_lists(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with its list columns (spans, hits, aliases) as Python lists again, as the library makes them.

    >>> _with_lists(pd.DataFrame({"spans": [np.array([np.array([0, 3])])]}))["spans"][0]
    [[0, 3]]
    """
    for col in df.columns:
        if df[col].dtype == object:
            first = next((v for v in df[col] if v is not None), None)
            if isinstance(first, (np.ndarray, dict)):
                df[col] = pd.Series([_plain(v) for v in df[col]], index=df.index, dtype=object)
    return df


class Run:
    """The tables of a run folder: ``run.quotes`` reads one table as a DataFrame; ``run.lazy("tokens")``
    is a ``dask.dataframe`` with one partition per part, read only when computed.

    ``run.tables`` lists the tables present, ``run.manifest`` the run's options and partitions,
    ``run.failures`` the partitions that could not be computed.
    """

    def __init__(self, folder: RunFolder, manifest: dict):
        self.folder, self.manifest = folder, manifest

    @property
    def tables(self) -> list[str]:
        names = [*PARTITION_TABLES, *CORPUS_TABLES, FAILURES]
        return [t for t in names if self.folder.part_files(t)]

    def table(self, name: str, *, columns=None) -> pd.DataFrame:
        """One table as a DataFrame (``quotes`` with its ``actor_id`` when the actors are computed)."""
        files = self.folder.part_files(name)
        if not files:
            if name == FAILURES:
                return pd.DataFrame(columns=FAILURE_COLUMNS)
            raise InputError(f"{self.folder.path}: no table {name!r} in this run; it has: {', '.join(self.tables)}")
        df = _read_parts(files, columns)
        if name == "quotes" and columns is None and self.folder.part_files("quote_actors"):
            links = _read_parts(self.folder.part_files("quote_actors"))
            df = df.merge(links, on=["article_id", "quote_id"], how="left")
        return df

    def lazy(self, name: str):
        """``name`` as a Dask DataFrame, one partition per part file."""
        import dask.dataframe as dd

        files = self.folder.part_files(name)
        if not files:
            raise InputError(f"{self.folder.path}: no table {name!r} in this run; it has: {', '.join(self.tables)}")
        import pyarrow.parquet as pq

        meta = pq.read_schema(files[0]).empty_table().to_pandas()  # the schema, not a whole part
        return dd.from_map(pd.read_parquet, [str(f) for f in files], meta=meta)

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name in (*PARTITION_TABLES, *CORPUS_TABLES, FAILURES):
            return self.table(name)
        raise AttributeError(name)

    def __repr__(self) -> str:
        return f"Run({str(self.folder.path)!r}, tables={self.tables})"


def open_run(folder) -> Run:
    """Open the folder of a pipeline run: its tables as DataFrames (or lazily with ``.lazy(name)``).

    Reading is quick because nothing is recomputed: a run of an hour opens in seconds.

    >>> run = open_run("/no/such/run")
    Traceback (most recent call last):
    ...
    analysis.errors.InputError: /no/such/run: not the folder of a pipeline run (no run.json); write one with 'python -m analysis run CORPUS --out DIR'
    """
    rf = RunFolder(folder)
    manifest = rf.read_manifest()
    if manifest is None:
        raise InputError(f"{folder}: not the folder of a pipeline run (no {MANIFEST}); "
                         "write one with 'python -m analysis run CORPUS --out DIR'")
    if manifest.get("load") != "done":
        log.warning("%s: the run did not finish loading; the tables hold the partitions done so far", folder)
    return Run(rf, manifest)
