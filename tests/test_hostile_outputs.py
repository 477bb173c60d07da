"""Hostile outputs and arguments: unusable paths and numbers, unreadable tables, interrupted runs.

Every case is generated in ``tmp_path``; the command line runs in-process through
:func:`analysis.cli.main`. A usage error is exit code 2 with one line on stderr and no
traceback; a failed or interrupted writer leaves the previous file or none; a folder of
``load`` never mixes the tables of two runs.
"""
import json

import numpy as np
import pandas as pd
import pytest
from conftest import SAMPLE

from analysis.cli import main
from analysis.collocations import collocates, collocations
from analysis.dispersion import dispersion
from analysis.errors import InputError
from analysis.keyness import keyness, wordfreq_reference
from analysis.kwic import kwic, kwic_html
from analysis.outputs import MANIFEST, csv_cells, write_table
from analysis.streamed_tables import TableStream
from analysis.terms import corpus_frequencies, frequencies

TOKENS_COLUMNS = ["article_id", "sentence", "start", "end", "text", "lower", "lemma", "is_stop", "is_punct"]


def run(argv, capsys):
    """(exit code, stdout, stderr) of one command."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code, err, *fragments):
    assert code == 2, err
    assert "Traceback" not in err
    lines = [line for line in err.split("\n") if line.strip()]
    message = lines[-1]
    assert message.startswith("error: "), err
    assert [line for line in lines if "error" in line] == [message]
    for fragment in fragments:
        assert fragment in message


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


@pytest.fixture
def tokens(sample_articles):
    from analysis.segment import segment

    return segment(sample_articles).tokens


# --- arguments checked before any work starts -----------------------------------------------

def test_unusable_output_paths_are_refused_before_loading(tmp_path, corpus, capsys, monkeypatch):
    import analysis.corpus

    def no_work(*args, **kwargs):
        raise AssertionError("the corpus was loaded before the output path was checked")

    monkeypatch.setattr(analysis.corpus, "load_articles", no_work)
    monkeypatch.setattr(analysis.corpus, "iter_articles", no_work)
    (tmp_path / "folder").mkdir()
    (tmp_path / "x.csv").mkdir()
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    cases = [
        (["terms", corpus, "--out", tmp_path / "folder"], "must end in .csv, .parquet or .xlsx"),
        (["terms", corpus, "--out", tmp_path / "x.csv"], "is a folder"),
        (["collocations", corpus, "--out", tmp_path / "table.txt"], "must end in .csv, .parquet or .xlsx"),
        (["kwic", corpus, "--query", "Putin", "--out", tmp_path / "file.txt" / "sub" / "k.csv"], "not a folder"),
        (["sentiment", corpus, "--out", tmp_path / "x.csv"], "is a folder"),
        (["load", corpus, "--out", tmp_path / "file.txt"], "is a file; expected a folder"),
        (["quotes", corpus, "--out", tmp_path / "x.csv"], "is a folder"),
        (["quotes", corpus, "--out", tmp_path / "file.txt", "--format", "german-news-quotes"], "is a file"),
        (["report", corpus, "--out", tmp_path / "file.txt"], "is a file"),
        (["kwic", corpus, "--query", "Putin", "--html", tmp_path / "folder"], "is a folder"),
    ]
    for argv, fragment in cases:
        code, out, err = run(argv, capsys)
        assert_one_line_error(code, err, fragment)
        assert "articles loaded" not in out
    assert sorted(p.name for p in (tmp_path / "folder").iterdir()) == []


@pytest.mark.parametrize("argv", [
    ["evaluate-quotes", "--gold", "dev", "--limit", "-1"],
    ["evaluate-quotes", "--gold", "dev", "--limit", "ten"],
    ["terms", "CORPUS", "--out", "t.csv", "--min-count", "-1"],
    ["terms", "CORPUS", "--out", "t.csv", "--ngram", "0"],
    ["collocations", "CORPUS", "--out", "c.csv", "--window", "0"],
    ["collocations", "CORPUS", "--out", "c.csv", "--node", "Putin", "--left", "-2"],
    ["keyness", "--target", "CORPUS", "--reference", "wordfreq", "--out", "k.csv", "--min-freq", "-3"],
    ["kwic", "CORPUS", "--query", "Putin", "--window", "-3"],
    ["kwic", "CORPUS", "--query", "Putin", "--chars", "0"],
])
def test_negative_counts_are_usage_errors(argv, tmp_path, corpus, capsys):
    argv = [corpus if a == "CORPUS" else tmp_path / a if a.endswith(".csv") else a for a in argv]
    code, out, err = run(argv, capsys)
    assert_one_line_error(code, err, "expected a whole number")
    assert out == ""


# --- tables a user hands in -----------------------------------------------------------------

def test_empty_tables_fail_with_one_line(tmp_path, corpus, tokens, capsys):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    tokens.to_csv(tmp_path / "tokens.csv", index=False)
    cases = [
        ["terms", empty, "--out", tmp_path / "t.csv"],
        ["collocations", empty, "--out", tmp_path / "c.csv"],
        ["kwic", empty, "--query", "Putin"],
        ["keyness", "--target", tmp_path / "tokens.csv", "--reference", empty, "--out", tmp_path / "k.csv"],
        ["sentiment", empty, "--table", "--out", tmp_path / "s.csv"],
        ["quotes", corpus, "--actors", empty, "--out", tmp_path / "q.csv"],
    ]
    for argv in cases:
        code, _, err = run(argv, capsys)
        assert_one_line_error(code, err, "empty.csv: empty file")
    assert not any((tmp_path / name).exists() for name in ("t.csv", "c.csv", "k.csv", "s.csv", "q.csv"))


def test_utf16_tables_are_decoded_by_their_bom(tmp_path, corpus, tokens, capsys):
    tokens.to_csv(tmp_path / "tokens8.csv", index=False)
    tokens.to_csv(tmp_path / "tokens16.csv", index=False, encoding="utf-16")
    for command in (["terms"], ["collocations", "--min-count", "1"]):
        for name in ("tokens8", "tokens16"):
            assert run([*command, tmp_path / f"{name}.csv", "--out", tmp_path / f"{command[0]}-{name}.csv"], capsys)[0] == 0
        assert (tmp_path / f"{command[0]}-tokens8.csv").read_bytes() == (tmp_path / f"{command[0]}-tokens16.csv").read_bytes()
    code, out8, _ = run(["kwic", tmp_path / "tokens8.csv", "--query", "Putin"], capsys)
    code16, out16, _ = run(["kwic", tmp_path / "tokens16.csv", "--query", "Putin"], capsys)
    assert code == code16 == 0 and out8 == out16 and "[Putin]" in out8

    reference = pd.DataFrame({"term": ["Putin", "Kim", "und"], "n": [10, 20, 5000]})
    reference.to_csv(tmp_path / "ref8.csv", index=False)
    reference.to_csv(tmp_path / "ref16.csv", index=False, encoding="utf-16")
    units = pd.DataFrame({"text": ["Das ist gut.", "Das ist schlecht."]})
    units.to_csv(tmp_path / "units8.csv", index=False)
    units.to_csv(tmp_path / "units16.csv", index=False, encoding="utf-16")
    actors = pd.DataFrame({"actor": ["Wladimir Putin"], "alias": ["Kremlchef"], "lang": ["de"]})
    actors.to_csv(tmp_path / "actors8.csv", index=False)
    actors.to_csv(tmp_path / "actors16.csv", index=False, encoding="utf-16")
    for bits in ("8", "16"):
        assert run(["keyness", "--target", tmp_path / "tokens8.csv", "--reference", tmp_path / f"ref{bits}.csv",
                    "--out", tmp_path / f"k{bits}.csv", "--min-freq", "1"], capsys)[0] == 0
        assert run(["sentiment", tmp_path / f"units{bits}.csv", "--table", "--lang", "de",
                    "--out", tmp_path / f"s{bits}.parquet"], capsys)[0] == 0
        assert run(["quotes", corpus, "--actors", tmp_path / f"actors{bits}.csv", "--out", tmp_path / f"q{bits}.parquet"],
                   capsys)[0] == 0
    assert (tmp_path / "k8.csv").read_bytes() == (tmp_path / "k16.csv").read_bytes()
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "s8.parquet"), pd.read_parquet(tmp_path / "s16.parquet"))
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "q8.parquet"), pd.read_parquet(tmp_path / "q16.parquet"))


def test_malformed_sentiment_datasets_fail_rather_than_score_nan(tmp_path, capsys):
    header = "id\ttext\ttarget\tlabel\n"
    cases = {
        "gerntsa-header-only.tsv": ("gerntsa", header, "no annotated rows"),
        "gerntsa-labels.tsv": ("gerntsa", header + "a1\tEin Satz.\tSatz\tgut\n", "labels must be"),
        "gerntsa-ids.tsv": ("gerntsa", header + "x!\tEin Satz.\tSatz\tneutral\n", "not of the form"),
        "gerntsa-empty.tsv": ("gerntsa", "", "empty file"),
        "nyt-short-line.txt": ("vader-nyt", "1_1\t0.5\tGood news.\nbroken line\n", ":2: expected id<TAB>"),
        "nyt-nan.txt": ("vader-nyt", "1_1\tnan\tGood news.\n", ":1: expected id<TAB>"),
        "nyt-empty.txt": ("vader-nyt", "\n\n", "no annotated rows"),
        "nyt-tune-only.txt": ("vader-nyt", "1_1\t0.5\tGood news.\n", "no rows in the test part"),
    }
    for name, (dataset, text, fragment) in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        code, out, err = run(["evaluate-sentiment", "--dataset", dataset, tmp_path / name], capsys)
        assert_one_line_error(code, err, fragment)
        assert "nan" not in out


def test_python_functions_reject_invalid_numbers(tokens, sample_articles):
    calls = {
        "window": lambda: kwic(tokens, "Putin", window=-3),
        "chars": lambda: kwic(tokens, "Putin", articles=sample_articles, context="chars", chars=-1),
        "window ": lambda: collocations(tokens, window=0),
        "ngram": lambda: collocations(tokens, ngram=1),
        "min_count": lambda: collocations(tokens, min_count=-1),
        "left": lambda: collocates(tokens, "Putin", left=-1),
        "min_freq": lambda: keyness(tokens, tokens, min_freq=-1),
        "ngram ": lambda: frequencies(tokens, ngram=0),
        "min_count ": lambda: frequencies(tokens, min_count=2.5),
        "min_count  ": lambda: dispersion(tokens, min_count=-1),
        "chunk_size": lambda: corpus_frequencies([SAMPLE], chunk_size=0),
    }
    for name, call in calls.items():
        with pytest.raises(InputError, match=rf"^{name.strip()}: expected a whole number >= \d+, got "):
            call()
    with pytest.raises(InputError, match="smoothing: expected a number > 0"):
        keyness(tokens, tokens, smoothing=0)
    with pytest.raises(InputError, match="size: expected a number > 0"):
        wordfreq_reference("de", size=-1)
    with pytest.raises(InputError, match="max_rows: expected a whole number >= 0"):
        kwic_html(kwic(tokens, "Putin"), max_rows=-1)


# --- output folders -------------------------------------------------------------------------

def read_folder(folder):
    tables = {p.name: pd.read_parquet(p) for p in sorted(folder.glob("*.parquet"))}
    return tables, json.loads((folder / MANIFEST).read_text(encoding="utf-8"))


def test_interrupted_load_is_detected_and_a_rerun_gives_identical_tables(tmp_path, corpus, capsys, monkeypatch):
    import analysis.streamed_tables

    assert run(["load", corpus, "--out", tmp_path / "clean", "--segment"], capsys)[0] == 0
    clean, manifest = read_folder(tmp_path / "clean")
    assert manifest["complete"] and manifest["tables"] == {name: len(t) for name, t in clean.items()}
    assert sorted(clean) == ["articles.parquet", "rejected.parquet", "sentences.parquet", "tokens.parquet"]

    real = analysis.streamed_tables._write_parquet

    def disk_full_at_tokens(spool, schema, tmp):
        if tmp.name.startswith(".tokens.parquet."):
            raise OSError(28, "No space left on device")
        return real(spool, schema, tmp)

    monkeypatch.setattr(analysis.streamed_tables, "_write_parquet", disk_full_at_tokens)
    code, _, err = run(["load", corpus, "--out", tmp_path / "resumed", "--segment"], capsys)
    assert_one_line_error(code, err, "No space left on device")
    monkeypatch.undo()
    assert not (tmp_path / "resumed" / "tokens.parquet").exists()
    assert not json.loads((tmp_path / "resumed" / MANIFEST).read_text(encoding="utf-8"))["complete"]
    assert not [p for p in (tmp_path / "resumed").iterdir() if p.suffix in (".part", ".parts")]
    for argv in (["terms", tmp_path / "resumed", "--out", tmp_path / "t.csv"],
                 ["kwic", tmp_path / "resumed", "--query", "Putin"],
                 ["collocations", tmp_path / "resumed", "--out", tmp_path / "c.csv"]):
        code, _, err = run(argv, capsys)
        assert_one_line_error(code, err, "incomplete output", "run load again")

    assert run(["load", corpus, "--out", tmp_path / "resumed", "--segment"], capsys)[0] == 0
    resumed, resumed_manifest = read_folder(tmp_path / "resumed")
    assert sorted(resumed) == sorted(clean) and resumed_manifest["tables"] == manifest["tables"]
    for name, table in clean.items():
        pd.testing.assert_frame_equal(resumed[name], table)
    assert run(["terms", tmp_path / "resumed", "--out", tmp_path / "t.csv"], capsys)[0] == 0


def test_a_rerun_without_segment_leaves_no_stale_tokens(tmp_path, corpus, capsys):
    other = tmp_path / "other"
    other.mkdir()
    (other / "b.txt").write_text("Der Kanzler sprach in Berlin. Die Opposition widersprach.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run(["load", corpus, "--out", out, "--segment"], capsys)[0] == 0
    old_tokens = pd.read_parquet(out / "tokens.parquet")
    assert run(["load", other, "--out", out], capsys)[0] == 0
    assert sorted(p.name for p in out.glob("*.parquet")) == ["articles.parquet", "rejected.parquet"]
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["tables"] == {"articles.parquet": 1,
                                                                                  "rejected.parquet": 0}
    assert run(["terms", out, "--out", tmp_path / "from-folder.csv"], capsys)[0] == 0
    assert run(["terms", other, "--out", tmp_path / "from-corpus.csv"], capsys)[0] == 0
    assert (tmp_path / "from-folder.csv").read_bytes() == (tmp_path / "from-corpus.csv").read_bytes()

    old_tokens.to_parquet(out / "tokens.parquet")  # an old table copied back beside the new articles
    code, _, err = run(["terms", out, "--out", tmp_path / "t.csv"], capsys)
    assert_one_line_error(code, err, "tokens.parquet was not written by the last run of load")


def test_tables_that_disagree_with_the_manifest_are_refused(tmp_path, corpus, capsys):
    out, other = tmp_path / "out", tmp_path / "other"
    assert run(["load", corpus, "--out", out, "--segment"], capsys)[0] == 0
    assert run(["load", SAMPLE, SAMPLE.parent, "--out", other, "--segment"], capsys)[0] == 0
    tokens = pd.read_parquet(out / "tokens.parquet")
    tokens.head(len(tokens) // 2).to_parquet(out / "tokens.parquet")
    code, _, err = run(["terms", out, "--out", tmp_path / "t.csv"], capsys)
    assert_one_line_error(code, err, f"tokens.parquet has {len(tokens) // 2} rows, the manifest says {len(tokens)}")
    (other / MANIFEST).write_text("{not json", encoding="utf-8")
    code, _, err = run(["kwic", other, "--query", "Putin"], capsys)
    assert_one_line_error(code, err, "unreadable .manifest.json")
    assert run(["load", SAMPLE, "--out", other], capsys)[0] == 0
    assert json.loads((other / MANIFEST).read_text(encoding="utf-8"))["complete"]


# --- atomic files ---------------------------------------------------------------------------

def test_a_writer_failing_midway_leaves_the_previous_file_or_none(tmp_path, corpus, capsys, monkeypatch):
    q = tmp_path / "out" / "q.csv"
    assert run(["quotes", corpus, "--out", q], capsys)[0] == 0
    before = q.read_bytes()
    assert before.count(b"\n") > 2
    real = pd.DataFrame.to_csv

    def half_then_fail(self, path, **kwargs):
        real(self.head(len(self) // 2), path, **kwargs)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pd.DataFrame, "to_csv", half_then_fail)
    code, _, err = run(["quotes", corpus, "--out", q], capsys)
    assert_one_line_error(code, err, "No space left on device")
    assert q.read_bytes() == before
    code, _, err = run(["quotes", corpus, "--out", tmp_path / "new" / "q.csv"], capsys)
    assert_one_line_error(code, err, "No space left on device")
    assert not (tmp_path / "new" / "q.csv").exists()

    def interrupted(self, path, **kwargs):
        real(self.head(1), path, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(pd.DataFrame, "to_csv", interrupted)
    code, _, err = run(["terms", corpus, "--out", q], capsys)
    assert code == 130 and "Traceback" not in err and err.strip().split("\n")[-1].startswith("error: interrupted")
    assert q.read_bytes() == before
    leftovers = [p.name for p in q.parent.iterdir() if p.name != "q.csv"]
    assert leftovers == []


# --- messages -------------------------------------------------------------------------------

def test_rejections_are_summarised_one_line_per_reason(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    records = [{"id": f"r{i % 4}", "text": f"Text Nummer {i % 4} über die Lage."} for i in range(40)]
    (folder / "a.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    for i in range(3):
        (folder / f"empty{i}.txt").write_text("", encoding="utf-8")
    code, out, _ = run(["load", folder, "--out", tmp_path / "out"], capsys)
    assert code == 0
    lines = out.strip().split("\n")
    assert lines[0].startswith("4 articles loaded, 39 rejected")
    assert lines[1:] == [f"  rejected 36x: duplicate of the record at … (same article_id and text) (first: {folder / 'a.jsonl'}:5)",
                         f"  rejected 3x: empty file (first: {folder / 'empty0.txt'})"]
    assert len(pd.read_parquet(tmp_path / "out" / "rejected.parquet")) == 39


def test_an_error_is_printed_below_the_progress_bar(tmp_path, corpus, capsys, monkeypatch):
    import importlib

    from tqdm.auto import tqdm

    def fails_midway(articles, **kwargs):
        bar = tqdm(total=10, desc="segment")  # a bar updated by hand stays open while the error propagates
        bar.update(5)
        raise InputError("article 5: cannot be segmented")

    monkeypatch.setattr(importlib.import_module("analysis.segment"), "segment", fails_midway)
    code, _, err = run(["load", corpus, "--out", tmp_path / "out", "--segment"], capsys)
    assert_one_line_error(code, err, "article 5: cannot be segmented")
    assert "\nerror: article 5" in err


def test_report_pages_have_no_ansi_codes(tmp_path):
    import nbformat

    from analysis.report import build_report

    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("corpus = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("print('\\x1b[31mred\\x1b[0m')\n1 / 0"),
    ])
    path = tmp_path / "01_fails.ipynb"
    nbformat.write(nb, path)
    runs = build_report(SAMPLE, tmp_path / "report", notebooks=[path])
    assert [r.ok for r in runs] == [False] and runs[0].error == "ZeroDivisionError: division by zero"
    pages = list((tmp_path / "report").rglob("*.html"))
    assert len(pages) == 2
    for page in pages:
        assert "\x1b" not in page.read_text(encoding="utf-8")
    assert "ZeroDivisionError: division by zero" in (tmp_path / "report" / "index.html").read_text(encoding="utf-8")


def test_csv_cells_write_lists_as_json_the_same_streamed_or_whole(tmp_path):
    df = pd.DataFrame({"hits": [[{"term": "Einigung", "value": 0.5}], [], None],
                       "spans": [(0, 4), np.array([1, 2]), [[3, 5]]], "text": ["ä", "b", "c"], "n": [1, 2, 3]})
    cells = csv_cells(df)
    assert cells["hits"].tolist()[:2] == ['[{"term": "Einigung", "value": 0.5}]', "[]"] and pd.isna(cells["hits"][2])
    assert cells["spans"].tolist() == ["[0, 4]", "[1, 2]", "[[3, 5]]"]
    plain = df[["text", "n"]]
    assert cells[["text", "n"]].equals(plain) and csv_cells(plain) is plain  # nothing to encode: the same frame
    write_table(df, tmp_path / "whole.csv")
    with TableStream(tmp_path / "streamed.csv") as table:
        table.write(df.iloc[:2])
        table.write(df.iloc[2:])
    assert (tmp_path / "whole.csv").read_bytes() == (tmp_path / "streamed.csv").read_bytes()
    back = pd.read_csv(tmp_path / "whole.csv")
    assert [json.loads(s) for s in back["spans"]] == [[0, 4], [1, 2], [[3, 5]]]
