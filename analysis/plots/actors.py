"""Figures of the actors table: who is quoted most, and when."""
from __future__ import annotations

import pandas as pd
from matplotlib.patches import Patch

from analysis.errors import InputError, require_columns
from analysis.plots.style import PALETTE, new_axes, short_label

_LABELS = {"n_quotes": "quotations", "n_articles": "articles quoting them"}


def plot_top_actors(actors: pd.DataFrame, *, by: str = "n_quotes", top: int = 15, ax=None):
    """Horizontal bars: the ``top`` actors by ``by`` (``n_quotes`` or ``n_articles``), coloured by kind.

    >>> import pandas as pd
    >>> a = pd.DataFrame({"name": ["Putin", "Kim"], "kind": ["person", "person"], "n_quotes": [3, 1],
    ...                   "n_articles": [1, 1]})
    >>> ax = plot_top_actors(a)
    >>> [t.get_text() for t in ax.get_yticklabels()], ax.get_xlabel()
    (['Kim', 'Putin'], 'quotations')
    """
    require_columns(actors, ["name", "kind", by], table="actors")
    if by not in _LABELS:
        raise InputError(f"by: expected one of {', '.join(_LABELS)}, got {by!r}")
    shown = actors.sort_values([by, "name"], ascending=[False, True], kind="stable").head(top).iloc[::-1]
    ax = new_axes(ax, figsize=(7, max(2.5, 0.35 * len(shown) + 1.5)))
    colours = {k: c for k, c in zip(["person", "organisation", "country", "media", "other"], PALETTE)}
    labels = [f"{short_label(n)} (?)" if amb else short_label(n)
              for n, amb in zip(shown["name"], shown.get("ambiguous", [False] * len(shown)))]
    y = range(len(shown))
    bars = ax.barh(y, shown[by], color=[colours.get(k, PALETTE[-1]) for k in shown["kind"]])
    ax.set_yticks(y, labels)
    handles = [Patch(color=colours[k], label=k) for k in colours if k in set(shown["kind"])]
    ax.bar_label(bars, padding=2, fontsize=8)
    ax.set_xlabel(_LABELS[by])
    ax.set_ylabel("actor")
    ax.set_title(f"Most quoted actors, by {_LABELS[by]}")
    if handles:
        ax.legend(handles=handles, title="kind", loc="lower right", fontsize=8)
    ax.grid(axis="y", visible=False)
    return ax


def plot_actors_over_time(per_period: pd.DataFrame, *, ax=None):
    """One line per actor: quotations per period (the table of :func:`analysis.actors.quotes_per_period`).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"period": pd.to_datetime(["2021-03-01", "2021-04-01"]), "name": ["Scholz"] * 2, "n": [1, 2]})
    >>> plot_actors_over_time(t).get_ylabel()
    'quotations'
    """
    require_columns(per_period, ["period", "name", "n"], table="quotes per period")
    ax = new_axes(ax)
    wide = per_period.pivot_table(index="period", columns="name", values="n", aggfunc="sum", fill_value=0)
    order = wide.sum().sort_values(ascending=False).index if len(wide.columns) else []
    for name, colour in zip(order, PALETTE * 4):
        ax.plot(wide.index, wide[name], marker="o", color=colour, label=str(name))
    ax.set_xlabel("period")
    ax.set_ylabel("quotations")
    ax.set_title("Quotations per actor over time")
    if len(order):
        ax.legend(title="actor", fontsize=8)
    return ax
