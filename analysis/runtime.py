"""Run-time settings shared by the long-running steps."""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a block (its state is restored afterwards).

    Quotation extraction and the sentiment engine allocate hundreds of thousands of small
    lists, tuples and strings that form no reference cycles; reference counting frees them, but
    the collector would rescan them, and every long-lived cache, again and again without freeing
    anything (a fifth of the time of ``extract_quotes`` on the Bundestag benchmark).

    >>> with gc_paused():
    ...     gc.isenabled()
    False
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_FORGETTERS: list[Callable[[], None]] = []


def forgets(clear: Callable[[], None]) -> Callable[[], None]:
    """Register ``clear`` as one of the calls :func:`forget_word_caches` makes (returned unchanged)."""
    _FORGETTERS.append(clear)
    return clear


def word_cache(maxsize: int) -> Callable[[Callable], Callable]:
    """:func:`functools.lru_cache` for a function of word types, emptied by :func:`forget_word_caches`.

    >>> @word_cache(maxsize=100)
    ... def upper(word: str) -> str:
    ...     return word.upper()
    >>> upper("frieden"), upper.cache_info().currsize
    ('FRIEDEN', 1)
    >>> forget_word_caches(); upper.cache_info().currsize
    0
    """
    def decorate(fn: Callable) -> Callable:
        cached = lru_cache(maxsize=maxsize)(fn)
        forgets(cached.cache_clear)
        return cached
    return decorate


def forget_word_caches() -> None:
    """Empty every cache that grows with the vocabulary seen (lemmas, word shapes, lexicon
    look-ups) and collect the garbage.

    A worker that runs partition after partition calls it after each, so that its memory is that
    of one partition however many it has run; the caches fill again from the next partition's
    words (a few per cent of its time).
    """
    for clear in _FORGETTERS:
        clear()
    gc.collect()
