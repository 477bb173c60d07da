"""Write the outputs of quotation attribution and tone scoring to a folder, or compare two such folders.

A restructuring of the rules must not change an answer. This script records what the code
gives today on fixed inputs from ``../shared`` and compares it with a later record:

* ``quotes-<dataset>-<split>.parquet``: :func:`analysis.quotes.extract_quotes` on the articles of
  the German news quotation dataset and PolNeAR (train and dev);
* ``quotes-bundestag.parquet``: the same on the first ``--mb`` megabytes (default 30) of the
  Bundestag speeches;
* ``tone-bundestag.parquet``: :func:`analysis.sentiment.score_sentiment` on the first
  ``--speeches`` speeches (default 8,000), fast path (``hits=False``);
* ``tone-bundestag-hits.parquet``: the explanation path (``hits=True``) on the first 1,000;
* ``tone-gerntsa.parquet``, ``tone-vader-nyt.parquet``: the explanation path on the sentiment
  datasets;
* ``tone-bench-en[-hits].parquet``, ``tone-bench-de[-hits].parquet`` (only with ``--only bench``):
  both paths and ``polarity_only`` on the sentences of ``bench_sentiment.py`` (20,000 English, the
  first ``--mb`` megabytes of speeches).

    .venv/bin/python benchmarks/snapshot.py write DIR [--only quotes|tone|bench]
    .venv/bin/python benchmarks/snapshot.py compare OLD NEW [--ignore rule]

``compare`` prints, per table, the rows that differ (by position, after dropping ignored
columns) and the first few differences, and exits 1 when any table differs.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.datasets import read_gold, shared_dir  # noqa: E402

QUOTE_SETS = [("german-news-quotes", "dev"), ("german-news-quotes", "train"), ("polnear", "dev"), ("polnear", "train")]


def speeches(*, mb: float | None = None, n: int | None = None) -> pd.DataFrame:
    """The first ``mb`` megabytes or ``n`` records of the Bundestag speeches as an articles table."""
    path = shared_dir() / "corpora" / "bundestag-wp20-speeches.de.jsonl.gz"
    rows, size = [], 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text = rec.get("text") or ""
            rows.append({"article_id": f"{len(rows)}", "lang": "de", "text": text})
            size += len(text.encode("utf-8"))
            if (mb is not None and size >= mb * 1e6) or (n is not None and len(rows) >= n):
                break
    return pd.DataFrame(rows)


def _stringify(df: pd.DataFrame) -> pd.DataFrame:
    """List and dict columns as JSON text, so Parquet stores them and equality is exact."""
    out = df.copy()
    for c in out.columns:
        if out[c].dtype == object and out[c].map(lambda v: isinstance(v, (list, dict, tuple))).any():
            out[c] = out[c].map(lambda v: json.dumps(v, ensure_ascii=False, default=str))
    return out


def write(folder: Path, *, only: str | None, mb: float, n_speeches: int) -> None:
    from analysis.quotes import extract_quotes
    from analysis.sentiment import score_sentiment

    folder.mkdir(parents=True, exist_ok=True)

    def save(name: str, df: pd.DataFrame, t0: float) -> None:
        _stringify(df).to_parquet(folder / f"{name}.parquet", index=False)
        print(f"{name}: {len(df)} rows ({time.perf_counter() - t0:.0f} s)")

    if only in (None, "quotes"):
        for fmt, split in QUOTE_SETS:
            t0 = time.perf_counter()
            save(f"quotes-{fmt}-{split}", extract_quotes(read_gold(fmt, split).articles), t0)
        t0 = time.perf_counter()
        save("quotes-bundestag", extract_quotes(speeches(mb=mb)), t0)
    if only in (None, "tone"):
        from analysis.evaluate.sentiment import read_gerntsa, read_vader_nyt

        units = speeches(n=n_speeches)
        t0 = time.perf_counter()
        save("tone-bundestag", score_sentiment(units, hits=False), t0)
        t0 = time.perf_counter()
        save("tone-bundestag-hits", score_sentiment(units.iloc[:1000]), t0)
        t0 = time.perf_counter()
        save("tone-gerntsa", score_sentiment(read_gerntsa(), lang="de"), t0)
        t0 = time.perf_counter()
        save("tone-vader-nyt", score_sentiment(read_vader_nyt(), lang="en"), t0)
    if only == "bench":  # the sentences of benchmarks/bench_sentiment.py, every output column
        from bench_sentiment import english_sentences, german_units

        from analysis.sentiment import polarity_only

        for lang, texts in (("en", english_sentences(20000)), ("de", german_units(mb))):
            t0 = time.perf_counter()
            df = pd.DataFrame({"text": texts})
            for hits in (False, True):
                table = score_sentiment(df, lang=lang, hits=hits)
                save(f"tone-bench-{lang}{'-hits' if hits else ''}", table.assign(fast=polarity_only(texts, lang)), t0)


def compare(old: Path, new: Path, *, ignore: list[str]) -> int:
    differ = 0
    for path in sorted(old.glob("*.parquet")):
        other = new / path.name
        if not other.exists():
            print(f"{path.stem}: missing in {new}")
            differ += 1
            continue
        a, b = pd.read_parquet(path), pd.read_parquet(other)
        a, b = (x.drop(columns=[c for c in ignore if c in x.columns]) for x in (a, b))
        if list(a.columns) != list(b.columns):
            print(f"{path.stem}: columns differ: {list(a.columns)} vs {list(b.columns)}")
            differ += 1
            continue
        if len(a) != len(b):
            print(f"{path.stem}: {len(a)} rows vs {len(b)} rows")
            differ += 1
            continue
        a, b = (x.astype(object).fillna("<missing>").astype(str) for x in (a, b))  # None and NaN alike
        same = (a == b).all(axis=1)
        if same.all():
            print(f"{path.stem}: identical ({len(a)} rows)")
            continue
        differ += 1
        print(f"{path.stem}: {int((~same).sum())} of {len(a)} rows differ")
        for i in same[~same].index[:5]:
            cols = [c for c in a.columns if a.at[i, c] != b.at[i, c]]
            for c in cols:
                print(f"  row {i} {c}: {str(a.at[i, c])[:160]!r} -> {str(b.at[i, c])[:160]!r}")
    return 1 if differ else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write")
    w.add_argument("folder", type=Path)
    w.add_argument("--only", choices=["quotes", "tone", "bench"])
    w.add_argument("--mb", type=float, default=30.0)
    w.add_argument("--speeches", type=int, default=8000)
    c = sub.add_parser("compare")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    c.add_argument("--ignore", nargs="*", default=["rule"])
    args = ap.parse_args()
    if args.cmd == "write":
        write(args.folder, only=args.only, mb=args.mb, n_speeches=args.speeches)
    else:
        sys.exit(compare(args.old, args.new, ignore=args.ignore))


if __name__ == "__main__":
    main()
