"""German noun compounds read by their parts: Sanktions|drohung, Atom|konflikt, Kriegs|verbrecher.

>>> from analysis.sentiment import lexicon
>>> lx = lexicon("de")
>>> compound("Sanktionsdrohung", lx)[1]
'compound:Sanktion+Drohung'
"""
from __future__ import annotations

from analysis.segment import lemmatize as _lemmatize
from analysis.sentiment.lexicon import Entry, Lexicon, fold
from analysis.sentiment.parameters import COMPOUND_MODIFIER_WEIGHT, MIN_COMPOUND_PART, PREFIX


def _is_word(part: str, lang: str) -> bool:
    import simplemma

    try:
        return simplemma.is_known(part.capitalize(), lang) or simplemma.is_known(part, lang)
    except (ValueError, TypeError):
        return False


def _modifier_forms(mod: str) -> list[str]:
    """A compound's first part without its linking element (Friedens- → Frieden, Kriegs- → Krieg)."""
    forms = [mod]
    if mod.endswith("s"):
        forms.append(mod[:-1])
    if mod.endswith(("es", "en", "er")):
        forms.append(mod[:-2])
    if mod.endswith(("n", "e")):
        forms.append(mod[:-1])
    return [f for f in forms if len(f) >= MIN_COMPOUND_PART - 1]


def compound(word: str, lex: Lexicon) -> tuple[Entry | None, str]:
    """Split a German noun compound into modifier + head and look both up.

    Only capitalised words are split; the head must be a noun entry (its term capitalised) of at
    least ``MIN_COMPOUND_PART`` letters and the modifier a known word (simplemma's dictionary),
    so that Frage is not read as F+rage. The longest head wins; the modifier adds
    ``COMPOUND_MODIFIER_WEIGHT`` × its values. Without a head entry, a modifier from the
    diplomatic lexicon alone counts at that weight (Friedens|gespräche).
    """
    low = word.lower()
    if not word[1:].islower() or low.endswith(lex.actor_heads):
        return None, ""  # BILDplus, iPhone; actors, not events: Bürgermeister, Friedensforscher
    n = len(low)
    for i in range(MIN_COMPOUND_PART, n - MIN_COMPOUND_PART + 1):
        head = low[i:]
        e = lex.entries.get(head)
        if e is None and fold(head[:PREFIX + 1])[:PREFIX] in lex.prefixes:  # Brände → Brand
            e = lex.entries.get(_lemmatize(head.capitalize(), lex.lang).lower())
        if e is None or not e.term[:1].isupper():
            continue
        forms = _modifier_forms(low[:i])
        if not any(_is_word(f, lex.lang) for f in forms):
            continue
        me = next((lex.entries[f] for f in forms if f in lex.entries), None)
        if me is None:
            return e, f"compound:{low[:i]}+{e.term}"
        w = COMPOUND_MODIFIER_WEIGHT

        def comb(a: float, b: float, w: float = w) -> float:
            return max(-1.0, min(1.0, a + w * b))

        return (Entry(word, comb(e.polarity, me.polarity), comb(e.cooperation, me.cooperation),
                      comb(e.certainty, me.certainty), e.source), f"compound:{me.term}+{e.term}")
    if low[:MIN_COMPOUND_PART - 1] not in lex.noun_starts:  # no diplomatic noun can be the modifier
        return None, ""
    for i in range(n - MIN_COMPOUND_PART, MIN_COMPOUND_PART - 1, -1):
        rest = low[i:]
        for f in _modifier_forms(low[:i]):
            me = lex.entries.get(f)
            if me is not None and me.source == "diplomatic" and me.term[:1].isupper() and _is_word(rest, lex.lang):
                w = COMPOUND_MODIFIER_WEIGHT
                return (Entry(word, me.polarity * w, me.cooperation * w, 0.0, me.source), f"compound:{me.term}+{rest}")
    return None, ""

