"""The shared look of every figure and the export helper.

The palette is Okabe & Ito's colour-blind-safe set (Okabe, M. & Ito, K. 2008, *Color Universal
Design*). DejaVu Sans, matplotlib's default font, renders German umlauts.
"""
from __future__ import annotations

import json
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt

CAPTIONS = "captions.json"  # beside the figures: {name: what the figure shows}, in the order they were saved
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]


LABEL_WIDTH = 40  # characters of a speaker or term label; longer names are cut so that the plot keeps its room


def short_label(text, width: int = LABEL_WIDTH) -> str:
    """``text`` as an axis label: cut to ``width`` characters, ending in … when cut.

    >>> short_label("Finnish open-source video game developer Perttu Ahola", 30)
    'Finnish open-source video gam…'
    """
    text = str(text)
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def use_style() -> None:
    """Apply the toolkit's matplotlib style (palette, grid, font sizes) globally."""
    plt.rcParams.update({
        "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "font.family": "DejaVu Sans",
        "font.size": 10,
        "axes.titlesize": 12,
        "figure.dpi": 100,
        "svg.fonttype": "none",
    })


def new_axes(ax=None, *, figsize=(7, 4.5)):
    """Return ``ax`` or, when it is None, the Axes of a new figure in the toolkit's style.

    >>> ax = new_axes()
    >>> ax.figure.get_size_inches().tolist()
    [7.0, 4.5]
    """
    if ax is not None:
        return ax
    use_style()
    _, ax = plt.subplots(figsize=figsize)
    return ax


def save_figure(fig_or_ax, name: str, *, folder: str | Path = "figures", caption: str | None = None) -> list[Path]:
    """Save a figure (or an Axes' figure) as ``<folder>/<name>.png`` (300 dpi) and ``.svg``.

    ``caption`` (what the figure shows) is recorded under ``name`` in ``<folder>/captions.json``,
    which keeps the order in which the figures were first saved; the report shows each figure
    with it. Returns the written paths.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> ax = new_axes(); _ = ax.plot([0, 1], [0, 1])
    >>> [p.suffix for p in save_figure(ax, "line", folder=folder, caption="A line.")]
    ['.png', '.svg']
    >>> json.loads((Path(folder) / CAPTIONS).read_text(encoding="utf-8"))
    {'line': 'A line.'}
    """
    from analysis.outputs import write_text

    fig = getattr(fig_or_ax, "figure", fig_or_ax)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    paths = [folder / f"{name}.png", folder / f"{name}.svg"]
    fig.savefig(paths[0], dpi=300)
    fig.savefig(paths[1])
    if caption:
        captions_path = folder / CAPTIONS
        try:
            captions = json.loads(captions_path.read_text(encoding="utf-8")) if captions_path.is_file() else {}
        except (ValueError, UnicodeDecodeError):
            captions = {}  # an unreadable file is replaced
        captions = {**(captions if isinstance(captions, dict) else {}), name: caption}
        write_text(captions_path, json.dumps(captions, ensure_ascii=False, indent=1) + "\n")
    return paths


def lines_with_bands(ax, parts, *, time: str, measure: str, limits=(None, None)):
    """Draw each ``(label, frame)`` of ``parts`` into ``ax`` as a line of ``measure`` over ``time``
    with its band from ``<measure>_lo`` to ``<measure>_hi`` (clipped to ``limits``), a zero line
    and the ``time`` axis label; returns the Axes.

    >>> import pandas as pd
    >>> g = pd.DataFrame({"month": [1, 2], "x": [0.1, 0.3], "x_lo": [0.0, 0.1], "x_hi": [0.2, 0.5]})
    >>> [line.get_label() for line in lines_with_bands(new_axes(), [("A", g)], time="month", measure="x").lines][:1]
    ['A']
    """
    for i, (label, g) in enumerate(parts):
        g = g.sort_values(time)
        colour = PALETTE[i % len(PALETTE)]
        ax.plot(g[time], g[measure], marker="o", ms=3, color=colour, label=label)
        ax.fill_between(g[time], g[f"{measure}_lo"].astype(float).clip(*limits),
                        g[f"{measure}_hi"].astype(float).clip(*limits), color=colour, alpha=0.15, lw=0)
    ax.axhline(0, color="#888", lw=0.8)
    ax.tick_params(axis="x", labelrotation=30)
    ax.set_xlabel(time)
    return ax
