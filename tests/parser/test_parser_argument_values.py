"""A template argument's value skips the block passes when they would change nothing
(``ConstructBuilder._value``): the nodes are exactly those ``blocks(items, "lines")`` builds,
for values of one or more lines, with and without markup the block passes do read."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wikiparse
from wikiparse.ast import Node, Template
from wikiparse.config import Limits, SiteConfig
from wikiparse.parser import driver
from wikiparse.parser.context import Context


def _dump(value: Any) -> Any:
    """A node tree as nested tuples of every data-class field (spans, values, children)."""
    if isinstance(value, Node):
        return (type(value).__name__,
                tuple((f.name, _dump(getattr(value, f.name))) for f in dataclasses.fields(value)
                      if f.name != "origin"))
    if isinstance(value, list):
        return [_dump(v) for v in value]
    return value


def _both(text: str) -> tuple[Any, Any]:
    parser = driver.Parser(Context(text, SiteConfig(), Limits()))
    items = parser.scan(0, len(text))
    fast = parser.constructs._value(list(items))  # type: ignore[attr-defined]
    slow = parser.blocks(items, "lines")
    return _dump(fast), _dump(slow)


VALUES = [
    " value\n",                 # an infobox line: text and its newline
    " value\n ",                # ... and the next line's leading space
    "\n",
    "\n\n",
    "a\n\nb\n",                 # a blank line between
    " [[Link]] text\n",
    " [[Link]]\n",
    " {{inner|x}}\n",
    "{{a}}\n{{b}}\n",
    " [http://example.org x]\n",
    " a<ref>r</ref>\n",
    " a\n b\n",                 # a second line starting with a space: no pre in lines mode
    " a!b=c\n",
    # what the block passes do read: the slow path must be taken and agree
    " a\n* item\n",
    " a\n== h ==\n",
    " a\n----\n",
    " ''it''\n",
    " a\n<!-- c -->\n",
    " <div>a</div>\n",
    " a<br>b\n",
    " __NOTOC__\n",
    " a\n{|\n|x\n|}\n",
    " &amp; b\n",
]


@pytest.mark.parametrize("text", VALUES)
def test_value_nodes_are_the_block_passes_nodes(text: str) -> None:
    fast, slow = _both(text)
    assert fast == slow


_PIECES = ["a", " ", "b c", "\n", "\n ", "\t", "[[L]]", "[[L|x]]", "{{t}}", "{{t|p=q}}", "!", "=",
           "''", "<b>", "</b>", "<!-- c -->", "*", "#", ":", "----", "==", "{|", "|}", "|",
           "&amp;", "<ref>r</ref>", "http://example.org", "[http://example.org x]", "~~~~",
           "__TOC__", "<div>", "</div>"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=10))
def test_value_nodes_agree_on_generated_values(pieces: list[str]) -> None:
    fast, slow = _both("".join(pieces))
    assert fast == slow


def test_infobox_value_is_one_text_with_its_newline() -> None:
    doc = wikiparse.parse("{{Infobox\n| name = Berlin\n| map = [[File:B.png]]\n}}")
    tpl = doc.children[0].children[0]
    assert isinstance(tpl, Template)
    first, second = tpl.params
    assert [(n.type, n.span, getattr(n, "value", None)) for n in first.value] == [
        ("Text", (18, 26), " Berlin\n")]
    assert [n.type for n in second.value] == ["Text", "FileLink", "Text"]
    assert str(doc) == "{{Infobox\n| name = Berlin\n| map = [[File:B.png]]\n}}"
