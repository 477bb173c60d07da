"""Speaker entity errors on a German split with actor labels (train or dev), one line per labelled quotation.

Aligns the system quotations to the gold ones (:func:`analysis.evaluate.quotes.score_quotes`),
and for each quotation with an actor label prints whether it was found, the mention kind, the
gold speaker mention, the actor as written at the label's span, the system speaker and how it was
resolved; then counts the error classes (missed, no speaker, wrong speaker) per mention kind.
Nothing is written to disk; the dataset text is only printed.

    ANALYSIS_SHARED=../shared .venv/bin/python benchmarks/entity_errors.py [--split train] [--kind pronoun] [--errors] [--half A] [--batch 1:220]

``--half A`` (or ``B``) lists only the quotations of the first (second) half of the labelled
documents in :func:`analysis.evaluate.actors.sample_order`, for writing a rule from one half and
checking it on the other; the accuracy of both halves by mention kind is printed at the end.
``--batch START:END`` keeps only the documents START to END (1-based, both included) of the
salted order of all the split's documents (:func:`analysis.evaluate.actors.batch_documents`), the
order the label batches were drawn in: ``--batch 1:220`` lists the first four batches only.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from analysis.datasets import read_gold  # noqa: E402
from analysis.evaluate.actors import batch_documents, default_labels, read_actor_labels, sample_order, score_actors  # noqa: E402
from analysis.evaluate.quotes import score_quotes  # noqa: E402
from analysis.quotes import extract_quotes  # noqa: E402


def _span_text(text: str, span) -> str:
    if not isinstance(span, str) or "-" not in span:
        return ""
    a, b = span.split("-")
    return text[int(a):int(b)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev")
    ap.add_argument("--kind", default=None, help="only this mention kind")
    ap.add_argument("--errors", action="store_true", help="only wrong quotations")
    ap.add_argument("--half", choices=["A", "B"], default=None, help="only this half of the labelled documents")
    ap.add_argument("--batch", default=None, help="only documents START:END of the salted order (1-based)")
    args = ap.parse_args()
    gold = read_gold("german-news-quotes", args.split)
    pred = extract_quotes(gold.articles)
    scores = score_quotes(pred, gold.quotes, gold.tokens)
    path = default_labels("german-news-quotes", args.split)
    raw = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    raw["quote_id"] = "gnq-" + raw["document"] + "-q" + raw["annotation"]
    if args.batch:
        raw = raw[raw["document"].isin(batch_documents(gold.articles["article_id"].str.split("-").str[1], args.batch))]
    labels = read_actor_labels(path)
    rows = score_actors(scores.alignment, pred, gold.quotes, labels[labels["quote_id"].isin(set(raw["quote_id"]))]).rows
    texts = dict(zip(gold.articles["article_id"], gold.articles["text"]))
    spans = dict(zip(raw["quote_id"], raw["actor_span"]))
    qrow = gold.quotes.set_index("quote_id")
    sys_of = {gold.quotes.at[g, "quote_id"]: s for g, s, m in scores.alignment[["gold", "system", "matched"]]
              .itertuples(index=False) if m}
    halves = _halves(raw["document"])
    classes = []
    for r in rows.itertuples(index=False):
        g = qrow.loc[r.quote_id]
        text = texts.get(g["article_id"], "")
        cls = "ok" if r.correct else "missed" if not r.matched else "no speaker" if not isinstance(r.system, str) or not r.system else "wrong"
        half = halves.get(r.quote_id.split("-")[1], "")
        classes.append((r.mention_kind, cls, half))
        if (args.kind and r.mention_kind != args.kind) or (args.errors and r.correct) or (
                args.half and half != args.half):
            continue
        p = pred.loc[sys_of[r.quote_id]] if r.quote_id in sys_of else None
        mention = g.get("speaker_mention") if "speaker_mention" in g else ""
        print(f"{r.quote_id}\t{half}\t{r.mention_kind}\t{cls}\tgold={mention!r}\tactor={_span_text(text, spans.get(r.quote_id))!r}"
              f"\tsys={r.system!r}\tmention={None if p is None else p.get('speaker_mention')!r}"
              f"\thow={None if p is None else p.get('speaker_resolution')}")
    table = pd.DataFrame(classes, columns=["mention_kind", "class", "half"])
    shown = table[table["half"] == args.half] if args.half else table
    print(pd.crosstab(shown["mention_kind"], shown["class"], margins=True).to_string())
    table["ok"] = table["class"] == "ok"
    acc = table.groupby(["half", "mention_kind"])["ok"].agg(["mean", "size"]).unstack(0)
    print("accuracy by half:", table.groupby("half")["ok"].mean().round(4).to_dict())
    print(acc.round(3).to_string())


def _halves(documents) -> dict[str, str]:
    """Half A (the first half of the labelled documents in the labels' salted order) or B."""
    order = sample_order(documents)
    return {d: "A" if i < len(order) // 2 else "B" for i, d in enumerate(order)}


if __name__ == "__main__":
    main()
