"""Explanations: a scored unit rendered with its lexicon hits highlighted.

>>> print(explain("Die Verhandlungen sind gescheitert.", "de"))
polarity -0.57 (negative), cooperation -0.37, certainty 0.00
  Verhandlung: +0.00 × +1.00
  gescheitert: -0.70 × +1.00
relation conflict: CONSULT (verbal_cooperation, negated), goldstein -0.5
  event Verhandlungen: CONSULT +1.0 × -0.50 failed:gescheitert
"""
from __future__ import annotations

import html

import numpy as np
import pandas as pd

from analysis.sentiment.score import score_text


class Explanation:
    """An HTML rendering of a scored unit (shown by Jupyter); ``str()`` gives a text summary."""

    def __init__(self, html_text: str, summary: str):
        self.html = html_text
        self.summary = summary

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.summary

    __repr__ = __str__


def _colour(v: float) -> str:
    a = min(1.0, abs(v)) * 0.6 + 0.15
    return f"rgba(0,114,178,{a:.2f})" if v > 0 else f"rgba(213,94,0,{a:.2f})" if v < 0 else "rgba(150,150,150,0.3)"


def _relation_summary(res: dict) -> str:
    """The relation of a scored unit and the events behind it, one line each ("" without events)."""
    if "event_hits" not in res:
        return ""
    if not res["event_hits"]:
        return "\nrelation none: no event"
    head = (f"\nrelation {res['relation']}: {res['event']} ({res['quad_class']}, {res['event_context']}), "
            f"goldstein {res['goldstein']:+.1f}")
    return head + "".join(
        f"\n  event {h['text']}: {h['event']} {h['goldstein']:+.1f} × {h['weight']:+.2f} {' '.join(h['modifiers'])}".rstrip()
        for h in res["event_hits"])


def explain(unit, lang: str | None = None, **kwargs) -> Explanation:
    """Render a unit with its lexicon hits highlighted (blue positive, orange negative).

    ``unit`` is a text or a row of :func:`score_sentiment`'s output (a Series with ``text``
    and ``hits``). Hover a highlighted word to see its entry and modifiers.

    >>> str(explain("Die Gespräche sind gescheitert.", "de")).splitlines()[0]
    'polarity -0.57 (negative), cooperation -0.37, certainty 0.00'
    """
    if isinstance(unit, pd.Series):
        text = unit.get(kwargs.pop("text_col", "text"))
        if "polarity" in unit and isinstance(unit.get("hits"), (list, np.ndarray)):
            res = {k: unit[k] for k in ("polarity", "label", "cooperation", "certainty")}
            # from Parquet the hits come back as an array of dicts holding arrays
            res["hits"] = [{**h, "modifiers": list(h["modifiers"])} for h in unit["hits"]]
            if isinstance(unit.get("event_hits"), (list, np.ndarray)):
                res.update({k: unit[k] for k in ("relation", "event", "quad_class", "goldstein", "event_context")})
                res["event_hits"] = [{**h, "modifiers": list(h["modifiers"])} for h in unit["event_hits"]]
        else:
            res = score_text(text, lang or unit.get("lang", "de"), **kwargs)
    else:
        text = unit
        res = score_text(text, lang or "de", **kwargs)
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    parts, last = [], 0
    for h in sorted(res["hits"], key=lambda h: h["start"]):
        if h["start"] < last:
            continue
        parts.append(html.escape(text[last:h["start"]]))
        val = h["polarity"] * h["weight"] if h["polarity"] else h["cooperation"] * h["weight"]
        tip = (f"{h['term']} [{h['source']}] polarity {h['polarity']:+.2f}, cooperation {h['cooperation']:+.2f}, "
               f"certainty {h['certainty']:+.2f}, weight {h['weight']:+.2f}"
               + (f"; {', '.join(h['modifiers'])}" if h["modifiers"] else ""))
        border = "border-bottom:2px dashed #333;" if any("negat" in m for m in h["modifiers"]) else ""
        parts.append(f'<span title="{html.escape(tip)}" style="background:{_colour(val)};{border}'
                     f'padding:0 2px;border-radius:3px">{html.escape(text[h["start"]:h["end"]])}</span>')
        last = h["end"]
    parts.append(html.escape(text[last:]))
    head = (f"polarity {res['polarity']:+.2f} ({res['label']}), cooperation {res['cooperation']:+.2f}, "
            f"certainty {res['certainty']:+.2f}").replace("+0.00", "0.00")
    summary = head.replace("+", "") + "".join(
        f"\n  {h['term']}: {h['polarity']:+.2f} × {h['weight']:+.2f} {' '.join(h['modifiers'])}".rstrip()
        for h in res["hits"])
    relation = _relation_summary(res)
    summary += relation
    events = "".join(f"<br>{html.escape(line.strip())}" for line in relation.splitlines() if line.strip())
    body = (f'<div style="font-family:sans-serif;line-height:1.8"><div>{"".join(parts)}</div>'
            f'<div style="color:#555;font-size:90%">{html.escape(head)}{events}</div></div>')
    return Explanation(body, summary)

