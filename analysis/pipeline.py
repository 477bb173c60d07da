"""The whole analysis of a corpus of any size, partition-wise on Dask: ``python -m analysis run``.

:func:`run_corpus` streams the corpus (:func:`analysis.corpus.iter_articles`, so the loader's
ids, duplicates and rejections are those of ``load``), cuts it into partitions of about
``partition_mb`` megabytes of text, stages each partition's records as it goes, and hands each
partition to a Dask worker that finishes loading it (re-flowing and markup removal,
:func:`analysis.corpus.shape_chunk`: most of the loader's work, so that it divides among the
workers), writes its ``articles`` and ``rejected``, runs the partition stages
(:mod:`analysis.stages`) and writes their tables. Then the corpus-level stages (actors,
frequencies, statements and networks) reduce the parts (:mod:`analysis.run_reductions`).
Everything lands in a run folder (:mod:`analysis.run_folder`).

Resuming: the manifest lists the partitions loaded and those done; a second call with the same
options computes only what is missing. A partition that fails is written to the ``failures``
table with its records and is tried again by the next call; the others go on. A worker that
dies (killed, out of memory) has its partition re-run on another worker by the scheduler.

>>> import tempfile
>>> summary = run_corpus(["data"], tempfile.mkdtemp(), stages="quotes", workers=1)  # doctest: +SKIP
"""
from __future__ import annotations

import contextlib
import logging
import math
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from tqdm.auto import tqdm

from analysis.cluster import cluster_client
from analysis.errors import InputError
from analysis.run_folder import FAILURE_COLUMNS, FAILURES, RunFolder
from analysis.run_reductions import reduce_run
from analysis.runtime import forget_word_caches
from analysis.stages import parse_stages, partition_tables

log = logging.getLogger(__name__)

DEFAULT_PARTITION_MB = 4.0
#: A partition's records as read (texts not yet shaped), until a worker has finished loading it.
STAGED_ARTICLES, STAGED_REJECTED = "staged_articles", "staged_rejected"
LOAD_CHUNK = 100  # articles per chunk read from the stream; partitions are whole chunks


@dataclass
class RunSummary:
    """What one call of :func:`run_corpus` did."""

    folder: Path
    partitions: int = 0
    computed: list[int] = field(default_factory=list)
    skipped: int = 0
    failed: dict[int, str] = field(default_factory=dict)
    articles: int = 0
    rejected: int = 0
    complete: bool = False
    seconds: float = 0.0


def stream_partitions(paths, *, partition_mb: float = DEFAULT_PARTITION_MB, errors: str = "collect",
                      unshaped: bool = False, **load_options) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    """``(articles, rejected)`` of each partition of the corpus, in order, read as a stream.

    A partition closes once its texts hold ``partition_mb`` megabytes (UTF-8 is counted as
    characters); it holds whole articles. Rejected records go with the partition being filled.
    ``errors`` and ``load_options`` as for :func:`analysis.corpus.iter_articles`; ``unshaped``:
    the chunks of :func:`analysis.corpus.iter_unshaped` (with ``text_shape``), to be finished by
    :func:`analysis.corpus.shape_chunk`.

    >>> [len(a) for a, _ in stream_partitions(["data"])]
    [1]
    """
    from analysis.corpus import (
        ARTICLE_COLUMNS,
        REJECTED_COLUMNS,
        iter_articles,
        iter_unshaped,
    )

    limit = max(1, int(partition_mb * 1_000_000))
    arts, rejs, chars = [], [], 0
    deferred = unshaped and load_options.get("text_shape", True)
    if deferred:
        load_options = {k: v for k, v in load_options.items() if k != "text_shape"}
        ARTICLE_COLUMNS, REJECTED_COLUMNS = [*ARTICLE_COLUMNS, "position"], [*REJECTED_COLUMNS, "position"]
    reader = iter_unshaped if deferred else iter_articles
    for chunk in reader(paths, chunk_size=LOAD_CHUNK, errors=errors, **load_options):
        if len(chunk.rejected):
            rejs.append(chunk.rejected)
        articles, start = chunk.articles, 0
        lengths = articles["text"].str.len().to_numpy()
        for end, n in enumerate(lengths, 1):
            chars += int(n)
            if chars >= limit:  # the partition is full with this article
                arts.append(articles.iloc[start:end])
                yield _concat(arts, ARTICLE_COLUMNS), _concat(rejs, REJECTED_COLUMNS)
                arts, rejs, chars, start = [], [], 0, end
        if start < len(articles):
            arts.append(articles.iloc[start:])
    if arts or rejs:
        yield _concat(arts, ARTICLE_COLUMNS), _concat(rejs, REJECTED_COLUMNS)


def _concat(frames: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype="datetime64[ns]" if c == "date" else object) for c in columns})
    return frames[0].reset_index(drop=True) if len(frames) == 1 else pd.concat(frames, ignore_index=True)


def _finish_load(rf: RunFolder, k: int, *, shape: bool) -> tuple[pd.DataFrame, dict]:
    """Partition ``k``'s ``articles`` and ``rejected`` written from its staged records (once), and
    the articles with their counts."""
    staged = rf.part_path(STAGED_ARTICLES, k)
    if not staged.exists():  # finished by an earlier attempt
        articles = pd.read_parquet(rf.part_path("articles", k))
        n_rejected = pd.read_parquet(rf.part_path("rejected", k), columns=["origin"]).shape[0]
    else:
        from analysis.corpus import shape_chunk

        articles, rejected = pd.read_parquet(staged), pd.read_parquet(rf.part_path(STAGED_REJECTED, k))
        if shape:
            articles, rejected = shape_chunk(articles, rejected)
        else:
            articles, rejected = articles.drop(columns="position"), rejected.drop(columns="position")
        rf.write_part("rejected", k, rejected)
        rf.write_part("articles", k, articles)
        n_rejected = len(rejected)
        staged.unlink()
        rf.part_path(STAGED_REJECTED, k).unlink(missing_ok=True)
    chars = int(articles["text"].str.len().sum()) if len(articles) else 0
    return articles, {"articles": len(articles), "rejected": n_rejected, "chars": chars}


def _compute_partition(folder: str, k: int, stages: tuple, lang, actors, shape: bool = True) -> dict:
    """Partition ``k`` loaded and its stages computed (runs on a worker): tables written, counts returned."""
    rf = RunFolder(folder)
    loaded = {}
    try:
        articles, loaded = _finish_load(rf, k, shape=shape)
        tables = partition_tables(articles, stages=stages, lang=lang, actors=actors)
    except Exception as exc:  # one partition's failure must not stop the run: reported, retried next run
        log.exception("partition %d failed", k)
        return {"partition": k, "error": f"{type(exc).__name__}: {exc}", "stage": getattr(exc, "stage", "load"),
                "loaded": loaded}
    rows = {}
    for name, df in tables.items():
        rf.write_part(name, k, df)
        rows[name] = len(df)
    del articles, tables
    if _alone_on_worker():
        forget_word_caches()  # a worker's memory stays that of one partition, however many it runs
    return {"partition": k, "rows": rows, "loaded": loaded}


def _alone_on_worker() -> bool:
    """Whether this task runs on a Dask worker with a single thread (no other task shares its caches)."""
    try:
        from distributed import get_worker

        return get_worker().state.nthreads == 1
    except (ImportError, ValueError, AttributeError):
        return False


class _Runner:
    """The state of one call: manifest, pending futures, summary (kept out of :func:`run_corpus`)."""

    def __init__(self, client, rf: RunFolder, manifest: dict, stages: tuple, options: dict, summary: RunSummary):
        self.client, self.rf, self.manifest, self.stages = client, rf, manifest, stages
        self.options, self.summary, self.pending, self.submitted = options, summary, {}, 0

    def submit(self, k: int) -> None:
        if k in self.manifest["done"]:
            self.summary.skipped += 1
            return
        future = self.client.submit(_compute_partition, str(self.rf.path.resolve()), k, self.stages,
                                    self.options["lang"], self.options["actors"], self.options["text_shape"],
                                    key=f"partition-{k:05d}-{id(self):x}", pure=False)
        self.pending[future] = k
        self.submitted += 1

    def record(self, k: int, articles: pd.DataFrame, rejected: pd.DataFrame) -> None:
        """Stage a streamed partition's records (unless an earlier call did) and list it in the manifest."""
        known = self.manifest["partitions"].get(str(k))
        staged = {"staged": len(articles), "staged_rejected": len(rejected)}
        if known is not None and (self.rf.part_path(STAGED_ARTICLES, k).exists()
                                  or self.rf.part_path("articles", k).exists()):
            if {key: known.get(key) for key in staged} != staged:
                raise InputError(f"{self.rf.path}: partition {k} of the corpus differs from the one written before "
                                 "(the input files changed); remove the folder or choose another --out")
            return
        self.rf.write_part(STAGED_REJECTED, k, rejected)
        self.rf.write_part(STAGED_ARTICLES, k, articles)
        self.manifest["partitions"][str(k)] = staged
        self.rf.write_manifest(self.manifest)

    def collect(self, future) -> None:
        """Note a finished partition: done in the manifest, or its records in ``failures``."""
        from distributed import KilledWorker

        k = self.pending.pop(future)
        try:
            result = future.result()
        except KilledWorker as exc:
            result = {"partition": k, "stage": "", "error": f"the workers running it died ({exc}); too little memory?"}
        except Exception as exc:  # a task that could not run at all (e.g. a worker without the folder)
            result = {"partition": k, "stage": "", "error": f"{type(exc).__name__}: {exc}"}
        self.manifest["partitions"][str(k)].update(result.get("loaded") or {})
        if "error" in result:
            self.summary.failed[k] = result["error"]
            self._write_failure(k, result)
            return
        self.rf.part_path(FAILURES, k).unlink(missing_ok=True)
        self.manifest["done"] = sorted({*self.manifest["done"], k})
        self.summary.computed.append(k)
        self.rf.write_manifest(self.manifest)

    def collect_finished(self) -> None:
        for future in [f for f in self.pending if f.done()]:
            self.collect(future)

    def _write_failure(self, k: int, result: dict) -> None:
        staged = self.rf.part_path(STAGED_ARTICLES, k)
        articles = pd.read_parquet(staged if staged.exists() else self.rf.part_path("articles", k),
                                   columns=["article_id", "origin"])
        failures = articles.assign(partition=k, stage=result.get("stage") or "", reason=result["error"])
        self.rf.write_part(FAILURES, k, failures[FAILURE_COLUMNS])
        log.warning("partition %d failed (%d articles, listed in %s): %s", k, len(articles),
                    self.rf.path / FAILURES, result["error"])


def _start_manifest(rf: RunFolder, config: dict) -> dict:
    manifest = rf.read_manifest()
    if manifest is None and rf.path.is_dir() and any(rf.path.iterdir()):
        raise InputError(f"{rf.path}: holds other files and no run.json; "
                         "a run needs an empty or new folder (or one an earlier run wrote)")
    if manifest is None:
        return {"config": config, "load": "running", "partitions": {}, "done": [], "reductions": {}}
    if manifest.get("config") != config:
        before = manifest.get("config") or {}
        differ = sorted(k for k in {*before, *config} if before.get(k) != config.get(k))
        raise InputError(f"{rf.path}: holds a run with other options ({', '.join(differ)} differ); "
                         "use the same options to resume it, or another --out for a new run")
    return manifest


def run_corpus(paths, out, *, stages=None, workers: int | None = None, scheduler: str | None = None, client=None,
               lang: str | None = None, fields: dict | None = None, actors=None, concepts=None,
               neutral: int | None = None, text_shape: bool = True, partition_mb: float = DEFAULT_PARTITION_MB, limit: int | None = None, timeout: float = 5,
               progress: bool = False) -> RunSummary:
    """Run the ``stages`` over the corpus at ``paths`` partition-wise on Dask; tables go to the folder ``out``.

    ``stages``: some of ``load,segment,quotes,actors,tone,terms`` (default all; the stages a stage
    needs are added). ``workers``: processes of a new local cluster (default 2); ``scheduler``: the
    address of a running cluster instead; ``client``: an existing ``distributed.Client``.
    ``lang``, ``fields``, ``text_shape`` as for :func:`analysis.corpus.load_articles`; ``actors`` an
    alias table path for :func:`analysis.quotes.extract_quotes` and the actors; ``concepts`` a concept
    dictionary file for the ``networks`` stage (:func:`analysis.concepts.read_concepts`; default:
    concepts discovered from the quotations); ``neutral`` the agreement of a mention with neither a
    stance construction nor a tone in that stage (1, the default, or 0; :func:`analysis.statements.build_statements`). ``limit``: compute at
    most this many partitions in this call (a later call goes on). Open the result with
    :func:`analysis.run_folder.open_run`.
    """
    started = time.monotonic()
    stages = parse_stages(stages)
    if not 0 < partition_mb < math.inf:  # also NaN
        raise InputError(f"partition_mb: expected a positive size in megabytes, got {partition_mb}")
    if actors is not None:
        from analysis.actors import alias_index

        alias_index(actors)  # a missing or conflicting alias table is an error before any work
    if concepts is not None:
        from analysis.concepts import read_concepts

        read_concepts(Path(concepts))  # so is a malformed concept dictionary
    from analysis.statements import neutral_option

    neutral_option(neutral)  # a wrong value fails before the run starts
    rf = RunFolder(out)
    options = {"lang": lang, "actors": str(Path(actors).resolve()) if actors is not None else None,  # for workers elsewhere
               "text_shape": text_shape}
    config = {"paths": [str(Path(p).resolve()) for p in ([paths] if isinstance(paths, (str, Path)) else paths)],
              "stages": list(stages), "fields": dict(fields or {}), "partition_mb": partition_mb, **options,
              "concepts": str(Path(concepts).resolve()) if concepts is not None else None,
              "neutral": neutral}  # None (the default) as in a run folder written before the option
    manifest = _start_manifest(rf, config)
    stream = None
    if manifest["load"] != "done":  # the first partition is read before a cluster starts: bad input fails fast
        stream = _peeked(stream_partitions(paths, partition_mb=partition_mb, lang=lang, fields=fields,
                                           text_shape=text_shape, unshaped=True))
    summary = RunSummary(folder=rf.path)
    with cluster_client(client, workers=workers, scheduler=scheduler, timeout=timeout) as dask_client:
        rf.path.mkdir(parents=True, exist_ok=True)
        rf.write_manifest(manifest)
        runner = _Runner(dask_client, rf, manifest, stages, options, summary)
        stopped = _submit_all(runner, stream, limit=limit, progress=progress)
        _wait(runner, progress=progress)
        if not stopped:
            failed = reduce_run(rf, manifest, stages, client=dask_client, aliases=actors, concepts=config["concepts"],
                                lang=lang, neutral=config["neutral"])
            for k, result in failed.items():
                summary.failed[k] = result["error"]
                runner._write_failure(k, result)
    for staging in (STAGED_ARTICLES, STAGED_REJECTED):  # gone once every partition is loaded
        with contextlib.suppress(OSError):
            (rf.path / staging).rmdir()
    summary.partitions = len(manifest["partitions"])
    summary.articles = sum(p.get("articles", 0) for p in manifest["partitions"].values())
    summary.rejected = sum(p.get("rejected", 0) for p in manifest["partitions"].values())
    summary.complete = (manifest["load"] == "done" and len(manifest["done"]) == summary.partitions
                        and not summary.failed)
    summary.seconds = time.monotonic() - started
    return summary


def _peeked(stream: Iterator) -> Iterator:
    """``stream`` with its first item read now (so that its errors are raised now)."""
    first = next(stream, None)

    def chained():
        if first is not None:
            yield first
            yield from stream
    return chained()


def _submit_all(runner: _Runner, stream, *, limit, progress: bool) -> bool:
    """Stream (or, when the load is done, list) the partitions and submit those not done; True when
    ``limit`` stopped it before the end of the corpus."""
    manifest = runner.manifest
    budget = limit if limit is not None else float("inf")
    if stream is None:
        for k in sorted(map(int, manifest["partitions"])):
            if k not in manifest["done"] and runner.submitted >= budget:
                return True
            runner.submit(k)
        return False
    bar = tqdm(desc="partitions loaded", unit="part", disable=not progress)
    for k, (articles, rejected) in enumerate(stream):
        if k not in manifest["done"] and runner.submitted >= budget:
            bar.close()
            return True
        runner.record(k, articles, rejected)
        runner.submit(k)
        runner.collect_finished()
        bar.update(1)
    bar.close()
    manifest["load"] = "done"
    runner.rf.write_manifest(manifest)
    return False


def _wait(runner: _Runner, *, progress: bool) -> None:
    from distributed import as_completed

    # each partition is recorded as it finishes, so that a run stopped now keeps what is done
    for future in tqdm(as_completed(list(runner.pending), loop=runner.client.loop), total=len(runner.pending),
                       disable=not progress, desc="partitions", unit="part"):
        runner.collect(future)
