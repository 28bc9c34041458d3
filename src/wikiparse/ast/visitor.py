"""Dispatch on a node's class: the one visitor model every emitter (and the wikitext writer) uses.

A subclass writes ``def visit_WikiLink(self, node)`` etc.; :meth:`Visitor.visit` finds the method
for the node's class along its MRO (so ``visit_Node`` catches everything) and falls back to
:meth:`Visitor.generic_visit`.  :meth:`Visitor.override` lets a subclass put a handler in front
of the methods (the emitters' render rules).  Handlers are looked up once per class.

A handler that needs its children's output is a generator: it yields a node (and gets that
node's result back) or a list of nodes (and gets :meth:`Visitor.combine` of their results,
``"".join`` by default)::

    def visit_Bold(self, node):
        inner = yield node.children
        return f"<b>{inner}</b>"

:meth:`Visitor.visit` runs such handlers on an explicit stack of generators, so the depth of the
tree costs no Python stack: no nesting can raise ``RecursionError``, in any thread, and no
recursion limit is touched.  A handler that needs nothing from its children returns its result
directly (the fast path for leaves).
"""

from __future__ import annotations

from collections.abc import Generator as GeneratorABC
from types import GeneratorType
from typing import Any, Callable, Generator, Generic, TypeVar

from .driver import drive
from .nodes import Node

R = TypeVar("R")

#: what a generator handler is: it yields nodes or lists of nodes, is sent their results, and
#: returns its own
Visiting = Generator[Any, Any, Any]


def is_visiting(value: object) -> bool:
    """Whether a handler's result is a generator still to be driven.  Generators of modules
    compiled with mypyc are not ``types.GeneratorType`` but are ``collections.abc.Generator``s."""
    return type(value) is GeneratorType or isinstance(value, GeneratorABC)


class Visitor(Generic[R]):
    """Calls ``visit_<ClassName>(node)`` for each node visited."""

    def __init__(self) -> None:
        self._handlers: dict[type[Node], Callable[[Node], R]] = {}
        #: result class -> whether it is a generator class (see :func:`is_visiting`)
        self._generator_classes: dict[type, bool] = {str: False, GeneratorType: True}

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
        result: Any = self._handler(type(node))(node)
        if self._is_generator(result):
            # the driver called here, not through _drive: one Python frame per nesting level
            # (a handler that visits its children itself recurses through visit)
            combine = None if type(self).combine is Visitor.combine else self.combine
            return drive(result, self._handlers, self._handler, combine,  # type: ignore[no-any-return]
                         self._generator_classes, self._is_generator)
        return result  # type: ignore[no-any-return]

    def _is_generator(self, value: object) -> bool:
        cls = type(value)
        known = self._generator_classes.get(cls)
        if known is None:
            known = self._generator_classes[cls] = issubclass(cls, GeneratorABC)
        return known

    def combine(self, results: list[Any]) -> Any:
        """The result of a list of nodes from their results (what ``yield nodes`` gets)."""
        return "".join(results)

    def _drive(self, first: Visiting) -> Any:
        """Run generator handlers on an explicit stack (:func:`.driver.drive`): a yielded node
        is visited (its handler pushed when it is a generator too), a yielded list of nodes is
        walked in one loop, each child's result collected until a child's handler is a
        generator (then the list's place is kept on the stack under it), and each result is
        sent back to the generator that asked (a list's results through :meth:`combine`).

        Most nodes are leaves whose handler returns its result at once, so the list loop
        costs one dictionary look-up and one call per child: no generator round trip."""
        # the default combine is "".join: the driver calls that directly
        combine = None if type(self).combine is Visitor.combine else self.combine
        return drive(first, self._handlers, self._handler, combine,
                     self._generator_classes, self._is_generator)

    def generic_visit(self, node: Node) -> R:
        raise NotImplementedError(f"{type(self).__name__} cannot handle {type(node).__name__}")
