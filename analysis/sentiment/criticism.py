"""Criticism without evaluative words: five constructions that make a sentence critical by its form.

- **Rhetorical question**: a question that holds a particle asking for no answer ("Wer glaubt
  **denn** noch an diesen Plan?", "Ist das **etwa** gerecht?", "How can **anyone** trust them?").
  Its positive hits are reversed (the expected answer is *no*) and it adds ``CRITICISM["rhetorical-question"]``.
- **Irony marker**: an attributive word by which the speaker rejects the term that follows
  (*sogenannte*, *vermeintliche*, *so-called*, *self-proclaimed*); a positive hit up to
  ``IRONY_REACH`` tokens after it is reversed ("die **sogenannte** „Friedensmission“"; the quotation marks of
  a scare quote are tokens in between), and the marker adds ``CRITICISM["irony"]``.
- **Concessive dismissal**: a concession marker before the last contrast word (*zwar …, aber*,
  *admittedly …, but*) whose part after the contrast has no tone of its own: what was conceded is
  dismissed. ``CRITICISM["dismissal"]`` when the concession was toneless or positive ("Sie hat zwar
  einen Plan vorgelegt, aber er kommt erst im nächsten Jahr"), its opposite when it was negative ("zwar schwierig,
  aber machbar"); placed at the contrast word, so it is weighed like the part after it.
- **Demand addressed to an opponent**: a modal of obligation and an urgency word in one clause
  (*muss endlich*, *sofort aufhören*, *must stop*): the addressee has not done what is asked
  (``CRITICISM["demand"]``). What the urgency word reversed as a valence shifter is given back:
  in a demand, the attacks to be stopped are an accusation, not a good outcome ("Russia must stop the attacks").
- **Negation aimed at the addressee** (German speeches): a pronoun of formal address written with a
  capital inside its sentence (*Sie, Ihnen, Ihr* …) and a negator of ``negators.txt`` in that
  sentence, which is no question: the speaker denies the addressee something or tells what the
  addressee fails to do ("dazu sind **Sie** **nicht** in der Lage", "Reden **Sie** die
  Mitbestimmung **nicht** klein!", "Deutschland braucht **keine** **Ihrer** Erklärungen")
  (``CRITICISM["addressed-negation"]``). A negation exception (*nicht nur*) is no negator here.

The cues are ``resources/<lang>/criticism_cues.tsv`` (construction, role). An irony marker sends
a unit to the rule path, a particle only with a question mark, an urgency word only with a modal
(:data:`~analysis.sentiment.word_types.F_CRIT`, :meth:`~analysis.sentiment.lexicon.Roles.needs_rules`).

>>> from analysis.sentiment import score_text
>>> r = score_text("Ist das etwa gerecht?", "de", events=False)
>>> r["label"], [h["term"] for h in r["hits"]]
('negative', ['gerecht', '(rhetorical question)'])
"""
from __future__ import annotations

from analysis.sentiment.lexicon import Entry, Lexicon
from analysis.sentiment.parameters import CRITICISM, IRONY_REACH, N_SCALAR

SENTENCE_ENDS = frozenset(".!?")
CUE_ROLES = frozenset({"particle", "particle-any", "address", "irony", "concession", "urgency"})  # roles whose words are cues
QUESTION_STARTS = frozenset(".!?:;\"“”„«»")
_ENTRIES = {k: Entry(f"({k.replace('-', ' ')})", v, 0.0, 0.0, "construction") for k, v in CRITICISM.items()}


def read_criticism(hits: list, cues: list, toks: list[str], lex: Lexicon, contrast: int) -> None:
    """Add the hits of the criticism constructions whose cues (``(pos, clause)``) stand in the
    sequence, and reverse the positive hits they govern (in place)."""
    clause_of = dict(cues)
    for kind, pos, first, last in constructions(toks, [p for p, _ in cues], lex.criticism, negators=lex.negators,
                                                exceptions=lex.negation_exceptions):
        if kind == "concession":
            if pos < contrast:
                _dismiss(hits, pos, toks, clause_of[pos], contrast)
            continue
        if kind == "demand":
            for h in hits:
                if f"reversed:{toks[pos]}" in h[3]:
                    h[2] /= N_SCALAR
                    h[3].append("demand")
        elif kind != "addressed-negation":   # the negation itself already acted on what it negates
            _reverse_positive(hits, first, last, "rhetorical-question" if kind == "rhetorical-question" else f"irony:{toks[pos]}")
        at = max(pos, first) if kind == "rhetorical-question" else pos  # an addressed question: where it starts
        hits.append([at, _ENTRIES[kind], 1.0, [], clause_of[pos], at])


def constructions(toks: list[str], cues: list[int], roles: dict, *, negators: frozenset[str] = frozenset(),
                  exceptions: dict | None = None) -> list[tuple[str, int, int, int]]:
    """The criticism constructions of a token sequence, from the positions of its cue words:
    (construction, cue position, first and last token it governs); one per question, per modal and
    per sentence with a negation aimed at the addressee (``negators``, ``exceptions``: the
    negators and negation exceptions of the language).

    >>> from analysis.sentiment import lexicon
    >>> toks = "Russland muss endlich und sofort abziehen .".split()
    >>> constructions(toks, [2, 4], lexicon("de").criticism)
    [('demand', 2, 2, 2)]
    """
    out, seen = [], set()
    for pos in cues:
        role = roles.get(toks[pos].lower())
        if role == "address":
            q = _addressed_question(pos, toks, roles)
            if q is not None and ("?", q[1]) not in seen:
                seen.add(("?", q[1]))
                out.append(("rhetorical-question", pos, q[0], q[1]))
            elif q is None and negators:
                s = _addressed_negation(pos, toks, negators, exceptions or {})
                if s is not None and ("sentence", s[1]) not in seen:
                    seen.add(("sentence", s[1]))
                    out.append(("addressed-negation", pos, s[0], s[1]))
        elif role in ("particle", "particle-any"):
            q = _question(pos, toks, roles, role == "particle")
            if q is not None and ("?", q[1]) not in seen:
                seen.add(("?", q[1]))
                out.append(("rhetorical-question", pos, q[0], q[1]))
        elif role == "irony":
            out.append(("irony", pos, pos + 1, pos + IRONY_REACH))
        elif role == "concession":
            out.append(("concession", pos, pos, pos))
        elif role == "urgency":
            modal = _modal_in_clause(pos, toks, roles)
            if modal is not None and ("modal", modal) not in seen:
                seen.add(("modal", modal))
                out.append(("demand", pos, pos, pos))
    return out


def _dismiss(hits: list, pos: int, toks: list[str], clause: int, contrast: int) -> None:
    """The hit of a concessive dismissal, when the part after the contrast word has no tone."""
    if any(h[1].polarity * h[2] for h in hits if h[0] > contrast):
        return
    conceded = sum(h[1].polarity * h[2] for h in hits if pos < h[0] < contrast)
    e = _ENTRIES["dismissal"]
    if conceded < 0:
        e = Entry(e.term, -e.polarity, 0.0, 0.0, e.source)
    hits.append([contrast, e, 1.0, [f"concession:{toks[pos]}"], clause, contrast])


def _question(pos: int, toks: list[str], roles: dict, needs_opener: bool) -> tuple[int, int] | None:
    """(first token, "?") of the question holding ``toks[pos]``, or None when it ends otherwise (or
    does not open with a w-word, ``needs_opener``)."""
    end = next((k for k in range(pos + 1, len(toks)) if toks[k] in SENTENCE_ENDS), None)
    if end is None or toks[end] != "?":
        return None
    start = next((k + 1 for k in range(pos - 1, -1, -1) if toks[k] in QUESTION_STARTS), 0)
    if needs_opener and not any(roles.get(t.lower()) == "opener" for t in toks[start:min(start + 2, pos)]):
        return None
    return start, end


def _addressed_question(pos: int, toks: list[str], roles: dict) -> tuple[int, int] | None:
    """(first token, "?") of a w-question put to the audience: ``toks[pos]`` is a pronoun of formal
    address written with a capital inside its sentence ("Was ist **Ihr** Demokratieverständnis, …?",
    "Erklären **Sie** mir doch mal: Wozu …?"), the question ending this sentence opens with a
    w-word. A capital at the sentence start says nothing ("Sie kamen nicht. Wer hat sie gerufen?").
    The question may start after the pronoun."""
    if not toks[pos][:1].isupper() or pos == 0 or toks[pos - 1] in QUESTION_STARTS:
        return None
    end = next((k for k in range(pos + 1, len(toks)) if toks[k] in SENTENCE_ENDS), None)
    if end is None or toks[end] != "?":
        return None
    start = next((k + 1 for k in range(end - 1, -1, -1) if toks[k] in QUESTION_STARTS), 0)
    if not any(roles.get(t.lower()) == "opener" for t in toks[start:start + 2]):
        return None
    return start, end


def _addressed_negation(pos: int, toks: list[str], negators: frozenset[str], exceptions: dict) -> tuple[int, int] | None:
    """(first, last token) of the sentence of ``toks[pos]``, a pronoun of formal address written
    with a capital inside it, when a negator stands in that sentence and it ends in no question mark.

    >>> _addressed_negation(2, "Dazu sind Sie nicht in der Lage .".split(), frozenset({"nicht"}), {})
    (0, 7)
    >>> _addressed_negation(0, "Sie kamen nicht .".split(), frozenset({"nicht"}), {}) is None
    True
    """
    if not toks[pos][:1].isupper() or pos == 0 or toks[pos - 1] in QUESTION_STARTS:
        return None
    end = next((k for k in range(pos + 1, len(toks)) if toks[k] in SENTENCE_ENDS), len(toks) - 1)
    if toks[end] == "?":
        return None
    start = next((k + 1 for k in range(pos - 1, -1, -1) if toks[k] in SENTENCE_ENDS), 0)
    lows = [t.lower() for t in toks[start:end + 1]]
    if any(w in negators and (i + 1 == len(lows) or lows[i + 1] not in exceptions.get(w, ())) for i, w in enumerate(lows)):
        return start, end
    return None


def _modal_in_clause(pos: int, toks: list[str], roles: dict) -> int | None:
    """The position of a modal of obligation in the clause of ``toks[pos]`` (up to punctuation), or None."""
    for step in (-1, 1):
        k = pos + step
        while 0 <= k < len(toks) and toks[k][:1].isalnum():
            if roles.get(toks[k].lower()) == "modal":
                return k
            k += step
    return None


def _reverse_positive(hits: list, first: int, last: int, why: str) -> None:
    for h in hits:
        if first <= h[0] <= last and h[1].polarity * h[2] > 0:
            h[2] *= N_SCALAR
            h[3].append(why)
