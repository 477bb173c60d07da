"""Figures of who is quoted: quotations by speaker and kind, and each speaker's speech verbs."""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.errors import require_columns
from analysis.plots.style import PALETTE, new_axes, short_label
from analysis.segment import lemmatize

KINDS = ["direct", "mixed", "indirect", "free_indirect", "reported", "turn"]


def cue_lemmas(quotes: pd.DataFrame) -> pd.Series:
    """The lemma of each quotation's cue; German particle verbs are joined (``sprach aus`` → ``aussprechen``).

    >>> import pandas as pd
    >>> cue_lemmas(pd.DataFrame({"cue": ["sagte", "sprach aus", None], "lang": ["de", "de", "de"]})).tolist()
    ['sagen', 'aussprechen', '']
    """
    langs = quotes["lang"] if "lang" in quotes.columns else pd.Series("de", index=quotes.index)

    def one(cue, lang) -> str:
        if not isinstance(cue, str) or not cue.strip():
            return ""
        words = cue.split()
        verb = lemmatize(words[0], lang if isinstance(lang, str) else "de")
        verb = verb.lower() if words[0][0].islower() else verb
        return words[-1].lower() + verb if len(words) == 2 and lang == "de" and words[-1].islower() else verb

    return pd.Series([one(c, lg) for c, lg in zip(quotes["cue"], langs)], index=quotes.index, dtype=object)


def plot_quotes_by_speaker(quotes: pd.DataFrame, *, top: int = 15, speaker: str = "speaker", ax=None):
    """Horizontal stacked bars: quotations per speaker (the ``top`` most quoted), split by kind.

    Quotations without a resolved speaker are counted as "(unattributed)".

    >>> import pandas as pd
    >>> q = pd.DataFrame({"speaker": ["Putin", "Putin", "Kim"], "kind": ["direct", "indirect", "direct"]})
    >>> ax = plot_quotes_by_speaker(q)
    >>> [t.get_text() for t in ax.get_yticklabels()], ax.get_xlabel()
    (['Kim', 'Putin'], 'quotations')
    """
    require_columns(quotes, [speaker, "kind"], table="quotes")
    ax = new_axes(ax, figsize=(7, max(2.5, 0.35 * min(top, quotes[speaker].nunique(dropna=False)) + 1.5)))
    who = quotes[speaker].fillna("(unattributed)").replace("", "(unattributed)")
    table = pd.crosstab(who, quotes["kind"])
    table = table.loc[table.sum(axis=1).sort_values(ascending=True).index[-top:]]
    kinds = [k for k in KINDS if k in table.columns] + [k for k in table.columns if k not in KINDS]
    left, y = np.zeros(len(table)), np.arange(len(table))
    for kind, colour in zip(kinds, PALETTE * 2):
        ax.barh(y, table[kind], left=left, color=colour, label=kind.replace("_", " "))
        left += table[kind].to_numpy()
    ax.set_yticks(y, [short_label(s) for s in table.index])
    ax.set_xlabel("quotations")
    ax.set_ylabel("speaker")
    ax.set_title("Who is quoted, and how")
    if len(table):
        ax.legend(title="kind", loc="lower right", fontsize=8)
    ax.grid(axis="y", visible=False)
    return ax


def plot_cue_profile(quotes: pd.DataFrame, *, speakers: int = 8, cues: int = 10, speaker: str = "speaker", ax=None):
    """Heatmap: share of each speech verb (columns: the ``cues`` most frequent) among the quotations
    of each of the ``speakers`` most quoted speakers (rows, most quoted on top).

    Speakers are rows so that long names stay legible; the figure grows with their number.

    >>> import pandas as pd
    >>> q = pd.DataFrame({"speaker": ["Putin", "Putin", "Kim"], "cue": ["sagte", "erklärte", "sagte"], "lang": ["de"] * 3})
    >>> ax = plot_cue_profile(q)
    >>> ax.get_title(), [t.get_text() for t in ax.get_yticklabels()]
    ('Speech verbs per speaker (share of their quotations)', ['Putin', 'Kim'])
    """
    require_columns(quotes, [speaker, "cue"], table="quotes")
    frame = quotes.assign(cue_lemma=cue_lemmas(quotes)).dropna(subset=[speaker])
    frame = frame[(frame["cue_lemma"] != "") & (frame[speaker] != "")]
    if frame.empty:
        ax = new_axes(ax, figsize=(7, 4.5))
        ax.text(0.5, 0.5, "no quotation with speaker and cue", ha="center", va="center", transform=ax.transAxes)
        ax.set_title("Speech verbs per speaker (share of their quotations)")
        return ax
    top_speakers = frame[speaker].value_counts().index[:speakers]
    frame = frame[frame[speaker].isin(top_speakers)]
    shares = pd.crosstab(frame[speaker], frame["cue_lemma"], normalize="index")
    shares = shares.loc[top_speakers, frame["cue_lemma"].value_counts().index[:cues]]
    ax = new_axes(ax, figsize=(7.5, max(3.5, 0.32 * len(shares) + 2.5)))
    image = ax.imshow(shares.to_numpy(), aspect="auto", cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(len(shares.columns)), shares.columns, rotation=90)
    ax.set_yticks(range(len(shares.index)), [short_label(s) for s in shares.index])
    ax.set_xlabel("speech verb (lemma)")
    ax.set_ylabel("speaker")
    ax.grid(False)
    ax.figure.colorbar(image, ax=ax, label="share of the speaker's quotations")
    ax.set_title("Speech verbs per speaker (share of their quotations)")
    return ax
