"""``Parser.blocks``' shortcuts for a "lines" container (template arguments, ``<ref>``
content) give exactly what the block passes give: plain text, one line of inline content, and
lines of plain text with their newlines (most multi-line template arguments)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wikiparse.config import Limits, SiteConfig
from wikiparse.parser.context import Context
from wikiparse.parser.driver import Parser
from wikiparse.parser.items import ContainerState, flatten

PIECES = ["a", "b c", " ", "  ", "\n", "\n\n", "|", "=", "==", "!", "[[b]]", "{{c}}", "<!--x-->",
          "''", "'''", "*", ":", ";", "{|", "|}", "|-", "<div>", "</div>", "<b>", "&amp;", "----",
          "__TOC__"]


def _both(text: str) -> tuple[str, str]:
    parser = Parser(Context(text, SiteConfig(), Limits()))
    items = parser.scan(0, len(text))
    fast = parser.blocks(items, "lines")
    state = ContainerState(flatten(items), "lines")
    if state.items:
        for run in parser.block_passes:
            run(state)
    return repr(fast), repr(state.nodes)


def test_plain_lines_are_text_with_their_newlines() -> None:
    fast, full = _both("a = b\n c\n\nd|e\n")
    assert fast == full
    assert fast.count("Text(") == 1  # one run: 'a = b\n c\n\nd|e\n'


@pytest.mark.parametrize("text", [
    "a\n<!--x-->\nb",  # a comment-only line loses its newline to the comment
    "<!--x-->\n", "a\n <!--x-->\nb\n", "a\n<!--x-->", "[[b]]\nc", "a\n\n\n", "\n",
    "a\n __TOC__\n", "a\n*b\n", "a\n{|\n|b\n|}\n", "a\n== h ==\nb", "a\n<div>b</div>\n",
])
def test_lines_shortcuts_match_the_block_passes_on(text: str) -> None:
    fast, full = _both(text)
    assert fast == full


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_lines_shortcuts_match_the_block_passes(pieces: list[str]) -> None:
    fast, full = _both("".join(pieces))
    assert fast == full


# mostly what the shortcut takes: text, spaces, newlines, a link, and now and then a comment
PLAINISH = ["a", " ", "\n", "|", "=", "!", "[[b]]", "{{c}}", "<!--x-->"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PLAINISH), max_size=10))
def test_plain_lines_shortcut_matches_the_block_passes(pieces: list[str]) -> None:
    fast, full = _both("".join(pieces))
    assert fast == full
