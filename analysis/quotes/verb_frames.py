"""Verb frames: a speech verb with its subject next to the content clause.

``…, sagte X`` (frame after), ``X sagte, dass …`` / ``X sagte: …`` / ``X erklärte, Y sei …``
(frame before), ``wie X mitteilte, …`` (an as-clause) and ``Das sagte X.`` (a frame pointing
back to the previous sentence). In German the frame clause is indicative and the content is
marked by Konjunktiv, a complementiser or a zu-infinitive.
"""
from __future__ import annotations

from analysis.quotes.article import Article
from analysis.quotes.cues import cue_at, cue_spans, zu_infinitive
from analysis.quotes.phrases import (
    apposed_subject,
    en_subject_before,
    name_in_commas,
    np_before_en,
    np_forward,
    passive_agent,
    source_np,
    subject,
)
from analysis.quotes.sentence import FRAMED, Sentence
from analysis.quotes.tokens import MIXED_MARK, Quote, is_word, span
from analysis.speaker_names import calendar_words


def as_clause(art: Article, s: Sentence) -> Quote | None:
    """A verb-final frame clause opened by ``wie``/``as`` before or after the content.

    Example (de): Wie die Polizei mitteilte, wurde niemand verletzt. → kind=indirect; text=wurde niemand verletzt; cue=mitteilte; speaker=die Polizei
    Example (en): The vote was delayed, as the speaker announced. → kind=indirect; text=The vote was delayed; cue=announced
    """
    lex, toks, end, commas = art.lex, s.toks, s.end, s.commas
    for i in s.triggers:
        opens = i == 0 or toks[i - 1].text == ":"  # "Ein Umstand kommt hinzu: Wie sich ergab, …" opens a clause
        if lex.frame(toks[i].lower) != "clause" or not (opens or toks[i - 1].text == ","):
            continue
        cue, j = None, i
        for j in [c for c in commas if c > i][:3] + [end]:  # "Wie X, Sprecher von Y, mitteilte, ..."
            # the clause is verb-final: the cue stands right before the comma
            cue = next((c for c in (cue_at(lex, toks, x, j) for x in range(j - 1, max(i, j - 3), -1))
                        if c and c[1][-1] == j - 1), None)
            if cue:
                break
        if not cue or j - i > 24:
            continue
        sa, sb = source_np(lex, toks, i + 1, j)
        if sb <= sa:
            continue
        if opens and j < end:
            content = art.trim(toks[j + 1].start, toks[end - 1].end, keep_end=False)
            frame = [toks[i].start, toks[j].end]
        elif i > 0 and j >= end - 1:
            content = art.trim(toks[0].start, toks[i - 2].end, keep_end=False) if i >= 2 else None
            frame = [toks[i - 1].start, toks[end - 1].end]
        else:
            continue
        if not content:
            continue
        q = Quote("indirect", [list(content)], rule="as_clause", sentence=s.k, confidence=0.75,
                  cue=cue_spans(lex, toks, cue[1]), speaker=[span(toks, sa, sb)], frame=[frame])
        return art.finish(q, q.spans)
    return None


def points_back(art: Article, s: Sentence):
    """``Das/Dies sagte X.`` framing the sentence before: a frameless direct quotation right
    before gets this frame (the sentence then gives no quotation of its own), else the previous
    sentence of the same paragraph becomes an indirect quotation. A colon, or a comma before a
    content clause, after the cue opens content of the sentence's own (``So erklärte X, dass …``):
    no pointer then; nor with a cue that only names an act (class ``reported`` alone:
    ``So bezeichnete er es als …``, ``Das nannte X einen Erfolg``), which renders no earlier words.

    Example (de): Die Firma sei gesund. Das teilte das Ministerium mit. → kind=indirect; text=Die Firma sei gesund.; cue=teilte mit; speaker=das Ministerium
    """
    lex, toks, end, k = art.lex, s.toks, s.end, s.k
    if not (toks[0].lower in lex.backref and k > 0 and end <= 25):
        return None
    c = cue_at(lex, toks, 1, end) if end > 1 else None
    if not c or _own_content(art, s, max(c[1]) + 1):
        return None  # "So erklärte X, dass …": content of its own, no pointer
    if lex.cue_class.get(c[0], {"speech"}) <= {"reported"}:
        return None  # a verb that only names an act ("So bezeichnete er es als …") renders no earlier words
    prev = art.sents[k - 1]
    framed = art.sent_quote.get(k - 1)
    sa, sb = source_np(lex, toks, max(c[1][0], 1) + 1, end)
    if framed is not None and framed.kind == "direct" and not framed.cue and framed.spans[-1][1] >= prev[1] - 1:
        # "„…“ Das sagte X." : the frame of a frameless direct quotation just before
        if sb > sa:
            framed.cue = cue_spans(lex, toks, c[1])
            framed.speaker = [span(toks, sa, sb)]
            framed.frame = [span(toks, 0, end)]
            framed.inherit, framed.confidence = False, 0.8
            return FRAMED
    if prev[2] == art.sents[k][2] and (k - 1) not in art.sent_quote:
        body = art.trim(prev[0], prev[1], keep_end=True)
        if sb > sa and body:
            q = Quote("indirect", [list(body)], rule="points_back", sentence=k - 1, confidence=0.7,
                      cue=cue_spans(lex, toks, c[1]), speaker=[span(toks, sa, sb)], frame=[span(toks, 0, end)])
            return art.finish(q, q.spans)
    return None


def _own_content(art: Article, s: Sentence, j: int) -> bool:
    """Whether a clause mark from ``j`` on opens content of the sentence's own: a colon, or a comma
    before a complementiser or a clause in Konjunktiv I ("So berichtete X, er warte …"), not a
    subordinate clause or an apposition ("Das sagte X, nachdem …")."""
    toks, end = s.toks, s.end
    for m in range(j, end - 1):
        if toks[m].text == ":" or toks[m].text == "," and (
                art.lex.cls(toks[m + 1].lower) == "comp" or "I" in s.moods[m + 1:end]):
            return True
    return False


def frame_after(art: Article, s: Sentence) -> Quote | None:
    """The frame after the content: ``CONTENT, sagte X.``, also in the middle (``Die Lage, sagte
    er, sei ernst.``); English ``…, X said.`` / ``…, said X.``

    Example (de): Die Gespräche seien konstruktiv verlaufen, sagte Putin. → kind=indirect; text=Die Gespräche seien konstruktiv verlaufen; cue=sagte; speaker=Putin
    Example (en): The economy is strong, the minister said. → kind=indirect; text=The economy is strong; cue=said; speaker=the minister
    """
    lex, toks, end, commas, bounds = art.lex, s.toks, s.end, s.commas, s.bounds
    for i, (lemma, idx) in s.cues:
        ci = s.clause_of[i]
        a, b = s.clause_range(ci)
        if art.de and s.konj_in(a, b, strong=art.frame_konj_strong):
            continue  # the cue's own clause is reported content ("Er könne nicht sagen, ...")
        tail_ok = art.de or (end - max(idx) <= 8 and not any(
            lex.cls(t.lower) == "comp" for t in toks[max(idx) + 1:end]))
        lead = toks[a:i]  # before the cue: adverbs, or a word pointing back ("…, das teilte X mit")
        if not (tail_ok and (ci > 0 and (i == a or (i <= a + 2 and all(
                lex.cls(t.lower) == "adv" or t.lower in lex.backref for t in lead))) or (
                not art.de and ci > 0 and en_subject_before(lex, toks, a, i)))):
            continue
        cb = commas[ci - 1]
        if not (bounds[ci - 1] < cb and toks[cb].text in (",", "–", "—")):
            continue
        if not art.de and not _english_frame_after(lex, toks, lemma, idx, cb, end):
            continue
        content = art.trim(toks[0].start, toks[cb - 1].end, keep_end=False) if cb > 0 else None
        if not (content and art.words_at_least(content[0], content[1], 3)):
            continue
        if not art.de and not _english_clause(lex, toks[1:cb]):
            continue  # "And just on Friday, the President spoke with …": no clause before the frame
        fb = end
        spans = [list(content)]
        # frame in the middle: "Die Lage, sagte er, sei ernst."
        if ci + 1 < len(bounds) - 1 and b < end and toks[b].text == ",":
            rest = art.trim(toks[b + 1].start, toks[end - 1].end, keep_end=False) if b + 1 < end else None
            if rest and (s.konj_in(b + 1, end) or not art.de):
                spans.append(list(rest))
                fb = b + 1
        nxt_t = next((t for t in toks[idx[0] + 1:end] if lex.cls(t.lower) != "adv"), None)
        if art.de and (nxt_t is None or nxt_t.lower in lex.oblique or not is_word(nxt_t)):
            continue  # no subject after the cue: "X, der Sprecher, sagte, dass …"
        if i == a and ((subj := apposed_subject(lex, toks, cb)) and subj[0] == 0 or art.de and name_in_commas(lex, toks, cb)):
            continue  # "Dean Baker, co-director of CEPR, said the plan would fail"; "John Kline, ein Abgeordneter, sagte"
        q = Quote("indirect", spans, rule="frame_after", sentence=s.k, confidence=0.8, cue=cue_spans(lex, toks, idx))
        if art.de or i == a:
            stop = idx[-1] if len(idx) > 1 else min(end, fb)  # "teilte X mit"
            sa, sb = np_forward(lex, toks, idx[0] + 1, stop)
            if sb <= sa:
                sa, sb = np_forward(lex, toks, i + 1, end)
        else:
            sa, sb = np_before_en(lex, toks, i, a)
        if sb > sa:
            q.speaker = [span(toks, sa, sb)]
        elif not art.de:
            continue  # English "…, X said" names its X
        q.frame = [[toks[cb].start, toks[b].end if fb < end else toks[min(end, fb) - 1].end]]
        return art.finish(q, spans)
    return None


def frame_before(art: Article, s: Sentence) -> Quote | None:
    """The frame before the content: ``X sagte, dass …``, ``X sagte: …``, ``X erklärte, Y sei …``,
    ``X kündigte an, … zu senken``; English ``X said (that) …``, ``X told reporters …``.

    Example (de): Der Sprecher räumte ein, dass Fehler gemacht worden seien. → kind=indirect; text=dass Fehler gemacht worden seien; cue=räumte ein; speaker=Der Sprecher
    Example (en): The minister said that the talks had failed. → kind=indirect; text=that the talks had failed; cue=said; speaker=The minister
    """
    lex, toks, end = art.lex, s.toks, s.end
    for i, (lemma, idx) in s.cues:
        ci = s.clause_of[i]
        a, b = s.clause_range(ci)
        if art.de and s.konj_in(a, b, strong=art.frame_konj_strong):
            continue
        if art.de or (max(idx) + 1 < end and toks[max(idx) + 1].text == ","):
            nxt = next((c for c in s.commas if c > max(idx) and s.clause_of[c] == ci), None)
        else:  # English content follows the verb, its addressee or "that", not the next comma
            nxt = _english_content_start(art, s, lemma, max(idx))
        if nxt is None or nxt + 1 >= end or toks[nxt].text in ("–", "—"):
            continue
        if art.de:  # "Er bezeichnete X als Y und kündigte an, …": the verb after und governs the content
            lemma, idx = next(((lm, ix) for j, (lm, ix) in reversed(s.cues) if i < j < nxt and s.clause_of[j] == ci
                               and any(lex.cls(t.lower) == "conj" for t in toks[i + 1:j])), (lemma, idx))
        ca = nxt + 1
        if not _content_follows(art, s, lemma, nxt):
            continue
        content = art.trim(toks[ca].start, toks[end - 1].end, keep_end=False)
        if not (content and art.words_at_least(content[0], content[1], 2)):
            continue
        sa, sb = subject(lex, toks, a if art.de else 0, i, nxt)
        passive, agent = passive_agent(lex, toks, a, idx, nxt)
        if passive and "quoted" not in lex.cue_class.get(lemma, ()):  # "X wird zitiert": X speaks
            sa, sb = agent or (sa, sa)  # "Die Bürger wurden gebeten, …": the one asked is no speaker
        kind = "indirect" if art.de else _english_report(art, s, lemma, i, nxt, sa, sb)
        if kind is None:
            continue
        q = Quote(kind, [list(content)], rule="frame_before", sentence=s.k, confidence=0.8 if kind == "indirect" else 0.7,
                  cue=cue_spans(lex, toks, idx))
        if sb > sa:
            q.speaker = [span(toks, sa, sb)]
        q.frame = [[toks[a if art.de else 0].start, toks[nxt].end]]
        return art.finish(q, [list(content)])
    return None


def _english_content_start(art: Article, s: Sentence, lemma: str, nxt: int) -> int:
    """The token before an English content clause that follows the verb directly ("said that
    …", "told the convention on Tuesday that …", "told reporters …"); after a verb that names
    no addressee, an object before "that" ("recommended a vaccine that …") makes it relative."""
    lex, toks, end = art.lex, s.toks, s.end
    that = next((x for x in range(nxt + 1, min(end, nxt + 12)) if lex.is_(toks[x].lower, "that_comp")
                 or toks[x].text == ":" or toks[x].text in "“\""), None)
    object_first = (that is not None and that > nxt + 1 and lex.cls(toks[nxt + 1].lower) == "det"
                    and lemma not in lex.addressee_verbs)
    if that is not None and not object_first and all(is_word(t) or t.text in ".'’-" for t in toks[nxt + 1:that]):
        return that - 1  # not after an object: "realize a confidence that …" opens a relative clause
    if lemma in lex.addressee_verbs and nxt + 1 < end:
        sa, sb = np_forward(lex, toks, nxt + 1, end)
        if sb > sa and sb - sa <= 4:
            return sb - 1
    return nxt


def _english_frame_after(lex, toks, lemma: str, idx: list[int], cb: int, end: int) -> bool:
    """Whether an English frame after its content reports speech: ``…, X said.`` or ``…, said
    X.`` with a verb of speech at most twelve words after the comma, or a verb of thought ("…,
    the study found") that ends the sentence, is no -ing form ("…, supporting small businesses")
    and has no first or second person before it ("…, I just knew the American people")."""
    classes = lex.cue_class.get(lemma, ())
    if idx[0] - cb > 12:
        return False
    if "speech" in classes:
        return True
    return ("thought" in classes and not toks[idx[0]].lower.endswith("ing") and end - max(idx) <= 3
            and not any(t.lower in lex.persons for t in toks[cb + 1:idx[0]]))


def _english_clause(lex, toks) -> bool:
    """Whether English tokens hold a finite verb: an auxiliary, a frequent irregular past
    (``function_words.tsv``) or a lower-case word in -ed or -s."""
    finite = lex.words("aux") | lex.words("finite")
    return any(t.lower in finite or (len(t.text) > 3 and t.text.islower() and t.text.endswith(("ed", "s")))
               for t in toks)


def _english_report(art: Article, s: Sentence, lemma: str, i: int, nxt: int, sa: int, sb: int) -> str | None:
    """The kind of an English frame before its content, None if it reports no speech.

    The frame is a statement (no question) whose subject stands right before a finite verb (not
    "to say", "are you saying", "seeking"; a noun in "-s" is no verb: "global challenges"). Its
    content is ``indirect`` when it is a clause: after a complementiser or a colon, with quoted
    words, a to-infinitive after a verb that takes one as its content ("vowed to", "urged Congress
    to"), or a subject with a finite verb ("said the talks went well"). A verb of speech with a
    noun phrase or an infinitive instead ("criticized the deal", "commented on the death") is a
    ``reported`` speech act; a verb of thought, or one that only resumes rendered words ("he
    continued"), needs a clause. ``function_words.tsv`` lists the words of each class.
    """
    lex, toks, end = art.lex, s.toks, s.end
    finite = lex.words("aux") | lex.words("finite")

    def adverb(t) -> bool:
        return lex.cls(t.lower) == "adv" or t.lower in lex.words("negation") or (t.text.islower() and t.lower.endswith("ly"))

    if sb <= sa or toks[end - 1].text == "?" or toks[sa].lower in finite or (sa and toks[sa - 1].lower in finite):
        return None
    before = toks[sa - 1].lower if sa else ""
    if adverb(toks[sa]) or toks[sa].lower in lex.object_pronouns or before in lex.persons or toks[sa].lower in lex.persons:
        return None  # "I just wondered", "heard him say": no third-person subject of its own
    between = toks[sb:i]
    if between and between[0].text == "," and (c := next((k for k in range(len(between) - 1, 0, -1)
                                                          if between[k].text == ","), None)):
        between = between[c + 1:]  # "Dianne Feinstein, Democrat of California, said", "X, in particular, has said"
    if not all(t.lower in finite or adverb(t) or not is_word(t) for t in between):
        return None  # the subject is no neighbour of the verb: "the time about what they'd like to see"
    prospective = (any(t.lower in lex.words("prospective_aux") for t in between)
                   or toks[sb - 1].lower.endswith(("'ll", "’ll")))
    verb = toks[i].lower
    ca = nxt + 1
    first = toks[ca].lower
    if (i and toks[i - 1].lower == "to") or first == "by" or (sb - sa == 1 and lex.cls(toks[sa].lower) == "det"):
        return None  # "to say", "expressed by", "the attacks"
    if verb.endswith("ing") and not (i and toks[i - 1].text == "," and lex.cls(first) == "comp"):
        return None  # "are you saying", "Karine, speaking of": only "…, saying that …" reports
    if any(t.lower in lex.words("passive_aux") for t in toks[sb:i]):
        return None  # "can be said", "has been described": a passive names no speaker as subject
    if verb.endswith("s") and not verb.endswith("ss") and sb == i:
        last = toks[sb - 1]  # "X says", "the spokesman says"; not the nouns of "acute challenges", "topline details"
        if not (last.text[:1].isupper() or last.lower in lex.pronouns or lex.is_(last.lower, "subject_pronoun")
                or lex.role(last.lower) or lex.cue_noun(last.lower)):
            return None
    speech = "speech" in lex.cue_class.get(lemma, set()) and lemma.split()[0] not in lex.words("resume_verb")
    if prospective:
        return None  # "he will highlight …", "they'll also talk about …", "may say that …": speech still to come
    if first in lex.words("empty_object") and _no_clause_after(art, s, ca + 1, finite):
        return None  # "He says it himself", "They announced that yesterday": a pronoun renders nothing
    if toks[nxt].text == ":" or lex.cls(first) == "comp" or MIXED_MARK.search(art.text, toks[ca].start, toks[end - 1].end):
        return "indirect"  # a colon, "that …", "whether …", or quoted words ("blasted the media as “dishonest”")
    if first in lex.words("contact_prep") and _contact_only(art, s, ca, lex):
        return None  # "spoke with the mayor", "hasn't spoken yet with the Brazilian President": no content
    if first == "to":
        return "indirect" if lemma.split()[0] in lex.words("infinitive_cue") else "reported" if speech else None
    stop = next((k for k in range(ca + 1, min(end, ca + 8)) if toks[k].text == "," or lex.cls(toks[k].lower) == "comp"),
                min(end, ca + 8))  # the verb of the content's own subject, not of a relative clause after it
    if any(t.lower in finite or (len(t.lower) > 4 and t.lower.endswith("ed") and t.text.islower())
           for t in toks[ca + 1:stop]) and lex.cls(first) not in ("prep", "adv", "conj"):
        return "indirect"
    return "reported" if speech and is_word(toks[ca]) else None  # "criticized the deal", "proposes allowing …"


def _contact_only(art: Article, s: Sentence, k: int, lex) -> bool:
    """Whether the words from ``k`` ("with the mayor", "to him on Monday") name only whom a person
    spoke to: after "to" an article, pronoun or name (not "to act"), and no topic (``topic_prep``
    in ``function_words.tsv``, not before a day: "on Monday"), clause or quotation after it."""
    rest, toks = s.toks[k + 1:s.end], s.toks
    if not rest or toks[k].lower == "to" and not (lex.cls(rest[0].lower) == "det" or rest[0].text[:1].isupper()
                                                   or rest[0].lower in lex.object_pronouns):
        return False
    calendar = calendar_words(lex.lang)
    topic = lex.words("topic_prep")
    return not any((t.lower in topic and not (n + 1 < len(rest) and rest[n + 1].lower in calendar))
                   or lex.cls(t.lower) == "comp" or t.text == ":"
                   for n, t in enumerate(rest)) and not MIXED_MARK.search(art.text, toks[k].end, toks[s.end - 1].end)


def _no_clause_after(art: Article, s: Sentence, k: int, finite: set) -> bool:
    """Whether at most two words, none a finite verb, and no quotation mark follow token ``k`` to
    the sentence's end ("that yesterday", "it himself"; not "that the talks failed", "that, you
    know, politics infected …", "called it, quote, “…”")."""
    rest = s.toks[k:s.end]
    words = [t for t in rest if is_word(t)]
    return len(words) <= 2 and not any(t.lower in finite or t.lower in art.lex.pronouns for t in words) \
        and not MIXED_MARK.search(art.text, s.toks[k - 1].end, s.toks[s.end - 1].end)


def _content_follows(art: Article, s: Sentence, lemma: str, nxt: int) -> bool:
    """Whether the words after the frame's mark at ``nxt`` are reported content: after a colon,
    a complementiser, Konjunktiv, a zu-infinitive after a verb of speech (German), any clause
    after a verb of speech or thought (English)."""
    lex, toks, end = art.lex, s.toks, s.end
    ca = nxt + 1
    first = toks[ca].lower
    classes = lex.cue_class.get(lemma, set())
    konj = s.konj_in(ca, end)
    comp = lex.cls(first) == "comp"
    if toks[nxt].text == ":" or (comp and (not lex.is_(first, "manner_comp") or konj)) or konj:
        return True
    if art.de:
        return "speech" in classes and zu_infinitive(lex, [t.lower for t in toks[ca:min(end, ca + 30)]])
    return "speech" in classes or "thought" in classes
