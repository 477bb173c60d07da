"""Scoring quotation attribution against gold data, and export in the German dataset's format.

The metric follows the German news quotation dataset (Petersen-Frey & Biemann 2024, and the
GermEval 2023 SpkAtt task it builds on); it is implemented here from its description.

1. Every span (quote text, speaker, cue, frame, addressee) becomes the set of scoring tokens it
   overlaps (the dataset's own tokens for German, :mod:`analysis.segment` tokens for PolNeAR).
2. Per document, system and gold quotes are aligned one-to-one with the Hungarian method
   (:func:`scipy.optimize.linear_sum_assignment`) maximising the number of shared quote tokens;
   pairs sharing no token stay unaligned.
3. For each role r, summed over all documents (micro average)::

       TP_r = Σ_aligned |sys_r ∩ gold_r|,   P_r = TP_r / Σ_sys |sys_r|,   R_r = TP_r / Σ_gold |gold_r|,
       F1_r = 2 P_r R_r / (P_r + R_r)

   Unaligned quotes count fully as false positives (system) or false negatives (gold).
   *Message F1* is F1 of the role ``message`` (the quote text); *Roles F1* pools the counts of
   speaker, cue, frame and addressee; *Joint F1* pools all five roles. Roles the gold data do not
   annotate at all (PolNeAR has no frame or addressee) are left out of both pools.
4. Quote level: an aligned pair is a *match* when the token F1 of its two quote texts is at least
   ``threshold`` (0.5). Quote precision = matches / system quotes, recall = matches / gold quotes.
5. Speaker accuracy: among matches whose gold quote has a speaker, the share whose system speaker
   mention shares at least half of its tokens (token F1 ≥ 0.5) with the gold speaker mention.
6. Alignment: ``QuoteScores.alignment`` lists every gold quote (its index label in ``gold``) with
   its aligned system quote (index label in ``pred``, or None) and whether the pair is a match;
   :mod:`analysis.evaluate.actors` scores the actors of matched quotes from it.
7. By kind: per gold kind, the number of gold quotes, how many are matched (recall) and the share
   of their quote tokens found; per system kind, how many system quotes are matched (precision).

>>> import pandas as pd
>>> toks = pd.DataFrame({"article_id": "a", "token": range(4), "start": [0, 3, 6, 9], "end": [2, 5, 8, 11]})
>>> gold = pd.DataFrame({"article_id": ["a"], "kind": ["direct"], "spans": [[[0, 8]]]})
>>> pred = pd.DataFrame({"article_id": ["a"], "kind": ["direct"], "spans": [[[3, 11]]]})
>>> s = score_quotes(pred, gold, toks)
>>> round(s.summary["message_f1"], 3), s.summary["quote_f1"]
(0.667, 1.0)
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment

from analysis.errors import InputError, require_columns
from analysis.outputs import write_text

log = logging.getLogger(__name__)

ROLES = ("message", "speaker", "cue", "frame", "addressee")
ROLE_COLUMNS = {  # role -> (list-of-spans column, single-span fallback column)
    "message": ("spans", None),
    "speaker": ("speaker_spans", "speaker_span"),
    "cue": ("cue_spans", "cue_span"),
    "frame": ("frame_spans", "frame_span"),
    "addressee": ("addressee_spans", "addressee_span"),
}


@dataclass
class QuoteScores:
    """Result of :func:`score_quotes`: a flat ``summary`` dict and two tables."""

    summary: dict
    roles: pd.DataFrame = field(repr=False)
    by_kind: pd.DataFrame = field(repr=False)
    alignment: pd.DataFrame = field(repr=False, default=None)  # gold quote -> matched system row

    def to_json(self) -> dict:
        return {**self.summary, "roles": self.roles.to_dict(orient="records"),
                "by_kind": self.by_kind.to_dict(orient="records")}


def _prf(tp: float, n_sys: float, n_gold: float) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _as_spans(value) -> list:
    """Normalise a span cell (None, [s, e], [[s, e], ...], array) to a list of (s, e)."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return []
    value = list(value) if not isinstance(value, (list, tuple)) else value
    if not value:
        return []
    first = value[0]
    if isinstance(first, (int, np.integer)):
        return [(int(value[0]), int(value[1]))] if len(value) >= 2 else []
    out = []
    for sp in value:
        sp = list(sp)
        if len(sp) >= 2:
            out.append((int(sp[0]), int(sp[1])))
    return out


def _role_spans(row, role: str) -> list:
    many, one = ROLE_COLUMNS[role]
    if many in row and row[many] is not None:
        spans = _as_spans(row[many])
        if spans or one is None or one not in row:
            return spans
    if one is not None and one in row:
        return _as_spans(row[one])
    return []


def _token_sets(df: pd.DataFrame, starts: np.ndarray, ends: np.ndarray) -> list[dict]:
    """Per quote row: {role: frozenset(token positions)}; tokens overlapping a span count."""
    out = []
    for row in df.to_dict(orient="records"):
        sets = {}
        for role in ROLES:
            ids: set[int] = set()
            for s, e in _role_spans(row, role):
                if e <= s:
                    continue
                lo = int(np.searchsorted(ends, s, side="right"))   # first token ending after s
                hi = int(np.searchsorted(starts, e, side="left"))  # tokens starting before e
                ids.update(range(lo, hi))
            sets[role] = frozenset(ids)
        out.append(sets)
    return out


def _f1(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return 2 * inter / (len(a) + len(b))


def score_quotes(pred: pd.DataFrame, gold: pd.DataFrame, tokens: pd.DataFrame, *,
                 threshold: float = 0.5) -> QuoteScores:
    """Score system quotes ``pred`` against ``gold`` on the scoring ``tokens`` (see module doc).

    Both tables need ``article_id`` and ``spans``; roles are read from ``speaker_spans`` /
    ``speaker_span``, ``cue_spans`` / ``cue_span``, ``frame_spans`` and ``addressee_spans`` when
    present. Only articles present in ``tokens`` are scored.
    """
    require_columns(pred, ["article_id", "spans"], table="predicted quotes")
    require_columns(gold, ["article_id", "spans"], table="gold quotes")
    require_columns(tokens, ["article_id", "start", "end"], table="tokens")
    counts = {r: [0, 0, 0] for r in ROLES}  # tp, n_sys, n_gold
    n_pred = n_gold = n_match = 0
    spk_total = spk_ok = 0
    kind_rows: dict[tuple[str, str], list[int]] = {}  # (side, kind) -> [n, matched, tp_msg, n_msg]
    aligned_rows: list[tuple] = []  # (gold label, system label or None, matched)
    pred_groups = dict(tuple(pred.groupby("article_id", sort=False))) if len(pred) else {}
    gold_groups = dict(tuple(gold.groupby("article_id", sort=False))) if len(gold) else {}

    def bump(side, kind, matched, tp=0, n=0):
        row = kind_rows.setdefault((side, str(kind)), [0, 0, 0, 0])
        row[0] += 1
        row[1] += int(matched)
        row[2] += tp
        row[3] += n

    for article_id, tok in tokens.groupby("article_id", sort=False):
        tok = tok.sort_values("start")
        starts, ends = tok["start"].to_numpy(), tok["end"].to_numpy()
        p_df = pred_groups.get(article_id, pred.iloc[:0])
        g_df = gold_groups.get(article_id, gold.iloc[:0])
        P, G = _token_sets(p_df, starts, ends), _token_sets(g_df, starts, ends)
        p_kinds = list(p_df["kind"]) if "kind" in p_df else ["?"] * len(P)
        g_kinds = list(g_df["kind"]) if "kind" in g_df else ["?"] * len(G)
        n_pred += len(P)
        n_gold += len(G)
        for sets in P:
            for r in ROLES:
                counts[r][1] += len(sets[r])
        for sets in G:
            for r in ROLES:
                counts[r][2] += len(sets[r])
        pairs = []
        if P and G:
            overlap = np.array([[len(p["message"] & g["message"]) for g in G] for p in P], dtype=float)
            rows, cols = linear_sum_assignment(-overlap)
            pairs = [(i, j) for i, j in zip(rows, cols) if overlap[i, j] > 0]
        matched_p, matched_g = set(), set()
        for i, j in pairs:
            for r in ROLES:
                counts[r][0] += len(P[i][r] & G[j][r])
            if _f1(P[i]["message"], G[j]["message"]) >= threshold:
                n_match += 1
                matched_p.add(i)
                matched_g.add(j)
                if G[j]["speaker"]:
                    spk_total += 1
                    spk_ok += _f1(P[i]["speaker"], G[j]["speaker"]) >= 0.5
        aligned_g = {j: i for i, j in pairs}
        aligned_rows += [(label, p_df.index[aligned_g[j]] if j in aligned_g else None, j in matched_g)
                         for j, label in enumerate(g_df.index)]
        for j, sets in enumerate(G):
            tp = len(sets["message"] & P[aligned_g[j]]["message"]) if j in aligned_g else 0
            bump("gold", g_kinds[j], j in matched_g, tp, len(sets["message"]))
        for i in range(len(P)):
            bump("system", p_kinds[i], i in matched_p)

    role_rows = []
    for r in ROLES:
        p, rc, f = _prf(*counts[r])
        role_rows.append({"role": r, "tp": counts[r][0], "n_system": counts[r][1], "n_gold": counts[r][2],
                          "precision": p, "recall": rc, "f1": f})

    annotated = [r for r in ROLES[1:] if counts[r][2] > 0] or list(ROLES[1:])

    def pooled(names):
        tp = sum(counts[r][0] for r in names)
        return _prf(tp, sum(counts[r][1] for r in names), sum(counts[r][2] for r in names))

    msg = _prf(*counts["message"])
    roles = pooled(annotated)
    joint = pooled(["message", *annotated])
    qp, qr, qf = _prf(n_match, n_pred, n_gold)
    summary = {
        "message_precision": msg[0], "message_recall": msg[1], "message_f1": msg[2],
        "roles_precision": roles[0], "roles_recall": roles[1], "roles_f1": roles[2],
        "joint_precision": joint[0], "joint_recall": joint[1], "joint_f1": joint[2],
        "quote_precision": qp, "quote_recall": qr, "quote_f1": qf,
        "speaker_accuracy": spk_ok / spk_total if spk_total else 0.0,
        "n_documents": int(tokens["article_id"].nunique()), "n_gold": n_gold, "n_system": n_pred,
        "n_matched": n_match, "threshold": threshold, "roles_pooled": annotated,
    }
    by_kind = pd.DataFrame(
        [{"side": side, "kind": kind, "n": v[0], "matched": v[1], "share_matched": v[1] / v[0] if v[0] else 0.0,
          "message_token_recall": (v[2] / v[3] if v[3] else None) if side == "gold" else None}
         for (side, kind), v in sorted(kind_rows.items())],
        columns=["side", "kind", "n", "matched", "share_matched", "message_token_recall"],
    )
    alignment = pd.DataFrame(aligned_rows, columns=["gold", "system", "matched"])
    return QuoteScores(summary, pd.DataFrame(role_rows), by_kind, alignment)


# --- export in the German dataset's JSON format -----------------------------------------------

GNQ_TYPES = {"direct": "Direct", "indirect": "Indirect", "mixed": "Indirect",
             "free_indirect": "FreeIndirect", "reported": "Reported"}


def _gnq_role(spans, starts, ends, words, text) -> dict:
    spans = sorted(spans)
    out_spans, ids = [], []
    for s, e in spans:
        lo = int(np.searchsorted(ends, s, side="right"))
        hi = int(np.searchsorted(starts, e, side="left"))
        if hi <= lo:
            continue
        out_spans.append({"begin": lo, "end": hi, "charBegin": int(starts[lo]), "charEnd": int(ends[hi - 1])})
        ids.extend(range(lo, hi))
    return {"spans": out_spans, "text": " ".join(text[sp["charBegin"]:sp["charEnd"]] for sp in out_spans),
            "tokenIds": ids}


def write_german_news_quotes(quotes: pd.DataFrame, articles: pd.DataFrame, out_dir, *,
                             tokens: pd.DataFrame | None = None) -> list[Path]:
    """Write one JSON file per article in the German news quotation dataset's format.

    Token ids refer to ``tokens`` (for dataset articles pass the gold tokens so that the
    community's scorer sees the same ids); without it articles are tokenised by
    :func:`analysis.segment.segment`. Files are named after the article's origin file when it is
    a ``.json`` file, else ``<article_id>.json``. Returns the written paths.
    """
    require_columns(articles, ["article_id", "text"], table="articles")
    require_columns(quotes, ["article_id", "spans"], table="quotes")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if tokens is None:
        from analysis.segment import segment
        tokens = segment(articles).tokens
    tok_groups = dict(tuple(tokens.groupby("article_id", sort=False)))
    q_groups = dict(tuple(quotes.groupby("article_id", sort=False))) if len(quotes) else {}
    written = []
    for art in articles.to_dict(orient="records"):
        text = art["text"] if isinstance(art["text"], str) else ""
        tok = tok_groups.get(art["article_id"])
        tok = tok.sort_values("start") if tok is not None else pd.DataFrame({"start": [], "end": []})
        starts, ends = tok["start"].to_numpy(dtype=int), tok["end"].to_numpy(dtype=int)
        words = [text[s:e] for s, e in zip(starts, ends)]
        anns = []
        q = q_groups.get(art["article_id"])
        for k, row in enumerate(q.to_dict(orient="records") if q is not None else []):
            anns.append({
                "id": k, "type": GNQ_TYPES.get(row.get("kind"), "Indirect"), "medium": "Speech",
                "hasNested": False, "isNested": False,
                "quote": _gnq_role(_role_spans(row, "message"), starts, ends, words, text),
                "speaker": _gnq_role(_role_spans(row, "speaker"), starts, ends, words, text),
                "cue": _gnq_role(_role_spans(row, "cue"), starts, ends, words, text),
                "frame": _gnq_role(_role_spans(row, "frame"), starts, ends, words, text),
                "addressee": _gnq_role(_role_spans(row, "addressee"), starts, ends, words, text),
            })
        doc = {
            "documentName": str(art.get("title") or art["article_id"]),
            "originalText": text,
            "tokens": [{"id": i, "charBegin": int(s), "charEnd": int(e), "text": w}
                       for i, (s, e, w) in enumerate(zip(starts, ends, words))],
            "annotations": anns,
        }
        origin = str(art.get("origin") or "")
        name = Path(origin).name if origin.endswith(".json") else f"{art['article_id']}.json"
        path = out_dir / name
        write_text(path, json.dumps(doc, ensure_ascii=False, indent=1))
        written.append(path)
    return written


def evaluate_quotes(gold_dir, *, fmt: str = "german-news-quotes", limit: int | None = None,
                    progress: bool = False, **extract_options) -> tuple[QuoteScores, pd.DataFrame]:
    """Read gold data, run :func:`analysis.quotes.extract_quotes` on its articles and score.

    Returns the scores and the predicted quotes.
    """
    from analysis.datasets import read_gold
    from analysis.quotes import extract_quotes

    gold = read_gold(fmt, gold_dir, limit=limit)
    if not len(gold.articles):
        raise InputError(f"{gold_dir}: no annotated articles found (format {fmt})")
    pred = extract_quotes(gold.articles, progress=progress, **extract_options)
    return score_quotes(pred, gold.quotes, gold.tokens), pred
