"""Readers for the annotated quotation datasets in ``../shared/datasets``.

Each reader returns a :class:`GoldData` triple: the ``articles`` table of the foundation (one row
per annotated document), a gold ``quotes`` table in the contract of ``docs/tables.md`` and a
``tokens`` table (``article_id``, ``token``, ``start``, ``end``, ``text``) giving the
tokenisation on which token-level scores are computed.

* :func:`read_german_news_quotes` reads the German Wikinews quotation dataset (Petersen-Frey &
  Biemann 2024, CC BY-NC-SA 4.0): one ``*.json`` file per article with ``originalText``,
  ``tokens`` and ``annotations`` (quote, speaker, cue, frame, addressee; each a list of
  character/token spans). Its own tokens are kept.
* :func:`read_polnear` reads PolNeAR (Newell et al. 2018): ``text/<name>.txt`` and brat standoff
  files ``attributions/<name>_<annotator>.ann`` with Source, Cue and Content spans linked by an
  ``E`` line. Articles annotated by several annotators are read from one file only: the
  annotator whose id sorts first. Tokens come from :func:`analysis.segment.segment`.

The gold quotes carry, besides the contract columns, ``*_spans`` columns (lists of
``[start, end]`` character spans) for speaker, cue, frame and addressee, because gold roles may be
discontinuous (``räumte … ein``); ``cue_span`` and ``speaker_span`` hold the first span or None.

The data live outside the repository. The default location is ``../shared/datasets`` beside the
repository, overridden by the environment variable ``ANALYSIS_SHARED``.

>>> gold = read_german_news_quotes("train", limit=2)          # doctest: +SKIP
>>> gold.quotes[["kind", "text", "speaker_mention"]].head()   # doctest: +SKIP
"""
from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from analysis.errors import InputError

log = logging.getLogger(__name__)

ARTICLE_COLUMNS = ["article_id", "title", "lead", "dateline", "date", "source", "lang", "text", "origin"]
GOLD_QUOTE_COLUMNS = [
    "article_id", "quote_id", "kind", "text", "spans", "cue", "cue_span", "speaker_mention",
    "speaker_span", "speaker", "speaker_resolution", "confidence",
    "cue_spans", "speaker_spans", "frame_spans", "addressee_spans", "addressee", "gold_type", "medium",
]
TOKEN_COLUMNS = ["article_id", "token", "start", "end", "text"]

GNQ_KINDS = {
    "Direct": "direct", "Indirect": "indirect", "FreeIndirect": "free_indirect",
    "IndirectFreeIndirect": "free_indirect", "Reported": "reported",
}
_GNQ_NAME = re.compile(r"^(?P<id>\d+) - (?P<title>.*?)(?: \((?P<date>\d{4}-\d{2}-\d{2})\))?$")
_QUOTE_MARKS = "\"“”„»«‘’‚'"


class GoldData(NamedTuple):
    """Articles, gold quotes and the tokenisation used for scoring."""

    articles: pd.DataFrame
    quotes: pd.DataFrame
    tokens: pd.DataFrame


def shared_dir() -> Path:
    """The shared data folder: ``$ANALYSIS_SHARED`` or ``../shared`` beside the repository."""
    env = os.environ.get("ANALYSIS_SHARED")
    if env:
        return Path(env)
    return (Path(__file__).resolve().parents[1] / ".." / "shared").resolve()


def _split_dir(name: str, split: str | os.PathLike) -> Path:
    path = Path(split)
    if not path.exists():
        path = shared_dir() / "datasets" / name / str(split)
    if not path.is_dir():
        raise InputError(f"{name}: expected a folder (or split name train/dev) but {str(path)!r} is not a folder")
    return path


def _empty(columns) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


# --- German news quotes -------------------------------------------------------------------

def _gnq_role(ann: dict, role: str) -> tuple[list[list[int]], list[int], str]:
    part = ann.get(role) or {}
    spans = [[int(s["charBegin"]), int(s["charEnd"])] for s in part.get("spans", [])]
    return spans, [int(t) for t in part.get("tokenIds", [])], part.get("text", "") or ""


def read_german_news_quotes(split: str | os.PathLike = "dev", *, limit: int | None = None,
                            files: list | None = None) -> GoldData:
    """Read the German news quotation dataset (a split name or a folder of ``*.json`` files).

    ``limit`` reads only the first ``limit`` files (sorted by name); ``files`` reads the given files.

    >>> gold = read_german_news_quotes("dev", limit=1)             # doctest: +SKIP
    >>> sorted(set(gold.quotes["kind"]))                           # doctest: +SKIP
    ['direct', 'indirect']
    """
    if files is None:
        folder = _split_dir("german-news-quotes", split)
        files = sorted(folder.glob("*.json"))
        if not files:
            raise InputError(f"german-news-quotes: no *.json files in {folder}")
    files = [Path(f) for f in files][: limit if limit else None]
    arts, quotes, toks = [], [], {c: [] for c in TOKEN_COLUMNS}
    for path in files:
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            text = doc["originalText"]
        except (OSError, ValueError, KeyError) as exc:
            raise InputError(f"{path}: not a german-news-quotes JSON document ({exc})") from exc
        name = doc.get("documentName") or path.name.split(".")[0]
        m = _GNQ_NAME.match(name)
        article_id = f"gnq-{m.group('id')}" if m else f"gnq-{path.stem}"
        arts.append({
            "article_id": article_id, "title": m.group("title") if m else name, "lead": "",
            "dateline": "", "date": pd.to_datetime(m.group("date") if m else None, errors="coerce"),
            "source": "de.wikinews.org", "lang": "de", "text": text, "origin": str(path),
        })
        for t in doc.get("tokens", []):
            toks["article_id"].append(article_id)
            toks["token"].append(int(t["id"]))
            toks["start"].append(int(t["charBegin"]))
            toks["end"].append(int(t["charEnd"]))
            toks["text"].append(t["text"])
        for ann in doc.get("annotations", []):
            q_spans, _, q_text = _gnq_role(ann, "quote")
            s_spans, _, s_text = _gnq_role(ann, "speaker")
            c_spans, _, c_text = _gnq_role(ann, "cue")
            f_spans, _, _ = _gnq_role(ann, "frame")
            a_spans, _, a_text = _gnq_role(ann, "addressee")
            quotes.append({
                "article_id": article_id, "quote_id": f"{article_id}-q{ann.get('id', len(quotes))}",
                "kind": GNQ_KINDS.get(ann.get("type"), str(ann.get("type", "")).lower()),
                "text": q_text or " ".join(text[s:e] for s, e in q_spans), "spans": q_spans,
                "cue": c_text, "cue_span": c_spans[0] if c_spans else None,
                "speaker_mention": s_text, "speaker_span": s_spans[0] if s_spans else None,
                "speaker": s_text or None, "speaker_resolution": "explicit" if s_spans else "none",
                "confidence": 1.0, "cue_spans": c_spans, "speaker_spans": s_spans,
                "frame_spans": f_spans, "addressee_spans": a_spans, "addressee": a_text,
                "gold_type": ann.get("type"), "medium": ann.get("medium"),
            })
    articles = pd.DataFrame(arts, columns=ARTICLE_COLUMNS) if arts else _empty(ARTICLE_COLUMNS)
    articles["date"] = pd.to_datetime(articles["date"], errors="coerce")
    quotes_df = pd.DataFrame(quotes, columns=GOLD_QUOTE_COLUMNS) if quotes else _empty(GOLD_QUOTE_COLUMNS)
    return GoldData(articles, quotes_df, pd.DataFrame(toks, columns=TOKEN_COLUMNS))


# --- PolNeAR --------------------------------------------------------------------------------

_ANN_NAME = re.compile(r"^(?P<stem>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")


def _parse_brat(text: str) -> tuple[dict, list[dict]]:
    """Text-bound annotations ``{id: (label, spans)}`` and events ``[{role: id}]`` of a brat file."""
    tbound, events = {}, []
    for line in text.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            label, _, offsets = parts[1].partition(" ")
            spans = []
            for piece in offsets.split(";"):
                a, _, b = piece.strip().partition(" ")
                if a.isdigit() and b.isdigit():
                    spans.append([int(a), int(b)])
            tbound[parts[0]] = (label, spans)
        elif line.startswith("E"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            roles = {}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                roles[role.rstrip("0123456789")] = ref
            events.append(roles)
    return tbound, events


def _brat_spans(tbound: dict, event: dict, role: str) -> list:
    ref = event.get(role)
    return tbound.get(ref, ("", []))[1] if ref else []


def read_polnear(split: str | os.PathLike = "dev", *, limit: int | None = None) -> GoldData:
    """Read a PolNeAR split (``train``/``dev`` or a folder holding ``text/`` and ``attributions/``).

    A quote's ``kind`` is ``direct`` when its content starts or ends with a quotation mark, else
    ``indirect``; the speaker is the Source span's text.

    >>> gold = read_polnear("dev", limit=3)                        # doctest: +SKIP
    >>> gold.quotes[["text", "cue", "speaker_mention"]].head()     # doctest: +SKIP
    """
    from analysis.segment import segment

    folder = _split_dir("polnear", split)
    ann_dir, text_dir = folder / "attributions", folder / "text"
    if not ann_dir.is_dir() or not text_dir.is_dir():
        raise InputError(f"polnear: expected folders attributions/ and text/ in {folder}")
    chosen: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        m = _ANN_NAME.match(ann.name)
        stem = m.group("stem") if m else ann.stem
        chosen.setdefault(stem, ann)  # sorted: the first annotator id wins
    stems = [s for s in sorted(chosen) if (text_dir / f"{s}.txt").exists()]
    stems = stems[: limit if limit else None]
    arts, quotes = [], []
    for stem in stems:
        text = (text_dir / f"{stem}.txt").read_text(encoding="utf-8")
        article_id = f"polnear-{stem}"
        publisher, _, rest = stem.partition("_")
        date = rest.split("_", 1)[0] if rest else None
        arts.append({"article_id": article_id, "title": text.split("\n", 1)[0].strip(), "lead": "",
                     "dateline": "", "date": pd.to_datetime(date, errors="coerce"), "source": publisher,
                     "lang": "en", "text": text, "origin": str(chosen[stem])})
        tbound, events = _parse_brat(chosen[stem].read_text(encoding="utf-8"))
        for k, ev in enumerate(events):
            content, cue, source = (_brat_spans(tbound, ev, role) for role in ("Content", "Cue", "Source"))
            if not content:
                continue
            body = " ".join(text[s:e] for s, e in content)
            kind = "direct" if body[:1] in _QUOTE_MARKS or body.rstrip(".,")[-1:] in _QUOTE_MARKS else "indirect"
            speaker = " ".join(text[s:e] for s, e in source)
            quotes.append({
                "article_id": article_id, "quote_id": f"{article_id}-q{k}", "kind": kind, "text": body,
                "spans": content, "cue": " ".join(text[s:e] for s, e in cue),
                "cue_span": cue[0] if cue else None, "speaker_mention": speaker,
                "speaker_span": source[0] if source else None, "speaker": speaker or None,
                "speaker_resolution": "explicit" if source else "none", "confidence": 1.0,
                "cue_spans": cue, "speaker_spans": source, "frame_spans": [], "addressee_spans": [],
                "addressee": "", "gold_type": "Attribution", "medium": None,
            })
    articles = pd.DataFrame(arts, columns=ARTICLE_COLUMNS) if arts else _empty(ARTICLE_COLUMNS)
    articles["date"] = pd.to_datetime(articles["date"], errors="coerce")
    quotes_df = pd.DataFrame(quotes, columns=GOLD_QUOTE_COLUMNS) if quotes else _empty(GOLD_QUOTE_COLUMNS)
    if len(articles):
        tokens = segment(articles, lang="en").tokens
        tokens = tokens.assign(token=tokens.groupby("article_id").cumcount())[TOKEN_COLUMNS]
    else:
        tokens = _empty(TOKEN_COLUMNS)
    return GoldData(articles, quotes_df, tokens)


def read_gold(fmt: str, split: str | os.PathLike = "dev", *, limit: int | None = None) -> GoldData:
    """Dispatch on the dataset format name (``german-news-quotes`` or ``polnear``)."""
    readers = {"german-news-quotes": read_german_news_quotes, "polnear": read_polnear}
    if fmt not in readers:
        raise InputError(f"unknown gold format {fmt!r}; expected one of: {', '.join(readers)}")
    return readers[fmt](split, limit=limit)
