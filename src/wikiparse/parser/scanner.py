"""The scanner: the terminals of ``grammar/wikitext.lark`` compiled for speed.

Lark loads and checks the grammar; we take its terminal definitions (pattern, priority, order).
The grammar's meaning is :func:`scanner`, the plain alternation of every terminal in priority
order (``m.lastgroup`` names the terminal).  The tree builder pulls tokens with ``match(text,
pos)`` so it can restart anywhere (after a raw ``<nowiki>`` body, inside a URL...), which Lark's
push lexer cannot do, and it creates no Token object per match.  The LALR rule ``start: _item*``
accepts every token sequence, which is the grammar's statement that every string is wikitext.

:func:`fast_scanner` yields exactly the tokens of :func:`scanner` (``tests/parser/
test_parser_scanner.py`` checks it on the corpus and on hypothesis input) with less work per
token:

* each branch ends in its (empty) named group instead of being wrapped in it, so the regex
  engine skips a branch whose first character cannot match without entering it;
* away from a line start the line-start terminals (``(?m:^)...``) cannot match, so a second
  alternation leaves them out; at a line start, the alternation holds only the terminals
  above ``TEXT``, and when none matches, ``TEXT`` (below) or else ``CHAR`` is the token;
* there, ``TEXT`` is tried first, in a *chunked* form: the grammar's ``TEXT`` checks a
  lookahead before every character (``(?:(?!LOOK)[^STOP]){1,N}``); its lookahead can only match
  where a word starts, so the chunked form checks it once per word (``(?:[^\\w STOP]+|(?!LOOK)
  [^\\W STOP]+)+``).  The grammar bounds a text token to ``N`` characters (Python's regex engine
  keeps state per repetition); the chunked match is bounded by ``endpos`` instead, and a run
  cut there is measured again with the grammar's own pattern;
* a character that can start no ``TEXT`` (``[^STOP]``) and is a one-character literal terminal
  (``|``, ``!``, newline) is dispatched on without a regex.

Trying ``TEXT`` first away from line starts is what the grammar says: its first character is no
character that starts a terminal of higher priority there, and its lookahead refuses exactly
where a URL scheme or a magic link could start.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Iterator

from lark import Lark

from ..grammar_files import grammar_text

GRAMMAR_NAME = "wikitext.lark"
_LINE_START = "(?m:^)"
# the grammar's TEXT: (?:(?!LOOK)[^STOP]){1,N}, LOOK starting with \b (a word starts there)
_TEXT_FORM = re.compile(r"\(\?:\(\?!(\\b.*)\)\[\^(.*)\]\)\{1,([0-9]+)\}", re.S)


@lru_cache(maxsize=None)
def load_grammar() -> Lark:
    return Lark(grammar_text(GRAMMAR_NAME), parser="lalr", lexer="basic")


@lru_cache(maxsize=None)
def token_names() -> tuple[str, ...]:
    return tuple(t.name for t in _ordered_terminals())


def _ordered_terminals() -> list[Any]:
    lark = load_grammar()
    text = grammar_text(GRAMMAR_NAME)
    order = {t.name: text.find("\n" + t.name + ".") for t in lark.terminals}
    terms = [t for t in lark.terminals if not t.name.startswith("__")]
    terms.sort(key=lambda t: (-t.priority, order.get(t.name, 1 << 30)))
    return terms


def text_priority(terms: list[Any]) -> int:
    """The priority of TEXT; below it only CHAR (any one character)."""
    text_term = next(t for t in terms if t.name == "TEXT")
    below = [t.name for t in terms if t.priority < text_term.priority]
    if below != ["CHAR"] or any(t.priority == text_term.priority for t in terms if t is not text_term):
        raise ValueError("the fast scanner expects only CHAR below TEXT")  # pragma: no cover
    return int(text_term.priority)


@lru_cache(maxsize=None)
def scanner() -> re.Pattern[str]:
    """The compiled alternation; ``m.lastgroup`` names the terminal that matched.  The
    reference the fast scanner is checked against."""
    parts = []
    for term in _ordered_terminals():
        pattern = term.pattern.to_regexp()
        parts.append(f"(?P<{term.name}>{pattern})")
    return re.compile("|".join(parts))


class FastScanner:
    """The regular expressions of the fast path (see the module docstring).

    ``line_start``/``inline``: alternations (``m.lastgroup`` names the terminal, ``m.span()``
    is the token); ``text``: the chunked TEXT, to be matched with ``endpos`` at most
    ``text_limit`` characters ahead; ``text_exact``: the grammar's TEXT, for a run cut there;
    ``text_stops``: characters that start no TEXT; ``single``: one-character literal
    terminals (character -> name) that win wherever they stand away from a line start."""

    __slots__ = ("line_start", "inline", "text", "text_exact", "text_limit", "text_stops",
                 "single")

    def __init__(self, terms: list[Any]) -> None:
        def branch(term: Any) -> str:
            return f"(?:{term.pattern.to_regexp()})(?P<{term.name}>)"

        # at a line start: every terminal above TEXT; when none matches, TEXT or CHAR
        above_text = [t for t in terms if t.priority > text_priority(terms)]
        self.line_start = re.compile("|".join(branch(t) for t in above_text))
        inline = [t for t in terms if not t.pattern.to_regexp().startswith(_LINE_START)]
        self.inline = re.compile("|".join(branch(t) for t in inline))
        text_term = next(t for t in terms if t.name == "TEXT")
        form = _TEXT_FORM.fullmatch(text_term.pattern.to_regexp())
        if form is None:  # pragma: no cover - the grammar's TEXT changed shape
            raise ValueError("TEXT is not of the form (?:(?!\\b...)[^...]){1,N}")
        look, stop, limit = form.group(1), form.group(2), int(form.group(3))
        self.text = re.compile(f"(?:[^\\w{stop}]+|(?!{look})[^\\W{stop}]+)+")
        self.text_exact = re.compile(text_term.pattern.to_regexp())
        self.text_limit = limit
        stops = re.compile(f"[{stop}]")
        self.text_stops = frozenset(chr(c) for c in range(0x80) if stops.match(chr(c)))
        self.single = {t.pattern.value: t.name for t in inline
                       if type(t.pattern).__name__ == "PatternStr" and len(t.pattern.value) == 1
                       and t.pattern.value in self.text_stops}

    def parts(self) -> tuple[Callable[..., re.Match[str] | None], Callable[..., re.Match[str] | None],
                             Callable[..., re.Match[str] | None], Callable[..., re.Match[str] | None],
                             frozenset[str], int, dict[str, str]]:
        """What the bracket builder's loop binds to locals: the four ``match`` methods
        (line_start, inline, text, text_exact), the stops, the limit and the one-character
        terminals."""
        return (self.line_start.match, self.inline.match, self.text.match, self.text_exact.match,
                self.text_stops, self.text_limit, self.single)

    def tokens(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[str, int, int]]:
        """The tokens of ``text[start:end]`` as ``(terminal name, start, end)``, one after the
        other (the bracket builder's loop does the same steps inline, restarting where it
        needs to); equal to matching :func:`scanner` repeatedly."""
        end = len(text) if end is None else end
        pos = start
        while pos < end:
            at_line_start = not pos or text[pos - 1] == "\n"
            if at_line_start:
                m = self.line_start.match(text, pos, end)
                if m is not None:
                    assert m.lastgroup is not None
                    yield m.lastgroup, pos, m.end()
                    pos = m.end()
                    continue
            c = text[pos]
            if c not in self.text_stops:
                lim = pos + self.text_limit
                m = self.text.match(text, pos, lim if lim < end else end)
                if m is not None:
                    e = m.end()
                    if e == lim and lim < end:
                        exact = self.text_exact.match(text, pos, end)
                        assert exact is not None
                        e = exact.end()
                    yield "TEXT", pos, e
                    pos = e
                    continue
            elif c in self.single:
                yield self.single[c], pos, pos + 1
                pos += 1
                continue
            if at_line_start:
                yield "CHAR", pos, pos + 1
                pos += 1
                continue
            m = self.inline.match(text, pos, end)
            assert m is not None and m.lastgroup is not None  # CHAR matches any character
            yield m.lastgroup, m.start(), m.end()
            pos = m.end()


@lru_cache(maxsize=None)
def fast_scanner() -> FastScanner:
    return FastScanner(_ordered_terminals())
