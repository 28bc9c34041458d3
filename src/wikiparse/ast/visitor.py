"""Dispatch on a node's class: the one visitor model every emitter (and the wikitext writer) uses.

A subclass writes ``def visit_WikiLink(self, node)`` etc.; :meth:`Visitor.visit` finds the method
for the node's class along its MRO (so ``visit_Node`` catches everything) and falls back to
:meth:`Visitor.generic_visit`.  :meth:`Visitor.override` lets a subclass put a handler in front
of the methods (the emitters' render rules).  Handlers are looked up once per class.
"""

from __future__ import annotations

from typing import Callable, Generic, TypeVar

from .nodes import Node

R = TypeVar("R")


class Visitor(Generic[R]):
    """Calls ``visit_<ClassName>(node)`` for each node visited."""

    def __init__(self) -> None:
        self._handlers: dict[type[Node], Callable[[Node], R]] = {}

    def override(self, cls: type[Node]) -> Callable[[Node], R] | None:
        """A handler that takes precedence over ``visit_<cls>`` (none by default)."""
        return None

    def overridden_types(self) -> tuple[type[Node], ...]:
        """The node classes :meth:`override` has a handler for."""
        return ()

    def forget_handlers(self) -> None:
        """Drop the handler cache (after the overrides changed)."""
        self._handlers.clear()

    def _handler(self, cls: type[Node]) -> Callable[[Node], R]:
        handler = self._handlers.get(cls)
        if handler is None:
            found: Callable[[Node], R] | None = None
            for klass in cls.__mro__:
                if not (isinstance(klass, type) and issubclass(klass, Node)):
                    continue
                found = self.override(klass)
                if found is not None:
                    break
                method: Callable[[Node], R] | None = getattr(self, "visit_" + klass.__name__, None)
                if method is not None:
                    found = method
                    break
            handler = found if found is not None else self.generic_visit
            self._handlers[cls] = handler
        return handler

    def visit(self, node: Node) -> R:
        return self._handler(type(node))(node)

    def generic_visit(self, node: Node) -> R:
        raise NotImplementedError(f"{type(self).__name__} cannot handle {type(node).__name__}")
