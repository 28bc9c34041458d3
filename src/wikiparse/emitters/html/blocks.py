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
#: the characters PHP's trim() removes
_PHP_SPACE = " \t\n\r\0\x0b"
_PHP_LINE_SPACE = " \t\r\0\x0b"
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
            # not wrap such lines either (Remex puts the inline parts in paragraphs: when the
            # page goes through the tree builder, this block does too)
            self.tree_dependent = True
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
        # MediaWiki trims the item's text (PHP's trim: not NBSP, so an &nbsp; stays), before
        # French spacing could turn a leading space into a no-break one
        kind = node.kind
        children = lead_trimmed(node.children)
        for n, child in enumerate(children):
            if isinstance(child, ast.List):
                text = (yield children[:n]).strip(_PHP_SPACE)
                return f"<{kind}>{text}{(yield children[n:])}</{kind}>\n"
        return f"<{kind}>{(yield children).strip(_PHP_SPACE)}</{kind}>\n"

    def visit_EditMarker(self, node: ast.EditMarker) -> str:
        return ""

    def visit_Boilerplate(self, node: ast.Boilerplate) -> str:
        return ""

    def visit_Navigation(self, node: ast.Navigation) -> str:
        items = "".join(f"<li>{escape_text(i)}</li>" for i in node.items)
        label = escape_attr(node.label or "Navigation")
        return f'<nav class="navigation" aria-label="{label}"><ul>{items}</ul></nav>\n'


def lead_trimmed(children: list[ast.Node]) -> list[ast.Node]:
    """``children`` without the whitespace PHP's trim() removes from the start of their first
    line (a leading Text shortened; its newline stays)."""
    if not children:
        return children
    first = children[0]
    if type(first) is not ast.Text:
        return children
    value = first.value
    cut = len(value) - len(value.lstrip(_PHP_LINE_SPACE))
    if not cut:
        return children
    if cut == len(value):
        return children[1:]
    rest = ast.Text((first.span[0] + cut, first.span[1]), value=value[cut:], origin=first.origin)
    return [rest, *children[1:]]

