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
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

__all__ = ["paused_collection"]

_lock = threading.Lock()
_depth = 0
_resume = False


@contextmanager
def paused_collection() -> Iterator[None]:
    """Run the ``with`` block with the cyclic collector off (see the module docstring)."""
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.freeze()
                gc.unfreeze()
                gc.enable()
