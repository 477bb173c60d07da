"""Collocation measures against NLTK's association measures and hand counts."""
import math

import pandas as pd
import pytest
from nltk.collocations import BigramCollocationFinder, TrigramCollocationFinder
from nltk.metrics import BigramAssocMeasures as B
from nltk.metrics import TrigramAssocMeasures as T

from analysis.collocations import association, collocates, collocations
from analysis.errors import InputError

TEXT = ["der", "kalte", "krieg", "ist", "vorbei", "sagt", "der", "minister", "der", "kalte", "winter", "kommt", "und", "der", "krieg", "geht", "weiter", "sagt", "die", "ministerin", "der", "kalte", "krieg", "kehrt", "zurück"]


def tokens_of(words, sentence=None, article="a"):
    sentence = sentence if sentence is not None else [0] * len(words)
    return pd.DataFrame({"article_id": article, "sentence": sentence, "lower": words, "text": words,
                         "lemma": words, "is_punct": [w in ".," for w in words],
                         "is_stop": [w in {"der", "die", "und", "ist"} for w in words]})


@pytest.mark.parametrize("o11,r1,c1,n", [(20, 100, 50, 10_000), (1, 1, 1, 30), (3, 40, 9, 500), (8, 9, 12, 40)])
def test_association_matches_nltk(o11, r1, c1, n):
    m = association(o11, r1, c1, n)
    assert m["pmi"] == pytest.approx(B.pmi(o11, (r1, c1), n), rel=1e-12)
    assert abs(m["g2"]) == pytest.approx(B.likelihood_ratio(o11, (r1, c1), n), rel=1e-9, abs=1e-9)
    assert m["t_score"] == pytest.approx(B.student_t(o11, (r1, c1), n), rel=1e-9)
    assert m["mi3"] == pytest.approx(math.log2(B.mi_like(o11, (r1, c1), n, power=3) * n), rel=1e-12)
    assert m["log_dice"] == pytest.approx(14 + math.log2(B.dice(o11, (r1, c1), n)), rel=1e-12)


def test_g2_sign_for_negative_association():
    m = association(1, 100, 100, 1000)  # expected 10, observed 1
    assert m["g2"] < 0 and m["pmi"] < 0


def test_bigram_collocations_equal_nltk_finder():
    toks = tokens_of(TEXT)
    ours = collocations(toks, unit="lower", min_count=1)
    finder = BigramCollocationFinder.from_words(TEXT)
    for measure, fn in [("g2", B.likelihood_ratio), ("pmi", B.pmi), ("t_score", B.student_t)]:
        theirs = dict(finder.score_ngrams(fn))
        got = {(w1, w2): v for w1, w2, v in zip(ours["w1"], ours["w2"], ours[measure])}
        assert set(got) == set(theirs)
        for pair, v in theirs.items():
            value = abs(got[pair]) if measure == "g2" else got[pair]
            assert value == pytest.approx(v, rel=1e-9, abs=1e-9), (measure, pair)
    counts = {(w1, w2): n for w1, w2, n in zip(ours["w1"], ours["w2"], ours["n"])}
    assert counts[("der", "kalte")] == 3 and counts[("kalte", "krieg")] == 2


def test_trigram_pmi_equals_nltk():
    ours = collocations(tokens_of(TEXT), unit="lower", ngram=3, min_count=1, sort="pmi")
    finder = TrigramCollocationFinder.from_words(TEXT)
    theirs = {" ".join(k): v for k, v in finder.score_ngrams(T.pmi)}
    got = dict(zip(ours["ngram"], ours["pmi"]))
    assert set(got) == set(theirs)
    for k, v in theirs.items():
        assert got[k] == pytest.approx(v, rel=1e-9)
    t_theirs = {" ".join(k): v for k, v in finder.score_ngrams(T.student_t)}
    for k, v in zip(ours["ngram"], ours["t_score"]):
        assert v == pytest.approx(t_theirs[k], rel=1e-9)


def test_bigrams_respect_sentences_punctuation_thresholds_and_stopwords():
    words = ["kalte", "krieg", ".", "kalte", "krieg", "kalte", ",", "krieg"]
    toks = tokens_of(words, sentence=[0, 0, 0, 1, 1, 1, 1, 1])
    out = collocations(toks, unit="lower", min_count=1)
    pairs = dict(zip(zip(out["w1"], out["w2"]), out["n"]))
    assert pairs == {("kalte", "krieg"): 2, ("krieg", "kalte"): 1}
    assert collocations(toks, unit="lower", min_count=2)["n"].tolist() == [2]
    assert collocations(toks, unit="lower", min_count=1, min_freq=4).empty
    stop = collocations(tokens_of(TEXT), unit="lower", min_count=1, stopwords=True)
    assert not (stop["w1"].isin(["der", "die", "und", "ist"]) | stop["w2"].isin(["der", "die", "und", "ist"])).any()


def test_window_pairs_and_slots_by_hand():
    words = ["a", "b", "c", "a", "b"]
    out = collocations(tokens_of(words, sentence=[0, 0, 0, 1, 1]), unit="lower", window=2, min_count=1)
    pairs = dict(zip(zip(out["w1"], out["w2"]), out["n"]))
    assert pairs == {("a", "b"): 2, ("a", "c"): 1, ("b", "c"): 1}
    row = out.set_index(["w1", "w2"]).loc[("a", "b")]
    # slots after 'a': 2 in sentence 0, 1 in sentence 1 -> r1 = 3; f(b) = 2; N = 5
    assert row["pmi"] == pytest.approx(math.log2(2 / (3 * 2 / 5)))
    unbounded = collocations(tokens_of(words, sentence=[0, 0, 0, 1, 1]), unit="lower", window=2, min_count=1,
                             sentence_bounded=False)
    assert ("c", "a") in set(zip(unbounded["w1"], unbounded["w2"]))


def test_chunked_counting_equals_one_pass():
    toks = pd.concat([tokens_of(TEXT, article=f"a{i}") for i in range(9)], ignore_index=True)
    one = collocations(toks, unit="lower", min_count=1)
    chunked = collocations(toks, unit="lower", min_count=1, chunk_size=30)
    pd.testing.assert_frame_equal(one, chunked)


def test_node_collocates_by_hand():
    words = ["der", "kalte", "krieg", "ist", "vorbei", ".", "kalte", "winter", "und", "kalte", "krieg"]
    sent = [0] * 6 + [1] * 5
    toks = tokens_of(words, sentence=sent)
    out = collocates(toks, "Krieg", unit="lower", left=2, right=2, min_count=1).set_index("w2")
    assert out.loc["kalte", "n"] == 2 and out.loc["kalte", "n_left"] == 2 and out.loc["kalte", "n_right"] == 0
    assert "winter" not in out.index or out.loc["winter", "n_right"] == 0
    # slots: first krieg (pos 2 of 5 non-punct in sentence 0): 2 left + 2 right; second (last of sentence 1): 2 left
    assert out["slots"].iloc[0] == 6
    n_tokens = 10
    e = 6 * 3 / n_tokens  # slots * f(kalte) / N
    assert out.loc["kalte", "pmi"] == pytest.approx(math.log2(2 / e))
    assert out.loc["kalte", "log_dice"] == pytest.approx(14 + math.log2(2 * 2 / (2 + 3)))
    assert out.loc["ist", "n_right"] == 1
    unbounded = collocates(toks, "krieg", unit="lower", left=3, right=3, sentence_bounded=False, min_count=1)
    assert "kalte" in set(unbounded["w2"]) and unbounded["slots"].iloc[0] == 8  # 2 + 3 around the first, 3 before the second


def test_empty_and_bad_input():
    empty = tokens_of([])
    assert collocations(empty).empty and list(collocations(empty).columns)[:3] == ["w1", "w2", "n"]
    assert collocates(empty, "x").empty
    assert collocates(tokens_of(["a", "b"]), "zzz", unit="lower").empty
    with pytest.raises(InputError, match="window"):
        collocations(tokens_of(TEXT), window=0)
    with pytest.raises(InputError, match="sort"):
        collocations(tokens_of(TEXT), unit="lower", min_count=1, sort="zipf")
    with pytest.raises(InputError, match="missing column"):
        collocations(pd.DataFrame({"x": [1]}))


from hypothesis import example, given, settings
from hypothesis import strategies as st


@settings(max_examples=40, deadline=None)
@example(items=[(0, "a"), (0, "."), (1, "a"), (2, "a"), (0, "a")], window=1, chunk=2)  # chunks without pairs
@given(st.lists(st.tuples(st.integers(0, 2), st.sampled_from("abcd.")), min_size=0, max_size=40),
       st.integers(1, 3), st.integers(2, 12))
def test_window_counts_equal_brute_force(items, window, chunk):
    """Pair counts, unigram counts and slots equal a direct double loop, chunked or not."""
    items = sorted(items, key=lambda x: x[0])  # tokens grouped by article
    words = [w for _, w in items]
    arts = [f"a{a}" for a, _ in items]
    sent = [0] * len(items)
    toks = pd.DataFrame({"article_id": arts, "sentence": sent, "lower": words, "text": words,
                         "is_punct": [w == "." for w in words]})
    got = collocations(toks, unit="lower", window=window, min_count=1, chunk_size=chunk)
    kept = [(a, w) for a, w in zip(arts, words) if w != "."]
    expected = {}
    if window > 1:  # window pairs skip punctuation and stay in the sentence (here: the article)
        for i, (a, w) in enumerate(kept):
            for j in range(i + 1, min(i + window, len(kept) - 1) + 1):
                if kept[j][0] == a:
                    expected[(w, kept[j][1])] = expected.get((w, kept[j][1]), 0) + 1
    else:  # adjacent bigrams also stop at punctuation
        prev = None
        for a, w in zip(arts, words):
            if w == ".":
                prev = None
                continue
            if prev is not None and prev[0] == a:
                expected[(prev[1], w)] = expected.get((prev[1], w), 0) + 1
            prev = (a, w)
    assert dict(zip(zip(got["w1"], got["w2"]), got["n"])) == expected
    n_words = len(kept)
    for w1, w2, n1, n2 in zip(got["w1"], got["w2"], got["n_w1"], got["n_w2"]):
        assert n1 == sum(w == w1 for _, w in kept) and n2 == sum(w == w2 for _, w in kept)
    if len(got):
        row = got.iloc[0]
        r1 = row["n_w1"] if window == 1 else sum(
            sum(1 for j in range(i + 1, min(i + window, n_words - 1) + 1) if kept[j][0] == kept[i][0])
            for i in range(n_words) if kept[i][1] == row["w1"])
        assert row["pmi"] == pytest.approx(math.log2(row["n"] / (r1 * row["n_w2"] / n_words)))


def test_streamed_corpus_collocations_equal_in_memory(tmp_path):
    import json

    from analysis.collocations import corpus_collocations
    from analysis.corpus import load_articles
    from analysis.segment import segment

    path = tmp_path / "c.jsonl"
    texts = ["Der kalte Krieg ist vorbei. Der kalte Winter kommt.", "Der kalte Krieg kehrt zurück."] * 3
    path.write_text("\n".join(json.dumps({"id": f"n{i}", "text": t, "lang": "de"}) for i, t in enumerate(texts)),
                    encoding="utf-8")
    streamed = corpus_collocations([path], chunk_size=2, min_count=1, window=2)
    articles, _ = load_articles([path])
    whole = collocations(segment(articles).tokens, min_count=1, window=2)
    pd.testing.assert_frame_equal(streamed, whole)


@pytest.mark.parametrize("kind", ["node", "trigrams"])
def test_streamed_node_collocates_and_ngrams_equal_in_memory(tmp_path, kind):
    import json

    from analysis.collocations import corpus_collocates, corpus_collocations
    from analysis.corpus import load_articles
    from analysis.segment import segment

    path = tmp_path / "c.jsonl"
    texts = ["Der kalte Krieg ist vorbei. Der kalte Winter kommt.", "Der kalte Krieg kehrt zurück, sagt er.",
             "Kein Krieg, kein Winter: der Frieden kommt."] * 3
    path.write_text("\n".join(json.dumps({"id": f"n{i}", "text": t, "lang": "de"}) for i, t in enumerate(texts)),
                    encoding="utf-8")
    articles, _ = load_articles([path])
    tokens = segment(articles).tokens
    if kind == "node":  # chunks of two articles: the counts are merged term by term
        streamed = corpus_collocates([path], "Krieg", chunk_size=2, min_count=1, left=3, right=2, stopwords=True)
        whole = collocates(tokens, "Krieg", min_count=1, left=3, right=2, stopwords=True)
        assert set(whole["w2"]) >= {"kalt", "kehren"} and not {"der", "kein"} & set(whole["w2"])
    else:
        streamed = corpus_collocations([path], ngram=3, chunk_size=2, min_count=2)
        whole = collocations(tokens, ngram=3, min_count=2)
        assert "der kalt Krieg" in set(whole["ngram"])
    pd.testing.assert_frame_equal(streamed, whole)
