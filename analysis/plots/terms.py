"""Figures for term statistics: top terms, keyness bars, collocation network, dispersion barcode.

Each function takes the table produced by :mod:`analysis.terms`, :mod:`analysis.keyness`,
:mod:`analysis.collocations` or :mod:`analysis.dispersion`, draws into ``ax`` (a new figure
in the toolkit's style when omitted) and returns the Axes.

>>> import pandas as pd
>>> freq = pd.DataFrame({"term": ["Frieden", "Krieg"], "n": [5, 3], "group": "all"})
>>> plot_top_terms(freq).get_title()
'Most frequent terms'
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.errors import InputError, require_columns
from analysis.plots.style import PALETTE, new_axes


def plot_top_terms(freq: pd.DataFrame, *, n: int = 20, column: str = "n", group=None, ax=None,
                   title: str = "Most frequent terms"):
    """Horizontal bars of the ``n`` most frequent terms (of one ``group`` when given).

    >>> import pandas as pd
    >>> ax = plot_top_terms(pd.DataFrame({"term": ["Gipfel", "Kim"], "n": [3, 5]}))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Gipfel', 'Kim']
    """
    require_columns(freq, ["term", column], table="frequency table")
    data = freq
    if group is not None:
        require_columns(freq, ["group"], table="frequency table")
        data = freq[freq["group"] == group]
    data = data.nlargest(n, column).iloc[::-1]
    ax = new_axes(ax, figsize=(6, max(2.5, 0.28 * len(data) + 1)))
    ax.barh(data["term"].astype(str), data[column], color=PALETTE[0])
    ax.set_xlabel({"n": "frequency", "rel_freq": "per million words"}.get(column, column))
    ax.set_title(title if group is None else f"{title}: {group}")
    ax.grid(axis="y", visible=False)
    return ax


def plot_keyness(kw: pd.DataFrame, *, n: int = 15, measure: str = "log_ratio", ax=None,
                 target: str = "target", reference: str = "reference"):
    """Diverging bars: the ``n`` most over-used terms (positive ``g2``) and the ``n`` most
    under-used (negative ``g2``), bar length = ``measure`` (default log ratio).

    >>> import pandas as pd
    >>> kw = pd.DataFrame({"term": ["Gipfel", "und"], "g2": [12.0, -4.0], "log_ratio": [3.1, -1.2]})
    >>> len(plot_keyness(kw).patches)
    2
    """
    require_columns(kw, ["term", "g2", measure], table="keyness table")
    pos = kw[kw["g2"] > 0].nlargest(n, "g2")
    neg = kw[kw["g2"] < 0].nsmallest(n, "g2")
    data = pd.concat([pos, neg]).sort_values(measure)
    ax = new_axes(ax, figsize=(6.5, max(2.5, 0.26 * len(data) + 1)))
    colors = [PALETTE[0] if g > 0 else PALETTE[1] for g in data["g2"]]
    ax.barh(data["term"].astype(str), data[measure], color=colors)
    ax.axvline(0, color="black", lw=0.8)
    ax.set_xlabel(f"{measure.replace('_', ' ')} (← {reference} | {target} →)")
    ax.set_title("Key terms")
    ax.grid(axis="y", visible=False)
    return ax


def _spring_layout(nodes: list, edges: list[tuple[int, int, float]], *, iterations: int = 200, seed: int = 1) -> np.ndarray:
    """Fruchterman–Reingold force layout (small graphs) with a fixed seed."""
    rng = np.random.default_rng(seed)
    k = len(nodes)
    pos = rng.uniform(-1, 1, size=(k, 2))
    if k < 2:
        return pos
    opt = 1.5 / np.sqrt(k)
    temp = 0.2
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.linalg.norm(delta, axis=-1) + 1e-9
        force = (delta / dist[..., None]) * (opt ** 2 / dist)[..., None]
        disp = force.sum(axis=1)
        for i, j, w in edges:
            d = pos[i] - pos[j]
            dn = np.linalg.norm(d) + 1e-9
            pull = d / dn * (dn ** 2 / opt) * w
            disp[i] -= pull
            disp[j] += pull
        disp -= 0.5 * pos * np.linalg.norm(pos, axis=1, keepdims=True) / opt  # gravity keeps components close
        length = np.linalg.norm(disp, axis=1) + 1e-9
        pos += disp / length[:, None] * np.minimum(length, temp)[:, None]
        temp *= 0.98
    return pos


def plot_collocation_network(colls: pd.DataFrame, *, measure: str = "log_dice", top: int = 30, ax=None,
                             seed: int = 1):
    """Network of the ``top`` pairs by ``measure``: words as nodes, pairs as edges whose width
    grows with the measure (min–max scaled); node size grows with the number of links.

    >>> import pandas as pd
    >>> colls = pd.DataFrame({"w1": ["Kim", "Jong"], "w2": ["Jong", "Un"], "log_dice": [13.2, 13.5]})
    >>> len(plot_collocation_network(colls).texts)
    3
    """
    require_columns(colls, ["w1", "w2", measure], table="collocation table")
    data = colls.nlargest(top, measure)
    ax = new_axes(ax, figsize=(7, 6))
    ax.set_axis_off()
    ax.set_title(f"Collocations (top {len(data)} by {measure.replace('_', ' ')})")
    if data.empty:
        return ax
    nodes = pd.unique(pd.concat([data["w1"], data["w2"]]).astype(str)).tolist()
    index = {w: i for i, w in enumerate(nodes)}
    vals = data[measure].to_numpy(dtype=float)
    span = (vals.max() - vals.min()) or 1.0
    weights = 0.2 + 0.8 * (vals - vals.min()) / span
    edges = [(index[str(a)], index[str(b)], float(w)) for a, b, w in zip(data["w1"], data["w2"], weights)]
    pos = _spring_layout(nodes, edges, seed=seed)
    degree = np.bincount([i for e in edges for i in e[:2]], minlength=len(nodes))
    for i, j, w in edges:
        ax.plot(*zip(pos[i], pos[j]), color="#777777", lw=0.5 + 3 * w, alpha=0.6, zorder=1)
    ax.scatter(pos[:, 0], pos[:, 1], s=80 + 60 * degree, color=PALETTE[5], edgecolor=PALETTE[0], zorder=2)
    for w, (x, y) in zip(nodes, pos):
        ax.annotate(w, (x, y), xytext=(0, 9), textcoords="offset points", ha="center", va="bottom",
                    fontsize=9, zorder=3)
    return ax


def plot_dispersion(tokens: pd.DataFrame, terms, *, unit: str = "lemma", articles: pd.DataFrame | None = None,
                    order_by: str | None = "date", ax=None):
    """Dispersion (barcode) plot: one row per term, one tick per occurrence along the corpus.

    Articles follow the table order, or ``articles[order_by]`` (e.g. ``date``) when given;
    the x axis is the position in the corpus (0–1 of all non-punctuation tokens).

    >>> import pandas as pd
    >>> toks = pd.DataFrame({"article_id": ["a"] * 4, "sentence": [0] * 4, "is_punct": [False] * 4,
    ...                      "lemma": ["Kim", "trifft", "Putin", "Kim"]})
    >>> [t.get_text() for t in plot_dispersion(toks, ["Kim", "Putin"]).get_yticklabels()]
    ['Kim (2)', 'Putin (1)']
    """
    from analysis.dispersion import occurrences

    terms = [terms] if isinstance(terms, str) else list(terms)
    if not terms:
        raise InputError("plot_dispersion: give at least one term")
    order = None
    if articles is not None and order_by is not None and order_by in articles.columns:
        order = articles.sort_values(order_by, kind="stable")["article_id"].tolist()
        present = set(tokens["article_id"])
        order = [a for a in order if a in present] + [a for a in pd.unique(tokens["article_id"]) if a not in set(order)]
    occ = occurrences(tokens, terms, unit=unit, order=order)
    ax = new_axes(ax, figsize=(8, 0.5 * len(terms) + 1.2))
    for row, term in enumerate(terms):
        x = occ.loc[occ["term"] == term, "fraction"].to_numpy(dtype=float)
        ax.vlines(x, row - 0.4, row + 0.4, color=PALETTE[row % len(PALETTE)], lw=0.8)
    ax.set_yticks(range(len(terms)), [f"{t} ({int((occ['term'] == t).sum())})" for t in terms])
    ax.set_ylim(-0.6, len(terms) - 0.4)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("position in corpus" + (f" (articles ordered by {order_by})" if order else ""))
    ax.set_title("Dispersion")
    ax.grid(axis="y", visible=False)
    return ax
