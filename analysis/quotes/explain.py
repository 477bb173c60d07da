"""Why is this a quotation? One row of the quotes table shown in its sentences.

:func:`explain_quote` marks the quotation, its cue, speaker and addressee in the sentences
that hold them, underlines the frame, and names the rule that found it. The result prints as
text in a terminal and shows as HTML in a notebook.

>>> import pandas as pd
>>> from analysis.quotes.extract import extract_quotes
>>> art = pd.DataFrame({"article_id": ["a"], "lang": ["de"],
...                     "text": ["Vorher. Die Lage sei ernst, sagte Putin. Danach."]})
>>> print(explain_quote(extract_quotes(art).iloc[0], art))
[quote: Die Lage sei ernst], [cue: sagte] [speaker: Putin].
rule frame_after: The frame after the content: ``CONTENT, sagte X.``, also in the middle (``Die Lage, sagte er, sei ernst.``); English ``…, X said.`` / ``…, said X.``
kind indirect · speaker Putin (explicit) · confidence 0.80
frame: , sagte Putin
"""
from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from analysis.errors import InputError
from analysis.segment import segment_text

# part -> column of spans; earlier parts win where parts overlap
PARTS = (("speaker", "speaker_spans"), ("cue", "cue_spans"), ("addressee", "addressee_spans"), ("quote", "spans"))
COLOURS = {"quote": "#fde68a", "cue": "#bfdbfe", "speaker": "#bbf7d0", "addressee": "#e9d5ff"}


@dataclass
class Explanation:
    """A quotation in its sentences: ``runs`` of (text, part or None, in frame), and notes."""

    runs: list[tuple[str, str | None, bool]]
    notes: list[str]

    def __str__(self) -> str:
        body = "".join(f"[{part}: {text}]" if part else text for text, part, _ in self.runs)
        return "\n".join([body.strip(), *self.notes])

    def _repr_html_(self) -> str:
        out = []
        for text, part, framed in self.runs:
            style = ("text-decoration: underline;" if framed else "") + (
                f"background: {COLOURS[part]};" if part else "")
            piece = html.escape(text)
            if style:
                title = f' title="{part}"' if part else ' title="frame"'
                piece = f'<span style="{style}"{title}>{piece}</span>'
            out.append(piece)
        legend = " ".join(f'<span style="background: {COLOURS[p]}">{p}</span>' for p, _ in PARTS)
        notes = "<br>".join(html.escape(n) for n in self.notes)
        return f'<div><p style="line-height: 1.8">{"".join(out).strip()}</p><p>{notes}</p><p>{legend}</p></div>'


def explain_quote(quote, articles, *, lang: str | None = None) -> Explanation:
    """The quotation ``quote`` (a row of the quotes table) shown in the sentences of its article
    that hold it: quote, cue, speaker and addressee marked, the frame underlined (HTML) or
    listed (text), with the rule's name and description, kind, speaker and confidence.

    ``articles`` is the articles table the quotes came from (or the article's text).
    """
    from analysis.quotes.rules import quote_rules

    if not isinstance(quote, (pd.Series, Mapping)):
        raise InputError(f"explain_quote needs one row of the quotes table, not {type(quote).__name__}")
    text = _article_text(quote, articles)
    parts = {name: _spans(quote, column, len(text)) for name, column in PARTS}
    frame = _spans(quote, "frame_spans", len(text))
    if not parts["quote"]:
        raise InputError("explain_quote: the row has no quotation spans")
    lang = lang or quote.get("lang") or "de"
    lo, hi = _sentence_bounds(text, [s for spans in [*parts.values(), frame] for s in spans], lang)
    labels: list[str | None] = [None] * (hi - lo)
    for name, _ in reversed(PARTS):  # earlier parts are written last and win
        for s, e in parts[name]:
            labels[max(s, lo) - lo:min(e, hi) - lo] = [name] * (min(e, hi) - max(s, lo))
    framed = [False] * (hi - lo)
    for s, e in frame:
        framed[max(s, lo) - lo:min(e, hi) - lo] = [True] * (min(e, hi) - max(s, lo))
    runs = []
    for i in range(lo, hi):
        key = (labels[i - lo], framed[i - lo])
        if runs and (runs[-1][1], runs[-1][2]) == key:
            runs[-1][0] += text[i]
        else:
            runs.append([text[i], *key])
    runs = [(t, p if t.strip() else None, f) for t, p, f in runs]  # whitespace alone is no part
    rules = quote_rules(lang).set_index("rule")["description"]
    rule = quote.get("rule")
    confidence = quote.get("confidence")
    notes = [f"rule {rule}: {rules.get(rule, '(not in the rule table)')}",
             " · ".join(x for x in (f"kind {quote.get('kind')}",
                                    f"speaker {quote.get('speaker') or quote.get('speaker_mention') or '—'}"
                                    f" ({quote.get('speaker_resolution') or 'none'})",
                                    f"confidence {confidence:.2f}" if confidence is not None else "") if x)]
    if frame:
        notes.append("frame: " + " … ".join(text[s:e] for s, e in frame))
    return Explanation(runs, notes)


def _article_text(quote, articles) -> str:
    if isinstance(articles, str):
        return articles
    if not isinstance(articles, pd.DataFrame) or not {"article_id", "text"} <= set(articles.columns):
        raise InputError("explain_quote needs the articles table (columns article_id, text) or the article's text")
    hit = articles.loc[articles["article_id"] == quote.get("article_id"), "text"]
    if hit.empty or not isinstance(hit.iloc[0], str):
        raise InputError(f"explain_quote: article {quote.get('article_id')!r} is not in the articles table")
    return hit.iloc[0]


def _spans(quote, column: str, n: int) -> list[tuple[int, int]]:
    value = quote.get(column)
    if value is None or (not isinstance(value, (list, tuple)) and not hasattr(value, "__len__")):
        return []
    out = []
    for pair in value:
        try:
            s, e = (int(x) for x in pair)
        except (TypeError, ValueError):
            raise InputError(f"explain_quote: {column} holds {pair!r}, not a [start, end] pair") from None
        if not 0 <= s <= e <= n:
            raise InputError(f"explain_quote: {column} span [{s}, {e}] lies outside the article's {n} characters")
        out.append((s, e))
    return out


def _sentence_bounds(text: str, spans: list[tuple[int, int]], lang: str) -> tuple[int, int]:
    """Start of the first and end of the last sentence touched by ``spans``."""
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    starts, ends, _, sentences = segment_text(text, lang)
    for _, first, end in sentences.tolist():
        if end > first and starts[first] <= lo < ends[end - 1]:
            lo = int(starts[first])
        if end > first and starts[first] < hi <= ends[end - 1]:
            hi = int(ends[end - 1])
    return lo, hi
