"""Names in an article, for speaker resolution: the inventory of person-like names, canonical
forms (no trailing phrase, no describing noun), role nouns with their compounds and inflected forms,
and the word lists these use (weekdays, noun endings, genders).

>>> trim_tail("Ronny Tong von der Civic Party".split()), trim_tail("Ursula von der Leyen".split(), lang="de")
('Ronny Tong', 'Ursula von der Leyen')
"""
from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from analysis.actor_names import kind_of, kind_terms, resource_lang
from analysis.resources import ROOT, table, word_class, wordlist
from analysis.role_words import office_noun
from analysis.runtime import forgets

if TYPE_CHECKING:
    from analysis.speakers import _ArticleEntities

GENITIVE_DETS = {"des", "eines"}                    # before a noun with the genitive -s/-es
ADJECTIVE_NAME = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:e|er|en|es)$")  # "Erneuerbare", "Deutscher": an adjective opening a name
HYPHEN_ADJECTIVE = re.compile(r"[\wÄÖÜ]+-[a-zäöüß]+$")  # "US-amerikanische", "CDU-nahe": a compound adjective, no name


@cache
@cache
def noun_endings(lang: str, kind: str = "ending") -> tuple[str, ...]:
    """Endings of common nouns that do not begin a person's name, or (``kind="role_ending"``) of
    describing nouns before a full name (``name_exclusions.tsv``)."""
    if not (ROOT / lang / "name_exclusions.tsv").exists():
        return ()
    t = table(lang, "name_exclusions")
    return tuple(t.loc[t["class"] == kind, "text"].str.lower())


@cache
def genders(lang: str) -> tuple[dict, dict, tuple]:
    """Gender and number of each pronoun (``pronouns.tsv``), the gender of each role noun
    (``role_nouns.tsv``) and noun endings with their gender (``noun_genders.tsv``)."""
    lang = lang if (ROOT / lang / "pronouns.tsv").exists() else "de"
    pron = table(lang, "pronouns")
    forms = {f.lower(): (g, n) for f, g, n in zip(pron["form"], pron["gender"], pron["number"])}
    roles = table(lang, "role_nouns")
    genders = {r.lower(): g for r, g in zip(roles["role"], roles["gender"]) if g in ("m", "f", "n")}
    endings: tuple = ()
    if (ROOT / lang / "noun_genders.tsv").exists():
        t = table(lang, "noun_genders")
        endings = tuple(sorted(zip(t["ending"].str.lower(), t["gender"]), key=lambda e: -len(e[0])))
    return forms, genders, endings


@cache
def calendar_words(lang: str) -> frozenset[str]:
    """Month and weekday names (``months.tsv``, ``weekdays.txt``): capitalised, but no names."""
    words: set[str] = set()
    if (ROOT / lang / "months.tsv").exists():
        words |= set(table(lang, "months")["name"].str.lower())
    if (ROOT / lang / "weekdays.txt").exists():
        words |= {w.lower() for w in wordlist(lang, "weekdays")}
    return frozenset(words)


def role_of(word: str, role_map: dict) -> tuple[str, str] | None:
    """(group, country) when ``word`` is a role noun or a compound ending in one (Außenminister)."""
    return _role_cached(word.lower().strip("-"), id(role_map), role_map)


_ROLE_CACHE: dict = {}
forgets(_ROLE_CACHE.clear)


def _role_cached(w: str, key: int, role_map: dict):
    hit = _ROLE_CACHE.get((w, key), 0)
    if hit != 0:
        return hit
    if len(_ROLE_CACHE) > 200_000:
        _ROLE_CACHE.clear()
    _ROLE_CACHE[(w, key)] = found = _role_lookup(w, role_map)
    return found


def _role_lookup(w: str, role_map: dict) -> tuple[str, str] | None:
    """A role noun, a compound ending in one (its last part of four letters or more: VW-Chef,
    Provinzgouverneur) or one of their inflected forms (Präsidenten, Vorsitzenden, officials)."""
    for form in (w, w[:-1] if w.endswith(("n", "s")) else None, w[:-2] if w.endswith("en") else None,
                 w[:-3] if w.endswith("nen") else None):  # Ministerinnen
        if not form:
            continue
        if form in role_map:
            return role_map[form]
        for k in range(1, len(form) - 3):
            tail = form[k:]
            if tail in role_map and len(tail) >= 4:
                return role_map[tail]
    return None


def trim_tail(words: list[str], *, lang: str = "de") -> str:
    """A name without the phrase after it: "Ronny Tong von der Civic Party", "Bernard Aubin von der
    CFTC" → "Ronny Tong", "Bernard Aubin";
    particles of a name stay ("Johann Wolfgang von Goethe", "Ursula von der Leyen"), and so does a
    second name after "und" ("Jan Giesel und David Perteck")."""
    k = next((i for i, w in enumerate(words) if not w[:1].isupper()), len(words))
    rest = words[k:]
    if len(rest) >= 3 and rest[0] in word_class(lang, "function_words", "np_conj") and all(w[:1].isupper() for w in rest[1:]):
        return " ".join(words)  # "Jan Giesel und David Perteck": two speakers
    lead, inner, _ = name_words(lang)
    while rest and rest[0] in lead | inner:
        rest = rest[1:]
    if k >= 2 and k < len(words) and not (len(rest) == 1 and rest[0][:1].isupper() and not rest[0].isupper()):
        return " ".join(words[:k])  # not "Bernard Aubin von der CFTC": an acronym is no name's part
    return " ".join(words)


def trailing_name(words: list[str], lang: str = "de") -> str:
    """The run of two or more capitalised words that ends ``words``, else ''; not the noun of a
    genitive or of an office's field before it ("des Verwaltungsrats Ulrich Müller", "für Energie
    Günther Oettinger").

    >>> trailing_name("für Energie Günther Oettinger".split())
    'Günther Oettinger'
    """
    run = []
    for w in reversed(words):
        if not w[:1].isupper():
            break
        run.insert(0, w)
    k = len(words) - len(run) - 1
    while k > 0 and words[k][:1].islower() and words[k].lower() not in GENITIVE_DETS | {"der"}:
        k -= 1  # "des dänischen Parlaments Lars Holm": adjectives before the genitive noun
    if len(run) == 4 and len(run) < len(words) and words[k].lower() in GENITIVE_DETS | {"der", "von"}:
        run = run[2:]  # "der Region Elsass Adrien Zeller", "von San Francisco Dianne Feinstein": a place, its holder
    elif len(run) > 2 and len(run) < len(words) and words[k].lower() in GENITIVE_DETS | {"der"}:
        run = run[1:]  # "des Verwaltungsrats Ulrich Müller": the genitive noun is no part of the name
    elif len(run) > 2 and len(run) == len(words) - 1 and words[0].lower() in word_class(
            lang, "name_parts", "field_prep", column="part"):
        run = run[1:]  # "für Energie Günther Oettinger"
    return " ".join(run) if len(run) >= 2 and len(run) < len(words) else ""


def drop_description(name: str, ents: _ArticleEntities) -> str:
    """A name without words of address or a describing noun before it ("Lieber Friedrich Merz",
    "Physiker Sebastian Pflugbeil", "Spanier Rafael Nadal"; a company's noun before its name,
    "Fluggesellschaft KLM"; ``name_exclusions.tsv``), or the
    article's known name that ends it (English: "State Marco Rubio" → "Marco Rubio")."""
    words = name.split()
    while len(words) >= 2 and words[0].lower() in ents.salutations:  # "Lieber Friedrich Merz"
        words = words[1:]
    while len(words) >= 3 and all(w[:1].isupper() for w in words[1:3]) and not _keeps_head(words, ents) and (
            describes(words[0], ents) or len(words) >= 4 and _genitive_of(words[0], ents) and describes(words[1], ents)):
        words = words[1:]  # "Physiker Sebastian Pflugbeil", "Rezensenten Paul Sommer", "Brandts Verteidiger Karl Huber"
    if len(words) >= 2 and ents.organisation_endings and words[0].lower().endswith(ents.organisation_endings) and all(
            name_cap(w, ents.lang) for w in words[1:]) and not (len(words) >= 3 and ADJECTIVE_NAME.match(words[1])):
        words = words[1:]  # "Fluggesellschaft KLM", "Sportartikelhersteller Adidas-Salomon": the company's name
    if ents.lang != "en":  # German dev: the rule below takes two right speakers to a shorter name
        return " ".join(words)
    known = next((" ".join(words[k:]) for k in range(1, len(words) - 1) if " ".join(words[k:]) in ents.known), None)
    words = known.split() if known else words  # "State Marco Rubio" (Secretary of …): the article's Marco Rubio
    return " ".join(title_chain_name(words, ents))


def held_full_name(name: str, held: list[str], ents: _ArticleEntities) -> str:
    """The article's full name of ``name`` held with a role (``held``: "President Biden"), but not
    another person's: where the document's title names the holder of that role by the same word
    ("Remarks by President Biden"), a longer name of the text ("the First Lady, Dr. Jill Biden")
    is the holder's only if the text gives it the role too ("President Joe Biden")."""
    full = ents.full_name(name)
    if len(full.split()) == 2 and office_noun(full.split()[:1], name, ents.lang) != name.lower():
        return name  # a role alone ("President") is no other office's ("Vice President")
    nouns = {office_noun(held[:k], w, ents.lang) for k, w in enumerate(held) if role_of(w, ents.role_map)}
    if full != name and (holder := _date_holder(name, full, held, nouns, ents)):
        return holder  # "the President" of a briefing whose question names Hunter Biden: the sitting President
    if full == name or not nouns or not any(t and nm == name and r in nouns for _, _, _, nm, r, t in ents.roles):
        return full
    return full if any(not t and nm == full and r in nouns for _, _, _, nm, r, t in ents.roles) else name


def _date_holder(name: str, full: str, held: list[str], nouns: set[str], ents: _ArticleEntities) -> str | None:
    """The holder of the office of ``held`` on the document's date where ``name`` is that holder's
    surname and the article's longer name ``full`` is another person's of that surname that the
    text never states the office with ("Hunter Biden" of a question, "Dr. Jill Biden"), in the form
    the article gives the holder (same first and last word: "Donald J. Trump"); else None.

    >>> from analysis.speakers import _ArticleEntities
    >>> ents = _ArticleEntities("Q Has the President spoken to Hunter Biden?", "en")
    >>> ents.holders, ents.home = {"president": "Joe Biden"}, "United States"
    >>> _date_holder("Biden", "Hunter Biden", ["The", "President"], {"president"}, ents)
    'Joe Biden'
    """
    from analysis.office_holders import mention_country, sitting_holder  # office_holders reads the gazetteer
    if not ents.holders or any(nm == full and r in nouns for _, _, _, nm, r, _ in ents.roles):
        return None  # no date, or the text states the office with the longer name ("President Joe Biden")
    for k, w in enumerate(held):
        if not role_of(w, ents.role_map):
            continue
        noun = office_noun(held[:k], w, ents.lang)
        holder = sitting_holder(noun, None, ents.holders, ents.lang, country=mention_country(held, k, ents.lang) or ents.home)
        if holder and holder.split()[-1] == name.split()[-1]:
            ends = (holder.split()[0], holder.split()[-1])  # the text's own form of the holder: "Donald J. Trump"
            return next((nm for _, nm in ents.names if nm.strip() and (nm.split()[0], nm.split()[-1]) == ends), holder)
    return None


def title_chain_name(words: list[str], ents: _ArticleEntities) -> list[str]:
    """A person's name without the capitalised words of a title or headline glued before it: the
    name opens with a first name (``first_names.tsv``) after a chain of capitalised words and the
    linkers of an office's name ("National Security Council Coordinator for Strategic Communications
    John Kirby" → "John Kirby"), or a surname alone ends the chain and the article gives its full
    form ("Vice President Harris" → "Kamala Harris" where the article names Kamala Harris), or
    begins one that headline words follow ("Biden Travels" → "Joe Biden"). No
    change when the words open with a first name ("Kevin Thomas"), end in an organisation's head
    ("National Park Service Mary Jackson Center") or the chain holds a word of no title (lower case).

    >>> from analysis.speakers import _ArticleEntities
    >>> title_chain_name("Press Secretary Karine Jean-Pierre".split(), _ArticleEntities("", "en"))
    ['Karine', 'Jean-Pierre']
    """
    from analysis.pronoun_agreement import first_name_genders  # pronoun_agreement imports this module
    given = first_name_genders(ents.lang)
    if len(words) < 2 or not given or words[0] in given:
        return words
    surnames = {nm.split()[-1] for nm in ents.known if nm.split()[0] in given}  # of the article's persons
    # "of", "for", "and", "&" join an office's words ("Office of Management and Budget Director"); "the" does not
    articles = name_words(ents.lang)[2]
    linkers = word_class(ents.lang, "name_heads", "linker") | (word_class(ents.lang, "name_heads", "joiner") - articles)

    def chain(part: list[str], before: bool = True) -> bool:
        return bool(part) and part[0][:1].isupper() and all(w[:1].isupper() or w in linkers for w in part) \
            and not any(w in given or w in surnames for w in part) and (  # "Biden Harris": two persons
                len(part) > 1 or not before or role_of(part[0], ents.role_map) is not None)  # not "Coretta Scott King"
    for k in range(1, len(words) - 1):
        if words[k] in given:
            rest = words[k:]
            named = len(rest) <= 4 and all(name_cap(w, ents.lang) for w in rest) and kind_of(" ".join(rest), ents.lang) == "person"
            return rest if named and chain(words[:k]) else words
    full = ents.full_name(words[-1]).split()
    if len(full) >= 2 and full[0] in given and full[-1] == words[-1] and chain(words[:-1]):
        return full  # "Vice President Harris": the article's Kamala Harris
    full = ents.full_name(words[0]).split()
    if len(full) >= 2 and full[0] in given and full[-1] == words[0] and words[0].isalpha() and kind_of(" ".join(words), ents.lang) == "person" \
            and chain(words[1:], before=False):
        return full  # "Biden Travels": a headline's verb after the article's Joe Biden, not "Biden Harris"
    return words


def _keeps_head(words: list[str], ents: _ArticleEntities) -> bool:
    """An organisation noun that is part of its name ("Bundesverband Erneuerbare Energie":
    ``name_parts.tsv``, part ``name_head``, before an adjective), or a role noun opening an
    organisation's name ("Doctors Without Borders"), no description to drop."""
    heads = word_class(ents.lang, "name_parts", "name_head", column="part")
    return bool(ADJECTIVE_NAME.match(words[1])) and any(words[0].lower().endswith(h) for h in heads) or (
        organisation_phrase(words, ents.lang) is not None)


def organisation_phrase(words: list[str], lang: str) -> str | None:
    """The organisation or medium of ``actor_kinds.tsv`` (a phrase of two words or more) that
    ``words`` begin with, as written; None when they begin with none.

    >>> organisation_phrase("Doctors Without Borders said".split(), "en"), organisation_phrase(["Doctors", "Walensky"], "en")
    ('Doctors Without Borders', None)
    """
    terms = kind_terms(resource_lang(lang))
    low = [w.strip(",").lower() for w in words]
    n = next((n for n in range(min(terms.longest, len(low)), 1, -1)
              if terms.phrases.get(tuple(low[:n])) in ("organisation", "media")), 0)
    return " ".join(w.strip(",") for w in words[:n]) if n else None


def describes(word: str, ents: _ArticleEntities) -> bool:
    """A describing noun before a name: a role noun (Rezensenten, Staatsanwalt), a word with a
    describing ending (``name_exclusions.tsv``: Physiker, Autor), also in the feminine
    (Feministin), or a nationality noun (Italiener)."""
    low = word.lower()
    ends = ents.role_endings + ents.noun_endings
    forms = (low, low[:-1] if low.endswith(("n", "s")) else "", low[:-2] if low.endswith("en") else "")
    if any(f and f.endswith(ends) for f in forms) or role_of(word, ents.role_map) is not None:
        return True
    from analysis.pronoun_agreement import first_name_genders
    return word not in first_name_genders(ents.lang) and any(
        low[:-len(e)].endswith(ents.role_endings) for e in ents.feminine_endings if low.endswith(e)) or any(
        low.endswith(e) and low[:-len(e)] + a in ents.nationalities for e in ents.nationality_nouns
        for a in ents.nationality_adjectives)  # "Feministin" of "Feminist", "Italiener" of "italienisch"


def _genitive_of(word: str, ents: _ArticleEntities) -> bool:
    """A name in the genitive before the noun it holds ("Brandts Verteidiger")."""
    return len(word) > 3 and word.endswith("s") and word[0].isupper() and not describes(word, ents)


_STEM_END = re.compile(r"(?:es|en|em|er|e|s|n)+$")


def _form_key(name: str) -> str:
    return " ".join(_STEM_END.sub("", w.lower()) for w in name.split())


@cache
def _name_forms(lang: str) -> dict[str, str]:
    if not (ROOT / lang / "name_forms.tsv").exists():
        return {}
    return {_form_key(n): n for n in table(lang, "name_forms")["name"]}


def base_form(name: str, lang: str) -> str:
    """The nominative of an institution's name that begins with an adjective (``name_forms.tsv``),
    matched by the stems of its words, else by the gender of its noun (:func:`_nominative`);
    any other name as it is.

    >>> base_form("Roten Kreuzes", "de"), base_form("Vereinten Nationen", "de"), base_form("Roten Armee", "de")
    ('Rotes Kreuz', 'Vereinte Nationen', 'Roten Armee')
    >>> base_form("Statistischen Bundesamt", "de"), base_form("Jürgen Trittin", "de")
    ('Statistisches Bundesamt', 'Jürgen Trittin')
    """
    if " " not in name:
        return name
    return _name_forms(lang).get(_form_key(name)) or _nominative(name, lang)


_NOMINATIVE = {"m": "er", "n": "es", "f": "e"}  # the adjective's strong ending, by the noun's gender


def _nominative(name: str, lang: str) -> str:
    """An institution's name of an inflected adjective and a noun in the nominative, by the gender
    of the noun's ending (``noun_genders.tsv``): "Statistischen Bundesamt" → "Statistisches Bundesamt",
    "Auswärtigen Amte" → "Auswärtiges Amt", "Deutschen Welthungerhilfe" → "Deutsche Welthungerhilfe";
    a first name ("Jürgen Trittin"), a plural or a noun of unknown gender stays."""
    words = name.split()
    adjective, noun = words[0], words[-1]
    endings = noun_endings(lang, "adjective_ending")
    if len(words) != 2 or not endings or not adjective[:1].isupper() or not adjective.lower().endswith(endings):
        return name
    from analysis.pronoun_agreement import first_name_genders

    if adjective in first_name_genders(lang):
        return name
    gender_endings = genders(lang)[2]
    for form in (noun, noun[:-1] if noun.endswith(("e", "s")) else "", noun[:-2] if noun.endswith("es") else ""):
        gender = next((g for e, g in gender_endings if form.lower().endswith(e)), None) if form else None
        if gender in _NOMINATIVE and (form == noun or gender != "f"):  # "Amte", "Bundesamts": m or n only
            return f"{adjective[:-2]}{_NOMINATIVE[gender]} {form}"
    return name


@cache
def name_words(lang: str) -> tuple[frozenset, frozenset, frozenset]:
    """(particles that can begin the rest of a name: von, van, al; particles that are articles too
    and follow another: der, den; articles) from ``name_parts.tsv`` ("Ursula von der Leyen")."""
    lang = lang if (ROOT / lang / "name_parts.tsv").exists() else "de"
    t = table(lang, "name_parts")
    parts = frozenset(t.loc[t["part"] == "particle", "word"].str.lower())
    articles = frozenset(t.loc[t["part"] == "determiner", "word"].str.lower())
    return parts - articles, parts & articles, articles
_WORD = re.compile(r"[^\s,;:!?()\[\]„“”\"«»]+|[,;:!?()\[\]„“”\"«»]")


_APOSTROPHE = re.compile(r"[’']")
_CAPW = r"[^\W\d_a-zß-ÿ][\w\-’'.]*"


@cache
def hyphen_particles(lang: str) -> frozenset[str]:
    """Lower-case articles joined to a name by a hyphen ("el-Masri", "al-Arabija"; ``name_parts.tsv``)."""
    return word_class(lang, "name_parts", "hyphen_particle", column="part")


@cache
def capitalised_word(lang: str, *, dots: bool = True) -> str:
    """A regular expression for a capitalised word, also one after a hyphen particle ("el-Masri");
    with ``dots`` it may hold full stops ("W.", "U.S.")."""
    word = _CAPW if dots else r"[A-ZÄÖÜ][\w\-’']*"
    particles = "|".join(sorted(hyphen_particles(lang)))
    return rf"(?:(?:{particles})-)?{word}" if particles else word


def name_cap(word: str, lang: str) -> bool:
    """Whether ``word`` opens like a name: capitalised, or a hyphen particle before a capital.

    >>> name_cap("el-Masri", "de"), name_cap("Putin", "de"), name_cap("al-", "de"), name_cap("sagte", "de")
    (True, True, False, False)
    """
    if word[:1].isupper():
        return True
    head, _, rest = word.partition("-")
    return bool(rest) and rest[:1].isupper() and head in hyphen_particles(lang)


@cache
def _candidates(lang: str, hyphens: bool = False) -> re.Pattern:
    """Stretches of two or more capitalised words, with the name particles of ``lang`` between;
    with ``hyphens`` a word may open with a hyphen particle ("Karim el-Masri")."""
    lead, inner, _ = name_words(lang)
    cap = capitalised_word(lang) if hyphens else _CAPW
    return re.compile(rf"(?<![\w’'\-]){cap}(?:(?:\s+(?:{'|'.join(sorted(lead | inner))}))*\s+{cap})+")


@cache
def _hyphen_name(lang: str) -> re.Pattern:
    """A hyphen particle before a capital anywhere in a text (the slower pattern is needed then)."""
    particles = "|".join(sorted(hyphen_particles(lang))) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{particles})-[A-ZÄÖÜ]")


def _candidate_words(text: str, lang: str):
    """(position, word) of the words of ``text`` that can form a run: those of each stretch of
    capitalised words after the two words before it (which a run reads), then (-1, ".") to end it."""
    for c in _candidates(lang, _hyphen_name(lang).search(text) is not None).finditer(text):
        for m in [*list(_WORD.finditer(text, max(0, c.start() - 40), c.start()))[-2:],
                  *_WORD.finditer(text, c.start(), c.end())]:
            yield m.start(), m.group()
        yield -1, "."


def trim_fragment(words: list[str], lang: str, keep=lambda word: False) -> list[str]:
    """An English speaker mention without the words around its name that a frame left in it:
    function words and a question label before ("As Jake", "That’s Eric Holder", "Q Jen"), and
    after its last capitalised word, lower-case words and capitalised function words ("Kirby
    earlier today", "Jake said", "Harris Before"), up to a word ``keep`` holds (a role or source noun:
    "Russian sources"). A mention without a capitalised name word ("the spokesman", "The judge")
    or with a possessive ("Trump’s running mate": the mate speaks) stays as it is.

    >>> trim_fragment("As Jake".split(), "en"), trim_fragment("Kirby earlier today".split(), "en")
    (['Jake'], ['Kirby'])
    """
    stop = wordlist("en", "stopwords")
    if lang != "en" or not any(w[:1].isupper() and w.lower() not in stop for w in words) \
            or any(w.endswith(("’s", "'s")) for w in words):
        return words  # "The judge"; "Trump’s running mate" is the mate
    lead = 0
    while lead < len(words) - 1 and (re.split(r"[’']", words[lead])[0].lower() in stop or words[lead] == "Q"):
        lead += 1
    end = len(words)
    while end > lead + 1 and (not words[end - 1][:1].isupper() or words[end - 1].lower() in stop) and not keep(words[end - 1]):
        end -= 1
    kept = words[lead:end]
    return kept if any(w[:1].isupper() and w.lower() not in stop for w in kept) else words


def name_runs(text: str, ents: _ArticleEntities) -> list[tuple[int, str]]:
    """Person-like names of an article with their positions: runs of two to four capitalised words
    (particles inside: "Ursula von der Leyen"), without articles, prepositions, roles, weekdays or
    a common noun first ("Stadt Wladiwostok", "Gesundheit Kim Jong Uns"); "George W. Bush" keeps
    its initial."""
    out: list[tuple[int, str]] = []
    run: list[tuple[int, str]] = []

    genitive = False  # after a common noun: "Gesundheit Kim Jong Uns" holds "Kim Jong Un"
    held = False  # after a role noun and its complement: "Vorsitzende der Selbstverwaltung Istvan Kovacs" holds it
    prev = before = opened_after = ""
    roles = ["", "", ""]  # the last three words, where a role noun
    prev_cap = False
    office = word_class(ents.lang, "function_words", "office_prep")  # "Secretary of Homeland Security …"
    from analysis.pronoun_agreement import first_name_genders

    given = first_name_genders(ents.lang)
    fields = word_class(ents.lang, "name_parts", "field_prep", column="part")  # "Kommissar für Energie"
    suffixes = word_class(ents.lang, "name_parts", "suffix", "part")

    def chained(k: int) -> bool:
        """A particle before another one after a first name ("Ursula von der Leyen", "Rick de la
        Torre"; any capitalised word where the language lists no first names) opens no new name."""
        return run[k + 1][1] in particles and k > 0 and (run[k - 1][1] in given or not given)

    def close():
        while run and run[-1][1] in particles:
            run.pop()
        cut = next((k for k, (_, w) in enumerate(run) if w in lead and len(run) - k > 2
                    and run[k + 1][1] not in inner and not chained(k)), None)
        if cut is not None:  # "Angriffskrieg von Wladimir Putin": a name after a noun and its "von"
            del run[:cut + 1]
        if opened_after in office and len(run) > 2:  # "of Homeland Security Kristi Noem"
            keep = 2 + (run[-2][1].endswith(".") or run[-1][1].lower() in suffixes)
            first = len(run) - keep
            while first > 0 and run[first][1] in particles:
                first -= 1  # "of … Ursula von der Leyen": the particles and the name before them stay
            del run[:first]
        elif (opened_after in fields or held) and len(run) > 2 and run[1][1] in given and run[0][1] not in given:
            del run[0]  # "Kommissar für Energie Günther Oettinger": the field of the office is no name
        elif held and len(run) == 4 and not any(w in particles for _, w in run):
            del run[:2]  # "Präsident der Region Elsass Adrien Zeller": the office's place, then its holder
        if 2 <= len(run) <= 4:
            last = run[-1][1]
            if genitive and not held and last.endswith("s") and not last.endswith("ss") and len(last) > 2:
                run[-1] = (run[-1][0], last[:-1])
            out.append((run[0][0], " ".join(w for _, w in run)))
        run.clear()

    lead, inner, _ = name_words(ents.lang)
    particles = lead | inner
    opening = wordlist("en", "stopwords") | {"q"} if ents.lang == "en" else frozenset()  # "As Jake", "Q Jen"
    shapes = _shape_cache(ents)
    for start, w in _candidate_words(text, ents.lang):
        shape = shapes.get(w) or _word_shape(w, ents, opening, shapes)
        low, cap, plain, noun_word, no_role, opener, word, ends = shape
        noun = not run and cap and (noun_word or prev in GENITIVE_DETS or (
            before in GENITIVE_DETS and not prev_cap and prev.endswith("en")))  # "des russischen Föderationsrates X"
        name_like = plain and not noun and not (opener and not run)
        particle = run and (w in lead or (w in inner and run[-1][1] in lead))
        if name_like or particle:
            if not run:
                opened_after = before if prev in ents.dets else prev  # "of (the) Treasury"
                held = office_complement(roles, prev, before, ents)
            run.append((start, word))
        else:
            close()
            genitive = noun and no_role  # "des Vorsitzenden Thomas Enders": a title keeps the name bare
        if ends:
            close()
        before, prev, prev_cap = prev, low, cap
        roles = [*roles[1:], low if cap and not no_role else ""]
    close()
    return out


def office_complement(roles: list[str], prev: str, before: str, ents: _ArticleEntities) -> bool:
    """Whether a run of capitalised words opens after a role noun and the article or preposition of
    its complement ("Präsident der Region …", "Bürgermeisterin von San Francisco …"), or after a
    role noun, an article and a common noun ("Vorsitzende der Selbstverwaltung Istvan Kovacs"), so
    that it ends with the holder's name in the nominative. ``roles``: the last three words, each
    kept where it is a role noun."""
    if ents.lang != "de":
        return False
    if roles[-2] and prev in ents.dets | ents.preps:
        return True
    return bool(roles[-3]) and before in ents.dets and not roles[-1] and prev[:1].isalpha()


_SHAPES: dict[tuple, dict] = {}
forgets(_SHAPES.clear)


def _shape_cache(ents: _ArticleEntities) -> dict:
    """The word shapes of :func:`_word_shape` for the language and role nouns of ``ents``
    (kept across articles, emptied beyond 200,000 words)."""
    shapes = _SHAPES.setdefault((ents.lang, id(ents.role_map)), {})
    if len(shapes) > 200_000:
        shapes.clear()
    return shapes


def _word_shape(w: str, ents: _ArticleEntities, opening: frozenset, shapes: dict) -> tuple:
    """What :func:`name_runs` reads of a word, whatever its neighbours: (lower case without the
    final dots, capitalised, name-like, a common noun's ending or a salutation, no role noun,
    a word that opens an English mention, the word a run keeps, ends a sentence)."""
    bare = w.rstrip(".")
    low = bare.lower()
    cap = name_cap(bare, ents.lang)
    no_role = not cap or role_of(bare, ents.role_map) is None
    plain = cap and no_role and low not in ents.dets and low not in ents.preps and low not in ents.pronouns \
        and low not in ents.possessives and low not in ents.calendar and low not in ents.complementizers \
        and not HYPHEN_ADJECTIVE.match(bare)  # "Wie Angela Merkel sagte"; "Der US-amerikanische Autor"
    noun_word = cap and (low.endswith(ents.noun_endings) or low in ents.salutations)
    opener = bool(opening) and _APOSTROPHE.split(low)[0] in opening
    ends = w.endswith((".", "!", "?")) and not (len(bare) == 1 and bare.isupper())  # not an initial
    shapes[w] = shape = (low, cap, plain, noun_word, no_role, opener, w if len(bare) == 1 else bare, ends)
    return shape
