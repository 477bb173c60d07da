"""Agreement of a statement: is the actor for or against the concept they speak of?

:func:`stance_toward` reads the clause around a concept mention for a stance construction of
``resources/<lang>/stance_verbs.tsv``: a verb (German separable particle verbs joined, so that
"sprach sich für … aus" is *aussprechen* + *für*), with its preposition where the stance hangs on
one ("warnen vor", "call for"). The verb stands before the mention in its sentence (the
preposition between them: "Kim verlangte eine Lockerung", "Moskau setzt sich dafür ein, dass …
die Sanktionen gelockert werden"), or after it in the same clause, the preposition right before
the mention ("die Länder, die sich für eine Lockerung aussprechen"). The nearest verb counts.

A negator (``negators.txt``) between the verb and the mention or, for a particle verb, before the
particle reverses the stance ("lehnt eine Lockerung nicht ab" is +1), as does a negator right
before the mention ("fordert keine Lockerung" is −1) and, after a verb before the mention, a
post-posed negator (``post_negators.txt``) in the mention's clause ("unterstützt die Lockerung
nicht" is −1); "nicht nur", "not only" (``negation_exceptions.txt``) negate nothing. A conjunction
that opens a clause of its own (``stance_words.tsv``, role ``barrier``: weil, aber, because, but)
ends the search before the mention ("wir lehnen X ab, weil Y" says nothing of Y). Without a verb, a
word of necessity after the mention in its clause (role ``need``: "X ist unverzichtbar", "X is
essential") is +1, negated −1. A verb right before an infinitive ("wanted *to* talk about X"; role
``infinitive``) governs the action, not the mention; an English verb after the mention without its
preposition counts only in the passive ("X remain our tool in our fight" is none). A verb of working
on a matter (role ``task``: address, deal with) is marked, so that toward the concept itself it is +1
(:mod:`analysis.statements`). A preposition of opposition (role ``against``: gegen, against) governing
the mention is −1, times a verb before it; a German stance verb whose subject is the addressee "Sie"
(role ``opponent``) is the position the speaker contests, reversed, and without a verb a mention after
"Ihr, Ihrem …" (role ``possessive``) is −1; "Sie" first in its sentence counts when the verb after it is in
the form of address ("Sie wollen", not "Sie warnte"), and not where a verb of ability follows the mention (role
``ability``: "Sie werden X nicht verhindern können" is the speaker's claim). :func:`topic_named` finds a mention
named as a topic ("beim Thema Migration", "regarding … infrastructure"), which takes no side. Without a construction :func:`tone_agreement` takes the sign of the
tone of the quotation (:mod:`analysis.sentiment`), 0 inside the neutral band; a negative tone
without a negative word in the mention's clause is +1 (lament or attack aimed elsewhere).

:func:`head_toward` finds a noun of change whose object the mention is (role ``head``: "keine
*Reform* der Schuldenbremse", "*repeal* of the Act"): a stance toward it is, times its sign, the
stance toward the mention (:mod:`analysis.statements` applies it).

>>> stance_toward("Kim verlangte eine Lockerung der Sanktionen.", 19, lang="de")
Stance(agreement=1, evidence='verlangte (verlangen)', negated=False, task=False)
>>> stance_toward("We do not support new sanctions.", 19, lang="en")
Stance(agreement=-1, evidence='support (support) negated by not', negated=True, task=False)
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache
from typing import NamedTuple

from analysis.concepts import _lemma
from analysis.errors import InputError
from analysis.resources import languages, table, wordlist

TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
CLAUSE_MARKS = frozenset(",;:–—()")
SENTENCE_ENDS = frozenset(".!?")
_DEMAND_OPENERS = SENTENCE_ENDS | {":"}  # what may stand right before a verb that opens a demand
REACH = 40  # tokens: how far before a mention a stance verb may stand
AIMED_PAST = "aimed past the mention"  # the evidence of a negative tone whose words stand outside the mention's clause
LAMENT = "harm done to the mention"  # the evidence of a negative tone in the mention's clause that is harm done to it


class Stance(NamedTuple):
    """A stance found for a mention: +1 or −1, the words that carry it, whether a negator reversed it,
    and whether its verb is one of working on a matter (role ``task``: "address", "deal with")."""

    agreement: int
    evidence: str
    negated: bool
    task: bool = False


@cache
def stance_verbs(lang: str) -> dict[str, list[tuple[frozenset[str], int]]]:
    """``{verb lemma: [(prepositions, agreement), ...]}`` of ``resources/<lang>/stance_verbs.tsv``
    (empty for a language without the file).

    >>> [(sorted(preps), agreement) for preps, agreement in stance_verbs("de")["warnen"]]
    [(['davor', 'vor'], -1)]
    """
    if lang not in languages():
        return {}
    try:
        rows = table(lang, "stance_verbs")
    except InputError:  # a language folder without the file: no constructions
        return {}
    out: dict[str, list] = {}
    for verb, prep, agreement in zip(rows["verb"], rows["preposition"], rows["agreement"]):
        preps = frozenset(p.strip().lower() for p in prep.split("|") if p.strip())
        out.setdefault(verb.strip().lower(), []).append((preps, int(agreement)))
    return out


@cache
def stance_words(lang: str) -> dict[str, dict[str, int]]:
    """``{role: {word: sign}}`` of ``resources/<lang>/stance_words.tsv`` (roles head, link, barrier,
    need, passive, modal, task, infinitive, reversal, against, opponent, possessive, condition, compound,
    coordination, topic, frame, ability, opinion, address_ending, harm, patient, subject, clause_opener,
    verdict, copula, determiner, degree, existence, vocative; words in
    lower case but those of address; empty for a language without the file).

    >>> stance_words("de")["head"]["reform"], "weil" in stance_words("de")["barrier"]
    (-1, True)
    """
    out: dict[str, dict[str, int]] = {r: {} for r in ("head", "link", "barrier", "need", "passive", "modal", "task",
                                                        "infinitive", "reversal", "against", "opponent", "possessive",
                                                        "condition", "compound", "coordination", "topic", "frame",
                                                        "ability", "opinion", "address_ending", "harm", "patient",
                                                        "subject", "clause_opener", "verdict", "copula", "determiner", "degree",
                                                        "existence", "vocative")}
    if lang not in languages():
        return out
    try:
        rows = table(lang, "stance_words")
    except InputError:  # a language folder without the file: no such constructions
        return out
    for word, role, sign in zip(rows["word"], rows["role"], rows["sign"]):
        role = role.strip()
        # a word of address keeps its case: German "Sie" is the one addressed, "sie" a third party
        out[role][word.strip() if role in ("opponent", "possessive") else word.strip().lower()] = int(sign)
    return out


@cache
def _negator_forms(lang: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The negators of ``negators.txt`` and the endings its ``*`` patterns give ("*n't": "don't", "isn't")."""
    try:
        listed = wordlist(lang, "negators")
    except InputError:
        return frozenset(), ()
    return (frozenset(w.lower() for w in listed if not w.startswith("*")),
            tuple(w[1:].lower() for w in listed if w.startswith("*")))


def _negator(word: str, lang: str) -> bool:
    """Whether the lower-case ``word`` negates: listed, or ending as a pattern of the list says ("don't").

    >>> _negator("don't", "en"), _negator("nicht", "de"), _negator("want", "en")
    (True, True, False)
    """
    words, endings = _negator_forms(lang)
    return word in words or bool(endings) and word.endswith(endings) and word not in endings


@cache
def _post_negators(lang: str) -> frozenset[str]:
    try:
        return wordlist(lang, "post_negators")
    except InputError:  # a language without post-posed negation
        return frozenset()


@cache
def _exceptions(lang: str) -> frozenset[tuple[str, ...]]:
    try:
        return frozenset(tuple(e.split()) for e in wordlist(lang, "negation_exceptions"))
    except InputError:
        return frozenset()


def _exception(lower: list[str], j: int, lang: str) -> bool:
    """Whether the negator at ``j`` opens a phrase that negates nothing ("nicht nur", "not only")."""
    return any(tuple(lower[j:j + len(e)]) == e for e in _exceptions(lang))


def _lemmas(words: list[str], lang: str) -> list[str]:
    # German nouns keep their capital (the lemmatiser needs it); a sentence's first word and English do not
    lemmas = [_lemma(w if lang == "de" and i > 0 else w.lower(), lang).lower() for i, w in enumerate(words)]
    if lang == "de":
        from analysis.particle_verbs import join_particle_verbs

        for join in join_particle_verbs(words, [_lemma(w, lang) for w in words], lang=lang):
            lemmas[join.verb] = join.lemma.lower()
            lemmas[join.particle] = f"#{join.lemma.lower()}"
    return lemmas


def _match(verbs: dict, lemma: str, between: set[str], *, bare: bool = True) -> int | None:
    """The agreement of the first entry of ``lemma`` whose preposition stands in ``between`` (or that
    needs none, unless ``bare`` is False), else None."""
    for preps, agreement in verbs.get(lemma, ()):
        if (not preps and bare) or preps & between:
            return agreement
    return None


def _modal_apart(words, lower, lemmas, i: int, mention: int, lang: str) -> bool:
    """Whether the verb of wanting at ``i`` (role ``modal``) stands in a clause of its own, a clause
    mark between it and the mention, unless the mark opens its object clause ("Wir wollen, dass …")."""
    if lemmas[i] not in stance_words(lang)["modal"]:
        return False
    marks = [j for j in range(i + 1, mention) if words[j] in CLAUSE_MARKS]
    if not marks:
        return False
    return _object_clause(words, lower, i, marks[0], mention, lang) is None


def _modal_sign(words, lower, i: int, mention: int, lang: str) -> int:
    """The sign of the verb of wanting at ``i`` toward a stance verb after the mention: its own sign, reversed by
    its negator before the comma of its object clause ("Wir wollen nicht, dass die Schuldenbremse abgeschafft
    wird" is +1), which the negation of the stance verb after the mention does not reach."""
    sign = stance_words(lang)["modal"].get(_lemma(words[i].lower(), lang).lower(), 1)
    mark = next((j for j in range(i + 1, mention) if words[j] in CLAUSE_MARKS), None)
    negs = _object_clause(words, lower, i, mark, mention, lang) if mark is not None else None
    return -sign if negs and len(negs) % 2 else sign


MODAL_ADVERBS = 3  # words: how many lower-case words may stand between a verb of wanting and the comma of its object clause


def _object_clause(words, lower, i: int, mark: int, mention: int, lang: str) -> list[int] | None:
    """The negators of the verb of wanting at ``i`` if the clause mark at ``mark`` opens its object clause, else
    None: a comma followed by a complementizer ("Wir wollen, dass …"), at most ``MODAL_ADVERBS`` lower-case
    words between the verb and the comma ("Wir wollen ja gar nicht, dass sich jeder eine Wärmepumpe kauft": the
    negator is the verb's)."""
    if words[mark] != "," or mark + 1 >= mention or lower[mark + 1] not in _complementizers(lang):
        return None
    between = range(i + 1, mark)
    if len(between) > MODAL_ADVERBS or not all(words[j].isalpha() and words[j].islower() for j in between):
        return None
    return [j for j in between if _negator(lower[j], lang) and not _exception(lower, j, lang)]


@cache
def _complementizers(lang: str) -> frozenset[str]:
    try:
        return frozenset(w.lower() for w in wordlist(lang, "complementizers"))
    except InputError:  # a language without the list
        return frozenset()


def _infinitive(lower, lemmas, i: int, mention: int, verbs: dict, lang: str) -> bool:
    """Whether the verb at ``i`` governs an infinitive ahead of the mention ("wanted to talk about X",
    "continue to be steadfast in X"): ``stance_words.tsv`` role ``infinitive`` ("to") right after it,
    then a word that is neither the mention nor a noun of change heading it."""
    marks = stance_words(lang)["infinitive"]
    if i + 2 >= mention or lower[i + 1] not in marks:
        return False
    if any(lower[i + 1] in preps for preps, _ in verbs.get(lemmas[i], ())):  # "object to X"
        return False
    return lower[i + 2] not in stance_words(lang)["head"] and lemmas[i + 2] not in stance_words(lang)["head"]


def _need(words: list[str], lower: list[str], mention: int, lang: str) -> Stance | None:
    """A word of necessity after the mention in its clause ("X ist unverzichtbar"), negated or not."""
    need = stance_words(lang)["need"]
    for j in range(mention, len(words)):
        if words[j] in CLAUSE_MARKS or words[j] in SENTENCE_ENDS:
            return None
        if lower[j] in need:
            negs = [w for w in lower[mention:j] if _negator(w, lang)]
            if len(negs) % 2:
                return Stance(-need[lower[j]], f"{words[j]} (need) negated by {negs[0]}", True)
            return Stance(need[lower[j]], f"{words[j]} (need)", False)
    return None


def _prepositions(verbs: dict, lemma: str) -> frozenset[str]:
    """All prepositions a stance verb takes."""
    return frozenset().union(*(preps for preps, _ in verbs.get(lemma, ())))


def _against_index(words: list[str], mention: int, lang: str) -> int | None:
    """The token index of a preposition of opposition (role ``against``: gegen, against) that governs
    the mention: right before it or with link words (articles) and, in German, up to two lower-case
    adjectives between ("gegen das unsägliche Heizungsgesetz"); None without one."""
    words_of = stance_words(lang)
    if not words_of["against"]:
        return None
    j, links, adjectives = mention - 1, 0, 0
    while j >= 0:
        low = words[j].lower()
        if low in words_of["against"]:
            return j
        if low in words_of["link"] and links < 3:
            links += 1
        elif lang == "de" and words[j].isalpha() and words[j].islower() and adjectives < 2:
            adjectives += 1
        else:
            return None
        j -= 1
    return None


def _against(words: list[str], lower: list[str], at: int, lang: str) -> Stance:
    """The stance of a preposition of opposition without a stance verb ("Vier Fünftel sind gegen X"),
    reversed by a negator in the two tokens before it ("nicht gegen X")."""
    sign = stance_words(lang)["against"][lower[at]]
    negs = [w for w in lower[max(0, at - 2):at] if _negator(w, lang)]
    if negs:
        return Stance(-sign, f"{words[at]} (against) negated by {negs[0]}", True)
    return Stance(sign, f"{words[at]} (against)", False)


def _opponent(words: list[str], verb: int, mention: int, lang: str) -> int | None:
    """The token index of a word of address (role ``opponent``: German "Sie") that is the subject of
    the stance verb at ``verb``: in its clause before it, or right after it ("Jetzt wollen Sie X"), not
    first in its sentence."""
    opponents = stance_words(lang)["opponent"]
    if not opponents:
        return None
    lo = verb
    while lo > 0 and words[lo - 1] not in CLAUSE_MARKS and words[lo - 1] not in SENTENCE_ENDS:
        lo -= 1
    if words[lo].lower() in stance_words(lang)["condition"]:
        return None  # "Wenn Sie unserem Antrag zustimmen, …": a condition the speaker wants met
    if _imperative(words, verb, opponents):
        return None  # "Hören Sie auf, …", "Stimmen Sie zu!": the speaker's demand on the one addressed
    if _ability(words, mention, lang):
        return None  # "Sie werden X nicht verhindern können": the speaker's claim of what they can do
    hi = min(verb + 2, mention) if verb < mention else verb + 2
    return next((j for j in range(lo, min(hi, len(words))) if j != verb and words[j] in opponents
                 and (j > 0 and words[j - 1] not in SENTENCE_ENDS or _addressed_first(words, j, lang))), None)


def _addressed_first(words: list[str], at: int, lang: str) -> bool:
    """Whether the word of address at ``at``, first in its sentence, is the one addressed: its finite verb
    right after it ends in the form of address (``stance_words.tsv`` role ``address_ending``, the longest
    ending listed decides: "Sie wollen", "Sie weigern sich"), not the singular of *she* ("Sie warnte") nor
    a past tense that may be *they* ("Sie forderten": the ending -ten, sign -1)."""
    verb = words[at + 1].lower() if at + 1 < len(words) else ""
    endings = [e for e in stance_words(lang)["address_ending"] if verb.endswith(e)]
    return verb.isalpha() and bool(endings) and stance_words(lang)["address_ending"][max(endings, key=len)] > 0


OPINION_REACH = 25  # tokens: how far before a mention a negated verb of opinion may stand


def opinion_negated(text: str, start: int, *, lang: str = "de") -> str | None:
    """The words of a negated verb of opinion (``stance_words.tsv`` role ``opinion``: glauben, denken, believe,
    think) whose object clause holds the mention at offset ``start``, or None: the negator in the two tokens
    before the verb or right after it ("does not believe", "glauben nicht", "glaube ich nicht"); in German a
    clause mark stands between the verb and the mention ("…, dass …"). What the speaker does not believe
    of the concept is the reverse of the words about it.

    >>> opinion_negated("Wir glauben nicht, dass der Neubau von Kernkraftwerken eine Lösung wäre.", 40, lang="de")
    'glauben nicht'
    >>> opinion_negated("Wir glauben, dass Kernkraftwerke eine Lösung sind.", 18, lang="de") is None
    True
    """
    opinion = stance_words(lang)["opinion"]
    if not opinion or not isinstance(text, str):
        return None
    starts, words, lemmas, lower = _analysed(text, lang)
    mention = bisect_left(starts, start)
    marked = False
    for i in range(mention - 1, max(-1, mention - 1 - OPINION_REACH), -1):
        if words[i] in SENTENCE_ENDS or lower[i] in stance_words(lang)["barrier"]:
            return None
        marked = marked or words[i] in CLAUSE_MARKS
        if lemmas[i] in opinion or lower[i] in opinion:
            after = [j for j in range(i + 1, min(i + 3, mention)) if words[j] not in CLAUSE_MARKS
                     and all(words[k] not in CLAUSE_MARKS for k in range(i + 1, j))]
            negs = [j for j in list(range(max(0, i - 2), i)) + after
                    if _negator(lower[j], lang) and not _exception(lower, j, lang)]
            if negs and (lang != "de" or marked and _complement_clause(words, lower, i, mention, lang)):
                return f"{words[i]} {words[negs[0]]}" if negs[0] > i else f"{words[negs[0]]} {words[i]}"
            return None
    return None


def _complement_clause(words, lower, verb: int, mention: int, lang: str) -> bool:
    """Whether the verb at ``verb`` takes a complement clause: its first clause mark (within three words) is a
    comma followed by a complementizer (dass, ob) or by a verb-second clause (no clause-opening word); an
    infinitive with *zu* ("nicht zu finden") or a verb whose clause ends in a dash ("nicht ernst meinen – so,
    wie …") is no verb of opinion."""
    if verb and lower[verb - 1] == "zu":
        return False
    mark = next((j for j in range(verb + 1, min(verb + 5, mention)) if words[j] in CLAUSE_MARKS), None)
    if mark is None or words[mark] != ",":
        return False
    opener = lower[mark + 1]
    return opener in _complementizers(lang) or opener not in _clause_openers(lang)


@cache
def _clause_openers(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in wordlist(lang, "clause_markers"))


def _ability(words: list[str], mention: int, lang: str) -> bool:
    """Whether a verb of ability (role ``ability``: können) stands in the mention's clause after it: what the
    addressee can or cannot do is the speaker's claim, not the addressee's position."""
    able = stance_words(lang)["ability"]
    for j in range(mention, len(words)):
        if words[j] in CLAUSE_MARKS or words[j] in SENTENCE_ENDS:
            return False
        if words[j].lower() in able:
            return True
    return False


def _imperative(words: list[str], verb: int, opponents) -> bool:
    """Whether the verb at ``verb`` opens its sentence with the word of address right after it and the
    sentence is no question: a demand ("Kehren Sie um beim Bürgergeld!"), not a position ascribed
    ("Wollen Sie X abschaffen?")."""
    if verb > 0 and words[verb - 1] not in _DEMAND_OPENERS or verb + 1 >= len(words) or words[verb + 1] not in opponents:
        return False
    end = next((w for w in words[verb:] if w in SENTENCE_ENDS), ".")
    return end != "?"


def _addressee_own(words: list[str], mention: int, lang: str) -> Stance | None:
    """Against a mention that is the addressee's (role ``possessive``: "mit Ihrem Gebäudeenergiegesetz",
    "Ihre unsägliche Rentenpolitik"): a speaker names the other side's policy to contest it. The
    possessive stands right before the mention or before up to two lower-case adjectives, not first in
    its sentence."""
    owners = stance_words(lang)["possessive"]
    j = mention - 1
    while j >= 0 and mention - j <= 2 and lang == "de" and words[j].isalpha() and words[j].islower():
        j -= 1
    if j > 0 and words[j] in owners and words[j - 1] not in SENTENCE_ENDS:
        return Stance(owners[words[j]], f"{words[j]} (the addressee's)", False)
    return None


def head_toward(text: str, start: int, *, lang: str = "de") -> tuple[int, str] | None:
    """``(sign, noun)`` of a noun of change (``stance_words.tsv``, role ``head``) whose object is the
    mention at ``start``: the noun, then link words (articles, prepositions; in German also up to two
    lower-case adjectives), then the mention. None without one.

    >>> head_toward("Wir brauchen keine Reform der Schuldenbremse.", 30, lang="de")
    (-1, 'Reform')
    """
    if not isinstance(text, str):
        return None
    words = [m.group() for m in TOKEN.finditer(text[:start])]
    head = _head_index(words, len(words), lang)
    return (head[1], words[head[0]]) if head else None


def compound_after(text: str, end: int, *, lang: str = "en") -> tuple[int, str] | None:
    """``(sign, noun)`` of a noun of change (``stance_words.tsv``, role ``compound``) right after the
    mention that ends at offset ``end``, which it modifies: in "pass an assault weapons *ban*" the
    stance is toward the ban, so against the weapons. None without one.

    >>> compound_after("We will pass an assault weapons ban.", 31, lang="en")
    (-1, 'ban')
    """
    if not isinstance(text, str):
        return None
    nxt = TOKEN.search(text, end)
    if nxt is None or nxt.start() > end + 1:
        return None
    sign = stance_words(lang)["compound"].get(nxt.group().lower())
    return (sign, nxt.group()) if sign else None


def reversal(pattern: str, lang: str) -> bool:
    """Whether a dictionary opposite names a reversal of the concept rather than a problem: its first
    word, or the end of a German compound, is a noun of reversal (``stance_words.tsv`` role ``reversal``).

    >>> reversal("Atomausstieg", "de"), reversal("Klimawandel", "de"), reversal("repeal of the Act", "en")
    (True, False, True)
    """
    words = [m.group() for m in TOKEN.finditer(pattern or "")]
    if not words:
        return False
    nouns = stance_words(lang)["reversal"]
    first = words[0].lower()
    return first in nouns or (lang == "de" and any(first.endswith(n) for n in nouns))


COMPOUND_HEAD = 6  # letters: the shortest head that a German compound may end in ("Laufzeitverlängerung")


def _head_index(words: list[str], mention: int, lang: str) -> tuple[int, int] | None:
    """``(token index, sign)`` of the noun of change heading the mention at token ``mention``, or None.
    One other noun joined to the mention by a coordination ("Ausstieg aus Kohle und Kernkraft") stands
    under the same head; in German a compound ending in a head of ``COMPOUND_HEAD`` letters or more is
    that head ("Laufzeitverlängerung der Kernkraftwerke")."""
    words_of = stance_words(lang)
    j, links, adjectives, joined = mention - 1, 0, 0, False
    while j >= 0:
        if words[j].lower() in words_of["link"] and links < 3:
            links += 1
        elif (not joined and j > 0 and words[j].lower() in words_of["coordination"] and words[j - 1].isalpha()
              and words[j - 1].lower() not in words_of["link"]):
            joined, j = True, j - 1  # the conjunction and the noun before it
        elif lang == "de" and words[j].isalpha() and words[j].islower() and adjectives < 2:
            adjectives += 1
        else:
            break
        j -= 1
    if j < 0 or not links:
        return None
    for form in (words[j].lower(), _lemma(words[j], lang).lower()):
        if form in words_of["head"]:
            return j, words_of["head"][form]
    if lang == "de" and words[j][:1].isupper():
        ends = [h for h in words_of["head"] if len(h) >= COMPOUND_HEAD and words[j].lower().endswith(h)]
        if ends:
            return j, words_of["head"][max(ends, key=len)]
    return None


@lru_cache(maxsize=256)
def _analysed(text: str, lang: str) -> tuple[tuple[int, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Token starts, words, lemmas (particle verbs joined) and lower-case words of ``text``, kept for
    the texts read last: every concept mention of a quotation reads the same text."""
    toks = [(m.start(), m.group()) for m in TOKEN.finditer(text)]
    words = [w for _, w in toks]
    return tuple(s for s, _ in toks), tuple(words), tuple(_lemmas(words, lang)), tuple(w.lower() for w in words)


def stance_toward(text: str, start: int, *, lang: str = "de") -> Stance | None:
    """The stance construction governing the mention that begins at offset ``start`` of ``text``
    (one sentence or the part of it that holds the statement), or None.

    >>> stance_toward("Washington dringt dagegen auf eine nachweisbare Abkehr vom Atomarsenal.", 35, lang="de").agreement
    1
    """
    verbs = stance_verbs(lang)
    if not verbs or not isinstance(text, str):
        return None
    starts, words, lemmas, lower = _analysed(text, lang)
    mention = bisect_left(starts, start)
    best, barriers = None, stance_words(lang)["barrier"]
    head = _head_index(words, mention, lang)  # "oppose cuts to X": the verb before the noun of change counts
    head_verb = None
    for i in range(mention - 1, max(-1, mention - 1 - REACH), -1):  # verbs before the mention, in its sentence
        if words[i] in SENTENCE_ENDS or lower[i] in barriers or _new_clause(words, lower, i, mention, lang):
            break
        agreement = _match(verbs, lemmas[i], set(lower[i + 1:mention]))
        if agreement is not None and _infinitive(lower, lemmas, i, mention, verbs, lang):
            break  # the verb's object is the infinitive's action, not the mention
        if agreement is not None and _modal_apart(words, lower, lemmas, i, mention, lang):
            continue  # "Sie wollen nicht mehr, … kein Ruhmesblatt für die Demokratie": wanting in a clause of its own
        if agreement is not None and head and i == head[0]:
            head_verb = (i, agreement)  # the noun's own word ("a ban on X") only if no verb governs it
        elif agreement is not None:
            best = (i, agreement)
            break
    best = best or head_verb
    passive, modal = stance_words(lang)["passive"], stance_words(lang)["modal"]
    if best is None or lemmas[best[0]] in modal:  # a verb after the mention, in its clause ("will X abschaffen")
        for i in range(mention, len(words)):
            if words[i] in CLAUSE_MARKS or words[i] in SENTENCE_ENDS:
                break
            before = set(lower[max(0, mention - 2):mention])
            agreement = _match(verbs, lemmas[i], before)
            if agreement is not None and passive and lower[i - 1] not in passive:
                # English "X will reduce Y", "X remain our tool in our fight": X is not the object
                agreement = _match(verbs, lemmas[i], before, bare=False)
                if agreement is None:
                    continue
            if agreement is not None:
                best = (i, agreement * (_modal_sign(words, lower, best[0], mention, lang) if best else 1))
                break
    against = _against_index(words, mention, lang)
    if against is not None and (head and head[0] < against or best and lower[against] in _prepositions(verbs, lemmas[best[0]])):
        against = None  # "threat against X" (the noun of change), "sprach sich gegen X aus" (the verb's own)
    if best is None and against is not None:
        return _against(words, lower, against, lang)
    if best is None:
        return _need(words, lower, mention, lang) or _addressee_own(words, mention, lang)
    verb, agreement = best
    if against is not None:  # "fordert Maßnahmen gegen X"; right after the verb it is the verb's ("fight against X")
        sign = stance_words(lang)["against"][lower[against]]
        agreement = sign if against == verb + 1 else agreement * sign
    particle = next((j for j in range(verb + 1, len(words)) if lemmas[j] == f"#{lemmas[verb]}"), None)
    lo, hi = min(verb, mention), max(verb, mention)
    scope = list(range(max(0, lo - 2), hi)) + list(range(mention, particle if particle else mention))
    if verb < mention:  # a negator that follows the object at the end of the clause ("unterstützt X nicht")
        end = next((j for j in range(mention, len(words)) if words[j] in CLAUSE_MARKS or words[j] in SENTENCE_ENDS),
                   len(words))
        scope += [j for j in range(mention, end) if lower[j] in _post_negators(lang)]
    negs = [lower[j] for j in sorted(set(scope)) if _negator(lower[j], lang) and not _exception(lower, j, lang)
            and not _clause_between(words, j, verb, mention)]
    evidence = f"{words[verb]}{' … ' + words[particle] if particle else ''} ({lemmas[verb]})"
    evidence += f"; {words[against]} (against)" if against is not None else ""
    opponent = _opponent(words, verb, mention, lang)
    if opponent is not None:  # "Sie wollen X abschaffen": the position of the one addressed, which the speaker contests
        agreement, evidence = -agreement, f"{evidence}; ascribed to {words[opponent]} (opponent)"
    task = lemmas[verb] in stance_words(lang)["task"]
    if len(negs) % 2:
        return Stance(-agreement, f"{evidence} negated by {negs[0]}", True, task)
    return Stance(agreement, evidence, False, task)


def _new_clause(words, lower, i: int, mention: int, lang: str) -> bool:
    """Whether the comma at ``i``, before the mention, opens a clause of its own (``stance_words.tsv`` role
    ``clause_opener``: ", und", ", wenn"), which a stance verb before it does not reach ("Wir verurteilen jede Form von
    Ausgrenzung, und wir stehen für einen Sport, der die Demokratie einfordert")."""
    return words[i] == "," and i + 1 < mention and lower[i + 1] in stance_words(lang)["clause_opener"]


def _clause_between(words, j: int, verb: int, mention: int) -> bool:
    """Whether the negator at ``j``, between the verb and the mention, stands in a clause of neither: clause
    marks part it from both ("arguing that now is the time; and that we can't wait to …, we can get vaccine
    shots": *can't* negates *wait*)."""
    lo, hi = min(verb, mention), max(verb, mention)
    if not lo < j < hi:
        return False
    return any(w in CLAUSE_MARKS for w in words[lo + 1:j]) and any(w in CLAUSE_MARKS for w in words[j + 1:hi])


TOPIC_REACH = 10  # tokens: how far before a mention a word naming it as a topic may stand


def topic_named(text: str, start: int, *, lang: str = "de") -> str | None:
    """The word that names the mention at offset ``start`` as a topic, or None: a word of topic
    (``stance_words.tsv`` role ``topic``: German Thema, Bereich after a preposition of role ``frame``: zum, beim,
    im; English regarding, concerning) before it, with link words, lower-case words (German adjectives; in
    English up to two words) and a list of other topics between ("beim Thema Migration", "regarding climate
    action, clean energy, and sustainable infrastructure"). Without a stance construction such a mention
    takes no side.

    >>> topic_named("Wir haben eine Aktuelle Stunde zum Thema Flüchtlinge.", 41, lang="de")
    'Thema'
    >>> topic_named("Wir wollen die Flüchtlinge schützen.", 15, lang="de") is None
    True
    """
    if not isinstance(text, str):
        return None
    starts, words, lemmas, lower = _analysed(text, lang)
    mention = bisect_left(starts, start)
    words_of, verbs = stance_words(lang), stance_verbs(lang)
    j, run, listed = mention - 1, 0, False
    while j >= 0 and mention - j <= TOPIC_REACH:
        low = lower[j]
        if low in words_of["topic"]:
            # a German topic noun frames the mention after a preposition ("beim Thema X"), not as the sentence's
            # subject or object ("Das Thema der Strompreise müssen wir im Blick behalten")
            framed = not words_of["frame"] or (j > 0 and lower[j - 1] in words_of["frame"])
            return words[j] if framed else None
        if words[j] in SENTENCE_ENDS or (words[j] in CLAUSE_MARKS and words[j] != ",") or low in words_of["barrier"] \
                or _negator(low, lang) or lemmas[j] in verbs:
            return None
        if words[j] == "," or low in words_of["coordination"]:
            run, listed = 0, True
        elif low not in words_of["link"]:
            run += 1
            capital = lang == "de" and words[j][:1].isupper()
            if run > 2 or (capital and not listed) or not words[j].isalpha():
                return None
        j -= 1
    return None


def _clause_bounds(text: str, at: int) -> tuple[int, int]:
    """The clause of ``text`` around offset ``at``: between the nearest clause marks or sentence ends
    on either side.

    >>> _clause_bounds("Das ist falsch, wir wollen X. Gut.", 20)
    (15, 28)
    """
    marks = CLAUSE_MARKS | SENTENCE_ENDS
    lo = max(text.rfind(m, 0, at) for m in marks) + 1
    ends = [i for i in (text.find(m, at) for m in marks) if i >= 0]
    return lo, min(ends) if ends else len(text)


def tone_agreement(text: str, *, lang: str = "de", band: float | None = None, at: int | None = None) -> tuple[int, str]:
    """``(sign of the tone of text, evidence)``: +1, −1, or 0 inside the neutral band of
    :mod:`analysis.sentiment` (``band`` overrides it). With ``at``, the offset of a concept mention,
    a negative tone without a negative word in the mention's clause is +1: the negative words
    lament a problem or attack opponents elsewhere, and the speaker names the concept among them
    as a remedy ("Die Energiepreise steigen. Sie tun nichts, wir brauchen die Entlastung.").

    >>> tone_agreement("Die Gespräche seien konstruktiv und freundschaftlich verlaufen", lang="de")
    (1, 'tone 0.79: Gespräch, konstruktiv, freundschaftlich')
    >>> tone_agreement("Das ist eine Schande und falsch. Wir wollen den Mindestlohn.", lang="de", at=42)
    (1, 'tone -0.77: Schande, falsch; aimed past the mention')
    """
    from analysis.sentiment.lexicon import available_languages
    from analysis.stance_attributes import attribute_of

    if lang not in available_languages():
        return 0, "no tone lexicon"
    scored = _scored(text, lang, band)
    hits = ", ".join(h["term"] for h in scored["hits"][:4])
    sign = {"positive": 1, "negative": -1}.get(scored["label"], 0)
    evidence = f"tone {scored['polarity']:.2f}{': ' + hits if hits else ''}"
    attribute = None if at is None else attribute_of(text, scored["hits"], at, lang)
    if attribute:  # "irre Sanktionen": the evaluation is said of the concept, whatever the words around it
        return attribute[0], f"{evidence}; {attribute[1]} (attribute of the mention)"
    if sign < 0 and at is not None:
        lo, hi = _clause_bounds(text, at)
        near = [h for h in scored["hits"] if h.get("polarity", 0) < 0 and lo <= h["start"] < hi]
        if not near:
            return 1, f"{evidence}; {AIMED_PAST}"
        if all(_harm_done(text, h, at, lang) for h in near):
            return 1, f"{evidence}; {LAMENT}"
        other = _other_subject(text, lo, at, near, lang)
        if other:
            return 1, f"{evidence}; aimed at {other} (another subject of the clause)"
    return sign, evidence


OWN_FAULT_REACH = 3  # words: a negative noun this close before the mention heads it ("Fehlsteuerung in der Zuwanderung")


def _other_subject(text: str, lo: int, at: int, near: list[dict], lang: str) -> str | None:
    """The word before the mention at ``at`` in its clause (from ``lo``) that puts it behind another subject: a
    pronoun of role ``subject`` ("Sie", "es", "wer") or a capitalised word that is not the first of its sentence
    (a noun, in a language listing such pronouns: German capitalises its nouns). None when the mention is first
    in its clause (the words are said of it: "Aufrüstung und Krieg sind Verbrechen") or behind a noun of change
    that turns it (role ``head``, sign -1: the words are said of the head, which turns them), when a negative
    noun heads it from at most ``OWN_FAULT_REACH`` lower-case words before ("die Fehlsteuerung in der
    Zuwanderung": the concept's own fault), or for a language without the role."""
    subjects = stance_words(lang)["subject"]
    if not subjects:
        return None
    tokens = [(m.start(), m.group()) for m in TOKEN.finditer(text, lo, at)]
    for h in near:
        word = next((k for k, (s, w) in enumerate(tokens) if s <= h["start"] < s + len(w)), None)
        if word is not None and tokens[word][1][:1].isupper() and not _harm_done(text, h, at, lang):
            after = [w for _, w in tokens[word + 1:]]
            if len(after) <= OWN_FAULT_REACH and all(w.islower() for w in after):
                return None
    opening = not text[:lo].rstrip() or text[:lo].rstrip()[-1] in SENTENCE_ENDS
    if any(stance_words(lang)["head"].get(w.lower(), 0) < 0 for _, w in tokens):
        return None  # "der von der Union verantwortete Ausstieg aus Kohle und Kernkraft ist ein Desaster": the head's
    for k, (_, w) in enumerate(tokens):
        if w.lower() in subjects or (w[:1].isupper() and not (k == 0 and opening)):
            return w
    return None


def _harm_done(text: str, hit: dict, at: int, lang: str) -> bool:
    """Whether the negative hit is a word of harm done to the mention at offset ``at`` (``stance_words.tsv``
    role ``harm``): before it ("wenn Sie die Demokratie angreifen" reads the object before a final verb, "attack
    democracy"), or after it with a passive auxiliary (role ``patient``) between ("Unsere Demokratie wird von
    vielen Seiten angegriffen"), or a word of a harm frame (:func:`harm_frame`)."""
    term = str(hit.get("term", ""))
    if not {term.lower(), _lemma(term.lower(), lang).lower()} & set(stance_words(lang)["harm"]):
        return harm_frame(text, hit["start"], at, lang=lang)
    if hit["start"] < at:
        return True
    between = (m.group().lower() for m in TOKEN.finditer(text, at, hit["start"]))
    return any(w in stance_words(lang)["patient"] for w in between)


@cache
def harm_frames(lang: str) -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """``(phrase words, verb lemma, object|subject)`` of ``resources/<lang>/harm_frames.tsv`` (none for a
    language without the file)."""
    try:
        rows = table(lang, "harm_frames")
    except (InputError, FileNotFoundError):
        return ()
    return tuple((tuple(w.lower() for w in TOKEN.findall(p)), v.strip().lower(), m.strip())
                 for p, v, m in zip(rows["phrase"], rows["verb"], rows["mention"]))


def harm_frame(text: str, start: int, at: int, *, lang: str) -> bool:
    """Whether the word at offset ``start`` belongs to a harm frame (``harm_frames.tsv``) done to the mention at
    offset ``at``: its phrase after the mention in the mention's clause, the frame's verb before the mention or
    after the phrase (the mention its object), or between them (its subject).

    >>> t = "a plan that puts our NATO Allies at risk"
    >>> harm_frame(t, t.index("risk"), t.index("NATO"), lang="en")
    True
    >>> t = "Illegal immigration puts Americans at risk"
    >>> harm_frame(t, t.index("risk"), t.index("immigration"), lang="en")
    False
    """
    lo, hi = _clause_bounds(text, at)
    # the clause's words by offset and lemma (the mention's own words may be blanked: offsets, not words, place it)
    tokens = [(m.start(), m.group().lower(), _lemma(m.group().lower(), lang).lower()) for m in TOKEN.finditer(text, lo, hi)]
    for phrase, verb, role in harm_frames(lang):
        n = len(phrase)
        for p in range(len(tokens) - n + 1):
            if (tokens[p][0] <= at or tuple(w for _, w, _ in tokens[p:p + n]) != phrase
                    or not tokens[p][0] <= start <= tokens[p + n - 1][0]):
                continue
            before = {lm for s, _, lm in tokens[:p] if s < at}
            between = {lm for s, _, lm in tokens[:p] if s > at}
            after = {lm for _, _, lm in tokens[p + n:p + n + 1]}
            if verb in (between if role == "subject" else before | after):
                return True
    return False


@lru_cache(maxsize=64)
def _scored(text: str, lang: str, band) -> dict:
    """The tone of ``text`` (:func:`analysis.sentiment.score_text`), kept for the texts read last:
    every concept mention of a window reads the same words."""
    from analysis.sentiment import score_text

    return score_text(text, lang, band=band, events=False)
