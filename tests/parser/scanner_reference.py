"""The reference the fast scanner is checked against: the grammar's own alternation, matched
token by token (shared by tests/parser/test_parser_scanner*.py)."""

from __future__ import annotations

from wikiparse.parser.scanner import scanner


def reference_tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """(terminal, start, end) of every token of ``text[start:end]`` by the regex alternation."""
    end = len(text) if end is None else end
    out = []
    pos = start
    match = scanner().match
    while pos < end:
        m = match(text, pos, end)
        assert m is not None and m.lastgroup is not None
        out.append((m.lastgroup, m.start(), m.end()))
        pos = m.end()
    return out
