"""Readers of the German news quotation dataset and PolNeAR (skip without ../shared)."""
import json

import pytest

from analysis.datasets import read_german_news_quotes, read_gold, read_polnear
from analysis.errors import InputError


def test_german_news_quotes_dev_sample(shared):
    gold = read_german_news_quotes(shared / "datasets" / "german-news-quotes" / "dev", limit=5)
    assert len(gold.articles) == 5
    assert set(gold.articles.columns) >= {"article_id", "title", "date", "lang", "text", "origin"}
    assert (gold.articles["lang"] == "de").all()
    assert gold.articles["date"].notna().all()
    texts = dict(zip(gold.articles["article_id"], gold.articles["text"]))
    assert len(gold.quotes) > 0
    for q in gold.quotes.itertuples():
        text = texts[q.article_id]
        for s, e in q.spans:
            assert 0 <= s < e <= len(text)
        assert q.kind in {"direct", "indirect", "free_indirect", "reported"}
        if q.speaker_span is not None:
            assert text[q.speaker_span[0]:q.speaker_span[1]] == q.speaker_mention
    # tokens are the dataset's own and slice the text
    t = gold.tokens.iloc[0]
    assert texts[t.article_id][t.start:t.end] == t.text


def test_german_news_quotes_matches_the_raw_json(shared):
    folder = shared / "datasets" / "german-news-quotes" / "train"
    path = min(folder.glob("*.json"))
    raw = json.loads(path.read_text(encoding="utf-8"))
    gold = read_german_news_quotes(files=[path])
    assert len(gold.quotes) == len(raw["annotations"])
    assert len(gold.tokens) == len(raw["tokens"])
    assert gold.articles["text"].iloc[0] == raw["originalText"]


def test_polnear_dev_sample(shared):
    gold = read_polnear(shared / "datasets" / "polnear" / "dev", limit=3)
    assert len(gold.articles) == 3 and (gold.articles["lang"] == "en").all()
    assert len(gold.quotes) > 0
    texts = dict(zip(gold.articles["article_id"], gold.articles["text"]))
    for q in gold.quotes.itertuples():
        assert q.text == " ".join(texts[q.article_id][s:e] for s, e in q.spans)
    # one annotator file per article
    assert gold.articles["origin"].is_unique


def test_polnear_brat_discontinuous_spans(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "nyt_2016-01-01_x.txt").write_text("He said the plan, in short, is dead.", encoding="utf-8")
    (tmp_path / "attributions" / "nyt_2016-01-01_x_abcd.ann").write_text(
        "T1\tSource 0 2\tHe\nT2\tCue 3 7\tsaid\nT3\tContent 8 16;28 35\tthe plan is dead\n"
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n", encoding="utf-8")
    (tmp_path / "attributions" / "nyt_2016-01-01_x_ffff.ann").write_text("", encoding="utf-8")
    gold = read_polnear(tmp_path)
    q = gold.quotes.iloc[0]
    assert q.spans == [[8, 16], [28, 35]] and q.speaker_mention == "He" and q.cue == "said"
    assert gold.articles["origin"].iloc[0].endswith("_abcd.ann")


def test_bad_inputs(tmp_path):
    with pytest.raises(InputError, match="not a folder"):
        read_german_news_quotes(tmp_path / "nope")
    with pytest.raises(InputError, match="no \\*.json"):
        read_german_news_quotes(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match="not a german-news-quotes"):
        read_german_news_quotes(files=[bad])
    with pytest.raises(InputError, match="unknown gold format"):
        read_gold("conll", tmp_path)
