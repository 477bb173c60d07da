"""Discourse networks of the whole Bundestag corpus: throughput and peak memory.

Streams ``../shared/corpora/bundestag-wp20-speeches.de.jsonl.gz`` in chunks of ``--chunk``
speeches (default 500; the first ``--mb`` megabytes, default all), codes each chunk's statements
(``extract_quotes`` → ``build_actors`` → ``build_statements`` with the dictionary
``benchmarks/concepts/bundestag.yaml``, or ``--discover``) and keeps only the statements, so that
memory is bounded by a chunk and the statements; then computes the two-mode, congruence, conflict
and subtract networks of all statements. Actors are merged within a chunk (the same name gives the
same ``actor_id`` in every chunk; a short name is not merged into a full name of another chunk).

Prints MB of text, statements, wall and CPU seconds, MB per wall second and the peak resident
memory (``ru_maxrss``) of the process.

    .venv/bin/python benchmarks/bench_networks.py [--mb 10] [--chunk 500]
"""
from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import time
from pathlib import Path

import pandas as pd
from tqdm import tqdm

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.actors import build_actors  # noqa: E402
from analysis.concepts import read_concepts  # noqa: E402
from analysis.datasets import shared_dir  # noqa: E402
from analysis.networks import discourse_network  # noqa: E402
from analysis.quotes import extract_quotes  # noqa: E402
from analysis.statements import build_statements  # noqa: E402

CORPUS = "bundestag-wp20-speeches.de.jsonl.gz"


def chunks(path: Path, size: int, megabytes: float | None):
    """Articles of ``size`` records at a time, until ``megabytes`` of text (None: the whole file)."""
    rows, total, seen = [], 0, set()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            rec = json.loads(line)
            text = rec.get("text") or ""
            article_id = str(rec.get("id", n))
            article_id = f"{article_id}#{n}" if article_id in seen else article_id
            seen.add(article_id)
            rows.append({"article_id": article_id, "lang": "de", "date": pd.to_datetime(rec.get("date"), errors="coerce"),
                         "speaker": (rec.get("meta") or {}).get("speaker"),  # the speech's speaker, as load reads it
                         "text": text})
            total += len(text.encode("utf-8"))
            if len(rows) == size:
                yield pd.DataFrame(rows), total
                rows = []
            if megabytes is not None and total >= megabytes * 1e6:
                break
    if rows:
        yield pd.DataFrame(rows), total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=None, help="stop after this many MB of text (default: all)")
    ap.add_argument("--chunk", type=int, default=500)
    ap.add_argument("--discover", action="store_true", help="discover concepts per chunk instead of the dictionary")
    args = ap.parse_args()
    path = shared_dir() / "corpora" / CORPUS
    if not path.exists():
        print(f"corpus not found: {path}")
        return 1
    concepts = None if args.discover else read_concepts(ROOT / "benchmarks" / "concepts" / "bundestag.yaml")
    w0, c0 = time.perf_counter(), time.process_time()
    parts, mb, n_articles, n_quotes = [], 0.0, 0, 0
    bar = tqdm(unit="MB", desc="statements")
    for articles, total in chunks(path, args.chunk, args.mb):
        quotes = extract_quotes(articles, lang="de")
        actors, quotes = build_actors(quotes, articles=articles)
        parts.append(build_statements(quotes, articles=articles, actors=actors, concepts=concepts, lang="de")
                     .drop(columns=["text"]))
        n_articles, n_quotes = n_articles + len(articles), n_quotes + len(quotes)
        bar.update(total / 1e6 - mb)
        mb = total / 1e6
    bar.close()
    statements = pd.concat(parts, ignore_index=True)
    w1, c1 = time.perf_counter(), time.process_time()
    sizes = {}
    for kind in ("two-mode", "congruence", "conflict", "subtract"):
        net = discourse_network(statements, type=kind, duplicates="document")
        sizes[kind] = (len(net.nodes), len(net.edges))
    w2 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n_articles:,} speeches, {mb:.1f} MB of text, {n_quotes:,} quotations, {len(statements):,} statements "
          f"of {statements['actor'].nunique():,} actors on {statements['concept'].nunique()} concepts")
    print(f"statements: {w1 - w0:.0f} s wall, {c1 - c0:.0f} s CPU, {mb / (w1 - w0):.2f} MB/s (wall)")
    print(f"networks (four types): {w2 - w1:.2f} s wall; " + ", ".join(f"{k} {n} nodes / {e} edges"
                                                                     for k, (n, e) in sizes.items()))
    print(f"peak memory (max RSS): {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
