"""Read-only queries over a tree: source text of nodes, plain titles, sections."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from . import ast

if TYPE_CHECKING:
    from .ast import Node


def node_source(node: Node, source: str | None = None) -> str:
    """The wikitext a node covers.  Text nodes carry their own value; others need ``source``."""
    if isinstance(node, ast.Text):
        return node.value
    if source is None:
        raise ValueError("node_source needs the document source for non-text nodes")
    return source[node.span[0] : node.span[1]]


def plain_title(nodes: list[Node]) -> str:
    """Visible text of a heading or label, trimmed: text, entities and the labels of links;
    templates, comments and tags' markup contribute nothing but their text content."""
    parts: list[str] = []
    stack: list[Node] = list(reversed(nodes))
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Text):
            parts.append(node.value)
        elif isinstance(node, ast.Entity):
            parts.append(node.char)
        elif isinstance(node, ast.WikiLink):
            if node.trail:
                stack.append(ast.Text((0, 0), value=node.trail))
            if node.has_text:
                stack.extend(reversed(node.children))
            else:
                parts.append(node.target.lstrip(":"))
        elif isinstance(node, ast.ExternalLink):
            if node.children:
                stack.extend(reversed(node.children))
            elif node.kind == "free":
                parts.append(node.url)
        elif isinstance(node, (ast.Comment, ast.Template, ast.Argument, ast.ParserFunction,
                               ast.Variable, ast.Category, ast.LanguageLink, ast.FileLink,
                               ast.BehaviorSwitch, ast.EditMarker)):
            continue
        elif isinstance(node, ast.ExtensionTag):
            if node.name == "nowiki" and node.content is not None:
                parts.append(node.content)
            elif node.name not in ("ref", "references"):
                stack.extend(reversed(node.children))
        else:
            stack.extend(reversed(list(node.child_nodes())))
    return " ".join("".join(parts).split())


def sections(
    doc: ast.Document,
    *,
    levels: list[int] | None = None,
    matches: str | Callable[[str], bool] | None = None,
    include_lead: bool = False,
    flags: int = re.IGNORECASE,
) -> list[ast.Section]:
    blocks = doc.children
    heads = [i for i, n in enumerate(blocks) if isinstance(n, ast.Heading)]
    result: list[ast.Section] = []
    if include_lead and levels is None and matches is None:
        first = heads[0] if heads else len(blocks)
        lead = blocks[:first]
        end = lead[-1].span[1] if lead else 0
        result.append(ast.Section(heading=None, span=(0, end), nodes=lead, level=0))
    if isinstance(matches, str):
        pattern = re.compile(matches, flags)
        predicate: Callable[[str], bool] | None = lambda title: bool(pattern.search(title))
    else:
        predicate = matches
    for k, i in enumerate(heads):
        heading = blocks[i]
        assert isinstance(heading, ast.Heading)
        if levels is not None and heading.level not in levels:
            continue
        if predicate is not None and not predicate(heading.title):
            continue
        j = len(blocks)
        for later in heads[k + 1 :]:
            other = blocks[later]
            assert isinstance(other, ast.Heading)
            if other.level <= heading.level:
                j = later
                break
        nodes = blocks[i:j]
        result.append(
            ast.Section(heading=heading, span=(heading.span[0], nodes[-1].span[1]), nodes=nodes,
                        level=heading.level)
        )
    return result
