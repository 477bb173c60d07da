"""Events: what actors do to each other, as PLOVER categories with quad class and Goldstein weight.

Tone says how something is said; the **relation** says what is done: a meeting, an agreement,
sanctions, troop movements, an air strike. Each unit (a sentence or a quote) is searched for the
entries of the language's event lexicon (``resources/<lang>/events.tsv``): verbs, nouns and
verb + object combinations, each mapped to a PLOVER category (``resources/plover_categories.tsv``)
with its quad class (verbal/material cooperation/conflict) and a Goldstein-like weight (−10…+10).

The rules, in order:

* **look-up** by lemma and form; German nouns only when capitalised, German verbs only in lower
  case (or first in their clause); the head of a German compound (*Raketen|angriff*) or the last
  part of a hyphenated word (*Nato-Gipfel*) when the whole word has no entry. German separable
  verbs are joined with their clause-final particle (:mod:`analysis.particle_verbs`: "Die EU
  **setzt** die Gespräche **aus**" is *aussetzen*).
* **conditions** of an entry: a reflexive pronoun in its clause ("traf **sich** mit Kim"), the
  English particle after the verb ("pull **out**"), one of its object lemmas in the clause within
  ``OBJECT_WINDOW`` words ("Sanktionen **verhängen**", "deploy **troops**"; punctuation is not
  counted, and quotation marks end no clause: "der Frachter „Delight“ wurde am 9. Januar
  **freigegeben**"). Topic nouns (Krieg,
  Sanktionen, Frieden; war, sanctions, peace) are no entries of their own: only what is done to
  them is an event. Words inside a name or fixed phrase of ``event_exclusions.txt`` are never
  triggers or objects ("Organisation für Sicherheit und Zusammenarbeit in Europa").
* **negation**: a negator (``negators.txt``) up to ``NEG_WINDOW`` words before the event or its
  object, a German post-negator after the verb in its clause ("greift … **nicht** an"), a forward
  negator (``forward_negators.txt``) anywhere before a verb that ends its clause, as in the tone
  rules ("wird **nicht** die Bedingungen des Westens **akzeptieren**"), or a failure
  word (``event_modifiers.tsv``: scheitern, fail) in the clause, unless a word naming the cause of
  the failure stands between it and the event: "scheiterte **am** Widerstand der CDU" (the
  resistance happened). A negated cooperation event counts
  ``NEGATED["cooperation"]`` × its weight (no agreement reached is a setback: "keine Einigung
  erzielt" is mildly conflictual), a negated conflict event ``NEGATED["conflict"]`` (an attack that
  did not happen is no cooperation).
* **criticism**: a unit without an event whose tone is clearly negative (:func:`criticism`,
  polarity below ``CRITICISM_BELOW``) is a DISAPPROVE event of value −2 × |polarity|: criticism
  of an opponent seldom has a verb of criticising.
* **criticism by its form** (:mod:`analysis.sentiment.criticism`): a demand addressed to an
  opponent ("Russland muss endlich abziehen") is a DEMAND event, a rhetorical question, an irony
  marker or a negation aimed at the addressee ("Wer will das schon?", "die sogenannte
  Friedensmission", "dazu sind Sie nicht in der Lage") a DISAPPROVE event, with the
  category's Goldstein weight and the context ``criticism``.
* **modality** (``event_modifiers.tsv``, anywhere in the event's sentence part up to the next
  punctuation): *intended* (will, soll, plant; will, plans to) × ``CONTEXT_WEIGHT["intended"]``,
  *hypothetical* (könnte, falls; could, if) × ``CONTEXT_WEIGHT["hypothetical"]``, *threatened*
  (droht, threatens to): a conflict event is then a THREATEN event.

Per unit: of the events that are not negated (all events when every one is), the one with the
largest ``|goldstein × weight|`` is the unit's ``event``, with its
``quad_class``, ``goldstein`` (its weighted value) and ``event_context``; ``relation`` is the sign
of that value (cooperation, none, conflict). ``event_hits`` lists every event found, with the
entry, the words it matched and its modifiers, so every relation is explained.

>>> import pandas as pd
>>> out = score_events(pd.DataFrame({"text": ["Putin traf sich mit Kim.", "Es gab keine Einigung."]}), lang="de")
>>> out[["relation", "event", "event_context"]].values.tolist()
[['cooperation', 'CONSULT', 'factual'], ['conflict', 'AGREE', 'negated']]
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from itertools import compress

import pandas as pd

from analysis.errors import InputError, require_columns
from analysis.event_constructions import construction_spans
from analysis.particle_verbs import join_particle_verbs, particle_verb_bases, particles
from analysis.resources import ROOT, table, wordlist
from analysis.runtime import word_cache
from analysis.segment import lemmatize
from analysis.sentiment.criticism import CUE_ROLES, constructions
from analysis.sentiment.lexicon import lexicon as tone_lexicon
from analysis.sentiment.parameters import NEG_WINDOW, PUNCT, TOKEN_RE
from analysis.wordforms import compound_head, hyphen_parts, stem

log = logging.getLogger(__name__)

EVENT_COLUMNS = ["relation", "event", "quad_class", "goldstein", "event_context", "event_hits"]
RELATIONS = ("cooperation", "none", "conflict")
OBJECT_WINDOW = 8          # words (punctuation not counted) between an event verb and its object, in the same clause
PARTICLE_WINDOW = 4        # words between an English verb and its particle ("pulled its troops out")
NEGATED = {"cooperation": -0.5, "conflict": 0.0}   # factor of a negated event, by the sign of its weight
CONTEXT_WEIGHT = {"factual": 1.0, "negated": 1.0, "intended": 0.75, "hypothetical": 0.5, "threatened": 1.0, "criticism": 1.0}
VERDICT_MODES = frozenset({"verdict", "call names"})   # entries of a speaker's verdict: context criticism (the speaker
                                                        # criticises; analysis.relations picks the criticised as target)
CRITICISM_BELOW = -0.8     # a unit without an event and of lower polarity is criticism (DISAPPROVE); dev part
CONSTRUCTION_EVENTS = {"demand": "DEMAND", "rhetorical-question": "DISAPPROVE", "irony": "DISAPPROVE",
                       "addressed-negation": "DISAPPROVE"}
CONSTRUCTIONS = {"partner": ("CONSULT", "factual")}  # event, context of analysis.event_constructions
OWN_EVENTS = frozenset({"DISAPPROVE", "DEMAND"})   # nouns of these aimed at one's own doing are no event between sides
OWN_WINDOW = 3             # words after such a noun in which an "own" word (eigen, own) names its target
CAPITALISED_NOUNS = frozenset({"de"})   # languages whose nouns are capitalised (nouns/verbs told apart by case)
_PUNCT = frozenset(PUNCT)
QUOTES = frozenset("\"„“”»«‚‘")   # quotation marks end no clause: a quoted name stands inside it (der Frachter „Delight“ wurde freigegeben)


@dataclass(frozen=True)
class EventEntry:
    """One row of ``events.tsv``."""

    lemma: str
    pos: str
    particle: str
    reflexive: bool
    objects: tuple[str, ...]
    event: str
    mode: str
    quad_class: str
    goldstein: float

    @property
    def specificity(self) -> int:
        """Entries with more conditions are tried first (verb + object before the plain verb)."""
        return 4 * bool(self.objects) + 2 * self.reflexive + bool(self.particle)


def plover_categories() -> pd.DataFrame:
    """The PLOVER categories with quad class, default Goldstein weight, CAMEO root and definition
    (``resources/plover_categories.tsv``, a fresh copy).

    >>> t = plover_categories().set_index("event")
    >>> t.at["ASSAULT", "quad_class"], float(t.at["ASSAULT", "goldstein"])
    ('material_conflict', -9.0)
    """
    return _categories().copy()


@cache
def _categories() -> pd.DataFrame:
    return pd.read_csv(ROOT / "plover_categories.tsv", sep="\t", comment="#", dtype={"cameo_root": str})


@cache
def _goldstein(event: str) -> float:
    """The Goldstein weight of a PLOVER category (``plover_categories.tsv``)."""
    return float(_categories().set_index("event").at[event, "goldstein"])


@cache
def _quad_class(event: str) -> str:
    return str(_categories().set_index("event").at[event, "quad_class"])


@dataclass
class EventLexicon:
    """The event entries of one language, indexed by lower-cased lemma, with the modifier words."""

    lang: str
    entries: dict[str, tuple[EventEntry, ...]]
    modifiers: dict[str, str]              # lower-cased form → class
    lemma_modifiers: dict[str, str]        # lemma → class
    exclusions: dict[str, tuple[tuple[str, ...], ...]]  # first word → the names and fixed phrases it starts
    verbs: frozenset[str]                  # verb lemmas (for German particle joins)
    bases: dict[str, frozenset[str]]       # words that can be the verb of a particle verb entry
    types: dict[str, tuple[str, str, bool]]  # word → (lower, lemma lower, may be an event word)
    comma_conjunctions: frozenset[str] = frozenset()  # clause markers that open no clause as words (als)
    months: frozenset[str] = frozenset()   # month names: the dot of "am 9. Januar" ends no clause


def _load_entries(lang: str) -> list[EventEntry]:
    t = table(lang, "events")
    cats = plover_categories().set_index("event")
    out = []
    for k, r in enumerate(t.itertuples(index=False), start=2):
        if r.event not in cats.index:
            raise InputError(f"resources/{lang}/events.tsv row {k}: unknown PLOVER category {r.event!r}")
        if r.quad_class != cats.at[r.event, "quad_class"]:
            raise InputError(f"resources/{lang}/events.tsv row {k}: {r.event} is {cats.at[r.event, 'quad_class']}, "
                             f"not {r.quad_class}")
        g = float(r.goldstein)
        if not -10 <= g <= 10 or (g > 0) != (r.quad_class.endswith("cooperation")):
            raise InputError(f"resources/{lang}/events.tsv row {k}: goldstein {g} out of range or of the wrong sign")
        out.append(EventEntry(r.lemma, r.pos, r.particle, bool(r.reflexive), tuple(o.lower() for o in r.object.split("|") if o),
                              r.event, r.mode, r.quad_class, g))
    return out


@cache
def event_lexicon(lang: str) -> EventLexicon:
    """The event lexicon of ``lang``; :class:`InputError` for a language without ``events.tsv``.

    >>> [e.event for e in event_lexicon("de").entries["gipfel"]]
    ['CONSULT']
    """
    entries = _load_entries(lang)
    index: dict[str, list[EventEntry]] = {}
    for e in entries:
        index.setdefault(e.lemma.lower(), []).append(e)
    mods = table(lang, "event_modifiers")
    try:
        phrases = [tuple(t.lower() for t in TOKEN_RE.findall(line)) for line in wordlist(lang, "event_exclusions")]
    except InputError:
        phrases = []
    excl: dict[str, tuple[tuple[str, ...], ...]] = {}
    for phrase in phrases:
        excl[phrase[0]] = excl.get(phrase[0], ()) + (phrase,)
    verbs = frozenset(e.lemma.lower() for e in entries if e.pos == "verb")
    separable = particles(lang)
    pverbs = {v for v in verbs if any(v.startswith(p) and len(v) > len(p) + 2 for p in separable)}
    return EventLexicon(
        lang=lang,
        entries={k: tuple(sorted(v, key=lambda e: -e.specificity)) for k, v in index.items()},
        modifiers={w.lower(): c for w, c, m in mods[["word", "class", "match"]].itertuples(index=False) if m == "form"},
        lemma_modifiers={w.lower(): c for w, c, m in mods[["word", "class", "match"]].itertuples(index=False) if m == "lemma"},
        exclusions=excl,
        verbs=verbs,
        bases=particle_verb_bases(pverbs, lang=lang) if pverbs else {},
        types={},
        comma_conjunctions=frozenset(w.lower() for w in wordlist(lang, "comma_conjunctions"))
        if (ROOT / lang / "comma_conjunctions.txt").exists() else frozenset(),
        months=frozenset(table(lang, "months")["name"].str.lower()) if (ROOT / lang / "months.tsv").exists()
        else frozenset(),
    )


def _type(word: str, lx: EventLexicon) -> tuple[str, str, bool]:
    """(lower, lemma lower, whether the word may trigger an event), cached per word type."""
    t = lx.types.get(word)
    if t is None:
        low = word.lower()
        lem = lemmatize(word, lx.lang).lower()
        maybe = low in lx.entries or lem in lx.entries or low in lx.bases
        if not maybe and lx.lang in CAPITALISED_NOUNS and word[:1].isupper():
            maybe = _head(word, lx) is not None
        t = lx.types[word] = (low, lem, maybe)
    return t


@word_cache(maxsize=200_000)
def _compound_head(word: str, lang: str) -> str | None:
    parts = hyphen_parts(word)
    if len(parts) > 1:
        return parts[-1][1]
    return compound_head(word, lang=lang)


def _head(word: str, lx: EventLexicon) -> str | None:
    """The head of a compound or hyphenated word when it is a noun entry."""
    h = _compound_head(word, lx.lang)
    if h is None or not h[:1].isupper():
        return None
    key = lemmatize(h, lx.lang).lower()
    return key if any(e.pos == "noun" for e in lx.entries.get(key, ())) else None


def _stem_match(word_low: str, lemma: str, obj: str, lang: str) -> bool:
    if word_low == obj or lemma == obj:
        return True
    if len(obj) < 4:
        return False
    s = _stem(obj, lang)
    return len(s) >= 4 and (_stem(word_low, lang).endswith(s) or lemma.endswith(obj))


@word_cache(maxsize=200_000)
def _stem(word: str, lang: str) -> str:
    return stem(word, lang)


def _excluded(lows: list[str], lx: EventLexicon) -> set[int]:
    out: set[int] = set()
    starts = lx.exclusions
    for i in compress(range(len(lows)), map(starts.__contains__, lows)):
        for phrase in starts[lows[i]]:
            if tuple(lows[i:i + len(phrase)]) == phrase:
                out.update(range(i, i + len(phrase)))
    return out


def find_events(text, lang: str) -> list[dict]:
    """The events of one text: a list of hits (dicts, see :data:`EVENT_COLUMNS` ``event_hits``).

    >>> [(h["term"], h["event"], h["context"]) for h in find_events("Die EU setzt die Gespräche mit Russland aus.", "de")]
    [('aussetzen + Gespräch', 'SANCTION', 'factual')]
    """
    if not isinstance(text, str) or not text.strip():
        return []
    lx = event_lexicon(lang)
    ms = list(TOKEN_RE.finditer(text))
    toks = [m.group() for m in ms]
    info = [_type(t, lx) for t in toks]
    lows = [x[0] for x in info]
    tone = tone_lexicon(lang)
    formal = _formal_events(toks, lows, ms, text, tone) if not tone.criticism.keys().isdisjoint(lows) else []
    formal += [_construction_hit(kind, ms[a].start(), ms[b].end(), text) for kind, a, b in construction_spans(toks, lang, lows=lows)]
    if not any(x[2] for x in info):
        return formal
    lemmas = [x[1] for x in info]
    # clauses end at punctuation and clause-opening conjunctions; sentence parts at punctuation only
    clause, part, words = [], [], []
    c = p = n = 0
    for i, low in enumerate(lows):
        n += low not in _PUNCT
        words.append(n)
        if low in _PUNCT and low not in QUOTES and not _date_dot(i, lows, lx):
            c += 1
            p += 1
        elif low in tone.clause_markers and i and low not in lx.comma_conjunctions:
            c += 1
        clause.append(c)
        part.append(p)
    blocked = _excluded(lows, lx)
    joined: dict[int, str] = {}
    if lx.bases and not lx.bases.keys().isdisjoint(lows):
        for j in join_particle_verbs(toks, [lemmatize(t, lang) for t in toks], lang=lang, lexicon=lx.verbs):
            if j.lemma in lx.entries:
                lemmas[j.verb] = j.lemma
                joined[j.verb] = toks[j.particle]
                blocked.add(j.particle)
    hits = []
    for i, tok in enumerate(toks):
        if i in blocked or not (info[i][2] or i in joined):
            continue
        hit = _match(i, toks, lows, lemmas, clause, words, blocked, lx)
        if hit is not None:
            if i in joined:
                hit["modifiers"].insert(0, f"particle-verb:{tok}+{joined[i]}")
            hits.append(hit)
    # a noun that is the object of a verb + object event is not an event of its own
    objects = {h["_object"] for h in hits if h["_verb"]} - {None}
    hits = [h for h in hits if (h["_verb"] or h["_pos"] not in objects) and not _own_target(h, lows, lemmas, clause, lx)]
    for h in hits:
        _modify(h, lows, lemmas, clause, part, tone, lx)
        h["start"], h["end"] = ms[h["_pos"]].start(), ms[h.pop("_last")].end()
        h["text"] = text[h["start"]:h["end"]]
        del h["_pos"], h["_object"]
    return hits + formal


def _own_target(h: dict, lows, lemmas, clause, lx: EventLexicon) -> bool:
    """Whether a noun of criticism or demand is aimed at the speaker's own doing, not at a side: an
    *own* word (``event_modifiers.tsv``: eigen, own) up to ``OWN_WINDOW`` words after it in its
    clause, before a noun that names no side ("Kritik an der **eigenen** Leistung"; not "Kritik an
    der eigenen Regierung", "aus den eigenen Reihen": a side of class ``side`` or a role noun)."""
    i = h["_pos"]
    if h["_verb"] or h["event"] not in OWN_EVENTS:
        return False
    k = next((k for k in range(i + 1, min(len(lows), i + OWN_WINDOW + 1)) if clause[k] == clause[i]
              and _modifier(k, lows, lemmas, lx) == "own"), None)
    if k is None or k + 1 >= len(lows):
        return False
    return _modifier(k + 1, lows, lemmas, lx) != "side" and lemmas[k + 1] not in _role_nouns(lx.lang)


@cache
def _role_nouns(lang: str) -> frozenset[str]:
    return frozenset(table(lang, "role_nouns")["role"].str.lower()) if (ROOT / lang / "role_nouns.tsv").exists() \
        else frozenset()


def _date_dot(i: int, lows: list[str], lx: EventLexicon) -> bool:
    """Whether the word at ``i`` is the dot of an ordinal day before a month name ("am 9. Januar"),
    which ends neither a clause nor a sentence part."""
    return (lows[i] == "." and 0 < i < len(lows) - 1 and lows[i - 1].isdigit()
            and lows[i + 1] in lx.months)


def _formal_events(toks, lows, ms, text: str, tone) -> list[dict]:
    """The events of criticism by its form (:data:`CONSTRUCTION_EVENTS`), as hits (``tone``: the
    tone lexicon, whose criticism cues, negators and negation exceptions the constructions read)."""
    out, roles = [], tone.criticism
    for kind, pos, first, last in constructions(toks, [i for i, w in enumerate(lows) if roles.get(w) in CUE_ROLES], roles,
                                                negators=tone.negators, exceptions=tone.negation_exceptions):
        event = CONSTRUCTION_EVENTS.get(kind)
        if event is None:
            continue
        start, end = ms[min(first, pos)].start(), ms[min(last, len(ms) - 1)].end()
        out.append(_form_hit(f"({kind.replace('-', ' ')})", event, kind.replace("-", " "), "criticism", start, end, text,
                             [f"cue:{toks[pos]}"]))
    return out


def _construction_hit(kind: str, start: int, end: int, text: str) -> dict:
    """The hit of an event stated by a construction (:mod:`analysis.event_constructions`)."""
    event, context = CONSTRUCTIONS[kind]
    return _form_hit(f"({kind})", event, kind, context, start, end, text, [f"construction:{kind}"])


def _form_hit(term: str, event: str, mode: str, context: str, start: int, end: int, text: str, modifiers: list) -> dict:
    """A hit of an event read from a form, with its category's quad class and Goldstein weight."""
    g = _goldstein(event)
    return {"term": term, "text": text[start:end], "start": start, "end": end, "event": event, "mode": mode,
            "quad_class": _quad_class(event), "goldstein": g, "weight": 1.0, "value": g, "context": context,
            "modifiers": modifiers}


def _match(i: int, toks, lows, lemmas, clause, words, blocked, lx: EventLexicon) -> dict | None:
    """The first entry that matches the word at ``i`` with its conditions, as a hit, or None
    (``words``: the number of words, not punctuation, up to each token)."""
    tok, low, lem = toks[i], lows[i], lemmas[i]
    mods: list[str] = []
    cands = list(lx.entries.get(lem, ())) + [e for e in lx.entries.get(low, ()) if lem != low]
    capitalised = lx.lang in CAPITALISED_NOUNS
    if not cands and capitalised and tok[:1].isupper():
        head = _head(tok, lx)
        if head is not None:
            cands = [e for e in lx.entries[head] if e.pos == "noun"]
            mods.append(f"compound:{tok}→{head}")
    first = i == 0 or clause[i - 1] != clause[i] or lows[i - 1] in _PUNCT
    for e in sorted(cands, key=lambda e: -e.specificity):
        if capitalised and (e.pos == "noun") != tok[:1].isupper() and not (e.pos != "noun" and first):
            continue
        extra = list(mods)
        last = i
        obj = None
        if e.reflexive:
            r = next((k for k in range(len(toks)) if k != i and clause[k] == clause[i]
                      and lx.modifiers.get(lows[k]) == "reflexive"), None)
            if r is None:
                continue
            extra.append(f"reflexive:{toks[r]}")
        if e.particle and lx.lang not in CAPITALISED_NOUNS:
            r = next((k for k in range(i + 1, min(len(toks), i + 1 + PARTICLE_WINDOW))
                      if clause[k] == clause[i] and lows[k] == e.particle), None)
            if r is None:
                continue
            extra.append(f"particle:{toks[r]}")
            last = max(last, r)
        if e.objects:
            ks = [k for k in range(max(0, i - 2 * OBJECT_WINDOW), min(len(toks), i + 2 * OBJECT_WINDOW + 1))
                  if k != i and abs(words[k] - words[i]) <= OBJECT_WINDOW
                  and k not in blocked and clause[k] == clause[i]
                  and any(_stem_match(lows[k], lemmas[k], o, lx.lang) for o in e.objects)]
            if not ks:
                continue
            obj = min(ks, key=lambda k: abs(k - i))
            extra.append(f"object:{toks[obj]}")
        term = e.lemma if obj is None else f"{e.lemma} + {lemmatize(toks[obj], lx.lang)}"
        return {"term": term, "event": e.event, "mode": e.mode, "quad_class": e.quad_class,
                "goldstein": e.goldstein, "weight": 1.0, "value": e.goldstein,
                "context": "criticism" if e.mode in VERDICT_MODES else "factual",
                "modifiers": extra, "_pos": i, "_last": max(last, obj if obj is not None else i),
                "_first": min(i, obj if obj is not None else i), "_object": obj, "_verb": e.pos != "noun"}
    return None


def _negator(lows, k: int, tone) -> bool:
    """Whether the word at ``k`` negates (a negator not opening an exception such as "nicht nur")."""
    w = lows[k]
    if w not in tone.negators and not w.endswith(tone.negator_suffixes):
        return False
    nxt = lows[k + 1] if k + 1 < len(lows) else ""
    return nxt not in tone.negation_exceptions.get(w, ())


def _forward_negator(i: int, lows, clause, tone) -> int | None:
    """The forward negator (``forward_negators.txt``, German verb-final clauses) earlier in the
    clause of the event verb at ``i``, when the verb ends its clause (an auxiliary may follow):
    "Russland wird **nicht** die Bedingungen des Westens **akzeptieren**", "die Gespräche **nicht**
    **abgebrochen**" (the negator after the object, out of reach of the window before it)."""
    c = clause[i]
    if not tone.forward_negators or sum(clause[k] == c for k in range(i + 1, len(lows))) > 1:
        return None
    return next((k for k in range(i - 1, -1, -1) if clause[k] == c and lows[k] in tone.forward_negators
                 and _negator(lows, k, tone)), None)


def _modifier(k: int, lows, lemmas, lx: EventLexicon) -> str | None:
    """The modifier class of the word at ``k`` (by its form, else by its lemma), or None."""
    return lx.modifiers.get(lows[k]) or lx.lemma_modifiers.get(lemmas[k])


def _modify(h: dict, lows, lemmas, clause, part, tone, lx: EventLexicon) -> None:
    """Negation and modality of one hit (in place): context, weight, value, modifiers."""
    i, first, is_verb = h["_pos"], h.pop("_first"), h.pop("_verb")
    c = clause[i]
    negated = None
    for k in range(max(0, first - NEG_WINDOW), first):
        if clause[k] == c and _negator(lows, k, tone):
            negated = f"negated:{lows[k]}"
    if negated is None and is_verb:
        k = next((k for k in range(i + 1, len(lows)) if clause[k] == c and lows[k] in tone.post_negators
                  and _negator(lows, k, tone)), None)
        if k is not None:
            negated = f"negated-after:{lows[k]}"
    if negated is None and is_verb:
        k = _forward_negator(i, lows, clause, tone)
        if k is not None:
            negated = f"negated-forward:{lows[k]}"
    if negated is None:
        k = next((k for k in range(len(lows)) if k != i and clause[k] == c
                  and _modifier(k, lows, lemmas, lx) == "failure"), None)
        if k is not None and not any(_modifier(j, lows, lemmas, lx) == "cause" for j in range(k + 1, first)):
            negated = f"failed:{lows[k]}"
    modal = {}
    for k in range(len(lows)):
        if k != i and part[k] == part[i]:
            cls = _modifier(k, lows, lemmas, lx)
            if cls in ("intended", "hypothetical", "threat"):
                modal.setdefault(cls, lows[k])
    g = h["goldstein"]
    if "threat" in modal and g < 0 and h["event"] != "THREATEN":
        threat = _categories().set_index("event").loc["THREATEN"]
        h["modifiers"].append(f"threatened:{modal['threat']}")
        h["mode"] = f"threaten {h['mode']}"
        h["event"], h["quad_class"], h["goldstein"] = "THREATEN", threat["quad_class"], float(threat["goldstein"])
        h["context"] = "threatened"
    elif "hypothetical" in modal or ("threat" in modal and h["event"] != "THREATEN"):
        word = modal.get("hypothetical") or modal["threat"]
        h["modifiers"].append(f"hypothetical:{word}")
        h["context"] = "hypothetical"
    elif "intended" in modal:
        h["modifiers"].append(f"intended:{modal['intended']}")
        h["context"] = "intended"
    w = CONTEXT_WEIGHT[h["context"]]
    if negated is not None:
        h["modifiers"].append(negated)
        w *= NEGATED["cooperation" if h["goldstein"] > 0 else "conflict"]
        h["context"] = "negated"
    h["weight"] = round(w, 6)
    h["value"] = round(h["goldstein"] * w, 6)


def summarize(hits: list[dict]) -> dict:
    """The unit's columns from its hits: the strongest event decides (see the module's rules).

    >>> summarize([])["relation"]
    'none'
    """
    if not hits:
        return {"relation": "none", "event": "", "quad_class": "", "goldstein": 0.0, "event_context": ""}
    done = [h for h in hits if h["context"] != "negated"] or hits   # what is done outranks what is not
    top = max(done, key=lambda h: (abs(h["value"]), abs(h["goldstein"])))
    v = top["value"]
    return {"relation": "cooperation" if v > 0 else "conflict" if v < 0 else "none", "event": top["event"],
            "quad_class": top["quad_class"], "goldstein": float(v), "event_context": top["context"]}


def available_languages() -> list[str]:
    """Languages with an event lexicon.

    >>> available_languages()
    ['de', 'en']
    """
    return sorted(p.name for p in ROOT.iterdir() if (p / "events.tsv").exists())


def criticism(polarity: float, label: str) -> list[dict]:
    """The event of a unit without an event of the lexicon whose tone is clearly negative (label
    negative, polarity below ``CRITICISM_BELOW``): criticism, a DISAPPROVE event ("eine
    unverantwortliche, menschenverachtende Politik"), its value the category's Goldstein weight ×
    |polarity| (−2 × 0.9 = −1.8). The hit names the tone it comes from (``tone:…``).

    >>> [(h["event"], h["value"]) for h in criticism(-0.9, "negative")], criticism(-0.5, "negative")
    ([('DISAPPROVE', -1.8)], [])
    """
    if label != "negative" or not polarity < CRITICISM_BELOW:
        return []
    g = _goldstein("DISAPPROVE")
    value = round(-g * polarity, 6)
    return [{"term": "(negative tone)", "text": "", "start": 0, "end": 0, "event": "DISAPPROVE",
             "mode": "criticism", "quad_class": "verbal_conflict", "goldstein": g, "weight": round(-polarity, 6),
             "value": value, "context": "criticism", "modifiers": [f"tone:{polarity:+.3f}"]}]


def event_columns(texts: list, langs: list, *, tone: list | None = None) -> dict[str, list]:
    """:data:`EVENT_COLUMNS` for many texts (``langs``: one language per text); texts in a language
    without an event lexicon, and non-texts, get relation ``none`` and no hits. ``tone``: per text
    (polarity, label) of the tone engine; a negative unit without an event is criticism
    (:func:`criticism`)."""
    have = set(available_languages())
    cols: dict[str, list] = {k: [] for k in EVENT_COLUMNS}
    skipped = 0
    for k, (text, lg) in enumerate(zip(texts, langs)):
        if lg not in have:
            skipped += isinstance(text, str)
            hits = []
        else:
            hits = find_events(text, lg)
            if not hits and tone is not None:
                hits = criticism(*tone[k])
        for k, v in summarize(hits).items():
            cols[k].append(v)
        cols["event_hits"].append(hits)
    if skipped:
        log.warning("events: %d units in a language without an event lexicon (have: %s) get relation 'none'",
                    skipped, ", ".join(sorted(have)))
    return cols


def score_events(units, *, text_col: str = "text", lang: str | None = None, lang_col: str = "lang") -> pd.DataFrame:
    """The events of every unit (row) of a sentences or quotes table.

    Returns a copy of ``units`` with the columns ``relation`` (cooperation, none, conflict),
    ``event`` (PLOVER category of the strongest event, "" for none), ``quad_class``,
    ``goldstein`` (its value × the weight of its modifiers, −10…+10; 0 for none), ``event_context``
    (factual, intended, hypothetical, threatened, negated; "" for none) and ``event_hits`` (list of
    dicts: term, text, start, end, event, mode, quad_class, goldstein, weight, value, context,
    modifiers). ``lang`` names one language for all rows (:class:`InputError` if it has no event
    lexicon); without it the ``lang_col`` column decides per row.

    >>> score_events(["Israeli air strikes killed 20 people."], lang="en")[["relation", "event", "goldstein"]].values.tolist()
    [['conflict', 'FIGHT', -10.0]]
    """
    if isinstance(units, (list, tuple, pd.Series)):
        units = pd.DataFrame({text_col: list(units)})
    require_columns(units, [text_col], table="units")
    if lang is not None:
        if lang not in available_languages():
            raise InputError(f"no event lexicon for language {lang!r} (have: {', '.join(available_languages())})")
        langs = [lang] * len(units)
    elif lang_col in units.columns:
        langs = units[lang_col].tolist()
    else:
        raise InputError(f"units: no language given; pass lang='de' or 'en', or a {lang_col!r} column")
    out = units.copy()
    for k, v in event_columns(units[text_col].tolist(), langs).items():
        out[k] = v
    return out
