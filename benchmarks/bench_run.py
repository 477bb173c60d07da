"""Throughput, CPU time and peak memory per worker of ``python -m analysis run`` on 1 and 2 workers.

    python benchmarks/bench_run.py [--mb 200] [--partition-mb 4] [--stages ...] [--double] [--check-mb 5] [--kill-mb 20 --kill-after 60]

The corpus: speeches and briefings from ../shared/corpora/ (Bundestag and White House records
taken in turn), repeated under new ids until it holds ``--mb`` megabytes of article text, written
once as JSON Lines to ``--work``. Each run starts a fresh local cluster; the figures are:

- wall time and MB of text per second, for 1 and 2 workers, and their ratio (the speed-up);
- CPU seconds of the workers and of this process (loader, scheduler, reductions), and MB per CPU
  second (the single-core throughput, which does not depend on what else runs on the machine);
- peak resident memory of each worker and of this process during the run (``VmHWM``);
- whether the 1- and 2-worker runs wrote identical tables (Parquet part by part);
- ``--double``: the 2-worker run again on twice the corpus (peak memory per worker should stay flat);
- ``--check-mb``: a run on a small corpus compared with the single-process functions;
- ``--kill-mb MB``: a run of the command line on that many MB killed (SIGKILL) ``--kill-after``
  seconds in and run again, compared with an uninterrupted run;
- ``--spacy MB``: segmentation alone on one core, :func:`analysis.segment.segment` beside spaCy's
  blank German pipeline (tokenizer and sentencizer; needs ``pip install spacy``);
- ``--one-partition MB``: only the peak memory of this process computing and writing the first
  partition of that size twice (no cluster), the figure for sizing partitions.

The machine may be shared: the wall-time figures then include waiting for the CPU; the CPU
seconds and the load average printed beside them say how much.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from analysis.cluster import connect
from analysis.datasets import shared_dir
from analysis.pipeline import run_corpus
from analysis.run_folder import CORPUS_TABLES, PARTITION_TABLES, RunFolder, open_run

CORPORA = ["bundestag-wp20-speeches.de.jsonl.gz", "whitehouse-briefing-room.en.jsonl.gz"]


def _records(path: Path, round_: int):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if round_:
                record["id"] = f"{record['id']}~r{round_}"
            yield record


def make_corpus(mb: float, out: Path) -> Path:
    """JSON Lines with ``mb`` MB of text: the two corpora's records in turn, repeated under new ids."""
    if out.exists():
        return out
    folder = shared_dir() / "corpora"
    chars, limit = 0, mb * 1e6
    tmp = out.with_suffix(".part")
    with open(tmp, "w", encoding="utf-8") as f:
        for round_ in itertools.count():
            streams = [_records(folder / name, round_) for name in CORPORA]
            for record in (r for pair in itertools.zip_longest(*streams) for r in pair if r is not None):
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
                chars += len(record.get("text") or "")
                if chars >= limit:
                    tmp.rename(out)
                    return out


def _peak_mb() -> float:
    """This process' peak resident memory (``VmHWM``: its own, where ``ru_maxrss`` of a spawned
    worker also holds the memory of the process it was forked from)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak() -> None:
    """Start this process' peak memory afresh (Linux: ``5`` written to ``/proc/self/clear_refs``)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def _worker_usage() -> dict:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu": usage.ru_utime + usage.ru_stime, "peak_mb": _peak_mb()}


def measure(corpus: Path, out: Path, *, workers: int, partition_mb: float, stages: str | None) -> dict:
    """One run on a fresh local cluster of ``workers``: wall and CPU time, peak memory."""
    shutil.rmtree(out, ignore_errors=True)
    own0 = resource.getrusage(resource.RUSAGE_SELF)
    _reset_peak()
    client = connect(workers=workers)
    try:
        load0 = os.getloadavg()[0]
        t0 = time.perf_counter()
        summary = run_corpus([corpus], out, client=client, partition_mb=partition_mb, stages=stages)
        wall = time.perf_counter() - t0
        per_worker = list(client.run(_worker_usage).values())
        load1 = os.getloadavg()[0]
    finally:
        cluster = client.cluster
        client.close()
        cluster.close()
    own1 = resource.getrusage(resource.RUSAGE_SELF)
    chars = sum(p["chars"] for p in open_run(out).manifest["partitions"].values())
    worker_cpu = sum(w["cpu"] for w in per_worker)
    own_cpu = (own1.ru_utime + own1.ru_stime) - (own0.ru_utime + own0.ru_stime)
    return {"workers": workers, "mb": chars / 1e6, "partitions": summary.partitions, "articles": summary.articles,
            "failed": len(summary.failed), "wall_s": wall, "mb_per_s": chars / 1e6 / wall,
            "worker_cpu_s": worker_cpu, "client_cpu_s": own_cpu,
            "mb_per_cpu_s": chars / 1e6 / (worker_cpu + own_cpu),
            "worker_peak_mb": max(w["peak_mb"] for w in per_worker), "client_peak_mb": _peak_mb(),
            "load_avg": f"{load0:.1f}->{load1:.1f}"}


def same_tables(a: Path, b: Path) -> bool:
    """Whether two run folders hold the same tables, part by part."""
    ra, rb = RunFolder(a), RunFolder(b)
    for table in [*PARTITION_TABLES, *CORPUS_TABLES]:
        fa, fb = ra.part_files(table), rb.part_files(table)
        if [f.name for f in fa] != [f.name for f in fb]:
            return False
        if not all(pq.read_table(x).equals(pq.read_table(y)) for x, y in zip(fa, fb)):
            return False
    return True


def check_single_process(corpus: Path, folder: Path) -> list[str]:
    """The tables of ``folder`` that differ from the single-process functions on ``corpus``."""
    from analysis import build_actors, extract_quotes, load_articles, segment
    from analysis.networks import discourse_network
    from analysis.run_folder import _with_lists
    from analysis.stages import RUN_NETWORKS, TERM_OPTIONS, tone_table
    from analysis.statements import build_statements
    from analysis.terms import frequencies

    articles, rejected = load_articles([corpus], errors="collect")
    sentences, tokens = segment(articles)
    actors, quotes = build_actors(extract_quotes(articles, sentences, tokens), articles=articles)
    statements = build_statements(quotes, articles=articles, actors=actors)
    nets = {name: discourse_network(statements, type=name) for name in RUN_NETWORKS}
    expected = {"articles": articles, "rejected": rejected, "sentences": sentences, "tokens": tokens,
                "quotes": quotes, "tone": tone_table(sentences, articles), "actors": actors,
                "terms": frequencies(tokens, **TERM_OPTIONS), "statements": statements,
                "network_nodes": pd.concat([n.nodes.assign(network=k) for k, n in nets.items()], ignore_index=True),
                "network_edges": pd.concat([n.edges.assign(network=k) for k, n in nets.items()], ignore_index=True)}
    run, differ = open_run(folder), []
    for name, table in expected.items():
        path = folder / f".expected-{name}.parquet"
        table.reset_index(drop=True).to_parquet(path, index=False)
        try:
            pd.testing.assert_frame_equal(run.table(name), _with_lists(pd.read_parquet(path)))
        except AssertionError:
            differ.append(name)
        path.unlink()
    return differ


def one_partition(corpus: Path, mb: float, folder: Path) -> None:
    """Peak memory of computing and writing one partition of ``mb`` MB (twice) in this process."""
    from analysis.pipeline import stream_partitions
    from analysis.stages import STAGES, partition_tables

    articles, _ = next(stream_partitions([corpus], partition_mb=mb))
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rf = RunFolder(folder)
    for n in range(2):
        cpu = time.process_time()
        for name, df in partition_tables(articles, stages=STAGES).items():
            rf.write_part(name, 0, df)
        print(f"one partition of {articles['text'].str.len().sum() / 1e6:.2f} MB, pass {n + 1}: "
              f"CPU {time.process_time() - cpu:.1f} s, peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB "
              f"({base:.0f} MB before)", flush=True)


def segmentation_beside_spacy(corpus: Path, mb: float) -> None:
    """MB per CPU second of :func:`analysis.segment.segment` and of spaCy's blank German pipeline
    (tokenizer and rule-based sentencizer, no model) on the German articles of the first ``mb`` MB."""
    import spacy

    from analysis import segment
    from analysis.pipeline import stream_partitions

    articles, _ = next(stream_partitions([corpus], partition_mb=2 * mb))
    articles = articles[articles["lang"] == "de"]
    articles = articles[articles["text"].str.len().cumsum() <= mb * 1e6]
    size = articles["text"].str.len().sum() / 1e6
    segment(articles.head(1))  # both warmed up: simplemma's dictionary, spaCy's tokenizer
    cpu = time.process_time()
    sentences, tokens = segment(articles)
    ours = time.process_time() - cpu
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    list(nlp.pipe(articles["text"].head(1).tolist()))
    cpu = time.process_time()
    n_sents = n_toks = 0
    for doc in nlp.pipe(articles["text"].tolist(), batch_size=64):
        n_sents += sum(1 for _ in doc.sents)
        n_toks += len(doc)
    theirs = time.process_time() - cpu
    print(f"segmentation of {size:.1f} MB of German text on one core: segment {size / ours:.2f} MB/s "
          f"({len(sentences):,} sentences, {len(tokens):,} tokens, lemmas and stopwords included); "
          f"spaCy {spacy.__version__} blank('de') + sentencizer {size / theirs:.2f} MB/s "
          f"({n_sents:,} sentences, {n_toks:,} tokens)", flush=True)


def killed_and_resumed(corpus: Path, work: Path, *, after: float, partition_mb: float) -> None:
    """``python -m analysis run`` killed (SIGKILL to it, its scheduler and workers) ``after``
    seconds in, then the same command again to its end, compared with an uninterrupted run."""
    def command(out: Path) -> list[str]:
        return [sys.executable, "-m", "analysis", "run", str(corpus), "--out", str(out), "--workers", "2",
                "--partition-mb", str(partition_mb)]

    whole, killed = work / "run-whole", work / "run-killed"
    for folder in (whole, killed):
        shutil.rmtree(folder, ignore_errors=True)
    subprocess.run(command(whole), check=True, capture_output=True)
    job = subprocess.Popen(command(killed), start_new_session=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    time.sleep(after)
    os.killpg(job.pid, signal.SIGKILL)
    job.wait()
    manifest = RunFolder(killed).read_manifest() or {}
    t0 = time.perf_counter()
    subprocess.run(command(killed), check=True, capture_output=True)
    print(f"killed after {after:g} s with {len(manifest.get('done', []))} of "
          f"{len(RunFolder(whole).read_manifest()['partitions'])} partitions done (load {manifest.get('load')}); "
          f"resumed in {time.perf_counter() - t0:.1f} s; identical to an uninterrupted run: "
          f"{same_tables(whole, killed)}", flush=True)


def _row(r: dict) -> str:
    return (f"{r['workers']:>2} workers  {r['mb']:7.1f} MB  {r['partitions']:4d} parts  {r['wall_s']:7.1f} s wall  "
            f"{r['mb_per_s']:.3f} MB/s  CPU {r['worker_cpu_s']:7.1f} s workers + {r['client_cpu_s']:6.1f} s client "
            f"= {r['mb_per_cpu_s']:.3f} MB/CPU-s  peak {r['worker_peak_mb']:5.0f} MB/worker, "
            f"{r['client_peak_mb']:5.0f} MB client  load {r['load_avg']}  failed {r['failed']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=200)
    parser.add_argument("--partition-mb", type=float, default=4)
    parser.add_argument("--stages", default=None, help="comma-separated stages (default: all)")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2; \"\" for none)")
    parser.add_argument("--double", action="store_true", help="also run 2 workers on twice the corpus")
    parser.add_argument("--check-mb", type=float, default=0, help="compare a run on this many MB with single-process")
    parser.add_argument("--kill-mb", type=float, default=0, metavar="MB",
                        help="a run on this many MB killed after --kill-after seconds and resumed")
    parser.add_argument("--kill-after", type=float, default=60)
    parser.add_argument("--one-partition", type=float, default=0, metavar="MB",
                        help="only measure one partition of this size in this process")
    parser.add_argument("--spacy", type=float, default=0, metavar="MB",
                        help="also segment this many MB of German text with segment and with spaCy's blank pipeline")
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench_run"))
    args = parser.parse_args()
    if not (shared_dir() / "corpora").is_dir():
        raise SystemExit(f"corpora not found in {shared_dir()} (set ANALYSIS_SHARED)")
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"cores {os.cpu_count()}, load average at start {os.getloadavg()[0]:.1f}; stages {args.stages or 'all'}, "
          f"partitions of {args.partition_mb} MB", flush=True)
    corpus = make_corpus(args.mb, args.work / f"corpus-{args.mb:g}mb.jsonl")
    if args.one_partition:
        return one_partition(corpus, args.one_partition, args.work / "one-partition")
    results = {}
    for w in (map(int, args.workers.split(",")) if args.workers else ()):  # --workers "": none
        results[w] = measure(corpus, args.work / f"run-{w}w", workers=w, partition_mb=args.partition_mb,
                             stages=args.stages)
        print(_row(results[w]), flush=True)
    if 1 in results and 2 in results:
        print(f"speed-up 2 vs 1 worker: {results[2]['mb_per_s'] / results[1]['mb_per_s']:.2f}x wall; "
              f"identical tables: {same_tables(args.work / 'run-1w', args.work / 'run-2w')}", flush=True)
    if args.double:
        big = make_corpus(2 * args.mb, args.work / f"corpus-{2 * args.mb:g}mb.jsonl")
        print(_row(measure(big, args.work / "run-2w-double", workers=2, partition_mb=args.partition_mb,
                           stages=args.stages)), flush=True)
    if args.spacy:
        segmentation_beside_spacy(corpus, args.spacy)
    if args.kill_mb:
        small = make_corpus(args.kill_mb, args.work / f"corpus-{args.kill_mb:g}mb.jsonl")
        killed_and_resumed(small, args.work, after=args.kill_after, partition_mb=min(args.partition_mb, args.kill_mb / 8))
    if args.check_mb:  # last: the single-process tables raise the peak memory of this process
        small = make_corpus(args.check_mb, args.work / f"corpus-{args.check_mb:g}mb.jsonl")
        measure(small, args.work / "check", workers=2, partition_mb=min(args.partition_mb, args.check_mb / 3),
                stages=args.stages)
        differ = check_single_process(small, args.work / "check")
        print(f"{args.check_mb:g} MB: run vs single-process functions: {'identical' if not differ else 'DIFFER: ' + ', '.join(differ)}",
              flush=True)


if __name__ == "__main__":
    main()
