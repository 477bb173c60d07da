"""Speaker phrases: the noun phrase of the speaker next to a cue or an attribution word.

German word order (subject before the finite verb, or after it when something else is
fronted), appositions ("Erik Schweickert, der Sprecher der FDP,"), names with parties in
brackets, genitive attributes; English subjects before the verb ("Sen. Bernie Sanders (I-Vt.)
said").

>>> from analysis.quotes.lexicon import lexicon
>>> from analysis.quotes.tokens import Tok
>>> words = "sagte der Minister Frank Weise am Montag".split()
>>> toks, pos = [], 0
>>> for w in words:
...     toks.append(Tok(pos, pos + len(w), w, w.lower(), w)); pos += len(w) + 1
>>> np_forward(lexicon("de"), toks, 1, len(toks))
(1, 5)
"""
from __future__ import annotations

import re

from analysis.actor_names import kind_of
from analysis.resources import word_class
from analysis.speaker_names import calendar_words
from analysis.quotes.cues import cue_at, is_participle
from analysis.quotes.lexicon import NOUN_GAP, Lexicon
from analysis.quotes.tokens import (
    NAME_WITH_PARTICLE,
    Tok,
    closes_inside,
    is_cap,
    is_word,
)
from analysis.resources import word_class


def genitive_attribute(lex: Lexicon, toks: list[Tok], j: int, end: int) -> bool:
    """Whether lower-case ``toks[j]`` starts a genitive plural after a noun: content words in -er
    up to a capitalised noun ("Angaben informierter Kreise", "Ansicht einiger Juristen"; not
    "unter", "oder", "wieder")."""
    k = j
    while k < end and is_word(toks[k]) and not is_cap(toks[k]) and toks[k].lower.endswith("er") \
            and lex.cls(toks[k].lower) is None and toks[k].lower not in lex.stop:
        k += 1
    return k > j and k < end and is_word(toks[k]) and is_cap(toks[k])


def _media_name(lex: Lexicon, t: Tok) -> bool:
    """A medium written in lower case (n24, n-tv, dpa: ``actor_kinds.tsv``)."""
    return lex.de and t.text[:1].islower() and kind_of(t.text, lex.lang) == "media"


def _quoted_name(toks: list[Tok], k: int, end: int) -> bool:
    """A name in quotation marks opens at ``k`` ("einem Artikel von „BBC News“")."""
    return k + 1 < end and toks[k].text in "„\"»" and is_cap(toks[k + 1])


def np_forward(lex: Lexicon, toks: list[Tok], i: int, end: int) -> tuple[int, int]:
    """Token range [a, b) of the noun phrase starting at ``i`` (empty when none)."""
    j = i
    while j < end and (lex.cls(toks[j].lower) == "adv" or lex.is_(toks[j].lower, "reflexive")):
        j += 1
    if j >= end:
        return i, i
    a = j
    if toks[j].lower in lex.pronouns:
        return a, j + 1
    seen_noun = False
    while j < end:
        t = toks[j]
        c = lex.cls(t.lower)
        if not is_word(t):
            if t.text in "-–" and seen_noun:
                break
            if t.text in "„“”\"»«'" and j + 1 < end:
                j += 1
                continue
            if t.text == "(" and seen_noun:  # "Christian Wulff (CDU)"
                k = j + 1
                while k < end and k - j <= 4 and toks[k].text != ")":
                    k += 1
                if k < end and toks[k].text == ")":
                    j = k + 1
                    continue
            if t.text == "," and seen_noun and lex.de and (k := role_apposition(lex, toks, j + 1, end)):
                j = k  # "Erik Schweickert, der verbraucherschutzpolitische Sprecher der FDP,"
                continue
            if t.text == "," and seen_noun and not lex.de and (
                    k := apposition_en(lex, toks, j + 1, end, open_end=i > 0 and toks[i - 1].cue)):
                j = k  # "Dean Baker, co-director of the Center for Economic and Policy Research,"
                continue
            if t.text == "," and seen_noun and j + 2 < end and is_cap(toks[j + 1]) and \
                    lex.cls(toks[j + 1].lower) is None:
                # apposition: "der Chef der Behörde, Frank Weise,"
                k = j + 1
                while k < end and is_word(toks[k]) and is_cap(toks[k]):
                    k += 1
                if k - (j + 1) >= 1 and (k >= end or toks[k].text in ",.;:"):
                    j = k
                    continue
            break
        if c == "det":
            if seen_noun and not lex.is_(t.lower, "np_det"):
                break
            j += 1
            continue
        if c == "prep":
            if seen_noun and j + 1 < end and (is_cap(toks[j + 1]) and lex.is_(t.lower, "place_prep") or (
                    lex.is_(t.lower, "name_prep") and (is_cap(toks[j + 1]) or lex.cls(toks[j + 1].lower) == "det"
                                                       or _media_name(lex, toks[j + 1]) or _quoted_name(toks, j + 1, end)))):
                j += 1
                continue
            break
        if c == "conj" and seen_noun and lex.is_(t.lower, "np_conj") and j + 1 < end and (
                is_cap(toks[j + 1]) and toks[j + 1].lower not in lex.pronouns
                or j + 2 < end and lex.cls(toks[j + 1].lower) in (None, "det") and is_cap(toks[j + 2])
                and toks[j + 2].lower not in lex.pronouns):
            j += 1 + (lex.cls(toks[j + 1].lower) == "det")  # "dpa und AFP", "arabische und iranische Medien", "die IADB und der MIF"
            continue
        if c in ("adv", "conj", "comp", "aux"):
            break
        if lex.de and t.text.isdigit() and j + 2 < end and toks[j + 1].text == "-" and toks[j + 2].text[:1].islower() \
                and t.end == toks[j + 1].start and toks[j + 1].end == toks[j + 2].start:
            j += 3  # a number compound adjective: "Der 85-jährige Joseph Ratzinger"
            continue
        if is_cap(t) or t.text[:1].isdigit() or NAME_WITH_PARTICLE.match(t.text):
            seen_noun = True
            j += 1
            continue
        if seen_noun and _media_name(lex, t):  # "Angaben von n24", "des Fernsehsenders n-tv"
            j += 1
            continue
        # lowercase content word: adjective when followed by a noun or another adjective
        if lex.de and seen_noun and genitive_attribute(lex, toks, j, end):  # Angaben informierter Kreise
            j += 1
            continue
        after_det = j > a and lex.cls(toks[j - 1].lower) == "det"
        if lex.de and re.search(r"(e|en|er|es|em)$", t.lower) and j + 1 < end and is_word(toks[j + 1]) and \
                lex.cls(toks[j + 1].lower) is None and (not seen_noun or after_det):
            j += 1
            continue
        if not lex.de and not seen_noun and j + 1 < end and is_word(toks[j + 1]) and is_cap(toks[j + 1]) is False \
                and lex.cls(toks[j + 1].lower) is None and j + 2 < end and is_cap(toks[j + 2]):
            j += 1
            continue
        if not lex.de and (not seen_noun or j - a < 6):
            seen_noun = True  # English common nouns are lowercase: "officials", "presidential nominee"
            j += 1
            continue
        break
    while j > a and (lex.cls(toks[j - 1].lower) in ("det", "prep") or not is_word(toks[j - 1])) \
            and not closes_inside(toks, a, j - 1):
        j -= 1
    if not any(is_cap(x) or not lex.de or NAME_WITH_PARTICLE.match(x.text) for x in toks[a:j]):
        return i, i
    return a, j


def role_apposition(lex: Lexicon, toks: list[Tok], i: int, end: int) -> int:
    """End of a role noun that opens an apposition at ``i`` (an article, adjectives, the role:
    "der geschäftsführende Direktor"), or 0."""
    k = i + (i < end and lex.cls(toks[i].lower) == "det")
    while k < end and is_word(toks[k]) and not is_cap(toks[k]) and lex.cls(toks[k].lower) is None:
        k += 1
    return k + 1 if k < end and is_cap(toks[k]) and lex.role(toks[k].lower) else 0


def apposition_en(lex: Lexicon, toks: list[Tok], i: int, end: int, *, open_end: bool) -> int:
    """End of an English apposition opening at ``i`` (its closing comma; ``end`` too with
    ``open_end``, for a speaker right after the cue: "…,” said X, a labor economist."): up to 15
    tokens with a lower-case word that is no function word, no pronoun and no cue ("a labor
    economist at the Institute", "President Obama's former chief of staff"), or 0."""
    if i >= end or toks[i].lower in lex.pronouns or lex.cls(toks[i].lower) in ("conj", "comp", "prep"):
        return 0
    common = False
    for k in range(i, min(end, i + 15)):
        t = toks[k]
        if t.text in (",", ";", ":"):
            return k if common else 0
        if not is_word(t) and t.text not in ("-", "'s", "’s", "(", ")", "."):
            return 0
        if t.cue and cue_at(lex, toks, k, end) or lex.cls(t.lower) in ("comp", "aux"):
            return 0
        common = common or (t.text[:1].islower() and t.lower not in lex.stop and lex.cls(t.lower) is None)
    closed = end < len(toks) and toks[end].text == ","  # the range ends at the closing comma
    return end if (open_end or closed) and common and end - i <= 15 else 0


def apposed_subject(lex: Lexicon, toks: list[Tok], cb: int) -> tuple[int, int] | None:
    """The noun phrase with an apposition that runs from the sentence start to the comma at
    ``cb``: the subject of the cue after it rather than content ("Dean Baker, co-director of
    CEPR, said …", "X, der Sprecher der Behörde, sagte"), or None."""
    s, e = np_forward(lex, toks, 0, cb)
    return (s, e) if e == cb and any(t.text == "," for t in toks[s:e]) else None


def name_in_commas(lex: Lexicon, toks: list[Tok], cb: int) -> tuple[int, int] | None:
    """The sentence-opening phrase up to the comma at ``cb`` that names a person and describes
    them, as the subject of the verb after that comma (German): a description with the name in
    commas ("Der BBC-Korrespondent in Mexiko-Stadt, Will Grant, berichtete"), or a name with a
    description in commas that opens with an article or relative pronoun ("John Kline, ein
    Repräsentant aus Minnesota, sagte"; "Frank Sichau, der als Sprecher fungiert, erklärte") or
    with a role noun ("Frank Biermann, Vorsitzender der Union für das Münsterland, sagte"), or a
    noun phrase with a relative clause ("Deiss, der zurücktrat, sagte"). None for anything else
    (at most 30 tokens, one inner comma, no quotation marks but those of a short name before it:
    "Der Geschäftsführer von „Ener1“, Charles Gassenheimer, sagte")."""
    if not 3 <= cb <= 30 or not (is_cap(toks[0]) or lex.cls(toks[0].lower) == "det"):
        return None
    commas = [k for k in range(cb) if toks[k].text == ","]
    if len(commas) != 1 or any(t.text in ";:" for t in toks[:cb]) or not _quoted_names_only(toks, commas[0], cb):
        return None

    def name(ts, inner: bool) -> bool:  # a capitalised word inside a sentence may be a modal's form too ("Will")
        return 2 <= len(ts) <= 4 and all(is_word(t) and is_cap(t) and t.lower not in lex.pronouns and (
            inner or lex.cls(t.lower) is None) for t in ts)

    c = commas[0]
    if c >= 2 and name(toks[c + 1:cb], True):
        return 0, cb
    if name(toks[:c], False) and c + 1 < cb and (lex.cls(toks[c + 1].lower) == "det" or (
            is_cap(toks[c + 1]) and lex.role(toks[c + 1].lower))):
        return 0, cb  # "John Kline, ein Repräsentant aus Minnesota,", "Frank Biermann, Vorsitzender der Union für X,"
    if c + 2 < cb and toks[c + 1].lower in lex.relatives and toks[cb - 1].text[:1].islower() and \
            is_cap(toks[c - 1]) and (lex.cls(toks[0].lower) != "det" or lex.role(toks[c - 1].lower)) and \
            np_forward(lex, toks, 0, c) == (0, c):  # a name, or a role noun: not "Die Zahl der Toten, die …, gab X an"
        return 0, cb  # a noun phrase with a relative clause: "Der Politiker, der seit Jahren im Bundestag sitzt, sagte"
    return None


def _quoted_names_only(toks: list[Tok], c: int, cb: int) -> bool:
    """Whether every quotation mark of ``toks[:cb]`` stands before the comma at ``c`` and pairs
    with another around one to four capitalised words or numbers ("von „Ener1“")."""
    marks = [k for k in range(cb) if toks[k].text in "„“”\"»«"]
    if not marks:
        return True
    if len(marks) % 2 or marks[-1] > c:
        return False
    return all(1 <= b - a - 1 <= 4 and (is_cap(toks[a + 1]) or toks[a + 1].text[:1].isdigit())
               for a, b in zip(marks[::2], marks[1::2]))


def np_backward(lex: Lexicon, toks: list[Tok], i: int, start: int) -> tuple[int, int]:
    """Noun phrase ending right before ``i`` (for ``X zufolge``), over a name in quotation marks
    or brackets and a web address ("dem „Figaro“", "des Verbandes (VDR)", "der Website kicker.de")."""
    j = i
    while j > start:
        t = toks[j - 1]
        if t.text in (")", "“", "”", "«") and (k := _opening_before(toks, j - 1, start)) is not None:
            j = k
            continue
        if t.text == "." and j - 2 >= start and j < i and toks[j - 2].end == t.start and t.end == toks[j].start:
            j -= 1  # "kicker.de"
            continue
        c = lex.cls(t.lower)
        if not is_word(t) or c in ("prep", "conj", "comp", "aux", "adv"):
            break
        j -= 1
        if lex.de and c == "det" and not lex.is_(t.lower, "np_det"):
            break  # "hob Sarkozy dem „Figaro“ zufolge": an article that is no genitive opens the phrase
    return j, i


def _opening_before(toks: list[Tok], close: int, start: int) -> int | None:
    """The position of the mark that opens the bracket or quotation closed at ``close``, within
    six tokens and with a word inside, else None."""
    opening = "(" if toks[close].text == ")" else "„\"»"
    for k in range(close - 1, max(start, close - 7) - 1, -1):
        if toks[k].text in opening:
            return k if k < close - 1 else None
    return None


def np_before_en(lex: Lexicon, toks: list[Tok], verb: int, lo: int) -> tuple[int, int]:
    """English subject right before the verb: "Sen. Bernie Sanders (I-Vt.) said", "the campaign said"."""
    j = verb
    while j > lo and (lex.cls(toks[j - 1].lower) in ("aux", "adv") or toks[j - 1].text.islower()
                      and toks[j - 1].text.endswith("ly")):
        j -= 1  # "has repeatedly said", "is widely expected"
    b = j
    depth = 0
    while j > lo and b - j < 10:
        t = toks[j - 1]
        if t.text == ")":
            depth += 1
        elif t.text == "(":
            depth -= 1
        elif depth == 0:
            c = lex.cls(t.lower)
            if not is_word(t) and t.text not in ("'s", "’s", "’", "'", "-", ".") and not _before_suffix(lex, toks, j, b):
                break
            if c in ("comp", "conj", "aux") or (c == "prep" and not lex.is_(t.lower, "name_prep")):
                break
            if t.lower in lex.pronouns and j < b:
                break
        j -= 1
    while j < b and (lex.cls(toks[j].lower) in ("prep", "conj") or not is_word(toks[j])):
        j += 1
    return (j, b) if b > j else (verb, verb)


def _before_suffix(lex: Lexicon, toks: list[Tok], j: int, b: int) -> bool:
    """Whether ``toks[j - 1]`` is the comma of a generation after a surname that ends the phrase at
    ``b`` ("Robert F. Kennedy, Jr. said": ``name_parts.tsv``, part ``suffix``), not a clause's."""
    rest = "".join(t.text for t in toks[j:b])
    return toks[j - 1].text == "," and j > 0 and rest.lower() in word_class(lex.lang, "name_parts", "suffix", column="part")


def subject(lex: Lexicon, toks: list[Tok], lo: int, verb: int, hi: int) -> tuple[int, int]:
    """Speaker of a frame whose finite verb or cue is at ``verb``; clause tokens ``lo..hi``."""
    if not lex.de:
        sa, sb = np_before_en(lex, toks, verb, lo)
        if sb > sa:
            return sa, sb
    a = lo
    while a < verb and (lex.cls(toks[a].lower) in ("conj", "adv", "sentence_adv") or not is_word(toks[a])):
        a += 1
    if lex.de and a + 2 < verb and toks[a].text == "Von" and all(
            is_cap(t) or t.lower in ("der", "den") for t in toks[a + 1:verb]) and is_cap(toks[verb - 1]):
        return a, verb  # a name with its particle opens the sentence: "Von der Leyen betonte, …"
    if lex.de and a == lo and 2 < lo < verb and toks[lo - 1].text == "," and toks[lo].lower in lex.relatives and \
            is_cap(toks[lo - 2]) and is_cap(toks[lo - 3]) and toks[lo - 2].lower not in lex.stop:
        return lo, lo + 1  # "Abdel Kader Dschassim, der im Parlament betonte, …": the antecedent speaks
    if lex.de and any(t.lower == "als" for t in toks[lo:min(a + 1, verb)]):
        a = verb  # a fronted "Als Grund für … gab die Schule an": the subject follows the verb
    if lex.de and a + 2 < verb and toks[a].lower == "der" and toks[a + 1].text[:1].islower() and \
            toks[a + 1].text.endswith("en"):
        a = verb  # "Der englischsprachigen Zeitung sagte Filep Karma": der + adjective in -en is no nominative
    if lex.de and a + 1 < verb and verb + 1 < hi and lex.is_(toks[a].lower, "oblique") and lex.is_(toks[a].lower, "det") \
            and _nominative_start(lex, toks[verb + 1]):
        a = verb  # "Den Anstieg bezifferte die Behörde auf …": a fronted object, the subject follows the verb
    if lex.de and a + 1 < verb and toks[a + 1].lower in calendar_words(lex.lang):
        a = verb  # "Ende Januar 2006 verkündete der DFB": a time phrase before the verb, the subject follows it
    if lex.de and a < verb and verb + 1 < hi and fronted_thing(lex, toks, a, verb) and named_after(lex, toks, verb + 1, hi):
        a = verb  # "Eine Verschiebung des Wahltermins bezeichnete Conze als fatal": the name after the verb speaks
    if 0 < lo - 1 and toks[lo - 1].text == "," and all(
            lex.cls(t.lower) in ("conj", "adv", "aux") or not is_word(t) for t in toks[lo:verb]) and (
            span := apposed_subject(lex, toks, lo - 1) or (lex.de and name_in_commas(lex, toks, lo - 1))):
        return span  # "X, der Sprecher der Behörde, sagte", "Der Korrespondent in Rom, Will Grant, sagte"
    if lex.de and verb + 1 < hi and lex.is_(toks[verb + 1].lower, "subject_pronoun") and a < verb and \
            toks[a].lower not in lex.pronouns:
        return verb + 1, verb + 2
    if a < verb and lex.cls(toks[a].lower) != "prep" and (toks[a].lower not in lex.stop or toks[a].lower in
                                                      lex.pronouns or lex.cls(toks[a].lower) == "det") and (
            is_cap(toks[a]) or toks[a].lower in lex.pronouns or lex.cls(toks[a].lower) == "det"):
        s, e = np_forward(lex, toks, a, verb)
        if e > s:
            return s, e
    # a subject pronoun right after the verb ("Die Tat bezeichnete er als sinnlos")
    if verb + 1 < hi and toks[verb + 1].lower in lex.pronouns and lex.cls(toks[verb + 1].lower) != "oblique":
        return verb + 1, verb + 2
    # verb-first or fronted adverbial: the subject follows the finite verb
    fin = lo
    for k in range(lo, verb + 1):
        if lex.cls(toks[k].lower) == "aux" or k == verb:
            fin = k
            break
    sa, sb = np_forward(lex, toks, fin + 1, hi)
    if lex.de and sb == sa + 1 and toks[sa].lower in lex.object_pronouns:
        return sa, sa  # "… und verurteilte ihn als …": an object pronoun is no speaker
    return sa, sb


def fronted_thing(lex: Lexicon, toks: list[Tok], a: int, verb: int) -> bool:
    """Whether the words ``a..verb`` before a finite verb are a fronted thing, no actor (rule *fronted
    object before a named subject*): an article and a head noun of a thing's ending
    (``reference_words.tsv`` class thing_ending) that is no role and no institution ("Eine
    Verschiebung des Wahltermins bezeichnete Conze"), or a present participle alone ("Relativierend
    fügt Gall hinzu").

    >>> from analysis.quotes.lexicon import lexicon
    >>> from analysis.quotes.tokens import Tok
    >>> toks = [Tok(0, 4, "Eine", "eine", "ein"), Tok(5, 17, "Verschiebung", "verschiebung", "Verschiebung")]
    >>> fronted_thing(lexicon("de"), toks + [Tok(18, 29, "bezeichnete", "bezeichnete", "bezeichnen")], 0, 2)
    True
    """
    if verb - a == 1 and is_cap(toks[a]) and lex.present_participle(toks[a].lower):
        return True
    head = next((t for t in toks[a + 1:verb] if is_cap(t)), None)
    return lex.is_(toks[a].lower, "det") and head is not None and head.lower.endswith(
        tuple(word_class(lex.lang, "reference_words", "thing_ending"))) and not lex.role(head.lower) and kind_of(
        head.text, lex.lang) == "other"


def named_after(lex: Lexicon, toks: list[Tok], k: int, hi: int) -> bool:
    """A name right after the finite verb ("bezeichnete Conze"), or der and a role noun ("stellte der
    SPD-Vorsitzende Franz Müntefering"): a subject, not an object."""
    t = toks[k]
    if is_cap(t) and t.lower not in lex.stop and t.lower not in lex.pronouns and not lex.is_(t.lower, "det"):
        return True
    return t.lower == "der" and any(is_cap(x) and lex.role(x.lower) for x in toks[k + 1:min(hi, k + 4)])


def _nominative_start(lex: Lexicon, t: Tok) -> bool:
    """A token that can open a subject: an article of no oblique case (der, die, eine) or a name."""
    if lex.is_(t.lower, "det"):
        return not lex.is_(t.lower, "oblique")
    return is_cap(t) and t.lower not in lex.stop and t.lower not in lex.pronouns


def en_subject_before(lex: Lexicon, toks: list[Tok], a: int, i: int) -> bool:
    """English "..., Smith said" / "..., she said": a short subject between comma and verb."""
    return 0 < i - a <= 5 and all(is_word(t) for t in toks[a:i]) and (
        is_cap(toks[a]) or toks[a].lower in lex.pronouns or lex.cls(toks[a].lower) == "det")


def passive_agent(lex: Lexicon, toks: list[Tok], a: int, idx: list[int], b: int) -> tuple[bool, tuple[int, int] | None]:
    """Whether the cue tokens ``idx`` in clause ``[a, b)`` are a German passive (a form of werden
    before the participle: "Die Bürger wurden gebeten, …"), and its agent after von or durch,
    the speaker ("wurden von israelischen Behörden angewiesen"), or None."""
    part = next((x for x in idx if is_participle(lex, toks[x])), None)
    if not lex.de or part is None or not any(lex.is_(t.lower, "passive_aux") for t in toks[a:part]):
        return False, None
    for j in range(a, b - 1):
        if lex.is_(toks[j].lower, "agent_prep") and j + 1 not in idx:
            s, e = np_forward(lex, toks, j + 1, b)
            if e > s and not any(s <= x < e for x in idx):
                return True, (s, e)
    return True, None


def source_np(lex: Lexicon, toks: list[Tok], i: int, end: int) -> tuple[int, int]:
    """The noun phrase at ``i`` (:func:`np_forward`), or the document after a source preposition
    there ("Dies geht aus einer Pressemitteilung des Konzerns hervor", "Wie sich aus der
    Auswertung ergab"; ``source_prep`` before a cue noun)."""
    j = i
    while j < end and lex.is_(toks[j].lower, "reflexive"):
        j += 1
    if j + 1 < end and lex.is_(toks[j].lower, "source_prep") and any(
            is_cap(t) and lex.cue_noun(t.lemma) for t in toks[j + 1:j + 1 + NOUN_GAP]):
        return np_forward(lex, toks, j + 1, end)
    return np_forward(lex, toks, i, end)


def nach_source_start(lex: Lexicon, toks: list[Tok], i: int, end: int) -> int | None:
    """The first token of the source before a postposed ``nach`` at ``i``: a noun of
    ``nach_sources.txt`` ("Seiner Ansicht nach ist …", "ihrer Meinung
    nach", "dem Vernehmen nach", "ersten Erkenntnissen nach") after an article, a possessive or
    an adjective, with a word of the clause after *nach* (not the particle of "kam der Bitte nach,
    …") and no article before the phrase ("Die seiner Ansicht nach fragwürdige Rolle"); else None.
    """
    if i < 2 or i + 1 >= end or toks[i - 1].lower not in lex.nach_sources:
        return None
    nxt = toks[i + 1]
    if not (nxt.text[:1].isalnum() or nxt.text in "„\"»") or lex.cls(nxt.lower) in ("conj", "comp"):
        return None
    k = i - 2
    if not _opens_source(lex, toks[k]):
        return None
    if k > 0 and toks[k].lower.endswith(_ADJECTIVE_ENDINGS) and lex.cls(toks[k].lower) is None and \
            toks[k - 1].text[:1].islower() and _opens_source(lex, toks[k - 1]):
        k -= 1  # "seiner eigenen Ansicht nach"
    if k > 0 and lex.cls(toks[k - 1].lower) == "det":
        return None
    return k


_ADJECTIVE_ENDINGS = ("e", "en", "em", "er", "es")


def _opens_source(lex: Lexicon, t: Tok) -> bool:
    """An article, a possessive or an adjective that can open the phrase before a postposed
    *nach* ("dem", "seiner", "eigenen", "ersten"), not a verb or a name ("war", "Obama")."""
    return lex.cls(t.lower) == "det" or t.lower in lex.pronouns or (
        t.text[:1].islower() and lex.cls(t.lower) is None and t.lower.endswith(_ADJECTIVE_ENDINGS))
