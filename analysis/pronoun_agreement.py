"""Agreement of a pronoun with a candidate antecedent: gender, number and a first name's gender.

A pronoun can stand for a name or noun only when they agree:

* **gender of the noun** (``noun_genders.tsv``, ``role_nouns.tsv``): "er" → der Konzern,
  "sie" → die Polizei, "es" → das Ministerium;
* **gender of a first name** (``first_names.tsv``): "er" is not *Claudia Mo*, "sie" not
  *Li Fei Wang* when the article calls him so by a male first name;
* **number of the verb** (``finite_number.tsv``): "sie sagte" is one person or a feminine noun,
  not *Augenzeugen*; "sie sagten" is several, not one person.

>>> from analysis.speakers import _ArticleEntities
>>> ents = _ArticleEntities("Claudia Mo und Li Fei kamen.", "de")
>>> agrees(ents, "er", "Claudia Mo"), agrees(ents, "sie", "Claudia Mo"), agrees(ents, "sie", "Claudia Mo", number="pl")
(False, True, False)
>>> verb_number("Danach sagten sie, es sei gut.", 13, 3)
'pl'
"""
from __future__ import annotations

import re
from functools import cache

from analysis.actor_names import kind_of
from analysis.resources import ROOT, table
from analysis.speaker_names import name_words

_WORD = re.compile(r"[\wäöüß]+")
_BOUNDARY = re.compile(r"[.!?;:,\n„“”\"»«()]")  # no verb is read across a sentence, clause or quotation
_GROUPS = ("organisation", "media", "country")


@cache
def first_name_genders(lang: str) -> dict[str, str]:
    """Given name → gender (``m``/``f``) from ``resources/<lang>/first_names.tsv`` ({} without one).

    >>> first_name_genders("de")["Angela"], first_name_genders("xx")
    ('f', {})
    """
    if not (ROOT / lang / "first_names.tsv").exists():
        return {}
    t = table(lang, "first_names")
    return dict(zip(t["name"], t["gender"]))


@cache
def _finite_numbers(lang: str) -> tuple[dict, tuple]:
    if not (ROOT / lang / "finite_number.tsv").exists():
        return {}, ()
    t = table(lang, "finite_number")
    forms = {f: n for f, m, n in zip(t["form"], t["match"], t["number"]) if m == "word"}
    endings = tuple(sorted(((f, n) for f, m, n in zip(t["form"], t["match"], t["number"]) if m == "ending"),
                           key=lambda e: -len(e[0])))
    return forms, endings


def verb_number(text: str, pos: int, length: int, lang: str = "de") -> str | None:
    """``sg`` or ``pl``: the number of the finite verb beside the pronoun ``text[pos:pos + length]``
    (the lower-case word right before it, "sagten sie", else the one right after it, "Sie sagte",
    within its clause); None when neither word is a verb form the language's ``finite_number.tsv``
    knows, or for the capitalised "Sie" with a plural verb (the form of address takes one too).

    >>> verb_number("Sie sagte, es sei gut.", 0, 3)
    'sg'
    """
    forms, endings = _finite_numbers(lang)
    if not forms and not endings:
        return None
    before = _WORD.findall(_BOUNDARY.split(text[max(0, pos - 30):pos])[-1])[-1:]
    after = _WORD.findall(_BOUNDARY.split(text[pos + length:pos + length + 30])[0])[:1]
    for word in before + after:
        if not word.islower():
            continue
        number = forms.get(word) or next((n for end, n in endings if word.endswith(end) and len(word) > len(end) + 2), None)
        if number:  # "Sie haben gesagt" may address one person: a plural verb says nothing then
            return None if number == "pl" and text[pos:pos + length] == "Sie" else number
    return None


def noun_gender(ents, word: str) -> str | None:
    """The grammatical gender of a noun by its role entry or its ending, else None.

    >>> from analysis.speakers import _ArticleEntities
    >>> ents = _ArticleEntities("", "de")
    >>> noun_gender(ents, "Regierung"), noun_gender(ents, "Sprecher")
    ('f', 'm')
    """
    low = word.lower()
    if low in ents.role_genders:
        return ents.role_genders[low]
    return next((g for end, g in ents.gender_endings if low.endswith(end)), None)


def agrees(ents, pronoun: str, name: str, *, number: str | None = None) -> bool:
    """Whether ``pronoun`` can stand for ``name`` in the article ``ents``: a person's name (two
    capitalised words) takes he/she, er/sie, unless its first name has the other gender; a noun
    takes the pronoun of its gender. ``number`` (``sg``/``pl``, from :func:`verb_number`) narrows
    a pronoun of both numbers ("sie"): a singular verb takes no plural noun, a plural verb no
    single person.

    >>> from analysis.speakers import _ArticleEntities
    >>> ents = _ArticleEntities("", "de")
    >>> agrees(ents, "sie", "Angela Merkel"), agrees(ents, "er", "Angela Merkel")
    (True, False)
    >>> agrees(ents, "sie", "Olaf Scholz", number="pl")
    False
    """
    gender, numbers = ents.pronoun_forms.get(pronoun, ("-", "-"))
    if gender == "-" or numbers == "pl":
        return True
    plural = number == "pl" and "pl" in numbers
    words = name.split()
    if ents.lang == "en" and (name[-2:] in ("’s", "'s") or gender in ("m", "f") and kind_of(name, "en") in _GROUPS):
        return False  # not "Catholic Church’s"; he, she: not "White House Counsel’s Office"
    person = len(words) >= 2 and all(w[:1].isupper() for w in words[-2:]) and noun_gender(ents, words[-1]) is None
    if person:
        given = first_name_genders(ents.lang).get(words[0])
        return gender in ("m", "f") and not plural and given in (None, gender)
    noun = noun_gender(ents, words[-1]) if words else None
    if noun is None and plural:  # "erklärten sie": several, not "Schröder" of "Gerhard Schröder"
        return len(words) > 1 or not any(nm.endswith(" " + name) for _, nm in ents.names)
    if noun is None and number == "sg" and "pl" in numbers and len(words) == 1 and name.endswith("en"):
        return False  # "sie sagte": one, not "Augenzeugen"
    if noun is None:  # a single name ("Haaretz", "Merkel") may be anyone; a phrase is no person
        lead, inner, _ = name_words(ents.lang)
        phrase = any(w[:1].islower() and w not in lead | inner for w in words)
        return not (phrase and gender in ("m", "f")) and (gender != "n" or ents.lang != "en")
    if plural:
        return True  # "sie sagten": a plural noun of any gender
    return noun == gender or (gender == "f" and "pl" in numbers and number is None)
