"""Figures stay legible with many speakers: no label covers another, intervals stay on the scale.

Text boxes are measured with the figure's renderer after the layout that ``save_figure`` applies.
"""
import numpy as np
import pandas as pd
import pytest

from analysis.plots.actors import plot_top_actors
from analysis.plots.quotes import plot_cue_profile, plot_quotes_by_speaker
from analysis.plots.style import lines_with_bands, new_axes, short_label
from analysis.plots.tone import cooperation_vs_polarity, tone_by_speaker, tone_over_time

N = 40
NAMES = [f"Abgeordnete Nummer {i} von der Leyen-Schmidt" for i in range(N - 2)] + [
    "Finnish open-source video game developer Perttu Ahola", "Finnish open-source video game developer Perttu Ahola's sister"]


def overlapping_texts(ax):
    """Pairs of visible texts (tick labels, annotations, notes) whose boxes overlap; fails when a
    text (axis labels and title included) sticks out of the figure."""
    fig = ax.figure
    fig.tight_layout()
    fig.canvas.draw()  # as saving does: axis labels take their places beside the tick labels
    renderer = fig.canvas.get_renderer()
    ticks = []
    for axis in (ax.xaxis, ax.yaxis):  # the labels of the ticks drawn: those inside the view
        lo, hi = sorted(axis.get_view_interval())
        ticks += [t for t, loc in zip(axis.get_ticklabels(), axis.get_ticklocs()) if lo - 1e-9 <= loc <= hi + 1e-9]
    texts = [t for t in ticks + ax.texts if t.get_visible() and t.get_text()]
    boxes = [t.get_window_extent(renderer) for t in texts]
    page = fig.bbox
    outside = [t.get_text() for t, b in zip(texts + [ax.xaxis.label, ax.yaxis.label, ax.title],
                                             boxes + [a.get_window_extent(renderer) for a in (ax.xaxis.label, ax.yaxis.label, ax.title)])
               if b.width and not (page.x0 - 1 <= b.x0 and b.x1 <= page.x1 + 1 and page.y0 - 1 <= b.y0 and b.y1 <= page.y1 + 1)]
    assert outside == [], f"texts cut off at the figure's edge: {outside}"
    return [(texts[i].get_text(), texts[j].get_text()) for i in range(len(texts)) for j in range(i + 1, len(texts))
            if boxes[i].overlaps(boxes[j])]


@pytest.fixture
def tone():
    """Tone of 40 speakers, close together, with intervals far beyond the scale."""
    rng = np.random.default_rng(7)
    table = pd.DataFrame({"speaker": NAMES, "n": rng.integers(2, 60, N)})
    for measure in ("polarity", "cooperation"):
        table[measure] = rng.uniform(-0.2, 0.2, N)
        table[f"{measure}_lo"] = table[measure] - 1.6
        table[f"{measure}_hi"] = table[measure] + 1.6
    return table


@pytest.fixture
def quotes():
    rng = np.random.default_rng(3)
    verbs = ["sagte", "erklärte", "betonte", "warnte", "forderte", "kritisierte", "lobte", "meinte", "fragte", "ergänzte"]
    return pd.DataFrame({"speaker": rng.choice(NAMES, 800), "kind": rng.choice(["direct", "indirect", "reported"], 800),
                         "cue": rng.choice(verbs, 800), "lang": "de"})


def test_tone_by_speaker_shows_every_speaker_legibly_with_clipped_intervals(tone):
    ax = tone_by_speaker(tone, measure="cooperation", top=N)
    assert len(ax.get_yticklabels()) == N and overlapping_texts(ax) == []
    ends = np.concatenate([np.asarray(c.get_segments()).reshape(-1, 2)[:, 0] for c in ax.collections
                           if hasattr(c, "get_segments") and len(c.get_segments())])
    assert ends.min() == pytest.approx(-1) and ends.max() == pytest.approx(1)


def test_scatter_labels_never_cover_each_other(tone):
    ax = cooperation_vs_polarity(tone, top=N)
    labels = [t.get_text() for t in ax.texts if t.get_text() in {short_label(n) for n in NAMES}]
    assert overlapping_texts(ax) == []
    assert 0 < len(labels) < N  # crowded: the biggest are labelled, the others left out and counted
    assert labels[0] == short_label(tone.nlargest(1, "n")["speaker"].iloc[0])
    assert f"{N - len(labels)} label(s) left out" in ax.texts[0].get_text()


def test_tone_over_time_bands_stay_on_the_scale():
    monthly = pd.DataFrame({"month": pd.date_range("2024-01-01", periods=4, freq="MS"), "n": [1, 2, 3, 4],
                            "polarity": [0.9, -0.9, 0.0, 0.5], "polarity_lo": [0.2, -2.5, -1.4, -0.1],
                            "polarity_hi": [1.8, 0.1, 1.3, 1.1]})
    ax = tone_over_time(monthly)
    band = ax.collections[0].get_paths()[0].vertices[:, 1]
    assert band.min() >= -1 and band.max() <= 1


def test_bar_charts_and_heatmap_of_many_speakers_have_no_overlapping_labels(quotes):
    actors = quotes["speaker"].value_counts().rename_axis("name").reset_index(name="n_quotes")
    actors = actors.assign(kind="person", n_articles=actors["n_quotes"] // 2)
    for ax in (plot_quotes_by_speaker(quotes, top=N), plot_top_actors(actors, top=N),
               plot_cue_profile(quotes, speakers=12)):
        assert overlapping_texts(ax) == [], ax.get_title()
    assert len(plot_quotes_by_speaker(quotes, top=N).get_yticklabels()) == N


def test_scatter_of_few_speakers_labels_all_without_a_note(tone):
    ax = cooperation_vs_polarity(tone.head(3).assign(speaker=["Putin", "Kim Jong Un", "Lawrow"], polarity=[-0.5, 0.0, 0.5]))
    assert sorted(t.get_text() for t in ax.texts) == ["Kim Jong Un", "Lawrow", "Putin"]


def test_lines_with_bands_sorts_by_time_and_clips_the_bands():
    g = pd.DataFrame({"month": [3, 1, 2], "x": [0.5, 0.1, 0.9], "x_lo": [0.2, -3.0, 0.4], "x_hi": [0.8, 0.3, 2.5]})
    ax = new_axes()
    assert lines_with_bands(ax, [("A", g), ("B", g.assign(x=-g["x"]))], time="month", measure="x", limits=(-1, 1)) is ax
    a, b = ax.lines[:2]
    assert (a.get_label(), b.get_label()) == ("A", "B") and a.get_color() != b.get_color()
    assert a.get_xydata().tolist() == [[1, 0.1], [2, 0.9], [3, 0.5]]
    band = np.vstack([p.vertices for p in ax.collections[0].get_paths()])
    assert band[:, 1].min() == -1 and band[:, 1].max() == 1
    assert ax.get_xlabel() == "month"
