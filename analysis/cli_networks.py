"""Subcommands for relations, discourse statements and networks; :mod:`analysis.cli` registers them.

The shared argument helpers live in :mod:`analysis.cli` and are imported where a command is
built or run, so that importing this module alone imports no command line.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from analysis.errors import InputError
from analysis.outputs import check_output_file


def _cli():
    from analysis import cli

    return cli


# --- relations ------------------------------------------------------------------------------

def _add_relations(sub) -> None:
    p = sub.add_parser("relations", help="who does what to whom: events with source and target actors (dyads), "
                                         "optionally aggregated by dyad and month")
    p.add_argument("paths", nargs="+", help="article files/folders")
    p.add_argument("--out", required=True, type=_cli()._table_out, help="relations table (.csv, .parquet or .xlsx)")
    p.add_argument("--dyads-out", type=_cli()._table_out, default=None,
                   help="also write the dyads by month with intervals (.csv, .parquet or .xlsx)")
    p.add_argument("--undirected", action="store_true", help="with --dyads-out: A → B and B → A are one dyad")
    p.add_argument("--actors", type=Path, default=None, help="actor alias table (CSV or YAML: actor, alias, lang)")
    p.add_argument("--lang", default=None, help="language of every article (default: lang column / detected)")
    _cli()._errors_option(p)
    _cli()._chunk_option(p)
    p.set_defaults(func=_run_relations)


def _relation_options(args) -> dict:
    """The options of :func:`analysis.streaming.relation_chunks` from the arguments (the alias table checked)."""
    from analysis.actors import alias_index

    aliases = _cli()._alias_table(args.actors)
    alias_index(aliases)  # a conflicting alias table is an error before any work
    return {"aliases": aliases, "lang": args.lang, "errors": args.errors, "chunk_mb": args.chunk_mb, "progress": True}


def _run_relations(args) -> int:
    from analysis.streaming import relation_table

    done = relation_table(args.paths, args.out, dyads_out=args.dyads_out, undirected=args.undirected,
                          **_relation_options(args))
    _cli()._report_streamed(done)
    line = (f"{done.rows['relations']} events in {done.counts['sentences']} sentences -> {args.out}; "
            f"{done.counts['dyads']} with source and target")
    if args.dyads_out:
        line += f"; {done.rows['dyads']} dyad rows -> {args.dyads_out}"
    print(line)
    return 0


# --- statements and networks ----------------------------------------------------------------

def _concepts_arg(text: str):
    """--concepts: the dictionary read while the arguments are parsed, so a malformed one stops the run early."""
    from analysis.concepts import read_concepts

    try:
        return read_concepts(Path(text))
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def neutral_option_argument(p, *, stage: str = "") -> None:
    """``--neutral 1|0`` (:func:`analysis.statements.build_statements`), for ``statements``, ``network`` and ``run``."""
    p.add_argument("--neutral", type=int, choices=(1, 0), default=None,
                   help=f"{stage}agreement of a mention with neither a stance construction nor a tone: "
                        "1 (default: named, for it) or 0 (DNA's neutral qualifier)")


def _statement_inputs(p) -> None:
    p.add_argument("paths", nargs="+", help="article files/folders (or, with --from-statements, one statements table; for network also a run folder of `run --stages networks`)")
    p.add_argument("--concepts", type=_concepts_arg, default=None,
                   help="concept dictionary (.yaml or .csv: concept -> lemmas, phrases, regexes); "
                        "without it concepts are discovered from the quotations")
    p.add_argument("--actors", type=Path, default=None, help="actor alias table (CSV or YAML: actor, alias, lang)")
    p.add_argument("--lang", default=None, help="language of every article (default: lang column / detected)")
    neutral_option_argument(p)
    _cli()._errors_option(p)
    _cli()._chunk_option(p)


def _add_statements(sub) -> None:
    p = sub.add_parser("statements", help="code discourse statements (actor, concept, agreement) from the quotations")
    _statement_inputs(p)
    p.add_argument("--out", required=True, type=_cli()._table_out, help="statements table (.csv, .parquet or .xlsx)")
    p.add_argument("--dna-out", type=_cli()._argument_type(lambda x: check_output_file(x, suffixes=(".csv",))), default=None,
                   help="also write the statements as a DNA statement CSV (semicolon-separated)")
    p.set_defaults(func=_run_statements)


def _statement_options(args) -> dict:
    """The options of :func:`analysis.streaming.statement_chunks` from the arguments."""
    return {**_relation_options(args), "concepts": args.concepts, "neutral": args.neutral}


def _run_statements(args) -> int:
    from analysis.streaming import statement_table

    done = statement_table(args.paths, args.out, dna_out=args.dna_out, **_statement_options(args))
    _cli()._report_streamed(done)
    by = done.counts
    print(f"{done.rows['statements']} statements of {by['actors']} actors on {by['concepts']} concepts -> {args.out} "
          f"(agreement from stance {by['stance']}, tone {by['tone']}, named {by['named']}, neutral {by['none']})")
    return 0


def _network_out(text: str) -> Path:
    from analysis.network_exports import NETWORK_SUFFIXES

    return _cli()._argument_type(lambda x: check_output_file(x, suffixes=NETWORK_SUFFIXES))(text)


def _add_network(sub) -> None:
    from analysis.networks import DUPLICATES, NETWORK_TYPES

    p = sub.add_parser("network", help="a discourse network (two-mode, congruence, conflict, subtract, concepts) "
                                       "or the actor -> actor relations network, written for Gephi, visone, Pajek, "
                                       "UCINET or as CSV")
    _statement_inputs(p)
    p.add_argument("--from-statements", action="store_true", help="PATH is a statements table written by 'statements'")
    p.add_argument("--from-relations", action="store_true",
                   help="with --type relations: PATH is a relations table written by 'relations'")
    p.add_argument("--type", choices=NETWORK_TYPES + ("relations",), default="congruence",
                   help="network type (default congruence; relations: events between actors, directed)")
    p.add_argument("--out", required=True, type=_network_out, help="network file (.graphml, .gexf, .net, .dl or .csv)")
    p.add_argument("--normalization", default=None,
                   help="one-mode: average, jaccard, cosine; two-mode: activity, prominence (default none)")
    p.add_argument("--aggregation", default=None,
                   help="two-mode only: combine (default), positive, negative, subtract, ignore")
    p.add_argument("--duplicates", choices=DUPLICATES, default="document",
                   help="one statement per actor, concept and agreement per document (default), week, month, year; "
                        "or include all")
    p.add_argument("--exclude-neutral", action="store_true", help="leave out statements with agreement 0")
    p.add_argument("--min-confidence", type=float, default=0.0,
                   help="leave out statements below this confidence (0.6: the threshold of docs/networks.md)")
    p.add_argument("--window", default=None, help="moving time window such as 30D (then .gexf or .csv)")
    p.add_argument("--step", default="1D", help="step of the moving window (default 1D)")
    p.add_argument("--flavour", choices=("gephi", "visone"), default="gephi", help="GraphML flavour")
    p.add_argument("--dl-format", choices=("fullmatrix", "edgelist1"), default="fullmatrix", help="UCINET DL layout")
    p.set_defaults(func=_run_network)


def _network_statements(args):
    from analysis.run_folder import is_run_folder, open_run

    if len(args.paths) == 1 and is_run_folder(args.paths[0]):  # the statements of a pipeline run's networks stage
        run = open_run(args.paths[0])
        if "statements" not in run.tables:
            raise InputError(f"{args.paths[0]}: a run without statements; run it with --stages networks")
        return run.statements
    if not args.from_statements:
        return _collected("statements", args)
    from analysis.tables import read_table

    if len(args.paths) != 1:
        raise InputError("--from-statements takes one statements table")
    return read_table(Path(args.paths[0]))


def _collected(stage: str, args):
    """The ``statements`` or ``relations`` of the corpus in ``args.paths`` as one table, coded chunk
    by chunk (spooled beside ``--out``), with the records loaded and rejected reported."""
    import pandas as pd

    from analysis.streaming import Streamed, relation_chunks, statement_chunks

    done, spool = Streamed(), args.out.with_name(f"{args.out.name}-{stage}")
    if stage == "statements":
        parts = [st for st, _ in statement_chunks(args.paths, done, spool=spool, **_statement_options(args))]
    else:
        parts = list(relation_chunks(args.paths, done, spool=spool, **_relation_options(args)))
    _cli()._report_streamed(done)
    return pd.concat(parts, ignore_index=True)


def _check_network_options(args) -> None:
    """The normalisation, aggregation and window of ``network``, checked as the functions check them."""
    import pandas as pd

    from analysis.networks import ONE_MODE_NORMS, TWO_MODE, TWO_MODE_NORMS, _choice

    two_mode = args.type == "two-mode"
    _choice(args.normalization, TWO_MODE_NORMS if two_mode else ONE_MODE_NORMS, "--normalization")
    if args.aggregation:
        _choice(args.aggregation, TWO_MODE, "--aggregation")
    for name in ("window", "step"):
        value = getattr(args, name, None)
        if value:
            try:
                pd.Timedelta(value)
            except ValueError:
                raise InputError(f"--{name}: expected a duration such as 30D or 12h, got {value!r}") from None


def _run_relations_network(args) -> int:
    from analysis.network_exports import write_network
    from analysis.relation_network import relations_network

    for flag, value in (("--window", args.window), ("--normalization", args.normalization),
                        ("--aggregation", args.aggregation), ("--from-statements", args.from_statements),
                        ("--min-confidence", args.min_confidence), ("--exclude-neutral", args.exclude_neutral)):
        if value:
            raise InputError(f"{flag} applies to the discourse networks, not to --type relations")
    if args.from_relations:
        from analysis.tables import read_table

        if len(args.paths) != 1:
            raise InputError("--from-relations takes one relations table")
        relations = read_table(Path(args.paths[0]))
    else:
        relations = _collected("relations", args)
    net = relations_network(relations)
    write_network(net, args.out, flavour=args.flavour, dl_format=args.dl_format)
    print(f"relations network: {len(net.nodes)} actors, {len(net.edges)} directed edges from {len(relations)} events "
          f"-> {args.out}")
    return 0


def _run_network(args) -> int:
    from analysis.network_exports import write_network
    from analysis.networks import discourse_network, windowed

    if args.type == "relations":
        return _run_relations_network(args)
    if args.from_relations:
        raise InputError("--from-relations applies to --type relations")
    if args.window and args.out.suffix not in (".gexf", ".csv"):
        raise InputError(f"{args.out}: a moving-window network is written as .gexf (time intervals) or .csv")
    if args.aggregation and args.type != "two-mode":
        raise InputError("--aggregation applies to --type two-mode; the one-mode types name their aggregation")
    _check_network_options(args)  # before the corpus is read and coded
    statements = _network_statements(args)
    if args.min_confidence > 0:
        from analysis.statements import confident_statements

        statements = confident_statements(statements, min_confidence=args.min_confidence)
    options = {"normalization": args.normalization, "duplicates": args.duplicates,
               "exclude_neutral": args.exclude_neutral}
    if args.aggregation:
        options["aggregation"] = args.aggregation
    net = (windowed(statements, window=args.window, step=args.step, type=args.type, **options) if args.window
           else discourse_network(statements, type=args.type, **options))
    write_network(net, args.out, flavour=args.flavour, dl_format=args.dl_format)
    edges = (f"{net.edges[['source', 'target']].drop_duplicates().shape[0]} edges in {net.edges['time'].nunique()} "
             f"windows of {args.window}" if args.window else f"{len(net.edges)} edges")
    print(f"{args.type} network: {len(net.nodes)} nodes, {edges} from {len(statements)} statements -> {args.out}")
    return 0
