"""The rule set: the passes over an article and the sentence rules of each language, in order.

Read from top to bottom, this is what :func:`analysis.quotes.extract_quotes` does with an
article. Each rule is a named function whose docstring shows an example and what it yields;
:func:`quote_rules` lists them as a table, and the ``rule`` column of the quotes table names
the rule behind each quotation.

>>> quote_rules("de")[["pass", "rule", "kind"]].head(3).values.tolist()
[['direct_quotes', 'quotation_marks', 'direct'], ['sentence_quotes', 'according_to', 'indirect'], ['sentence_quotes', 'according_to_noun', 'indirect']]
"""
from __future__ import annotations

import re

import pandas as pd

from analysis.quotes.attributions import BY_CONSTRUCTION, verbless_attribution
from analysis.quotes.direct import direct_quotes, merge_continued, quotation_marks
from analysis.quotes.lexicon import lexicon
from analysis.quotes.passes import (
    FREE_INDIRECT_RULES,
    addressees,
    free_indirect,
    nested_quote,
    nested_quotes,
    quoted_fragment,
    quoted_fragments,
    speakers_from_context,
)
from analysis.quotes.reported import speech_act
from analysis.quotes.sentence import coordinated_frame, second_speaker, sentence_quotes
from analysis.quotes.turns import record_speaker, speaker_label, speaker_turns
from analysis.quotes.verb_frames import (
    as_clause,
    frame_after,
    frame_before,
    points_back,
)

# The passes over one article, in order. Options of the article switch some off:
# quoted_fragments and nested_quotes run for German, merge_continued for English (see
# extract_quotes' ``nested`` and ``merge``).
PASSES = (
    direct_quotes,          # quotation marks -> direct quotations with their frames
    sentence_quotes,        # SENTENCE_RULES on each sentence not taken by a direct quotation (German: and a
                            # second frame after und, coordinated_frame, or of a second speaker, second_speaker)
    quoted_fragments,       # „…“ fragments in a clause with a cue -> direct quotations
    free_indirect,          # Konjunktiv sentences without a frame -> free indirect speech
    nested_quotes,          # „…“ inside an indirect quotation -> direct quotation of its speaker
    speakers_from_context,  # placeholders resolved, frameless quotations inherit a speaker
    merge_continued,        # "“A,” he said. “B.”" -> one quotation
    addressees,             # "gegenüber der Zeitung", "told reporters"
    speaker_turns,          # "MS. PSAKI: …", a record's speaker -> turns; the turn's own "I think" dropped
)

# The sentence rules of each language, in order: the first that answers gives the sentence's
# quotation. verbless_attribution tries the words of attribution_frames.tsv from left to right
# with the rule of their construction (BY_CONSTRUCTION).
SENTENCE_RULES = {
    "de": (verbless_attribution, as_clause, points_back, frame_after, frame_before, speech_act),
    "en": (verbless_attribution, as_clause, frame_after, frame_before),
}

_EXAMPLE = re.compile(r"Example \((\w+)\): (.+?) → (.+)")
_KIND = re.compile(r"kind=(\w+)")


def _rows(lang: str) -> list[tuple]:
    """(pass, rule function) in the order the rules are tried (verb-less rules whose
    construction has a word in the language's ``attribution_frames.tsv``)."""
    constructions = {c for c, _ in lexicon(lang).frames.values()}
    sentence = []
    for rule in SENTENCE_RULES.get(lang, SENTENCE_RULES["de"]):
        if rule is verbless_attribution:
            sentence += [r for c, r in BY_CONSTRUCTION.items() if c in constructions]
        else:
            sentence.append(rule)
    rows = [("direct_quotes", quotation_marks)] + [("sentence_quotes", r) for r in sentence]
    if lang == "de":  # German only: a second frame, fragments, Konjunktiv moods, nested quotations
        rows += [("sentence_quotes", coordinated_frame), ("sentence_quotes", second_speaker),
                 ("quoted_fragments", quoted_fragment)]
        rows += [("free_indirect", r) for r in FREE_INDIRECT_RULES]
        rows += [("nested_quotes", nested_quote)]
    return rows + [("speaker_turns", speaker_label), ("speaker_turns", record_speaker)]


def rule_examples(function) -> list[dict]:
    """The ``Example (lang): sentence → field=value; …`` lines of a rule's docstring as dicts
    (``lang``, ``text`` of the sentence, and the fields)."""
    out = []
    for line in (function.__doc__ or "").splitlines():
        m = _EXAMPLE.search(line.strip())
        if m:
            fields = dict(part.split("=", 1) for part in m.group(3).split("; "))
            out.append({"lang": m.group(1), "sentence": m.group(2), **fields})
    return out


def quote_rules(lang: str = "de") -> pd.DataFrame:
    """The rules of ``lang`` in the order they are tried: pass, rule (the name in the quotes
    table's ``rule`` column), kind, description and an example.

    A rule of a pass that an option switches on (``nested``, ``merge``) is listed under the
    language whose default it is.
    """
    records = []
    for order, (pass_name, function) in enumerate(_rows(lang)):
        doc = (function.__doc__ or "").strip()
        examples = [e for e in rule_examples(function) if e["lang"] == lang] or rule_examples(function)
        example = examples[0] if examples else {}
        records.append({
            "order": order, "pass": pass_name,
            "rule": function.__name__,
            "kind": example.get("kind") or (_KIND.search(doc).group(1) if _KIND.search(doc) else None),
            "description": " ".join(doc.split("\n\n")[0].split()),
            "example": example.get("sentence"),
        })
    return pd.DataFrame.from_records(records)
