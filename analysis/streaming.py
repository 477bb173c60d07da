"""The single-stage commands (``load``, ``quotes``, ``actors``, ``sentiment``, ``statements``,
``relations``) on a corpus read in chunks.

Each function streams the corpus with :func:`analysis.corpus.iter_articles` (the loader of
``load``: same ids, duplicates and rejected records), runs its stage on one chunk of articles at a
time and writes the rows of each chunk as they come (:class:`analysis.streamed_tables.TableStream`:
the file appears whole at the end). Memory is bounded by the chunk size (and the distinct speaker
names for the actors), not by the corpus; the tables equal those of the stage on the whole corpus.
What is counted on the way (articles loaded, records rejected and why) is returned in a
:class:`Streamed` for the command line to report.

>>> import tempfile
>>> out = Path(tempfile.mkdtemp())
>>> done = quote_table(["data"], out / "quotes.parquet", chunk_mb=0.5)
>>> done.articles, done.rejected, done.rows["quotes"] > 0
(1, 0, True)
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass, field
from itertools import chain, repeat
from pathlib import Path

import pandas as pd
from tqdm.auto import tqdm

from analysis.corpus import LoadResult
from analysis.errors import InputError
from analysis.outputs import csv_cells, write_table
from analysis.streamed_tables import PartSpool, TableStream

DEFAULT_CHUNK_MB = 2.0  # megabytes of text per chunk: about 0.6 GB of memory for load --segment
UNIT_ROWS = 20_000  # rows of a units table scored at a time
_LOCATION = re.compile(r"[^\s()\[\],;'\"]+")


def reason_kind(reason: str) -> str:
    """A rejection reason with its locations and numbers elided, to group reasons that differ only there.

    >>> reason_kind("duplicate of the record at a/b.jsonl:3 (same article_id and text)")
    'duplicate of the record at … (same article_id and text)'
    """
    return _LOCATION.sub(lambda m: "…" if re.search(r"[\d/\\:]|\.\w", m.group()) else m.group(), reason)


class Rejections:
    """Rejected records counted by kind of reason (memory bounded by the kinds, not the records).

    >>> r = Rejections()
    >>> r.add(pd.DataFrame({"origin": ["a.jsonl:1", "a.jsonl:4"], "reason": ["not JSON", "not JSON"]}))
    >>> r.lines()
    ['  rejected 2x: not JSON (first: a.jsonl:1)']
    """

    def __init__(self):
        self.kinds: dict[str, dict] = {}

    def add(self, rejected: pd.DataFrame) -> None:
        for origin, reason in zip(rejected["origin"], rejected["reason"]):
            kind = self.kinds.setdefault(reason_kind(reason), {"n": 0, "reason": reason, "origin": origin, "same": True})
            kind["n"] += 1
            kind["same"] = kind["same"] and reason == kind["reason"]

    def lines(self) -> list[str]:
        """One line per kind, most frequent first: count, reason (elided where they differ), first origin."""
        ordered = sorted(self.kinds.items(), key=lambda item: -item[1]["n"])
        return [f"  rejected {k['n']}x: {k['reason'] if k['same'] else kind} ({'first: ' if k['n'] > 1 else ''}{k['origin']})"
                for kind, k in ordered]


@dataclass
class Streamed:
    """What a streamed command read and wrote: articles loaded, records rejected, rows per table."""

    articles: int = 0
    rejected: int = 0
    chunks: int = 0
    rejections: Rejections = field(default_factory=Rejections)
    rows: dict[str, int] = field(default_factory=dict)
    counts: Counter = field(default_factory=Counter)


def stream_corpus(paths, done: Streamed, *, lang=None, fields=None, errors=None, text_shape: bool = True,
                  chunk_mb: float = DEFAULT_CHUNK_MB, progress: bool = False) -> Iterator[LoadResult]:
    """The chunks of the corpus, each of whole articles holding about ``chunk_mb`` megabytes of
    text (:func:`analysis.pipeline.stream_partitions`), counted into ``done``, with a progress bar
    over the records read (articles and rejected records). The first chunk is read now, so that
    unusable paths and options are an error before any output is begun."""
    from analysis.corpus import _expand, _result
    from analysis.pipeline import stream_partitions

    if not isinstance(chunk_mb, (int, float)) or not 0 < chunk_mb < math.inf:
        raise InputError(f"chunk_mb: expected a positive size in megabytes, got {chunk_mb!r}")
    if errors is None:  # as load_articles: a named file raises at its first bad record, a folder collects
        errors = "collect" if _expand(paths)[1] else "raise"
    chunks = stream_partitions(paths, partition_mb=chunk_mb, lang=lang, fields=fields, errors=errors,
                               text_shape=text_shape)
    first = next(chunks, None) or _result([], [])  # an empty corpus still gives (empty) tables

    def counted():
        with tqdm(desc="records", unit="record", disable=not progress) as bar:
            for articles, rejected in chain([first], chunks):
                done.articles += len(articles)
                done.rejected += len(rejected)
                done.chunks += 1
                done.rejections.add(rejected)
                bar.update(len(articles) + len(rejected))
                yield LoadResult(articles, rejected)
    return counted()


def load_tables(paths, out, *, segment: bool = False, argv=None, **options) -> Streamed:
    """``load``: the articles and rejected records (and with ``segment`` the sentences and tokens)
    of a corpus as Parquet tables in the folder ``out``, with its manifest (:class:`analysis.outputs.FolderWriter`).
    ``options``: those of :func:`stream_corpus`."""
    from analysis.outputs import FolderWriter
    from analysis.segment import segment as split

    names = ["articles.parquet", "rejected.parquet"] + (["sentences.parquet", "tokens.parquet"] if segment else [])
    done = Streamed()
    chunks = stream_corpus(paths, done, **options)
    others = ("articles.parquet", "rejected.parquet", "sentences.parquet", "tokens.parquet")
    with FolderWriter(out, command="load", tables=names, others=others, argv=argv) as folder, ExitStack() as stack:
        streams = {name.removesuffix(".parquet"): stack.enter_context(folder.stream(name)) for name in names}
        for chunk in chunks:
            streams["articles"].write(chunk.articles)
            streams["rejected"].write(chunk.rejected)
            if segment:
                seg = split(chunk.articles, lang=options.get("lang"))
                streams["sentences"].write(seg.sentences)
                streams["tokens"].write(seg.tokens)
        for stream in streams.values():  # in the order of the tables
            stream.close()
        done.rows = {name: stream.rows for name, stream in streams.items()}
    return done


def quotes_as_written(path: Path, quotes: pd.DataFrame) -> pd.DataFrame:
    """The quotes table as a part of ``path`` holds it: in a CSV file lists are JSON text (as
    :class:`TableStream` writes them), for parts kept outside a stream."""
    return csv_cells(quotes) if path.suffix == ".csv" else quotes


def quote_table(paths, out, *, lang=None, actors=None, min_confidence: float = 0.0, german_news_quotes: bool = False,
                **options) -> Streamed:
    """``quotes``: the quotations of a corpus (:func:`analysis.quotes.extract_quotes`) in the table
    ``out``, or with ``german_news_quotes`` one JSON file per article in the folder ``out``."""
    from analysis.quotes import extract_quotes

    done = Streamed()
    chunks = stream_corpus(paths, done, lang=lang, **options)
    with _optional_stream(None if german_news_quotes else Path(out)) as table:
        for chunk in chunks:
            quotes = extract_quotes(chunk.articles, lang=lang, actors=actors, min_confidence=min_confidence)
            done.counts.update(quotes["kind"].tolist() if len(quotes) else [])
            if german_news_quotes:
                from analysis.evaluate.quotes import write_german_news_quotes

                done.rows["files"] = done.rows.get("files", 0) + len(write_german_news_quotes(quotes, chunk.articles, out))
                done.rows["quotes"] = done.rows.get("quotes", 0) + len(quotes)
            else:
                table.write(quotes)
        if table is not None:
            done.rows["quotes"] = table.rows
    return done


def actor_tables(paths, out, *, quotes_out=None, lang=None, actors=None, **options) -> Streamed:
    """``actors``: the actors of a corpus (:func:`analysis.actors.build_actors` as a reduction over
    chunks, :class:`analysis.actor_reduction.ActorReduction`) in the table ``out``, and with
    ``quotes_out`` the quotations with their ``actor_id``."""
    from analysis.actor_reduction import ActorReduction
    from analysis.quotes import extract_quotes

    done = Streamed()
    out = Path(out)
    reduction = ActorReduction(aliases=actors, spool=out)
    quotes = PartSpool(quotes_out or out)
    try:
        for chunk in stream_corpus(paths, done, lang=lang, **options):
            found = extract_quotes(chunk.articles, lang=lang, actors=actors)
            reduction.add(found, chunk.articles)
            if quotes_out:
                quotes.add(quotes_as_written(Path(quotes_out), found))
        table = reduction.result()
        done.rows["actors"] = len(table)
        done.counts.update(merged=int((table["aliases"].map(len) > 0).sum()), ambiguous=int(table["ambiguous"].sum()))
        write_table(table, out)
        done.counts["attributed"] = 0
        parts = quotes.parts() if quotes_out else repeat(None)
        with _optional_stream(Path(quotes_out) if quotes_out else None) as linked:
            for ids, part in zip(reduction.actor_ids(), parts):
                done.counts["attributed"] += int(ids.notna().sum())
                if linked is not None:
                    linked.write(part.append_column("actor_id", _id_array(ids)))
        if quotes_out:
            done.rows["quotes"] = quotes.rows
    finally:
        reduction.close()
        quotes.remove()
    return done


def attributed_chunks(paths, done: Streamed, *, spool: Path, aliases=None, lang=None, observe=None,
                      **options) -> Iterator[tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]]:
    """``(quotes, articles, actors)`` per chunk of the corpus: each chunk's quotations with the
    ``actor_id`` of the corpus' actors, as :func:`analysis.actors.build_actors` gives them on the
    whole corpus. A first pass extracts the quotations of every chunk, spools them and the chunk's
    articles beside ``spool`` and reduces them to the actors (:class:`analysis.actor_reduction.ActorReduction`),
    calling ``observe(quotes, articles)`` on each chunk; the second reads the chunks back."""
    from analysis.actor_reduction import ActorReduction
    from analysis.quotes import extract_quotes

    reduction = ActorReduction(aliases=aliases, spool=spool)
    quote_parts, article_parts = PartSpool(spool), PartSpool(spool.with_name(spool.name + "-articles"))
    try:
        for chunk in stream_corpus(paths, done, lang=lang, **options):
            quotes = extract_quotes(chunk.articles, lang=lang, actors=aliases)
            reduction.add(quotes, chunk.articles)
            if observe is not None:
                observe(quotes, chunk.articles)
            quote_parts.add(quotes)
            article_parts.add(chunk.articles)
        actors = reduction.result()
        for ids, quotes, articles in zip(reduction.actor_ids(), quote_parts.frames(), article_parts.frames()):
            yield quotes.assign(actor_id=ids.to_numpy()), articles, actors
    finally:
        reduction.close()
        quote_parts.remove()
        article_parts.remove()


def statement_chunks(paths, done: Streamed, *, spool: Path, concepts=None, lang=None, neutral: int | None = None,
                     **options) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    """``(statements, articles)`` per chunk of the corpus, as :func:`analysis.statements.statements_from_articles`
    codes the whole corpus: :func:`attributed_chunks`, with the concepts of ``concepts`` or, without
    one, those discovered from all the quotations in its first pass; ``neutral`` as in
    :func:`analysis.statements.build_statements` (None: its default)."""
    from analysis.concepts import read_concepts
    from analysis.statements import CorpusConcepts, build_statements, neutral_option

    dictionary = None if concepts is None else read_concepts(concepts)
    discovered = CorpusConcepts(lang=lang)
    observe = (lambda quotes, articles: discovered.add(quotes, articles=articles)) if dictionary is None else None
    for quotes, articles, actors in attributed_chunks(paths, done, spool=spool, lang=lang, observe=observe, **options):
        dictionary = discovered.table() if dictionary is None else dictionary
        statements = build_statements(quotes, articles=articles, actors=actors, concepts=dictionary, lang=lang,
                                      neutral=neutral_option(neutral))
        done.counts.update(statements["agreement_source"].tolist())
        yield statements, articles


def relation_chunks(paths, done: Streamed, *, spool: Path, lang=None, **options) -> Iterator[pd.DataFrame]:
    """The relations of each chunk of the corpus (:func:`analysis.relations.extract_relations` of its
    sentences, with the quotations and actors of :func:`attributed_chunks`), as on the whole corpus;
    ``done.counts`` gets ``sentences`` and ``dyads`` (events with a source and a target)."""
    from analysis.relations import extract_relations
    from analysis.segment import split_sentences

    for quotes, articles, actors in attributed_chunks(paths, done, spool=spool, lang=lang, **options):
        sentences = split_sentences(articles, lang=lang)
        relations = extract_relations(sentences, quotes=quotes, actors=actors, articles=articles, lang=lang)
        done.counts.update(sentences=len(sentences),
                           dyads=int((relations["source"].notna() & relations["target"].notna()).sum()))
        yield relations


def relation_table(paths, out, *, dyads_out=None, undirected: bool = False, **options) -> Streamed:
    """``relations``: :func:`relation_chunks` in the table ``out``; with ``dyads_out`` also the
    dyads by month with intervals (:func:`analysis.relations.dyads_by`; the events are then held
    until the end)."""
    from analysis.relations import dyads_by

    done, out, held = Streamed(), Path(out), []
    with TableStream(out) as table:
        for relations in relation_chunks(paths, done, spool=out, **options):
            table.write(relations)
            if dyads_out:
                held.append(relations)
        table.close()
        done.rows["relations"] = table.rows
    if dyads_out:
        relations = pd.concat(held, ignore_index=True)
        by = ("month",) if "date" in relations and relations["date"].notna().any() else ()
        agg = dyads_by(relations, by, directed=not undirected)
        write_table(agg, dyads_out)
        done.rows["dyads"] = len(agg)
    return done


def statement_table(paths, out, *, dna_out=None, **options) -> Streamed:
    """``statements``: the statements of a corpus (:func:`statement_chunks`) in the table ``out``,
    and with ``dna_out`` as DNA's statement CSV (the statements are then held until the end, to be
    numbered as one table). ``options``: those of :func:`statement_chunks` and :func:`stream_corpus`."""
    from analysis.network_exports import write_dna_statements

    done, out, held = Streamed(), Path(out), []
    actors, concepts = set(), set()
    with TableStream(out) as table:
        for statements, articles in statement_chunks(paths, done, spool=out, **options):
            table.write(statements)
            actors.update(statements["actor"].dropna())
            concepts.update(statements["concept"].dropna())
            if dna_out:
                held.append((statements, articles[[c for c in ("article_id", "title", "source") if c in articles]]))
        table.close()
        done.rows["statements"] = table.rows
    done.counts.update(actors=len(actors), concepts=len(concepts))
    if dna_out:
        statements = pd.concat([s for s, _ in held], ignore_index=True) if held else pd.DataFrame(
            columns=["article_id", "actor", "concept", "agreement"])
        articles = pd.concat([a for _, a in held], ignore_index=True) if held else None
        write_dna_statements(statements, dna_out, articles=articles)
    return done


def _id_array(ids: pd.Series):
    import pyarrow as pa

    return pa.array(ids.tolist(), type=pa.string() if ids.notna().any() else pa.null())


def sentiment_table(paths, out, *, units: bool = False, text_col: str = "text", lang=None, hits: bool = True,
                    events: bool = True, **options) -> Streamed:
    """``sentiment``: the tone of the sentences of a corpus (or, with ``units``, of the rows of
    sentence or quote tables: Parquet read by row groups) in the table ``out``
    (:func:`analysis.sentiment.score_sentiment`)."""
    from analysis.sentiment import score_sentiment

    done = Streamed()
    out = Path(out)
    with TableStream(out) as table:
        for chunk in (_unit_chunks(paths) if units
                      else _sentence_chunks(paths, done, lang=lang, **options)):
            scored = score_sentiment(chunk, text_col=text_col, lang=lang, hits=hits, events=events)
            if not hits:
                scored = scored.drop(columns="hits")
            done.counts.update(scored["label"].tolist())
            if "relation" in scored:
                done.counts.update(f"relation {r}" for r in scored["relation"])
            table.write(scored)
        done.rows["units"] = table.rows
    return done


def _sentence_chunks(paths, done: Streamed, *, lang=None, **options) -> Iterator[pd.DataFrame]:
    from analysis.segment import split_sentences

    for chunk in stream_corpus(paths, done, lang=lang, **options):
        sentences = split_sentences(chunk.articles, lang=lang)
        yield sentences.merge(chunk.articles[["article_id", "lang", "source", "date"]], on="article_id", how="left")


def _unit_chunks(paths) -> Iterator[pd.DataFrame]:
    """The rows of units tables: Parquet files in batches of :data:`UNIT_ROWS` rows, CSV files whole."""
    import pyarrow.parquet as pq

    from analysis.tables import read_table

    paths = list(map(Path, paths))
    for path in paths:
        if path.suffix not in (".parquet", ".csv", ".tsv"):
            raise InputError(f"{path}: --table expects .parquet, .csv or .tsv files")
    for path in paths:
        if path.suffix != ".parquet":
            yield read_table(path)
            continue
        try:
            batches = pq.ParquetFile(path).iter_batches(batch_size=UNIT_ROWS)
        except Exception as exc:
            raise InputError(f"{path}: not a readable Parquet file ({exc})") from None
        for batch in batches:
            yield batch.to_pandas()


def _optional_stream(path: Path | None):
    """A :class:`TableStream` for ``path``, or nothing (``None``) when ``path`` is None."""
    return TableStream(path) if path is not None else nullcontext()
