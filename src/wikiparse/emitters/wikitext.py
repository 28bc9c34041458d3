"""Wikitext emitter: the source back, byte for byte, re-serialising only edited nodes.

Unedited nodes are copied from ``Document.source`` by span.  A node marked ``dirty`` (by the
editing API) is written from its fields; its unedited children are again copied from the source.
"""

from __future__ import annotations

from typing import Any

from .. import ast
from . import register
from .base import Emitter


class WikitextEmitter(Emitter):
    name = "wikitext"

    def render(self, node: ast.Node) -> str:
        if isinstance(node, ast.Document):
            self.source = node.source
            if not any(n.dirty for n in node.walk()):
                return node.source
        return str(self.visit(node))

    def generic_visit(self, node: ast.Node) -> Any:
        if not node.dirty:
            if isinstance(node, ast.Text):
                return node.value
            return self.source[node.span[0] : node.span[1]]
        from ..editing import serialise_dirty

        return serialise_dirty(self, node)


def to_wikitext(node: ast.Node, source: str | None = None) -> str:
    """Wikitext of a document (``to_wikitext(parse(s)) == s``) or of a node of it."""
    emitter = WikitextEmitter()
    if source is not None:
        emitter.source = source
    return emitter.render(node)


register("wikitext", WikitextEmitter)
