"""The antecedent of a German pronoun that opens a subordinate clause: in its own sentence's main clause.

A pronoun right after a subordinator and its comma (*…, nachdem sie berichtet hatte*, *…, wie er
angegeben hat*, *…, da sie befürchten*) takes up someone of the clause before the comma, before
any earlier sentence or speaker is looked at: *Der Zeitung Kalameh Sabz wurde das Erscheinen
untersagt, nachdem sie berichtet hatte* → Kalameh Sabz; *kommentierte er seinen Ausfall, als er
Fans kritisierte* → whoever the first *er* is. The candidates are the names of the main clause
(not in a prepositional phrase or a genitive), its role nouns after an article that the article
introduced with a name, and an agreeing subject pronoun; a candidate whose gender is known to
agree (a first name, the describing noun before it) comes first, then the first in the clause.

Three more German salience rules stand here: :func:`previous_subject`, the institution or group
opening the sentence before as its subject; :func:`neuter_subject`, the neuter institution a
subject *es* takes up; :func:`nearest_subject_name`, the last-resort name that stands in no
prepositional phrase.
"""
from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Callable

from analysis.coreference import WINDOW, sentence_starts
from analysis.pronoun_agreement import first_name_genders, noun_gender
from analysis.resources import word_class
from analysis.speaker_clauses import subject_opening
from analysis.speaker_names import role_of
from analysis.speaker_pointers import holds_statements

if TYPE_CHECKING:
    from analysis.speakers import _ArticleEntities as ArticleEntities

_OPENING = re.compile(r",\s*(\w+)\s*$")  # the comma and the subordinator right before the pronoun
_WORD = re.compile(r"[^\s,;:()]+")
_QUOTES = ("„", "“", "\"", "«", "»")


@cache
def _subordinators(lang: str) -> frozenset[str]:
    return word_class(lang, "reference_words", "subordinator")


def _main_clause(text: str, before: int, lang: str) -> tuple[int, int] | None:
    """(start, end) of the clause before ``, <subordinator>`` that ends right before ``before``."""
    start = sentence_starts(text, max(0, before - WINDOW), before)[-1]
    m = _OPENING.search(text, start, before)
    if not m or m.group(1).lower() not in _subordinators(lang):
        return None
    end = m.start()
    return None if any(q in text[start:end] for q in _QUOTES) or end <= start else (start, end)


def _candidates(ents: ArticleEntities, start: int, end: int, gender: str) -> list[tuple[int, str, bool]]:
    """(position, name, gender known to agree) of the main clause's persons and organisations."""
    text, given = ents.text, first_name_genders(ents.lang)
    out = []
    for pos, name in ents.names:
        if not start <= pos < end or not text.startswith(name, pos):
            continue
        lead = text[max(start, pos - 40):pos].split()
        after = text[pos + len(name):pos + len(name) + 2]
        if (lead and lead[-1].lower() in ents.preps) or after.startswith("s "):
            continue  # "Kritik an Merkel", "Merkels Sprecher": no subject
        known = given.get(name.split()[0]) == gender or bool(lead and lead[-1][:1].isupper() and (
            noun_gender(ents, lead[-1].strip(",")) == gender))  # "Tageszeitung Kalameh Sabz": sie
        out.append((pos, name, known))
    words = [(m.start(), m.group()) for m in _WORD.finditer(text, start, end)]
    for (_, det), (pos, w) in zip(words, words[1:]):
        if det.lower() in ents.articles and w[:1].isupper() and role_of(w, ents.role_map) and (
                named := ents.by_role([det, w], pos)):
            out.append((pos, named, noun_gender(ents, w) == gender))  # "war der Fahrer zu hören, wie er"
    return sorted(out)


def main_clause_antecedent(ents: ArticleEntities, before: int, pronoun: str, agrees: Callable[[str], bool],
                           resolve: Callable[[int, str], str | None]) -> str | None:
    """The antecedent in the main clause of a pronoun at ``before`` that opens a subordinate
    clause (see the module doc), else None; ``agrees(name)`` tests agreement, ``resolve(pos,
    pronoun)`` resolves a subject pronoun of the main clause.

    >>> from analysis.speakers import _ArticleEntities as ArticleEntities
    >>> text = "Gestern wurde der Zeitung Kalameh Sabz das Erscheinen untersagt, nachdem sie berichtet hatte."
    >>> ents = ArticleEntities(text, "de")
    >>> main_clause_antecedent(ents, text.index("sie"), "sie", lambda n: True, lambda p, w: None)
    'Kalameh Sabz'
    """
    clause = _main_clause(ents.text, before, ents.lang)
    if clause is None:
        return None
    start, end = clause
    gender = ents.pronoun_forms.get(pronoun, ("-", "-"))[0]
    same = [m.start() for m in re.finditer(rf"\b{re.escape(pronoun)}\b", ents.text[start:end], re.IGNORECASE)]
    found = [(not known, pos, name) for pos, name, known in _candidates(ents, start, end, gender) if agrees(name)]
    if same and (not found or start + same[0] < min(pos for _, pos, _ in found)):
        return resolve(start + same[0], pronoun)  # "kommentierte er …, als er": as the first er
    return min(found)[2] if found else None



def previous_subject(ents: ArticleEntities, before: int, pronoun: str, agrees: Callable[[str], bool]) -> str | None:
    """The institution or group opening the sentence right before the one of a pronoun at ``before``
    as its subject, when its noun has the pronoun's gender ("Eine abgespaltene Splittergruppe der
    TRT orientiert sich neu. Sie beschloss" → Splittergruppe der TRT), without its article; None for
    a name (:func:`analysis.coreference.subject_antecedent` reads those) or a thing.

    >>> from analysis.speakers import _ArticleEntities as ArticleEntities
    >>> text = "Die Regierung hat getagt. Sie beschloss neue Regeln."
    >>> previous_subject(ArticleEntities(text, "de"), text.index("Sie"), "sie", lambda n: True)
    'Regierung'
    """
    text = ents.text
    own = sentence_starts(text, max(0, before - WINDOW), before)[-1]
    if own == 0 or text[own:before].strip():
        return None  # the pronoun opens its sentence
    start = sentence_starts(text, max(0, own - WINDOW), own - 1)[-1]
    found = subject_opening(ents, start, own)
    if not found:
        return None
    words = [w for w in found[0].split() if w.lower() not in ents.articles | ents.indefinite]
    while words and words[0][:1].islower():
        words = words[1:]  # "abgespaltene Splittergruppe": the noun and what follows it
    head = words[0] if words else ""
    gender = ents.pronoun_forms.get(pronoun, ("-", "-"))[0]
    if not head or " ".join(words) in ents.known or not holds_statements(head, ents):
        return None
    return " ".join(words) if noun_gender(ents, head) == gender and agrees(" ".join(words)) else None


def nearest_subject_name(ents: ArticleEntities, before: int, cands: list[tuple[int, str]]) -> str | None:
    """Of the agreeing names ``cands`` (position, name) before a German pronoun at ``before``, the
    latest within ``WINDOW`` characters that stands in no prepositional phrase (no preposition among
    the three words before it), else the latest: "das meint Rick Homans vom Sekretariat in New
    Mexico. „…“, sagte er" → Rick Homans; "Der für Manchester United stürmende Nationalspieler
    Wayne Rooney" → Wayne Rooney.

    >>> from analysis.speakers import _ArticleEntities as ArticleEntities
    >>> text = "Das meint Rick Homans vom Sekretariat in New Mexico."
    >>> nearest_subject_name(ArticleEntities(text, "de"), len(text), [(10, "Rick Homans"), (41, "New Mexico")])
    'Rick Homans'
    """
    if not cands:
        return None
    def free(pos: int) -> bool:
        lead = re.split(r"[,;:.!?]", ents.text[max(0, pos - 60):pos])[-1].split()[-3:]
        return not any(w.lower() in ents.preps - ents.particles for w in lead)  # "zu Guttenberg" is a name
    near = [(p, n) for p, n in cands if p > before - WINDOW and free(p)] if ents.lang == "de" else []
    return max(near or cands)[1]


def neuter_subject(ents: ArticleEntities, before: int, pronoun: str) -> tuple[str, int] | None:
    """(phrase, position) of the neuter institution or role a neuter subject ``pronoun`` (*es*) at
    ``before`` takes up:
    the first noun phrase after a neuter article (``reference_words.tsv`` class ``neuter_article``)
    whose noun is neuter and holds statements, in its own sentence before it, else in the sentence
    before ("Das Gericht nutzte die Begründung. Es weist den Vorwurf zurück" → das Gericht;
    "Im Ausschluss erkannte das Gericht ein Erschwernis. Hier stellte es fest" → das Gericht);
    None for a thing ("Das Wetter war schlecht").

    >>> from analysis.speakers import _ArticleEntities as ArticleEntities
    >>> text = "Das Ministerium prüfte den Fall. Es erklärte, der Vertrag gelte."
    >>> neuter_subject(ArticleEntities(text, "de"), text.index("Es"), "es")
    ('Das Ministerium', 0)
    """
    if ents.pronoun_forms.get(pronoun, ("-",))[0] != "n":
        return None
    text, articles = ents.text, _neuter_articles(ents.lang)
    own = sentence_starts(text, max(0, before - WINDOW), before)[-1]
    start = sentence_starts(text, max(0, own - WINDOW), own - 1)[-1] if own else own
    for lo, hi in ((own, before), (start, own)):
        words = [(m.start(), m.group()) for m in _WORD.finditer(text, lo, hi)]
        for k, (pos, det) in enumerate(words):
            if det.lower() not in articles:
                continue
            rest = words[k + 1:k + 4]
            noun = next(((p, w) for p, w in rest if w[:1].isupper()), None)
            if noun is None or not all(w[:1].islower() for _, w in rest[:rest.index(noun)]):
                continue  # "das neue Gericht": lower-case adjectives only between article and noun
            if noun_gender(ents, noun[1]) == "n" and holds_statements(noun[1], ents):
                return text[pos:noun[0] + len(noun[1])], pos
    return None


def neuter_speaker(ents: ArticleEntities, before: int, pronoun: str, previous: list[tuple[int, str]],
                   resolve: Callable[[str, int], str | None], how: Callable[[str], str]) -> tuple[str | None, str]:
    """(speaker, resolution) of a neuter subject pronoun at ``before``: the institution of
    :func:`neuter_subject`, resolved by ``resolve(phrase, position)``; without one no speaker
    ("Es geht darum, …", "Es warnten die Russen": an expletive *es*, whose subject, if any, follows
    the verb), never the previous speaker.

    >>> from analysis.speakers import _ArticleEntities as ArticleEntities
    >>> text = "Künast sagte, es müsse Schluss sein. Es gehe darum, dass gehandelt werde."
    >>> neuter_speaker(ArticleEntities(text, "de"), text.rindex("Es"), "es", [(0, "Renate Künast")],
    ...                lambda m, p: m, lambda k: k)
    (None, 'unresolved')
    """
    found = neuter_subject(ents, before, pronoun)
    name = resolve(*found) if found else None
    return (name, how("pronoun")) if name else (None, "unresolved")


@cache
def _neuter_articles(lang: str) -> frozenset[str]:
    return word_class(lang, "reference_words", "neuter_article")

