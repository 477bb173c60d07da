"""Time of :func:`analysis.build_actors` on 2,500, 5,000 and 10,000 synthetic articles.

Each article has eight quotations whose speakers are drawn from a pool of names that grows with
the corpus (two full names per article, as in a news archive where most people are quoted
rarely): full names, their surnames alone, surnames in capitals, genitives, surnames shared by
two people (ambiguous short forms), organisations and pronoun-less empty speakers. The articles
have dates and a short text naming each speaker with a role, so the role search runs too. Times
are CPU seconds (``time.process_time``), the best of ``--repeat`` runs; time per quotation stays
about the same from the smallest to the largest corpus when the merging is near-linear.

    .venv/bin/python benchmarks/bench_actors.py [--sizes 2500 5000 10000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.actors import build_actors

QUOTES_PER_ARTICLE = 8
SYLLABLES = ["ber", "stein", "mann", "hof", "lin", "ka", "ro", "del", "wald", "ger", "ta", "mi", "sen", "bach"]
ORGANISATIONS = ["Bundesregierung", "Berliner Polizei", "Auswärtiges Amt", "Nachrichtenagentur dpa", "Reuters",
                 "Bundesministerium der Finanzen", "Russland", "USA"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def synthetic(n_articles: int, *, seed: int = 7) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(quotes, articles) of ``n_articles`` synthetic German articles."""
    rng = random.Random(seed)
    people = [f"{_word(rng)} {_word(rng)}" for _ in range(2 * n_articles)]
    people += [f"{_word(rng)} {p.split()[-1]}" for p in people[: n_articles // 10]]  # shared surnames
    rows, texts, dates = [], [], []
    start = pd.Timestamp("2015-01-01")
    for a in range(n_articles):
        aid = f"art{a:06d}"
        cast = rng.sample(people, 3)
        sentences = []
        for k in range(QUOTES_PER_ARTICLE):
            person = rng.choice(cast)
            form = rng.random()
            if form < 0.12:
                speaker = rng.choice(ORGANISATIONS)
            elif form < 0.17:
                speaker = None
            elif form < 0.45:
                speaker = person.split()[-1]
            elif form < 0.5:
                speaker = person.split()[-1].upper()
            elif form < 0.55:
                speaker = person.split()[-1] + "s"
            else:
                speaker = person
            rows.append((aid, f"{aid}-q{k}", rng.choice(["direct", "indirect", "reported"]), "sagte", speaker,
                         speaker or "er", "explicit" if speaker else "none"))
            sentences.append(f"Der Minister {person} sagte, man werde weiter verhandeln.")
        texts.append(" ".join(sentences))
        dates.append(start + pd.Timedelta(days=rng.randint(0, 3650)))
    quotes = pd.DataFrame(rows, columns=["article_id", "quote_id", "kind", "cue", "speaker", "speaker_mention",
                                         "speaker_resolution"])
    articles = pd.DataFrame({"article_id": [f"art{a:06d}" for a in range(n_articles)], "date": dates,
                             "lang": "de", "text": texts})
    return quotes, articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2500, 5000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'articles':>9} {'quotes':>8} {'names':>7} {'actors':>7} {'CPU s':>7} {'µs/quote':>9}")
    for n in args.sizes:
        quotes, articles = synthetic(n)
        best, actors = float("inf"), None
        for _ in range(args.repeat):
            started = time.process_time()
            actors, _ = build_actors(quotes, articles=articles)
            best = min(best, time.process_time() - started)
        print(f"{n:>9,} {len(quotes):>8,} {quotes['speaker'].nunique():>7,} {len(actors):>7,} {best:>7.2f} "
              f"{1e6 * best / len(quotes):>9.1f}")


if __name__ == "__main__":
    main()
