"""Gold quotations of a German split that the system misses or finds without a speaker.

Aligns the system quotations to the gold ones (:func:`analysis.evaluate.quotes.score_quotes`) and
prints, per gold quotation that is not matched (class ``missed``, or ``partial`` when a system
quotation overlaps it without matching) or matched without a speaker
mention of its own (class ``no speaker``: none, or one inherited from an earlier quotation), its
kind, the gold cue, the gold speaker and the text from the start of its frame; then the counts by
kind and by the words before the quotation (the first two words of its frame, or of the text
before it in its sentence when the frame is after it). Nothing is written to disk; the dataset
text is only printed.

    ANALYSIS_SHARED=../shared .venv/bin/python benchmarks/missed_quotes.py [--split train]
        [--kind reported] [--class missed] [--top 40] [--quiet] [--half A]
    ANALYSIS_SHARED=../shared .venv/bin/python benchmarks/missed_quotes.py --split train --scores

``--half A`` (or ``B``) keeps the documents of one half of the split: the documents in the order
of :func:`analysis.evaluate.actors.sample_order`, A the even positions and B the odd ones, so that
each half holds 50 of the 100 documents with actor labels. Rules are written from the errors of
one half and checked on the other. ``--scores`` prints, for each half and the whole split,
Message and Joint F1, speaker entity accuracy (where the split has actor labels) and the share
of gold quotations matched by kind, instead of the missed quotations.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from analysis.datasets import read_gold  # noqa: E402
from analysis.evaluate.actors import default_labels, read_actor_labels, sample_order, score_actors  # noqa: E402
from analysis.evaluate.quotes import score_quotes  # noqa: E402
from analysis.quotes import extract_quotes  # noqa: E402

WORD = re.compile(r"\w[\w.-]*|[„“\"»«:]")


def _start(spans) -> int:
    return min(int(a) for a, _ in spans) if len(spans) else 0


def _lead(text: str, gold) -> str:
    """The first two words of the frame, or of the sentence part before the quotation."""
    frame = list(gold.frame_spans) if gold.frame_spans is not None else []
    q0 = _start(gold.spans)
    if frame and _start(frame) < q0:
        a = _start(frame)
    else:
        cut = max(text.rfind(". ", 0, q0), text.rfind("\n", 0, q0))
        a = cut + 1 if cut >= 0 else 0
    words = WORD.findall(text[a:q0 + 40])
    return " ".join(words[:2])


def _window(text: str, gold, width: int) -> str:
    spans = [list(s) for s in gold.spans] + [list(s) for s in (gold.frame_spans or [])]
    a = min(int(s[0]) for s in spans)
    b = max(int(s[1]) for s in spans)
    piece = text[a:b]
    return (piece[:width] + " …") if len(piece) > width else piece


def _overlap(pred_by_article, row):
    """The first system quotation of the article that overlaps the gold quotation, or None."""
    for p in pred_by_article.get(row.article_id, ()):
        if any(a < d and c < b for a, b in row.spans for c, d in p.spans):
            return p
    return None


def _classes(pred, gold, scores):
    """(gold row, class, system row or None) for every gold quotation missed or without a speaker."""
    by_article = {}
    for p in pred.itertuples(index=False):
        by_article.setdefault(p.article_id, []).append(p._asdict())
    by_article = {k: [pd.Series(p) for p in v] for k, v in by_article.items()}
    for g, s, m in scores.alignment[["gold", "system", "matched"]].itertuples(index=False):
        row = gold.quotes.loc[g]
        if not m:
            p = _overlap(by_article, row)
            yield row, "missed" if p is None else "partial", p
            continue
        p = pred.loc[int(s)]
        mention = p.get("speaker_mention")
        if not isinstance(mention, str) or not mention or p.get("speaker_resolution") == "inherited":
            if isinstance(row.speaker_mention, str) and row.speaker_mention:
                yield row, "no speaker", p


def halves(article_ids) -> dict[str, set[str]]:
    """Article ids of half A (even positions of :func:`sample_order`) and half B (odd ones)."""
    docs = {a.removeprefix("gnq-"): a for a in article_ids}
    order = sample_order(docs)
    return {"A": {docs[d] for d in order[0::2]}, "B": {docs[d] for d in order[1::2]}}


def subset(gold, pred, ids):
    """The gold data and predictions of the articles ``ids``."""
    keep = [t[t["article_id"].isin(ids)].reset_index(drop=True) for t in gold]
    return type(gold)(*keep), pred[pred["article_id"].isin(ids)].reset_index(drop=True)


def print_scores(gold, pred, split: str) -> None:
    """Message/Joint F1, entity accuracy and matched share by gold kind for halves A, B and all."""
    path = default_labels("german-news-quotes", split)
    labels = read_actor_labels(path) if path.exists() else None
    parts = {**halves(gold.articles["article_id"]), "all": set(gold.articles["article_id"])}
    for name, ids in parts.items():
        g, p = subset(gold, pred, ids)
        sc = score_quotes(p, g.quotes, g.tokens)
        line = (f"{name:4} docs {len(ids):4}  message F1 {sc.summary['message_f1']:.4f}  "
                f"P {sc.summary['message_precision']:.4f}  joint F1 {sc.summary['joint_f1']:.4f}")
        if labels is not None:
            act = score_actors(sc.alignment, p, g.quotes, labels).summary
            line += (f"  entity acc {act['speaker_entity_accuracy']:.4f} "
                     f"(matched {act['speaker_entity_accuracy_matched']:.4f}, n {act['n_labelled']})")
        print(line)
        kinds = sc.by_kind[sc.by_kind["side"] == "gold"]
        print("      gold matched: " + "  ".join(f"{k} {m:.3f} ({n})" for k, m, n in
                                               zip(kinds["kind"], kinds["share_matched"], kinds["n"])))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="train")
    ap.add_argument("--kind", default=None, help="only this gold kind")
    ap.add_argument("--class", dest="cls", default=None, choices=["missed", "partial", "no speaker"])
    ap.add_argument("--top", type=int, default=40, help="how many leading word pairs to count")
    ap.add_argument("--width", type=int, default=220, help="characters of text per line")
    ap.add_argument("--quiet", action="store_true", help="only the counts")
    ap.add_argument("--half", choices=["A", "B"], default=None, help="only the documents of one half")
    ap.add_argument("--scores", action="store_true", help="scores of both halves and the split, no list")
    args = ap.parse_args()
    gold = read_gold("german-news-quotes", args.split)
    pred = extract_quotes(gold.articles)
    if args.scores:
        print_scores(gold, pred, args.split)
        return
    if args.half:
        gold, pred = subset(gold, pred, halves(gold.articles["article_id"])[args.half])
    scores = score_quotes(pred, gold.quotes, gold.tokens)
    texts = dict(zip(gold.articles["article_id"], gold.articles["text"]))
    kinds, leads, cues = Counter(), Counter(), Counter()
    for row, cls, p in _classes(pred, gold, scores):
        if (args.kind and row.kind != args.kind) or (args.cls and cls != args.cls):
            continue
        text = texts[row.article_id]
        lead = _lead(text, row)
        kinds[(row.kind, cls)] += 1
        leads[lead.lower()] += 1
        cues[str(row.cue).lower()] += 1
        if not args.quiet:
            sys_part = "" if p is None else f"\tsys={p.get('rule')}:{p.get('speaker_mention')!r}"
            if cls == "partial":
                sys_part += f"\n    sys: {str(p.get('text'))[:args.width]!r}"
            print(f"{row.quote_id}\t{row.kind}\t{cls}\tcue={row.cue!r}\tspk={row.speaker_mention!r}{sys_part}\n"
                  f"    {_window(text, row, args.width)!r}".replace("\\n", " "))
    print("\nby kind and class")
    for (kind, cls), n in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print(f"  {kind:14} {cls:11} {n}")
    print(f"\nby the words before (top {args.top})")
    for lead, n in leads.most_common(args.top):
        print(f"  {n:4}  {lead}")
    print(f"\nby gold cue (top {args.top})")
    for cue, n in cues.most_common(args.top):
        print(f"  {n:4}  {cue}")


if __name__ == "__main__":
    main()
