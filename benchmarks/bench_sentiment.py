"""Throughput of the sentiment engine.

1. English: the same sentences scored by vaderSentiment's ``SentimentIntensityAnalyzer`` and
   by :func:`analysis.sentiment.score_sentiment` (with and without explanations);
   sentences per second and the speed-up (target ≥ 5×).
2. German: the first ~10 MB of text of the Bundestag speeches, one speech per unit (long units
   are scored per sentence inside the engine); MB/s on one core (target ≥ 2 MB/s), with and
   without building the ``hits`` explanations; peak RSS.

    .venv/bin/python benchmarks/bench_sentiment.py [--mb 10] [--en-sentences 20000]

Reads ../shared (or $ANALYSIS_SHARED); prints one line per measurement.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402

from analysis.evaluate.sentiment import read_vader_nyt, shared_dir  # noqa: E402
from analysis.sentiment import lexicon, polarity_only, score_sentiment  # noqa: E402

SENT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def english_sentences(n: int) -> list[str]:
    """NYT editorial snippets, topped up with White House sentences up to ``n``."""
    out = read_vader_nyt()["text"].tolist()
    path = shared_dir() / "corpora" / "whitehouse-briefing-room.en.jsonl.gz"
    if len(out) < n and path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line).get("text") or ""
                out.extend(s for s in SENT_RE.split(text) if len(s) > 20)
                if len(out) >= n:
                    break
    return out[:n]


def german_units(mb: float) -> list[str]:
    path = shared_dir() / "corpora" / "bundestag-wp20-speeches.de.jsonl.gz"
    texts, size = [], 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            t = json.loads(line).get("text") or ""
            texts.append(t)
            size += len(t.encode("utf-8"))
            if size >= mb * 1e6:
                break
    return texts


def timed(fn, *args, repeat: int = 1, **kw) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()  # CPU time of this process: robust to other load on the machine
        fn(*args, **kw)
        best = min(best, time.process_time() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0, help="MB of Bundestag text (default 10)")
    ap.add_argument("--en-sentences", type=int, default=20000)
    args = ap.parse_args()

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    lexicon("en"), lexicon("de")  # load once, outside the timings
    sents = english_sentences(args.en_sentences)
    sia = SentimentIntensityAnalyzer()
    t_vader = timed(lambda: [sia.polarity_scores(s) for s in sents], repeat=2)
    polarity_only(sents, "en")  # warm the per-type cache, as a corpus run would after its first pages
    t_fast = timed(polarity_only, sents, "en", repeat=2)
    df = pd.DataFrame({"text": sents})
    t_full = timed(score_sentiment, df, lang="en", repeat=2)
    t_nohits = timed(score_sentiment, df, lang="en", hits=False, repeat=2)
    n = len(sents)
    print(f"english: {n} sentences")
    print(f"  vaderSentiment             {n / t_vader:10.0f} sentences/s")
    print(f"  polarity_only              {n / t_fast:10.0f} sentences/s  ({t_vader / t_fast:.1f}x vader)")
    print(f"  score_sentiment, hits=False{n / t_nohits:10.0f} sentences/s  ({t_vader / t_nohits:.1f}x vader)")
    print(f"  score_sentiment, with hits {n / t_full:10.0f} sentences/s  ({t_vader / t_full:.1f}x vader)")

    units = german_units(args.mb)
    mbytes = sum(len(t.encode("utf-8")) for t in units) / 1e6
    t_cold = timed(polarity_only, units, "de")  # first pass fills the per-type cache
    t_de = timed(polarity_only, units, "de", repeat=2)
    dfu = pd.DataFrame({"text": units})
    t_de_hits = timed(score_sentiment, dfu, lang="de", repeat=1)
    print(f"german: {len(units)} speeches, {mbytes:.1f} MB")
    print(f"  polarity_only, first pass  {mbytes / t_cold:6.2f} MB/s")
    print(f"  polarity_only, warm cache  {mbytes / t_de:6.2f} MB/s")
    print(f"  score_sentiment with hits  {mbytes / t_de_hits:6.2f} MB/s")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
