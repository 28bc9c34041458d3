"""Recursion headroom for the recursive emitters (text, JSON, pandoc).

The parser bounds nesting (``Limits.max_depth``), but a tree at that bound is deeper than
Python's default recursion limit allows a visitor that spends a few frames per level.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator

HEADROOM = 20000


@contextmanager
def recursion_headroom() -> Iterator[None]:
    old = sys.getrecursionlimit()
    if old < HEADROOM:
        sys.setrecursionlimit(HEADROOM)
    try:
        yield
    finally:
        if old < HEADROOM:
            sys.setrecursionlimit(old)
