"""Figures of the corpus itself: sentence lengths and articles over time."""
from __future__ import annotations

import pandas as pd

from analysis.errors import require_columns
from analysis.plots.style import PALETTE, new_axes


def plot_sentence_lengths(tokens: pd.DataFrame, *, by: str | None = None, ax=None):
    """Histogram of sentence lengths in word tokens (punctuation excluded), optionally one colour per ``by``.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"article_id": ["a"] * 3, "sentence": [0, 0, 1], "is_punct": [False, False, False]})
    >>> plot_sentence_lengths(t).get_xlabel()
    'sentence length (word tokens)'
    """
    require_columns(tokens, ["article_id", "sentence", "is_punct"] + ([by] if by else []), table="tokens")
    keys = ["article_id", "sentence"] + ([by] if by else [])
    lengths = tokens.loc[~tokens["is_punct"]].groupby(keys).size().rename("length").reset_index()
    ax = new_axes(ax)
    groups = lengths.groupby(by) if by else [("all", lengths)]
    bins = range(0, int(lengths["length"].max() if len(lengths) else 1) + 3, 2)
    for (name, group), colour in zip(groups, PALETTE * 4):
        ax.hist(group["length"], bins=bins, alpha=0.7, color=colour, label=str(name))
    ax.set_xlabel("sentence length (word tokens)")
    ax.set_ylabel("sentences")
    ax.set_title("Sentence lengths")
    if by:
        ax.legend(title=by)
    return ax


def plot_articles_over_time(articles: pd.DataFrame, *, freq: str = "MS", by: str | None = None, ax=None):
    """Number of articles per period (``freq``: pandas offset alias, default month start).

    Articles without a date are left out and counted in the title.

    >>> import pandas as pd
    >>> a = pd.DataFrame({"date": pd.to_datetime(["2019-04-25", "2019-05-02", None])})
    >>> plot_articles_over_time(a).get_title()
    'Articles per period (1 without date)'
    """
    require_columns(articles, ["date"] + ([by] if by else []), table="articles")
    dated = articles.dropna(subset=["date"])
    ax = new_axes(ax)
    counts = dated.groupby([pd.Grouper(key="date", freq=freq)] + ([by] if by else [])).size()
    frame = counts.unstack(by).fillna(0) if by else counts.to_frame("articles")
    for column, colour in zip(frame.columns, PALETTE * 4):
        ax.plot(frame.index, frame[column], marker="o", color=colour, label=str(column))
    ax.set_xlabel("date")
    ax.set_ylabel("articles")
    ax.set_title(f"Articles per period ({len(articles) - len(dated)} without date)")
    if by:
        ax.legend(title=by)
    return ax
