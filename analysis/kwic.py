"""Keyword in context: concordance lines for a word, lemma, phrase or regular expression.

>>> import pandas as pd
>>> text = "Putin traf Kim. Kim lobte Putin."
>>> art = pd.DataFrame({"article_id": ["a"], "text": [text]})
>>> words = ["Putin", "traf", "Kim", ".", "Kim", "lobte", "Putin", "."]
>>> starts = [0, 6, 11, 14, 16, 20, 26, 31]
>>> toks = pd.DataFrame({"article_id": "a", "sentence": [0, 0, 0, 0, 1, 1, 1, 1], "start": starts,
...     "end": [s + len(w) for s, w in zip(starts, words)], "text": words,
...     "lower": [w.lower() for w in words], "lemma": words, "is_punct": [w == "." for w in words]})
>>> kwic(toks, "kim", articles=art, window=2)[["left", "keyword", "right"]].values.tolist()
[['Putin traf', 'Kim', '. Kim'], ['Kim.', 'Kim', 'lobte Putin']]
"""
from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd

from analysis.display import HTML
from analysis.errors import InputError, require_columns, require_int

KWIC_COLUMNS = ["article_id", "sentence", "start", "end", "left", "keyword", "right"]
MATCH = ("lower", "lemma", "text", "regex")


def _query_parts(query) -> list[str]:
    parts = list(query) if isinstance(query, (list, tuple)) else str(query).split()
    if not parts or any(not str(p) for p in parts):
        raise InputError(f"query must name at least one token, got {query!r}")
    return [str(p) for p in parts]


def _token_masks(tokens: pd.DataFrame, parts: list[str], match: str, ignore_case: bool) -> list[np.ndarray]:
    """One boolean mask per query element; each test runs once per distinct token value."""
    from analysis.terms import factorize

    col_name = "text" if match == "regex" else match
    require_columns(tokens, [col_name], table="tokens")
    codes, uniques = factorize(tokens[col_name])
    values = ["" if u is None else str(u) for u in uniques]
    if match == "regex":
        flags = re.IGNORECASE if ignore_case else 0
        tests = []
        for p in parts:
            try:
                rx = re.compile(p, flags)
            except re.error as exc:
                raise InputError(f"query: invalid regular expression {p!r}: {exc}") from None
            tests.append(lambda v, rx=rx: rx.fullmatch(v) is not None)
    else:
        fold = ignore_case or match == "lower"
        if fold:
            values = [v.casefold() for v in values]
        wanted = [p.casefold() if fold else p for p in parts]
        tests = [lambda v, q=q: v == q for q in wanted]
    masks = []
    for test in tests:
        per_type = np.fromiter((test(v) for v in values), dtype=bool, count=len(values))
        masks.append(per_type[codes] if len(codes) else np.zeros(0, dtype=bool))
    return masks


def kwic(tokens: pd.DataFrame, query, *, articles: pd.DataFrame | None = None, match: str = "lower",
         window: int = 5, context: str = "tokens", chars: int = 60, sentence_bounded: bool = False,
         ignore_case: bool = True) -> pd.DataFrame:
    """Concordance lines of ``query`` in ``tokens``.

    - ``query``: one token or a phrase (whitespace-separated, or a list of tokens); with
      ``match="regex"`` each element is a regular expression that must match a whole token's
      ``text``. ``match``: ``"lower"`` (word form, default), ``"lemma"``, ``"text"``, ``"regex"``.
    - ``context="tokens"``: ``window`` tokens on each side (punctuation counts as a token);
      ``context="chars"``: ``chars`` characters on each side (needs ``articles``).
    - ``sentence_bounded``: context stops at the keyword's sentence.

    With ``articles`` (``article_id``, ``text``) contexts are cut from the article text
    (original spacing, line breaks as spaces); without, tokens are joined by spaces.
    Columns: ``article_id``, ``sentence``, ``start``, ``end`` (character offsets of the
    keyword), ``left``, ``keyword``, ``right``.
    """
    if match not in MATCH:
        raise InputError(f"match must be one of {', '.join(MATCH)}, got {match!r}")
    if context not in ("tokens", "chars"):
        raise InputError(f"context must be 'tokens' or 'chars', got {context!r}")
    if not isinstance(tokens, pd.DataFrame):
        raise InputError(f"tokens: expected a pandas DataFrame, got {type(tokens).__name__}")
    window, chars = require_int(window, name="window"), require_int(chars, name="chars")
    parts = _query_parts(query)
    if not len(tokens):
        return pd.DataFrame({c: pd.Series(dtype=object) for c in KWIC_COLUMNS})
    require_columns(tokens, ["article_id", "sentence", "start", "end", "text"], table="tokens")
    texts = None
    if articles is not None:
        require_columns(articles, ["article_id", "text"], table="articles")
        texts = articles.drop_duplicates("article_id").set_index("article_id")["text"]
    elif context == "chars":
        raise InputError("context='chars' needs the articles table (article_id, text)")

    from analysis.terms import factorize

    doc = factorize(tokens["article_id"])[0]
    sent = tokens["sentence"].to_numpy()
    masks = _token_masks(tokens, parts, match, ignore_case)
    n, k = len(tokens), len(parts)
    if n < k:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in KWIC_COLUMNS})
    hit = masks[0][: n - k + 1].copy()
    for j in range(1, k):
        hit &= masks[j][j: n - k + 1 + j]
    hit &= doc[: n - k + 1] == doc[k - 1:]
    where = np.flatnonzero(hit)
    # boundaries of each token's article and sentence (positions in the table)
    unit = doc if not sentence_bounded else pd.factorize(pd.MultiIndex.from_arrays([doc, sent]))[0]
    change = np.flatnonzero(np.diff(unit)) + 1
    seg_start = np.concatenate([[0], change])
    seg_end = np.concatenate([change, [n]])  # exclusive
    seg_of = np.repeat(np.arange(len(seg_start)), seg_end - seg_start)

    starts = tokens["start"].to_numpy()
    ends = tokens["end"].to_numpy()
    # token texts and article ids only where lines need them (not the whole column)
    need = np.zeros(n, dtype=bool)
    need[where] = True
    if texts is None and len(where):
        lo_all = np.maximum(seg_start[seg_of[where]], where - window)
        hi_all = np.minimum(seg_end[seg_of[where]], where + k + window)
        span = np.concatenate([np.arange(a, b) for a, b in zip(lo_all, hi_all)])
        need[span] = True
    pos_needed = np.flatnonzero(need)
    tok_text = np.empty(n, dtype=object)
    tok_text[pos_needed] = tokens["text"].iloc[pos_needed].astype(str).to_numpy()
    art_ids = np.empty(n, dtype=object)
    art_ids[where] = tokens["article_id"].iloc[where].to_numpy()
    rows = []
    for i in where:
        last = i + k - 1
        s = seg_of[i]
        lo, hi = seg_start[s], seg_end[s]
        kw_start, kw_end = int(starts[i]), int(ends[last])
        aid = art_ids[i]
        text = texts.get(aid) if texts is not None else None
        if context == "chars":
            if text is None:
                raise InputError(f"article {aid!r} is missing from the articles table")
            left_lim, right_lim = int(starts[lo]), int(ends[hi - 1])
            left = text[max(left_lim, kw_start - chars):kw_start]
            right = text[kw_end:min(right_lim, kw_end + chars)]
            keyword = text[kw_start:kw_end]
        else:
            a, b = max(lo, i - window), min(hi, last + 1 + window)
            if text is not None:
                left = text[int(starts[a]):kw_start] if a < i else ""
                right = text[kw_end:int(ends[b - 1])] if b > last + 1 else ""
                keyword = text[kw_start:kw_end]
            else:
                left = " ".join(tok_text[a:i])
                right = " ".join(tok_text[last + 1:b])
                keyword = " ".join(tok_text[i:last + 1])
        rows.append((aid, int(sent[i]), kw_start, kw_end, _flat(left), _flat(keyword), _flat(right)))
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)


def _flat(s: str) -> str:
    return " ".join(s.split())


def kwic_html(lines: pd.DataFrame, *, max_rows: int = 500, width: int = 60) -> HTML:
    """An HTML table of concordance lines with the keyword highlighted (renders in Jupyter).

    Left contexts are right-aligned and cut to their last ``width`` characters, right
    contexts to their first ``width``; all text is HTML-escaped.

    >>> lines = pd.DataFrame({"article_id": ["a"], "left": ["x <"], "keyword": ["Kim"], "right": ["y"]})
    >>> ">Kim</mark>" in kwic_html(lines) and "x &lt;" in kwic_html(lines)
    True
    """
    require_columns(lines, ["left", "keyword", "right"], table="kwic")
    max_rows, width = require_int(max_rows, name="max_rows"), require_int(width, name="width")
    out = ['<table class="kwic" style="font-family:monospace;border-collapse:collapse">']
    for rec in lines.head(max_rows).itertuples(index=False):
        left = str(rec.left)[-width:]
        right = str(rec.right)[:width]
        aid = html.escape(str(getattr(rec, "article_id", "")))
        out.append(
            f'<tr><td style="color:#777;padding-right:1em">{aid}</td>'
            f'<td style="text-align:right;white-space:pre">{html.escape(left)}</td>'
            f'<td style="text-align:center;white-space:pre"><mark style="background:#E69F00;font-weight:bold">'
            f"{html.escape(str(rec.keyword))}</mark></td>"
            f'<td style="text-align:left;white-space:pre">{html.escape(right)}</td></tr>'
        )
    if len(lines) > max_rows:
        out.append(f'<tr><td colspan="4">… {len(lines) - max_rows} more lines</td></tr>')
    out.append("</table>")
    return HTML("\n".join(out))


def corpus_kwic(paths, query, *, lang: str | None = None, chunk_size: int = 500, progress: bool = False,
                **options) -> pd.DataFrame:
    """:func:`kwic` over a corpus on disk, streamed ``chunk_size`` articles at a time (the
    articles' text gives the contexts). ``options`` are those of :func:`kwic`."""
    from analysis.terms import iter_tokens

    parts = [kwic(tokens, query, articles=articles, **options)
             for tokens, articles in iter_tokens(paths, lang=lang, chunk_size=chunk_size, progress=progress)]
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in KWIC_COLUMNS})
    return pd.concat(parts, ignore_index=True)


def default_query(tokens: pd.DataFrame, *, lang: str) -> str:
    """A query lemma for a corpus in ``lang``: of the language's topic words
    (``resources/<lang>/query_terms.txt``) the one the corpus uses most, ignoring case; when it
    uses none of them, or the language has no such list, its most frequent content lemma
    (neither a stopword nor punctuation). "" for a corpus without words.

    >>> import pandas as pd
    >>> toks = pd.DataFrame({"lemma": ["Zoll", "auf", "Stahl", "Stahl"], "is_stop": [False, True, False, False],
    ...                      "is_punct": [False] * 4})
    >>> default_query(toks, lang="de"), default_query(toks.iloc[1:], lang="de"), default_query(toks, lang="xx")
    ('Zoll', 'Stahl', 'Stahl')
    """
    from analysis.resources import wordlist

    require_columns(tokens, ["lemma", "is_stop", "is_punct"], table="tokens")
    content = tokens.loc[~tokens["is_stop"].astype(bool) & ~tokens["is_punct"].astype(bool), "lemma"].astype(str)
    counts = content.value_counts()
    if counts.empty:
        return ""
    try:
        topics = {t.lower() for t in wordlist(lang, "query_terms")}
    except InputError:
        topics = set()
    used = counts[counts.index.str.lower().isin(topics)]
    return str((used if len(used) else counts).index[0])
