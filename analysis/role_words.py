"""Role nouns in a text: the words that are a role noun or end in one (Außenminister), before a name.

One search over the reversed lower-case text finds every word end that closes a role noun of
``role_nouns.tsv`` (with -in and a case ending: Präsidentin, des Präsidenten); the speaker
resolution reads the name after each (``der russische Präsident Wladimir Putin``).

>>> text = "Der Präsident Wladimir Putin traf den Außenminister Sergej Lawrow."
>>> [text[a:b] for a, b in find_role_words(text, role_key("de"))]
['Präsident', 'Außenminister']
"""
from __future__ import annotations

import re
from functools import cache

from analysis.resources import ROOT, table, word_class

_NAME_START = re.compile(r"[A-ZÄÖÜ]")


@cache
def _search_stems(roles: tuple) -> tuple:
    """The role nouns to search for: no role that ends in another one (Staatspräsident ends in
    Präsident) and no feminine form whose masculine form is listed (Präsidentin)."""
    keep = []
    for r in roles:
        if r.endswith("in") and r[:-2] in roles:
            continue
        if any(r != o and r.endswith(o) for o in roles):
            continue
        keep.append(r)
    return tuple(keep)


def _trie_pattern(words) -> str:
    """A regular expression matching any of ``words``, factored by common prefixes (fast in ``re``)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie)


_ROLE_ENDING = "(?:ne|se|s|n)?(?:ni)?"  # reversed: -en, -es, -s, -n after the role noun, -in before them


@cache
def _role_pattern(roles: tuple) -> re.Pattern:
    """Matches, in the reversed lower-case text, white space followed by a reversed role noun (with
    -in, and a case ending: des Präsidenten, des Ministers)."""
    stems = [r[::-1] for r in _search_stems(roles)]
    return re.compile(r"[ \t]+" + _ROLE_ENDING + _trie_pattern(stems))


@cache
def _role_suffix_pattern(roles: tuple) -> re.Pattern:
    """Matches, at the start of a reversed lower-case word, a reversed role noun (with -in and a case ending)."""
    return re.compile(_ROLE_ENDING + _trie_pattern([r[::-1] for r in _search_stems(roles)]))


def role_suffixes(words: list[str], lang: str) -> list[int]:
    """For each lower-case word, the length of the role noun it ends in (``außenminister`` → 8,
    ``präsidentin`` → 11), or 0. With the offsets of the tokens that end in one, this gives the
    candidates of :func:`resolve_speakers`'s ``role_words`` without searching the text.
    

    >>> role_suffixes(["außenminister", "präsidentin", "haus"], "de")
    [8, 11, 0]
    """
    match = _role_suffix_pattern(role_key(lang)).match
    return [m.end() if (m := match(w[::-1])) else 0 for w in words]


@cache
def role_key(lang: str) -> tuple:
    """The lower-case role nouns of ``role_nouns.tsv`` (German's for a language without one), sorted.

    >>> "präsident" in role_key("de")
    True
    """
    lang = lang if (ROOT / lang / "role_nouns.tsv").exists() else "de"
    return tuple(sorted({r.lower() for r in table(lang, "role_nouns")["role"]}))


def office_noun(before: list[str], word: str, lang: str) -> str:
    """The office a role noun names, in lower case, with a word before it that makes it another
    office (``reference_words.tsv``, class ``office_modifier``): "Vice President" and "former
    President" are not "President".

    >>> office_noun(["the", "Vice"], "President", "en"), office_noun(["the"], "President", "en")
    ('vice president', 'president')
    """
    modifier = before[-1].lower() if before else ""
    return f"{modifier} {word.lower()}" if modifier in word_class(lang, "reference_words", "office_modifier") \
        else word.lower()


def role_spans(text: str, candidates, roles: tuple) -> list[tuple[int, int]]:
    """The role words of :func:`find_role_words` from candidate ``(start, end)`` offsets of role nouns.

    >>> role_spans("Präsident Wladimir Putin sagte", [(0, 9)], role_key("de"))
    [(0, 9)]
    """
    n = len(text)
    found: dict[int, int] = {}
    match = _role_suffix_pattern(roles).match
    for i, e in candidates:
        m = match(text[i:e].lower()[::-1]) if 0 <= i < e <= n else None
        if m is None or m.end() != e - i:
            continue  # not a role noun of this text
        j = e
        while j < n and text[j] in " \t":
            j += 1
        if j > e and _NAME_START.match(text, j):
            _add_word(text, i, e, found)
    return sorted(found.items())


def inflected_role(word: str, role_map: dict) -> bool:
    """Whether a role word carries a case ending (Präsidenten, Ministers), not the role's own form
    (Präsident, Außenminister).

    >>> inflected_role("Präsidenten", {"präsident": None}), inflected_role("Präsident", {"präsident": None})
    (True, False)
    """
    low = word.lower()
    return not any(low[-k:] in role_map or low[-k - 2:] in role_map and low.endswith("in")
                   for k in range(4, len(low) + 1))


def _add_word(text: str, i: int, e: int, found: dict) -> None:
    """Widen the role noun ``text[i:e]`` to the start of its word (letters, digits, hyphens) and
    keep the longest end per word start in ``found``."""
    st = i
    while st > 0 and (text[st - 1].isalnum() or text[st - 1] == "-"):
        st -= 1
    if found.get(st, 0) < e:
        found[st] = e


def find_role_words(text: str, roles: tuple) -> list[tuple[int, int]]:
    """Sorted (start, end) of words that are a role noun or end in one (Außenminister) and are
    followed by a capitalised word (the name of an apposition: ``Präsident Wladimir Putin``).

    One search over the reversed text finds every word end that closes a role noun and is
    followed by white space (a role noun closes a word when no letter or digit follows it);
    each match is widened to the start of its word (letters, digits, hyphens).

    >>> find_role_words("Der Außenminister Sergej Lawrow sagte", role_key("de"))
    [(4, 17)]
    """
    n = len(text)
    found: dict[int, int] = {}
    low = text.lower()
    if len(low) != n:  # a letter whose lower case is longer (İ): keep the offsets of the text
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for m in _role_pattern(roles).finditer(low[::-1]):
        ms, me = m.span()  # in the reversed text: white space, then the reversed role noun
        if ms == 0 or not _NAME_START.match(text, n - ms):
            continue
        gap = len(m.group()) - len(m.group().lstrip(" \t"))
        _add_word(text, n - me, n - ms - gap, found)
    return sorted(found.items())
