"""The rules applied to one token sequence, one function per step.

:func:`analysis.sentiment.unit.score_tokens` calls them in this order: :func:`join_particles`, :func:`look_up`,
:func:`evaluate_topics`, :func:`reverse_by_shifters`, :func:`negate_before`, :func:`intensify`, :func:`negate_forward`,
:func:`negate_after`, :func:`negated_predicates`, :func:`extend_to_complements`,
:func:`negate_clauses`, :func:`weigh_contrast`, :func:`weigh_by_target`, :func:`aggregate`.
The first step changes the tokens' analyses in place, the last returns the sums; every other
step changes the hits in place.

A hit is a list ``[pos, entry, weight, modifiers, clause, end]``: the position of its first and
last token, its lexicon :class:`~analysis.sentiment.lexicon.Entry`, the product of the factors
applied so far, their names, and the number of the clause it stands in. A negator is a list
``[pos, clause, used, is_post_negator]``, an intensifier ``(pos, factor, clause)``, a clause
predicate ``(pos, clause, is_lower_case)``, a shifter ``(pos, clause, reverses_both, reaches_back)``.

>>> from analysis.sentiment import lexicon
>>> from analysis.sentiment.word_types import remember
>>> lx = lexicon("de")
>>> toks = "keine konstruktive Zusammenarbeit".split()
>>> found = look_up(toks, [remember(t, lx) for t in toks], lx)
>>> [h[0] for h in found.hits], [ng[0] for ng in found.negators]
([1, 2], [0])
>>> negate_before(found.hits, found.negators, toks)
>>> [h[3] for h in found.hits]
[['negated:keine'], ['negated:keine']]
"""
from __future__ import annotations

import math
from itertools import compress
from typing import NamedTuple

from analysis.particle_verbs import join_particle_verbs
from analysis.sentiment.lexicon import Entry, Lexicon
from analysis.sentiment.parameters import (
    CONTRAST_AFTER,
    CONTRAST_BEFORE,
    INT_WINDOW,
    N_SCALAR,
    NEG_WINDOW,
    NEGATED_NEGATIVE,
    SHIFT_WINDOW,
    TARGET_SCALE,
    TOPIC_WINDOW,
)
from analysis.sentiment.word_types import (
    F_BOUNDARY,
    F_CAPITAL,
    F_CLAUSEPRED,
    F_CONTRAST,
    F_CORR,
    F_CRIT,
    F_INT,
    F_LEX,
    F_LOWER,
    F_NEG,
    F_PHRASE,
    F_POSTNEG,
    F_SHIFT,
    F_TOPICPRED,
    RULE_ROLES,
    SIMPLE_HIT,
    lemma_of,
    remember,
)

# tokens after which a word starts a sentence or a quotation (so its capital says nothing)
SENTENCE_OPENERS = frozenset(".!?:;\"“”„«»‘‚([—–…")


class Found(NamedTuple):
    """What :func:`look_up` finds in a token sequence."""

    hits: list
    negators: list
    intensifiers: list
    predicates: list
    shifters: list
    contrast: int  # position of the last contrast word, -1 without one
    topic_predicates: list = []  # (pos, clause, kind): predicates that evaluate a topic noun
    criticism: list = []  # (pos, clause): cues of criticism constructions (analysis.sentiment.criticism)


def join_particles(toks: list[str], infos: list, lex: Lexicon) -> None:
    """Separable particle verbs (German): a finite verb whose particle ends its clause takes the
    analysis of the joined verb when that has a role (a lexicon entry, a shifter), and the
    particle none; so "Russland weist die Vorwürfe zurück" is read as *zurückweisen* at the
    position of "weist", and negation and intensifiers reach it as any word there. Joins are
    found by :func:`analysis.particle_verbs.join_particle_verbs`.

    >>> from analysis.sentiment import lexicon
    >>> lx = lexicon("de")
    >>> toks = "Russland weist die Vorwürfe zurück .".split()
    >>> infos = [remember(t, lx) for t in toks]
    >>> join_particles(toks, infos, lx)
    >>> infos[1][2].term, infos[1][4], infos[4]
    ('zurückweisen', 'particle-verb:weist+zurück', False)
    """
    lemmas = list(map(lex.lemmas.get, toks, toks))  # every word's lemma is cached (lemma_of)
    for verb, particle, joined in join_particle_verbs(toks, lemmas, lang=lex.lang, lexicon=lex.particle_verbs):
        inf = remember(joined, lex) if joined in lex.particle_verbs else None
        if not inf or not inf[0] & (F_LEX | RULE_ROLES | F_TOPICPRED):
            continue
        flags, lemma, entry, factor, note = inf
        why = f"particle-verb:{toks[verb]}+{toks[particle]}"
        infos[verb] = (flags, lemma, entry, factor, f"{note}, {why}" if note else why)
        infos[particle] = False


def look_up(toks: list[str], infos: list, lex: Lexicon) -> Found:
    """Look-up: the candidate hits of a token sequence (single words and multi-word entries) and the
    rule words that modify them, each with the number of its clause.

    ``infos`` holds each token's analysis (:func:`~analysis.sentiment.word_types.remember`).
    Clauses end at punctuation and clause markers. A multi-word entry ("nicht geplant") counts as
    one hit; a negator inside it negates its clause predicates. *weder … noch*: the second part
    is a negator of its own. "nicht nur" is no negation. A capitalised English word inside a name
    ("United Nations") gives no hit.

    >>> from analysis.sentiment import lexicon
    >>> from analysis.sentiment.word_types import remember
    >>> toks = ["Die", "Einigung", "war", "nicht", "möglich", "."]
    >>> found = look_up(toks, [remember(t, lexicon("de")) for t in toks], lexicon("de"))
    >>> [h[1].term for h in found.hits], found.predicates
    (['Einigung'], [(4, 0, 64)])
    """
    hits, negs, ints, preds, shifts, tpreds, crit = [], [], [], [], [], [], []
    contrast_pos = -1
    clause = 0
    consumed_until = -1
    weder_seen: set[str] = set()
    n = len(toks)
    # a multi-word entry can only match where its rarest word occurs
    phrase = F_PHRASE if not lex.words.phrase_rare.isdisjoint(toks) else 0
    for i in compress(range(len(infos)), infos):
        inf = infos[i]
        flags = inf[0]
        if flags == F_BOUNDARY:  # the most frequent case: punctuation, conjunctions
            clause += 1
            continue
        if i <= consumed_until:
            continue
        if flags & SIMPLE_HIT == F_LEX:  # a plain lexicon word
            hits.append([i, inf[2], 1.0, [inf[4]] if inf[4] else [], clause, i])
            continue
        flags, lemma, entry, factor, note = inf
        if flags & F_CRIT:
            crit.append((i, clause))
        if flags & F_BOUNDARY:
            clause += 1
            if flags & F_CONTRAST:
                contrast_pos = i
            if not flags & F_NEG:
                continue
        if flags & phrase:
            matched = _match_phrase(toks, i, lemma, lex)
            if matched:
                m = len(matched[0])
                e = matched[1]
                if e.polarity or e.cooperation or e.certainty:  # names are entries without tone
                    hits.append([i, e, 1.0, [], clause, i + m - 1])
                consumed_until = i + m - 1
                # a phrase such as "nicht geplant" also negates the rest of its clause
                inner = [k for k in range(i, i + m) if infos[k] and infos[k][0] & F_NEG]
                if inner:
                    for k in range(i, i + m):
                        if infos[k] and infos[k][0] & F_CLAUSEPRED:
                            preds.append((k, clause, infos[k][0] & F_LOWER))
                    negs.append([inner[0], clause, True, infos[inner[0]][0] & F_POSTNEG])
                continue
        if flags & F_CONTRAST:
            contrast_pos = i
            continue
        if flags & F_CORR:
            if lex.correlatives.get(toks[i].lower()) in weder_seen:
                negs.append([i, clause, False, 0])
            continue
        if flags & F_NEG:
            low = toks[i].lower()
            nxt = toks[i + 1].lower() if i + 1 < n else ""
            if nxt in lex.negation_exceptions.get(low, ()):
                consumed_until = i + 1  # nicht nur, not only: no negation
                continue
            if low in lex.first_correlatives:
                weder_seen.add(low)
            negs.append([i, clause, False, flags & F_POSTNEG])
            continue
        if flags & F_INT:
            ints.append((i, factor, clause))
            continue
        if flags & F_CLAUSEPRED:
            preds.append((i, clause, flags & F_LOWER))
        if flags & F_SHIFT:
            low = toks[i].lower()
            # German verbs and participles close their clause and reach back ("Sanktionen aufheben")
            back = lex.lang == "de" and flags & F_LOWER
            shifts.append((i, clause, lex.shifters.get(low, lex.shifters.get(lemma)), back))
        if flags & F_TOPICPRED:
            kind, guard = lex.topic_predicates.get(toks[i].lower()) or lex.topic_predicates[lemma]
            if not (i and toks[i - 1].lower() in guard):  # "at the end", "am Ende": no predicate
                tpreds.append((i, clause, kind))
        if flags & F_LEX:
            if flags & F_CAPITAL and _in_name(toks, i):
                continue  # "United Nations", "Clean Air Act": part of a name, no tone
            hits.append([i, entry, 1.0, [note] if note else [], clause, i])
    return Found(hits, negs, ints, preds, shifts, contrast_pos, tpreds, crit)


def _match_phrase(toks: list[str], i: int, lemma: str, lex: Lexicon) -> tuple | None:
    """The longest multi-word entry starting at ``toks[i]`` (by form or lemma): (lemmas, entry) or None.

    >>> from analysis.sentiment import lexicon
    >>> _match_phrase(["in", "freundschaftlicher", "Atmosphäre"], 0, "in", lexicon("de"))[1].term
    'in freundschaftlicher Atmosphäre'
    """
    n = len(toks)
    low = toks[i].lower()
    nxt = toks[i + 1] if i + 1 < n else ""
    nxt_low = nxt.lower()
    nxt_lem = lemma_of(nxt, lex) if nxt else ""
    for key in ((low,) if low == lemma else (low, lemma)):
        for lemmas, e in lex.phrases.get(key, ()):
            m = len(lemmas)
            if i + m > n or (lemmas[1] != nxt_low and lemmas[1] != nxt_lem):
                continue
            if all(toks[i + k].lower() == lemmas[k] or lemma_of(toks[i + k], lex) == lemmas[k] for k in range(2, m)):
                return lemmas, e
    return None


def _in_name(toks: list[str], i: int) -> bool:
    """Whether the capitalised word ``toks[i]`` is part of a name: it does not start a sentence or a
    quotation, and a capitalised word stands next to it ("the United States", "Clean Air Act").

    >>> _in_name(["the", "United", "Nations"], 1), _in_name(["United", "we", "stand"], 0)
    (True, False)
    """
    if i == 0 or toks[i - 1] in SENTENCE_OPENERS:
        return False
    return toks[i - 1][:1].isupper() or (i + 1 < len(toks) and toks[i + 1][:1].isupper())


def evaluate_topics(hits: list, tpreds: list, shifts: list, toks: list[str], negs: list = ()) -> None:
    """Topic nouns (Krieg, peace, sanctions) have no polarity alone; the nearest topic predicate in
    their clause, up to ``TOPIC_WINDOW`` words before or after, gives them their lexicon polarity
    reversed ("den Krieg **beenden**" +), confirmed ("Sanktionen **verhängen**" −) or as harm,
    always negative ("den Frieden **gefährden**"). A valence shifter there gives it back as it is, for
    the shifter to reverse ("**Aufhebung** der Sanktionen"); so does a negator up to ``NEG_WINDOW``
    words before it, for the negation to reverse ("**kein** Frieden" −, "**no** war" +). Without
    any of them: ``topic-alone``.

    >>> from analysis.sentiment.lexicon import Entry
    >>> h = [[1, Entry("Krieg", 0.0, -0.8, 0.0, "x", topic=-0.8), 1.0, [], 0, 1]]
    >>> evaluate_topics(h, [(3, 0, "reverse")], [], ["den", "Krieg", "zu", "beenden"])
    >>> h[0][1].polarity, h[0][3]
    (0.8, ['topic-reverse:beenden'])
    """
    shifting = {p for p, _, _, _ in shifts}  # a word that is both ("beenden") acts as the shifter
    for h in hits:
        e = h[1]
        if not e.topic or e.polarity:
            continue
        pos, end, cl = h[0], h[5], h[4]
        near = [(abs(p - pos), p, kind) for p, c, kind in tpreds if p not in shifting
                if c == cl and (0 < pos - p <= TOPIC_WINDOW or 0 < p - end <= TOPIC_WINDOW)]
        near += [(abs(p - pos), p, "shifter") for p, c, _, _ in shifts
                 if c == cl and (0 < pos - p <= TOPIC_WINDOW or 0 < p - end <= TOPIC_WINDOW)]
        near += [(pos - ng[0], ng[0], "negator") for ng in negs if ng[1] == cl and 0 < pos - ng[0] <= NEG_WINDOW]
        if not near:
            h[3].append("topic-alone")
            continue
        _, p, kind = min(near)
        value = {"reverse": -e.topic, "harm": -abs(e.topic)}.get(kind, e.topic)
        h[1] = Entry(e.term, value, e.cooperation, e.certainty, e.source, topic=e.topic)
        h[3].append(f"topic:{toks[p]}" if kind in ("shifter", "negator") else f"topic-{kind}:{toks[p]}")


def reverse_by_shifters(hits: list, shifts: list, toks: list[str]) -> None:
    """Valence shifters: each reverses (× ``N_SCALAR``) the nearest hit after it in its clause and
    hits directly following that one; a German verb or participle with no hit after it reaches
    back to the nearest hit before it ("die Sanktionen aufheben", "Spannungen wurden abgebaut").
    Only negative hits are reversed unless the shifter reverses both ways. A shifter that reversed
    a hit adds no tone of its own: "Aufhebung der Sanktionen" → Sanktion × −0.74.
    """
    after, before = SHIFT_WINDOW
    toned = [h for h in hits if h[1].polarity or h[1].cooperation]  # not hedges and boosters
    for p, cl, both, back in shifts:
        near = [h for h in toned if h[4] == cl and 0 < h[0] - p <= after][:1]
        if not near and back:
            near = [h for h in toned if h[4] == cl and 0 < p - h[5] <= before][-1:]
        if not near or not (both or near[0][1].polarity < 0 or near[0][1].cooperation < 0):
            continue
        # the hit and hits directly following it ("decrease cancer fatalities")
        run = [h for h in toned if h[0] >= near[0][0] and h[4] == cl and h[0] != p]
        for k, h in enumerate(run):
            if k and h[0] != run[k - 1][5] + 1:
                break
            h[2] *= N_SCALAR
            h[3].append(f"reversed:{toks[p]}")
        for h in hits:
            if h[0] == p:
                h[2] = 0.0
                h[3].append("shifter")


def negate_before(hits: list, negs: list, toks: list[str]) -> None:
    """Negation scope: the nearest negator up to ``NEG_WINDOW`` words before a hit, in its clause,
    multiplies it by ``N_SCALAR``. It reaches the first hit after it and hits directly following a
    negated one ("keine konstruktive Zusammenarbeit": both), not the object of a negated verb
    ("does not criticize the agreement": only *criticize*). Marks the negators it used.
    """
    prev = None  # (position, negator) of the previous hit
    for h in hits:
        pos, cl = h[0], h[4]
        nearest = None  # only the nearest negator before a hit applies (weder A noch B)
        for ng in negs:
            if ng[1] == cl and 0 < pos - ng[0] <= NEG_WINDOW:
                nearest = ng
        if nearest is not None and prev is not None and nearest[0] < prev[0] and not (
                prev[0] == pos - 1 and prev[1] is nearest):
            nearest = None
        if nearest is not None:
            h[2] *= N_SCALAR
            h[3].append(f"negated:{toks[nearest[0]]}")
            nearest[2] = True
        prev = (h[5], nearest)


def intensify(hits: list, ints: list, toks: list[str]) -> None:
    """Intensifiers and dampeners: a factor on each hit within ``INT_WINDOW`` words after them in the
    same clause ("sehr konstruktiv" → konstruktiv × 1.3)."""
    for h in hits:
        pos, cl = h[0], h[4]
        for p, f, c in ints:
            if c == cl and 0 < pos - p <= INT_WINDOW:
                h[2] *= f
                h[3].append(f"{'intensified' if f > 1 else 'dampened'}:{toks[p]}×{f:g}")


def negate_forward(hits: list, negs: list, infos: list, toks: list[str], lex: Lexicon) -> None:
    """Forward negation (German verb-final clauses): a negator of ``forward_negators`` that negated
    nothing reaches the clause-final lower-case hit ("Russland wird nicht die Bedingungen des
    Westens akzeptieren", "ohne … zu garantieren": *akzeptieren*, *garantieren* negated)."""
    for ng in negs:
        p, cl = ng[0], ng[1]
        if ng[2] or toks[p].lower() not in lex.forward_negators:
            continue
        later = [h for h in hits if h[4] == cl and h[0] > p and infos[h[0]][0] & F_LOWER]
        if later and not any(m.startswith(("negated", "clause-negated")) for m in later[-1][3]):
            later[-1][2] *= N_SCALAR
            later[-1][3].append(f"negated-forward:{toks[p]}")
            ng[2] = True


def negate_after(hits: list, negs: list, infos: list, toks: list[str]) -> None:
    """Post-negation (German): a post-negator that negated nothing after it negates the lower-case
    hits before it in its clause ("Russland akzeptiert die Bedingungen nicht": *akzeptiert*)."""
    for p, cl, used, post in negs:
        if not post or used:
            continue
        for h in hits:
            if h[4] == cl and h[0] < p and infos[h[0]][0] & F_LOWER and not any(m.startswith("negated") for m in h[3]):
                h[2] *= N_SCALAR
                h[3].append(f"negated-after:{toks[p]}")


def negated_predicates(negs: list, preds: list, toks: list[str], lex: Lexicon) -> dict[int, str]:
    """Clause predicates: the clauses whose predicate is negated, with the reason ("nicht möglich").

    A post-negator negates a predicate up to ``NEG_WINDOW`` words after it or a lower-case one
    before it ("möglich ist es nicht"); in English any negator one after it ("not possible").
    """
    clauses: dict[int, str] = {}
    for p, cl, _, post in negs:
        if not post:
            continue
        for q, c, low in preds:
            if c == cl and (0 < q - p <= NEG_WINDOW or (q < p and low)):
                clauses[cl] = f"{toks[p]} {toks[q]}" if q > p else f"{toks[q]} {toks[p]}"
    if lex.lang != "de":  # English predicates: "was not possible" is caught by the window
        for p, cl, _, _ in negs:
            for q, c, _ in preds:
                if c == cl and 0 < q - p <= NEG_WINDOW:
                    clauses[cl] = f"{toks[p]} {toks[q]}"
    return clauses


def extend_to_complements(clauses: dict[int, str], preds: list, hits: list, toks: list[str], lex: Lexicon) -> None:
    """A negated predicate followed by a complementiser negates that clause too: "es war nicht
    geplant, dass Verträge unterzeichnet werden" (the *dass* clause joins ``clauses``)."""
    n = len(toks)
    for cl, why in list(clauses.items()):
        q = max(p for p, c, _ in preds if c == cl) if any(c == cl for _, c, _ in preds) else -1
        k = q + 1
        while 0 < k < n and toks[k] in (",", "–", "-"):
            k += 1
        if 0 < k < n and toks[k].lower() in lex.complementizers:
            for c2 in {h[4] for h in hits if h[0] > k}:
                if c2 not in clauses and c2 - cl <= 2:
                    clauses[c2] = why


def negate_clauses(hits: list, clauses: dict[int, str], negs: list) -> None:
    """Clause negation: every hit of a negated clause not negated already is × ``N_SCALAR``
    ("Eine Einigung war nicht möglich": *Einigung*, modifier ``clause-negated:nicht möglich``). A
    topic noun or relation word without polarity alone gets its lexicon polarity back for the
    negation to reverse, as after a negator ("An agreement was not possible" −)."""
    for h in hits:
        why = clauses.get(h[4])
        if why and not any(m.startswith("negated") for m in h[3]) and not h[0] <= _neg_in(h, negs) <= h[5]:
            e = h[1]
            if e.topic and not e.polarity and "topic-alone" in h[3]:
                h[1] = Entry(e.term, e.topic, e.cooperation, e.certainty, e.source, topic=e.topic)
                h[3].remove("topic-alone")  # the clause-negated modifier names what acted
            h[2] *= N_SCALAR
            h[3].append(f"clause-negated:{why}")


def _neg_in(h: list, negs: list) -> int:
    """Position of a negator inside the span of hit ``h`` (a phrase like "nicht geplant"), else -1."""
    return next((ng[0] for ng in negs if h[0] <= ng[0] <= h[5]), -1)


def weigh_contrast(hits: list, contrast_pos: int) -> None:
    """Contrast: hits before the last contrast word × ``CONTRAST_BEFORE``, the others ×
    ``CONTRAST_AFTER`` ("gut, aber schwierig": *gut* × 0.5, *schwierig* × 1.5)."""
    for h in hits:
        if h[0] < contrast_pos:
            h[2] *= CONTRAST_BEFORE
            h[3].append(f"before-contrast×{CONTRAST_BEFORE:g}")
        else:
            h[2] *= CONTRAST_AFTER
            h[3].append(f"after-contrast×{CONTRAST_AFTER:g}")


def weigh_by_target(hits: list, target_pos: list[int]) -> None:
    """Target weighting: a hit ``d`` words from the nearest target mention × ``1 / (1 + d / TARGET_SCALE)``
    (10 words away: × 0.5)."""
    for h in hits:
        d = min(abs(h[0] - t) for t in target_pos)
        h[2] *= 1.0 / (1.0 + d / TARGET_SCALE)
        h[3].append(f"target-distance:{d}")


def aggregate(hits: list, spans: list[tuple[int, int]] | None, want_hits: bool, lang: str = "") -> tuple:
    """Aggregation: the sums ``S = Σ value × weight`` of polarity, cooperation and certainty, the hits
    as dicts (with ``want_hits``; character offsets from ``spans``), their number and the number
    of hits with a polarity (the minimum evidence counts these); squashing to −1…1 is left to the
    caller. Negating a hedge or a booster flips certainty ("nicht sicher"). A negated negative word
    counts for polarity with the language's ``NEGATED_NEGATIVE`` (−0.3) instead of ``N_SCALAR``
    (modifier ``weak-negation×…``):
    "no political turmoil", "did not impose" are no praise, a shift towards neutral rather than a
    flip to good news (Taboada et al. 2011); its cooperation keeps the full weight.

    >>> from analysis.sentiment.lexicon import Entry
    >>> aggregate([[0, Entry("gut", 0.5, 0.0, 0.0, "x"), -0.74, ["negated:nicht"], 0, 0]], None, False)
    (-0.37, 0.0, 0.0, [], 1, 1)
    >>> round(aggregate([[0, Entry("dispute", -0.5, -0.5, 0.0, "x"), -0.74, ["negated:no"], 0, 0]], None, False, "en")[0], 4)
    0.15
    """
    sp = sc = sr = 0.0
    out = []
    n_pol = 0
    weak = NEGATED_NEGATIVE.get(lang, N_SCALAR) / N_SCALAR
    for h in hits:
        e, mult = h[1], h[2]
        if e.polarity and mult:
            n_pol += 1
        if weak != 1 and e.polarity < 0 < -mult and any(m.startswith(("negated", "clause-negated")) for m in h[3]):
            sp += e.polarity * mult * weak
            h[3].append(f"weak-negation×{weak:.2f}")
        else:
            sp += e.polarity * mult
        sc += e.cooperation * mult
        sr += e.certainty * mult
        if want_hits:
            pos = h[0]
            start = spans[pos][0] if spans else pos
            end = spans[h[5]][1] if spans else h[5] + 1
            out.append({"term": e.term, "start": start, "end": end, "source": e.source,
                        "polarity": round(e.polarity, 4), "cooperation": round(e.cooperation, 4),
                        "certainty": round(e.certainty, 4), "weight": round(mult, 4), "modifiers": h[3]})
    return sp, sc, sr, out, len(hits), n_pol


def squash(s: float, alpha: float) -> float:
    """Squashing of a sum to −1…1: ``s / sqrt(s² + alpha)`` (VADER's normalisation).

    >>> round(squash(1.0, 1.0), 4), squash(0.0, 1.0)
    (0.7071, 0.0)
    """
    return s / math.sqrt(s * s + alpha) if s else 0.0
