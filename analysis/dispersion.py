"""Dispersion: how evenly a term spreads over the parts of a corpus (articles, sources, months).

Measures (formulas in ``docs/measures.md``): range (parts containing the term), Juilland's D
on the relative frequencies per part, Gries' DP (deviation of proportions) and its
normalisation DP_norm by Lijffijt & Gries (2012).

>>> import pandas as pd
>>> toks = pd.DataFrame({"article_id": list("aabbcc"), "sentence": 0,
...                      "lemma": ["x", "y", "x", "y", "y", "y"]})
>>> dispersion(toks, ["x"])[["term", "n", "range", "dp"]].round(3).values.tolist()
[['x', 2, 2, 0.333]]
"""
from __future__ import annotations

import logging

import numpy as np
import pandas as pd

from analysis.errors import InputError, require_columns, require_int
from analysis.terms import _group_labels, encode, unique_counts

log = logging.getLogger(__name__)

DISPERSION_COLUMNS = ["term", "n", "range", "parts", "range_pct", "juilland_d", "dp", "dp_norm"]


def dispersion(tokens: pd.DataFrame, terms=None, *, by="article_id", articles: pd.DataFrame | None = None,
               unit: str = "lemma", lang: str | None = None, min_count: int = 1) -> pd.DataFrame:
    """Range, Juilland's D, Gries' DP and DP_norm of terms over the parts given by ``by``.

    ``terms``: the terms to score (exact values of ``unit``; absent terms get n = 0 and NaN
    measures) or None for every term with at least ``min_count`` occurrences. ``by``: a tokens
    column, an articles column (joined on ``article_id``) or one label per token. Part sizes
    are their numbers of non-punctuation tokens. With a single part, Juilland's D and
    DP_norm are undefined (NaN) and DP is 0.

    Columns: ``term``, ``n``, ``range``, ``parts``, ``range_pct``, ``juilland_d``, ``dp``,
    ``dp_norm``; sorted by ``n`` descending.
    """
    if not isinstance(tokens, pd.DataFrame):
        raise InputError(f"tokens: expected a pandas DataFrame, got {type(tokens).__name__}")
    require_int(min_count, name="min_count")
    wanted = None if terms is None else [terms] if isinstance(terms, str) else list(terms)
    if not len(tokens):
        rows = pd.DataFrame({"term": wanted or []})
        for c in DISPERSION_COLUMNS[1:]:
            rows[c] = np.nan
        return rows[DISPERSION_COLUMNS]
    require_columns(tokens, ["article_id", "sentence"], table="tokens")
    enc = encode(tokens, unit=unit, lang=lang, stopwords=False)
    labels = _group_labels(tokens, by, articles)
    part, _ = pd.factorize(labels.to_numpy()[enc.index], use_na_sentinel=False)
    part = part.astype(np.int64)
    k = int(part.max()) + 1 if len(part) else 0
    size = np.bincount(part, minlength=k).astype(float)
    total = size.sum()
    v = len(enc.vocab)
    key = enc.codes * max(k, 1) + part
    uniq, cnt = unique_counts(key)
    t_idx, p_idx = uniq // max(k, 1), uniq % max(k, 1)
    freq = np.bincount(t_idx, weights=cnt, minlength=v)
    rng = np.bincount(t_idx, minlength=v)
    share = size[p_idx] / total if total else np.zeros(len(p_idx))
    dev = np.abs(cnt / freq[t_idx] - share)
    covered = np.bincount(t_idx, weights=share, minlength=v)
    dp = 0.5 * (np.bincount(t_idx, weights=dev, minlength=v) + (1 - covered))
    rel = cnt / size[p_idx]
    mean = np.bincount(t_idx, weights=rel, minlength=v) / max(k, 1)
    sq = np.bincount(t_idx, weights=rel ** 2, minlength=v) / max(k, 1)
    sd = np.sqrt(np.maximum(sq - mean ** 2, 0.0))
    with np.errstate(divide="ignore", invalid="ignore"):
        d = 1 - (sd / mean) / np.sqrt(k - 1) if k > 1 else np.full(v, np.nan)
        min_share = size.min() / total if total else np.nan
        dp_norm = dp / (1 - min_share) if k > 1 else np.full(v, np.nan)
    if k == 1:
        log.warning("dispersion over a single part: Juilland's D and DP_norm are undefined (NaN)")
    df = pd.DataFrame({"term": enc.vocab, "n": freq.astype(np.int64), "range": rng, "parts": k,
                       "range_pct": rng / max(k, 1) * 100, "juilland_d": d, "dp": dp, "dp_norm": dp_norm})
    if wanted is not None:
        df = df.set_index("term").reindex(pd.Index(wanted, dtype=object, name="term")).reset_index()
        df["n"] = df["n"].fillna(0).astype("int64")
        df["range"] = df["range"].fillna(0).astype("int64")
        df["parts"] = k
        df["range_pct"] = df["range"] / max(k, 1) * 100
        return df[DISPERSION_COLUMNS]
    df = df[df["n"] >= min_count]
    return df.sort_values(["n", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)[DISPERSION_COLUMNS]


def occurrences(tokens: pd.DataFrame, terms, *, unit: str = "lemma", lang: str | None = None,
                order=None) -> pd.DataFrame:
    """Where each term occurs along the corpus: one row per hit with ``term``, ``article_id``,
    ``position`` (index among non-punctuation tokens, in ``order`` of articles if given, else
    table order) and ``fraction`` (position / corpus length), the data of a dispersion plot.

    >>> toks = pd.DataFrame({"article_id": list("aabb"), "sentence": 0, "lemma": list("xyyx")})
    >>> occurrences(toks, ["x"])[["term", "position", "fraction"]].values.tolist()
    [['x', 0, 0.0], ['x', 3, 0.75]]
    """
    wanted = [terms] if isinstance(terms, str) else list(terms)
    if order is not None and len(tokens):
        rank = {a: i for i, a in enumerate(order)}
        key = tokens["article_id"].map(rank)
        if key.isna().any():
            missing = tokens.loc[key.isna(), "article_id"].iloc[0]
            raise InputError(f"order: article {missing!r} of the tokens is not in the given order")
        tokens = tokens.iloc[np.argsort(key.to_numpy(), kind="stable")]
    cols = ["term", "article_id", "position", "fraction"]
    if not len(tokens):
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    enc = encode(tokens, unit=unit, lang=lang, stopwords=False)
    lookup = {t: i for i, t in enumerate(enc.vocab)}
    rows = []
    total = max(len(enc.codes), 1)
    for t in wanted:
        code = lookup.get(t)
        if code is None:
            continue
        pos = np.flatnonzero(enc.codes == code)
        rows.append(pd.DataFrame({"term": t, "article_id": enc.docs[enc.doc[pos]], "position": pos,
                                  "fraction": pos / total}))
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    return pd.concat(rows, ignore_index=True)[cols]
