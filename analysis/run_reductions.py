"""The corpus-level stages of a pipeline run (:mod:`analysis.pipeline`): reductions over the partitions done.

- ``terms``: the partitions' ``term_counts`` merged (:func:`analysis.stages.corpus_terms`).
- ``actors``: :class:`analysis.actor_reduction.ActorReduction` over the partitions' quotations,
  one partition at a time (memory bounded by the distinct names): ``actors``, and each
  partition's ``quote_actors`` (the ``actor_id`` of its quotations).
- ``networks``: the concept dictionary (the user's, or the concepts discovered from all the
  quotations, :class:`analysis.concepts.ConceptCounts`), then each partition's ``statements``
  coded on the workers (:func:`analysis.statements.build_statements` with the corpus' actors),
  then the discourse networks of :data:`analysis.stages.RUN_NETWORKS` from the statements
  (``network_nodes``, ``network_edges``; ``python -m analysis network DIR`` exports any network of
  the run's statements to Gephi, visone, Pajek or UCINET).

The tables are those of the same functions on the whole corpus at once. A reduction runs again
when the partitions done have changed since it last ran.

>>> import tempfile
>>> reduce_run(RunFolder(tempfile.mkdtemp()), {"done": [], "reductions": {}}, ("load",), client=None,
...            aliases=None, concepts=None, lang=None, neutral=None)
{}
"""
from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

from analysis.run_folder import RunFolder
from analysis.stages import ACTOR_QUOTE_COLUMNS, RUN_NETWORKS, corpus_terms

log = logging.getLogger(__name__)

ARTICLE_TEXT_COLUMNS = ["article_id", "date", "lang", "text"]


def reduce_run(rf: RunFolder, manifest: dict, stages: tuple, *, client, aliases, concepts: str | None,
               lang: str | None, neutral: int | None = None) -> dict[int, dict]:
    """The corpus-level tables over ``manifest["done"]``; the partitions whose statements failed
    (``{k: {"error", "stage"}}``; the reduction is then tried again by the next call). ``neutral``:
    the agreement of a statement without stance or tone (:func:`analysis.statements.build_statements`;
    None: its default)."""
    done = manifest["done"]
    if manifest["reductions"].get("partitions") == done:
        return {}
    if "terms" in stages:
        parts = (pd.read_parquet(rf.part_path("term_counts", k)) for k in done)
        rf.write_part("terms", 0, corpus_terms(parts))
    failed = {}
    if "actors" in stages:
        networks = "networks" in stages
        table = _reduce_actors(rf, done, aliases=aliases, concepts=concepts if networks else False, lang=lang)
        if networks:
            rf.write_part("concepts", 0, table)
            failed = _code_statements(rf, done, client=client, lang=lang, neutral=neutral)
            if not failed:
                write_networks(rf, done)
    if not failed:
        manifest["reductions"] = {"partitions": list(done)}
        rf.write_manifest(manifest)
    return failed


def _reduce_actors(rf: RunFolder, done: list[int], *, aliases, concepts, lang) -> pd.DataFrame | None:
    """``actors`` and each partition's ``quote_actors``; the concept dictionary for the statements
    (``concepts`` read, or discovered when None; none when False)."""
    from analysis.actor_reduction import ActorReduction
    from analysis.concepts import read_concepts
    from analysis.statements import CorpusConcepts

    reduction = ActorReduction(aliases=aliases, spool=rf.part_path("actors", 0))
    discovered = CorpusConcepts(lang=lang)
    try:
        for k in done:
            quotes = pd.read_parquet(rf.part_path("quotes", k), columns=ACTOR_QUOTE_COLUMNS + ["text", "kind"])
            articles = pd.read_parquet(rf.part_path("articles", k), columns=ARTICLE_TEXT_COLUMNS)
            reduction.add(quotes[ACTOR_QUOTE_COLUMNS],
                          articles[articles["article_id"].isin(quotes["article_id"][quotes["speaker"].notna()])])
            if concepts is None:
                discovered.add(quotes, articles=articles)
        rf.write_part("actors", 0, reduction.result())
        for k, ids in zip(done, reduction.actor_ids()):
            keys = pd.read_parquet(rf.part_path("quotes", k), columns=["article_id", "quote_id"])
            rf.write_part("quote_actors", k, keys.assign(actor_id=ids.to_numpy()))
    finally:
        reduction.close()
    if concepts is False:
        return None
    return read_concepts(Path(concepts)) if concepts is not None else discovered.table()


def _actors_of(rf: RunFolder, actor_ids: pd.Series) -> pd.DataFrame:
    """The rows of the corpus' actors table that ``actor_ids`` name (a partition needs no others,
    so a worker's memory does not grow with the corpus' actors)."""
    wanted = sorted({a for a in actor_ids.dropna() if a})
    columns = ["actor_id", "name", "affiliation"]
    if not wanted:
        return pd.read_parquet(rf.part_path("actors", 0), columns=columns).iloc[:0]
    return pd.read_parquet(rf.part_path("actors", 0), columns=columns, filters=[("actor_id", "in", wanted)])


def partition_statements(folder: str, k: int, lang: str | None, neutral: int | None = None) -> dict:
    """Partition ``k``'s ``statements`` from its quotations, the corpus' actors and concepts (runs on a worker)."""
    from analysis.statements import build_statements, neutral_option

    rf = RunFolder(folder)
    try:
        quotes = pd.read_parquet(rf.part_path("quotes", k))
        quotes = quotes.assign(actor_id=pd.read_parquet(rf.part_path("quote_actors", k), columns=["actor_id"])["actor_id"])
        articles = pd.read_parquet(rf.part_path("articles", k), columns=ARTICLE_TEXT_COLUMNS)
        statements = build_statements(quotes, articles=articles, actors=_actors_of(rf, quotes["actor_id"]),
                                      concepts=pd.read_parquet(rf.part_path("concepts", 0)), lang=lang,
                                      neutral=neutral_option(neutral))
    except Exception as exc:  # reported as the partition's failure; the next call tries again
        log.exception("statements of partition %d failed", k)
        return {"partition": k, "error": f"{type(exc).__name__}: {exc}", "stage": "networks"}
    rf.write_part("statements", k, statements)
    return {"partition": k, "rows": len(statements)}


def _code_statements(rf: RunFolder, done: list[int], *, client, lang, neutral) -> dict[int, dict]:
    folder = str(rf.path.resolve())
    futures = [client.submit(partition_statements, folder, k, lang, neutral, key=f"statements-{k:05d}-{id(rf):x}", pure=False)
               for k in done]
    results = client.gather(futures, errors="skip")
    finished = {r["partition"] for r in results}
    failed = {r["partition"]: r for r in results if "error" in r}
    failed.update({k: {"error": "the workers coding its statements died", "stage": "networks"}
                   for k in done if k not in finished})
    return failed


def write_networks(rf: RunFolder, done: list[int]) -> None:
    """The discourse networks of the statements (:data:`analysis.stages.RUN_NETWORKS`) as node and
    edge tables, a part per network (in that order). Edges are computed and written a block of
    rows at a time (:func:`analysis.networks.network_blocks`): a one-mode network of many actors
    never stands whole in memory."""
    from analysis.networks import network_blocks

    columns = ["article_id", "date", "actor_id", "actor", "affiliation", "concept", "agreement"]
    parts = [pd.read_parquet(rf.part_path("statements", k), columns=columns) for k in done]
    if not parts:
        return
    statements = pd.concat(parts, ignore_index=True)
    for i, name in enumerate(RUN_NETWORKS):
        net, blocks = network_blocks(statements, type=name)
        rf.write_part("network_nodes", i, net.nodes.assign(network=name))
        rf.write_part_blocks("network_edges", i, (b.assign(network=name) for b in blocks),
                             empty=net.edges.assign(network=name))
