"""Lines of a rendered page: ``grammar/rendered.lark`` loaded with a vocabulary, read into records.

The grammar (Lark, LALR with the contextual lexer, records built inline by a transformer, so no
parse tree is kept) splits the text into lines and reads each line's local structure.  Its
vocabulary terminals are filled in from a :class:`~.vocabulary.Vocabulary` through Lark's
``edit_terminals``; one compiled parser is kept per vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lark import Lark, Token, Transformer
from lark.lexer import PatternRE, TerminalDef

from ..grammar_files import grammar_text as _grammar_source
from .vocabulary import Vocabulary

GRAMMAR_NAME = "rendered.lark"

Span = tuple[int, int]


@dataclass(slots=True)
class Line:
    """One non-blank line as the grammar read it.

    ``kind``: heading, marker (an edit marker alone), lead_heading (marker, then title), glued
    (title, then a bare edit word), file, category, navigation, toc_header, toc_entry, chrome or
    text.  ``parts`` are spans of the line's pieces: heading and glued (title, marker);
    lead_heading (marker, title); file (namespace, name); category and navigation (label,
    item...); toc_entry (number, title); none for the others.
    """

    kind: str
    start: int
    end: int
    parts: tuple[Span, ...] = ()


def grammar_text() -> str:
    """The rendered dialect's grammar source (see :mod:`wikiparse.grammar_files`)."""
    return _grammar_source(GRAMMAR_NAME)


def _span(token: Token) -> Span:
    return (token.start_pos or 0, token.end_pos or 0)


def _tokens(children: list[Any]) -> list[Token]:
    return [c for c in children if isinstance(c, Token)]


def _line(kind: str, children: list[Any], parts: tuple[Span, ...] = ()) -> Line:
    tokens = _tokens(children)
    return Line(kind, tokens[0].start_pos or 0, max(t.end_pos or 0 for t in tokens), parts)


class _LineReader(Transformer[Token, Any]):
    """Turns each line rule into a :class:`Line` as the parser reduces it."""

    def start(self, children: list[Any]) -> list[Line]:
        return [c for c in children if isinstance(c, Line)]

    def blank_line(self, children: list[Any]) -> None:
        return None

    def heading(self, children: list[Any]) -> Line:
        title, marker = children[0], children[1]
        return _line("heading", children, (_span(title), _span(marker)))

    def marker_line(self, children: list[Any]) -> Line:
        return _line("marker", children)

    def lead_heading(self, children: list[Any]) -> Line:
        return _line("lead_heading", children, (_span(children[0]), _span(children[1])))

    def glued_heading(self, children: list[Any]) -> Line:
        return _line("glued", children, (_span(children[0]), _span(children[1])))

    def file_line(self, children: list[Any]) -> Line:
        return _line("file", children, (_span(children[0]), _span(children[1])))

    def category_item(self, children: list[Any]) -> Token | None:
        return children[0] if children else None

    navigation_item = category_item

    def category_line(self, children: list[Any]) -> Line:
        return self._labelled("category", children, "CATEGORY_SEP")

    def navigation_line(self, children: list[Any]) -> Line:
        return self._labelled("navigation", children, "NAVIGATION_SEP")

    def _labelled(self, kind: str, children: list[Any], sep: str) -> Line:
        label = children[0]
        items = tuple(_span(c) for c in children[1:] if isinstance(c, Token) and c.type != sep)
        return _line(kind, children, (_span(label), *items))

    def toc_header(self, children: list[Any]) -> Line:
        return _line("toc_header", children)

    def toc_entry(self, children: list[Any]) -> Line:
        return _line("toc_entry", children, (_span(children[0]), _span(children[1])))

    def chrome_line(self, children: list[Any]) -> Line:
        return _line("chrome", children)

    def text_line(self, children: list[Any]) -> Line:
        return _line("text", children)


@lru_cache(maxsize=8)
def line_parser(vocabulary: Vocabulary) -> Lark:
    """The grammar compiled with ``vocabulary``'s terminals (cached per vocabulary)."""
    patterns = vocabulary.terminal_patterns

    def fill(terminal: TerminalDef) -> TerminalDef:
        pattern = patterns.get(terminal.name)
        if pattern is not None:
            re.compile(pattern)  # a bad vocabulary fails here, at load time, with re's message
            terminal.pattern = PatternRE(pattern)
        return terminal

    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        transformer=_LineReader(),
        edit_terminals=fill,
        maybe_placeholders=False,
    )


def read_lines(text: str, vocabulary: Vocabulary) -> list[Line]:
    """The non-blank lines of ``text`` as records; raises Lark's errors (the caller recovers)."""
    result = line_parser(vocabulary).parse(text)
    assert isinstance(result, list)
    return result


_LINE = re.compile(r"[^\r\n]+")


def plain_lines(text: str) -> list[Line]:
    """Every non-blank line as text: the reading used when the grammar fails (never expected)."""
    return [Line("text", m.start(), m.end()) for m in _LINE.finditer(text)]


__all__ = ["Line", "grammar_text", "line_parser", "plain_lines", "read_lines"]
