"""Tests of the sentiment scorers: metrics against independent implementations, readers, CLI."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis.cli import main
from analysis.errors import InputError
from analysis.evaluate.sentiment import (
    LABELS,
    accuracy,
    default_path,
    evaluate,
    labels_from_scores,
    macro_f1,
    pearson_r,
    read_gerntsa,
    read_vader_nyt,
)


def test_macro_f1_and_accuracy_match_scikit_learn():
    metrics = pytest.importorskip("sklearn.metrics")
    f1_score, accuracy_score = metrics.f1_score, metrics.accuracy_score
    rng = np.random.default_rng(0)
    gold = rng.choice(LABELS, 300).tolist()
    pred = rng.choice(LABELS, 300, p=[0.2, 0.5, 0.3]).tolist()
    assert macro_f1(gold, pred) == pytest.approx(f1_score(gold, pred, labels=list(LABELS), average="macro"))
    assert accuracy(gold, pred) == pytest.approx(accuracy_score(gold, pred))



def test_macro_f1_by_hand():
    # negative: P=1/1, R=1/2 -> 2/3; neutral: P=0/1 -> 0; positive: P=1/1, R=1/1 -> 1
    gold = ["negative", "negative", "positive"]
    pred = ["negative", "neutral", "positive"]
    assert macro_f1(gold, pred) == pytest.approx((2 / 3 + 0 + 1) / 3)
    # a class never predicted contributes F1 = 0
    assert macro_f1(["negative", "positive"], ["neutral", "positive"]) == pytest.approx(1 / 3)
    with pytest.raises(InputError):
        macro_f1(["neutral"], [])


def test_pearson_matches_scipy():
    rng = np.random.default_rng(1)
    x = rng.normal(size=200)
    y = 0.5 * x + rng.normal(size=200)
    assert pearson_r(x, y) == pytest.approx(stats.pearsonr(x, y)[0])
    assert np.isnan(pearson_r([1, 1, 1], [1, 2, 3]))


def test_labels_from_scores():
    assert labels_from_scores([-0.6, -0.05, 0.0, 0.2], 0.1) == ["negative", "neutral", "neutral", "positive"]


def test_readers_on_small_files(tmp_path):
    g = tmp_path / "g.tsv"
    g.write_text("id\ttext\ttarget\tlabel\nab2\tDer Frieden kam.\tFrieden\tpositive\nab3\tKrieg.\tKrieg\tnegative\n",
                 encoding="utf-8")
    df = read_gerntsa(g)
    assert df["part"].tolist() == ["tune", "test"] and df["label"].tolist() == ["positive", "negative"]
    n = tmp_path / "nytEditorialSnippets_GroundTruth.txt"
    n.write_text("1_1\t1.5\tA great success.\n2_1\t-2.0\tA terrible war.\n2_2\t0.1\tThe report.\n", encoding="utf-8")
    nyt = read_vader_nyt(tmp_path)
    assert nyt["label"].tolist() == ["positive", "negative", "neutral"]
    assert nyt["part"].tolist() == ["tune", "test", "test"]
    res = evaluate("vader-nyt", tmp_path, part="all")
    assert res["n"] == 3 and res["pearson_r"] > 0.9 and res["macro_f1"] == pytest.approx(1.0)


def test_reader_errors(tmp_path):
    with pytest.raises(InputError, match="not found"):
        read_gerntsa(tmp_path / "missing.tsv")
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\ttext\n1\tx\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing label, target"):
        read_gerntsa(bad)
    nyt = tmp_path / "n.txt"
    nyt.write_text("1_1\tnot-a-number\ttext\n", encoding="utf-8")
    with pytest.raises(InputError, match="expected id<TAB>mean rating"):
        read_vader_nyt(nyt)
    with pytest.raises(InputError, match="unknown dataset"):
        evaluate("semeval")


def test_cli_evaluate_writes_json(tmp_path, capsys):
    n = tmp_path / "nyt.txt"
    n.write_text("1_1\t1.5\tA great success.\n1_2\t-2.0\tA terrible war.\n", encoding="utf-8")
    out = tmp_path / "r.json"
    assert main(["evaluate-sentiment", "--dataset", "vader-nyt", str(n), "--part", "all", "--json", str(out)]) == 0
    res = json.loads(out.read_text())
    assert {"macro_f1", "accuracy", "pearson_r"} <= set(res)
    assert main(["evaluate-sentiment", "--dataset", "gerntsa", str(tmp_path / "none.tsv")]) == 2
    assert "not found" in capsys.readouterr().err


def test_cli_sentiment_scores_a_table(tmp_path, capsys):
    units = tmp_path / "quotes.csv"
    pd.DataFrame({"quote_id": [1, 2], "text": ["Die Gespräche scheiterten.", "Eine Einigung!"]}).to_csv(units, index=False)
    out = tmp_path / "scored.csv"
    assert main(["sentiment", str(units), "--table", "--lang", "de", "--out", str(out)]) == 0
    df = pd.read_csv(out)
    assert df["label"].tolist() == ["negative", "positive"]
    assert json.loads(df["hits"].iloc[1])[0]["term"] == "Einigung"
    assert main(["sentiment", str(units), "--table", "--lang", "xx", "--out", str(out)]) == 2
    assert "no sentiment lexicon" in capsys.readouterr().err


@pytest.mark.slow
def test_gerntsa_measured():
    if not default_path("gerntsa").exists():
        pytest.skip("GerNTSA not available")
    res = evaluate("gerntsa", part="test")
    assert res["n"] > 900
    assert res["macro_f1"] > res["all_neutral_macro_f1"] + 0.15  # far above the all-neutral baseline
    assert res["macro_f1"] > 0.45


@pytest.mark.slow
def test_vader_nyt_measured():
    if not default_path("vader-nyt").exists():
        pytest.skip("NYT editorial snippets not available")
    from analysis.evaluate.sentiment import vader_baseline

    ours = evaluate("vader-nyt", part="test")
    assert ours["n"] > 2500
    assert ours["pearson_r"] > vader_baseline(part="test")["pearson_r"]
