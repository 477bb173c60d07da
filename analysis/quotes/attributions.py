"""Attributions without a speech verb: ``laut X``, ``X zufolge``, ``nach Angaben X``, ``…, so X``,
``Demnach …``; English ``according to X``.

The words and their construction are listed in ``resources/<lang>/attribution_frames.tsv``;
:func:`verbless_attribution` tries the attribution words of a sentence from left to right and
hands each to the rule of its construction (:data:`BY_CONSTRUCTION`).
"""
from __future__ import annotations

from analysis.actor_names import kind_of
from analysis.quotes.article import Article
from analysis.quotes.cues import cue_at
from analysis.quotes.phrases import nach_source_start, np_backward, np_forward
from analysis.quotes.sentence import Sentence
from analysis.quotes.tokens import Quote, capital_head, is_cap, span


def verbless_attribution(art: Article, s: Sentence) -> Quote | None:
    """The first attribution word of the sentence whose rule gives a quotation."""
    toks = s.toks
    for i in s.triggers:
        construction, rest = art.lex.frames.get(toks[i].lower, (None, ()))
        rule = BY_CONSTRUCTION.get(construction)
        if rule is None:
            continue
        width = 1 + len(rest)
        if rest and [t.lower for t in toks[i + 1:i + width]] != list(rest):
            continue
        q = rule(art, s, i, width)
        if q is not None:
            return q
    return None


def according_to(art: Article, s: Sentence, i: int, width: int) -> Quote | None:
    """A preposition before the source: the rest of the sentence is what the source said.

    Example (de): Laut Polizei wurden drei Menschen verletzt. → kind=indirect; text=wurden drei Menschen verletzt; cue=Laut; speaker=Polizei
    Example (en): According to the ministry, the talks failed. → kind=indirect; text=the talks failed; cue=According to; speaker=the ministry
    """
    a, b = source_after(art, s, i + width)
    return _attributed(art, s, list(range(i, i + width)), a, b, i, b, "according_to")


def per_name(art: Article, s: Sentence, i: int, width: int) -> Quote | None:
    """A preposition that attributes only before a capitalised name (``per Reuters``).

    Example (en): The plant will close in May, per Reuters. → kind=indirect; text=The plant will close in May; cue=per; speaker=Reuters
    """
    if not (i + 1 < s.end and is_cap(s.toks[i + 1])):
        return None
    a, b = np_forward(art.lex, s.toks, i + width, s.end)
    return _attributed(art, s, list(range(i, i + width)), a, b, i, b, "per_name")


def according_to_noun(art: Article, s: Sentence, i: int, width: int) -> Quote | None:
    """``nach`` before a source noun (``nach Angaben``, ``nach Armeeangaben``, ``nach Ansicht``,
    ``nach einem achtseitigen Bericht``, ``nach Celebis Angaben``).

    Example (de): Nach Angaben der Behörde ist die Lage ruhig. → kind=indirect; text=ist die Lage ruhig; cue=Nach; speaker=Angaben der Behörde
    """
    toks, end, lex = s.toks, s.end, art.lex
    if not lex.source_noun_after([t.text for t in toks], [t.lemma for t in toks], i, end):
        if (a := noun_before_nach(art, s, i)) is None:
            return None
        return _attributed(art, s, [i], a, i, a, i + 1, "source_postposition")  # "seiner Ansicht nach"
    a, b = source_after(art, s, i + width)
    return _attributed(art, s, list(range(i, i + width)), a, b, i, b, "according_to_noun")


def noun_before_nach(art: Article, s: Sentence, i: int) -> int | None:
    """The first token of the source when ``nach`` at ``i`` is a postposition after a noun of a
    view or of hearsay (:func:`analysis.quotes.phrases.nach_source_start`) and the sentence has no speech verb (its frame
    holds the attribution: "erklärte X, Y besitze seiner Meinung nach …"); else None."""
    return None if s.cues else nach_source_start(art.lex, s.toks, i, s.end)


def source_after(art: Article, s: Sentence, j: int) -> tuple[int, int]:
    """Token range of the source that follows an attribution word at ``j``: the noun phrase, also
    after a demonstrative (``laut dieser Studie``) or written as a web address (``laut ndr.de``, a
    medium by ``actor_kinds.tsv``).

    ("Laut ndr.de blieben einige Gruppen auf dem Platz": the speaker is ndr.de.)
    """
    lex, toks, end = art.lex, s.toks, s.end
    a, b = np_forward(lex, toks, j, end)
    if b == a + 1 and toks[a].lower in lex.pronouns and b < end and is_cap(toks[b]):
        b = max(b, np_forward(lex, toks, b, end)[1])  # "dieser Studie"
    if b <= a:
        return _web_address(art, s, j) or (a, b)
    return a, b


def _web_address(art: Article, s: Sentence, j: int) -> tuple[int, int] | None:
    """``ndr.de`` (three tokens written together) at ``j``, with its quotation marks, when it names
    a medium; else None."""
    toks, end = s.toks, s.end
    quoted = j < end and toks[j].text in "„\"»"
    k = j + quoted
    if not (k + 2 < end and toks[k].text.islower() and toks[k + 1].text == "." and
            toks[k].end == toks[k + 1].start == toks[k + 2].start - 1):
        return None
    if kind_of(art.text[toks[k].start:toks[k + 2].end], art.lex.lang) != "media":
        return None
    closed = quoted and k + 3 < end and toks[k + 3].text in "“\"«"
    return j, k + 3 + closed


def source_postposition(art: Article, s: Sentence, i: int, width: int) -> Quote | None:
    """A postposition after the source (``X zufolge``; ``nach`` after a noun of a view or of
    hearsay, read by :func:`according_to_noun` with :func:`noun_before_nach`).

    Example (de): Den Berichten zufolge gab es keine Toten. → kind=indirect; text=gab es keine Toten; cue=zufolge; speaker=Den Berichten
    Example (de): Seiner Ansicht nach ist der Plan gescheitert. → kind=indirect; text=ist der Plan gescheitert; cue=nach; speaker=Seiner Ansicht
    """
    a, b = np_backward(art.lex, s.toks, i, s.bounds[s.clause_of[i]])
    return _attributed(art, s, list(range(i, i + width)), a, b, a, i + 1, "source_postposition")


def so_source(art: Article, s: Sentence, i: int, width: int) -> Quote | None:
    """``…, so X`` after the content (also ``…, so sagte X``), or in its middle (``A, so X, sei B``).

    Example (de): Es gab keine Schäden, so ein Sprecher. → kind=indirect; text=Es gab keine Schäden; cue=so; speaker=ein Sprecher
    Example (de): Die Lage, so der Minister, sei ernst. → kind=indirect; text=Die Lage … sei ernst; cue=so; speaker=der Minister
    """
    toks, end, lex = s.toks, s.end, art.lex
    so_verb = i + 2 < end and cue_at(lex, toks, i + 1, end) is not None
    if not (i > 0 and toks[i - 1].text == "," and i + 1 < end and (
            is_cap(toks[i + 1]) or capital_head(toks[i + 1].text) or lex.cls(toks[i + 1].lower) == "det" or so_verb)):
        return None
    a, b = np_forward(lex, toks, i + width + so_verb, end)
    if b <= a:
        return None
    cue = [i, i + 1] if so_verb else list(range(i, i + width))
    resume = _content_resumes(art, s, a) if art.de else None
    if resume is not None:  # "Sein Rivale, so Obama weiter, würde Spenden erhalten"
        return _attributed(art, s, cue, a, resume, i - 1, resume + 1, "so_source")
    b = end if art.de else b
    while b - 1 > a and lex.cls(toks[b - 1].lower) == "adv":
        b -= 1  # "so Elshorst weiter": the adverb is no part of the source
    return _attributed(art, s, cue, a, b, i - 1, end, "so_source")


def _content_resumes(art: Article, s: Sentence, a: int) -> int | None:
    """The comma after a source at ``a`` where the content goes on in Konjunktiv or with a
    reportative modal (``…, so X, würde …``), past a relative clause of the source (``so die
    Ergebnisse eines Richters, der ermittelt, seien …``); None when the frame ends the sentence."""
    for c in s.commas:
        if c <= a or c + 2 >= s.end or s.toks[c].text != ",":
            continue
        if s.toks[c + 1].lower in art.lex.relatives:
            continue
        return c if any(m is not None for m in s.moods[c + 1:s.end]) else None
    return None


def pointer(art: Article, s: Sentence, i: int, width: int) -> Quote | None:
    """A word standing for the last source (``Demnach …``, ``…, wonach …``): the clause after it
    is a quotation; the word stands as its speaker until the source named in the sentence (or
    none) replaces it.

    Example (de): Demnach soll die Reform im Jahr 2025 kommen. → kind=indirect; text=soll die Reform im Jahr 2025 kommen; cue=Demnach
    """
    toks = s.toks
    stop = next((c for c in s.commas if c > i), s.end) if i > 0 else s.end
    content = art.trim(toks[i + 1].start, toks[stop - 1].end, keep_end=False) if i + 1 < stop else None
    if not content or not art.words_at_least(content[0], content[1], 3):
        return None
    here = [toks[i].start, toks[i].end]
    q = Quote("indirect", [list(content)], rule="pointer", cue=[here], speaker=[list(here)], frame=[list(here)],
              sentence=s.k, confidence=0.6)
    return art.finish(q, q.spans)


def pointer_after_source(art: Article, s: Sentence, i: int, width: int) -> Quote | None:
    """A word opening a sentence that stands for the source named in the sentence before (a cue
    noun of ``source_nouns.tsv``: *Studie*, *Bericht*, *Darstellung*), as :func:`pointer` does;
    elsewhere the word keeps its other sense (*Danach* "afterwards").

    Example (de): Die Studie wurde am Montag vorgestellt. Danach leiden viele Kinder unter Gewalt. → kind=indirect; text=leiden viele Kinder unter Gewalt; cue=Danach
    """
    if i != 0 or s.k == 0:
        return None
    if not any(is_cap(t) and art.lex.cue_noun(t.lemma or t.text) for t in art.toks[s.k - 1]):
        return None
    q = pointer(art, s, i, width)
    if q is not None:
        q.rule = "pointer_after_source"
    return q


def _attributed(art: Article, s: Sentence, cue: list[int], a: int, b: int, fa: int, fb: int,
                rule: str) -> Quote | None:
    """The quotation of an attribution with speaker tokens ``[a, b)`` and frame ``[fa, fb)``: the
    sentence's words outside the frame (two words or more), or None."""
    if b <= a:
        return None
    toks, end = s.toks, s.end
    lo, hi = _relative_clause(art, s, fa, fb) or (0, end)
    content = []
    if fa > lo and (r := art.trim(toks[lo].start, toks[fa - 1].end, keep_end=False)):
        content.append(list(r))
    if fb < hi and (r := art.trim(toks[fb].start, toks[hi - 1].end, keep_end=False)):
        content.append(list(r))
    content = [c for c in content if art.words_at_least(c[0], c[1], 2)]
    if not content:
        return None
    q = Quote("indirect", content, rule=rule, sentence=s.k, confidence=0.75,
              cue=[[toks[x].start, toks[x].end] for x in cue], speaker=[span(toks, a, b)], frame=[span(toks, fa, fb)])
    return art.finish(q, content)


def _relative_clause(art: Article, s: Sentence, fa: int, fb: int) -> tuple[int, int] | None:
    """The relative clause that holds the frame ``[fa, fb)``, after its relative pronoun ("…,
    der nach Angaben der Zeitung seine Kollegen beschimpfte, …": the attribution says only that
    he insulted them), else None."""
    ci = s.clause_of[fa]
    a, b = s.clause_range(ci)
    if ci == 0 or s.clause_of[max(fa, fb - 1)] != ci or s.toks[a - 1].text != "," or a >= fa or \
            s.toks[a].lower not in art.lex.relatives:
        return None
    return a + 1, b


BY_CONSTRUCTION = {
    "prep": according_to, "prep_name": per_name, "noun_prep": according_to_noun,
    "postp": source_postposition, "so": so_source, "pointer": pointer,
    "pointer_source": pointer_after_source,
}
