"""Scoring one token sequence: the fast paths, then the rule steps in their order.

:func:`score_tokens` is the one boundary between the shortcuts and the rules. A sequence whose
word types are all known and hold no lexicon word scores zero; one without a rule word is the
C-level sum of its words' plain values; both only when it holds no separable particle verb
with a role (:func:`may_join`). The batch path (:mod:`analysis.sentiment.batch`) has
screened its units already (``screened=True``). Everything else goes through :func:`apply_rules`,
which calls the steps of :mod:`analysis.sentiment.steps` and does not know whether a fast path
was tried.

>>> from analysis.sentiment import lexicon
>>> sp, sc, sr, hits, n, n_polar = score_tokens("Russland akzeptiert die Bedingungen nicht .".split(), None,
...                                    lexicon("de"), want_hits=True)
>>> n, hits[0]["term"], hits[0]["modifiers"]
(1, 'akzeptieren', ['negated-after:nicht'])
"""
from __future__ import annotations

from itertools import chain, repeat

from analysis.particle_verbs import final_particles
from analysis.sentiment.criticism import read_criticism
from analysis.sentiment.lexicon import Lexicon
from analysis.sentiment.steps import (
    aggregate,
    evaluate_topics,
    extend_to_complements,
    intensify,
    join_particles,
    look_up,
    negate_after,
    negate_before,
    negate_clauses,
    negate_forward,
    negated_predicates,
    reverse_by_shifters,
    weigh_by_target,
    weigh_contrast,
)
from analysis.sentiment.word_types import remember

NOTHING = (0.0, 0.0, 0.0, [], 0, 0)


def score_tokens(toks: list[str], spans: list[tuple[int, int]] | None, lex: Lexicon, *,
                 target_pos: list[int] | None = None, want_hits: bool = False, screened: bool = False,
                 joins: bool | None = None) -> tuple:
    """Score one token sequence: (S_pol, S_coop, S_cert, hits, n_hits, n_polar), the sums before
    squashing, the number of hits and of hits with a polarity.

    ``spans`` (character offsets of the tokens) are needed only for the hits' offsets;
    ``screened``: the caller knows that all types were seen and lexicon and rule words, or a
    particle verb, are present; ``joins``: whether the sequence may hold a separable particle
    verb with a role (:func:`may_join`, tested here when None).
    """
    types = lex.types
    # types maps every word type seen to its analysis, or to False when it plays no role;
    # map keeps the per-token work in C
    if not screened and all(map(types.__contains__, toks)):  # only word types seen before
        w = lex.words
        joins = may_join(toks, lex) if joins is None else joins
        if not joins:
            if w.lexical.isdisjoint(toks):
                return NOTHING  # none of them in a lexicon
            if not want_hits and target_pos is None and not w.needs_rules(toks):
                # no rule word (negator, intensifier, contrast, phrase start, clause predicate):
                # the sums of the plain values, computed in C
                zero = repeat(0.0)
                return (sum(map(w.pol.get, toks, zero)), sum(map(w.coop.get, toks, zero)),
                        sum(map(w.cert.get, toks, zero)), [], sum(map(w.n_lex.get, toks, repeat(0))),
                        sum(map(w.n_pol.get, toks, repeat(0))))
    infos = list(map(types.get, toks))
    if not screened and None in infos:  # word types seen for the first time
        for i, inf in enumerate(infos):
            if inf is None:
                infos[i] = remember(toks[i], lex)
        joins = may_join(toks, lex)
        if not joins and lex.words.lexical.isdisjoint(toks):
            return NOTHING
    if joins is None:
        joins = may_join(toks, lex)
    return apply_rules(toks, infos, spans, lex, target_pos=target_pos, want_hits=want_hits, joins=joins)


def may_join(toks: list[str], lex: Lexicon) -> bool:
    """Whether a token sequence may hold a separable particle verb with a role: a word that can be
    its verb and a particle at the end of a clause.

    >>> from analysis.sentiment import lexicon
    >>> from analysis.sentiment.word_types import remember
    >>> toks = "Sie lehnt den Plan ab .".split()
    >>> _ = [remember(t, lexicon("de")) for t in toks]
    >>> may_join(toks, lexicon("de")), may_join(toks[:4] + ["."], lexicon("de")), may_join(toks[:4] + ["an", "."], lexicon("de"))
    (True, False, False)
    """
    w = lex.words
    if lex.particles.isdisjoint(toks) or w.pverbs.keys().isdisjoint(toks):
        return False
    joinable = set(chain.from_iterable(map(w.pverbs.__getitem__, w.pverbs.keys() & toks)))
    return not joinable.isdisjoint(toks) and not joinable.isdisjoint([toks[p] for p in final_particles(toks, lex.lang)])


def apply_rules(toks: list[str], infos: list, spans, lex: Lexicon, *, target_pos: list[int] | None,
                want_hits: bool, joins: bool) -> tuple:
    """The rule steps in order: particle verbs (when the sequence may hold one, ``joins``),
    look-up, shifters, negation (before, forward, after, clause predicates and their complement
    clauses), intensifiers, contrast, target weighting, sums."""
    if joins:
        join_particles(toks, infos, lex)
    found = look_up(toks, infos, lex)
    hits, negs = found.hits, found.negators
    if not hits and not found.criticism:
        return NOTHING
    if found.topic_predicates or found.shifters or negs or want_hits:
        evaluate_topics(hits, found.topic_predicates, found.shifters, toks, negs)
    if found.shifters:
        reverse_by_shifters(hits, found.shifters, toks)
    if negs:
        negate_before(hits, negs, toks)
    if found.intensifiers:
        intensify(hits, found.intensifiers, toks)
    if negs:
        if lex.forward_negators:
            negate_forward(hits, negs, infos, toks, lex)
        if lex.lang == "de":
            negate_after(hits, negs, infos, toks)
        clauses = negated_predicates(negs, found.predicates, toks, lex)
        if clauses:
            extend_to_complements(clauses, found.predicates, hits, toks, lex)
            negate_clauses(hits, clauses, negs)
    if found.criticism:
        read_criticism(hits, found.criticism, toks, lex, found.contrast)
    if found.contrast >= 0:
        weigh_contrast(hits, found.contrast)
    if target_pos:
        weigh_by_target(hits, target_pos)
    return aggregate(hits, spans, want_hits, lex.lang)
