"""One emitter model: visit_<Node> dispatch with render rules that reach every node type,
declared options, and a registry safe to use from many threads."""

from __future__ import annotations

import importlib
import importlib.metadata
import inspect
import threading
from pathlib import Path
from typing import Any

import pytest

import wikiparse
from wikiparse import ast
from wikiparse.emitters import UnknownFormat, get_emitter, render
from wikiparse.emitters.html import HtmlEmitter

# the module (wikiparse.emitters the attribute is the function emitters())
registry = importlib.import_module("wikiparse.emitters")
BUILTIN = ["html", "text", "json", "pandoc-json", "wikitext"]
PAGE = (Path(__file__).parent / "all_constructs.wiki").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", BUILTIN)
def test_unknown_option_raises_naming_the_valid_ones(fmt: str) -> None:
    cls = get_emitter(fmt)
    with pytest.raises(TypeError, match="unknown option.*bogus") as info:
        render(wikiparse.parse("x"), fmt, bogus=1)
    for name in cls.OPTIONS:
        assert name in str(info.value)


def test_html_options_are_the_constructor_keywords() -> None:
    params = inspect.signature(HtmlEmitter.__init__).parameters.values()
    keywords = {p.name for p in params if p.kind is inspect.Parameter.KEYWORD_ONLY}
    assert keywords == HtmlEmitter.OPTIONS


def test_valid_options_are_accepted() -> None:
    doc = wikiparse.parse("a")
    assert render(doc, "html", wrap=False) == "<p>a</p>\n"
    assert render(doc, "text", profile="visible") == "a"
    assert render(doc, "json", indent=2).startswith("{\n")
    assert render(doc, "pandoc-json", api_version="1.22")


@pytest.mark.parametrize("fmt", BUILTIN)
def test_render_rules_reach_every_node_type(fmt: str) -> None:
    """For each node type on a page holding every construct, a rule sees its nodes, unless the
    emitter declares the type a part of its parent (then adding the rule raises)."""
    doc = wikiparse.parse(PAGE)
    types = {type(n) for n in doc.walk()}
    assert len(types) > 30
    cls = get_emitter(fmt)
    for node_type in sorted(types, key=lambda c: c.__name__):
        emitter = cls()
        if node_type in cls.PARTS:
            with pytest.raises(TypeError, match="part of its parent"):
                emitter.add_render_rule(node_type, lambda e, n: "")
            continue
        default = emitter._handler(node_type)
        seen: list[ast.Node] = []

        def rule(e: Any, node: ast.Node, default: Any = default, seen: list[ast.Node] = seen) -> Any:
            seen.append(node)
            return default(node)

        emitter.add_render_rule(node_type, rule)
        assert emitter.render(doc) == cls().render(doc), (fmt, node_type.__name__)
        assert seen, f"{fmt}: a rule for {node_type.__name__} never ran"


@pytest.mark.parametrize("fmt", BUILTIN)
def test_a_rule_replaces_the_rendering(fmt: str) -> None:
    doc = wikiparse.parse("a [[b|c]] d")
    emitter = get_emitter(fmt)()
    marker = {"json": {"link": True}, "pandoc-json": [{"t": "Str", "c": "LINK"}]}.get(fmt, "LINK")
    emitter.add_render_rule(ast.WikiLink, lambda e, n: marker)
    out = emitter.render(doc)
    assert ("LINK" in out) if fmt != "json" else ('"link":true' in out)


def test_add_render_rule_rejects_what_is_not_a_node_class() -> None:
    emitter = HtmlEmitter()
    with pytest.raises(TypeError):
        emitter.add_render_rule(str, lambda e, n: "")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        emitter.add_render_rule(ast.Text, "not callable")  # type: ignore[arg-type]


def _plugin_installed() -> bool:
    return any(ep.name == "shout" for ep in importlib.metadata.entry_points(group="wikiparse.emitters"))


@pytest.mark.skipif(not _plugin_installed(), reason="tests/plugin_pkg is not installed")
def test_first_use_of_a_plugin_from_eight_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every thread finds the plugin, though all ask before it is loaded (issue 18 item 7)."""
    fresh = {k: v for k, v in registry._REGISTRY.items() if k != "shout"}
    monkeypatch.setattr(registry, "_REGISTRY", fresh)
    monkeypatch.setattr(registry, "_entry_points_loaded", False)
    doc = wikiparse.parse("hello")
    start = threading.Barrier(8)
    results: list[object] = []

    def use() -> None:
        start.wait()
        try:
            results.append(render(doc, "shout"))
        except UnknownFormat as exc:  # pragma: no cover - the bug this guards against
            results.append(exc)

    threads = [threading.Thread(target=use) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == ["HELLO"] * 8
