"""The holder a German pointer (*Demnach*, *wonach*) points back to when no speaker stands before it.

The quotation rules hand over *Demnach sollen …* or *…, wonach …* without a speaker mention; when
no earlier quotation gives one, the pointer takes up the subject of the sentence before it (a
sentence-opening *Demnach*) or of its own sentence (*…, wonach* after a comma), if that subject
holds a statement: a person's name, an institution, a role. A thing holds none (*Der gefälschte
Lebenslauf war … veröffentlicht worden. Demnach …*; *Das geht aus dem Urteil hervor*), nor a
place (*Flughafen von Kythira*).

>>> from analysis.speakers import _ArticleEntities as ArticleEntities
>>> text = "Das Bundeskartellamt hat den Bericht vorgelegt. Demnach gebe es keinen Verstoß."
>>> pointer_holder(ArticleEntities(text, "de"), text.index("Demnach"))
('Das Bundeskartellamt', 0)
"""
from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from analysis.actor_names import kind_of
from analysis.coreference import WINDOW, sentence_starts
from analysis.resources import word_class
from analysis.speaker_clauses import cue_subject, subject_opening
from analysis.speaker_names import role_of

if TYPE_CHECKING:
    from analysis.speakers import _ArticleEntities as ArticleEntities


@cache
def _words(lang: str) -> tuple[frozenset, frozenset]:
    """(pointer words, endings of institution nouns)."""
    return (word_class(lang, "attribution_frames", "pointer", column="construction"),
            word_class(lang, "reference_words", "holder_ending"))


def holds_statements(mention: str, ents: ArticleEntities) -> bool:
    """Whether the noun phrase ``mention`` names someone who can hold a statement: a person's name
    (two capitalised words after no article, or a name the article introduced), a role noun, or
    an institution (its head ends as one: *Bundeskartellamt*, *Regierungskoalition*).

    >>> from analysis.speakers import _ArticleEntities as ArticleEntities
    >>> ents = ArticleEntities("", "de")
    >>> [holds_statements(m, ents) for m in ("Die Regierungskoalition", "Der gefälschte Lebenslauf", "Angela Merkel")]
    [True, False, True]
    """
    words = mention.split()
    if not words:
        return False
    head = words[-1].lower()
    if role_of(words[-1], ents.role_map) or any(head.endswith(e) for e in _words(ents.lang)[1]):
        return True
    if kind_of(mention, ents.lang) in ("organisation", "media", "country") and words[0].lower() not in ents.articles:
        return True
    bare = [w for w in words if w.lower() not in ents.articles]
    return mention in ents.known or (bare == words and len(words) >= 2 and all(w[:1].isupper() for w in words))


def pointer_holder(ents: ArticleEntities, cue: int) -> tuple[str, int] | None:
    """(mention, position) of the holder a pointer at ``cue`` takes up (see the module doc), else None."""
    text = ents.text
    pointers, _ = _words(ents.lang)
    word = text[cue:cue + 12].split()[0].strip(",.;:").lower() if text[cue:cue + 12].split() else ""
    if word not in pointers:
        return None
    own = sentence_starts(text, max(0, cue - WINDOW), cue)[-1]
    if text[own:cue].strip() and text[:cue].rstrip().endswith(","):
        start, end = own, cue  # "…, wonach": its own sentence's subject
    elif own > 0 and not text[own:cue].strip():
        start, end = sentence_starts(text, max(0, own - WINDOW), own - 1)[-1], own  # "… vorgelegt. Demnach"
    else:
        return None  # "Nils Schmid wird sich demnach …": its own subject speaks
    found = subject_opening(ents, start, end)
    return found if found and holds_statements(found[0], ents) else None


def own_subject(ents: ArticleEntities, cue: int, resolution: str) -> tuple[str, int] | None:
    """(mention, position) of the subject of a cue the quotation rules gave no mention (or only an
    inherited one): its own clause's (:func:`analysis.speaker_clauses.cue_subject`), else, when no
    speaker stands before it (``resolution`` "none"), the holder a pointer takes up."""
    return cue_subject(ents, cue) or (pointer_holder(ents, cue) if resolution == "none" else None)
