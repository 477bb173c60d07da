"""Dispersion measures against a direct calculation on the dense part-by-term counts."""
import math

import numpy as np
import pandas as pd
import pytest

from analysis.dispersion import dispersion, occurrences
from analysis.errors import InputError


def tokens_from_parts(parts):
    rows = []
    for aid, words in parts.items():
        for w in words:
            rows.append({"article_id": aid, "sentence": 0, "lemma": w, "text": w, "is_punct": w == "."})
    return pd.DataFrame(rows)


PARTS = {"p1": list("abaxx."), "p2": list("bbbbxxxx"), "p3": list("a"), "p4": list("xxxxxxxxxa")}


def reference(parts, term):
    """Juilland's D and Gries' DP straight from their definitions."""
    sizes = np.array([sum(w != "." for w in ws) for ws in parts.values()], dtype=float)
    v = np.array([ws.count(term) for ws in parts.values()], dtype=float)
    s = sizes / sizes.sum()
    f = v.sum()
    dp = 0.5 * np.abs(v / f - s).sum()
    p = v / sizes
    cv = p.std(ddof=0) / p.mean()
    d = 1 - cv / math.sqrt(len(v) - 1)
    return {"n": f, "range": int((v > 0).sum()), "dp": dp, "dp_norm": dp / (1 - s.min()), "juilland_d": d}


@pytest.mark.parametrize("term", ["a", "b", "x"])
def test_measures_equal_definitions(term):
    toks = tokens_from_parts(PARTS)
    got = dispersion(toks, [term]).iloc[0]
    want = reference(PARTS, term)
    for key, value in want.items():
        assert got[key] == pytest.approx(value, rel=1e-12), key
    assert got["parts"] == 4 and got["range_pct"] == pytest.approx(want["range"] / 4 * 100)


def test_hand_computed_dp():
    # sizes 2, 2, 2 (s = 1/3 each); 'x' occurs 1, 1, 0 times: DP = 0.5 * (1/6 + 1/6 + 1/3) = 1/3
    toks = tokens_from_parts({"a": ["x", "y"], "b": ["x", "y"], "c": ["y", "y"]})
    row = dispersion(toks, ["x"]).iloc[0]
    assert row["dp"] == pytest.approx(1 / 3) and row["dp_norm"] == pytest.approx((1 / 3) / (2 / 3))
    # perfectly even term: D = 1, DP = 0
    even = dispersion(toks, ["x", "y"]).set_index("term")
    assert even.loc["x", "range"] == 2


def test_all_terms_sorted_and_grouping_by_articles_column():
    toks = tokens_from_parts(PARTS)
    allterms = dispersion(toks, min_count=2)
    assert allterms["term"].tolist() == ["x", "b", "a"]
    articles = pd.DataFrame({"article_id": ["p1", "p2", "p3", "p4"], "month": ["m1", "m1", "m2", "m2"]})
    by_month = dispersion(toks, ["a"], by="month", articles=articles).iloc[0]
    merged = {"m1": PARTS["p1"] + PARTS["p2"], "m2": PARTS["p3"] + PARTS["p4"]}
    assert by_month["dp"] == pytest.approx(reference(merged, "a")["dp"])


def test_single_document_and_absent_terms():
    toks = tokens_from_parts({"only": ["x", "y", "x"]})
    row = dispersion(toks, ["x", "missing"]).set_index("term")
    assert row.loc["x", "dp"] == 0 and np.isnan(row.loc["x", "juilland_d"]) and np.isnan(row.loc["x", "dp_norm"])
    assert row.loc["x", "range"] == 1 and row.loc["x", "parts"] == 1
    assert row.loc["missing", "n"] == 0 and np.isnan(row.loc["missing", "dp"])
    empty = dispersion(toks.iloc[:0], ["x"])
    assert empty["term"].tolist() == ["x"] and np.isnan(empty["dp"].iloc[0])
    with pytest.raises(InputError, match="group column"):
        dispersion(toks, ["x"], by="source")


def test_occurrences_positions_and_order():
    toks = tokens_from_parts({"a": ["x", "y"], "b": ["y", "x"]})
    occ = occurrences(toks, ["x", "nope"])
    assert occ["position"].tolist() == [0, 3] and occ["article_id"].tolist() == ["a", "b"]
    rev = occurrences(toks, "x", order=["b", "a"])
    assert rev["position"].tolist() == [1, 2] and rev["article_id"].tolist() == ["b", "a"]
    with pytest.raises(InputError, match="not in the given order"):
        occurrences(toks, "x", order=["a"])
