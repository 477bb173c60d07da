"""Throughput and memory of the term statistics against scikit-learn and NLTK, same data, same run.

    .venv/bin/python benchmarks/bench_terms.py [--mb 20] [--cache /tmp/bench_terms_tokens.parquet]

Reads the first ``--mb`` MB (UTF-8 bytes of speech text, whole speeches) of
``../shared/corpora/bundestag-wp20-speeches.de.jsonl.gz`` (or ``$ANALYSIS_SHARED/corpora/...``),
segments them once with :func:`analysis.segment.segment` (timed separately; the tokens are
cached as Parquet), then times on the same text:

1. lemma frequency table, :func:`analysis.terms.frequencies` on the tokens table, against
   scikit-learn's ``CountVectorizer`` (word forms, its own tokenizer) + column sums;
2. bigram collocations with G2 (all pairs scored), :func:`analysis.collocations.collocations`
   on the tokens, against NLTK's ``BigramCollocationFinder.from_words`` + ``score_ngrams
   (likelihood_ratio)`` on the same lower-cased non-punctuation tokens;
3. memory: peak RSS of a child process that streams the cached tokens in 250k-row batches
   through ``FrequencyCounter`` and ``CollocationCounter``, for a quarter of the text and all
   of it; bounded memory shows as a peak that grows with the vocabulary, not the corpus.

Prints MB/s (text megabytes per second) and speed-ups; every time is the best of several runs
(ours 5, scikit-learn 3, NLTK 2), which evens out a shared machine's load. Needs the ``bench`` extra (scikit-learn).
"""
from __future__ import annotations

import argparse
import gc
import gzip
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd

SHARED = Path(os.environ.get("ANALYSIS_SHARED", ROOT / ".." / "shared"))
CORPUS = SHARED / "corpora" / "bundestag-wp20-speeches.de.jsonl.gz"


def read_corpus(mb: float) -> pd.DataFrame:
    rows, size = [], 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text = rec.get("text") or ""
            rows.append({"article_id": rec["id"], "lang": "de", "text": text})
            size += len(text.encode("utf-8"))
            if size >= mb * 1e6:
                break
    return pd.DataFrame(rows)


def timed(fn, *args, repeat: int = 1, **kw):
    best, out = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        out = fn(*args, **kw)
        best = min(best, time.perf_counter() - t)
    return best, out


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (VmHWM: unlike ru_maxrss it is not
    inherited from the parent across exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stream_child(cache: str, fraction: float) -> None:
    """Child process: stream the token cache in batches through both counters."""
    import pyarrow.parquet as pq

    from analysis.collocations import CollocationCounter
    from analysis.terms import FrequencyCounter

    pf = pq.ParquetFile(cache)
    baseline = current_rss_mb()
    limit = int(pf.metadata.num_rows * fraction)
    freq, coll = FrequencyCounter(unit="lemma"), CollocationCounter(unit="lower")
    seen, carry = 0, None
    cols = ["article_id", "sentence", "text", "lower", "lemma", "is_stop", "is_punct"]
    for batch in pf.iter_batches(batch_size=250_000, columns=cols):
        df = batch.to_pandas()
        if carry is not None:
            df = pd.concat([carry, df], ignore_index=True)
        last = df["article_id"].iloc[-1]  # keep the last article for the next batch
        carry, df = df[df["article_id"] == last], df[df["article_id"] != last]
        freq.update(df)
        coll.update(df)
        seen += len(df)
        if seen >= limit:
            carry = None
            break
    if carry is not None:
        freq.update(carry)
        coll.update(carry)
    counting_peak = peak_rss_mb()
    table = freq.result()
    pairs = coll.result(min_count=1)
    print(json.dumps({"tokens": int(coll.n), "types": len(table), "pairs": len(pairs), "peak_rss_mb": peak_rss_mb(),
                      "counting_peak_rss_mb": counting_peak,
                      "baseline_rss_mb": baseline}))


def current_rss_mb() -> float:
    """Resident set size now (VmRSS), e.g. after the imports."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--cache", default="/tmp/bench_terms_tokens.parquet")
    ap.add_argument("--stream-child", type=float, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.stream_child is not None:
        stream_child(args.cache, args.stream_child)
        return
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}")
        return
    from analysis.collocations import collocations
    from analysis.segment import segment
    from analysis.terms import frequencies

    articles = read_corpus(args.mb)
    mb = articles["text"].str.encode("utf-8").str.len().sum() / 1e6
    print(f"corpus: {CORPUS.name}, first {len(articles)} speeches, {mb:.2f} MB of text (UTF-8)")
    cache = Path(args.cache)
    meta = cache.with_suffix(".json")
    if cache.exists() and meta.exists() and json.loads(meta.read_text()).get("speeches") == len(articles) \
            and __import__("pyarrow.parquet").parquet.ParquetFile(cache).num_row_groups > 1:
        tokens = pd.read_parquet(cache)
        print(f"segment: cached tokens from {cache} ({json.loads(meta.read_text())['seconds']:.1f} s when made)")
    else:
        secs, (_, tokens) = timed(segment, articles)
        tokens.to_parquet(cache, index=False, row_group_size=250_000)
        meta.write_text(json.dumps({"speeches": len(articles), "seconds": secs}))
        print(f"segment: {secs:.1f} s, {mb / secs:.2f} MB/s (analysis.segment.segment, done once)")
    words = tokens.loc[~tokens["is_punct"], "lower"].tolist()
    print(f"tokens: {len(tokens):,} ({len(words):,} words)")

    # 1. frequency tables
    from sklearn.feature_extraction.text import CountVectorizer

    def sklearn_table(texts):
        cv = CountVectorizer()
        x = cv.fit_transform(texts)
        counts = x.sum(axis=0).A1
        return pd.DataFrame({"term": cv.get_feature_names_out(), "n": counts}).sort_values("n", ascending=False)

    t_sk, sk = timed(sklearn_table, articles["text"].tolist(), repeat=3)
    t_ours, ours = timed(frequencies, tokens, unit="lemma", repeat=5)
    print(f"\nlemma frequency table: analysis.terms.frequencies {t_ours:.2f} s = {mb / t_ours:.1f} MB/s "
          f"({len(ours):,} lemmas)")
    print(f"  peer sklearn CountVectorizer (word forms, own tokenizer) {t_sk:.2f} s = {mb / t_sk:.1f} MB/s "
          f"({len(sk):,} forms)")
    print(f"  speed-up {t_sk / t_ours:.1f}x (target >= 2x)")
    t_forms, forms = timed(frequencies, tokens, unit="lower", repeat=5)
    print(f"  same unit as the peer: word-form table {t_forms:.2f} s = {mb / t_forms:.1f} MB/s ({len(forms):,} forms), "
          f"{t_sk / t_forms:.1f}x")

    # 2. bigram collocations with G2
    from nltk.collocations import BigramCollocationFinder
    from nltk.metrics import BigramAssocMeasures

    def nltk_bigrams(ws):
        finder = BigramCollocationFinder.from_words(ws)
        return finder.score_ngrams(BigramAssocMeasures.likelihood_ratio)

    t_ours2, coll = timed(collocations, tokens, unit="lower", min_count=1, repeat=5)
    t_nltk, scored = timed(nltk_bigrams, words, repeat=2)
    print(f"\nbigram collocations with G2: analysis.collocations.collocations {t_ours2:.2f} s = {mb / t_ours2:.1f} MB/s "
          f"({len(coll):,} pairs)")
    print(f"  peer NLTK BigramCollocationFinder + likelihood_ratio {t_nltk:.2f} s = {mb / t_nltk:.2f} MB/s "
          f"({len(scored):,} pairs; NLTK also pairs across sentences and punctuation)")
    print(f"  speed-up {t_nltk / t_ours2:.1f}x (target >= 10x)")
    del scored, coll, ours, sk, words
    print(f"\npeak RSS of this process: {peak_rss_mb():.0f} MB")

    # 3. memory when streaming
    print("\nstreaming the cached tokens in 250k-row batches (child processes):")
    for fraction in (0.25, 1.0):
        out = subprocess.run([sys.executable, __file__, "--cache", str(cache), "--stream-child", str(fraction)],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"  {fraction * mb:5.1f} MB of text: {r['tokens']:,} words, {r['types']:,} lemma types, "
              f"{r['pairs']:,} distinct bigrams; peak RSS {r['baseline_rss_mb']:.0f} MB after imports, "
              f"{r['counting_peak_rss_mb']:.0f} MB while counting, {r['peak_rss_mb']:.0f} MB with the result tables")


if __name__ == "__main__":
    main()
