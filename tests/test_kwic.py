"""Concordance lines: queries, contexts, sentence bounds, HTML."""
import pandas as pd
import pytest

from analysis.errors import InputError
from analysis.kwic import kwic, kwic_html

TEXT = "Putin traf Kim in Wladiwostok.\n\nKim lobte die Gespräche mit Putin. Die Gespräche gehen weiter!"


@pytest.fixture
def corpus():
    from analysis.segment import segment

    art = pd.DataFrame({"article_id": ["a1"], "lang": ["de"], "text": [TEXT]})
    return art, segment(art).tokens


def test_word_lines_offsets_and_contexts(corpus):
    art, toks = corpus
    lines = kwic(toks, "kim", articles=art, window=2)
    assert list(lines.columns) == ["article_id", "sentence", "start", "end", "left", "keyword", "right"]
    assert len(lines) == 2
    assert all(TEXT[s:e] == "Kim" for s, e in zip(lines["start"], lines["end"]))
    assert lines["left"].tolist() == ["Putin traf", "Wladiwostok."]  # the line break becomes a space
    assert lines["right"].tolist() == ["in Wladiwostok", "lobte die"]
    bounded = kwic(toks, "kim", articles=art, window=2, sentence_bounded=True)
    assert bounded["left"].tolist() == ["Putin traf", ""]


def test_lemma_phrase_and_regex(corpus):
    art, toks = corpus
    assert len(kwic(toks, "Gespräch", match="lemma")) == 2
    assert len(kwic(toks, "gespräch", match="lower")) == 0
    phrase = kwic(toks, "die Gespräche", articles=art, window=1)
    assert phrase["keyword"].tolist() == ["die Gespräche", "Die Gespräche"]
    assert TEXT[phrase["start"].iloc[0]:phrase["end"].iloc[0]] == "die Gespräche"
    rx = kwic(toks, r"Wladi\w+|Put.*", match="regex")
    assert rx["keyword"].tolist() == ["Putin", "Wladiwostok", "Putin"]
    assert len(kwic(toks, ["mit", "put.n"], match="regex")) == 1
    assert kwic(toks, "PUTIN", match="text", ignore_case=False).empty
    no_text = kwic(toks, "lobte", window=1)
    assert no_text[["left", "keyword", "right"]].values.tolist() == [["Kim", "lobte", "die"]]


def test_character_context(corpus):
    art, toks = corpus
    lines = kwic(toks, "lobte", articles=art, context="chars", chars=8)
    assert lines[["left", "keyword", "right"]].values.tolist() == [["k. Kim", "lobte", "die Ges"]]  # 8 characters: "k.\n\nKim "
    bounded = kwic(toks, "lobte", articles=art, context="chars", chars=8, sentence_bounded=True)
    assert bounded["left"].tolist() == ["Kim"]


def test_html_escapes_and_highlights():
    lines = pd.DataFrame({"article_id": ["a"], "left": ["<b>x</b> & y"], "keyword": ["Kim"], "right": ["z"]})
    out = kwic_html(lines)
    assert "&lt;b&gt;x&lt;/b&gt; &amp; y" in out and ">Kim</mark>" in out
    assert out._repr_html_() == str(out)
    many = pd.concat([lines] * 5, ignore_index=True)
    assert "3 more lines" in kwic_html(many, max_rows=2)


def test_bad_input(corpus):
    _, toks = corpus
    assert kwic(toks.iloc[:0], "kim").empty
    assert kwic(toks, "nirgends").empty
    with pytest.raises(InputError, match="invalid regular expression"):
        kwic(toks, "(", match="regex")
    with pytest.raises(InputError, match="needs the articles"):
        kwic(toks, "kim", context="chars")
    with pytest.raises(InputError, match="query"):
        kwic(toks, "   ")
    with pytest.raises(InputError, match="match"):
        kwic(toks, "kim", match="fuzzy")


def test_command_line(tmp_path, capsys):
    from pathlib import Path

    from analysis.cli import main

    data = Path(__file__).resolve().parents[1] / "data"
    page = tmp_path / "kim.html"
    assert main(["kwic", str(data), "--query", "Kim", "--window", "3", "--html", str(page)]) == 0
    assert "[Kim]" in capsys.readouterr().out
    assert page.read_text(encoding="utf-8").count("</mark>") >= 5
    assert main(["kwic", str(data), "--query", "(", "--match", "regex"]) == 2


def test_the_default_query_fits_the_corpus_language():
    from analysis.kwic import default_query
    from analysis.segment import segment

    en = pd.DataFrame({"article_id": ["e"], "lang": ["en"], "text": [
        "The tariffs rose. New tariffs and sanctions followed. The tariff talks failed, the minister said."]})
    de = pd.DataFrame({"article_id": ["d"], "lang": ["de"], "text": [
        "Die Zölle stiegen. Neue Zölle folgten, sagte die Ministerin. Der Zoll auf Stahl bleibt."]})
    weather = pd.DataFrame({"article_id": ["w"], "lang": ["en"], "text": ["It rained in Leeds. The rain stopped. Rain again."]})
    assert default_query(segment(en).tokens, lang="en") == "tariff"
    assert default_query(segment(de).tokens, lang="de") == "Zoll"
    assert default_query(segment(weather).tokens, lang="en") == "rain"  # no topic word: the most frequent content lemma
