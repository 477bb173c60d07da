"""German separable particle verbs: a finite verb and the particle that ends its clause, as one word.

In a German main clause the finite verb stands first or second and its separable particle at the
end of the clause: "Russland weist die Vorwürfe zurück" holds *zurückweisen*, "lehnt … ab"
*ablehnen*, "warf … vor" *vorwerfen*. :func:`join_particle_verbs` finds these pairs in the
tokens of one sentence and gives the joined lemma, so that tone, quotation or term code can read
the two tokens as the one verb they are. :func:`particle_verb_bases` lists the words that can be
the verb of given particle verbs (a cheap screen before the join).

The rules, facts of German grammar (the word lists are resources keyed by language):

* **particle**: a token of ``resources/<lang>/separable_particles.txt`` written in lower case (a
  capitalised *Zurück* is a noun: "es gibt kein Zurück"), followed by a token that is no word
  (punctuation; the clause marks , ; : – —) or ending the sentence, and not right after a
  coordinating conjunction (``function_words.tsv``, class ``conj``): "ab und zu", "nach und
  nach", "hin und her" are pairs of adverbs.
* **verb**: a word before the particle in its clause (since the last token that is no word),
  written in lower case, or capitalised as the first word of its clause ("Lehnt er das ab?").
  The first word that joins counts, as the finite verb of a main clause stands early ("weist
  die neu gestellten Forderungen zurück" is *zurückweisen*, not *zurückstellen*); after a
  coordinating conjunction followed by another word that joins, that one ("Er kam und lehnte
  ab" is *ablehnen*).
* **joined lemma**: the particle written before the verb as it stands is the form of a
  verb-final clause ("weil er abbrach"); when simplemma knows that form, the joined lemma is its
  lemma (*abbrechen*, where the lemma of "brach" alone is the adjective *brach*). Otherwise the
  particle joined with the verb's lemma is taken when simplemma knows it or it is in the
  caller's ``lexicon`` ("hat … vor": *vorhaben*); so too when simplemma's lemma of the joined form
  does not begin with the particle ("aussetzt" gives *außetzen*, "setzt … aus" is *aussetzen*). Either way the result must be a verb: begin
  with the particle, be longer than it and end like an infinitive
  (``resources/<lang>/infinitive_endings.txt``), so "Dem stimmt sie zu" is not *zudem*.

A verb-final clause ("…, weil er es ablehnt") has its verb in one word and needs no join. What
stays unjoined: a particle separated from its clause by a comma ("lehnt den Plan, den sie
vorlegte, ab"), a verb whose verb-final form simplemma does not know and whose joined lemma it
does not know either, and a particle verb after a coordinated finite verb that joins with the
same particle.

>>> words = "Russland weist die Vorwürfe entschieden zurück .".split()
>>> lemmas = ["Russland", "weisen", "der", "Vorwurf", "entschieden", "zurück", "."]
>>> join_particle_verbs(words, lemmas)
[Join(verb=1, particle=5, lemma='zurückweisen')]
"""
from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from functools import cache
from itertools import compress
from typing import NamedTuple

from analysis.errors import InputError
from analysis.resources import table, wordlist
from analysis.runtime import word_cache

log = logging.getLogger(__name__)


class Join(NamedTuple):
    """A finite verb, the particle at the end of its clause (token positions) and their joined lemma."""

    verb: int
    particle: int
    lemma: str


@cache
def particles(lang: str) -> frozenset[str]:
    """The separable verb particles of ``lang`` (empty for a language without the list).

    >>> {"ab", "zurück"} <= particles("de"), particles("en")
    (True, frozenset())
    """
    try:
        return wordlist(lang, "separable_particles")
    except InputError:
        return frozenset()


@cache
def _endings(lang: str) -> tuple[str, ...]:
    try:
        return tuple(wordlist(lang, "infinitive_endings"))
    except InputError:
        return ("",)  # no list: any ending


@cache
def _coordinators(lang: str) -> frozenset[str]:
    try:
        t = table(lang, "function_words")
    except InputError:
        return frozenset()
    return frozenset(t.loc[t["class"] == "conj", "word"].str.lower())


def _known(word: str, lang: str) -> bool:
    import simplemma

    try:
        return simplemma.is_known(word, lang=lang)
    except (ValueError, TypeError):  # a language simplemma does not know
        return False


@word_cache(maxsize=2**16)
def _form_lemma(form: str, lang: str) -> str | None:
    """The lower-cased lemma of ``form`` when simplemma knows the form, else None."""
    import simplemma

    return simplemma.lemmatize(form, lang=lang).lower() if _known(form, lang) else None


def is_particle_verb(lemma: str, particle: str, lang: str = "de") -> bool:
    """Whether ``lemma`` has the shape of a verb with ``particle``: it begins with the particle, is
    longer than it and ends like an infinitive.

    >>> is_particle_verb("zurückweisen", "zurück"), is_particle_verb("zudem", "zu")
    (True, False)
    """
    return lemma.startswith(particle) and len(lemma) > len(particle) + 1 and lemma.endswith(_endings(lang))


@word_cache(maxsize=2**18)
def _join(particle: str, word: str, lemma: str, lang: str) -> tuple[str | None, bool]:
    """The lemma of ``particle`` joined with the verb ``word`` (lemma ``lemma``) if it has the
    shape of a particle verb, and whether simplemma knows it."""
    joined = _form_lemma(particle + word.lower(), lang)
    known = joined is not None
    if not known or not is_particle_verb(joined, particle, lang):
        # unknown, or simplemma's lemma of the form lost the particle's shape ("aussetzt" → "außetzen")
        joined = particle + lemma.lower()
        known = _known(joined, lang)
    return (joined if is_particle_verb(joined, particle, lang) else None), known


def _joined(particle: str, word: str, lemma: str, lang: str, lexicon: Collection[str]) -> str | None:
    """The joined lemma when simplemma knows it or it is in ``lexicon``, else None."""
    joined, known = _join(particle, word, lemma, lang)
    return joined if joined is not None and (known or joined in lexicon) else None


def final_particles(words: Sequence[str], lang: str = "de") -> list[int]:
    """Positions of the separable particles that end their clause (see the module's rules).

    >>> final_particles("Er geht ab und zu .".split()), final_particles("Er gibt auf .".split())
    ([], [2])
    """
    conj = _coordinators(lang)
    n = len(words)
    return [p for p in compress(range(n), map(particles(lang).__contains__, words))
            if p > 0 and (p + 1 == n or not words[p + 1][:1].isalnum()) and words[p - 1].lower() not in conj]


def join_particle_verbs(words: Sequence[str], lemmas: Sequence[str], *, lang: str = "de",
                        lexicon: Collection[str] = frozenset()) -> list[Join]:
    """The separable particle verbs of one sentence: each finite verb whose particle ends its clause.

    ``words`` are the tokens as written (a capitalised particle is a noun), ``lemmas`` their
    lemmas, ``lexicon`` lemmas accepted as joins even when simplemma does not know them. A
    language without ``separable_particles.txt`` has no joins.

    >>> join_particle_verbs(["Er", "gibt", "auf", "."], ["er", "geben", "auf", "."])
    [Join(verb=1, particle=2, lemma='aufgeben')]
    >>> join_particle_verbs(["Er", "lehnt", "am", "Zaun", "."], ["er", "lehnen", "am", "Zaun", "."])
    []
    """
    if len(words) != len(lemmas):
        raise InputError(f"join_particle_verbs: {len(words)} words but {len(lemmas)} lemmas")
    conj = _coordinators(lang)
    out = []
    for p in final_particles(words, lang):
        start = p
        while start > 0 and words[start - 1][:1].isalnum():
            start -= 1
        particle = words[p]
        chosen, fresh = None, False
        for i in range(start, p):
            w = words[i]
            if w.lower() in conj:
                fresh = True
                continue
            if (chosen is not None and not fresh) or not w.isalpha() or (i > start and not w[0].islower()):
                continue
            joined = _joined(particle, w, lemmas[i], lang, lexicon)
            if joined is not None:
                chosen, fresh = Join(i, p, joined), False
        if chosen is not None:
            out.append(chosen)
    return out


def particle_verb_bases(verbs: Collection[str], *, lang: str = "de") -> dict[str, frozenset[str]]:
    """The lower-cased words that can be the verb of one of ``verbs`` (lemmas of particle verbs)
    in :func:`join_particle_verbs`, each with the particles it joins with: each lemma without its
    particle, and every form simplemma knows of it without the particle (*brach* from *abbrach*,
    a form of *abbrechen*).

    Reads simplemma's dictionary of ``lang`` once (about half a second for German).

    >>> bases = particle_verb_bases({"ablehnen"})
    >>> bases["lehnen"], bases["lehnte"]
    (frozenset({'ab'}), frozenset({'ab'}))
    """
    from simplemma.strategies.dictionaries.dictionary_factory import (
        DEFAULT_DICTIONARY_FACTORY,
    )

    parts = tuple(particles(lang))
    verbs = {v.lower() for v in verbs}
    out: dict[str, set[str]] = {}
    for v in verbs:
        for p in parts:
            if is_particle_verb(v, p, lang):
                out.setdefault(v[len(p):], set()).add(p)
    try:
        forms = DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)
    except (ValueError, KeyError):  # a language simplemma does not know
        forms = {}
    for form in forms:
        low = form.lower()
        if low.startswith(parts) and forms[form].lower() in verbs:
            for p in parts:
                if low.startswith(p) and len(low) > len(p):
                    out.setdefault(low[len(p):], set()).add(p)
    log.debug("%d words can be the verb of %d particle verbs (%s)", len(out), len(verbs), lang)
    return {w: frozenset(ps) for w, ps in out.items()}
