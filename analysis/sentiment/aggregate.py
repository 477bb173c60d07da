"""Aggregation of scored units: mean tone per group with Student-t confidence intervals."""
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
    df = scored
    if "month" in keys and "month" not in df.columns:
        require_columns(df, [date_col], table="scored units")
        df = df.assign(month=pd.to_datetime(df[date_col], errors="coerce").dt.to_period("M").dt.to_timestamp())
    require_columns(df, keys, table="scored units")
    rows = []
    for key, g in df.groupby(keys, dropna=True, sort=True):
        n = len(g)
        if n < min_n:
            continue
        row = dict(zip(keys, key if isinstance(key, tuple) else (key,)))
        row["n"] = n
        for m in measures:
            x = g[m].astype(float).to_numpy()
            mean = float(x.mean())
            sd = float(x.std(ddof=1)) if n > 1 else float("nan")
            lo, hi = _t_interval(mean, sd, n, level)
            row.update({m: mean, f"{m}_sd": sd, f"{m}_lo": lo, f"{m}_hi": hi})
        if "label" in g.columns:
            row["share_positive"] = float((g["label"] == "positive").mean())
            row["share_negative"] = float((g["label"] == "negative").mean())
        rows.append(row)
    cols = keys + ["n"] + [c for m in measures for c in (m, f"{m}_sd", f"{m}_lo", f"{m}_hi")]
    out = pd.DataFrame(rows)
    if out.empty:
        return pd.DataFrame(columns=cols + ["share_positive", "share_negative"])
    return out.sort_values(["n"] + keys, ascending=[False] + [True] * len(keys), kind="stable").reset_index(drop=True)
