"""What a speaker name says about its actor: a stable id, the kind of actor, a role and an affiliation.

The word lists are language resources (``resources/<lang>/actor_kinds.tsv``, ``name_parts.tsv``,
``parties.tsv``, with ``nationalities.tsv`` and ``role_nouns.tsv``); see ``docs/actors.md``.

>>> actor_kind("Bundesministerium der Finanzen"), actor_kind("Wladimir Putin"), actor_kind("Russland")
('organisation', 'person', 'country')
>>> role_and_party("der CDU-Politiker Friedrich Merz")
('Politiker', 'CDU')
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from analysis.resources import ROOT, table
from analysis.runtime import word_cache

KINDS = ("person", "organisation", "country", "media", "other")
_KIND_ORDER = ("media", "organisation", "country")
_NOT_PERSON_ROLES = {"media", "authority", "organisation", "group"}  # role_nouns.tsv groups of institutions
_EDGE_PUNCT = " \t\n\"'„“”‚‘’«»,;:()[]"
_PARENS = re.compile(r"\s*\(([^()\n]{1,40})\)")


@lru_cache(maxsize=256)
def resource_lang(lang) -> str:
    """``lang`` when it has the actor resources, else ``de`` (the toolkit's first language).

    >>> resource_lang("en"), resource_lang("xx"), resource_lang(None)
    ('en', 'de', 'de')
    """
    return lang if isinstance(lang, str) and (ROOT / lang / "actor_kinds.tsv").exists() else "de"


@dataclass(frozen=True)
class _KindTerms:
    names: dict        # whole name (lower case) -> kind
    phrases: dict      # tuple of lower-case words -> kind
    caps: dict         # a word written in capitals (UN, not Un) -> kind
    ends: tuple        # per kind in _KIND_ORDER: the word endings of that kind
    longest: int       # words in the longest phrase
    titles: frozenset
    particles: frozenset
    determiners: frozenset  # lower case


@cache
def kind_terms(lang: str) -> _KindTerms:
    """The kind words of ``lang`` (``actor_kinds.tsv``, the countries of ``nationalities.tsv``, ``name_parts.tsv``)."""
    t = table(lang, "actor_kinds")
    names, phrases, caps, ends = {}, {}, {}, {k: [] for k in _KIND_ORDER}
    for term, kind, match in zip(t["term"], t["kind"], t["match"]):
        term = term.strip().lower()
        if match == "caps":
            caps.setdefault(term.upper(), kind)
        elif match == "name":
            names.setdefault(term, kind)
        elif match == "end":
            ends[kind].append(term)
        else:
            phrases.setdefault(tuple(term.split()), kind)
    if (ROOT / lang / "nationalities.tsv").exists():
        for country in table(lang, "nationalities")["country"]:
            names.setdefault(country.strip().lower(), "country")
    parts = table(lang, "name_parts")
    titles = frozenset(w for w, p in zip(parts["word"], parts["part"]) if p == "title")
    particles = frozenset(w for w, p in zip(parts["word"], parts["part"]) if p == "particle")
    determiners = frozenset(w.lower() for w, p in zip(parts["word"], parts["part"]) if p == "determiner")
    return _KindTerms(names, phrases, caps, tuple(tuple(ends[k]) for k in _KIND_ORDER),
                      max((len(p) for p in phrases), default=1), titles, particles, determiners)


def _capitalised(word: str) -> bool:
    """A word of a person name: capitalised with a lower-case letter (Putin, O'Neill), or an initial (J.)."""
    return word[:1].isupper() and (any(c.islower() for c in word) or (len(word) == 2 and word[1] == "."))


def looks_like_person(name: str, *, lang: str = "de") -> bool:
    """Two or more capitalised words, any other word a name particle (von, van, al).

    >>> looks_like_person("Ursula von der Leyen"), looks_like_person("Putin"), looks_like_person("CDU CSU")
    (True, False, False)
    """
    particles = kind_terms(resource_lang(lang)).particles
    words = name.split()
    caps = sum(_capitalised(w) for w in words)
    return caps >= 2 and all(_capitalised(w) or w in particles for w in words)


@word_cache(maxsize=100_000)
def kind_of(name: str, lang: str) -> str:
    """:func:`actor_kind`, cached (speaker resolution asks about the same names again)."""
    return actor_kind(name, lang=lang)


def actor_kind(name: str, *, lang: str = "de") -> str:
    """person, organisation, country, media or other, from the words of ``name``.

    Media, then organisations, then countries are looked for (whole name, a word or phrase of it,
    or the end of a word: ``Bundespolizei``); else two or more capitalised words are a person.

    >>> [actor_kind(n) for n in ("Ria", "das russische Fernsehen", "Berliner Polizei", "USA", "Moskau")]
    ['media', 'media', 'organisation', 'country', 'other']
    """
    if not isinstance(name, str) or not name.strip():
        return "other"
    terms = kind_terms(resource_lang(lang))
    words = [w.strip(_EDGE_PUNCT).lower() for w in name.split()]
    words = [w for w in words if w]
    core = list(words)
    while len(core) > 1 and core[0] in terms.determiners:
        core = core[1:]  # "Die Welt" is named like "Welt"
    found = {}
    whole = terms.names.get(" ".join(core))
    if whole:
        found[whole] = True
    for n in range(1, min(terms.longest, len(words)) + 1):
        for i in range(len(words) - n + 1):
            kind = terms.phrases.get(tuple(words[i:i + n]))
            if kind:
                found[kind] = True
    for w in name.split():
        kind = terms.caps.get(w.strip(_EDGE_PUNCT))
        if kind:
            found[kind] = True
    for kind, ends in zip(_KIND_ORDER, terms.ends):
        if any(w.endswith(e) for w in words for e in ends):
            found[kind] = True
    for kind in _KIND_ORDER:
        if kind in found:
            return kind
    return "person" if looks_like_person(name, lang=lang) else "other"


def actor_id(name: str) -> str:
    """A stable id for a canonical name: a readable slug and six hex digits of its SHA-1.

    >>> actor_id("Friedrich Merz")
    'friedrich-merz-30fdba'
    """
    text = unicodedata.normalize("NFKD", name.replace("ß", "ss"))
    slug = re.sub(r"[^a-z0-9]+", "-", "".join(c for c in text if not unicodedata.combining(c)).lower()).strip("-")
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()
    return f"{slug[:40].rstrip('-')}-{digest[:6]}" if slug else f"actor-{digest[:10]}"


def clean_name(name, *, lang: str = "de") -> str | None:
    """A speaker string as a name to compare: white space collapsed, quotation marks and brackets
    trimmed, a leading form of address dropped (``Frau Merkel`` → ``Merkel``), an English
    possessive removed (``Trump's`` → ``Trump``); None when nothing is left.

    >>> clean_name("  Frau  Merkel, "), clean_name("Mr. Smith's", lang="en"), clean_name(None)
    ('Merkel', 'Smith', None)
    """
    if not isinstance(name, str):
        return None
    words = name.strip(_EDGE_PUNCT).split()
    titles = kind_terms(resource_lang(lang)).titles
    while len(words) > 1 and words[0] in titles:
        words = words[1:]
    if words and len(words[-1]) > 3 and words[-1].endswith(("'s", "’s")):
        words[-1] = words[-1][:-2]
    text = " ".join(words).strip(_EDGE_PUNCT)
    return text or None


@cache
def _role_nouns(lang: str) -> tuple[frozenset, frozenset]:
    """Role nouns of persons (lower case) and the long ones that compounds end in (Außenminister)."""
    t = table(lang, "role_nouns")
    roles = frozenset(r.lower() for r, g in zip(t["role"], t["group"]) if g not in _NOT_PERSON_ROLES)
    return roles, frozenset(r for r in roles if len(r) >= 5)


@cache
def _parties(lang: str) -> dict:
    if not (ROOT / lang / "parties.tsv").exists():
        return {}
    t = table(lang, "parties")
    return {f.lower(): p for f, p in zip(t["form"], t["party"])}


def _party(text: str, lang: str) -> str | None:
    """The party that ``text`` starts with: ``CDU``, ``R-Texas`` → Republican, ``SPD-Fraktion`` → SPD."""
    parties = _parties(lang)
    text = text.strip()
    return parties.get(text.lower()) or parties.get(re.split(r"[-–/,\s]", text, maxsplit=1)[0].lower())


def role_word(word: str, *, lang: str = "de") -> tuple[str | None, str | None]:
    """(role, party) of one word: ``Präsident`` → (Präsident, None), ``CDU-Politikerin`` →
    (Politikerin, CDU), ``Außenminister`` → (Außenminister, None); (None, None) for other words.

    >>> role_word("Grünen-Chefin"), role_word("Wladimir")
    (('Chefin', 'Grüne'), (None, None))
    """
    lang = resource_lang(lang)
    word = word.strip(_EDGE_PUNCT)
    if not word or (lang == "de" and not word[:1].isupper()):
        return None, None
    prefix, _, head = word.rpartition("-")
    party = _party(prefix, lang) if prefix else None
    for candidate in (head, word) if prefix else (word,):
        if _is_role(candidate, lang):
            return candidate, party
    return None, party


@word_cache(maxsize=100_000)
def _is_role(word: str, lang: str) -> bool:
    """A role noun, or a compound ending in a long one (Außenminister, Regierungssprecherin)."""
    roles, long_roles = _role_nouns(lang)
    low = word.lower()
    feminine = low[:-2] if lang == "de" and low.endswith("in") else low
    if low in roles or feminine in roles:
        return True
    return any(w[k:] in long_roles for w in {low, feminine} for k in range(1, len(w) - 4))


@word_cache(maxsize=100_000)
def role_and_party(mention, *, lang: str = "de") -> tuple[str | None, str | None]:
    """The role noun and the party stated in a speaker mention, each None when not stated.

    >>> role_and_party("der russische Präsident Wladimir Putin"), role_and_party("Friedrich Merz (CDU)")
    (('Präsident', None), (None, 'CDU'))
    """
    if not isinstance(mention, str):
        return None, None
    role = party = None
    for m in _PARENS.finditer(mention):
        party = party or _party(m.group(1), lang)
    for word in _PARENS.sub(" ", mention).split():
        r, p = role_word(word, lang=lang)
        role, party = role or r, party or p
    return role, party


def text_evidence(text: str, names, *, lang: str = "de") -> list[tuple[str, str | None, str | None]]:
    """(name, role, party) for each occurrence in ``text`` of one of ``names`` that has a role
    noun right before it (``Präsident Wladimir Putin``) or a party in brackets after it.

    >>> text_evidence("Das sagte SPD-Chef Lars Klingbeil. Lars Klingbeil (SPD) lachte.", ["Lars Klingbeil"])
    [('Lars Klingbeil', 'Chef', 'SPD'), ('Lars Klingbeil', None, 'SPD')]
    """
    names = sorted({n for n in names if isinstance(n, str) and n.strip()}, key=len, reverse=True)
    if not isinstance(text, str) or not names:
        return []
    found = []
    for name, start, end in _occurrences(text, names):
        before = text[max(0, start - 60):start].split()
        role, party = role_word(before[-1], lang=lang) if before else (None, None)
        after = _PARENS.match(text, end)
        party = party or (_party(after.group(1), lang) if after else None)
        if role or party:
            found.append((name, role, party))
    return found


def _occurrences(text: str, names: list[str]):
    """(name, start, end) of each whole-word occurrence of ``names`` (longest first) in ``text``."""
    if len(names) > 16:  # one search for all names
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")
        return [(m.group(), m.start(), m.end()) for m in pattern.finditer(text)]
    hits, taken = [], set()
    for name in names:
        i = text.find(name)
        while i >= 0:
            end = i + len(name)
            if (i == 0 or not text[i - 1].isalnum()) and (end == len(text) or not text[end].isalnum()) \
                    and i not in taken:
                hits.append((name, i, end))
                taken.update(range(i, end))
            i = text.find(name, i + 1)
    return sorted(hits, key=lambda h: h[1])


@cache
def given_forms(lang: str) -> dict[str, frozenset[str]]:
    """Given name → the full given names it may be a form of, and a full one itself
    (``given_name_forms.tsv``; {} without one).

    >>> sorted(given_forms("en")["Steve"]), sorted(given_forms("en")["Anthony"])
    (['Stephen', 'Steven'], ['Anthony'])
    """
    if not (ROOT / lang / "given_name_forms.tsv").exists():
        return {}
    t = table(lang, "given_name_forms")
    out: dict[str, set[str]] = defaultdict(set)
    for short, full in zip(t["short"], t["full"]):
        out[short].add(full)
        out[full].add(full)
    return {g: frozenset(v) for g, v in out.items()}

