"""Word-level facts shared by tone, quotations and term statistics: stems and compounds.

* :func:`stem`: the Snowball stem of a word that keeps German umlauts and ß (NLTK's German
  stemmer folds them, so *schon* and *schön* would share a stem);
* :func:`compound_split_point` and :func:`compound_head`: where the head of a closed German
  compound starts (*Atom|konflikt*), by the frequency criterion of Koehn & Knight (2003);
* :func:`hyphen_parts`: the parts of a hyphenated word with their offsets.

>>> stem("Gesprächen"), compound_head("Atomkonflikt"), hyphen_parts("Nord-Korea")
('gespräch', 'Konflikt', [(0, 'Nord'), (5, 'Korea')])
"""
from __future__ import annotations

import math
import re
from functools import cache, lru_cache

from analysis.errors import InputError
from analysis.runtime import word_cache

SNOWBALL = {"de": "german", "en": "english", "fr": "french", "es": "spanish", "it": "italian",
            "nl": "dutch", "pt": "portuguese", "sv": "swedish", "da": "danish", "no": "norwegian",
            "fi": "finnish", "ru": "russian", "hu": "hungarian", "ro": "romanian"}
# Snowball's German stemmer folds ä, ö, ü to a, o, u and ß to ss; stem() maps the stem back.
_FOLD = {"de": {"ä": "a", "ö": "o", "ü": "u", "ß": "ss"}}
HYPHENS = re.compile(r"[-\u2010\u2011]+")


# --- stems ----------------------------------------------------------------------------------

@cache
def _stemmer(lang: str):
    from nltk.stem import SnowballStemmer

    if lang not in SNOWBALL:
        raise InputError(f"no Snowball stemmer for language {lang!r} (have: {', '.join(sorted(SNOWBALL))})")
    return SnowballStemmer(SNOWBALL[lang])


def stem(word: str, lang: str = "de") -> str:
    """Snowball stem of ``word`` (lower case) that keeps German umlauts and ß.

    NLTK's German Snowball stemmer returns ``gross`` for *größer*; the stem is a prefix of
    the folded word, so the same number of characters is taken from the unfolded word.

    >>> stem("größer"), stem("Gesprächen"), stem("Verhandlungen")
    ('größ', 'gespräch', 'verhandl')
    """
    s = _stemmer(lang).stem(word)
    fold = _FOLD.get(lang)
    low = word.lower()
    if not fold or low.isascii():  # nothing folded: the stem is the word's own prefix
        return s
    out, acc = [], ""
    for ch in low:
        norm = fold.get(ch, ch)
        if len(acc) + len(norm) > len(s):
            break
        acc += norm
        out.append(ch)
    return "".join(out) if acc == s else s


# --- German compounds -----------------------------------------------------------------------

@lru_cache(maxsize=4)
def _zipf_table(lang: str) -> dict[str, float]:
    import wordfreq

    return {w: math.log10(f) + 9 for w, f in wordfreq.get_frequency_dict(lang, "large").items() if w.isalpha()}


def _linkers(lang: str) -> tuple[str, ...]:
    from analysis.resources import wordlist

    try:
        return tuple(sorted(wordlist(lang, "compound_linkers"), key=len, reverse=True))
    except InputError:
        return ()


@word_cache(maxsize=200_000)
def _is_noun(word: str, lang: str) -> bool:
    try:
        import simplemma
    except ImportError:  # pragma: no cover
        return True
    return simplemma.is_known(word[:1].upper() + word[1:], lang=lang)


@word_cache(maxsize=500_000)
def compound_split_point(word: str, *, lang: str = "de", min_zipf: float = 3.0, min_head: int = 4,
                         min_modifier: int = 4, min_gain: float = 0.25, nouns_only: bool = True) -> int | None:
    """Where the head of a closed compound starts, or None.

    Method (the frequency criterion of Koehn & Knight 2003, reduced to the head): scan split
    points from left to right and take the first one, i.e. the **longest known suffix** of at
    least ``min_head`` letters, such that

    - head and modifier (at least ``min_modifier`` letters, after removing a linking element
      such as *-s-* or *-es-* listed in ``resources/<lang>/compound_linkers.txt``) are known
      words: Zipf frequency >= ``min_zipf`` in wordfreq's list for ``lang``;
    - the parts are more frequent than the whole: the mean Zipf frequency of modifier and
      head exceeds the word's own by ``min_gain`` (a word unknown to wordfreq counts as 0),
      which keeps *Sicherheit* (not *sicher* + *heit*) and *Wirtschaft* whole;
    - with ``nouns_only`` (default), the word starts with a capital (a German noun) and the
      capitalised head is a word simplemma knows.

    >>> w = "Atomkonflikt"; w[compound_split_point(w):]
    'konflikt'
    >>> compound_split_point("Konflikt") is None, compound_split_point("Sicherheit") is None
    (True, True)
    """
    if nouns_only and not word[:1].isupper():
        return None
    low = word.lower()
    if not low.isalpha() or len(low) < min_head + min_modifier:
        return None
    zipf = _zipf_table(lang)
    linkers = _linkers(lang)
    whole = zipf.get(low, 0.0)
    for i in range(min_modifier, len(low) - min_head + 1):
        z_head = zipf.get(low[i:], 0.0)
        if z_head < min_zipf:
            continue
        mod = low[:i]
        z_mod = max([zipf.get(mod, 0.0)] + [zipf.get(mod[: -len(lk)], 0.0) for lk in linkers
                                            if mod.endswith(lk) and len(mod) - len(lk) >= min_modifier])
        if z_mod < min_zipf or (z_mod + z_head) / 2 < whole + min_gain:
            continue
        if nouns_only and not _is_noun(word[i:], lang):
            continue
        return i
    return None


def compound_head(word: str, *, lang: str = "de", **kw) -> str | None:
    """The head of a closed compound, capitalised like ``word``; None if it is not one.

    >>> compound_head("Atomkonflikt"), compound_head("Bundesregierung"), compound_head("Frieden")
    ('Konflikt', 'Regierung', None)
    """
    i = compound_split_point(word, lang=lang, **kw)
    if i is None:
        return None
    head = word[i:]
    return head[:1].upper() + head[1:] if word[:1].isupper() else head


def hyphen_parts(word: str) -> list[tuple[int, str]]:
    """(offset, part) for the parts of a hyphenated word; empty parts (``Nord-``) dropped.

    >>> hyphen_parts("Sechs-Parteien-Gespräche")
    [(0, 'Sechs'), (6, 'Parteien'), (15, 'Gespräche')]
    """
    out, start = [], 0
    for m in HYPHENS.finditer(word):
        if m.start() > start:
            out.append((start, word[start:m.start()]))
        start = m.end()
    if start < len(word):
        out.append((start, word[start:]))
    return out
