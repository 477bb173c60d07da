"""What each stage of a pipeline run computes: per partition of articles, and over the whole corpus.

The partition stages call the library's pure functions on one partition of the ``articles``
table (whole articles only): ``segment`` → ``sentences``, ``tokens``; ``quotes`` →
:func:`analysis.quotes.extract_quotes`; ``tone`` → :func:`analysis.sentiment.score_sentiment` of
the sentences; ``terms`` → :func:`analysis.terms.frequencies` of the tokens (``term_counts``).
The corpus stages reduce the parts: ``actors`` → :class:`analysis.actor_reduction.ActorReduction`
over the partitions' quotations (the tables of :func:`analysis.actors.build_actors` on all of them);
``terms`` → :func:`analysis.terms.merge_frequencies` of the part counts; ``networks`` → the
``statements`` of each partition's quotations (:func:`analysis.statements.build_statements` with
the corpus' actors and a concept dictionary, or the concepts discovered from all quotations,
:class:`analysis.concepts.ConceptCounts`) and the discourse networks of :data:`RUN_NETWORKS`
(``network_nodes``, ``network_edges``). The results
are those of the same functions on the whole corpus at once.

>>> import pandas as pd
>>> arts = pd.DataFrame({"article_id": ["a"], "lang": ["de"], "source": [""], "date": [pd.NaT],
...                      "text": ["Laut Polizei wurden drei Menschen verletzt."]})
>>> tables = partition_tables(arts, stages=("segment", "quotes"))
>>> sorted(tables), tables["quotes"]["speaker"].tolist()
(['quotes', 'sentences', 'tokens'], ['Polizei'])
"""
from __future__ import annotations

from collections.abc import Iterable
from contextlib import contextmanager

import pandas as pd

from analysis.errors import InputError

STAGES = ("load", "segment", "quotes", "actors", "tone", "terms", "networks")
#: The stages each stage needs before it.
NEEDS = {"segment": ("load",), "quotes": ("load", "segment"), "actors": ("load", "segment", "quotes"),
         "tone": ("load", "segment"), "terms": ("load", "segment"), "networks": ("load", "segment", "quotes", "actors")}
#: The discourse networks a run writes from its statements (:func:`analysis.networks.discourse_network`).
RUN_NETWORKS = ("two-mode", "congruence", "conflict", "concepts")
#: The unit and options of the corpus frequency table.
TERM_OPTIONS = {"unit": "lemma", "ngram": 1, "stopwords": False}
TONE_META = ["article_id", "lang", "source", "date"]
ACTOR_QUOTE_COLUMNS = ["article_id", "quote_id", "speaker", "speaker_mention", "lang"]


def parse_stages(stages: str | Iterable[str] | None) -> tuple[str, ...]:
    """The stages to run, in pipeline order, with those they need added.

    >>> parse_stages("quotes"), parse_stages("networks")[-1]
    (('load', 'segment', 'quotes'), 'networks')
    """
    if stages is None:
        return STAGES
    names = [s.strip() for s in (stages.split(",") if isinstance(stages, str) else stages) if s.strip()]
    unknown = [s for s in names if s not in STAGES]
    if unknown or not names:
        raise InputError(f"unknown stage(s) {', '.join(unknown) or '(none)'}; expected some of: {', '.join(STAGES)}")
    wanted = set(names) | {need for s in names for need in NEEDS.get(s, ())}
    return tuple(s for s in STAGES if s in wanted)


def partition_tables(articles: pd.DataFrame, *, stages: Iterable[str], lang: str | None = None,
                     actors=None) -> dict[str, pd.DataFrame]:
    """The tables of one partition of ``articles`` for the partition stages among ``stages``.

    Returns ``{"sentences", "tokens", "quotes", "tone", "term_counts"}`` (those asked for). An error
    carries the stage it came from as ``exc.stage`` (the ``stage`` column of a run's failures).
    """
    stages, out = set(stages), {}
    if not stages & {"segment", "quotes", "actors", "tone", "terms"}:
        return out
    with _stage("segment"):
        from analysis.segment import segment

        sentences, tokens = segment(articles, lang=lang)
    out["sentences"], out["tokens"] = sentences, tokens
    if stages & {"quotes", "actors"}:
        with _stage("quotes"):
            from analysis.quotes import extract_quotes

            out["quotes"] = extract_quotes(articles, sentences, tokens, lang=lang, actors=actors)
    if "tone" in stages:
        with _stage("tone"):
            out["tone"] = tone_table(sentences, articles, lang=lang)
    if "terms" in stages:
        with _stage("terms"):
            from analysis.terms import frequencies

            out["term_counts"] = frequencies(tokens, **TERM_OPTIONS, min_count=1)
    return out


@contextmanager
def _stage(name: str):
    try:
        yield
    except Exception as exc:
        exc.stage = name
        raise


def tone_table(sentences: pd.DataFrame, articles: pd.DataFrame, *, lang: str | None = None) -> pd.DataFrame:
    """The tone of each sentence, with its article's language, source and date (as ``sentiment`` does)."""
    from analysis.sentiment import score_sentiment

    meta = articles[[c for c in TONE_META if c in articles.columns]]
    units = sentences.merge(meta, on="article_id", how="left")
    return score_sentiment(units, lang=lang)


def corpus_terms(parts: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """The corpus frequency table from the partitions' ``term_counts``, merged two at a time
    (memory bounded by the vocabulary, not the corpus)."""
    from analysis.terms import merge_frequencies

    merged = None
    for part in parts:
        merged = part if merged is None else merge_frequencies([merged, part])
    return merge_frequencies([merged] if merged is not None else [])
