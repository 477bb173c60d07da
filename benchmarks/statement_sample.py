"""A reading sample of discourse statements from the Bundestag and White House corpora, for judging precision.

Draws ``--docs`` documents per corpus (default 1,200 speeches, 400 White House documents) from ``../shared/corpora/`` in the order of the
SHA-1 of ``--salt`` + record id (a fixed sample; another salt gives another), codes their statements
with the corpus' concept dictionary ``benchmarks/concepts/<corpus>.yaml`` (``--discover``: concepts
discovered from the quotations instead) and draws ``--per-corpus`` statements per corpus (default 50) with ``numpy``'s generator
seeded by ``--seed``. ``--out FILE`` writes them with their text for a reader (not committed);
``--judged FILE`` (the committed ids, offsets and judgments: ``actor_ok``, ``concept_ok`` as 1/0 and
``reader_agreement``, the agreement a reader codes) prints the precision per corpus: a statement is
right when its actor and concept are and its agreement is the reader's; also the precision of the statements
whose confidence is at least ``CONFIDENT`` and how many of all coded statements that keeps.

    .venv/bin/python benchmarks/statement_sample.py --out /tmp/statements.tsv
    .venv/bin/python benchmarks/statement_sample.py --judged benchmarks/labels/statements-precision.tsv
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.datasets import shared_dir  # noqa: E402
from analysis.statements import CONFIDENT, DEFAULT_KINDS, statements_from_articles  # noqa: E402
from analysis.text_shape import shape_text  # noqa: E402

CORPORA = {"bundestag": ("bundestag-wp20-speeches.de.jsonl.gz", "de", 1200),  # speeches quote less: more documents
           "whitehouse": ("whitehouse-briefing-room.en.jsonl.gz", "en", 400)}
CONCEPTS = Path(__file__).resolve().parent / "concepts"
KEY = ["corpus", "article_id", "quote_id", "concept_start", "concept_end"]


def sample_documents(path: Path, n: int, salt: str, lang: str) -> pd.DataFrame:
    """The ``n`` documents first in the order of sha1(salt + id), shaped as ``load`` shapes them."""
    keyed = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for rec in map(json.loads, fh):
            if (rec.get("text") or "").strip():
                keyed.append((hashlib.sha1((salt + rec["id"]).encode()).hexdigest(), rec))
    keyed.sort(key=lambda k: k[0])
    return pd.DataFrame([{"article_id": r["id"], "lang": lang, "title": r.get("title") or "",
                          "date": pd.to_datetime(r.get("date"), errors="coerce"),
                          "speaker": (r.get("meta") or {}).get("speaker"),  # a speech's speaker, as load reads it
                          "text": shape_text(r["text"], lang=lang)[0]} for _, r in keyed[:n]])


def drawn(args) -> pd.DataFrame:
    frames = []
    for corpus, (name, lang, docs) in CORPORA.items():
        articles = sample_documents(shared_dir() / "corpora" / name, args.docs or docs, args.salt, lang)
        concepts = None if args.discover else CONCEPTS / f"{corpus}.yaml"
        # every kind of quotation, as the sample was judged; the precision is also given without free indirect speech
        statements, _ = statements_from_articles(articles, lang=lang, concepts=concepts, kinds=None, progress=True)
        rng = np.random.default_rng(args.seed)
        pick = rng.choice(len(statements), size=min(args.per_corpus, len(statements)), replace=False)
        statements = statements.assign(corpus=corpus, drawn=False)
        statements.iloc[np.sort(pick), statements.columns.get_loc("drawn")] = True
        print(f"{corpus}: {len(articles)} documents, {len(statements)} statements, {len(pick)} drawn", file=sys.stderr)
        frames.append(statements)
    out = pd.concat(frames, ignore_index=True)
    out["concept_start"] = [s[0] for s in out["concept_span"]]
    out["concept_end"] = [s[1] for s in out["concept_span"]]
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--docs", type=int, default=None, help="documents per corpus (default 1200 Bundestag, 400 White House)")
    p.add_argument("--discover", action="store_true",
                   help="discover the concepts from the quotations instead of benchmarks/concepts/<corpus>.yaml")
    p.add_argument("--per-corpus", type=int, default=50)
    p.add_argument("--salt", default="statements-2026")
    p.add_argument("--seed", type=int, default=16)
    p.add_argument("--out", type=Path, help="write the sample with its texts for reading (TSV)")
    p.add_argument("--judged", type=Path, help="the judged sample: print the precision")
    args = p.parse_args()
    statements = drawn(args)
    sample = statements[statements["drawn"]].reset_index(drop=True)
    if args.out:
        cols = KEY + ["actor", "concept", "agreement", "agreement_source", "evidence", "text"]
        marked = [t[:cs - s[0]] + "[[" + t[cs - s[0]:ce - s[0]] + "]]" + t[ce - s[0]:] for t, s, cs, ce in
                  zip(sample["text"], sample["span"], sample["concept_start"], sample["concept_end"])]
        sample.assign(text=pd.Series(marked).str.replace(r"\s+", " ", regex=True))[cols].to_csv(
            args.out, sep="\t", index=False)
        print(f"{len(sample)} statements -> {args.out}")
    if args.judged:
        judged = pd.read_csv(args.judged, sep="\t", comment="#")
        # every judged statement that the code still codes, wherever the draw falls now: a change of the
        # code that adds or drops other statements leaves the judgments usable
        on = [k for k in KEY if k != "quote_id"]  # quote ids count a document's quotations, which a change renumbers
        merged = statements.drop_duplicates(subset=on).merge(judged.drop(columns="quote_id"), on=on, how="inner",
                                                            suffixes=("", "_judged"))
        if len(merged) < len(judged):
            print(f"{len(judged) - len(merged)} judged statements are no longer coded", file=sys.stderr)
        if "reader_agreement" in merged.columns:  # the agreement coded now against the reader's
            merged["agreement_ok"] = (merged["agreement"] == merged["reader_agreement"]).astype(int)
        merged["right"] = merged[["actor_ok", "concept_ok", "agreement_ok"]].all(axis=1)
        table = merged.groupby("corpus")[["actor_ok", "concept_ok", "agreement_ok", "right"]].mean()
        table.loc["all"] = merged[["actor_ok", "concept_ok", "agreement_ok", "right"]].mean()
        table["n"] = merged.groupby("corpus").size().reindex(table.index).fillna(len(merged)).astype(int)
        print(table.round(3).to_string())
        kept = merged[merged["kind"].isin(DEFAULT_KINDS)]
        print(f"without free indirect speech (the default kinds): {kept['right'].mean():.3f} of {len(kept)}; "
              + ", ".join(f"{c} {g['right'].mean():.3f} of {len(g)}" for c, g in kept.groupby("corpus")))
        by = merged.groupby("agreement_source")["agreement_ok"].agg(["mean", "size"]).round(3)
        print("agreement right by source:", by.to_dict("index"))
        sure = merged[merged["confidence"] >= CONFIDENT]
        kept = statements.groupby("corpus")["confidence"].agg(lambda c: f"{(c >= CONFIDENT).sum()} of {len(c)}")
        print(f"confidence >= {CONFIDENT}: {sure['right'].mean():.3f} of {len(sure)} judged ("
              + ", ".join(f"{c} {g['right'].mean():.3f} of {len(g)}" for c, g in sure.groupby("corpus"))
              + "); statements kept " + ", ".join(f"{c} {k}" for c, k in kept.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
