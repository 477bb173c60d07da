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
        [--kind reported] [--class missed] [--top 40] [--quiet]
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="train")
    ap.add_argument("--kind", default=None, help="only this gold kind")
    ap.add_argument("--class", dest="cls", default=None, choices=["missed", "partial", "no speaker"])
    ap.add_argument("--top", type=int, default=40, help="how many leading word pairs to count")
    ap.add_argument("--width", type=int, default=220, help="characters of text per line")
    ap.add_argument("--quiet", action="store_true", help="only the counts")
    args = ap.parse_args()
    gold = read_gold("german-news-quotes", args.split)
    pred = extract_quotes(gold.articles)
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
