"""Discourse analysis of news: who is quoted, what they said, in what tone, with which words.

The public functions take and return pandas DataFrames whose columns are documented in
``docs/tables.md``.
"""
__version__ = "0.1.0"

from analysis.actors import build_actors
from analysis.collocations import collocates, collocations
from analysis.corpus import iter_articles, load_articles
from analysis.corpus_tables import open_corpus
from analysis.dispersion import dispersion
from analysis.keyness import (
    keyness,
    keyness_by,
    read_frequency_list,
    wordfreq_reference,
)
from analysis.kwic import kwic, kwic_html
from analysis.quotes import extract_quotes
from analysis.run_folder import open_run
from analysis.segment import lemmatize, segment, split_sentences, tokenize
from analysis.sentiment import explain, score_sentiment, tone_by
from analysis.speakers import read_actors, resolve_speakers
from analysis.terms import frequencies, merge_frequencies, span_labels, split_compounds

__all__ = [
    "build_actors", "collocates", "collocations", "dispersion", "explain", "extract_quotes", "frequencies", "iter_articles",
    "keyness", "keyness_by", "kwic", "kwic_html", "lemmatize", "load_articles", "merge_frequencies",
    "open_corpus", "open_run", "read_actors", "read_frequency_list", "resolve_speakers", "score_sentiment", "segment", "span_labels",
    "split_compounds", "split_sentences", "tokenize", "tone_by", "wordfreq_reference",
]
