"""Discourse analysis of news: who is quoted, what they said, in what tone, with which words.

The public functions take and return pandas DataFrames whose columns are documented in
``docs/tables.md``.
"""
__version__ = "0.1.0"
