"""Block levels: MediaWiki's doBlockLevels over the entries of one container.

Lists (prefix nesting with ``;`` ≡ ``:``, ``;term:definition`` on one line), horizontal rules,
indent-pre (a line starting with a space) and paragraphs, with MediaWiki's rules for blank
lines (``</p><p>`` and ``<p><br>``).  Comment-only lines vanish in MediaWiki: here they are
attached where they stand and change nothing.  In ``lines`` mode (template arguments,
``<ref>``) nothing is wrapped and newlines stay as text.  Block entries built by earlier passes
(tables, headings) close the open paragraph and lists.
"""

from __future__ import annotations

from ..ast import (
    Comment, HorizontalRule, ItemKind, List, ListItem, ListKind, Node, Paragraph, ParagraphBreak,
    Preformatted, Text)
from .context import Context
from .interfaces import Reentry
from .items import (NT, BlockEntry, ContainerState, Line, Tok, add_nodes, first_tok_kind, is_blank_tok,
                    newline_text, to_nodes)
from .tags import is_block_item

_LIST_KIND: dict[str, ListKind] = {"*": "ul", "#": "ol", ":": "dl", ";": "dl"}
_ITEM_KIND: dict[str, ItemKind] = {"*": "li", "#": "li", ":": "dd", ";": "dt"}


class BlockLevels:
    """The doBlockLevels pass of a parse."""

    def __init__(self, ctx: Context, passes: Reentry) -> None:
        self.text = ctx.text
        self.passes = passes

    def do_block_levels(self, state: ContainerState) -> None:
        """Block pass: ``state.entries`` to ``state.nodes``."""
        levels = _BlockState(self.text, self.passes, state.mode)
        entries = state.entries
        first_raw = state.first_raw
        last_raw = state.last_raw
        last = len(entries) - 1
        for n, entry in enumerate(entries):
            if isinstance(entry, BlockEntry):
                levels.block(entry.node)
                if entry.trailing:
                    add_nodes(levels.out, entry.trailing)
                continue
            if (n == 0 and first_raw) or (n == last and last_raw and entry.nl is None):
                levels.raw_line(entry, keep_newline=n < last)
                continue
            levels.line(entry)
        state.nodes = levels.out


class _BlockState:
    """doBlockLevels for one container: paragraphs, pre, lists, with MediaWiki's rules for
    blank lines (``</p><p>`` and ``<p><br>``)."""

    def __init__(self, text: str, passes: Reentry, mode: str) -> None:
        self.passes = passes
        self.text = text
        self.mode = mode
        self.out: list[Node] = []
        self.last = ""  # '', 'p', 'pre'
        self.pending: str | None = None  # None, '<p>', '</p><p>'
        self.para: Paragraph | Preformatted | None = None
        self.para_nl: Tok | None = None
        self.lists: list[tuple[List, ListItem]] = []
        self.list_prefix = ""

    # -------------------------------------------------------------- paragraph machinery

    def close_paragraph(self) -> None:
        self.para = None
        self.para_nl = None
        self.last = ""

    def open(self, node: Paragraph | Preformatted) -> None:
        self.out.append(node)
        self.para = node
        self.para_nl = None

    def add_to_para(self, nodes: list[Node], line: Line) -> None:
        para = self.para
        assert para is not None
        if para.children and self.para_nl is not None:
            nl = self.para_nl
            add_nodes(para.children, [newline_text(nl, self.text)])
        add_nodes(para.children, nodes)
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

    def block(self, node: Node) -> None:
        self.close_lists()
        self.pending = None
        self.close_paragraph()
        self.out.append(node)

    def emit_raw(self, nodes: list[Node], line: Line) -> None:
        """Nodes outside paragraphs; in ``lines`` mode the newline stays as text, and in the
        document after inline content that follows a block (``a[[File:F|thumb]]b``): the
        paragraph wrapping that text gets joins it to the next line's as MediaWiki's does."""
        add_nodes(self.out, nodes)
        if line.nl is not None and (self.mode != "doc" or (
                nodes and not is_block_item(nodes[-1]) and str(nodes[-1]).strip()
                and any(is_block_item(n) for n in nodes))):
            add_nodes(self.out, [newline_text(line.nl, self.text)])

    # -------------------------------------------------------------- lines

    def raw_line(self, line: Line, keep_newline: bool = False) -> None:
        """A line that shares a block tag's line (the first line of a table cell or caption,
        the lines holding a div's start and end tags): never wrapped in a paragraph."""
        if not line.items:
            return
        kind = first_tok_kind(line.items)
        if kind in ("list_prefix", "heading_start", "hr"):
            self.line(line)
            return
        self.close_lists()
        self.pending = None
        self.close_paragraph()
        add_nodes(self.out, self.passes.inline(line.items))
        if keep_newline and line.nl is not None:
            add_nodes(self.out, [newline_text(line.nl, self.text)])

    def line(self, line: Line) -> None:
        items = line.items
        inline = self.passes.inline
        text = self.text
        first = items[0] if items else None
        fkind = first.kind if isinstance(first, Tok) else None
        if fkind == "hr":
            assert isinstance(first, Tok)
            self.block(HorizontalRule((first.start, first.end), origin=self.text))
            rest = items[1:]
            if rest:
                add_nodes(self.out, inline(rest))
            return
        if fkind == "list_prefix":
            self.list_line(line)
            return
        # comment-only lines vanish in MediaWiki (with their newline): attach, change nothing
        if items and all(isinstance(it, Comment) or is_blank_tok(it, text) for it in items) and any(
                isinstance(it, Comment) for it in items):
            nodes = to_nodes(items, text)
            if self.lists:
                item = self.lists[-1][1]
                add_nodes(item.children, nodes)
                self._extend(nodes[-1].span[1])
            elif self.para is not None:
                self.add_to_para(nodes, line)
            else:
                add_nodes(self.out, nodes)
            return
        if self.lists:
            self.close_lists()
        has_block = any(is_block_item(it) for it in items)
        if has_block:
            self.pending = None
            self.close_paragraph()
            self.emit_raw(inline(items), line)
            return
        blank = all(is_blank_tok(it, text) for it in items)
        if self.mode != "doc":
            self.emit_raw(inline(items), line)
            return
        # indent-pre: a line starting with a space
        if (fkind == "line_space" and text[first.start] == " "  # type: ignore[union-attr]
                and (self.last == "pre" or not blank)):
            if self.last != "pre":
                self.pending = None
                self.close_paragraph()
                self.open(Preformatted((line.start, line.end), origin=self.text))
                self.last = "pre"
            assert isinstance(first, Tok)
            content: list[NT] = []
            if first.end > first.start + 1:
                content.append(Tok("text", first.start + 1, first.end))
            content.extend(items[1:])
            nodes = inline(content)
            self.add_to_para(nodes, line)
            return
        if blank:
            if self.pending is not None:
                if self.pending == "</p><p>":
                    self.close_paragraph()
                brk = ParagraphBreak((line.start, line.nl.end if line.nl else line.end), origin=self.text)
                self.open(Paragraph(brk.span, children=[brk], origin=self.text))
                self.para_nl = None  # the break's span holds its newline
                self.pending = None
                self.last = "p"
            elif self.last != "p":
                self.close_paragraph()
                self.pending = "<p>"
            else:
                self.pending = "</p><p>"
            return
        nodes = inline(items)
        if self.pending is not None:
            if self.pending == "</p><p>":
                self.close_paragraph()
            if self.para is None:
                self.open(Paragraph((line.start, line.end), origin=self.text))
            self.pending = None
            self.last = "p"
        elif self.last != "p":
            self.close_paragraph()
            self.open(Paragraph((line.start, line.end), origin=self.text))
            self.last = "p"
        if self.para is None:
            self.open(Paragraph((line.start, line.end), origin=self.text))
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
            item = ListItem((tok.start, line.end), kind=_ITEM_KIND[char], marker=prefix, origin=self.text)
            lst.items.append(item)
            self.lists[common - 1] = (lst, item)
            if char == ";":
                term_split = True
        while len(prefix) > common:
            char = prefix[common]
            lst = List((tok.start + common, line.end), kind=_LIST_KIND[char], origin=self.text)
            item = ListItem((tok.start + common, line.end), kind=_ITEM_KIND[char], marker=prefix, origin=self.text)
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
                add_nodes(item.children, self.passes.inline(term))
                item.span = (item.span[0], colon.start)
                dd = ListItem((colon.start, line.end), kind="dd", marker=":", origin=self.text)
                add_nodes(dd.children, self.passes.inline(definition))
                lst.items.append(dd)
                self.lists[-1] = (lst, dd)
                self._extend(line.end)
                return
        add_nodes(item.children, self.passes.inline(content))
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


