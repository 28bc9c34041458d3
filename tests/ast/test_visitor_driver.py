"""The visitor's explicit-stack driver: lists of children walked in its loop, and generator
handlers recognised whatever their class (mypyc compiles generators into classes that are not
``types.GeneratorType``)."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import wikiparse
import wikiparse.ast as ast
from wikiparse.ast.visitor import Visitor, is_visiting


class _CompiledLikeGenerator(Generator[Any, Any, Any]):
    """A generator object of another class, as mypyc makes them: yields ``inner``'s children,
    returns them bracketed."""

    def __init__(self, node: ast.Node) -> None:
        self.node = node
        self.step = 0

    def send(self, value: Any) -> Any:
        self.step += 1
        if self.step == 1:
            return list(self.node.child_nodes())
        raise StopIteration(f"[{value}]")

    def throw(self, *args: Any) -> Any:  # pragma: no cover - the driver never throws
        raise StopIteration


class _Brackets(Visitor[str]):
    def visit_Text(self, node: ast.Text) -> str:
        return node.value

    def visit_Bold(self, node: ast.Bold) -> _CompiledLikeGenerator:
        return _CompiledLikeGenerator(node)

    def generic_visit(self, node: ast.Node) -> Any:
        return (yield list(node.child_nodes()))


def test_generators_of_any_generator_class_are_driven() -> None:
    doc = wikiparse.parse("a '''b ''c'' d''' e")
    assert not isinstance(_CompiledLikeGenerator(doc), type((lambda: (yield))()))
    assert is_visiting(_CompiledLikeGenerator(doc))
    assert not is_visiting("text") and not is_visiting(["a"])
    assert _Brackets().visit(doc) == "a [b c d] e"


def test_a_list_with_generator_children_keeps_its_order() -> None:
    # leaves and containers interleaved at many levels: each result lands in its place
    text = "x " + "".join(f"'''b{i} ''i{i}'' c{i}''' t{i} " for i in range(50))
    doc = wikiparse.parse(text)
    assert _Brackets().visit(doc) == "x " + "".join(f"[b{i} i{i} c{i}] t{i} " for i in range(50))
