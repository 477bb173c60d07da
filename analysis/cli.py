"""The command line: one subcommand per stage. Thin by design: parse, call, write.

Each subcommand is a pair of functions, ``_add_<name>(subparsers)`` declaring its arguments and
``_run_<name>(args)`` calling the library. Errors the user can fix (:class:`InputError`,
missing files, unusable arguments) end the program with a one-line message and exit code 2;
output paths are checked while the arguments are parsed, before any work starts, and every
output file is written atomically (:mod:`analysis.outputs`).

    python -m analysis load data/ --out out/ --segment
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from analysis.errors import InputError
from analysis.outputs import (
    TABLE_SUFFIXES,
    check_output_file,
    check_output_folder,
    write_table,
    write_text,
)

log = logging.getLogger("analysis")



class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line (and exit code 2)."""

    def error(self, message: str):
        self.exit(2, f"error: {message} (see {self.prog} --help)\n")


def _argument_type(check):
    """An argparse ``type`` turning a path check's :class:`InputError` into a usage error."""
    def convert(text: str) -> Path:
        try:
            return check(Path(text))
        except InputError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
    return convert


_table_out = _argument_type(lambda p: check_output_file(p, suffixes=TABLE_SUFFIXES))
_file_out = _argument_type(check_output_file)
_folder_out = _argument_type(check_output_folder)


def _count(minimum: int):
    """An argparse ``type`` for a whole number of at least ``minimum``."""
    def whole_number(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value < minimum:
            raise argparse.ArgumentTypeError(f"expected a whole number >= {minimum}, got {text!r}")
        return value
    return whole_number


def _rejection_lines(rejected) -> list[str]:
    """One line per kind of rejection: count, reason (elided where the reasons differ), first origin."""
    from analysis.streaming import Rejections

    kinds = Rejections()
    kinds.add(rejected)
    return kinds.lines()


def _report_streamed(done, dest: str = "") -> None:
    """How many articles a streamed command loaded and why the other records were rejected."""
    print(f"{done.articles} articles loaded, {done.rejected} rejected{dest}")
    for line in done.rejections.lines():
        print(line)


def _chunk_option(p) -> None:
    from analysis.streaming import DEFAULT_CHUNK_MB

    p.add_argument("--chunk-mb", type=float, default=DEFAULT_CHUNK_MB,
                   help=f"megabytes of text read and processed at a time (default {DEFAULT_CHUNK_MB:g}, whole articles); "
                        "memory grows with it, not with the corpus")


# --- load -----------------------------------------------------------------------------------

def _add_load(sub) -> None:
    p = sub.add_parser("load", help="load articles (and optionally segment them) into Parquet tables")
    p.add_argument("paths", nargs="+", help="files, folders or globs (txt, json, jsonl, csv, tsv, parquet, html, .gz, .zip)")
    p.add_argument("--out", required=True, type=_folder_out,
                   help="output folder (tables written atomically, listed in its .manifest.json)")
    p.add_argument("--segment", action="store_true", help="also write sentences.parquet and tokens.parquet")
    p.add_argument("--lang", default=None, help="language code for every article (default: detect per article)")
    _errors_option(p)
    p.add_argument("--field", action="append", default=[], metavar="ROLE=NAME",
                   help="map a record field to a column, e.g. --field text=body --field date=published")
    p.add_argument("--no-text-shape", action="store_true",
                   help="keep the text as in the files (default: re-flow hard-wrapped lines, remove markup leftovers)")
    _chunk_option(p)
    p.set_defaults(func=_run_load)


def _errors_option(p) -> None:
    p.add_argument("--errors", choices=("collect", "raise"), default="collect",
                   help="bad records: 'collect' (default, for files as for folders) lists them as rejected and goes on; "
                        "'raise' stops at the first with its file, line and reason")


def _run_load(args) -> int:
    from analysis.streaming import load_tables

    done = load_tables(args.paths, args.out, segment=args.segment, argv=args.argv, lang=args.lang,
                       fields=_parse_fields(args.field), errors=args.errors, text_shape=not args.no_text_shape,
                       chunk_mb=args.chunk_mb, progress=True)
    _report_streamed(done, dest=f" -> {args.out}")
    if args.segment:
        print(f"{done.rows['sentences']} sentences, {done.rows['tokens']} tokens")
    return 0


def _parse_fields(pairs: list[str]) -> dict[str, str]:
    fields = {}
    for pair in pairs:
        role, sep, name = pair.partition("=")
        if not sep or not role or not name:
            raise InputError(f"--field expects ROLE=NAME (e.g. text=body), got {pair!r}")
        fields[role] = name
    return fields


# --- run ------------------------------------------------------------------------------------

def _add_run(sub) -> None:
    from analysis.pipeline import (
        DEFAULT_PARTITION_MB,  # light: dask is imported when a run starts
    )
    from analysis.stages import STAGES

    p = sub.add_parser("run", help="the whole analysis partition-wise on Dask (local cores or a cluster), resumable; "
                                   "tables as partitioned Parquet datasets in DIR")
    p.add_argument("paths", nargs="+", help="files, folders or globs of articles (as for load)")
    p.add_argument("--out", required=True, type=_folder_out,
                   help="run folder (DIR/articles/, DIR/quotes/, ...); run again with the same options to resume")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--workers", type=_count(1), default=None, help="worker processes of a local cluster (default 2)")
    where.add_argument("--scheduler", default=None, metavar="ADDRESS",
                       help="address of a running Dask scheduler (tcp://host:8786); DIR must be on a file system the workers share")
    p.add_argument("--stages", default=",".join(STAGES), help=f"comma-separated stages (default: {','.join(STAGES)})")
    p.add_argument("--partition-mb", type=float, default=DEFAULT_PARTITION_MB,
                   help="megabytes of text per partition (default 4: about 1.1 GB of memory per worker)")
    p.add_argument("--lang", default=None, help="language code for every article (default: detect per article)")
    p.add_argument("--field", action="append", default=[], metavar="ROLE=NAME", help="map a record field to a column")
    p.add_argument("--actors", type=Path, default=None, help="actor alias table (CSV or YAML: actor, alias, lang)")
    p.add_argument("--concepts", type=Path, default=None,
                   help="concept dictionary for the networks stage (.yaml or .csv); default: discovered from the quotations")
    neutral_option_argument(p, stage="networks stage: ")
    p.add_argument("--limit", type=_count(1), default=None, help="compute at most N partitions now (run again to go on)")
    p.add_argument("--no-text-shape", action="store_true", help="keep the text as in the files")
    p.set_defaults(func=_run_run)


def _run_run(args) -> int:
    from analysis.pipeline import run_corpus

    s = run_corpus(args.paths, args.out, stages=args.stages, workers=args.workers, scheduler=args.scheduler,
                   lang=args.lang, fields=_parse_fields(args.field), actors=args.actors, concepts=args.concepts,
                   neutral=args.neutral, text_shape=not args.no_text_shape, partition_mb=args.partition_mb, limit=args.limit, progress=True)
    print(f"{s.articles} articles, {s.rejected} rejected in {s.partitions} partitions -> {args.out}: "
          f"{len(s.computed)} computed, {s.skipped} done before, {len(s.failed)} failed ({s.seconds:.0f} s)")
    for k, reason in sorted(s.failed.items()):
        print(f"  partition {k} failed (its records are in {args.out / 'failures'}): {reason}")
    if not s.complete:
        print(f"not complete: run the same command again to go on (python -m analysis {' '.join(args.argv)})")
    return 0 if s.complete else 1


# --- report ---------------------------------------------------------------------------------

def _add_report(sub) -> None:
    from analysis.report import parameters_help

    p = sub.add_parser("report", help="run every notebook on a corpus and build the HTML report",
                       formatter_class=argparse.RawDescriptionHelpFormatter, epilog=parameters_help()
                       + "\n\nexample: report path/to/articles -p query=Zoll -p top_n=30 --out my-report")
    p.add_argument("corpus", nargs="?", default="data", help="folder, file or glob of articles (default: the embedded sample)")
    p.add_argument("--out", type=_folder_out, default=Path("report"), help="output folder (default: report)")
    p.add_argument("--lang", default=None, help="language code for every article (default: detect)")
    p.add_argument("--figures", type=_folder_out, default=None, help="also copy the exported figures to this folder")
    p.add_argument("-p", "--parameter", action="append", default=[], type=_report_parameter, metavar="NAME=VALUE",
                   help="set a notebook parameter (listed below); values are typed as papermill types them: "
                        "True/False, None, numbers, [a, b] lists, else text")
    p.set_defaults(func=_run_report)


def _report_parameter(text: str) -> tuple[str, object]:
    from analysis.report import parse_parameter

    try:
        return parse_parameter(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _run_report(args) -> int:
    from analysis.report import build_report

    runs = build_report(args.corpus, args.out, lang=args.lang, figures=args.figures, parameters=dict(args.parameter),
                        progress=True)
    for run in runs:
        print(f"  {run.name}: {'ok' if run.ok else 'FAILED: ' + run.error} ({run.seconds:.0f} s)")
    print(f"report: {(args.out / 'index.html').resolve()}")
    if not runs:
        print(f"error: {args.corpus}: no readable article; the report's first page says why", file=sys.stderr)
    return 0 if runs and all(r.ok for r in runs) else 1


# --- sentiment ------------------------------------------------------------------------------

def _add_sentiment(sub) -> None:
    p = sub.add_parser("sentiment", help="score the tone of sentences (or of a units table): polarity, cooperation, certainty, "
                                         "and their relation (PLOVER event, quad class, Goldstein weight)")
    p.add_argument("paths", nargs="+", help="article files/folders (segmented into sentences), or with --table units tables")
    p.add_argument("--out", required=True, type=_table_out, help="output table (.csv, .parquet or .xlsx)")
    p.add_argument("--table", action="store_true", help="PATHs are sentence or quote tables (.parquet/.csv) with a text column")
    p.add_argument("--text-col", default="text", help="text column of a units table (default: text)")
    p.add_argument("--lang", default=None, help="language of every unit (default: the lang column / detected per article)")
    _errors_option(p)
    p.add_argument("--no-hits", action="store_true", help="leave out the hits and event_hits columns (faster, smaller)")
    p.add_argument("--no-events", action="store_true",
                   help="leave out the relation columns (relation, event, quad_class, goldstein, event_context)")
    _chunk_option(p)
    p.set_defaults(func=_run_sentiment)


def _run_sentiment(args) -> int:
    from analysis.streaming import sentiment_table

    done = sentiment_table(args.paths, args.out, units=args.table, text_col=args.text_col, lang=args.lang,
                           hits=not args.no_hits, events=not args.no_events, errors=args.errors,
                           chunk_mb=args.chunk_mb, progress=True)
    if not args.table:
        _report_streamed(done)
    counts = done.counts
    line = f"{done.rows['units']} units scored -> {args.out} " + ", ".join(
        f"{k} {counts.get(k, 0)}" for k in ("positive", "neutral", "negative"))
    if not args.no_events:
        line += "; relation " + ", ".join(f"{k} {counts.get('relation ' + k, 0)}" for k in ("cooperation", "none", "conflict"))
    print(line)
    return 0


def _add_evaluate_sentiment(sub) -> None:
    p = sub.add_parser("evaluate-sentiment", help="measure the sentiment engine on GerNTSA or the VADER NYT snippets")
    p.add_argument("--dataset", required=True, choices=["gerntsa", "vader-nyt"])
    p.add_argument("path", nargs="?", default=None, help="dataset file or folder (default: ../shared/datasets/...)")
    p.add_argument("--part", default="test", choices=["test", "tune", "all"], help="which fixed part to score (default: test)")
    p.add_argument("--json", type=_file_out, default=None, help="also write the numbers as JSON")
    p.set_defaults(func=_run_evaluate_sentiment)


def _run_evaluate_sentiment(args) -> int:
    import json

    from analysis.evaluate.sentiment import evaluate

    result = evaluate(args.dataset, args.path, part=args.part)
    for k, v in result.items():
        print(f"{k}: {v:.4f}" if isinstance(v, float) else f"{k}: {v}")
    if args.json:
        write_text(args.json, json.dumps(result, indent=2) + "\n")
    return 0


# --- quotes ---------------------------------------------------------------------------------

def _add_quotes(sub) -> None:
    p = sub.add_parser("quotes", help="extract quotations with speakers (direct, indirect, free indirect, reported)")
    p.add_argument("paths", nargs="+", help="article files/folders; with --dataset, dataset folders (or train/dev)")
    p.add_argument("--out", required=True, type=Path,
                   help="output table (.csv, .parquet or .xlsx), or a folder with --format german-news-quotes")
    p.add_argument("--format", default="table", choices=["table", "german-news-quotes"],
                   help="table (default) or one JSON file per article in the German news quotation dataset's format")
    p.add_argument("--dataset", default=None, choices=["german-news-quotes", "polnear"],
                   help="read PATHs with this dataset's reader (keeps its tokens for the JSON export)")
    p.add_argument("--lang", default=None, help="language of every article (default: lang column / detected)")
    _errors_option(p)
    p.add_argument("--actors", type=Path, default=None, help="actor alias table (CSV or YAML: actor, alias, lang)")
    p.add_argument("--min-confidence", type=float, default=0.0, help="drop quotations below this confidence")
    _chunk_option(p)
    p.set_defaults(func=_run_quotes)


def _alias_table(path: Path | None):
    """The --actors alias table: a CSV file read with its byte-order mark, a YAML path as it is."""
    if path is not None and path.suffix == ".csv":
        from analysis.tables import read_table

        return read_table(path, dtype=str, keep_default_na=False)
    return path


def _run_quotes(args) -> int:
    if args.format == "german-news-quotes":
        check_output_folder(args.out)
    else:
        check_output_file(args.out, suffixes=TABLE_SUFFIXES)
    actors = _alias_table(args.actors)
    if args.dataset:
        return _dataset_quotes(args, actors)
    from analysis.streaming import quote_table

    gnq = args.format == "german-news-quotes"
    done = quote_table(args.paths, args.out, lang=args.lang, actors=actors, min_confidence=args.min_confidence,
                       german_news_quotes=gnq, errors=args.errors, chunk_mb=args.chunk_mb, progress=True)
    _report_streamed(done)
    if gnq:
        print(f"{done.rows['quotes']} quotations in {done.articles} articles -> {done.rows.get('files', 0)} "
              f"JSON files in {args.out}")
        return 0
    print(f"{done.rows['quotes']} quotations in {done.articles} articles -> {args.out} "
          + ", ".join(f"{k} {v}" for k, v in done.counts.most_common()))
    return 0


def _dataset_quotes(args, actors) -> int:
    """The quotes of annotated datasets (read whole, with their tokens for the JSON export)."""
    import pandas as pd

    from analysis.datasets import read_gold
    from analysis.quotes import extract_quotes

    golds = [read_gold(args.dataset, p) for p in args.paths]
    articles = pd.concat([g.articles for g in golds], ignore_index=True)
    tokens = pd.concat([g.tokens for g in golds], ignore_index=True)
    quotes = extract_quotes(articles, lang=args.lang, actors=actors, min_confidence=args.min_confidence,
                            progress=True)
    if args.format == "german-news-quotes":
        from analysis.evaluate.quotes import write_german_news_quotes

        written = write_german_news_quotes(quotes, articles, args.out, tokens=tokens)
        print(f"{len(quotes)} quotations in {len(articles)} articles -> {len(written)} JSON files in {args.out}")
        return 0
    write_table(quotes, args.out)
    counts = quotes["kind"].value_counts().to_dict() if len(quotes) else {}
    print(f"{len(quotes)} quotations in {len(articles)} articles -> {args.out} "
          + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


def _add_evaluate_quotes(sub) -> None:
    p = sub.add_parser("evaluate-quotes", help="score quotation attribution against gold data (Message/Roles/Joint F1)")
    p.add_argument("--gold", required=True, help="gold folder, or split name (train, dev) under ../shared/datasets")
    p.add_argument("--format", default="german-news-quotes", choices=["german-news-quotes", "polnear"])
    p.add_argument("--json", type=_file_out, default=None, help="also write the scores as JSON")
    p.add_argument("--limit", type=_count(1), default=None, help="score only the first N documents")
    p.add_argument("--predictions", type=_table_out, default=None, help="also write the predicted quotes (.csv, .parquet or .xlsx)")
    p.add_argument("--export", type=_folder_out, default=None,
                   help="also write predictions as German news quotation JSON files into this folder")
    p.add_argument("--actor-labels", type=Path, default=None,
                   help="TSV of the actor behind each gold quotation (default: the shipped labels of the split, "
                        "analysis/evaluate/labels/, when the split has them)")
    p.set_defaults(func=_run_evaluate_quotes)


def _run_evaluate_quotes(args) -> int:
    import json

    from analysis.datasets import read_gold
    from analysis.evaluate.quotes import score_quotes, write_german_news_quotes
    from analysis.quotes import extract_quotes

    gold = read_gold(args.format, args.gold, limit=args.limit)
    if not len(gold.articles):
        raise InputError(f"{args.gold}: no annotated articles found (format {args.format})")
    pred = extract_quotes(gold.articles, progress=True)
    scores = score_quotes(pred, gold.quotes, gold.tokens)
    summary = scores.to_json()
    actor_scores = _actor_scores(args, scores, pred, gold.quotes)
    if actor_scores is not None:
        scores.summary.update(actor_scores.summary)
        summary.update(actor_scores.summary, actors_by_mention=actor_scores.by_mention.to_dict(orient="records"))
    for k, v in scores.summary.items():
        print(f"{k}: {v:.4f}" if isinstance(v, float) else f"{k}: {v}")
    print(scores.roles.round(4).to_string(index=False))
    print(scores.by_kind.round(4).to_string(index=False))
    if actor_scores is not None:
        print(actor_scores.by_mention.round(4).to_string(index=False))
    if args.json:
        write_text(args.json, json.dumps(summary, indent=2, default=str) + "\n")
    if args.predictions:
        write_table(pred, args.predictions)
    if args.export:
        write_german_news_quotes(pred, gold.articles, args.export, tokens=gold.tokens)
    return 0


def _actor_scores(args, scores, pred, gold_quotes):
    """Actor scores when labels are given or shipped for the split (else None)."""
    from analysis.evaluate.actors import default_labels, read_actor_labels, score_actors

    path = args.actor_labels
    if path is None and str(args.gold) in ("train", "dev"):
        path = default_labels(args.format, str(args.gold))
        path = path if path.exists() else None
    if path is None:
        return None
    return score_actors(scores.alignment, pred, gold_quotes, read_actor_labels(path))

# --- actors ---------------------------------------------------------------------------------

def _add_actors(sub) -> None:
    p = sub.add_parser("actors", help="the actors of a corpus: speakers merged across articles, with counts and dates")
    p.add_argument("paths", nargs="+", help="article files/folders")
    p.add_argument("--out", required=True, type=_table_out, help="actors table (.csv, .parquet or .xlsx)")
    p.add_argument("--actors", type=Path, default=None,
                   help="actor alias table (CSV or YAML: actor, alias, lang); overrides the merging")
    p.add_argument("--quotes-out", type=_table_out, default=None,
                   help="also write the quotes table with its actor_id column (.csv, .parquet or .xlsx)")
    p.add_argument("--lang", default=None, help="language of every article (default: lang column / detected)")
    _errors_option(p)
    _chunk_option(p)
    p.set_defaults(func=_run_actors)


def _run_actors(args) -> int:
    from analysis.actors import alias_index
    from analysis.streaming import actor_tables

    aliases = _alias_table(args.actors)
    alias_index(aliases)  # a conflicting alias table is an error before any work
    done = actor_tables(args.paths, args.out, quotes_out=args.quotes_out, lang=args.lang, actors=aliases,
                        errors=args.errors, chunk_mb=args.chunk_mb, progress=True)
    _report_streamed(done)
    print(f"{done.rows['actors']} actors from {done.counts['attributed']} attributed quotations in "
          f"{done.articles} articles -> {args.out} ({done.counts['merged']} with merged names, "
          f"{done.counts['ambiguous']} ambiguous)")
    return 0


# --- terms ----------------------------------------------------------------------------------

def _unit_args(p) -> None:
    p.add_argument("--lemma", action="store_true", help="count lemmas (default: lower-cased word forms)")
    p.add_argument("--unit", choices=["lemma", "lower", "text", "stem"], default=None,
                   help="term unit (overrides --lemma); stem = umlaut-preserving Snowball stem")
    p.add_argument("--lang", default=None, help="language code (default: detect per article)")


def _unit(args) -> str:
    return args.unit or ("lemma" if args.lemma else "lower")


def _add_terms(sub) -> None:
    p = sub.add_parser("terms", help="frequency table of terms or n-grams, optionally per group")
    p.add_argument("paths", nargs="+", help="corpus files/folders, token tables, or 'load --segment' output folders")
    p.add_argument("--out", required=True, type=_table_out, help="output table (.csv, .parquet or .xlsx)")
    p.add_argument("--by", default=None, help="group by this tokens or articles column (e.g. source, article_id)")
    _unit_args(p)
    p.add_argument("--ngram", type=_count(1), default=1, help="n-gram length (default 1)")
    p.add_argument("--stopwords", action="store_true", help="drop stopwords (and n-grams containing one)")
    p.add_argument("--min-count", type=_count(0), default=1, help="minimum frequency (default 1)")
    p.add_argument("--compounds", choices=["split", "heads"], default=None, help="split German compounds")
    p.set_defaults(func=_run_terms)


def _run_terms(args) -> int:
    from analysis.terms import corpus_frequencies

    table = corpus_frequencies(args.paths, by=args.by, unit=_unit(args), ngram=args.ngram, stopwords=args.stopwords,
                               min_count=args.min_count, lang=args.lang, compounds=args.compounds, progress=True)
    write_table(table, args.out)
    print(f"{len(table)} rows ({table['group'].nunique()} group(s)) -> {args.out}")
    return 0


def _add_keyness(sub) -> None:
    p = sub.add_parser("keyness", help="key terms of a target corpus against a reference (corpus, list or wordfreq)")
    p.add_argument("--target", required=True, nargs="+", help="target corpus files/folders or token tables")
    p.add_argument("--reference", required=True, nargs="+",
                   help="'wordfreq', a frequency list (term<TAB>count), a term/n table, or corpus paths")
    p.add_argument("--out", required=True, type=_table_out, help="output table (.csv, .parquet or .xlsx)")
    _unit_args(p)
    p.add_argument("--min-freq", type=_count(0), default=3, help="minimum frequency in target or reference (default 3)")
    p.add_argument("--williams", action="store_true", help="apply Williams' correction to G2")
    p.add_argument("--yates", action="store_true", help="apply Yates' correction to chi2")
    p.add_argument("--sort", default="g2", help="column to sort by, descending (default g2)")
    p.set_defaults(func=_run_keyness)


def _run_keyness(args) -> int:
    from analysis.keyness import keyness, load_reference
    from analysis.terms import corpus_frequencies

    target = corpus_frequencies(args.target, unit=_unit(args), lang=args.lang, progress=True)
    reference = load_reference(args.reference, unit=_unit(args), lang=args.lang, progress=True)
    table = keyness(target, reference, unit=_unit(args), lang=args.lang,
                    min_freq=args.min_freq, correction="williams" if args.williams else None, yates=args.yates,
                    sort=args.sort)
    write_table(table, args.out)
    print(f"{len(table)} terms -> {args.out}")
    print(table.head(10)[["term", "n_target", "n_reference", "g2", "log_ratio"]].to_string(index=False))
    return 0


def _add_collocations(sub) -> None:
    p = sub.add_parser("collocations", help="bigram/window collocations, or collocates of a node (--node)")
    p.add_argument("paths", nargs="+", help="corpus files/folders, token tables, or 'load --segment' output folders")
    p.add_argument("--out", required=True, type=_table_out, help="output table (.csv, .parquet or .xlsx)")
    _unit_args(p)
    p.add_argument("--window", type=_count(1), default=1, help="pairs up to this many tokens apart (default 1: bigrams)")
    p.add_argument("--ngram", type=_count(2), default=2, help="adjacent n-grams of this length (default 2)")
    p.add_argument("--node", default=None, help="collocates of this term instead of all pairs")
    p.add_argument("--left", type=_count(0), default=5, help="left span for --node (default 5)")
    p.add_argument("--right", type=_count(0), default=5, help="right span for --node (default 5)")
    p.add_argument("--min-count", type=_count(0), default=3, help="minimum co-occurrence count (default 3)")
    p.add_argument("--stopwords", action="store_true", help="drop pairs containing a stopword")
    p.add_argument("--sort", default=None, help="column to sort by (default g2; log_dice for --node)")
    p.set_defaults(func=_run_collocations)


def _run_collocations(args) -> int:
    from analysis.collocations import corpus_collocates, corpus_collocations

    # streamed: memory bounded by the vocabulary and the distinct pairs or n-grams
    if args.node:
        table = corpus_collocates(args.paths, args.node, unit=_unit(args), left=args.left, right=args.right,
                                  min_count=args.min_count, stopwords=args.stopwords, sort=args.sort or "log_dice",
                                  lang=args.lang, progress=True)
    else:
        table = corpus_collocations(args.paths, unit=_unit(args), ngram=args.ngram, window=args.window,
                                    min_count=args.min_count, stopwords=args.stopwords, sort=args.sort or "g2",
                                    lang=args.lang, progress=True)
    write_table(table, args.out)
    print(f"{len(table)} rows -> {args.out}")
    return 0


def _add_kwic(sub) -> None:
    p = sub.add_parser("kwic", help="keyword-in-context lines for a word, lemma, phrase or regex")
    p.add_argument("paths", nargs="+", help="corpus files/folders or 'load --segment' output folders")
    p.add_argument("--query", required=True, help="a word, a phrase (words separated by spaces) or a regex")
    p.add_argument("--match", choices=["lower", "lemma", "text", "regex"], default="lower")
    p.add_argument("--window", type=_count(0), default=6, help="context tokens per side (default 6)")
    p.add_argument("--chars", type=_count(1), default=None, help="context in characters per side instead of tokens")
    p.add_argument("--sentence", action="store_true", help="keep the context inside the keyword's sentence")
    p.add_argument("--lang", default=None, help="language code (default: detect per article)")
    p.add_argument("--out", type=_table_out, default=None, help="write the lines to .csv, .parquet or .xlsx (default: print)")
    p.add_argument("--html", type=_file_out, default=None, help="also write an HTML page with highlighted keywords")
    p.set_defaults(func=_run_kwic)


def _run_kwic(args) -> int:
    from analysis.kwic import corpus_kwic, kwic_html

    lines = corpus_kwic(args.paths, args.query, lang=args.lang, match=args.match, window=args.window,
                        context="chars" if args.chars else "tokens", chars=args.chars or 60,
                        sentence_bounded=args.sentence)
    if args.out:
        write_table(lines, args.out)
    if args.html:
        write_text(args.html, f"<!doctype html><meta charset='utf-8'>{kwic_html(lines, max_rows=10_000)}")
    if not args.out:
        for rec in lines.itertuples(index=False):
            print(f"{rec.left[-50:]:>50}  [{rec.keyword}]  {rec.right[:50]}")
    print(f"{len(lines)} line(s)", file=sys.stderr)
    return 0


from analysis.cli_networks import _add_network, _add_relations, _add_statements, neutral_option_argument  # noqa: E402, F401 (registered by build_parser, after kwic in --help)

# --- main -----------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m analysis", description="Discourse analysis of news: load articles, find quotations, score tone, count terms, build the report. Each command has --help.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, value in list(globals().items()):
        if name.startswith("_add_") and callable(value):
            value(sub)
    return parser


def _fail(message: str) -> None:
    """Print ``message`` on a line of its own: progress bars left open by the failed step are closed first."""
    from tqdm import tqdm

    for bar in list(tqdm._instances):
        bar.close()
    sys.stdout.flush()
    print(message, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2), already printed
        return exc.code
    args.argv = argv
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    try:
        return args.func(args)
    except (InputError, OSError) as exc:
        _fail(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        _fail("error: interrupted (files written so far are complete; the others were left as they were)")
        return 130
