"""Throughput of quotation extraction on the Bundestag speeches (German).

Reads the first ``--mb`` megabytes of text (default 10) from
``../shared/corpora/bundestag-wp20-speeches.de.jsonl.gz``, then times segmentation
(:func:`analysis.segment.segment`) and quotation extraction
(:func:`analysis.quotes.extract_quotes` on the segmented tables) separately and together, on
one core. Prints MB/s (megabytes of UTF-8 text per second) by wall clock and per CPU second
(``time.process_time``, the fair figure on a shared machine) and peak RSS. A second run on half
the text shows whether time grows linearly.

    .venv/bin/python benchmarks/bench_quotes.py [--mb 10] [--repeat 3] [--path FILE]
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.quotes import extract_quotes
from analysis.segment import segment


def read_corpus(path: Path, megabytes: float, lang: str = "de") -> pd.DataFrame:
    """The first ``megabytes`` of text of a JSON Lines corpus, as articles of language ``lang``
    with the record's title, ``date`` and ``source`` (as the loader passes them: the office holder of
    "the President" is looked up by the date) and ``meta.*`` fields (``meta.speaker``);
    a record id seen before gets its line number appended (the corpus repeats some ids, and
    tables are joined by article id)."""
    rows, size, seen = [], 0, set()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text = rec.get("text") or ""
            article_id = str(rec.get("id", len(rows)))
            if article_id in seen:
                article_id = f"{article_id}#{len(rows)}"
            seen.add(article_id)
            meta = rec.get("meta") if isinstance(rec.get("meta"), dict) else {}
            rows.append({"article_id": article_id, "lang": lang, "title": rec.get("title") or "", "text": text,
                         "date": rec.get("date"), "source": rec.get("source"),
                         **{f"meta.{k}": v for k, v in meta.items()}})
            size += len(text.encode("utf-8"))
            if size >= megabytes * 1e6:
                break
    return pd.DataFrame(rows)


def run(articles: pd.DataFrame, repeat: int = 1) -> dict:
    mb = articles["text"].str.encode("utf-8").str.len().sum() / 1e6
    w0, c0 = time.perf_counter(), time.process_time()
    sentences, tokens = segment(articles)
    w1, c1 = time.perf_counter(), time.process_time()
    walls, cpus = [], []
    for _ in range(repeat):
        w2, c2 = time.perf_counter(), time.process_time()
        quotes = extract_quotes(articles, sentences, tokens)
        walls.append(time.perf_counter() - w2)
        cpus.append(time.process_time() - c2)
    return {"mb": mb, "articles": len(articles), "quotes": len(quotes),
            "segment_s": w1 - w0, "quotes_s": statistics.median(walls), "segment_cpu": c1 - c0,
            "quotes_cpu": statistics.median(cpus), "quotes_cpu_all": cpus}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = Path(os.environ.get("ANALYSIS_SHARED", ROOT.parent / "shared"))
    ap.add_argument("--path", type=Path, default=shared / "corpora" / "bundestag-wp20-speeches.de.jsonl.gz")
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--repeat", type=int, default=1,
                    help="time extract_quotes this many times on the same tables; the median is printed")
    args = ap.parse_args()
    if not args.path.exists():
        sys.exit(f"corpus not found: {args.path}")
    articles = read_corpus(args.path, args.mb)
    half = articles.iloc[: len(articles) // 2]
    for label, part in (("half", half), ("full", articles)):
        r = run(part, args.repeat)
        mb = r["mb"]
        print(f"{label}: {mb:.1f} MB, {r['articles']} speeches, {r['quotes']} quotations")
        print(f"  extract_quotes: {r['quotes_s']:.1f} s wall, {r['quotes_cpu']:.1f} s CPU -> "
              f"{mb / r['quotes_s']:.2f} MB/s wall, {mb / r['quotes_cpu']:.2f} MB/s per CPU second")
        if args.repeat > 1:
            runs = ", ".join(f"{mb / c:.2f}" for c in r["quotes_cpu_all"])
            print(f"    (median of {args.repeat} runs; MB/s per CPU second of each: {runs})")
        print(f"  segment:        {r['segment_s']:.1f} s wall, {r['segment_cpu']:.1f} s CPU -> "
              f"{mb / r['segment_s']:.2f} MB/s wall, {mb / r['segment_cpu']:.2f} MB/s per CPU second")
        both = r['quotes_cpu'] + r['segment_cpu']
        print(f"  segment + quotes: {mb / both:.2f} MB/s per CPU second")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
