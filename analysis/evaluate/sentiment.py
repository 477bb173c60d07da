"""Scorers for the sentiment engine against annotated data.

* **GerNTSA** (German news sentences, 3-class sentiment towards a target; CC BY 4.0): macro-F1
  over negative/neutral/positive and accuracy. The file is split into a fixed *tuning* part
  (rows whose ``id`` ends in an even hex digit) and a *test* part (odd); parameters were chosen
  on the tuning part only and numbers are reported on the test part (and on all rows).
* **VADER NYT editorial snippets** (Hutto & Gilbert 2014; 5,190 sentences with the mean of 20
  human ratings, −4…4): Pearson r between ``polarity`` and the mean rating, and macro-F1 with
  gold labels ``positive`` (mean ≥ 0.5), ``negative`` (mean ≤ −0.5), else ``neutral``. Tuning
  part: snippets of odd-numbered editorials (``id`` ``"<editorial>_<sentence>"``); test: even.

Macro-F1 is the unweighted mean over the classes of ``F1_c = 2 P_c R_c / (P_c + R_c)``
(``P_c``, ``R_c`` precision and recall of class ``c``; 0 when undefined), see Sokolova &
Lapalme (2009), *A systematic analysis of performance measures for classification tasks*.

>>> macro_f1(["positive", "neutral"], ["positive", "negative"])
0.3333333333333333
"""
from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.datasets import shared_dir
from analysis.errors import InputError
from analysis.tables import read_table, text_encoding

LABELS = ("negative", "neutral", "positive")
NYT_GOLD_BAND = 0.5


def default_path(dataset: str) -> Path:
    """Where a dataset lives in the shared folder."""
    return {
        "gerntsa": shared_dir() / "datasets" / "gerntsa" / "gerntsa_dev.tsv",
        "vader-nyt": shared_dir() / "datasets" / "vader-nyt-editorials",
    }[dataset]


# --- metrics --------------------------------------------------------------------------------

def macro_f1(gold, pred, labels=LABELS) -> float:
    """Unweighted mean of the per-class F1 over ``labels``.

    >>> macro_f1(["negative", "neutral", "positive"], ["negative", "neutral", "positive"])
    1.0
    """
    gold, pred = list(gold), list(pred)
    if len(gold) != len(pred):
        raise InputError(f"macro_f1: {len(gold)} gold labels but {len(pred)} predictions")
    f1s = []
    for c in labels:
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / len(f1s)


def accuracy(gold, pred) -> float:
    """Share of predictions equal to the gold label.

    >>> accuracy(["a", "b"], ["a", "a"])
    0.5
    """
    gold, pred = list(gold), list(pred)
    return sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else float("nan")


def pearson_r(x, y) -> float:
    """Pearson's product-moment correlation ``cov(x, y) / (sd(x) sd(y))``.

    >>> round(pearson_r([1, 2, 3], [2, 4, 7]), 4)
    0.9934
    """
    x, y = np.asarray(x, float), np.asarray(y, float)
    xd, yd = x - x.mean(), y - y.mean()
    den = math.sqrt(float((xd * xd).sum()) * float((yd * yd).sum()))
    return float((xd * yd).sum() / den) if den else float("nan")


def labels_from_scores(scores, band: float) -> list[str]:
    """``positive`` above ``band``, ``negative`` below ``-band``, else ``neutral``."""
    return ["positive" if s > band else "negative" if s < -band else "neutral" for s in scores]


# --- readers --------------------------------------------------------------------------------

def read_gerntsa(path: str | Path | None = None) -> pd.DataFrame:
    """GerNTSA as a table: ``id``, ``text``, ``target``, ``label``, ``part`` (tune/test)."""
    path = Path(path) if path else default_path("gerntsa")
    if path.is_dir():
        path = path / "gerntsa_dev.tsv"
    if not path.exists():
        raise InputError(f"{path}: GerNTSA file not found (expected gerntsa_dev.tsv)")
    df = read_table(path, sep="\t", dtype=str, keep_default_na=False, quoting=csv.QUOTE_MINIMAL)
    missing = {"id", "text", "target", "label"} - set(df.columns)
    if missing:
        raise InputError(f"{path}: expected columns id, text, target, label; missing {', '.join(sorted(missing))}")
    _require_rows(df, path, ids=r".*[0-9a-fA-F]", id_form="ending in a hexadecimal digit")
    df["part"] = ["tune" if int(i[-1], 16) % 2 == 0 else "test" for i in df["id"]]
    return df


def read_vader_nyt(path: str | Path | None = None) -> pd.DataFrame:
    """The NYT editorial snippets: ``id``, ``rating`` (mean, −4…4), ``text``, ``label``, ``part``."""
    path = Path(path) if path else default_path("vader-nyt")
    if path.is_dir():
        path = path / "nytEditorialSnippets_GroundTruth.txt"
    if not path.exists():
        raise InputError(f"{path}: NYT editorial ground truth not found (expected nytEditorialSnippets_GroundTruth.txt)")
    rows = []
    with open(path, encoding=text_encoding(path), errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            parts = line.rstrip("\n").split("\t")
            if not line.strip():
                continue
            try:
                rating = float(parts[1]) if len(parts) >= 3 else math.nan
                if not math.isfinite(rating):
                    raise ValueError
                rows.append((parts[0], rating, "\t".join(parts[2:])))
            except ValueError:
                raise InputError(f"{path}:{n}: expected id<TAB>mean rating<TAB>text, got {line[:60]!r}") from None
    df = pd.DataFrame(rows, columns=["id", "rating", "text"])
    _require_rows(df, path, ids=r"\d+_.*", id_form="<editorial number>_<sentence>")
    df["label"] = labels_from_scores(df["rating"], NYT_GOLD_BAND - 1e-9)
    df["part"] = ["tune" if int(i.split("_")[0]) % 2 == 1 else "test" for i in df["id"]]
    return df


def _require_rows(df: pd.DataFrame, path: Path, *, ids: str, id_form: str) -> None:
    """:class:`InputError` for a dataset without rows, with an id not of the form ``ids``
    (a regular expression) or, when labelled, with a label outside :data:`LABELS`."""
    if not len(df):
        raise InputError(f"{path}: no annotated rows found")
    bad = ~df["id"].astype(str).str.fullmatch(ids)
    if bad.any():
        raise InputError(f"{path}: id {df['id'][bad].iloc[0]!r} is not of the form {id_form} ({int(bad.sum())} such id(s))")
    if "label" in df.columns and not df["label"].isin(LABELS).all():
        found = sorted(set(df["label"]) - set(LABELS))
        raise InputError(f"{path}: labels must be {', '.join(LABELS)}; found {', '.join(map(repr, found[:5]))}")


def _part(df: pd.DataFrame, part: str, path) -> pd.DataFrame:
    """The rows of ``part`` (``test``, ``tune`` or ``all``); :class:`InputError` when there are none."""
    if part not in ("test", "tune", "all"):
        raise InputError(f"part must be test, tune or all, got {part!r}")
    rows = df if part == "all" else df[df["part"] == part]
    if not len(rows):
        raise InputError(f"{path or 'dataset'}: no rows in the {part} part")
    return rows


# --- evaluation -----------------------------------------------------------------------------

def _scores(df: pd.DataFrame, lang: str, *, target_col: str | None, **kw) -> pd.DataFrame:
    from analysis.sentiment import score_sentiment

    return score_sentiment(df, lang=lang, target_col=target_col, hits=False, events=False, **kw)


def evaluate_gerntsa(path=None, *, part: str = "test", band: float | None = None, use_target: bool = False,
                     **kw) -> dict:
    """Macro-F1 and accuracy on GerNTSA (``part``: test, tune or all).

    Returns a dict with ``macro_f1``, ``accuracy``, ``n``, ``part`` and the baseline
    ``all_neutral_macro_f1``.
    """
    df = _part(read_gerntsa(path), part, path)
    scored = _scores(df, "de", target_col="target" if use_target else None, band=band, **kw)
    return {
        "dataset": "gerntsa", "part": part, "n": len(df),
        "macro_f1": macro_f1(df["label"], scored["label"]),
        "accuracy": accuracy(df["label"], scored["label"]),
        "all_neutral_macro_f1": macro_f1(df["label"], ["neutral"] * len(df)),
    }


def evaluate_vader_nyt(path=None, *, part: str = "test", band: float | None = None, **kw) -> dict:
    """Pearson r (polarity vs mean human rating), macro-F1 and accuracy on the NYT snippets."""
    df = _part(read_vader_nyt(path), part, path)
    scored = _scores(df, "en", target_col=None, band=band, **kw)
    return {
        "dataset": "vader-nyt", "part": part, "n": len(df),
        "pearson_r": pearson_r(scored["polarity"], df["rating"]),
        "macro_f1": macro_f1(df["label"], scored["label"]),
        "accuracy": accuracy(df["label"], scored["label"]),
    }


def vader_baseline(path=None, *, part: str = "test", band: float = 0.05) -> dict:
    """vaderSentiment's compound score on the same snippets (for comparison)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    df = _part(read_vader_nyt(path), part, path)
    sia = SentimentIntensityAnalyzer()
    comp = [sia.polarity_scores(t)["compound"] for t in df["text"]]
    return {"dataset": "vader-nyt", "part": part, "n": len(df), "pearson_r": pearson_r(comp, df["rating"]),
            "macro_f1": macro_f1(df["label"], labels_from_scores(comp, band)),
            "accuracy": accuracy(df["label"], labels_from_scores(comp, band))}


def evaluate(dataset: str, path=None, **kw) -> dict:
    """Dispatch: ``dataset`` is ``gerntsa`` or ``vader-nyt``."""
    if dataset == "gerntsa":
        return evaluate_gerntsa(path, **kw)
    if dataset == "vader-nyt":
        return evaluate_vader_nyt(path, **kw)
    raise InputError(f"unknown dataset {dataset!r}; expected gerntsa or vader-nyt")
