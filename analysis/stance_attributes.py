"""Attributes of a concept mention: a negative word written right before it qualifies the concept itself ("irre
Sanktionen"), the evaluation aimed at it rather than the tone of the quotation around it
(:func:`analysis.stance.tone_agreement`; docs/networks.md, Agreement)."""
from __future__ import annotations

import re

from analysis.concepts import _lemma
from analysis.stance import stance_words

ATTRIBUTE = re.compile(r"[^\W\d_]+\s+$")  # one word and the space before the mention: an adjective that qualifies it


def attribute_of(text: str, hits: list[dict], at: int, lang: str) -> tuple[int, str] | None:
    """``(sign, word)`` of a negative tone word written in lower case right before the mention at ``at``: an
    attribute that qualifies the concept itself ("irre Sanktionen", "eine irreguläre Migration"), the
    evaluation aimed at it rather than the tone of the quotation around it. A word of degree (role ``degree``:
    "harte Sanktionen", "niedrigere Renten") measures the concept and does not judge it. None without such a
    word, and for a language without the role (English writes its nouns in lower case too: "the flu vaccine").

    >>> t = "Durch Ihr primitives Schema und irre Sanktionen haben Sie Schaden angerichtet."
    >>> attribute_of(t, [{"term": "irre", "start": 32, "end": 36, "polarity": -0.15, "weight": 1.0}], 37, "de")
    (-1, 'irre')
    """
    degrees = stance_words(lang)["degree"].keys()
    if not degrees:
        return None
    for h in hits:
        tone = h.get("polarity", 0) * h.get("weight", 1)
        word = text[h["start"]:h["end"]]
        if (tone < 0 and word[:1].islower() and h["start"] < at and ATTRIBUTE.fullmatch(text[h["start"]:at])
                and not {str(h.get("term", "")).lower(), _lemma(word.lower(), lang).lower()} & degrees):
            return -1, word
    return None
