"""Load news articles from files, folders, globs and archives into the ``articles`` table.

Every input record ends up either as a row of ``articles`` or as a row of ``rejected``
(``origin``, ``reason``): nothing is dropped silently. Formats, chosen by file suffix:

- ``.txt``/``.md``: one article per file, shaped like a news page (title line, optional teaser,
  body paragraphs, a dateline such as ``Wladiwostok/Düsseldorf`` opening the body, trailing site
  boilerplate removed), see :func:`parse_text_article`;
- ``.json`` (an object, a list of objects, or a German news quotation dataset document),
  ``.jsonl``/``.ndjson``, ``.csv``, ``.tsv``, ``.parquet``: records whose fields are mapped to
  columns by ``fields`` (defaults in :data:`FIELD_CANDIDATES`); other fields pass through;
- ``.html``/``.htm``: main text and metadata extracted with trafilatura;
- ``.gz`` of any of these, and ``.zip`` archives holding any of these.

>>> articles, rejected = load_articles(["data/putin-kim-wladiwostok.de.txt"])
>>> articles.loc[0, "dateline"], len(rejected)
('Wladiwostok/Düsseldorf', 0)
"""
from __future__ import annotations

import glob
import hashlib
import json
import logging
import os
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pandas as pd
from tqdm.auto import tqdm

from analysis.errors import InputError
from analysis.readers import (  # decode_bytes: part of this module's API
    NESTED_TOO_DEEP,
    SUPPORTED,
    Record,
    RecordError,
    Reject,
    decode_bytes,  # noqa: F401
    file_records,
)
from analysis.resources import ROOT, languages, table, wordlist
from analysis.text_shape import reflow, shape_text

log = logging.getLogger(__name__)

ARTICLE_COLUMNS = ["article_id", "title", "lead", "dateline", "date", "source", "lang", "text", "origin"]
REJECTED_COLUMNS = ["origin", "reason"]

#: Field names tried, in order, for each column when ``fields`` does not name one.
FIELD_CANDIDATES = {
    "id": ["article_id", "id", "doc_id", "uuid", "url"],
    "text": ["text", "body", "content", "article", "fulltext", "maintext", "originalText"],
    "title": ["title", "headline", "documentName"],
    "lead": ["lead", "teaser", "description", "summary", "subtitle"],
    "dateline": ["dateline"],
    "date": ["date", "published", "date_published", "publication_date", "datetime", "time", "pubdate"],
    "source": ["source", "outlet", "publisher", "sitename", "site", "hostname"],
    "lang": ["lang", "language"],
}
DEFAULT_MAX_CHARS = 20_000_000
EARLIEST_DATE = pd.Timestamp("1700-01-01")  # older dates are placeholders, not news
LATEST_DATE = pd.Timestamp.now().normalize() + pd.DateOffset(years=2)  # later ones are typos



DATELINE_RE = re.compile(
    r"^(?P<dateline>(?:[A-ZÄÖÜ][\w.'’-]*)(?:[ /][A-ZÄÖÜ][\w.'’-]*){0,3}(?:\s*\([\w/ .-]{2,30}\))?)"
    r"(?:\s+[–—-]\s+|\s+(?=(?:Der|Die|Das|Ein|Eine|Im|In|Am|An|Auf|Bei|Nach|Mit|Seit|Zum|Zur|Vor|Wie"
    r"|The|A|An|On|At|After|For)\s))"
)


class LoadResult(NamedTuple):
    """What :func:`load_articles` returns: the loaded articles and the rejected records."""

    articles: pd.DataFrame
    rejected: pd.DataFrame



# --- plain-text articles ----------------------------------------------------------------------

@cache
def _boilerplate() -> re.Pattern:
    patterns = [p for lang in languages() if (ROOT / lang / "boilerplate.txt").exists() for p in wordlist(lang, "boilerplate")]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def parse_text_article(text: str) -> dict:
    """Split a plain-text news page into ``title``, ``lead``, ``dateline`` and ``text``.

    The first line is the title. A dateline (``Berlin (dpa) –``, ``Wladiwostok/Düsseldorf Der …``)
    opening one of the next three paragraphs marks the start of the body; paragraphs between the
    title and it are the lead. Without a dateline, a short second paragraph set off by a blank
    line is the lead. Trailing boilerplate paragraphs (patterns in ``resources/<lang>/boilerplate.txt``)
    are removed. Body paragraphs are joined by a blank line.

    >>> parse_text_article("Titel\\n\\nBerlin (dpa) – Es regnet.\\nMehr zum Thema: Wetter")
    {'title': 'Titel', 'lead': '', 'dateline': 'Berlin (dpa)', 'text': 'Es regnet.'}
    """
    blocks = [[ln.strip() for ln in block.split("\n") if ln.strip()] for block in re.split(r"\n\s*\n", text.strip())]
    paragraphs = [p for block in blocks for p in block]
    if len(paragraphs) < 2:
        return {"title": "", "lead": "", "dateline": "", "text": "\n\n".join(paragraphs)}
    while len(paragraphs) > 2 and _boilerplate().fullmatch(paragraphs[-1]):
        paragraphs.pop()
    title, rest = paragraphs[0], paragraphs[1:]
    lead, dateline = [], ""
    for k, paragraph in enumerate(rest[:3]):
        m = DATELINE_RE.match(paragraph)
        if m and len(m.group("dateline")) <= 60:
            lead, dateline = rest[:k], m.group("dateline")
            rest = [paragraph[m.end():].lstrip(" –—-")] + rest[k + 1:]
            break
    else:
        second_block_is_lead = len(blocks) > 1 and len(blocks[0]) == 1 and len(blocks[1]) == 1 and len(rest) > 2
        if second_block_is_lead and len(rest[0]) <= 300:
            lead, rest = rest[:1], rest[1:]
    return {"title": title, "lead": "\n\n".join(lead), "dateline": dateline, "text": "\n\n".join(rest)}


# --- metadata ---------------------------------------------------------------------------------

@cache
def _month_numbers() -> dict[str, int]:
    months = {}
    for lang in languages():
        if (ROOT / lang / "months.tsv").exists():
            months.update({r.name: int(r.month) for r in table(lang, "months").itertuples()})
    return months


_DMY = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\b")
_D_MONTH_Y = re.compile(r"(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})\b")
_MONTH_D_Y = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")


def parse_date(value) -> pd.Timestamp:
    """Parse a date: ISO 8601, ``26.04.2019``, ``26. April 2019``, ``April 26, 2019``; NaT if unknown.

    Time-zone-aware values are converted to UTC and returned without a zone. A two-digit year
    takes the POSIX pivot of ``%y`` (69–99 → 1969–1999, 00–68 → 2000–2068). Dates before
    :data:`EARLIEST_DATE` or after :data:`LATEST_DATE` (two years ahead) are placeholders or typos: NaT.

    >>> parse_date("26. April 2019"), parse_date("Apr. 26, 2019").day, parse_date("kein Datum")
    (Timestamp('2019-04-26 00:00:00'), 26, NaT)
    >>> parse_date("31.12.99"), parse_date("0001-01-01")
    (Timestamp('1999-12-31 00:00:00'), NaT)
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return pd.NaT
    if isinstance(value, (datetime, pd.Timestamp)):
        ts = pd.Timestamp(value)
    else:
        s = str(value).strip()
        ts = pd.NaT
        if re.match(r"\d{4}-\d{2}-\d{2}", s):
            try:
                ts = pd.Timestamp(s)
            except ValueError:
                ts = pd.NaT
        else:
            months = _month_numbers()
            day = month = year = None
            if m := _DMY.search(s):
                day, month, year = int(m[1]), int(m[2]), int(m[3])
            elif (m := _D_MONTH_Y.search(s)) and m[2].lower() in months:
                day, month, year = int(m[1]), months[m[2].lower()], int(m[3])
            elif (m := _MONTH_D_Y.search(s)) and m[1].lower() in months:
                day, month, year = int(m[2]), months[m[1].lower()], int(m[3])
            if year is not None:
                year += (1900 if year >= 69 else 2000) if year < 100 else 0  # the POSIX pivot of %y
                try:
                    ts = pd.Timestamp(year=year, month=month, day=day)
                except ValueError:
                    ts = pd.NaT
    if ts is not pd.NaT and ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    if ts is not pd.NaT and not EARLIEST_DATE <= ts <= LATEST_DATE:
        return pd.NaT  # a placeholder (0001-01-01) or a typo, not a date of news
    return ts


_WORD = re.compile(r"[^\W\d_]+")


@cache
def _language_markers() -> dict[str, frozenset[str]]:
    lists = {lang: wordlist(lang, "stopwords") for lang in languages() if (ROOT / lang / "stopwords.txt").exists()}
    shared = set.intersection(*map(set, lists.values())) if len(lists) > 1 else set()
    return {lang: words - shared for lang, words in lists.items()}


def detect_language(text: str, *, sample: int = 5000) -> str:
    """Language code of ``text`` by its share of each language's function words; ``"und"`` if unclear.

    Looks at the first ``sample`` characters; a language wins with at least 3 hits and
    1.5 times the hits of the runner-up.

    >>> detect_language("Die Gespräche seien konstruktiv verlaufen, sagte er."), detect_language("The talks were good.")
    ('de', 'en')
    """
    words = [w.lower() for w in _WORD.findall(text[:sample])]
    scores = sorted(((sum(w in markers for w in words), lang) for lang, markers in _language_markers().items()), reverse=True)
    if not scores or scores[0][0] == 0:
        return "und"
    best, lang = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0
    short = len(words) < 12
    return lang if (best >= 3 or short) and best >= 1.5 * runner_up and best > runner_up else "und"


# --- records → rows ---------------------------------------------------------------------------

def _pick(record: dict, role: str, fields: dict[str, str], lowered: dict[str, str]):
    """Value and field name for ``role``: the mapped field, else the first candidate present.

    ``lowered`` maps the lower-cased form of each of the record's field names that is not lower
    case to that name (see :func:`_lowered_names`), for matching candidates case-insensitively.
    """
    if role in fields:
        name = fields[role]
        if name not in record:
            if role == "text":
                raise RecordError(f"no field {name!r} (mapped to text); fields present: {', '.join(map(str, record)) or 'none'}")
            return None, None
        return record[name], name
    for candidate in FIELD_CANDIDATES[role]:
        if record.get(candidate) not in (None, ""):
            return record[candidate], candidate
    for candidate in FIELD_CANDIDATES[role]:
        key = lowered.get(candidate.lower())
        if key is not None and record[key] not in (None, ""):
            return record[key], key
    return None, None


def _present_text_field(record: dict, fields: dict[str, str], lowered: dict[str, str]) -> str | None:
    """The name of a text field that is present but empty (None or ""), or None."""
    names = [fields["text"]] if "text" in fields else FIELD_CANDIDATES["text"]
    for candidate in names:
        for key in (candidate, lowered.get(candidate.lower())):
            if key is not None and key in record:
                return key
    return None


def _lowered_names(record: dict) -> dict[str, str]:
    """Lower-cased form -> name, for the record's field names that are not lower case.

    >>> _lowered_names({"Text": "…", "date": None})
    {'text': 'Text'}
    """
    return {str(k).lower(): k for k in record if str(k) != str(k).lower()}


def _flatten(value, prefix: str, out: dict) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _flatten(v, f"{prefix}.{k}", out)
    elif isinstance(value, (list, tuple)):
        out[prefix] = json.dumps(value, ensure_ascii=False, default=str)
    else:
        out[prefix] = value


def _to_row(rec: Record, *, fields: dict[str, str], lang: str | None, max_chars: int, key: str) -> dict:
    """One article row from a record, or :class:`RecordError` saying why not."""
    data = rec.fields
    if not isinstance(data, dict):
        raise RecordError(f"expected an object with a text field, found {type(data).__name__}")
    lowered = _lowered_names(data)
    text, text_key = _pick(data, "text", fields, lowered)
    if text is None and (empty := _present_text_field(data, fields, lowered)) is not None:
        raise RecordError(f"empty text (field {empty!r} is there but holds no text)")
    if text is None:
        wanted = fields.get("text") or ", ".join(FIELD_CANDIDATES["text"])
        raise RecordError(f"no text field (expected one of: {wanted}); fields present: {', '.join(map(str, data)) or 'none'}")
    if not isinstance(text, str):
        raise RecordError(f"field {text_key!r} holds {type(text).__name__}, expected text")
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise RecordError(f"empty text (field {text_key!r} holds only white space)")
    if len(text) > max_chars:
        raise RecordError(f"article too large ({len(text):,} characters > max_chars={max_chars:,})")
    row, used = {}, {text_key}
    for role in ("title", "lead", "dateline", "date", "source", "lang", "id"):
        value, name = _pick(data, role, fields, lowered)
        row[role] = value
        used.add(name)
    extra: dict = {}
    for k, v in data.items():
        if k not in used:
            _flatten(v, str(k), extra)
    article_id = row.pop("id")
    if article_id is None or article_id == "":
        article_id = hashlib.blake2b(f"{key}\x00{text}".encode(), digest_size=8).hexdigest()
    record_lang = row["lang"] if isinstance(row["lang"], str) and row["lang"] else None
    out = {
        "article_id": str(article_id),
        "title": str(row["title"] or ""),
        "lead": str(row["lead"] or ""),
        "dateline": str(row["dateline"] or ""),
        "date": parse_date(row["date"]),
        "source": str(row["source"] or ""),
        "lang": lang or record_lang or detect_language(text),
        "text": text,
        "origin": rec.origin,
        "encoding": rec.encoding,
    }
    out.update({k: v for k, v in extra.items() if k not in out})
    return out


# --- inputs -------------------------------------------------------------------------------------

def _walk(folder: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files below ``folder`` (hidden names skipped) and the entries that cannot be read.

    Linked folders are followed, each real folder once: a link back into a folder already read
    (a loop) or a second link to it is reported, as are dangling links and unreadable folders.
    """
    files, problems, seen = [], [], {os.path.realpath(folder)}

    def unreadable(exc: OSError) -> None:
        problems.append((str(exc.filename), f"unreadable folder: {exc.strerror}"))

    for root, dirs, names in os.walk(folder, followlinks=True, onerror=unreadable):
        keep = []
        for d in dirs:
            if d.startswith("."):
                continue
            real = os.path.realpath(os.path.join(root, d))
            if real in seen:
                problems.append((os.path.join(root, d), f"linked folder skipped: it leads to {real}, which is read already (a loop or a repeat)"))
                continue
            seen.add(real)
            keep.append(d)
        dirs[:] = keep
        for n in names:
            path = Path(root, n)
            if n.startswith("."):
                continue
            if path.is_file():
                files.append(path)
            elif path.is_symlink() and not path.exists():
                problems.append((str(path), f"dangling link: its target {os.readlink(path)} does not exist"))
    return sorted(files), problems


def _expand(paths: Iterable[str | Path]) -> tuple[list[tuple[Path, str]], bool, list[tuple[str, str]]]:
    """Files named by ``paths`` (files, folders, globs) with display names; whether any was a
    folder or glob; and (origin, reason) of folder entries that cannot be read (see :func:`_walk`)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    if not isinstance(paths, Iterable) or isinstance(paths, (bytes, dict)):
        raise InputError(f"paths: expected a file, folder or glob (str or Path) or a list of them, got {type(paths).__name__}")
    paths = list(paths)
    if bad := [p for p in paths if not isinstance(p, (str, Path))]:
        raise InputError(f"paths: expected str or Path items, got {type(bad[0]).__name__} ({bad[0]!r})")
    files, many, problems = [], False, []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            many = True
            found, bad = _walk(p)
            files += [(f, str(f)) for f in found]
            problems += bad
        elif p.is_file():
            files.append((p, str(p)))
        elif glob.has_magic(str(p)):
            many = True
            matches = sorted(Path(m) for m in glob.glob(str(p), recursive=True) if Path(m).is_file())
            if not matches:
                raise InputError(f"{p}: the pattern matches no file")
            files += [(m, str(m)) for m in matches]
        else:
            raise InputError(f"{p}: no such file or folder")
    return files, many, problems


def iter_articles(
    paths,
    *,
    fields: dict[str, str] | None = None,
    lang: str | None = None,
    errors: str | None = None,
    chunk_size: int = 1000,
    max_chars: int = DEFAULT_MAX_CHARS,
    progress: bool = False,
    text_shape: bool = True,
) -> Iterator[LoadResult]:
    """Stream :class:`LoadResult` chunks of at most ``chunk_size`` articles (same options as :func:`load_articles`).

    Memory stays bounded by the chunk size, not the corpus size.

    >>> sum(len(chunk.articles) for chunk in iter_articles(["data"], chunk_size=1))
    1
    """
    yield from _stream(paths, fields=fields, lang=lang, errors=errors, chunk_size=chunk_size, max_chars=max_chars,
                       progress=progress, text_shape=text_shape, defer_shape=False)


def iter_unshaped(paths, *, chunk_size: int = 1000, **options) -> Iterator[LoadResult]:
    """:func:`iter_articles` with the texts not yet shaped: :func:`shape_chunk` finishes each chunk.

    The records are read, checked and de-duplicated as by :func:`iter_articles` (the expensive
    re-flowing and markup removal are left to whoever calls :func:`shape_chunk`, e.g. the workers
    of a pipeline run). Both tables carry a ``position`` column (the record's place in the input)
    that :func:`shape_chunk` uses to keep the rejected rows in input order.

    >>> chunk = next(iter_unshaped(["data"]))
    >>> articles, rejected = shape_chunk(chunk.articles, chunk.rejected)
    >>> articles.equals(load_articles("data").articles)
    True
    """
    yield from _stream(paths, chunk_size=chunk_size, defer_shape=True, text_shape=True, **options)


def shape_chunk(articles: pd.DataFrame, rejected: pd.DataFrame) -> LoadResult:
    """A chunk of :func:`iter_unshaped` with its texts shaped, as :func:`iter_articles` gives it.

    An article left empty by the markup removal moves to ``rejected``; the ``position`` columns
    are dropped.
    """
    rows, emptied = [], []
    for row in articles.to_dict("records"):
        row["text"], row["text_shape"] = shape_text(row["text"], lang=row["lang"])
        if row["text"]:
            rows.append(row)
        else:
            emptied.append({"origin": row["origin"], "reason": EMPTY_AFTER_MARKUP, "position": row["position"]})
    if emptied:
        rejected = pd.concat([rejected, pd.DataFrame(emptied)], ignore_index=True).sort_values("position", kind="stable")
    shaped = _result([{k: v for k, v in row.items() if k != "position"} for row in rows], [])
    if not rows:  # no row to carry the column
        shaped.articles["text_shape"] = pd.Series(dtype=object)
    return LoadResult(shaped.articles, rejected.drop(columns="position").reset_index(drop=True))


EMPTY_AFTER_MARKUP = "empty text (nothing left after removing markup)"


def _stream(paths, *, fields=None, lang=None, errors=None, chunk_size: int, max_chars: int = DEFAULT_MAX_CHARS,
            progress: bool = False, text_shape: bool, defer_shape: bool) -> Iterator[LoadResult]:
    """The loader: records read, turned into rows, de-duplicated and (unless deferred) shaped."""
    files, many, problems = _expand(paths)
    errors = errors or ("collect" if many else "raise")
    if errors not in ("collect", "raise"):
        raise InputError(f"errors must be 'collect' or 'raise', got {errors!r}")
    fields = dict(fields or {})
    unknown = set(fields) - set(FIELD_CANDIDATES)
    if unknown:
        raise InputError(f"unknown field role(s) {', '.join(sorted(unknown))}; expected: {', '.join(FIELD_CANDIDATES)}")
    rows, rejected, ids, position = [], [], _ArticleIds(), 0

    def reject(origin: str, reason: str) -> None:
        if errors == "raise":
            raise InputError(f"{origin}: {reason}")
        rejected.append({"origin": origin, "reason": reason, **({"position": position} if defer_shape else {})})

    for origin, reason in problems:
        reject(origin, reason)
    bar = tqdm(total=len(files), disable=not progress, desc="load", unit="file")
    for path, name in files:
        if path.suffix.lower() not in SUPPORTED:
            reject(name, f"unsupported file type {path.suffix or '(none)'!r}; expected one of {', '.join(sorted(SUPPORTED))}")
        else:
            folder = str(path.parent)  # left out of the key that makes ids, so ids do not depend on where the data lies
            for item in file_records(path, name, max_chars):
                position += 1
                if isinstance(item, Reject):
                    reject(item.origin, item.reason)
                    continue
                try:
                    row = _record_row(item, fields=fields, lang=lang, max_chars=max_chars, folder=folder,
                                      text_shape=text_shape)
                    if (duplicate := ids.admit(row, item.origin)) is not None:
                        reject(item.origin, duplicate)
                        continue
                    if defer_shape:
                        row["position"] = position
                    elif text_shape:  # re-flow hard-wrapped lines, remove markup (analysis.text_shape)
                        row["text"], row["text_shape"] = shape_text(row["text"], lang=row["lang"])
                        if not row["text"]:
                            raise RecordError(EMPTY_AFTER_MARKUP)
                except RecordError as exc:
                    reject(item.origin, str(exc))
                    continue
                except RecursionError:
                    reject(item.origin, NESTED_TOO_DEEP)
                    continue
                rows.append(row)
                if len(rows) >= chunk_size:
                    yield _result(rows, rejected, positions=defer_shape)
                    rows, rejected = [], []
        bar.update(1)
    bar.close()
    if ids.renamed:
        log.warning("%d records reused an earlier article_id with another text; kept as <id>~2, <id>~3, ...", ids.renamed)
    if rows or rejected:
        yield _result(rows, rejected, positions=defer_shape)


def _record_row(item: Record, *, fields: dict, lang: str | None, max_chars: int, folder: str, text_shape: bool) -> dict:
    """One record's article row with its text as in the file (:class:`RecordError` saying why not)."""
    if item.page:  # a plain-text page is re-flowed before its lines are read as paragraphs
        page = item.fields["text"]
        item.fields = parse_text_article(reflow(page, lang=lang or detect_language(page)) if text_shape else page)
    return _to_row(item, fields={} if item.own_fields else fields, lang=lang, max_chars=max_chars,
                   key=item.origin.replace(folder, "", 1))


class _ArticleIds:
    """The ids seen so far: a repeated record (same id, same text as in the file) is a duplicate, another
    text under a used id is kept under ``<id>~2``, ``<id>~3``, ..."""

    def __init__(self):
        self.seen: dict[str, tuple[str, bytes]] = {}
        self.renamed = 0

    def admit(self, row: dict, origin: str) -> str | None:
        """None when ``row`` is kept (its id renamed if need be), else why it is a duplicate."""
        digest = hashlib.blake2b(row["text"].encode(), digest_size=8).digest()
        first = self.seen.get(row["article_id"])
        if first is not None and first[1] == digest:
            return f"duplicate of the record at {first[0]} (same article_id and text)"
        if first is not None:
            n = 2
            while f"{row['article_id']}~{n}" in self.seen:
                n += 1
            log.debug("%s: article_id %r already used at %s; renamed to %s~%d", origin, row["article_id"], first[0],
                      row["article_id"], n)
            self.renamed += 1
            row["article_id"] = f"{row['article_id']}~{n}"
        self.seen[row["article_id"]] = (origin, digest)
        return None


def _result(rows: list[dict], rejected: list[dict], *, positions: bool = False) -> LoadResult:
    articles = pd.DataFrame(rows)
    for column in ARTICLE_COLUMNS:
        if column not in articles.columns:
            articles[column] = pd.Series(dtype="datetime64[ns]" if column == "date" else object)
    articles["date"] = pd.to_datetime(articles["date"])
    last = [c for c in ("text_shape",) if c in articles.columns]  # after the record's own fields, whichever they are
    ordered = ARTICLE_COLUMNS + [c for c in articles.columns if c not in ARTICLE_COLUMNS and c not in last] + last
    return LoadResult(articles[ordered], pd.DataFrame(rejected, columns=REJECTED_COLUMNS + ["position"] * positions))


def load_articles(
    paths,
    *,
    fields: dict[str, str] | None = None,
    lang: str | None = None,
    errors: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    progress: bool = False,
    text_shape: bool = True,
) -> LoadResult:
    """Load articles from files, folders, globs and archives; return ``(articles, rejected)``.

    ``fields`` maps a role (``text``, ``title``, ``lead``, ``dateline``, ``date``, ``source``,
    ``lang``, ``id``) to a record field name; unmapped roles use :data:`FIELD_CANDIDATES`.
    ``lang`` sets every article's language (default: the record's, else detected).
    ``errors="collect"`` (the default for folders and globs) turns a bad record into a
    ``rejected`` row; ``"raise"`` (the default for named files) raises :class:`InputError`
    naming the file, line and reason. ``article_id`` is the record's id field, else a hash of
    file name, record position and text: the same input gives the same ids. A record repeating
    an earlier one (same id and the same text in the file) is rejected as a duplicate; a record reusing an id with
    another text is kept as ``<id>~2`` (``~3``, ...). ``text_shape=True`` re-flows hard-wrapped
    lines and removes markup leftovers (:func:`analysis.text_shape.shape_text`) and says what it
    did in a ``text_shape`` column; ``False`` keeps the text as it is in the file.

    >>> articles, rejected = load_articles("data")
    >>> articles[["lang", "source"]].values.tolist(), rejected.empty
    ([['de', '']], True)
    """
    chunks = list(iter_articles(paths, fields=fields, lang=lang, errors=errors, chunk_size=10_000,
                                max_chars=max_chars, progress=progress, text_shape=text_shape))
    if not chunks:
        return _result([], [])
    articles = pd.concat([c.articles for c in chunks if len(c.articles)], ignore_index=True) if any(len(c.articles) for c in chunks) else chunks[0].articles
    rejected = pd.concat([c.rejected for c in chunks], ignore_index=True)
    return LoadResult(articles, rejected)
