"""Verdicts on a concept: the concept is the subject of its clause and a predicate judges it wrong or right.

"Die Schuldenbremse ist der falsche Weg", "Der Weiterbetrieb der Atomkraftwerke wäre ein Fehler", "The
border wall is a mistake" take a side without a stance verb: the words of ``resources/<lang>/stance_words.tsv``
(role ``verdict``, sign −1 for wrong, +1 for right) after the mention in its clause, a copula (role
``copula``: ist, wäre, bleibt; is, was) between them or, in a clause with its verb last, right after the
verdict ("dass die Schuldenbremse falsch ist"). The mention heads the clause's subject: at most
``SUBJECT_REACH`` words open the clause before it, determiners (role ``determiner``) and adjectives, or a noun of
change heading it; no stance verb stands between the mention and the verdict. A form of address set off by
commas after the mention (role ``vocative``: "Ihre Kindergrundsicherung, Frau Paus, ist eine Mogelpackung") does not
end its clause. A negator between the
mention and the verdict reverses it ("X ist kein Fehler" is +1, "X ist nicht der richtige Weg" −1). A noun of
change heading the mention turns the verdict as it turns a stance (:mod:`analysis.statements`): "Die Abschaffung
der Schuldenbremse wäre ein Fehler" is for the Schuldenbremse.

>>> verdict_toward("Die Schuldenbremse ist der falsche Weg.", 4, lang="de")
Stance(agreement=-1, evidence='ist … falsche (verdict)', negated=False, task=False)
>>> verdict_toward("Wir reden über die Schuldenbremse, die falsch ist.", 19, lang="de") is None
True
"""
from __future__ import annotations

from bisect import bisect_left

from analysis.stance import (
    CLAUSE_MARKS,
    SENTENCE_ENDS,
    Stance,
    _analysed,
    _exception,
    _head_index,
    _negator,
    stance_verbs,
    stance_words,
)

SUBJECT_REACH = 4  # words: how many may open the mention's clause before it (articles, adjectives, a head noun)
VERDICT_REACH = 12  # words: how far after the mention, in its clause, the copula and the verdict may stand
VOCATIVE_NAMES = 3  # words: how many capitalised words may follow Frau or Herr in a form of address set off by commas


def _subject_clause(words, lower, mention: int, lang: str) -> bool:
    """Whether the mention heads the subject of its clause: at most ``SUBJECT_REACH`` words before it since the
    last clause mark or sentence end, each a determiner (role ``determiner``) or a lower-case word that is no link
    word (an adjective), or a noun of change heading the mention with its link words ("Die Abschaffung der
    Schuldenbremse"); a noun or a preposition before it puts the mention in another subject ("diese Forderung
    nach tragfähigen Energiepreisen ist richtig")."""
    head = _head_index(list(words), mention, lang)
    end = head[0] if head else mention
    lo = end
    while lo > 0 and words[lo - 1] not in CLAUSE_MARKS and words[lo - 1] not in SENTENCE_ENDS:
        lo -= 1
        if end - lo > SUBJECT_REACH:
            return False
    determiners, links = stance_words(lang)["determiner"], stance_words(lang)["link"]
    return all(lower[j] in determiners or (words[j].isalpha() and words[j].islower() and lower[j] not in links
                                           and not _negator(lower[j], lang)) for j in range(lo, end))


def _vocatives(words, lower, mention: int, lang: str) -> list[int]:
    """The token indices of a form of address set off by commas after the mention ("Ihre Kindergrundsicherung,
    Frau Paus, ist …"): a comma, a word of role ``vocative`` (Frau, Herr) and at most ``VOCATIVE_NAMES``
    capitalised words up to the next comma; the clause of the mention goes on after it."""
    vocative = stance_words(lang).get("vocative", {})
    out: list[int] = []
    for j in range(mention + 1, len(words) - 2):
        if words[j] in SENTENCE_ENDS:
            break
        if words[j] != "," or lower[j + 1] not in vocative:
            continue
        end = next((k for k in range(j + 2, min(len(words), j + 3 + VOCATIVE_NAMES)) if not words[k][:1].isupper()),
                   None)
        if end is not None and end > j + 2 and words[end] == ",":
            out += list(range(j, end + 1))
    return out


def verdict_toward(text: str, start: int, *, lang: str = "de") -> Stance | None:
    """The verdict said of the mention at offset ``start`` of ``text`` (a sentence or the stretch of a
    quotation that holds it), or None: a word of role ``verdict`` after the mention in its clause, a copula
    between them or right after the verdict, the mention in the clause's subject, no stance verb between."""
    words_of = stance_words(lang)
    if not words_of["verdict"] or not isinstance(text, str):
        return None
    starts, words, lemmas, lower = _analysed(text, lang)
    mention = bisect_left(starts, start)
    if mention >= len(words) or not _subject_clause(words, lower, mention, lang):
        return None
    verbs, copula = stance_verbs(lang), None
    skipped = set(_vocatives(words, lower, mention, lang))
    for j in range(mention + 1, min(len(words), mention + VERDICT_REACH + len(skipped))):
        if j in skipped:
            continue
        if words[j] in CLAUSE_MARKS or words[j] in SENTENCE_ENDS or lemmas[j] in verbs:
            return None
        if lower[j] in words_of["copula"]:
            copula = copula if copula is not None else j
        elif lower[j] in words_of["verdict"] and (copula is not None or lower[min(j + 1, len(words) - 1)]
                                                  in words_of["copula"]):
            sign = words_of["verdict"][lower[j]]
            negs = [lower[k] for k in range(mention + 1, j) if _negator(lower[k], lang) and not _exception(lower, k, lang)]
            link = words[copula] if copula is not None else words[j + 1]
            evidence = f"{link} … {words[j]} (verdict)"
            if len(negs) % 2:
                return Stance(-sign, f"{evidence} negated by {negs[0]}", True)
            return Stance(sign, evidence, False)
    return None
