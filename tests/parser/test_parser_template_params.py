"""Template parameters: the name/value split at the first '=' and the nodes of each side
(one text token builds its Text directly; anything else goes through the passes)."""

from __future__ import annotations

from typing import Any

import pytest

import wikiparse
from wikiparse.ast import Node, ParserFunction, Template


def _nodes(nodes: list[Node]) -> list[tuple[Any, ...]]:
    return [(n.type, n.span, getattr(n, "value", None) if n.type == "Text" else None) for n in nodes]


def _template(src: str) -> Template:
    doc = wikiparse.parse(src)
    found = [n for n in doc.walk() if isinstance(n, Template)]
    assert found, src
    return found[0]


@pytest.mark.parametrize("src,expected", [
    # name, showkey, name nodes, value nodes
    ("{{t| a =b}}", [("a", True, [("Text", (4, 7), " a ")], [("Text", (8, 9), "b")])]),
    ("{{t|b}}", [("1", False, [], [("Text", (4, 5), "b")])]),
    ("{{t|a==b}}", [("a", True, [("Text", (4, 5), "a")], [("Text", (6, 8), "=b")])]),
    ("{{t|=b}}", [("", True, [], [("Text", (5, 6), "b")])]),
    ("{{t|a=}}", [("a", True, [("Text", (4, 5), "a")], [])]),
    ("{{t|x|y=1|z}}", [("1", False, [], [("Text", (4, 5), "x")]),
                       ("y", True, [("Text", (6, 7), "y")], [("Text", (8, 9), "1")]),
                       ("2", False, [], [("Text", (10, 11), "z")])]),
    ("{{t|''a''=b}}", [("''a''", True, [("Italic", (4, 9), None)], [("Text", (10, 11), "b")])]),
    ("{{t|a{{u}}=b}}", [("a{{u}}", True, [("Text", (4, 5), "a"), ("Template", (5, 10), None)],
                         [("Text", (11, 12), "b")])]),
])
def test_parameter_names_and_values(src: str, expected: list[tuple[Any, ...]]) -> None:
    tpl = _template(src)
    got = [(p.name, p.showkey, _nodes(p.name_nodes), _nodes(p.value)) for p in tpl.params]
    assert got == expected
    assert str(wikiparse.parse(src)) == src


@pytest.mark.parametrize("src,name,first", [
    ("{{#if: x | y }}", "#if", [("Text", (6, 9), " x ")]),
    ("{{lc:ABC}}", "lc", [("Text", (5, 8), "ABC")]),
    ("{{ #tag : b }}", "#tag", [("Text", (9, 12), " b ")]),
])
def test_parser_function_name_ends_at_the_first_colon(src: str, name: str,
                                                     first: list[tuple[Any, ...]]) -> None:
    node = wikiparse.parse(src).children[0].children[0]
    assert isinstance(node, ParserFunction)
    assert node.name == name
    assert _nodes(node.args[0].value) == first


@pytest.mark.parametrize("src", ["{{Help:x}}", "{{Wikipedia:Foo|a}}", "{{a:b:c}}"])
def test_colon_names_that_are_no_function_are_templates(src: str) -> None:
    assert isinstance(_template(src), Template)
