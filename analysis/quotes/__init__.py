"""Quotation detection and attribution for German and English news.

:func:`extract_quotes` finds speech events in the articles and returns the ``quotes`` table
(one row per quotation; see ``docs/quotes.md``). It works on the ``sentences`` and ``tokens``
tables of :mod:`analysis.segment` with transparent rules and per-language word lists
(``resources/<lang>/speech_verbs.tsv``, ``konjunktiv.tsv``, ``attribution_frames.tsv``,
``function_words.tsv``):

* **direct**: text between quotation marks („…“, "…", »…«, «…», “…”), also over several
  sentences and paragraphs (a mark reopened at the start of the next paragraph continues the
  quote; an unclosed mark closes at the paragraph end). Short quoted names and titles without a
  speech frame (``„Shenzhou 6“``) are not quotations.
* **indirect**: a content clause next to a speech frame, ``X sagte, Y sei …`` / ``Y sei …, sagte
  X`` / ``X sagte: …`` / ``X erklärte, dass …``; in German a frame clause is indicative and the
  content is marked by Konjunktiv, a complementiser or a zu-infinitive.
* **mixed**: an indirect quotation that contains a quoted part (``er wolle auf die „Festigung
  der Freundschaft“ trinken``).
* **free_indirect**: sentences in Konjunktiv I without a frame of their own that follow a
  quotation inherit its speaker; reportative ``soll … haben`` sentences.
* **reported**: a speech act without rendered words (``X forderte Y``, ``X sprach sich für Y
  aus``, ``X wies … zurück``).
* attributions without a verb: ``laut X``, ``nach Angaben von X``, ``X zufolge``, ``…, so X``,
  ``wie X berichtete``; English ``according to X``.

The rules are named functions, one per construction, in one module per rule family; the passes
and the order of the rules per language are declared in :mod:`analysis.quotes.rules`
(:func:`quote_rules` lists them), every quotation names its rule in the ``rule`` column, and
:func:`explain_quote` shows a quotation in its sentence with its parts marked. Layout:
``marks`` and ``direct`` (quotation marks, direct quotations and their frames), ``cues`` and
``lexicon`` (speech verbs and word lists), ``attributions`` (verb-less attributions),
``verb_frames`` (speech verbs before or after the content), ``reported`` (speech acts),
``passes`` (fragments, free indirect speech, nested quotations, speakers from the context,
addressees), ``phrases`` (speaker noun phrases), ``prefilter`` (which sentences reach the
rules), ``article``/``sentence`` (what the rules read), ``extract`` (the table).

Speakers are then resolved to canonical actors by :func:`analysis.speakers.resolve_speakers`.

>>> import pandas as pd
>>> art = pd.DataFrame({"article_id": ["a"], "lang": ["de"], "text": [
...     "Die Gespräche seien konstruktiv verlaufen, sagte Putin. „Es gibt keine Geheimnisse“, sagte er."]})
>>> q = extract_quotes(art)
>>> q[["kind", "text", "speaker"]].values.tolist()
[['indirect', 'Die Gespräche seien konstruktiv verlaufen', 'Putin'], ['direct', '„Es gibt keine Geheimnisse“', 'Putin']]
"""
from analysis.quotes.explain import explain_quote
from analysis.quotes.extract import KINDS, QUOTE_COLUMNS, extract_quotes
from analysis.quotes.lexicon import Lexicon, lexicon
from analysis.quotes.marks import find_quotation_marks
from analysis.quotes.rules import quote_rules

__all__ = ["KINDS", "QUOTE_COLUMNS", "Lexicon", "explain_quote", "extract_quotes", "find_quotation_marks",
           "lexicon", "quote_rules"]
