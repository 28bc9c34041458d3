"""Pausing Python's cyclic garbage collector while a tree is built or walked.

Parsing and rendering allocate many small objects and create no reference cycles, so the cyclic
collector only costs time there: it rescans the growing tree again and again (superlinear on
large pages).  :func:`paused_collection` switches it off for the duration of a call.

``gc.disable()`` is process-wide, so the pause is reference-counted under a lock: with several
threads parsing at once the collector comes back when the last of them leaves, and only if it
was enabled when the first one came in (a program that disabled it itself keeps it disabled).
On that last exit, ``gc.freeze()`` + ``gc.unfreeze()`` moves every tracked object to the oldest
generation and resets the allocation count without walking anything, so the first allocation
after a parse does not start a young-generation collection that walks the whole new tree.

:func:`pause` and :func:`resume` are the two halves, for a caller on a hot path (the parser, once
per parse) that would rather not build a generator-based context manager each time::

    pause()
    try:
        ...
    finally:
        resume()
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

__all__ = ["pause", "paused_collection", "resume"]

_lock = threading.Lock()
_depth = 0
_resume = False


def pause() -> None:
    """Switch the cyclic collector off (counted: each call needs its :func:`resume`)."""
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1


def resume() -> None:
    """Undo one :func:`pause`; the last one switches the collector back on if it was on."""
    global _depth
    with _lock:
        _depth -= 1
        if _depth == 0 and _resume:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


@contextmanager
def paused_collection() -> Iterator[None]:
    """Run the ``with`` block with the cyclic collector off (see the module docstring)."""
    pause()
    try:
        yield
    finally:
        resume()
