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
from functools import lru_cache
from itertools import compress
from typing import NamedTuple

import numpy as np
import pandas as pd
import simplemma
from tqdm.auto import tqdm

from analysis.errors import require_columns
from analysis.resources import ROOT, table, wordlist

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
TOKEN_RE = re.compile(
    r"""(?:[^\W\d_]\.){2,}                 # acronyms and abbreviations written with dots: U.S., z.B.
      | https?://\S+[\w/] | www\.\S+[\w/]   # web addresses
      | \d+(?:[.,:]\d+)*(?![^\W\d_])      # numbers: 2009, 2.000, 3,5, 12:30
      | \w[\wCOMBINING]*(?:[-'’&]\w[\wCOMBINING]*)*   # words, hyphenated compounds, geht's, Kim's
        (?:-(?=\s+(?:und|oder|bis|sowie|and|or|to)\b))?   # Nord- und Südkorea
      | \.{2,} | [!?]+                    # ellipses, ?!, !!!
      | \S                                # any other character on its own
    """.replace("COMBINING", COMBINING),
    re.VERBOSE,
)
_SPLIT_RE = re.compile("(" + TOKEN_RE.pattern + ")", re.VERBOSE)
PARAGRAPH_RE = re.compile(r"[^\n]*\S[^\n]*")
ENDERS = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "??", "!!!", "???", "।", "॥", "。", "？", "！"})
DOUBLE_QUOTES = frozenset('„“”"»«')
MARKS = ENDERS | DOUBLE_QUOTES
CLOSERS = DOUBLE_QUOTES | frozenset("’‘')]")
CONTINUERS = frozenset({",", ";"})
WORD_CHAR = re.compile(r"\w")


class Segmented(NamedTuple):
    """The two tables produced by :func:`segment`."""

    sentences: pd.DataFrame
    tokens: pd.DataFrame


# --- language resources ---------------------------------------------------------------------

@lru_cache(maxsize=None)
def _abbreviations(lang: str) -> frozenset[str]:
    return wordlist(lang, "abbreviations") if (ROOT / lang / "abbreviations.txt").exists() else frozenset()


@lru_cache(maxsize=None)
def _stopwords(lang: str) -> frozenset[str]:
    if (ROOT / lang / "stopwords.txt").exists():
        return wordlist(lang, "stopwords")
    log.warning("no stopword list for language %r: is_stop is False for all its tokens", lang)
    return frozenset()


@lru_cache(maxsize=None)
def _months(lang: str) -> frozenset[str]:
    return frozenset(table(lang, "months")["name"]) if (ROOT / lang / "months.tsv").exists() else frozenset()


@lru_cache(maxsize=None)
def _ordinal_triggers(lang: str) -> frozenset[str]:
    path = ROOT / lang / "ordinal_triggers.txt"
    return wordlist(lang, "ordinal_triggers") if path.exists() else frozenset()


@lru_cache(maxsize=2**20)
def lemmatize(word: str, lang: str) -> str:
    """Lemma of ``word`` in language ``lang`` (simplemma; the word itself when unknown).

    Cached per (word, lang), so a corpus pays for each word type once.

    >>> lemmatize("Gesprächen", "de"), lemmatize("talks", "en")
    ('Gespräch', 'talk')
    """
    if not WORD_CHAR.search(word):
        return word
    try:
        return simplemma.lemmatize(word, lang=lang)
    except (ValueError, TypeError):  # a language simplemma does not know
        return word


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
    glued = [
        i for i in marks.tolist()
        if i and words[i] == "." and int(ends[i - 1]) == int(starts[i])
        and (words[i - 1] in abbreviations or (len(words[i - 1]) == 1 and words[i - 1].isupper()))
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


def _sentence_cuts(text: str, starts: list[int], ends: list[int], words: list[str], marks: list[int],
                   paragraph_end: list[int], lang: str) -> set[int]:
    """Token indices (exclusive ends) of all sentences.

    ``marks`` are the indices of sentence-end and quotation tokens; ``paragraph_end[i]`` is the
    end of token i's paragraph. Paragraph ends are not included (the caller adds them).
    """
    months, triggers = _months(lang), _ordinal_triggers(lang)
    cuts: set[int] = set()
    for i in [k for k in marks if words[k] in ENDERS]:
        hi = paragraph_end[i]
        j = i + 1
        while j < hi and words[j] in CLOSERS and starts[j] == ends[j - 1]:
            j += 1  # a closing mark glued to the sentence end belongs to the sentence
        if j >= hi:
            continue
        nxt, prev = words[j], words[i - 1] if i else ""
        ordinal = (
            words[i] == "." and prev.isdigit() and len(prev) <= 4 and starts[i] == ends[i - 1]
            and (nxt.lower() in months or (i >= 2 and words[i - 2].lower() in triggers))
        )
        if not (nxt in CONTINUERS or nxt[0].islower() or ordinal):
            cuts.add(j)
    # a quotation followed by its frame („…“, sagte er) stays one sentence with the frame
    stack: list[int] = []
    for k in [k for k in marks if words[k] in DOUBLE_QUOTES]:
        if stack and paragraph_end[stack[-1]] != paragraph_end[k]:
            stack.clear()  # quotation marks never pair across paragraphs
        if _is_opening(text, starts[k], ends[k]):
            stack.append(k)
        elif stack:
            a = stack.pop()
            if k + 1 < paragraph_end[k] and (words[k + 1] in CONTINUERS or words[k + 1][0].islower()):
                cuts.difference_update(range(a + 1, k + 1))
    return cuts


def segment_text(text: str, lang: str = "de"):
    """Tokens and sentences of one text.

    Returns ``(starts, ends, words, sentences)``: token offsets (NumPy arrays) and strings, and
    an array of ``(paragraph, first_token, end_token)`` rows, one per sentence (end exclusive).

    >>> starts, ends, words, sentences = segment_text("Er kam. Sie ging.\\n\\nEnde.")
    >>> sentences.tolist()
    [[0, 0, 3], [0, 3, 6], [1, 6, 8]]
    """
    parts = _SPLIT_RE.split(text)  # whitespace, token, whitespace, token, ..., whitespace
    if len(parts) < 3:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), [], np.zeros((0, 3), np.int64)
    bounds = np.cumsum(np.fromiter(map(len, parts), dtype=np.int64, count=len(parts)))
    starts, ends, words = bounds[0:-1:2], bounds[1::2], parts[1::2]
    marks = np.flatnonzero(np.fromiter(map(MARKS.__contains__, words), dtype=bool, count=len(words)))
    if "." in text:
        starts, ends, words, marks = _merge_abbreviations(starts, ends, words, marks, lang)
    paragraph_starts = [m.start() for m in PARAGRAPH_RE.finditer(text)]
    token_paragraph = np.searchsorted(paragraph_starts, starts, side="right") - 1
    boundaries = np.flatnonzero(np.diff(token_paragraph)) + 1
    edges = np.concatenate(([0], boundaries, [len(words)]))
    paragraph_end = np.repeat(edges[1:], np.diff(edges))
    cuts = _sentence_cuts(text, starts.tolist(), ends.tolist(), words, marks.tolist(), paragraph_end.tolist(), lang)
    cuts = np.asarray(sorted(cuts.union(edges[1:].tolist())), dtype=np.int64)
    firsts = np.concatenate(([0], cuts[:-1]))
    return starts, ends, words, np.column_stack((token_paragraph[firsts], firsts, cuts))


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
    langs = article_languages(articles, lang)
    sent_parts, sent_ids, sent_text = [], [], []
    tok_ids, tok_sent, tok_start, tok_end, tok_lang_n = [], [], [], [], []
    words: list[str] = []
    rows = zip(articles["article_id"], articles["text"], langs)
    for article_id, text, lg in tqdm(rows, total=len(articles), disable=not progress, desc="segment", unit="art"):
        if not isinstance(text, str) or not text:
            continue
        starts, ends, article_words, sents = segment_text(text, lg)
        if not len(sents):
            continue
        first, cut = sents[:, 1], sents[:, 2]
        s_start, s_end = starts[first], ends[cut - 1]
        sent_parts.append(np.column_stack((sents[:, 0], np.arange(len(sents)), s_start, s_end)))
        sent_ids.append((article_id, len(sents)))
        sent_text.extend(text[a:b] for a, b in zip(s_start.tolist(), s_end.tolist()))
        tok_sent.append(np.repeat(np.arange(len(sents)), cut - first))
        tok_ids.append((article_id, len(article_words)))
        tok_start.append(starts)
        tok_end.append(ends)
        tok_lang_n.append((lg, len(article_words)))
        words.extend(article_words)
    numbers = np.concatenate(sent_parts) if sent_parts else np.zeros((0, 4), np.int64)
    sentences = pd.DataFrame({
        "article_id": _repeat(sent_ids),
        "paragraph": numbers[:, 0].astype("int32"),
        "sentence": numbers[:, 1].astype("int32"),
        "start": numbers[:, 2],
        "end": numbers[:, 3],
        "text": pd.Series(sent_text, dtype=object),
    })
    tok_sentence = np.concatenate(tok_sent) if tok_sent else np.zeros(0, np.int64)
    article_index = np.repeat(np.arange(len(sent_parts)), [n for _, n in tok_ids]) if tok_ids else np.zeros(0, np.int64)
    offsets = np.cumsum([0] + [len(p) for p in sent_parts])
    tokens = pd.DataFrame({
        "article_id": _repeat(tok_ids),
        "sentence": tok_sentence.astype("int32"),
        "paragraph": numbers[offsets[article_index] + tok_sentence, 0].astype("int32") if len(words) else np.zeros(0, "int32"),
        "start": np.concatenate(tok_start) if tok_start else np.zeros(0, np.int64),
        "end": np.concatenate(tok_end) if tok_end else np.zeros(0, np.int64),
        "text": pd.Series(words, dtype=object),
    })  # object columns: building Arrow strings would cost more than the segmentation itself
    _add_word_features(tokens, _repeat(tok_lang_n))
    return Segmented(sentences, tokens[TOKEN_COLUMNS])


def _repeat(pairs: list[tuple[object, int]]) -> pd.Series:
    """Each value repeated its count of times, as an object Series."""
    values = np.empty(len(pairs), dtype=object)
    values[:] = [v for v, _ in pairs]
    return pd.Series(np.repeat(values, [n for _, n in pairs]), dtype=object)


def _add_word_features(tokens: pd.DataFrame, langs: pd.Series) -> None:
    """Add ``lower``, ``lemma``, ``is_stop``, ``is_punct``, computed once per word type and language."""
    words = tokens["text"].to_numpy(dtype=object)
    langs = langs.to_numpy(dtype=object)
    lower = np.empty(len(words), dtype=object)
    lemma = np.empty(len(words), dtype=object)
    is_stop = np.zeros(len(words), dtype=bool)
    is_punct = np.zeros(len(words), dtype=bool)
    for lg in pd.unique(langs):
        mask = langs == lg
        codes, types = pd.factorize(words[mask])
        stop = _stopwords(lg)
        type_lower = [w.lower() for w in types]
        lower[mask] = np.asarray(type_lower, dtype=object)[codes]
        lemma[mask] = np.asarray([lemmatize(w, lg) for w in types], dtype=object)[codes]
        is_stop[mask] = np.asarray([w in stop for w in type_lower], dtype=bool)[codes]
        is_punct[mask] = np.asarray([not WORD_CHAR.search(w) for w in types], dtype=bool)[codes]
    tokens["lower"], tokens["lemma"] = pd.Series(lower, dtype=object), pd.Series(lemma, dtype=object)
    tokens["is_stop"], tokens["is_punct"] = is_stop, is_punct


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
