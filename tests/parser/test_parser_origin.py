"""Every node the wikitext parser builds knows its origin (the source its span indexes), set at
construction: ``wikiparse.parse`` does not walk the tree again to attach it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import wikiparse
from wikiparse import ast as wast
from wikiparse.config import Limits
from wikiparse.parser import driver

PARSER = Path(driver.__file__).parent
NODE_CLASSES = set(wast.NODE_TYPES)


def _constructor_calls_without_origin(path: Path) -> list[int]:
    missing = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        names = [func.id] if isinstance(func, ast.Name) else (
            [getattr(func.body, "id", None), getattr(func.orelse, "id", None)]
            if isinstance(func, ast.IfExp) else [])
        if any(n in NODE_CLASSES for n in names) and not any(k.arg == "origin" for k in node.keywords):
            missing.append(node.lineno)
    return missing


@pytest.mark.parametrize("path", sorted(PARSER.glob("*.py")), ids=lambda p: p.name)
def test_every_node_built_in_the_parser_gets_its_origin(path: Path) -> None:
    assert _constructor_calls_without_origin(path) == []


@pytest.mark.parametrize("limits", [Limits(max_nodes=6), Limits(max_depth=2), Limits(max_input=12)])
def test_origin_on_the_degraded_paths(limits: Limits) -> None:
    src = "{{a|[[b|{{c|<ref>d</ref>}}]]}}\n{|\n|x\n|}\n== h ==\n* l <b>t</b> ''i''"
    doc = wikiparse.parse(src, limits=limits)
    assert all(node.origin is src for node in doc.walk())
    assert str(doc.children[-1]) == src[doc.children[-1].span[0]:doc.children[-1].span[1]]
