"""Scoring texts and tables: :func:`score_text`, :func:`score_sentiment`, and long units.

>>> score_text("Die Gespräche sind gescheitert.", "de")["label"]
'negative'
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from analysis.errors import InputError, require_columns
from analysis.runtime import gc_paused
from analysis.sentiment.batch import batch, batch_long, squash_all
from analysis.sentiment.lexicon import Lexicon, available_languages, lexicon
from analysis.sentiment.parameters import (
    ALPHA,
    DEFAULT_BAND,
    EVIDENCE_FREE_WORDS,
    LONG_CHARS,
    LONG_UNIT,
    MIN_EVIDENCE,
    MIN_EVIDENCE_PER_WORD,
    NEUTRAL_BAND,
    SENT_PIECE,
    TOKEN_RE,
)
from analysis.sentiment.steps import squash
from analysis.sentiment.unit import score_tokens


def _target_positions(toks: list[str], target: str | None) -> list[int] | None:
    if not target or not isinstance(target, str):
        return None
    parts = [p.lower() for p in TOKEN_RE.findall(target) if p[0].isalnum()]
    if not parts:
        return None
    first = parts[0]
    pos = [i for i, t in enumerate(toks) if t.lower() == first]
    if not pos:  # inflected or inside a compound
        pos = [i for i, t in enumerate(toks) if first in t.lower()]
    return pos or None


def score_text(text, lang: str = "de", *, alpha: float = ALPHA, band: float | None = None,
               target: str | None = None, hits: bool = True, events: bool = True) -> dict:
    """Score one text; a dict with the columns of :func:`score_sentiment`.

    >>> r = score_text("An agreement was not possible.", "en")
    >>> r["label"], r["hits"][0]["modifiers"]
    ('negative', ['clause-negated:not possible'])
    """
    lex = lexicon(lang)
    band = NEUTRAL_BAND.get(lang, DEFAULT_BAND) if band is None else band
    out = _score_one(text, lex, alpha=alpha, band=band, target=target, want_hits=hits)
    del out["n_polar"]
    if events:
        from analysis.events import event_columns

        out.update({k: v[0] for k, v in event_columns([text], [lang], tone=[(out["polarity"], out["label"])]).items()})
    return out


def _label(p: float, band, n: int = 2, lang: str = "", words: int = 0) -> str:
    """The label of polarity ``p``: neutral inside the band, and when one hit with a polarity alone
    (``n`` such hits) carries less than the minimum evidence of the language for a unit of ``words``
    words (:func:`_min_evidence`: one weak word tones nothing; hits without polarity, a topic noun or
    a relation word, are no evidence)."""
    neg, pos = band if isinstance(band, tuple) else (band, band)
    if n <= 1 and abs(p) < _min_evidence(lang, words):
        return "neutral"
    return "positive" if p > pos else "negative" if p < -neg else "neutral"


def _min_evidence(lang: str, words=0):
    """The squashed |polarity| one hit must reach: ``MIN_EVIDENCE`` plus ``MIN_EVIDENCE_PER_WORD``
    for each word beyond ``EVIDENCE_FREE_WORDS`` (``words`` an int or an array).

    >>> round(float(_min_evidence("en", 10)), 3), round(float(_min_evidence("en", 20)), 3)
    (0.196, 0.447)
    """
    e = MIN_EVIDENCE.get(lang, 0.0) + MIN_EVIDENCE_PER_WORD.get(lang, 0.0) * np.maximum(
        np.asarray(words) - EVIDENCE_FREE_WORDS, 0)
    return e / np.sqrt(e * e + ALPHA)


def _n_words(text: str, lang: str) -> int:
    """Words of ``text`` when ``lang`` grows its minimum evidence with length, else 0 (no split)."""
    return len(text.split()) if lang in MIN_EVIDENCE_PER_WORD else 0


def _word_counts(texts: list, langs: list):
    """Whitespace-separated words of each text (0 for a non-string), or 0 for all when no language of
    ``langs`` grows its minimum evidence with length (the split is then not needed)."""
    if not MIN_EVIDENCE_PER_WORD.keys() & set(langs):
        return 0
    return np.array([len(t.split()) if isinstance(t, str) else 0 for t in texts], dtype=int)


def _score_one(text, lex: Lexicon, *, alpha: float, band: float, target, want_hits: bool) -> dict:
    if not isinstance(text, str):
        flag = "missing" if text is None or (isinstance(text, float) and math.isnan(text)) else "non_string"
        return {"polarity": 0.0, "label": "neutral", "cooperation": 0.0, "certainty": 0.0, "n_hits": 0,
                "hits": [], "flag": flag, "n_polar": 0}
    if len(text) > LONG_CHARS:
        return score_long(text, lex, alpha=alpha, band=band, target=target, want_hits=want_hits)
    if want_hits:
        ms = list(TOKEN_RE.finditer(text))
        toks = [m.group() for m in ms]
        spans = [m.span() for m in ms]
    else:
        toks = TOKEN_RE.findall(text)
        spans = None
    if not toks:
        return {"polarity": 0.0, "label": "neutral", "cooperation": 0.0, "certainty": 0.0, "n_hits": 0,
                "hits": [], "flag": "empty", "n_polar": 0}
    if len(toks) > LONG_UNIT:
        return score_long(text, lex, alpha=alpha, band=band, target=target, want_hits=want_hits)
    tpos = _target_positions(toks, target) if target is not None else None
    sp, sc, sr, hits, nhit, npol = score_tokens(toks, spans, lex, target_pos=tpos, want_hits=want_hits)
    p = squash(sp, alpha)
    return {"polarity": p, "label": _label(p, band, npol, lex.lang, _n_words(text, lex.lang)),
            "cooperation": squash(sc, alpha), "certainty": squash(sr, alpha), "n_hits": nhit, "hits": hits, "flag": "", "n_polar": npol}


def score_long(text: str, lex, *, alpha, band, target, want_hits):
    """A unit of many words: score each sentence and average (flag ``long_unit``).

    Sentences are cut at ``.``, ``!``, ``?`` and line breaks (a rough cut is enough here: a
    wrong cut after an abbreviation only splits a clause), and pieces without punctuation
    every ``LONG_UNIT`` words.
    """
    if not want_hits and target is None:  # without explanations, as a batch of one
        out = ([0.0], [0.0], [0.0], [0], [0], [""], [False])
        batch_long([0], [text], [0], lex, alpha, out)
        return {"polarity": out[0][0], "label": _label(out[0][0], band, out[4][0], lex.lang, _n_words(text, lex.lang)),
                "cooperation": out[1][0], "certainty": out[2][0], "n_hits": out[3][0], "hits": [], "flag": "long_unit", "n_polar": out[4][0]}
    ps, cs, rs, allhits = [], [], [], []
    n_all = n_polar = 0
    for m in SENT_PIECE.finditer(text):
        piece, off = m.group(), m.start()
        if want_hits:
            ms = list(TOKEN_RE.finditer(piece))
            toks = [x.group() for x in ms]
            spans = [(x.start() + off, x.end() + off) for x in ms]
        else:
            toks, spans = TOKEN_RE.findall(piece), None
        for k in range(0, len(toks), LONG_UNIT):
            seg = toks[k:k + LONG_UNIT]
            if not seg:
                continue
            tpos = _target_positions(seg, target) if target is not None else None
            a, b, c, h, nh, npol = score_tokens(seg, spans[k:k + LONG_UNIT] if spans else None, lex,
                                                 target_pos=tpos, want_hits=want_hits)
            ps.append(squash(a, alpha))
            cs.append(squash(b, alpha))
            rs.append(squash(c, alpha))
            allhits.extend(h)
            n_all += nh
            n_polar += npol
    p = float(np.mean(ps)) if ps else 0.0
    return {"polarity": p, "label": _label(p, band, n_polar, lex.lang, _n_words(text, lex.lang)),
            "cooperation": float(np.mean(cs)) if cs else 0.0, "certainty": float(np.mean(rs)) if rs else 0.0, "n_hits": n_all, "hits": allhits,
            "flag": "long_unit", "n_polar": n_polar}


def _labels(p: np.ndarray, n: np.ndarray, langs: list, band, words=0) -> list[str]:
    """:func:`_label` of every row (polarity ``p``, ``n`` hits with a polarity, language ``langs``,
    ``band`` or the language's band when None), by NumPy comparisons per language.

    >>> _labels(np.array([0.3, 0.3, 0.01, -0.5]), np.array([2, 2, 2, 1]), ["de", "en", "en", "en"], None)
    ['neutral', 'positive', 'neutral', 'negative']
    """
    out = np.empty(len(p), dtype=object)
    kinds = set(langs)
    # rows in a language without its own band and evidence take the defaults, as _label does
    own = kinds & (NEUTRAL_BAND.keys() | MIN_EVIDENCE.keys())
    if kinds - own:
        _fill_labels(out, slice(None), p, n, DEFAULT_BAND if band is None else band, "", words)
    for lg in own:
        rows = slice(None) if len(kinds) == 1 else np.asarray(langs, dtype=object) == lg
        _fill_labels(out, rows, p, n, NEUTRAL_BAND.get(lg, DEFAULT_BAND) if band is None else band, lg, words)
    return out.tolist()


def _fill_labels(out: np.ndarray, rows, p: np.ndarray, n: np.ndarray, band, lang: str, words=0) -> None:
    neg, pos = band if isinstance(band, tuple) else (band, band)
    q = p[rows]
    lab = np.where(q > pos, "positive", np.where(q < -neg, "negative", "neutral")).astype(object)
    words = np.broadcast_to(np.asarray(words), p.shape)[rows]
    lab[(n[rows] <= 1) & (np.abs(q) < _min_evidence(lang, words))] = "neutral"
    out[rows] = lab


def _fast_path(texts: list, langs: list, have: set, alpha: float) -> tuple:
    """The column-wise fast path of :func:`score_sentiment` (no explanations, no target), one batch
    per language: squashed polarity, cooperation and certainty, the hit counts (arrays) and the flags."""
    n = len(texts)
    pol, coop, cert, nh, npol = np.zeros(n), np.zeros(n), np.zeros(n), np.zeros(n, dtype=int), np.zeros(n, dtype=int)
    flag = [""] * n
    kinds = set(langs)
    for lg in kinds:
        rows = range(n) if len(kinds) == 1 else [i for i, x in enumerate(langs) if x == lg]
        if lg not in have:
            flag = ["no_lexicon" if x == lg else f for x, f in zip(langs, flag)]
            continue
        a, b, c, k, m, f, sq = batch([texts[i] for i in rows] if len(kinds) > 1 else texts, lexicon(lg), alpha)
        at = slice(None) if len(kinds) == 1 else rows
        pol[at], coop[at], cert[at] = squash_all(a, sq, alpha), squash_all(b, sq, alpha), squash_all(c, sq, alpha)
        nh[at], npol[at] = k, m
        if len(kinds) == 1:
            flag = f
        else:
            for i, x in zip(rows, f):
                flag[i] = x
    return pol, coop, cert, nh, npol, flag


@gc_paused()  # many small acyclic objects: see analysis.runtime
def _unit_languages(units: pd.DataFrame, *, lang: str | None, lang_col: str) -> list:
    """The language of every unit: ``lang`` for all (it must have a lexicon), else the ``lang_col`` column."""
    if lang is not None:
        lexicon(lang)  # raises InputError for a language without a lexicon
        return [lang] * len(units)
    if lang_col in units.columns:
        return units[lang_col].tolist()
    raise InputError(f"units: no language given; pass lang='de' or 'en', or a {lang_col!r} column")


def score_sentiment(units, *, text_col: str = "text", lang: str | None = None, lang_col: str = "lang",
                    target_col: str | None = None, band: float | None = None, alpha: float = ALPHA,
                    hits: bool = True, events: bool = True, progress: bool = False) -> pd.DataFrame:
    """Score every unit (row) of a sentences or quotes table.

    Returns a copy of ``units`` with the columns ``polarity`` (−1…1), ``label`` (negative,
    neutral, positive; neutral when ``|polarity| <= band``), ``cooperation`` (−1 conflict …
    +1 cooperation), ``certainty`` (−1 hedged … +1 assertive), ``n_hits``, ``hits`` (list of
    dicts: term, start, end, source, polarity, cooperation, certainty, weight, modifiers) and
    ``flag`` ("" or: empty, missing, non_string, long_unit, no_lexicon).

    With ``events`` (default) the relation columns of :func:`analysis.events.score_events` follow:
    ``relation`` (cooperation, none, conflict: the strongest event of the event lexicon),
    ``event`` (its PLOVER category), ``quad_class``, ``goldstein``, ``event_context`` and, with
    ``hits``, ``event_hits``. ``cooperation`` stays the tone of the words (the lexicon's
    cooperation values); ``relation`` says what is done.

    ``lang`` names one language for all rows; a language without a lexicon is then an
    :class:`InputError`. Without ``lang`` the ``lang_col`` column decides per row, and rows in a
    language without a lexicon come back neutral with ``flag == "no_lexicon"``.
    ``target_col`` (optional) names a column holding a target mention (an actor, a topic): hits
    near it weigh more. ``hits=False`` skips building the explanations (faster).

    >>> score_sentiment(["Die Verhandlungen sind gescheitert."], lang="de")[["label", "cooperation"]].values.tolist()
    [['negative', -0.371391]]
    """
    if isinstance(units, (list, tuple, pd.Series)):
        units = pd.DataFrame({text_col: list(units)})
    require_columns(units, [text_col] + ([target_col] if target_col is not None else []), table="units")
    langs = _unit_languages(units, lang=lang, lang_col=lang_col)
    targets = units[target_col].tolist() if target_col is not None else [None] * len(units)
    have = set(available_languages())
    for lg in have.intersection(langs):
        lexicon(lg).bound_caches()
    texts = units[text_col].tolist()
    n = len(texts)
    pol, coop, cert, nh, npol, flag = [0.0] * n, [0.0] * n, [0.0] * n, [0] * n, [0] * n, [""] * n
    hit_lists: list = [[] for _ in range(n)] if hits else [None] * n
    it = enumerate(zip(texts, langs, targets))
    if progress:
        from tqdm.auto import tqdm

        it = tqdm(it, total=n, desc="sentiment", unit="unit")
    if not hits and target_col is None and not progress:
        pol, coop, cert, nh, npol, flag = _fast_path(texts, langs, have, alpha)
        it = ()
    for i, (text, lg, tg) in it:
        if lg not in have:
            flag[i] = "no_lexicon"
            continue
        lex = lexicon(lg)
        if hits or tg is not None or not isinstance(text, str) or len(text) > LONG_CHARS:
            r = _score_one(text, lex, alpha=alpha, band=0.0, target=tg, want_hits=hits)
            pol[i], coop[i], cert[i], nh[i], npol[i], flag[i] = (r["polarity"], r["cooperation"], r["certainty"],
                                                                 r["n_hits"], r["n_polar"], r["flag"])
            if hits:
                hit_lists[i] = r["hits"]
            continue
        toks = TOKEN_RE.findall(text)
        if not toks:
            flag[i] = "empty"
            continue
        if len(toks) > LONG_UNIT:
            r = score_long(text, lex, alpha=alpha, band=0.0, target=None, want_hits=False)
            pol[i], coop[i], cert[i], nh[i], npol[i], flag[i] = (r["polarity"], r["cooperation"], r["certainty"],
                                                                 r["n_hits"], r["n_polar"], r["flag"])
            continue
        a, b_, c, _, nh[i], npol[i] = score_tokens(toks, None, lex)
        pol[i], coop[i], cert[i] = squash(a, alpha), squash(b_, alpha), squash(c, alpha)
    out = units.copy()
    out["polarity"] = np.round(np.asarray(pol, dtype=float), 6)
    out["label"] = _labels(out["polarity"].to_numpy(), np.asarray(npol), langs, band, _word_counts(texts, langs))
    out["cooperation"] = np.round(np.asarray(coop, dtype=float), 6)
    out["certainty"] = np.round(np.asarray(cert, dtype=float), 6)
    out["n_hits"] = np.asarray(nh, dtype=int)
    out["hits"] = hit_lists
    out["flag"] = flag
    if events:
        from analysis.events import event_columns

        cols = event_columns(texts, langs, tone=list(zip(out["polarity"].tolist(), out["label"].tolist())))
        if not hits:
            del cols["event_hits"]
        for k, v in cols.items():
            out[k] = v
    return out

