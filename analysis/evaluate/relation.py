"""The relation dimension (cooperation, none, conflict) against sentences labelled by reading.

The labelled sentences (``analysis/evaluate/labels/relation.tsv``) were drawn from the shared
corpora by :func:`draw_sample` and labelled for this package; the file holds record ids and
character offsets, never the texts, which :func:`relation_units` reads back from ``../shared``.
Rows whose ``id`` hash is even are the **dev** part (looked at while the lexicon was written),
odd the **test** part (scored only).

Two readings of the relation are compared: ``relation`` (the strongest event of the event
lexicon, :mod:`analysis.events`) and ``tone`` (the tone engine's ``cooperation`` value, read as
cooperation above ``TONE_BAND``, conflict below ``-TONE_BAND``, else none: what the toolkit
reported as relation before the event lexicon). Where the labels carry a ``tone`` column
(negative, neutral, positive), the tone engine's ``label`` is scored against it as ``polarity``.

Each sentence was labelled in two independent readings (columns ``tone_a``, ``relation_a``,
``event_a`` and ``_b``; some files hold a further reading ``_c``); ``tone``, ``relation`` and
``event`` are the adjudicated labels (:func:`assemble_labels`), agreement is Cohen's kappa
(:mod:`analysis.evaluate.agreement`) of every pair of readings and of each with the adjudicated
labels (:func:`reading_agreement`).

>>> macro_f1(["cooperation", "none", "conflict"], ["cooperation", "none", "none"], labels=RELATIONS) > 0.5
True
"""
from __future__ import annotations

import gzip
import hashlib
import json
from functools import cache
from pathlib import Path

import pandas as pd

from analysis.datasets import shared_dir
from analysis.errors import InputError
from analysis.evaluate.sentiment import LABELS, accuracy, macro_f1
from analysis.events import RELATIONS
from analysis.resources import table

LABELS_PATH = Path(__file__).resolve().parent / "labels" / "relation.tsv"
TONE_BAND = 0.1
SALT = "relation-2026"
# the corpora sampled: name → (path under the shared folder, language)
SOURCES = {
    "whitehouse": ("corpora/whitehouse-briefing-room.en.jsonl.gz", "en"),
    "wikinews": ("corpora/wikinews.en.jsonl.gz", "en"),
    "bundestag": ("corpora/bundestag-wp20-speeches.de.jsonl.gz", "de"),
    "gnq-train": ("datasets/german-news-quotes/train", "de"),
}


def _hash(*parts, salt: str = SALT) -> str:
    return hashlib.sha1("|".join(map(str, (salt,) + parts)).encode()).hexdigest()


def _records(source: str):
    """(id, text) of every record of a sampled corpus."""
    rel, _ = SOURCES[source]
    path = shared_dir() / rel
    if path.is_dir():  # the German quotation dataset: one JSON document a file
        for f in sorted(path.glob("*.json")):
            d = json.loads(f.read_text(encoding="utf-8"))
            yield d.get("documentName") or f.stem, d.get("originalText") or ""
        return
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            yield r["id"], r.get("text") or ""


@cache
def _place_words(lang: str) -> tuple[str, ...]:
    t = table(lang, "nationalities")
    return tuple(sorted({w.lower() for w in pd.concat([t["adjective"], t["country"]]) if len(w) >= 4}))


def _international(text: str, lang: str) -> bool:
    """Whether a sentence names a country or a nationality (``nationalities.tsv``)."""
    low = text.lower()
    return any(w in low for w in _place_words(lang))


def _sentences(rid: str, text: str, lang: str) -> pd.DataFrame:
    from analysis.segment import split_sentences

    s = split_sentences(pd.DataFrame({"article_id": [rid], "text": [text], "lang": [lang]}), lang=lang)
    n = s["text"].str.split().str.len()
    return s[(n >= 6) & (n <= 60) & s["text"].map(lambda t: _international(t, lang))]


def draw_sample(n_per_source: int = 30, *, records_per_source: int = 60, salt: str = SALT,
                exclude: pd.DataFrame | None = None) -> pd.DataFrame:
    """The sentences to label: from each corpus of :data:`SOURCES`, the ``records_per_source``
    records whose salted SHA-1 of the id is smallest, their sentences of 6–60 words that name a
    country or nationality, and of those the ``n_per_source`` with the smallest hash of (id, start).
    Columns: source, record, start, end, lang, id, part, text (offsets into the record's text).
    ``salt`` draws another sample; sentences of ``exclude`` (a labels table: record, start) are
    skipped, so a second sample never repeats the first."""
    seen = set() if exclude is None else set(zip(exclude["record"], exclude["start"].astype(int)))
    rows = []
    for source, (_, lang) in SOURCES.items():
        recs = sorted((_hash(rid, salt=salt), rid, text) for rid, text in _records(source) if text.strip())
        recs = recs[:records_per_source]
        cands = []
        for _, rid, text in recs:
            for s in _sentences(rid, text, lang).itertuples(index=False):
                if (rid, s.start) not in seen:
                    cands.append((_hash(rid, s.start, salt=salt), rid, s.start, s.end, s.text))
        for h, rid, start, end, text in sorted(set(cands))[:n_per_source]:  # a record repeated in a corpus
            rows.append({"source": source, "record": rid, "start": start, "end": end, "lang": lang, "id": h[:12],
                         "part": "dev" if int(h[11], 16) % 2 == 0 else "test", "text": text})
    return pd.DataFrame(rows)


def read_labels(path: str | Path | None = None) -> pd.DataFrame:
    """The labels table: id, source, record, start, end, lang, part, relation, event; optionally
    tone and the two readings (``tone_a`` … ``event_b``)."""
    path = Path(path) if path is not None else LABELS_PATH
    t = pd.read_csv(path, sep="\t", comment="#", dtype=str, keep_default_na=False)
    bad = t[~t["relation"].isin(RELATIONS)]
    if len(bad):
        raise InputError(f"{path}: relation must be one of {', '.join(RELATIONS)}; "
                         f"row {bad.index[0] + 2} has {bad['relation'].iloc[0]!r}")
    if "tone" in t:
        bad = t[~t["tone"].isin(LABELS)]
        if len(bad):
            raise InputError(f"{path}: tone must be one of {', '.join(LABELS)}; "
                             f"row {bad.index[0] + 2} has {bad['tone'].iloc[0]!r}")
    t["start"], t["end"] = t["start"].astype(int), t["end"].astype(int)
    return t


def relation_units(path: str | Path | None = None) -> tuple[pd.DataFrame, list[str]]:
    """The labelled sentences with their text read back from the shared corpora, and the ids of
    labels whose record is missing or whose offsets no longer fit (reported, not scored)."""
    labels = read_labels(path)
    texts, missing = [], []
    for source, group in labels.groupby("source", sort=False):
        want = set(group["record"])
        found = {rid: text for rid, text in _records(source) if rid in want}
        for r in group.itertuples():
            text = found.get(r.record)
            if text is None or r.end > len(text):
                missing.append(r.id)
                continue
            texts.append((r.Index, text[r.start:r.end]))
    out = labels.loc[[i for i, _ in texts]].copy()
    out["text"] = [t for _, t in texts]
    return out, missing


def _scores(gold, pred, labels=RELATIONS) -> dict:
    gold, pred = list(gold), list(pred)
    confusion = {g: {p: sum(a == g and b == p for a, b in zip(gold, pred)) for p in labels} for g in labels}
    return {"macro_f1": round(macro_f1(gold, pred, labels=labels), 4), "accuracy": round(accuracy(gold, pred), 4),
            "confusion": confusion}


def evaluate_relation(path: str | Path | None = None, *, part: str = "test") -> dict:
    """Macro-F1, accuracy and confusion matrices (gold → predicted) of ``relation`` and of the tone
    baseline, over the labelled part (dev, test, all), in all and per language."""
    from analysis.sentiment import score_sentiment

    if part not in ("dev", "test", "all"):
        raise InputError(f"part must be dev, test or all, not {part!r}")
    units, missing = relation_units(path)
    if part != "all":
        units = units[units["part"] == part]
    if units.empty:
        raise InputError(f"no labelled sentences to score in part {part!r} (missing records: {len(missing)})")
    gold = units["relation"].tolist()
    gold_tone = units["tone"].tolist() if "tone" in units else None
    label_cols = [c for c in units.columns if c.split("_")[0] in ("relation", "event", "tone")]
    scored = score_sentiment(units.drop(columns=label_cols), hits=False)
    tone = ["cooperation" if c > TONE_BAND else "conflict" if c < -TONE_BAND else "none" for c in scored["cooperation"]]
    out = {"part": part, "n": len(scored), "missing": len(missing), "gold": pd.Series(gold).value_counts().to_dict()}
    out["relation"] = _scores(gold, scored["relation"])
    out["tone"] = _scores(gold, tone)
    if gold_tone is not None:
        out["gold_tone"] = pd.Series(gold_tone).value_counts().to_dict()
        out["polarity"] = _scores(gold_tone, scored["label"], LABELS)
    for lg in sorted(set(units["lang"])):
        m = (units["lang"] == lg).tolist()
        g = [x for x, k in zip(gold, m) if k]
        out[lg] = {"n": len(g), "relation": _scores(g, scored["relation"][m]),
                   "tone": _scores(g, [x for x, k in zip(tone, m) if k])}
        if gold_tone is not None:
            out[lg]["polarity"] = _scores([x for x, k in zip(gold_tone, m) if k], scored["label"][m], LABELS)
    return out


DIMENSIONS = ("tone", "relation", "event")
ADJUDICATED = "adjudicated"


def readings_present(labels: pd.DataFrame) -> list[str]:
    """The readings a labels table holds, in column order: the suffixes ``x`` of the columns
    ``relation_x`` with at least one label (``_a``, ``_b`` as drawn, ``_c`` … from further readers).

    >>> readings_present(pd.DataFrame({"relation_a": ["none"], "relation_b": [""], "relation_c": ["conflict"]}))
    ['a', 'c']
    """
    return [c.split("_", 1)[1] for c in labels.columns
            if c.startswith("relation_") and (labels[c] != "").any()]


def _reading(labels: pd.DataFrame, name: str) -> pd.DataFrame:
    """One reading as a table of ``id`` and the :data:`DIMENSIONS`, over the units it labelled
    (``name`` a reading suffix or :data:`ADJUDICATED`)."""
    cols = {d: d if name == ADJUDICATED else f"{d}_{name}" for d in DIMENSIONS}
    t = labels[labels[cols["relation"]] != ""]
    return t[["id"]].assign(**{d: t[c] for d, c in cols.items()})


def assemble_labels(sample: pd.DataFrame, readings: dict, adjudicated: pd.DataFrame) -> pd.DataFrame:
    """The labels table to commit: the ids and offsets of ``sample`` (a :func:`draw_sample`
    table, column ``id``), each reading's labels (``readings``: ``{"a": table, "b": table}``,
    tables with ``unit_id`` and the :data:`DIMENSIONS`; a unit a reading lacks stays empty) and
    the adjudicated labels (same columns). No text column is kept."""
    out = sample[["id", "source", "record", "start", "end", "lang", "part"]].copy()
    for name, t in readings.items():
        t = t.set_index("unit_id")
        for d in DIMENSIONS:
            out[f"{d}_{name}"] = out["id"].map(t[d]).fillna("")
    adj = adjudicated.set_index("unit_id")
    for d in DIMENSIONS:
        out[d] = out["id"].map(adj[d]).fillna("")
    return out[out["relation"] != ""].reset_index(drop=True)


def reading_agreement(path: str | Path | None = None, *, part: str = "all") -> pd.DataFrame:
    """Cohen's kappa and observed agreement of every pair of readings the labels file holds
    (:func:`readings_present`) and of each reading with the adjudicated labels, per dimension
    and language (de, en, all), over the units both sides labelled (``part``: dev, test, all).
    Columns: reading, against (a reading or ``adjudicated``), lang, dimension, n, p_o, kappa;
    a file with readings a and b gives the pairs a–b, a–adjudicated, b–adjudicated.

    >>> k = reading_agreement()
    >>> sorted(set(zip(k["reading"], k["against"])))
    [('a', 'adjudicated'), ('a', 'b'), ('b', 'adjudicated')]
    """
    from itertools import combinations

    from analysis.evaluate.agreement import agreement

    t = read_labels(path)
    if part != "all":
        t = t[t["part"] == part]
    names = readings_present(t)
    pairs = [*combinations(names, 2), *((n, ADJUDICATED) for n in names)]
    rows = []
    for first, second in pairs:
        for lg in [*sorted(set(t["lang"])), "all"]:
            sub = t if lg == "all" else t[t["lang"] == lg]
            k = agreement(_reading(sub, first), _reading(sub, second), list(DIMENSIONS), key="id")
            rows.append(k.reset_index().assign(reading=first, against=second, lang=lg))
    return pd.concat(rows, ignore_index=True)[["reading", "against", "lang", "dimension", "n", "p_o", "kappa"]]
