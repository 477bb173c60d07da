"""Excel outputs: every table command writes ``--out *.xlsx``; Excel's limits are kept and said."""
import logging

import pandas as pd
import pytest
from conftest import SAMPLE
from openpyxl import load_workbook

import analysis.outputs
from analysis.cli import main
from analysis.outputs import check_output_file, write_table


def sheets(path):
    """{sheet name: rows as lists of values} of a workbook."""
    book = load_workbook(path, read_only=True)
    return {s.title: [[c for c in row] for row in s.iter_rows(values_only=True)] for s in book.worksheets}


@pytest.mark.parametrize("command", [
    ["terms", SAMPLE, "--lemma"],
    ["keyness", "--target", SAMPLE, "--reference", "wordfreq", "--lang", "de"],
    ["collocations", SAMPLE, "--min-count", "2"],
    ["kwic", SAMPLE, "--query", "Putin"],
    ["quotes", SAMPLE],
    ["sentiment", SAMPLE],
    ["actors", SAMPLE],
])
def test_every_table_command_writes_the_same_table_to_excel(tmp_path, capsys, command):
    assert main([str(a) for a in command] + ["--out", str(tmp_path / "t.parquet")]) == 0
    assert main([str(a) for a in command] + ["--out", str(tmp_path / "t.xlsx")]) == 0
    expected = pd.read_parquet(tmp_path / "t.parquet")
    (name, rows), = sheets(tmp_path / "t.xlsx").items()
    assert name == "t" and rows[0] == list(expected.columns)
    assert len(rows) - 1 == len(expected) > 0
    first_text = next(c for c in expected.columns if isinstance(expected[c].iloc[0], str))
    assert [r[rows[0].index(first_text)] for r in rows[1:]] == [v or None for v in expected[first_text]]
    capsys.readouterr()


def test_an_unknown_suffix_is_refused_before_the_corpus_is_read(tmp_path, capsys, monkeypatch):
    import analysis.corpus

    monkeypatch.setattr(analysis.corpus, "load_articles", lambda *a, **k: pytest.fail("the corpus was loaded"))
    assert main(["terms", str(SAMPLE), "--out", str(tmp_path / "t.xls")]) == 2
    assert "must end in .csv, .parquet or .xlsx" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_a_table_longer_than_a_sheet_continues_on_more_sheets(tmp_path, monkeypatch):
    monkeypatch.setattr(analysis.outputs, "EXCEL_ROWS", 4)  # 3 rows under the header per sheet
    path = write_table(pd.DataFrame({"n": range(7)}), tmp_path / "frequencies_of_a_very_long_corpus_name.xlsx")
    got = sheets(path)
    assert list(got) == ["frequencies_of_a_very_long_corp", "frequencies_of_a_very_long_ (2)",
                         "frequencies_of_a_very_long_ (3)"]
    assert all(len(name) <= 31 for name in got)
    assert [rows for rows in got.values()] == [[["n"], [0], [1], [2]], [["n"], [3], [4], [5]], [["n"], [6]]]


def test_cells_keep_within_excel_and_stay_text(tmp_path, caplog):
    long = "x" * 40_000
    table = pd.DataFrame({
        "text": ["=HYPERLINK(\"http://example.org\")", "bell\x07 and tab\tkept", long, None],
        "spans": [[[0, 4]], [], [[1, 2], [5, 9]], None],
        "date": pd.to_datetime(["2019-04-25 10:00", None, "2019-04-26 00:00", "2019-04-27 00:00"]).tz_localize("Europe/Berlin"),
        "n": [1, 2, None, 4],
        "flag": [True, False, True, False],
    })
    with caplog.at_level(logging.WARNING, logger="analysis.outputs"):
        path = write_table(table, tmp_path / "quotes.xlsx")
    book = load_workbook(path)
    sheet = book["quotes"]
    assert sheet["A2"].value.startswith("=HYPERLINK") and sheet["A2"].data_type == "s"
    assert sheet["A3"].value == "bell and tab\tkept"
    assert len(sheet["A4"].value) == 32_767 and sheet["A4"].value.endswith("…")
    assert sheet["A5"].value is None
    assert [sheet[f"B{i}"].value for i in range(2, 6)] == ["[[0, 4]]", "[]", "[[1, 2], [5, 9]]", None]
    assert sheet["C2"].value == pd.Timestamp("2019-04-25 10:00").to_pydatetime() and sheet["C3"].value is None
    assert [sheet[f"D{i}"].value for i in range(2, 6)] == [1, 2, None, 4]
    assert [sheet[f"E{i}"].value for i in range(2, 6)] == [True, False, True, False]
    assert "1 cell(s) longer than Excel's 32,767 characters were cut (first: column text, row 3" in caplog.text


def test_an_empty_table_is_a_sheet_with_its_header(tmp_path):
    path = write_table(pd.DataFrame({"term": [], "n": []}), tmp_path / "empty.xlsx")
    assert sheets(path) == {"empty": [["term", "n"]]}


def test_the_excel_writer_is_checked_before_the_work(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_openpyxl(name, *args, **kwargs):
        if name == "openpyxl":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_openpyxl)
    with pytest.raises(analysis.outputs.InputError, match="needs the openpyxl package"):
        check_output_file(tmp_path / "t.xlsx", suffixes=analysis.outputs.TABLE_SUFFIXES)
