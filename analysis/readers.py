"""Read input files into raw records: decoding, file formats, compressed streams and archives.

Each reader yields a :class:`Record` (the fields of one input record, with its origin
``file:line``) or a :class:`Reject` (origin and reason); :mod:`analysis.corpus` turns records into
article rows. Damaged input is recovered as far as it can be read: every whole line of a damaged
gzip stream, the valid members of a zip archive, CSV rows after an unclosed quotation mark.

>>> [type(r).__name__ for r in records_from_bytes(b'{"text": "a"}\\n{', "x.jsonl", ".jsonl", 1000)]
['Record', 'Reject']
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import logging
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from analysis.tables import bom_encoding

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md"}
RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson", ".csv", ".tsv", ".parquet", ".html", ".htm"}
LINE_SUFFIXES = {".jsonl", ".ndjson", ".csv", ".tsv"}  # streamed record by record
SUPPORTED = TEXT_SUFFIXES | RECORD_SUFFIXES | {".gz", ".zip"}
NESTED_TOO_DEEP = "JSON nested too deeply to read (more levels than Python's recursion limit)"
WIDE_UNICODE = ("utf-16", "utf-32")  # decoded by their byte-order mark's codec


class RecordError(Exception):
    """A record that cannot become an article; the message is the rejection reason."""


@dataclass
class Record:
    """The fields of one input record, where it came from and how it was decoded."""

    fields: dict
    origin: str
    encoding: str | None = None
    own_fields: bool = False  # fields named by the toolkit (text and HTML pages): no user mapping
    page: bool = False  # a plain-text news page, split by parse_text_article once it is re-flowed


@dataclass
class Reject:
    """An input that yields no record: where (``file:line``) and why."""

    origin: str
    reason: str


# --- decoding ---------------------------------------------------------------------------------

def decode_bytes(data: bytes, *, name: str = "<bytes>") -> tuple[str, str]:
    """Decode ``data`` by its byte-order mark (UTF-8, UTF-16, UTF-32), else as UTF-8, else cp1252,
    else latin-1; return ``(text, encoding)``. Line ends become ``\\n``.

    Raises :class:`RecordError` for empty or binary content (NUL bytes or many control characters).

    >>> decode_bytes("Größe".encode("cp1252"))
    ('Größe', 'cp1252')
    """
    if not data.strip():
        raise RecordError("empty file")
    bom = bom_encoding(data)
    if bom in WIDE_UNICODE:
        try:
            text = data.decode(bom)
        except UnicodeDecodeError as exc:
            raise RecordError(f"invalid {bom} (byte-order mark found, but byte {exc.start} does not decode)") from None
        return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"), bom
    if b"\x00" in data[:8192]:
        raise RecordError("binary file (contains NUL bytes)")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(2, len(sample) // 100):
        raise RecordError(f"binary or undecodable content ({controls} control characters in the first {len(sample)})")
    if encoding != "utf-8-sig":
        log.warning("%s: not valid UTF-8, decoded as %s", name, encoding)
    return text.replace("\r\n", "\n").replace("\r", "\n"), "utf-8" if encoding == "utf-8-sig" else encoding


# --- readers: each yields Record or Reject ----------------------------------------------------

def records_from_bytes(data: bytes, name: str, suffix: str, max_chars: int) -> Iterator[Record | Reject]:
    """Records of a whole-file format held in memory."""
    try:
        declared = _declared_charset(data) if suffix in (".html", ".htm") else None
        text, encoding = (data.decode(declared), declared) if declared else decode_bytes(data, name=name)
    except RecordError as exc:
        yield Reject(name, str(exc))
        return
    if suffix in TEXT_SUFFIXES:
        yield Record({"text": text}, name, encoding, own_fields=True, page=True)
    elif suffix in (".html", ".htm"):
        yield _html_record(text, name, encoding)
    elif suffix == ".json":
        yield from _json_records(text, name, encoding)
    else:
        yield from _line_records(io.StringIO(text), name, suffix, encoding, 4 * max_chars)


_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag of its first 4 KB (``charset=`` or
    ``http-equiv`` content), if Python knows it and the page decodes with it and has no byte-order mark.

    >>> _declared_charset('<meta charset="windows-1251"><p>Привет</p>'.encode("cp1251"))
    'windows-1251'
    """
    m = _META_CHARSET.search(data[:4096])
    if bom_encoding(data) or not m:
        return None
    name = m.group(1).decode("ascii")
    try:
        codecs.lookup(name)
        data.decode(name)
    except (LookupError, UnicodeDecodeError):
        return None
    return name


_NON_ARTICLE = "//nav | //header | //footer | //aside | //script | //style | //noscript | //form | //head"


def _has_article_text(html: str) -> bool:
    """Whether a page has text outside navigation, header, footer, side bars, forms and scripts."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return True  # left to trafilatura to judge
    for element in root.xpath(_NON_ARTICLE):
        element.drop_tree()
    return bool(root.text_content().strip())


def _html_record(html: str, name: str, encoding: str) -> Record | Reject:
    import trafilatura

    if not _has_article_text(html):
        return Reject(name, "no article text (the page holds only navigation, header, footer or scripts)")

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True)
    if doc is None:
        return Reject(name, "no main text found in HTML")
    doc = doc if isinstance(doc, dict) else doc.as_dict()
    if not (doc.get("text") or "").strip():
        return Reject(name, "no main text found in HTML")
    body = "\n\n".join(p.strip() for p in doc["text"].split("\n") if p.strip())
    fields = {"text": body, "title": doc.get("title"), "lead": doc.get("description"), "date": doc.get("date"),
              "source": doc.get("sitename") or doc.get("hostname"), "author": doc.get("author"), "url": doc.get("url")}
    return Record(fields, name, encoding, own_fields=True)


def _json_records(text: str, name: str, encoding: str) -> Iterator[Record | Reject]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Reject(f"{name}:{exc.lineno}", f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
        return
    except RecursionError:
        yield Reject(name, NESTED_TOO_DEEP)
        return
    if isinstance(data, list):
        for i, item in enumerate(data):
            yield Record(item, f"{name}#{i}", encoding)
    else:
        yield Record(data, name, encoding)


class _Overlong:
    """Stands for a line longer than the record size limit, skipped unread (see :func:`_decoded_lines`)."""


class _RecordTooLong(Exception):
    """A CSV record grew past the record size limit, or met an overlong line."""


class _CsvLines:
    """The lines fed to :mod:`csv`: counted, each record's lines kept (up to ``limit`` characters)
    so that they can be read again after an unclosed quotation mark ran into them."""

    def __init__(self, lines: Iterable, limit: int):
        self.lines, self.limit, self.replay, self.number = iter(lines), limit, [], 0
        self.start()

    def start(self) -> None:
        self.taken, self.size = [], 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = self.replay.pop() if self.replay else next(self.lines)
        self.number += 1
        self.taken.append(line)
        if isinstance(line, _Overlong):
            raise _RecordTooLong
        self.size += len(line)
        if self.size > self.limit:
            raise _RecordTooLong
        return line

    def rewind(self) -> None:
        """Read every line of the failed record but its first again."""
        self.number -= len(self.taken) - 1
        self.replay.extend(reversed(self.taken[1:]))


def _line_records(stream: Iterable, name: str, suffix: str, encoding: str | None, limit: int) -> Iterator[Record | Reject]:
    """Records of JSON Lines, CSV or TSV read from lines of text, one at a time.

    A line (JSON Lines) or CSV record longer than ``limit`` characters is rejected; a CSV field
    whose quotation mark is never closed is rejected at the line it starts on, and the lines it
    ran into are read again as rows of their own."""
    too_long = f"record too large (more than {limit:,} bytes, 4 x max_chars); skipped unread"
    if suffix in (".jsonl", ".ndjson"):
        for lineno, line in enumerate(stream, 1):
            if isinstance(line, _Overlong):
                yield Reject(f"{name}:{lineno}", too_long)
                continue
            if not line.strip():
                continue
            try:
                yield Record(json.loads(line), f"{name}:{lineno}", encoding)
            except json.JSONDecodeError as exc:
                yield Reject(f"{name}:{lineno}", f"malformed JSON line: {exc.msg} (column {exc.colno})")
            except RecursionError:
                yield Reject(f"{name}:{lineno}", NESTED_TOO_DEEP)
        return
    csv.field_size_limit(2**31 - 1)  # sizes are checked by _CsvLines
    delimiter = "\t" if suffix == ".tsv" else ","
    lines = _CsvLines(stream, limit)
    header = None
    while True:
        lines.start()
        first = lines.number + 1
        try:
            row = next(csv.reader(lines, delimiter=delimiter, strict=True))
        except StopIteration:
            if header is None:
                yield Reject(name, "empty file")
            return
        except (csv.Error, _RecordTooLong) as exc:
            if len(lines.taken) > 1 or "unexpected end of data" in str(exc):
                yield Reject(f"{name}:{first}", "unclosed quotation mark: the field runs on into the following lines, which are read again as rows")
                lines.rewind()
                continue
            if isinstance(exc, _RecordTooLong):
                yield Reject(f"{name}:{first}", too_long)
                continue
            # a stray character after a closing quotation mark on one line: read leniently, as before
            row = next(csv.reader(lines.taken, delimiter=delimiter))
        if header is None:
            header = row
            continue
        if not any(cell.strip() for cell in row):
            continue
        origin = f"{name}:{lines.number}"
        if len(row) != len(header):
            yield Reject(origin, f"expected {len(header)} columns, found {len(row)}")
            continue
        yield Record(dict(zip(header, row)), origin, encoding)


class _Prefixed(io.RawIOBase):
    """A binary stream that first replays ``head`` (bytes already read) and then reads ``raw``."""

    def __init__(self, head: bytes, raw: IO[bytes]):
        self.head, self.raw = head, raw

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.head[: len(buffer)] if self.head else self.raw.read(len(buffer))
        self.head = self.head[len(data):] if self.head else b""
        buffer[: len(data)] = data
        return len(data)


class _GzipStream(io.RawIOBase):
    """Decompressed bytes of a gzip stream (several members in a row allowed) that stops at damage
    instead of raising: a truncated stream or bytes after the last member set :attr:`damage`, and
    the bytes after the last line end before the damage are held back, so readers see only whole
    lines. :attr:`lines` counts the line ends delivered."""

    def __init__(self, raw: IO[bytes]):
        self.raw, self.damage, self.lines = raw, None, 0
        self.inflate, self.out, self.tail, self.started = zlib.decompressobj(wbits=31), b"", b"", False

    def readable(self) -> bool:
        return True

    def _fill(self) -> bool:
        """Decompress more input into :attr:`out`; False at the end (or the damage) of the stream."""
        while not self.out:
            if self.damage is not None:
                return False
            if self.inflate.eof:
                rest = self.inflate.unused_data or self.raw.read(2)
                if not rest:
                    self.out, self.tail = self.tail, b""
                    return bool(self.out)
                if not rest.startswith(b"\x1f\x8b"[: len(rest)]):
                    self.damage = "bytes after the end of the gzip stream that are not gzip data"
                    return False
                self.inflate = zlib.decompressobj(wbits=31)
                data = rest
            else:
                data = self.raw.read(1 << 16)
                if not data:
                    self.damage = "truncated gzip stream (it ends before its end-of-stream marker)" if self.started else "empty gzip file"
                    return False
            try:
                chunk = self.tail + self.inflate.decompress(data)
            except zlib.error as exc:
                self.damage = f"damaged gzip data ({exc})"
                return False
            self.started = True
            cut = chunk.rfind(b"\n") + 1
            self.out, self.tail = chunk[:cut], chunk[cut:]
            if len(self.tail) > 1 << 20:  # a very long line: passed on, so that its size can be checked
                self.out, self.tail = self.out + self.tail, b""
            self.lines += self.out.count(b"\n")
        return True

    def readinto(self, buffer) -> int:
        if not self._fill():
            return 0
        data, self.out = self.out[: len(buffer)], self.out[len(buffer):]
        buffer[: len(data)] = data
        return len(data)


def _decoded_lines(raw: IO[bytes], name: str, limit: int) -> Iterator[str | _Overlong]:
    """Lines of a binary stream decoded as UTF-8 (a leading byte-order mark dropped), falling back
    to cp1252 per line (logged once). A line holding carriage returns is split at them, so files
    with old Mac line ends (CR only) give one line per record; ``\\r\\n`` becomes ``\\n``.
    A line longer than ``limit`` bytes is skipped in blocks, never held whole, and stands as an
    :class:`_Overlong`."""
    warned = False
    first = True
    while line := raw.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := raw.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            first = False
            yield _Overlong()
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            if not warned:
                log.warning("%s: lines that are not valid UTF-8 decoded as cp1252", name)
                warned = True
            text = line.decode("cp1252", errors="replace")
        if first:
            text, first = text.removeprefix("\ufeff"), False
        if "\r" in text:
            yield from text.replace("\r\n", "\n").replace("\r", "\n").splitlines(keepends=True)
        else:
            yield text


def _records_from_stream(raw: IO[bytes], name: str, suffix: str, max_chars: int) -> Iterator[Record | Reject]:
    """Records of a file opened in binary mode; line formats are streamed, others read whole."""
    if suffix in LINE_SUFFIXES:
        head = raw.read(8192)
        bom = bom_encoding(head)
        if bom in WIDE_UNICODE:  # UTF-16/32: decoded by the mark's codec, line ends as the text has them
            text = io.TextIOWrapper(io.BufferedReader(_Prefixed(head, raw)), encoding=bom, errors="replace", newline=None)
            yield from _line_records(text, name, suffix, bom, 4 * max_chars)
        elif not head.strip():
            yield Reject(name, "empty file")
        elif b"\x00" in head:
            yield Reject(name, "binary file (contains NUL bytes)")
        else:
            # large reads: fewer calls through the Python-level stream wrappers
            lines = _decoded_lines(io.BufferedReader(_Prefixed(head, raw), buffer_size=1 << 16), name, 4 * max_chars)
            yield from _line_records(lines, name, suffix, "utf-8", 4 * max_chars)
        return
    data = raw.read(4 * max_chars + 1)
    if len(data) > 4 * max_chars:
        yield Reject(name, f"file too large to read as one document (> {4 * max_chars:,} bytes); use JSON Lines or CSV")
        return
    yield from records_from_bytes(data, name, suffix, max_chars)


def _gzip_records(raw: IO[bytes], name: str, suffix: str, max_chars: int) -> Iterator[Record | Reject]:
    """Records of a gzip-compressed file: every whole line before damage to the stream is kept
    (line formats), and the damage is one rejected row at the line where it starts."""
    stream = _GzipStream(raw)
    items = _records_from_stream(io.BufferedReader(stream, buffer_size=1 << 16), name, suffix, max_chars)
    if suffix not in LINE_SUFFIXES:
        items = list(items)  # a document: nothing of it is kept when the stream is damaged
        if stream.damage is not None:
            items = [Reject(name, stream.damage)]
    yield from items
    if stream.damage is not None and suffix in LINE_SUFFIXES:
        yield Reject(f"{name}:{stream.lines + 1}", stream.damage)


def _parquet_records(path: Path, name: str) -> Iterator[Record | Reject]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # noqa: BLE001 (pyarrow raises several types for a broken file)
        yield Reject(name, f"unreadable Parquet file: {exc}")
        return
    row = 0
    for batch in pf.iter_batches(batch_size=2000):
        for item in batch.to_pylist():
            yield Record(item, f"{name}#{row}", None)
            row += 1


def _unsafe_member(member: str) -> bool:
    path = PurePosixPath(member.replace("\\", "/"))
    return path.is_absolute() or ".." in path.parts or re.match(r"^[A-Za-z]:", member) is not None


def _member_problem(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> str | None:
    """Why a zip member cannot be read (encrypted, unsupported compression, damaged), or None.

    The member is read through once, in blocks, so that a bad checksum is found before any of
    its records is loaded."""
    if info.flag_bits & 0x1:
        return "encrypted archive member (a password is needed)"
    try:
        with archive.open(info) as raw:
            while raw.read(1 << 20):
                pass
    except (zipfile.BadZipFile, NotImplementedError, EOFError, zlib.error, OSError) as exc:
        return f"damaged or unsupported archive member: {exc}"
    return None


def file_records(path: Path, name: str, max_chars: int) -> Iterator[Record | Reject]:
    """Records of one file of any supported format (archives and .gz included)."""
    suffix = path.suffix.lower()
    if suffix == ".zip":
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile as exc:
            yield Reject(name, f"not a readable zip archive: {exc}")
            return
        with archive:
            for info in archive.infolist():
                member = f"{name}!{info.filename}"
                inner = PurePosixPath(info.filename).suffix.lower()
                if info.is_dir():
                    continue
                if _unsafe_member(info.filename):
                    yield Reject(member, "unsafe archive member name (absolute or escapes the archive folder)")
                elif inner != ".gz" and inner not in TEXT_SUFFIXES | RECORD_SUFFIXES - {".parquet"}:
                    yield Reject(member, f"unsupported file type {inner or '(none)'!r} in archive")
                elif (problem := _member_problem(archive, info)) is not None:
                    yield Reject(member, problem)
                elif inner == ".gz":
                    with archive.open(info) as raw:
                        yield from _gzip_records(raw, member, PurePosixPath(info.filename[:-3]).suffix.lower(), max_chars)
                else:
                    with archive.open(info) as raw:
                        yield from _records_from_stream(raw, member, inner, max_chars)
        return
    if suffix == ".gz":
        inner = Path(path.stem).suffix.lower()
        if inner not in TEXT_SUFFIXES | RECORD_SUFFIXES - {".parquet"}:
            yield Reject(name, f"unsupported file type {inner or '(none)'!r} inside .gz")
            return
        with open(path, "rb") as raw:
            if raw.read(2) != b"\x1f\x8b":
                yield Reject(name, "not a gzip file (it does not start with the gzip signature)")
                return
            raw.seek(0)
            yield from _gzip_records(raw, name, inner, max_chars)
        return
    if suffix == ".parquet":
        yield from _parquet_records(path, name)
        return
    if path.stat().st_size == 0:
        yield Reject(name, "empty file")
        return
    with open(path, "rb") as raw:
        yield from _records_from_stream(raw, name, suffix, max_chars)


