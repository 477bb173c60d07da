"""Article passes after the sentence rules: quoted fragments, free indirect speech, nested
quotations, speakers from the context and addressees.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from analysis.actor_names import kind_of
from analysis.quotes.article import Article
from analysis.quotes.cues import cue_at, cue_spans
from analysis.quotes.direct import title_like
from analysis.quotes.phrases import np_forward, subject
from analysis.quotes.tokens import Quote, is_cap, span
from analysis.segment import lemmatize


def quoted_fragments(art: Article) -> None:
    """Pass (German by default): quoted fragments in a sentence whose verb is a cue."""
    if not art.fragments:
        return
    for n, (qs, qe, taken) in enumerate(art.marks):
        k = art.sentence_at(qs)
        if taken or art.covered[k] or k in art.sent_quote:
            continue
        q = quoted_fragment(art, k, qs, qe)
        if q is not None:
            art.quotes.append(q)
            art.marks[n] = (qs, qe, True)


def quoted_fragment(art: Article, k: int, qs: int, qe: int) -> Quote | None:
    """A quoted fragment, a direct quotation of the subject of a cue in its clause.

    Example (de): Stoiber erklärte seinen Rückzug mit einer „veränderten Lage“. → kind=direct; text=„veränderten Lage“; cue=erklärte; speaker=Stoiber
    """
    toks = art.toks[k]
    n = len(toks)
    starts, _, cue_pos, marks = art.offsets(k)
    first, stop = bisect_left(starts, qs), bisect_left(starts, qe)
    if first >= stop:
        return None
    inside = range(first, stop)
    # the clause marks next to the fragment, outside it
    m = bisect_left(marks, first)
    lo = marks[m - 1] + 1 if m else 0
    m = bisect_left(marks, stop)
    hi = marks[m] if m < len(marks) else n
    for i in cue_pos[bisect_left(cue_pos, lo):bisect_left(cue_pos, hi)]:
        if i in inside:
            continue
        key = (k, i, hi)  # many fragments of one clause ask for the same cue
        if key not in art.clause_cues:
            art.clause_cues[key] = cue_at(art.lex, toks, i, hi)
        c = art.clause_cues[key]
        if not c:
            continue
        sa, sb = subject(art.lex, toks, lo, i, hi)
        if sb <= sa or any(sa <= j < sb for j in inside):
            continue
        ends = [sa, sb - 1, *c[1]]
        return Quote("direct", [[qs, qe]], rule="quoted_fragment", sentence=k, confidence=0.6,
                     cue=cue_spans(art.lex, toks, c[1]), speaker=[span(toks, sa, sb)],
                     frame=[[toks[min(ends)].start, toks[max(ends)].end]])
    return None


def konjunktiv_continuation(*, konj_i: bool, konj_ii: bool, reportative: bool, near: bool, lone: bool) -> bool:
    """A sentence in Konjunktiv I (or II) near a quotation continues it and inherits its speaker
    (two sentences in the paragraph after, Konjunktiv I up to six sentences).

    Example (de): Die Lage sei ernst, sagte der Minister. Er wolle handeln. → kind=free_indirect; text=Er wolle handeln.; speaker=der Minister
    """
    return (konj_i or konj_ii) and near


def reportative(*, konj_i: bool, konj_ii: bool, reportative: bool, near: bool, lone: bool) -> bool:
    """The reportative ``soll … haben``/``sollen … sein``: a claim reported without a source.

    Example (de): Der Minister soll das Geld genommen haben. → kind=free_indirect; text=Der Minister soll das Geld genommen haben.
    """
    return reportative


def konjunktiv_alone(*, konj_i: bool, konj_ii: bool, reportative: bool, near: bool, lone: bool) -> bool:
    """A sentence in Konjunktiv I with no quotation near: reported words of an unnamed source.

    Example (de): Die Reform komme im Mai. → kind=free_indirect; text=Die Reform komme im Mai.
    """
    return konj_i and lone


FREE_INDIRECT_RULES = (konjunktiv_continuation, reportative, konjunktiv_alone)


def free_indirect(art: Article) -> None:
    """Pass: sentences without a quotation whose moods make them reported speech, in the order
    of :data:`FREE_INDIRECT_RULES`; consecutive ones in a paragraph form one quotation, unless one
    is the reportative *soll* and the other Konjunktiv (two claims of different standing), or the
    first is only an adjunct clause (:func:`adjunct_clause`)."""
    last: Quote | None = None
    last_k = -10
    toks, sent_quote = art.toks, art.sent_quote
    for k, (s, e, para) in enumerate(art.sents):
        if k in sent_quote:
            last, last_k = sent_quote[k], k
            continue
        if not art.moody[k]:
            continue
        if hasattr(toks, "moods_lowers"):
            moods, lowers = toks.moods_lowers(k)
        else:
            moods, lowers = [t.mood for t in toks[k]], [t.lower for t in toks[k]]
        konj_i = "I" in moods
        prev_para = art.sents[last_k][2] if last_k >= 0 else -1
        near = last is not None and k - last_k <= 2 and para - prev_para <= 1
        if konj_i and not near and last is not None and k - last_k <= art.far:
            near = True  # a Konjunktiv I sentence further on still reports the last speaker
        facts = dict(konj_i=konj_i, konj_ii="II" in moods, near=near, lone=art.lone_konj,
                     reportative="reportative" in moods and not art.lex.words("perfect_aux").isdisjoint(lowers))
        rule = next((r.__name__ for r in FREE_INDIRECT_RULES if r(**facts)), None)
        if rule is None:
            continue
        clause = adjunct_clause(art.lex, moods, lowers) if rule != "reportative" else None
        if clause is not None:
            toks_k = toks[k]
            body = art.trim(toks_k[clause[0]].start, toks_k[clause[1] - 1].end, keep_end=True)
        else:
            body = art.trim(s, e, keep_end=True)
        if body is None:
            continue
        prev = sent_quote.get(k - 1)
        if clause is None and prev is not None and prev.kind == "free_indirect" and art.sents[k - 1][2] == para and \
                not prev.clause_only and (prev.rule == "reportative") == (rule == "reportative"):
            prev.spans[-1][1] = body[1]  # continue the running free indirect quotation
            sent_quote[k] = prev
            last, last_k = prev, k
            continue
        newer = newer_subject(art, last_k + 1, k) if near else None
        speaker = [newer] if newer else list(last.speaker) if near else []
        if not speaker and rule == "reportative" and k and (held := institution_subject(art, k - 1)):
            speaker, newer = [held], held  # "Die Behörden haben einen Virus entdeckt. Er soll resistent sein."
        fq = Quote("free_indirect", [list(body)], rule=rule, sentence=k, confidence=0.5 if near else 0.35,
                   inherit=near and newer is None, speaker=speaker, clause_only=clause is not None)
        art.quotes.append(fq)
        sent_quote[k] = fq
        last, last_k = fq, k


def adjunct_clause(lex, moods: list, lowers: list) -> tuple[int, int] | None:
    """The tokens ``[a, b)`` of the relative or adverbial clauses that hold every Konjunktiv form of
    a sentence, each such form ending its clause (verb last), or None when a Konjunktiv form stands
    elsewhere. A clause opens after a comma (or at the sentence's start) with a word of
    ``adjunct_clauses.txt``, a preposition before a relative pronoun included, and ends before
    the next comma: "Für ihn gilt die höchste Sicherheitsstufe, weil er sich bedroht fühle." reports
    the weil-clause only; "Die Lage sei ernst, weil …" and "…, dass er komme" are left whole."""
    if not lex.adjunct_openers or "," not in lowers:
        return None
    n = len(lowers)
    while n and not lowers[n - 1][:1].isalnum():
        n -= 1
    first = last = None
    i = 0
    while i < n:
        if moods[i] in ("I", "II"):
            return None  # a Konjunktiv form outside an adjunct clause
        opens = (i == 0 and lex.cls(lowers[i]) != "det" or i and lowers[i - 1] == ",") and (
            lowers[i] in lex.adjunct_openers
            or lex.cls(lowers[i]) == "prep" and i + 1 < n and lowers[i + 1] in lex.adjunct_openers)
        if not opens:
            i += 1
            continue
        end = next((j for j in range(i + 1, n) if lowers[j] == ","), n)
        konj = [j for j in range(i, end) if moods[j] in ("I", "II")]
        if konj and konj[-1] != end - 1 or len(konj) > 1:
            return None  # a Konjunktiv form that is not the clause's last verb
        if konj:
            first = i if first is None else first
            last = end
        i = end
    return None if first is None or (first == 0 and last == n) else (first, last)


def newer_subject(art: Article, first: int, k: int) -> list | None:
    """The speaker span of an actor named as the subject of a speech verb in a sentence between the
    last quotation and a free indirect sentence ``k`` (sentences ``first`` to ``k - 1``, latest
    first): "Stegemann sagte, … Die Hamburger Stadtreinigung äußerte Zweifel. Für eine Frist sei es
    rechtens." continues the Stadtreinigung, not Stegemann. None when no such sentence."""
    lex = art.lex
    for j in range(k - 1, first - 1, -1):
        toks = art.toks[j]
        a = 0
        while a < len(toks) and lex.cls(toks[a].lower) in ("adv", "conj", "sentence_adv"):
            a += 1
        sa, sb = np_forward(lex, toks, a, len(toks))
        if sb <= sa or sb >= len(toks) or toks[sa].lower in lex.pronouns or (
                toks[sa].lower in lex.stop and lex.cls(toks[sa].lower) != "det"):
            continue  # "Falls die Universität festhält": no subject of a main clause
        if not any(is_cap(t) for t in toks[sa:sb]) or not cue_at(lex, toks, sb, len(toks)):
            continue
        return span(toks, sa, sb)
    return None


def institution_subject(art: Article, j: int) -> list | None:
    """The speaker span of an organisation or medium (``actor_kinds.tsv``, by a noun in the
    singular) that is the subject of sentence ``j`` before any colon, opening it or right after
    its first auxiliary ("Die Staatsanwaltschaft hat Anklage erhoben", "Einen Strang des Virus
    haben New Yorker Gesundheitsbehörden entdeckt"): the source a following reportative sentence
    without a speaker reports. None for a person ("Der Rentner sitzt in Haft"), a passive
    ("Der Organisation werden Verbindungen nachgesagt") or anything else. Read from the text:
    the sentence may hold no cue, so its tokens are not built."""
    lex = art.lex
    s, e, _ = art.sents[j]
    colon = art.text.find(":", s, e)
    words = [(m.start(), m.group().strip("„“”\"»«,;:")) for m in _TEXT_WORD.finditer(art.text, s, e if colon < 0 else colon)]
    if any(lex.is_(w, "passive_aux") for _, w in words):
        return None
    k = 0
    while k < len(words) and lex.cls(words[k][1].lower()) in ("adv", "conj", "sentence_adv"):
        k += 1
    aux = next((n for n, (_, w) in enumerate(words[:10]) if n > k and lex.cls(w) == "aux"), None)
    for start in (k, None if aux is None else aux + 1):
        if start is None:
            return None
        i = start + (start < len(words) and lex.cls(words[start][1].lower()) == "det")
        while i < len(words) and (words[i][1][:1].isupper() and words[i][1][-1:].isalnum() and lex.cls(words[i][1].lower()) is None
                                  or _ADJECTIVE.match(words[i][1]) and lex.cls(words[i][1]) is None
                                  and lemmatize(words[i][1], lex.lang) != words[i][1]):
            i += 1
        run = words[start:i]
        if run and run[-1][1][:1].isupper() and any(
                w[:1].isupper() and kind_of(lemmatize(w, lex.lang), lex.lang) in ("organisation", "media") for _, w in run):
            return [run[0][0], run[-1][0] + len(run[-1][1])]
    return None


_TEXT_WORD = re.compile(r"\S+")
_ADJECTIVE = re.compile(r"[a-zäöüß-]+(?:e|en|er|es|em)$")


def nested_quotes(art: Article) -> None:
    """Pass (German by default): :func:`nested_quote` for each quoted part inside a quotation
    that is not itself direct; a reported speech act that holds one gives way to it (the quoted
    words are the quotation: "nannte den Bericht eine „Zeitungsente“")."""
    if not art.nested:
        return
    quotes = art.quotes
    hosts = sorted((a, b, n) for n, q in enumerate(quotes) if q.kind != "direct" for a, b in q.spans)
    host_starts = [h[0] for h in hosts]
    dropped = set()
    for qs, qe, taken in art.marks:
        if taken:
            continue
        host = None
        for a, b, n in reversed(hosts[max(0, bisect_right(host_starts, qs) - 3):bisect_right(host_starts, qs)]):
            if a <= qs and qe <= b:
                host = quotes[n]
                break
        if host is None or title_like(art.text, qs, qe) and not _evaluation(art, qs):
            continue
        if wholly_quoted(host, qs, qe):
            host.kind = "direct"  # "Laut Huber „ist die Lage ernst“": the quoted words are all of it, one quotation
            continue
        quotes.append(nested_quote(host, qs, qe))
        if host.rule == "speech_act" or host.rule == "second_speaker" and host.kind == "reported":
            dropped.add(id(host))  # "nannte den Bericht eine „Zeitungsente“": the quoted words are the quotation
    if dropped:
        art.quotes = [q for q in quotes if id(q) not in dropped]


def wholly_quoted(host: Quote, qs: int, qe: int) -> bool:
    """Whether the quoted part ``[qs, qe)`` is the whole of a one-part quotation (its content
    after a source frame: "Laut Huber „ist die Lage ernst“"), so that it is that quotation, not a
    second one inside it.

    >>> wholly_quoted(Quote("mixed", [[11, 32]]), 11, 32), wholly_quoted(Quote("mixed", [[11, 40]]), 20, 32)
    (True, False)
    """
    return len(host.spans) == 1 and host.spans[0][0] == qs and host.spans[0][1] <= qe


def _evaluation(art: Article, qs: int) -> bool:
    """Whether the word before the quotation mark at ``qs`` leads a quoted evaluation ("als
    „Unverschämtheit“", "eine „Zeitungsente“"; ``function_words.tsv``, evaluation_lead)."""
    words = art.text[max(0, qs - 12):qs].split()
    return bool(words) and art.lex.is_(words[-1].lower(), "evaluation_lead")


def nested_quote(host: Quote, qs: int, qe: int) -> Quote:
    """A quoted part inside an indirect quotation: a direct quotation with the host's cue and speaker.

    Example (de): Er sagte, er wolle auf die „Festigung der Freundschaft“ trinken. → kind=direct; text=„Festigung der Freundschaft“; cue=sagte; speaker=Er
    """
    return Quote("direct", [[qs, qe]], rule="nested_quote", cue=list(host.cue), speaker=list(host.speaker),
                 frame=list(host.frame), sentence=host.sentence, confidence=0.6, inherit=host.inherit)


def speakers_from_context(art: Article) -> None:
    """Pass: quotations in text order; a speaker that only points elsewhere (``hieß es``,
    ``Demnach``) gives way to a source named in the sentence; a direct or free indirect
    quotation without a speaker inherits the previous quotation's."""
    art.quotes.sort(key=lambda q: q.spans[0][0])
    placeholders = art.lex.words("placeholder")
    prev = None
    for q in art.quotes:
        if len(q.speaker) == 1 and art.text[slice(*q.speaker[0])].lower() in placeholders \
                and not _pronoun_subject(art, q):
            _replace_placeholder(art, q)
        if not q.speaker and not q.own_subject and prev is not None and prev.speaker and (
                q.kind in ("direct", "free_indirect") or q.rule in ("pointer", "pointer_after_source")):
            q.speaker = list(prev.speaker)
            q.inherit = True
        prev = q


def _pronoun_subject(art: Article, q: Quote) -> bool:
    """Whether a placeholder speaker is the neuter pronoun subject of a cue that is not
    impersonal (class ``impersonal`` in ``speech_verbs.tsv``) of an indirect or reported
    quotation: "Das Gericht tagte. Es weist den Vorwurf zurück, …" keeps *Es* for the speaker
    resolution; "hieß es", "Es heißt" and a direct quotation ("Es drohe „…“") do not.

    Example (de): Es weist den Vorwurf zurück, man habe verschleppt. → speaker=Es
    """
    word = art.text[slice(*q.speaker[0])].lower()
    if word not in art.lex.neuter_pronouns or not q.cue or q.kind in ("direct", "free_indirect"):
        return False  # "Es drohe „…“": a direct quotation inherits as after "hieß es"
    toks = art.toks[q.sentence] if 0 <= q.sentence < len(art.toks) else []
    cues = [t for t in toks if any(a <= t.start < b for a, b in q.cue)]
    impersonal = art.lex.impersonal_cues
    return bool(cues) and not any(t.lemma.lower() in impersonal or t.lower in impersonal for t in cues)


def _replace_placeholder(art: Article, q: Quote) -> None:
    """The source named in a prepositional phrase of the sentence outside the quotation ("hieß
    es in einer Erklärung der Regierung"), else no speaker (then inherited like a frameless one)."""
    toks = art.toks[q.sentence] if 0 <= q.sentence < len(art.toks) else []
    for i, t in enumerate(toks[:-1]):
        if art.lex.is_(t.lower, "source_prep") and not any(a <= t.start < b for a, b in q.spans):
            a, b = np_forward(art.lex, toks, i + 1, len(toks))
            if b > a and not any(a2 <= toks[a].start < b2 for a2, b2 in q.spans):
                q.speaker = [span(toks, a, b)]
                return
    q.speaker = []


def addressees(art: Article) -> None:
    """Pass: the addressee inside each quotation's own frame ("gegenüber der Zeitung", "sagte er
    dem Spiegel", "told reporters")."""
    lex = art.lex
    preps, verbs, dets = lex.addressee_preps, lex.addressee_verbs, lex.addressee_dets
    for q in art.quotes:
        if not q.frame or q.inherit:
            continue
        fs, fe = q.frame[0][0], q.frame[-1][1]
        k = art.sentence_at(fs)
        toks = art.toks[k]
        starts, ends, _, _ = art.offsets(k)
        lo, hi = bisect_left(starts, fs), bisect_right(ends, fe)  # the tokens inside the frame
        for i in range(lo, hi):
            t = toks[i]
            dative = t.lower in dets and i > lo and (toks[i - 1].cue or any(
                s < toks[i - 1].end <= e for s, e in q.speaker))  # right after the verb or the speaker
            if t.lower in preps or (verbs and t.cue and t.lemma.lower() in verbs) or dative:
                a, b = np_forward(lex, toks, i + (t.lower not in dets), hi)
                if b > a and not any(s <= toks[a].start < e for s, e in q.speaker):
                    q.addressee = [span(toks, a, b)]
                break
