"""Sentences before and after text shaping (re-flow + markup removal), and its throughput.

    python benchmarks/bench_text_shape.py [CORPUS] [--mb N] [--lang en]

Default corpus: ../shared/corpora/whitehouse-briefing-room.en.jsonl.gz (pandoc markdown wrapped
at 72 characters). Reads the first N MB of text as the file holds it, counts the records that
are hard-wrapped (:func:`analysis.text_shape.wrap_width`) and those with markup, and prints the
sentence count and mean tokens per sentence of the raw and the shaped text, and the MB of text
shaped per CPU second (shaping only, without segmentation).
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench_quotes import read_corpus

from analysis.datasets import shared_dir
from analysis.segment import segment
from analysis.text_shape import shape_articles, wrap_width

DEFAULT = shared_dir() / "corpora" / "whitehouse-briefing-room.en.jsonl.gz"


def _sentences(articles) -> tuple[int, float]:
    sentences, tokens = segment(articles)
    words = tokens[~tokens["is_punct"]]
    return len(sentences), len(words) / max(len(sentences), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT))
    parser.add_argument("--mb", type=float, default=5.0, help="MB of text to read (default 5)")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    if not Path(args.corpus).exists():
        raise SystemExit(f"corpus not found: {args.corpus} (set ANALYSIS_SHARED or pass a path)")
    raw = read_corpus(Path(args.corpus), args.mb, lang=args.lang)
    raw = raw[raw["text"].str.strip() != ""].reset_index(drop=True)
    mb = raw["text"].str.encode("utf-8").str.len().sum() / 1e6
    cpu0 = time.process_time()
    shaped = shape_articles(raw)
    cpu = time.process_time() - cpu0
    wrapped = sum(wrap_width(t.split("\n")) is not None for t in raw["text"])
    marked = shaped["text_shape"].str.contains("entities|tags|links|images|emphasis").sum()
    n_raw, mean_raw = _sentences(raw)
    n_shaped, mean_shaped = _sentences(shaped)
    print(f"corpus      {args.corpus}, first {mb:.1f} MB, {len(raw):,} records")
    print(f"records     {wrapped:,} hard-wrapped, {marked:,} with markup removed")
    print(f"raw         {n_raw:,} sentences, {mean_raw:.1f} words per sentence")
    print(f"shaped      {n_shaped:,} sentences, {mean_shaped:.1f} words per sentence")
    print(f"shaping     {cpu:.1f} CPU s, {mb / cpu:.2f} MB per CPU second")


if __name__ == "__main__":
    main()
