"""The tables of a corpus as a notebook wants them: read from a run folder, or computed on first use.

A notebook's ``corpus`` parameter may name articles (files, folders, globs) or the folder of a
pipeline run (``python -m analysis run CORPUS --out DIR``). :func:`open_corpus` gives the same
attributes for both: ``articles``, ``rejected``, ``sentences``, ``tokens``, ``quotes``, ``tone``
and :meth:`CorpusTables.actor_tables`. From a run folder they are read (seconds, whatever the
corpus took); otherwise, or for a stage the run left out, they are computed by the library's
functions, each once.

>>> tables = open_corpus("data")
>>> len(tables.articles), tables.quotes["speaker"].iloc[1]
(1, 'Wladimir Putin')
"""
from __future__ import annotations

import logging
from functools import cached_property

import pandas as pd

from analysis.run_folder import is_run_folder, open_run

log = logging.getLogger(__name__)


def _item(pair: str, i: int, doc: str) -> property:
    """A read-only attribute: item ``i`` of the (cached) pair of tables named ``pair``."""
    return property(lambda self: getattr(self, pair)[i], doc=doc)


class CorpusTables:
    """The tables of one corpus (see the module docstring); ``run`` is the open run folder or None."""

    def __init__(self, corpus, *, lang: str | None = None, actors=None):
        self.corpus, self.lang, self.aliases = corpus, lang, actors
        self.run = open_run(corpus) if is_run_folder(corpus) else None
        if self.run is not None:
            config = self.run.manifest.get("config", {})
            if lang is not None and config.get("lang") != lang:
                log.warning("%s was run with lang=%r; its tables are used as they are (lang=%r ignored)",
                            corpus, config.get("lang"), lang)

    def _stored(self, name: str) -> pd.DataFrame | None:
        return self.run.table(name) if self.run is not None and name in self.run.tables else None

    @cached_property
    def _loaded(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        if self.run is not None:
            return self.run.table("articles"), self.run.table("rejected")
        from analysis.corpus import load_articles

        return load_articles([self.corpus], lang=self.lang, errors="collect")

    articles = _item("_loaded", 0, "The articles (as :func:`analysis.corpus.load_articles` gives them).")
    rejected = _item("_loaded", 1, "The rejected records, with their origin and reason.")

    @cached_property
    def _segmented(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        sentences, tokens = self._stored("sentences"), self._stored("tokens")
        if sentences is not None and tokens is not None:
            return sentences, tokens
        from analysis.segment import segment

        return segment(self.articles)

    sentences = _item("_segmented", 0, "The sentences (as :func:`analysis.segment.segment` gives them).")
    tokens = _item("_segmented", 1, "The tokens (as :func:`analysis.segment.segment` gives them).")

    @cached_property
    def quotes(self) -> pd.DataFrame:
        stored = self._stored("quotes")
        if stored is not None:  # as extract_quotes gives it; actor_tables() adds the actor_id
            return stored.drop(columns="actor_id", errors="ignore")
        from analysis.quotes import extract_quotes

        return extract_quotes(self.articles, self.sentences, self.tokens, actors=self.aliases)

    @cached_property
    def tone(self) -> pd.DataFrame:
        """The tone of each sentence, with its article's lang, source and date."""
        stored = self._stored("tone")
        if stored is not None:
            return stored
        from analysis.stages import tone_table

        return tone_table(self.sentences, self.articles)

    def actor_tables(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The actors table and the quotes with their ``actor_id`` (:func:`analysis.actors.build_actors`)."""
        stored = self._stored("actors")
        if stored is not None and self._stored("quotes") is not None:
            return stored, self.run.table("quotes")
        from analysis.actors import build_actors

        return build_actors(self.quotes, articles=self.articles, aliases=self.aliases)


def open_corpus(corpus, *, lang: str | None = None, actors=None) -> CorpusTables:
    """The tables of ``corpus``: articles (files, folders, globs) or a run folder (see the module docstring)."""
    return CorpusTables(corpus, lang=lang, actors=actors)
