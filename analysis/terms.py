"""Frequency tables over word forms, lemmas or stems, by any grouping; n-grams; German compounds split in a tokens table.

Counting works on integer codes (:func:`factorize`: Arrow dictionary encoding of the term and
article columns; ``numpy`` keys for groups and documents), never on one Python string per token. A :class:`FrequencyCounter`
adds up chunks of a tokens table (cut at article boundaries), so memory grows with the
vocabulary, not with the corpus; :func:`frequencies` is the one-call form.

>>> import pandas as pd
>>> toks = pd.DataFrame({"article_id": ["a", "a", "a", "b"], "sentence": [0, 0, 0, 0],
...     "text": ["Die", "Gespräche", ".", "Gespräch"], "lower": ["die", "gespräche", ".", "gespräch"],
...     "lemma": ["die", "Gespräch", ".", "Gespräch"], "is_stop": [True, False, False, False],
...     "is_punct": [False, False, True, False]})
>>> frequencies(toks, stopwords=True)[["term", "n", "rel_freq", "docfreq", "rank"]].values.tolist()
[['Gespräch', 2, 666666.6666666666, 2, 1]]
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from analysis.errors import InputError, require_columns, require_int
from analysis.outputs import check_folder
from analysis.tables import read_table, table_columns
from analysis.wordforms import HYPHENS, compound_split_point, hyphen_parts, stem

log = logging.getLogger(__name__)

UNITS = ("lemma", "lower", "text", "stem")
FREQUENCY_COLUMNS = ["group", "term", "n", "rel_freq", "docfreq", "rank", "total"]
PERIODS = {"year": "Y", "quarter": "Q", "month": "M", "week": "W", "day": "D"}  # by= from articles.date
CHUNK_TOKENS = 1_000_000
SEGMENTED_TABLES = ("articles.parquet", "tokens.parquet")  # what the readers take from a 'load --segment' folder


# --- terms ----------------------------------------------------------------------------------

def _guess_lang(tokens: pd.DataFrame, lang: str | None) -> str:
    if lang:
        return lang
    if "lang" in tokens.columns and len(tokens):
        return str(tokens["lang"].mode().iloc[0])
    return "de"


def term_series(tokens: pd.DataFrame, *, unit: str = "lemma", lang: str | None = None) -> pd.Series:
    """The term of every token: its ``lemma``, ``lower`` or ``text`` column, or its stem.

    Stems are computed once per word type (umlaut-preserving, see :func:`stem`).

    >>> t = pd.DataFrame({"lower": ["größer", "größten"]})
    >>> term_series(t, unit="stem", lang="de").tolist()
    ['größ', 'größt']
    """
    if unit not in UNITS:
        raise InputError(f"unit must be one of {', '.join(UNITS)}, got {unit!r}")
    if unit == "stem":
        require_columns(tokens, ["lower"], table="tokens")
        codes, uniques = pd.factorize(tokens["lower"].astype(object))
        lg = _guess_lang(tokens, lang)
        stems = np.array([stem(str(u), lg) for u in uniques], dtype=object)
        return pd.Series(stems[codes] if len(codes) else [], index=tokens.index, dtype=object)
    require_columns(tokens, [unit], table="tokens")
    col = tokens[unit]
    if unit == "lemma" and "lower" in tokens.columns and col.isna().any():
        col = col.fillna(tokens["lower"])  # a token without a lemma counts as its word form
    return col


def _is_arrow_string(values: pd.Series) -> bool:
    return "pyarrow" in str(getattr(values.dtype, "storage", "")) or isinstance(values.dtype, pd.ArrowDtype)


def factorize(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(codes, uniques) of a column; Arrow-backed strings are dictionary-encoded by pyarrow,
    about twice as fast as ``pandas.factorize`` (missing values become a term of their own).

    >>> factorize(pd.Series(["b", "a", "b"]))[0].tolist()
    [0, 1, 0]
    """
    try:
        import pyarrow as pa
        import pyarrow.compute as pc

        if _is_arrow_string(values):
            arr = pa.array(values.array)
            if isinstance(arr, pa.ChunkedArray):
                arr = arr.combine_chunks()
            enc = pc.dictionary_encode(arr, null_encoding="encode")
            return enc.indices.to_numpy().astype(np.int64), np.asarray(enc.dictionary.to_pylist(), dtype=object)
    except (ImportError, TypeError, ValueError, pa.ArrowException):  # pragma: no cover - fall back to pandas
        pass
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    return codes.astype(np.int64), np.asarray(uniques, dtype=object)


def _punct_mask(tokens: pd.DataFrame) -> np.ndarray:
    if "is_punct" in tokens.columns:
        return tokens["is_punct"].fillna(False).to_numpy(dtype=bool)
    col = next((c for c in ("text", "lower", "lemma") if c in tokens.columns), None)
    if col is None:
        return np.zeros(len(tokens), dtype=bool)
    text = tokens[col]
    return ~text.astype(str).str.contains(r"\w", regex=True).to_numpy(dtype=bool)


def _stop_mask(tokens: pd.DataFrame, stopwords, lang: str | None) -> np.ndarray:
    n = len(tokens)
    if stopwords is False or stopwords is None:
        return np.zeros(n, dtype=bool)
    if stopwords is True:
        if "is_stop" in tokens.columns:
            return tokens["is_stop"].fillna(False).to_numpy(dtype=bool)
        from analysis.resources import wordlist

        stopwords = wordlist(_guess_lang(tokens, lang), "stopwords")
    words = {str(w).lower() for w in stopwords}
    col = tokens["lower"] if "lower" in tokens.columns else tokens["text"].str.lower()
    return col.isin(words).to_numpy(dtype=bool)


class Encoded(NamedTuple):
    """Integer view of the counted tokens (punctuation removed)."""

    codes: np.ndarray      # term code per kept token
    vocab: np.ndarray      # term string per code
    doc: np.ndarray        # article code per kept token
    docs: np.ndarray       # article_id per article code
    sentence: np.ndarray   # running sentence number (unique across articles) per kept token
    chunk: np.ndarray      # running run number: a new run starts at a sentence or punctuation
    stop: np.ndarray       # stopword flag per kept token
    index: np.ndarray      # row position in the input tokens table per kept token


def _doc_codes(ids: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(codes, article ids) of the article column. Tokens of an article are normally contiguous:
    then the codes are run numbers (one comparison of neighbours, no hashing of every row);
    otherwise the column is factorized."""
    n = len(ids)
    if n == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=object)
    change = np.empty(n, dtype=bool)
    change[0] = True
    try:
        import pyarrow as pa
        import pyarrow.compute as pc

        arr = pa.array(ids.array)
        if isinstance(arr, pa.ChunkedArray):
            arr = arr.combine_chunks()
        if not pa.types.is_string(arr.type) and not pa.types.is_large_string(arr.type):
            raise TypeError
        change[1:] = pc.not_equal(arr[1:], arr[:-1]).to_numpy(zero_copy_only=False)
    except (ImportError, TypeError, ValueError, pa.ArrowException):
        values = ids.to_numpy(dtype=object)
        change[1:] = values[1:] != values[:-1]
    starts = np.flatnonzero(change)
    run_ids = ids.iloc[starts].tolist()
    if len(set(run_ids)) == len(run_ids) and not ids.iloc[starts].isna().any():
        return (np.cumsum(change) - 1).astype(np.int64), np.asarray(run_ids, dtype=object)
    return factorize(ids)


def _encodable(v) -> bool:
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:
        return False
    except AttributeError:  # not a string (None, a number): kept as it is
        pass
    return True


def _clean_vocab(codes: np.ndarray, vocab: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Replace lone surrogates (not encodable as UTF-8, so not storable in Arrow or Parquet)
    by "?", merging terms that become equal."""
    if all(_encodable(v) for v in vocab):
        return codes, vocab
    cleaned = np.array([v.encode("utf-8", "replace").decode("utf-8") if isinstance(v, str) else v for v in vocab],
                       dtype=object)
    remap, uniques = pd.factorize(cleaned)
    return remap[codes].astype(np.int64), np.asarray(uniques, dtype=object)


def encode(tokens: pd.DataFrame, *, unit: str = "lemma", lang: str | None = None,
           stopwords=True, punct: bool = False) -> Encoded:
    """Integer-code a tokens table: term codes, article codes, sentence and run numbers.

    Punctuation tokens are removed unless ``punct=True``; they end a *run* (n-grams never
    cross a run boundary) but not a sentence (collocation windows may cross a comma).
    ``stopwords`` only sets the ``stop`` flags (True: the ``is_stop`` column or the
    language's stopword list; or an iterable of words).
    """
    require_columns(tokens, ["article_id", "sentence"], table="tokens")
    terms = term_series(tokens, unit=unit, lang=lang)
    n = len(tokens)
    doc, docs = _doc_codes(tokens["article_id"])
    sent = tokens["sentence"].to_numpy()
    new_sent = np.ones(n, dtype=bool)
    if n > 1:
        new_sent[1:] = (doc[1:] != doc[:-1]) | (sent[1:] != sent[:-1])
    is_punct = _punct_mask(tokens) if not punct else np.zeros(n, dtype=bool)
    new_run = new_sent.copy()
    if n > 1:
        new_run[1:] |= is_punct[:-1]
    new_run |= is_punct
    keep = ~is_punct
    all_codes, vocab = factorize(terms)
    codes = all_codes[keep]
    if len(codes) and not keep.all():
        used = np.bincount(codes, minlength=len(vocab)) > 0
        if not used.all():  # drop types seen only as punctuation; renumber densely
            remap = np.cumsum(used) - 1
            codes, vocab = remap[codes], np.asarray(vocab, dtype=object)[used]
    if not _is_arrow_string(terms):  # Arrow strings are valid UTF-8 already
        codes, vocab = _clean_vocab(codes, np.asarray(vocab, dtype=object))
    stop = _stop_mask(tokens, stopwords, lang)[keep]
    return Encoded(
        codes=codes.astype(np.int64),
        vocab=np.asarray(vocab, dtype=object),
        doc=doc[keep].astype(np.int64),
        docs=np.asarray(docs, dtype=object),
        sentence=np.cumsum(new_sent)[keep],
        chunk=np.cumsum(new_run)[keep],
        stop=stop,
        index=np.flatnonzero(keep),
    )


def ngram_codes(enc: Encoded, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Positions and codes of the n-grams of ``enc`` that stay inside one run.

    Returns ``(pos, key)``: the position of each n-gram's first token and a code identifying
    the n-gram (first-seen order). Codes are built pairwise with ``factorize`` so they never
    overflow, whatever ``n`` and the vocabulary size.
    """
    if n < 1:
        raise InputError(f"ngram must be at least 1, got {n}")
    m = len(enc.codes) - n + 1
    if m <= 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if n == 1:
        return np.arange(m), enc.codes
    pos = np.flatnonzero(enc.chunk[:m] == enc.chunk[n - 1:])
    key = enc.codes[pos]
    width = max(len(enc.vocab), 1)
    for k in range(1, n):
        combined = key * width + enc.codes[pos + k]
        key, _ = pd.factorize(combined)
        key = key.astype(np.int64)
    return pos, key


def ngram_strings(enc: Encoded, pos: np.ndarray, key: np.ndarray, n: int, sep: str = " ") -> np.ndarray:
    """The text of every distinct n-gram code (index = code)."""
    if n == 1:
        return enc.vocab
    k = int(key.max()) + 1 if len(key) else 0
    first = np.full(k, -1, dtype=np.int64)
    first[key[::-1]] = pos[::-1]  # last write wins: the first occurrence
    parts = [enc.vocab[enc.codes[first + j]] for j in range(n)]
    out = parts[0].astype(object)
    for p in parts[1:]:
        out = out + sep + p
    return out


def unique_counts(keys: np.ndarray, *, counts: bool = True):
    """Sorted distinct values of an integer array and how often each occurs.

    Sort-based (``np.sort`` + ``np.diff``); much faster than ``np.unique``'s hash path on
    millions of int64 keys.

    >>> unique_counts(np.array([5, 3, 5, 5]))
    (array([3, 5]), array([1, 3]))
    """
    s = np.sort(keys, kind="stable" if keys.dtype.itemsize <= 2 else None)
    if not len(s):
        return (s, np.zeros(0, dtype=np.int64)) if counts else s
    edge = np.empty(len(s), dtype=bool)
    edge[0] = True
    np.not_equal(s[1:], s[:-1], out=edge[1:])
    uniq = s[edge]
    if not counts:
        return uniq
    starts = np.flatnonzero(edge)
    return uniq, np.diff(np.append(starts, len(s))).astype(np.int64)


# --- frequency tables -----------------------------------------------------------------------

def _group_labels(tokens: pd.DataFrame, by, articles: pd.DataFrame | None) -> pd.Series | None:
    if by is None:
        return None
    if isinstance(by, str):
        if by in tokens.columns:
            return tokens[by]
        if articles is not None and by in articles.columns:
            require_columns(articles, ["article_id"], table="articles")
            lookup = articles.drop_duplicates("article_id").set_index("article_id")[by]
            return tokens["article_id"].map(lookup)
        if by in PERIODS and articles is not None and "date" in articles.columns:
            require_columns(articles, ["article_id"], table="articles")
            dates = pd.to_datetime(articles.drop_duplicates("article_id").set_index("article_id")["date"], errors="coerce")
            period = dates.dt.to_period(PERIODS[by]).astype(str).where(dates.notna(), "unknown")
            return tokens["article_id"].map(period)
        where = "tokens" + (" or articles" if articles is not None else "")
        raise InputError(f"group column {by!r} not found in {where}; tokens have: {', '.join(map(str, tokens.columns))}")
    labels = pd.Series(by)
    if len(labels) != len(tokens):
        raise InputError(f"'by' must be a column name or one label per token ({len(tokens)}), got {len(labels)} labels")
    return pd.Series(labels.to_numpy(), index=tokens.index)


def span_labels(tokens: pd.DataFrame, spans: pd.DataFrame, *, value: str | None = None, column: str = "spans",
                inside="quoted", outside="narration") -> pd.Series:
    """One label per token: whether it lies inside a span of ``spans`` (e.g. the quotes table).

    ``spans`` has ``article_id`` and ``column`` (a list of ``[start, end]`` character spans per
    row, like ``quotes.spans``, or ``start``/``end`` columns when ``column`` is absent). Tokens
    inside a span get ``inside``, or the row's ``value`` column (e.g. ``"speaker"``; the
    innermost span wins when spans nest); others get ``outside``. Use it as ``by=`` to compare
    quoted speech with narration, or speakers with each other.

    >>> toks = pd.DataFrame({"article_id": "a", "start": [0, 6, 12], "end": [5, 11, 17]})
    >>> quotes = pd.DataFrame({"article_id": ["a"], "spans": [[[6, 17]]], "speaker": ["Kim"]})
    >>> span_labels(toks, quotes).tolist(), span_labels(toks, quotes, value="speaker").tolist()
    (['narration', 'quoted', 'quoted'], ['narration', 'Kim', 'Kim'])
    """
    require_columns(tokens, ["article_id", "start", "end"], table="tokens")
    require_columns(spans, ["article_id"] + ([value] if value else []), table="spans")
    if column in spans.columns:
        rows = [(a, int(sp[0]), int(sp[1]), v)
                for a, lst, v in zip(spans["article_id"], spans[column],
                                     spans[value] if value else [inside] * len(spans))
                for sp in (lst if lst is not None else [])]
    else:
        require_columns(spans, ["start", "end"], table="spans")
        rows = list(zip(spans["article_id"], spans["start"].astype(int), spans["end"].astype(int),
                        spans[value] if value else [inside] * len(spans)))
    labels = np.full(len(tokens), outside, dtype=object)
    if not rows or not len(tokens):
        return pd.Series(labels, index=tokens.index)
    table = pd.DataFrame(rows, columns=["article_id", "s", "e", "v"])
    table = table.assign(length=table["e"] - table["s"]).sort_values("length", ascending=False, kind="stable")
    t_start = tokens["start"].to_numpy()
    t_end = tokens["end"].to_numpy()
    by_article = pd.Series(np.arange(len(tokens))).groupby(tokens["article_id"].to_numpy()).indices
    for a, group in table.groupby("article_id", sort=False):
        idx = by_article.get(a)
        if idx is None:
            continue
        st, en = t_start[idx], t_end[idx]
        for s_, e_, v in zip(group["s"], group["e"], group["v"]):  # longest first: inner spans overwrite
            labels[idx[(st >= s_) & (en <= e_)]] = v
    return pd.Series(labels, index=tokens.index)


def _article_chunks(tokens: pd.DataFrame, size: int) -> Iterator[pd.DataFrame]:
    """Slices of ``tokens`` of about ``size`` rows, cut where the article changes."""
    n = len(tokens)
    ids = tokens["article_id"]
    start = 0
    while start < n:
        stop = min(start + size, n)
        while stop < n:  # move the cut to the next article boundary
            window = ids.iloc[stop - 1: stop + 4096].to_numpy()
            change = np.flatnonzero(window[1:] != window[:-1])
            if len(change):
                stop += int(change[0])
                break
            stop = min(stop + 4096, n)
        yield tokens.iloc[start:stop]
        start = stop


class FrequencyCounter:
    """Add up term frequencies over chunks of a tokens table; memory bounded by the vocabulary.

    Feed chunks that do not split an article (``docfreq`` counts articles per chunk).

    >>> c = FrequencyCounter(unit="lower")
    >>> t = pd.DataFrame({"article_id": ["a", "a"], "sentence": [0, 0], "lower": ["ja", "ja"],
    ...                   "text": ["Ja", "ja"]})
    >>> c.update(t).update(t.assign(article_id="b")).result()[["term", "n", "docfreq"]].values.tolist()
    [['ja', 4, 2]]
    """

    def __init__(self, *, by=None, unit: str = "lemma", ngram: int = 1, stopwords=False,
                 lang: str | None = None, compounds: str | None = None, sep: str = " "):
        if unit not in UNITS:
            raise InputError(f"unit must be one of {', '.join(UNITS)}, got {unit!r}")
        if compounds not in (None, "split", "heads"):
            raise InputError(f"compounds must be None, 'split' or 'heads', got {compounds!r}")
        self.by, self.unit, self.ngram, self.stopwords = by, unit, require_int(ngram, name="ngram", minimum=1), stopwords
        self.lang, self.compounds, self.sep = lang, compounds, sep
        self._parts: list[pd.DataFrame] = []
        self._rows = 0
        self._totals: dict = {}

    def update(self, tokens: pd.DataFrame, *, articles: pd.DataFrame | None = None) -> FrequencyCounter:
        """Count one chunk (a tokens table, optionally with the articles for ``by``)."""
        by = self.by
        if self.compounds:
            if by is not None and not isinstance(by, str):  # keep per-token labels aligned with the parts
                if len(by) != len(tokens):
                    raise InputError(f"'by' must be a column name or one label per token ({len(tokens)}), got {len(by)} labels")
                tokens, by = tokens.assign(_group_label=np.asarray(by, dtype=object)), "_group_label"
            tokens = split_compounds(tokens, lang=self.lang, closed=self.compounds == "heads")
        if not len(tokens):
            return self
        labels = _group_labels(tokens, by, articles)
        enc = encode(tokens, unit=self.unit, lang=self.lang, stopwords=self.stopwords)
        pos, key = ngram_codes(enc, self.ngram)
        if labels is None:
            gcode, groups = np.zeros(len(enc.codes), dtype=np.int64), np.array(["all"], dtype=object)
        else:
            g, groups = pd.factorize(labels.to_numpy()[enc.index], use_na_sentinel=False)
            gcode, groups = g.astype(np.int64), np.asarray(groups, dtype=object)
        gpos = gcode[pos]
        for gi, tot in enumerate(np.bincount(gpos, minlength=len(groups))):
            self._totals[groups[gi]] = self._totals.get(groups[gi], 0) + int(tot)
        if self.stopwords:
            stop = enc.stop[pos].copy()
            for k in range(1, self.ngram):
                stop |= enc.stop[pos + k]
            pos, key, gpos = pos[~stop], key[~stop], gpos[~stop]
        if not len(key):
            return self
        nterms = int(key.max()) + 1
        width = len(groups) * nterms
        gk = gpos * nterms + key
        if width <= 20_000_000:
            counts = np.bincount(gk, minlength=width)
            uniq = np.flatnonzero(counts)
            counts = counts[uniq]
        else:
            uniq, counts = unique_counts(gk)
        dk = unique_counts(enc.doc[pos] * width + gk, counts=False) % width
        if width <= 20_000_000:
            dfreq = np.bincount(dk, minlength=width)[uniq]
        else:
            dfreq = np.bincount(np.searchsorted(uniq, dk), minlength=len(uniq))
        strings = ngram_strings(enc, pos, key, self.ngram, self.sep)
        part = pd.DataFrame({"group": groups[uniq // nterms], "term": strings[uniq % nterms],
                             "n": counts.astype(np.int64), "docfreq": dfreq.astype(np.int64)})
        self._parts.append(part)
        self._rows += len(part)
        if len(self._parts) > 1 and self._rows > 4 * max(len(self._parts[0]), 100_000):
            self._consolidate()
        return self

    def _consolidate(self) -> None:
        if len(self._parts) > 1:
            merged = pd.concat(self._parts, ignore_index=True)
            merged = merged.groupby(["group", "term"], sort=False, as_index=False)[["n", "docfreq"]].sum()
            self._parts = [merged]
            self._rows = len(merged)

    def result(self, *, min_count: int = 1) -> pd.DataFrame:
        """The frequency table: group, term, n, rel_freq (per million), docfreq, rank, total."""
        require_int(min_count, name="min_count")
        self._consolidate()
        if not self._parts:
            return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(
                FREQUENCY_COLUMNS, [object, object, "int64", "float64", "int64", "int64", "int64"])})
        df = self._parts[0]
        df = df[df["n"] >= min_count].copy()
        df["total"] = df["group"].map(self._totals).astype("int64")
        df["rel_freq"] = df["n"] / df["total"] * 1e6
        df["rank"] = df.groupby("group", sort=False)["n"].rank(method="min", ascending=False).astype("int64")
        df = df.sort_values(["group", "rank", "term"], kind="stable", key=_sort_key).reset_index(drop=True)
        return df[FREQUENCY_COLUMNS]


def _sort_key(col: pd.Series):
    return col.astype(str) if col.name in ("group", "term") else col


def frequencies(tokens: pd.DataFrame, *, by=None, articles: pd.DataFrame | None = None,
                unit: str = "lemma", ngram: int = 1, stopwords=False, min_count: int = 1,
                lang: str | None = None, compounds: str | None = None,
                chunk_size: int = CHUNK_TOKENS, progress: bool = False) -> pd.DataFrame:
    """Frequency table of terms (or n-grams) per group.

    Columns: ``group`` ("all" without ``by``), ``term``, ``n``, ``rel_freq`` (per million
    counted items of the group), ``docfreq`` (articles containing the term), ``rank`` (1 =
    most frequent; ties share the lowest rank), ``total`` (items counted in the group).

    - ``by``: a tokens column, an ``articles`` column (joined on ``article_id``), one of
      ``"year"``, ``"quarter"``, ``"month"``, ``"week"``, ``"day"`` (a period of ``articles.date``;
      articles without a date go to ``"unknown"``), or one label per token (e.g. quoted speech vs
      narration, see :func:`span_labels`).
    - ``unit``: ``"lemma"`` (default), ``"lower"``, ``"text"`` or ``"stem"``.
    - ``ngram``: n-grams never cross a sentence or a punctuation token.
    - ``stopwords``: True drops stopwords (n-grams containing one); the ``total`` still counts
      them, so relative frequencies do not change with the filter.
    - ``compounds``: ``"split"`` counts the parts of hyphenated compounds, ``"heads"`` also
      replaces closed compounds by their head (see :func:`split_compounds`).

    >>> toks = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence": [0, 0, 0],
    ...     "lemma": ["Frieden", "schaffen", "Frieden"], "is_punct": [False] * 3})
    >>> frequencies(toks, by="article_id")[["group", "term", "n"]].values.tolist()
    [['a', 'Frieden', 1], ['a', 'schaffen', 1], ['b', 'Frieden', 1]]
    """
    if not isinstance(tokens, pd.DataFrame):
        raise InputError(f"tokens: expected a pandas DataFrame, got {type(tokens).__name__}")
    counter = FrequencyCounter(by=by, unit=unit, ngram=ngram, stopwords=stopwords, lang=lang, compounds=compounds)
    if len(tokens):
        require_columns(tokens, ["article_id", "sentence"], table="tokens")
    chunks = list(_article_chunks(tokens, chunk_size)) if len(tokens) else []
    labels = None if by is None or isinstance(by, str) else _group_labels(tokens, by, None).to_numpy()
    offset = 0
    for chunk in tqdm(chunks, disable=not progress, desc="count", unit="chunk"):
        if labels is not None:
            counter.by = labels[offset:offset + len(chunk)]
        offset += len(chunk)
        counter.update(chunk, articles=articles)
    return counter.result(min_count=min_count)


def merge_frequencies(tables: Iterable[pd.DataFrame], *, min_count: int = 1) -> pd.DataFrame:
    """Combine frequency tables of disjoint parts of a corpus (e.g. Dask partitions).

    Sums ``n``, ``docfreq`` (parts must not split an article) and each group's ``total``, then
    recomputes ``rel_freq`` and ``rank``. Compute the part tables with ``min_count=1``;
    ``min_count`` applies to the merged counts. With Dask:
    ``merge_frequencies(ddf.map_partitions(frequencies, meta=...).to_delayed() ...)`` or simply
    ``merge_frequencies(frequencies(part) for part in parts)``.

    >>> t = pd.DataFrame({"article_id": ["a", "b"], "sentence": 0, "lemma": ["x", "x"]})
    >>> merge_frequencies([frequencies(t.iloc[:1]), frequencies(t.iloc[1:])])[["term", "n", "docfreq", "total"]].values.tolist()
    [['x', 2, 2, 2]]
    """
    tables = [t for t in tables if t is not None]
    for t in tables:
        require_columns(t, ["group", "term", "n", "docfreq", "total"], table="frequency table")
    if not tables or all(not len(t) for t in tables):
        return FrequencyCounter().result()
    totals: dict = {}
    for t in tables:
        for g, tot in t.drop_duplicates("group")[["group", "total"]].itertuples(index=False):
            totals[g] = totals.get(g, 0) + int(tot)
    merged = pd.concat([t[["group", "term", "n", "docfreq"]] for t in tables], ignore_index=True)
    merged = merged.groupby(["group", "term"], sort=False, as_index=False)[["n", "docfreq"]].sum()
    counter = FrequencyCounter()
    counter._parts, counter._totals = [merged], totals
    return counter.result(min_count=min_count)


# --- German compounds -----------------------------------------------------------------------

def split_compounds(tokens: pd.DataFrame, *, lang: str | None = None, closed: bool = False, **head_options) -> pd.DataFrame:
    """Tokens with hyphenated compounds split into their parts, and optionally closed heads.

    Every hyphenated token becomes one row per part with its own offsets, ``lower``, ``lemma``
    (lemmatised part) and ``is_stop``; ``compound`` holds the original token (None elsewhere).
    With ``closed=True`` a closed compound's ``text``, ``lower`` and ``lemma`` are replaced by
    its head (:func:`compound_split_point`, computed on the lemma) and ``start`` moves to the
    head. Punctuation rows are left alone.

    >>> t = pd.DataFrame({"article_id": ["a"], "sentence": [0], "start": [0], "end": [24],
    ...     "text": ["Sechs-Parteien-Gespräche"], "lower": ["sechs-parteien-gespräche"],
    ...     "lemma": ["Sechs-Parteien-Gespräch"], "is_stop": [False], "is_punct": [False]})
    >>> split_compounds(t, lang="de")[["text", "start", "lemma"]].values.tolist()
    [['Sechs', 0, 'sechs'], ['Parteien', 6, 'Partei'], ['Gespräche', 15, 'Gespräch']]
    """
    if not len(tokens):
        return tokens.assign(compound=pd.Series(dtype=object))
    lang = _guess_lang(tokens, lang)
    text_col = "text" if "text" in tokens.columns else "lower"
    require_columns(tokens, [text_col], table="tokens")
    punct = _punct_mask(tokens)
    hyph = _per_type(tokens[text_col], lambda w: HYPHENS.search(str(w)) is not None, bool) & ~punct
    out = tokens.copy()
    out["compound"] = None
    if closed:
        out = _closed_heads(out, ~hyph & ~punct, lang, head_options)
    if not hyph.any():
        return out
    from analysis.resources import wordlist

    try:
        stops = wordlist(lang, "stopwords")
    except InputError:
        stops = frozenset()
    lemmatize = _lemmatizer()
    rows = []
    cols = list(out.columns)
    hyph_pos = np.flatnonzero(hyph)
    for p, rec in zip(hyph_pos, out.iloc[hyph_pos].to_dict("records")):
        word = rec[text_col]
        for sub, (off, part) in enumerate(hyphen_parts(word) or [(0, word)]):
            r = dict(rec)
            r[text_col] = part
            if "lower" in r:
                r["lower"] = part.lower()
            if "lemma" in r:
                r["lemma"] = lemmatize(part, lang)
            if "start" in r:
                r["start"] = rec["start"] + off
                r["end"] = rec["start"] + off + len(part)
            if "is_stop" in r:
                r["is_stop"] = part.lower() in stops
            r["compound"] = word
            r["_pos"], r["_sub"] = p, sub
            rows.append(r)
    keep = out.iloc[np.flatnonzero(~hyph)].assign(_pos=np.flatnonzero(~hyph), _sub=0)
    parts = pd.DataFrame(rows, columns=cols + ["_pos", "_sub"]).astype({c: keep[c].dtype for c in ("start", "end") if c in keep})
    merged = pd.concat([keep, parts], ignore_index=True).sort_values(["_pos", "_sub"], kind="stable")
    return merged.drop(columns=["_pos", "_sub"]).reset_index(drop=True)


def _lemmatizer():
    try:
        from analysis.segment import lemmatize

        return lemmatize
    except Exception:  # noqa: BLE001 - segment not importable: keep parts as they are
        return lambda word, lang: word


def _per_type(values: pd.Series, fn, dtype) -> np.ndarray:
    """``fn`` applied once per distinct value, spread back to every row."""
    codes, uniques = factorize(values)
    per_type = np.array([fn(u) for u in uniques], dtype=dtype)
    return per_type[codes] if len(codes) else np.zeros(0, dtype=dtype)


def _closed_heads(out: pd.DataFrame, mask: np.ndarray, lang: str, options: dict) -> pd.DataFrame:
    base_col = "lemma" if "lemma" in out.columns else ("lower" if "lower" in out.columns else "text")
    points = _per_type(out[base_col], lambda w: -1 if w is None else (compound_split_point(str(w), lang=lang, **options) or -1),
                       np.int64)
    pos = np.flatnonzero((points > 0) & mask)
    if not len(pos):
        return out
    base = out[base_col].to_numpy(dtype=object)[pos]
    mods = [str(w)[:i].lower() for w, i in zip(base, points[pos])]
    orig_col = "text" if "text" in out.columns else base_col
    compound = out["compound"].to_numpy(dtype=object).copy()
    compound[pos] = out[orig_col].to_numpy(dtype=object)[pos]
    for col in ("text", "lower", "lemma"):
        if col not in out.columns:
            continue
        values = out[col].to_numpy(dtype=object).copy()
        shift = np.zeros(len(pos), dtype=np.int64)
        cache: dict = {}
        for k, (p, m) in enumerate(zip(pos, mods)):
            v = values[p]
            key = (v, m)
            hit = cache.get(key)
            if hit is None:
                sv = str(v)
                if sv.lower().startswith(m) and len(sv) > len(m):
                    h = sv[len(m):]
                    hit = (h.lower() if col == "lower" else (h[:1].upper() + h[1:] if sv[:1].isupper() else h), len(m))
                else:
                    hit = (v, 0)
                cache[key] = hit
            values[p], shift[k] = hit
        out[col] = values
        if col == orig_col and "start" in out.columns:
            start = out["start"].to_numpy().copy()
            start[pos] += shift
            out["start"] = start
    out["compound"] = compound
    return out


# --- reading token tables from paths --------------------------------------------------------

def load_tokens(paths: Iterable[str | Path], *, lang: str | None = None, progress: bool = False) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Tokens (and articles, when known) from token tables, ``load --segment`` folders or corpora.

    A ``.parquet``/``.csv`` file holding token columns is read as is; a folder with
    ``tokens.parquet`` is read with its ``articles.parquet``; anything else is loaded with
    :func:`analysis.corpus.load_articles` and segmented.
    """
    token_frames, article_frames, raw = [], [], []
    for p in map(Path, paths):
        if p.is_dir():
            check_folder(p, SEGMENTED_TABLES)
        if p.is_dir() and (p / "tokens.parquet").exists():
            token_frames.append(pd.read_parquet(p / "tokens.parquet"))
            if (p / "articles.parquet").exists():
                article_frames.append(pd.read_parquet(p / "articles.parquet"))
        elif p.suffix in (".parquet", ".csv") and p.exists() and _is_token_table(p):
            token_frames.append(read_table(p))
        else:
            raw.append(str(p))
    if raw:
        from analysis.corpus import load_articles
        from analysis.segment import segment

        articles, _ = load_articles(raw, lang=lang, progress=progress)
        article_frames.append(articles)
        token_frames.append(segment(articles, lang=lang, progress=progress).tokens)
    if not token_frames:
        raise InputError("no tokens found in the given paths")
    tokens = pd.concat(token_frames, ignore_index=True)
    articles = pd.concat(article_frames, ignore_index=True) if article_frames else None
    return tokens, articles


def iter_tokens(paths: Iterable[str | Path], *, lang: str | None = None, chunk_size: int = 500,
                progress: bool = False) -> Iterator[tuple[pd.DataFrame, pd.DataFrame | None]]:
    """Stream ``(tokens, articles)`` chunks from corpora, token tables or ``load --segment`` folders.

    Corpus files are read with :func:`analysis.corpus.iter_articles` and segmented
    ``chunk_size`` articles at a time, so memory stays bounded by the chunk (plus whatever the
    consumer keeps, e.g. a :class:`FrequencyCounter`); token tables are yielded whole. Records
    the loader rejects (unreadable, duplicates) are skipped with a warning.
    """
    require_int(chunk_size, name="chunk_size", minimum=1)
    raw = []
    for p in map(Path, paths):
        if p.is_dir():
            check_folder(p, SEGMENTED_TABLES)
        if p.is_dir() and (p / "tokens.parquet").exists():
            arts = pd.read_parquet(p / "articles.parquet") if (p / "articles.parquet").exists() else None
            yield pd.read_parquet(p / "tokens.parquet"), arts
        elif p.suffix in (".parquet", ".csv") and p.exists() and _is_token_table(p):
            yield read_table(p), None
        else:
            raw.append(str(p))
    if raw:
        from analysis.corpus import iter_articles
        from analysis.segment import segment

        loaded = rejected = 0
        for chunk in iter_articles(raw, lang=lang, errors="collect", chunk_size=chunk_size, progress=progress):
            loaded, rejected = loaded + len(chunk.articles), rejected + len(chunk.rejected)
            if len(chunk.articles):
                yield segment(chunk.articles, lang=lang).tokens, chunk.articles
        if rejected:
            log.warning("%d articles loaded, %d input record(s) rejected while loading (see `python -m analysis load` "
                        "for the reasons)", loaded, rejected)


def corpus_frequencies(paths: Iterable[str | Path], *, by: str | None = None, unit: str = "lemma",
                       ngram: int = 1, stopwords=False, min_count: int = 1, lang: str | None = None,
                       compounds: str | None = None, chunk_size: int = 500, progress: bool = False) -> pd.DataFrame:
    """:func:`frequencies` of a corpus on disk, streamed ``chunk_size`` articles at a time.

    ``by`` is a tokens or articles column (or a period such as ``"month"``). Without ``lang``
    the language of the first chunk's articles is used for stems and stopwords.
    """
    counter = None
    for tokens, articles in iter_tokens(paths, lang=lang, chunk_size=chunk_size, progress=progress):
        if counter is None:
            lg = lang or (str(articles["lang"].mode().iloc[0]) if articles is not None and "lang" in articles.columns
                          and len(articles) else None)
            counter = FrequencyCounter(by=by, unit=unit, ngram=ngram, stopwords=stopwords, lang=lg, compounds=compounds)
        for part in _article_chunks(tokens, CHUNK_TOKENS):
            counter.update(part, articles=articles)
    if counter is None:
        raise InputError("no tokens found in the given paths")
    table = counter.result(min_count=min_count)
    table.attrs["lang"] = counter.lang
    return table


def _is_token_table(path: Path) -> bool:
    return {"article_id", "sentence", "lemma", "lower"} <= set(table_columns(path))
