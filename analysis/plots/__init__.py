"""Figures: one module per analysis, a shared style and an export helper.

Every plot function takes a DataFrame and column names, draws into ``ax=`` (a new figure when
omitted) and returns the Axes; none calls ``plt.show()``. :func:`save_figure` writes PNG (300 dpi)
and SVG under a stable name.
"""
from analysis.plots.style import PALETTE, new_axes, save_figure, use_style

__all__ = ["PALETTE", "new_axes", "save_figure", "use_style"]
