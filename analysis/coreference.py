"""Pronoun antecedents by salience: the subject of a recent sentence before the previous speaker.

A German pronoun subject ("Er sagte", "räumte er ein") most often takes up the subject of the
sentences just before it, not the speaker of the previous quotation when another person has
been introduced since: "Wieland sagte … Auch die Sprecherin der FDP, Gisela Piltz, schloss sich
der Kritik an … Sie warf der Regierung vor" (Sie → Gisela Piltz), "Der Präsidentschaftskandidat,
Morgan Tsvangirai, analysierte die Lage … unter Robert Mugabe … bezeichnete er" (er → Tsvangirai,
the subject, not the later Mugabe of a prepositional phrase).

:func:`subject_antecedent` looks at the sentences between the previous speaker's mention and the
sentence of the pronoun, latest first, and takes the first name of a sentence when it stands in
the sentence's opening words (the German pre-field, or right after the finite verb) outside
quotation marks; a one-word name ("Li", "Balkenende") counts when it is a word of a name the
article has already introduced, and becomes that full name.
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.actor_names import kind_of
from analysis.pronoun_agreement import first_name_genders, noun_gender
from analysis.resources import ROOT, table
from analysis.segment import lemmatize
from analysis.speaker_names import describes, role_of

_SENTENCE_END = re.compile(r"(?<=[.!?…“”\"])\s+(?=[„\"A-ZÄÖÜ])|\n+|(?<=[a-zäöüß][.!?])(?=[A-ZÄÖÜ])")
_WORD = re.compile(r"\S+")
_QUOTE_OPEN = ("„", "\"", "«", "»", "“")
OPENING_WORDS = 8  # how far into a sentence its subject is looked for
MAX_SENTENCES = 3  # how many sentences back
WINDOW = 600  # characters before a pronoun read for the sentence before it


def sentence_starts(text: str, start: int, end: int) -> list[int]:
    """Offsets where the sentences of ``text[start:end]`` begin (``start`` first).

    >>> sentence_starts("Er kam. Sie ging.", 0, 17)
    [0, 8]
    """
    months = _months()
    return [start] + [m.end() for m in _SENTENCE_END.finditer(text, start, end + 1) if m.end() <= end and not (
        text[m.start() - 2:m.start() - 1].isdigit() and text[m.end():m.end() + 12].split(" ", 1)[0].lower() in months)]


@lru_cache(maxsize=1)
def _months() -> frozenset[str]:
    """Month names (German, English): "am 5. August" ends no sentence."""
    return frozenset(w for lang in ("de", "en") if (ROOT / lang / "months.tsv").exists()
                     for w in table(lang, "months")["name"].str.lower())


def _known_name(word: str, ents, speakers: list[str]) -> str | None:
    """The earlier speaker whose name holds ``word``, else the article's fullest name for it when
    that name is also written inside a sentence (a capitalised sentence opening such as "Oberste
    Priorität" is no name)."""
    for name in reversed(speakers):
        if word in name.split():
            return name
    name = ents.full_name(word)
    at = ents.text.find(name)
    while at >= 0:
        lead = ents.text[:at].rstrip()
        if lead and lead[-1] not in ".!?:\n„“\"":
            return name
        at = ents.text.find(name, at + 1)
    return None


def _opening_name(text: str, start: int, end: int, ents, before: int, speakers: list[str]) -> str | None:
    """The name among the opening words of the sentence ``text[start:end]``, else None."""
    words = ents.name_words_before(before)
    prev = ""
    toks = [m.group() for m in _WORD.finditer(text, start, end)][:OPENING_WORDS + 1]
    for k, tok in enumerate(toks[:OPENING_WORDS]):
        if tok.startswith(_QUOTE_OPEN):
            break  # a quotation: names inside it are what is said, not who speaks
        bare = tok.strip(",.;:!?()[]")
        if bare.endswith("s") and bare[:-1] in words and bare not in words:
            continue  # a genitive ("Putins Sprecher"): the name is no subject
        if bare in words and prev not in ents.dets and prev not in ents.preps - ents.particles and prev != "-noun-":
            return _known_name(bare, ents, speakers)  # not after a preposition: "Die Entwicklung im Iran verglich Merkel"
        if prev == "-noun-" and describes(toks[k - 1], ents) and (apposed := _apposed_full_name(toks, k, words)):
            return ents.full_name(apposed)  # "Der Italiener Nicola Zingaretti gehört": the apposition
        # "die Einwohner Hongkongs": a noun after an article, and its genitive, name no subject
        prev = "-noun-" if bare in words or (bare[:1].isupper() and prev in ents.dets) else tok.lower()
        if tok.endswith(","):
            prev = ","  # an apposition begins: "der MDC, Morgan Tsvangirai"
    return None


def _apposed_full_name(toks: list[str], k: int, words: frozenset[str]) -> str | None:
    """The name of two words or more that ``toks[k]`` opens after an article and a describing noun,
    the noun's apposition ("Der Italiener Nicola Zingaretti"); None for one name word or a
    genitive ("die Einwohner Hongkongs", "der Sprecher Angela Merkels")."""
    run = []
    for tok in toks[k:]:
        bare = tok.strip(",.;:!?()[]")
        if bare not in words or tok.startswith(_QUOTE_OPEN):
            break
        run.append(bare)
        if tok != bare:
            break
    return " ".join(run) if len(run) >= 2 else None


def subject_antecedent(ents, before: int, after: int, agrees, speakers: list[str] = ()) -> str | None:
    """The subject name of a sentence between ``after`` (the previous speaker's mention, or -1)
    and the sentence holding ``before`` that ``agrees(name)`` accepts; latest sentence first.
    ``speakers``: the names of the earlier speakers, preferred for a word they contain."""
    text = ents.text
    lo = max(0, after + 1)
    if before <= lo:
        return None
    para = text.rfind("\n\n", 0, before)
    starts = sentence_starts(text, max(lo, 0), before)
    if len(starts) < 2:
        return None
    bounds = list(zip(starts[:-1], starts[1:]))[::-1][:MAX_SENTENCES]
    for a, b in bounds:
        if a <= lo and after >= 0:
            break  # the previous speaker's own sentence: its subject is that speaker
        if para >= 0 and b <= para and a < para - 1 and after < 0:
            break
        name = _opening_name(text, a, b, ents, before, speakers)
        if name and agrees(name):
            return name
    return None


@lru_cache(maxsize=4)
def _konjunktiv_forms(lang: str) -> frozenset[str]:
    """The listed Konjunktiv forms of ``lang`` (``konjunktiv.tsv``; none for a language without it)."""
    return frozenset(table(lang, "konjunktiv")["form"].str.lower()) if (ROOT / lang / "konjunktiv.tsv").exists() \
        else frozenset()


def _konjunktiv(word: str, lang: str) -> bool:
    """A Konjunktiv form: listed, or a verb's stem and -e ("gebe" of "geben"; not "zeigte")."""
    low = word.lower()
    lemma = lemmatize(low, lang)
    return low in _konjunktiv_forms(lang) or (lemma.endswith("en") and low == lemma[:-2] + "e")


def opening_person(ents, start: int) -> str | None:
    """The person whose full name (two words or more, after role nouns only) opens the text at
    ``start`` as the subject of an indicative verb: "Bundesaußenminister Siegmar Gabriel zeigte
    sich bestürzt und dass …" → Siegmar Gabriel (its first word a first name of ``first_names.tsv``,
    or the name written inside a sentence); None before a Konjunktiv ("Karl Roth habe …": what is said), an article or a preposition, or
    without such a name.

    >>> from analysis.speakers import _ArticleEntities
    >>> t = "Er sprach. Minister Karl Roth zeigte sich bestürzt und dass es schlimm sei. Karl Roth habe gelacht."
    >>> e = _ArticleEntities(t, "de")
    >>> opening_person(e, 11), opening_person(e, t.index("Karl Roth habe"))
    ('Karl Roth', None)
    """
    text = ents.text
    given = first_name_genders(ents.lang)
    name = next((n for p, n in ents.names if start <= p < start + 60 and " " in n and all(
        role_of(w, ents.role_map) for w in text[start:p].split())), None)
    if name is None or not text.startswith(name, at := text.find(name, start)) or text[at + len(name):][:1] != " ":
        return None
    first = name.split()[0]
    if first not in given and (_known_name(name.split()[-1], ents, []) is None or (
            first.endswith("s") and first[:-1] in ents.name_words_before(len(text)))):
        return None  # "Kleine Stücke des Objektes" opens sentences only; "McCains Kampagne" is a genitive
    verb = text[at + len(name):at + len(name) + 40].split()[:1]
    if not verb or not verb[0].isalpha() or not verb[0].islower() or verb[0] in ents.dets | ents.preps or _konjunktiv(
            verb[0], ents.lang):
        return None  # "Karl Roth habe …" is said; "Karl Roths vom …", "Kleine Stücke des …" name no subject here
    return name


def subject_beside_source(ents, source: int, agrees, speakers: list[str] = ()) -> str | None:
    """The person opening the sentence of a previous speaker at ``source`` that is no person (a
    medium, an organisation: "Zudem hob Sarkozy dem „Figaro“ zufolge … hervor. Er sagte" → Sarkozy, the
    subject, not the source); None when the previous speaker is a person or no agreeing person
    opens that sentence."""
    text = ents.text
    a = max(text.rfind(". ", 0, source), text.rfind("\n", 0, source)) + 1
    b = min((i for i in (text.find(". ", source), text.find("\n", source)) if i >= 0), default=len(text))
    name = _opening_name(text, a, b, ents, b, list(speakers))
    return name if name and kind_of(name, ents.lang) == "person" and agrees(name) else None


CHAIN_SENTENCES = 8  # how many sentences back a chain of pronoun subjects is followed


def chain_subject(ents, before: int, pronoun: str, agrees) -> str | None:
    """The first speaker of an article that a German pronoun refers to: the subject name of the
    latest earlier sentence, passing over sentences whose subject is the same pronoun (a chain:
    "2001 gewann Anna Keller das Rennen. … wurde sie Trainerin. Sie war es, die … Nach einem Lauf
    mit ihren Kolleginnen Eva Roth und Petra Lang meldete sie sich" → Anna Keller, not the nearer
    Petra Lang of a prepositional phrase); None when no sentence names one."""
    text = ents.text
    starts = sentence_starts(text, max(0, before - 3000), before)
    bounds = list(zip(starts[:-1], starts[1:]))[::-1][:CHAIN_SENTENCES]
    for a, b in bounds:
        opening = [w.strip(",.;:!?()").lower() for w in _WORD.findall(text, a, b)][:OPENING_WORDS]
        name = _opening_name(text, a, b, ents, before, [])
        if pronoun in opening and (name is None or opening.index(pronoun) < opening.index(name.split()[0].lower())
                                   if name and name.split()[0].lower() in opening else True):
            continue  # "Er war es, der …": the same pronoun is the subject, the chain goes on
        if name and agrees(name):
            return name
    return None


def colon_subject(ents, before: int, agrees) -> str | None:
    """The speaker a pronoun after a direct quotation takes when the quotation was introduced by a
    colon in the same sentence: "Besorgt äußerte sich die Vorsitzende des Vereins, Maria Berger:
    „Wir fürchten um die Strände“, sagte sie" → Maria Berger. The clause before the colon names
    the speaker by a role apposition or a name with a known first name (an organisation's name in
    it is no person); None otherwise."""
    text = ents.text
    close = max(text.rfind(c, max(0, before - 30), before) for c in "“\"")
    if close < 0 or any(c in text[close + 1:before] for c in ".!?:„"):
        return None
    opening = text.rfind("„", max(0, close - 1500), close)
    if opening < 0 or not text[:opening].rstrip().endswith(":"):
        return None
    colon = text[:opening].rstrip()
    start = sentence_starts(text, max(0, opening - WINDOW), len(colon))[-1]
    roles = [r[3] for r in ents.roles if start <= r[0] < len(colon) and r[3]]
    given = first_name_genders(ents.lang)
    names = [n for p, n in ents.names if start <= p < len(colon) and n.split()[0] in given]
    return next((n for n in roles + names if agrees(n)), None)


def role_antecedent(ents, before: int, agrees) -> str | None:
    """The role noun of the sentence right before the one holding ``before`` that ``agrees(noun)``
    accepts, after an article or adjective and with no name after it: "Die Offensive wurde von
    einer Armeesprecherin bestätigt. Sie sagte …" → "Armeesprecherin"; the last such noun, else None."""
    text = ents.text
    starts = sentence_starts(text, max(0, before - WINDOW, text.rfind("\n\n", max(0, before - WINDOW), before)), before)
    if len(starts) < 2:
        return None
    words = [w.strip(",.;:!?()") for w in _WORD.findall(text, starts[-2], starts[-1])]
    found = None
    for k in range(1, len(words)):
        w, prev = words[k], words[k - 1]
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if w[:1].isupper() and prev[:1].islower() and not nxt[:1].isupper() and role_of(w, ents.role_map) and agrees(w):
            found = w
    return found


@lru_cache(maxsize=256)
def _compound_pattern(noun: str) -> re.Pattern:
    return re.compile(rf"\b[A-ZÄÖÜ][\w-]*?(?i:{re.escape(noun)})(?:e?s)?\b")


def organisation_compound(text: str, noun: str, before: int) -> tuple[int, str] | None:
    """The offset and base form (no genitive -s) of the last compound before ``before`` that ends in
    the organisation noun ``noun`` ("das Ministerium" → "Fischereiministerium", from "Das
    isländische Fischereiministerium legte fest"), or None."""
    found = None
    low = noun.lower()
    for m in _compound_pattern(noun).finditer(text, 0, before):
        word = m.group()
        base = word if word.lower().endswith(low) else word[:len(word) - (2 if word.lower().endswith(low + "es") else 1)]
        if base.lower() != low and "-" not in base:
            found = (m.start(), base)
    return found


def described_organisation(ents, start: int, previous: list[tuple[int, str]]) -> str | None:
    """The organisation that a compound at ``start`` describes when an article (der, die, das)
    stands right before it: the latest earlier speaker mentioned in the compound's sentence or
    the one before, named without a role noun and not a person ("Ärzte ohne Grenzen teilte mit,
    drei Flugzeuge der Hilfsorganisation seien gelandet" → Ärzte ohne Grenzen). None otherwise
    ("Das Fischereiministerium legte fest": no organisation spoke before; "Die Polizei teilte
    mit, das Innenministerium prüfe": Polizei is a role noun, the compound stays)."""
    head = ents.text[max(0, start - 12):start].split()
    if not head or head[-1].lower() not in ents.definite:
        return None
    sentences = sentence_starts(ents.text, max(0, start - 600), start)
    since = sentences[-2] if len(sentences) >= 2 else sentences[0]
    for pos, name in reversed(previous):
        if pos >= start:
            continue
        if pos < since:
            return None
        parts = name.split()
        if name[:1].isupper() and kind_of(name, ents.lang) != "person" and parts[0] not in first_name_genders(
                ents.lang) and not any(role_of(w, ents.role_map) for w in parts):
            return name
    return None


_NAME_AND_COMMA = re.compile(r"([A-ZÄÖÜ][\w.-]*(?: [A-ZÄÖÜ][\w.-]*)+), $")


def name_before_apposition(ents, pos: int) -> str | None:
    """The person named right before a mention at ``pos`` that follows it after a comma, an
    apposition that introduces no one new ("Stephen Singer, ein Klimaexperte vom WWF erklärte" →
    Stephen Singer): two or more capitalised words, the first a known first name. None otherwise
    ("Der WWF, ein Verband aus der Schweiz": no person)."""
    m = _NAME_AND_COMMA.search(ents.text, max(0, pos - 80), pos)
    if m is None:
        return None
    name = m.group(1)
    return name if name.split()[0] in first_name_genders(ents.lang) and kind_of(name, ents.lang) == "person" else None


def person_words(ents) -> frozenset[str]:
    """Last words of the article's names that stand for a person: introduced with a role
    ("President Biden", "Chief Executive Marc Bitzer") or a title of address ("Mr. John Smith").
    A gendered English pronoun (he, she) takes such a name before any other capitalised phrase
    ("Strategic Planning", "Consumer Price Index" are no one).

    >>> from analysis.speakers import _ArticleEntities
    >>> sorted(person_words(_ArticleEntities("President Biden spoke. Mr. John Smith and Strategic Planning.", "en")))
    ['Biden', 'Smith']
    """
    titles = {w.lower().rstrip(".") for w in _titles(ents.lang)}
    found = {r[3].split()[-1] for r in ents.roles if r[3]}
    for pos, name in ents.names:
        words = name.split()
        before = ents.text[max(0, pos - 40):pos].split()[-1:]
        lead = [w.strip(".,;:").lower() for w in words[:-1] + before]
        if any(w in titles or role_of(w, ents.role_map) for w in lead):
            found.add(words[-1])
    return frozenset(found)


_ROLE_MENTION = re.compile(r"\b[Tt]he[ \xa0]+([A-Za-z]+)(?:[ \xa0]+([A-Za-z]+))?")  # the President, the former president


def person_antecedent(ents, before: int, speakers: list[tuple[int, str]], agrees=lambda name: True) -> str | None:
    """The person an English he or she at ``before`` refers to: the latest of an earlier speaker's
    mention, a name introduced as a person (:func:`person_words`) and a role mention ("the
    president has said … he" → the President the article names). In a briefing "he" is mostly
    the President, mentioned as "the president" since the last named person.

    >>> from analysis.speakers import _ArticleEntities
    >>> text = "President Trump met Senator Tom Cotton. Later the president said he was sure."
    >>> person_antecedent(_ArticleEntities(text, "en"), text.index("he was"), [])
    'Trump'
    """
    cands = [(p, n) for p, n in speakers if p < before]
    cands += [(p, n) for p, n in ents.names if p < before and n.split()[-1] in ents.persons]
    for m in _ROLE_MENTION.finditer(ents.text, max(0, max((p for p, _ in cands), default=0)), before):
        noun = next((w for w in (m[1], m[2]) if w and role_of(w, ents.role_map)), None)
        if noun and (name := ents.by_role(["the", m[1], noun] if noun == m[2] else ["the", noun], m.start())):
            cands.append((m.start(), name))
    cands = [(p, n) for p, n in cands if agrees(n)]
    return max(cands)[1] if cands else None


@lru_cache(maxsize=8)
def _titles(lang: str) -> tuple[str, ...]:
    parts = table(lang if (ROOT / lang / "name_parts.tsv").exists() else "de", "name_parts")
    return tuple(parts.loc[parts["part"] == "title", "word"])


def person_of_role(words: list[str], before: int, ents, previous: list[tuple[int, str]]) -> str | None:
    """The person a definite role noun takes up when no one was introduced with that role ("Angela
    Merkel (CDU) … Die Kanzlerin sagte" → Angela Merkel): the latest earlier speaker, else the
    nearest earlier person's name, that the role noun's gender allows (Kanzlerin: not Olaf
    Scholz); only for the offices of ``office_groups.txt`` (not der Richter, die Polizei), not
    for a role followed by a genitive (der Chef der Behörde) or without a definite article."""
    nouns = [(k, w) for k, w in enumerate(words) if w[:1].isupper() and role_of(w, ents.role_map)]
    if not nouns or not any(w.lower() in ents.definite for w in words[:nouns[0][0]]):
        return None
    k, noun = nouns[0]
    if k + 1 < len(words) or (role_of(noun, ents.role_map) or ("",))[0] not in _office_groups(ents.lang):
        return None  # "der Chef der Behörde"; "der Richter" is as often someone unnamed
    gender = noun_gender(ents, noun)
    pronoun = next((p for p, (g, n) in ents.pronoun_forms.items() if g == gender and "sg" in n and p.islower()), None)
    if gender not in ("m", "f") or pronoun is None:
        return None

    given = first_name_genders(ents.lang)

    def person(name: str) -> bool:  # a name with a known first name ("Aufsehen von Passanten" is none)
        parts = name.split()
        return len(parts) >= 2 and parts[0] in given and ents.agrees(pronoun, name, "sg") and kind_of(
            name, ents.lang) == "person"

    for _, name in reversed(previous):
        if person(name):
            return name
    cands = [(p, n) for p, n in ents.names if p < before and person(n)]
    return max(cands)[1] if cands else None


@lru_cache(maxsize=8)
def _office_groups(lang: str) -> frozenset[str]:
    """Role groups whose holders an article names (``office_groups.txt``; German's by default)."""
    from analysis.resources import wordlist

    return wordlist(lang if (ROOT / lang / "office_groups.txt").exists() else "de", "office_groups")


def demonstrative_noun(ents, before: int, gender: str) -> tuple[int, str, bool, list[str]] | None:
    """The last role noun with no name after it in the sentence before ``before`` or in its own
    sentence up to it, whose role has the demonstrative's ``gender``: (position, the noun in its
    own form, whether an indefinite article stands before it, the noun with the genitive after
    it). A demonstrative takes up the newest fitting noun, not the subject: "Anlass war die
    Anzeige eines Privatdetektivs. Dieser behauptete …" → (…, "Privatdetektiv", True, […])."""
    text = ents.text
    starts = sentence_starts(text, max(0, before - WINDOW, text.rfind("\n\n", max(0, before - WINDOW), before)), before)
    words = list(_WORD.finditer(text, starts[-2] if len(starts) > 1 else starts[-1], before))
    found = None
    for k in range(1, len(words)):
        w, prev = words[k].group().strip(",.;:!?()"), words[k - 1].group()
        nxt = words[k + 1].group() if k + 1 < len(words) else ""
        after_article = prev[:1].islower() or prev.lower() in ents.dets | ents.indefinite
        if not (w[:1].isupper() and after_article and not nxt[:1].isupper()) or role_of(w, ents.role_map) is None:
            continue  # "eines Privatdetektivs", "Ein Sprecher der Polizei", not "der Landrat Peter Müller"
        own = lemmatize(w, ents.lang)
        low = own.lower()
        noun_gender = next((ents.role_genders[low[i:]] for i in range(len(low) - 3) if low[i:] in ents.role_genders), None)
        if noun_gender == gender:
            phrase = [own] + [x.group() for x in words[k + 1:k + 3]]
            found = (words[k].start(), own, prev.lower() in ents.indefinite, phrase)
    return found



ORGANISATION_REACH = 400  # characters back to the quotation whose speaker a definite organisation noun takes up


def organisation_of_role(words: list[str], before: int, ents, previous: list[tuple[int, str]]) -> str | None:
    """The organisation a definite generic noun of an organisation or medium alone takes up
    (``reference_words.tsv`` class ``organisation_noun``: "Auch Vertreter von Amnesty International
    verurteilten … Die Organisation verlangte" → Amnesty International; "… so der britische
    Fernsehsender" after the British Broadcasting Corporation): the latest earlier speaker, quoted
    within ``ORGANISATION_REACH`` characters, if it is no person (no known first name) and no role
    noun, and of the noun's kind (:func:`kind_of`: an organisation, a medium) or several
    capitalised words of no kind; else None ("Die Organisation" after Angela Merkel or after the
    newspaper Haaretz; "eine Organisation": someone new; "Die Staatsanwaltschaft" names itself).

    >>> from analysis.speakers import _ArticleEntities
    >>> text = "Vertreter von Amnesty International verurteilten das. Die Organisation verlangte mehr."
    >>> organisation_of_role(["Die", "Organisation"], text.index("Die"), _ArticleEntities(text, "de"),
    ...                      [(0, "Amnesty International")])
    'Amnesty International'
    """
    if len(words) < 2 or words[0].lower() not in ents.definite or any(w[:1].isupper() for w in words[1:-1]):
        return None  # "Die Demokratische Partei": a name
    noun = words[-1].lower()
    if noun not in ents.organisation_nouns and noun.removesuffix("s") not in ents.organisation_nouns:
        return None
    earlier = [(p, n) for p, n in previous if p < before]
    if not earlier or before - earlier[-1][0] > ORGANISATION_REACH:
        return None
    name = earlier[-1][1]
    parts = name.split()
    if parts[0] in first_name_genders(ents.lang) or any(role_of(w, ents.role_map) for w in parts) or not all(
            w[:1].isupper() or w in ents.preps for w in parts):
        return None
    kind = kind_of(name, ents.lang)  # "Die Organisation" after "Haaretz", a newspaper: none
    same = kind == kind_of(words[-1], ents.lang) and kind in ("organisation", "media")
    return name if same or kind == "person" and len(parts) > 1 else None
