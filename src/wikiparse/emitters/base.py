"""Emitter base class: one method per node type, dispatch on the node's class.

A subclass writes ``def visit_WikiLink(self, node)`` etc. (the dispatch is
:class:`wikiparse.ast.Visitor`'s); nodes without a method go to ``generic_visit``.  A user
overrides one node's rendering on an instance without subclassing:
``emitter.add_render_rule(WikiLink, fn)`` where ``fn(emitter, node)`` returns the output piece.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Any, Callable, ClassVar, Iterator

from ..ast import Document, Node, Visitor
from ..ast.visitor import Visiting, is_visiting

__all__ = ["Emitter", "RenderRule", "Visiting", "gc_paused", "is_visiting"]

RenderRule = Callable[[Any, Node], Any]


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off for a render.  A walk makes no reference cycles, but
    its many short-lived generators and lists trigger collections that rescan the whole live
    tree each time: superlinear on large pages (as in the parser, which pauses it too)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


class Emitter(Visitor[Any]):
    """Walks a tree and produces output.  Options are keyword arguments of the constructor; each
    emitter declares the ones it takes in :attr:`OPTIONS`, and any other raises TypeError."""

    #: registry name (set by subclasses)
    name: str = ""
    #: the names of the options the constructor accepts
    OPTIONS: ClassVar[frozenset[str]] = frozenset()
    #: node types this emitter renders only as part of their parent (a tag's attributes, a
    #: template's parameters...): never visited on their own, so no render rule can apply
    PARTS: ClassVar[frozenset[type[Node]]] = frozenset()

    def __init__(self, **options: Any) -> None:
        super().__init__()
        unknown = sorted(set(options) - self.OPTIONS)
        if unknown:
            valid = ", ".join(sorted(self.OPTIONS)) or "none"
            raise TypeError(f"{type(self).__name__} got unknown option(s) {', '.join(unknown)}; "
                            f"valid options: {valid}")
        self.options = options
        self._rules: dict[type[Node], RenderRule] = {}
        self.source: str = ""

    def add_render_rule(self, node_type: type[Node], rule: RenderRule) -> None:
        """Use ``rule(emitter, node)`` for nodes of ``node_type`` (and its subclasses).

        Raises TypeError for a type this emitter renders only inside its parent (:attr:`PARTS`),
        where the rule would never run."""
        if not (isinstance(node_type, type) and issubclass(node_type, Node)):
            raise TypeError(f"add_render_rule needs a node class, got {node_type!r}")
        if not callable(rule):
            raise TypeError(f"a render rule must be callable, got {rule!r}")
        if node_type in self.PARTS:
            raise TypeError(
                f"the {self.name or type(self).__name__} emitter renders {node_type.__name__} "
                "only as part of its parent, so a rule for it would never run; add the rule "
                "for the parent node type instead")
        self._rules[node_type] = rule
        self.forget_handlers()

    def override(self, cls: type[Node]) -> Callable[[Node], Any] | None:
        rule = self._rules.get(cls)
        if rule is None:
            return None
        return lambda node: rule(self, node)

    def overridden_types(self) -> tuple[type[Node], ...]:
        return tuple(self._rules)

    def source_of(self, node: Node) -> str:
        """The text ``node``'s spans index ("" when it has none: a tree built by hand)."""
        if node.origin is not None:
            return node.origin
        return node.source if isinstance(node, Document) else ""

    def render(self, node: Node) -> Any:
        """Render ``node`` (a Document or any node of one)."""
        self.source = self.source_of(node)
        return self.visit(node)
