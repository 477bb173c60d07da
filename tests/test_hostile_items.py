"""Hostile cases of the reliability audit that the other hostile suites leave out: an unreadable
folder, quotation input without article ids, and one sentence holding thousands of quotation marks.
Every input is generated here."""
import os

import pandas as pd
import pytest

from analysis.corpus import load_articles
from analysis.errors import InputError
from analysis.quotes import extract_quotes
from analysis.quotes.direct import FRAME_TOKENS
from analysis.segment import segment


def test_an_unreadable_folder_is_a_rejected_row_and_the_rest_loads(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "locked" / "x.jsonl").write_text('{"id": "x", "text": "Versteckt."}\n')
    (corpus / "a.jsonl").write_text('{"id": "a", "text": "Ein Text."}\n')
    real = os.scandir

    def scandir(path="."):  # the tests run as root, for whom permissions do not hold: deny by hand
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    articles, rejected = load_articles([corpus])
    assert articles["article_id"].tolist() == ["a"]
    assert rejected.values.tolist() == [[str(corpus / "locked"), "unreadable folder: Permission denied"]]


@pytest.mark.parametrize("missing", [None, float("nan")])
def test_quotations_of_articles_without_an_id_are_an_input_error(missing):
    articles = pd.DataFrame({"article_id": [missing, "b"], "lang": ["de", "de"],
                             "text": ["„Wir werden weiter verhandeln“, sagte der Minister."] * 2})
    with pytest.raises(InputError, match=r"article_id missing \(None or NaN\) in 1 row\(s\), the first at index 0"):
        extract_quotes(articles)


def test_one_sentence_with_thousands_of_quoted_passages_keeps_its_frame_short():
    n = 2_000  # quoted passages, 4,000 marks (times in benchmarks/bench_quote_marks.py)
    text = "Er sagte, " + ", ".join(f"„Eins zwei drei{i}“" for i in range(n)) + " Ende."
    articles = pd.DataFrame({"article_id": ["a"], "lang": ["de"], "text": [text]})
    sentences, tokens = segment(articles)
    assert len(sentences) == 1
    quotes = extract_quotes(articles, sentences, tokens)
    assert len(quotes) == n - 1 and set(quotes["kind"]) == {"direct"}
    assert set(quotes["cue"]) == {"sagte"} and set(quotes["speaker_mention"]) == {"Er"}
    frame_end = tokens["end"].iloc[FRAME_TOKENS - 1]
    assert all(e <= frame_end for spans in quotes["frame_spans"] for _, e in spans)


def test_the_docs_list_every_rejection_reason_of_the_loaders():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    source = "".join((root / "analysis" / f).read_text(encoding="utf-8") for f in ("readers.py", "corpus.py"))
    found = re.findall(r'(?:Reject\([^,]+, |RecordError\(|problems\.append\(\([^,]+, |damage = |return )f?"([a-z][^"{]*)', source)
    found += re.findall(r'^[A-Z_]+ = "([^"]+)"', source, flags=re.M)
    reasons = {" ".join(re.split(r"[(:]", r)[0].split()[:3]) for r in found if " " in r and "//" not in r}
    docs = (root / "docs" / "segmentation.md").read_text(encoding="utf-8")
    assert len(reasons) > 25, reasons
    assert sorted(r for r in reasons if r not in docs) == []
