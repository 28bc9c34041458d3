"""The HTML and text emitters pause the cyclic GC while they walk a tree (collections during a
walk rescan the whole live tree: superlinear on large pages) and restore it afterwards."""

from __future__ import annotations

import gc
from typing import Any

import pytest

import wikiparse
import wikiparse.ast as ast
from wikiparse.emitters import get_emitter


@pytest.mark.parametrize("fmt", ["html", "text"])
@pytest.mark.parametrize("enabled", [True, False])
def test_gc_is_off_during_the_walk_and_restored(fmt: str, enabled: bool) -> None:
    seen: list[bool] = []

    def rule(em: Any, node: ast.Text) -> str:
        seen.append(gc.isenabled())
        return node.value

    emitter = get_emitter(fmt)()
    emitter.add_render_rule(ast.Text, rule)
    doc = wikiparse.parse("a ''b'' [[c|d]]")
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        emitter.render(doc)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert seen and not any(seen)
