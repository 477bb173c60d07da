"""The pre-filter: which sentences reach the quotation rules, decided on the raw token columns.

:func:`features` computes, once per word type, the flags the rules need (Konjunktiv mood, cue
lemma) and keeps only the sentences that can hold a quotation (a quotation mark, a cue, an
attribution word or a Konjunktiv form); :class:`LazyTokens` builds a sentence's :class:`Tok`
list only when a rule asks for it; :func:`may_hold_quote` tests a sentence on the word lists
before the rules run. None of this changes an answer: ``extract_quotes(..., prefilter=False)``
runs the rules on every sentence, and a test compares the two.
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import compress

import numpy as np
import pandas as pd

from analysis.quotes.article import Article
from analysis.quotes.cues import zu_infinitive
from analysis.quotes.lexicon import FRONTED, NOUN_GAP, Lexicon, lexicon
from analysis.quotes.tokens import CLAUSE_MARKS, WORD, Tok, capital_head, make_tok

DOUBLE_MARKS = "„“”\"»«"
CONTEXT_FRAMES = frozenset({"so", "noun_prep", "clause"})  # constructions whose word needs context to count


def may_hold_quote(art: Article, k: int) -> tuple | None:
    """Cheap test on the raw columns (German): can any sentence rule fire in sentence k?

    A necessary condition for each rule of :data:`analysis.quotes.rules.SENTENCE_RULES`,
    checked on the word lists without building token objects: it mirrors the rules' tests on
    cue, clause marks, Konjunktiv and complementiser, and leaves out only the noun-phrase
    searches. Returns what it found (end, cue positions, attribution-word positions, clause
    marks, moods) when a rule may fire, else None (a test compares it with the rules).
    """
    lex = art.lex
    texts, lowers, lemmas, cues, moods = art.toks.raw(k)
    n = len(texts)
    if n < 3:
        return None
    end = n
    while end > 0 and not WORD.search(texts[end - 1]) and texts[end - 1] not in "“”\"»«":
        end -= 1
    if end <= 0:
        return None
    frames = lex.frames
    positions = range(end)
    cue_pos = list(compress(positions, cues))
    frame_pos = list(compress(positions, map(frames.__contains__, lowers)))
    if not cue_pos and not frame_pos:
        return None
    marks = list(compress(positions, map(CLAUSE_MARKS.__contains__, texts)))
    cls = lex.fw.get
    found = end, cue_pos, frame_pos, marks, moods
    # 1. attribution words (laut X, X zufolge, nach Angaben X, ", so X", "wie X sagte, ...")
    if any(_attribution_word(lex, i, texts, lowers, lemmas, cues, marks, end) for i in frame_pos):
        return found
    if not cue_pos:
        return None
    # 2. "Das sagte X." pointing back to the previous sentence
    if k > 0 and end <= 25 and cues[1] and lowers[0] in lex.backref:
        return found
    strong = art.frame_konj_strong
    plain = lex.plain_cues()
    for i in cue_pos:
        if i > 0 and texts[i][:1].isupper():
            continue  # a noun, not a verb
        # the cue's clause [a, b): between the clause marks around it (a cue is no mark)
        j = bisect_right(marks, i)
        a = marks[j - 1] + 1 if j else 0
        b = marks[j] if j < len(marks) else end
        ms = moods[a:b]
        if "I" in ms or (not strong and "II" in ms):
            continue  # the cue's clause is itself reported content
        lemma = lemmas[i] if isinstance(lemmas[i], str) else texts[i]
        if lemma in plain:
            full = lemma
        else:
            full = _raw_cue(lex, texts, lowers, lemma, i, a, b)
            if full is None:
                continue
        classes = lex.cue_class.get(full, ())
        # (a) frame after the content: "CONTENT, sagte X"
        if a >= 2 and texts[a - 1] in (",", "–", "—") and texts[a - 2] not in CLAUSE_MARKS and (
                i == a or (i <= a + 2 and all(cls(w) == "adv" or w in lex.backref for w in lowers[a:i]))):
            nxt = next((w for w in lowers[i + 1:end] if cls(w) != "adv"), None)
            if nxt is not None and nxt not in lex.oblique:
                return found
        # (b) frame before the content: "X sagte, CONTENT" / "X sagte: CONTENT"
        if b < end - 1 and texts[b] not in ("–", "—"):
            ms = moods[b + 1:end]
            if texts[b] == ":" or cls(lowers[b + 1]) == "comp" or "I" in ms or "II" in ms:
                return found
            if "speech" in classes and zu_infinitive(lex, lowers[b + 1:min(end, b + 31)]):
                return found
        # (c) reported speech act in the main clause
        label = bool(marks) and marks[0] == a - 1 and 0 < marks[0] <= 2 and texts[marks[0]] == ":"
        apposed = a >= 2 and texts[a - 1] == ","  # "Der Direktor, Peter Horrocks, bezeichnet", "…, unterstützte … und bezeichnete"
        if (a == 0 or label or apposed) and "reported" in classes and not lex.present_participle(lowers[i]) and \
                not lex.prefixed_participle(lowers[i], lemma):
            if lowers[i] == lemma.lower() and full == lemma and (i == a or lowers[i - 1] == "zu"):
                continue  # infinitive (unless completed by a particle); else maybe a finite plural
            w0 = lowers[a]
            if w0 not in lex.stop or w0 in lex.pronouns or cls(w0) in ("det", *FRONTED):
                return found
    return None


def _attribution_word(lex: Lexicon, i: int, texts: list, lowers: list, lemmas: list, cues: list,
                      marks: list, end: int) -> bool:
    """Whether the attribution word at ``i`` stands in the context its rule needs."""
    cls = lex.fw.get
    frames = lex.frames
    kind, rest = frames[lowers[i]]
    if rest and lowers[i + 1:i + 1 + len(rest)] != list(rest):
        return False
    if kind in ("prep", "postp", "pointer", "pointer_source"):
        return True
    if kind == "prep_name":
        if i + 1 < end and texts[i + 1][:1].isupper():
            return True
    elif kind == "so":
        if i > 0 and texts[i - 1] == "," and i + 1 < end and (
                texts[i + 1][:1].isupper() or capital_head(texts[i + 1]) or cls(lowers[i + 1]) == "det" or cues[i + 1]):
            return True
    elif kind == "noun_prep":
        if lex.source_noun_after(texts, lemmas, i, end) or i > 0 and lowers[i - 1] in lex.nach_sources:
            return True  # "nach Angaben der Polizei"; "seiner Ansicht nach" (the noun before it)
    elif kind == "clause" and (i == 0 or texts[i - 1] in ",:"):
        # the verb-final frame clause ends at one of the next three marks or at the end
        opens = i == 0 or texts[i - 1] == ":"
        for j in [m for m in marks if m > i][:3] + [end]:
            if j - i <= 24 and ((opens and j < end) or (i > 0 and j >= end - 1)) and (
                    (j - 1 > i and cues[j - 1]) or (j - 2 > i and cues[j - 2])):
                return True
    return False


def _raw_cue(lex: Lexicon, texts: list, lowers: list, lemma: str, i: int, a: int, b: int) -> str | None:
    """The cue lemma of the verb at ``i`` in clause ``[a, b)`` as :func:`analysis.quotes.cues.cue_at` finds it (German)."""
    parts = lex.particle_bases.get(lemma)
    if parts:
        for j in range(i + 1, b):
            if lowers[j] in parts and (j + 1 >= b or not WORD.search(texts[j + 1]) or lex.cls(lowers[j + 1]) == "conj"):
                full = parts[lowers[j]]
                if full in lex.reflexive and lex.words("reflexive").isdisjoint(lowers[i:b]):
                    continue
                return full
        if i > 0 and lowers[i - 1] in parts:  # verb-final: "bekannt gegeben"
            full = parts[lowers[i - 1]]
            if full not in lex.reflexive or not lex.words("reflexive").isdisjoint(lowers[:b]):
                return full
    if lemma in lex.cue_class:
        if lemma in lex.reflexive and lex.words("reflexive").isdisjoint(lowers[:b]):
            return None
        return lemma
    return None


def _regular_konj(lower: str, lemma: str, text: str) -> bool:
    """Regular Konjunktiv I of the 3rd person singular: stem + e (verlaufe, gebe, liege; of verbs in
    -eln and -ern: handele, verhindere)."""
    if len(lower) <= 3 or not lower.endswith("e") or text[:1].isupper():
        return False
    base = lemma.lower()
    return (base.endswith("en") and lower == base[:-1]) or (base.endswith(("eln", "ern")) and lower == base[:-1] + "e")


def trigger_words(lex: Lexicon) -> tuple[frozenset, frozenset]:
    """(lemmas, lower-case forms) whose presence makes a sentence worth the full rules."""
    lemmas = set(lex.cue_class) | set(lex.particle_bases) | lex.nouns
    forms = {w for w, (c, _) in lex.frames.items() if c not in CONTEXT_FRAMES}
    return frozenset(lemmas), frozenset(forms)


_TOKEN_COLUMNS = ("sentence", "start", "end", "text", "lower", "lemma", "_mood", "_cue", "_trig", "_moody")


def features(tokens: pd.DataFrame, langs: dict, *, every_sentence: bool = False) -> tuple[dict, pd.Index]:
    """The tokens of sentences that can hold a quotation, with ``_mood``, ``_cue`` and ``_trig``.

    Returns ``(columns, article_ids)``: a dict of NumPy arrays (the columns of ``_TOKEN_COLUMNS``
    and ``_art``, the code of each token's article in ``article_ids``), rows in table order.

    A sentence is kept when it has a quotation mark, a cue lemma, an attribution word or a
    Konjunktiv form; the rules cannot find anything in the others, so they are skipped
    (``every_sentence`` keeps all and marks all as worth the rules). Word features are computed
    once per word type (the lemma is a function of the word form, as :mod:`analysis.segment`
    lemmatises per type, so it is read at each type's first token).
    """
    if tokens.empty:
        empty = {c: np.zeros(0, dtype=object) for c in _TOKEN_COLUMNS}
        empty["_art"] = np.zeros(0, dtype=np.int64)
        empty.update(_role_art=np.zeros(0, dtype=np.int64), _role_start=np.zeros(0, dtype=np.int64),
                     _role_end=np.zeros(0, dtype=np.int64))
        return empty, pd.Index([])
    art_codes, art_ids = factorize_runs(tokens["article_id"].to_numpy())
    art_langs = [langs.get(a, "de") for a in art_ids]
    sentence = tokens["sentence"].to_numpy()
    sent_key = np.asarray(art_codes, dtype=np.int64) * np.int64(int(sentence.max()) + 2) + sentence
    parts = []
    for lg in dict.fromkeys(art_langs):
        if len(set(art_langs)) == 1:
            mask = slice(None)
            part = tokens
        else:
            mask = np.asarray([x == lg for x in art_langs], dtype=bool)[art_codes]
            part = tokens[mask]
        parts.append(_language_features(part, lg, sent_key[mask], art_codes[mask], every_sentence=every_sentence))
    if len(parts) == 1:
        return parts[0], art_ids
    return {c: np.concatenate([p[c] for p in parts]) for c in parts[0]}, art_ids


def _language_features(part: pd.DataFrame, lg: str, keys: np.ndarray, art_codes: np.ndarray, *,
                       every_sentence: bool) -> dict:
    """:func:`features` of the tokens of one language (``keys``: sentence keys of the tokens)."""
    lex = lexicon(lg)
    codes, types = pd.factorize(part["text"])
    first = np.full(len(types), -1, dtype=np.int64)
    first[codes[::-1]] = np.arange(len(codes))[::-1]
    type_lemmas = part["lemma"].iloc[first].tolist()
    texts = [str(t) for t in types.tolist()]
    fixed = [k for k, w in enumerate(texts) if w in lex.participles]  # "entschieden": a verb, not an adjective
    for k in fixed:
        type_lemmas[k] = lex.participles[texts[k]]
    t = _type_flags(lex, texts, [lm if isinstance(lm, str) else w for w, lm in zip(texts, type_lemmas)])
    type_index = dict(zip(texts, range(len(texts))))

    def at(word):  # positions of a word form, by type code
        n = type_index.get(word)
        return np.flatnonzero(codes == n) if n is not None else np.zeros(0, dtype=np.int64)

    def at_words(words):  # positions of the words, also capitalised
        return np.concatenate([at(w) for x in words for w in (x, x.capitalize())] or [np.zeros(0, int)])

    moods = np.asarray(t["mood"], dtype=object)[codes]
    if lex.de:  # "ich habe", "ich werde", "fordere ich": first person indicative, not Konjunktiv
        ich = at_words(lex.words("first_person"))
        moods[ich[ich + 1 < len(codes)] + 1] = None
        before = ich[ich > 0] - 1
        moods[before[moods[before] == "I"]] = None  # Konjunktiv I forms only: "möchte ich" stays II
    cue = np.asarray(t["cue"], dtype=bool)[codes]
    keep = np.isin(keys, np.unique(keys[np.asarray(t["hit"], dtype=bool)[codes]]))
    trig = np.asarray(t["trig"], dtype=bool)[codes]
    if lex.de:
        trig = np.asarray(t["form"], dtype=bool)[codes] | _possible_cues(
            keys, codes, cue, t["cap"], t["base"], t["particle"], t["word"])
    # frame words that count only in context: ", so X" and "nach <cue noun>"
    so_at = at_words([w for w, (c, _) in lex.frames.items() if c == "so"])
    so_at = so_at[so_at > 0]
    trig[so_at[codes[so_at - 1] == type_index.get(",", -1)]] = True
    # "nach <cue noun>": a listed noun or the head of a compound ("nach Armeeangaben",
    # "nach einem Fernsehbericht", up to NOUN_GAP words on), as the rule itself reads it
    nach_at = at_words([w for w, (c, _) in lex.frames.items() if c == "noun_prep"])
    noun_t = t["noun"]
    for gap in range(1, NOUN_GAP + 1):
        ok = nach_at[nach_at + gap < len(codes)]
        after = codes[ok + gap].tolist()
        head = np.asarray([noun_t[c] or lex.cue_noun(type_lemmas[c] if isinstance(type_lemmas[c], str)
                                                     else str(types[c])) for c in after], dtype=bool)
        trig[ok[head]] = True
    after_noun = nach_at[nach_at > 0]  # "seiner Ansicht nach": a noun of nach_sources.txt before it
    head = np.asarray([str(types[c]).lower() in lex.nach_sources for c in codes[after_noun - 1].tolist()], dtype=bool)
    trig[after_noun[head]] = True
    if every_sentence:
        keep[:] = True
        trig[:] = True
    kept = np.flatnonzero(keep)
    cols = {c: part[c].to_numpy()[kept] for c in _TOKEN_COLUMNS[:6]}
    if fixed:
        cols["lemma"] = np.asarray(type_lemmas, dtype=object)[codes[kept]]
    cols.update(_mood=moods[kept], _cue=cue[kept], _trig=trig[kept], _art=art_codes[kept],
                _moody=np.ones(len(kept), dtype=bool) if every_sentence else np.not_equal(moods[kept], None))
    # words ending in a role noun (candidates for "der Präsident Wladimir Putin", for speakers)
    from analysis.role_words import role_suffixes
    suffix = np.asarray(role_suffixes([w.lower() for w in texts], lg), dtype=np.int64)
    at_role = np.flatnonzero(suffix[codes])
    role_end = part["end"].to_numpy()[at_role]
    cols.update(_role_art=art_codes[at_role], _role_end=role_end, _role_start=role_end - suffix[codes[at_role]])
    return cols


def _type_flags(lex: Lexicon, texts: list[str], lemmas: list[str]) -> dict[str, list]:
    """Per word type (in the order of ``texts``): mood, cue, noun, trig and hit flags, and for
    German the flags :func:`_possible_cues` reads (cap, base, particle, word, form)."""
    trigger_lemmas, forms = trigger_words(lex)
    verbs = frozenset(lex.cue_class) | frozenset(lex.particle_bases)
    quotes = frozenset(DOUBLE_MARKS + "“”‘’")
    lowers = [t.lower() for t in texts]
    if lex.de:
        konj = lex.konj.get
        mood = [m if m is not None or not w.endswith("e") or not _regular_konj(w, lm, t) else "I"
                for m, w, lm, t in zip(map(konj, lowers), lowers, lemmas, texts)]
        cue = [lm in verbs for lm in lemmas]
    else:
        mood = [None] * len(texts)
        cue = [lm in verbs or lm.lower() in verbs for lm in lemmas]
    noun_l = [lm in trigger_lemmas or lm.lower() in trigger_lemmas for lm in lemmas]
    out = {
        "mood": mood, "cue": cue,
        "noun": [nn and not c for nn, c in zip(noun_l, cue)],
        "trig": [c or w in forms for c, w in zip(cue, lowers)],
        "hit": [c or m is not None or nn or w in lex.frames or t in quotes
                for c, m, nn, w, t in zip(cue, mood, noun_l, lowers, texts)],
    }
    if lex.de:
        particles = frozenset(p for parts in lex.particle_bases.values() for p in parts)
        out.update(cap=[t[:1].isupper() for t in texts],
                   base=[c and lm not in lex.cue_class for c, lm in zip(cue, lemmas)],  # a cue only with its particle
                   particle=[w in particles for w in lowers],
                   word=[WORD.search(t) is not None for t in texts],
                   form=[w in forms for w in lowers])
    return out


def factorize_runs(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize(values)``, fast when equal values stand together (tokens come by article)."""
    if len(values) < 2:
        return pd.factorize(values)
    starts = np.concatenate(([0], np.flatnonzero(values[1:] != values[:-1]) + 1))
    run_codes, uniques = pd.factorize(values[starts])
    return np.repeat(run_codes, np.diff(np.append(starts, len(values)))), uniques


def _possible_cues(keys: np.ndarray, codes: np.ndarray, cue: np.ndarray, cap_t: list, base_t: list,
                   part_t: list, word_t: list) -> np.ndarray:
    """German cue tokens that :func:`analysis.quotes.cues.cue_at` can accept in their sentence (keys: sentence keys).

    A capitalised word is a cue only at the start of its sentence (inside, it is a noun), and the
    base of a particle verb (``weisen``, ``stellen``) only with one of the particles later in the
    sentence as the last word of a clause (followed by punctuation or the sentence end), or right
    before it in a verb-final clause (``wie die Polizei bekannt gab``).
    """
    n = len(codes)
    first = np.ones(n, dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    last = np.ones(n, dtype=bool)
    last[:-1] = first[1:]
    ok = cue & (first | ~np.asarray(cap_t, dtype=bool)[codes])
    base = ok & np.asarray(base_t, dtype=bool)[codes]
    if base.any():
        word = np.asarray(word_t, dtype=bool)[codes]
        part = np.asarray(part_t, dtype=bool)[codes]
        final = part & (last | ~np.concatenate((word[1:], [False])))
        fp = np.flatnonzero(final)
        bi = np.flatnonzero(base)
        # the last clause-final particle of each sentence, against the position of each base verb
        ukeys, ri = np.unique(keys[fp][::-1], return_index=True)
        last_fp = fp[::-1][ri]
        at = np.minimum(np.searchsorted(ukeys, keys[bi]), max(len(ukeys) - 1, 0))
        has = (ukeys[at] == keys[bi]) & (last_fp[at] > bi) if len(ukeys) else np.zeros(len(bi), dtype=bool)
        has |= ~first[bi] & part[np.maximum(bi - 1, 0)]
        ok[bi[~has]] = False
    return ok


class TokenGroups:
    """The token columns of :func:`features` in article order, as Python lists, with the
    token range, cue flag and Konjunktiv flag of each sentence (computed once for all articles)."""

    def __init__(self, feats: dict, art_ids):
        codes = np.asarray(feats["_art"])
        self.index = {a: u for u, a in enumerate(art_ids)}
        n = len(codes)
        order = None if n < 2 or bool(np.all(codes[1:] >= codes[:-1])) else np.argsort(codes, kind="stable")
        cols = {c: (feats[c] if order is None else feats[c][order]) for c in _TOKEN_COLUMNS}
        codes = codes if order is None else codes[order]
        self.bounds = np.searchsorted(codes, np.arange(len(art_ids) + 1)).tolist()
        # offsets stay arrays (made Python ints per sentence built); the word columns become lists
        self.offsets = (np.asarray(cols["start"]), np.asarray(cols["end"]))
        self.lists = [None, None] + [cols[c].tolist() for c in ("text", "lower", "lemma", "_mood", "_cue")]
        self.lemma_ok = set(map(type, self.lists[4])) <= {str}
        # sentence runs: maximal ranges of tokens of one sentence of one article
        sk = cols["sentence"]
        if n:
            cut = np.flatnonzero((sk[1:] != sk[:-1]) | (codes[1:] != codes[:-1])) + 1
            los = np.concatenate(([0], cut))
            his = np.concatenate((cut, [n]))
            trig = np.logical_or.reduceat(cols["_trig"].astype(bool), los)
            moody = np.logical_or.reduceat(cols["_moody"].astype(bool), los)
            self.run_bounds = np.searchsorted(codes[los], np.arange(len(art_ids) + 1)).tolist()
            self.runs = list(zip(los.tolist(), his.tolist(), sk[los].tolist(), trig.tolist(), moody.tolist()))
        else:
            self.run_bounds, self.runs = [0] * (len(art_ids) + 1), []

    def article(self, article_id, order: dict, n_sents: int) -> LazyTokens:
        u = self.index[article_id]
        return LazyTokens(self, self.runs[self.run_bounds[u]:self.run_bounds[u + 1]], order, n_sents)


class LazyTokens:
    """Per-sentence token lists of one article, built on first access.

    ``trig[n]``: sentence n has a cue or attribution word; ``moody[n]``: it has a Konjunktiv form.
    Sentences with neither are never built.
    """

    def __init__(self, groups: TokenGroups, runs: list, order: dict, n_sents: int):
        self.lists = groups.lists
        self.offsets = groups.offsets
        self.lemma_ok = groups.lemma_ok
        self.ranges: dict[int, tuple[int, int]] = {}
        self.trig = [False] * n_sents
        self.moody = [False] * n_sents
        for lo, hi, k, tg, md in runs:
            n = order.get(k)
            if n is not None:
                self.ranges[n] = (lo, hi)
                self.trig[n] = tg
                self.moody[n] = md
        self.cache: dict[int, list[Tok]] = {}

    def __len__(self) -> int:
        return len(self.trig)

    def raw(self, n: int) -> tuple[list, list, list, list, list]:
        """Texts, lower-case forms, lemmas, cue flags and moods of sentence n, without building its tokens."""
        lo, hi = self.ranges.get(n, (0, 0))
        ls = self.lists
        return ls[2][lo:hi], ls[3][lo:hi], ls[4][lo:hi], ls[6][lo:hi], ls[5][lo:hi]

    def moods_lowers(self, n: int) -> tuple[list, list]:
        """Konjunktiv moods and lower-case forms of sentence n, without building its tokens."""
        got = self.cache.get(n)
        if got is not None:
            return [t.mood for t in got], [t.lower for t in got]
        lo, hi = self.ranges.get(n, (0, 0))
        return self.lists[5][lo:hi], self.lists[3][lo:hi]

    def __getitem__(self, n: int) -> list[Tok]:
        got = self.cache.get(n)
        if got is not None:
            return got
        lo, hi = self.ranges.get(n, (0, 0))
        w, lw, lm, mood, cue = (c[lo:hi] for c in self.lists[2:])
        s, e = self.offsets[0][lo:hi].tolist(), self.offsets[1][lo:hi].tolist()
        if not self.lemma_ok:
            lm = [z if isinstance(z, str) else x for x, z in zip(w, lm)]
        got = list(map(make_tok, zip(s, e, w, lw, lm, mood, cue)))
        self.cache[n] = got
        return got


def role_nouns(feats: dict, art_ids, *, langs: dict) -> dict:
    """{article_id: (lang, [(start, end), ...])}: the words of each article ending in a role noun."""
    codes = np.asarray(feats["_role_art"])
    order = np.argsort(codes, kind="stable")
    codes = codes[order]
    starts, ends = np.asarray(feats["_role_start"])[order].tolist(), np.asarray(feats["_role_end"])[order].tolist()
    bounds = np.searchsorted(codes, np.arange(len(art_ids) + 1)).tolist()
    out = {}
    for u, aid in enumerate(art_ids):
        a, b = bounds[u], bounds[u + 1]
        out[aid] = (langs.get(aid, "de"), list(zip(starts[a:b], ends[a:b])))
    return out


def sentence_groups(sentences: pd.DataFrame) -> dict:
    """{article_id: (sentence numbers, [(start, end, paragraph), ...])} in table order."""
    if sentences.empty:
        return {}
    codes, uniques = factorize_runs(sentences["article_id"].to_numpy())
    order = None if bool(np.all(codes[1:] >= codes[:-1])) else np.argsort(codes, kind="stable")
    cols = [sentences[c].to_numpy() for c in ("sentence", "start", "end", "paragraph")]
    if order is not None:
        cols, codes = [c[order] for c in cols], codes[order]
    bounds = np.searchsorted(codes, np.arange(len(uniques) + 1)).tolist()
    numbers = cols[0].tolist()
    spans = list(zip(cols[1].tolist(), cols[2].tolist(), cols[3].tolist()))
    return {uniques[u]: (numbers[bounds[u]:bounds[u + 1]], spans[bounds[u]:bounds[u + 1]])
            for u in range(len(uniques))}
