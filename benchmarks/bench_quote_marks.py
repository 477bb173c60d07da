"""Time quotation extraction on one sentence holding many quotation marks, to see how it grows.

Two hostile shapes, each at 5,000, 10,000, 20,000 and 40,000 marks in a single sentence (no full stop inside):
``fragments`` (one-word quoted words, „Wort1“ und „Wort2“ …, which the fragment and nested rules
look at) and ``passages`` (three-word quoted passages after commas, which become direct quotations
and have their frame searched). Prints seconds (CPU) per size and the ratio to the previous size;
a ratio near 2 for each doubling is linear, near 4 quadratic. A benchmark, not a timed test:
the frames of direct quotations are at most ``FRAME_TOKENS`` tokens long (analysis/quotes/direct.py).

    .venv/bin/python benchmarks/bench_quote_marks.py [--max 40000]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.quotes import extract_quotes  # noqa: E402
from analysis.segment import segment  # noqa: E402

SHAPES = {
    "fragments": lambda n: "Er sagte " + " ".join(f"„Wort{i}“ und" for i in range(n // 2)) + " Ende.",
    "passages": lambda n: "Er sagte, " + ", ".join(f"„Eins zwei drei{i}“" for i in range(n // 2)) + " Ende.",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max", type=int, default=40_000, help="largest number of quotation marks")
    args = ap.parse_args()
    for shape, make in SHAPES.items():
        previous = None
        n = 5_000
        while n <= args.max:
            art = pd.DataFrame({"article_id": ["a"], "lang": ["de"], "text": [make(n)]})
            sentences, tokens = segment(art)
            t = time.process_time()
            found = len(extract_quotes(art, sentences, tokens))
            took = time.process_time() - t
            ratio = f"  ×{took / previous:.1f}" if previous else ""
            print(f"{shape:9} {n:6} marks: {took:6.2f} s CPU, {found} quotations{ratio}")
            previous, n = took, n * 2


if __name__ == "__main__":
    main()
