"""How far can the evaluation sets' tuning parts carry a *trained* model? A reference point
for the accuracy targets of the rule engine.

Trains, on the tuning part only, (a) a logistic regression (GerNTSA, three classes, balanced
class weights) or ridge regression (NYT, the mean rating) on the engine's own outputs (polarity,
cooperation, certainty, summed positive and negative hit values, number of hits), and (b) the
same plus TF-IDF word features; reports macro-F1 / Pearson r on the test part, next to the
engine itself. The tuning parts are small (932 and 2,568 units): when a model fitted to them
gets little past the engine on the test part, fitting more of the engine's parameters to them
will not close a gap either; what would is more annotated data or better word values.

    .venv/bin/python benchmarks/sentiment_ceiling.py        # needs scikit-learn (pip install .[bench])
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.evaluate.sentiment import (
    labels_from_scores,
    macro_f1,
    pearson_r,
    read_gerntsa,
    read_vader_nyt,
)
from analysis.sentiment import NEUTRAL_BAND, score_sentiment


def engine_features(scored) -> np.ndarray:
    def part(sign):
        return scored["hits"].map(lambda hs: sum(v for h in hs if sign * (v := h["polarity"] * h["weight"]) > 0))

    return np.c_[scored["polarity"], scored["cooperation"], scored["certainty"], part(1), part(-1), scored["n_hits"]]


def main() -> None:
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression, Ridge

    for lang, df in (("de", read_gerntsa()), ("en", read_vader_nyt())):
        scored = score_sentiment(df, lang=lang)
        tune = (df["part"] == "tune").to_numpy()
        words = TfidfVectorizer(min_df=2, sublinear_tf=True).fit(df["text"][tune])
        feats = {"engine outputs": csr_matrix(engine_features(scored))}
        feats["engine outputs + words"] = hstack([feats["engine outputs"] * 3, words.transform(df["text"])]).tocsr()
        if lang == "de":
            engine = macro_f1(df["label"][~tune], labels_from_scores(scored["polarity"][~tune], NEUTRAL_BAND["de"]))
            print(f"GerNTSA test part, macro-F1: rule engine {engine:.3f}")
            for name, x in feats.items():
                model = LogisticRegression(C=0.1, max_iter=2000, class_weight="balanced").fit(x[tune], df["label"][tune])
                print(f"  trained on the tuning part, {name}: {macro_f1(df['label'][~tune], model.predict(x[~tune])):.3f}")
        else:
            print(f"NYT test part, Pearson r: rule engine {pearson_r(scored['polarity'][~tune], df['rating'][~tune]):.3f}")
            for name, x in feats.items():
                model = Ridge(alpha=10.0).fit(x[tune], df["rating"][tune])
                print(f"  trained on the tuning part, {name}: {pearson_r(model.predict(x[~tune]), df['rating'][~tune]):.3f}")


if __name__ == "__main__":
    main()
