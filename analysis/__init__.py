"""Discourse analysis of news: who is quoted, what they said, in what tone, with which words.

The public functions take and return pandas DataFrames whose columns are documented in
``docs/tables.md``.
"""
__version__ = "0.1.0"

from analysis.corpus import iter_articles, load_articles
from analysis.segment import lemmatize, segment, split_sentences, tokenize

__all__ = ["iter_articles", "lemmatize", "load_articles", "segment", "split_sentences", "tokenize"]
