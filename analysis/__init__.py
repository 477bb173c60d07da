"""Discourse analysis of news: who is quoted, what they said, in what tone, with which words.

The public functions take and return pandas DataFrames whose columns are documented in
``docs/tables.md``.
"""
__version__ = "0.1.0"

from analysis.actors import build_actors
from analysis.collocations import collocates, collocations
from analysis.concepts import read_concepts
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
from analysis.network_exports import write_dna_statements, write_network
from analysis.networks import discourse_network, one_mode, two_mode, windowed
from analysis.quotes import extract_quotes
from analysis.relations import dyads_by, extract_relations
from analysis.run_folder import open_run
from analysis.segment import lemmatize, segment, split_sentences, tokenize
from analysis.sentiment import explain, score_sentiment, tone_by
from analysis.speakers import read_actors, resolve_speakers
from analysis.statements import build_statements, statements_from_articles
from analysis.terms import frequencies, merge_frequencies, span_labels, split_compounds

__all__ = [
    "build_actors", "build_statements", "collocates", "collocations", "discourse_network", "dispersion",
    "dyads_by", "explain", "extract_quotes", "extract_relations", "frequencies", "iter_articles", "keyness",
    "keyness_by", "kwic", "kwic_html", "lemmatize", "load_articles", "merge_frequencies", "one_mode",
    "open_corpus", "open_run", "read_actors", "read_concepts", "read_frequency_list", "resolve_speakers",
    "score_sentiment", "segment", "span_labels", "split_compounds", "split_sentences",
    "statements_from_articles", "tokenize", "tone_by", "two_mode", "windowed", "wordfreq_reference",
    "write_dna_statements", "write_network",
]
