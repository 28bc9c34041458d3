"""What a regular expression can start with: the scanner's per-character shortcuts, computed
from the grammar's terminals instead of written down beside them.

Both functions read the pattern as Python's own regex parser does (``re._parser``, which is
``sre_parse`` before Python 3.11) and are conservative: an operation they do not know can
start with any character, so a shortcut is only ever left out, never wrong.
"""

from __future__ import annotations

import importlib
import re
from typing import Any, Final

try:
    _PARSER: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - Python 3.10
    _PARSER = importlib.import_module("sre_parse")

#: the code standing for every character beyond ASCII
OTHER: Final = 128
_ALL: Final = frozenset(range(OTHER + 1))
_CATEGORY = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
             "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}
_IGNORECASE: Final = 2  # re.IGNORECASE's value in a parsed group's flags


def first_chars(pattern: str) -> frozenset[int]:
    """The ASCII codes (and :data:`OTHER`) a non-empty match of ``pattern`` can start with: a
    superset (an empty match, possible or not, starts with no character)."""
    return _first(list(_PARSER.parse(pattern)))[0]


def can_be_empty(pattern: str) -> bool:
    """Whether ``pattern`` may match the empty string (conservative: True when unsure)."""
    return _first(list(_PARSER.parse(pattern)))[1]


def literal_run(pattern: str, char: int) -> tuple[int, int] | None:
    """``(min, max)`` when ``pattern`` matches exactly the runs of the character ``char`` of
    ``min`` to ``max`` characters (``max`` -1: no bound), else None."""
    low = high = 0
    for op, av in _PARSER.parse(pattern):
        name = _name(op)
        if name == "LITERAL" and av == char and high >= 0:
            low += 1
            high += 1
        elif name == "MAX_REPEAT" and high >= 0:
            lo, hi, sub = av
            items = list(sub)
            if len(items) != 1 or _name(items[0][0]) != "LITERAL" or items[0][1] != char:
                return None
            low += lo
            high = -1 if hi == _PARSER.MAXREPEAT else high + hi
        else:
            return None
    return (low, high) if low >= 1 else None


def _name(op: Any) -> str:
    return str(getattr(op, "name", op))


def _first(items: list[Any]) -> tuple[frozenset[int], bool]:
    """(first characters, whether the sequence can match empty)."""
    acc: set[int] = set()
    for op, av in items:
        first, nullable = _first_item(_name(op), av)
        acc |= first
        if not nullable:
            return frozenset(acc), False
    return frozenset(acc), True


def _first_item(name: str, av: Any) -> tuple[frozenset[int], bool]:
    if name == "LITERAL":
        return frozenset((av if av < OTHER else OTHER,)), False
    if name == "NOT_LITERAL":
        return frozenset(c for c in range(OTHER + 1) if c != av), False
    if name == "IN":
        return _charset(av), False
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return frozenset(), True  # zero width: no character of its own
    if name == "SUBPATTERN":
        if av[1] & _IGNORECASE:
            return _ALL, False
        return _first(list(av[-1]))
    if name == "ATOMIC_GROUP":
        return _first(list(av))
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        first, nullable = _first(list(av[2]))
        return first, nullable or av[0] == 0
    if name == "BRANCH":
        acc: set[int] = set()
        empty = False
        for alt in av[1]:
            first, nullable = _first(list(alt))
            acc |= first
            empty = empty or nullable
        return frozenset(acc), empty
    return _ALL, True  # anything else: any character, maybe empty


def _charset(items: list[Any]) -> frozenset[int]:
    """The codes of a character class ``[...]`` (OTHER: whenever it may hold a non-ASCII one)."""
    negate = False
    codes: set[int] = set()
    for op, av in items:
        name = _name(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            codes.add(av if av < OTHER else OTHER)
        elif name == "RANGE":
            codes.update(range(av[0], min(av[1], OTHER - 1) + 1))
            if av[1] >= OTHER:
                codes.add(OTHER)
        elif name == "CATEGORY" and _name(av) in _CATEGORY:
            cat = re.compile(_CATEGORY[_name(av)])
            codes.update(c for c in range(OTHER) if cat.match(chr(c)))
            codes.add(OTHER)
        else:
            return _ALL
    if negate:
        # OTHER stands for many characters: some may be outside the class, whatever it holds
        codes = {c for c in range(OTHER) if c not in codes} | {OTHER}
    return frozenset(codes)
