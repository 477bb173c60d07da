"""Events stated by a construction rather than by an event word (``resources/<lang>/event_constructions.tsv``).

- **partner** (English): *with* + *the* / *our* + a people (a nationality adjective of
  ``nationalities.tsv``, alone before a function word or with a plural *-s*: "with the Chinese
  about", "with the Israelis"), a nationality + an actor head of ``actor_heads.txt`` or a role of
  ``role_nouns.tsv`` ("with the German government", "with the French president"), or a partner
  noun ("with our allies") names a partner of talks: CONSULT, at the category's weight, so any
  other event of the unit decides. Hard-wrapped transcripts often keep only this part of a sentence ("with the Israelis to see if we can get the number of trucks
  increased"). Not when a topic noun (``topic_nouns.txt``) or a word of rivalry stands in the
  ``BLOCK_WINDOW`` words before *with* ("a war with the Russians", "competition with the Chinese").

>>> construction_spans("We are working with the Israelis on it .".split(), "en")
[('partner', 3, 5)]
>>> construction_spans("It was a war with the Russians .".split(), "en")
[]
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from analysis.resources import ROOT, table, wordlist

BLOCK_WINDOW = 3   # words before the preposition in which a topic noun or a word of rivalry blocks a partner


@dataclass(frozen=True)
class Constructions:
    """The construction words of one language, by construction and role (lower case)."""

    roles: dict[tuple[str, str], frozenset[str]]
    peoples: frozenset[str]
    actor_heads: frozenset[str]
    blockers: frozenset[str]
    function_words: frozenset[str]

    def words(self, construction: str, role: str) -> frozenset[str]:
        return self.roles.get((construction, role), frozenset())


@cache
def constructions_of(lang: str) -> Constructions | None:
    """The constructions of ``lang``, or None when it has no ``event_constructions.tsv``."""
    if not (ROOT / lang / "event_constructions.tsv").exists():
        return None
    t = table(lang, "event_constructions")
    roles: dict[tuple[str, str], set[str]] = {}
    for c, r, w in t[["construction", "role", "word"]].itertuples(index=False):
        roles.setdefault((c, r), set()).add(w.lower())
    has = lambda name, ext: (ROOT / lang / f"{name}.{ext}").exists()  # noqa: E731
    return Constructions(
        roles={k: frozenset(v) for k, v in roles.items()},
        peoples=frozenset(table(lang, "nationalities")["adjective"].str.lower()) if has("nationalities", "tsv") else frozenset(),
        actor_heads=(frozenset(w.lower() for w in wordlist(lang, "actor_heads")) if has("actor_heads", "txt") else frozenset())
        | (frozenset(table(lang, "role_nouns")["role"].str.lower()) if has("role_nouns", "tsv") else frozenset()),
        blockers=frozenset(roles.get(("partner", "blocker"), ())) | (
            frozenset(w.lower() for w in wordlist(lang, "topic_nouns")) if has("topic_nouns", "txt") else frozenset()),
        function_words=wordlist(lang, "stopwords") if has("stopwords", "txt") else frozenset(),
    )


def construction_spans(toks: list[str], lang: str, *, lows: list[str] | None = None) -> list[tuple[str, int, int]]:
    """(construction, first token, last token) of each construction in a token sequence (``lows``:
    its tokens in lower case, when the caller has them).

    >>> construction_spans("talks with the French president .".split(), "en")
    [('partner', 1, 4)]
    """
    cx = constructions_of(lang)
    if cx is None:
        return []
    lows = lows if lows is not None else [t.lower() for t in toks]
    return [("partner", a, b) for a, b in _partners(toks, lows, cx)]


def _partners(toks, lows, cx: Constructions) -> list[tuple[int, int]]:
    """(first, last) token of each partner phrase: with + the/our + a people or a nationality + actor head."""
    out = []
    preps, dets, heads = cx.words("partner", "preposition"), cx.words("partner", "determiner"), cx.words("partner", "head")
    if preps.isdisjoint(lows):
        return out
    for i in (k for k, w in enumerate(lows[:-2]) if w in preps):
        if lows[i + 1] not in dets or any(w in cx.blockers for w in lows[max(0, i - BLOCK_WINDOW):i]):
            continue
        w, nxt = lows[i + 2], lows[i + 3] if i + 3 < len(toks) else ""
        people = toks[i + 2][:1].isupper() and (w in cx.peoples or w.endswith("s") and w[:-1] in cx.peoples)
        if w in heads or people and w not in cx.peoples:    # our allies, the Israelis
            out.append((i, i + 2))
        elif people and (nxt in cx.actor_heads or nxt in heads):   # the German government
            out.append((i, i + 3))
        elif people and (not nxt[:1].isalnum() or nxt in cx.function_words):   # the Chinese about
            out.append((i, i + 2))
    return out

