"""Share of attributed quotations whose speaker is no actor, on real corpora.

Reads the first ``--mb`` megabytes of text (default 10) of the Bundestag speeches (German) and
the White House briefing room (English) from ``../shared/corpora/``, extracts quotations and
counts, among quotations with a speaker, those whose speaker is a pronoun, a lower-case fragment
or a function word (:func:`analysis.evaluate.actors.junk_speakers`), and the unresolved ones.
Prints the counts, the shares, the most frequent junk speakers and the top speakers.

    .venv/bin/python benchmarks/junk_speakers.py [--mb 10]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.datasets import shared_dir
from analysis.evaluate.actors import junk_speakers
from analysis.quotes import extract_quotes
from analysis.text_shape import shape_articles

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_quotes import read_corpus

CORPORA = {"bundestag": ("bundestag-wp20-speeches.de.jsonl.gz", "de"),
           "whitehouse": ("whitehouse-briefing-room.en.jsonl.gz", "en")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=10.0)
    args = ap.parse_args()
    for name, (file, lang) in CORPORA.items():
        path = shared_dir() / "corpora" / file
        if not path.exists():
            print(f"{name}: {path} not found, skipped")
            continue
        quotes = extract_quotes(shape_articles(read_corpus(path, args.mb, lang)), lang=lang)  # shaped as load shapes
        attributed = quotes[quotes["speaker"].notna()]
        junk = junk_speakers(attributed, lang=lang)
        bad = attributed[junk != ""]
        print(f"{name}: {len(quotes):,} quotations, {len(attributed):,} with a speaker, "
              f"{(quotes['speaker_resolution'] == 'unresolved').sum():,} unresolved; junk speakers "
              f"{len(bad):,} ({len(bad) / max(len(attributed), 1):.2%}): "
              + ", ".join(f"{k} {v}" for k, v in junk[junk != ""].value_counts().items()))
        print("  most frequent:", ", ".join(f"{k!r} {v}" for k, v in bad["speaker"].value_counts().head(12).items()))
        print("  top speakers:", ", ".join(f"{k!r} {v}" for k, v in attributed["speaker"].value_counts().head(10).items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
