"""Actors across a corpus: the speakers of many articles merged into one table of actors.

:func:`analysis.speakers.resolve_speakers` gives each quotation a canonical speaker *within its
article*. :func:`build_actors` merges those names across articles (rules in ``docs/actors.md``):

1. a user alias table (``actor, alias, lang``; see :func:`analysis.speakers.read_actors`) decides
   first, and its names are not merged further;
2. spelling: white space, quotation marks and a form of address are dropped (``Frau Merkel``),
   capitals take the spelling found elsewhere in the corpus (``PUTIN`` → ``Putin``), a genitive
   takes its base form when the base is known (``Putins`` → ``Putin``);
3. a short name (not a role noun alone: ``President``) merges into the one longer person name of the corpus that ends with it
   (``Merz`` → ``Friedrich Merz``); when two such names end with it (``Donald Trump``,
   ``Ivanka Trump``) it stays an actor of its own, flagged ``ambiguous``, except where it is held
   with a role that the corpus states with one of them (``President Biden`` → ``Joe Biden``;
   :mod:`analysis.actor_roles`).

Full names are indexed by their last word, so the work grows with the number of distinct names,
never with their pairs.

>>> import pandas as pd
>>> q = pd.DataFrame({"article_id": ["a", "b", "b"], "quote_id": ["a-q0", "b-q0", "b-q1"],
...                   "speaker": ["Donald Trump", "Trump", None]})
>>> actors, quotes = build_actors(q)
>>> actors[["name", "kind", "aliases", "n_quotes", "n_articles"]].values.tolist()
[['Donald Trump', 'person', ['Trump'], 2, 2]]
>>> quotes["actor_id"].tolist()
['donald-trump-e2787c', 'donald-trump-e2787c', None]
"""
from __future__ import annotations

import logging
from collections import Counter, defaultdict

import pandas as pd

from analysis.actor_names import actor_id, actor_kind, clean_name, given_forms, resource_lang, role_word
from analysis.actor_roles import most_stated, role_holders, stated, tally
from analysis.errors import InputError, require_columns
from analysis.pronoun_agreement import first_name_genders
from analysis.speakers import read_actors

log = logging.getLogger(__name__)

ACTOR_COLUMNS = ["actor_id", "name", "kind", "aliases", "n_quotes", "n_articles", "first_date", "last_date",
                 "role", "affiliation", "ambiguous"]


def _empty_actors() -> pd.DataFrame:
    dtypes = {"n_quotes": "int64", "n_articles": "int64", "first_date": "datetime64[ns]",
              "last_date": "datetime64[ns]", "ambiguous": bool}
    return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, object)) for c in ACTOR_COLUMNS})


def alias_index(aliases) -> dict[tuple[str, str], str]:
    """``{(name in lower case, lang): actor}`` from an alias table; :class:`InputError` when one
    alias (in one language) is given to two different actors, naming the rows (counted from 1).

    >>> alias_index(pd.DataFrame({"actor": ["Wladimir Putin"], "alias": ["Kremlchef"]}))
    {('kremlchef', ''): 'Wladimir Putin', ('wladimir putin', ''): 'Wladimir Putin'}
    """
    table = read_actors(aliases)
    keep = pd.Series([isinstance(a, str) and a.strip() != "" for a in table["actor"]], index=table.index, dtype=bool)
    table = table[keep].reset_index(drop=True)
    rows: dict[tuple[str, str], list[tuple[int, str, str]]] = defaultdict(list)
    for i, (actor, alias, lang) in enumerate(zip(table["actor"], table["alias"], table["lang"])):
        if alias.strip():
            rows[(alias.strip().lower(), lang.strip())].append((i + 1, alias.strip(), actor.strip()))
    conflicts = [(key, found) for key, found in rows.items() if len({a for _, _, a in found}) > 1]
    if conflicts:
        (_, lang), found = conflicts[0]
        listed = "; ".join(f"row {i}: {alias!r} -> {a!r}" for i, alias, a in found)
        more = f"; {len(conflicts) - 1} more alias(es) like it" if len(conflicts) > 1 else ""
        raise InputError(f"alias table: one alias{f' (lang {lang})' if lang else ''} given to different actors "
                         f"({listed}; rows counted from 1 below the header){more}: keep one row per alias")
    index = {key: found[0][2] for key, found in rows.items()}
    for actor, lang in zip(table["actor"], table["lang"]):
        index.setdefault((actor.strip().lower(), lang.strip()), actor.strip())
    return index


def _recase(names: list[str]) -> dict[str, str]:
    """Names with words in capitals (``PUTIN``) → the spelling of those words elsewhere in ``names``."""
    spelling: dict[str, Counter] = defaultdict(Counter)
    for name in names:
        for w in name.split():
            if not w.isupper():
                spelling[w.lower()][w] += 1
    out = {}
    for name in names:
        words = name.split()
        if any(w.isupper() and len(w) > 1 for w in words):
            new = " ".join(spelling[w.lower()].most_common(1)[0][0] if w.isupper() and spelling.get(w.lower())
                           else w for w in words)
            if new != name:
                out[name] = new
    return out


def _base_forms(names) -> dict[str, str]:
    """Genitives → their base form where the base is a known name or last word (``Putins`` → ``Putin``).
    Of names that differ only in case the first in sorted order is the base (``Department`` before
    ``department``), so that the result does not depend on the order of ``names``.

    >>> _base_forms({"Departments", "department", "Department"})
    {'Departments': 'Department'}
    """
    names = sorted(set(names))
    lower: dict[str, str] = {}
    last_words: dict[str, str] = {}
    for n in names:
        lower.setdefault(n.lower(), n)
        if len(n.split()) > 1:
            last_words.setdefault(n.split()[-1].lower(), n.split()[-1])
    out = {}
    for name in names:
        if len(name) < 4 or not name.endswith("s") or name.endswith("ss"):
            continue
        base = name[:-1]
        single = " " not in name
        if single and name.lower() in last_words:
            continue  # "Carlos" of "Juan Carlos" is a name of its own
        hit = lower.get(base.lower()) or (last_words.get(base.lower()) if single else None)
        if hit:
            out[name] = hit
    return out


def merge_names(names, *, kinds: dict[str, str], fixed=frozenset(),
                given=frozenset()) -> tuple[dict[str, str], set[str]]:
    """``({name: the longer person name it merges into}, {names kept apart as ambiguous})``.

    A name merges into the longest person name (two or more words) that ends with its words when
    every other such name also ends the longest one; ``fixed`` names (from the alias table) merge
    into nothing; a name that opens with a first name (``given``, lower case) only into one whose
    words before it hold a first name too ("Kay Henry" → "Mary Kay Henry", not "Joe Biden" →
    "Fightin’ Joe Biden").

    >>> kinds = {"Donald Trump": "person", "Ivanka Trump": "person", "Friedrich Merz": "person"}
    >>> merge_names(["Trump", "Merz", "Donald Trump", "Ivanka Trump", "Friedrich Merz"], kinds=kinds)
    ({'Merz': 'Friedrich Merz'}, {'Trump'})
    """
    names = list(dict.fromkeys(names))
    words = {n: n.lower().split() for n in names}
    by_last: dict[str, list[str]] = defaultdict(list)
    for n in names:
        if len(words[n]) >= 2 and kinds.get(n) == "person":
            by_last[words[n][-1]].append(n)
    merged, ambiguous = {}, set()
    for n in names:
        w = words[n]
        if n in fixed or not w:
            continue
        cands = [f for f in by_last.get(w[-1], ()) if len(words[f]) > len(w) and words[f][-len(w):] == w and not (
            len(w) >= 2 and w[0] in given and given.isdisjoint(words[f][:-len(w)]))]
        if not cands:
            continue
        longest = max(cands, key=lambda f: (len(words[f]), f))
        lw = words[longest]
        if all(lw[-len(words[f]):] == words[f] for f in cands):
            merged[n] = longest
        else:
            ambiguous.add(n)
    return merged, ambiguous


def given_name_forms(names, counts: dict[str, int], *, kinds: dict[str, str], langs: dict[str, str]) -> dict[str, str]:
    """``{name: the same person's name it joins}`` for person names that differ only in the first
    word, one a short form of the other's given name (``given_name_forms.tsv``: "Tony Fauci",
    "Anthony Fauci"); the less quoted joins the more quoted (``counts``; a tie: the full form).

    >>> given_name_forms(["Tony Fauci", "Anthony Fauci", "Tony Blair"], {"Tony Fauci": 1, "Anthony Fauci": 4},
    ...                  kinds=dict.fromkeys(["Tony Fauci", "Anthony Fauci", "Tony Blair"], "person"), langs={})
    {'Tony Fauci': 'Anthony Fauci'}
    """
    groups: dict[tuple, list[str]] = defaultdict(list)
    for n in names:
        words = n.split()
        forms = given_forms(langs.get(n, "en")).get(words[0]) if len(words) >= 2 and kinds.get(n) == "person" else None
        for full in forms or ():
            groups[(full, *words[1:])].append(n)
    out = {}
    for (full, *_), same in sorted(groups.items()):
        if len(same) > 1:
            best = max(same, key=lambda n: (counts.get(n, 0), n.split()[0] == full, n))
            out.update({n: best for n in same if n != best and n not in out})
    return out


def _quote_langs(quotes: pd.DataFrame, articles: pd.DataFrame | None) -> list[str]:
    if "lang" in quotes.columns:
        return [lg if isinstance(lg, str) else "" for lg in quotes["lang"]]
    if articles is not None and "lang" in articles.columns:
        by_id = dict(zip(articles["article_id"], articles["lang"]))
        return [lg if isinstance(lg := by_id.get(a), str) else "" for a in quotes["article_id"]]
    return [""] * len(quotes)


def first_name(raw: str, lang: str, index: dict) -> tuple[str | None, bool]:
    """The name a speaker name stands for before merging (the alias table's actor, else the cleaned
    name; None for no name), and whether the alias table gave it. ``index``: :func:`alias_index`."""
    name = clean_name(raw, lang=resource_lang(lang))
    actor = None
    for key in ((raw.strip().lower(), lang), (raw.strip().lower(), ""), ((name or "").lower(), lang),
                ((name or "").lower(), "")):
        actor = actor or index.get(key)
    return actor or name, bool(actor)


def _canonical(raw: list, langs: list[str], aliases, *,
               weights: dict | None = None) -> tuple[list, dict[str, str], set[str], set[str]]:
    """Per quotation its actor's canonical name (None without a speaker), with the kinds of the
    names, the ambiguous ones and the names fixed by the alias table. ``weights``: the quotations
    of each ``(raw, lang)`` pair when ``raw`` lists each pair once (else each entry counts one)."""
    index = alias_index(aliases)
    pairs = {(r, lg) for r, lg in zip(raw, langs) if isinstance(r, str)}
    first: dict[tuple, str | None] = {}
    fixed = set()
    for r, lg in sorted(pairs):  # in a fixed order: a tie between languages (_name_langs) goes the same way in every run
        first[(r, lg)], from_alias = first_name(r, lg, index)
        if from_alias:
            fixed.add(first[(r, lg)])
    free = sorted({n for n in first.values() if n and n not in fixed})
    spelled = _recase(free + sorted(fixed))
    free = sorted({spelled.get(n, n) for n in free})
    based = _base_forms(set(free) | fixed)
    pool = sorted({based.get(n, n) for n in free} | fixed)
    kind_lang = _name_langs(first, langs)
    kinds = {n: actor_kind(n, lang=kind_lang.get(n, "de")) for n in pool}
    given = frozenset(g.lower() for lg in set(kind_lang.values()) for g in first_name_genders(lg))
    roles = {n for n in pool if " " not in n and role_word(n, lang=kind_lang.get(n, "de"))[0]}  # "President" alone
    base = {key: n if n in fixed else based.get(spelled.get(n, n), spelled.get(n, n)) for key, n in first.items() if n}
    quoted: Counter = Counter()
    for r, lg in zip(raw, langs):
        quoted[base.get((r, lg))] += (weights or {}).get((r, lg), 1)
    forms = given_name_forms(sorted(set(pool) - fixed), quoted, kinds=kinds, langs=kind_lang)  # Tony/Anthony Fauci
    pool = sorted({forms.get(n, n) for n in pool})
    merged, ambiguous = merge_names(pool, kinds=kinds, fixed=fixed | roles, given=given)
    final = {}
    for key, n in base.items():
        n = forms.get(n, n)
        final[key] = merged.get(n, n)
    for n in ambiguous:
        kinds[n] = "person"  # every name it could belong to is a person
    return [final.get((r, lg)) if isinstance(r, str) else None for r, lg in zip(raw, langs)], kinds, ambiguous, fixed


def _name_langs(first: dict, langs: list[str]) -> dict[str, str]:
    """The language most of a name's quotations are in (for its kind words)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for (_, lg), n in first.items():
        if n:
            counts[n][resource_lang(lg)] += 1
    return {n: c.most_common(1)[0][0] for n, c in counts.items()}


def _datetimes(values) -> pd.Series:
    """Dates as naive timestamps; unreadable ones and those outside pandas' range (year 1) NaT."""
    dates = pd.to_datetime(values, errors="coerce", utc=True, format="mixed").dt.tz_localize(None)
    return dates.where((dates.dt.year > 1677) & (dates.dt.year < 2262))


def _dates(quotes: pd.DataFrame, articles: pd.DataFrame | None) -> pd.Series:
    if articles is not None and "date" in articles.columns:
        dates = _datetimes(articles["date"])
        by_id = pd.Series(dates.to_numpy(), index=articles["article_id"])
        by_id = by_id[~by_id.index.duplicated()]
        return pd.Series(by_id.reindex(quotes["article_id"]).to_numpy(), index=quotes.index)
    if "date" in quotes.columns:
        dates = _datetimes(quotes["date"])
        return pd.Series(dates.to_numpy(), index=quotes.index)
    return pd.Series(pd.NaT, index=quotes.index, dtype="datetime64[ns]")


def check_inputs(quotes, articles) -> None:
    require_columns(quotes, ["article_id", "speaker"], table="quotes")
    if articles is not None:
        require_columns(articles, ["article_id"], table="articles")


def build_actors(quotes: pd.DataFrame, *, articles: pd.DataFrame | None = None,
                 aliases=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The actors table of a quotes table, and the quotes with an ``actor_id`` column added.

    ``articles`` (optional: ``article_id`` with ``date``, ``lang``, ``text``) gives dates, languages
    and the roles and parties stated beside a name in the text. ``aliases``: an alias table
    (DataFrame, CSV or YAML path; columns actor, alias, optional lang) that overrides merging.
    Columns of the actors table: see ``docs/tables.md``; sorted by ``n_quotes``, most quoted first.

    >>> q = pd.DataFrame({"article_id": ["a", "b"], "speaker": ["Putins", "Wladimir Putin"]})
    >>> build_actors(q)[0][["name", "aliases", "n_quotes"]].values.tolist()
    [['Wladimir Putin', ['Putins'], 2]]
    """
    check_inputs(quotes, articles)
    out = quotes.copy()
    raw = [r.strip() if isinstance(r, str) and r.strip() else None for r in out["speaker"]]
    if not any(raw):
        out["actor_id"] = pd.Series([None] * len(out), index=out.index, dtype=object)
        alias_index(aliases)  # a broken alias table is an error even without speakers
        return _empty_actors(), out
    langs = _quote_langs(out, articles)
    names, kinds, ambiguous, fixed = _canonical(raw, langs, aliases)
    held, notes = stated(out, [r if n else None for r, n in zip(raw, names)], langs, articles)
    tallied = tally(notes)
    pairs = {(r, lg): n for r, lg, n in zip(raw, langs, names) if n}
    holders = role_holders(pairs, tallied, kinds=kinds, ambiguous=ambiguous)
    names = [holders.get((n, h), n) if n else None for n, h in zip(names, held)]
    ids = {n: actor_id(n) for n in set(names) if n}
    out["actor_id"] = pd.Series([ids[n] if n else None for n in names], index=out.index, dtype=object)
    role, party = most_stated(tallied, lambda k: holders.get((pairs[k[:2]], k[2]), pairs[k[:2]]))
    frame = pd.DataFrame({"name": names, "raw": raw, "article_id": out["article_id"].to_numpy(),
                          "date": _dates(out, articles).to_numpy()}).dropna(subset=["name"])
    groups = frame.groupby("name", sort=False)
    table = pd.DataFrame({"n_quotes": groups.size(), "n_articles": groups["article_id"].nunique(),
                          "first_date": groups["date"].min(), "last_date": groups["date"].max()})
    spellings = frame[frame["raw"] != frame["name"]].groupby("name")["raw"].value_counts()
    alias_lists: dict[str, list] = defaultdict(list)
    for (name, spelled), _ in spellings.items():
        alias_lists[name].append(spelled)
    table = actor_table(table.reset_index(), ids=ids, kinds=kinds, aliases=alias_lists, roles=role, parties=party,
                        ambiguous=ambiguous)
    log.info("%d speaker names -> %d actors (%d merged, %d ambiguous, %d from the alias table)",
             len(set(filter(None, raw))), len(table), int(table["aliases"].map(len).sum()), len(ambiguous),
             len(fixed & set(table["name"])))
    return table, out


def actor_table(table: pd.DataFrame, *, ids: dict, kinds: dict, aliases: dict, roles: dict, parties: dict,
                ambiguous: set) -> pd.DataFrame:
    """The actors table from the counts per name (``name``, ``n_quotes``, ``n_articles``,
    ``first_date``, ``last_date``) and what is known of each name; sorted, most quoted first."""
    person_like = {n for n in table["name"] if kinds[n] == "person"}
    table = table.assign(
        actor_id=table["name"].map(ids), kind=table["name"].map(kinds),
        aliases=[aliases.get(n, []) for n in table["name"]],
        role=pd.Series([roles.get(n) if n in person_like else None for n in table["name"]], dtype=object),
        affiliation=pd.Series([parties.get(n) for n in table["name"]], dtype=object),
        ambiguous=[n in ambiguous for n in table["name"]])
    table = table.sort_values(["n_quotes", "n_articles", "name"], ascending=[False, False, True], kind="stable")
    return table[ACTOR_COLUMNS].reset_index(drop=True).astype(
        {"n_quotes": "int64", "n_articles": "int64", "first_date": "datetime64[ns]", "last_date": "datetime64[ns]"})


def quotes_per_period(quotes: pd.DataFrame, actors: pd.DataFrame, *, articles: pd.DataFrame | None = None,
                      top: int = 8, freq: str = "MS") -> pd.DataFrame:
    """Quotations per period (``freq``, default month start) of the ``top`` most quoted actors.

    ``quotes`` carries ``actor_id`` (from :func:`build_actors`); dates come from ``articles`` (or a
    ``date`` column of ``quotes``); undated quotations are left out. Columns: period, actor_id, name, n.

    >>> q = pd.DataFrame({"article_id": ["a", "b"], "speaker": ["Olaf Scholz", "Scholz"]})
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "date": ["2021-03-04", "2021-04-01"]})
    >>> actors, q = build_actors(q, articles=arts)
    >>> quotes_per_period(q, actors, articles=arts)[["period", "name", "n"]].astype(str).values.tolist()
    [['2021-03-01', 'Olaf Scholz', '1'], ['2021-04-01', 'Olaf Scholz', '1']]
    """
    require_columns(quotes, ["article_id", "actor_id"], table="quotes")
    require_columns(actors, ["actor_id", "name", "n_quotes"], table="actors")
    if articles is not None:
        require_columns(articles, ["article_id"], table="articles")
    chosen = actors.sort_values("n_quotes", ascending=False, kind="stable").head(top)
    frame = pd.DataFrame({"actor_id": quotes["actor_id"].to_numpy(), "date": _dates(quotes, articles).to_numpy()})
    frame = frame[frame["actor_id"].isin(chosen["actor_id"])].dropna(subset=["date"])
    if frame.empty:
        return pd.DataFrame({"period": pd.Series(dtype="datetime64[ns]"), "actor_id": pd.Series(dtype=object),
                             "name": pd.Series(dtype=object), "n": pd.Series(dtype="int64")})
    counts = frame.groupby([pd.Grouper(key="date", freq=freq), "actor_id"]).size().rename("n").reset_index()
    counts = counts.rename(columns={"date": "period"})
    counts["name"] = counts["actor_id"].map(dict(zip(chosen["actor_id"], chosen["name"])))
    return counts[["period", "actor_id", "name", "n"]].astype({"n": "int64"})
