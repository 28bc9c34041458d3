"""Blocks: paragraphs, rules, indent-pre, lists, tables, and the rendered-page dialect's
navigation lines and chrome."""

from __future__ import annotations

import re

import wikiparse.ast as ast
from ...html_tags import P_CLOSING_TAGS
from ..base import Visiting
from .base import HtmlBase
from .sanitizer import escape_attr, escape_text, format_attributes

#: the start of an element that ends an open <p> (such output is not wrapped in one)
_BLOCK_START = re.compile("<(?:" + "|".join(sorted(P_CLOSING_TAGS)) + r")[\s/>]")


class BlockRules(HtmlBase):
    """HTML for block nodes."""

    def visit_Paragraph(self, node: ast.Paragraph) -> Visiting:
        inner = (yield node.children)
        if not inner.strip() and any(isinstance(c, (ast.Category, ast.LanguageLink))
                                     for c in node.children):
            return ""  # MediaWiki removes category lines with the whitespace around them
        if _BLOCK_START.search(inner):
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

    def visit_Table(self, node: ast.Table) -> Visiting:
        out = [(yield node.prelude)]
        out.append(f"<table{format_attributes(self.attrs('table', node.attrs))}>\n")
        if node.caption is not None:
            out.append((yield node.caption))
        rows: list[str] = []
        loose_only = True
        for row in node.rows:
            if not row.cells:
                continue
            if not self._loose(row.cells[0]):
                rows.append((yield row))
                loose_only = False
                continue
            # a line in a row before its first cell: MediaWiki writes it straight into the
            # table (its <tr> waits for a cell), and the tree builder fosters it out
            loose = yield row.cells[0].children
            if loose.strip():
                self.needs_tree_building = True
            rows.append(loose)
            if len(row.cells) > 1:
                attrs = format_attributes(self.attrs("tr", row.attrs))
                rows.append(f"<tr{attrs}>\n{(yield row.cells[1:])}</tr>\n")
                loose_only = False
        if loose_only and not any(not r.implicit for r in node.rows):
            rows.append("<tr><td></td></tr>\n")
            loose_only = False
        if rows and not loose_only:
            out.append("<tbody>" + "".join(rows) + "</tbody>")
        else:
            out.extend(rows)
        out.append("</table>\n")
        return "".join(out)

    def _loose(self, cell: ast.TableCell) -> bool:
        """Is the cell content outside any cell (its source starts without ``|`` or ``!``)?"""
        start = cell.span[0]
        return bool(self.source) and start < len(self.source) and self.source[start] not in "|!{"

    def visit_TableCaption(self, node: ast.TableCaption) -> Visiting:
        attrs = format_attributes(self.attrs("caption", node.attrs))
        return f"<caption{attrs}>{(yield node.children)}</caption>"

    def visit_TableRow(self, node: ast.TableRow) -> Visiting:
        attrs = format_attributes(self.attrs("tr", node.attrs))
        return f"<tr{attrs}>\n{(yield node.cells)}</tr>\n"

    def visit_TableCell(self, node: ast.TableCell) -> Visiting:
        tag = "th" if node.header else "td"
        attrs = format_attributes(self.attrs(tag, node.attrs))
        return f"<{tag}{attrs}>{(yield node.children)}</{tag}>\n"

    def visit_EditMarker(self, node: ast.EditMarker) -> str:
        return ""

    def visit_Boilerplate(self, node: ast.Boilerplate) -> str:
        return ""

    def visit_Navigation(self, node: ast.Navigation) -> str:
        items = "".join(f"<li>{escape_text(i)}</li>" for i in node.items)
        label = escape_attr(node.label or "Navigation")
        return f'<nav class="navigation" aria-label="{label}"><ul>{items}</ul></nav>\n'
