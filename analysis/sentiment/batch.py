"""The column-wise fast path: many texts of one language scored at once, without explanations.

Units are split at whitespace and each chunk type is analysed once; the units without a lexicon
word, and those without a rule word, are settled by C-level look-ups over the whole batch; the
rest goes through :func:`analysis.sentiment.unit.score_tokens`. Long units are scored per
sentence, the sentences of all long units of a batch as one batch.

>>> polarity_only(["good talks", "bad talks"], "en").round(2).tolist()
[0.43, -0.53]
"""
from __future__ import annotations

import math
import operator
from collections import deque
from collections.abc import Iterable
from itertools import chain, compress, islice, repeat

import numpy as np

from analysis.runtime import gc_paused
from analysis.sentiment.lexicon import Lexicon, Roles, lexicon
from analysis.sentiment.parameters import (
    ALPHA,
    LONG_CHARS,
    LONG_UNIT,
    PUNCT,
    SENT_PIECE,
    TOKEN_RE,
)
from analysis.sentiment.steps import squash
from analysis.sentiment.unit import apply_rules, score_tokens
from analysis.sentiment.word_types import remember_chunk

PUNCT_CHARS = frozenset(PUNCT)  # characters that are a token of their own


def batch(texts: list, lex: Lexicon, alpha: float, *, polarity_only: bool = False):
    """Raw sums (polarity, cooperation, certainty), hit counts (all, with a polarity) and flags of many texts at once.

    Units are split at whitespace, and each new chunk is analysed once (:func:`~analysis.sentiment.word_types.remember_chunk`).
    The work that needs no rule is done with C-level look-ups over the whole batch: finding units
    without any lexicon word, and units without any rule word, whose sums are the chunks' plain
    values. Only the rest is tokenized and goes through the rule path of :func:`~analysis.sentiment.unit.score_tokens`.
    Long units go through :func:`analysis.sentiment.score.score_long` (their values are already squashed means).
    With ``polarity_only`` the plain look-ups skip cooperation, certainty and hit counts.
    """
    n = len(texts)
    sp, sc, sr, nh, npol, flag = [0.0] * n, [0.0] * n, [0.0] * n, [0] * n, [0] * n, [""] * n
    squashed = [False] * n
    if set(map(type, texts)) <= {str}:
        strs, units = range(n), texts
    else:
        strs = [i for i, t in enumerate(texts) if isinstance(t, str)]
        for i in set(range(n)).difference(strs):
            t = texts[i]
            flag[i] = "missing" if t is None or (isinstance(t, float) and math.isnan(t)) else "non_string"
        units = [texts[i] for i in strs]
    words = list(map(str.split, units))
    c = lex.chunks
    for chunk in set(chain.from_iterable(words)).difference(c.tokens):
        remember_chunk(chunk, lex)
    if not all(words):
        for k in compress(range(len(units)), map(operator.not_, words)):
            flag[strs[k]] = "empty"
    # a unit is long by its number of tokens, which is at most its number of characters and at
    # least its number of chunks (every chunk holds a token)
    if max(map(len, units), default=0) > LONG_UNIT:
        lengths = list(map(len, units))
        long = {k for k in compress(range(len(units)), map(LONG_UNIT.__lt__, lengths))
                if lengths[k] > LONG_CHARS or len(words[k]) > LONG_UNIT
                or sum(map(len, map(c.tokens.__getitem__, words[k]))) > LONG_UNIT}
    else:
        long = set()
    if long:
        batch_long(sorted(long), units, strs, lex, alpha, (sp, sc, sr, nh, npol, flag, squashed))
    # units with a lexicon word: with a rule word they take the rule path, else plain look-ups;
    # so do units that may hold a separable particle verb with a role
    if not lex.particle_verbs:
        joins = set()
    elif long:  # scored per sentence: not screened as a whole
        rest = [k for k in range(len(units)) if k not in long]
        joins = {rest[j] for j in may_join([units[k] for k in rest], [words[k] for k in rest], c)}
    else:
        joins = may_join(units, words, c)
    scored = compress(range(len(units)), map(operator.not_, map(c.lexical.isdisjoint, words)))
    skip = long | joins
    scored = [k for k in scored if k not in skip] if skip else list(scored)
    # a unit without a chunk that may call for a rule needs none: one C-level test settles most
    free = list(map(c.calls.isdisjoint, map(words.__getitem__, scored)))
    maybe = list(compress(scored, map(operator.not_, free)))
    ruled = list(map(c.needs_rules, map(words.__getitem__, maybe)))  # a list of booleans, one per unit
    # the tokens of a unit are those of its chunks (the characters at which str.split splits are
    # spaces to TOKEN_RE too): one regular expression is faster than a look-up per chunk
    tokenize, types = TOKEN_RE.findall, lex.types.get
    for k in chain(joins, compress(maybe, ruled)):
        i = strs[k]
        toks = tokenize(units[k])
        sp[i], sc[i], sr[i], _, nh[i], npol[i] = apply_rules(toks, list(map(types, toks)), None, lex, target_pos=None,
                                                             want_hits=False, joins=k in joins)
    plain = list(chain(compress(scored, free), compress(maybe, map(operator.not_, ruled))))
    plain_words = list(map(words.__getitem__, plain))
    zero = repeat(0)
    for values, out in [(c.pol, sp)] if polarity_only else [(c.pol, sp), (c.coop, sc), (c.cert, sr), (c.n_lex, nh),
                                                            (c.n_pol, npol)]:
        # the sums of the chunks' plain values, unit by unit, and their writing, in C
        deque(map(out.__setitem__, map(strs.__getitem__, plain), map(sum, map(map, repeat(values.get), plain_words,
                                                                              repeat(zero)))), maxlen=0)
    return sp, sc, sr, nh, npol, flag, squashed


def may_join(units: list[str], words: list[list[str]], c: Roles) -> set[int]:
    """The units (texts ``units``, their whitespace chunks ``words``) that may hold a separable particle verb with a
    role: a chunk with a word that can be its verb, and a particle it joins with that may end a
    clause, inside a chunk before a token that is no word ("ab."), in the unit's last chunk, or
    before a chunk that starts with such a token ("ab –"). The rule path decides.

    >>> from analysis.sentiment import lexicon
    >>> from analysis.sentiment.word_types import remember_chunk
    >>> lx = lexicon("de")
    >>> units = ["Sie lehnt den Plan ab.", "Sie lehnt ab – den Plan", "Sie lehnt an der Wand.", "Sie lehnt den Plan an."]
    >>> words = [u.split() for u in units]
    >>> for w in {w for u in words for w in u}:
    ...     remember_chunk(w, lx)
    >>> sorted(may_join(units, words, lx.chunks))
    [0, 1]
    """
    n = len(words)
    maybe = set(compress(range(n), map(operator.not_, map(c.clause_ends.isdisjoint, words))))
    # the last chunk ends with a particle only where the unit does not end with punctuation
    ends = map(operator.itemgetter(-1), units) if all(units) else [u[-1:] for u in units]
    maybe.update(k for k in compress(range(n), map(operator.not_, map(PUNCT_CHARS.__contains__, ends)))
                 if words[k] and words[k][-1] in c.particles)
    maybe = list(maybe)
    ws = list(map(words.__getitem__, maybe))
    verbs = map(operator.not_, map(c.pverbs.keys().isdisjoint, ws))
    return {k for k, w in compress(zip(maybe, ws), verbs) if _joinable(w, c)}


def _joinable(w: list[str], c: Roles) -> bool:
    """Whether a verb among the chunks ``w`` joins with a particle there that may end a clause."""
    # chunks that end with a particle before a chunk that starts with a token that is no word, or last
    finals = [c.particles[x] for x in compress(w, map(c.openers.__contains__, islice(w, 1, None)))
              if x in c.particles]
    if w[-1] in c.particles:
        finals.append(c.particles[w[-1]])
    if not c.particle_ends.keys().isdisjoint(w):  # a particle before a token that is no word ("ab.")
        finals.extend(chain.from_iterable(map(c.particle_ends.__getitem__, c.particle_ends.keys() & w)))
    return bool(finals) and not set(chain.from_iterable(map(c.pverbs.__getitem__, c.pverbs.keys() & w))).isdisjoint(finals)


def batch_long(long: list[int], units: list, strs, lex: Lexicon, alpha: float, out: tuple) -> None:
    """:func:`analysis.sentiment.score.score_long` for many long units at once: the sentences of all of them are scored
    in one batch, and each unit gets the means of its sentences (written into ``out``)."""
    sp, sc, sr, nh, npol, flag, squashed = out
    short, owner, big = [], [], []
    for k in long:
        for p in SENT_PIECE.findall(units[k]):
            if len(p) <= LONG_UNIT or len(TOKEN_RE.findall(p)) <= LONG_UNIT:
                short.append(p)
                owner.append(k)
            else:
                big.append((k, p))
    a, b, c, n, m, f, _ = batch(short, lex, alpha)
    # the squashed values of the sentences that are not empty, unit by unit (owner is sorted)
    kept = np.asarray(f, dtype=object) != "empty"
    sq = [_squash(np.asarray(x, dtype=float)[kept], alpha) for x in (a, b, c)]
    owners = np.asarray(owner, dtype=int)[kept]
    starts = np.searchsorted(owners, long, side="left").tolist()
    ends = np.searchsorted(owners, long, side="right").tolist()
    n_hits, n_polar = np.asarray(n, dtype=int)[kept], np.asarray(m, dtype=int)[kept]
    vals = {k: tuple(d[s:e] for d in sq) for k, s, e in zip(long, starts, ends)}
    hits = {k: int(n_hits[s:e].sum()) for k, s, e in zip(long, starts, ends)}
    polar = {k: int(n_polar[s:e].sum()) for k, s, e in zip(long, starts, ends)}
    if big:
        vals = {k: tuple(map(list, v)) for k, v in vals.items()}
    for k, p in big:  # pieces of more than LONG_UNIT tokens without a sentence end
        toks = TOKEN_RE.findall(p)
        for s0 in range(0, len(toks), LONG_UNIT):
            x, y, z, _, nn, mm = score_tokens(toks[s0:s0 + LONG_UNIT], None, lex)
            for v, w in zip(vals[k], (x, y, z)):
                v.append(squash(w, alpha))
            hits[k] += nn
            polar[k] += mm
    for k, per_dim in vals.items():
        i = strs[k]
        sp[i], sc[i], sr[i] = (float(np.mean(v)) if len(v) else 0.0 for v in per_dim)
        nh[i], npol[i], flag[i], squashed[i] = hits[k], polar[k], "long_unit", True


def _squash(v: np.ndarray, alpha: float) -> np.ndarray:
    """:func:`~analysis.sentiment.steps.squash` of every value (the same floats: 0 gives 0.0, not −0.0)."""
    return np.where(v == 0, 0.0, v / np.sqrt(v * v + alpha))


def squash_all(values: list, squashed: list, alpha: float) -> np.ndarray:
    v = np.asarray(values, dtype=float)
    out = v / np.sqrt(v * v + alpha)
    return np.where(np.asarray(squashed, dtype=bool), v, out)


@gc_paused()  # many small acyclic objects: see analysis.runtime
def polarity_only(texts: Iterable, lang: str, *, alpha: float = ALPHA) -> np.ndarray:
    """Fast path: polarity of each text, without explanations (used by benchmarks and evaluation).

    >>> polarity_only(["good talks", "bad talks"], "en").round(2).tolist()
    [0.43, -0.53]
    """
    sp, *_, squashed = batch(list(texts), lexicon(lang), alpha, polarity_only=True)
    return squash_all(sp, squashed, alpha)

