"""Figures of tone: by speaker with intervals, cooperation against polarity, tone over time.

All functions take the output of :func:`analysis.sentiment.tone_by` (one row per group with
``n``, the measure's mean and its ``_lo``/``_hi`` interval), draw into ``ax`` (a new figure
when None) and return the Axes.

>>> import pandas as pd
>>> from analysis.sentiment import tone_by
>>> scored = pd.DataFrame({"speaker": ["Putin", "Putin", "Kim", "Kim"], "polarity": [0.5, 0.3, -0.1, 0.1],
...                        "cooperation": [0.6, 0.4, 0.0, 0.2], "certainty": [0, 0, 0, 0]})
>>> ax = tone_by_speaker(tone_by(scored, "speaker"))
>>> [t.get_text() for t in ax.get_yticklabels()]
['Kim (n=2)', 'Putin (n=2)']
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.errors import InputError, require_columns
from analysis.plots.style import PALETTE, lines_with_bands, new_axes, short_label

MEASURE_LABELS = {
    "polarity": "polarity (−1 negative … +1 positive)",
    "cooperation": "cooperation (−1 conflict … +1 cooperation)",
    "certainty": "certainty (−1 hedged … +1 assertive)",
}


def _check(tone: pd.DataFrame, cols: list[str]) -> None:
    require_columns(tone, cols, table="tone (from tone_by)")
    if tone.empty:
        raise InputError("tone (from tone_by): no groups to plot (empty table)")


def tone_by_speaker(tone: pd.DataFrame, *, by: str = "speaker", measure: str = "polarity", top: int = 20,
                    min_n: int = 1, ax=None):
    """Mean ``measure`` per group with its confidence interval, sorted by the mean.

    The ``top`` groups with most units are shown (at least ``min_n`` units each); labels carry
    the count (names longer than 40 characters are cut with …). Intervals of groups with one unit are missing (NaN) and drawn as a bare point;
    intervals are drawn clipped to the scale (−1 … 1), as a t interval of few units can exceed it.

    >>> import pandas as pd
    >>> tone = pd.DataFrame({"speaker": ["A", "B"], "n": [3, 2], "polarity": [0.4, -0.2], "polarity_lo": [0.1, -0.9],
    ...                      "polarity_hi": [0.7, 0.5], "cooperation": [0.3, -0.5]})
    >>> [t.get_text() for t in tone_by_speaker(tone).get_yticklabels()]
    ['B (n=2)', 'A (n=3)']
    """
    _check(tone, [by, "n", measure, f"{measure}_lo", f"{measure}_hi"])
    d = tone[tone["n"] >= min_n].nlargest(top, "n").sort_values(measure)
    if d.empty:
        raise InputError(f"tone: no group has at least {min_n} units")
    ax = new_axes(ax, figsize=(8, max(2.5, 0.35 * len(d) + 1.2)))
    y = np.arange(len(d))
    mean = d[measure].to_numpy(float)
    lo = np.nan_to_num(mean - np.clip(d[f"{measure}_lo"].to_numpy(float), -1, 1))
    hi = np.nan_to_num(np.clip(d[f"{measure}_hi"].to_numpy(float), -1, 1) - mean)
    colours = [PALETTE[0] if m >= 0 else PALETTE[3] for m in mean]
    ax.errorbar(mean, y, xerr=[lo, hi], fmt="none", ecolor="#555", elinewidth=1, capsize=3, zorder=1)
    ax.scatter(mean, y, c=colours, s=40, zorder=2)
    ax.axvline(0, color="#888", lw=0.8)
    ax.set_yticks(y)
    ax.set_yticklabels([f"{short_label(k)} (n={n})" for k, n in zip(d[by], d["n"])])
    ax.set_xlabel(MEASURE_LABELS.get(measure, measure) + "\nmean with 95% CI")
    ax.set_title(f"Tone by {by}")
    return ax


# label positions tried in turn (offset in points, alignment) until a label overlaps no earlier one
LABEL_PLACES = [((4, 4), "left", "bottom"), ((4, -4), "left", "top"), ((-4, 4), "right", "bottom"),
                ((-4, -4), "right", "top")]


def _labels(ax, labels, xs, ys, *, reserved=()) -> int:
    """Label points next to them, moving a label to another side of its point when it would cover
    an earlier one or leave the axes (biggest groups first, as they come); a label that fits on no
    side is left out. Returns the number left out. ``reserved``: boxes (display units) no label may cover.

    The boxes are measured with the figure's own renderer, so call this once the layout is final.
    """
    frame = ax.get_window_extent()  # measured with the figure's own renderer, whatever the backend
    placed, left_out = list(reserved), 0
    for label, px, py in zip(labels, xs, ys):
        for offset, ha, va in LABEL_PLACES:
            text = ax.annotate(label, (px, py), xytext=offset, textcoords="offset points", fontsize=8, ha=ha, va=va)
            box = text.get_window_extent()
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if inside and not any(box.overlaps(b) for b in placed):
                placed.append(box)
                break
            text.remove()
        else:
            left_out += 1
    return left_out


def cooperation_vs_polarity(tone: pd.DataFrame, *, by: str = "speaker", x: str = "polarity", y: str = "cooperation",
                            top: int = 25, ax=None):
    """Groups placed by mean ``x`` and mean ``y`` (point size ∝ number of units), labelled.

    The four quadrants read: warm and cooperative (top right), critical but cooperative (top
    left), friendly words about a conflict (bottom right), hostile (bottom left). Labels never
    cover each other: one that fits beside its point on no side is left out (biggest groups are
    labelled first), and a note in the corner says how many.

    >>> import pandas as pd
    >>> tone = pd.DataFrame({"speaker": ["A", "B"], "n": [3, 2], "polarity": [0.4, -0.2], "polarity_lo": [0.1, -0.9],
    ...                      "polarity_hi": [0.7, 0.5], "cooperation": [0.3, -0.5]})
    >>> cooperation_vs_polarity(tone).get_xlabel().startswith("mean polarity")
    True
    """
    _check(tone, [by, "n", x, y])
    d = tone.nlargest(top, "n")
    own_figure = ax is None
    ax = new_axes(ax, figsize=(6.5, 6))
    size = 30 + 270 * d["n"] / d["n"].max()
    ax.scatter(d[x], d[y], s=size, alpha=0.7, color=PALETTE[0], edgecolor="white")
    ax.axhline(0, color="#888", lw=0.8)
    ax.axvline(0, color="#888", lw=0.8)
    lim = max(0.1, float(np.nanmax(np.abs(d[[x, y]].to_numpy(float))))) * 1.15
    ax.set_xlim(-lim, lim)
    ax.set_ylim(-lim, lim)
    ax.set_xlabel("mean " + MEASURE_LABELS.get(x, x))
    ax.set_ylabel("mean " + MEASURE_LABELS.get(y, y))
    ax.set_title(f"{by.capitalize()}s by cooperation and polarity")
    if own_figure:
        ax.figure.tight_layout()  # the labels are placed in the final layout (they stay inside the axes)
    note = ax.text(0.99, 0.01, f"{len(d)} label(s) left out where they would cover others", transform=ax.transAxes,
                   ha="right", va="bottom", fontsize=7, color="#555")  # its widest text, reserved before the labels
    left_out = _labels(ax, d[by].map(short_label), d[x], d[y], reserved=[note.get_window_extent()])
    if left_out:
        note.set_text(f"{left_out} label(s) left out where they would cover others")
    else:
        note.remove()
    return ax


def tone_over_time(tone: pd.DataFrame, *, time: str = "month", measure: str = "polarity", group: str | None = None,
                   top: int = 6, ax=None):
    """Mean ``measure`` per period as a line with its confidence band; one line per ``group``.

    ``tone`` comes from ``tone_by(scored, "month")`` or ``tone_by(scored, ["month", "source"])``
    (then ``group="source"``; the ``top`` groups with most units are drawn).

    >>> import pandas as pd
    >>> monthly = pd.DataFrame({"month": pd.to_datetime(["2019-04-01", "2019-05-01"]), "n": [4, 5],
    ...                         "polarity": [0.1, -0.2], "polarity_lo": [0.0, -0.4], "polarity_hi": [0.2, 0.0]})
    >>> tone_over_time(monthly).get_title()
    'Polarity over time (mean with 95% CI)'
    """
    cols = [time, "n", measure, f"{measure}_lo", f"{measure}_hi"] + ([group] if group else [])
    _check(tone, cols)
    ax = new_axes(ax)
    if group:
        keep = tone.groupby(group)["n"].sum().nlargest(top).index
        parts = [(str(k), g) for k, g in tone[tone[group].isin(keep)].groupby(group)]
    else:
        parts = [(None, tone)]
    lines_with_bands(ax, parts, time=time, measure=measure, limits=(-1, 1))
    ax.set_ylabel(MEASURE_LABELS.get(measure, measure))
    ax.set_title(f"{measure.capitalize()} over time (mean with 95% CI)")
    if group:
        ax.legend(title=group, fontsize=8)
    return ax
