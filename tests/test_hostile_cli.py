"""Hostile corpus through the command line: every main command runs on one folder holding empty
records inside JSON Lines, white-space texts, a duplicate, markup, hard-wrapped text, a
transcript, a UTF-16 CSV and an empty CSV. Each command ends without a traceback, with exit code 0,
and the counts it prints add up: loaded + rejected = records seen. Everything is generated here."""
import json
import re
import textwrap

import pandas as pd
import pytest

from analysis.cli import main

BODY = ("Die Regierung sagte am Montag, die Gespräche seien konstruktiv verlaufen. "
        "„Wir werden weiter verhandeln“, sagte der Minister.")
WRAPPED = textwrap.fill(" ".join([
    "Der Kanzler erklärte am Dienstag in Berlin, die Verhandlungen über den Haushalt seien schwierig",
    "gewesen und würden noch einige Wochen dauern. Die Opposition kritisierte den Plan scharf und",
    "forderte eine Abstimmung im Parlament noch vor der Sommerpause des Bundestages."] * 3), width=70)
TRANSCRIPT = ("MS. PSAKI: Good afternoon, everyone. We have a lot to cover today.\n\n"
              "Q Can you say more about the talks?\n\n"
              "MS. PSAKI: The President believes the talks are constructive.")
RECORDS = [
    {"id": "a1", "text": BODY},
    {},                                   # an empty record: no text field
    {"id": "e", "text": ""},              # empty text
    {"id": "w", "text": "   \n\t "},      # white space only
    {"id": "a1", "text": BODY},           # a duplicate of the first
    {"id": "m", "text": "<p>Der <b>Minister</b> sagte, es gebe &quot;keine Einigung&quot; im Streit.</p> "
                        "**Wichtig** ist [der Link](http://example.org) zum Bericht."},
    {"id": "wr", "text": WRAPPED},
    {"id": "t", "lang": "en", "title": "Press Briefing by Press Secretary Jen Psaki", "text": TRANSCRIPT},
]
CSV_ROWS = 2  # one article, one empty text
SEEN = len(RECORDS) + CSV_ROWS + 1  # + the empty CSV, one rejected row
LOADED = 5  # a1, m, wr, t and the CSV's c1


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    lines = [json.dumps(r, ensure_ascii=False) for r in RECORDS]
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    csv = 'id,text\nc1,"Die Kanzlerin sagte, der Gipfel sei ein Erfolg gewesen."\nc2,""\n'
    (folder / "u16.csv").write_bytes(csv.encode("utf-16"))  # with its byte-order mark
    (folder / "empty.csv").write_bytes(b"")
    return folder


def _counts(text: str) -> tuple[int, int]:
    """(loaded, rejected) as a command prints them."""
    found = re.search(r"(\d+) articles loaded, (\d+) (?:input record\(s\) )?rejected", text)
    assert found, text
    return int(found.group(1)), int(found.group(2))


COMMANDS = {
    "load": ["load", "CORPUS", "--out", "OUT/tables"],
    "quotes": ["quotes", "CORPUS", "--out", "OUT/q.csv"],
    "sentiment": ["sentiment", "CORPUS", "--out", "OUT/s.csv"],
    "actors": ["actors", "CORPUS", "--out", "OUT/a.csv"],
    "terms": ["terms", "CORPUS", "--out", "OUT/t.csv"],
    "collocations": ["collocations", "CORPUS", "--out", "OUT/c.csv"],
    "kwic": ["kwic", "CORPUS", "--query", "Minister"],
    "keyness": ["keyness", "--target", "CORPUS", "--reference", "wordfreq", "--out", "OUT/k.csv"],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_runs_on_the_hostile_corpus_and_counts_add_up(command, corpus, tmp_path, capsys, caplog):
    argv = [a.replace("CORPUS", str(corpus)).replace("OUT", str(tmp_path)) for a in COMMANDS[command]]
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Traceback" not in out + err
    loaded, rejected = _counts(out + err + caplog.text)  # the streaming commands log their counts
    assert (loaded, rejected) == (LOADED, SEEN - LOADED)
    assert loaded + rejected == SEEN
    for line in err.splitlines():  # a message never shares its line with a progress bar
        assert not re.search(r"\|.*(WARNING|error)", line), line


def test_load_of_the_hostile_corpus_names_every_rejected_record(corpus, tmp_path, capsys):
    assert main(["load", str(corpus), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    rejected = pd.read_parquet(tmp_path / "out" / "rejected.parquet")
    articles = pd.read_parquet(tmp_path / "out" / "articles.parquet")
    jsonl = corpus / "a.jsonl"
    assert dict(rejected.values.tolist()) == {
        f"{jsonl}:2": "no text field (expected one of: text, body, content, article, fulltext, maintext, "
                      "originalText); fields present: none",
        f"{jsonl}:3": "empty text (field 'text' is there but holds no text)",
        f"{jsonl}:4": "empty text (field 'text' holds only white space)",
        f"{jsonl}:5": f"duplicate of the record at {jsonl}:1 (same article_id and text)",
        f"{corpus / 'u16.csv'}:3": "empty text (field 'text' is there but holds no text)",
        f"{corpus / 'empty.csv'}": "empty file",
    }
    assert sorted(articles["article_id"]) == ["a1", "c1", "m", "t", "wr"]
    text = dict(zip(articles["article_id"], articles["text"]))
    assert "<b>" not in text["m"] and "&quot;" not in text["m"] and "**" not in text["m"]
    assert "\n" not in text["wr"].strip()  # re-flowed into one paragraph
    counts = [int(m) for m in re.findall(r"^  rejected (\d+)x: ", out, flags=re.M)]
    assert sum(counts) == len(rejected) == SEEN - LOADED  # one line per reason, with its count
    assert len(counts) == 5  # the two empty texts of the same field share a line
