"""The ParserFunctions extension: ``#if #ifeq #iferror #ifexpr #expr #switch #time #timel
#titleparts #rel2abs #ifexist``.  Branches are expanded only when taken, as in MediaWiki."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Callable

from .expr import ExprError, evaluate, expr
from .timefmt import TimeError, time_function
from .titles import make_title

if TYPE_CHECKING:
    from .calls import Call


def _error(message: str) -> str:
    return f'<strong class="error">{message}</strong>'


def _number(s: str) -> float | None:
    """PHP's ``is_numeric``: the string as a number, or ``None``."""
    t = s.strip(" \t\n\r\v\f")
    if not t or t != s.lstrip(" \t\n\r\v\f"):
        pass
    if not re.fullmatch(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?", t):
        return None
    try:
        return float(t)
    except ValueError:
        return None


def _equal(a: str, b: str) -> bool:
    x, y = _number(a), _number(b)
    if x is not None and y is not None:
        return x == y
    return a == b


def _decode(s: str) -> str:
    return html.unescape(s) if "&" in s else s


def if_(call: Call) -> str:
    return call.arg(1) if call.first else call.arg(2)


def ifeq(call: Call) -> str:
    a = _decode(call.first)
    b = _decode(call.arg(1))
    return call.arg(2) if _equal(a, b) else call.arg(3)


_ERROR_RE = re.compile(r'<(?:strong|span|p|div)\s(?:[^\s>]*\s+)*?class="(?:[^"\s>]*\s+)*?error'
                       r'(?:\s[^">]*)?"')


def iferror(call: Call) -> str:
    test = call.first
    if _ERROR_RE.search(test):
        return call.arg(1)
    if len(call) > 2:
        return call.arg(2)
    return test


def expr_(call: Call) -> str:
    try:
        return expr(call.first)
    except ExprError as err:
        call.expander.diagnose("expr-error", str(err), "info")
        return _error(str(err))


def ifexpr(call: Call) -> str:
    try:
        value = evaluate(call.first)
    except ExprError as err:
        call.expander.diagnose("expr-error", str(err), "info")
        return _error(str(err))
    if value is None:
        return call.arg(2)
    return call.arg(1) if value else call.arg(2)


def switch(call: Call) -> str:
    primary = _decode(call.first)
    found = False
    default: str | None = None
    last_positional: str | None = None
    for i in range(1, len(call)):
        name, value = call.split(i)
        if name is not None:
            last_positional = None
            if found or _equal(_decode(name), primary):
                return value
            if name == "#default":
                default = value
        else:
            last_positional = value
            if _equal(_decode(value), primary):
                found = True
    if last_positional is not None:
        return last_positional
    return default or ""


def _time(local: bool) -> Callable[[Call], str]:
    def run(call: Call) -> str:
        fmt = call.first
        date = call.arg(1)
        try:
            return time_function(fmt, date, call.expander.clock)
        except TimeError:
            call.expander.diagnose("time-error", f"invalid time: {date!r}", "info")
            return _error("Error: Invalid time.")
        except (ValueError, OverflowError):
            return _error("Error: Invalid time.")
    return run


def titleparts(call: Call) -> str:
    title = call.first
    parsed = make_title(title, call.expander.config)
    if parsed is None:
        return title
    parts = parsed.full.split("/")
    try:
        count = int(call.arg(1) or 0)
    except ValueError:
        count = 0
    try:
        first = int(call.arg(2) or 1)
    except ValueError:
        first = 1
    if first > 0:
        parts = parts[first - 1:]
    elif first < 0:
        parts = parts[first:]
    if count > 0:
        parts = parts[:count]
    elif count < 0:
        parts = parts[:count]
    return "/".join(parts)


def rel2abs(call: Call) -> str:
    to = call.first
    base = call.arg(1) or call.expander.title.full
    if to.startswith(("/", "./", "../")) or to in (".", ".."):
        path = base + "/" + to if not to.startswith("/") else base + to
    else:
        path = to
    if not to.startswith(("/", "./", "../")) and to not in (".", ".."):
        return to
    out: list[str] = []
    for piece in path.split("/"):
        if piece == "..":
            if not out:
                return _error(f'Error: Invalid depth in path: "{html.escape(path)}" '
                              "(tried to access a node above the root node).")
            out.pop()
        elif piece in (".", ""):
            continue
        else:
            out.append(piece)
    return "/".join(out)


def ifexist(call: Call) -> str:
    title = make_title(call.first, call.expander.config)
    if title is None:
        return call.arg(2)
    if not call.expander.count_expensive():
        return call.arg(2)
    if title.ns == -2:
        # a Media: link exists when its file does
        exists = call.expander.file_exists(title.name)
    elif title.ns == 6:
        exists = call.expander.file_exists(title.name) or call.expander.exists(title)
    elif title.ns == -1:
        exists = False
    else:
        exists = call.expander.exists(title)
    return call.arg(1) if exists else call.arg(2)


PARSER_FUNCTIONS: dict[str, Callable[[Call], str]] = {
    "#if": if_, "#ifeq": ifeq, "#iferror": iferror, "#expr": expr_, "#ifexpr": ifexpr,
    "#switch": switch, "#time": _time(False), "#timel": _time(True),
    "#titleparts": titleparts, "#rel2abs": rel2abs, "#ifexist": ifexist,
}

__all__ = ["PARSER_FUNCTIONS"]
