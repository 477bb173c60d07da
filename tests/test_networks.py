"""Discourse networks as DNA computes them, each variant against a hand calculation and a brute-force loop."""
import itertools

import numpy as np
import pandas as pd
import pytest

from analysis.errors import InputError
from analysis.networks import (
    discourse_network,
    filter_duplicates,
    one_mode,
    two_mode,
    windowed,
)

# A says x+ (d1), y+ (d1), y+ (d2, same week); B says x+ , y-; C says x-.
HAND = pd.DataFrame({
    "article_id": ["d1", "d1", "d2", "d3", "d3", "d4"],
    "actor_id": ["a", "a", "a", "b", "b", "c"], "actor": ["A", "A", "A", "B", "B", "C"],
    "concept": ["x", "y", "y", "x", "y", "x"], "agreement": [1, 1, 1, 1, -1, -1],
    "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-02", "2024-01-03", "2024-01-03", "2024-01-10"]),
})


def weights(net) -> dict:
    return {(s, t): w for s, t, w in net.edges[["source", "target", "weight"]].itertuples(index=False)}


@pytest.mark.parametrize("aggregation, normalization, expected", [
    # congruence A-B: x: 1·1·(1-0) = 1; y: 2·1·(1-|1-(-1)|/2) = 0 -> 1. conflict A-B: y: 2·1·1 = 2; A-C, B-C: x: 1
    ("congruence", None, {("a", "b"): 1.0}),
    ("conflict", None, {("a", "b"): 2.0, ("a", "c"): 1.0, ("b", "c"): 1.0}),
    ("subtract", None, {("a", "b"): -1.0, ("a", "c"): -1.0, ("b", "c"): -1.0}),
    # ignore: x: 1·1 (A,B), 1·1 (A,C), 1·1 (B,C); y: 2·1 (A,B)
    ("ignore", None, {("a", "b"): 3.0, ("a", "c"): 1.0, ("b", "c"): 1.0}),
    # n_A = 3, n_B = 2, n_C = 1; average divides by (n_i + n_j) / 2
    ("congruence", "average", {("a", "b"): 1 / 2.5}),
    ("conflict", "average", {("a", "b"): 2 / 2.5, ("a", "c"): 1 / 2, ("b", "c"): 1 / 1.5}),
    # DNA's cosine divides by n_i · n_j
    ("congruence", "cosine", {("a", "b"): 1 / 6}),
    ("conflict", "cosine", {("a", "b"): 2 / 6, ("a", "c"): 1 / 3, ("b", "c"): 1 / 2}),
    # Jaccard A-B: m11 = 1 (x,+), m10 = 2 (A's y,+), m01 = 1 (B's y,-) -> 4; A-C: m11 0, m10 3, m01 1
    ("congruence", "jaccard", {("a", "b"): 1 / 4}),
    ("conflict", "jaccard", {("a", "b"): 2 / 4, ("a", "c"): 1 / 4, ("b", "c"): 1 / 3}),
])
def test_one_mode_by_hand(aggregation, normalization, expected):
    got = weights(one_mode(HAND, aggregation=aggregation, normalization=normalization))
    assert got.keys() == expected.keys()
    for k, v in expected.items():
        assert got[k] == pytest.approx(v)


@pytest.mark.parametrize("aggregation, normalization, expected", [
    ("combine", None, {("a", "x"): 1, ("a", "y"): 1, ("b", "x"): 1, ("b", "y"): 2, ("c", "x"): 2}),
    ("subtract", None, {("a", "x"): 1, ("a", "y"): 2, ("b", "x"): 1, ("b", "y"): -1, ("c", "x"): -1}),
    ("positive", None, {("a", "x"): 1, ("a", "y"): 2, ("b", "x"): 1}),
    ("negative", None, {("b", "y"): 1, ("c", "x"): 1}),
    ("ignore", None, {("a", "x"): 1, ("a", "y"): 2, ("b", "x"): 1, ("b", "y"): 1, ("c", "x"): 1}),
    ("ignore", "activity", {("a", "x"): 1 / 3, ("a", "y"): 2 / 3, ("b", "x"): 1 / 2, ("b", "y"): 1 / 2, ("c", "x"): 1}),
    ("ignore", "prominence", {("a", "x"): 1 / 3, ("a", "y"): 2 / 3, ("b", "x"): 1 / 3, ("b", "y"): 1 / 3,
                              ("c", "x"): 1 / 3}),
    ("subtract", "activity", {("a", "x"): 1 / 3, ("a", "y"): 2 / 3, ("b", "x"): 1 / 2, ("b", "y"): -1 / 2,
                              ("c", "x"): -1}),
])
def test_two_mode_by_hand(aggregation, normalization, expected):
    got = weights(two_mode(HAND, aggregation=aggregation, normalization=normalization))
    assert got.keys() == expected.keys()
    for k, v in expected.items():
        assert got[k] == pytest.approx(v)


def test_concept_network_by_hand():
    # x-y: A x+ (1) with y+ (2) -> 2 congruence; B x+ with y- -> 1 conflict
    assert weights(discourse_network(HAND, type="concepts")) == {("x", "y"): 2.0}
    assert weights(one_mode(HAND, mode="concepts", aggregation="conflict")) == {("x", "y"): 1.0}


def test_duplicate_filters():
    assert len(filter_duplicates(HAND, per="include")) == 6
    assert len(filter_duplicates(HAND, per="document")) == 6   # A's two y+ are in d1 and d2
    assert len(filter_duplicates(HAND, per="week")) == 5       # ... of one ISO week
    assert len(filter_duplicates(HAND, per="month")) == 5
    assert weights(two_mode(HAND, aggregation="positive", duplicates="week"))[("a", "y")] == 1
    with pytest.raises(InputError, match="duplicates: expected one of"):
        filter_duplicates(HAND, per="day")


def _brute(st, aggregation, normalization):
    """DNA's one-mode formulas written as plain loops over actors, concepts and agreement values."""
    values = sorted(st["agreement"].unique())
    rng = (values[-1] - values[0]) or 1
    actors, concepts = sorted(st["actor_id"].unique()), sorted(st["concept"].unique())
    A = {(i, c, k): int(((st["actor_id"] == i) & (st["concept"] == c) & (st["agreement"] == k)).sum())
         for i in actors for c in concepts for k in values}
    out = {}
    for i, j in itertools.combinations(actors, 2):
        cong = conf = ign = 0.0
        for c in concepts:
            ign += sum(A[i, c, k] for k in values) * sum(A[j, c, k] for k in values)
            for k1 in values:
                for k2 in values:
                    d = abs(k1 - k2) / rng
                    cong += A[i, c, k1] * A[j, c, k2] * (1 - d)
                    conf += A[i, c, k1] * A[j, c, k2] * d
        w = {"congruence": cong, "conflict": conf, "subtract": cong - conf, "ignore": ign}[aggregation]
        ni = sum(A[i, c, k] for c in concepts for k in values)
        nj = sum(A[j, c, k] for c in concepts for k in values)
        if normalization == "average":
            w /= (ni + nj) / 2
        elif normalization == "cosine":
            w /= ni * nj
        elif normalization == "jaccard":
            m10 = sum(A[i, c, k] for c in concepts for k in values if A[j, c, k] == 0)
            m01 = sum(A[j, c, k] for c in concepts for k in values if A[i, c, k] == 0)
            m11 = sum(A[i, c, k] * A[j, c, k] for c in concepts for k in values if A[i, c, k] and A[j, c, k])
            w /= m10 + m01 + m11
        if w != 0:
            out[(i, j)] = w
    return out


@pytest.mark.parametrize("aggregation", ["congruence", "conflict", "subtract", "ignore"])
@pytest.mark.parametrize("normalization", [None, "average", "jaccard", "cosine"])
def test_one_mode_against_brute_force(aggregation, normalization):
    rng = np.random.default_rng(7)
    st = pd.DataFrame({"actor_id": rng.choice(list("abcdef"), 60), "concept": rng.choice(list("uvwxyz"), 60),
                       "agreement": rng.choice([-1, 0, 1], 60)})
    st["actor"] = st["actor_id"].str.upper()
    got = weights(one_mode(st, aggregation=aggregation, normalization=normalization))
    want = _brute(st, aggregation, normalization)
    assert got.keys() == want.keys()
    for k, v in want.items():
        assert got[k] == pytest.approx(v)


@pytest.mark.parametrize("aggregation", ["congruence", "conflict", "subtract", "ignore"])
@pytest.mark.parametrize("normalization", [None, "average", "jaccard", "cosine"])
def test_one_mode_in_blocks_of_rows_equals_the_whole(monkeypatch, aggregation, normalization):
    import analysis.networks as networks

    rng = np.random.default_rng(11)
    st = pd.DataFrame({"actor": rng.choice([f"A{i:02d}" for i in range(30)], 300),
                       "concept": rng.choice(list("uvwxyz"), 300), "agreement": rng.choice([-1, 0, 1], 300)})
    whole = one_mode(st, aggregation=aggregation, normalization=normalization).edges
    monkeypatch.setattr(networks, "BLOCK_PAIRS", 70)  # blocks of 2 rows of 30 actors
    net, blocks = networks.network_blocks(st, type=aggregation if aggregation != "ignore" else "congruence",
                                          **({"aggregation": "ignore"} if aggregation == "ignore" else {}),
                                          normalization=normalization)
    blocks = list(blocks)
    assert len(blocks) == 15 and net.edges.empty
    pd.testing.assert_frame_equal(pd.concat(blocks, ignore_index=True), whole)
    pd.testing.assert_frame_equal(one_mode(st, aggregation=aggregation, normalization=normalization).edges, whole)


def test_two_actors_with_one_name_stay_apart():
    st = pd.DataFrame({"actor_id": ["mueller-1", "mueller-2"], "actor": ["Müller", "Müller"], "concept": ["x", "x"],
                       "agreement": [1, -1]})
    net = one_mode(st, aggregation="conflict")
    assert net.nodes["id"].tolist() == ["mueller-1", "mueller-2"]
    assert net.nodes["label"].tolist() == ["Müller", "Müller"]
    assert weights(net) == {("mueller-1", "mueller-2"): 1.0}


def test_no_statements_give_empty_networks():
    empty = pd.DataFrame(columns=["article_id", "actor_id", "actor", "concept", "agreement", "date"])
    for kind in ("two-mode", "congruence", "conflict", "subtract", "concepts"):
        net = discourse_network(empty, type=kind)
        assert net.nodes.empty and net.edges.empty
        assert net.graph().number_of_nodes() == 0
    assert windowed(empty, window="7D").edges.empty


def test_nodes_carry_activity_and_agreement():
    nodes = two_mode(HAND).nodes.set_index("id")
    assert nodes.loc["a", ["n_statements", "n_positive", "n_negative"]].tolist() == [3, 3, 0]
    assert nodes.loc["x", "kind"] == "concept" and nodes.loc["x", "agreement"] == pytest.approx(1 / 3, abs=1e-4)


def test_moving_window_follows_dna():
    # 7-day windows centred on each day, wholly inside 2024-01-01 … 2024-01-10: centres 01-04 … 01-07;
    # 01-06 (01-03 … 01-09) holds only B, 01-07 (01-04 … 01-10) only C: no edges there
    w = windowed(HAND, window="7D", type="conflict")
    assert sorted(w.edges["time"].dt.strftime("%m-%d").unique()) == ["01-04", "01-05"]
    first = w.edges[w.edges["time"] == "2024-01-04"]   # 01-01 … 01-07: A x+ y+ y+, B x+ y-
    assert first[["source", "target", "weight"]].values.tolist() == [["a", "b", 2.0]]
    second = w.edges[w.edges["time"] == "2024-01-05"]  # 01-02 … 01-08: A y+ (01-02), B x+ y-
    assert second[["source", "target", "weight"]].values.tolist() == [["a", "b", 1.0]]
    assert second["window_start"].iloc[0] == pd.Timestamp("2024-01-02")
    assert second["window_end"].iloc[0] == pd.Timestamp("2024-01-08")
    with pytest.raises(InputError, match="window"):
        windowed(HAND, window="soon")


def test_bad_options_are_input_errors():
    with pytest.raises(InputError, match="normalization"):
        one_mode(HAND, normalization="activity")
    with pytest.raises(InputError, match="type"):
        discourse_network(HAND, type="relations")
    with pytest.raises(InputError, match="missing column"):
        two_mode(pd.DataFrame({"actor": ["A"]}))


@pytest.mark.parametrize("normalization", ["average", "jaccard", "cosine"])
def test_sparse_normalisation_equals_the_dense_matrices(normalization):
    # the denominators computed only at the edges equal the dense actor x actor arrays of DNA's formulas
    rng = np.random.default_rng(11)
    st = pd.DataFrame({"actor_id": [f"a{i:02d}" for i in rng.integers(0, 40, 400)],
                       "concept": rng.choice(list("abcdefghij"), 400), "agreement": rng.choice([-1, 0, 1], 400)})
    st["actor"] = st["actor_id"]
    actors, concepts, values = sorted(st["actor_id"].unique()), sorted(st["concept"].unique()), [-1, 0, 1]
    A = np.zeros((len(actors), len(concepts), len(values)))
    for a, c, k in zip(st["actor_id"], st["concept"], st["agreement"]):
        A[actors.index(a), concepts.index(c), values.index(k)] += 1
    d = np.abs(np.subtract.outer(values, values)) / 2
    W = np.einsum("ick,jcl,kl->ij", A, A, 1 - d)
    n = A.sum(axis=(1, 2))
    if normalization == "average":
        denom = (n[:, None] + n[None, :]) / 2
    elif normalization == "cosine":
        denom = np.outer(n, n)
    else:
        m11 = np.einsum("ick,jck->ij", A, A)
        m10 = n[:, None] - np.einsum("ick,jck->ij", A, (A > 0).astype(float))
        denom = m10 + m10.T + m11
    got = weights(one_mode(st, aggregation="congruence", normalization=normalization))
    want = {(actors[i], actors[j]): W[i, j] / denom[i, j] for i in range(len(actors))
            for j in range(i + 1, len(actors)) if W[i, j]}
    assert got.keys() == want.keys()
    assert all(got[k] == pytest.approx(v) for k, v in want.items())
