"""Throughput and peak memory of load + sentences + tokens + lemmas, streamed in chunks.

    python benchmarks/bench_segment.py [CORPUS] [--limit-mb N] [--chunk-size N]

Default corpus: ../shared/corpora/bundestag-wp20-speeches.de.jsonl.gz. Prints MB of article
text per CPU second of this process (the figure to report: it does not depend on what else
runs on the machine), per wall-clock second, and the peak resident set size.
"""
from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from analysis.corpus import iter_articles
from analysis.datasets import shared_dir
from analysis.segment import segment

DEFAULT = shared_dir() / "corpora" / "bundestag-wp20-speeches.de.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT))
    parser.add_argument("--limit-mb", type=float, default=None, help="stop after this many MB of text")
    parser.add_argument("--chunk-size", type=int, default=500)
    args = parser.parse_args()
    if not Path(args.corpus).exists():
        raise SystemExit(f"corpus not found: {args.corpus} (set ANALYSIS_SHARED or pass a path)")
    chars = n_articles = n_sentences = n_tokens = n_rejected = 0
    t0, cpu0 = time.perf_counter(), time.process_time()
    for chunk in iter_articles([args.corpus], chunk_size=args.chunk_size, errors="collect"):
        sentences, tokens = segment(chunk.articles)
        chars += int(chunk.articles["text"].str.len().sum())
        n_articles += len(chunk.articles)
        n_rejected += len(chunk.rejected)
        n_sentences += len(sentences)
        n_tokens += len(tokens)
        if args.limit_mb and chars / 1e6 >= args.limit_mb:
            break
    seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus      {args.corpus}")
    print(f"articles    {n_articles:,} loaded, {n_rejected:,} rejected")
    print(f"text        {chars / 1e6:.1f} MB (characters / 1e6)")
    print(f"sentences   {n_sentences:,}   tokens {n_tokens:,}")
    print(f"CPU time    {cpu:.1f} s   throughput {chars / 1e6 / cpu:.2f} MB per CPU second")
    print(f"wall time   {seconds:.1f} s   throughput {chars / 1e6 / seconds:.2f} MB/s")
    print(f"peak RSS    {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
