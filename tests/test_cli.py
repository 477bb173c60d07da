import subprocess
import sys

import pandas as pd
from conftest import SAMPLE

from analysis.cli import main


def test_load_writes_tables_and_counts(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    assert main(["load", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--segment"]) == 0
    printed = capsys.readouterr().out
    assert "1 articles loaded, 1 rejected" in printed and "rejected 1x: empty file" in printed
    assert len(pd.read_parquet(tmp_path / "out" / "sentences.parquet")) == 40
    assert pd.read_parquet(tmp_path / "out" / "rejected.parquet")["reason"].tolist() == ["empty file"]
    assert pd.read_parquet(tmp_path / "out" / "articles.parquet")["dateline"].item() == "Wladiwostok/Düsseldorf"


def test_unusable_arguments_exit_2_with_one_line(tmp_path):
    run = subprocess.run([sys.executable, "-m", "analysis", "load", str(tmp_path / "missing"), "--out", str(tmp_path)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 2
    assert run.stderr.strip().count("\n") == 0 and "no such file or folder" in run.stderr
    bad_field = subprocess.run([sys.executable, "-m", "analysis", "load", str(SAMPLE), "--out", str(tmp_path), "--field", "text"],
                               capture_output=True, text=True, check=False)
    assert bad_field.returncode == 2 and "--field expects ROLE=NAME" in bad_field.stderr


def test_sentiment_and_quotes_commands_report_rejected_files(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "in" / "junk.txt").write_bytes(b"\x00\x01\x02binary\x00")
    for command, out in (("sentiment", "tone.parquet"), ("quotes", "quotes.parquet")):
        assert main([command, str(tmp_path / "in"), "--out", str(tmp_path / out)]) == 0
        printed = capsys.readouterr().out
        assert "1 articles loaded, 1 rejected" in printed and "rejected 1x:" in printed
