"""Cohen's kappa against a hand calculation and an independent implementation."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.errors import InputError
from analysis.evaluate.agreement import agreement, cohen_kappa


def test_kappa_by_hand():
    # 10 units, classes p/n.  A: p p p p p p n n n n   B: p p p p n n n n n p
    # agree on units 1-4 (p) and 7-9 (n): p_o = 7/10.
    # A: 6 p, 4 n; B: 5 p, 5 n  ->  p_e = 0.6*0.5 + 0.4*0.5 = 0.5
    # kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4
    a = list("ppppppnnnn")
    b = list("ppppnnnnnp")
    assert cohen_kappa(a, b) == pytest.approx(0.4)


def test_kappa_by_hand_three_classes():
    # 3x3 table (rows A, columns B):   c  n  x
    #                              c [ 2, 1, 0 ]
    #                              n [ 1, 3, 0 ]
    #                              x [ 0, 1, 2 ]
    # n = 10, p_o = 7/10; A margins 3,4,3; B margins 3,5,2
    # p_e = (3*3 + 4*5 + 3*2) / 100 = 0.35; kappa = (0.7 - 0.35) / 0.65 = 7/13
    a = ["c", "c", "c", "n", "n", "n", "n", "x", "x", "x"]
    b = ["c", "c", "n", "c", "n", "n", "n", "n", "x", "x"]
    assert cohen_kappa(a, b) == pytest.approx(7 / 13)


def test_kappa_bounds_and_degenerate_cases():
    assert cohen_kappa(["a", "b", "a"], ["a", "b", "a"]) == 1.0
    assert cohen_kappa(["a", "b"], ["b", "a"]) == pytest.approx(-1.0)
    assert cohen_kappa(["a", "a"], ["a", "a"]) == 1.0  # one class, full agreement
    with pytest.raises(InputError, match="reading A has 2"):
        cohen_kappa(["a", "b"], ["a"])
    with pytest.raises(InputError, match="no units"):
        cohen_kappa([], [])


def test_kappa_matches_scikit_learn():
    metrics = pytest.importorskip("sklearn.metrics")
    rng = np.random.default_rng(1)
    a = rng.choice(["negative", "neutral", "positive"], 200).tolist()
    b = [x if rng.random() < 0.6 else rng.choice(["negative", "neutral", "positive"]) for x in a]
    assert cohen_kappa(a, b) == pytest.approx(metrics.cohen_kappa_score(a, b))


def test_agreement_uses_only_units_in_both_readings():
    a = pd.DataFrame({"unit_id": ["u1", "u2", "u3", "u4"], "tone": ["positive", "neutral", "negative", "neutral"],
                      "event": ["AGREE", "", "FIGHT", ""]})
    b = pd.DataFrame({"unit_id": ["u2", "u1", "u3"], "tone": ["neutral", "positive", "neutral"],
                      "event": [None, "AGREE", "FIGHT"]})
    out = agreement(a, b, ["tone", "event"])
    assert out.loc["tone", "n"] == 3
    assert out.loc["tone", "p_o"] == pytest.approx(2 / 3)
    assert out.loc["event", "kappa"] == 1.0  # a missing event reads as empty
    assert not math.isnan(out.loc["tone", "kappa"])
    with pytest.raises(InputError, match="lacks the columns relation"):
        agreement(a, b, ["relation"])
