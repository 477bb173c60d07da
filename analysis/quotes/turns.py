"""Turns: the speaker labels of transcripts and protocols, and a record's own speaker.

Transcripts (press briefings, remarks, interviews, parliamentary protocols) give each speaker's
words after a label at the start of a line: ``MS. PSAKI:``, ``THE PRESIDENT:``, ``Q``,
``Präsidentin Bärbel Bas:``, ``Dr. Alice Weidel (AfD):``, ``Frage:``. The text from a label to the
next one is a quotation of kind ``turn`` (rule ``speaker_label``) whose speaker is the label's
person (words of address dropped, capitals undone: ``MS. PSAKI`` → ``Psaki``). A record whose
loader gives its speaker (``meta.speaker`` in a corpus of speeches) and that has no labels is
one turn of that speaker (rule ``record_speaker``).

Quotations inside a turn stay quotations of their own and name the turn (``turn_id``). In a
turn, first person (ich, wir; I, we) is the turn's speaker; a quotation whose speaker is the
turn's own first or second person ("I think …", "you know, …", "Ich sage Ihnen: …") is the turn
speaking, not a quotation of its own, and is dropped.

Which labels count (``resources/<lang>/turn_labels.tsv`` lists the labels of roles in a
conversation, Q, MODERATOR, Frage, and capitalised line openings that are headings):

* a line opening in capitals before a colon (``MR. KIRBY:``), the words of a role or a title
  (``THE PRESIDENT:``, ``MR. X:``) or any two such lines in the text;
* a name before a colon (``Dr. Alice Weidel (AfD):``, ``Präsidentin Bärbel Bas:``, ``Robert Habeck,
  Bundesminister für Wirtschaft:``): with a party, a role or a role phrase after a comma, or two
  capitalised name words when the text has another label;
* a conversation label (``Q``, ``Frage:``), with a colon or, if one letter, two spaces after it
  (one before a capital for a question: ``Q Should he resign?``).

A label of two or more words that opens with a gerund or a verbal noun (``heading_suffixes.txt``:
``ADDRESSING THE FENTANYL CRISIS:``, ``- Leveraging Private Funding:``, ``Stärkung der Kommunen:``)
is a fact sheet's heading: no speaker, and the turn before ends there. A document whose title names
it a fact sheet (``turnless_titles.txt``: ``FACT SHEET: …``) has no labels at all: its ``Clean
Water:`` and ``Shared Climate Solutions:`` open sections.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from analysis.actor_names import actor_kind, kind_terms, resource_lang
from analysis.quotes.article import Article
from analysis.quotes.tokens import Quote
from analysis.resources import table, wordlist
from analysis.speaker_names import calendar_words, role_of

_BULLETS = "-–•*"
_OPENING_MARKS = "“\"‘„«»‚"
_LINE = re.compile(rf"(?m)^[ \t\xa0]*(?:[{_BULLETS}][ \t\xa0]+)?(?=\S)")  # a list item's bullet before a label
_CAPS = re.compile(r"(?P<label>[A-Z][A-Z0-9.'’\-]*(?:[ \xa0][A-Z0-9.'’\-]+){0,5})[ \xa0]*"
                   r"(?:\((?P<party>[^()\n]{1,40})\))?[ \xa0]*:(?=\s)")
_NAME = re.compile(r"(?P<label>[A-ZÄÖÜ][\w.'’\-]*(?:(?:[ \xa0]+|[ \xa0]*\n[ \xa0]*)[\w.'’*\-]+){0,9}?)"
                   r"(?:,[ \xa0](?P<role>[^:,\n]{2,80}?))?[ \xa0]*(?:\((?P<party>[^()\n]{1,40})\))?:(?=\s)")
_WORD_PART = re.compile(r"[^\W\d_]+|[\W\d_]+")


@dataclass(frozen=True)
class Turn:
    """One speaker label and the text it introduces (character offsets into the text)."""

    label: tuple[int, int]
    body: tuple[int, int]
    speaker: str | None  # the label's person, None for a questioner, a moderator, the audience
    rule: str = "speaker_label"


@dataclass(frozen=True)
class _Words:
    labels: dict       # conversation label -> (role, speaker)
    titles: frozenset  # words of address dropped from a label (lower case: mr., ms., dr.)
    particles: frozenset
    stop: frozenset
    roles: dict
    nouns: frozenset
    own: frozenset     # first person: the turn's speaker
    other: frozenset   # second person: the one addressed
    address: frozenset  # formal address, capitalised (Sie): second person unless it opens a sentence
    acronyms: frozenset  # names written in capitals (CNN, BBC: actor_kinds.tsv, match "caps")
    heading_suffixes: tuple  # a label opening with such a word is a heading (Restoring …, Stärkung …)
    lang: str
    turnless: re.Pattern | None = None  # a title naming a document without turns (FACT SHEET: …)


@cache
def _words(lang: str) -> _Words:
    from analysis.speakers import _resources

    labels = table(lang, "turn_labels").fillna("")
    parts = table(lang, "name_parts").fillna("")
    refs = table(lang, "reference_words")
    genders = table(lang, "noun_genders") if lang == "de" else None
    return _Words(
        labels={lb: (r, s or None) for lb, r, s in zip(labels["label"], labels["role"], labels["speaker"])},
        titles=frozenset(parts.loc[parts["part"] == "title", "word"].str.lower()),
        particles=frozenset(parts.loc[parts["part"] == "particle", "word"]),
        stop=wordlist(lang, "stopwords") | calendar_words(lang),
        roles=_resources(lang)[1],
        nouns=frozenset(genders.iloc[:, 0]) if genders is not None else frozenset(),
        own=frozenset(refs.loc[refs["class"] == "first_person", "word"]),
        other=frozenset(refs.loc[refs["class"] == "second_person", "word"]),
        address=frozenset(refs.loc[refs["class"] == "formal_address", "word"]),
        acronyms=frozenset(kind_terms(resource_lang(lang)).caps),
        heading_suffixes=tuple(sorted(wordlist(lang, "heading_suffixes"))),
        lang=lang,
        turnless=_phrases(wordlist(lang, "turnless_titles")),
    )


def _phrases(phrases) -> re.Pattern | None:
    """One case-folded pattern of ``phrases`` as whole words (None for none)."""
    alts = "|".join(re.escape(p).replace(r"\ ", r"[\s_\\]+") for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?i)\b(?:{alts})\b") if alts else None


def _title_case(word: str) -> str:
    """``JEAN-PIERRE`` → ``Jean-Pierre``, ``O’ROURKE`` → ``O’Rourke``, ``MCCARTHY`` → ``Mccarthy``."""
    return "".join(p.capitalize() for p in _WORD_PART.findall(word))


def _nominal_heading(words: list[str], w: _Words) -> bool:
    """A label of two or more words that opens with a gerund or a verbal noun (``heading_suffixes.txt``):
    a fact sheet's heading ("ADDRESSING THE FENTANYL CRISIS:", "Leveraging Private Funding:"), no name."""
    first = words[0].lower() if words else ""
    return len(words) >= 2 and any(first.endswith(s) and len(first) > len(s) + 3 for s in w.heading_suffixes)


def _caps_speaker(label: str, w: _Words) -> tuple[str, bool] | None:
    """(speaker, the label has a role or a title) of a capitalised label, None for a heading."""
    words = label.replace("\xa0", " ").split()
    if w.labels.get(" ".join(words), ("",))[0] == "heading" or sum(c.isalpha() for c in label) < 2 \
            or _nominal_heading(words, w):
        return None
    if len(words) == 1 and words[0].lower() in w.stop:
        return None  # "WHY:", "NOW:", "THEN:": a heading of a list, no one's name
    titled = any(x.lower() in w.titles for x in words)
    words = [x for x in words if x.lower() not in w.titles]
    if not words:
        return None
    roled = any(role_of(x.lower(), w.roles) for x in words)
    name = " ".join(x if x in w.acronyms else _title_case(x) for x in words)  # CNN, not Cnn
    return ("the " + name[4:] if name.startswith("The ") else name), titled or roled


def _name_speaker(m: re.Match, w: _Words) -> tuple[str, bool] | None:
    """(speaker, the label has a party, role or role phrase) of a mixed-case label, else None."""
    words = m.group("label").replace("\xa0", " ").split()
    if w.labels.get(" ".join(words), ("",))[0] == "heading" or _nominal_heading(words, w):
        return None
    lead = 0
    while lead < len(words) and (role_of(words[lead].lower(), w.roles) or words[lead].lower() in w.titles):
        lead += 1
    name = words[lead:]
    last_role = max((n for n, x in enumerate(words) if role_of(x.lower(), w.roles)), default=-1)
    if lead <= last_role < len(words) - 2:  # "Coalition for a Prosperous America Chairman Zach Mottl:"
        lead, name = last_role + 1, words[last_role + 1:]
    if not name or not all(x[:1].isupper() or x in w.particles for x in name):
        return None
    if any(x.lower() in w.stop or x in w.nouns for x in name) or not name[0][:1].isupper():
        return None
    phrase = (m.group("role") or "").split()
    if phrase and not any(role_of(x.lower().strip(".,"), w.roles) for x in phrase):
        return None  # "Zeta Phi Beta Sorority, Incorporated, I say:": no role after the comma
    marked = bool(m.group("party") or phrase or lead and any(role_of(x.lower(), w.roles) for x in words[:lead]))
    if not marked and len(name) < 2:
        return None  # "Bildung:", "Verkehr:": a topic heading, no person
    return " ".join(name), marked


def _quoted_label(m: re.Match, text: str, w: _Words) -> str | None:
    """The speaker of a label whose body opens with a quotation mark: the name after a
    possessive or the last role word ("Fox Business Network’s Cheryl Casone", "Office of Science
    and Technology Policy Director Michael Kratsios"), a title-case organisation as a whole
    ("National Federation of Independent Business"), else the last two or more capitalised words
    ("NewsNation host Katie Pavlich" → Katie Pavlich, "Speaker of the House Kevin McCarthy" →
    Kevin McCarthy). The kind of a label is :func:`analysis.actor_names.actor_kind`'s."""
    words = m.group("label").split()
    if text[m.end():m.end() + 4].lstrip()[:1] not in _OPENING_MARKS or not any(c.islower() for c in m.group("label")) \
            or w.labels.get(" ".join(words), ("",))[0] == "heading":
        return None
    cut = max((k for k, x in enumerate(words) if x.rstrip("*").endswith(("’s", "'s")) or role_of(x.lower(), w.roles)),
              default=-1)
    if cut < 0 and actor_kind(" ".join(words), lang=w.lang) in ("organisation", "media"):
        name = words[1:] if words[0].lower() == "the" else words  # an organisation: the whole label
        return " ".join(name) if len(name) >= 2 or name[0] in w.acronyms else None
    name = []
    for x in reversed(words[cut + 1:]):
        if not x[:1].isupper() or x.lower() in w.stop or x in w.nouns or x.lower() in w.titles:
            break
        name.insert(0, x)
    if len(name) > 2 and len(name) < len(words) and words[-len(name) - 1].lower() in w.stop:
        name = name[1:]  # "of the House Kevin McCarthy": the noun after an article is no part of the name
    return " ".join(name) if len(name) >= 2 else None


def _conversation(text: str, pos: int, w: _Words) -> tuple[int, int, str | None] | None:
    """(label end, body start, speaker) of a conversation label (``Q``, ``Frage:``) at ``pos``."""
    for label, (role, speaker) in w.labels.items():
        if role == "heading" or not text.startswith(label, pos):
            continue
        end = pos + len(label)
        one_space = r"|[ \xa0](?=[A-Z])" if role == "question" else ""  # "Q Should he resign?"
        after = re.match(r"[ \xa0]*:\s*|\.?[ \t\xa0]{2,}|\t" + one_space if len(label) == 1 else r"[ \xa0]*:\s*",
                         text[end:end + 12])
        if after and end + after.end() < len(text) and not text[end + after.end()].isspace() or (
                after and ":" in after.group()):
            return end, end + after.end(), speaker
    return None


def find_turns(text: str, lang: str, *, title: str = "", speaker: str | None = None) -> list[Turn]:
    """The turns of ``text``: those of :func:`speaker_label`, else those of :func:`record_speaker`
    with the record's ``speaker``.

    >>> text = "MR. KIRBY: Thanks.\\nQ   Why?\\n"
    >>> [(text[t.body[0]:t.body[1]], t.speaker) for t in find_turns(text, "en")]
    [('Thanks.', 'Kirby'), ('Why?', None)]
    """
    return speaker_label(text, lang, title=title) or record_speaker(text, speaker)


def speaker_label(text: str, lang: str, *, title: str = "") -> list[Turn]:
    """A turn for each speaker label at the start of a line, up to the next label (see the
    module doc for the labels that count).

    Example (en): THE PRESIDENT: Thank you all for coming. → kind=turn; text=Thank you all for coming.; speaker=the President
    Example (de): Dr. Alice Weidel (AfD): Meine Damen und Herren! → kind=turn; text=Meine Damen und Herren!; speaker=Alice Weidel
    """
    w = _words(lang if lang in ("de", "en") else "de")
    if w.turnless and title and w.turnless.search(title):
        return []  # a fact sheet: its labels are section headings ("Clean Water:"), no speakers
    found: list[tuple] = []  # (label start, label end, body start, speaker, sure, ends with its paragraph)
    headings: list[int] = []  # "NOW:", "FACT:": no speaker, but the turn before ends there
    for line in _LINE.finditer(text):
        pos = line.end()
        conv = _conversation(text, pos, w)
        if conv:
            found.append((pos, conv[0], conv[1], conv[2], False, False))
            continue
        m = _CAPS.match(text, pos)
        got = _caps_speaker(m.group("label"), w) if m and not any(c.islower() for c in m.group("label")) else None
        if m and got is None and not any(c.islower() for c in m.group("label")):
            headings.append(pos)
        para = False
        if got is None and (m := _NAME.match(text, pos)):
            got = _name_speaker(m, w)
            if got is None and (quoted := _quoted_label(m, text, w)):
                got, para = (quoted, False), True  # a reaction in a round-up: the label frames its paragraph
            if got is None and w.lang == "en" and all(x[:1].isupper() for x in m.group("label").split()):
                headings.append(pos)  # "The Wall Street Journal: Hiring Defies Forecasts"
        if got:
            body = m.end() + len(text[m.end():m.end() + 200]) - len(text[m.end():m.end() + 200].lstrip())
            found.append((pos, m.start("label") + len(m.group("label")), body, got[0], got[1], para))
    if len(found) < 2 and not any(sure for *_, sure, _ in found):
        found = []
    turns = []
    for n, (start, label_end, body, speaker, _, para) in enumerate(found):
        stop = found[n + 1][0] if n + 1 < len(found) else len(text)
        if para and (blank := re.compile(r"\n[ \t\xa0]*\n").search(text, body, stop)):
            stop = blank.start()
        stop = min([h for h in headings if body < h < stop] + [stop])
        while stop > body and (text[stop - 1].isspace() or text[stop - 1] in _BULLETS):
            stop -= 1  # the next line's bullet belongs to the next label
        if stop > body:
            turns.append(Turn((start, label_end), (body, stop), _named_role(speaker, title, text, w)))
    return turns


def record_speaker(text: str, speaker: str | None) -> list[Turn]:
    """The whole text as one turn of the record's speaker (a loader's ``meta.speaker``), if any.

    Example (de): Wir stimmen dem Antrag zu. → kind=turn; record=Bärbel Bas; text=Wir stimmen dem Antrag zu.; speaker=Bärbel Bas
    Example (en): We will not back down. → kind=turn; record=Joe Biden; text=We will not back down.; speaker=Joe Biden
    """
    if not isinstance(speaker, str) or not speaker.strip() or not text.strip():
        return []
    lead = len(text) - len(text.lstrip())
    return [Turn((0, 0), (lead, len(text.rstrip())), speaker.strip(), rule="record_speaker")]


def _named_role(speaker: str | None, title: str, text: str, w: _Words) -> str | None:
    """A role label (``the President``) as the person the title or the text names with that role
    (``Remarks by President Biden`` → ``President Biden``), else the role."""
    if not speaker or not speaker.startswith("the "):
        return speaker
    role = speaker[4:]
    title = re.sub(r"\\?_", " ", title or "")  # "President\_Biden": an escaped space of markdown
    for where in (title, text):
        m = re.search(rf"\b{re.escape(role)}[ \xa0]+((?:[A-Z][\w’'\-]*\.?[ \xa0]?){{1,3}})", where or "")
        name = []
        for x in (m.group(1).split() if m else []):
            if x.lower() in w.stop or (name and x.lower().endswith("ing")):
                break  # "Remarks by President Biden Before Business Roundtable", "… Harris Highlighting …"
            name.append(x)
        if len(name) > 2:
            name = name[:1]  # a headline in title case: "President Trump Launches Operation Epic"
        if name:
            return f"{role} {' '.join(name)}"
    return speaker


def speaker_turns(art: Article) -> None:
    """Pass: the article's turns become quotations of kind ``turn`` and the quotations found inside
    a turn name it; a quotation whose speaker is first or second person (the turn's or the
    author's own voice: "I think …", "as you know, …", "Wie Sie wissen, …") is dropped."""
    w = _words(art.lex.lang if art.lex.lang in ("de", "en") else "de")
    art.quotes = [q for q in art.quotes if q.kind == "direct" or not _own_voice(art, q, w)]
    turns = find_turns(art.text, art.lex.lang, title=art.title, speaker=art.record_speaker)
    if art.de:  # "Die Opposition reagierte prompt. CDU-Innenexperte X:" opens a line, but no label does
        turns = [t for t in turns if t.label[1] <= t.label[0] or art.sentence_at(t.label[0]) == art.sentence_at(
            t.label[1] - 1)]
    if not turns:
        return
    starts = [t.body[0] for t in turns]
    kept, covered = [], set()
    for q in art.quotes:
        at = q.spans[0][0] if q.spans else -1
        k = next((n for n in range(len(turns) - 1, -1, -1) if starts[n] <= at), None)
        if k is None and not (turns[0].label[0] <= at < starts[0]):
            kept.append(q)  # before the first label
            continue
        body = turns[k].body if k is not None else (0, -1)
        label = turns[k + 1].label[0] if k is not None and k + 1 < len(turns) else len(art.text)
        if k is not None and body[1] <= at and all(e <= label for _, e in q.spans) and art.text[body[1]:at].strip():
            kept.append(q)  # after a heading that ended the turn ("NOW:", "The Hill:"): no turn's
            continue
        if at >= body[1] or any(e > body[1] for _, e in q.spans):
            continue  # on a label or over the next one: a sentence the labels' line breaks did not end
        q.speaker = [[max(s, body[0]), e] for s, e in q.speaker if e > body[0]]
        if q.kind != "direct" and _own_voice(art, q, w):
            continue  # the label's words joined to the speaker: "Q   So I’m just trying"
        q.turn = turns[k]
        if q.kind == "direct" and turns[k].speaker and not art.text[body[0]:q.spans[0][0]].strip():
            q.speaker, q.speaker_name, q.inherit = [list(turns[k].label)], turns[k].speaker, False
            if not art.text[q.spans[-1][1]:body[1]].strip():
                covered.add(k)  # "Senator Jim Banks: “Great news.”": the label frames the quotation
        kept.append(q)
    art.quotes = kept
    for t in (t for n, t in enumerate(turns) if n not in covered):
        q = Quote("turn", [list(t.body)], rule=t.rule, sentence=art.sentence_at(t.body[0]), confidence=0.95,
                  speaker=[list(t.label)] if t.label[1] > t.label[0] else [])
        q.speaker_name = t.speaker
        q.turn = t
        art.quotes.append(q)


def _own_voice(art: Article, q: Quote, w: _Words) -> bool:
    """Whether a quotation's speaker mention holds a first- or second-person word (``I’m`` counts
    as ``I``), or a capitalised word of formal address that does not open its sentence (``Wie Sie
    wissen``, ``Lassen Sie mich sagen``)."""
    for s, e in q.speaker:
        for m in re.finditer(r"[^\W\d_]+", art.text[s:e]):
            word = m.group()
            if word.lower() in w.own or word.lower() in w.other:
                return True
            if word in w.address and art.text[art.sents[art.sentence_at(s)][0]:s + m.start()].strip():
                return True
    return False
