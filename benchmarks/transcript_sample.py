"""A reading sample of quotations in White House briefings and remarks, for judging precision.

Draws ``--docs`` documents (default 20) of the categories press-briefings and speeches-remarks
from ``../shared/corpora/whitehouse-briefing-room.en.jsonl.gz``, ordered by the SHA-1 of
``--salt`` + record id (so the sample is fixed and any other salt gives a new one), extracts
their quotations and writes, per document, every quotation that is not a turn and up to
``--turns`` turns, with the sentence around it, to ``--out`` (TSV) for a reader to judge. With
``--judged FILE`` (columns quote_id, correct: 1 or 0, as the reader filled them in, and
optionally start and end, the offsets of the quotation when it was judged) it prints the
precision per kind instead. Neither file is committed with the corpus' text; the judged ids are.

    .venv/bin/python benchmarks/transcript_sample.py --out /tmp/sample.tsv
    .venv/bin/python benchmarks/transcript_sample.py --judged benchmarks/labels/whitehouse-precision.tsv
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

from analysis.datasets import shared_dir
from analysis.evaluate.actors import junk_speakers
from analysis.quotes import extract_quotes
from analysis.text_shape import shape_text

CATEGORIES = ("press-briefings", "speeches-remarks")


def sample_documents(path: Path, n: int, salt: str) -> pd.DataFrame:
    """The ``n`` documents of ``CATEGORIES`` first in the order of sha1(salt + id), shaped as ``load`` shapes them."""
    keyed = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            rec = json.loads(line)
            if (rec.get("meta") or {}).get("category") in CATEGORIES and (rec.get("text") or "").strip():
                keyed.append((hashlib.sha1((salt + rec["id"]).encode()).hexdigest(), line_no, rec))
    keyed.sort(key=lambda k: k[0])
    return pd.DataFrame([{"article_id": f"{r['id']}#{line_no}", "lang": "en", "title": r.get("title") or "",
                          "text": shape_text(r["text"], lang="en")[0]} for _, line_no, r in keyed[:n]])


def reading_rows(articles: pd.DataFrame, quotes: pd.DataFrame, turns: int) -> pd.DataFrame:
    texts = dict(zip(articles["article_id"], articles["text"]))
    picked = []
    for _, group in quotes.groupby("article_id", sort=False):
        is_turn = group["kind"] == "turn"
        picked += [group[~is_turn], group[is_turn].sample(min(turns, int(is_turn.sum())), random_state=0)]
    rows = pd.concat(picked) if picked else quotes.iloc[:0]

    def context(r) -> str:
        text, (s, e) = texts[r.article_id], r.spans[0]
        return (text[max(0, s - 160):s] + " [[" + text[s:min(e, s + 300)] + "]] ").replace("\n", " ")

    return rows.assign(context=[context(r) for r in rows.itertuples()])[
        ["article_id", "quote_id", "kind", "rule", "cue", "speaker_mention", "speaker", "context"]]


def match_judged(judged: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """The judged rows that the code still extracts, with the kind it gives them now. With ``start``
    and ``end`` (the offsets the quotation had when it was judged) a row is matched by document and
    offsets, so that the code may change what else it finds; else by ``quote_id``. Prints what no
    longer matches: judged quotations the code drops (how many of them were wrong) and new ones."""
    judged = judged.drop(columns=[c for c in ("kind",) if c in judged])
    if not {"start", "end"} <= set(judged.columns):
        return judged.merge(quotes[["quote_id", "kind"]], on="quote_id")
    now = quotes.assign(start=[int(s[0][0]) for s in quotes["spans"]], end=[int(s[-1][1]) for s in quotes["spans"]])
    judged = judged.assign(article_id=judged["quote_id"].str.rsplit("-q", n=1).str[0])
    both = judged.merge(now[["article_id", "start", "end", "kind"]], on=["article_id", "start", "end"], how="left",
                        indicator=True)
    gone = both[both["_merge"] == "left_only"]
    new = len(now) - (both["_merge"] == "both").sum()
    print(f"judged quotations no longer extracted: {len(gone)} ({int((gone['correct'] == 0).sum())} of them judged "
          f"wrong); quotations not judged (new, or turns beyond the sample): {new}")
    return both[both["_merge"] == "both"].drop(columns="_merge")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=20)
    ap.add_argument("--turns", type=int, default=3)
    ap.add_argument("--salt", default="precision")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--judged", type=Path)
    args = ap.parse_args()
    path = shared_dir() / "corpora" / "whitehouse-briefing-room.en.jsonl.gz"
    if not path.exists():
        print(f"{path} not found")
        return 1
    articles = sample_documents(path, args.docs, args.salt)
    quotes = extract_quotes(articles)
    attributed = quotes[quotes["speaker"].notna()]
    junk = junk_speakers(attributed, lang="en")
    print(f"{len(articles)} documents, {len(quotes):,} quotations ({quotes['kind'].value_counts().to_dict()}); "
          f"junk speakers {(junk != '').sum()} of {len(attributed)} ({(junk != '').mean():.2%})")
    print("top speakers:", attributed["speaker"].value_counts().head(8).to_dict())
    if args.judged:
        judged = pd.read_csv(args.judged, sep="\t")  # no comment="#": the ids hold "#" (record#line)
        judged = judged[~judged["quote_id"].astype(str).str.startswith("#")]
        judged = match_judged(judged, quotes)
        by_kind = judged.groupby("kind")["correct"].agg(["size", "mean"])
        print(by_kind.to_string(float_format="%.3f"))
        weights = quotes["kind"].value_counts()
        estimate = (by_kind["mean"] * weights.reindex(by_kind.index)).sum() / weights.reindex(by_kind.index).sum()
        print(f"precision of the judged quotations {judged['correct'].mean():.3f}; "
              f"weighted by the kinds' shares of all quotations {estimate:.3f}")
        if "speaker_correct" in judged:  # judged on the correct quotations only
            right = judged[judged["correct"] == 1]["speaker_correct"].astype(float)
            print(f"speaker right on {right.mean():.3f} of the {len(right)} correct quotations")
    if args.out:
        reading_rows(articles, quotes, args.turns).to_csv(args.out, sep="\t", index=False)
        print(f"reading sample written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
