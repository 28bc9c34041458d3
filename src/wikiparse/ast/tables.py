"""Table nodes, and tables as data: the grid of a :class:`Table` with ``rowspan``/``colspan``
expanded, as a browser lays the table out (HTML's table-forming algorithm).

Each cell takes the first free column of its row (slots covered by a ``rowspan`` from above are
skipped) and covers ``colspan`` columns and ``rowspan`` rows.  As in HTML, a span is the leading
digits of the attribute (``"2px"`` is 2), ``colspan`` is at least 1 and at most 1000, and a
``rowspan`` of 0, or one going past the last row, ends at the last row.  Rows shorter than the
widest one are padded with ``None`` (``""`` in :meth:`Table.data`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

from .nodes import Attribute, Node, plain_title

MAX_COLSPAN = 1000  # HTML's limit
_DIGITS = re.compile(r"\s*\+?([0-9]+)")


@dataclass(slots=True, eq=False)
class TableCell(Node):
    """``| content`` or ``! content`` (``header``); ``attrs`` from ``| attrs | content``."""

    header: bool = False
    attrs: list[Attribute] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("attrs", "children")

    def span_size(self, name: str) -> int:
        """``rowspan`` or ``colspan`` as HTML reads it: 1 when absent or not a number; a
        ``rowspan`` of 0 stays 0 (to the last row)."""
        value = None
        for attr in self.attrs:
            if attr.name.lower() == name:
                value = attr.value or ""
        match = _DIGITS.match(value or "")
        if match is None:
            return 1
        number = int(match.group(1)[:9])
        if name == "colspan":
            return min(max(number, 1), MAX_COLSPAN)
        return number

    def wikitext(self, strip: bool = True) -> str:
        """The cell's content as wikitext (without its ``|``/``!`` and attributes)."""
        text = "".join(str(node) for node in self.children)
        return text.strip() if strip else text

    def text(self) -> str:
        """The cell's visible text, trimmed (text, entities, link labels; see
        :func:`~wikiparse.ast.plain_title`)."""
        return plain_title(self.children)


@dataclass(slots=True, eq=False)
class TableRow(Node):
    """``|-`` and its cells; ``implicit`` when cells came before any ``|-``."""

    attrs: list[Attribute] = field(default_factory=list)
    cells: list[TableCell] = field(default_factory=list)
    implicit: bool = False
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("attrs", "cells")


@dataclass(slots=True, eq=False)
class TableCaption(Node):
    attrs: list[Attribute] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("attrs", "children")


@dataclass(frozen=True, slots=True)
class GridCell:
    """A cell placed in the grid: its top-left ``row`` and ``column``, and the number of rows
    and columns it covers."""

    cell: TableCell
    row: int
    column: int
    rowspan: int
    colspan: int


@dataclass(slots=True, eq=False)
class Table(Node):
    """``{| attrs ... |}``; ``closed`` is False when the page ends first (MediaWiki closes it)."""

    attrs: list[Attribute] = field(default_factory=list)
    caption: TableCaption | None = None
    rows: list[TableRow] = field(default_factory=list)
    closed: bool = True
    #: nodes between ``{|`` and the first row/caption that are not cells (rare; MediaWiki moves them
    #: before the table)
    prelude: list[Node] = field(default_factory=list)
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("attrs", "prelude", "caption", "rows")

    def grid(self) -> list[list[GridCell | None]]:
        """``grid[r][c]``: the cell covering row ``r``, column ``c`` (the same
        :class:`GridCell` in every slot a spanning cell covers), ``None`` where there is none.
        An overlap (a ``colspan`` into a slot a ``rowspan`` holds) keeps the earlier cell."""
        count = len(self.rows)
        grid: list[list[GridCell | None]] = [[] for _ in range(count)]
        for r, row in enumerate(self.rows):
            line = grid[r]
            column = 0
            for cell in row.cells:
                while column < len(line) and line[column] is not None:
                    column += 1
                colspan = cell.span_size("colspan")
                rowspan = cell.span_size("rowspan")
                rowspan = count - r if rowspan == 0 else min(rowspan, count - r)
                placed = GridCell(cell, r, column, rowspan, colspan)
                for covered in grid[r : r + rowspan]:
                    if len(covered) < column + colspan:
                        covered.extend([None] * (column + colspan - len(covered)))
                    for c in range(column, column + colspan):
                        if covered[c] is None:
                            covered[c] = placed
                column += colspan
        width = max((len(line) for line in grid), default=0)
        for line in grid:
            line.extend([None] * (width - len(line)))
        return grid

    def has_spans(self) -> bool:
        """Whether a cell spans more than one row or column."""
        return any(cell.span_size("colspan") != 1 or cell.span_size("rowspan") != 1
                   for row in self.rows for cell in row.cells)

    def cells(self, span: bool = True) -> list[list[TableCell | None]]:
        """The cells by row.  ``span=True``: the grid, a spanning cell repeated in every slot
        it covers and ``None`` where a row is short; ``span=False``: each row's cells as
        written."""
        if not span:
            return [list(row.cells) for row in self.rows]
        return [[slot.cell if slot is not None else None for slot in line]
                for line in self.grid()]

    def data(self, span: bool = True, *, text: bool = False, strip: bool = True
             ) -> list[list[str]]:
        """The cells' contents by row (as wikitextparser's ``Table.data``): each cell's
        wikitext, or with ``text=True`` its visible text; ``""`` for an empty slot.  With
        ``span=True`` a spanning cell's content is repeated in every slot it covers."""
        def content(cell: TableCell | None) -> str:
            if cell is None:
                return ""
            return cell.text() if text else cell.wikitext(strip)

        return [[content(cell) for cell in line] for line in self.cells(span)]

    def header_rows(self) -> list[int]:
        """Indexes (in :meth:`grid`) of the rows whose every cell is a header (``!``)."""
        return [r for r, line in enumerate(self.grid())
                if line and all(slot is not None and slot.cell.header for slot in line)]

    def to_records(self, *, text: bool = True) -> list[dict[str, str]]:
        """The rows below the first header row as dicts keyed by that row's cells (visible text
        by default); a repeated or empty key gets its column number after it (``"Name 2"``,
        ``"3"``).  Without a header row the keys are the column numbers ``"1"``, ``"2"``....
        Later header rows (repeated headings) are left out."""
        rows = self.data(text=text)
        headers = self.header_rows()
        if headers:
            first = headers[0]
            keys: list[str] = []
            for number, name in enumerate(rows[first], 1):
                key = name or str(number)
                keys.append(key if key not in keys else f"{key} {number}")
            body = [row for r, row in enumerate(rows) if r > first and r not in headers]
        else:
            keys = [str(number) for number in range(1, len(rows[0]) + 1)] if rows else []
            body = rows
        return [dict(zip(keys, row)) for row in body]
