"""Read-only queries over a tree, as functions: the source text of nodes, plain titles, sections.

The tree answers these itself (``str(node)``, ``heading.title``, ``doc.get_sections()``); the
functions are kept for code that calls them directly.
"""

from __future__ import annotations

from .ast import Node, Text, plain_title, sections

__all__ = ["node_source", "plain_title", "sections"]


def node_source(node: Node, source: str | None = None) -> str:
    """The wikitext a node covers: ``source[span]`` when ``source`` is given, else ``str(node)``."""
    if isinstance(node, Text):
        return node.value
    if source is None:
        return str(node)
    return source[node.span[0] : node.span[1]]
