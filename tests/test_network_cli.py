"""The statements and network commands: files written, errors before the work, formats by suffix."""
import json

import networkx as nx
import pandas as pd
import pytest
from conftest import SAMPLE

from analysis.cli import main

CONCEPTS = """\
Neuauflage der Sechs-Parteien-Gespräche:
  phrases: [Neuauflage der Sechs-Parteien-Gespräche]
Lockerung der Sanktionen:
  phrases: [Lockerung der Sanktionen, Lockerung der Strafmaßnahmen]
  regexes: ['Sanktionen\\b.{0,40}\\bgelockert']
Abkehr vom Atomarsenal:
  phrases: [Abkehr vom nordkoreanischen Atomarsenal]
"""


@pytest.fixture
def concepts(tmp_path):
    path = tmp_path / "concepts.yaml"
    path.write_text(CONCEPTS, encoding="utf-8")
    return path


def test_statements_command_writes_the_table_and_the_dna_csv(tmp_path, concepts, capsys):
    out, dna = tmp_path / "st.csv", tmp_path / "dna.csv"
    assert main(["statements", str(SAMPLE), "--concepts", str(concepts), "--out", str(out), "--dna-out", str(dna)]) == 0
    st = pd.read_csv(out)
    assert {("Kim Jong Un", "Lockerung der Sanktionen"), ("Moskau", "Lockerung der Sanktionen")} <= set(
        zip(st["actor"], st["concept"]))
    assert all(len(json.loads(s)) == 2 for s in st["span"])
    assert len(pd.read_csv(dna, sep=";")) == len(st)
    assert "statements of" in capsys.readouterr().out


@pytest.mark.parametrize("kind, suffix", [("two-mode", ".graphml"), ("congruence", ".gexf"), ("subtract", ".net"),
                                          ("conflict", ".dl"), ("concepts", ".csv")])
def test_network_command_from_a_statements_table(tmp_path, concepts, kind, suffix):
    st = tmp_path / "st.parquet"
    assert main(["statements", str(SAMPLE), "--concepts", str(concepts), "--out", str(st)]) == 0
    out = tmp_path / f"n{suffix}"
    assert main(["network", str(st), "--from-statements", "--type", kind, "--out", str(out)]) == 0
    assert out.exists()
    if suffix == ".graphml":
        g = nx.read_graphml(out)
        assert {"Kim Jong Un", "Lockerung der Sanktionen"} <= {d["label"] for _, d in g.nodes(data=True)}


def test_network_command_with_a_window_writes_gexf(tmp_path, concepts):
    articles = tmp_path / "a.jsonl"
    text = SAMPLE.read_text(encoding="utf-8")
    articles.write_text("\n".join(json.dumps({"id": f"a{i}", "date": f"2019-04-{10 + i}", "text": text})
                                  for i in range(3)), encoding="utf-8")
    out = tmp_path / "w.gexf"
    assert main(["network", str(articles), "--concepts", str(concepts), "--type", "congruence", "--window", "3D",
                 "--duplicates", "include", "--out", str(out)]) == 0
    g = nx.read_gexf(out, version="1.3")
    assert g.graph["mode"] == "dynamic" and g.number_of_edges() > 0


@pytest.mark.parametrize("argv, message", [
    (["network", str(SAMPLE), "--out", "n.txt"], "must end in .graphml"),
    (["network", str(SAMPLE), "--out", "n.net", "--window", "30D"], "moving-window network"),
    (["network", str(SAMPLE), "--out", "n.net", "--aggregation", "positive"], "--aggregation applies"),
    (["statements", str(SAMPLE), "--out", "s.json"], "must end in .csv"),
    (["network", str(SAMPLE), "--out", "n.net", "--normalization", "bogus"], "--normalization: expected one of"),
    (["network", str(SAMPLE), "--out", "n.gexf", "--window", "30X"], "--window: expected a duration"),
])
def test_bad_arguments_fail_before_the_work(tmp_path, monkeypatch, capsys, argv, message):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert message in captured.err and "articles loaded" not in captured.out


def test_malformed_dictionary_is_a_usage_error_with_its_line(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("A:\n  lemmas: [Sanktion]\nB:\n  regexes: ['(']\n", encoding="utf-8")
    assert main(["statements", str(SAMPLE), "--concepts", str(bad), "--out", str(tmp_path / "s.csv")]) == 2
    assert "line 4" in capsys.readouterr().err


def test_statements_command_neutral_keeps_a_mention_without_a_side_at_0(tmp_path):
    article, concepts = tmp_path / "a.txt", tmp_path / "c.yaml"
    article.write_text("Berlin. Der Minister Karl Müller sagte: „Der Mindestlohn steht morgen auf der Tagesordnung.“\n",
                       encoding="utf-8")
    concepts.write_text("Mindestlohn:\n  lemmas: [Mindestlohn]\n", encoding="utf-8")
    coded = {}
    for neutral in ("1", "0"):
        out = tmp_path / f"st{neutral}.csv"
        assert main(["statements", str(article), "--concepts", str(concepts), "--lang", "de", "--out", str(out),
                     "--neutral", neutral]) == 0
        coded[neutral] = pd.read_csv(out)[["concept", "agreement", "agreement_source"]].values.tolist()
    assert coded == {"1": [["Mindestlohn", 1, "named"]], "0": [["Mindestlohn", 0, "none"]]}
    net = tmp_path / "n.csv"  # the network command codes its statements with the same option
    assert main(["network", str(article), "--concepts", str(concepts), "--lang", "de", "--neutral", "0",
                 "--type", "two-mode", "--out", str(net)]) == 0


def test_statements_command_neutral_takes_only_0_or_1(tmp_path, concepts, capsys):
    assert main(["statements", str(SAMPLE), "--concepts", str(concepts), "--out", str(tmp_path / "s.csv"),
                 "--neutral", "2"]) == 2
    assert "--neutral: invalid choice" in capsys.readouterr().err


def test_network_command_leaves_out_statements_below_the_confidence(tmp_path, concepts, capsys):
    st = tmp_path / "st.csv"
    assert main(["statements", str(SAMPLE), "--concepts", str(concepts), "--out", str(st)]) == 0
    table = pd.read_csv(st)
    # Moskau's statements made unsure, Kim's sure: only Kim's reach the network
    table["confidence"] = [0.3 if a == "Moskau" else 0.9 for a in table["actor"]]
    table.to_csv(st, index=False)
    out = tmp_path / "n.graphml"
    assert main(["network", str(st), "--from-statements", "--type", "two-mode", "--min-confidence", "0.6",
                 "--out", str(out)]) == 0
    labels = {d["label"] for _, d in nx.read_graphml(out).nodes(data=True)}
    assert "Kim Jong Un" in labels and "Moskau" not in labels
    assert f"from {int((table['actor'] != 'Moskau').sum())} statements" in capsys.readouterr().out
