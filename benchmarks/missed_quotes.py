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
        [--kind reported] [--class missed] [--top 40] [--quiet] [--half A] [--batch 1:220]
    ANALYSIS_SHARED=../shared .venv/bin/python benchmarks/missed_quotes.py --split train --scores
    ANALYSIS_SHARED=../shared .venv/bin/python benchmarks/missed_quotes.py --split train --scores --batch 221:340

``--half A`` (or ``B``) keeps the documents of one half of the split: the documents in the order
of :func:`analysis.evaluate.actors.sample_order`, A the even positions and B the odd ones, so that
each half holds 50 of the 100 documents with actor labels. Rules are written from the errors of
one half and checked on the other. ``--scores`` prints, for each half and the whole split,
Message and Joint F1, speaker entity accuracy (where the split has actor labels) and the share
of gold quotations matched by kind, instead of the missed quotations. ``--batch START:END``
keeps the documents START to END (1-based, both included) of the salted order of all the
split's documents (:func:`analysis.evaluate.actors.batch_documents`, the order the actor label
batches were drawn in); with ``--half`` the half of those, and with ``--scores`` the scores of
that batch and of its documents in half A and in half B, Message and Joint F1 each with
precision and recall. ``--causes`` gives each
missed or partial quotation its cause (:class:`Causes`) and counts them by cause and gold kind;
``--cause PREFIX`` keeps the quotations of the causes that start so.

    ANALYSIS_SHARED=../shared .venv/bin/python benchmarks/missed_quotes.py --split train --causes --quiet
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
from analysis.evaluate.actors import batch_documents, default_labels, read_actor_labels, sample_order, score_actors  # noqa: E402
from analysis.evaluate.quotes import score_quotes  # noqa: E402
from analysis.quotes import extract_quotes  # noqa: E402
from analysis.quotes.lexicon import lexicon  # noqa: E402
from analysis.segment import segment  # noqa: E402

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
    for i, p in zip(pred.index, pred.itertuples(index=False)):
        by_article.setdefault(p.article_id, []).append((i, p._asdict()))
    by_article = {k: [pd.Series(p, name=i) for i, p in v] for k, v in by_article.items()}
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


def _sentence_of(sents, pos: int) -> int:
    """Index of the sentence (rows of ``(start, end)``) that holds character ``pos``."""
    for n, (a, b) in enumerate(sents):
        if a <= pos < b:
            return n
    return len(sents) - 1


class Causes:
    """Why a gold quotation is not matched, by mechanism: the first test below that holds.

    A partial one (a system quotation overlaps it): the system quotation matches another gold
    quotation (one for two, e.g. a direct part inside an indirect one), runs on past it, is cut
    short, or is shifted. A missed one: a source phrase (``nach Angaben``, ``laut``,
    ``zufolge``, ``demnach``, ``so``), a continuation without a cue (Konjunktiv I, *soll*,
    Konjunktiv II, indicative), a cue that is no entry of ``speech_verbs.tsv`` or ``source_nouns.tsv`` (verb, noun, or an
    idiom of three or more words), or a known cue that no rule took, by the shape of its frame
    (a noun, the cue's own clause in Konjunktiv, a colon, the subject after the cue, content
    over several sentences, other)."""

    def __init__(self, gold):
        self.lex = lexicon("de")
        seg = segment(gold.articles)
        self.toks = {a: t for a, t in seg.tokens.groupby("article_id", sort=False)}
        self.gold_spans = {}
        for a, sp in zip(gold.quotes["article_id"], gold.quotes["spans"]):
            self.gold_spans.setdefault(a, []).append([tuple(map(int, x)) for x in sp])
        self.sents = {a: list(zip(t["start"], t["end"])) for a, t in seg.sentences.groupby("article_id", sort=False)}

    def _known(self, lemmas: list[str], lowers: list[str]) -> bool:
        lex = self.lex
        for lemma, low in zip(lemmas, lowers):
            if lemma in lex.cue_class or low in lex.nouns or lemma.lower() in lex.nouns:
                return True
            parts = lex.particle_bases.get(lemma, {})
            if any(w in parts for w in lowers):
                return True
        return False

    def _tokens(self, article_id, spans):
        t = self.toks[article_id]
        keep = pd.Series(False, index=t.index)
        for a, b in spans:
            keep |= (t["start"] < b) & (t["end"] > a)
        return t[keep]

    def partial(self, row, p, matched_system: set) -> str:
        gold_n = sum(b - a for a, b in row.spans)
        sys_n = sum(int(b) - int(a) for a, b in p["spans"])
        inter = sum(max(0, min(b, int(d)) - max(a, int(c))) for a, b in row.spans for c, d in p["spans"])
        if p.name in matched_system:
            others = self.gold_spans.get(row.article_id, [])
            mine = {(a, b) for a, b in row.spans}
            over = [sp for sp in others if set(map(tuple, sp)) != mine and
                    any(a < d and c < b for a, b in row.spans for c, d in sp)]
            if not over:
                return "partial: one system quotation for two gold ones (adjacent gold)"
            inside = any(all(any(c <= a and b <= d for c, d in sp) for a, b in row.spans) for sp in over)
            if row.kind == "direct" and inside:
                return "partial: one system quotation for two gold ones (direct part of another)"
            return "partial: one system quotation for two gold ones (overlapping gold)"
        if inter >= 0.7 * gold_n:
            return "partial: system span runs on"
        if inter >= 0.7 * sys_n:
            return "partial: system span cut short"
        return "partial: spans shifted"

    def missed(self, row, text: str) -> str:
        lex = self.lex
        cue = [list(s) for s in (row.cue_spans if row.cue_spans is not None else [])] or (
            [list(row.cue_span)] if row.cue_span is not None and len(row.cue_span) else [])
        cue_t = self._tokens(row.article_id, cue) if cue else None
        lowers = [w.lower() for w in cue_t["text"]] if cue_t is not None else []
        spk = str(row.speaker_mention or "").split()
        if lowers and (lowers[0] in lex.frames or any(w in ("zufolge", "laut", "demnach", "wonach") for w in lowers)):
            return "source phrase (nach/laut/zufolge/demnach/so)"
        if not lowers and spk and lex.source_noun_after([w for w in spk], [w for w in spk], 0, min(len(spk), 2)):
            return "source phrase (nach/laut/zufolge/demnach/so)"
        sents = self.sents[row.article_id]
        first = _sentence_of(sents, min(a for a, _ in row.spans))
        last = _sentence_of(sents, max(b for _, b in row.spans) - 1)
        body = self._tokens(row.article_id, row.spans)
        moods = [lex.konj.get(w.lower()) for w in body["text"]]
        if not lowers:
            s_t = self._tokens(row.article_id, [sents[first]])
            s_known = self._known(list(s_t["lemma"].astype(str)), [w.lower() for w in s_t["text"]])
            if row.kind == "free_indirect":
                if "I" in moods:
                    return "continuation without cue: Konjunktiv I"
                if any(w in ("soll", "sollen", "sollte", "sollten") for w in body["text"].str.lower()):
                    return "continuation without cue: soll/sollen"
                if "II" in moods or any(w in ("würde", "würden", "wäre", "wären") for w in body["text"].str.lower()):
                    return "continuation without cue: Konjunktiv II"
                return "continuation without cue: indicative"
            if row.kind == "direct":
                return "direct, no cue: quotation marks not taken"
            return f"{row.kind}, no gold cue: " + ("known cue word in the sentence" if s_known else "no cue word of the lists")
        if not self._known(list(cue_t["lemma"].astype(str)), lowers):
            if len(lowers) >= 3:
                return "cue not in the lists: idiom of 3+ words"
            if cue_t["text"].iloc[0][:1].isupper() and cue_t["start"].iloc[0] not in {a for a, _ in sents}:
                return "cue not in the lists: noun"
            return "cue not in the lists: verb"
        if any(w[:1].isupper() and lex.cue_noun(w) for w in cue_t["text"]) and cue_t["start"].iloc[0] not in {a for a, _ in sents}:
            return "known cue: a noun (Forderung, Ankündigung …)"
        if last > first:
            return "known cue: content over several sentences"
        c0, c1 = int(cue_t["start"].min()), int(cue_t["end"].max())
        q0 = min(a for a, _ in row.spans)
        between = text[c1:q0] if c1 <= q0 else ""
        if ":" in between:
            return "known cue: colon frame"
        sp = row.speaker_span if row.speaker_span is not None and len(row.speaker_span) else None
        if sp is not None and int(sp[0]) > c0 and c1 <= q0:
            return "known cue: subject after the finite verb, content after"
        s_t = self._tokens(row.article_id, [sents[first]])
        frame = s_t[(s_t["start"] < c1 + 40) & (s_t["end"] > c0 - 40)]
        if "I" in [lex.konj.get(w.lower()) for w in frame["text"] if not (q0 <= 0)]:
            return "known cue: Konjunktiv near the cue"
        return "known cue: other frame shape"


def halves(article_ids) -> dict[str, set[str]]:
    """Article ids of half A (even positions of :func:`sample_order`) and half B (odd ones)."""
    docs = {a.removeprefix("gnq-"): a for a in article_ids}
    order = sample_order(docs)
    return {"A": {docs[d] for d in order[0::2]}, "B": {docs[d] for d in order[1::2]}}


def subset(gold, pred, ids):
    """The gold data and predictions of the articles ``ids``."""
    keep = [t[t["article_id"].isin(ids)].reset_index(drop=True) for t in gold]
    return type(gold)(*keep), pred[pred["article_id"].isin(ids)].reset_index(drop=True)


def batch_ids(article_ids, batch: str) -> set[str]:
    """Article ids of the documents ``START:END`` of the salted order (:func:`batch_documents`)."""
    docs = {a.removeprefix("gnq-"): a for a in article_ids}
    return {docs[d] for d in batch_documents(docs, batch)}


def print_scores(gold, pred, split: str, *, parts: dict[str, set[str]] | None = None) -> None:
    """Message/Joint F1 (precision, recall), entity accuracy and matched share by gold kind for
    each part (default: halves A, B and all)."""
    path = default_labels("german-news-quotes", split)
    labels = read_actor_labels(path) if path.exists() else None
    parts = parts or {**halves(gold.articles["article_id"]), "all": set(gold.articles["article_id"])}
    for name, ids in parts.items():
        g, p = subset(gold, pred, ids)
        sc = score_quotes(p, g.quotes, g.tokens)
        s = sc.summary
        line = (f"{name:4} docs {len(ids):4}  message F1 {s['message_f1']:.4f} (P {s['message_precision']:.4f} "
                f"R {s['message_recall']:.4f})  joint F1 {s['joint_f1']:.4f} (P {s['joint_precision']:.4f} "
                f"R {s['joint_recall']:.4f})")
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
    ap.add_argument("--batch", default=None, help="only documents START:END of the salted order (1-based)")
    ap.add_argument("--scores", action="store_true", help="scores of both halves and the split, no list")
    ap.add_argument("--causes", action="store_true", help="count missed and partial quotations by cause")
    ap.add_argument("--cause", default=None, help="only the quotations whose cause starts so")
    args = ap.parse_args()
    gold = read_gold("german-news-quotes", args.split)
    split_halves = halves(gold.articles["article_id"])
    if args.batch:
        gold, _ = subset(gold, gold.quotes, batch_ids(gold.articles["article_id"], args.batch))
    pred = extract_quotes(gold.articles)
    if args.scores:
        ids = set(gold.articles["article_id"])
        parts = {"A": ids & split_halves["A"], "B": ids & split_halves["B"], args.batch: ids} if args.batch else None
        print_scores(gold, pred, args.split, parts=parts)
        return
    if args.half:
        gold, pred = subset(gold, pred, split_halves[args.half])
    scores = score_quotes(pred, gold.quotes, gold.tokens)
    texts = dict(zip(gold.articles["article_id"], gold.articles["text"]))
    kinds, leads, cues, causes = Counter(), Counter(), Counter(), Counter()
    why = Causes(gold) if args.causes or args.cause else None
    matched_system = set(scores.alignment.loc[scores.alignment["matched"], "system"].dropna().astype(int))
    for row, cls, p in _classes(pred, gold, scores):
        if (args.kind and row.kind != args.kind) or (args.cls and cls != args.cls):
            continue
        text = texts[row.article_id]
        cause = None
        if why is not None and cls != "no speaker":
            cause = why.partial(row, p, matched_system) if cls == "partial" else why.missed(row, text)
            if args.cause and not cause.startswith(args.cause):
                continue
            causes[(cause, row.kind)] += 1
        elif why is not None:
            continue
        lead = _lead(text, row)
        kinds[(row.kind, cls)] += 1
        leads[lead.lower()] += 1
        cues[str(row.cue).lower()] += 1
        if not args.quiet:
            sys_part = "" if p is None else f"\tsys={p.get('rule')}:{p.get('speaker_mention')!r}"
            if cls == "partial":
                sys_part += f"\n    sys: {str(p.get('text'))[:args.width]!r}"
            sys_part += f"\tcause={cause}" if cause else ""
            print(f"{row.quote_id}\t{row.kind}\t{cls}\tcue={row.cue!r}\tspk={row.speaker_mention!r}{sys_part}\n"
                  f"    {_window(text, row, args.width)!r}".replace("\\n", " "))
    if causes:
        print("\nby cause and gold kind")
        for cause in sorted({c for c, _ in causes}, key=lambda c: -sum(n for (c2, _), n in causes.items() if c2 == c)):
            per = {k: n for (c, k), n in causes.items() if c == cause}
            print(f"  {sum(per.values()):4}  {cause:58} " + "  ".join(f"{k} {n}" for k, n in sorted(per.items())))
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
