"""Network figures: labels that do not overlap, sizes and colours that follow the data, empty input."""
import numpy as np
import pandas as pd
import pytest
from test_plots_legibility import overlapping_texts

from analysis.errors import InputError
from analysis.networks import one_mode
from analysis.plots.networks import (
    actor_concept_matrix,
    plot_actor_concept_heatmap,
    plot_actor_network,
    plot_polarisation,
    polarisation,
)


def _statements(n_actors=30, n=400, seed=3):
    rng = np.random.default_rng(seed)
    actors = rng.integers(0, n_actors, n)
    return pd.DataFrame({"article_id": [f"d{i % 50}" for i in range(n)], "actor_id": [f"a{a}" for a in actors],
                         "actor": [f"Abgeordnete {a} von der Leyen-Schmidt" for a in actors],
                         "concept": rng.choice([f"Konzept {c}" for c in range(12)], n),
                         "agreement": rng.choice([-1, 1], n),
                         "date": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 120, n), unit="D")})


def test_actor_network_labels_do_not_overlap():
    net = one_mode(_statements(), aggregation="congruence")
    ax = plot_actor_network(net, top=30)
    assert len(ax.texts) == 30
    labels = {t.get_text() for t in ax.texts}
    assert [p for p in overlapping_texts(ax) if p[0] in labels and p[1] in labels] == []


def test_actor_network_size_by_activity_colour_by_agreement():
    st = pd.DataFrame({"actor": ["A"] * 4 + ["B"], "concept": ["x"] * 5, "agreement": [1, 1, 1, 1, -1]})
    ax = plot_actor_network(one_mode(st, aggregation="conflict"))
    dots = ax.collections[0]
    sizes = dict(zip([t.get_text() for t in ax.texts], dots.get_sizes()))
    assert sizes["A"] > sizes["B"]
    assert dots.get_array().tolist() == [1.0, -1.0]


def test_heatmap_matrix_is_for_minus_against():
    st = pd.DataFrame({"actor_id": ["m1", "m2", "m1"], "actor": ["Müller", "Müller", "Müller"],
                       "concept": ["x", "x", "y"], "agreement": [1, -1, -1]})
    m = actor_concept_matrix(st)
    assert m.loc["Müller (m1)"].tolist() == [1, -1] and m.loc["Müller (m2)"].tolist() == [-1, 0]
    assert m.attrs["counts"].to_numpy().sum() == 3
    ax = plot_actor_concept_heatmap(st)
    assert sorted(t.get_text() for t in ax.texts) == ["1", "1", "1"]


def test_polarisation_against_a_hand_count():
    # January: A+ B+ on x (congruence 1), A+ C- on x (conflict 1), B+ C- (conflict 1): P = 2/3
    st = pd.DataFrame({"actor": ["A", "B", "C"], "concept": ["x"] * 3, "agreement": [1, 1, -1],
                       "date": pd.to_datetime(["2024-01-02", "2024-01-03", "2024-01-04"])})
    table = polarisation(st)
    assert table["polarisation"].tolist() == pytest.approx([2 / 3])
    assert table[["congruence", "conflict", "n_statements", "n_actors"]].values.tolist() == [[1.0, 2.0, 3, 3]]
    with pytest.raises(InputError, match="freq"):
        polarisation(st, freq="fortnight")


def test_empty_statements_draw_empty_figures():
    empty = pd.DataFrame(columns=["actor", "concept", "agreement", "date"])
    assert "empty network" in plot_actor_network(one_mode(empty)).texts[0].get_text()
    assert plot_actor_concept_heatmap(empty).texts[0].get_text() == "no statements"
    assert plot_polarisation(empty).texts[0].get_text() == "no dated statements"
