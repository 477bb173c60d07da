"""``run`` and ``open_run``: the partition-wise pipeline gives the tables of the single-process functions."""
import json

import numpy as np
import pandas as pd
import pytest

from analysis import build_actors, extract_quotes, load_articles, segment
from analysis.errors import InputError
from analysis.networks import discourse_network
from analysis.pipeline import run_corpus, stream_partitions
from analysis.run_folder import RunFolder, is_run_folder, open_run
from analysis.stages import RUN_NETWORKS, TERM_OPTIONS, parse_stages, tone_table
from analysis.statements import build_statements
from analysis.terms import frequencies

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    """An in-process cluster of threads: quick to start, the same scheduling as processes."""
    with distributed.Client(processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None) as c:
        yield c


def _sentences(path):
    text = path.read_text(encoding="utf-8")
    return [s.strip() + "." for s in text.replace("\n", " ").split(". ") if len(s.strip()) > 20]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A generated JSON Lines corpus: articles made of the sample's sentences, a duplicate, bad records."""
    from conftest import SAMPLE

    sentences = _sentences(SAMPLE)
    rng = np.random.default_rng(7)
    lines = []
    for i in range(40):
        picked = rng.choice(len(sentences), size=int(rng.integers(2, 9)), replace=False)
        lines.append(json.dumps({"id": f"g{i}", "source": ["dpa", "afp"][i % 2], "date": f"2019-04-{1 + i % 28:02d}",
                                 "title": f"Meldung {i}", "text": " ".join(sentences[k] for k in sorted(picked))},
                                ensure_ascii=False))
    lines.insert(5, lines[3])                                   # a duplicate: rejected
    lines.insert(9, json.dumps({"id": "empty", "text": ""}))    # no text: rejected
    lines.insert(12, "{not json")                               # unreadable: rejected
    lines.insert(20, json.dumps({"id": "markup", "text": "<div><br/></div>"}))  # empty once shaped: rejected
    lines.insert(30, json.dumps({"id": "tagged", "text": "<p>Putin sagte, er sei zufrieden.</p>", "desk": "Politik"}))
    path = tmp_path_factory.mktemp("corpus") / "generated.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _plain(value):
    if isinstance(value, np.ndarray):
        return [_plain(v) for v in value]
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _same(got: pd.DataFrame, expected: pd.DataFrame, tmp_path, name: str) -> None:
    """Equal after both went through Parquet (which turns lists into arrays and text into strings)."""
    path = tmp_path / f"{name}.expected.parquet"
    expected.reset_index(drop=True).to_parquet(path, index=False)
    expected = pd.read_parquet(path)
    assert list(got.columns) == list(expected.columns), name
    assert len(got) == len(expected), name
    for col in got.columns:
        left, right = got[col].map(_plain).tolist(), expected[col].map(_plain).tolist()
        assert [None if pd.isna(v) is True else v for v in left] == [None if pd.isna(v) is True else v for v in right], \
            f"{name}.{col}"


def _single_process(paths, *, partition_mb=None):
    articles, rejected = load_articles(paths, errors="collect")
    sentences, tokens = segment(articles)
    quotes = extract_quotes(articles, sentences, tokens)
    actors, linked = build_actors(quotes, articles=articles)
    statements = build_statements(linked, articles=articles, actors=actors)
    nets = {name: discourse_network(statements, type=name) for name in RUN_NETWORKS}
    return {"articles": articles, "rejected": rejected, "sentences": sentences, "tokens": tokens,
            "quotes": linked, "tone": tone_table(sentences, articles), "actors": actors,
            "terms": frequencies(tokens, **TERM_OPTIONS), "statements": statements,
            "network_nodes": pd.concat([n.nodes.assign(network=k) for k, n in nets.items()], ignore_index=True),
            "network_edges": pd.concat([n.edges.assign(network=k) for k, n in nets.items()], ignore_index=True)}


@pytest.fixture(scope="module")
def expected(corpus):
    return _single_process([corpus])


def _check_run(folder, expected, tmp_path):
    run = open_run(folder)
    for name, table in expected.items():
        _same(run.table(name), table, tmp_path, name)


def test_run_gives_the_tables_of_the_single_process_functions(corpus, expected, client, tmp_path):
    summary = run_corpus([corpus], tmp_path / "run", client=client, partition_mb=0.002)
    assert summary.complete and summary.partitions >= 4 and not summary.failed
    assert summary.articles == 41 and summary.rejected == 4
    _check_run(tmp_path / "run", expected, tmp_path)
    assert open_run(tmp_path / "run").lazy("tokens").npartitions == summary.partitions


def test_run_of_the_sample_equals_the_single_process_functions(client, tmp_path):
    from conftest import SAMPLE

    run_corpus([SAMPLE], tmp_path / "run", client=client)
    _check_run(tmp_path / "run", _single_process([SAMPLE]), tmp_path)


def test_a_run_stopped_midway_resumes_to_the_same_tables(corpus, expected, client, tmp_path):
    first = run_corpus([corpus], tmp_path / "run", client=client, partition_mb=0.002, limit=2)
    assert not first.complete and len(first.computed) == 2
    assert open_run(tmp_path / "run").manifest["done"] == [0, 1]
    second = run_corpus([corpus], tmp_path / "run", client=client, partition_mb=0.002)
    assert second.complete and second.skipped == 2 and 0 not in second.computed
    _check_run(tmp_path / "run", expected, tmp_path)
    third = run_corpus([corpus], tmp_path / "run", client=client, partition_mb=0.002)
    assert third.computed == [] and third.skipped == third.partitions


def test_a_failed_partition_is_reported_with_its_records_and_the_rest_goes_on(corpus, expected, client, tmp_path,
                                                                          monkeypatch):
    import analysis.pipeline as pipeline

    real = pipeline.partition_tables

    def failing(articles, **options):
        if "g7" in set(articles["article_id"]):
            raise RuntimeError("odd article")
        return real(articles, **options)

    monkeypatch.setattr(pipeline, "partition_tables", failing)
    summary = run_corpus([corpus], tmp_path / "run", client=client, partition_mb=0.002)
    assert len(summary.failed) == 1 and not summary.complete
    failures = open_run(tmp_path / "run").failures
    assert "g7" in set(failures["article_id"]) and failures["reason"].str.contains("odd article").all()
    assert failures["origin"].str.contains("generated.jsonl").all()
    monkeypatch.setattr(pipeline, "partition_tables", real)
    again = run_corpus([corpus], tmp_path / "run", client=client, partition_mb=0.002)
    assert again.complete and len(again.computed) == 1
    assert open_run(tmp_path / "run").failures.empty
    _check_run(tmp_path / "run", expected, tmp_path)


def test_a_corpus_of_one_article(client, tmp_path):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Die Gespräche seien gut verlaufen, sagte Putin."}) + "\n",
                    encoding="utf-8")
    summary = run_corpus([path], tmp_path / "run", client=client)
    run = open_run(tmp_path / "run")
    assert summary.complete and summary.partitions == 1
    assert run.quotes["speaker"].tolist() == ["Putin"] and run.actors["name"].tolist() == ["Putin"]


def test_partitions_without_text(client, tmp_path):
    """Records without text are rejected; a partition holding only those has no articles and no rows."""
    path = tmp_path / "empty.jsonl"
    path.write_text("\n".join(json.dumps({"id": str(i), "text": " "}) for i in range(3)) + "\n", encoding="utf-8")
    summary = run_corpus([path], tmp_path / "run", client=client)
    run = open_run(tmp_path / "run")
    assert summary.complete and summary.articles == 0 and summary.rejected == 3
    assert run.articles.empty and run.quotes.empty and run.actors.empty and run.terms.empty
    assert run.rejected["reason"].str.contains("empty text").all()


def test_bad_input_is_an_input_error_before_any_cluster(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        run_corpus([tmp_path / "missing.jsonl"], tmp_path / "run")
    with pytest.raises(InputError, match="unknown stage"):
        run_corpus(["data"], tmp_path / "run", stages="load,network")
    with pytest.raises(InputError, match="file not found"):
        run_corpus(["data"], tmp_path / "run", actors=tmp_path / "aliases.csv")
    with pytest.raises(InputError, match="positive size"):
        run_corpus(["data"], tmp_path / "run", partition_mb=0)
    assert not (tmp_path / "run").exists()


def test_a_folder_of_another_run_is_not_mixed(corpus, client, tmp_path):
    run_corpus([corpus], tmp_path / "run", client=client, stages="segment")
    with pytest.raises(InputError, match="stages differ"):
        run_corpus([corpus], tmp_path / "run", client=client, stages="quotes")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "articles.parquet").write_bytes(b"")
    with pytest.raises(InputError, match="a run needs an empty or new folder"):
        run_corpus([corpus], tmp_path / "other", client=client)


def test_a_scheduler_that_does_not_answer_is_a_clear_error_within_seconds(tmp_path):
    import time

    started = time.monotonic()
    with pytest.raises(InputError, match="no Dask scheduler answered at tcp://127.0.0.1:9 within 2 s"):
        run_corpus(["data"], tmp_path / "run", scheduler="tcp://127.0.0.1:9", timeout=2)
    assert time.monotonic() - started < 30
    assert not (tmp_path / "run").exists()


def test_stages_add_what_they_need():
    assert parse_stages("tone") == ("load", "segment", "tone")
    assert parse_stages(["actors"]) == ("load", "segment", "quotes", "actors")


def test_partitions_hold_whole_articles_and_close_at_the_size(corpus):
    parts = list(stream_partitions([corpus], partition_mb=0.002))
    ids = [i for articles, _ in parts for i in articles["article_id"]]
    assert len(parts) > 1 and len(ids) == len(set(ids)) == 41
    assert all(articles["text"].str.len().sum() >= 2000 for articles, _ in parts[:-1])


def test_unshaped_partitions_shaped_on_their_own_are_the_loaded_corpus(corpus):
    """What a run's workers do: each partition shaped apart gives the articles and rejections of load, in order."""
    from analysis.corpus import shape_chunk

    parts = [shape_chunk(a, r) for a, r in stream_partitions([corpus], partition_mb=0.002, unshaped=True)]
    articles, rejected = load_articles([corpus], errors="collect")
    pd.testing.assert_frame_equal(pd.concat([a for a, _ in parts], ignore_index=True), articles,
                                  check_dtype=False)  # a column missing in some parts is object in their concat
    pd.testing.assert_frame_equal(pd.concat([r for _, r in parts], ignore_index=True), rejected, check_dtype=False)
    assert rejected["reason"].tolist()[-1] == "empty text (nothing left after removing markup)"


def test_open_run_of_a_plain_folder_is_an_input_error():
    assert not is_run_folder("data")
    with pytest.raises(InputError, match="not the folder of a pipeline run"):
        open_run("data")


def test_the_run_command_with_a_local_cluster(tmp_path, capsys):
    from analysis.cli import main

    assert main(["run", "data", "--out", str(tmp_path / "run"), "--workers", "1", "--stages", "quotes"]) == 0
    out = capsys.readouterr().out
    assert "1 articles, 0 rejected in 1 partitions" in out and "1 computed" in out
    assert open_run(tmp_path / "run").tables == ["articles", "rejected", "sentences", "tokens", "quotes"]


def test_open_corpus_reads_a_run_folder_as_the_notebooks_compute_a_corpus(client, tmp_path):
    from analysis import open_corpus

    run_corpus(["data"], tmp_path / "run", client=client)
    stored, computed = open_corpus(tmp_path / "run"), open_corpus("data")
    assert stored.run is not None and computed.run is None
    for name in ("sentences", "quotes", "tone"):
        _same(getattr(stored, name), getattr(computed, name), tmp_path, name)
    (actors, quotes), (actors_c, quotes_c) = stored.actor_tables(), computed.actor_tables()
    _same(actors, actors_c, tmp_path, "actors")
    assert quotes["actor_id"].tolist() == quotes_c["actor_id"].tolist()
    assert stored.quotes["spans"].iloc[0] == computed.quotes["spans"].iloc[0]  # lists again, as computed


def test_the_report_accepts_a_run_folder(client, tmp_path):
    from analysis.report import corpus_problem

    run_corpus(["data"], tmp_path / "run", client=client, stages="load")
    assert corpus_problem(tmp_path / "run") == ""


def test_a_worker_that_dies_has_its_partition_run_again(tmp_path):
    """The worker is killed while it computes the partition; the nanny restarts it and the task runs again."""
    import os
    import signal
    import threading
    import time

    from analysis.cluster import connect

    client = connect(workers=1)
    try:
        result = {}
        thread = threading.Thread(target=lambda: result.update(summary=run_corpus(["data"], tmp_path / "run",
                                                                                  client=client)))
        thread.start()
        deadline = time.monotonic() + 60
        while not any(client.processing().values()) and time.monotonic() < deadline:
            time.sleep(0.05)
        pids = client.run(os.getpid)
        for pid in pids.values():
            os.kill(pid, signal.SIGKILL)
        thread.join(timeout=120)
        summary = result["summary"]
        assert summary.complete and summary.failed == {}
        assert set(pids.values()) != set(client.run(os.getpid).values())  # a new worker process did it
    finally:
        cluster = client.cluster
        client.close()
        cluster.close()
    assert open_run(tmp_path / "run").quotes["speaker"].notna().any()


def test_a_stage_error_names_its_stage(monkeypatch):
    import sys

    from analysis.stages import partition_tables

    def broken(*args, **kwargs):
        raise ValueError("broken tokenizer")

    monkeypatch.setattr(sys.modules["analysis.segment"], "segment", broken)  # the module, not the function
    arts = pd.DataFrame({"article_id": ["a"], "lang": ["de"], "text": ["Er sagte, es gehe gut."]})
    with pytest.raises(ValueError) as err:
        partition_tables(arts, stages=["segment", "quotes"])
    assert err.value.stage == "segment"


def test_a_partition_size_that_is_no_number_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="partition_mb"):
        run_corpus(["data"], tmp_path / "run", partition_mb=float("nan"))


def test_the_networks_stage_with_a_concept_dictionary(corpus, client, tmp_path):
    """Statements coded with the user's dictionary, partition by partition, are those of the whole corpus."""
    concepts = tmp_path / "concepts.yaml"
    concepts.write_text("Gespräche:\n  lemmas: [Gespräch, Treffen, Gipfel]\nSanktionen:\n  lemmas: [Sanktion]\n",
                        encoding="utf-8")
    summary = run_corpus([corpus], tmp_path / "run", client=client, partition_mb=0.002, stages="networks",
                         concepts=concepts)
    articles, _ = load_articles([corpus], errors="collect")
    actors, linked = build_actors(extract_quotes(articles), articles=articles)
    expected = build_statements(linked, articles=articles, actors=actors, concepts=concepts)
    run = open_run(tmp_path / "run")
    assert summary.complete and len(expected) > 5 and set(expected["concept"]) == {"Gespräche", "Sanktionen"}
    _same(run.statements, expected, tmp_path, "statements")
    assert sorted(run.concepts["concept"].unique()) == ["Gespräche", "Sanktionen"]
    assert sorted(run.network_nodes["network"].unique()) == sorted(RUN_NETWORKS)


def test_the_networks_stage_keeps_a_mention_without_a_side_at_0_with_neutral_0(client, tmp_path):
    """``--neutral 0`` codes a run's statements as ``build_statements(neutral=0)`` does; by default they are named, +1."""
    from analysis.cli import main

    article, concepts = tmp_path / "a.txt", tmp_path / "c.yaml"
    article.write_text("Berlin. Der Minister Karl Müller sagte: „Der Mindestlohn steht morgen auf der Tagesordnung.“\n",
                       encoding="utf-8")
    concepts.write_text("Mindestlohn:\n  lemmas: [Mindestlohn]\n", encoding="utf-8")
    coded = {}
    for neutral in (None, 0):
        out = tmp_path / f"run{neutral}"
        run_corpus([article], out, client=client, stages="networks", concepts=concepts, lang="de", neutral=neutral)
        coded[neutral] = open_run(out).statements[["concept", "agreement", "agreement_source"]].values.tolist()
    assert coded == {None: [["Mindestlohn", 1, "named"]], 0: [["Mindestlohn", 0, "none"]]}
    with pytest.raises(InputError, match="neutral: expected 0 or 1"):
        run_corpus([article], tmp_path / "bad", stages="networks", neutral=2, workers=1)
    assert not (tmp_path / "bad").exists()
    assert main(["run", str(article), "--out", str(tmp_path / "cli"), "--stages", "networks", "--concepts",
                 str(concepts), "--lang", "de", "--neutral", "0", "--workers", "1"]) == 0
    assert open_run(tmp_path / "cli").statements["agreement"].tolist() == [0]


def test_a_malformed_concept_dictionary_stops_the_run_before_any_work(corpus, tmp_path):
    bad = tmp_path / "concepts.csv"
    bad.write_text("concept,kind,pattern\nSanktionen,lemma,Sanktion\nKrieg,wort,Krieg\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 3"):
        run_corpus([corpus], tmp_path / "run", stages="networks", concepts=bad, workers=1)
    assert not (tmp_path / "run").exists()


def test_the_network_command_reads_the_statements_of_a_run_folder(client, tmp_path, capsys):
    from analysis.cli import main

    run_corpus(["data"], tmp_path / "run", client=client, stages="networks")
    statements = open_run(tmp_path / "run").statements
    assert main(["network", str(tmp_path / "run"), "--type", "two-mode", "--out", str(tmp_path / "net.graphml")]) == 0
    assert f"from {len(statements)} statements" in capsys.readouterr().out and (tmp_path / "net.graphml").stat().st_size
    run_corpus(["data"], tmp_path / "quotes-only", client=client, stages="quotes")
    assert main(["network", str(tmp_path / "quotes-only"), "--type", "congruence", "--out", str(tmp_path / "x.csv")]) != 0
    assert "a run without statements; run it with --stages networks" in capsys.readouterr().err


def test_forgetting_the_word_caches_changes_no_table(corpus):
    from analysis.runtime import forget_word_caches
    from analysis.segment import lemmatize
    from analysis.stages import partition_tables

    articles, _ = load_articles([corpus], errors="collect")
    stages = ("load", "segment", "quotes", "tone", "terms")
    first = partition_tables(articles, stages=stages)
    assert lemmatize.cache_info().currsize > 0
    forget_word_caches()
    assert lemmatize.cache_info().currsize == 0
    again = partition_tables(articles, stages=stages)
    for name, df in first.items():
        pd.testing.assert_frame_equal(df, again[name], obj=name)


def test_a_part_written_in_blocks_reads_as_the_whole_table(tmp_path):
    rf = RunFolder(tmp_path)
    whole = pd.DataFrame({"source": list("abcde"), "weight": [0.5, 1.0, 2.0, 0.25, 3.0], "n": [1, 2, 3, 4, 5]})
    blocks = [whole.iloc[:2], whole.iloc[2:2], whole.iloc[2:]]
    pd.testing.assert_frame_equal(pd.read_parquet(rf.write_part_blocks("edges", 0, iter(blocks), empty=whole.iloc[:0])),
                                  whole)
    empty = pd.read_parquet(rf.write_part_blocks("edges", 1, iter([whole.iloc[:0]]), empty=whole.iloc[:0]))
    assert empty.empty and list(empty.columns) == ["source", "weight", "n"]
