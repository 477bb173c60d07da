"""Actors on real text: how many one-word person names stay split from their full name, and the
throughput of the whole attribution (segmentation, quotations, speakers, actors).

Corpora (from ``../shared``, ``--corpora``): the German news quotation dataset (train and dev,
850 news articles), the first ``--mb`` megabytes (default 10) of the Bundestag speeches and of the
White House briefing room (``--mb 200``: all of it), and the English Wikinews articles.

*Split one-word names*: actors whose name is one capitalised word (kind person or other) while
the table holds a person actor of two or more words ending in that word. Those flagged
``ambiguous`` (two such full names) are counted apart: they are kept apart on purpose.
*Split share*: of the quotations whose speaker is one such word (and of the distinct words), the
share left under the word alone, apart from every full name, unflagged and flagged
(:func:`split_share`).
*Throughput*: MB of text per CPU second (``time.process_time``) for ``segment`` +
``extract_quotes`` + ``build_actors``, and for ``build_actors`` alone.

    .venv/bin/python benchmarks/bench_actor_corpus.py [--mb 10] [--corpora german-news bundestag whitehouse wikinews]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.actor_names import role_word
from analysis.actors import build_actors
from analysis.datasets import read_gold, shared_dir
from analysis.quotes import extract_quotes
from analysis.segment import segment
from analysis.text_shape import shape_articles

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_quotes import read_corpus

CORPORA = {"bundestag": ("bundestag-wp20-speeches.de.jsonl.gz", "de", None),  # None: --mb
           "whitehouse": ("whitehouse-briefing-room.en.jsonl.gz", "en", None),
           "wikinews": ("wikinews.en.jsonl.gz", "en", 1e9)}  # all of it


def split_short_names(actors: pd.DataFrame) -> tuple[int, int, int]:
    """(one-word names with a full person name ending in them, of them split, of them ambiguous)."""
    full = actors[(actors["kind"] == "person") & (actors["name"].str.count(" ") >= 1)]
    last = set(full["name"].str.split().str[-1])
    one = actors[~actors["name"].str.contains(" ") & actors["name"].str[:1].str.isupper()
                 & actors["kind"].isin(["person", "other"]) & actors["name"].isin(last)]
    return len(one), int((~one["ambiguous"]).sum()), int(one["ambiguous"].sum())


def split_share(quotes: pd.DataFrame, actors: pd.DataFrame, *, lang: str = "de") -> dict[str, int]:
    """Counts of the quotations whose speaker is one capitalised word, no role noun of ``lang``, that
    ends a person name of two or more words in the actors table (``Biden`` beside ``Joe Biden``; not
    ``President`` beside ``Vice President``), and of the distinct such words: ``quotes``/``names`` in
    all, ``split``/``split_names`` left under the word alone and not flagged, ``flagged``/``flagged_names``
    left alone as ambiguous.

    >>> q = pd.DataFrame({"speaker": ["Trump", "Trump", "Merz"], "actor_id": ["t", "t", "f"]})
    >>> a = pd.DataFrame({"actor_id": ["d", "i", "t", "f"], "kind": ["person", "person", "person", "person"],
    ...                   "name": ["Donald Trump", "Ivanka Trump", "Trump", "Friedrich Merz"],
    ...                   "ambiguous": [False, False, True, False]})
    >>> split_share(q, a)["flagged"], split_share(q, a)["names"]
    (2, 2)
    """
    full = actors[(actors["kind"] == "person") & (actors["name"].str.count(" ") >= 1)]
    last = set(full["name"].str.split().str[-1])
    name = dict(zip(actors["actor_id"], actors["name"]))
    flagged = dict(zip(actors["actor_id"], actors["ambiguous"]))
    counts = dict.fromkeys(["quotes", "split", "flagged"], 0)
    names: dict[str, set] = {k: set() for k in counts}
    for speaker, aid in zip(quotes["speaker"], quotes["actor_id"]):
        word = speaker.strip() if isinstance(speaker, str) else ""
        if " " in word or not word[:1].isupper() or word not in last or role_word(word, lang=lang)[0]:
            continue
        alone = name.get(aid) == word
        kind = "flagged" if alone and flagged.get(aid) else "split" if alone else None
        for k in ("quotes", kind) if kind else ("quotes",):
            counts[k] += 1
            names[k].add(word)
    return {**counts, **{("names" if k == "quotes" else f"{k}_names"): len(v) for k, v in names.items()}}


def measure(name: str, articles: pd.DataFrame) -> None:
    mb = articles["text"].str.encode("utf-8").str.len().sum() / 1e6
    c0 = time.process_time()
    sentences, tokens = segment(articles)
    quotes = extract_quotes(articles, sentences=sentences, tokens=tokens)
    c1 = time.process_time()
    actors, quotes = build_actors(quotes, articles=articles)
    c2 = time.process_time()
    with_full, split, ambiguous = split_short_names(actors)
    attributed = quotes["actor_id"].notna().sum()
    print(f"{name}: {len(articles):,} articles, {mb:.1f} MB, {len(quotes):,} quotations, {attributed:,} with an "
          f"actor, {len(actors):,} actors")
    print(f"  one-word names with a full person name in the corpus: {with_full}; split {split} "
          f"({split / max(with_full, 1):.1%} of them), kept apart as ambiguous {ambiguous}")
    share = split_share(quotes, actors, lang=articles["lang"].iloc[0] if "lang" in articles else "de")
    print(f"  split share: of {share['quotes']:,} quotations under a one-word name that ends a full person name "
          f"({share['names']:,} names), alone {share['split']:,} ({share['split'] / max(share['quotes'], 1):.1%}; "
          f"{share['split_names']} names, {share['split_names'] / max(share['names'], 1):.1%}), alone and flagged "
          f"{share['flagged']:,} ({share['flagged'] / max(share['quotes'], 1):.1%}; {share['flagged_names']} names, "
          f"{share['flagged_names'] / max(share['names'], 1):.1%})")
    print(f"  throughput: segment+quotes+actors {mb / (c2 - c0):.2f} MB per CPU s; "
          f"build_actors alone {mb / max(c2 - c1, 1e-9):.1f} MB per CPU s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--corpora", nargs="+", default=["german-news", "bundestag"],
                    choices=["german-news", "bundestag", "whitehouse", "wikinews"])
    args = ap.parse_args()
    if "german-news" in args.corpora:
        gnq = [read_gold("german-news-quotes", split).articles for split in ("train", "dev")]
        measure("german news (train+dev)", pd.concat(gnq, ignore_index=True))
    for corpus in [c for c in args.corpora if c != "german-news"]:
        file, lang, mb = CORPORA[corpus]
        path = shared_dir() / "corpora" / file
        if path.exists():
            articles = read_corpus(path, mb or args.mb, lang=lang)
            measure(f"{corpus} ({articles['text'].str.len().sum() / 1e6:.0f} MB)",
                    shape_articles(articles) if lang == "en" else articles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
