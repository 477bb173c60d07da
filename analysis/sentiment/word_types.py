"""What each word type and whitespace chunk means to the engine, analysed once and cached.

A word type's analysis is ``(flags, lemma, entry, factor, note)``: its rule roles as a bit set
(``F_*``), its lemma, its lexicon entry (or None), an intensifier's factor and a note on how the
entry was found (``stem``, ``hyphen-head``, ``compound:…``). :func:`remember` stores it in
``Lexicon.types`` and in the C-level sets and sums of ``Lexicon.words``; :func:`remember_chunk`
does the same for whitespace-delimited chunks (``Lexicon.chunks``), which lets most units be
scored without being tokenized.

>>> from analysis.sentiment import lexicon
>>> flags, lemma, entry, factor, note = remember("eskalierte", lexicon("de"))
>>> lemma, entry.term, bool(flags & F_LEX)
('eskalieren', 'eskalieren', True)
"""
from __future__ import annotations

from analysis.segment import lemmatize as _lemmatize
from analysis.sentiment.compounds import compound
from analysis.sentiment.lexicon import Entry, Lexicon, fold
from analysis.sentiment.parameters import INT_WINDOW, MIN_COMPOUND_PART, NEG_WINDOW, PREFIX, TOKEN_RE

# flags of a word type (bit set)
(F_BOUNDARY, F_NEG, F_POSTNEG, F_INT, F_CONTRAST, F_LEX, F_LOWER, F_PHRASE, F_CLAUSEPRED, F_CORR, F_PTAIL, F_SHIFT,
 F_CAPITAL, F_TOPICPRED, F_CRIT) = (1 << i for i in range(15))
# a word with one of these roles sends its unit through the full rule path; so does the rarest
# word of a multi-word entry (F_PTAIL: "course") together with its first word (F_PHRASE: "of").
# F_CAPITAL: a capitalised lexicon word in a language that capitalises only names and sentence
# starts (English), which may be part of a name ("United Nations", "Clean Air Act")
RULE_ROLES = F_NEG | F_POSTNEG | F_INT | F_CONTRAST | F_CLAUSEPRED | F_CORR | F_SHIFT | F_CAPITAL
# F_CRIT: a word of a criticism construction (analysis.sentiment.criticism). An irony marker sends
# its unit to the rule path alone, a question particle only with a question mark, an urgency word
# only with a modal of obligation, a concession marker only with a contrast word (a rule word)
# F_TOPICPRED: a predicate that evaluates a topic noun ("beenden" in "den Krieg beenden"); like the
# first and the rarest word of a multi-word entry, it sends a unit to the rule path only together
# with a topic noun (Roles.needs_rules)
SIMPLE_HIT = F_BOUNDARY | F_LEX | F_PHRASE | RULE_ROLES | F_TOPICPRED | F_CRIT


def _inflects(word: str, entry: Entry, lex: Lexicon) -> bool:
    """Whether lower-case ``word`` is an inflected form of ``entry``: the entry, less a final -e or a
    verb's -n/-en, plus an inflection ending (any word when the language lists no endings).

    >>> from analysis.sentiment import lexicon
    >>> lx = lexicon("de")
    >>> _inflects("eskalierte", lx.entries["eskalieren"], lx), _inflects("bereits", lx.entries["bereit"], lx)
    (True, False)
    """
    if not lex.endings:
        return True
    term = entry.term.lower()
    endings = lex.endings[entry.term[:1].isupper()]
    bases = {term, term.removesuffix("e"), term.removesuffix("n"), term.removesuffix("en")}
    return any(word.startswith(b) and word[len(b):] in endings for b in bases)


def type_info(word: str, lex: Lexicon) -> tuple | None:
    """What a word type means to the engine: (flags, lemma, entry, factor, note) or None."""
    low = word.lower()
    flags = 0
    if low in lex.clause_markers or not low[0].isalnum():
        flags |= F_BOUNDARY
    if low in lex.negators or (lex.negator_suffixes and low.endswith(lex.negator_suffixes)):
        flags |= F_NEG
    if low in lex.post_negators:
        flags |= F_POSTNEG
    if low in lex.correlatives:
        flags |= F_CORR
    if low in lex.contrast:
        flags |= F_CONTRAST
    factor = lex.intensifiers.get(low, 1.0)
    if low in lex.intensifiers:
        flags |= F_INT
    if low in lex.criticism and lex.criticism[low] != "opener":
        flags |= F_CRIT
    lemma = low
    entry = None
    note = ""
    core = word.strip("'’")
    if core != word and core and not flags & F_NEG:  # 'peace’ used as a quotation mark
        return remember(core, lex) or None
    if word[0].isalpha():
        lemma = lemma_of(word, lex)
        if low in lex.clause_predicates or lemma in lex.clause_predicates:
            flags |= F_CLAUSEPRED
        if low in lex.phrases or lemma in lex.phrases:
            flags |= F_PHRASE
        if low in lex.phrase_tails or lemma in lex.phrase_tails:
            flags |= F_PTAIL
        if low in lex.shifters or lemma in lex.shifters:
            flags |= F_SHIFT
        if low in lex.topic_predicates or lemma in lex.topic_predicates:
            flags |= F_TOPICPRED
        if not flags & (F_NEG | F_INT | F_CONTRAST):
            # German: a lower-case word is no noun ("wohl" is not "Wohl", "sorgen für" not "Sorgen")
            entries, stems = (lex.non_nouns, lex.non_noun_stems) if word[0].islower() else (lex.entries, lex.stems)
            entry = entries.get(low)
            by_lemma = entries.get(lemma)
            if by_lemma is not None and (entry is None or (by_lemma.source == "diplomatic" != entry.source)):
                entry = by_lemma  # the diplomatic lexicon's lemma beats the base lexicon's word form
            if entry is None and lex.stem is not None and len(low) > MIN_COMPOUND_PART:
                entry = stems.get(lex.stem(low)) if fold(low[:PREFIX + 1])[:PREFIX] in lex.prefixes else None
                if entry is not None and not _inflects(low, entry, lex):
                    entry = None  # same stem, other word: bereits ≠ bereit, Verbindung ≠ verbindlich
                if entry is None and lex.lang == "de" and word[0].islower():
                    # finite verb forms the lemmatizer misses: eskaliert, eskalierte → eskalieren
                    for suf in ("t", "te", "ten", "tet", "et", "st"):
                        if low.endswith(suf) and (e2 := entries.get(low[:-len(suf)] + "en")) is not None \
                                and e2.source == "diplomatic":
                            entry = e2
                            break
                note = "stem" if entry else ""
            if entry is None and "-" in low:  # Grippe-Impfung, Russland-Sanktionen: the last part
                last = word.rsplit("-", 1)[1]
                if last:
                    entry = lex.entries.get(last.lower()) or lex.entries.get(_lemmatize(last, lex.lang).lower())
                    note = "hyphen-head" if entry else ""
            if ((entry is None or entry.source != "diplomatic") and lex.compounds and word[0].isupper()
                    and len(low) >= 2 * MIN_COMPOUND_PART and low.isalpha()):
                # the diplomatic reading of a compound's parts beats the base lexicon's whole word
                c_entry, c_note = compound(word, lex)
                if c_entry is not None and (entry is None or c_entry.source == "diplomatic"):
                    entry, note = c_entry, c_note
        if entry is not None and low in lex.function_words and entry.term.lower() != low:
            entry = None  # function words match only an entry of their own form: einige is not einig
        if entry is not None and (entry.polarity or entry.cooperation or entry.certainty or entry.topic):
            flags |= F_LEX
            if lex.names_by_case and word[0].isupper() and word[1:].islower():
                flags |= F_CAPITAL
        else:
            entry = None
    if not flags:
        return None
    if word[0].islower():  # German: not a noun (verb, adjective, predicate), see post-negation
        flags |= F_LOWER
    return (flags, lemma, entry, factor, note)


def remember(tok: str, lex: Lexicon):
    """Analyse a new word type once and cache it (False: the word plays no role)."""
    inf = lex.types.get(tok)
    if inf is None:
        inf = type_info(tok, lex) or False
        if inf:
            w, flags = lex.words, inf[0]
            role = lex.criticism.get(tok.lower().strip("'’")) if flags & F_CRIT else None  # 'anyone as 'anyone'
            if flags & (F_LEX | F_PHRASE) or (role and role != "modal"):
                w.lexical.add(tok)
            if role:
                _remember_cue(tok, role, w)
            elif tok == "?":
                w.question_marks.add(tok)
            if flags & F_PHRASE:
                w.phrase_heads.add(tok)
            if flags & F_PTAIL:
                w.phrase_rare.add(tok)
            if flags & F_TOPICPRED:
                w.topic_predicates.add(tok)
            if flags & F_LEX and inf[2].topic:
                w.topics.add(tok)
            if flags & F_NEG:
                w.negators.add(tok)
            if flags & RULE_ROLES:
                w.rules.add(tok)
            elif flags & F_LEX:
                e = inf[2]
                w.pol[tok], w.coop[tok], w.cert[tok], w.n_lex[tok] = e.polarity, e.cooperation, e.certainty, 1
                if e.polarity:
                    w.n_pol[tok] = 1
        if lex.particle_bases:
            _remember_particle_verb(tok, lex)
        if lex.phrases:
            _remember_phrase_words(tok, inf, lex)
        lex.types[tok] = inf  # last: a type in types is fully registered
    return inf


def _remember_phrase_words(tok: str, inf, lex: Lexicon) -> None:
    """Note what a word type can be in a multi-word entry (its first word: the second words that may
    follow; a second word), and the reach of a rule word that acts only on the hits after it."""
    w = lex.words
    low, lemma = tok.lower(), lemma_of(tok, lex)
    if opens := lex.phrase_seconds & {low, lemma}:
        w.phrase_opens[tok] = opens
    if not inf:
        return
    flags = inf[0]
    if flags & F_PHRASE:  # looked up by form and by the lemma of its analysis ("''break" is *break*)
        w.phrase_after[tok] = frozenset(p[1] for key in {low, inf[1]} for p, _ in lex.phrases.get(key, ()))
    roles = flags & RULE_ROLES
    if roles and not roles & ~(F_NEG | F_INT) and not flags & (F_CRIT | F_BOUNDARY) and low not in lex.forward_negators:
        w.reach[tok] = max(NEG_WINDOW if roles & F_NEG else 0, INT_WINDOW if roles & F_INT else 0)


def _remember_cue(tok: str, role: str, w) -> None:
    """Note a word of a criticism construction in the set that decides when it calls for the rules."""
    sets = {"irony": w.rules, "particle": w.rq_cues, "particle-any": w.rq_cues, "address": w.rq_cues, "urgency": w.urgency,
            "modal": w.modals}
    if role in sets:
        sets[role].add(tok)
    if role == "address" and tok[:1].isupper():
        w.address.add(tok)


def _remember_particle_verb(tok: str, lex: Lexicon) -> None:
    """Note a separable particle (as written: "kein Zurück" is a noun) and a word that can be the
    verb of a particle verb with a role (lehnt, brach), with the particles it joins with. They
    play no role alone: a unit goes through the rule path for them only with both, the particle
    at the end of a clause (:func:`analysis.sentiment.steps.join_particles`)."""
    bases = lex.particle_bases
    joins = bases.get(tok.lower(), frozenset()) | bases.get(lemma_of(tok, lex), frozenset())
    if joins:
        lex.words.pverbs[tok] = joins
    if tok in lex.particles:
        lex.words.particles[tok] = tok


def remember_chunk(chunk: str, lex: Lexicon) -> None:
    """Register a new whitespace-delimited chunk with the roles of the tokens it holds."""
    toks = TOKEN_RE.findall(chunk)
    if any([remember(tok, lex) for tok in toks]):  # noqa: C419 (every token is remembered; else none plays a role)
        w, c = lex.words, lex.chunks
        for have, put, calls in ((w.lexical, c.lexical, False), (w.rules, c.rules, True),
                                 (w.phrase_heads, c.phrase_heads, False), (w.phrase_rare, c.phrase_rare, True),
                                 (w.topic_predicates, c.topic_predicates, True), (w.topics, c.topics, False),
                                 (w.rq_cues, c.rq_cues, True), (w.question_marks, c.question_marks, False),
                                 (w.urgency, c.urgency, True), (w.modals, c.modals, False),
                                 (w.address, c.address, True), (w.negators, c.negators, False)):
            if not have.isdisjoint(toks):
                put.add(chunk)
                if calls:  # a word that may call for a rule (Roles.calls)
                    c.calls.add(chunk)
        plain = [t for t in toks if t in w.n_lex]
        for have, put in ((w.pol, c.pol), (w.coop, c.coop), (w.cert, c.cert), (w.n_lex, c.n_lex), (w.n_pol, c.n_pol)):
            if v := sum(have.get(t, 0) for t in plain):
                put[chunk] = v
    if lex.particle_bases:
        _remember_particle_chunk(chunk, toks, lex)
    if lex.phrases:
        _remember_phrase_chunk(chunk, toks, lex)
    lex.chunks.tokens[chunk] = tuple(toks)  # last: a chunk in tokens is fully registered


def _remember_phrase_chunk(chunk: str, toks: list[str], lex: Lexicon) -> None:
    """Note what a chunk is to the rules that act by position (see :func:`_remember_phrase_words`):
    the reach of a rule word written alone, the second words an entry starting at its last token
    needs next, the second word its first token is, and whether it holds the start of an entry."""
    w, c = lex.words, lex.chunks
    if len(toks) == 1 and toks[0] in w.reach:
        c.reach[chunk] = w.reach[toks[0]]
    if toks[-1] in w.phrase_after:
        c.phrase_after[chunk] = w.phrase_after[toks[-1]]
    if toks[0] in w.phrase_opens:
        c.phrase_opens[chunk] = w.phrase_opens[toks[0]]
    if any(a in w.phrase_after and not w.phrase_after[a].isdisjoint(w.phrase_opens.get(b, ())) for a, b in zip(toks, toks[1:])):
        c.phrase_inside.add(chunk)


def _remember_particle_chunk(chunk: str, toks: list[str], lex: Lexicon) -> None:
    """Note what a chunk holds of separable particle verbs (see :func:`_remember_particle_verb`)."""
    w, c = lex.words, lex.chunks
    if not w.pverbs.keys().isdisjoint(toks):
        c.pverbs[chunk] = frozenset().union(*(w.pverbs[t] for t in toks if t in w.pverbs))
    # where a particle may end a clause: inside the chunk ("ab."), or at its end ("ab") when
    # the unit ends there or the next chunk starts with a token that is no word ("–")
    if not w.particles.keys().isdisjoint(toks):
        if toks[-1] in w.particles:
            c.particles[chunk] = toks[-1]
        if ends := frozenset(a for a, b in zip(toks, toks[1:]) if a in w.particles and not b[:1].isalnum()):
            c.particle_ends[chunk] = ends
            c.clause_ends.add(chunk)
    if not toks[0][:1].isalnum():
        c.openers.add(chunk)
        c.clause_ends.add(chunk)


def lemma_of(tok: str, lex: Lexicon) -> str:
    """The lower-cased lemma of a token, cached per type (punctuation is its own lemma)."""
    lem = lex.lemmas.get(tok)
    if lem is None:
        lem = lex.lemmas[tok] = _lemmatize(tok, lex.lang).lower() if tok[:1].isalpha() else tok.lower()
    return lem


