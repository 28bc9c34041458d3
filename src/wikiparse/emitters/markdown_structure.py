"""What the Markdown emitter needs to know about wiki structure: which tables a GFM pipe table
can hold, a cell's alignment, what cannot live inside a line."""

from __future__ import annotations

import re

import wikiparse.ast as ast

__all__ = ["STRUCTURE_EXTENSIONS", "STRUCTURE_TAGS", "cell_align", "complex_table"]

#: structure that cannot live inside a line (headings, link labels, table cells, footnotes)
STRUCTURE_TAGS = frozenset({"ul", "ol", "dl", "table", "pre", "blockquote", "hr",
                            "h1", "h2", "h3", "h4", "h5", "h6"})
STRUCTURE_EXTENSIONS = frozenset({"gallery", "pre", "syntaxhighlight", "source", "poem",
                                  "references"})
_ALIGN = re.compile(r"text-align\s*:\s*(left|right|center)", re.I)


def _attr(attrs: list[ast.Attribute], name: str) -> str:
    return next((a.value or "" for a in attrs if a.name.lower() == name), "")


def cell_align(cell: ast.TableCell) -> str:
    """``left``/``center``/``right`` from the cell's ``align`` or ``text-align`` style, or ""."""
    align = _attr(cell.attrs, "align").strip().lower()
    m = _ALIGN.search(_attr(cell.attrs, "style"))
    if m:
        align = m.group(1).lower()
    return align if align in ("left", "right", "center") else ""


def complex_table(table: ast.Table) -> bool:
    """A table GFM cannot express: spans, or structure inside a cell."""
    for row in table.rows:
        for cell in row.cells:
            for attr in ("rowspan", "colspan"):
                value = _attr(cell.attrs, attr).strip()
                if value and value not in ("1", "0"):
                    return True
            for node in cell.walk():
                if isinstance(node, (ast.Table, ast.List, ast.Preformatted, ast.Heading)):
                    return True
                if isinstance(node, ast.Tag) and node.name.lower() in STRUCTURE_TAGS:
                    return True
                if isinstance(node, ast.ExtensionTag) and node.name.lower() in STRUCTURE_EXTENSIONS:
                    return True
    return False
