"""Actors on real text: how many one-word person names stay split from their full name, and the
throughput of the whole attribution (segmentation, quotations, speakers, actors).

Corpora (from ``../shared``): the German news quotation dataset (train and dev, 850 news
articles) and the first ``--mb`` megabytes (default 10) of the Bundestag speeches.

*Split one-word names*: actors whose name is one capitalised word (kind person or other) while
the table holds a person actor of two or more words ending in that word. Those flagged
``ambiguous`` (two such full names) are counted apart: they are kept apart on purpose.
*Throughput*: MB of text per CPU second (``time.process_time``) for ``segment`` +
``extract_quotes`` + ``build_actors``, and for ``build_actors`` alone.

    .venv/bin/python benchmarks/bench_actor_corpus.py [--mb 10]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.actors import build_actors
from analysis.datasets import read_gold, shared_dir
from analysis.quotes import extract_quotes
from analysis.segment import segment

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_quotes import read_corpus


def split_short_names(actors: pd.DataFrame) -> tuple[int, int, int]:
    """(one-word names with a full person name ending in them, of them split, of them ambiguous)."""
    full = actors[(actors["kind"] == "person") & (actors["name"].str.count(" ") >= 1)]
    last = set(full["name"].str.split().str[-1])
    one = actors[~actors["name"].str.contains(" ") & actors["name"].str[:1].str.isupper()
                 & actors["kind"].isin(["person", "other"]) & actors["name"].isin(last)]
    return len(one), int((~one["ambiguous"]).sum()), int(one["ambiguous"].sum())


def measure(name: str, articles: pd.DataFrame) -> None:
    mb = articles["text"].str.encode("utf-8").str.len().sum() / 1e6
    c0 = time.process_time()
    sentences, tokens = segment(articles)
    quotes = extract_quotes(articles, sentences=sentences, tokens=tokens)
    c1 = time.process_time()
    actors, quotes = build_actors(quotes, articles=articles)
    c2 = time.process_time()
    with_full, split, ambiguous = split_short_names(actors)
    attributed = quotes["actor_id"].notna().sum()
    print(f"{name}: {len(articles):,} articles, {mb:.1f} MB, {len(quotes):,} quotations, {attributed:,} with an "
          f"actor, {len(actors):,} actors")
    print(f"  one-word names with a full person name in the corpus: {with_full}; split {split} "
          f"({split / max(with_full, 1):.1%} of them), kept apart as ambiguous {ambiguous}")
    print(f"  throughput: segment+quotes+actors {mb / (c2 - c0):.2f} MB per CPU s; "
          f"build_actors alone {mb / max(c2 - c1, 1e-9):.1f} MB per CPU s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=10.0)
    args = ap.parse_args()
    gnq = [read_gold("german-news-quotes", split).articles for split in ("train", "dev")]
    measure("german news (train+dev)", pd.concat(gnq, ignore_index=True))
    path = shared_dir() / "corpora" / "bundestag-wp20-speeches.de.jsonl.gz"
    if path.exists():
        measure(f"bundestag ({args.mb:g} MB)", read_corpus(path, args.mb))
    return 0


if __name__ == "__main__":
    sys.exit(main())
