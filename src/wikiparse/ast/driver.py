"""The visitor's driver loop (:meth:`wikiparse.ast.Visitor.visit` for generator handlers) as a
plain function, so that a compiled build can compile it (``hatch_build.py``): the
:class:`~wikiparse.ast.Visitor` class itself stays Python, as every emitter subclasses it.

It imports nothing of the tree but :class:`~wikiparse.ast.nodes.Node`; the handlers, the
generators they return and the nodes stay interpreted objects.
"""

from __future__ import annotations

from typing import Any, Callable

from .nodes import Node

__all__ = ["drive"]


def drive(
    first: Any,
    handlers: dict[type, Callable[[Any], Any]],
    find: Callable[[type], Callable[[Any], Any]],
    combine: Callable[[list[Any]], Any] | None,
    generator_classes: dict[type, bool],
    is_generator: Callable[[object], bool],
) -> Any:
    """Run the generator ``first`` and the generator handlers it reaches on an explicit stack
    (see :meth:`wikiparse.ast.Visitor._drive`): a yielded node is visited (its handler pushed
    when it is a generator too), a yielded list of nodes is walked here, in one loop, each
    child's result collected until a child's handler is a generator (then the list's place is
    kept on the stack under it), and each result is sent back to the generator that asked.

    ``handlers`` caches node class -> handler, ``find`` fills it; ``combine`` makes a list's
    result of its children's (None: ``"".join``); ``generator_classes`` caches result class ->
    whether it is a generator, ``is_generator`` fills it."""
    # each entry: a generator, or a list being walked as (its results, an iterator over the
    # nodes left)
    stack: list[Any] = [first]
    value: Any = None
    results: list[Any]
    rest: Any
    while True:
        top = stack[-1]
        if type(top) is tuple:
            # a child generator of this list finished with ``value``
            stack.pop()
            results, rest = top
            results.append(value)
        else:
            try:
                request = top.send(value)
            except StopIteration as done:
                stack.pop()
                if not stack:
                    return done.value
                value = done.value
                continue
            if type(request) is not list and isinstance(request, Node):
                handler = handlers.get(type(request))
                if handler is None:
                    handler = find(type(request))
                value = handler(request)
                if type(value) is not str and is_generator(value):
                    stack.append(value)
                    value = None
                continue
            results = []
            rest = iter(request)
        pushed = False
        for child in rest:
            # (a handler is a function or bound method: never false)
            result = (handlers.get(type(child)) or find(type(child)))(child)
            if type(result) is not str:
                generator = generator_classes.get(type(result))
                if generator is None:
                    generator = is_generator(result)
                if generator:
                    stack.append((results, rest))
                    stack.append(result)
                    value = None
                    pushed = True
                    break
            results.append(result)
        if not pushed:
            value = "".join(results) if combine is None else combine(results)
