"""The parser's fast node constructors (parser/node_factory.py) build exactly the node the class's
own constructor builds: every data-class field set, to the same value.  A class that gains a
field the factory does not set fails here (reading the unset slot raises)."""

from __future__ import annotations

import dataclasses
from typing import Any, Callable

import pytest

from wikiparse.ast import Node, Parameter, Template, Text, WikiLink
from wikiparse.parser import node_factory as nf

SRC = "abcdefghij"
KIDS: list[Node] = [Text((0, 1), value="a", origin=SRC)]


def _fields(node: Node) -> dict[str, Any]:
    return {f.name: getattr(node, f.name) for f in dataclasses.fields(node)}


CASES: list[tuple[str, Callable[[], Node], Callable[[], Node]]] = [
    ("text", lambda: nf.text_node(2, 5, SRC), lambda: Text((2, 5), value="cde", origin=SRC)),
    ("text_value", lambda: nf.text_value_node(1, 3, "\n", None), lambda: Text((1, 3), value="\n")),
    ("parameter", lambda: nf.parameter_node(0, 4, "x", True, KIDS, [], SRC),
     lambda: Parameter((0, 4), name="x", showkey=True, name_nodes=KIDS, value=[], origin=SRC)),
    ("template", lambda: nf.template_node(0, 9, "T", KIDS, [], SRC),
     lambda: Template((0, 9), name="T", name_nodes=KIDS, params=[], origin=SRC)),
    ("wikilink", lambda: nf.wikilink_node(0, 9, "a#b", "A", 4, "b", "wikt", KIDS, True, "s", True, [], SRC),
     lambda: WikiLink((0, 9), target="a#b", title="A", namespace=4, fragment="b", interwiki="wikt",
                      children=KIDS, has_text=True, trail="s", leading_colon=True, target_nodes=[],
                      origin=SRC)),
]


@pytest.mark.parametrize("name,fast,slow", CASES, ids=[c[0] for c in CASES])
def test_factory_sets_every_field_as_the_constructor(name: str, fast: Callable[[], Node],
                                                      slow: Callable[[], Node]) -> None:
    built, expected = fast(), slow()
    assert type(built) is type(expected)
    assert _fields(built) == _fields(expected)
    assert repr(built) == repr(expected)


def test_factory_nodes_get_fresh_default_lists() -> None:
    # the parser passes its own lists; nothing is shared between two nodes it did not share
    a = nf.parameter_node(0, 1, "1", False, [], [], SRC)
    b = nf.parameter_node(0, 1, "1", False, [], [], SRC)
    assert a.name_nodes is not b.name_nodes
