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
from typing import NamedTuple

import numpy as np
import pandas as pd
import simplemma
from tqdm.auto import tqdm

from analysis.errors import InputError, require_columns
from analysis.resources import ROOT, table, wordlist

log = logging.getLogger(__name__)

SENTENCE_COLUMNS = ["article_id", "paragraph", "sentence", "start", "end", "text"]
TOKEN_COLUMNS = ["article_id", "sentence", "paragraph", "start", "end", "text", "lower", "lemma", "is_stop", "is_punct"]

TOKEN_RE = re.compile(
    r"""(?:[^\W\d_]\.){2,}                 # acronyms and abbreviations written with dots: U.S., z.B.
      | https?://\S+[\w/] | www\.\S+[\w/]   # web addresses
      | \d+(?:[.,:]\d+)*(?![^\W\d_])      # numbers: 2009, 2.000, 3,5, 12:30
      | \w+(?:[-'’&]\w+)*                 # words, hyphenated compounds, geht's, Kim's
        (?:-(?=\s+(?:und|oder|bis|sowie|and|or|to)\b))?   # Nord- und Südkorea
      | \.{2,} | [!?]+                    # ellipses, ?!, !!!
      | \S                                # any other character on its own
    """,
    re.VERBOSE,
)
PARAGRAPH_RE = re.compile(r"[^\n]+")
ENDERS = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "??", "!!!", "???"})
DOUBLE_QUOTES = frozenset('„“”"»«')
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


def _quote_pairs(text: str, starts: list[int], ends: list[int], words: list[str], lo: int, hi: int):
    """Token index pairs (open, close) of double quotation marks in tokens lo..hi-1."""
    stack, pairs = [], []
    for i in range(lo, hi):
        if words[i] in DOUBLE_QUOTES:
            if _is_opening(text, starts[i], ends[i]):
                stack.append(i)
            elif stack:
                pairs.append((stack.pop(), i))
    return pairs


def _sentence_ends(text: str, starts: list[int], ends: list[int], words: list[str], lo: int, hi: int, lang: str) -> list[int]:
    """Indices (exclusive) of the tokens that end sentences within the paragraph tokens lo..hi-1."""
    months, triggers = _months(lang), _ordinal_triggers(lang)
    cuts = []
    i = lo
    while i < hi:
        w = words[i]
        if w not in ENDERS:
            i += 1
            continue
        j = i + 1
        while j < hi and words[j] in CLOSERS and starts[j] == ends[j - 1]:
            j += 1  # a closing mark glued to the sentence end belongs to the sentence
        if j >= hi:
            break
        nxt = words[j]
        prev = words[i - 1] if i > lo else ""
        ordinal = (
            w == "." and prev.isdigit() and len(prev) <= 4 and starts[i] == ends[i - 1]
            and (nxt.lower() in months or (i - 2 >= lo and words[i - 2].lower() in triggers))
        )
        if nxt in CONTINUERS or nxt[0].islower() or ordinal:
            i = j
            continue
        cuts.append(j)
        i = j
    # a quotation whose frame follows it („…“, sagte er) is one sentence with the frame
    if cuts:
        for a, b in _quote_pairs(text, starts, ends, words, lo, hi):
            if b + 1 < hi and (words[b + 1] in CONTINUERS or words[b + 1][0].islower()):
                cuts = [c for c in cuts if not a < c <= b]
    cuts.append(hi)
    return cuts


def _merge_abbreviations(text: str, spans: list[tuple[int, int]], lang: str) -> list[tuple[int, int]]:
    """Glue a period to the preceding abbreviation or initial (``Dr.``, ``z.``, ``W.``)."""
    abbreviations = _abbreviations(lang)
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and e - s == 1 and text[s] == "." and out[-1][1] == s:
            ps, pe = out[-1]
            word = text[ps:pe]
            if word in abbreviations or (pe - ps == 1 and word.isalpha() and word.isupper()):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


def segment_text(text: str, lang: str = "de"):
    """Tokens and sentences of one text.

    Returns ``(token_spans, sentences)`` where ``token_spans`` is a list of ``(start, end)`` and
    ``sentences`` a list of ``(paragraph, first_token, end_token)`` (end exclusive).

    >>> spans, sents = segment_text("Er kam. Sie ging.")
    >>> [(p, a, b) for p, a, b in sents]
    [(0, 0, 3), (0, 3, 6)]
    """
    spans: list[tuple[int, int]] = []
    sentences: list[tuple[int, int, int]] = []
    has_abbrev = "." in text
    for paragraph, pm in enumerate(PARAGRAPH_RE.finditer(text)):
        base = pm.start()
        para = pm.group()
        pspans = [(s + base, e + base) for s, e in (m.span() for m in TOKEN_RE.finditer(para))]
        if not pspans:
            continue
        if has_abbrev:
            pspans = _merge_abbreviations(text, pspans, lang)
        lo = len(spans)
        spans.extend(pspans)
        starts = [s for s, _ in pspans]
        ends = [e for _, e in pspans]
        words = [text[s:e] for s, e in pspans]
        first = 0
        for cut in _sentence_ends(text, starts, ends, words, 0, len(pspans), lang):
            sentences.append((paragraph, lo + first, lo + cut))
            first = cut
    return spans, sentences


# --- tables -----------------------------------------------------------------------------------

def _article_langs(articles: pd.DataFrame, lang: str | None) -> list[str]:
    if lang is not None:
        return [lang] * len(articles)
    if "lang" in articles.columns:
        return [x if isinstance(x, str) and x else "de" for x in articles["lang"]]
    return ["de"] * len(articles)


def segment(articles: pd.DataFrame, *, lang: str | None = None, progress: bool = False) -> Segmented:
    """Split ``articles`` into the ``sentences`` and ``tokens`` tables (see docs/tables.md).

    ``lang`` overrides the articles' ``lang`` column (default German when neither is given).
    Empty or missing texts give no rows.

    >>> import pandas as pd
    >>> s, t = segment(pd.DataFrame({"article_id": ["x"], "text": ["Mr. Smith said it. Yes."]}), lang="en")
    >>> s["text"].tolist(), int(t["is_stop"].sum())
    (['Mr. Smith said it.', 'Yes.'], 1)
    """
    require_columns(articles, ["article_id", "text"], table="articles")
    langs = _article_langs(articles, lang)
    sent_cols: dict[str, list] = {c: [] for c in SENTENCE_COLUMNS}
    tok_article, tok_sentence, tok_paragraph, tok_start, tok_end, tok_text, tok_lang = ([] for _ in range(7))
    rows = zip(articles["article_id"], articles["text"], langs)
    for article_id, text, lg in tqdm(rows, total=len(articles), disable=not progress, desc="segment", unit="art"):
        if not isinstance(text, str) or not text:
            continue
        spans, sents = segment_text(text, lg)
        for k, (paragraph, a, b) in enumerate(sents):
            s, e = spans[a][0], spans[b - 1][1]
            sent_cols["article_id"].append(article_id)
            sent_cols["paragraph"].append(paragraph)
            sent_cols["sentence"].append(k)
            sent_cols["start"].append(s)
            sent_cols["end"].append(e)
            sent_cols["text"].append(text[s:e])
            n = b - a
            tok_sentence.extend([k] * n)
            tok_paragraph.extend([paragraph] * n)
        tok_article.extend([article_id] * len(spans))
        tok_start.extend(s for s, _ in spans)
        tok_end.extend(e for _, e in spans)
        tok_text.extend(text[s:e] for s, e in spans)
        tok_lang.extend([lg] * len(spans))
    sentences = pd.DataFrame(sent_cols, columns=SENTENCE_COLUMNS).astype(
        {"paragraph": "int32", "sentence": "int32", "start": "int64", "end": "int64"})
    tokens = _token_table(tok_article, tok_sentence, tok_paragraph, tok_start, tok_end, tok_text, tok_lang)
    return Segmented(sentences, tokens)


def _token_table(article, sentence, paragraph, start, end, text, langs) -> pd.DataFrame:
    """Build the tokens table; lemma, stopword and punctuation flags are computed per word type."""
    tokens = pd.DataFrame({
        "article_id": article,
        "sentence": np.asarray(sentence, dtype="int32"),
        "paragraph": np.asarray(paragraph, dtype="int32"),
        "start": np.asarray(start, dtype="int64"),
        "end": np.asarray(end, dtype="int64"),
        "text": text,
    })
    words = np.asarray(text, dtype=object)
    langs = np.asarray(langs, dtype=object)
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
    tokens["lower"], tokens["lemma"], tokens["is_stop"], tokens["is_punct"] = lower, lemma, is_stop, is_punct
    return tokens[TOKEN_COLUMNS]


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
