"""Quotation marks: the spans of text between double quotation marks.

German „…“ and »…«/«…», English “…”, straight "…" and the two-apostrophe ''…'' of many news
archives; quotes that run over paragraphs; unclosed marks.

>>> find_quotation_marks("''We will win,'' he said.")
[(0, 16, True)]
"""
from __future__ import annotations

import re


def find_quotation_marks(text: str, *, lang: str = "de") -> list[tuple[int, int, bool]]:
    """Spans ``(start, end, closed)`` of text between double quotation marks, marks included.

    Quotes never cross a paragraph break unless the next paragraph reopens the quote with an
    opening mark (the convention for quotations running over paragraphs); an unclosed quote
    ends at its paragraph end (``closed`` is then False). Apostrophes are never quotation marks.

    >>> find_quotation_marks('Er sagte: „Ja.“ Dann »nein«.')
    [(10, 15, True), (21, 27, True)]
    >>> find_quotation_marks('„offen\\n\\nweiter')
    [(0, 6, False)]
    """
    guillemet_opens = "»"
    first_r, first_l = text.find("»"), text.find("«")
    if first_l != -1 and (first_r == -1 or first_l < first_r):
        guillemet_opens = "«"
    out: list[tuple[int, int, bool]] = []
    open_pos, open_ch = -1, ""
    n = len(text)
    for m in re.finditer(r"[„“”\"»«]|''|\n\s*\n", text):
        ch, i, end = m.group(), m.start(), m.end()
        if ch == "''":  # two apostrophes: a straight double mark (''Yes,'' he said)
            ch = "\""
        if ch[0] == "\n":  # paragraph break
            if open_pos >= 0:
                nxt = m.end()
                if nxt < n and text[nxt] in "„»«“\"" and _closes(open_ch, text[nxt], guillemet_opens) is False:
                    continue  # reopened: the quote runs on (the reopening mark is skipped below)
                out.append((open_pos, _rstrip_pos(text, i), False))
                open_pos = -1
            continue
        if open_pos >= 0:
            if i == open_pos + 1 and ch == open_ch:
                continue
            if _closes(open_ch, ch, guillemet_opens):
                if ch == "\"" and end < n and text[end].isalnum() and not text[i - 1].isalnum():
                    # a straight mark glued to the next word opens rather than closes: restart
                    out.append((open_pos, _rstrip_pos(text, i), False))
                    open_pos, open_ch = i, ch
                    continue
                out.append((open_pos, end, True))
                open_pos = -1
            elif _is_reopen(text, i, m):
                continue
            elif ch in "„" or (ch == guillemet_opens and ch != open_ch):
                # a new opening mark while one is open: the earlier one was never closed
                out.append((open_pos, _rstrip_pos(text, i), False))
                open_pos, open_ch = i, ch
            continue
        if _opens(text, i, end, ch, guillemet_opens):
            open_pos, open_ch = i, ch
    if open_pos >= 0:
        end = text.find("\n", open_pos)
        out.append((open_pos, _rstrip_pos(text, end if end != -1 else n), False))
    return [(s, e, c) for s, e, c in out if e - s > 1]


def _rstrip_pos(text: str, i: int) -> int:
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


def _is_reopen(text: str, i: int, m) -> bool:
    """A mark at the start of a paragraph while a quote runs on from the previous paragraph."""
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j >= 1 and text[j] == "\n" and text[j - 1] in "\n \t"


def _opens(text: str, i: int, end: int, ch: str, guillemet_opens: str) -> bool:
    nxt = text[end] if end < len(text) else " "
    if nxt.isspace():
        return False
    if ch == "„":
        return True
    if ch in "»«":
        return ch == guillemet_opens
    prev = text[i - 1] if i else " "
    return not (prev.isalnum() or prev in ".,;!?")  # “ or " opening (English style or straight)


def _closes(open_ch: str, ch: str, guillemet_opens: str) -> bool:
    if open_ch == "„":
        return ch in "“”\""
    if open_ch in "»«":
        return ch in "»«" and ch != open_ch
    if open_ch == "“":
        return ch in "”“"
    if open_ch == "\"":
        return ch == "\""
    return False
