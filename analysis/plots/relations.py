"""Figures of relations: a dyad over time, and the matrix of dyads (source × target).

Both take the output of :func:`analysis.relations.dyads_by` (one row per dyad and period with
``n``, the mean Goldstein value and its ``goldstein_lo``/``goldstein_hi`` interval), draw into
``ax`` (a new figure when None) and return the Axes.

>>> import pandas as pd
>>> d = pd.DataFrame({"source": ["Russland", "USA"], "target": ["Nordkorea", "Nordkorea"], "n": [3, 2],
...                   "goldstein": [2.0, -5.0]})
>>> [t.get_text() for t in dyad_matrix(d).get_yticklabels()]
['Nordkorea', 'Russland', 'USA']
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.errors import InputError, require_columns
from analysis.plots.style import lines_with_bands, new_axes, short_label

GOLDSTEIN_LABEL = "Goldstein value (−10 conflict … +10 cooperation)"


def _check(dyads: pd.DataFrame, cols: list[str]) -> None:
    require_columns(dyads, cols, table="dyads (from dyads_by)")
    if dyads.empty:
        raise InputError("dyads (from dyads_by): no dyads to plot (empty table)")


def dyad_over_time(dyads: pd.DataFrame, *, time: str = "month", measure: str = "goldstein", top: int = 5,
                   dyads_shown=None, ax=None):
    """Mean ``measure`` per period of the ``top`` dyads with most events (or of ``dyads_shown``,
    a list of (source, target) pairs), as lines with their confidence bands.

    >>> d = pd.DataFrame({"source": ["A", "A"], "target": ["B", "B"], "month": pd.to_datetime(["2019-04-01", "2019-05-01"]),
    ...                   "n": [2, 3], "goldstein": [1.0, -2.0], "goldstein_lo": [0.0, -4.0], "goldstein_hi": [2.0, 0.0]})
    >>> [t.get_text() for t in dyad_over_time(d).get_legend().get_texts()]
    ['A → B']
    """
    _check(dyads, ["source", "target", time, "n", measure, f"{measure}_lo", f"{measure}_hi"])
    totals = dyads.groupby(["source", "target"])["n"].sum()
    keep = list(dyads_shown) if dyads_shown is not None else list(totals.nlargest(top).index)
    if any(not isinstance(k, (tuple, list)) or len(k) != 2 for k in keep):
        raise InputError(f"dyads_shown: expected a list of (source, target) pairs, got {dyads_shown!r}")
    missing = [k for k in keep if tuple(k) not in totals.index]
    if missing:
        raise InputError(f"dyads: no events for {missing[0][0]} → {missing[0][1]}")
    ax = new_axes(ax)
    parts = [(f"{short_label(s, 18)} → {short_label(t, 18)}", dyads[(dyads["source"] == s) & (dyads["target"] == t)])
             for s, t in keep]
    lines_with_bands(ax, parts, time=time, measure=measure)
    ax.set_ylabel(GOLDSTEIN_LABEL if measure == "goldstein" else measure)
    ax.set_title("Dyads over time (mean with 95% CI)")
    ax.legend(title="source → target", fontsize=8)
    return ax


def dyad_matrix(dyads: pd.DataFrame, *, measure: str = "goldstein", top: int = 12, annotate: bool = True,
                mirror: bool | None = None, ax=None):
    """A heat map of ``measure`` per source (rows) and target (columns), over all periods weighted
    by ``n``, for the ``top`` actors with most events; cells show the number of events.
    ``mirror`` draws each dyad in both cells (default: when ``dyads_by(directed=False)`` made the
    table; for a table from elsewhere, when every source sorts before its target).

    >>> d = pd.DataFrame({"source": ["A"], "target": ["B"], "n": [1], "goldstein": [4.0]})
    >>> dyad_matrix(d).get_title()
    'Dyads: mean Goldstein value (cells: events)'
    """
    _check(dyads, ["source", "target", "n", measure])
    d = dyads.assign(_w=dyads[measure].astype(float) * dyads["n"])
    d = d.groupby(["source", "target"], as_index=False).agg(n=("n", "sum"), _w=("_w", "sum"))
    d[measure] = d["_w"] / d["n"]
    count = pd.concat([d.groupby("source")["n"].sum(), d.groupby("target")["n"].sum()]).groupby(level=0).sum()
    actors = set(count.nlargest(top).index)
    d = d[d["source"].isin(actors) & d["target"].isin(actors)]
    if mirror is None:  # as dyads_by made them; a table from elsewhere: undirected when every pair is ordered
        directed = dyads.attrs.get("directed")
        mirror = (not directed) if directed is not None else bool((d["source"] < d["target"]).all())
    if mirror:
        d = pd.concat([d, d.rename(columns={"source": "target", "target": "source"})], ignore_index=True)
    rows = cols = sorted(set(d["source"]) | set(d["target"]))  # one order on both axes
    grid = np.full((len(rows), len(cols)), np.nan)
    n = np.zeros_like(grid, dtype=int)
    for r in d.itertuples(index=False):
        grid[rows.index(r.source), cols.index(r.target)] = getattr(r, measure)
        n[rows.index(r.source), cols.index(r.target)] = r.n
    ax = new_axes(ax, figsize=(max(5.0, 2.8 + 0.7 * len(cols)), max(3.5, 2.0 + 0.55 * len(rows))))
    limit = 10.0 if measure == "goldstein" else float(np.nanmax(np.abs(grid))) or 1.0
    image = ax.imshow(np.ma.masked_invalid(grid), cmap="RdBu", vmin=-limit, vmax=limit, aspect="auto")
    ax.figure.colorbar(image, ax=ax, label="Goldstein (−10 … +10)" if measure == "goldstein" else measure, shrink=0.8)
    ax.grid(False)
    ax.set_xticks(range(len(cols)))
    ax.set_xticklabels([short_label(c, 20) for c in cols], rotation=40, ha="right")
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([short_label(r, 20) for r in rows])
    if annotate:
        for i in range(len(rows)):
            for j in range(len(cols)):
                if n[i, j]:
                    ax.text(j, i, str(n[i, j]), ha="center", va="center", fontsize=8)
    ax.set_xlabel("target")
    ax.set_ylabel("source")
    ax.set_title("Dyads: mean Goldstein value (cells: events)" if measure == "goldstein" else f"Dyads: {measure}")
    return ax
