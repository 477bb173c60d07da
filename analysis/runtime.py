"""Run-time settings shared by the long-running steps."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


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
