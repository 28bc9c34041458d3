"""Tables: ``{| |}`` as MediaWiki's ``doTableStuff`` writes it, and as Remex then builds it.

``doTableStuff`` writes a row's ``<tr>`` only when its first cell comes, so what stands in a
row before any cell (a line without table markup) lands straight in ``<table>``, where the
HTML5 tree builder fosters it out before the table; a caption that is not the table's first
(a second ``|+``, or one after rows) closes the open row and row group, as ``<caption>`` does in
an HTML parser.  The tree keeps such a caption where it stands, in a cell of its own in the row
it follows; here it is written as the ``<caption>`` it is.
"""

from __future__ import annotations

import wikiparse.ast as ast
from ..base import Visiting
from .base import HtmlBase
from .blocks import lead_trimmed
from .sanitizer import format_attributes


class TableRules(HtmlBase):
    """HTML for tables, their captions, rows and cells."""

    def visit_Table(self, node: ast.Table) -> Visiting:
        out = [(yield node.prelude)]
        out.append(f"<table{format_attributes(self.attrs('table', node.attrs))}>\n")
        if node.caption is not None:
            out.append((yield node.caption))
        body: list[str] = []  # what goes in the table after its first caption
        in_group = False  # a <tbody> is open
        wrote_row = False
        for row in node.rows:
            if not row.cells:
                continue
            outside = False
            for c in row.cells:
                if self._loose(c) or self._caption_holder(c):
                    outside = True
                    break
            if not outside:
                body.append("" if in_group else "<tbody>")
                body.append((yield row))
                in_group = wrote_row = True
                continue
            tr_open = False
            for cell in row.cells:
                if self._loose(cell):
                    # MediaWiki writes it straight into the table: the tree builder fosters it
                    html = yield cell.children
                    if html.strip():
                        self.needs_tree_building = True
                    body.append(html)
                elif self._caption_holder(cell):
                    if tr_open:
                        body.append("</tr>\n")
                        tr_open = False
                    if in_group:
                        body.append("</tbody>")
                        in_group = False
                    body.append((yield [c for c in cell.children
                                        if isinstance(c, ast.TableCaption)]))
                else:
                    if not in_group:
                        body.append("<tbody>")
                        in_group = True
                    if not tr_open:
                        body.append(f"<tr{format_attributes(self.attrs('tr', row.attrs))}>\n")
                        tr_open = wrote_row = True
                    body.append((yield cell))
            if tr_open:
                body.append("</tr>\n")
        if not wrote_row and not any(not r.implicit for r in node.rows):
            body.append("" if in_group else "<tbody>")
            body.append("<tr><td></td></tr>\n")
            in_group = True
        if in_group:
            body.append("</tbody>")
        out.extend(body)
        out.append("</table>\n")
        return "".join(out)

    def _loose(self, cell: ast.TableCell) -> bool:
        """Is the cell content outside any cell?  Its source starts without ``|`` or ``!``
        (``{{`` aside: a template may write the cell markup; comments before it aside); a
        nested ``{|`` counts."""
        source, start = self.source, cell.span[0]
        if not source or start >= len(source):
            return False
        while source.startswith("<!--", start):
            # comments before the marker: MediaWiki removed them before reading the table
            close = source.find("-->", start + 4)
            if close < 0:
                break
            start = close + 3
            while start < len(source) and source[start] in " \t":
                start += 1
            if start >= len(source):
                return False
        first = source[start]
        return first not in "|!{" or source.startswith("{|", start)

    @staticmethod
    def _caption_holder(cell: ast.TableCell) -> bool:
        """Is the cell the parser's holder of a caption that could not be the table's?"""
        caption = ast.TableCaption
        for c in cell.children:
            if isinstance(c, caption):
                break
        else:
            return False  # most cells (a loop, not any(): this runs for every cell)
        return all(
            isinstance(c, (ast.TableCaption, ast.Comment))
            or (isinstance(c, ast.Text) and not c.value.strip()) for c in cell.children)

    def visit_TableCaption(self, node: ast.TableCaption) -> Visiting:
        attrs = format_attributes(self.attrs("caption", node.attrs))
        return f"<caption{attrs}>{(yield node.children)}</caption>"

    def visit_TableRow(self, node: ast.TableRow) -> Visiting:
        attrs = format_attributes(self.attrs("tr", node.attrs)) if node.attrs else ""
        return f"<tr{attrs}>\n{(yield node.cells)}</tr>\n"

    def visit_TableCell(self, node: ast.TableCell) -> Visiting:
        tag = "th" if node.header else "td"
        attrs = format_attributes(self.attrs(tag, node.attrs)) if node.attrs else ""
        # the text on the cell's own line is trimmed (doTableStuff)
        return f"<{tag}{attrs}>{(yield lead_trimmed(node.children))}</{tag}>\n"
