"""Throughput of the sentiment engine.

1. English: the same sentences scored by vaderSentiment's ``SentimentIntensityAnalyzer`` and
   by :func:`analysis.sentiment.score_sentiment` (with and without explanations);
   sentences per second and the speed-up (target ≥ 5×).
2. German: the first ~10 MB of text of the Bundestag speeches, one speech per unit (long units
   are scored per sentence inside the engine); MB/s on one core (target ≥ 2 MB/s), with and
   without building the ``hits`` explanations; peak RSS.

    .venv/bin/python benchmarks/bench_sentiment.py [--mb 10] [--en-sentences 20000] [--rounds 3] [--passes 1] [--whole-corpus]
    .venv/bin/python benchmarks/bench_sentiment.py --against OTHER_TREE [--pairs 200] [--mb 1]

``--against`` times ``polarity_only`` of this tree against that of another checkout's
``analysis/sentiment/batch.py`` over that checkout's rule steps (``steps.py``, ``unit.py``; loaded
beside this tree's, on this tree's lexicon and word analyses) in
alternating pairs in one process, so that load from other processes hits both alike, on the
English sentences and on the first ``--mb`` MB of German speeches (warm caches), and prints the
median of the per-pair ratios; then the same for ``score_sentiment(hits=False, events=False)``
on the English sentences (the other checkout's ``score.py`` over its ``batch.py``), and for the
event columns of ``score_sentiment`` (``analysis.events.event_columns``, the other checkout's ``events.py``).

Reads ../shared (or $ANALYSIS_SHARED); prints one line per measurement.
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd

from analysis.datasets import shared_dir
from analysis.evaluate.sentiment import read_vader_nyt
from analysis.sentiment import lexicon, polarity_only, score_sentiment


def english_sentences(n: int) -> list[str]:
    """NYT editorial snippets, topped up with White House sentences (split by the project's segmenter) up to ``n``."""
    from analysis.segment import split_sentences

    out = read_vader_nyt()["text"].tolist()
    path = shared_dir() / "corpora" / "whitehouse-briefing-room.en.jsonl.gz"
    if len(out) < n and path.exists():
        docs = []
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                docs.append(json.loads(line).get("text") or "")
                if sum(map(len, docs)) > 200 * (n - len(out)):
                    break
        arts = pd.DataFrame({"article_id": range(len(docs)), "lang": "en", "text": docs})
        out.extend(s for s in split_sentences(arts, lang="en")["text"] if len(s) > 20)
    return out[:n]


def german_units(mb: float) -> list[str]:
    path = shared_dir() / "corpora" / "bundestag-wp20-speeches.de.jsonl.gz"
    texts, size = [], 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            t = json.loads(line).get("text") or ""
            texts.append(t)
            size += len(t.encode("utf-8"))
            if size >= mb * 1e6:
                break
    return texts


def german_batches(size: int):
    """All Bundestag speeches, ``size`` at a time."""
    path = shared_dir() / "corpora" / "bundestag-wp20-speeches.de.jsonl.gz"
    batch = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            batch.append(json.loads(line).get("text") or "")
            if len(batch) == size:
                yield batch
                batch = []
    if batch:
        yield batch


def timed(fn, *args, repeat: int = 1, **kw) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()  # CPU time of this process: robust to other load on the machine
        fn(*args, **kw)
        best = min(best, time.process_time() - t0)
    return best


def paired(texts: dict[str, list[str]], other: Path, pairs: int) -> None:
    """``polarity_only`` of this tree against the batch module of the tree ``other``, in alternating pairs per language."""
    module = other / "analysis" / "sentiment" / "batch.py"
    if not module.is_file():
        raise SystemExit(f"--against {other}: no analysis/sentiment/batch.py there (expected a checkout of this project)")
    engine = _engine(other)
    theirs = engine[-1]
    for lang, units in texts.items():
        polarity_only(units, lang)  # warm the caches
        if theirs.polarity_only(units, lang).tolist() != polarity_only(units, lang).tolist():
            raise SystemExit(f"the two trees score the {lang} texts differently: {other}")
        _pairs(f"{lang} polarity_only, {len(units)} units", polarity_only, theirs.polarity_only, (units, lang), other, pairs)
    scoring = other / "analysis" / "sentiment" / "score.py"
    if not scoring.is_file():
        return
    # score_sentiment without explanations and events: the batch and the building of the table
    theirs_score = _rewired(_load(scoring, "other_score"), *engine)  # on the other tree's engine
    df = pd.DataFrame({"text": texts["en"]})
    mine = score_sentiment(df, lang="en", hits=False, events=False)
    if not mine.equals(theirs_score.score_sentiment(df, lang="en", hits=False, events=False)):
        raise SystemExit(f"the two trees give different score_sentiment tables: {other}")
    _pairs(f"en score_sentiment(hits=False, events=False), {len(df)} units", score_sentiment,
           theirs_score.score_sentiment, (df,), other, max(pairs // 4, 2), lang="en", hits=False, events=False)
    # the event columns of score_sentiment (the other tree's analysis/events.py)
    from analysis.events import event_columns

    theirs_events = _load(other / "analysis" / "events.py", "other_events")
    args = (texts["en"], ["en"] * len(df))
    if event_columns(*args) != theirs_events.event_columns(*args):
        raise SystemExit(f"the two trees give different event columns: {other}")
    _pairs(f"en event_columns, {len(df)} units", event_columns, theirs_events.event_columns, args, other,
           max(pairs // 10, 2))


def _engine(other: Path):
    """The other tree's rule steps, unit and batch modules, wired to each other (on this tree's lexicon)."""
    folder = other / "analysis" / "sentiment"
    steps = _load(folder / "steps.py", "other_steps")
    unit = _rewired(_load(folder / "unit.py", "other_unit"), steps)
    return steps, unit, _rewired(_load(folder / "batch.py", "other_batch"), steps, unit)


def _rewired(module, *sources):
    """``module`` with every function it imported from this tree's version of a module in ``sources`` taken from that."""
    for source in sources:
        mine = sys.modules[source.__name__.replace("other_", "analysis.sentiment.")]
        for name, value in vars(module).items():
            if callable(value) and getattr(value, "__module__", None) == mine.__name__ and hasattr(source, name):
                setattr(module, name, getattr(source, name))
    return module


def _load(path: Path, name: str):
    """A module of another checkout, loaded from its file (its imports resolve to this tree)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _pairs(what: str, mine, theirs, args: tuple, other: Path, pairs: int, **kw) -> None:
    """Time ``mine`` and ``theirs`` on ``args`` in ``pairs`` alternating pairs; print the median of the per-pair ratios."""
    t_this, t_other = [], []
    for i in range(pairs):
        for fn, out in ((mine, t_this), (theirs, t_other))[::1 if i % 2 else -1]:
            out.append(timed(fn, *args, **kw))
    ratios = [a / b for a, b in zip(t_this, t_other)]
    q1, _, q3 = statistics.quantiles(ratios, n=4)
    print(f"{what}, {pairs} pairs: this tree {1000 * min(t_this):.1f} ms "
          f"(median {1000 * statistics.median(t_this):.1f}), {other} {1000 * min(t_other):.1f} ms "
          f"(median {1000 * statistics.median(t_other):.1f}); this / other per pair: median "
          f"{statistics.median(ratios):.3f} (quartiles {q1:.3f}–{q3:.3f})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0, help="MB of Bundestag text (default 10)")
    ap.add_argument("--en-sentences", type=int, default=20000)
    ap.add_argument("--rounds", type=int, default=3,
                    help="interleaved rounds of the English engines (best kept; the ratio of each round is printed)")
    ap.add_argument("--passes", type=int, default=1,
                    help="English: passes over the sentences in each timing (5: sustained throughput over 100,000 scorings)")
    ap.add_argument("--whole-corpus", action="store_true",
                    help="also score every Bundestag speech once, from a cold cache (about a minute)")
    ap.add_argument("--against", type=Path, metavar="OTHER_TREE",
                    help="only: polarity_only of this tree against another checkout's, in alternating pairs")
    ap.add_argument("--pairs", type=int, default=200, help="pairs of passes for --against (default 200)")
    args = ap.parse_args()
    if args.against:
        paired({"en": english_sentences(args.en_sentences), "de": german_units(args.mb)}, args.against, args.pairs)
        return

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    if args.whole_corpus:
        # one cold pass over every speech, 500 at a time, as a user scoring the corpus would run it;
        # first, in a fresh process, so that nothing else measured here has warmed or crowded it
        lexicon("de")
        total = cpu = 0.0
        for batch in german_batches(500):
            total += sum(len(t.encode("utf-8")) for t in batch) / 1e6
            cpu += timed(polarity_only, batch, "de")
        print(f"german, whole corpus, one cold pass: {total:.1f} MB in {cpu:.1f} s CPU, {total / cpu:.2f} MB/s")
        # the German lexicon and its caches stay, as in a user's process; clearing them here and
        # rebuilding the English lexicon in the freed, scattered memory made it about 40 % slower

    lexicon("en"), lexicon("de")  # load once, outside the timings
    sents = english_sentences(args.en_sentences)
    sia = SentimentIntensityAnalyzer()
    df = pd.DataFrame({"text": sents})
    polarity_only(sents, "en")  # warm the per-type cache, as a corpus run would after its first pages
    # interleave the engines (best of the rounds each) so that load from other processes hits both alike
    t_vader = t_fast = t_full = t_nohits = float("inf")
    ratios = []
    for _ in range(args.rounds):
        v = timed(lambda: [sia.polarity_scores(s) for _ in range(args.passes) for s in sents])
        f = timed(lambda: [polarity_only(sents, "en") for _ in range(args.passes)])
        ratios.append(v / f)
        t_vader, t_fast = min(t_vader, v), min(t_fast, f)
        t_nohits = min(t_nohits, timed(score_sentiment, df, lang="en", hits=False))
        t_full = min(t_full, timed(score_sentiment, df, lang="en"))
    n = len(sents)
    t_vader, t_fast = t_vader / args.passes, t_fast / args.passes
    print(f"english: {n} sentences, {args.rounds} rounds of {args.passes} pass(es)")
    print(f"  vaderSentiment             {n / t_vader:10.0f} sentences/s")
    print(f"  polarity_only              {n / t_fast:10.0f} sentences/s  ({t_vader / t_fast:.1f}x vader)")
    print(f"    ratio per round: median {statistics.median(ratios):.2f}, range {min(ratios):.2f}–{max(ratios):.2f}")
    print(f"  score_sentiment, hits=False{n / t_nohits:10.0f} sentences/s  ({t_vader / t_nohits:.1f}x vader)")
    print(f"  score_sentiment, with hits {n / t_full:10.0f} sentences/s  ({t_vader / t_full:.1f}x vader)")

    units = german_units(args.mb)
    mbytes = sum(len(t.encode("utf-8")) for t in units) / 1e6
    t_cold = timed(polarity_only, units, "de")  # first pass fills the per-type cache
    t_de = timed(polarity_only, units, "de", repeat=2)
    dfu = pd.DataFrame({"text": units})
    t_de_nohits = timed(score_sentiment, dfu, lang="de", hits=False)
    t_de_hits = timed(score_sentiment, dfu, lang="de")
    print(f"german: {len(units)} speeches, {mbytes:.1f} MB")
    print(f"  polarity_only, first pass  {mbytes / t_cold:6.2f} MB/s")
    print(f"  polarity_only, warm cache  {mbytes / t_de:6.2f} MB/s")
    print(f"  score_sentiment, hits=False{mbytes / t_de_nohits:6.2f} MB/s")
    print(f"  score_sentiment with hits  {mbytes / t_de_hits:6.2f} MB/s")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
