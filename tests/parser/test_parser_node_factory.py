"""The parser's fast node constructors (parser/node_factory.py) build exactly the node the class's
own constructor builds: every data-class field set, to the same value.  A class that gains a
field the factory does not set fails here (reading the unset slot raises)."""

from __future__ import annotations

import dataclasses
from typing import Any, Callable

import pytest

from wikiparse.ast import (Attribute, Bold, Category, Comment, Entity, ExtensionTag, ExternalLink,
                           FileLink, Heading, ImageOption, Italic, LanguageLink, List, ListItem, Node,
                           Paragraph, Parameter, TableCell, TableRow, Tag, Template, Text, WikiLink)
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
    ("extension_tag", lambda: nf.extension_tag_node(0, 9, "ref", [], "x", KIDS, False, SRC),
     lambda: ExtensionTag((0, 9), name="ref", attrs=[], content="x", children=KIDS, closed=False,
                          origin=SRC)),
    ("external_link", lambda: nf.external_link_node(1, 8, "http://x", "autonumber", [], SRC),
     lambda: ExternalLink((1, 8), url="http://x", kind="autonumber", children=[], origin=SRC)),
    ("attribute", lambda: nf.attribute_node((2, 6), "id", "v", "'", SRC),
     lambda: Attribute((2, 6), name="id", value="v", quote="'", origin=SRC)),
    ("image_option", lambda: nf.image_option_node(3, 7, "size", "width", "20", SRC),
     lambda: ImageOption((3, 7), kind="size", name="width", value="20", origin=SRC)),
    ("language_link", lambda: nf.language_link_node(0, 9, "de", "Berlin", "de:Berlin", SRC),
     lambda: LanguageLink((0, 9), lang="de", title="Berlin", target="de:Berlin", origin=SRC)),
    ("tag", lambda: nf.tag_node(0, 9, "span", [], KIDS, "unclosed", True, SRC),
     lambda: Tag((0, 9), name="span", attrs=[], children=KIDS, kind="unclosed", self_closing=True,
                 origin=SRC)),
    ("bold", lambda: nf.quote_node(True, 1, 6, KIDS, SRC),
     lambda: Bold((1, 6), children=KIDS, origin=SRC)),
    ("italic", lambda: nf.quote_node(False, 1, 6, KIDS, SRC),
     lambda: Italic((1, 6), children=KIDS, origin=SRC)),
    ("entity", lambda: nf.entity_node(2, 7, "&amp;", "&", SRC),
     lambda: Entity((2, 7), raw="&amp;", char="&", origin=SRC)),
    ("comment", lambda: nf.comment_node(0, 8, " c ", False, SRC),
     lambda: Comment((0, 8), value=" c ", closed=False, origin=SRC)),
    ("heading", lambda: nf.heading_node(0, 9, 3, KIDS, SRC),
     lambda: Heading((0, 9), level=3, children=KIDS, origin=SRC)),
    ("file_link", lambda: nf.file_link_node(0, 9, "File:a.png", "File:A.png", "A.png", -2, True, SRC),
     lambda: FileLink((0, 9), target="File:a.png", title="File:A.png", name="A.png", namespace=-2,
                      is_media=True, origin=SRC)),
    ("category", lambda: nf.category_node(0, 9, "Category:c", "Category:C", "C", "k", KIDS, SRC),
     lambda: Category((0, 9), target="Category:c", title="Category:C", name="C", sort_key="k",
                      children=KIDS, origin=SRC)),
    ("paragraph", lambda: nf.paragraph_node(0, 4, KIDS, SRC),
     lambda: Paragraph((0, 4), children=KIDS, origin=SRC)),
    ("list", lambda: nf.list_node(0, 4, "dl", [], SRC), lambda: List((0, 4), kind="dl", origin=SRC)),
    ("list_item", lambda: nf.list_item_node(0, 4, "dd", "::", KIDS, SRC),
     lambda: ListItem((0, 4), kind="dd", marker="::", children=KIDS, origin=SRC)),
    ("table_row", lambda: nf.table_row_node(2, 9, [], [], True, SRC),
     lambda: TableRow((2, 9), implicit=True, origin=SRC)),
    ("table_cell", lambda: nf.table_cell_node(2, 9, True, [], KIDS, SRC),
     lambda: TableCell((2, 9), header=True, children=KIDS, origin=SRC)),
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
