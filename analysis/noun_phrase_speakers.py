"""Speakers that are plain noun phrases: German word groups taken for a name.

German capitalises every noun, so a quotation frame can take a noun phrase for its
speaker ("Landesteile von Russland", "Andeutungen", "Jobs und Arbeitsplätze", "Zweiter Mythos:").
Such a speaker has no name head: no given name (``first_names.tsv``), no word of a name the
records give (a speech's record speaker), no role noun, no organisation, medium or country
(``actor_kinds.tsv``), no acronym, and every capitalised word is a word of the language's
lexicon (simplemma). In a speech such a speaker names no actor, so it codes no statement (news
name places and foreign persons that a lexicon also knows: "Moskau", "Kim Jong Un"; the rule
keeps to speeches).
"""
from __future__ import annotations

import pandas as pd
import simplemma

from analysis.actor_names import kind_of
from analysis.pronoun_agreement import first_name_genders
from analysis.speaker_names import role_of
from analysis.speaker_sources import institution
from analysis.speakers import _resources

LANGS = frozenset({"de"})  # English capitalises names, not nouns: a capitalised word there is a name
_EDGE = ",.;:!?„“”\"'()[]–-"


def plain_noun_phrase(name, *, lang: str, known: frozenset = frozenset()) -> bool:
    """Whether a speaker's ``name`` is a plain noun phrase with no name head (see the module doc);
    ``known``: words of names known from the records.

    >>> plain_noun_phrase("Landesteile von Russland", lang="de"), plain_noun_phrase("Olaf Scholz", lang="de")
    (True, False)
    """
    if lang not in LANGS or not isinstance(name, str):
        return False
    words = [w.strip(_EDGE) for w in name.split()]
    caps = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    if not caps or any(w in first_name_genders(lang) or w in known or (w.isupper() and len(w) > 1) for w in words):
        return False
    if kind_of(name, lang) in ("organisation", "media", "country") or any(
            role_of(w, _resources(lang)[1]) or institution(w, lang) for w in caps):
        return False
    return all(w[:1].isdigit() or simplemma.is_known(w, lang=lang) for w in caps)


def record_speakers(articles) -> tuple[frozenset[str], frozenset[str]]:
    """(the speeches' article ids, the words of their record speakers' names): a speech is an
    article with a ``speaker`` column value; a news article has none.

    >>> ids, words = record_speakers(pd.DataFrame({"article_id": ["a", "b"], "speaker": ["Steffi Lemke", None]}))
    >>> sorted(ids), sorted(words)
    (['a'], ['Lemke', 'Steffi'])
    """
    if "speaker" not in articles.columns:
        return frozenset(), frozenset()
    speeches = articles[articles["speaker"].map(lambda s: isinstance(s, str) and bool(s.strip()))]
    return frozenset(speeches["article_id"]), frozenset(w for s in speeches["speaker"] for w in s.split())
