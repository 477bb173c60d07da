"""Interactive views for JupyterLab: browse quotations by speaker and kind, highlighted in context.

Each view also carries a static HTML rendering of what it shows, so that a page exported without
a kernel (the report, nbconvert) shows a table instead of a widget that would need a CDN.
"""
from __future__ import annotations

import html

import ipywidgets as w
import pandas as pd

from analysis.errors import require_columns

STYLE = ("<style>.qctx{font-family:Georgia,serif;line-height:1.5;margin:0.4em 0 1em}"
         ".qctx .quote{background:#cfe3f3}.qctx .cue{background:#f6d9a8;font-weight:bold}"
         ".qctx .speaker{background:#bfe6d6;font-weight:bold}.qmeta{font:12px sans-serif;color:#555}</style>")


def quote_in_context(quote, text: str, *, context: int = 250) -> str:
    """HTML of one quotation in its article: quote, cue and speaker highlighted, ``context`` characters around.

    ``quote`` is a row of the quotes table (``spans``, ``cue_span``, ``speaker_span``).

    >>> q = {"spans": [[9, 22]], "cue_span": [24, 29], "speaker_span": [30, 32]}
    >>> quote_in_context(q, "Er sagt: alles ist gut, sagte er.")
    '… Er sagt: <span class="quote">alles ist gut</span>, <span class="cue">sagte</span> <span class="speaker">er</span>. …'
    """
    marks = [(s, e, "quote") for s, e in (quote.get("spans") if hasattr(quote, "get") else quote["spans"]) or []]
    for key, css in (("cue_span", "cue"), ("speaker_span", "speaker")):
        span = quote.get(key) if hasattr(quote, "get") else quote[key]
        if span is not None and len(span) == 2 and span[0] is not None and not pd.isna(span[0]):
            marks.append((int(span[0]), int(span[1]), css))
    marks = sorted((int(s), int(e), c) for s, e, c in marks if 0 <= s < e <= len(text))
    if not marks:
        return html.escape(text[:2 * context])
    lo, hi = max(0, marks[0][0] - context), min(len(text), max(e for _, e, _ in marks) + context)
    out, pos = ["… "], lo
    for s, e, css in marks:
        s = max(s, pos)
        if s >= e:
            continue
        out += [html.escape(text[pos:s]), f'<span class="{css}">{html.escape(text[s:e])}</span>']
        pos = e
    out += [html.escape(text[pos:hi]), " …"]
    return "".join(out)


class StaticVBox(w.VBox):
    """A VBox that also offers the HTML of one of its children (``static``) as its static rendering."""

    def __init__(self, children, *, static: w.HTML):
        super().__init__(children)
        self._static = static

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        bundle["text/html"] = self._static.value
        return bundle


def quote_browser(quotes: pd.DataFrame, articles: pd.DataFrame, *, context: int = 250, limit: int = 50):
    """An ipywidgets panel: pick a speaker and a kind, read their quotations highlighted in context.

    Returns the widget (display it as a cell's last expression). Without a kernel (an exported
    page) it shows as the static HTML of its first selection: the first ``limit`` quotations.

    >>> import pandas as pd
    >>> q = pd.DataFrame({"article_id": ["a"], "kind": ["direct"], "speaker": ["Putin"], "spans": [[[0, 4]]]})
    >>> panel = quote_browser(q, pd.DataFrame({"article_id": ["a"], "text": ["Nein, sagte Putin."]}))
    >>> "1 quotation(s)" in panel.children[1].value, "1 quotation(s)" in panel._repr_mimebundle_()["text/html"]
    (True, True)
    """
    require_columns(quotes, ["article_id", "kind", "speaker", "spans"], table="quotes")
    texts = articles.set_index("article_id")["text"]
    speakers = ["(all)"] + quotes["speaker"].fillna("(unattributed)").value_counts().index.tolist()
    speaker = w.Dropdown(options=speakers, description="speaker")
    kind = w.Dropdown(options=["(all)"] + sorted(quotes["kind"].dropna().unique()), description="kind")
    shown = w.HTML()

    def update(_=None) -> None:
        rows = quotes.assign(speaker=quotes["speaker"].fillna("(unattributed)"))
        if speaker.value != "(all)":
            rows = rows[rows["speaker"] == speaker.value]
        if kind.value != "(all)":
            rows = rows[rows["kind"] == kind.value]
        parts = [STYLE, f"<p class='qmeta'>{len(rows)} quotation(s){f', first {limit} shown' if len(rows) > limit else ''}</p>"]
        for row in rows.head(limit).to_dict("records"):
            meta = f"{html.escape(str(row['speaker']))} · {row['kind']} · article {html.escape(str(row['article_id']))}"
            parts.append(f"<div class='qmeta'>{meta}</div><div class='qctx'>{quote_in_context(row, texts.get(row['article_id'], ''), context=context)}</div>")
        shown.value = "".join(parts)

    speaker.observe(update, names="value")
    kind.observe(update, names="value")
    update()
    return StaticVBox([w.HBox([speaker, kind]), shown], static=shown)
