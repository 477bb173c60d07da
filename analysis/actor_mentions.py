"""Actor mentions in a sentence: states, capitals, organisations and the actors of an actors table.

Relations (:mod:`analysis.relations`) need to know who is named where. A mention is found by
three rules, longest first, never overlapping:

1. **places** (``resources/<lang>/places.tsv`` and the countries of ``nationalities.tsv``): a
   country, capital, government seat or organisation stands for its state or organisation
   ("Washington" → USA, "der Kreml" → Russland, "Pjöngjang" → Nordkorea); a German genitive
   ``-s`` is accepted ("Russlands"); the first part of a hyphenated word too when the rest is a
   role noun ("US-Präsident" → USA).
2. **actors** (an actors table from :func:`analysis.actors.build_actors`, or any table with
   ``name`` and optionally ``actor_id`` and ``aliases``): a name, an alias, or one word of a
   person's name that no other actor shares ("Putin", "Kims" → Wladimir Putin, Kim Jong Un).
3. **nationality + role**: a nationality adjective before a role noun (``role_nouns.tsv``) or an
   actor head noun (``actor_heads.txt``): "der russische Präsident", "the North Korean
   government" → the country. A person named right after it ("der russische Präsident Wladimir
   Putin") is the mention instead.

>>> [(m.text, m.actor) for m in find_mentions("Moskau setzt sich dafür ein, dass die Sanktionen gegen Pjöngjang gelockert werden.", "de")]
[('Moskau', 'Russland'), ('Pjöngjang', 'Nordkorea')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pandas as pd

from analysis.actor_names import actor_id
from analysis.errors import InputError, require_columns
from analysis.resources import ROOT, table, wordlist

ADJECTIVE_ENDINGS = {"de": ("", "e", "en", "er", "es", "em"), "en": ("", "s")}
GENITIVE = {"de": ("s",), "en": ("'s", "’s")}
HEAD_GAP = 1          # words allowed between a nationality adjective and its role noun ("russische Außenminister")


@dataclass(frozen=True)
class Mention:
    """One actor named in a text: character span, the words, the actor, its id, and the rule."""

    start: int
    end: int
    text: str
    actor: str
    actor_id: str
    rule: str          # place, actor, nationality


@dataclass(frozen=True)
class Gazetteer:
    """The place names of one language with the patterns that find them."""

    lang: str
    places: dict                 # name as written -> (actor, kind)
    adjectives: dict             # lower-case adjective -> country
    heads: frozenset             # lower-case role and head nouns
    pattern: re.Pattern


def _pattern(names, lang: str) -> re.Pattern:
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    gen = "|".join(re.escape(g) for g in GENITIVE.get(lang, ()))
    end = r"(?![\w-])"  # "US" in "US-Präsident" is left to the hyphen rule
    return re.compile(rf"(?<![\w-])(?:{alts})(?:{gen})?{end}" if gen else rf"(?<![\w-])(?:{alts}){end}")


@cache
def gazetteer(lang: str) -> Gazetteer:
    """The place gazetteer of ``lang``; :class:`InputError` for a language without ``places.tsv``.

    >>> gazetteer("en").places["Kremlin"]
    ('Russia', 'seat')
    """
    if not (ROOT / lang / "places.tsv").exists():
        have = sorted(p.name for p in ROOT.iterdir() if (p / "places.tsv").exists())
        raise InputError(f"no place gazetteer for language {lang!r} (have: {', '.join(have)})")
    t = table(lang, "places")
    nat = table(lang, "nationalities")
    places = {c: (c, "country") for c in nat["country"]}
    adjectives = {a.lower(): c for a, c in zip(nat["adjective"], nat["country"])}
    for name, actor, kind in zip(t["name"], t["actor"], t["kind"]):
        if kind == "adjective":
            adjectives[name.lower()] = actor
        else:
            places[name] = (actor, kind)
    heads = {r.lower() for r in table(lang, "role_nouns")["role"]} | {w.lower() for w in wordlist(lang, "actor_heads")}
    return Gazetteer(lang, places, adjectives, frozenset(heads), _pattern(places, lang))


@dataclass(frozen=True)
class ActorNames:
    """Names of an actors table: name or alias as written -> (actor name, actor id)."""

    names: dict
    pattern: re.Pattern | None


def actor_names(actors: pd.DataFrame | None, *, lang: str = "de") -> ActorNames:
    """The names to look for from an actors table (``name``; ``actor_id``, ``aliases``, ``kind`` if present).

    A person's single words of at least three letters count too when no other actor shares them.

    >>> a = actor_names(pd.DataFrame({"name": ["Wladimir Putin", "Kim Jong Un"], "kind": ["person", "person"]}))
    >>> a.names["Putin"][0], a.names["Kim"][0]
    ('Wladimir Putin', 'Kim Jong Un')
    """
    if actors is None or len(actors) == 0:
        return ActorNames({}, None)
    if not isinstance(actors, pd.DataFrame):
        raise InputError(f"actors: expected a DataFrame with a 'name' column, got {type(actors).__name__}")
    require_columns(actors, ["name"], table="actors")
    names: dict[str, tuple[str, str]] = {}
    words: dict[str, set] = {}
    for r in actors.to_dict("records"):
        name = r["name"]
        if not isinstance(name, str) or not name.strip():
            continue
        aid = r.get("actor_id") if isinstance(r.get("actor_id"), str) else actor_id(name)
        aliases = r.get("aliases")
        for n in [name, *(aliases if isinstance(aliases, (list, tuple)) else [])]:
            if isinstance(n, str) and n.strip():
                names.setdefault(n.strip(), (name, aid))
        if r.get("kind", "person") == "person":
            for w in name.split():
                if len(w) >= 3 and w[:1].isupper():
                    words.setdefault(w, set()).add((name, aid))
    for w, owners in words.items():
        if len(owners) == 1:
            names.setdefault(w, next(iter(owners)))
    return ActorNames(names, _pattern(names, lang) if names else None)


def _strip_genitive(word: str, known, lang: str) -> str:
    for g in GENITIVE.get(lang, ()):
        if word.endswith(g) and word[: -len(g)] in known:
            return word[: -len(g)]
    return word


def _adjective_country(word: str, gz: Gazetteer) -> str | None:
    low = word.lower()
    for ending in ADJECTIVE_ENDINGS.get(gz.lang, ("",)):
        base = low[: len(low) - len(ending)] if ending else low
        if (not ending or low.endswith(ending)) and base in gz.adjectives:
            return gz.adjectives[base]
    return None


def _is_head(word: str, gz: Gazetteer) -> bool:
    low = word.lower()
    if low in gz.heads or (gz.lang == "en" and low.rstrip("s") in gz.heads):
        return True
    # German compounds and inflection: Außenminister, Präsidenten, Staatschefs
    return gz.lang == "de" and any(low.startswith(h) and len(low) - len(h) <= 2 or low.endswith(h) and len(h) >= 5
                                   for h in gz.heads)


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def find_mentions(text: str, lang: str, *, names: ActorNames | None = None) -> list[Mention]:
    """The actor mentions of ``text``, in text order (see the module's rules)."""
    if not isinstance(text, str) or not text:
        return []
    gz = gazetteer(lang)
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(s, e, actor, aid, rule):
        found.append(Mention(s, e, text[s:e], actor, aid, rule))
        taken.append((s, e))

    for m in gz.pattern.finditer(text):
        actor, _ = gz.places[_strip_genitive(m.group(), gz.places, lang)]
        add(m.start(), m.end(), actor, actor_id(actor), "place")
    if names is not None and names.pattern is not None:
        for m in names.pattern.finditer(text):
            key = _strip_genitive(m.group(), names.names, lang)
            actor, aid = names.names[key]
            if free(m.start(), m.end()):
                add(m.start(), m.end(), actor, aid, "actor")
    words = list(_WORD.finditer(text))
    for k, w in enumerate(words):
        if not free(w.start(), w.end()):
            continue
        word = w.group()
        if "-" in word:  # US-Präsident, US-geführt: the first part names the actor (not in Nato-Gipfel)
            first, rest = word.split("-", 1)
            if first in gz.places and rest and (_is_head(rest, gz) or rest[:1].islower()):  # US-geführt
                actor = gz.places[first][0]
                add(w.start(), w.end(), actor, actor_id(actor), "place")
            continue
        country, k2 = _adjective_country(word, gz), k
        if country is None and k + 1 < len(words) and text[w.end():words[k + 1].start()] == " ":
            country, k2 = _adjective_country(f"{word} {words[k + 1].group()}", gz), k + 1  # North Korean
        if country is None or (lang == "en" and not word[:1].isupper()):
            continue
        k = k2
        for j in range(k + 1, min(len(words), k + 2 + HEAD_GAP)):
            if text[words[j - 1].end():words[j].start()].strip():
                break  # punctuation between them
            if _is_head(words[j].group(), gz):
                if free(w.start(), words[j].end()):
                    add(w.start(), words[j].end(), country, actor_id(country), "nationality")
                break
    found.sort(key=lambda m: m.start)
    return _prefer_persons(found)


def _prefer_persons(found: list[Mention]) -> list[Mention]:
    """A nationality + role mention right before a named actor ("der russische Präsident Wladimir
    Putin") gives way to the named actor."""
    out = []
    for k, m in enumerate(found):
        nxt = found[k + 1] if k + 1 < len(found) else None
        if m.rule == "nationality" and nxt is not None and nxt.rule == "actor" and nxt.start - m.end <= 1:
            continue
        out.append(m)
    return out
