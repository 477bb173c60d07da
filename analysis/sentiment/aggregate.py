"""Aggregation of scored units: mean tone per group with Student-t confidence intervals.

:func:`grouped_intervals` is the shared statistic (means with Student's t interval, shares with
the Wilson score interval, per group); :func:`tone_by` applies it to scored units and
:func:`analysis.relations.dyads_by` to relations.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from analysis.errors import require_columns


def _t_interval(mean: float, sd: float, n: int, level: float) -> tuple[float, float]:
    from scipy import stats

    if n < 2 or not np.isfinite(sd):
        return (float("nan"), float("nan"))
    h = stats.t.ppf(0.5 + level / 2, n - 1) * sd / math.sqrt(n)
    return (mean - h, mean + h)


def _wilson(k: int, n: int, level: float) -> tuple[float, float]:
    """Wilson score interval of a proportion k/n."""
    from scipy import stats

    if n == 0:
        return (math.nan, math.nan)
    z = stats.norm.ppf(0.5 + level / 2)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - half, centre + half)


def grouped_intervals(df: pd.DataFrame, keys: list[str], *, means: tuple[str, ...] = (),
                      shares: tuple[str, ...] = (), level: float = 0.95, min_n: int = 1,
                      extra=None) -> pd.DataFrame:
    """Per group of ``keys``: ``n`` rows, the mean of each column in ``means`` and the share of
    each boolean column in ``shares``, with confidence intervals at ``level``.

    For a column ``m`` of ``means``: ``m`` (mean), ``m_sd`` (ddof=1) and Student's t interval
    ``m_lo``/``m_hi`` = mean ± t(1 − (1 − level)/2, n − 1) · sd / √n (NaN for one row).
    For a column ``s`` of ``shares``: ``n_s`` (true rows), ``share_s`` = p = n_s / n and its
    Wilson score interval (Wilson 1927) ``share_s_lo``/``share_s_hi`` =
    (p + z²/2n ± z √(p(1 − p)/n + z²/4n²)) / (1 + z²/n), z = Φ⁻¹(1 − (1 − level)/2).
    ``extra(group)`` may return a dict of further columns per group. Groups with fewer than
    ``min_n`` rows are dropped (rows with a missing key too); sorted by ``n`` descending, then
    by the keys.

    >>> df = pd.DataFrame({"g": ["a", "a", "b"], "x": [1.0, 3.0, 5.0], "neg": [True, False, False]})
    >>> grouped_intervals(df, ["g"], means=("x",), shares=("neg",))[["g", "n", "x", "n_neg"]].values.tolist()
    [['a', 2, 2.0, 1], ['b', 1, 5.0, 0]]
    """
    rows = []
    for key, g in df.groupby(keys, dropna=True, sort=True):
        n = len(g)
        if n < min_n:
            continue
        row = dict(zip(keys, key if isinstance(key, tuple) else (key,)))
        row["n"] = n
        for m in means:
            x = g[m].astype(float).to_numpy()
            mean = float(x.mean())
            sd = float(x.std(ddof=1)) if n > 1 else math.nan
            lo, hi = _t_interval(mean, sd, n, level)
            row.update({m: mean, f"{m}_sd": sd, f"{m}_lo": lo, f"{m}_hi": hi})
        for s in shares:
            k = int(g[s].sum())
            lo, hi = _wilson(k, n, level)
            row.update({f"n_{s}": k, f"share_{s}": k / n, f"share_{s}_lo": lo, f"share_{s}_hi": hi})
        if extra is not None:
            row.update(extra(g))
        rows.append(row)
    if not rows:
        return pd.DataFrame(columns=[*keys, "n", *(f"{m}{x}" for m in means for x in ("", "_sd", "_lo", "_hi")),
                                     *(f"{p}{s}{x}" for s in shares for p, x in
                                       (("n_", ""), ("share_", ""), ("share_", "_lo"), ("share_", "_hi")))])
    return pd.DataFrame(rows).sort_values(["n"] + keys, ascending=[False] + [True] * len(keys),
                                          kind="stable").reset_index(drop=True)


def _label_shares(g: pd.DataFrame) -> dict:
    return {"share_positive": float((g["label"] == "positive").mean()),
            "share_negative": float((g["label"] == "negative").mean())}


def with_group_keys(df: pd.DataFrame, keys: list, *, date_col: str = "date", table: str = "table") -> pd.DataFrame:
    """``df`` checked to hold the grouping ``keys``; a key ``"month"`` is derived from ``date_col`` when absent.

    The month is the first day of the date's calendar month; a date that cannot be read gives NaT.

    >>> months = with_group_keys(pd.DataFrame({"date": ["2024-03-15", "x"]}), ["month"])["month"]
    >>> str(months[0].date()), months.isna().tolist()
    ('2024-03-01', [False, True])
    """
    if "month" in keys and "month" not in df.columns:
        require_columns(df, [date_col], table=table)
        df = df.assign(month=pd.to_datetime(df[date_col], errors="coerce").dt.to_period("M").dt.to_timestamp())
    require_columns(df, keys, table=table)
    return df


def tone_by(scored: pd.DataFrame, by="speaker", *, date_col: str = "date", level: float = 0.95,
            min_n: int = 1, measures: tuple[str, ...] = ("polarity", "cooperation", "certainty")) -> pd.DataFrame:
    """Mean tone per group with counts and t confidence intervals.

    ``by`` is a column name or list of names; ``"month"`` derives the calendar month from
    ``date_col``. For each measure ``m`` the result has ``m`` (mean), ``m_sd``, ``m_lo`` and
    ``m_hi`` (``mean ± t(1-(1-level)/2, n-1) · sd / sqrt(n)``, Student's t interval), plus
    ``n``, ``share_positive`` and ``share_negative``. Groups with fewer than ``min_n`` units
    are dropped; sorted by ``n`` descending.

    >>> df = pd.DataFrame({"speaker": ["A", "A", "B"], "polarity": [0.2, 0.4, -0.5],
    ...                    "cooperation": [0.1, 0.3, -0.2], "certainty": [0, 0, 0],
    ...                    "label": ["positive", "positive", "negative"]})
    >>> tone_by(df, "speaker")[["speaker", "n", "polarity"]].round(3).values.tolist()
    [['A', 2, 0.3], ['B', 1, -0.5]]
    """
    require_columns(scored, [m for m in measures], table="scored units")
    keys = [by] if isinstance(by, str) else list(by)
    df = with_group_keys(scored, keys, date_col=date_col, table="scored units")
    out = grouped_intervals(df, keys, means=tuple(measures), level=level, min_n=min_n,
                            extra=_label_shares if "label" in df.columns else None)
    if out.empty:
        return pd.DataFrame(columns=[*out.columns, "share_positive", "share_negative"])
    return out
