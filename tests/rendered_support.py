"""Shared helpers for the rendered-dialect tests: fixture loading and tree invariants."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from wikiparse import ast

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rendered"
OUTLINE_KEYS = ("dialect", "title", "tagline", "headings", "files", "navigation", "categories")


def read_text(path: Path) -> str:
    """A page with its line endings exactly as stored."""
    return path.read_bytes().decode("utf-8")


def fixture_expectations() -> dict[str, dict[str, Any]]:
    loaded: dict[str, dict[str, Any]] = json.loads((FIXTURES / "expected.json").read_text("utf-8"))
    return loaded


def outline_part(expected: dict[str, Any]) -> dict[str, Any]:
    return {k: expected[k] for k in OUTLINE_KEYS}


def check_spans(doc: ast.Document) -> None:
    """Every node's span lies in its parent's, siblings are ordered and disjoint, Text values are
    their source, and outside nodes the source holds only blanks and category separators."""
    source = doc.source
    assert doc.span == (0, len(source))
    stack: list[ast.Node] = [doc]
    while stack:
        node = stack.pop()
        start, end = node.span
        assert 0 <= start <= end <= len(source), (node, len(source))
        if isinstance(node, ast.Text):
            assert node.value == source[start:end], node
        if not isinstance(node, ast.Document):
            assert end > start, f"empty span: {node!r}"
        previous_end = start
        for child in node.child_nodes():
            cs, ce = child.span
            assert start <= cs and ce <= end, (node.type, node.span, child.type, child.span)
            assert cs >= previous_end, ("overlap", node.type, child.type, child.span, previous_end)
            previous_end = ce
            stack.append(child)
    cursor = 0
    for child in doc.children:
        gap = source[cursor : child.start]
        assert not gap.replace("|", "").strip(), f"uncovered text {gap!r} before {child.type}"
        cursor = child.end
    assert not source[cursor:].replace("|", "").strip(), f"uncovered text {source[cursor:]!r} at the end"


def article_text(doc: ast.Document) -> str:
    """The article's words as the AST classifies them: paragraph text, heading titles and file
    captions (what a text emitter should print), one block per line."""
    parts: list[str] = []
    for node in doc.children:
        if isinstance(node, ast.Paragraph):
            parts.extend(t.value for t in node.children if isinstance(t, ast.Text))
        elif isinstance(node, ast.Heading):
            parts.append(node.title)
        elif isinstance(node, ast.FileLink) and node.caption:
            parts.extend(t.value for t in node.caption if isinstance(t, ast.Text))
    return "\n".join(parts)
