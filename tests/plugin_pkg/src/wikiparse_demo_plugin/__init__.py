"""A third-party emitter: the page's text in upper case (a fixture for the entry-point test)."""

from __future__ import annotations

from wikiparse import ast
from wikiparse.emitters.base import Emitter


class ShoutEmitter(Emitter):
    name = "shout"

    def visit_Text(self, node: ast.Text) -> str:
        return node.value.upper()

    def generic_visit(self, node: ast.Node) -> str:
        return "".join(self.visit(child) for child in node.child_nodes())
