"""The sentence rules' view of one sentence, and the pass that runs the rules on each sentence.

A :class:`Sentence` gives the rules what they ask about a sentence: its tokens up to the last
word, the positions of cue and attribution words (``triggers``), the clause marks and the
clauses they delimit, the Konjunktiv moods, and the cues found in their clauses.
"""
from __future__ import annotations

from itertools import compress

from analysis.quotes.article import Article
from analysis.quotes.cues import cue_at
from analysis.quotes.lexicon import Lexicon
from analysis.quotes.prefilter import may_hold_quote
from analysis.quotes.tokens import (
    CLAUSE_MARKS,
    Quote,
    Tok,
    is_word,
    tok_cue,
    tok_lower,
    tok_mood,
    tok_text,
)

FRAMED = object()  # a rule's answer when it framed an earlier quotation: the sentence gives no quotation


class Sentence:
    """What the sentence rules read about sentence ``k``: its tokens, ``end`` (one past the last
    word token; final punctuation left out), ``triggers`` (positions of cue and attribution
    words), ``commas`` (positions of clause marks , : ; – —), ``moods`` (the Konjunktiv mood of
    each token), the clauses between the marks, and the cues found in their clauses."""

    def __init__(self, k: int, toks: list[Tok], end: int, triggers: list[int], commas: list[int],
                 moods: list, lex: Lexicon):
        self.k, self.toks, self.end, self.triggers, self.commas, self.moods, self.lex = (
            k, toks, end, triggers, commas, moods, lex)
        self.bounds = bounds = [0] + [c + 1 for c in commas] + [end]  # start of each clause, and end
        n = len(toks)
        clause_of = [0] * (n + 1)  # clause number of each token position
        for ci in range(len(bounds) - 1):
            clause_of[bounds[ci]:bounds[ci + 1]] = [ci] * (bounds[ci + 1] - bounds[ci])
        clause_of[end:] = [len(bounds) - 2] * (n + 1 - end)
        self.clause_of = clause_of
        self._cues: list | None = None

    def clause_range(self, ci: int) -> tuple[int, int]:
        """Tokens ``[a, b)`` of clause ``ci`` (``b`` is its closing mark or ``end``)."""
        return self.bounds[ci], (self.commas[ci] if ci < len(self.commas) else self.end)

    def konj_in(self, a: int, b: int, strong: bool = False) -> bool:
        """A Konjunktiv I form in tokens ``[a, b)`` (also II unless ``strong``)."""
        ms = self.moods[a:b]
        return "I" in ms or (not strong and "II" in ms)

    @property
    def cues(self) -> list[tuple[int, tuple[str, list[int]]]]:
        """``(position, (cue lemma, cue token indices))`` of every cue verb, found in its clause."""
        if self._cues is None:
            self._cues = []
            for i in self.triggers:
                if self.toks[i].cue:
                    c = cue_at(self.lex, self.toks, i, self.clause_range(self.clause_of[i])[1])
                    if c:
                        self._cues.append((i, c))
        return self._cues


def sentence_view(art: Article, k: int) -> Sentence | None:
    """The :class:`Sentence` of sentence ``k``, or None when no sentence rule can fire in it."""
    pre = None
    if art.prefilter:
        pre = may_hold_quote(art, k)
        if pre is None:
            return None
    toks = art.toks[k]
    if len(toks) < 3:
        return None
    if pre is not None:
        end, cue_pos, frame_pos, commas, moods = pre
        return Sentence(k, toks, end, sorted(set(cue_pos).union(frame_pos)), commas, moods, art.lex)
    end = len(toks)
    while end > 0 and not is_word(toks[end - 1]) and toks[end - 1].text not in "“”\"»«":
        end -= 1
    if end <= 0:
        return None
    positions = range(end)
    triggers = set(compress(positions, map(tok_cue, toks)))
    triggers.update(compress(positions, map(art.lex.frames.__contains__, map(tok_lower, toks))))
    if not triggers:
        return None
    commas = list(compress(positions, map(CLAUSE_MARKS.__contains__, map(tok_text, toks))))
    return Sentence(k, toks, end, sorted(triggers), commas, list(map(tok_mood, toks)), art.lex)


def sentence_quotes(art: Article) -> None:
    """Pass: the sentence rules of the article's language, in the order of
    :data:`analysis.quotes.rules.SENTENCE_RULES`, on each sentence not taken by a direct
    quotation; the first rule that answers gives the sentence's quotation."""
    from analysis.quotes.rules import SENTENCE_RULES

    rules = SENTENCE_RULES[art.lex.lang if art.lex.lang in SENTENCE_RULES else "de"]
    for k in compress(range(len(art.sents)), art.trig):
        if art.covered[k]:
            continue
        s = sentence_view(art, k)
        if s is None:
            continue
        for rule in rules:
            q = rule(art, s)
            if q is not None:
                break
        if isinstance(q, Quote):
            art.quotes.append(q)
            art.sent_quote[k] = q
            if art.de and ((q2 := coordinated_frame(art, s, q)) is not None or (q2 := second_speaker(art, s, q)) is not None):
                art.quotes.append(q2)


_ADVERBS = ("adv", "sentence_adv")


def coordinated_frame(art: Article, s: Sentence, q: Quote) -> Quote | None:
    """A second speech verb after und, or after a comma and adverbs, inside a quotation's content,
    with content of its own: the first content ends before it and the second quotation has the
    first one's speaker ("X erklärte, A sei B, und kündigte an, C zu tun"; "X hat eingeräumt, A sei
    B, jedoch stets beteuert, C zu tun").

    Example (de): Die Ministerin erklärte, die Lage sei ernst, und kündigte an, die Steuern zu senken. → kind=indirect; text=die Steuern zu senken; cue=kündigte an; speaker=Die Ministerin
    """
    from analysis.quotes.reported import speech_act
    from analysis.quotes.verb_frames import frame_before

    lex, toks = art.lex, s.toks
    last = q.spans[-1]
    for j in range(1, s.end - 3):
        if not (last[0] <= toks[j].start < last[1]) or not (lex.is_(toks[j].lower, "clause_conj") or toks[j].text == ","
                                                            and lex.cls(toks[j + 1].lower) in _ADVERBS):
            continue  # "und kündigte an, …", or a comma and an adverb: "…, jedoch stets beteuert, …"
        v = j + 1
        while v < s.end and lex.cls(toks[v].lower) in _ADVERBS:
            v += 1
        if v >= s.end or not toks[v].cue or toks[v].text[:1].isupper() or cue_at(lex, toks, v, s.end) is None or \
                any(a <= toks[v].start < b for a, b in q.cue):
            continue  # no cue, or the quotation's own ("…, besuchte die Helfer und kritisierte die Regierung")
        tail = Sentence(s.k, toks[j + 1:], s.end - j - 1, [t - j - 1 for t in s.triggers if t > j],
                        [c - j - 1 for c in s.commas if c > j], s.moods[j + 1:], lex)
        q2 = frame_before(art, tail) or speech_act(art, tail)
        cut = art.trim(last[0], toks[j - 1].end, keep_end=False)
        if not isinstance(q2, Quote) or not q.speaker or cut is None:
            return None
        last[1] = cut[1]
        q2.speaker, q2.rule = list(q.speaker), "coordinated_frame"
        return q2
    return None


def second_speaker(art: Article, s: Sentence, q: Quote) -> Quote | None:
    """A main clause after a comma (and a coordinating conjunction) at the end of a quotation's
    content, with a subject of its own and an indicative speech verb: a second speaker, so the
    first content ends before the comma ("Die USA lehnten den Satz ab, die EU-Staaten begrüßten den
    Vorstoß"; "Laut Veranstaltern kamen 7.000 Menschen, die Polizei spricht von 4.000"). A clause
    in Konjunktiv stays content.

    Example (de): Die USA lehnten den Satz ab, die EU-Staaten begrüßten den Vorstoß. → kind=reported; text=die EU-Staaten begrüßten den Vorstoß.; cue=begrüßten; speaker=die EU-Staaten
    """
    from analysis.quotes.reported import speech_act  # both modules import this one
    from analysis.quotes.verb_frames import frame_before

    lex, toks = art.lex, s.toks
    last = q.spans[-1]
    if last[1] < toks[s.end - 1].end or not q.cue:
        return None  # the content does not run to the sentence's end; no cue to come after
    for j in s.commas:
        if toks[j].text != "," or not last[0] < toks[j].start < last[1] or j + 3 >= s.end or q.cue[-1][1] > toks[j].start:
            continue  # a comma inside the content, after the first quotation's cue
        a = j + 1 + (lex.cls(toks[j + 1].lower) == "conj")
        if lex.cls(toks[a].lower) not in ("det", None) or toks[a].text[:1].islower() and lex.cls(toks[a].lower) is None:
            continue  # no subject opens the clause
        tail = Sentence(s.k, toks[a:], s.end - a, [t - a for t in s.triggers if t >= a],
                        [c - a for c in s.commas if c >= a], s.moods[a:], lex)
        q2 = frame_before(art, tail) or speech_act(art, tail)
        if not isinstance(q2, Quote) or not q2.speaker or q2.speaker[0][0] != toks[a].start:
            continue  # the subject opens the clause
        v = next((x for x in range(a, s.end) if toks[x].start >= q2.speaker[0][1]), s.end)
        if v + 1 >= s.end or not q2.cue or q2.cue[0][0] != toks[v].start or toks[a].lower in lex.oblique:
            continue  # a nominative subject, the finite verb right after it and more after: a main clause
        cut = art.trim(last[0], toks[j - 1].end, keep_end=False)
        if cut is None or cut[1] <= cut[0]:
            return None
        last[1] = cut[1]
        q2.rule = "second_speaker"
        return q2
    return None
