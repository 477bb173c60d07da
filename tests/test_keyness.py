"""Keyness measures against scipy.stats and hand-computed contingency tables."""
import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2, chi2_contingency

from analysis.errors import InputError
from analysis.keyness import (
    contingency_measures,
    keyness,
    keyness_by,
    read_frequency_list,
    wordfreq_reference,
)

CASES = [(30, 10, 1000, 1000), (5, 0, 2000, 50000), (1, 40, 500, 9000), (120, 300, 10_000, 80_000), (7, 7, 700, 700)]


@pytest.mark.parametrize("a,b,c,d", CASES)
def test_g2_and_chi2_match_scipy(a, b, c, d):
    table = [[a, b], [c - a, d - b]]
    m = contingency_measures(a, b, c, d)
    g2 = chi2_contingency(table, correction=False, lambda_="log-likelihood")[0]
    x2 = chi2_contingency(table, correction=False)[0]
    sign = 1 if a / c >= b / d else -1
    assert m["g2"] == pytest.approx(sign * g2, rel=1e-10, abs=1e-12)
    assert m["chi2"] == pytest.approx(sign * x2, rel=1e-10, abs=1e-12)
    assert m["p"] == pytest.approx(chi2.sf(g2, 1), rel=1e-9)
    assert m["p_chi2"] == pytest.approx(chi2.sf(x2, 1), rel=1e-9)
    yates = contingency_measures(a, b, c, d, yates=True)["chi2"]
    assert abs(yates) == pytest.approx(chi2_contingency(table, correction=True)[0], rel=1e-10, abs=1e-12)


def test_g2_hand_computed():
    # a=30, b=10, c=d=1000: E11 = E12 = 20, E21 = E22 = 980
    expected = 2 * (30 * math.log(30 / 20) + 10 * math.log(10 / 20) + 970 * math.log(970 / 980) + 990 * math.log(990 / 980))
    assert contingency_measures(30, 10, 1000, 1000)["g2"] == pytest.approx(expected, rel=1e-12)


def test_williams_correction_hand_computed():
    a, b, c, d = 30, 10, 1000, 1000
    n = c + d
    q = 1 + (n / (a + b) + n / (n - a - b) - 1) * (n / c + n / d - 1) / (6 * n)
    plain = contingency_measures(a, b, c, d)["g2"]
    assert contingency_measures(a, b, c, d, correction="williams")["g2"] == pytest.approx(plain / q, rel=1e-12)
    with pytest.raises(InputError):
        contingency_measures(a, b, c, d, correction="bonferroni")


def test_log_ratio_and_pct_diff_with_smoothing():
    m = contingency_measures(30, 10, 1000, 2000)
    assert m["log_ratio"] == pytest.approx(math.log2((30 / 1000) / (10 / 2000)))
    assert m["pct_diff"] == pytest.approx(((30 / 1000) - (10 / 2000)) * 100 / (10 / 2000))
    zero_ref = contingency_measures(8, 0, 1000, 1000)
    assert zero_ref["log_ratio"] == pytest.approx(math.log2((8 / 1000) / (0.5 / 1000)))
    assert np.isfinite(zero_ref["pct_diff"]) and np.isfinite(zero_ref["g2"])
    zero_target = contingency_measures(0, 8, 1000, 1000)
    assert zero_target["log_ratio"] == pytest.approx(-4.0) and zero_target["g2"] < 0
    custom = contingency_measures(8, 0, 1000, 1000, smoothing=0.1)
    assert custom["log_ratio"] == pytest.approx(math.log2(8 / 0.1))


def test_keyness_tables_signed_and_filtered():
    t = pd.DataFrame({"term": ["Krieg", "Frieden", "selten"], "n": [30, 10, 1], "total": 1000})
    r = pd.DataFrame({"term": ["Krieg", "Frieden", "Waffe"], "n": [10, 30, 2], "total": 1000})
    out = keyness(t, r, min_freq=3)
    assert out["term"].tolist() == ["Krieg", "Frieden"]  # 'selten' (1) and 'Waffe' (2) below min_freq
    assert out["g2"].iloc[0] > 0 > out["g2"].iloc[1]
    assert out["rel_target"].iloc[0] == pytest.approx(30_000)
    out = keyness(t, r, min_freq=1)
    assert set(out["term"]) == {"Krieg", "Frieden", "selten", "Waffe"}
    waffe = out.set_index("term").loc["Waffe"]
    assert waffe["n_target"] == 0 and np.isfinite(waffe["log_ratio"]) and waffe["log_ratio"] < 0


def test_keyness_from_tokens_and_groups():
    words = {"a": ["krieg", "krieg", "krieg", "frieden"], "b": ["frieden", "frieden", "frieden", "krieg"]}
    rows = [{"article_id": aid, "sentence": 0, "lemma": w, "lower": w, "source": aid.upper()}
            for aid, ws in words.items() for w in ws]
    toks = pd.DataFrame(rows)
    out = keyness_by(toks, "source", "A", min_freq=1)
    direct = contingency_measures(3, 1, 4, 4)
    assert out.set_index("term").loc["krieg", "g2"] == pytest.approx(direct["g2"])
    same = keyness(toks[toks["article_id"] == "a"], toks[toks["article_id"] == "b"], min_freq=1)
    pd.testing.assert_frame_equal(out, same)
    with pytest.raises(InputError, match="target group 'C' not found"):
        keyness_by(toks, "source", "C")
    with pytest.raises(InputError, match="no group other"):
        keyness_by(toks[toks["source"] == "A"], "source", "A")


def test_empty_corpora_raise_clear_errors():
    empty = pd.DataFrame({"term": pd.Series(dtype=object), "n": pd.Series(dtype="int64")})
    full = pd.DataFrame({"term": ["x"], "n": [3]})
    with pytest.raises(InputError, match="target: the corpus is empty"):
        keyness(empty, full)
    with pytest.raises(InputError, match="reference: the corpus is empty"):
        keyness(full, empty)
    with pytest.raises(InputError, match="target: the corpus is empty"):
        keyness(pd.DataFrame(columns=["article_id", "sentence", "lemma"]), full)


def test_wordfreq_reference_and_absent_terms():
    t = pd.DataFrame({"term": ["Der", "die", "Gipfeltreffen", "xqzvwk"], "n": [50, 40, 10, 5], "total": 1000})
    out = keyness(t, "wordfreq", lang="de", min_freq=1).set_index("term")
    assert set(out.index) == {"der", "die", "gipfeltreffen", "xqzvwk"}
    assert out.loc["der", "n_target"] == 50  # case folded onto wordfreq's lower-case list
    absent = out.loc["xqzvwk"]
    assert absent["n_reference"] == 0 and np.isfinite(absent["log_ratio"]) and np.isfinite(absent["g2"])
    assert absent["log_ratio"] == pytest.approx(math.log2((5 / 1000) / (0.5 / 1e9)))
    assert out.loc["gipfeltreffen", "g2"] > 0
    ref = wordfreq_reference("de", terms=["der"])
    import wordfreq

    assert ref["n"].iloc[0] == pytest.approx(wordfreq.get_frequency_dict("de", "large")["der"] * 1e9)
    with pytest.raises(InputError, match="wordfreq has no"):
        wordfreq_reference("xx")


def test_frequency_list_with_malformed_lines(tmp_path, caplog):
    path = tmp_path / "ref.tsv"
    path.write_text("term\tcount\n# comment\nKrieg\t120\n55\tFrieden\nkaputt\nWaffe\t-3\nZahl\tviele\n"
                    "\nKrieg\t5\nzu\tviele\tfelder\n", encoding="utf-8")
    ref = read_frequency_list(path)
    assert dict(zip(ref["term"], ref["n"])) == {"Krieg": 125, "Frieden": 55}
    assert ref.attrs["skipped_lines"] == [5, 6, 7, 10]
    assert "skipped 4 malformed" in caplog.text
    with pytest.raises(InputError, match=r"ref.tsv:5"):
        read_frequency_list(path, errors="raise")
    out = keyness(pd.DataFrame({"term": ["Krieg"], "n": [10], "total": 100}), ref, min_freq=1)
    assert out["n_reference"].tolist() == [125, 0] or out.set_index("term").loc["Krieg", "n_reference"] == 125
    bad = tmp_path / "bad.txt"
    bad.write_text("nur text\nohne zahlen hier\n", encoding="utf-8")
    with pytest.raises(InputError, match="no 'term<TAB>count' lines"):
        read_frequency_list(bad)
    with pytest.raises(InputError, match="not found"):
        read_frequency_list(tmp_path / "missing.tsv")


def test_command_line_with_frequency_list(tmp_path, capsys):
    from pathlib import Path

    from analysis.cli import main

    data = Path(__file__).resolve().parents[1] / "data"
    ref = tmp_path / "ref.tsv"
    ref.write_text("putin\t5\nkim\t5\nder\t100000\nkaputte zeile\n", encoding="utf-8")
    out = tmp_path / "key.csv"
    assert main(["keyness", "--target", str(data), "--reference", str(ref), "--out", str(out), "--min-freq", "2"]) == 0
    table = pd.read_csv(out)
    by_term = table.set_index("term")
    assert by_term.loc["putin", "g2"] > 0 and by_term.loc["putin", "n_reference"] == 5
    assert by_term.loc["der", "g2"] < 0  # 100000 of 100010 reference tokens
    assert by_term.loc["die", "n_reference"] == 0 and np.isfinite(by_term.loc["die", "log_ratio"])
    assert main(["keyness", "--target", str(data), "--reference", "wordfreq", "--out", str(out)]) == 0


def test_wordfreq_estimates_hyphenated_terms_from_parts():
    import wordfreq

    ref = wordfreq_reference("de", terms=["US-Präsident", "xqzv-wkpq"]).set_index("term")["n"]
    assert ref["us-präsident"] == pytest.approx(wordfreq.word_frequency("us-präsident", "de", "large") * 1e9)
    assert ref["us-präsident"] > 0 and ref["xqzv-wkpq"] == 0


def test_group_with_only_punctuation_is_absent_not_an_error():
    toks = pd.DataFrame({"article_id": list("aabb"), "sentence": 0, "lemma": ["Krieg", "Krieg", ".", "!"],
                         "is_punct": [False, False, True, True], "source": list("xxyy")})
    from analysis.terms import frequencies

    assert set(frequencies(toks, by="source")["group"]) == {"x"}
    with pytest.raises(InputError, match="target group 'y' not found"):
        keyness_by(toks, "source", "y")
    with pytest.raises(InputError, match="no group other"):
        keyness_by(toks, "source", "x")


def test_lemma_keyness_against_wordfreq_sums_the_reference_over_the_lemmas_forms():
    import wordfreq

    words = ["Gespräche", "Gesprächen", "Gespräch", "äußerte", "Putin"]
    lemmas = ["Gespräch", "Gespräch", "Gespräch", "äußern", "Putin"]
    tokens = pd.DataFrame({"article_id": "a", "sentence": 0, "text": words, "lower": [w.lower() for w in words],
                           "lemma": lemmas, "is_stop": False, "is_punct": False})
    key = keyness(tokens, "wordfreq", unit="lemma", lang="de", min_freq=1).set_index("term")
    freqs = wordfreq.get_frequency_dict("de", "large")
    expected = {"gespräch": freqs["gespräche"] + freqs["gesprächen"] + freqs["gespräch"],
                "äußern": freqs["äusserte"] + freqs["äussern"], "putin": freqs["putin"]}
    assert key["n_target"].to_dict() == {"gespräch": 3, "äußern": 1, "putin": 1}
    for term, f in expected.items():
        assert key.loc[term, "n_reference"] == pytest.approx(f * 1e9)
