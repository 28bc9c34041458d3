"""Emitter base class: one method per node type, dispatch on the node's class.

A subclass writes ``def visit_WikiLink(self, node)`` etc.; nodes without a method go to
``generic_visit``.  A user overrides one node's rendering on an instance without subclassing:
``emitter.add_render_rule(WikiLink, fn)`` where ``fn(emitter, node)`` returns the output piece.
"""

from __future__ import annotations

from typing import Any, Callable

from ..ast import Document, Node

RenderRule = Callable[[Any, Node], Any]


class Emitter:
    """Walks a tree and produces output.  Options are keyword arguments of the constructor."""

    #: registry name (set by subclasses)
    name: str = ""

    def __init__(self, **options: Any) -> None:
        self.options = options
        self._rules: dict[type[Node], RenderRule] = {}
        self._cache: dict[type[Node], Callable[[Node], Any]] = {}
        self.source: str = ""

    def add_render_rule(self, node_type: type[Node], rule: RenderRule) -> None:
        """Use ``rule(emitter, node)`` for nodes of ``node_type`` (and its subclasses)."""
        self._rules[node_type] = rule
        self._cache.clear()

    def _handler(self, cls: type[Node]) -> Callable[[Node], Any]:
        handler = self._cache.get(cls)
        if handler is None:
            for klass in cls.__mro__:
                rule = self._rules.get(klass)
                if rule is not None:
                    handler = (lambda r: (lambda node: r(self, node)))(rule)
                    break
                method = getattr(self, "visit_" + klass.__name__, None)
                if method is not None:
                    handler = method
                    break
            else:
                handler = self.generic_visit
            self._cache[cls] = handler
        return handler

    def visit(self, node: Node) -> Any:
        return self._handler(type(node))(node)

    def generic_visit(self, node: Node) -> Any:
        raise NotImplementedError(f"{type(self).__name__} cannot render {type(node).__name__}")

    def render(self, node: Node) -> Any:
        """Render ``node``; a Document sets ``self.source`` for emitters that need raw text."""
        if isinstance(node, Document):
            self.source = node.source
        return self.visit(node)
