import gzip
import json
import zipfile

import pandas as pd
import pytest
from conftest import SAMPLE

from analysis.corpus import (
    RecordError,
    decode_bytes,
    detect_language,
    iter_articles,
    load_articles,
    parse_date,
    parse_text_article,
)
from analysis.errors import InputError

ARTICLE = "Titel der Meldung\n\nBerlin (dpa) – Die Regierung sagte, sie sei bereit.\nZweiter Absatz mit Text.\n"


# --- the founding article -------------------------------------------------------------------

def test_founding_article_structure(sample_articles):
    art = sample_articles.iloc[0]
    assert art["title"] == "Treffen in Wladiwostok Gipfelgespräche beendet – Putin trinkt auf Kims Gesundheit"
    assert art["lead"] == "Kim Jong Un und Putin demonstrieren Freundlichkeit."
    assert art["dateline"] == "Wladiwostok/Düsseldorf"
    assert art["text"].startswith("Der nordkoreanische Machthaber Kim Jong Un")
    assert art["text"].endswith("Abkehr vom nordkoreanischen Atomarsenal.")
    assert "Kommentieren" not in art["text"]
    assert len(art["text"].split("\n\n")) == 12  # counted by reading the article
    assert art["lang"] == "de"
    assert art["origin"].endswith("putin-kim-wladiwostok.de.txt")


def test_ids_are_stable(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    first = load_articles([tmp_path]).articles["article_id"].tolist()
    second = load_articles([tmp_path]).articles["article_id"].tolist()
    assert first == second and len(first[0]) == 16


def test_text_article_parts():
    parts = parse_text_article(ARTICLE + "\nDas Kommentieren dieses Artikels wurde deaktiviert.\n")
    assert parts == {"title": "Titel der Meldung", "lead": "", "dateline": "Berlin (dpa)",
                     "text": "Die Regierung sagte, sie sei bereit.\n\nZweiter Absatz mit Text."}


def test_text_article_without_dateline_keeps_teaser_as_lead():
    parts = parse_text_article("Titel\n\nKurzer Vorspann.\n\nErster Absatz.\nZweiter Absatz.\n")
    assert parts["lead"] == "Kurzer Vorspann." and parts["text"] == "Erster Absatz.\n\nZweiter Absatz."


# --- formats ----------------------------------------------------------------------------------

RECORDS = [
    {"id": "a1", "body": "Die Gespräche seien konstruktiv gewesen, sagte er.", "headline": "Gipfel", "published": "26.04.2019", "outlet": "X", "rubrik": "Politik"},
    {"id": "a2", "body": "The talks were constructive, he said.", "headline": "Summit", "published": "April 26, 2019", "outlet": "Y", "rubrik": "World"},
]
FIELDS = {"text": "body", "title": "headline", "date": "published", "source": "outlet"}


def _check_records(articles):
    assert articles["article_id"].tolist() == ["a1", "a2"]
    assert articles["title"].tolist() == ["Gipfel", "Summit"]
    assert articles["lang"].tolist() == ["de", "en"]
    assert articles["date"].tolist() == [pd.Timestamp("2019-04-26")] * 2
    assert articles["rubrik"].tolist() == ["Politik", "World"]  # metadata passes through


def test_json_list_and_object(tmp_path):
    (tmp_path / "list.json").write_text(json.dumps(RECORDS), encoding="utf-8")
    _check_records(load_articles([tmp_path / "list.json"], fields=FIELDS).articles)
    (tmp_path / "one.json").write_text(json.dumps(RECORDS[0]), encoding="utf-8")
    assert load_articles([tmp_path / "one.json"], fields=FIELDS).articles["origin"].item().endswith("one.json")


def test_jsonl_origin_names_line(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    articles = load_articles([path], fields=FIELDS).articles
    _check_records(articles)
    assert articles["origin"].tolist() == [f"{path}:1", f"{path}:2"]


@pytest.mark.parametrize("suffix,sep", [(".csv", ","), (".tsv", "\t")])
def test_csv_and_tsv(tmp_path, suffix, sep):
    path = tmp_path / f"c{suffix}"
    pd.DataFrame(RECORDS).to_csv(path, sep=sep, index=False)
    articles = load_articles([path], fields=FIELDS).articles
    _check_records(articles)
    assert articles["origin"].tolist() == [f"{path}:2", f"{path}:3"]


def test_parquet(tmp_path):
    path = tmp_path / "c.parquet"
    pd.DataFrame(RECORDS).to_parquet(path)
    _check_records(load_articles([path], fields=FIELDS).articles)


def test_gzip_and_zip(tmp_path):
    lines = "\n".join(json.dumps(r) for r in RECORDS).encode()
    with gzip.open(tmp_path / "c.jsonl.gz", "wb") as f:
        f.write(lines)
    _check_records(load_articles([tmp_path / "c.jsonl.gz"], fields=FIELDS).articles)
    with zipfile.ZipFile(tmp_path / "c.zip", "w") as z:
        z.writestr("inner/c.jsonl", lines)
        z.writestr("note.txt", ARTICLE)
    articles = load_articles([tmp_path / "c.zip"], fields=FIELDS, errors="collect").articles
    assert len(articles) == 3 and articles["origin"].iloc[0].endswith("c.zip!inner/c.jsonl:1")


def test_html_main_text_and_metadata(tmp_path):
    body = "".join(f"<p>Absatz {i}: Die Delegationen verhandelten lange über die Sanktionen und eine gemeinsame Erklärung.</p>" for i in range(6))
    html = (f"<html><head><title>Gipfel in Wladiwostok</title><meta name='date' content='2019-04-25'></head>"
            f"<body><nav>Startseite | Politik</nav><article><h1>Gipfel in Wladiwostok</h1>{body}</article>"
            f"<footer>Impressum</footer></body></html>")
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    art = load_articles([tmp_path / "page.html"]).articles.iloc[0]
    assert "Die Delegationen verhandelten" in art["text"] and "Impressum" not in art["text"]
    assert art["title"] == "Gipfel in Wladiwostok" and art["date"] == pd.Timestamp("2019-04-25")


def test_german_news_quotes_document_loads_as_article(tmp_path):
    doc = {"documentName": "Titel", "originalText": "Er sagte, es regne.", "annotations": [], "sentences": []}
    (tmp_path / "d.json").write_text(json.dumps(doc), encoding="utf-8")
    art = load_articles([tmp_path / "d.json"]).articles.iloc[0]
    assert (art["title"], art["text"]) == ("Titel", "Er sagte, es regne.")


# --- bad input ----------------------------------------------------------------------------------

def _bad_folder(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("Überschrift\n\nGrüße aus Köln, sagte er.".encode("cp1252"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "lines.jsonl").write_text('{"text": "Eins."}\n{"text": broken\n\n{"title": "ohne Text"}\n{"text": "Vier."}\n', encoding="utf-8")
    pd.DataFrame({"headline": ["a"], "kommentar": ["b"]}).to_csv(tmp_path / "notext.csv", index=False)
    index_page = "<html><head><title>Index</title></head><body><nav><ul><li><a href='/a'>Politik</a></li><li><a href='/b'>Sport</a></li></ul></nav></body></html>"
    (tmp_path / "nomain.html").write_text(index_page, encoding="utf-8")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n")
    with zipfile.ZipFile(tmp_path / "evil.zip", "w") as z:
        z.writestr("../escape.txt", ARTICLE)
        z.writestr("/abs.txt", ARTICLE)
        z.writestr("ok.txt", ARTICLE.replace("Titel", "Anderer Titel"))
    # records seen: good, latin, empty, binary, 4 jsonl records, 1 csv row, nomain, png, 3 zip members
    return 14


def test_bad_inputs_are_rejected_with_reasons_and_counts_reconcile(tmp_path):
    seen = _bad_folder(tmp_path)
    articles, rejected = load_articles([tmp_path])
    assert len(articles) + len(rejected) == seen
    reasons = dict(zip(rejected["origin"].str.replace(str(tmp_path) + "/", ""), rejected["reason"]))
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.txt"].startswith("binary")
    assert reasons["lines.jsonl:2"].startswith("malformed JSON line")
    assert reasons["lines.jsonl:4"].startswith("no text field")
    assert reasons["notext.csv:2"].startswith("no text field (expected one of: text, body")
    assert reasons["nomain.html"].startswith("no article text (the page holds only navigation")
    assert reasons["picture.png"].startswith("unsupported file type '.png'")
    assert reasons["evil.zip!../escape.txt"].startswith("unsafe archive member")
    assert reasons["evil.zip!/abs.txt"].startswith("unsafe archive member")
    assert articles.set_index("origin").loc[str(tmp_path / "latin.txt"), "encoding"] == "cp1252"
    assert "Grüße aus Köln" in " ".join(articles["text"])


def test_csv_without_text_column_names_file_line_and_expectation(tmp_path):
    path = tmp_path / "notext.csv"
    pd.DataFrame({"headline": ["a"], "summary2": ["b"]}).to_csv(path, index=False)
    with pytest.raises(InputError, match=r"notext\.csv:2: no text field \(expected one of: text, body.*fields present: headline, summary2"):
        load_articles([path])


def test_mapped_field_missing_raises(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"text": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="no field 'body' \\(mapped to text\\)"):
        load_articles([path], fields={"text": "body"})


def test_unusable_arguments():
    with pytest.raises(InputError, match="no such file"):
        load_articles(["/nonexistent/folder"])
    with pytest.raises(InputError, match="unknown field role"):
        load_articles([SAMPLE], fields={"txt": "body"})
    with pytest.raises(InputError, match="errors must be"):
        load_articles([SAMPLE], errors="ignore")


def test_too_large_article_is_rejected(tmp_path):
    (tmp_path / "big.txt").write_text("Titel\n\n" + "Wort " * 300, encoding="utf-8")
    articles, rejected = load_articles([tmp_path], max_chars=1000)
    assert articles.empty and rejected["reason"].item().startswith("article too large")


def test_duplicates(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text('{"id": 1, "text": "A."}\n{"id": 1, "text": "A."}\n{"id": 1, "text": "B."}\n', encoding="utf-8")
    articles, rejected = load_articles([tmp_path])
    assert articles["article_id"].tolist() == ["1", "1~2"]
    assert rejected["reason"].item().startswith("duplicate of the record at")


def test_streaming_is_chunked_and_bounded(tmp_path):
    path = tmp_path / "many.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i in range(2500):
            f.write(json.dumps({"id": i, "text": f"Artikel {i}. Die Gespräche gingen weiter."}) + "\n")
    sizes = [len(chunk.articles) for chunk in iter_articles([path], chunk_size=1000)]
    assert sizes == [1000, 1000, 500]


# --- metadata -----------------------------------------------------------------------------------

@pytest.mark.parametrize("raw,expected", [
    ("2019-04-26", "2019-04-26"), ("2019-04-26T10:30:00+02:00", "2019-04-26 08:30"), ("26.04.2019", "2019-04-26"),
    ("26. April 2019", "2019-04-26"), ("3. März 2020", "2020-03-03"), ("April 26, 2019", "2019-04-26"),
    ("26 April 2019", "2019-04-26"), ("Sept. 3, 2021", "2021-09-03"), ("Mittwoch, 24. April 2019, 18:05 Uhr", "2019-04-24"),
])
def test_parse_date(raw, expected):
    assert parse_date(raw) == pd.Timestamp(expected)


@pytest.mark.parametrize("raw", ["", "gestern", None, "31.02.2019", "2019-13-45"])
def test_parse_date_unknown_is_nat(raw):
    assert parse_date(raw) is pd.NaT


def test_detect_language_and_override(tmp_path):
    assert detect_language("Die Regierung hat sich für eine Normalisierung der Beziehungen ausgesprochen.") == "de"
    assert detect_language("The government has called for a normalisation of relations with the north.") == "en"
    assert detect_language("12345 !!!") == "und"
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert load_articles([tmp_path], lang="en").articles["lang"].item() == "en"


def test_decode_bytes():
    assert decode_bytes("Grüße".encode()) == ("Grüße", "utf-8")
    assert decode_bytes("\ufeffGrüße".encode()) == ("Grüße", "utf-8")
    with pytest.raises(RecordError, match="empty"):
        decode_bytes(b"  \n")
