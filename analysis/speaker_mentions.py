"""The name part of a speaker mention: its head without appositions, brackets and places, a mention
cut short repaired, the role description dropped, and the nouns that name an actor themselves.

Used by :mod:`analysis.speakers`; ``ents`` is the article's entity index there (``_ArticleEntities``).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.actor_names import kind_of
from analysis.resources import word_class
from analysis.speaker_names import (
    ADJECTIVE_NAME,
    GENITIVE_DETS,
    HYPHEN_ADJECTIVE,
    name_cap,
    organisation_phrase,
    role_of,
    trailing_name,
    trim_tail,
)
from analysis.speaker_sources import action_noun, source_head

if TYPE_CHECKING:
    from analysis.speakers import _ArticleEntities as ArticleEntities


def mention_head(mention: str, ents: ArticleEntities) -> str:
    """The part of a speaker mention that names the speaker, without appositions, brackets and
    places: "Dean Baker, co-director of …" → "Dean Baker", "der Chef der Behörde, Frank Weise" →
    "Frank Weise", "Günther Oettinger (CDU)" → "Günther Oettinger", "ein Regierungssprecher in
    Berlin" → "ein Regierungssprecher".

    >>> from analysis.speakers import _ArticleEntities as ArticleEntities
    >>> mention_head("Tony Auden, ein Sprecher des Zentrums", ArticleEntities("", "de"))
    'Tony Auden'
    >>> mention_head("Secretary Robert F. Kennedy, Jr.", ArticleEntities("", "en"))
    'Secretary Robert F. Kennedy Jr.'
    """
    parts = [p.strip() for p in re.sub(r"\s*\([^)]*\)", "", mention).split(",") if p.strip()]
    suffixes = word_class(ents.lang, "name_parts", "suffix", column="part")
    for k in range(len(parts) - 1, 0, -1):
        if parts[k].lower() in suffixes:  # "Robert F. Kennedy, Jr.": a generation after the surname
            parts[k - 1:k + 1] = [f"{parts[k - 1]} {parts[k]}"]
    if not parts:
        return mention
    head = parts[0]
    if len(parts) > 1 and all(w[:1].isupper() for w in parts[1].split()) and len(parts[1].split()) <= 4:
        head = parts[1]  # a role, then the name in apposition
    words = head.split()
    cut = next((k for k, w in enumerate(words) if k and w in ents.head_ends), len(words))
    return " ".join(words[:cut])


_NUMERAL = re.compile(r"\d[\d.,]*$")
_WHOLLY_QUOTED = re.compile(r"„([^„“]+)“")
_NUMBER_ADJECTIVE = re.compile(r"\d+-[a-zäöüß]+$")  # "85-jährige"
_LINKED_WORD = re.compile(r"[ \t]+([a-zäöüß]+)[ \t]+[A-ZÄÖÜ][\w\-]*")
_HOLDER_AFTER = re.compile(r"[ \t]+([a-zäöüß]+)((?:[ \t]+[a-zäöüß]+e[nmrs]?)*(?:[ \t]+[A-ZÄÖÜ][\w\-]*)+)")
_QUOTED_NAME = re.compile(r"[ \t]+„[A-ZÄÖÜ][^„“.!?\n]{0,40}“")
_NAMED_GROUPS = ("media", "organisation")  # role groups of role_nouns.tsv whose noun a quoted name follows
_ADJECTIVES_NOUN = re.compile(r"(?:[ \t]+[a-zäöüß]+e[nmrs]?)*(?:[ \t]+[A-ZÄÖÜ][\w\-]*)+")


def repair_mention(mention: str, pos: int, ents: ArticleEntities) -> str:
    """A mention that a frame cut inside a quoted name goes on to its closing mark ("Die „Initiative"
    → "Die „Initiative für ein Grünes Tal“"); one that runs into a number ends before it ("der
    Abendpost 12 Menschen" → "der Abendpost": the number opens the object); one that ends on an
    adjective after its article goes on to the noun ("Angaben der staatlichen" → "Angaben der
    staatlichen dänischen Nachrichtenagentur Ritzau"); one cut before the preposition of an
    organisation's name goes on to its end ("Ärzte" → "Ärzte ohne Grenzen"); a medium's or
    organisation's noun goes on to the name in quotation marks after it ("Die Wochenzeitung" →
    "Die Wochenzeitung „Die Zeit“"); an action's noun goes on to its agent ("der Auswertung des
    Bodenradars" → "… durch die Ermittler").

    >>> from analysis.speakers import _ArticleEntities as ArticleEntities
    >>> repair_mention("der Abendpost 12 Menschen", 0, ArticleEntities("", "de"))
    'der Abendpost'
    """
    end = pos + len(mention)
    if mention.count("„") > mention.count("“") and ents.text[pos:end] == mention:
        close = ents.text.find("“", end, end + 80)
        if close > 0 and not any(c in ents.text[end:close] for c in ".!?„\n"):
            mention = ents.text[pos:close + 1]
    words = mention.split()
    if words and ents.text[pos:end] == mention and (quoted := _QUOTED_NAME.match(ents.text, end)) and (
            (role_of(words[-1], ents.role_map) or ("", ""))[0] in _NAMED_GROUPS):
        return mention + quoted.group()  # "Die Wochenzeitung" + " „Die Zeit“": the medium's name in apposition
    cut = next((k for k, w in enumerate(words) if k and _NUMERAL.match(w)), None)
    if cut and not any(w.endswith(",") for w in words[cut:]):  # "Präsident Irans zwischen 1997 und 2005, X": X
        return " ".join(words[:cut])
    if words and ents.text[pos:end] == mention and (tail := _LINKED_WORD.match(ents.text, end)) and \
            tail.group(1) in word_class(ents.lang, "name_parts", "link", column="part") and \
            kind_of(words[-1] + tail.group(), ents.lang) == "organisation":
        return mention + tail.group()  # "Ärzte" + " ohne Grenzen": an organisation's name (actor_kinds.tsv)
    if len(words) >= 2 and words[-1][:1].islower() and words[-2].lower() in ents.articles \
            and ents.text[pos:end] == mention and (run := _ADJECTIVES_NOUN.match(ents.text, end)):
        return mention + run.group()  # "Angaben der offiziellen" → "… dänischen Nachrichtenagentur Ritzau"
    if ents.lang == "de" and words and ents.text[pos:end] == mention and source_head(words[-1], ents.sources) \
            and not any(w.lower() in ents.holder_preps or w.lower() in GENITIVE_DETS | {"der"} for w in words[1:]) \
            and (held := _HOLDER_AFTER.match(ents.text, end)) and (
                held.group(1).lower() in ents.holder_preps or held.group(1).lower() in GENITIVE_DETS | {"der", "einer"}):
        return mention + held.group()  # "einer Schätzung" + " von spanischen Händlern": the holder after the noun
    if words and ents.text[pos:end] == mention and action_noun(words, ents) and (
            held := _HOLDER_AFTER.match(ents.text, end)) and held.group(1).lower() in word_class(
                ents.lang, "reference_words", "agent_prep"):
        return mention + held.group()  # "der Auswertung des Bodenradars" + " durch die Ermittler": the agent
    return mention


_QUOTED_AFTER_NOUN = re.compile(r"(?P<noun>[A-ZÄÖÜ][\w\-]*)[ \t]+(?:„|'')(?P<name>[A-ZÄÖÜ][^„“'.!?]*?)(?:“|'')?$")


_PART_OF_QUOTED = re.compile(
    r"(?P<det>\w+)[ \t]+(?:[a-zäöüß][\w\-]*[ \t]+)*(?P<noun>[A-ZÄÖÜ][\w\-]*)[ \t]+(?:des|der)[ \t]+"
    r"„(?P<name>[A-ZÄÖÜ][^„“.!?]*?)“?")


def part_of_quoted_name(mention: str, ents: ArticleEntities) -> str | None:
    """The name in quotation marks in the genitive after an article's noun that is neither a
    source nor a role (rule *part of a quoted name*): the edition, website or desk of a medium
    speaks as the medium ("die Online-Ausgabe des „Spiegel“" → "Spiegel"); None for a source
    ("der Bericht des „Spiegel“": its holder is read elsewhere), a role ("der Chef des „Stern“")
    or a quoted name beside the noun ("Die Initiative „Grünes Tal“").

    >>> from analysis.speakers import _ArticleEntities as ArticleEntities
    >>> part_of_quoted_name("die Online-Ausgabe des „Spiegel“", ArticleEntities("", "de"))
    'Spiegel'
    """
    m = _PART_OF_QUOTED.fullmatch(mention.strip())
    if m is None or m.group("det").lower() not in ents.dets or source_head(m.group("noun"), ents.sources) \
            or role_of(m.group("noun"), ents.role_map) is not None:
        return None
    return m.group("name").strip() or None


def quoted_name(mention: str, ents: ArticleEntities) -> str | None:
    """The name in quotation marks that closes a mention after a medium's or organisation's noun
    (``actor_kinds.tsv``): "die US-amerikanische Musikzeitschrift „Billboard“" → "Billboard", "die
    Tageszeitung ''La Nacion''" → "La Nacion" (also when the mention ends before the closing
    mark); else None ("Die Zeitschrift Stern": no quotation marks; "Das „Departement …“ des
    Ministeriums": the quoted name opens the mention).

    >>> from analysis.speakers import _ArticleEntities as ArticleEntities
    >>> quoted_name("die Wochenzeitung „Die Zeit“", ArticleEntities("", "de"))
    'Die Zeit'
    """
    m = _QUOTED_AFTER_NOUN.search(mention)
    if m is None or kind_of(m.group("noun"), ents.lang) not in _NAMED_GROUPS:
        return None
    return m.group("name").strip() or None


def name_part(mention: str, ents: ArticleEntities) -> tuple[str, bool]:
    """(name, had_role) of a mention: determiners, adjectives and a leading role dropped; a quoted
    name after a medium's noun (:func:`quoted_name`)."""
    if quoted := quoted_name(mention, ents) or part_of_quoted_name(mention, ents):
        return quoted, False
    if whole := _WHOLLY_QUOTED.fullmatch(mention.strip()):
        return whole.group(1), False  # "„heise online“": a name in quotation marks, in lower case too
    words = mention.replace("„", "").replace("“", "").split()
    had_role = False
    k = 0
    while k < len(words) and (words[k].lower() in ents.dets or words[k][:1].islower() or _NUMBER_ADJECTIVE.match(words[k])
                              or HYPHEN_ADJECTIVE.match(words[k])):
        k += 1  # "Der 85-jährige Joseph Ratzinger": article and adjectives
    rest = words[k:]
    k = len(rest) - 1
    while k > 0 and rest[k - 1].lower() in ents.particles | ents.dets:
        k -= 1
    if 2 <= k < len(rest) - 1 and all(x[:1].isupper() for x in rest[:k]) and (
            role_of(rest[-1], ents.role_map) or rest[-1].lower().endswith(ents.noun_endings)):
        name = rest[:k]
        last_role = max((j for j, x in enumerate(name) if role_of(x, ents.role_map)), default=-1)
        if k - last_role - 1 >= 2:
            name = name[last_role + 1:]  # "Verhandlungsführer Hans-Peter Lafos von der Gewerkschaft"
        return " ".join(name), last_role >= 0  # "Mayra Veliz von der Staatsanwaltschaft": her office follows
    if len(rest) == 2 and _object_surname(rest[0], rest[1:], ents):
        return rest[0], False  # "warf die Staatsanwaltschaft Ertel vor": Ertel is the object
    for j, w in enumerate(rest):
        if role_of(w.strip(","), ents.role_map):
            if named := organisation_phrase(rest[j:], ents.lang):
                return named, False  # "Doctors Without Borders": the role noun opens the name
            had_role = True
            tail = rest[j + 1:]
            while len(tail) > 1 and role_of(tail[0].strip(","), ents.role_map):
                tail = tail[1:]  # "Der Vorsitzende Richter Klaus Tolksdorf": a second role noun
            if j == 1 and ADJECTIVE_NAME.match(rest[0]) and role_of(w, ents.role_map)[0] == "organisation" and len(
                    tail) == 1 and tail[0].endswith("s") and name_cap(tail[0], ents.lang):
                return " ".join(rest), False  # "Die Demokratische Partei Thailands": a name with its country's genitive
            if tail and name_cap(tail[0], ents.lang):
                if (own := headed_name(w.strip(","), [t.strip(",") for t in tail], ents)):
                    return own, False  # "Bundesverband Erneuerbare Energie", "die Regierung Bush"
                return trim_tail([t.strip(",") for t in tail], lang=ents.lang), True
            end = trailing_name(tail, ents.lang)  # "Chef des Verwaltungsrats Ulrich Müller"
            run = end.split()
            last_role = max((k for k, x in enumerate(run) if role_of(x, ents.role_map)), default=-1)
            if len(run) - last_role - 1 >= 2:
                end = " ".join(run[last_role + 1:])  # "… und Delmenhorster Bürgermeisterin Swantje Hartmann"
            if end:
                return end, True
    return trim_tail([w.strip(",") for w in rest], lang=ents.lang) if rest else mention.strip(), had_role


def _object_surname(noun: str, tail: list[str], ents: ArticleEntities) -> bool:
    """Whether the one word after an organisation noun is the surname of a person the article
    names in full, so that it is the verb's object and not the organisation's name ("Außerdem
    warf die Staatsanwaltschaft Ertel vor", with "Kurt Ertel" named before; "die Polizei
    Hamburg" and "die Nachrichtenagentur Reuters" keep their name)."""
    if len(tail) != 1 or kind_of(noun, ents.lang) != "organisation":
        return False
    word = tail[0].strip(",")
    return any(len(parts := name.split()) >= 2 and parts[-1] == word and kind_of(name, ents.lang) == "person"
               for _, name in ents.names)


_GENITIVE_PLURAL = re.compile(r"[a-zäöüß]+er$")


def names_itself(words: list[str], ents: ArticleEntities) -> bool:
    """A mention that names its actor without taking up one named before: an organisation noun of
    ``name_parts.tsv`` (part ``name_head``) with a genitive ("der Verband kommunaler Unternehmen",
    "die Gewerkschaft der Polizei"), or a role noun in the plural without an article, after an
    adjective ("Konservative Politiker", "Internationale Wahlbeobachter": a group, not the
    politician named before), or after a quantifier ("der beiden Politiker"; ``reference_words.tsv``).

    >>> from analysis.speakers import _ArticleEntities as ArticleEntities
    >>> ents = ArticleEntities("", "de")
    >>> names_itself("der Verband kommunaler Unternehmen".split(), ents), names_itself("Konservative Politiker".split(), ents)
    (True, True)
    >>> names_itself("der Verband".split(), ents), names_itself("Der Politiker".split(), ents)
    (False, False)
    """
    words = [w.strip(",") for w in words]
    at = next((k for k, w in enumerate(words) if w[:1].isupper() and role_of(w, ents.role_map)), None)
    if at is None:
        return False
    heads = word_class(ents.lang, "name_parts", "name_head", column="part")
    rest = words[at + 1:]
    if any(words[at].lower().endswith(h) for h in heads) and len(rest) >= 2 and rest[-1][:1].isupper() and (
            rest[0].lower() in GENITIVE_DETS | {"der"} or _GENITIVE_PLURAL.match(rest[0])):
        return True
    lead = words[:at]
    if any(w.lower() in word_class(ents.lang, "reference_words", "quantifier") for w in lead):
        return True  # "der beiden Politiker": several
    return ents.lang == "de" and not rest and bool(lead) and lead[-1].lower().endswith("e") and not any(
        w.lower() in ents.dets | ents.possessives | ents.articles for w in lead)


def headed_name(noun: str, tail: list[str], ents: ArticleEntities) -> str | None:
    """The name of an organisation whose head noun is part of it (``name_parts.tsv``, part
    ``name_head``: "Bundesverband Erneuerbare Energie", "Gewerkschaft Deutscher Lokomotivführer",
    an adjective after the noun) or of a government named after its head (part
    ``government_head``: "die Regierung Bush", one name word the article also writes alone);
    None otherwise ("die Nachrichtenagentur Reuters" is Reuters, "Präsident Wladimir Putin" Putin).

    >>> from analysis.speakers import _ArticleEntities as ArticleEntities
    >>> headed_name("Bundesverband", ["Erneuerbare", "Energie"], ArticleEntities("", "de"))
    'Bundesverband Erneuerbare Energie'
    """
    low = noun.lower()
    heads = word_class(ents.lang, "name_parts", "name_head", column="part")
    if any(low.endswith(h) for h in heads) and len(tail) >= 2 and ADJECTIVE_NAME.match(tail[0]) \
            and all(name_cap(t, ents.lang) or t in ents.particles for t in tail):
        return " ".join([noun, *trim_tail(tail, lang=ents.lang).split()])
    governments = word_class(ents.lang, "name_parts", "government_head", column="part")
    if low in governments and len(tail) == 1 and tail[0][:1].isupper() and not tail[0].endswith("s") \
            and kind_of(tail[0], ents.lang) == "other" and re.search(rf"(?<!{noun} ){re.escape(tail[0])}\b", ents.text):
        return f"{noun} {tail[0]}"
    return None
