"""Tone of sentences and quotes: polarity, cooperation–conflict and certainty, explainable.

A rule engine in the spirit of VADER (Hutto & Gilbert 2014), written for news and diplomatic
language in German and English. A unit (a sentence or a quote) is tokenized; each word is looked
up by its surface form and by its lemma in the language's lexicons (the diplomatic lexicon of
this package first, then the general base lexicon; German compounds are matched by their parts).
Every hit gets a value ``v`` (polarity, cooperation, certainty, each in −1…1) and is modified by
the steps of :mod:`analysis.sentiment.steps`, in this order:

* **particle verbs** (German): a finite verb and the separable particle that ends its clause are
  read as one word ("Russland weist die Vorwürfe zurück": *zurückweisen*), see
  :mod:`analysis.particle_verbs`.
* **look-up**: words and multi-word entries ("in freundschaftlicher Atmosphäre") become hits;
  negators, intensifiers, shifters, contrast words and clause predicates are noted by clause.
* **valence shifters**: aufheben, lockern, verhindern; lift, ease, prevent reverse the hit they
  govern ("Aufhebung der Sanktionen" is positive, "eine Einigung verhindern" negative).
* **negation**: a negator up to ``NEG_WINDOW`` words before the hit, in the same clause, multiplies
  by ``N_SCALAR`` (−0.74, as VADER); in German a negator standing *after* a lower-case word
  (verb, adjective, predicate) in the same clause negates it too ("Russland akzeptiert die
  Bedingungen nicht"). Negating a *clause predicate* (möglich, erreicht, in Sicht; possible,
  reached) negates every hit of its clause ("Eine Einigung war nicht möglich").
  Two negations cancel (``N_SCALAR**2``).
* **intensifiers and dampeners**: a factor (sehr 1.3, etwas 0.7) on the next hit within two words.
* **contrast**: hits before the last contrast word (aber, jedoch, doch; but, however) × 0.5,
  hits after it × 1.5 (VADER's "but" rule).
* **target proximity** (optional, ``target_col``): hits far from the target mention count less,
  ``w = 1 / (1 + d / TARGET_SCALE)`` with ``d`` the distance in words.

The modified values are summed, ``S = Σ v``, and squashed to −1…1 with
``score = S / sqrt(S² + alpha)`` (VADER's normalisation; our entries are on a −1…1 scale, so
``alpha`` is VADER's 15 divided by 4² ≈ 1). The ``label`` is ``neutral`` when
``-band <= polarity <= band`` (``NEUTRAL_BAND``, tunable per call), else positive or negative.

Modules: :mod:`~analysis.sentiment.lexicon` (entries and rule word lists),
:mod:`~analysis.sentiment.word_types` and :mod:`~analysis.sentiment.compounds` (what a word
means to the engine), :mod:`~analysis.sentiment.steps` (the rules),
:mod:`~analysis.sentiment.unit` (one token sequence: fast paths, then the steps),
:mod:`~analysis.sentiment.batch` (many texts at once), :mod:`~analysis.sentiment.score` (texts,
tables, long units), :mod:`~analysis.sentiment.explain`, :mod:`~analysis.sentiment.aggregate`.

>>> import pandas as pd
>>> units = pd.DataFrame({"text": ["Die Gespräche verliefen konstruktiv und in freundschaftlicher Atmosphäre.",
...                                "Russland akzeptiert die Bedingungen nicht."]})
>>> scored = score_sentiment(units, lang="de", band=0.1)
>>> scored["label"].tolist()
['positive', 'negative']
>>> bool(scored["cooperation"].iloc[0] > 0)
True

References: Hutto, C.J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for
Sentiment Analysis of Social Media Text. ICWSM-14. Taboada, M. et al. (2011). Lexicon-Based
Methods for Sentiment Analysis. Computational Linguistics 37(2). Polanyi, L. & Zaenen, A.
(2006). Contextual Valence Shifters. Computing Attitude and Affect in Text, Springer.
"""
from analysis.sentiment.aggregate import tone_by
from analysis.sentiment.batch import polarity_only
from analysis.sentiment.explain import Explanation, explain
from analysis.sentiment.lexicon import Entry, Lexicon, available_languages, lexicon
from analysis.sentiment.parameters import (
    ALPHA,
    BASE_WEIGHT,
    DEFAULT_BAND,
    N_SCALAR,
    NEUTRAL_BAND,
    OUTPUT_COLUMNS,
)
from analysis.sentiment.score import score_sentiment, score_text

__all__ = [
    "ALPHA", "BASE_WEIGHT", "DEFAULT_BAND", "N_SCALAR", "NEUTRAL_BAND", "OUTPUT_COLUMNS",
    "Entry", "Explanation", "Lexicon", "available_languages", "explain", "lexicon", "polarity_only",
    "score_sentiment", "score_text", "tone_by",
]
