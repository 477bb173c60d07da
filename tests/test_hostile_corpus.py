"""Hostile corpus, part two: damaged compressed files and archives, JSON nested past the recursion
limit, CSV with an unclosed quotation mark, overlong lines, declared HTML charsets and pages
without an article. Every case is generated here; for each, loaded + rejected = records seen."""
import gzip
import io
import json
import zipfile
import zlib

import pandas as pd
import pytest

from analysis.corpus import load_articles


def _line(i: int) -> str:
    return json.dumps({"id": f"r{i}", "text": f"Nachricht Nummer {i}. " * 300}) + "\n"


LINES = "".join(_line(i) for i in range(20)).encode()


def _load(path):
    articles, rejected = load_articles([path], errors="collect")
    return articles, rejected


def test_truncated_gzip_keeps_every_whole_line_and_rejects_the_damage_once(tmp_path):
    packed = gzip.compress(LINES)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) * 2 // 3])
    articles, rejected = _load(path)

    whole = zlib.decompressobj(wbits=31).decompress(packed[: len(packed) * 2 // 3]).count(b"\n")
    assert len(articles) == whole > 2
    assert articles["article_id"].tolist() == [f"r{i}" for i in range(whole)]
    assert rejected.values.tolist() == [[f"{path}:{whole + 1}", "truncated gzip stream (it ends before its end-of-stream marker)"]]
    assert len(articles) + len(rejected) == whole + 1  # the whole lines and the damaged rest


def test_trailing_junk_after_gzip_keeps_all_records(tmp_path):
    path = tmp_path / "junk.jsonl.gz"
    path.write_bytes(gzip.compress(LINES) + b"not gzip at all")
    articles, rejected = _load(path)
    assert len(articles) == 20
    assert rejected.values.tolist() == [[f"{path}:21", "bytes after the end of the gzip stream that are not gzip data"]]


def test_concatenated_gzip_members_are_one_stream(tmp_path):
    path = tmp_path / "two.jsonl.gz"
    path.write_bytes(gzip.compress(LINES[: LINES.index(b"\n") + 1]) + gzip.compress(_line(99).encode()))
    articles, rejected = _load(path)
    assert articles["article_id"].tolist() == ["r0", "r99"] and rejected.empty


def test_damaged_gzip_document_is_one_rejected_row(tmp_path):
    path = tmp_path / "doc.json.gz"
    packed = gzip.compress(json.dumps([{"text": "Ein Text."}] * 50).encode())
    path.write_bytes(packed[:-12])
    articles, rejected = _load(path)
    assert articles.empty and rejected["origin"].tolist() == [str(path)]


def test_zip_bad_crc_encrypted_and_truncated_members(tmp_path):
    buf = io.BytesIO()
    packed = gzip.compress(LINES)
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("bad.jsonl", _line(1))
        archive.writestr("good.jsonl", _line(50))
        archive.writestr("cut.jsonl.gz", packed[: len(packed) // 2])
        archive.writestr("locked.jsonl", _line(3))
    data = bytearray(buf.getvalue())
    data[data.find(b"Nachricht Nummer 1")] ^= 1  # the stored bytes no longer match the checksum
    locked = data.find(b"locked.jsonl")  # local header: set the encryption flag (offset 6 of the header)
    data[locked - 30 + 6] |= 1
    central = data.find(b"locked.jsonl", locked + 1)
    data[central - 46 + 8] |= 1
    path = tmp_path / "mixed.zip"
    path.write_bytes(bytes(data))
    articles, rejected = _load(path)
    reasons = dict(rejected.values.tolist())
    assert reasons[f"{path}!bad.jsonl"].startswith("damaged or unsupported archive member: Bad CRC-32")
    assert reasons[f"{path}!locked.jsonl"] == "encrypted archive member (a password is needed)"
    cut = [o for o in reasons if o.startswith(f"{path}!cut.jsonl.gz:")]
    assert len(cut) == 1 and reasons[cut[0]].startswith("truncated gzip")
    recovered = int(cut[0].rsplit(":", 1)[1]) - 1
    assert "r50" in set(articles["article_id"]) and recovered > 0
    assert len(articles) == 1 + recovered and len(rejected) == 3


@pytest.mark.parametrize("name,content", [("deep.json", "[" * 100_000 + "]" * 100_000),
                                          ("deep.jsonl", '{"text": "ok"}\n' + '{"a":' * 100_000 + "1" + "}" * 100_000 + "\n")])
def test_json_nested_past_the_recursion_limit_is_rejected(tmp_path, name, content):
    (tmp_path / name).write_text(content)
    articles, rejected = _load(tmp_path / name)
    assert rejected["reason"].str.startswith("JSON nested too deeply").tolist() == [True]
    assert len(articles) == (1 if name.endswith("l") else 0)


@pytest.mark.parametrize("content,loaded,rejected_at", [
    ('id,text\n1,"unclosed\n2,zwei\n3,drei\n', ["2", "3"], 2),
    ('id,text\n1,eins\n2,"unclosed at the end', ["1"], 3),
    ('id,text\n1,"eins"\n2,"unclosed\n3,"drei"\n4,vier\n', ["1", "3", "4"], 3),
])
def test_unclosed_csv_quote_is_rejected_at_its_line_and_the_rest_recovered(tmp_path, content, loaded, rejected_at):
    path = tmp_path / "q.csv"
    path.write_text(content)
    articles, rejected = _load(path)
    assert articles["article_id"].tolist() == loaded
    assert rejected["origin"].tolist() == [f"{path}:{rejected_at}"]
    assert rejected["reason"].str.startswith("unclosed quotation mark").all()


def test_multi_line_and_sloppy_csv_fields_still_load(tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text('id,text\n1,"zwei\nZeilen"\n2,"x" y\n')
    articles, rejected = _load(path)
    assert articles["text"].tolist() == ["zwei\nZeilen", "x y"] and rejected.empty


@pytest.mark.parametrize("name,make", [
    ("long.jsonl", lambda n: '{"text": "ok"}\n{"text": "' + "x" * n + '"}\n{"text": "auch ok"}\n'),
    ("long.csv", lambda n: "text\nok\n" + "x" * n + "\nauch ok\n"),
    ("longquoted.csv", lambda n: 'text\nok\n"' + "x\n" * (n // 2) + '"\nauch ok\n'),
])
def test_overlong_records_are_rejected_by_size(tmp_path, name, make):
    path = tmp_path / name
    path.write_text(make(5_000))
    articles, rejected = load_articles([path], errors="collect", max_chars=1_000)
    assert articles["text"].tolist() == ["ok", "auch ok"] or name == "longquoted.csv"
    assert rejected["reason"].str.contains("record too large|unclosed quotation").all()
    assert len(articles) >= 2 and len(rejected) >= 1


def test_declared_html_charset_is_honoured(tmp_path):
    body = "<p>Der Präsident sagte, die Gespräche seien konstruktiv gewesen und würden fortgesetzt.</p>" * 3
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><article>{body}</article></body></html>'
    russian = page.replace("Der Präsident sagte", "Президент сказал")
    (tmp_path / "ru.html").write_bytes(russian.encode("cp1251", errors="replace"))
    articles, rejected = _load(tmp_path / "ru.html")
    assert "Президент сказал" in articles.loc[0, "text"] and articles.loc[0, "encoding"] == "windows-1251"


def test_navigation_only_page_is_no_article(tmp_path):
    (tmp_path / "nav.html").write_text("<html><body><nav>x</nav><footer>Impressum</footer></body></html>")
    articles, rejected = _load(tmp_path / "nav.html")
    assert articles.empty
    assert rejected["reason"].tolist() == ["no article text (the page holds only navigation, header, footer or scripts)"]


def test_commands_collect_bad_records_of_a_named_file_by_default(tmp_path, capsys):
    from analysis.cli import main

    path = tmp_path / "one.jsonl"
    path.write_text('{"id": "a", "text": "Eins."}\n{"text": broken\n{"id": "a", "text": "Eins."}\n{"id": "b", "text": ""}\n')
    assert main(["load", str(path), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 articles loaded, 3 rejected")
    rejected = pd.read_parquet(tmp_path / "out" / "rejected.parquet")
    assert rejected["origin"].tolist() == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert rejected["reason"].str.startswith("empty text").tolist() == [False, False, True]
    assert main(["load", str(path), "--out", str(tmp_path / "strict"), "--errors", "raise"]) == 2
    assert f"{path}:2: malformed JSON line" in capsys.readouterr().err
