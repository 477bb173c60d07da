"""Tables as a reader sees them in a notebook and in the report: rounded, p-values in scientific
notation, long texts shortened, wide tables scrolling sideways instead of widening the page.

The tables themselves keep every digit (write them with ``to_csv`` or :func:`analysis.outputs.write_table`);
:func:`show_table` only shapes what is displayed.

>>> import pandas as pd
>>> t = pd.DataFrame({"term": ["Gipfel"], "n": [1234], "g2": [15.98765], "p": [6.4e-05]})
>>> "<td>1,234</td><td>15.988</td><td>6.40e-05</td>" in show_table(t).replace("\\n", "").replace(" ", "")
True
"""
from __future__ import annotations

import re

import pandas as pd


class HTML(str):
    """A string that Jupyter renders as HTML."""

    def _repr_html_(self) -> str:
        return str(self)


P_VALUE = re.compile(r"(^p$|^p_|_p$|^p_value)")  # p, p_chi2, fisher_p, p_value


def show_table(df: pd.DataFrame, *, rows: int = 20, digits: int = 3, width: int = 160) -> HTML:
    """The first ``rows`` rows of ``df`` as an HTML table for reading.

    Decimal numbers are rounded to ``digits`` places, whole numbers and large decimals get
    thousands separators, p-value columns (``p``, ``p_…``, ``…_p``) are written in scientific
    notation (``6.40e-05``), texts longer than ``width`` characters are cut with ``…``. The table
    scrolls sideways when it is wider than the page, and a line under it says how many rows
    were left out.

    >>> import pandas as pd
    >>> "first 1 of 3 rows" in show_table(pd.DataFrame({"n": [1, 2, 3]}), rows=1)
    True
    """
    shown = df.head(rows)
    formatters = {}
    for column in shown.columns:
        values = shown[column]
        if pd.api.types.is_bool_dtype(values.dtype):
            continue
        if pd.api.types.is_float_dtype(values.dtype):
            formatters[column] = _p_value if P_VALUE.search(str(column)) else _decimal(digits)
        elif pd.api.types.is_integer_dtype(values.dtype):
            formatters[column] = "{:,}".format
        elif values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
            formatters[column] = _shortened(width)
    body = shown.to_html(index=not isinstance(shown.index, pd.RangeIndex), formatters=formatters, na_rep="",
                         border=0, escape=True, justify="left")
    note = f"<p style='font-size:0.85em;color:#555'>first {len(shown)} of {len(df):,} rows</p>" if len(df) > rows else ""
    return HTML(f"<div style='overflow-x:auto;max-width:100%'>{body}</div>{note}")


def _p_value(value) -> str:
    return "" if pd.isna(value) else f"{value:.2e}"


def _decimal(digits: int):
    def fmt(value) -> str:
        return "" if pd.isna(value) else f"{value:,.{digits}f}"
    return fmt


def _shortened(width: int):
    def fmt(value) -> str:
        if value is None or (isinstance(value, float) and pd.isna(value)):
            return ""
        text = str(value)
        return text if len(text) <= width else text[:width - 1] + "…"
    return fmt
