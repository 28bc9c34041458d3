"""A stable, readable text dump of a tree: one node per line, indented by depth.

    Heading [0,8] level=2
      Text [2,6] ' Hi '

Scalar fields that differ from their defaults are shown as ``name=repr``; child lists are
shown as nested lines.  Used by the fixture tests and handy when debugging.
"""

from __future__ import annotations

from dataclasses import MISSING, fields

from .ast import BOOKKEEPING_FIELDS, Document, Node

_SKIP = {"span", "source", "config", "diagnostics", "CHILD_FIELDS"} | BOOKKEEPING_FIELDS


def format_tree(node: Node) -> str:
    lines: list[str] = []
    stack: list[tuple[Node, int]] = [(node, 0)]
    while stack:
        current, depth = stack.pop()
        lines.append("  " * depth + _describe(current))
        kids = list(current.child_nodes())
        for kid in reversed(kids):
            stack.append((kid, depth + 1))
    return "\n".join(lines) + "\n"


def _describe(node: Node) -> str:
    parts = [f"{node.type} [{node.span[0]},{node.span[1]}]"]
    for f in fields(node):
        if f.name in _SKIP or f.name in node.CHILD_FIELDS:
            continue
        value = getattr(node, f.name)
        if isinstance(value, (list, Node)) or (value is None and f.name == "caption"):
            continue
        default = f.default if f.default is not MISSING else None
        if value == default or (isinstance(node, Document) and f.name == "dialect"):
            continue
        parts.append(f"{f.name}={value!r}")
    return " ".join(parts)
