"""Block structure of a container's items, in MediaWiki's order of passes:

1. block-level HTML tags are paired across lines (their content is a container of its own);
2. the items are cut into lines;
3. tables (``{| |- | || ! !! |+ |}``), with a stack for nested tables (doTableStuff);
4. headings, horizontal rules, lists, indent-pre and paragraphs (doHeadings, doBlockLevels);
5. per line: inline tags paired, bold/italic (doQuotes), leftover tokens to text.

A *container* is the document, a table cell, a template parameter value, a tag's content...;
``mode`` says how much structure it may hold: ``doc`` (paragraphs), ``lines`` (blocks but no
paragraphs, as in template arguments and ``<ref>``), ``inline`` (link labels, headings).
Every item is handled a bounded number of times, so the whole pass is linear.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence, Union

from .. import ast
from .attributes import attributes_from_items, tag_attributes
from .context import Context
from .items import Item, TagTok, Tok, flatten, item_end, item_start
from .quotes import apply_quotes
from .tags import BLOCK_TAGS, VOID_TAGS

if TYPE_CHECKING:
    from .inline import BracketBuilder

NT = Union[ast.Node, Tok]
_BLOCK_NODES = (ast.Table, ast.Heading, ast.List, ast.HorizontalRule, ast.Preformatted,
                ast.Paragraph)
_BLOCK_EXT = frozenset({"pre", "references", "gallery", "poem", "syntaxhighlight", "source",
                        "timeline", "graph", "mapframe", "imagemap", "categorytree", "inputbox",
                        "templatedata", "score"})
_WS = frozenset(" \t\r\f\v\u00a0")


class Line:
    __slots__ = ("items", "start", "end", "nl")

    def __init__(self, items: list[NT], start: int, end: int, nl: Tok | None) -> None:
        self.items = items
        self.start = start
        self.end = end
        self.nl = nl


class BlockEntry:
    """An already built block (a table) among the lines of a container."""

    __slots__ = ("node",)

    def __init__(self, node: ast.Node) -> None:
        self.node = node


Entry = Union[Line, BlockEntry]


class BlockBuilder:
    def __init__(self, ctx: Context, brackets: BracketBuilder) -> None:
        self.ctx = ctx
        self.brackets = brackets
        self.text = ctx.text

    # ================================================================== containers

    def container(self, items: Sequence[Item], mode: str, first_raw: bool = False,
                  top: bool = False, last_raw: bool = False) -> list[ast.Node]:
        """Nodes of a container; ``first_raw``: its first line continues a block tag's line
        (``<div>text``), which MediaWiki never wraps in a paragraph."""
        flat = flatten(items)
        if not flat:
            return []
        if mode != "doc":
            # fast path (most template arguments): only text and finished constructs
            for it in flat:
                if type(it) is Tok and it.kind not in _PLAIN_KINDS:
                    break
                if type(it) is TagTok:
                    break
            else:
                return self.to_nodes(flat)
        if mode == "inline":
            return self.inline(flat)
        flat = self._pair_block_tags(flat)
        lines = self._split_lines(flat)
        entries = self._tables(lines, mode)
        return self._blocks(entries, mode, first_raw=first_raw, wrap_loose=top and mode == "doc",
                            last_raw=last_raw)

    # ================================================================== inline content

    def inline(self, items: list[NT]) -> list[ast.Node]:
        """Tags paired, quotes applied line by line, tokens to text."""
        items = self._pair_inline_tags(items)
        has_quotes = False
        for it in items:
            if type(it) is Tok and it.kind == "quotes":
                has_quotes = True
                break
        if has_quotes:
            out: list[NT] = []
            seg: list[NT] = []
            for it in items:
                if isinstance(it, Tok) and it.kind == "nl":
                    if seg:
                        out.extend(apply_quotes(seg, self.text, self.to_nodes))
                        seg = []
                    out.append(it)
                else:
                    seg.append(it)
            if seg:
                out.extend(apply_quotes(seg, self.text, self.to_nodes))
            items = out
        return self.to_nodes(items)

    def to_nodes(self, items: list[NT]) -> list[ast.Node]:
        """Tokens become Text (adjacent ones merged); nodes are kept."""
        out: list[ast.Node] = []
        text = self.text
        run_start = -1
        run_end = -1
        for it in items:
            if isinstance(it, Tok):
                if run_start >= 0 and it.start == run_end:
                    run_end = it.end
                else:
                    if run_start >= 0:
                        out.append(ast.Text((run_start, run_end), value=text[run_start:run_end]))
                    run_start, run_end = it.start, it.end
            else:
                if run_start >= 0:
                    out.append(ast.Text((run_start, run_end), value=text[run_start:run_end]))
                    run_start = -1
                out.append(it)
        if run_start >= 0:
            out.append(ast.Text((run_start, run_end), value=text[run_start:run_end]))
        return out

    # ================================================================== tag balancing

    def _make_tag(self, tok: TagTok, kind: str, children: list[ast.Node], end: int) -> ast.Tag:
        attrs = tag_attributes(self.ctx, tok.attr_start, tok.attr_end)
        return ast.Tag((tok.start, end), name=tok.name, attrs=attrs, children=children, kind=kind,
                       self_closing=tok.self_closing)

    def _pair(self, items: list[NT], names: frozenset[str] | None, content_mode: str) -> list[NT]:
        """Pair start/end tags (those in ``names``, or all when None) with a stack."""
        for it in items:
            if type(it) is TagTok:
                break
        else:
            return items
        out: list[NT] = []
        stack: list[tuple[TagTok, int]] = []
        open_count: dict[str, int] = {}
        max_depth = self.ctx.limits.max_depth
        for it in items:
            if type(it) is not TagTok:
                out.append(it)
                continue
            assert isinstance(it, TagTok)
            name = it.name
            if names is not None and name not in names:
                out.append(it)
                continue
            if name in VOID_TAGS:
                if it.closing and name != "br":
                    out.append(self._make_tag(it, "stray-close", [], it.end))
                else:  # </br> is <br> in MediaWiki
                    out.append(self._make_tag(it, "void", [], it.end))
                continue
            if it.self_closing and not it.closing:
                out.append(self._make_tag(it, "paired", [], it.end))
                continue
            if not it.closing:
                closes = _IMPLIED_END.get(name)
                while closes is not None and stack and stack[-1][0].name in closes[0]:
                    # <td> closes an open <td>/<th>, <li> an open <li>... (HTML's implied ends)
                    opener, idx = stack.pop()
                    open_count[opener.name] -= 1
                    content = out[idx + 1 :]
                    del out[idx:]
                    end = item_end(content[-1]) if content else opener.end
                    out.append(self._tag_with_content(opener, "unclosed", content, end,
                                                      _content_mode(opener.name, content_mode)))
                if len(stack) + self.ctx.depth >= max_depth:
                    self.ctx.diag("limit-depth", "tags nested too deep: kept as text",
                                  (it.start, it.end), "warning", once=True)
                    out.append(Tok("text", it.start, it.end))
                    continue
                stack.append((it, len(out)))
                open_count[name] = open_count.get(name, 0) + 1
                out.append(it)
                continue
            if not open_count.get(name):
                out.append(self._make_tag(it, "stray-close", [], it.end))
                continue
            while True:
                opener, idx = stack.pop()
                open_count[opener.name] -= 1
                content = out[idx + 1 :]
                del out[idx:]
                mode = _content_mode(opener.name, content_mode)
                if opener.name == name:
                    out.append(self._tag_with_content(opener, "paired", content, it.end, mode))
                    break
                end = item_end(content[-1]) if content else opener.end
                out.append(self._tag_with_content(opener, "unclosed", content, end, mode))
        while stack:
            opener, idx = stack.pop()
            content = out[idx + 1 :]
            del out[idx:]
            end = item_end(content[-1]) if content else opener.end
            out.append(self._tag_with_content(opener, "unclosed", content, end,
                                              _content_mode(opener.name, content_mode)))
        return out

    def _tag_with_content(self, opener: TagTok, kind: str, content: list[NT], end: int,
                          mode: str) -> ast.Tag:
        self.ctx.depth += 1
        try:
            if mode == "inline":
                children = self.inline(content)
            else:
                # the lines holding the start and end tags are block lines: not wrapped
                children = self.container(content, mode, first_raw=mode == "doc",
                                          last_raw=mode == "doc" and kind == "paired",
                                          top=opener.name == "blockquote")
        finally:
            self.ctx.depth -= 1
        return self._make_tag(opener, kind, children, end)

    def _pair_block_tags(self, items: list[NT]) -> list[NT]:
        return self._pair(items, BLOCK_TAGS, "lines")

    def _pair_inline_tags(self, items: list[NT]) -> list[NT]:
        return self._pair(items, None, "inline")

    # ================================================================== lines

    def _split_lines(self, items: list[NT]) -> list[Line]:
        lines: list[Line] = []
        cur: list[NT] = []
        start = item_start(items[0])
        for it in items:
            if type(it) is Tok and it.kind == "nl":
                lines.append(Line(cur, start, it.start, it))
                cur = []
                start = it.end
            else:
                cur.append(it)
        if cur:
            lines.append(Line(cur, start, item_end(cur[-1]), None))
        return lines

    # ================================================================== tables

    def _tables(self, lines: list[Line], mode: str) -> list[Entry]:
        out: list[Entry] = []
        stack: list[_TableBuilder] = []
        for line in lines:
            first = _first_tok_kind(line.items)
            if first == "table_open":
                if len(stack) + self.ctx.depth >= self.ctx.limits.max_depth:
                    self.ctx.diag("limit-depth", "tables nested too deep: kept as text",
                                  (line.start, line.end), "warning", once=True)
                else:
                    stack.append(_TableBuilder(self, line, mode))
                    continue
            if stack:
                tb = stack[-1]
                if first is None and line.items:
                    lead = _comment_lead(line.items, self.text)
                    if lead and lead < len(line.items):
                        # comments before table markup: MediaWiki strips them first
                        head, tail = line.items[:lead], line.items[lead:]
                        tb.transparent(Line(head, line.start, item_end(head[-1]), None))
                        line = Line(tail, item_start(tail[0]), line.end, line.nl)
                        first = _first_tok_kind(line.items)
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

    # ================================================================== blocks

    def _blocks(self, entries: list[Entry], mode: str, first_raw: bool,
                wrap_loose: bool = False, last_raw: bool = False) -> list[ast.Node]:
        state = _BlockState(self, mode, wrap_loose)
        last = len(entries) - 1
        for n, entry in enumerate(entries):
            if isinstance(entry, BlockEntry):
                state.block(entry.node)
                continue
            if (n == 0 and first_raw) or (n == last and last_raw and entry.nl is None):
                state.raw_line(entry, keep_newline=n < last)
                continue
            state.line(entry)
        return state.finish()

    # ------------------------------------------------------------------ headings

    def heading(self, line: Line) -> tuple[ast.Heading, list[ast.Node]] | None:
        """The heading a line forms (and the trailing nodes after it), or None."""
        items = line.items
        first = items[0]
        assert isinstance(first, Tok)
        text = self.text
        # the last significant item: skip trailing whitespace text and comments
        k = len(items) - 1
        while k > 0:
            it = items[k]
            if isinstance(it, ast.Comment):
                k -= 1
            elif isinstance(it, Tok) and it.kind == "text" and not text[it.start : it.end].strip(" \t"):
                k -= 1
            else:
                break
        last = items[k]
        if not (isinstance(last, Tok) and last.kind in ("eq", "heading_start")):
            return None
        trailing = self.to_nodes(items[k + 1 :])
        if k == 0:
            # a line of '=' only: the doHeadings rule for "=====" lines
            count = first.end - first.start
            if count < 3:
                return None
            level = min(6, (count - 1) // 2)
            inner: list[NT] = [Tok("text", first.start + level, first.end - level)]
            end = first.end
        else:
            c1 = first.end - first.start
            c2 = last.end - last.start
            level = min(c1, c2, 6)
            inner = []
            if c1 > level:
                inner.append(Tok("text", first.start + level, first.end))
            inner.extend(items[1:k])
            if c2 > level:
                inner.append(Tok("text", last.start, last.end - level))
            end = last.end
        heading = ast.Heading((first.start, end), level=level, children=self.inline(inner))
        return heading, trailing


def _comment_lead(items: list[NT], text: str) -> int:
    """Number of leading items that are comments or blank text, when a comment is among them."""
    n = 0
    seen = False
    for it in items:
        if isinstance(it, ast.Comment):
            seen = True
        elif not (isinstance(it, Tok) and it.kind in ("text", "line_space") and not text[it.start:it.end].strip()):
            break
        n += 1
    return n if seen else 0


def _first_tok_kind(items: list[NT]) -> str | None:
    """Kind of a line's first token, looking past leading whitespace (as trim() does)."""
    for it in items:
        if isinstance(it, Tok):
            if it.kind == "line_space":
                continue
            return it.kind
        return None
    return None


class _TableBuilder:
    """Collects one table's rows and cells while the line loop runs."""

    def __init__(self, bb: BlockBuilder, line: Line, mode: str) -> None:
        self.bb = bb
        self.mode = "lines" if mode == "lines" else "doc"
        opener = next(it for it in line.items if isinstance(it, Tok) and it.kind == "table_open")
        idx = line.items.index(opener)
        # ':{|' indents the table like a definition (MediaWiki: <dl><dd><table>)
        self.indent = bb.text.count(":", opener.start, opener.end)
        self.start = opener.start
        self.end = line.end
        self.attrs = attributes_from_items(bb.ctx, line.items[idx + 1 :])
        self.attr_nodes = [it for it in line.items[:idx] if not isinstance(it, Tok)]
        self.prelude: list[Entry] = []
        self.caption_node: ast.TableCaption | None = None
        self.caption_entries: list[Entry] | None = None
        self.caption_start = 0
        self.caption_attrs: list[ast.Attribute] = []
        self.rows: list[ast.TableRow] = []
        self.row: ast.TableRow | None = None
        self.cell_entries: list[Entry] | None = None
        self.cell: ast.TableCell | None = None
        self.pending: list[ast.Node] = []  # comments waiting for the row's first cell

    def transparent(self, line: Line) -> None:
        """A comment-only line: between a row marker and its first cell it belongs to that
        cell (it must not make one); elsewhere it goes with the surrounding content."""
        if self.cell is None and self.caption_entries is None and self.row is not None \
                and not self.row.cells:
            self.pending.extend(self.bb.to_nodes(line.items))
        else:
            self.sink().append(line)

    def continuation(self, line: Line) -> None:
        """A line without table markup: it continues the open cell or caption; inside a row
        that has no cell yet it starts one (MediaWiki would emit it inside the <tr>)."""
        if self.cell is None and self.caption_entries is None and self.row is not None:
            text = self.bb.text
            if all(isinstance(it, Tok) and it.kind in ("text", "line_space")
                   and not text[it.start:it.end].strip() for it in line.items):
                self.transparent(line)  # a blank line makes no cell
                return
            cell = ast.TableCell((line.start, line.end), header=False)
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
        return self.prelude

    def _finish_cell(self) -> None:
        if self.cell is not None and self.cell_entries is not None:
            cell = self.cell
            cell.children = self.bb._blocks(self.cell_entries, self.mode, first_raw=True)
            if self.pending:
                cell.children[:0] = self.pending
                cell.span = (min(cell.span[0], self.pending[0].span[0]), cell.span[1])
                self.pending = []
            end = _entries_end(self.cell_entries, cell.span[1])
            if cell.children:
                end = max(end, cell.children[-1].span[1])
            cell.span = (cell.span[0], max(end, cell.span[1]))
            self._extend_row(cell.span[1])
        self.cell = None
        self.cell_entries = None

    def _finish_caption(self) -> None:
        if self.caption_entries is not None:
            # captions are never wrapped in paragraphs
            children = self.bb._blocks(self.caption_entries, "lines", first_raw=True)
            end = _entries_end(self.caption_entries, self.caption_start + 2)
            if children:
                end = max(end, children[-1].span[1])
            node = ast.TableCaption((self.caption_start, end), attrs=self.caption_attrs,
                                    children=children)
            if self.caption_node is None:
                self.caption_node = node
            else:  # a second caption: MediaWiki keeps both; we keep the first, the rest as cell
                self.prelude.append(BlockEntry(node))
            self.caption_entries = None

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
        attrs = attributes_from_items(self.bb.ctx, line.items[idx + 1 :])
        row = ast.TableRow((tok.start, max(line.end, tok.end)), attrs=attrs)
        self.rows.append(row)
        self.row = row

    def caption(self, line: Line) -> None:
        self._finish_cell()
        self._finish_caption()
        tok = next(it for it in line.items if isinstance(it, Tok) and it.kind == "table_caption")
        idx = line.items.index(tok)
        rest = line.items[idx + 1 :]
        attrs, content = self._split_attrs(rest)
        self.caption_start = tok.start
        self.caption_attrs = attrs
        first = Line(content, tok.end, line.end, line.nl)
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
        segments: list[tuple[int, list[NT]]] = []  # (marker start, items)
        cur: list[NT] = []
        seg_start = marker.start
        j = i + 1
        n = len(items)
        while j < n:
            it = items[j]
            if isinstance(it, Tok) and j + 1 < n:
                nxt = items[j + 1]
                if (isinstance(nxt, Tok) and nxt.start == it.end
                        and ((it.kind == "pipe" and nxt.kind == "pipe")
                             or (header and it.kind == "excl" and nxt.kind == "excl"))):
                    segments.append((seg_start, cur))
                    cur = []
                    seg_start = it.start
                    j += 2
                    continue
            cur.append(it)
            j += 1
        segments.append((seg_start, cur))
        if self.row is None:
            self.row = ast.TableRow((segments[0][0], line.end), implicit=True)
            self.rows.append(self.row)
        for k, (start, seg) in enumerate(segments):
            attrs, content = self._split_attrs(seg)
            last = k == len(segments) - 1
            cell = ast.TableCell((start, line.end if last else segments[k + 1][0]),
                                 header=header, attrs=attrs)
            self.row.cells.append(cell)
            if k < len(segments) - 1:
                cell.children = self.bb.inline(content) if content else []
                if self.pending:
                    cell.children[:0] = self.pending
                    cell.span = (min(cell.span[0], self.pending[0].span[0]), cell.span[1])
                    self.pending = []
                self._extend_row(cell.span[1])
            else:
                c_start = item_start(content[0]) if content else line.end
                self.cell = cell
                self.cell_entries = [Line(content, c_start, line.end, line.nl)]
                self._extend_row(line.end)

    def _split_attrs(self, seg: list[NT]) -> tuple[list[ast.Attribute], list[NT]]:
        """``attrs | content`` when the segment holds a single pipe and the attribute part
        has no link (MediaWiki's rule); else no attributes."""
        for idx, it in enumerate(seg):
            if isinstance(it, Tok) and it.kind == "pipe":
                head = seg[:idx]
                for h in head:
                    if not isinstance(h, Tok) and not isinstance(
                        h, (ast.Template, ast.Argument, ast.Comment, ast.ParserFunction,
                            ast.Variable, ast.Entity)):
                        return [], seg
                    if isinstance(h, TagTok):
                        return [], seg
                return attributes_from_items(self.bb.ctx, head), seg[idx + 1 :]
            if not isinstance(it, Tok) and isinstance(it, (ast.WikiLink, ast.FileLink, ast.Category)):
                return [], seg
        return [], seg

    def close(self, line: Line) -> tuple[ast.Table, Line | None]:
        tok = next(it for it in line.items if isinstance(it, Tok) and it.kind == "table_close")
        idx = line.items.index(tok)
        table = self.finish(closed=True, end=tok.end)
        rest_items = line.items[idx + 1 :]
        rest = Line(rest_items, tok.end, line.end, line.nl) if rest_items else None
        return table, rest

    def finish(self, closed: bool, end: int | None = None) -> ast.Table:
        self._finish_cell()
        self._finish_caption()
        self._flush_pending()
        prelude = self.bb._blocks(self.prelude, self.mode, first_raw=False) if self.prelude else []
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
        table = ast.Table((self.start, end), attrs=self.attrs, caption=self.caption_node,
                          rows=rows, closed=closed, prelude=prelude)
        if prelude and (rows or self.caption_node) and prelude[-1].span[0] > min(
                [r.span[0] for r in rows] + ([self.caption_node.span[0]] if self.caption_node else [])):
            # content between rows (after a row line, before a cell): move into the row it follows
            table.prelude = [p for p in prelude if not rows or p.span[1] <= rows[0].span[0]]
            late = [p for p in prelude if rows and p.span[1] > rows[0].span[0]]
            for p in late:
                host = None
                for r in rows:
                    if r.span[0] <= p.span[0]:
                        host = r
                if host is not None:
                    host.span = (host.span[0], max(host.span[1], p.span[1]))
                    cell = ast.TableCell(p.span, header=False, children=[p])
                    host.cells.append(cell)
                    host.cells.sort(key=lambda c: c.span[0])
        return table


def _indented(table: ast.Table, indent: int) -> ast.Node:
    """Wrap a ``:{|`` table in ``indent`` nested definition lists."""
    node: ast.Node = table
    for _ in range(indent):
        item = ast.ListItem(table.span, kind="dd", marker=":" * indent, children=[node])
        node = ast.List(table.span, kind="dl", items=[item])
    return node


def _entries_end(entries: list[Entry], default: int) -> int:
    end = default
    for e in entries:
        if isinstance(e, BlockEntry):
            end = max(end, e.node.span[1])
        elif e.items:
            end = max(end, item_end(e.items[-1]))
    return end


class _BlockState:
    """doBlockLevels for one container: paragraphs, pre, lists, with MediaWiki's rules for
    blank lines (``</p><p>`` and ``<p><br>``)."""

    def __init__(self, bb: BlockBuilder, mode: str, wrap_loose: bool = False) -> None:
        self.bb = bb
        self.wrap_loose = wrap_loose
        self.text = bb.text
        self.mode = mode
        self.out: list[ast.Node] = []
        self.last = ""  # '', 'p', 'pre'
        self.pending: str | None = None  # None, '<p>', '</p><p>'
        self.para: ast.Paragraph | ast.Preformatted | None = None
        self.para_nl: Tok | None = None
        self.lists: list[tuple[ast.List, ast.ListItem]] = []
        self.list_prefix = ""

    # -------------------------------------------------------------- paragraph machinery

    def close_paragraph(self) -> None:
        self.para = None
        self.para_nl = None
        self.last = ""

    def open(self, node: ast.Paragraph | ast.Preformatted) -> None:
        self.out.append(node)
        self.para = node
        self.para_nl = None

    def add_to_para(self, nodes: list[ast.Node], line: Line) -> None:
        para = self.para
        assert para is not None
        if para.children and self.para_nl is not None:
            nl = self.para_nl
            para.children.append(ast.Text((nl.start, nl.end), value="\n"))
        para.children.extend(nodes)
        end = nodes[-1].span[1] if nodes else line.end
        start = para.span[0]
        if para.children:
            start = min(start, para.children[0].span[0])
        para.span = (start, max(para.span[1], end))
        self.para_nl = line.nl

    def close_lists(self, keep: int = 0) -> None:
        while len(self.lists) > keep:
            self.lists.pop()
        if keep == 0:
            self.list_prefix = ""

    def block(self, node: ast.Node) -> None:
        self.close_lists()
        self.pending = None
        self.close_paragraph()
        self.out.append(node)

    def emit_raw(self, nodes: list[ast.Node], line: Line) -> None:
        """Nodes outside paragraphs; in ``lines`` mode the newline stays as text."""
        self.out.extend(nodes)
        if self.mode != "doc" and line.nl is not None:
            self.out.append(ast.Text((line.nl.start, line.nl.end), value="\n"))

    # -------------------------------------------------------------- lines

    def raw_line(self, line: Line, keep_newline: bool = False) -> None:
        """A line that shares a block tag's line (the first line of a table cell or caption,
        the lines holding a div's start and end tags): never wrapped in a paragraph."""
        if not line.items:
            return
        kind = _first_tok_kind(line.items)
        if kind in ("list_prefix", "heading_start", "hr"):
            self.line(line)
            return
        self.close_lists()
        self.pending = None
        self.close_paragraph()
        self.out.extend(self.bb.inline(line.items))
        if keep_newline and line.nl is not None:
            self.out.append(ast.Text((line.nl.start, line.nl.end), value="\n"))

    def line(self, line: Line) -> None:
        items = line.items
        bb = self.bb
        text = self.text
        first = items[0] if items else None
        fkind = first.kind if isinstance(first, Tok) else None
        if fkind == "heading_start":
            built = bb.heading(line)
            if built is not None:
                heading, trailing = built
                self.block(heading)
                for t in trailing:
                    self.out.append(t)
                return
        if fkind == "hr":
            assert isinstance(first, Tok)
            self.block(ast.HorizontalRule((first.start, first.end)))
            rest = items[1:]
            if rest:
                self.out.extend(bb.inline(rest))
            return
        if fkind == "list_prefix":
            self.list_line(line)
            return
        # comment-only lines vanish in MediaWiki (with their newline): attach, change nothing
        if items and all(isinstance(it, ast.Comment) or (isinstance(it, Tok) and it.kind in ("text", "line_space")
                         and not text[it.start:it.end].strip()) for it in items) and any(
                isinstance(it, ast.Comment) for it in items):
            nodes = bb.to_nodes(items)
            if self.lists:
                item = self.lists[-1][1]
                item.children.extend(nodes)
                self._extend(nodes[-1].span[1])
            elif self.para is not None:
                self.add_to_para(nodes, line)
            else:
                self.out.extend(nodes)
            return
        if self.lists:
            self.close_lists()
        has_block = any(_is_block_item(it) for it in items)
        if has_block:
            self.pending = None
            self.close_paragraph()
            self.emit_raw(bb.inline(items), line)
            return
        blank = all(isinstance(it, Tok) and it.kind in ("text", "line_space")
                    and not text[it.start:it.end].strip() for it in items)
        if self.mode != "doc":
            self.emit_raw(bb.inline(items), line)
            return
        # indent-pre: a line starting with a space
        if (fkind == "line_space" and text[first.start] == " "  # type: ignore[union-attr]
                and (self.last == "pre" or not blank)):
            if self.last != "pre":
                self.pending = None
                self.close_paragraph()
                self.open(ast.Preformatted((line.start, line.end)))
                self.last = "pre"
            assert isinstance(first, Tok)
            content: list[NT] = []
            if first.end > first.start + 1:
                content.append(Tok("text", first.start + 1, first.end))
            content.extend(items[1:])
            nodes = bb.inline(content)
            self.add_to_para(nodes, line)
            return
        if blank:
            if self.pending is not None:
                if self.pending == "</p><p>":
                    self.close_paragraph()
                brk = ast.ParagraphBreak((line.start, line.nl.end if line.nl else line.end))
                self.open(ast.Paragraph(brk.span, children=[brk]))
                self.para_nl = None  # the break's span holds its newline
                self.pending = None
                self.last = "p"
            elif self.last != "p":
                self.close_paragraph()
                self.pending = "<p>"
            else:
                self.pending = "</p><p>"
            return
        nodes = bb.inline(items)
        if self.pending is not None:
            if self.pending == "</p><p>":
                self.close_paragraph()
            if self.para is None:
                self.open(ast.Paragraph((line.start, line.end)))
            self.pending = None
            self.last = "p"
        elif self.last != "p":
            self.close_paragraph()
            self.open(ast.Paragraph((line.start, line.end)))
            self.last = "p"
        if self.para is None:
            self.open(ast.Paragraph((line.start, line.end)))
        self.add_to_para(nodes, line)

    # -------------------------------------------------------------- lists

    def list_line(self, line: Line) -> None:
        items = line.items
        tok = items[0]
        assert isinstance(tok, Tok)
        prefix = self.text[tok.start : tok.end]
        norm = prefix.replace(";", ":")
        content = items[1:]
        self.pending = None
        if self.para is not None or self.last:
            self.close_paragraph()
        last = self.list_prefix
        if not self.lists:
            last = ""
        common = 0
        for a, b in zip(norm, last):
            if a != b:
                break
            common += 1
        # close levels that are not shared
        if len(self.lists) > common:
            del self.lists[common:]
        term_split = None
        if len(prefix) <= common and common > 0:
            # next item in the list at level `common`
            char = prefix[common - 1]
            lst, _ = self.lists[common - 1]
            item = ast.ListItem((tok.start, line.end), kind=_ITEM_KIND[char], marker=prefix)
            lst.items.append(item)
            self.lists[common - 1] = (lst, item)
            if char == ";":
                term_split = True
        while len(prefix) > common:
            char = prefix[common]
            lst = ast.List((tok.start + common, line.end), kind=_LIST_KIND[char])
            item = ast.ListItem((tok.start + common, line.end), kind=_ITEM_KIND[char], marker=prefix)
            lst.items.append(item)
            if common == 0:
                self.out.append(lst)
            else:
                parent_item = self.lists[common - 1][1]
                parent_item.children.append(lst)
            self.lists.append((lst, item))
            if char == ";":
                term_split = True
            common += 1
        self.list_prefix = norm
        lst, item = self.lists[-1]
        if term_split:
            split = self._split_term(content)
            if split is not None:
                term, colon, definition = split
                item.children.extend(self.bb.inline(term))
                item.span = (item.span[0], colon.start)
                dd = ast.ListItem((colon.start, line.end), kind="dd", marker=":")
                dd.children.extend(self.bb.inline(definition))
                lst.items.append(dd)
                self.lists[-1] = (lst, dd)
                self._extend(line.end)
                return
        item.children.extend(self.bb.inline(content))
        self._extend(line.end)

    def _extend(self, end: int) -> None:
        for lst, item in self.lists:
            lst.span = (lst.span[0], max(lst.span[1], end))
            item.span = (item.span[0], max(item.span[1], end))

    def _split_term(self, items: list[NT]) -> tuple[list[NT], Tok, list[NT]] | None:
        text = self.text
        for idx, it in enumerate(items):
            if isinstance(it, Tok) and it.kind == "text":
                pos = text.find(":", it.start, it.end)
                if pos >= 0:
                    before = items[:idx]
                    if pos > it.start:
                        before = before + [Tok("text", it.start, pos)]
                    after: list[NT] = []
                    if pos + 1 < it.end:
                        after.append(Tok("text", pos + 1, it.end))
                    after.extend(items[idx + 1 :])
                    return before, Tok("text", pos, pos + 1), after
            elif isinstance(it, Tok) and it.kind == "list_prefix":
                pass
        return None

    def finish(self) -> list[ast.Node]:
        if self.wrap_loose:
            return _wrap_loose(self.out, self.text)
        return self.out


# tag -> (open tags it closes when it starts, -): HTML's implied end tags, which an HTML
# parser (and so MediaWiki's output) applies
_IMPLIED_END: dict[str, tuple[frozenset[str], None]] = {
    "td": (frozenset({"td", "th"}), None),
    "th": (frozenset({"td", "th"}), None),
    "tr": (frozenset({"td", "th", "tr"}), None),
    "li": (frozenset({"li"}), None),
    "dt": (frozenset({"dt", "dd"}), None),
    "dd": (frozenset({"dt", "dd"}), None),
}


def _content_mode(name: str, default: str) -> str:
    """div, blockquote and center are not in doBlockLevels' "open" set: lines after them
    are wrapped in paragraphs."""
    return "doc" if name in {"div", "blockquote", "center"} and default != "inline" else default


_LIST_KIND = {"*": "ul", "#": "ol", ":": "dl", ";": "dl"}
# token kinds that are plain text wherever they stand (no line, quote or tag meaning)
_PLAIN_KINDS = frozenset({"text", "pipe", "eq", "excl"})
_ITEM_KIND = {"*": "li", "#": "li", ":": "dd", ";": "dt"}


def _wrap_loose(nodes: list[ast.Node], text: str) -> list[ast.Node]:
    """Runs of inline nodes between blocks become paragraphs, as MediaWiki's HTML tidying
    (RemexCompatMunger) wraps inline content left directly in the body or a blockquote."""
    out: list[ast.Node] = []
    run: list[ast.Node] = []

    def flush() -> None:
        if any(not _is_blank(n, text) for n in run):
            # leading/trailing blank text stays outside the paragraph
            i, j = 0, len(run)
            while _is_blank(run[i], text):
                i += 1
            while _is_blank(run[j - 1], text):
                j -= 1
            out.extend(run[:i])
            out.append(ast.Paragraph((run[i].span[0], run[j - 1].span[1]), children=run[i:j]))
            out.extend(run[j:])
        else:
            out.extend(run)
        run.clear()

    for node in nodes:
        if _is_block_item(node) or isinstance(node, ast.Paragraph):
            flush()
            out.append(node)
        else:
            run.append(node)
    flush()
    return out


def _is_blank(node: ast.Node, text: str) -> bool:
    if isinstance(node, ast.Comment):
        return True
    return isinstance(node, ast.Text) and not node.value.strip()


def _is_block_item(it: NT) -> bool:
    if isinstance(it, Tok):
        return isinstance(it, TagTok) and it.name in BLOCK_TAGS
    if isinstance(it, ast.Tag):
        return it.name in BLOCK_TAGS or it.name == "hr"
    if isinstance(it, ast.ExtensionTag):
        return it.name in _BLOCK_EXT
    if isinstance(it, ast.FileLink):
        # thumbnails, framed and aligned images are figures (block elements)
        return not it.is_media and (it.format in ("thumb", "frame") or it.align is not None)
    return isinstance(it, _BLOCK_NODES)
