"""``mw.ustring`` over Python ``str``: code-point positions, Unicode classes, Lua 5.1 iteration.

Called from ``mw.ustring.lua`` when the subject or pattern is not plain ASCII (ASCII goes to
Lua's own ``string`` functions, which agree there).  Positions are 1-based code-point indices.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Callable, Literal, cast

from .patterns import Compiled, PatternError, captures, compile_pattern, search

Replacer = Callable[[list[Any]], Any]


def _start(length: int, init: int) -> int | None:
    """Lua's ``init``: negative counts from the end; ``None`` when past the end."""
    if init < 0:
        init = max(length + init + 1, 1)
    elif init == 0:
        init = 1
    if init > length + 1:
        init = length + 1  # Scribunto clamps, where Lua's string.find gives nil
    return init - 1


def find(s: str, pattern: str, init: int, plain: bool, timeout: float | None,
         byte_classes: bool = False) -> tuple[Any, ...]:
    pos = _start(len(s), init)
    if pos is None:
        return (None,)
    if plain:
        at = s.find(pattern, pos)
        return (None,) if at < 0 else (at + 1, at + len(pattern))
    compiled = compile_pattern(pattern, False, byte_classes)
    m = search(compiled, s, pos, timeout)
    if m is None:
        return (None,)
    caps = captures(compiled, m) if compiled.positions else []
    return (m.start() + 1, m.end(), *caps)


def match(s: str, pattern: str, init: int, timeout: float | None,
          byte_classes: bool = False) -> tuple[Any, ...]:
    pos = _start(len(s), init)
    if pos is None:
        return (None,)
    compiled = compile_pattern(pattern, False, byte_classes)
    m = search(compiled, s, pos, timeout)
    if m is None:
        return (None,)
    return tuple(captures(compiled, m))


def gmatch(s: str, pattern: str, timeout: float | None,
           byte_classes: bool = False) -> list[list[Any]]:
    """Every match of ``gmatch`` in order (Lua 5.1: ``^`` is literal; an empty match moves on one
    character, a non-empty one continues where it ended)."""
    compiled = compile_pattern(pattern, True, byte_classes)
    out: list[list[Any]] = []
    pos = 0
    n = len(s)
    while pos <= n:
        m = compiled.regex.search(s, pos, timeout=timeout)
        if m is None:
            break
        out.append(captures(compiled, m))
        pos = m.end() if m.end() > m.start() else m.start() + 1
    return out


def _expand_repl(repl: str, caps: list[Any], whole: str, lua_escapes: bool = False) -> str:
    out: list[str] = []
    i = 0
    while i < len(repl):
        ch = repl[i]
        if ch == "%" and i + 1 < len(repl):
            nxt = repl[i + 1]
            if nxt in "0123456789":
                k = int(nxt)
                if k == 0:
                    out.append(whole)
                elif k <= len(caps):
                    value = caps[k - 1]
                    out.append(str(value) if not isinstance(value, str) else value)
                else:
                    raise PatternError("invalid capture index %" + nxt + " in replacement string")
            elif nxt == "%" or lua_escapes:
                out.append(nxt)
            else:
                out.append("%" + nxt)  # Scribunto keeps an unknown escape as written
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def gsub(s: str, pattern: str, repl: str | Replacer, max_n: int | None,
         timeout: float | None, byte_classes: bool = False, lua_escapes: bool = False) -> tuple[str, int]:
    """Lua 5.1 ``gsub`` over code points; ``repl`` is a string or a function of the captures
    returning the replacement (``None``/``False`` keeps the match)."""
    compiled: Compiled = compile_pattern(pattern, False, byte_classes)
    out: list[str] = []
    pos = 0
    count = 0
    n = len(s)
    while max_n is None or count < max_n:
        m = search(compiled, s, pos, timeout)
        if m is None:
            break
        start, end = m.start(), m.end()
        out.append(s[pos:start])
        count += 1
        whole = m.group(0)
        caps = captures(compiled, m)
        if isinstance(repl, str):
            out.append(_expand_repl(repl, caps if compiled.positions else [whole], whole, lua_escapes))
        else:
            value = repl(caps)
            out.append(whole if value is None or value is False else value)
        if end > start:
            pos = end
        elif start < n:
            out.append(s[start])
            pos = start + 1
        else:
            pos = start
            break
        if compiled.anchored:
            break
    out.append(s[pos:])
    return "".join(out), count


def sub(s: str, i: int, j: int) -> str:
    n = len(s)
    if i < 0:
        i = max(n + i + 1, 1)
    elif i == 0:
        i = 1
    if j < 0:
        j = n + j + 1
    elif j > n:
        j = n
    if i > j:
        return ""
    return s[i - 1:j]


def codepoints(s: str, i: int, j: int) -> list[int]:
    return [ord(ch) for ch in sub(s, i, j)]


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def byteoffset(s: str, length: int, i: int) -> int | None:
    """``mw.ustring.byteoffset(s, l, i)``: where the ``l``-th character starting at or after byte
    ``i`` starts (``l == 0``: the character containing byte ``i``; ``l < 0``: counting back from
    before ``i``)."""
    data = s.encode("utf-8", "surrogateescape")
    n = len(data)
    if i < 0:
        i = n + i + 1
    if i < 1 or i > n:
        return None
    at = i - 1
    starts = [k for k in range(n) if (data[k] & 0xC0) != 0x80]
    if length > 0:
        after = [k for k in starts if k >= at]
        return after[length - 1] + 1 if length <= len(after) else None
    if length == 0:
        before = [k for k in starts if k <= at]
        return before[-1] + 1 if before else None
    earlier = [k for k in starts if k < at]
    return earlier[length] + 1 if -length <= len(earlier) else None


def normalise(form: str, s: str) -> str:
    return unicodedata.normalize(cast(Literal["NFC", "NFD", "NFKC", "NFKD"], form), s)


__all__ = ["byteoffset", "codepoints", "find", "gmatch", "gsub", "is_utf8", "match", "normalise", "sub"]
