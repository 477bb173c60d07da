"""The streamed commands write the tables of the stage on the whole corpus, chunk size aside."""
import json

import numpy as np
import pandas as pd
import pytest

from analysis import (
    build_actors,
    extract_quotes,
    load_articles,
    score_sentiment,
    segment,
)
from analysis.actor_reduction import ActorReduction
from analysis.cli import main
from analysis.errors import InputError
from analysis.outputs import write_table
from analysis.segment import split_sentences
from analysis.streamed_tables import TableStream
from analysis.streaming import quote_table, quotes_as_written


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Articles made of the sample's sentences; some with a field the others lack, some dated with a time;
    a duplicate, an empty and an unreadable record."""
    from conftest import SAMPLE

    text = SAMPLE.read_text(encoding="utf-8").replace("\n", " ")
    sentences = [s.strip() + "." for s in text.split(". ") if len(s.strip()) > 20]
    rng = np.random.default_rng(11)
    lines = []
    for i in range(30):
        picked = sorted(rng.choice(len(sentences), size=int(rng.integers(2, 9)), replace=False))
        record = {"id": f"g{i}", "source": ["dpa", "afp", ""][i % 3], "title": f"Meldung {i}",
                  "date": f"2019-04-{1 + i % 28:02d}" + (" 10:30" if i >= 20 else ""),
                  "text": " ".join(sentences[k] for k in picked)}
        if i % 7 == 3:
            record["ressort"] = "Politik"
        if i % 11 == 5:
            record["pages"] = i
        lines.append(json.dumps(record, ensure_ascii=False))
    lines.insert(5, lines[3])
    lines.insert(9, json.dumps({"id": "empty", "text": ""}))
    lines.insert(14, "{not json")
    path = tmp_path_factory.mktemp("corpus") / "generated.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _whole(path):
    articles, rejected = load_articles([str(path)], errors="collect")
    sentences, tokens = segment(articles)
    return articles, rejected, sentences, tokens


def _same_file(got, expected):
    if got.suffix == ".csv":
        assert got.read_text(encoding="utf-8") == expected.read_text(encoding="utf-8")
    else:
        pd.testing.assert_frame_equal(pd.read_parquet(got), pd.read_parquet(expected))


def _inputs(corpus):
    from conftest import SAMPLE

    return {"sample": SAMPLE.parent, "generated": corpus}


@pytest.mark.parametrize("name", ["sample", "generated"])
def test_load_segment_in_chunks_writes_the_whole_corpus_tables(corpus, tmp_path, name):
    path = _inputs(corpus)[name]
    assert main(["load", str(path), "--out", str(tmp_path / "out"), "--segment", "--chunk-mb", "0.002"]) == 0
    for table, df in zip(("articles", "rejected", "sentences", "tokens"), _whole(path)):
        write_table(df, tmp_path / f"{table}.parquet")
        _same_file(tmp_path / "out" / f"{table}.parquet", tmp_path / f"{table}.parquet")
    manifest = json.loads((tmp_path / "out" / ".manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] and manifest["tables"]["tokens.parquet"] == len(_whole(path)[3])
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".parts")]


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_quotes_in_chunks_equal_the_quotes_of_the_whole_corpus(corpus, tmp_path, suffix, capsys):
    out = tmp_path / f"quotes{suffix}"
    assert main(["quotes", str(corpus), "--out", str(out), "--chunk-mb", "0.002"]) == 0
    articles = _whole(corpus)[0]
    quotes = extract_quotes(articles)
    write_table(quotes_as_written(out, quotes), tmp_path / f"expected{suffix}")
    _same_file(out, tmp_path / f"expected{suffix}")
    printed = capsys.readouterr().out
    assert f"{len(articles)} articles loaded, 3 rejected" in printed
    assert f"{len(quotes)} quotations in {len(articles)} articles" in printed


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_sentiment_in_chunks_equals_the_tone_of_the_whole_corpus(corpus, tmp_path, suffix):
    out = tmp_path / f"tone{suffix}"
    assert main(["sentiment", str(corpus), "--out", str(out), "--chunk-mb", "0.002"]) == 0
    articles = _whole(corpus)[0]
    units = split_sentences(articles).merge(articles[["article_id", "lang", "source", "date"]], on="article_id", how="left")
    scored = score_sentiment(units)
    if suffix == ".csv":
        for col in ("hits", "event_hits"):
            scored[col] = [json.dumps(h, ensure_ascii=False) for h in scored[col]]
    write_table(scored, tmp_path / f"expected{suffix}")
    _same_file(out, tmp_path / f"expected{suffix}")


def test_sentiment_of_a_units_table_read_by_row_groups(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr("analysis.streaming.UNIT_ROWS", 7)
    sentences = _whole(corpus)[2]
    sentences.to_parquet(tmp_path / "sentences.parquet", row_group_size=7)
    assert main(["sentiment", str(tmp_path / "sentences.parquet"), "--table", "--out", str(tmp_path / "tone.parquet"),
                 "--chunk-mb", "0.002", "--lang", "de"]) == 0
    write_table(score_sentiment(sentences, lang="de"), tmp_path / "expected.parquet")
    _same_file(tmp_path / "tone.parquet", tmp_path / "expected.parquet")


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_actors_in_chunks_equal_the_actors_of_the_whole_corpus(corpus, tmp_path, suffix):
    out, quotes_out = tmp_path / f"actors{suffix}", tmp_path / f"quotes{suffix}"
    assert main(["actors", str(corpus), "--out", str(out), "--quotes-out", str(quotes_out), "--chunk-mb", "0.002"]) == 0
    articles = _whole(corpus)[0]
    actors, quotes = build_actors(extract_quotes(articles), articles=articles)
    assert len(actors) > 3
    if suffix == ".csv":
        actors = actors.assign(aliases=[json.dumps(a, ensure_ascii=False) for a in actors["aliases"]])
    write_table(actors, tmp_path / f"expected-actors{suffix}")
    write_table(quotes_as_written(quotes_out, quotes), tmp_path / f"expected-quotes{suffix}")
    _same_file(out, tmp_path / f"expected-actors{suffix}")
    _same_file(quotes_out, tmp_path / f"expected-quotes{suffix}")


@pytest.mark.parametrize("concepts", [None, {"Sanktionen": {"lemmas": ["Sanktion"]}, "Gespräche": {"lemmas": ["Gespräch"]}}])
def test_statements_in_chunks_equal_the_statements_of_the_whole_corpus(corpus, tmp_path, concepts):
    from analysis.network_exports import write_dna_statements
    from analysis.statements import statements_from_articles
    from analysis.streaming import statement_table

    out, dna = tmp_path / "statements.parquet", tmp_path / "dna.csv"
    done = statement_table([corpus], out, dna_out=dna, concepts=concepts, errors="collect", chunk_mb=0.002)
    articles = _whole(corpus)[0]
    expected, _ = statements_from_articles(articles, concepts=concepts)
    assert done.chunks > 3 and len(expected) > 3
    write_table(expected, tmp_path / "expected.parquet")
    _same_file(out, tmp_path / "expected.parquet")
    write_dna_statements(expected, tmp_path / "expected-dna.csv", articles=articles)
    assert dna.read_text(encoding="utf-8") == (tmp_path / "expected-dna.csv").read_text(encoding="utf-8")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".parts")]


def test_relations_in_chunks_equal_the_relations_of_the_whole_corpus(corpus, tmp_path, capsys):
    from analysis.relations import dyads_by, extract_relations

    out, dyads = tmp_path / "relations.parquet", tmp_path / "dyads.parquet"
    assert main(["relations", str(corpus), "--out", str(out), "--dyads-out", str(dyads), "--chunk-mb", "0.002"]) == 0
    articles, _, sentences, _ = _whole(corpus)
    actors, quotes = build_actors(extract_quotes(articles), articles=articles)
    expected = extract_relations(split_sentences(articles), quotes=quotes, actors=actors, articles=articles)
    assert len(expected) > 3
    write_table(expected, tmp_path / "expected.parquet")
    _same_file(out, tmp_path / "expected.parquet")
    write_table(dyads_by(expected, ("month",)), tmp_path / "expected-dyads.parquet")
    _same_file(dyads, tmp_path / "expected-dyads.parquet")
    assert f"{len(expected)} events in {len(split_sentences(articles))} sentences" in capsys.readouterr().out
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".parts")]


def test_the_network_of_a_corpus_read_in_chunks(corpus, tmp_path):
    import networkx as nx

    out = tmp_path / "net.graphml"
    assert main(["network", str(corpus), "--type", "two-mode", "--out", str(out), "--chunk-mb", "0.002"]) == 0
    from analysis.networks import discourse_network
    from analysis.statements import statements_from_articles

    expected = discourse_network(statements_from_articles(_whole(corpus)[0])[0], type="two-mode")
    assert nx.read_graphml(out).number_of_edges() == len(expected.edges) > 0
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".parts")]


def test_a_small_chunk_size_makes_many_chunks(corpus, tmp_path):
    done = quote_table([str(corpus)], tmp_path / "quotes.parquet", chunk_mb=0.002, errors="collect")
    assert done.chunks > 5 and done.articles + done.rejected == 33


def test_a_chunk_size_that_is_no_positive_number_is_an_input_error(corpus, tmp_path):
    with pytest.raises(InputError, match="chunk_mb"):
        quote_table([str(corpus)], tmp_path / "quotes.parquet", chunk_mb=0)


def test_actors_without_quotes_out_count_the_attributed_quotations(corpus, tmp_path, capsys):
    assert main(["actors", str(corpus), "--out", str(tmp_path / "actors.csv"), "--chunk-mb", "0.002"]) == 0
    articles = _whole(corpus)[0]
    _, quotes = build_actors(extract_quotes(articles), articles=articles)
    assert f"from {quotes['actor_id'].notna().sum()} attributed quotations in {len(articles)} articles" in capsys.readouterr().out


def test_the_actor_reduction_keeps_ties_and_stated_roles_as_one_pass(tmp_path):
    """Spellings and roles that tie, names split over chunks: the same table as build_actors."""
    quotes = pd.DataFrame({
        "article_id": ["a", "a", "b", "c", "c", "d", "e"],
        "speaker": ["Merz", "MERZ", "Friedrich Merz", "Merzens", "Merz", "Olaf Scholz", " Scholz "],
        "speaker_mention": ["Kanzler Merz", None, "CDU-Chef Friedrich Merz", None, "Minister Merz", None, "Kanzler Scholz"],
        "lang": ["de"] * 7})
    articles = pd.DataFrame({"article_id": list("abcde"), "lang": ["de"] * 5,
                             "date": pd.to_datetime(["2024-01-02", None, "2023-05-01", "2024-03-01", "2022-01-01"]),
                             "text": ["Friedrich Merz (CDU) sprach.", "", "Minister Friedrich Merz", "", "Olaf Scholz (SPD)"]})
    expected, linked = build_actors(quotes, articles=articles)
    reduction = ActorReduction(spool=tmp_path / "actors.parquet")
    for rows in ([0, 1], [2], [3, 4, 5, 6]):
        part = quotes.iloc[rows]
        reduction.add(part, articles[articles["article_id"].isin(part["article_id"])])
    pd.testing.assert_frame_equal(reduction.result(), expected)
    assert pd.concat(list(reduction.actor_ids()), ignore_index=True).tolist() == linked["actor_id"].tolist()
    reduction.close()
    assert not list(tmp_path.iterdir())


def test_a_table_stream_unifies_the_columns_of_its_chunks(tmp_path):
    whole = pd.DataFrame({"a": [None, None, "x"], "n": [1.0, 2.0, 3.5],
                          "when": pd.to_datetime(["2019-01-01", "2019-01-02", "2019-01-03 10:00"], format="mixed"),
                          "extra": [None, None, 7.0]})  # a column that only the last chunk has comes last
    for suffix in (".parquet", ".csv"):
        write_table(whole, tmp_path / f"whole{suffix}")
        with TableStream(tmp_path / f"chunked{suffix}") as table:
            table.write(whole.iloc[:2].drop(columns="extra").astype({"n": "int64"}))
            table.write(whole.iloc[:0])
            table.write(whole.iloc[2:])
        _same_file(tmp_path / f"chunked{suffix}", tmp_path / f"whole{suffix}")


def test_a_stopped_stream_leaves_no_file(tmp_path):
    with pytest.raises(RuntimeError), TableStream(tmp_path / "t.parquet") as table:
        table.write(pd.DataFrame({"n": [1]}))
        raise RuntimeError("stopped")
    assert not list(tmp_path.iterdir())
