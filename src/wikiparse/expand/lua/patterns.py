"""Lua 5.1 patterns over code points, for ``mw.ustring``: translated once to a ``regex`` pattern.

Lua patterns have no alternation, so every construct but two maps onto a regular expression with
the same backtracking: ``%b()`` becomes an atomic recursive group (Lua's balance match never
backtracks into the span) and ``%f[set]`` a pair of look-arounds that treat the ends of the
subject as ``"\\0"``, as Lua does.  Character classes take Scribunto's Unicode meaning (``%a`` is
every letter, ``%d`` every decimal digit, ``%s`` Unicode separators and the ASCII blanks).

A translation is cached by pattern; matching runs with a timeout so a pathological pattern ends
at the page's CPU budget.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

# Scribunto's ustring character classes (Unicode general categories).
_CLASSES = {
    "a": r"\p{L}",
    "c": r"\p{Cc}",
    "d": r"\p{Nd}",
    "l": r"\p{Ll}",
    "p": r"\p{P}",
    "s": r"\p{Zs}\t\n\v\f\r",
    "u": r"\p{Lu}",
    "w": r"\p{L}\p{Nd}",
    "x": r"0-9A-Fa-f\uFF10-\uFF19\uFF21-\uFF26\uFF41-\uFF46",
    "z": r"\x00",
}


# Lua's own string library: C-locale classes over bytes (the subject decoded as Latin-1).
_BYTE_CLASSES = {
    "a": "A-Za-z", "c": r"\x00-\x1f\x7f", "d": "0-9", "l": "a-z",
    "p": r"!-/:-@\[-`{-~", "s": r"\t-\r ", "u": "A-Z", "w": "A-Za-z0-9",
    "x": "0-9A-Fa-f", "z": r"\x00",
}


class PatternError(ValueError):
    """A malformed Lua pattern, with Scribunto's message."""


@dataclass(frozen=True)
class Compiled:
    """A translated pattern: the regex, whether ``^`` anchored it, and the Lua captures in order
    (``True`` for a position capture ``()``)."""

    regex: Any
    anchored: bool
    positions: tuple[bool, ...]


def _class_body(letter: str, classes: dict[str, str]) -> str | None:
    """The set body of ``%x`` (inside ``[...]``), negated for upper case; ``None`` if not a class."""
    lower = letter.lower()
    body = classes.get(lower)
    if body is None:
        return None
    if letter == lower:
        return body
    return "[^" + body + "]"


def _escape(ch: str) -> str:
    return "\\" + ch if not ch.isalnum() else regex.escape(ch)


def _set(pattern: str, i: int, classes: dict[str, str]) -> tuple[str, int]:
    """Translate the set starting at ``pattern[i] == "["``; return it and the index after ``]``."""
    start = i
    i += 1
    parts: list[str] = []
    negate = False
    if i < len(pattern) and pattern[i] == "^":
        negate = True
        i += 1
    # where the set ends, as Lua finds it ("%]" is an escaped bracket, a first "]" is literal)
    end = i + 1
    if end > len(pattern):
        end = len(pattern)
    elif pattern[i] == "%":
        end = i + 2
    while end < len(pattern) and pattern[end] != "]":
        end += 2 if pattern[end] == "%" else 1
    if end >= len(pattern):
        raise PatternError(
            f"Missing close-bracket for character set beginning at pattern character {start + 1}")
    while True:
        if i >= end:
            i = end + 1
            break
        ch = pattern[i]
        if ch == "%":
            if i + 1 >= len(pattern):
                raise PatternError("malformed pattern (ends with '%')")
            nxt = pattern[i + 1]
            body = _class_body(nxt, classes)
            parts.append(body if body is not None else _escape(nxt))
            i += 2
        elif i + 2 < end and pattern[i + 1] == "-":
            lo, hi = ch, pattern[i + 2]
            if ord(lo) <= ord(hi):
                parts.append(_escape(lo) + "-" + _escape(hi))
            i += 3
        else:
            parts.append(_escape(ch))
            i += 1
    body = "".join(parts)
    if not body:
        return ("[^\\x00-\\U0010FFFF]" if not negate else "[\\x00-\\U0010FFFF]"), i
    return ("[^" if negate else "[") + body + "]", i


def _single(pattern: str, i: int, classes: dict[str, str]) -> tuple[str, str, int]:
    """One single-character class at ``i``: its regex, a set body for frontier use, next index."""
    ch = pattern[i]
    if ch == "%":
        if i + 1 >= len(pattern):
            raise PatternError("malformed pattern (ends with '%')")
        nxt = pattern[i + 1]
        body = _class_body(nxt, classes)
        if body is not None:
            return "[" + body + "]", body, i + 2
        return _escape(nxt), _escape(nxt), i + 2
    if ch == "[":
        text, j = _set(pattern, i, classes)
        return text, text, j
    if ch == ".":
        return "(?s:.)", "", i + 1
    return _escape(ch), _escape(ch), i + 1


@lru_cache(maxsize=4096)
def compile_pattern(pattern: str, gmatch: bool = False, byte_classes: bool = False) -> Compiled:
    """Translate a Lua pattern.  ``gmatch`` patterns take ``^`` literally, as Lua 5.1 does;
    ``byte_classes`` gives the classes Lua's ``string`` library has (C locale, for bytes)."""
    classes = _BYTE_CLASSES if byte_classes else _CLASSES
    out: list[str] = []
    positions: list[bool] = []
    open_stack: list[int] = []
    i = 0
    anchored = False
    if pattern.startswith("^") and not gmatch:
        anchored = True
        i = 1
    n = len(pattern)
    balance = 0
    while i < n:
        ch = pattern[i]
        if ch == "(":
            if i + 1 < n and pattern[i + 1] == ")":
                positions.append(True)
                out.append(f"(?P<c{len(positions)}>)")
                i += 2
                continue
            positions.append(False)
            open_stack.append(len(positions))
            out.append(f"(?P<c{len(positions)}>")
            i += 1
            continue
        if ch == ")":
            if not open_stack:
                raise PatternError("invalid pattern capture")
            open_stack.pop()
            out.append(")")
            i += 1
            continue
        if ch == "$" and i == n - 1:
            out.append(r"\Z")
            i += 1
            continue
        if ch == "%" and i + 1 < n:
            nxt = pattern[i + 1]
            if nxt == "b":
                if i + 3 >= n:
                    raise PatternError("missing arguments to '%b'")
                x, y = pattern[i + 2], pattern[i + 3]
                ex, ey = _escape(x), _escape(y)
                if x == y:
                    out.append(f"(?>{ex}[^{ey}]*{ey})")
                else:
                    balance += 1
                    name = f"b{balance}"
                    out.append(f"(?P<{name}>{ex}(?>[^{ex}{ey}]++|(?&{name}))*{ey})")
                i += 4
                continue
            if nxt == "f":
                if i + 2 >= n or pattern[i + 2] != "[":
                    raise PatternError("missing '[' after '%f' in pattern")
                text, j = _set(pattern, i + 2, classes)
                has_nul = bool(regex.match(text, "\x00", flags=regex.V1))
                behind = f"(?<!{text})" + ("(?<=(?s:.))" if has_nul else "")
                ahead = f"(?:(?={text})|\\Z)" if has_nul else f"(?={text})"
                out.append(behind + ahead)
                i = j
                continue
            if nxt in "0123456789":
                k = int(nxt)
                if k == 0 or k > len(positions) or k in open_stack:
                    raise PatternError(f"invalid capture index %{k}")
                # a back-reference to a position capture never matches in Lua
                out.append("(?!)" if positions[k - 1] else f"(?P=c{k})")
                i += 2
                continue
        item, _body, j = _single(pattern, i, classes)
        if j < n and pattern[j] in "*+-?":
            q = pattern[j]
            out.append(item + {"*": "*", "+": "+", "-": "*?", "?": "?"}[q])
            j += 1
        else:
            out.append(item)
        i = j
    if open_stack:
        raise PatternError("unfinished capture")
    try:
        compiled = regex.compile("".join(out), flags=regex.V1)
    except regex.error as exc:  # a translation we did not foresee: report, never raise further
        raise PatternError(f"malformed pattern ({exc})") from None
    return Compiled(compiled, anchored, tuple(positions))


def captures(compiled: Compiled, match: Any) -> list[str | int]:
    """The Lua captures of a match (the whole match when the pattern has none)."""
    if not compiled.positions:
        return [match.group(0)]
    result: list[str | int] = []
    for k, is_position in enumerate(compiled.positions, start=1):
        if is_position:
            result.append(match.start(f"c{k}") + 1)
        else:
            result.append(match.group(f"c{k}"))
    return result


def search(compiled: Compiled, text: str, pos: int, timeout: float | None) -> Any:
    """The first match at or after ``pos`` (only at ``pos`` when anchored)."""
    if compiled.anchored:
        return compiled.regex.match(text, pos, timeout=timeout)
    return compiled.regex.search(text, pos, timeout=timeout)
