"""Sources as speakers: who holds a source noun ("Angaben der Polizei" → Polizei, "Polizeiangaben"
→ Polizei, "Meinung politischer Beobachter" → Beobachter) and which country a nationality
adjective with a source noun names ("nach russischen Angaben" → Russland). Used by
:mod:`analysis.speakers`; the words are ``source_nouns.tsv``, ``nationalities.tsv`` and
``reference_words.tsv`` of the language.

>>> from analysis.speakers import _ArticleEntities
>>> ents = _ArticleEntities("", "de")
>>> source_holder("Angaben der Polizei".split(), ents, "de"), source_holder(["Regierungskreisen"], ents, "de")
('Polizei', 'Regierung')
"""
from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from analysis.actor_names import kind_of
from analysis.resources import ROOT, optional_table, source_nouns, table, word_class, wordlist
from analysis.runtime import word_cache
from analysis.segment import lemmatize
from analysis.speaker_names import GENITIVE_DETS, base_form, name_words, noun_endings, role_of

if TYPE_CHECKING:
    from analysis.speakers import _ArticleEntities


@cache
def countries_and_sources(lang: str) -> tuple[dict[str, str], frozenset[str]]:
    """Nationality adjective (without ending, lower case) → country, from ``nationalities.tsv``, and
    the forms that stand for a source rather than an actor (``source_nouns.tsv``)."""
    if not (ROOT / lang / "nationalities.tsv").exists():
        return {}, frozenset()
    t = table(lang, "nationalities")
    return dict(zip(t["adjective"].str.lower(), t["country"])), source_nouns(lang, "speaker")


_ADJECTIVE_ENDING = re.compile(r"(e|en|er|es|em)$")


def adjective_stem(word: str) -> str:
    """A German adjective without its inflection ending, lower case (``russischen`` → ``russisch``)."""
    return _ADJECTIVE_ENDING.sub("", word.lower())


FUGEN_S = ("ungs", "heits", "keits", "schafts", "ions", "täts", "iums", "mens")  # Regierungs|kreise


def source_holder(words: list[str], ents: _ArticleEntities, lang: str) -> str | None:
    """Who holds a source noun: its genitive ("Angaben der Polizei" → Polizei, "Informationen des
    Spiegels" → Spiegel, "Celebis Angaben" → Celebi) or a compound's modifier ("Polizeiangaben" → Polizei,
    "Regierungskreisen" → Regierung, "OSZE-Bericht" → OSZE), else None."""
    _, sources = countries_and_sources(lang)
    words = [w.strip(",") for w in words]
    while len(words) > 1 and (words[0].lower() in ents.dets or words[0][:1].islower() and _leads_to_source(words, sources)):
        words = words[1:]  # "einer gemeinsamen Presseerklärung der Staatsanwaltschaft", "einem achtseitigen internen Bericht"
    if len(words) >= 3 and source_head(words[0], sources) and words[1][:1].islower() and words[1].lower() not in (
            ents.dets | ents.holder_preps) and words[1].endswith("er") and words[2][:1].isupper():
        return " ".join(holder_phrase(words[1:], ents))  # "Meinung politischer Beobachter": a genitive plural
    if len(words) >= 3 and source_head(words[0], sources) and (
            words[1].lower() in ents.dets or words[1].lower() in ents.holder_preps):
        return _genitive_holder(words[1], words[2:], ents, lang)
    if len(words) == 2 and source_head(words[1], sources) and words[0][:1].isupper() and words[0].endswith("s") \
            and not source_head(words[0], sources):
        return words[0][:-1]  # "nach Celebis Angaben": a name in the genitive holds the source
    if len(words) == 2 and source_head(words[0], sources) and words[1][:1].isupper() and words[1].endswith("s") \
            and not words[1].endswith("ss") and len(words[1]) > 4 and not source_head(words[1], sources):
        return words[1][:-1]  # "nach Meinung Russlands": a name in the genitive after the source
    compounds = source_nouns(lang, "compound")  # "Korruptionsvorwurf": the modifier is the topic
    if len(words) == 1 and "-" in words[0].strip("-"):  # "OSZE-Bericht", "dpa-Meldung"
        modifier, head = words[0].rsplit("-", 1)
        return modifier if head.lower() in compounds and modifier else None
    if len(words) == 1 and words[0][:1].isupper():
        low = words[0].lower()
        if low in sources:
            return None  # "Abschlussbericht", "Pressemitteilung": a source noun of its own, no holder in it
        head = next((n for n in compounds if low.endswith(n) and len(low) - len(n) >= 3), None)
        if head:
            modifier = words[0][:-len(head)]
            return modifier[:-1] if modifier.endswith(FUGEN_S) else modifier
    return None


def _genitive_holder(det: str, words: list[str], ents: _ArticleEntities, lang: str) -> str:
    """The holder named after ``det`` ("der Polizei", "des Spiegels" → Spiegel, "von Kritikern" →
    Kritiker, "russischer Angaben" → a country), in its base form."""
    holder = holder_phrase(words, ents)
    if country := country_of(holder, ents, lang):
        return country
    links = word_class(lang, "name_parts", "link", column="part")
    at = next((k - 1 for k, w in enumerate(holder) if k and w in links), len(holder) - 1)  # "des Bundesamts für …"
    last = holder[at]
    if det.lower() in GENITIVE_DETS and last.endswith("s") and not last.endswith("ss") and not any(
            role_of(w, ents.role_map) for w in holder[:at]):  # "des Vorsitzenden Thomas Enders": no ending
        last = last[:-2] if last.endswith("es") and len(last) > 5 else last[:-1]
    elif det.lower() in ents.holder_preps and all(w[:1].islower() for w in holder[:at]) and last.endswith(("ern", "eln")):
        last = last[:-1]  # "Angaben von Kritikern", "von spanischen Händlern": the dative plural's -n
    return " ".join(holder[:at] + [last] + holder[at + 1:])


def spokesperson_holder(words: list[str], ents: _ArticleEntities, lang: str) -> str | None:
    """The organisation an unnamed spokesperson speaks for, from the genitive after the role noun
    ("ein Sprecher der Feuerwehr" → Feuerwehr, "eine Sprecherin des Gesundheitsministeriums" →
    Gesundheitsministerium; role group ``spokesperson`` of ``role_nouns.tsv``; a member of its
    staff, ``reference_words.tsv`` class ``staff``: "ein Mitarbeiter der Welthungerhilfe"), else None (a name
    follows: "Sprecher Hans Meier"; no genitive: "ein Sprecher").

    >>> from analysis.speakers import _ArticleEntities
    >>> spokesperson_holder("ein Sprecher des Unternehmens".split(), _ArticleEntities("", "de"), "de")
    'Unternehmen'
    """
    words = [w.strip(",") for w in words]
    while words and (words[0].lower() in ents.dets or words[0][:1].islower()):
        words = words[1:]
    if len(words) < 3 or (words[0].lower() not in ents.spokespersons
                          and words[0].lower() not in word_class(lang, "reference_words", "staff")):
        return None  # staff: "die Verantwortlichen des Außenministeriums", "ein Mitarbeiter der Welthungerhilfe"
    if words[1].lower() not in GENITIVE_DETS | {"der"} and words[1].lower() not in ents.holder_preps:
        return None
    rest = words[2:]
    while rest and rest[0][:1].islower() and rest[0].lower() not in ents.dets:
        rest = rest[1:]  # "des bayerischen Umweltministeriums": the adjective
    if not rest or not rest[0][:1].isupper():
        return None
    return _genitive_holder(words[1], rest, ents, lang)


def action_noun(words: list[str], ents: _ArticleEntities) -> bool:
    """Whether the first capitalised word of ``words`` ends like a thing (``name_exclusions.tsv``:
    Auswertung, Untersuchung), a noun that can name an action and its agent.

    >>> from analysis.speakers import _ArticleEntities
    >>> action_noun("der Auswertung des Bodenradars".split(), _ArticleEntities("", "de"))
    True
    """
    head = next((w for w in words if w[:1].isupper()), "")
    return bool(head) and head.lower().endswith(ents.noun_endings)


def action_agent(words: list[str], ents: _ArticleEntities) -> str | None:
    """The agent of an action named by a noun with a thing's ending (``name_exclusions.tsv``)
    after its preposition (``reference_words.tsv`` class ``agent_prep``): "der Auswertung des
    Bodenradars durch die Ermittler" -> "die Ermittler"; None without one ("die Auswertung
    des Bodenradars", "der Sprecher durch die Tür").

    >>> from analysis.speakers import _ArticleEntities
    >>> action_agent("der Auswertung des Bodenradars durch die Ermittler".split(), _ArticleEntities("", "de"))
    'die Ermittler'
    """
    if not action_noun(words, ents):
        return None
    preps = word_class(ents.lang, "reference_words", "agent_prep")
    at = next((k for k, w in enumerate(words) if k and w.lower() in preps), None)
    rest = words[at + 1:] if at is not None else []
    return " ".join(rest) if any(w[:1].isupper() for w in rest) else None


def _leads_to_source(words: list[str], sources: frozenset) -> bool:
    """Whether the first capitalised word of ``words`` (after lower-case adjectives) is a source noun."""
    head = next((w for w in words if not w[:1].islower()), None)
    return head is not None and source_head(head, sources)


@word_cache(maxsize=1 << 16)
def source_head(word: str, sources: frozenset) -> bool:
    """A source noun, or a compound ending in one (Pressemitteilung, Hochrechnung)."""
    low = word.lower()
    return low in sources or any(low.endswith(n) and len(low) - len(n) >= 3 for n in sources)


def holder_phrase(words: list[str], ents: _ArticleEntities) -> list[str]:
    """The holder's noun phrase without what follows it: a quoted name ("der Wochenzeitung „Le
    Canard enchaîné“" → Le Canard enchaîné), else up to the next article or lower-case word after
    its first capitalised word ("des BMI der Verbesserung …" → BMI)."""
    text = " ".join(words)
    if "„" in text and "“" in text.split("„", 1)[1]:
        return text.split("„", 1)[1].split("“", 1)[0].split()
    out, seen_cap = [], False
    links = word_class(ents.lang, "name_parts", "link", column="part")
    for k, w in enumerate(words):
        if w in links and seen_cap and k + 1 < len(words) and words[k + 1][:1].isupper() \
                and words[k + 1].lower().strip(",.") not in ents.calendar and institution(out[-1], ents.lang):
            out.append(w)  # "der Bundesagentur für Arbeit": a preposition inside the name
            continue
        if seen_cap and (w.lower() in ents.dets or not w[:1].isupper()) and w not in ents.conjunctions:
            break
        seen_cap = seen_cap or w[:1].isupper()
        out.append(w)
    while len(out) > 1 and out[-1] in ents.conjunctions:
        out.pop()  # "Institutionen und" cut by the end of the words read
    k = len(out)
    if k == 1 and k + 1 < len(words) and words[k].lower() in GENITIVE_DETS | {"der"} and words[k + 1][:1].isupper() \
            and _genitive_head(out[0], ents.lang):
        head = out[0][:-2] if out[0].endswith("es") and not out[0].endswith("ums") else out[0].rstrip("s")
        return [head, words[k], words[k + 1]]  # "des Bundesministeriums des Innern": the ministry's name
    return out or words


_GROUP_GENITIVES = GENITIVE_DETS | {"der"}  # "Organisatoren der Konferenz", "Bewohner des Dorfes"


def unnamed_group(name: str, ents: _ArticleEntities, lang: str) -> str:
    """An unnamed group or person with the genitive of a thing is its head noun: "Organisatoren der
    Konferenz" → Organisatoren, "Bewohner des Dorfes" → Bewohner, "Befürworter einer Einstellung der
    Bundeszuschüsse" → Befürworter; a role noun, an organisation or a
    source as the head, a head with the ending of a thing (``name_exclusions.tsv``: *Abteilung*),
    and a genitive that names an actor (an organisation, a medium, a country, a name of the
    article, an acronym, a source noun) keep the whole name ("Präsident der Republik", "Anhänger
    der Hamas", "Autoren der Studie"), and so does a name opened by its particle ("Von der Leyen").
    German only.

    >>> from analysis.speakers import _ArticleEntities
    >>> unnamed_group("Organisatoren der Konferenz", _ArticleEntities("", "de"), "de")
    'Organisatoren'
    """
    words = name.split()
    if lang != "de" or len(words) < 3 or words[1].lower() not in _GROUP_GENITIVES | {"einer"}:
        return name
    head, noun = words[0], words[-1]
    if not (head[:1].isupper() and noun[:1].isupper()) or head.lower() in name_words(lang)[0]:
        return name  # "Von der Leyen" opening a sentence: a name's particle, no group
    if role_of(head, ents.role_map) or kind_of(head, lang) != "other" or head.lower() in ents.sources or \
            head.lower().endswith(noun_endings(lang)):
        return name  # "die Kriminalabteilung des Landesgendarmeriekommandos": a thing's ending, no group of people
    if any(w[:1].islower() and w.lower() not in ents.dets and not nxt[:1].isupper() for w, nxt in zip(words, words[1:])):
        return name  # "Ursache des Deckeneinsturzes der Eishalle dürfte ersten Annahmen": a verb, no genitive
    for w in (w for w in words[2:] if w[:1].isupper()):  # "Befürworter einer Einstellung der Bundeszuschüsse"
        if w.isupper() or w.lower() in ents.sources or institution(w, lang) or kind_of(w, lang) != "other" or any(
                w in known.split() for known in ents.known):
            return name
    return head


def institution(word: str, lang: str) -> bool:
    """An organisation's or medium's noun, also in the genitive (Bundesamts, Agentur; ``actor_kinds.tsv``)."""
    forms = (word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else "")
    return any(f and kind_of(f, lang) in ("organisation", "media") for f in forms)


def _genitive_head(word: str, lang: str) -> bool:
    """A noun whose name goes on with a genitive (``name_parts.tsv``, part ``genitive_head``)."""
    low = word.lower().rstrip("s")
    return any(low.endswith(e) for e in word_class(lang, "name_parts", "genitive_head", column="part"))


def country_of(words: list[str], ents: _ArticleEntities, lang: str) -> str | None:
    """The country named by a nationality adjective with a source noun ("nach russischen Angaben" →
    Russland, "according to Russian sources" → Russia), else None ("das russische Fernsehen")."""
    words = [w.strip(",") for w in words if w.lower() not in ents.dets]
    countries, sources = countries_and_sources(lang)
    if len(words) != 2 or words[1].lower() not in sources:
        return None
    adjective = words[0].lower()
    return countries.get(adjective) or countries.get(adjective_stem(adjective))


def adjective_holder(words: list[str], ents: _ArticleEntities, lang: str) -> str | None:
    """The institution an adjective with a source noun names ("behördlichen Angaben" → Behörden;
    ``holder_adjectives.tsv``), also at the end of a mention that a frame ran over its verb ("Am
    vergangenen Samstag starben behördlichen Angaben"), else None ("offiziellen Angaben").

    >>> from analysis.speakers import _ArticleEntities
    >>> e = _ArticleEntities("", "de")
    >>> adjective_holder("behördlichen Angaben".split(), e, "de"), adjective_holder("offiziellen Angaben".split(), e, "de")
    ('Behörden', None)
    """
    holders = _holder_adjectives(lang)
    if not holders or len(words) < 2:
        return None
    _, sources = countries_and_sources(lang)
    adjective, noun = words[-2].strip(",").lower(), words[-1].strip(",").lower()
    return holders.get(adjective_stem(adjective)) if noun in sources else None


@cache
def _holder_adjectives(lang: str) -> dict[str, str]:
    """``{adjective stem: holder}`` of ``resources/<lang>/holder_adjectives.tsv`` (empty without the file)."""
    t = optional_table(lang, "holder_adjectives")
    return {} if t is None else dict(zip(t["adjective"], t["holder"]))


def sentence_case(name: str, pos: int, ents: _ArticleEntities, lang: str) -> str:
    """A nationality adjective that is capitalised only because it opens the sentence, in lower
    case before an institution's or a role's noun ("Afghanischen Behörden zufolge" → "afghanischen
    Behörden", as inside a sentence); any other name as it is ("Deutsche Bahn", "Russische
    Föderation" inside a sentence or listed in ``name_forms.tsv``).

    >>> from analysis.speakers import _ArticleEntities
    >>> sentence_case("Afghanischen Behörden", 0, _ArticleEntities("Afghanischen Behörden zufolge", "de"), "de")
    'afghanischen Behörden'
    """
    words = name.split()
    if len(words) != 2 or not words[0][:1].isupper() or not ents.text.startswith(words[0], pos) or (
            ents.text[:pos].rstrip()[-1:] not in ("", ".", "!", "?", "\n")):
        return name  # "Den Afghanischen Behörden": the article opens the sentence, the capital is the writer's
    countries, _ = countries_and_sources(lang)
    noun = words[1]
    if adjective_stem(words[0]) not in countries or not (institution(noun, lang) or role_of(noun, ents.role_map)):
        return name
    return name if base_form(name, lang) != name else f"{words[0].lower()} {noun}"


def nominative(name: str, words: list[str], pos: int, ents: _ArticleEntities, lang: str) -> str:
    """An unnamed person's or group's noun in the dative as the nominative: after a singular case
    article ("einem Augenzeugen" → Augenzeuge), and the dative plural of a noun in -er or -el
    (``name_exclusions.tsv`` class ``dative_plural``: "den Beobachtern" → Beobachter), also after
    an adjective ("politischen Beobachtern", at a sentence's opening "Politischen Beobachtern" →
    politische Beobachter). Names, organisations, media and parties stay as written. German only.

    >>> from analysis.speakers import _ArticleEntities
    >>> e = _ArticleEntities("", "de")
    >>> nominative("Beobachtern", ["den", "Beobachtern"], 0, e, "de"), nominative("Augenzeugen", ["einem", "Augenzeugen"], 0, e, "de")
    ('Beobachter', 'Augenzeuge')
    """
    parts = name.split()
    if lang != "de" or not parts or len(parts) > 2 or kind_of(parts[-1], lang) != "other":
        return name
    noun = parts[-1]
    single = lemmatize(noun, lang)
    if single + "n" != noun or not noun[:1].isupper():
        return name
    if len(parts) == 1 and noun.endswith("en") and any(w.lower() in ents.case_dets for w in words[:-1]):
        return single
    if not noun.endswith(noun_endings(lang, "dative_plural")) or ents.persons & set(parts):
        return name
    if len(parts) == 1:
        return single
    adjective = parts[0]
    opening = ents.text.startswith(adjective, pos) and ents.text[:pos].rstrip()[-1:] in ("", ".", "!", "?", "\n")
    if not adjective.endswith("en") or (adjective[:1].isupper() and not opening):
        return name  # "Freien Wählern" inside a sentence: a name
    return f"{adjective_stem(adjective)}e {single}"


def is_source(words: list[str], ents: _ArticleEntities, lang: str) -> bool:
    """The mention's head is a source noun (``dem Bericht``, ``eigenen Angaben``)."""
    _, sources = countries_and_sources(lang)
    held = lang == "de" and len(words) >= 3 and words[-2].lower() in GENITIVE_DETS | {"der"} and words[-3][:1].isupper()
    return bool(words) and words[-1].strip(",").lower() in sources and not any(
        role_of(w, ents.role_map) for w in words[:-1]) and not held
    # "Die Autoren der Studie": the authors speak, the study is theirs


def possessive(words: list[str], ents: _ArticleEntities) -> bool:
    """Whether a possessive of someone named holds the source ("dessen Angaben", "seinen Angaben"); one of
    the first person ("meiner Prognose", ``reference_words.tsv`` class ``first_person_possessive``) names
    the speaker of the text, no one nearby."""
    first = word_class(ents.lang, "reference_words", "first_person_possessive")
    return any(w.lower() in ents.possessives and w.lower() not in first for w in words[:-1])


_CASE_END = re.compile(r"(?:es|en|s|n)$")


@cache
def _generic(lang: str) -> frozenset[str]:
    """Nouns of time, quantity and address (``generic_nouns.txt``), no holder of a source."""
    return frozenset(wordlist(lang, "generic_nouns")) if (ROOT / lang / "generic_nouns.txt").exists() else frozenset()


def _listed_compound(word: str, sources: frozenset) -> bool:
    """A compound that ``source_nouns.tsv`` lists as a source of its own (Abschlussbericht: it
    ends in another source noun, Bericht)."""
    low = word.lower()
    return low in sources and any(low != n and low.endswith(n) for n in sources)


def earlier_holder(words: list[str], pos: int, ents: _ArticleEntities, lang: str) -> str | None:
    """The holder of a source taken up by a definite article: "der Bericht", "dieser Studie", "des
    Berichts" after "der Umweltschutzbericht 2019" or "eine Studie des Ministeriums" → the
    holder of that latest earlier mention of the same noun (a compound ending in it, or with a
    genitive; ``reference_words.tsv`` class ``definite``), else None ("der Bericht" alone).

    >>> from analysis.speakers import _ArticleEntities
    >>> text = "Eine Studie des Bildungsministeriums liegt vor. Laut der Studie sinkt die Zahl."
    >>> earlier_holder(["der", "Studie"], text.rindex("der"), _ArticleEntities(text, "de"), "de")
    'Bildungsministerium'
    """
    words = [w.strip(",") for w in words]
    bare = len(words) == 1 and _listed_compound(words[0], ents.sources)  # "Abschlussbericht" alone: the one named before
    if not bare and (len(words) < 2 or words[-2].lower() not in ents.definite or not source_head(words[-1], ents.sources)):
        return None
    noun = words[-1].lower()
    stem = noun if noun in ents.sources and not _CASE_END.search(noun) else _CASE_END.sub("", noun)
    text = ents.text
    found = list(re.finditer(rf"(?i)(?<![\w-])[\w-]*{re.escape(stem)}\w*", text[:max(0, pos)]))
    for m in reversed(found):
        after = text[m.end():m.end() + 160].split()[:10]
        held = source_holder([m.group()], ents, lang) or source_holder([m.group(), *after], ents, lang)
        if held and not source_head(held.split()[-1], ents.sources) and held[:1].isupper() \
                and held.split()[-1] not in _generic(lang):  # "der Bericht der Woche": a time holds nothing
            return held
    return None
