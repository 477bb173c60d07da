"""Hostile inputs to the loaders: byte-order marks, UTF-16/32, CR-only line ends, empty texts,
two-digit and placeholder dates, wrong argument types. Every case is generated here; every record
is loaded or rejected with a reason (loaded + rejected = records written)."""
import gzip

import pandas as pd
import pytest

from analysis.corpus import load_articles, parse_date
from analysis.errors import InputError

RECORDS = [{"id": "a", "text": "Der erste Text."}, {"id": "b", "text": "Der zweite Text."}]
JSONL = "".join(f'{{"id": "{r["id"]}", "text": "{r["text"]}"}}\n' for r in RECORDS)
CSV_TEXT_FIRST = "text,id\n" + "".join(f'{r["text"]},{r["id"]}\n' for r in RECORDS)
CSV_ID_FIRST = "id,text\n" + "".join(f'{r["id"]},{r["text"]}\n' for r in RECORDS)


def _load(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    return load_articles([tmp_path])


@pytest.mark.parametrize("name,content", [
    ("bom.jsonl", JSONL), ("bom.csv", CSV_TEXT_FIRST), ("bom-id.csv", CSV_ID_FIRST), ("bom.jsonl.gz", JSONL)])
@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-32"])
def test_byte_order_marks_lose_no_record_and_keep_ids(tmp_path, name, content, encoding):
    if encoding.endswith("-bom"):  # a mark of the named byte order, then the text in that order
        codec = encoding[:-4]
        data = ("\ufeff" + content).encode(codec)
    else:
        data = content.encode(encoding)
    articles, rejected = _load(tmp_path, name, data)
    assert rejected.empty, rejected.to_dict("records")
    assert articles["article_id"].tolist() == ["a", "b"]
    assert articles["text"].tolist() == [r["text"] for r in RECORDS]


def test_utf16_plain_text_article(tmp_path):
    articles, rejected = _load(tmp_path, "a.txt", "Titel\n\nDer Text des Artikels.".encode("utf-16"))
    assert rejected.empty and articles["title"].tolist() == ["Titel"]
    assert articles["text"].iloc[0].endswith("Der Text des Artikels.")


@pytest.mark.parametrize("name,content", [("cr.jsonl", JSONL), ("cr.csv", CSV_ID_FIRST)])
def test_carriage_return_line_ends_split_records(tmp_path, name, content):
    articles, rejected = _load(tmp_path, name, content.replace("\n", "\r").encode())
    assert rejected.empty and articles["article_id"].tolist() == ["a", "b"]
    articles, rejected = _load(tmp_path, name, content.replace("\n", "\r\n").encode())
    assert rejected.empty and articles["article_id"].tolist() == ["a", "b"]
    assert "\r" not in "".join(articles["text"])


def test_empty_text_is_its_own_reason(tmp_path):
    lines = ['{"id": "a", "text": ""}', '{"id": "b", "text": null}', '{"id": "c", "text": "  \\n "}',
             '{"id": "d", "body": "Ein Text."}', '{"id": "e", "title": "nur ein Titel"}']
    articles, rejected = _load(tmp_path, "e.jsonl", "\n".join(lines).encode())
    assert articles["article_id"].tolist() == ["d"]
    reasons = dict(zip(rejected["origin"].str.rsplit(":", n=1).str[1], rejected["reason"]))
    assert all(reasons[k].startswith("empty text") for k in ("1", "2", "3"))
    assert reasons["5"].startswith("no text field")
    assert len(articles) + len(rejected) == len(lines)


def test_empty_text_in_a_named_file_raises_that_reason(tmp_path):
    path = tmp_path / "one.jsonl"
    path.write_text('{"id": "a", "text": ""}\n')
    with pytest.raises(InputError, match="empty text"):
        load_articles([path])


@pytest.mark.parametrize("raw,expected", [
    ("31.12.99", "1999-12-31"), ("01.01.69", "1969-01-01"), ("12.03.05", "2005-03-12"), ("31.12.25", "2025-12-31")])
def test_two_digit_years_take_the_posix_pivot(raw, expected):
    assert parse_date(raw) == pd.Timestamp(expected)


@pytest.mark.parametrize("raw", ["0001-01-01", "1212-05-01", "9999-12-31", "01.01.1000"])
def test_placeholder_dates_are_unknown(raw):
    assert parse_date(raw) is pd.NaT


def test_placeholder_date_loads_the_record_without_a_date(tmp_path):
    articles, rejected = _load(tmp_path, "d.jsonl", b'{"id": "a", "text": "Ein Text.", "date": "0001-01-01"}\n')
    assert rejected.empty and articles["date"].isna().all()


@pytest.mark.parametrize("paths,message", [
    (None, "got NoneType"), (3, "got int"), ([None], "items, got NoneType"), (b"data", "got bytes")])
def test_wrong_argument_types_are_input_errors(paths, message):
    with pytest.raises(InputError, match=message):
        load_articles(paths)


def test_linked_folders_loops_and_dangling_links(tmp_path):
    corpus, elsewhere = tmp_path / "corpus", tmp_path / "elsewhere"
    corpus.mkdir()
    elsewhere.mkdir()
    (corpus / "b.jsonl").write_text('{"id": "b", "text": "Ein Text."}\n')
    (elsewhere / "a.jsonl").write_text('{"id": "a", "text": "Ein anderer Text."}\n')
    (corpus / "linked").symlink_to(elsewhere, target_is_directory=True)
    (corpus / "again").symlink_to(elsewhere, target_is_directory=True)  # a second way into the same folder
    (corpus / "loop").symlink_to(corpus, target_is_directory=True)
    (corpus / "gone.jsonl").symlink_to(tmp_path / "missing.jsonl")
    articles, rejected = load_articles([corpus])
    assert sorted(articles["article_id"]) == ["a", "b"]  # the linked folder is read once
    reasons = dict(zip(rejected["origin"].map(lambda o: o.rsplit("/", 1)[-1]), rejected["reason"]))
    assert set(reasons) == {"again", "loop", "gone.jsonl"} or set(reasons) == {"linked", "loop", "gone.jsonl"}
    assert reasons["loop"].startswith("linked folder skipped") and reasons["gone.jsonl"].startswith("dangling link")
