"""Peak memory of loading a file with one huge record, which the loader must reject by size while
streaming (limit: 4 x ``max_chars`` bytes per JSON line or CSV record, 80 MB by default).

Writes, in a temporary folder, a JSON Lines file and a CSV file each holding a small record, one
record of ``--mb`` megabytes and another small record; loads each with ``load_articles`` and prints
the records loaded and rejected and the peak of memory allocated by Python (tracemalloc) meanwhile.
A peak near the size of the huge record would mean it was held whole.

    .venv/bin/python benchmarks/bench_hostile.py [--mb 200]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.corpus import load_articles  # noqa: E402

BLOCK = "x" * (1 << 20)


def _write(path: Path, head: str, huge_open: str, huge_close: str, tail: str, mb: int) -> None:
    with open(path, "w", encoding="utf-8") as out:
        out.write(head + huge_open)
        for _ in range(mb):
            out.write(BLOCK)
        out.write(huge_close + tail)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=int, default=200, help="size of the huge record in megabytes")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = {
            "huge.jsonl": ('{"text": "Ein kurzer Text."}\n', '{"text": "', '"}\n', '{"text": "Noch ein Text."}\n'),
            "huge.csv": ("text\nEin kurzer Text.\n", '"', '"\n', "Noch ein Text.\n"),
        }
        for name, parts in files.items():
            path = Path(tmp) / name
            _write(path, *parts, mb=args.mb)
            tracemalloc.start()
            articles, rejected = load_articles([path], errors="collect")
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            reasons = "; ".join(sorted(set(rejected["reason"])))
            print(f"{name:10} {args.mb} MB record: {len(articles)} loaded, {len(rejected)} rejected ({reasons}); "
                  f"peak {peak / 2**20:.1f} MB")
            path.unlink()


if __name__ == "__main__":
    main()
