"""Attribute lists of HTML tags, extension tags and table markup, read as MediaWiki's
Sanitizer reads them: ``name``, ``name=value``, ``name="value"``, ``name='value'``."""

from __future__ import annotations

import re
from typing import Callable, Sequence, Union

from ..ast import Attribute, Node
from .context import Context
from .items import Item, Tok, flatten, item_end, item_start
from .node_factory import attribute_node

# a quoted value may run to the end of the attribute text without its closing quote
# (``title="Hello world>``), as in MediaWiki's Sanitizer
_ATTR = re.compile(
    r"""([^\s/>="'\x00][^\s/>=\x00]*)(?:\s*=\s*(?:"([^"]*)(?:"|\Z)|'([^']*)(?:'|\Z)|([^\s"'>]+)))?"""
)


def parse_attributes(ctx: Context, start: int, end: int) -> list[Attribute]:
    """Attributes written in ``ctx.text[start:end]``; junk between them is skipped (it stays
    in the source, as MediaWiki drops it)."""
    attrs: list[Attribute] = []
    if start >= end:
        return attrs
    text = ctx.text
    for m in _ATTR.finditer(text, start, end):
        at = m.start()
        name, double, single, bare = m.groups()
        if at > start:
            before = text[at - 1]
            if not before.isspace() and before != '"' and before != "'":
                # junk glued to what precedes it (``<span>`` markup in a cell's attribute
                # part): MediaWiki's Sanitizer reads an attribute only at the start, after
                # whitespace or after a closing quote
                continue
        first = name[0]
        if not (first.isalnum() or first == "_" or first == ":"):
            continue  # a name starts with a letter, digit, ':' or '_' (``[:\w]``)
        if double is not None:
            value, quote = double, '"'
        elif single is not None:
            value, quote = single, "'"
        else:
            value, quote = bare, ""
        attrs.append(attribute_node((at, m.end()), name.lower(), value, quote, text))
    return attrs


def tag_attributes(ctx: Context, scan: Callable[[int, int], list[Item]], start: int,
                   end: int) -> list[Attribute]:
    """Attributes of an HTML or extension tag; templates written inside them (``style=
    "{{x}}"``), which MediaWiki expands first, become children of their attribute (``scan``
    is the bracket pass that finds them)."""
    if ctx.text.find("{{", start, end) < 0:
        return parse_attributes(ctx, start, end)
    return attributes_from_items(ctx, flatten(scan(start, end)))


def attributes_from_items(ctx: Context, items: Sequence[Union[Node, Tok]]) -> list[Attribute]:
    """Attributes of table markup, whose region may hold templates or comments: those nodes
    become children of the attribute they sit in (or of a nameless one between attributes)."""
    if not items:
        return []
    start, end = item_start(items[0]), item_end(items[-1])
    attrs = parse_attributes(ctx, start, end)
    nodes = [it for it in items if not isinstance(it, Tok)]
    if not nodes:
        return attrs
    # a node swallows the attributes the regex saw inside it (e.g. in {{{style|a=b}}})
    result: list[Attribute] = []
    ni = 0
    for attr in attrs:
        a0, a1 = attr.span
        while ni < len(nodes) and nodes[ni].span[1] <= a0:
            node = nodes[ni]
            result.append(Attribute(node.span, name="", children=[node], origin=ctx.text))
            ni += 1
        inside = False
        while ni < len(nodes) and nodes[ni].span[0] >= a0 and nodes[ni].span[1] <= a1:
            attr.children.append(nodes[ni])
            ni += 1
            inside = True
        if not inside and ni < len(nodes) and nodes[ni].span[0] < a1:
            continue  # attribute text overlapping a node: the node wins
        result.append(attr)
    while ni < len(nodes):
        node = nodes[ni]
        result.append(Attribute(node.span, name="", children=[node], origin=ctx.text))
        ni += 1
    # drop attributes overlapping a nameless holder (keeps siblings disjoint)
    cleaned: list[Attribute] = []
    last_end = -1
    for attr in sorted(result, key=lambda a: a.span):
        if attr.span[0] < last_end:
            if attr.name == "" and cleaned and cleaned[-1].name:
                cleaned.pop()
            else:
                continue
        cleaned.append(attr)
        last_end = attr.span[1]
    return cleaned
