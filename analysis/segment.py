"""Paragraphs, sentences and tokens with character offsets into ``articles.text``.

The tokenizer is one regular expression; sentence boundaries are decided on the token stream
by rules that know German and English news: abbreviations from the language's resource list,
initials, German ordinals and dates (``am 13. September``, ``der 2. Gipfel``), and quotations
(a boundary moves behind a closing quotation mark; a quotation followed by its frame, as in
``„Darf ich?“, fragte sie.``, stays one sentence with the frame). Paragraphs are separated by
line breaks and a sentence never crosses one. Lemmas come from simplemma (its data ships with
the package), cached per word type.

>>> import pandas as pd
>>> art = pd.DataFrame({"article_id": ["a"], "lang": ["de"],
...                     "text": ["Dr. Meier kam am 13. September. „Darf ich?“, fragte sie."]})
>>> sentences, tokens = segment(art)
>>> sentences["text"].tolist()
['Dr. Meier kam am 13. September.', '„Darf ich?“, fragte sie.']
>>> tokens.loc[tokens["text"] == "fragte", "lemma"].item()
'fragen'
"""
from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from functools import cache
from itertools import compress, groupby
from typing import NamedTuple

import numpy as np
import pandas as pd
import simplemma
from tqdm.auto import tqdm

from analysis.errors import require_columns
from analysis.resources import ROOT, table, wordlist
from analysis.runtime import forgets, word_cache

log = logging.getLogger(__name__)

SENTENCE_COLUMNS = ["article_id", "paragraph", "sentence", "start", "end", "text"]
TOKEN_COLUMNS = ["article_id", "sentence", "paragraph", "start", "end", "text", "lower", "lemma", "is_stop", "is_punct"]

# Combining marks (vowel signs of Indic scripts, Hebrew and Arabic points, Thai vowels, Latin
# diacritics written separately) belong to the word they follow; Python's \w does not include them.
COMBINING = (r"\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
             r"\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u0981-\u0983\u09bc-\u09d7\u0a01-\u0a03"
             r"\u0a3c-\u0a51\u0a81-\u0a83\u0abc-\u0acd\u0b01-\u0b03\u0b3c-\u0b57\u0b82\u0bbe-\u0bcd"
             r"\u0c00-\u0c04\u0c3e-\u0c56\u0c81-\u0c83\u0cbc-\u0cd6\u0d00-\u0d03\u0d3b-\u0d4d"
             r"\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u200c\u200d")
# Each alternative starts with a single character (class), which lets the regex engine skip it at a
# glance, and repeated groups are entered only after their first character matched; the order
# decides between alternatives that match at the same place.
TOKEN_RE = re.compile(
    r"""[^\W\d_]\.(?:[^\W\d_]\.)+         # acronyms and abbreviations written with dots: U.S., z.B.
      | https?://\S+[\w/] | www\.\S+[\w/]   # web addresses
      | \d\d*(?:[.,:]\d+(?:[.,:]\d+)*|)(?![^\W\d_])   # numbers: 2009, 2.000, 3,5, 12:30
      | WORD(?:[-'’&]WORD(?:[-'’&]WORD)*|)  # words, hyphenated compounds, geht's, Kim's
        (?:-(?=\s+(?:und|oder|bis|sowie|and|or|to)\b)|)   # Nord- und Südkorea
      | \.\.+ | [!?]+                     # ellipses, ?!, !!!
      | \S                                # any other character on its own
    """.replace("WORD", r"\w[\wCOMBINING]*").replace("COMBINING", COMBINING),
    re.VERBOSE,
)
_SPLIT_RE = re.compile("(" + TOKEN_RE.pattern + ")", re.VERBOSE)
ENDERS = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "??", "!!!", "???", "।", "॥", "。", "？", "！"})
DOUBLE_QUOTES = frozenset('„“”"»«')
MARKS = ENDERS | DOUBLE_QUOTES
_MARK_FIRST = np.array(sorted({ord(mark[0]) for mark in MARKS}), dtype=np.uint32)
CLOSERS = DOUBLE_QUOTES | frozenset("’‘')]")
CONTINUERS = frozenset({",", ";"})
WORD_CHAR = re.compile(r"\w")
# Between the articles of a block: a paragraph of its own that no token, lookahead or quotation crosses.
SEPARATOR = "\n\x00\n"


class Segmented(NamedTuple):
    """The two tables produced by :func:`segment`."""

    sentences: pd.DataFrame
    tokens: pd.DataFrame


# --- language resources ---------------------------------------------------------------------

@cache
def _abbreviations(lang: str) -> frozenset[str]:
    return wordlist(lang, "abbreviations") if (ROOT / lang / "abbreviations.txt").exists() else frozenset()


@cache
def _stopwords(lang: str) -> frozenset[str]:
    if (ROOT / lang / "stopwords.txt").exists():
        return wordlist(lang, "stopwords")
    log.warning("no stopword list for language %r: is_stop is False for all its tokens", lang)
    return frozenset()


@cache
def _months(lang: str) -> frozenset[str]:
    return frozenset(table(lang, "months")["name"]) if (ROOT / lang / "months.tsv").exists() else frozenset()


@cache
def _ordinal_triggers(lang: str) -> frozenset[str]:
    path = ROOT / lang / "ordinal_triggers.txt"
    return wordlist(lang, "ordinal_triggers") if path.exists() else frozenset()


@word_cache(maxsize=2**17)
def lemmatize(word: str, lang: str) -> str:
    """Lemma of ``word`` in language ``lang`` (simplemma; the word itself when unknown).

    Cached per (word, lang) for the 2^17 types used last, so a corpus pays for a frequent type once.

    >>> lemmatize("Gesprächen", "de"), lemmatize("talks", "en")
    ('Gespräch', 'talk')
    """
    return _lemma(word, lang)


def _lemma(word: str, lang: str) -> str:
    """:func:`lemmatize` without its cache (for callers that keep their own)."""
    if not WORD_CHAR.search(word):
        return word
    try:
        return simplemma.lemmatize(word, lang=lang)
    except (ValueError, TypeError):  # a language simplemma does not know
        return word


MAX_TYPES = 2**17  # per language: a worker that runs many partitions keeps at most this many
FEATURES = {"lower": object, "lemma": object, "is_stop": bool, "is_punct": bool}


class _Vocabulary(dict):
    """The word types of one language, numbered in order of first appearance, with their features.

    Maps a type to its number; ``columns`` holds one array per feature (:data:`FEATURES`),
    indexed by that number. Each type's features are computed once, when it first occurs.

    >>> vocabulary = _Vocabulary("de")
    >>> vocabulary.features(np.array(["Die", "die", ","], dtype=object))["lemma"].tolist()
    ['der', 'der', ',']
    >>> vocabulary
    {'Die': 0, 'die': 1, ',': 2}
    """

    def __init__(self, lang: str):
        super().__init__()
        self.lang, self.stopwords, self.lock = lang, _stopwords(lang), threading.Lock()
        self.start_afresh()

    def start_afresh(self) -> None:
        """Forget all types."""
        self.clear()
        self.new: list[str] = []  # types numbered but without features yet
        self.columns = {name: np.zeros(0, dtype) for name, dtype in FEATURES.items()}

    def __missing__(self, word: str) -> int:
        self[word] = number = len(self)
        self.new.append(word)
        return number

    def features(self, words: np.ndarray) -> dict[str, np.ndarray]:
        """``lower``, ``lemma``, ``is_stop`` and ``is_punct`` of each of ``words``."""
        with self.lock:  # threads (Dask's default scheduler) may segment partitions at the same time
            if len(self) > MAX_TYPES:  # memory stays bounded on an open vocabulary
                self.start_afresh()
            numbers = np.fromiter(map(self.__getitem__, words), dtype=np.int64, count=len(words))
            if self.new:
                self._add_features()
            return {name: column[numbers] for name, column in self.columns.items()}

    def _add_features(self) -> None:
        """Compute the features of the new types and append them to ``columns``."""
        lower = [word.lower() for word in self.new]
        added = {"lower": lower, "lemma": [_lemma(word, self.lang) for word in self.new],
                 "is_stop": [word in self.stopwords for word in lower],
                 "is_punct": [not WORD_CHAR.search(word) for word in self.new]}
        for name, values in added.items():
            self.columns[name] = np.concatenate((self.columns[name], np.array(values, dtype=FEATURES[name])))
        self.new = []


@cache
def _vocabulary(lang: str) -> _Vocabulary:
    """The vocabulary of ``lang``, shared by all calls in the process."""
    return _Vocabulary(lang)


forgets(_vocabulary.cache_clear)


# --- one text ---------------------------------------------------------------------------------

def _is_opening(text: str, start: int, end: int) -> bool:
    """A quotation mark opens when no word character stands right before it."""
    if text[start] in "„»‚":
        return text[start] == "„" or not (end < len(text) and text[end].isspace())
    before = text[start - 1] if start else " "
    return before.isspace() or before in "([{—–-/"


def _merge_abbreviations(starts, ends, words: list[str], marks, lang: str):
    """Glue each period to a preceding abbreviation or initial (``Dr.``, ``z.``, ``W.``).

    ``marks`` are the indices of sentence-end and quotation tokens. Returns ``starts``, ``ends``,
    ``words`` and ``marks``, shortened and re-indexed where periods were glued.
    """
    abbreviations = _abbreviations(lang)
    attached = marks[marks > 0]
    attached = attached[starts[attached] == ends[attached - 1]]
    glued = [
        i for i in attached.tolist()
        if words[i] == "." and (words[i - 1] in abbreviations or (len(words[i - 1]) == 1 and words[i - 1].isupper()))
    ]
    if not glued:
        return starts, ends, words, marks
    for i in glued:
        words[i - 1] += "."
    ends[np.asarray(glued) - 1] = ends[glued]
    keep = np.ones(len(words), dtype=bool)
    keep[glued] = False
    kept = marks[keep[marks]]
    marks = kept - np.searchsorted(glued, kept, side="right")
    return starts[keep], ends[keep], list(compress(words, keep.tolist())), marks


def _sentence_ends(words: list[str], marks: Iterable[tuple[int, int]], attached: bytes, lang: str) -> set[int]:
    """Token indices (exclusive ends) of the sentences that end inside a paragraph.

    ``marks`` gives ``(index, paragraph_end)`` for each sentence-end and quotation token: its
    token index and the end (token index) of its paragraph. ``attached[i]`` tells whether token
    i starts where token i - 1 ends.

    >>> _sentence_ends(["Er", "kam", ".", "Sie", "ging", "."], [(2, 6), (5, 6)], bytes([0, 0, 1, 0, 0, 1]), "de")
    {3}
    """
    months, triggers = _months(lang), _ordinal_triggers(lang)
    cuts: set[int] = set()
    for i, hi in marks:
        if words[i] not in ENDERS:
            continue
        j = i + 1
        while j < hi and words[j] in CLOSERS and attached[j]:
            j += 1  # a closing mark glued to the sentence end belongs to the sentence
        if j >= hi:
            continue
        nxt, prev = words[j], words[i - 1] if i else ""
        ordinal = (
            words[i] == "." and prev.isdigit() and len(prev) <= 4 and attached[i]
            and (nxt.lower() in months or (i >= 2 and words[i - 2].lower() in triggers))
        )
        if not (nxt in CONTINUERS or nxt[0].islower() or ordinal):
            cuts.add(j)
    return cuts


def _join_quotations_with_frames(text: str, words: list[str], marks: Iterable[tuple[int, int, int, int]],
                                 cuts: set[int]) -> None:
    """Remove from ``cuts`` the ends inside a quotation followed by its frame („…“, sagte er).

    ``marks`` gives ``(index, start, end, paragraph_end)`` for each sentence-end and quotation
    token: its token index, character offsets and the end (token index) of its paragraph.

    >>> cuts = {3}
    >>> _join_quotations_with_frames("„Ja. Gut.“, sagte er.", ["„", "Ja", ".", "Gut", ".", "“", ",", "sagte", "er", "."],
    ...                              [(0, 0, 1, 10), (2, 3, 4, 10), (4, 8, 9, 10), (5, 9, 10, 10), (9, 21, 22, 10)], cuts)
    >>> cuts
    set()
    """
    stack: list[tuple[int, int]] = []  # (index, paragraph end) of the open quotation marks
    for k, start, end, hi in marks:
        if words[k] not in DOUBLE_QUOTES:
            continue
        if stack and stack[-1][1] != hi:
            stack.clear()  # quotation marks never pair across paragraphs
        if _is_opening(text, start, end):
            stack.append((k, hi))
        elif stack:
            a, _ = stack.pop()
            if k + 1 < hi and (words[k + 1] in CONTINUERS or words[k + 1][0].islower()):
                cuts.difference_update(range(a + 1, k + 1))


def _tokens(text: str, characters: np.ndarray, lang: str):
    """Token offsets and strings of ``text``, and the indices of its sentence-end and quotation tokens.

    ``characters`` are the code points of ``text``.

    >>> text = "Dr. Meier kam."
    >>> starts, ends, words, marks = _tokens(text, np.array([ord(c) for c in text]), "de")
    >>> words, starts.tolist(), marks.tolist()
    (['Dr.', 'Meier', 'kam', '.'], [0, 4, 10, 13], [3])
    """
    parts = _SPLIT_RE.split(text)  # whitespace, token, whitespace, token, ..., whitespace
    bounds = np.cumsum(np.fromiter(map(len, parts), dtype=np.int64, count=len(parts)))
    starts, ends, words = bounds[0:-1:2], bounds[1::2], parts[1::2]
    # only tokens that start with a character of a mark can be one: look at first characters in bulk
    candidates = np.flatnonzero(np.isin(characters[starts], _MARK_FIRST)).tolist()
    marks = np.array([i for i in candidates if words[i] in MARKS], dtype=np.int64)
    if "." in text:
        starts, ends, words, marks = _merge_abbreviations(starts, ends, words, marks, lang)
    return starts, ends, words, marks


def segment_text(text: str, lang: str = "de"):
    """Tokens and sentences of one text.

    Returns ``(starts, ends, words, sentences)``: token offsets (NumPy arrays) and strings, and
    an array of ``(paragraph, first_token, end_token)`` rows, one per sentence (end exclusive).

    >>> starts, ends, words, sentences = segment_text("Er kam. Sie ging.\\n\\nEnde.")
    >>> sentences.tolist()
    [[0, 0, 3], [0, 3, 6], [1, 6, 8]]
    """
    characters = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    starts, ends, words, marks = _tokens(text, characters, lang)
    if not words:
        return starts, ends, words, np.zeros((0, 3), np.int64)
    # paragraphs are the lines with a token: number them by counting line changes between tokens
    line = np.searchsorted(np.flatnonzero(characters == ord("\n")), starts)
    token_paragraph = np.cumsum(np.diff(line, prepend=line[0]) != 0)
    boundaries = np.flatnonzero(np.diff(token_paragraph)) + 1
    edges = np.concatenate(([0], boundaries, [len(words)]))
    index = marks.tolist()
    paragraph_end = edges[np.searchsorted(edges, marks, side="right")].tolist()
    attached = np.concatenate(([False], starts[1:] == ends[:-1])).tobytes()
    cuts = _sentence_ends(words, zip(index, paragraph_end), attached, lang)
    _join_quotations_with_frames(text, words, zip(index, starts[marks].tolist(), ends[marks].tolist(), paragraph_end), cuts)
    cuts = np.asarray(sorted(cuts.union(edges[1:].tolist())), dtype=np.int64)
    firsts = np.concatenate(([0], cuts[:-1]))
    return starts, ends, words, np.column_stack((token_paragraph[firsts], firsts, cuts))


def _segment_block(texts: list[str], lang: str) -> tuple[dict, dict]:
    """Sentences and tokens of consecutive texts in one language, segmented as one joined text.

    Joined with :data:`SEPARATOR`, every text gets exactly the tokens and sentences it gets on its
    own (a quotation mark ending a text may read as opening rather than closing, which changes
    nothing at the end of a paragraph). Returns the columns of both tables as arrays, with
    ``article`` (the position in ``texts``) and offsets into each text.

    >>> sentences, tokens = _segment_block(["Er kam. Sie ging.", "Ende."], "de")
    >>> sentences["article"].tolist(), sentences["sentence"].tolist(), sentences["start"].tolist()
    ([0, 0, 1], [0, 1, 0], [0, 8, 0])
    >>> tokens["text"].tolist()
    ['Er', 'kam', '.', 'Sie', 'ging', '.', 'Ende', '.']
    """
    joined = SEPARATOR.join(texts)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    offsets = np.concatenate(([0], np.cumsum(lengths[:-1] + len(SEPARATOR))))
    starts, ends, words, sents = segment_text(joined, lang)
    real = np.ones(len(words), dtype=bool)
    real[np.searchsorted(starts, offsets[1:] - 2)] = False  # the separators' own "\x00" tokens
    paragraph, first, cut = sents[real[sents[:, 1]]].T  # a separator is a sentence of its own
    article = np.searchsorted(offsets, starts[first], side="right") - 1
    article_first = np.searchsorted(article, article)  # each sentence's article's first sentence
    s_start, s_end = starts[first], ends[cut - 1]
    sentences = {
        "article": article,
        "paragraph": paragraph - paragraph[article_first],
        "sentence": np.arange(len(article)) - article_first,
        "start": s_start - offsets[article],
        "end": s_end - offsets[article],
        "text": _objects([joined[a:b] for a, b in zip(s_start.tolist(), s_end.tolist())]),
    }
    owner = np.repeat(np.arange(len(article)), cut - first)  # each real token's sentence
    tokens = {key: sentences[key][owner] for key in ("article", "sentence", "paragraph")}
    tokens["start"] = starts[real] - offsets[tokens["article"]]
    tokens["end"] = ends[real] - offsets[tokens["article"]]
    tokens["text"] = _objects(words)[real]
    return sentences, tokens


def _objects(values: list) -> np.ndarray:
    """``values`` as a one-dimensional object array (strings stay Python strings)."""
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


# --- tables -----------------------------------------------------------------------------------

def article_languages(articles: pd.DataFrame, lang: str | None = None) -> list[str]:
    """The language of each article: ``lang`` if given, else the ``lang`` column, else German.

    >>> article_languages(pd.DataFrame({"lang": ["en", None]}))
    ['en', 'de']
    """
    if lang is not None:
        return [lang] * len(articles)
    if "lang" in articles.columns:
        return [x if isinstance(x, str) and x else "de" for x in articles["lang"]]
    return ["de"] * len(articles)


def segment(articles: pd.DataFrame, *, lang: str | None = None, progress: bool = False) -> Segmented:
    """Split ``articles`` into the ``sentences`` and ``tokens`` tables (see docs/tables.md).

    ``lang`` overrides the articles' ``lang`` column (default German when neither is given).
    Empty or missing texts give no rows. For corpora larger than memory, call it per chunk of
    :func:`analysis.corpus.iter_articles`.

    >>> import pandas as pd
    >>> s, t = segment(pd.DataFrame({"article_id": ["x"], "text": ["Mr. Smith said it. Yes."]}), lang="en")
    >>> s["text"].tolist(), int(t["is_stop"].sum())
    (['Mr. Smith said it.', 'Yes.'], 1)
    """
    require_columns(articles, ["article_id", "text"], table="articles")
    texts = [text if isinstance(text, str) else "" for text in articles["text"]]
    sentence_blocks, token_blocks = [], []
    with tqdm(total=len(texts), disable=not progress, desc="segment", unit="art") as bar:
        for lg, begin, stop in _language_runs(article_languages(articles, lang)):
            sentences, tokens = _segment_block(texts[begin:stop], lg)
            bar.update(stop - begin)
            if not len(tokens["text"]):
                continue
            sentences["article"] += begin
            tokens["article"] += begin
            tokens.update(_vocabulary(lg).features(tokens["text"]))
            sentence_blocks.append(sentences)
            token_blocks.append(tokens)
    ids = articles["article_id"].to_numpy(dtype=object)
    return Segmented(_table(sentence_blocks, ids, SENTENCE_COLUMNS), _table(token_blocks, ids, TOKEN_COLUMNS))


def _language_runs(langs: list[str]):
    """``(lang, start, stop)`` of each run of consecutive articles in the same language.

    >>> list(_language_runs(["de", "de", "en"]))
    [('de', 0, 2), ('en', 2, 3)]
    """
    start = 0
    for lg, run in groupby(langs):
        stop = start + sum(1 for _ in run)
        yield lg, start, stop
        start = stop


COLUMN_TYPES = {"article": np.int64, "paragraph": np.int32, "sentence": np.int32, "start": np.int64,
                "end": np.int64, "text": object, **FEATURES}


def _table(blocks: list[dict], ids: np.ndarray, columns: list[str]) -> pd.DataFrame:
    """One table from the blocks' columns; ``article`` positions become ``article_id`` values.

    >>> _table([], np.array(["a"], dtype=object), SENTENCE_COLUMNS).dtypes["sentence"]
    dtype('int32')
    """
    def column(name: str) -> np.ndarray | pd.Series:
        parts = [block[name] for block in blocks] or [np.zeros(0, COLUMN_TYPES[name])]
        values = (parts[0] if len(parts) == 1 else np.concatenate(parts)).astype(COLUMN_TYPES[name], copy=False)
        return pd.Series(values, dtype=object, copy=False) if values.dtype == object else values

    article_ids = pd.Series(ids[column("article")], dtype=object, copy=False)
    # the columns are new arrays that nothing else holds: no need for pandas to copy them
    return pd.DataFrame({"article_id": article_ids, **{name: column(name) for name in columns[1:]}}, copy=False)


def split_sentences(articles: pd.DataFrame, *, lang: str | None = None, progress: bool = False) -> pd.DataFrame:
    """The ``sentences`` table of ``articles`` (the first half of :func:`segment`).

    >>> import pandas as pd
    >>> split_sentences(pd.DataFrame({"article_id": [1], "text": ["Nr. 5 gewann. Er jubelte."]}))["text"].tolist()
    ['Nr. 5 gewann.', 'Er jubelte.']
    """
    return segment(articles, lang=lang, progress=progress).sentences


def tokenize(articles: pd.DataFrame, *, lang: str | None = None, progress: bool = False) -> pd.DataFrame:
    """The ``tokens`` table of ``articles`` (the second half of :func:`segment`).

    >>> import pandas as pd
    >>> tokenize(pd.DataFrame({"article_id": [1], "text": ["Sechs-Parteien-Gespräche"]}))["lemma"].tolist()
    ['Sechs-Parteien-Gespräch']
    """
    return segment(articles, lang=lang, progress=progress).tokens
