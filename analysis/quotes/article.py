"""One article under analysis: its text, sentences and tokens, and what the passes share.

:class:`Article` holds the state the rules read (the lexicon, the quotation found for each
sentence, offsets computed once per sentence) and small text helpers; :meth:`Article.analyse`
runs the passes of :data:`analysis.quotes.rules.PASSES` in order.
"""
from __future__ import annotations

from bisect import bisect_right

from analysis.quotes.lexicon import Lexicon
from analysis.quotes.tokens import CLAUSE_MARKS, MIXED_MARK, WORD, WORDS, Quote


class Article:
    """The rules' view of one article; :meth:`analyse` returns its :class:`Quote` list."""

    def __init__(self, text: str, sentences: list, tokens, lex: Lexicon, *, prefilter: bool = True,
                 title: str = "", record_speaker: str | None = None):
        self.text, self.sents, self.toks, self.lex = text, sentences, tokens, lex
        self.title, self.record_speaker = title, record_speaker  # for turns (analysis.quotes.turns)
        self.de = lex.de
        self.prefilter = prefilter and self.de and hasattr(tokens, "raw")
        self.sent_quote: dict[int, Quote] = {}   # sentence -> the quotation that covers it
        self.quotes: list[Quote] = []
        self.marks: list[tuple[int, int, bool]] = []  # quotation-mark spans, True once a quotation uses them
        self.sent_starts = [s[0] for s in sentences]
        self.covered = [False] * len(sentences)  # sentence taken by a direct quotation
        self._offsets: dict = {}
        self.clause_cues: dict = {}  # (sentence, token, clause end) -> cue_at's answer, for fragments
        self.trig = [True] * len(sentences)    # sentence has a cue or attribution word
        self.moody = [True] * len(sentences)   # sentence has a Konjunktiv form
        self.far = 6            # sentences over which a Konjunktiv I sentence inherits a speaker
        self.lone_konj = True   # Konjunktiv I sentences without any earlier quotation count too
        self.nested = self.de   # quoted parts inside quotations become nested direct quotations
        self.fragments = self.de  # quoted fragments after a cue become direct quotations
        self.merge_continued = not self.de  # "“A,” he said. “B.”" is one quotation
        self.frame_konj_strong = False  # only Konjunktiv I (not II) makes a cue clause reported content

    def analyse(self) -> list[Quote]:
        from analysis.quotes.rules import PASSES

        for run in PASSES:
            run(self)
        return self.quotes

    def offsets(self, k: int) -> tuple[list, list, list, list]:
        """Token starts and ends, cue positions and clause-mark positions of sentence ``k`` (computed
        once, so that rules called once per quotation mark stay linear in a sentence's length)."""
        got = self._offsets.get(k)
        if got is None:
            toks = self.toks[k]
            got = self._offsets[k] = ([t.start for t in toks], [t.end for t in toks],
                                      [i for i, t in enumerate(toks) if t.cue],
                                      [i for i, t in enumerate(toks) if t.text in CLAUSE_MARKS])
        return got

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence holding character ``pos``."""
        return max(0, bisect_right(self.sent_starts, pos) - 1)

    def trim(self, s: int, e: int, *, keep_end: bool) -> tuple[int, int] | None:
        """Strip spaces and leading commas (and the final punctuation unless ``keep_end``) from a
        char range."""
        text = self.text
        s, e = max(0, s), min(e, len(text))  # a range past the text's end (a span ending with it) is cut there
        while s < e and (text[s].isspace() or text[s] == ","):
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if not keep_end:
            while e > s and text[e - 1] in ".!?;:,–-":
                e -= 1
            while e > s and text[e - 1].isspace():
                e -= 1
        return (s, e) if e > s and WORD.search(text[s:e]) else None

    def words_at_least(self, s: int, e: int, k: int) -> bool:
        """Whether ``text[s:e]`` has at least ``k`` words (runs of word characters)."""
        for n, _ in enumerate(WORDS.finditer(self.text, s, e), 1):
            if n >= k:
                return True
        return False

    def finish(self, q: Quote, spans: list) -> Quote:
        """Mark a quotation that contains a quoted part as mixed."""
        for s, e in spans:
            if MIXED_MARK.search(self.text, s, e):
                q.kind = "mixed"
                break
        return q
