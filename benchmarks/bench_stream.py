"""Peak memory, wall and CPU time of the single-stage commands on corpora of growing size.

    python benchmarks/bench_stream.py [--mb 50,100] [--commands load,quotes,actors,sentiment]
                                      [--code DIR] [--label NAME] [--work DIR]
    python benchmarks/bench_stream.py --compare before,after [--mb 50] [--work DIR]

The corpus: speeches and briefings from ../shared/corpora/ (Bundestag and White House records
taken in turn), repeated under new ids until it holds ``--mb`` megabytes of article text, as JSON
Lines (``bench_run.make_corpus``). Each command runs as its own process (``python -m analysis``,
with the package from ``--code``, default this checkout) and is measured from outside: wall time,
CPU seconds (user + system) and peak resident memory (``ru_maxrss`` from ``wait4``). Outputs go to
``WORK/<label>/<mb>/``; ``--compare A,B`` checks that two labels wrote the same tables.

Commands: ``load --segment`` (articles, rejected, sentences, tokens), ``quotes``, ``actors
--quotes-out``, ``sentiment``, ``terms`` (all tables Parquet). The machine may be shared: the load
average is printed beside each run; CPU seconds do not depend on it, wall times do.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
from bench_run import make_corpus

COMMANDS = {
    "load": lambda corpus, out: ["load", corpus, "--out", out / "load", "--segment"],
    "quotes": lambda corpus, out: ["quotes", corpus, "--out", out / "quotes.parquet"],
    "actors": lambda corpus, out: ["actors", corpus, "--out", out / "actors.parquet", "--quotes-out",
                                   out / "actor_quotes.parquet"],
    "sentiment": lambda corpus, out: ["sentiment", corpus, "--out", out / "tone.parquet"],
    "terms": lambda corpus, out: ["terms", corpus, "--out", out / "terms.parquet", "--lemma"],
}


def measure(argv: list, *, code: Path) -> dict:
    """Run ``python -m analysis ARGV`` with the package from ``code``: wall s, CPU s, peak MB, exit code."""
    env = dict(os.environ, PYTHONPATH=str(code.resolve()), PYTHONDONTWRITEBYTECODE="1")
    load = os.getloadavg()[0]
    start = time.monotonic()
    # -P and a neutral working folder: the package comes from ``code``, not from the folder the script runs in
    proc = subprocess.Popen([sys.executable, "-P", "-m", "analysis", *map(str, argv)], env=env, cwd=Path(argv[1]).parent,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"wall": time.monotonic() - start, "cpu": usage.ru_utime + usage.ru_stime,
            "peak_mb": usage.ru_maxrss / 1024, "code": proc.returncode, "load": load,
            "said": out.strip().splitlines()[-1] if out.strip() else ""}


def tables(folder: Path) -> dict[str, Path]:
    return {str(p.relative_to(folder)): p for p in sorted(folder.rglob("*.parquet"))}


def compare(work: Path, labels: list[str], mbs: list[float]) -> None:
    for mb in mbs:
        a, b = (work / label / f"{mb:g}" for label in labels)
        ta, tb = tables(a), tables(b)
        print(f"{mb:g} MB: tables {sorted(ta)}" if ta.keys() == tb.keys() else f"{mb:g} MB: other tables {sorted(ta)} / {sorted(tb)}")
        for name in sorted(ta.keys() & tb.keys()):
            try:
                pd.testing.assert_frame_equal(pd.read_parquet(ta[name]), pd.read_parquet(tb[name]))
                print(f"  {name}: identical")
            except AssertionError as exc:
                print(f"  {name}: DIFFERENT ({str(exc).splitlines()[0]})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", default="50,100", help="corpus sizes in MB of text (default 50,100)")
    parser.add_argument("--commands", default="load,quotes,actors,sentiment")
    parser.add_argument("--code", type=Path, default=Path(__file__).resolve().parents[1],
                        help="folder holding the analysis package to measure (default: this checkout)")
    parser.add_argument("--label", default="after", help="name of this set of runs (outputs in WORK/LABEL/)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench_stream"))
    parser.add_argument("--compare", default=None, metavar="A,B", help="only compare the tables two labels wrote")
    args = parser.parse_args()
    mbs = [float(m) for m in args.mb.split(",")]
    if args.compare:
        compare(args.work, args.compare.split(","), mbs)
        return
    print("| command | corpus MB of text | JSON Lines MB | wall s | CPU s | peak RSS MB | load avg | output |")
    print("|---|---|---|---|---|---|---|---|")
    for mb in mbs:
        args.work.mkdir(parents=True, exist_ok=True)
        corpus = make_corpus(mb, args.work / f"corpus-{mb:g}mb.jsonl")
        out = args.work / args.label / f"{mb:g}"
        out.mkdir(parents=True, exist_ok=True)
        for name in args.commands.split(","):
            r = measure(COMMANDS[name](corpus, out), code=args.code)
            print(f"| {name} | {mb:g} | {corpus.stat().st_size / 1e6:.0f} | {r['wall']:.0f} | {r['cpu']:.0f} | "
                  f"{r['peak_mb']:,.0f} | {r['load']:.1f} | {'exit ' + str(r['code']) if r['code'] else r['said'][:70]} |",
                  flush=True)


if __name__ == "__main__":
    main()
