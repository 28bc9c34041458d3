"""Blocks: paragraphs, rules, indent-pre, lists, and the rendered-page dialect's navigation
lines and chrome (tables are :mod:`.tables`)."""

from __future__ import annotations

import re

import wikiparse.ast as ast
from ...html_tags import P_CLOSING_TAGS
from ..base import Visiting
from .base import HtmlBase
from .sanitizer import escape_attr, escape_text

#: the start of an element that ends an open <p> (such output is not wrapped in one)
BLOCK_START = re.compile("<(?:" + "|".join(sorted(P_CLOSING_TAGS)) + r")[\s/>]")


class BlockRules(HtmlBase):
    """HTML for block nodes."""

    def visit_Paragraph(self, node: ast.Paragraph) -> Visiting:
        inner = (yield node.children)
        if not inner.strip() and any(isinstance(c, (ast.Category, ast.LanguageLink))
                                     for c in node.children):
            return ""  # MediaWiki removes category lines with the whitespace around them
        if BLOCK_START.search(inner):
            # a block element would end the <p> early and leave a stray </p>: MediaWiki does
            # not wrap such lines either
            return inner + "\n"
        return f"<p>{inner}</p>\n"

    def visit_ParagraphBreak(self, node: ast.ParagraphBreak) -> str:
        return "<br />\n"

    def visit_HorizontalRule(self, node: ast.HorizontalRule) -> str:
        return "<hr />\n"

    def visit_Preformatted(self, node: ast.Preformatted) -> Visiting:
        return f"<pre>{(yield node.children)}</pre>\n"

    def visit_List(self, node: ast.List) -> Visiting:
        kind = node.kind  # a Literal: from_json refuses any other value
        return f"<{kind}>{(yield node.items)}</{kind}>\n"

    def visit_ListItem(self, node: ast.ListItem) -> Visiting:
        kind = node.kind
        return f"<{kind}>{(yield node.children).lstrip()}</{kind}>\n"

    def visit_EditMarker(self, node: ast.EditMarker) -> str:
        return ""

    def visit_Boilerplate(self, node: ast.Boilerplate) -> str:
        return ""

    def visit_Navigation(self, node: ast.Navigation) -> str:
        items = "".join(f"<li>{escape_text(i)}</li>" for i in node.items)
        label = escape_attr(node.label or "Navigation")
        return f'<nav class="navigation" aria-label="{label}"><ul>{items}</ul></nav>\n'
