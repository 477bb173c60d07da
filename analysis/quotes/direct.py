"""Direct quotations: text between quotation marks, with the frame that names its speaker.

The frame is searched after the quotation in its last sentence (``„…“, sagte X``), then before
it in its first sentence (``X sagte: „…“``, also a speaker and a colon without a verb:
``CDU-Innenexperte Wolfgang Bosbach: „…“``), then in a previous sentence ending in a colon
(``Putin erklärte dazu:`` closing a paragraph). A frame is at most ``FRAME_TOKENS`` tokens
long: the tokens right after the quotation, or the first ones of its sentence; this keeps a
sentence holding thousands of quotation marks linear instead of quadratic.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from analysis.quotes.article import Article
from analysis.quotes.cues import cue_at, cue_spans
from analysis.quotes.lexicon import Lexicon
from analysis.quotes.marks import find_quotation_marks
from analysis.quotes.phrases import fronted_thing, named_after, nach_source_start, np_backward, np_forward, subject
from analysis.quotes.tokens import Quote, Tok, is_cap, is_word, span

FRAME_TOKENS = 60  # the longest frame searched for a cue and speaker (docs/quotes.md)


def direct_quotes(art: Article) -> None:
    """Pass: every quotation-mark span that :func:`quotation_marks` accepts; the others are kept
    in ``art.marks`` for the fragment and nested passes."""
    for qs, qe, closed in find_quotation_marks(art.text, lang=art.lex.lang):
        q = quotation_marks(art, qs, qe, closed)
        art.marks.append((qs, qe, q is not None))
        if q is None:
            continue
        art.quotes.append(q)
        for k in range(q.sentence, art.sentence_at(max(qs, qe - 1)) + 1):
            art.covered[k] = True
            art.sent_quote[k] = q


def quotation_marks(art: Article, qs: int, qe: int, closed: bool) -> Quote | None:
    """Quoted text that opens a clause and reads as speech: three words or more, and a sentence
    (final punctuation, eight words), a continuation (``“…,” said X``) or after a colon when
    shorter than five words.

    Example (de): „Es gibt keine Geheimnisse“, sagte Putin. → kind=direct; text=„Es gibt keine Geheimnisse“; cue=sagte; speaker=Putin
    Example (en): "We will win this fight," the senator said. → kind=direct; text="We will win this fight,"; cue=said; speaker=the senator
    """
    text = art.text
    inner = text[qs + 1: qe - (1 if closed else 0)].strip("'")  # ''…'' marks are two characters
    words = len(re.findall(r"\w+", inner))
    si, sj = art.sentence_at(qs), art.sentence_at(max(qs, qe - 1))
    before = _last_char_before(text, qs, art.sents[si][0])  # "" at the sentence start
    clause_initial = not before or before == ":" or (before == "," and inner[:1].isupper())
    sentence_like = inner.rstrip()[-1:] in ".!?…" or words >= 8
    continued = _comma_after(text, qe, art.sents[sj][1]) or inner.rstrip().endswith(",")  # “…,” said X
    if not clause_initial or words < 3 or (words < 5 and not sentence_like and not continued and before != ":"):
        return None
    q = Quote("direct", [[qs, qe]], rule="quotation_marks", sentence=si, confidence=0.9)
    _direct_frame(art, q, si, sj, qs, qe)
    return q


def _last_char_before(text: str, i: int, start: int) -> str:
    """The last non-space character of ``text[start:i]``, or "" (scans back over spaces only)."""
    while i > start and text[i - 1].isspace():
        i -= 1
    return text[i - 1] if i > start else ""


def _comma_after(text: str, i: int, end: int) -> bool:
    """Whether a comma follows ``i`` before ``end`` after blanks only (“…,” said X, „…“, sagte X)."""
    while i < end and text[i] == " ":
        i += 1
    return i < end and text[i] == ","


def _direct_frame(art: Article, q: Quote, si: int, sj: int, qs: int, qe: int) -> None:
    """Find cue and speaker of a direct quotation in its sentences (after, then before)."""
    lex = art.lex
    after = bisect_left(art.offsets(sj)[0], qe)  # the first token starting at or after the quotation
    toks_after = art.toks[sj][after:after + FRAME_TOKENS]
    toks_before = art.toks[si][:min(bisect_right(art.offsets(si)[1], qs), FRAME_TOKENS)]
    if toks_after and any(is_word(t) for t in toks_after):
        found = frame_in(lex, toks_after, after_content=True)
        if found and _placeholder(lex, toks_after, found) and toks_before:
            before = frame_in(lex, toks_before, after_content=False)  # "X schrieb: „…“, weiter hieß es"
            if before and before[1][1] > before[1][0]:
                return _apply_frame(lex, q, toks_before, before)
        if found:
            return _apply_frame(lex, q, toks_after, found)
    if toks_before:
        toks_before, found = _main_clause_frame(lex, toks_before)
        found = found or frame_in(lex, toks_before, after_content=False) or colon_label(lex, toks_before) or (
            lex.de and colon_clause(lex, toks_before))
        if found:
            return _apply_frame(lex, q, toks_before, found)
    elif si > 0 and art.text[art.sents[si - 1][0]:art.sents[si - 1][1]].rstrip().endswith(":"):
        # "Putin erklärte dazu:" closing the previous sentence or paragraph
        prev = art.toks[si - 1]
        found = frame_in(lex, prev, after_content=False) if prev else None
        if found:
            return _apply_frame(lex, q, prev, found)
    q.confidence = 0.6


def _main_clause_frame(lex: Lexicon, toks: list[Tok]) -> tuple[list[Tok], tuple | None]:
    """The frame of the main clause after a frame clause opened by ``wie`` (construction
    ``clause`` in ``attribution_frames.tsv``) before a colon: in "Wie die Zeitung berichtete,
    sagte Anelka: „…“" Anelka speaks. Returns the tokens the frame was found in and the frame
    (None when there is no such clause or no subject in it: the caller searches all tokens)."""
    if len(toks) < 4 or toks[-1].text != ":" or lex.frame(toks[0].lower) != "clause":
        return toks, None
    k = next((j for j, t in enumerate(toks) if t.text == ","), None)
    if k is None or k + 2 >= len(toks):
        return toks, None
    found = frame_in(lex, toks[k + 1:], after_content=False)
    if found and found[0] and found[1][1] > found[1][0]:
        return toks[k + 1:], found
    return toks, None


def _placeholder(lex: Lexicon, toks: list[Tok], found) -> bool:
    """Whether a frame's speaker only points elsewhere ("hieß es"; ``placeholder`` words)."""
    a, b = found[1]
    return b - a == 1 and lex.is_(toks[a].lower, "placeholder")


def frame_in(lex: Lexicon, toks: list[Tok], *, after_content: bool):
    """Cue, speaker and frame token ranges inside a frame-only token list, or None."""
    end = len(toks)
    while end > 0 and not is_word(toks[end - 1]):
        end -= 1
    start = 0
    while start < end and not is_word(toks[start]):
        start += 1
    if end <= start:
        return None
    for i in range(start, end):
        w = toks[i].lower
        cue = cue_at(lex, toks, i, end)
        if cue:
            if after_content and (i == start or lex.cls(toks[start].lower) == "adv" or lex.frame(toks[start].lower) == "so"):
                k = cue[1][0] + 1
                while lex.de and k + 1 < end and toks[k].lower in lex.object_pronouns:
                    k += 1  # "so charakterisierte ihn der Gewerkschafter": the object, then the subject
                sp = np_forward(lex, toks, k, end)
            else:  # "„…“, wie Hoyzer sagte": the subject follows the clause word
                lo = start + (after_content and i > start + 1 and lex.frame(toks[start].lower) == "clause")
                sp = subject(lex, toks, lo, i, end)
            return cue[1], sp, (start, end)
        construction = lex.frame(w)
        if construction == "so" and after_content and i == start:
            sp = np_forward(lex, toks, i + 1, end)
            if sp[1] > sp[0]:
                return [i], sp, (start, end)
        if construction == "noun_prep" and (sp := _nach_source(lex, toks, i, start, end)):
            return [i], sp, (start, end)  # "Nach Angaben von X: „…“", "Seiner Ansicht nach „…“"
        if construction in ("prep", "postp", "prep_name"):
            rest = lex.frames[w][1]
            width = 1 + len(rest)
            if rest and [t.lower for t in toks[i + 1:i + width]] != list(rest):
                continue
            sp = np_backward(lex, toks, i, start) if construction == "postp" else np_forward(
                lex, toks, i + width, end)
            return list(range(i, i + width)), sp, (start, end)
    return None


def _nach_source(lex: Lexicon, toks: list[Tok], i: int, start: int, end: int) -> tuple[int, int] | None:
    """The source of ``nach`` at ``i`` in a frame without a speech verb after it: the phrase of the
    cue noun after it ("Nach Angaben der Polizei"), or the noun of a view before it ("Seiner
    Ansicht nach"); else None."""
    if any(cue_at(lex, toks, k, end) for k in range(i + 1, end)):
        return None  # "nach Gerüchten …, sagte dessen Stellvertreter": the speech verb's frame
    if lex.source_noun_after([t.text for t in toks], [t.lemma for t in toks], i, end):
        a, b = np_forward(lex, toks, i + 1, end)
        return (a, b) if b > a else None
    a = nach_source_start(lex, toks, i, end + 1)
    return (a, i) if a is not None and a >= start else None


def colon_label(lex: Lexicon, toks: list[Tok]):
    """A speaker before a colon and no verb, the frame of the quotation after it ("CDU-Innenexperte
    Wolfgang Bosbach: „…“"): a noun phrase of two words or more that ends in a capitalised word,
    also before adverbs ("Koppelin wörtlich: „…“", "Die Ministerin dazu: „…“"; ``adv`` and
    ``sentence_adv`` of ``function_words.tsv``); in the form of :func:`frame_in` with no cue, else
    None."""
    end = len(toks)
    if end < 3 or toks[end - 1].text != ":":
        return None
    last = end - 1
    while last > 1 and lex.cls(toks[last - 1].lower) in _ADVERBS and toks[last - 1].text[:1].islower():
        last -= 1  # "Koppelin wörtlich:"
    a, b = np_forward(lex, toks, 0, last)
    if a != 0 or b != last or toks[0].lower in lex.pronouns or not toks[b - 1].text[:1].isupper():
        return None
    if last < end - 1 and b - a == 1 and lex.cls(toks[a].lower) is not None:
        return None
    return [], (a, b), (0, end)


_ADVERBS = ("adv", "sentence_adv")


def colon_clause(lex: Lexicon, toks: list[Tok]):
    """The subject of a clause without a speech verb that a colon closes before the quotation, when
    it names someone: a name of two capitalised words or more, or a role noun ("Rocklegende Eva
    Stern zum Umzug aufs Land: „…“", "Der Minister zeigte sich zufrieden: „…“"), also after the verb
    of a clause that opens with an adverb or an object ("Hier sparte der Minister nicht mit Kritik:
    „…“", a subject pronoun too: "Dabei griff sie ihn an: „…“"); another subject
    ("Die Lage ist klar: „…“") gives an empty speaker (the quotation inherits none); in the form
    of :func:`frame_in` with no cue, else None."""
    end = len(toks)
    if end < 3 or toks[end - 1].text != ":":
        return None
    inverted = _inverted_subject(lex, toks, end - 1)
    a, b = inverted or np_forward(lex, toks, 0, end - 1)
    if b - a == 1 and a > 0 and lex.is_(toks[a].lower, "subject_pronoun"):
        return [], (a, b), (0, end)  # "Dabei griff sie den Präsidenten an: „…“"
    if b <= a or toks[a].lower in lex.pronouns or lex.cls(toks[0].lower) in ("prep", "conj"):
        return None
    caps = [is_cap(t) and lex.cls(t.lower) != "det" for t in toks[a:b]]
    named = any(x and y for x, y in zip(caps, caps[1:])) or bool(inverted and caps[0] and fronted_thing(
        lex, toks, 0, np_forward(lex, toks, 0, end - 1)[1]))  # "Jegliche Schuld weist Hartmann von sich:"
    if not (named or any(is_cap(t) and lex.role(t.lower) for t in toks[a:b])):
        return [], (a, a), (0, end)  # "Die Nachbarn im Ort sehen es gelassen:": someone, not the last speaker
    return [], (a, b), (0, end)


def _inverted_subject(lex: Lexicon, toks: list[Tok], end: int) -> tuple[int, int] | None:
    """The subject right after the finite verb of a clause that opens with an adverb or a fronted
    object ("Hier sparte der Bundespräsident nicht mit Kritik", "Den Unmut brachte die Sprecherin
    zum Ausdruck"), or a fronted thing before a name (:func:`fronted_thing`: "Die Anwendung der
    Richtlinie stellte der SPD-Vorsitzende Franz Müntefering in Frage"), or None (the clause opens
    with its subject, or no noun phrase follows)."""
    first = toks[0].lower
    if lex.cls(first) in ("adv", "sentence_adv"):
        v = 1
    elif lex.is_(first, "oblique") and lex.is_(first, "det"):
        v = np_forward(lex, toks, 0, end)[1]
    elif lex.de and (v := _past_attachments(lex, toks, np_forward(lex, toks, 0, end)[1], end)) + 1 < end and \
            fronted_thing(lex, toks, 0, v) and named_after(lex, toks, v + 1, end):
        pass
    else:
        return None
    if not (0 < v < end - 1 and toks[v].text[:1].islower() and lex.cls(toks[v].lower) is None):
        return None
    a, b = np_forward(lex, toks, v + 1, end)
    return (a, b) if b > a and a == v + 1 else None


def _past_attachments(lex: Lexicon, toks: list[Tok], v: int, end: int) -> int:
    """The end of the prepositional and genitive phrases after a noun phrase ending at ``v``
    ("Jegliche Mitverantwortung | für die Finanzaffäre im Bezirk der SPD | weist Hartmann von
    sich": the finite verb's index), or ``v`` when none follows."""
    while v < end and lex.cls(toks[v].lower) in ("prep", "det"):
        b = np_forward(lex, toks, v + 1, end)[1]
        if b <= v + 1:
            break
        v = b
    return v


def _apply_frame(lex: Lexicon, q: Quote, toks: list[Tok], found) -> None:
    cue_idx, (a, b), (fs, fe) = found
    q.cue = cue_spans(lex, toks, cue_idx)
    if b > a:
        q.speaker = [span(toks, a, b)]
    elif not cue_idx:
        q.own_subject = True  # a colon clause with a subject the rules do not take for a name
    q.frame = [span(toks, fs, fe)]
    q.confidence = 0.9 if b > a else 0.7


def title_like(text: str, qs: int, qe: int) -> bool:
    """A short quoted name or title (every word capitalised or a number: „Shenzhou 6“)."""
    words = re.findall(r"\w+", text[qs:qe])
    return len(words) <= 4 and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def merge_continued(art: Article) -> None:
    """Pass (English by default): join "“A,” he said. “B.”", a framed direct quotation and the
    frameless one right after it, into one discontinuous quotation."""
    if not art.merge_continued:
        return
    out: list[Quote] = []
    for q in art.quotes:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "direct" and q.kind == "direct" and q.inherit and not q.cue
                and prev.cue and prev.frame and prev.frame[-1][1] >= prev.spans[-1][1]
                and not art.text[prev.frame[-1][1]:q.spans[0][0]].strip(" \t.,;")):
            prev.spans.extend(q.spans)
            continue
        out.append(q)
    art.quotes = out
