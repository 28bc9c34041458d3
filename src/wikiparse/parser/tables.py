"""Tables: MediaWiki's doTableStuff over the lines of one container.

A stack of open tables routes each line to the current table's cell, caption or prelude, so a
nested table costs nothing extra.  ``{|`` opens a table (``:{|`` indents it), ``|-`` a row,
``|+`` a caption, ``|``/``!`` cells (``||``/``!!`` split cells on one line, a single ``|``
splits attributes from content), ``|}`` closes.  Comment-only lines are stripped first, as
MediaWiki does; a line without markup continues the open cell.  A cell's lines go back
through the later block passes (``Reentry.line_blocks``); an unclosed table ends with its
container (``unclosed-table``).
"""

from __future__ import annotations

from typing import Sequence

from ..ast import (
    Attribute, Category, Comment, FileLink, LanguageLink, List, ListItem, Node, Table,
    TableCaption, TableCell, TableRow, Text, WikiLink)
from .attributes import attributes_from_items
from .context import Context
from .interfaces import Reentry
from .items import (NT, BlockEntry, ContainerState, Entry, Line, Tok, add_nodes, comment_lead,
                    entries_end, first_tok_kind, is_blank_tok, item_end, item_start, to_nodes)
from .node_factory import table_cell_node, table_row_node


class Tables:
    """The doTableStuff pass of a parse."""

    def __init__(self, ctx: Context, passes: Reentry) -> None:
        self.ctx = ctx
        self.passes = passes
        self.text = ctx.text

    def do_table_stuff(self, state: ContainerState) -> None:
        """Block pass: ``state.lines`` to ``state.entries`` (lines and built tables)."""
        state.entries = self._tables(state.lines, state.mode)

    def _tables(self, lines: list[Line], mode: str) -> list[Entry]:
        out: list[Entry] = []
        stack: list[_TableBuilder] = []
        for line in lines:
            first = first_tok_kind(line.items)
            if first is None or first == "list_prefix":
                opener = _opener_after_comments(line, self.text)
                if opener is not None:  # the comments before '{|' stay beside the table
                    first = "table_open"
                    if opener is not line and isinstance(line.items[0], Comment):
                        head = line.items[: len(line.items) - len(opener.items)]
                        head_line = Line(head, line.start, item_end(head[-1]), None)
                        if stack:
                            stack[-1].transparent(head_line)
                        else:
                            out.append(head_line)
                    line = opener
            if first == "table_open":
                if len(stack) + self.ctx.depth >= self.ctx.limits.max_depth:
                    self.ctx.diag("limit-depth", "tables nested too deep: kept as text",
                                  (line.start, line.end), "warning", once=True)
                else:
                    stack.append(_TableBuilder(self.ctx, self.passes, line, mode))
                    continue
            if stack:
                tb = stack[-1]
                if first is None and line.items:
                    lead = comment_lead(line.items, self.text)
                    if lead and lead < len(line.items):
                        # comments before table markup: MediaWiki strips them first
                        head, tail = line.items[:lead], line.items[lead:]
                        tb.transparent(Line(head, line.start, item_end(head[-1]), None))
                        line = Line(tail, item_start(tail[0]), line.end, line.nl)
                        first = first_tok_kind(line.items)
                    elif lead == len(line.items):
                        tb.transparent(line)
                        continue
                if first == "table_close":
                    stack.pop()
                    node, rest = tb.close(line)
                    sink = stack[-1].sink() if stack else out
                    sink.append(BlockEntry(_indented(node, tb.indent)))
                    if rest is not None:
                        sink.append(rest)
                    continue
                if first == "table_row":
                    tb.new_row(line)
                    continue
                if first == "table_caption":
                    tb.caption(line)
                    continue
                if first == "pipe" or first == "excl":
                    tb.cells(line, header=first == "excl")
                    continue
                tb.continuation(line)
                continue
            out.append(line)
        while stack:
            tb = stack.pop()
            node = tb.finish(closed=False)
            self.ctx.diag("unclosed-table", "table without '|}' closed at the end", (node.span[0], node.span[0] + 2))
            (stack[-1].sink() if stack else out).append(BlockEntry(_indented(node, tb.indent)))
        return out


class _TableBuilder:
    """Collects one table's rows and cells while the line loop runs."""

    def __init__(self, ctx: Context, passes: Reentry, line: Line, mode: str) -> None:
        self.ctx = ctx
        self.passes = passes
        self.text = ctx.text
        self.mode = "lines" if mode == "lines" else "doc"
        opener = next(it for it in line.items if isinstance(it, Tok) and it.kind == "table_open")
        idx = line.items.index(opener)
        # ':{|' indents the table like a definition (MediaWiki: <dl><dd><table>); a ':'
        # prefix before comments counts too (':<!-- c -->{|'), the comments are markup
        marks = [it for it in line.items[: idx + 1]
                 if isinstance(it, Tok) and it.kind in ("list_prefix", "table_open")]
        self.indent = sum(self.text.count(":", t.start, t.end) for t in marks)
        self.start = marks[0].start
        self.end = line.end
        self.attrs = attributes_from_items(ctx, line.items[idx + 1 :])
        self.attr_nodes = [it for it in line.items[:idx] if not isinstance(it, Tok)]
        self.prelude: list[Entry] = []
        self.caption_node: TableCaption | None = None
        self.caption_entries: list[Entry] | None = None
        self.caption_start = 0
        self.caption_attrs: list[Attribute] = []
        self.rows: list[TableRow] = []
        self.row: TableRow | None = None
        self.cell_entries: list[Entry] | None = None
        self.cell: TableCell | None = None
        self.pending: list[Node] = []  # comments waiting for the row's first cell

    def transparent(self, line: Line) -> None:
        """A comment-only line: between a row marker and its first cell it belongs to that
        cell (it must not make one); elsewhere it goes with the surrounding content."""
        if self.cell is None and self.caption_entries is None and self.row is not None \
                and not self.row.cells:
            self.pending.extend(to_nodes(line.items, self.text))
        else:
            self.sink().append(line)

    def continuation(self, line: Line) -> None:
        """A line without table markup: it continues the open cell or caption; inside a row
        that has no cell yet it starts one (MediaWiki would emit it inside the <tr>)."""
        if self.cell is None and self.caption_entries is None and self.row is not None:
            text = self.text
            if all(is_blank_tok(it, text) for it in line.items):
                self.transparent(line)  # a blank line makes no cell
                return
            cell = table_cell_node(line.start, line.end, False, [], [], self.text)
            if self.pending:
                cell.span = (self.pending[0].span[0], line.end)
            self.row.cells.append(cell)
            self.cell = cell
            self.cell_entries = [line]
            self._extend_row(line.end)
            return
        self.sink().append(line)

    # -- where continuation lines go
    def sink(self) -> list[Entry]:
        if self.cell_entries is not None:
            return self.cell_entries
        if self.caption_entries is not None:
            return self.caption_entries
        # what waited for the row's first cell comes before whatever goes in now (spans in
        # document order by construction)
        self._flush_pending()
        return self.prelude

    def _finish_cell(self) -> None:
        if self.cell is not None and self.cell_entries is not None:
            cell = self.cell
            cell.children = self.passes.line_blocks(self.cell_entries, self.mode, first_raw=True)
            if self.pending:
                cell.children = _joined(self.pending, cell.children)
                cell.span = (min(cell.span[0], self.pending[0].span[0]), cell.span[1])
                self.pending = []
            end = entries_end(self.cell_entries, cell.span[1])
            if cell.children:
                end = max(end, cell.children[-1].span[1])
            cell.span = (cell.span[0], max(end, cell.span[1]))
            self._extend_row(cell.span[1])
        self.cell = None
        self.cell_entries = None

    def _finish_caption(self) -> None:
        if self.caption_entries is not None:
            # captions are never wrapped in paragraphs
            children = self.passes.line_blocks(self.caption_entries, "lines", first_raw=True)
            end = entries_end(self.caption_entries, self.caption_start + 2)
            if children:
                end = max(end, children[-1].span[1])
            if self.caption_attrs:  # '|+attrs|' with no content: the attributes are inside
                end = max(end, self.caption_attrs[-1].span[1])
            self._add_caption(TableCaption((self.caption_start, end), attrs=self.caption_attrs,
                                           children=children, origin=self.text))
            self.caption_entries = None

    def _add_caption(self, node: TableCaption) -> None:
        if self.caption_node is None and not self.rows:
            self.caption_node = node
        else:  # a second caption, or one after a row (Table keeps its caption before the
            # rows): late content, placed in the row it follows
            self.prelude.append(BlockEntry(node))

    def _extend_row(self, end: int) -> None:
        if self.row is not None:
            self.row.span = (self.row.span[0], max(self.row.span[1], end))

    def _flush_pending(self) -> None:
        for node in self.pending:
            self.prelude.append(BlockEntry(node))
        self.pending = []

    def new_row(self, line: Line) -> None:
        self._finish_cell()
        self._finish_caption()
        self._flush_pending()
        tok = next(it for it in line.items if isinstance(it, Tok) and it.kind == "table_row")
        idx = line.items.index(tok)
        attrs = attributes_from_items(self.ctx, line.items[idx + 1 :])
        row = table_row_node(tok.start, max(line.end, tok.end), attrs, [], False, self.text)
        self.rows.append(row)
        self.row = row

    def caption(self, line: Line) -> None:
        self._finish_cell()
        self._finish_caption()
        tok = next(it for it in line.items if isinstance(it, Tok) and it.kind == "table_caption")
        idx = line.items.index(tok)
        # '||' starts another caption on the same line, as it starts another cell (MediaWiki
        # splits every cell line, captions included); only the last one continues below
        segments = _double_pipe_segments(line.items, idx + 1, tok.start)
        for k, (start, seg) in enumerate(segments[:-1]):
            attrs, content = self._split_attrs(seg)
            self._add_caption(TableCaption(
                (start, segments[k + 1][0]), attrs=attrs,
                children=self.passes.inline(content) if content else [], origin=self.text))
        start, seg = segments[-1]
        attrs, content = self._split_attrs(seg)
        self.caption_start = start
        self.caption_attrs = attrs
        first = Line(content, tok.end if start == tok.start else start + 2, line.end, line.nl)
        self.caption_entries = [first]

    def cells(self, line: Line, header: bool) -> None:
        self._finish_cell()
        self._finish_caption()
        items = line.items
        # skip leading whitespace and the marker
        i = 0
        while isinstance(items[i], Tok) and items[i].kind == "line_space":  # type: ignore[union-attr]
            i += 1
        marker = items[i]
        assert isinstance(marker, Tok)
        if header:
            items = _header_pipes(items, i + 1)
        segments = _double_pipe_segments(items, i + 1, marker.start)
        if self.row is None:
            self.row = table_row_node(segments[0][0], line.end, [], [], True, self.text)
            self.rows.append(self.row)
        for k, (start, seg) in enumerate(segments):
            attrs, content = self._split_attrs(seg)
            last = k == len(segments) - 1
            cell = table_cell_node(start, line.end if last else segments[k + 1][0], header, attrs, [], self.text)
            self.row.cells.append(cell)
            if k < len(segments) - 1:
                cell.children = self.passes.inline(content) if content else []
                if self.pending:
                    cell.children = _joined(self.pending, cell.children)
                    cell.span = (min(cell.span[0], self.pending[0].span[0]), cell.span[1])
                    self.pending = []
                self._extend_row(cell.span[1])
            else:
                c_start = item_start(content[0]) if content else line.end
                self.cell = cell
                self.cell_entries = [Line(content, c_start, line.end, line.nl)]
                self._extend_row(line.end)

    def _split_attrs(self, seg: list[NT]) -> tuple[list[Attribute], list[NT]]:
        """``attrs | content`` when the segment holds a single pipe and the attribute part
        has no link (MediaWiki's rule); else no attributes."""
        for idx, it in enumerate(seg):
            if isinstance(it, Tok) and it.kind == "pipe":
                # HTML tags and other markup there are junk the sanitizer drops; a nowiki is
                # unstripped to its text (MediaWiki only refuses a head holding '[[')
                return attributes_from_items(self.ctx, seg[:idx]), seg[idx + 1 :]
            if not isinstance(it, Tok) and isinstance(it, _DOUBLE_BRACKET_LINKS):
                return [], seg
        return [], seg

    def close(self, line: Line) -> tuple[Table, Line | None]:
        tok = next(it for it in line.items if isinstance(it, Tok) and it.kind == "table_close")
        idx = line.items.index(tok)
        table = self.finish(closed=True, end=tok.end)
        rest_items = line.items[idx + 1 :]
        rest = Line(rest_items, tok.end, line.end, line.nl) if rest_items else None
        return table, rest

    def finish(self, closed: bool, end: int | None = None) -> Table:
        self._finish_cell()
        self._finish_caption()
        self._flush_pending()
        # MediaWiki's doBlockLevels is in block mode inside a table: blank lines there make no
        # paragraph breaks (what they would separate ends up fostered as one run anyway)
        entries = [e for e in self.prelude
                   if not (isinstance(e, Line) and all(is_blank_tok(it, self.text) for it in e.items))]
        prelude = self.passes.line_blocks(entries, self.mode) if entries else []
        if end is None:
            end = self.end
            for r in self.rows:
                end = max(end, r.span[1])
            if self.caption_node is not None:
                end = max(end, self.caption_node.span[1])
            for p in prelude:
                end = max(end, p.span[1])
        rows = [r for r in self.rows]
        # keep children ordered: prelude nodes that come after the caption/rows are rare;
        # sort all child blocks by position for the span invariant
        table = Table((self.start, end), attrs=self.attrs, caption=self.caption_node,
                          rows=rows, closed=closed, prelude=prelude, origin=self.text)
        if prelude and (rows or self.caption_node) and prelude[-1].span[0] > min(
                [r.span[0] for r in rows] + ([self.caption_node.span[0]] if self.caption_node else [])):
            # content after the caption or a row line, outside any cell: a cell of the row it
            # follows; before the first row (a second caption...), of an implicit row
            cap = self.caption_node
            head_end = cap.span[0] if cap is not None else rows[0].span[0]
            table.prelude = [p for p in prelude if p.span[1] <= head_end]
            late = sorted((p for p in prelude if p.span[1] > head_end), key=lambda p: p.span[0])
            before = [p for p in late if not rows or p.span[0] < rows[0].span[0]]
            if before:
                rows.insert(0, TableRow((before[0].span[0], before[-1].span[1]), implicit=True,
                                     origin=self.text))
            _place_late(rows, late, self.text)
        return table


def _place_late(rows: list[TableRow], late: list[Node], origin: str) -> None:
    """Content that came after a row line but outside any cell (a nested table, a second
    caption...): a cell of the row it follows.  Blank text and comments before such content
    join its cell rather than make one of their own.  One pass: rows and content are both in
    document order."""
    touched: list[TableRow] = []
    held: list[Node] = []
    held_host: TableRow | None = None
    r = -1

    def place(host: TableRow, nodes: list[Node]) -> None:
        host.span = (host.span[0], max(host.span[1], nodes[-1].span[1]))
        host.cells.append(TableCell((nodes[0].span[0], nodes[-1].span[1]), header=False,
                                    children=nodes, origin=origin))
        if not touched or touched[-1] is not host:
            touched.append(host)

    for p in late:
        while r + 1 < len(rows) and rows[r + 1].span[0] <= p.span[0]:
            r += 1
        if r < 0:
            continue
        host = rows[r]
        if held and held_host is not host:
            place(held_host, held)  # type: ignore[arg-type]
            held = []
        if _blank(p):
            held.append(p)
            held_host = host
            continue
        place(host, held + [p])
        held = []
    if held and held_host is not None:
        place(held_host, held)
    for host in touched:
        host.cells.sort(key=lambda c: c.span[0])


def _blank(node: Node) -> bool:
    return isinstance(node, Comment) or (isinstance(node, Text) and not node.value.strip())


def _header_pipes(items: list[NT], start: int) -> list[NT]:
    """A header line as MediaWiki reads it: every ``!!`` (left to right) becomes ``||``
    before the line is split at ``||``, so ``!a|!!b|c`` is the cells ``a`` and ``|b|c``."""
    out = items[:start]
    j = start
    n = len(items)
    while j < n:
        it = items[j]
        if type(it) is Tok and it.kind == "excl" and j + 1 < n:
            nxt = items[j + 1]
            if type(nxt) is Tok and nxt.kind == "excl" and nxt.start == it.end:
                out.append(Tok("pipe", it.start, it.end))
                out.append(Tok("pipe", nxt.start, nxt.end))
                j += 2
                continue
        out.append(it)
        j += 1
    return out


def _joined(head: list[Node], tail: list[Node]) -> list[Node]:
    joined = list(head)
    add_nodes(joined, tail)
    return joined


def _opener_after_comments(line: Line, text: str) -> Line | None:
    """The table opener of a line whose ``{|`` follows comments, MediaWiki having removed
    them first: ``<!-- c -->{|`` (the opener is the line from ``{|`` on) or ``:<!-- c -->{|``
    (the whole line, its ``:`` indenting the table); None for any other line."""
    items = line.items
    lead = comment_lead(items, text)
    for j in range(lead, len(items)):
        it = items[j]
        if isinstance(it, Comment):
            continue
        if not isinstance(it, Tok):
            return None
        if it.kind == "table_open":
            if j == lead:
                return Line(items[j:], it.start, line.end, line.nl) if lead else None
            return line if lead == 0 else None
        if it.kind != "list_prefix" or text.count(":", it.start, it.end) != it.end - it.start:
            return None
    return None


def _indented(table: Table, indent: int) -> Node:
    """Wrap a ``:{|`` table in ``indent`` nested definition lists."""
    node: Node = table
    for _ in range(indent):
        item = ListItem(table.span, kind="dd", marker=":" * indent, children=[node], origin=table.origin)
        node = List(table.span, kind="dl", items=[item], origin=table.origin)
    return node


_DOUBLE_BRACKET_LINKS = (WikiLink, FileLink, Category, LanguageLink)


def _double_pipe_segments(items: Sequence[NT], first: int,
                          start: int) -> list[tuple[int, list[NT]]]:
    """A cell or caption line's items from ``first`` on, cut at each ``||``: (where the
    segment's marker starts, its items); the first segment's marker starts at ``start``."""
    segments: list[tuple[int, list[NT]]] = []
    cur: list[NT] = []
    seg_start = start
    j = first
    n = len(items)
    while j < n:
        it = items[j]
        if isinstance(it, Tok) and j + 1 < n:
            nxt = items[j + 1]
            if (isinstance(nxt, Tok) and nxt.start == it.end
                    and it.kind == "pipe" and nxt.kind == "pipe"):
                segments.append((seg_start, cur))
                cur = []
                seg_start = it.start
                j += 2
                continue
        cur.append(it)
        j += 1
    segments.append((seg_start, cur))
    return segments
