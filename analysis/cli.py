"""The command line: one subcommand per stage. Thin by design: parse, call, write.

Each subcommand is a pair of functions, ``_add_<name>(subparsers)`` declaring its arguments and
``_run_<name>(args)`` calling the library. Errors the user can fix (:class:`InputError`,
missing files) end the program with a one-line message and exit code 2.

    python -m analysis load data/ --out out/ --segment
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from analysis.errors import InputError

log = logging.getLogger("analysis")


def _write_table(df, path: Path) -> None:
    """Write ``df`` as Parquet or CSV, chosen by the file suffix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".csv":
        df.to_csv(path, index=False)
    elif path.suffix == ".parquet":
        df.to_parquet(path, index=False)
    else:
        raise InputError(f"{path}: output must end in .csv or .parquet")


# --- load -----------------------------------------------------------------------------------

def _add_load(sub) -> None:
    p = sub.add_parser("load", help="load articles (and optionally segment them) into Parquet tables")
    p.add_argument("paths", nargs="+", help="files, folders or globs (txt, json, jsonl, csv, tsv, parquet, html, .gz, .zip)")
    p.add_argument("--out", required=True, type=Path, help="output folder")
    p.add_argument("--segment", action="store_true", help="also write sentences.parquet and tokens.parquet")
    p.add_argument("--lang", default=None, help="language code for every article (default: detect per article)")
    p.add_argument("--field", action="append", default=[], metavar="ROLE=NAME",
                   help="map a record field to a column, e.g. --field text=body --field date=published")
    p.set_defaults(func=_run_load)


def _run_load(args) -> int:
    from analysis.corpus import load_articles
    from analysis.segment import segment

    fields = _parse_fields(args.field)
    articles, rejected = load_articles(args.paths, lang=args.lang, fields=fields, progress=True)
    args.out.mkdir(parents=True, exist_ok=True)
    _write_table(articles, args.out / "articles.parquet")
    _write_table(rejected, args.out / "rejected.parquet")
    print(f"{len(articles)} articles loaded, {len(rejected)} rejected -> {args.out}")
    for reason, n in rejected["reason"].value_counts().items():
        print(f"  rejected {n}x: {reason}")
    if args.segment:
        sentences, tokens = segment(articles, progress=True)
        _write_table(sentences, args.out / "sentences.parquet")
        _write_table(tokens, args.out / "tokens.parquet")
        print(f"{len(sentences)} sentences, {len(tokens)} tokens")
    return 0


def _parse_fields(pairs: list[str]) -> dict[str, str]:
    fields = {}
    for pair in pairs:
        role, sep, name = pair.partition("=")
        if not sep or not role or not name:
            raise InputError(f"--field expects ROLE=NAME (e.g. text=body), got {pair!r}")
        fields[role] = name
    return fields


# --- main -----------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, value in list(globals().items()):
        if name.startswith("_add_") and callable(value):
            value(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    try:
        return args.func(args)
    except (InputError, FileNotFoundError, NotADirectoryError, PermissionError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
