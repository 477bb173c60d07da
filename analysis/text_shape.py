"""Text shape: re-flow hard-wrapped paragraphs and remove markup leftovers from article text.

Many corpora arrive with a newline every ~70 characters (e-mail, pandoc or ``fold`` output) or
with leftovers of the page they were scraped from (``&quot;``, ``<span>``, ``**bold**``,
``[text](url)``). Both distort everything downstream: a wrapped line becomes a "sentence", a tag
becomes a frequent word. :func:`shape_text` repairs one text and says what it did;
:func:`shape_articles` does so for the ``text`` column of an articles table.

Re-flow. A text counts as hard-wrapped when most lines that continue a paragraph are long and end
near one common width (40–110 characters). Two lines of it are joined only when the wrapper *had*
to break there: the first word of the next line would not have fitted on the line. A real
paragraph end, a heading or a short verse-like line leaves room for that word and so stays a line
of its own; a line that opens with a list marker, a transcript speaker label (``MS. PSAKI:``,
``Q``, see :mod:`analysis.quotes.turns`) or a markdown heading, and a line that ends with a
markdown hard break (two spaces), are never joined either. A word split at the line end
("Verhand-" + "lungen") loses its hyphen when the joined form is a known word of the language
(wordfreq); other hyphens stay ("US-" + "Präsident" → "US-Präsident"), and a hyphen followed by a
stopword keeps its space ("Nord-" + "und" → "Nord- und").

Markup. HTML entities are decoded (also when encoded twice, ``&amp;quot;``), HTML tags, comments
and tag fragments (``span class="x">``) are removed (block tags such as ``<p>``, ``<br>``, ``<li>``
become a line break), markdown images are dropped, links ``[text](url)`` keep their text and
emphasis (``**x**``, ``__x__``, ``*x*``) keeps its words; stray runs of asterisks go.
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass, field
from functools import cache

import pandas as pd

from analysis.resources import ROOT, wordlist
from analysis.runtime import word_cache

log = logging.getLogger(__name__)

MIN_WIDTH, MAX_WIDTH = 40, 110  # widths a hard-wrapped text is wrapped at
KNOWN_WORD_ZIPF = 1.0  # a de-hyphenated form at least this frequent (wordfreq Zipf scale) is a word

_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+•·–—▪]|\d{1,3}[.)]|[a-zA-Z][.)])[ \t]")
_HEADING = re.compile(r"[ \t]*#{1,6}[ \t]")
_FIRST_WORD = re.compile(r"\S+")  # what a greedy wrapper tried to fit next (hyphens or not)
_SPLIT_WORD = re.compile(r"(\w+)-$")
_NEXT_WORD = re.compile(r"\w+")

_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"</?(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?:\s+[^<>]*?)?\s*/?>")
_BLOCK_TAGS = frozenset("p br div li ul ol tr table h1 h2 h3 h4 h5 h6 blockquote section article hr".split())
_CELL_TAGS = frozenset("td th".split())
# the tail of a tag cut at its start: a name with attributes, or an attribute's closing quote
_TAG_TAIL = re.compile(r"(?:\b[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z-]+=(?:\"[^\"<>\n]*\"|'[^'<>\n]*'))+\s*/?>|\"/?>)")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"\[(?P<text>[^\[\]]+)\]\((?:https?://|mailto:|www\.|/|#)[^)\s]*(?:\s+\"[^\"]*\")?\)")
_STRONG = re.compile(r"(?<![\w*])\*\*(?=\S)(?P<text>[^*]+?)(?<=\S)\*\*(?![\w*])|(?<![\w_])__(?![a-z0-9]+__)(?=\S)(?P<text2>[^_]+?)(?<=\S)__(?![\w_])")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])(?P<text>[^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_STARS = re.compile(r"\*{2,}")
_SPACES = re.compile(r"[ \t]{2,}(?=\S)")


@dataclass
class Shape:
    """What :func:`shape_text` changed: counts per kind of change."""

    counts: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, n: int = 1) -> None:
        if n:
            self.counts[kind] = self.counts.get(kind, 0) + n

    def __str__(self) -> str:
        return ",".join(f"{kind}:{n}" for kind, n in self.counts.items())


# --- re-flow ------------------------------------------------------------------------------------


@cache
def _stopwords(lang: str) -> frozenset[str]:
    return wordlist(lang, "stopwords") if (ROOT / lang / "stopwords.txt").exists() else frozenset()


@word_cache(maxsize=200_000)
def _is_known(word: str, lang: str) -> bool:
    from wordfreq import zipf_frequency

    try:
        return zipf_frequency(word, lang) >= KNOWN_WORD_ZIPF
    except (LookupError, ValueError):  # a language wordfreq does not know
        return False


def wrap_width(lines: list[str]) -> int | None:
    """The width ``lines`` are hard-wrapped at, or None if they are not hard-wrapped.

    Only lines that continue a paragraph (a non-blank line follows) count; at least 3 of them,
    three in five at least 0.7 of the width, and no more than one in ten longer than it.

    >>> wrap_width(["A line of some length that goes on and on and then", "is wrapped here and at",
    ...             "the same width again, and again it wraps at this", "point."])
    50
    >>> wrap_width(["Title", "", "One paragraph on one line.", "Another one."]) is None
    True
    """
    inner = [len(a.rstrip()) for a, b in zip(lines, lines[1:]) if a.strip() and b.strip() and " " in a.strip()]
    if len(inner) < 3:
        return None
    ranked = sorted(inner)
    width = ranked[-1 - len(ranked) // 50]  # the longest, bar the top 2 % (long links, unbreakable words)
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    if sum(n >= 0.7 * width for n in inner) < 0.6 * len(inner) or sum(n > width for n in inner) > 0.1 * len(inner):
        return None
    return width


def _label_lines(text: str, lang: str) -> set[int]:
    """Offsets of the lines that open with a transcript speaker label."""
    from analysis.quotes.turns import speaker_label

    return {turn.label[0] for turn in speaker_label(text, lang)}


def _stays_apart(line: str, nxt: str, nxt_start: int, labels: set[int]) -> bool:
    """Whether a line break is structure: a hard break, or a list item, heading or label next."""
    return (line.endswith("  ") or line.endswith("\\") or not nxt.strip() or not line.strip()
            or bool(_LIST_ITEM.match(nxt)) or bool(_HEADING.match(nxt)) or bool(_HEADING.match(line))
            or nxt_start + len(nxt) - len(nxt.lstrip()) in labels)


def _join(line: str, nxt: str, lang: str, shape: Shape) -> str:
    """``line`` and ``nxt`` as one line: a space between, or a split word rejoined."""
    head, tail = line.rstrip(), nxt.lstrip()
    split = _SPLIT_WORD.search(head)
    word = _NEXT_WORD.match(tail)
    if split and word and len(split.group(1)) > 1:
        if tail[0].islower() and _is_known((split.group(1) + word.group()).lower(), lang):
            shape.add("dehyphenated")
            return head[:-1] + tail
        if word.group().lower() not in _stopwords(lang):
            return head + tail  # a real hyphen: US-Präsident
    return f"{head} {tail}"


def reflow(text: str, *, lang: str = "de", shape: Shape | None = None) -> str:
    """``text`` with its hard-wrapped paragraphs joined into one line each (see the module doc).

    >>> reflow("The talks in the city went on for hours, and the\\n"
    ...        "delegations agreed on a statement that both sides\\n"
    ...        "had prepared in advance, officials said on Friday\\n"
    ...        "after the meeting ended.\\n\\nNext paragraph.", lang="en")
    'The talks in the city went on for hours, and the delegations agreed on a statement that both sides had prepared in advance, officials said on Friday after the meeting ended.\\n\\nNext paragraph.'
    """
    shape = shape if shape is not None else Shape()
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    labels = _label_lines(text, lang)
    out, starts, pos = [lines[0]], [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    for i in range(1, len(lines)):
        prev, line = lines[i - 1], lines[i]
        chunk = _FIRST_WORD.match(line.lstrip())
        room = width - len(prev.rstrip()) - (0 if prev.rstrip().endswith("-") else 1)
        if _stays_apart(prev, line, starts[i], labels) or chunk is None or len(chunk.group()) <= room:
            out.append(line)
            continue
        out[-1] = _join(out[-1], line, lang, shape)
        shape.add("reflowed")
    return "\n".join(out)


# --- markup -------------------------------------------------------------------------------------


def _decode_entities(text: str, shape: Shape) -> str:
    for _ in range(3):  # double (and triple) encoding: &amp;quot; → &quot; → "
        n = len(_ENTITY.findall(text))
        if not n:
            break
        shape.add("entities", n)
        text = html.unescape(text)
    return text


def _tag(m: re.Match) -> str:
    name = m.group("name").lower()
    return "\n" if name in _BLOCK_TAGS else " " if name in _CELL_TAGS else ""


def strip_markup(text: str, *, shape: Shape | None = None) -> str:
    """``text`` without HTML entities, tags and markdown emphasis, links and images.

    >>> strip_markup('&amp;quot;Yes&amp;quot;, said <span class="x">**Kim**</span> ([video](https://x.org/v)).')
    '"Yes", said Kim (video).'
    """
    shape = shape if shape is not None else Shape()
    text = _decode_entities(text, shape)
    for pattern, kind, repl in ((_COMMENT, "tags", ""), (_TAG, "tags", _tag), (_TAG_TAIL, "tags", ""),
                                (_IMAGE, "images", ""), (_LINK, "links", r"\g<text>")):
        text, n = pattern.subn(repl, text)
        shape.add(kind, n)
    text, n = _STRONG.subn(lambda m: m.group("text") or m.group("text2"), text)
    text, k = _EMPHASIS.subn(r"\g<text>", text)
    text, s = _STARS.subn("", text)
    shape.add("emphasis", n + k + s)
    if shape.counts.get("tags"):
        text = _SPACES.sub(" ", text)  # the gap a removed inline tag leaves
    return text


def shape_text(text: str, *, lang: str = "de", reflow_lines: bool = True, clean_markup: bool = True) -> tuple[str, str]:
    """``(text, what was done)``: ``text`` re-flowed, then cleaned of markup.

    What was done is ``kind:count`` pairs joined by commas, empty if the text is unchanged:
    ``reflowed`` (line breaks joined), ``dehyphenated`` (of those, words rejoined without their
    hyphen), ``entities``, ``tags`` (tags, comments and tag fragments), ``images``, ``links``,
    ``emphasis``.

    >>> shape_text("Ein **kurzer** Text &amp; mehr.")
    ('Ein kurzer Text & mehr.', 'entities:1,emphasis:1')
    """
    shape = Shape()
    if reflow_lines:
        text = reflow(text, lang=lang, shape=shape)
    if clean_markup:
        text = strip_markup(text, shape=shape)
    return text.strip(), str(shape)


def shape_articles(articles: pd.DataFrame, *, reflow_lines: bool = True, clean_markup: bool = True) -> pd.DataFrame:
    """A copy of ``articles`` with :func:`shape_text` applied to ``text`` (by each row's ``lang``)
    and what was done in a ``text_shape`` column.

    >>> shape_articles(pd.DataFrame({"text": ["a <b>b</b>"], "lang": ["en"]}))[["text", "text_shape"]].values.tolist()
    [['a b', 'tags:2']]
    """
    out = articles.copy()
    shaped = [shape_text(t, lang=lang, reflow_lines=reflow_lines, clean_markup=clean_markup)
              for t, lang in zip(out["text"], out["lang"] if "lang" in out else ["de"] * len(out))]
    out["text"] = [t for t, _ in shaped]
    out["text_shape"] = [s for _, s in shaped]
    return out
