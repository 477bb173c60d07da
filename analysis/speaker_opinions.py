"""The holder of an opinion a German sentence opens with (*Für den Theologen Hans Küng sei …*).

A sentence that opens with a preposition of class ``opinion_prep`` in ``function_words.tsv``
(*für*), a name or role after it and a verb in Konjunktiv (``konjunktiv.tsv``) reports that
holder's view: "Für den Theologen Hans Küng sei der Rücktritt verständlich" is Küng's, not the
speaker's of the sentence before. A quotation found in such a sentence without a speaker of its
own takes the holder instead of inheriting the last speaker; "Für die Opfer sei ein Fonds
eingerichtet worden" names no holder (a bare plural noun holds no statement).
"""
from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from analysis.coreference import WINDOW, sentence_starts
from analysis.resources import table, word_class
from analysis.speaker_clauses import _subject_at, _tokens

if TYPE_CHECKING:
    from analysis.speakers import _ArticleEntities as ArticleEntities


@cache
def _words(lang: str) -> tuple[frozenset, frozenset]:
    """(opinion prepositions, Konjunktiv forms) of ``lang``."""
    konj = table(lang, "konjunktiv")
    return word_class(lang, "function_words", "opinion_prep"), frozenset(konj["form"].str.lower())


def opinion_holder(ents: ArticleEntities, start: int) -> tuple[str, int] | None:
    """(mention, position) of the holder after the opinion preposition that opens the sentence of a
    quotation starting at ``start``, when a verb in Konjunktiv follows the holder; else None (whether
    the holder can hold a statement, the caller checks).

    >>> from analysis.speakers import _ArticleEntities
    >>> text = "Merkel sagte, es sei gut. Für den Theologen Hans Küng sei der Rücktritt verständlich."
    >>> opinion_holder(_ArticleEntities(text, "de"), text.index("der Rücktritt"))
    ('Theologen Hans Küng', 34)
    """
    text = ents.text
    own = sentence_starts(text, max(0, start - WINDOW), start)[-1]
    toks = _tokens(text, own, min(len(text), max(start, own) + 200))
    preps, konj = _words(ents.lang)
    if len(toks) < 3 or toks[0][1].lower() not in preps:
        return None
    k = 2 if toks[1][1].lower() in ents.articles else 1  # "Für den Theologen": the article of an object
    found = _subject_at(toks[k:], ents)
    if found is None or k + found[2] >= len(toks) or toks[k + found[2]][1].lower() not in konj:
        return None
    return found[0], found[1]
