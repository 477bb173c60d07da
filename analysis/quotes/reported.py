"""Reported speech acts: a speech act in the main clause without rendered words (German).

``X forderte Y``, ``X sprach sich für Y aus``, ``X wies die Vorwürfe zurück``, ``X sprach von Y``,
``X berichtete von Y``, ``X schloss Y aus``: the cues of class ``reported`` in ``speech_verbs.tsv``;
the whole sentence is the quotation.
"""
from __future__ import annotations

from analysis.quotes.article import Article
from analysis.quotes.cues import cue_spans
from analysis.quotes.lexicon import FRONTED
from analysis.quotes.phrases import passive_agent, subject
from analysis.quotes.sentence import Sentence
from analysis.quotes.tokens import Quote, span


def speech_act(art: Article, s: Sentence) -> Quote | None:
    """A finite reported-speech verb in the indicative main clause, with a subject.

    The clause may open with a fronted phrase or adverb, the subject then following the verb
    (``In einem Interview sprach X von …``, ``Als Grund gab X … an``), or follow a subject with
    an apposition in commas (``Der Leiter der Studie, Paulo Pinheiro, sieht …``, also as the second
    verb after und). Not an
    infinitive (but a finite plural of the same form next to its subject), a participle of the
    narrative perfect (``hatten … abgelehnt``), a modal construction or a passive without its
    agent (``wurden … verurteilt``; with one, ``von X als … bezeichnet``, X speaks), or a clause
    opened by a stop word.

    Example (de): Die Firma wies die Vorwürfe zurück. → kind=reported; text=Die Firma wies die Vorwürfe zurück.; cue=wies zurück; speaker=Die Firma
    Example (de): Ein Ex-Mitarbeiter sprach von einem Klima der Gewalt. → kind=reported; text=Ein Ex-Mitarbeiter sprach von einem Klima der Gewalt.; cue=sprach; speaker=Ein Ex-Mitarbeiter
    Example (de): In einem Interview sprach die Ministerin von einem Neuanfang. → kind=reported; cue=sprach; speaker=die Ministerin
    Example (de): Die Medien sprechen von einem Putsch. → kind=reported; cue=sprechen; speaker=Die Medien
    Example (de): Der Direktor des Senders, Peter Horrocks, bezeichnete die Störung als Zensur. → kind=reported; cue=bezeichnete; speaker=Der Direktor des Senders, Peter Horrocks
    Example (de): Die Forderungen wurden vom Minister als unrealistisch bezeichnet. → kind=reported; cue=wurden bezeichnet; speaker=Minister
    Example (de): US-Experten schlossen einen Anschlag als Ursache aus. → kind=reported; cue=schlossen aus; speaker=US-Experten
    """
    lex, toks = art.lex, s.toks
    for i, (lemma, idx) in s.cues:
        classes = lex.cue_class.get(lemma, set())
        ci = s.clause_of[i]
        a, b = s.clause_range(ci)
        label = ci == 1 and 0 < s.clause_range(0)[1] <= 2 and toks[s.clause_range(0)[1]].text == ":"
        apposed = ci != 0 and toks[a - 1].text == "," and (a == i or _coordinated(lex, toks, a, i))
        if (ci != 0 and not label and not apposed) or "reported" not in classes or s.konj_in(a, b) or \
                lex.present_participle(toks[i].lower):
            continue  # the main clause, or the clause after a label ("Energiepolitik: Die SPD hält …")
        if lex.prefixed_participle(toks[i].lower, toks[i].lemma):
            continue  # participle: narrative perfect ("hatten ... abgelehnt")
        if not _in_context(lex, lemma, {t.lower for t in toks[a:b]}):
            continue  # "Das Licht geht aus", "Der Sturm forderte 30 Todesopfer"
        passive, agent = passive_agent(lex, toks, a, idx, b)
        if agent is None and any(lex.is_(t.lower, "aux") and not lex.is_(t.lower, "have") for t in toks[a:i]):
            continue  # after werden, sein or a modal without an agent: "wurden ... verurteilt", not said
        w0 = toks[a].lower
        if w0 in lex.stop and w0 not in lex.pronouns and lex.cls(w0) not in ("det", *FRONTED):
            continue
        sa, sb = agent or subject(lex, toks, a, a if apposed else i, b)  # a passive's agent: "von X … bezeichnet"
        if sb <= sa or toks[sa].lower in lex.generic or (apposed and not label and (sa, sb) != (0, a - 1)) or (
                not agent and w0 in lex.stop and lex.cls(w0) in FRONTED and not _fronted(lex, toks, a, i, sa, sb)):
            continue
        if toks[i].lower == toks[i].lemma.lower() and len(idx) == 1 and not (
                sb == i or sa == i + 1) or (i > a and toks[i - 1].lower == "zu"):
            continue  # infinitive; the same form next to its subject is a finite plural ("Die Medien sprechen von")
        if sa > i:
            sb = _inverted_end(lex, toks, sa, sb)
        body = art.trim(toks[a if label else 0].start, toks[-1].end, keep_end=True)
        if not body:
            continue
        return Quote("reported", [list(body)], rule="speech_act", sentence=s.k, confidence=0.5,
                     cue=cue_spans(lex, toks, idx), speaker=[span(toks, sa, sb)])
    return None


def _coordinated(lex, toks, a: int, i: int) -> bool:
    """Whether the cue at ``i`` is a second verb after und, the clause opening with the first
    ("…, Mohammad Chatami, unterstützte den Protest und bezeichnete …")."""
    return toks[a].text[:1].islower() and lex.cls(toks[a].lower) is None and toks[a].lower not in lex.stop and any(
        lex.cls(t.lower) == "conj" for t in toks[a + 1:i])


def _in_context(lex, lemma: str, words: set) -> bool:
    """Whether the clause's words let the cue be a speech act (``speech_act_contexts.tsv``)."""
    need, never = lex.act_needs.get(lemma), lex.act_never.get(lemma)
    return (not need or not need.isdisjoint(words)) and (not never or never.isdisjoint(words))


def _fronted(lex, toks, a: int, i: int, sa: int, sb: int) -> bool:
    """A main clause opened by a fronted phrase or adverb: the subject right after the verb
    ("In einem Interview sprach X", "Als Grund nannte X"), or an adverb, the subject and the
    verb ("Auch sie forderten")."""
    return sa == i + 1 or (lex.cls(toks[a].lower) != "prep" and sa == a + 1 and sb == i)


def _inverted_end(lex, toks, sa: int, sb: int) -> int:
    """The end of a subject after its verb, before a phrase the verb governs: "sprach Angela
    Merkel von der Möglichkeit …" ends at the name (not "der Sprecher von der Polizei")."""
    for j in range(sa + 1, sb - 1):
        if lex.cls(toks[j].lower) == "prep" and toks[j + 1].text[:1].islower() and not lex.role(toks[j - 1].text):
            return j
    return sb
