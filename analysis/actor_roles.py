"""The roles stated with the speaker names of a corpus, and the holder a role names.

What the mentions and the texts state beside a name (``President Biden``, ``Friedrich Merz (CDU)``)
is noted per speaker name, language and the role the name is *held* with: the role noun of the
quotation's mention, or, for a mention that does not name the speaker (a pronoun, a turn label),
the one role its article states with the name. Two uses (rules in ``docs/actors.md``):

* the most stated role and party of each actor (the ``role`` and ``affiliation`` columns);
* a short name that two full names end with (``Biden``: ``Joe Biden``, ``Jill Biden``) is, where it
  is held with a role, the full name the corpus states that role with (``President Joe Biden``):
  :func:`role_holders`. Held with another role, or with none, it stays apart, flagged.

>>> import pandas as pd
>>> q = pd.DataFrame({"article_id": ["a"], "speaker": ["Biden"], "speaker_mention": ["President Biden"]})
>>> held, notes = stated(q, ["Biden"], ["en"], None)
>>> held, notes
(['president'], [(('Biden', 'en', 'president'), 'role', 'President', (0, 0))])
"""
from __future__ import annotations

from collections import defaultdict

import pandas as pd

from analysis.actor_names import resource_lang, role_and_party, text_evidence
from analysis.pronoun_agreement import first_name_genders


def stated(quotes: pd.DataFrame, raw: list, langs: list[str], articles: pd.DataFrame | None, *,
           first: int = 0, chunk: int = 0) -> tuple[list, list[tuple]]:
    """``(held, notes)``: per quotation the role (lower case) its name is held with, or None, and
    each role or party stated, as ``((name, lang, held), "role" | "party", value, where)``; ``where``
    orders the notes as one pass over the corpus would see them (``first``: the number of quotations
    before these, ``chunk``: the number of chunks before this one). ``raw``: the speaker names
    (None for none); a quotation whose name ``first_name`` drops has ``None`` in ``raw``."""
    mentions = quotes["speaker_mention"].tolist() if "speaker_mention" in quotes.columns else [None] * len(quotes)
    said, per_article = [], defaultdict(dict)
    article_roles: dict[tuple, set] = defaultdict(set)
    for aid, r, mention, lg in zip(quotes["article_id"], raw, mentions, langs):
        role, party = role_and_party(mention if isinstance(mention, str) else None, lang=resource_lang(lg)) \
            if r is not None else (None, None)
        said.append((role, party))
        if r is not None:
            per_article[aid][r] = lg
            if role:
                article_roles[(aid, r)].add(role.lower())
    found = []
    if articles is not None and "text" in articles.columns and per_article:
        texts = dict(zip(articles["article_id"], articles["text"]))
        for a, (aid, names) in enumerate(per_article.items()):
            lg = next(iter(names.values()))
            for j, (name, role, party) in enumerate(text_evidence(texts.get(aid), names, lang=resource_lang(lg))):
                found.append((aid, name, names[name], role, party, (1, chunk, a, j)))
                if role:
                    article_roles[(aid, name)].add(role.lower())
    one_role = {k: next(iter(v)) for k, v in article_roles.items() if len(v) == 1}
    held, notes = [], []
    for i, (aid, r, mention, lg, (role, party)) in enumerate(zip(quotes["article_id"], raw, mentions, langs, said)):
        h = role.lower() if role else None
        if r is not None and h is None and not _names(mention, r):
            h = one_role.get((aid, r))  # "he", "THE PRESIDENT": the role the article holds the name with
        held.append(h if r is not None else None)
        notes += [((r, lg, h), kind, value, (0, first + i)) for kind, value in (("role", role), ("party", party)) if value]
    for aid, name, lg, role, party, where in found:
        notes += [((name, lg, one_role.get((aid, name))), kind, value, where)
                  for kind, value in (("role", role), ("party", party)) if value]
    return held, notes


def _names(mention, name: str) -> bool:
    """Whether a mention holds the last word of ``name`` (``Dr. Biden`` names ``Biden``, ``he`` does not)."""
    return isinstance(mention, str) and name.split()[-1].lower() in mention.lower()


def tally(notes, into: dict | None = None) -> dict:
    """``{key: {"role": {value: [n, first where]}, "party": {...}}}`` of :func:`stated`'s notes."""
    into = into if into is not None else defaultdict(lambda: {"role": {}, "party": {}})
    for key, kind, value, where in notes:
        seen = into[key][kind].setdefault(value, [0, where])
        seen[0] += 1
    return into


def most_stated(tallied: dict, actor_of) -> tuple[dict, dict]:
    """The most often stated role and party per actor (``actor_of``: key → actor, or None); a tie
    goes to the one seen first."""
    merged = {"role": defaultdict(dict), "party": defaultdict(dict)}
    for key, noted in tallied.items():
        actor = actor_of(key)
        if actor is None:
            continue
        for kind, values in noted.items():
            for value, (n, where) in values.items():
                before = merged[kind][actor].get(value, (0, where))
                merged[kind][actor][value] = (before[0] + n, min(before[1], where))
    best = {kind: {a: min(v, key=lambda value: (-v[value][0], v[value][1])) for a, v in per.items()}
            for kind, per in merged.items()}
    return best["role"], best["party"]


def role_holders(names: dict, tallied: dict, *, kinds: dict, ambiguous: set) -> dict[tuple[str, str], str]:
    """``{(short name, role): full name}``: an ambiguous short name held with a role is the full
    person name ending with it that the corpus states that role with more often than all the
    other such names together, of those that open with a first name if any does (``first_names.tsv``:
    "Lloyd Austin", not "Defense Austin"); a role noun alone ("President") is no one's short name.
    ``names``: (speaker name, lang) → its name after merging; ``tallied``: :func:`tally` of the notes.

    >>> names = {("Biden", "en"): "Biden", ("Joe Biden", "en"): "Joe Biden", ("Jill Biden", "en"): "Jill Biden"}
    >>> noted = tally([(("Joe Biden", "en", None), "role", "President", (1, 0, 0, 0)),
    ...                (("Biden", "en", "president"), "role", "President", (0, 0))])
    >>> role_holders(names, noted, kinds={n: "person" for n in names.values()}, ambiguous={"Biden"})
    {('Biden', 'president'): 'Joe Biden'}
    """
    wanted = {(names[(r, lg)], h) for r, lg, h in tallied if h and names.get((r, lg)) in ambiguous
              and names[(r, lg)].lower() != h}
    if not wanted:
        return {}
    given = {g for lg in {lg for _, lg in names} for g in first_name_genders(lg)}
    by_last = defaultdict(list)
    for n in set(names.values()):
        if kinds.get(n) == "person" and " " in n:
            by_last[n.split()[-1].lower()].append(n)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (r, lg, _), noted in tallied.items():
        for role, (n, _) in noted["role"].items():
            counts[names.get((r, lg))][role.lower()] += n
    out = {}
    for short, role in sorted(wanted):
        words = short.lower().split()
        fulls = [f for f in by_last.get(words[-1], ()) if f.lower().split()[-len(words):] == words and f != short]
        held = sorted(((counts[f][role], f) for f in fulls if counts[f][role]), reverse=True)
        held = [(n, f) for n, f in held if f.split()[0] in given] or held
        if held and held[0][0] > sum(n for n, _ in held[1:]):
            out[(short, role)] = held[0][1]
    return out
