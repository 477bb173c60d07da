"""Frequency tables, stems, n-grams and German compounds against independent counts."""
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from nltk.stem import SnowballStemmer

from analysis.errors import InputError
from analysis.terms import FrequencyCounter, frequencies, split_compounds, term_series
from analysis.wordforms import compound_head, hyphen_parts, stem


def make_tokens(sentences, article_ids=None, stop=("der", "die", "und")):
    """Tokens table from a list of sentences (each a list of words); '.' and ',' are punctuation."""
    rows = []
    article_ids = article_ids or ["a"] * len(sentences)
    pos = {}
    for sid, (aid, words) in enumerate(zip(article_ids, sentences)):
        for w in words:
            start = pos.get(aid, 0)
            rows.append({"article_id": aid, "sentence": sid, "paragraph": 0, "start": start, "end": start + len(w),
                         "text": w, "lower": w.lower(), "lemma": w.lower().rstrip("n") if w.isalpha() else w,
                         "is_stop": w.lower() in stop, "is_punct": w in ".,"})
            pos[aid] = start + len(w) + 1
    return pd.DataFrame(rows)


@pytest.fixture
def toks():
    return make_tokens([["Der", "Frieden", "kam", "."], ["Frieden", "und", "Krieg", ",", "Krieg"],
                        ["Der", "Krieg", "ging", "."]], ["a", "a", "b"])


def test_counts_match_counter(toks):
    freq = frequencies(toks, unit="lower")
    words = [w for w, p in zip(toks["lower"], toks["is_punct"]) if not p]
    expected = Counter(words)
    assert dict(zip(freq["term"], freq["n"])) == dict(expected)
    assert (freq["total"] == len(words)).all()
    assert np.allclose(freq["rel_freq"], freq["n"] / len(words) * 1e6)
    docs = {w: len({a for a, x, p in zip(toks["article_id"], toks["lower"], toks["is_punct"]) if x == w and not p})
            for w in expected}
    assert dict(zip(freq["term"], freq["docfreq"])) == docs
    # competition ranking: krieg 3 -> 1, der 2 and frieden 2 -> 2, the rest -> 4
    ranks = dict(zip(freq["term"], freq["rank"]))
    assert ranks["krieg"] == 1 and ranks["der"] == ranks["frieden"] == 2 and ranks["kam"] == 4


def test_group_by_column_articles_and_labels(toks):
    by_art = frequencies(toks, by="article_id", unit="lower")
    b = by_art[by_art["group"] == "b"].set_index("term")["n"].to_dict()
    assert b == {"der": 1, "krieg": 1, "ging": 1}
    assert by_art.loc[by_art["group"] == "b", "total"].iloc[0] == 3
    articles = pd.DataFrame({"article_id": ["a", "b"], "source": ["taz", "faz"]})
    by_src = frequencies(toks, by="source", articles=articles, unit="lower")
    assert set(by_src["group"]) == {"taz", "faz"}
    quoted = toks["sentence"] == 1
    by_lab = frequencies(toks, by=quoted.to_numpy(), unit="lower")
    assert by_lab[by_lab["group"] == True].set_index("term")["n"].to_dict() == {"krieg": 2, "frieden": 1, "und": 1}
    with pytest.raises(InputError, match="group column"):
        frequencies(toks, by="nope")


def test_stopwords_keep_total_and_min_count(toks):
    full = frequencies(toks, unit="lower")
    filtered = frequencies(toks, unit="lower", stopwords=True, min_count=2)
    assert set(filtered["term"]) == {"krieg", "frieden"}
    assert filtered["total"].iloc[0] == full["total"].iloc[0]
    custom = frequencies(toks, unit="lower", stopwords={"krieg"})
    assert "krieg" not in set(custom["term"]) and "der" in set(custom["term"])


def test_bigrams_stay_inside_runs(toks):
    bi = frequencies(toks, unit="lower", ngram=2)
    expected = Counter()
    for _, s in toks.groupby("sentence"):
        run = []
        for w, p in zip(s["lower"], s["is_punct"]):
            if p:
                run = []
                continue
            if run:
                expected[f"{run[-1]} {w}"] += 1
            run.append(w)
    assert dict(zip(bi["term"], bi["n"])) == dict(expected)
    assert "krieg krieg" not in set(bi["term"])  # a comma separates them
    assert "kam frieden" not in set(bi["term"])  # a sentence boundary separates them
    tri = frequencies(toks, unit="lower", ngram=3)
    assert dict(zip(tri["term"], tri["n"])) == {"der frieden kam": 1, "frieden und krieg": 1, "der krieg ging": 1}


def test_chunks_equal_one_pass(toks):
    big = pd.concat([toks.assign(article_id=toks["article_id"] + str(i)) for i in range(7)], ignore_index=True)
    one = frequencies(big, unit="lower", ngram=2)
    chunked = frequencies(big, unit="lower", ngram=2, chunk_size=5)
    pd.testing.assert_frame_equal(one, chunked)
    counter = FrequencyCounter(unit="lower")
    for aid, part in big.groupby("article_id", sort=False):
        counter.update(part)
    pd.testing.assert_frame_equal(counter.result(), frequencies(big, unit="lower"))


def test_units_lemma_text_stem(toks):
    assert "friede" in set(frequencies(toks)["term"])  # lemma column is the default
    assert "Frieden" in set(frequencies(toks, unit="text")["term"])
    stems = term_series(pd.DataFrame({"lower": ["größer", "gespräche", "häuser"]}), unit="stem", lang="de")
    assert stems.tolist() == ["größ", "gespräch", "häus"]
    nltk = SnowballStemmer("german")
    for word, ours in zip(["größer", "gespräche", "häuser"], stems):
        folded = ours.replace("ä", "a").replace("ö", "o").replace("ü", "u").replace("ß", "ss")
        assert folded == nltk.stem(word)  # the same stem, umlauts restored
    assert stem("running", "en") == "run"
    with pytest.raises(InputError, match="unit"):
        frequencies(toks, unit="morph")


def test_empty_and_bad_input():
    empty = make_tokens([])
    out = frequencies(pd.DataFrame(columns=["article_id", "sentence", "lemma"]))
    assert list(out.columns) == ["group", "term", "n", "rel_freq", "docfreq", "rank", "total"] and out.empty
    assert frequencies(empty).empty
    only_punct = make_tokens([[".", ","]])
    assert frequencies(only_punct).empty
    with pytest.raises(InputError, match="missing column"):
        frequencies(pd.DataFrame({"word": ["x"]}))
    with pytest.raises(InputError, match="DataFrame"):
        frequencies(["x"])


def test_hyphenated_compounds_split_with_offsets():
    toks = make_tokens([["Die", "Sechs-Parteien-Gespräche", "und", "Nord-", "."]])
    out = split_compounds(toks, lang="de")
    parts = out[out["compound"].notna()]
    assert parts["text"].tolist() == ["Sechs", "Parteien", "Gespräche", "Nord"]
    text = "Die Sechs-Parteien-Gespräche und Nord- ."
    assert [text[s:e] for s, e in zip(parts["start"], parts["end"])] == parts["text"].tolist()
    assert parts["lemma"].iloc[2] == "Gespräch"
    freq = frequencies(toks, unit="lemma", compounds="split")
    assert "Gespräch" in set(freq["term"]) and "Sechs-Parteien-Gespräch" not in set(freq["term"])
    assert hyphen_parts("Nord-") == [(0, "Nord")]


def test_closed_compound_heads():
    assert compound_head("Atomkonflikt") == "Konflikt"
    assert compound_head("Bundesregierung") == "Regierung"  # linking -es- after Bund
    assert compound_head("Konflikt") is None
    assert compound_head("Verhandlung") is None  # 'ver' is shorter than the minimum modifier
    assert compound_head("Koalitionsvertrag") == "Vertrag"
    for whole in ("Sicherheit", "Wirtschaft", "deutlich"):  # parts rarer than the word, or not a noun
        assert compound_head(whole) is None, whole
    toks = make_tokens([["Der", "Atomkonflikt", "und", "Konflikte"]])
    toks.loc[1, "lemma"], toks.loc[3, "lemma"] = "Atomkonflikt", "Konflikt"
    out = split_compounds(toks, lang="de", closed=True)
    assert out.loc[1, "lemma"] == "Konflikt" and out.loc[1, "compound"] == "Atomkonflikt"
    assert out.loc[1, "start"] == toks.loc[1, "start"] + 4
    heads = frequencies(toks, compounds="heads")
    assert heads.set_index("term").loc["Konflikt", "n"] == 2


def test_with_real_segmentation():
    from analysis.segment import segment

    art = pd.DataFrame({"article_id": ["x"], "lang": ["de"],
                        "text": ["Die Gespräche gingen weiter. Nach den Gesprächen sagte er: Gespräche helfen."]})
    tokens = segment(art).tokens
    freq = frequencies(tokens, stopwords=True)
    assert freq.set_index("term").loc["Gespräch", "n"] == 3


def test_command_line_terms_and_collocations(tmp_path):
    from pathlib import Path

    from analysis.cli import main

    data = Path(__file__).resolve().parents[1] / "data"
    out = tmp_path / "terms.csv"
    assert main(["terms", str(data), "--out", str(out), "--lemma", "--stopwords"]) == 0
    table = pd.read_csv(out)
    assert {"term", "n", "rel_freq", "docfreq", "rank", "group"} <= set(table.columns)
    assert table.set_index("term").loc["Putin", "n"] >= 10
    coll = tmp_path / "coll.parquet"
    assert main(["collocations", str(data), "--out", str(coll), "--lemma", "--node", "Putin", "--min-count", "2"]) == 0
    assert "sagen" in set(pd.read_parquet(coll)["w2"])
    assert main(["terms", str(data), "--out", str(tmp_path / "x.txt")]) == 2  # unsupported suffix: clean error


def test_plots_draw_into_given_axes(toks):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from analysis.collocations import collocations
    from analysis.keyness import keyness
    from analysis.plots.terms import (
        plot_collocation_network,
        plot_dispersion,
        plot_keyness,
        plot_top_terms,
    )

    fig, axes = plt.subplots(2, 2)
    freq = frequencies(toks, unit="lower")
    assert plot_top_terms(freq, n=3, ax=axes[0, 0]) is axes[0, 0]
    assert len(axes[0, 0].patches) == 3
    kw = keyness(toks[toks["article_id"] == "a"], toks[toks["article_id"] == "b"], unit="lower", min_freq=1)
    assert plot_keyness(kw, ax=axes[0, 1]) is axes[0, 1]
    assert len(axes[0, 1].patches) == int((kw["g2"] != 0).sum())
    coll = collocations(toks, unit="lower", min_count=1)
    assert plot_collocation_network(coll, top=4, ax=axes[1, 0]) is axes[1, 0]
    assert len(axes[1, 0].texts) == len(set(coll.head(4)["w1"]) | set(coll.head(4)["w2"]))
    articles = pd.DataFrame({"article_id": ["a", "b"], "date": pd.to_datetime(["2024-02-01", "2024-01-01"])})
    ax = plot_dispersion(toks, ["krieg", "frieden"], unit="lower", articles=articles, ax=axes[1, 1])
    assert ax is axes[1, 1] and [t.get_text() for t in ax.get_yticklabels()] == ["krieg (3)", "frieden (2)"]
    plt.close(fig)


def test_span_labels_for_quoted_speech(toks):
    from analysis.terms import span_labels

    # article a: "Der Frieden kam . Frieden und Krieg , Krieg" with offsets from make_tokens
    quotes = pd.DataFrame({"article_id": ["a", "a"], "spans": [[[0, 43]], [[18, 29]]], "speaker": ["X", "Y"]})
    labels = span_labels(toks, quotes)
    a = toks["article_id"] == "a"
    assert (labels[a] == "quoted").all() and (labels[~a] == "narration").all()
    who = span_labels(toks, quotes, value="speaker")
    inner = (toks["start"] >= 18) & (toks["end"] <= 29) & a
    assert set(who[inner]) == {"Y"} and set(who[a & ~inner]) == {"X"}  # the inner span wins
    freq = frequencies(toks, by=labels.to_numpy(), unit="lower")
    assert set(freq["group"]) == {"quoted", "narration"}
    assert (span_labels(toks, quotes.iloc[:0]) == "narration").all()


def test_missing_lemma_falls_back_to_word_form(toks):
    toks = toks.copy()
    toks["lemma"] = toks["lemma"].astype(object)
    toks.loc[1, "lemma"] = None
    assert "frieden" in set(frequencies(toks)["term"])


def test_english_stems_and_counts():
    words = ["The", "leaders", "were", "leading", "talks", "."]
    toks = make_tokens([words], stop=("the", "were"))
    stems = frequencies(toks, unit="stem", lang="en", stopwords=True)
    assert dict(zip(stems["term"], stems["n"])) == {"leader": 1, "lead": 1, "talk": 1}


from hypothesis import given, settings
from hypothesis import strategies as st


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.sampled_from(["Krieg", "krieg", "Frieden", "und", ","])),
                max_size=50), st.integers(1, 15))
def test_counts_equal_counter_for_any_input_and_chunking(items, chunk):
    items = sorted(items, key=lambda x: x[0])
    toks = pd.DataFrame({"article_id": [f"a{a}" for a, _ in items], "sentence": 0,
                         "text": [w for _, w in items], "lower": [w.lower() for _, w in items],
                         "lemma": [w.lower() for _, w in items], "is_punct": [w == "," for _, w in items]})
    freq = frequencies(toks, unit="text", chunk_size=chunk, by="article_id")
    expected = Counter((f"a{a}", w) for a, w in items if w != ",")
    assert dict(zip(zip(freq["group"], freq["term"]), freq["n"])) == dict(expected)


def test_compounds_with_per_token_labels():
    toks = make_tokens([["Die", "Sechs-Parteien-Gespräche", "."], ["Die", "Gespräche", "."]])
    labels = np.where(toks["sentence"] == 0, "quoted", "narration")
    freq = frequencies(toks, by=labels, unit="lower", compounds="split")
    quoted = freq[freq["group"] == "quoted"].set_index("term")["n"].to_dict()
    assert quoted == {"die": 1, "sechs": 1, "parteien": 1, "gespräche": 1}


def test_merge_partition_tables_equals_one_pass(toks):
    from analysis.terms import merge_frequencies

    big = pd.concat([toks.assign(article_id=toks["article_id"] + str(i)) for i in range(5)], ignore_index=True)
    big["source"] = np.where(big["article_id"].str.startswith("a"), "taz", "faz")
    parts = [big.iloc[:9], big.iloc[9:26], big.iloc[26:]]  # cut at article boundaries
    for kw in ({}, {"by": "source"}):
        merged = merge_frequencies([frequencies(p, unit="lower", **kw) for p in parts])
        pd.testing.assert_frame_equal(merged, frequencies(big, unit="lower", **kw))
    assert merge_frequencies([]).empty


def test_group_by_month_from_article_dates(toks):
    articles = pd.DataFrame({"article_id": ["a", "b"], "date": pd.to_datetime(["2019-04-25", None])})
    freq = frequencies(toks, by="month", articles=articles, unit="lower")
    assert set(freq["group"]) == {"2019-04", "unknown"}
    assert freq[freq["group"] == "unknown"].set_index("term")["n"].to_dict() == {"der": 1, "krieg": 1, "ging": 1}


def test_lone_surrogates_do_not_break_counting():
    words = ["\ud800", "x", "\ud801"]
    toks = pd.DataFrame({"article_id": "a", "sentence": 0, "text": pd.Series(words, dtype=object),
                         "lower": pd.Series(words, dtype=object), "lemma": pd.Series(words, dtype=object),
                         "is_punct": False})
    assert dict(zip(*frequencies(toks)[["term", "n"]].to_numpy().T)) == {"?": 2, "x": 1}


def test_docfreq_when_articles_are_not_contiguous(toks):
    shuffled = toks.sample(frac=1.0, random_state=3).reset_index(drop=True)
    shuffled["sentence"] = range(len(shuffled))  # one token per sentence: no n-grams across the shuffle
    a = frequencies(shuffled, unit="lower").set_index("term")["docfreq"].to_dict()
    b = frequencies(toks, unit="lower").set_index("term")["docfreq"].to_dict()
    assert a == b


def test_streamed_corpus_frequencies_equal_in_memory(tmp_path):
    import json

    from analysis.corpus import load_articles
    from analysis.segment import segment
    from analysis.terms import corpus_frequencies

    path = tmp_path / "c.jsonl"
    texts = ["Der Frieden kam. Der Krieg ging.", "Frieden schaffen ohne Waffen.", "Der Krieg ist aus."]
    path.write_text("\n".join(json.dumps({"id": f"n{i}", "text": t, "source": "s" + str(i % 2), "lang": "de"})
                              for i, t in enumerate(texts)), encoding="utf-8")
    streamed = corpus_frequencies([path], by="source", chunk_size=1)
    articles, _ = load_articles([path])
    whole = frequencies(segment(articles).tokens, by="source", articles=articles)
    pd.testing.assert_frame_equal(streamed, whole)
