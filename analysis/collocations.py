"""Collocations: adjacent n-grams, window co-occurrence and node-centred collocates.

Counting runs on integer codes in chunks (:class:`CollocationCounter`): unigram counts live
in one array over the vocabulary, pair counts as ``numpy`` keys merged after every chunk, so
memory is bounded by the number of distinct pairs, never by the corpus. Measures (PMI, MI3,
log Dice, t-score, signed G2) are those of ``docs/measures.md``, computed by
:func:`association` from the 2×2 contingency table of each pair.

>>> import pandas as pd
>>> words = "der kalte krieg und der kalte winter".split()
>>> toks = pd.DataFrame({"article_id": "a", "sentence": 0, "lower": words, "text": words})
>>> collocations(toks, unit="lower", min_count=2)[["w1", "w2", "n"]].values.tolist()
[['der', 'kalte', 2]]
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

import numpy as np
import pandas as pd
from scipy import special
from tqdm.auto import tqdm

from analysis.errors import InputError, require_columns, require_int
from analysis.terms import (
    CHUNK_TOKENS,
    UNITS,
    FrequencyCounter,
    _article_chunks,
    encode,
    unique_counts,
)

log = logging.getLogger(__name__)

MEASURES = ("g2", "pmi", "log_dice", "t_score", "mi3")
_SHIFT = np.int64(32)
_MASK = np.int64((1 << 32) - 1)


def association(o11, r1, c1, n, *, f1=None) -> dict[str, np.ndarray]:
    """Association measures of pairs from their co-occurrence count and marginals.

    ``o11``: co-occurrences; ``r1``: row marginal of the first word (its frequency for adjacent
    bigrams, its number of window slots for window collocates); ``c1``: frequency of the
    second word; ``n``: corpus size; ``f1``: frequency of the first word for log Dice
    (default ``r1``). With ``e11 = r1*c1/n``: ``pmi = log2(o11/e11)``, ``mi3 =
    log2(o11**3/e11)``, ``t_score = (o11-e11)/sqrt(o11)``, ``log_dice = 14 + log2(2*o11/(f1+c1))``,
    ``g2`` = 2 Σ O ln(O/E) over the four cells, signed negative when ``o11 < e11``; ``p`` its
    chi-square (1 df) p-value.

    >>> {k: round(float(v), 3) for k, v in association(20, 100, 50, 10000).items()}
    {'pmi': 5.322, 'mi3': 13.966, 't_score': 4.36, 'log_dice': 12.093, 'g2': 121.646, 'p': 0.0}
    """
    o11, r1, c1 = (np.asarray(x, dtype=float) for x in (o11, r1, c1))
    n = float(n) if np.ndim(n) == 0 else np.asarray(n, dtype=float)
    f1 = r1 if f1 is None else np.asarray(f1, dtype=float)
    e11 = r1 * c1 / n
    o12, o21 = r1 - o11, c1 - o11
    o22 = np.maximum(n - r1 - c1 + o11, 0.0)
    r2 = n - r1
    c2 = n - c1
    cells = [(o11, e11), (o12, r1 * c2 / n), (o21, r2 * c1 / n), (o22, r2 * c2 / n)]
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * sum(special.xlogy(o, o) - special.xlogy(o, e) for o, e in cells)
        g2 = np.maximum(g2, 0.0)
        out = {
            "pmi": np.log2(o11 / e11),
            "mi3": np.log2(o11 ** 3 / e11),
            "t_score": (o11 - e11) / np.sqrt(o11),
            "log_dice": 14 + np.log2(2 * o11 / (f1 + c1)),
            "g2": np.where(o11 >= e11, g2, -g2),
            "p": special.erfc(np.sqrt(g2 / 2)),  # chi-square sf, 1 df
        }
    return out


class CollocationCounter:
    """Count unigrams and word pairs chunk by chunk.

    ``window=1`` counts adjacent bigrams inside a run (a run ends at a sentence boundary or a
    punctuation token); ``window=k`` counts (w1, w2) with w2 at most ``k`` tokens to the right of
    w1 in the same sentence (``sentence_bounded=True``) or article.
    """

    def __init__(self, *, unit: str = "lemma", window: int = 1, sentence_bounded: bool = True,
                 lang: str | None = None):
        if unit not in UNITS:
            raise InputError(f"unit must be one of {', '.join(UNITS)}, got {unit!r}")
        self.unit, self.sentence_bounded, self.lang = unit, sentence_bounded, lang
        self.window = require_int(window, name="window", minimum=1)
        self.vocab: dict[str, int] = {}
        self.words: list[str] = []
        self.freq = np.zeros(0, dtype=np.int64)
        self.slots = np.zeros(0, dtype=np.int64)
        self.stop = np.zeros(0, dtype=bool)
        self.n = 0
        self._keys: list[np.ndarray] = []
        self._counts: list[np.ndarray] = []
        self._pending = 0

    def _grow(self, size: int) -> None:
        if size > len(self.freq):
            extra = size - len(self.freq)
            self.freq = np.concatenate([self.freq, np.zeros(extra, dtype=np.int64)])
            self.slots = np.concatenate([self.slots, np.zeros(extra, dtype=np.int64)])
            self.stop = np.concatenate([self.stop, np.zeros(extra, dtype=bool)])

    def update(self, tokens: pd.DataFrame) -> CollocationCounter:
        """Count one chunk of a tokens table (cut at article boundaries)."""
        if not len(tokens):
            return self
        enc = encode(tokens, unit=self.unit, lang=self.lang, stopwords=True)
        vocab, words = self.vocab, self.words
        ids = np.empty(len(enc.vocab), dtype=np.int64)
        for i, w in enumerate(enc.vocab):
            j = vocab.get(w)
            if j is None:
                j = vocab[w] = len(words)
                words.append(w)
            ids[i] = j
        self._grow(len(words))
        g = ids[enc.codes]
        self.freq += np.bincount(g, minlength=len(self.freq))
        self.stop |= np.bincount(g[enc.stop], minlength=len(self.stop)) > 0
        self.n += len(g)
        seg = enc.chunk if self.window == 1 else (enc.sentence if self.sentence_bounded else enc.doc)
        keys = []
        for k in range(1, min(self.window, max(len(g) - 1, 0)) + 1):
            valid = seg[:-k] == seg[k:]
            left = g[:-k][valid]
            self.slots += np.bincount(left, minlength=len(self.slots))
            keys.append((left << _SHIFT) | g[k:][valid])
        if keys:
            uniq, counts = unique_counts(np.concatenate(keys))
            self._keys.append(uniq)
            self._counts.append(counts)
            self._pending += len(uniq)
            if len(self._keys) > 1 and self._pending > 4 * max(len(self._keys[0]), 1_000_000):
                self._consolidate()
        return self

    def _consolidate(self) -> None:
        if len(self._keys) > 1:
            keys = np.concatenate(self._keys)
            order = np.argsort(keys, kind="stable")
            keys, counts = keys[order], np.concatenate(self._counts)[order]
            edge = np.empty(len(keys), dtype=bool)
            edge[:1] = True  # no pairs at all when every chunk had none
            np.not_equal(keys[1:], keys[:-1], out=edge[1:])
            starts = np.flatnonzero(edge)
            uniq, counts = keys[starts], np.add.reduceat(counts, starts)
            self._keys, self._counts, self._pending = [uniq], [counts], len(uniq)

    def result(self, *, min_count: int = 3, min_freq: int = 1, stopwords: bool = False,
               sort: str = "g2") -> pd.DataFrame:
        """The pair table: w1, w2, n, n_w1, n_w2, pmi, log_dice, g2, p, t_score, mi3."""
        require_int(min_count, name="min_count")
        require_int(min_freq, name="min_freq")
        self._consolidate()
        columns = ["w1", "w2", "n", "n_w1", "n_w2", *MEASURES, "p"]
        if not self._keys:
            return _empty(columns)
        keys, o11 = self._keys[0], self._counts[0]
        a, b = keys >> _SHIFT, keys & _MASK
        keep = (o11 >= min_count) & (self.freq[a] >= min_freq) & (self.freq[b] >= min_freq)
        if stopwords:
            keep &= ~(self.stop[a] | self.stop[b])
        a, b, o11 = a[keep], b[keep], o11[keep]
        r1 = self.freq[a] if self.window == 1 else self.slots[a]
        m = association(o11, r1, self.freq[b], self.n, f1=self.freq[a])
        words = np.asarray(self.words, dtype=object)
        if sort not in columns:
            raise InputError(f"sort must be one of {', '.join(columns)}, got {sort!r}")
        values = {"n": o11, "n_w1": self.freq[a], "n_w2": self.freq[b], **m}
        # descending by the measure; ties keep (w1, w2) in vocabulary order (first occurrence)
        order = np.argsort(-np.asarray(values[sort], dtype=float), kind="stable") if sort in values else \
            np.arange(len(a))
        a, b = a[order], b[order]
        df = pd.DataFrame({"w1": words[a], "w2": words[b], **{k: v[order] for k, v in values.items()}})
        if sort in ("w1", "w2"):
            df = df.sort_values(sort, kind="stable").reset_index(drop=True)
        return df[columns]


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object if c in ("w1", "w2") else "float64") for c in columns})


def _sorted(df: pd.DataFrame, sort: str) -> pd.DataFrame:
    if sort not in df.columns:
        raise InputError(f"sort must be one of {', '.join(df.columns)}, got {sort!r}")
    return df.sort_values([sort, "w1", "w2"], ascending=[False, True, True], kind="stable").reset_index(drop=True)


def collocations(tokens: pd.DataFrame, *, unit: str = "lemma", ngram: int = 2, window: int = 1,
                 sentence_bounded: bool = True, min_count: int = 3, min_freq: int = 1,
                 stopwords: bool = False, sort: str = "g2", lang: str | None = None,
                 chunk_size: int = CHUNK_TOKENS, progress: bool = False) -> pd.DataFrame:
    """Collocations of a corpus: adjacent n-grams or (``window > 1``) window co-occurrences.

    Bigrams (``ngram=2, window=1``) use the unigram frequencies of w1 and w2 as marginals and
    the number of counted tokens as N (NLTK's and AntConc's convention). Window pairs use the
    number of window slots after w1 as its marginal. ``ngram > 2`` gives n-gram counts with
    ``pmi``, ``mi3`` and ``t_score`` against the product of the unigram probabilities (as
    NLTK's trigram measures); G2 and log Dice are defined for pairs only.

    Pairs are kept with ``n >= min_count`` and both words ``>= min_freq``; ``stopwords=True``
    drops pairs containing a stopword (counts are unaffected). Sorted by ``sort`` (descending).
    """
    if not isinstance(tokens, pd.DataFrame):
        raise InputError(f"tokens: expected a pandas DataFrame, got {type(tokens).__name__}")
    if len(tokens):
        require_columns(tokens, ["article_id", "sentence"], table="tokens")
    require_int(chunk_size, name="chunk_size", minimum=1)
    if require_int(ngram, name="ngram", minimum=2) > 2:
        chunks = _article_chunks(tokens, chunk_size) if len(tokens) else iter(())
        return _ngram_collocations(chunks, n=ngram, unit=unit, min_count=min_count, stopwords=stopwords,
                                   sort=sort if sort != "g2" else "t_score", lang=lang)
    counter = CollocationCounter(unit=unit, window=window, sentence_bounded=sentence_bounded, lang=lang)
    chunks = list(_article_chunks(tokens, chunk_size)) if len(tokens) else []
    for chunk in tqdm(chunks, disable=not progress, desc="collocations", unit="chunk"):
        counter.update(chunk)
    return counter.result(min_count=min_count, min_freq=min_freq, stopwords=stopwords, sort=sort)


def _ngram_collocations(chunks: Iterable[pd.DataFrame], *, n, unit, min_count, stopwords, sort,
                        lang) -> pd.DataFrame:
    """N-gram collocations of the tokens in ``chunks`` (each of whole articles)."""
    columns = ["ngram", "n", "pmi", "mi3", "t_score"]
    sep = "\x1f"
    grams = FrequencyCounter(unit=unit, ngram=n, stopwords=stopwords, lang=lang, sep=sep)
    uni = FrequencyCounter(unit=unit, ngram=1, lang=lang)
    seen = False
    for chunk in chunks:
        if len(chunk):
            seen = True
            grams.update(chunk)
            uni.update(chunk)
    if not seen:
        return _empty(columns)
    g = grams.result(min_count=min_count)
    u = uni.result()
    if not len(g):
        return _empty(columns)
    total = float(u["total"].iloc[0])
    ufreq = u.set_index("term")["n"]
    parts = g["term"].str.split(sep, expand=True)
    expected = np.full(len(g), total)
    for j in range(n):
        expected = expected * ufreq.reindex(parts[j]).to_numpy(dtype=float) / total
    o = g["n"].to_numpy(dtype=float)
    with np.errstate(divide="ignore"):
        df = pd.DataFrame({"ngram": g["term"].str.replace(sep, " ", regex=False), "n": g["n"],
                           "pmi": np.log2(o / expected), "mi3": np.log2(o ** 3 / expected),
                           "t_score": (o - expected) / np.sqrt(o)})
    for j in range(n):
        df[f"w{j + 1}"] = parts[j].to_numpy()
    return df.sort_values([sort, "ngram"], ascending=[False, True], kind="stable").reset_index(drop=True)


class NodeCounter:
    """Co-occurrence counts of a node term, accumulated chunk by chunk (each chunk of whole
    articles) and kept per term, so memory is bounded by the vocabulary; :meth:`result` gives
    the table of :func:`collocates`.

    >>> part = lambda words: pd.DataFrame({"article_id": "a", "sentence": 0, "lower": words.split()})
    >>> counter = NodeCounter("frieden", unit="lower", left=1, right=1)
    >>> counter.update(part("wir wollen frieden")).update(part("frieden schaffen")).result(min_count=1)["w2"].tolist()
    ['schaffen', 'wollen']
    """

    def __init__(self, node, *, unit: str = "lemma", left: int = 5, right: int = 5, sentence_bounded: bool = True,
                 lang: str | None = None):
        for name, value in (("left", left), ("right", right)):
            require_int(value, name=name)
        self.node, self.unit, self.left, self.right = node, unit, left, right
        self.sentence_bounded, self.lang = sentence_bounded, lang
        self.nodes = {str(x).casefold() for x in ([node] if isinstance(node, str) else node)}
        self.counts = pd.DataFrame({"n_left": [], "n_right": [], "freq": [], "stop": []}, dtype="int64")
        self.slots = self.tokens = self.f_node = 0

    def update(self, tokens: pd.DataFrame) -> NodeCounter:
        """Add the counts of ``tokens`` (whole articles)."""
        if not len(tokens):
            return self
        enc = encode(tokens, unit=self.unit, lang=self.lang, stopwords=True)
        v, m = len(enc.vocab), len(enc.codes)
        is_node_type = np.array([str(t).casefold() in self.nodes for t in enc.vocab], dtype=bool)
        seg = enc.sentence if self.sentence_bounded else enc.doc
        where = np.flatnonzero(is_node_type[enc.codes]) if m else np.array([], dtype=np.int64)
        side = {"n_left": np.zeros(v, dtype=np.int64), "n_right": np.zeros(v, dtype=np.int64)}
        for k in [-i for i in range(1, self.left + 1)] + list(range(1, self.right + 1)):
            j = where + k
            ok = (j >= 0) & (j < m)
            j, src = j[ok], where[ok]
            j = j[seg[j] == seg[src]]
            self.slots += len(j)
            side["n_left" if k < 0 else "n_right"] += np.bincount(enc.codes[j], minlength=v)
        freq = np.bincount(enc.codes, minlength=v)
        self.tokens += m
        self.f_node += int(freq[is_node_type].sum())
        chunk = pd.DataFrame({**side, "freq": freq, "stop": np.bincount(enc.codes[enc.stop], minlength=v)},
                             index=pd.Index(enc.vocab, dtype=object))
        self.counts = self.counts.add(chunk, fill_value=0).astype("int64")
        return self

    def result(self, *, min_count: int = 2, min_freq: int = 1, stopwords: bool = False,
               sort: str = "log_dice") -> pd.DataFrame:
        """The collocates with ``n >= min_count`` and a frequency ``>= min_freq`` (``stopwords``:
        without those ever tagged a stopword), sorted by ``sort`` (descending)."""
        for name, value in (("min_count", min_count), ("min_freq", min_freq)):
            require_int(value, name=name)
        columns = ["w1", "w2", "n", "n_left", "n_right", "n_w1", "n_w2", "slots", *MEASURES, "p"]
        if not self.f_node:
            log.info("node %r does not occur", self.node)
            return _empty(columns)
        c = self.counts
        o11 = (c["n_left"] + c["n_right"]).to_numpy()
        keep = (o11 >= max(min_count, 1)) & (c["freq"].to_numpy() >= min_freq)
        if stopwords:
            keep &= c["stop"].to_numpy() == 0
        c, o11 = c[keep], o11[keep]
        meas = association(o11, np.full(len(c), self.slots), c["freq"].to_numpy(), self.tokens,
                           f1=np.full(len(c), self.f_node))
        label = self.node if isinstance(self.node, str) else "|".join(map(str, self.node))
        df = pd.DataFrame({"w1": label, "w2": c.index.to_numpy(dtype=object), "n": o11, "n_left": c["n_left"].to_numpy(),
                           "n_right": c["n_right"].to_numpy(), "n_w1": self.f_node, "n_w2": c["freq"].to_numpy(),
                           "slots": self.slots, **meas})
        return _sorted(df[columns], sort)


def collocates(tokens: pd.DataFrame, node, *, unit: str = "lemma", left: int = 5, right: int = 5,
               sentence_bounded: bool = True, min_count: int = 2, min_freq: int = 1,
               stopwords: bool = False, sort: str = "log_dice", lang: str | None = None) -> pd.DataFrame:
    """Collocates of a node term within ``left``/``right`` tokens (punctuation not counted).

    ``node``: a term (compared case-insensitively on ``unit``) or a list of terms. The node's
    row marginal is the number of window slots around its occurrences that lie inside the
    sentence (``sentence_bounded=True``) or article, so E11 = slots × f(collocate) / N.
    Columns: ``w1`` (the node), ``w2`` (collocate), ``n``, ``n_left``, ``n_right``, ``n_w1``,
    ``n_w2``, ``slots`` and the measures of :func:`association`.

    >>> words = "wir wollen frieden . frieden schaffen wir".split()
    >>> toks = pd.DataFrame({"article_id": "a", "sentence": [0, 0, 0, 0, 1, 1, 1], "lower": words})
    >>> collocates(toks, "frieden", unit="lower", min_count=1)[["w2", "n_left", "n_right"]].values.tolist()
    [['wir', 1, 1], ['schaffen', 0, 1], ['wollen', 1, 0]]
    """
    if not isinstance(tokens, pd.DataFrame):
        raise InputError(f"tokens: expected a pandas DataFrame, got {type(tokens).__name__}")
    counter = NodeCounter(node, unit=unit, left=left, right=right, sentence_bounded=sentence_bounded, lang=lang)
    return counter.update(tokens).result(min_count=min_count, min_freq=min_freq, stopwords=stopwords, sort=sort)


def corpus_collocations(paths, *, unit: str = "lemma", ngram: int = 2, window: int = 1,
                        sentence_bounded: bool = True, min_count: int = 3, min_freq: int = 1, stopwords: bool = False,
                        sort: str = "g2", lang: str | None = None, chunk_size: int = 500,
                        progress: bool = False) -> pd.DataFrame:
    """:func:`collocations` of a corpus on disk, streamed ``chunk_size`` articles at a time
    (memory: the vocabulary and the distinct pairs or n-grams, plus one chunk)."""
    if require_int(ngram, name="ngram", minimum=2) > 2:
        return _ngram_collocations(_corpus_chunks(paths, lang, chunk_size, progress), n=ngram, unit=unit,
                                   min_count=min_count, stopwords=stopwords,
                                   sort=sort if sort != "g2" else "t_score", lang=lang)
    counter = CollocationCounter(unit=unit, window=window, sentence_bounded=sentence_bounded, lang=lang)
    for part in _corpus_chunks(paths, lang, chunk_size, progress):
        counter.update(part)
    return counter.result(min_count=min_count, min_freq=min_freq, stopwords=stopwords, sort=sort)


def corpus_collocates(paths, node, *, unit: str = "lemma", left: int = 5, right: int = 5,
                      sentence_bounded: bool = True, min_count: int = 2, min_freq: int = 1, stopwords: bool = False,
                      sort: str = "log_dice", lang: str | None = None, chunk_size: int = 500,
                      progress: bool = False) -> pd.DataFrame:
    """:func:`collocates` of ``node`` in a corpus on disk, streamed ``chunk_size`` articles at a
    time (memory: the vocabulary, plus one chunk)."""
    counter = NodeCounter(node, unit=unit, left=left, right=right, sentence_bounded=sentence_bounded, lang=lang)
    for part in _corpus_chunks(paths, lang, chunk_size, progress):
        counter.update(part)
    return counter.result(min_count=min_count, min_freq=min_freq, stopwords=stopwords, sort=sort)


def _corpus_chunks(paths, lang, chunk_size: int, progress: bool) -> Iterator[pd.DataFrame]:
    """The tokens of a corpus on disk in chunks of whole articles; an :class:`InputError` when
    the paths hold no tokens at all."""
    from analysis.terms import iter_tokens

    seen = False
    for tokens, _ in iter_tokens(paths, lang=lang, chunk_size=chunk_size, progress=progress):
        seen = True
        yield from _article_chunks(tokens, CHUNK_TOKENS)
    if not seen:
        raise InputError("no tokens found in the given paths")
