"""The actors the code gives now to the judged White House statements of the reading samples.

For each judged sample (``benchmarks/labels/statements-precision*.tsv``, salts ``statements-2026``
+ letter) draws the White House documents as :mod:`statement_sample` draws them, codes their
statements and writes each judged White House statement that is still coded with its actor, the
quotation's kind, speaker mention and resolution, the stored judgment ``actor_ok`` and the
quotation's opening words (``--out``, TSV, not committed: it holds the corpus' text). With
``--before FILE`` (an earlier ``--out``) it prints the statements whose actor changed, with their
judgment, and counts them per sample.

    .venv/bin/python benchmarks/judged_actors.py --out /tmp/actors-before.tsv
    .venv/bin/python benchmarks/judged_actors.py --out /tmp/actors-after.tsv --before /tmp/actors-before.tsv
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.actors import build_actors  # noqa: E402
from analysis.datasets import shared_dir  # noqa: E402
from analysis.quotes import extract_quotes  # noqa: E402
from analysis.statements import build_statements  # noqa: E402
from analysis.text_shape import shape_text  # noqa: E402

LABELS = ROOT / "benchmarks" / "labels"
CONCEPTS = ROOT / "benchmarks" / "concepts" / "whitehouse.yaml"
CORPUS = "whitehouse-briefing-room.en.jsonl.gz"
ON = ["article_id", "concept_start", "concept_end"]


def judged_samples(letters: str) -> dict[str, pd.DataFrame]:
    """``{letter: judged White House rows}``; ``a`` is the first sample (no letter in its file name)."""
    out = {}
    for letter in letters:
        path = LABELS / ("statements-precision.tsv" if letter == "a" else f"statements-precision-{letter}.tsv")
        judged = pd.read_csv(path, sep="\t", comment="#")
        out[letter] = judged[judged["corpus"] == "whitehouse"]
    return out


def sample_articles(records: list[dict], salt: str, n: int = 400) -> pd.DataFrame:
    """The ``n`` records first in the order of sha1(salt + id), shaped as the statement sample shapes them."""
    first = sorted(records, key=lambda r: hashlib.sha1((salt + r["id"]).encode()).hexdigest())[:n]
    return pd.DataFrame([{"article_id": r["id"], "lang": "en", "title": r.get("title") or "",
                          "date": pd.to_datetime(r.get("date"), errors="coerce"),
                          "speaker": (r.get("meta") or {}).get("speaker"), "source": r.get("source"),
                          "text": shape_text(r["text"], lang="en")[0]} for r in first])


def judged_actors(records: list[dict], letter: str, judged: pd.DataFrame) -> pd.DataFrame:
    articles = sample_articles(records, "statements-2026" + ("" if letter == "a" else letter))
    quotes = extract_quotes(articles, lang="en")
    actors, quotes = build_actors(quotes, articles=articles)
    statements = build_statements(quotes, articles=articles, actors=actors, concepts=CONCEPTS, lang="en", kinds=None)
    statements["concept_start"] = [s[0] for s in statements["concept_span"]]
    statements["concept_end"] = [s[1] for s in statements["concept_span"]]
    about = quotes.set_index("quote_id")[["speaker_mention", "speaker_resolution", "text"]].rename(
        columns={"text": "quotation"})
    rows = statements.drop_duplicates(subset=ON).merge(judged[ON + ["actor_ok"]], on=ON, how="inner")
    rows = rows.join(about, on="quote_id")
    opening = rows["quotation"].fillna("").str.replace(r"\s+", " ", regex=True).str[:160]
    return rows.assign(sample=letter, opening=opening)[
        ["sample", *ON, "quote_id", "kind", "actor", "speaker_mention", "speaker_resolution", "actor_ok", "opening"]]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--samples", default="abcdefghijkl", help="letters of the judged samples (a: the first)")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--before", type=Path, help="an earlier --out: print the statements whose actor changed")
    args = p.parse_args()
    with gzip.open(shared_dir() / "corpora" / CORPUS, "rt", encoding="utf-8") as fh:
        records = [r for r in map(json.loads, fh) if (r.get("text") or "").strip()]
    frames = [judged_actors(records, letter, judged) for letter, judged in judged_samples(args.samples).items()]
    now = pd.concat(frames, ignore_index=True)
    now.to_csv(args.out, sep="\t", index=False)
    print(f"{len(now)} judged White House statements coded; actor right (stored judgment) {now['actor_ok'].sum()}")
    if args.before:
        before = pd.read_csv(args.before, sep="\t")
        both = before.merge(now, on=["sample", *ON], how="outer", suffixes=("_before", ""), indicator=True)
        changed = both[(both["_merge"] == "both") & (both["actor_before"] != both["actor"])]
        print(f"actor changed: {len(changed)}; no longer coded: {(both['_merge'] == 'left_only').sum()}; "
              f"newly coded: {(both['_merge'] == 'right_only').sum()}")
        print(changed.groupby("sample").size().to_string())
        cols = ["sample", "article_id", "concept_start", "actor_ok", "actor_before", "actor", "kind", "opening"]
        print(changed[cols].to_string(index=False, max_colwidth=90))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
