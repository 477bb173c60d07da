"""The actors of a corpus read in chunks: :func:`analysis.actors.build_actors` as a reduction.

Merging names needs every speaker name of the corpus, but not every quotation: :class:`ActorReduction`
keeps, from each chunk of quotations (with its articles), the distinct ``(name, language)`` pairs
and the roles and parties stated with each (in the mention and in the article text, with where they
were first seen, so that ties break as in one pass). It writes the few columns of each quotation it
needs later (name, language, article, date) to a spool on disk. :meth:`ActorReduction.result` merges
the names, then reads the spool part by part to count quotations, articles and dates per actor.
Memory is bounded by the distinct names, not by the corpus; the tables equal those of
``build_actors`` on the whole corpus.

>>> import pandas as pd
>>> reduction = ActorReduction(spool="/tmp/actors.parquet")
>>> reduction.add(pd.DataFrame({"article_id": ["a"], "speaker": ["Donald Trump"]}))
>>> reduction.add(pd.DataFrame({"article_id": ["b", "b"], "speaker": ["Trump", None]}))
>>> actors = reduction.result()
>>> actors[["name", "aliases", "n_quotes", "n_articles"]].values.tolist()
[['Donald Trump', ['Trump'], 2, 2]]
>>> [ids.tolist() for ids in reduction.actor_ids()]
[['donald-trump-e2787c'], ['donald-trump-e2787c', None]]
>>> reduction.close()
"""
from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

from analysis.actor_names import actor_id
from analysis.actor_roles import most_stated, role_holders, stated, tally
from analysis.actors import (
    _canonical,
    _dates,
    _empty_actors,
    _quote_langs,
    actor_table,
    alias_index,
    check_inputs,
    first_name,
)
from analysis.streamed_tables import PartSpool


class ActorReduction:
    """Chunks of quotations (:meth:`add`) → the actors table (:meth:`result`) and each chunk's
    ``actor_id`` column (:meth:`actor_ids`). ``spool``: a path beside which the spool folder is made.

    >>> import tempfile, pathlib
    >>> red = ActorReduction(spool=pathlib.Path(tempfile.mkdtemp()) / "actors")
    >>> red.add(pd.DataFrame({"article_id": ["a"], "speaker": ["Friedrich Merz"], "lang": ["de"]}))
    >>> red.add(pd.DataFrame({"article_id": ["b"], "speaker": ["Merz"], "lang": ["de"]}))
    >>> red.result()[["name", "aliases", "n_quotes", "n_articles"]].values.tolist()
    [['Friedrich Merz', ['Merz'], 2, 2]]
    >>> [ids.tolist() for ids in red.actor_ids()]
    [['friedrich-merz-30fdba'], ['friedrich-merz-30fdba']]
    >>> red.close()
    """

    def __init__(self, *, aliases=None, spool):
        self.aliases, self.index = aliases, alias_index(aliases)
        self.first: dict[tuple[str, str], str | None] = {}   # (name, lang) -> name before merging
        self.counts: Counter = Counter()  # (name, lang) -> its quotations
        self.stated: dict[tuple[str, str, str | None], dict] = tally([])  # (name, lang, held role) -> stated
        self.quotes = self.chunks = 0
        self.names: dict[tuple[str, str], str] = {}
        self.holders: dict[tuple[str, str], str] = {}
        self.ids: dict[str, str] = {}
        self._spool = PartSpool(spool)

    def add(self, quotes: pd.DataFrame, articles: pd.DataFrame | None = None) -> None:
        """Take one chunk of quotations; ``articles`` holds (at least) the articles they come from."""
        check_inputs(quotes, articles)
        raw = [r.strip() if isinstance(r, str) and r.strip() else None for r in quotes["speaker"]]
        langs = _quote_langs(quotes, articles)
        for r, lg in zip(raw, langs):
            if r is not None and (r, lg) not in self.first:
                self.first[(r, lg)] = first_name(r, lg, self.index)[0]
            self.counts[(r, lg)] += r is not None
        named = [r if r is not None and self.first[(r, lg)] is not None else None for r, lg in zip(raw, langs)]
        held, notes = stated(quotes, named, langs, articles, first=self.quotes, chunk=self.chunks)
        tally(notes, self.stated)
        self._spool.add(pd.DataFrame({"raw": pd.Series(raw, dtype=object), "lang": langs,
                                      "held": pd.Series(held, dtype=object),
                                      "article_id": quotes["article_id"].to_numpy(),
                                      "date": _dates(quotes, articles).to_numpy()}))
        self.quotes += len(quotes)
        self.chunks += 1

    def result(self) -> pd.DataFrame:
        """The actors table of all chunks added (as :func:`analysis.actors.build_actors`)."""
        if not self.first:
            return _empty_actors()
        pairs = list(self.first)
        names, kinds, ambiguous, _ = _canonical([r for r, _ in pairs], [lg for _, lg in pairs], self.aliases,
                                                weights=self.counts)
        self.names = {pair: n for pair, n in zip(pairs, names) if n}
        self.holders = role_holders(self.names, self.stated, kinds=kinds, ambiguous=ambiguous)
        ids = self.ids = {n: actor_id(n) for n in {*self.names.values(), *self.holders.values()}}
        counts, spellings = None, defaultdict(Counter)
        for part in self._spool.frames():
            frame = part.assign(name=self._name_column(part)).dropna(subset=["name"])
            groups = frame.groupby("name", sort=False)
            chunk = pd.DataFrame({"n_quotes": groups.size(), "n_articles": groups["article_id"].nunique(),
                                  "first_date": groups["date"].min(), "last_date": groups["date"].max()})
            counts = chunk if counts is None else pd.concat([counts, chunk]).groupby(level=0, sort=False).agg(
                {"n_quotes": "sum", "n_articles": "sum", "first_date": "min", "last_date": "max"})
            for name, spelled in zip(frame["name"], frame["raw"]):
                if spelled != name:
                    spellings[name][spelled] += 1
        roles, parties = most_stated(self.stated, lambda key: self._actor(*key))
        aliases = {n: [s for s, _ in c.most_common()] for n, c in spellings.items()}
        return actor_table(counts.rename_axis("name").reset_index(), ids=ids, kinds=kinds, aliases=aliases,
                           roles=roles, parties=parties, ambiguous=ambiguous)

    def _actor(self, raw, lang, held) -> str | None:
        """The actor of a speaker name in ``lang`` held with the role ``held`` (after :meth:`result`)."""
        name = self.names.get((raw, lang)) if isinstance(raw, str) else None
        return self.holders.get((name, held), name) if name else None

    def _name_column(self, part: pd.DataFrame) -> pd.Series:
        return pd.Series([self._actor(r, lg, h) for r, lg, h in zip(part["raw"], part["lang"], part["held"])],
                         index=part.index, dtype=object)

    def actor_ids(self):
        """Per chunk added, in order: the ``actor_id`` of each quotation (after :meth:`result`)."""
        for part in self._spool.frames(columns=["raw", "lang", "held"]):
            yield pd.Series([self.ids[n] if (n := self._actor(r, lg, h)) else None
                             for r, lg, h in zip(part["raw"], part["lang"], part["held"])], dtype=object)

    def close(self) -> None:
        """Remove the spool."""
        self._spool.remove()
