"""The holder a German pointer (*Demnach*, *wonach*) points back to when no speaker stands before it.

The quotation rules hand over *Demnach sollen …* or *…, wonach …* without a speaker mention; when
no earlier quotation gives one, the pointer takes up the subject of the sentence before it (a
sentence-opening *Demnach*) or of its own sentence (*…, wonach* after a comma), if that subject
holds a statement: a person's name, an institution, a role. A thing holds none (*Der gefälschte
Lebenslauf war … veröffentlicht worden. Demnach …*; *Das geht aus dem Urteil hervor*), nor a
place (*Flughafen von Kythira*). The same holder ends an inherited speaker where the sentence before
names it (:func:`continued_holder`), and a colon frame with no speech verb gives its subject
(:func:`colon_frame_subject`); :func:`own_subject` tries them in turn.

>>> from analysis.speakers import _ArticleEntities as ArticleEntities
>>> text = "Das Bundeskartellamt hat den Bericht vorgelegt. Demnach gebe es keinen Verstoß."
>>> pointer_holder(ArticleEntities(text, "de"), text.index("Demnach"))
('Das Bundeskartellamt', 0)
"""
from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from analysis.actor_names import kind_of
from analysis.coreference import WINDOW, sentence_starts
from analysis.resources import word_class
from analysis.speaker_clauses import cue_subject, subject_opening
from analysis.speaker_names import role_of
from analysis.speaker_opinions import opinion_holder

if TYPE_CHECKING:
    from analysis.speakers import _ArticleEntities as ArticleEntities


@cache
def _words(lang: str) -> tuple[frozenset, frozenset]:
    """(pointer words, endings of institution nouns)."""
    return (word_class(lang, "attribution_frames", "pointer", column="construction"),
            word_class(lang, "reference_words", "holder_ending"))


def holds_statements(mention: str, ents: ArticleEntities) -> bool:
    """Whether the noun phrase ``mention`` names someone who can hold a statement: a person's name
    (two capitalised words after no article, or a name the article introduced), a role noun, or
    an institution (its head ends as one: *Bundeskartellamt*, *Regierungskoalition*).

    >>> from analysis.speakers import _ArticleEntities as ArticleEntities
    >>> ents = ArticleEntities("", "de")
    >>> [holds_statements(m, ents) for m in ("Die Regierungskoalition", "Der gefälschte Lebenslauf", "Angela Merkel")]
    [True, False, True]
    """
    words = mention.split()
    if not words:
        return False
    head = words[-1].lower()
    if role_of(words[-1], ents.role_map) or any(head.endswith(e) for e in _words(ents.lang)[1]):
        return True
    if kind_of(mention, ents.lang) in ("organisation", "media", "country") and words[0].lower() not in ents.articles:
        return True
    bare = [w for w in words if w.lower() not in ents.articles]
    return mention in ents.known or (bare == words and len(words) >= 2 and all(w[:1].isupper() for w in words))


def pointer_holder(ents: ArticleEntities, cue: int) -> tuple[str, int] | None:
    """(mention, position) of the holder a pointer at ``cue`` takes up (see the module doc), else None."""
    text = ents.text
    pointers, _ = _words(ents.lang)
    word = text[cue:cue + 12].split()[0].strip(",.;:").lower() if text[cue:cue + 12].split() else ""
    if word not in pointers:
        return None
    own = sentence_starts(text, max(0, cue - WINDOW), cue)[-1]
    if text[own:cue].strip() and text[:cue].rstrip().endswith(","):
        start, end = own, cue  # "…, wonach": its own sentence's subject
    elif own > 0 and not text[own:cue].strip():
        start, end = sentence_starts(text, max(0, own - WINDOW), own - 1)[-1], own  # "… vorgelegt. Demnach"
    else:
        return None  # "Nils Schmid wird sich demnach …": its own subject speaks
    found = subject_opening(ents, start, end)
    return found if found and holds_statements(found[0], ents) else None


def own_subject(ents: ArticleEntities, cue: int | None, resolution: str, spans=None,
                earlier: list[int] = ()) -> tuple[str, int] | None:
    """(mention, position) of the subject of a quotation the quotation rules gave no mention (or only
    an inherited one): its cue's own clause's (:func:`analysis.speaker_clauses.cue_subject`), else the
    holder of an opinion its sentence opens with (:func:`analysis.speaker_opinions.opinion_holder`), else,
    when no speaker stands before it (``resolution`` "none"), the holder a pointer takes up, else,
    for an inherited quotation that opens its sentence, a holder that opens the sentence before
    after the earlier speakers' mentions at ``earlier`` (:func:`continued_holder`)."""
    if cue is not None and (found := cue_subject(ents, cue) or (
            pointer_holder(ents, cue) or passive_holder(ents, cue) if resolution == "none" else None)):
        return found
    starts = [int(a) for a, _ in spans] if spans is not None and len(spans) else []
    if starts and (found := opinion_holder(ents, min(starts))) and holds_statements(found[0], ents):
        return found  # "Für den Theologen Hans Küng sei …"
    if resolution == "none" and starts:
        return colon_frame_subject(ents, min(starts))  # "Dabei griff sie … an: „…“"
    if resolution != "inherited" or not starts:
        return None
    return continued_holder(ents, min(starts + ([cue] if cue is not None else [])), max(earlier, default=-1))


def passive_holder(ents: ArticleEntities, cue: int) -> tuple[str, int] | None:
    """(mention, position) of the holder opening the sentence before a passive cue at ``cue`` with no
    agent in its own sentence (a form of ``passive_aux`` before it, no holder preposition after it):
    "Die Stadt hat die Gebühren erhöht. Als Begründung wurde angegeben, …" → Die Stadt; None when its
    own sentence names an agent, a pronoun or a subject of its own ("Von der Stadt wurde angegeben",
    "Ihm wird vorgeworfen", "Die Opposition wurde aufgefordert") or the sentence before opens with a thing.

    >>> from analysis.speakers import _ArticleEntities as ArticleEntities
    >>> text = "Die Regierung hat getagt. Dabei wurde beschlossen, dass die Steuer sinkt."
    >>> passive_holder(ArticleEntities(text, "de"), text.index("beschlossen"))
    ('Die Regierung', 0)
    """
    text = ents.text
    own = sentence_starts(text, max(0, cue - WINDOW), cue)[-1]
    words = [w.strip(",;:").lower() for w in text[own:cue].split() + text[cue:cue + 40].split()[:1]]  # "wurde angegeben"
    after = [w.strip(",;:").lower() for w in text[cue:cue + 40].split()[1:3]]
    opening = subject_opening(ents, own, cue + len((text[cue:cue + 40].split() or [""])[0]))
    if own == 0 or not set(words) & word_class(ents.lang, "function_words", "passive_aux") or (
            set(words) & (ents.holder_preps | ents.pronouns)) or set(after) & ents.holder_preps or any(
            q in text[own:cue] for q in "„“\"") or opening:
        return None  # "Von der Stadt wurde angegeben", "Ihm wird vorgeworfen", "Die Regierung wurde aufgefordert"
    before = sentence_starts(text, max(0, own - WINDOW), own - 1)[-1]
    found = subject_opening(ents, before, own)
    return found if found and holds_statements(found[0], ents) else None


def continued_holder(ents: ArticleEntities, start: int, previous: int) -> tuple[str, int] | None:
    """(mention, position) of the holder opening the sentence right before a quotation that opens its
    own sentence at ``start`` (free indirect speech, a sentence-opening *Demnach*), when the earlier
    speaker's mention at ``previous`` stands before that sentence: inheritance stops where another
    actor is named ("Kritiker X sagte … Das Robert-Koch-Institut sieht das anders. Es gebe …" → the
    institute); None when the quotation opens inside a sentence or that sentence is the earlier
    speaker's own.

    >>> from analysis.speakers import _ArticleEntities as ArticleEntities
    >>> text = "Peter Kurz sagte, es sei gut. Das Bundeskartellamt hat geprüft. Es gebe keinen Verstoß."
    >>> continued_holder(ArticleEntities(text, "de"), text.index("Es gebe"), text.index("Peter"))
    ('Das Bundeskartellamt', 30)
    """
    text = ents.text
    own = sentence_starts(text, max(0, start - WINDOW), start)[-1]
    if own == 0 or text[own:start].strip(" „\"»«"):
        return None
    before = sentence_starts(text, max(0, own - WINDOW), own - 1)[-1]
    if previous >= before:
        return None  # the earlier speaker's own sentence
    found = subject_opening(ents, before, own)
    return found if found and holds_statements(found[0], ents) else None


def colon_frame_subject(ents: ArticleEntities, start: int) -> tuple[str, int] | None:
    """(mention, position) of the subject of the clause that introduces a quotation at ``start`` with a
    colon and no speech verb: a subject pronoun after the clause's first word and its finite verb
    ("Dabei griff sie auch den Präsidenten an: „…“", "Aktuell lässt sie dort Folgendes erklären:"),
    or a holder opening it before its finite verb ("Die Bundesregierung reagierte prompt:"); None
    for a passive ("Als Begründung wurde angegeben:"), first person, a thing ("Das Fazit des
    Berichts lautete:") and a clause that holds a quotation itself.

    >>> from analysis.speakers import _ArticleEntities as ArticleEntities
    >>> text = "Merkel kam. Dabei griff sie den Präsidenten an: „Das geht nicht.“"
    >>> colon_frame_subject(ArticleEntities(text, "de"), text.index("Das geht"))
    ('sie', 24)
    """
    text = ents.text
    colon = len(text[:start].rstrip().rstrip("„\"»«").rstrip())
    if colon < 2 or text[colon - 1] != ":":
        return None
    own = sentence_starts(text, max(0, colon - WINDOW), colon - 1)[-1]
    toks = [(m.start(), m.group()) for m in re.finditer(r"[^\s,;:()]+", text[:colon - 1]) if m.start() >= own]
    if len(toks) < 2 or any(c in text[own:colon] for c in "„“\"") or any(
            w.lower() in word_class(ents.lang, "function_words", "passive_aux") for _, w in toks):
        return None
    if len(toks) > 2 and toks[1][1][:1].islower() and toks[2][1] in word_class(
            ents.lang, "function_words", "subject_pronoun") - ents.first_person:
        return toks[2][1], toks[2][0]  # "Dabei griff sie": the pronoun after the finite verb
    found = subject_opening(ents, own, colon - 1)
    return found if found and holds_statements(found[0], ents) else None


def continued_speakers(quotes, texts: dict, langs: dict, lang: str | None = None):
    """``quotes`` (a resolved copy) where a German quotation left with no speaker, mention or cue
    (``speaker_resolution`` "none") continues in the next sentence a quotation that has one:
    it inherits that speaker ("Demnach gebe es keinen Verstoß. Die Lage sei jedoch …" after
    the pointer's holder; the quotation rules could not hand it over before the holder was found).

    >>> import pandas as pd
    >>> text = "Das Amt hat geprüft. Demnach gebe es keinen Verstoß. Die Lage sei unbefriedigend."
    >>> q = pd.DataFrame({"article_id": ["a", "a"], "spans": [[[29, 51]], [[53, 81]]], "cue_span": [[21, 28], None],
    ...                   "speaker_mention": ["Das Amt", None], "speaker": ["Amt", None], "speaker_resolution": ["explicit", "none"]})
    >>> continued_speakers(q, {"a": text}, {"a": "de"})["speaker"].tolist()
    ['Amt', 'Amt']
    """
    if not {"spans", "cue_span"} <= set(quotes.columns):
        return quotes
    out = quotes.copy()
    last: tuple = (None, -1, None)  # article, end of its last quotation, its speaker
    for i, (aid, spans, cue, speaker, how) in enumerate(zip(
            out["article_id"], out["spans"], out["cue_span"], out["speaker"], out["speaker_resolution"])):
        bounds = [(int(a), int(b)) for a, b in spans] if spans is not None and len(spans) else []
        if not bounds or (lang or langs.get(aid) or "de") != "de":
            continue
        text = texts.get(aid) or ""
        gap = text[last[1]:bounds[0][0]] if last[0] == aid and 0 <= last[1] <= bounds[0][0] else None
        if how == "none" and (cue is None or not len(cue)) and last[2] and gap is not None and not gap.strip(
                " .„“\"»«\n") and "\n\n" not in gap:
            out.iat[i, out.columns.get_loc("speaker")] = speaker = last[2]
            out.iat[i, out.columns.get_loc("speaker_resolution")] = "inherited"
        last = (aid, max(b for _, b in bounds), speaker if isinstance(speaker, str) and speaker else None)
    return out
