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
    BehaviorSwitch, Comment, Heading, HorizontalRule, ItemKind, List, ListItem, ListKind, Node, Paragraph, ParagraphBreak,
    Preformatted, Text)
from .context import Context
from .definition_terms import find_term_colon
from .interfaces import Reentry
from .items import (NT, PHP_SPACE, BlockEntry, ContainerState, Line, TagTok, Tok,
                    comment_lead, first_tok_kind, is_blank_tok, item_end, item_start, newline_text,
                    to_nodes)
from .node_factory import list_item_node, list_node, paragraph_node, text_value_node
from .tags import is_block_item

_LIST_KIND: dict[str, ListKind] = {"*": "ul", "#": "ol", ":": "dl", ";": "dl"}
_ITEM_KIND: dict[str, ItemKind] = {"*": "li", "#": "li", ":": "dd", ";": "dt"}


class BlockLevels:
    """The doBlockLevels pass of a parse."""

    def __init__(self, ctx: Context, passes: Reentry) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.passes = passes

    def do_block_levels(self, state: ContainerState) -> None:
        """Block pass: ``state.entries`` to ``state.nodes``."""
        levels = _BlockState(self.text, self.passes, state.mode)
        levels.indent_pre = not self.ctx.blockquotes  # MediaWiki: no indent-pre in a blockquote
        entries = state.entries
        first_raw = state.first_raw
        last_raw = state.last_raw
        last = len(entries) - 1
        after_heading = False
        text = self.text
        for n, entry in enumerate(entries):
            if isinstance(entry, BlockEntry):
                levels.block(entry.node)
                if entry.trailing:
                    levels.add(levels.out, entry.trailing)
                # doHeadings' pattern ends in \s*$ (multi-line): blank lines after a heading
                # are part of its match and never reach doBlockLevels
                after_heading = isinstance(entry.node, Heading) and state.mode == "doc"
                continue
            if after_heading:
                if all(is_blank_tok(it, text) for it in entry.items):
                    continue
                after_heading = False
            if (n == 0 and first_raw) or (n == last and last_raw and entry.nl is None):
                levels.raw_line(entry, keep_newline=n < last)
                continue
            levels.line(entry)
        state.nodes = levels.finish()


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
        self.dt_open = False  # MediaWiki's DTopen: one flag for the whole list stack
        self.indent_pre = True
        # Text runs merged across add() calls: the run's Text (built here) -> its pieces,
        # joined once by finish(), so n merges into one run copy its text once, not n times
        self.runs: dict[int, list[str]] = {}
        self.run_nodes: list[Text] = []

    # -------------------------------------------------------------- child lists

    def add(self, target: list[Node], nodes: list[Node]) -> None:
        """:func:`~.items.add_nodes` with the merge of a Text continuing ``target``'s last
        Text deferred (the merged value is joined in :meth:`finish`)."""
        if not nodes:
            return
        if target:
            last = target[-1]
            first = nodes[0]
            if type(last) is Text and type(first) is Text and last.span[1] == first.span[0]:
                self._merge(target, last, first.span[1], first.value)
                for k in range(1, len(nodes)):
                    target.append(nodes[k])
                return
        target.extend(nodes)

    def add_newline(self, target: list[Node], nl: Tok) -> None:
        """``add(target, [newline_text(nl)])`` without building the newline's Text when it
        merges."""
        if target:
            last = target[-1]
            if type(last) is Text and last.span[1] == nl.start:
                self._merge(target, last, nl.end, "\n")
                return
        target.append(newline_text(nl, self.text))

    def _merge(self, target: list[Node], last: Text, end: int, value: str) -> None:
        parts = self.runs.get(id(last))
        if parts is None:
            run = text_value_node(last.span[0], end, last.value, last.origin)
            target[-1] = run
            self.runs[id(run)] = [last.value, value]
            self.run_nodes.append(run)
        else:
            last.span = (last.span[0], end)
            parts.append(value)

    def finish(self) -> list[Node]:
        """The container's nodes, every merged Text run joined."""
        runs = self.runs
        for run in self.run_nodes:
            run.value = "".join(runs[id(run)])
        return self.out

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
        children = para.children
        nl = self.para_nl
        if children and nl is not None:
            self.add_newline(children, nl)
        self.add(children, nodes)
        end = nodes[-1].span[1] if nodes else line.end
        span = para.span
        start = span[0]
        if children:
            first = children[0].span[0]
            if first < start:
                start = first
        para.span = (start, span[1] if span[1] > end else end)
        self.para_nl = line.nl

    def close_lists(self, keep: int = 0) -> None:
        while len(self.lists) > keep:
            self.lists.pop()
        if keep == 0:
            self.list_prefix = ""
            self.dt_open = False

    def block(self, node: Node) -> None:
        self.close_lists()
        self.pending = None
        self.close_paragraph()
        self.out.append(node)

    def emit_raw(self, nodes: list[Node], line: Line) -> None:
        """Nodes outside paragraphs; in ``lines`` mode the newline stays as text, and in the
        document after inline content that follows a block (``a[[File:F|thumb]]b``): the
        paragraph wrapping that text gets joins it to the next line's as MediaWiki's does."""
        self.add(self.out, nodes)
        if line.nl is not None and (self.mode != "doc" or (
                nodes and not is_block_item(nodes[-1]) and _any_block(nodes)
                and str(nodes[-1]).strip())):
            self.add_newline(self.out, line.nl)

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
        self.add(self.out, self.passes.inline(line.items))
        if keep_newline and line.nl is not None:
            self.add_newline(self.out, line.nl)

    def line(self, line: Line) -> None:
        items = line.items
        text = self.text
        if items and type(items[0]) is Comment:
            lead = comment_lead(items, text)
            if 0 < lead < len(items) and first_tok_kind(items[lead:]) in ("list_prefix", "hr"):
                # '<!-- c -->*a': MediaWiki removed the comments before reading the list; they
                # go where a comment-only line goes, the rest is the line
                self.line(Line(items[:lead], line.start, item_end(items[lead - 1]), None))
                line = Line(items[lead:], item_start(items[lead]), line.end, line.nl)
                items = line.items
        first = items[0] if items else None
        fkind = first.kind if isinstance(first, Tok) else None
        if fkind == "hr":
            assert isinstance(first, Tok)
            self.block(HorizontalRule((first.start, first.end), origin=self.text))
            rest = items[1:]
            if rest:
                self.add(self.out, self.passes.inline(rest))
            return
        if fkind == "list_prefix":
            self.list_line(line)
            return
        # one pass over the items: block items, comments, and whether all are blank (a blank
        # token), quiet (blank, comment or behaviour switch) or blank-or-comment
        has_block = has_comment = False
        only_blank = only_quiet = only_blank_comment = True
        for it in items:
            if isinstance(it, Tok):
                if only_quiet and not _blank_tok(it, text):
                    only_blank = only_quiet = only_blank_comment = False
                if isinstance(it, TagTok) and not has_block:
                    has_block = is_block_item(it)
                continue
            if isinstance(it, Comment):
                has_comment = True
                only_blank = False
            elif isinstance(it, BehaviorSwitch):
                only_blank = only_blank_comment = False
            else:
                only_blank = only_quiet = only_blank_comment = False
                if not has_block:
                    has_block = is_block_item(it)
        # comment-only lines vanish in MediaWiki (with their newline): attach, change nothing
        if has_comment and only_blank_comment:
            nodes = to_nodes(items, text)
            if self.lists:
                item = self.lists[-1][1]
                self.add(item.children, nodes)
                self._extend(nodes[-1].span[1])
            elif self.para is not None:
                self.add_to_para(nodes, line)
            else:
                self.add(self.out, nodes)
            return
        if self.lists:
            self.close_lists()
        if has_block:
            self.pending = None
            self.close_paragraph()
            self.emit_raw(self.passes.inline(items), line)
            return
        blank = only_blank
        # behaviour switches are gone before doBlockLevels: a line of them is blank
        marks: list[Node] = []
        if not blank and only_quiet:
            blank = True
            marks = [n for n in to_nodes(items, text) if not isinstance(n, Text)]
        if self.mode != "doc":
            self.emit_raw(self.passes.inline(items), line)
            return
        # indent-pre: a line starting with a space
        if (fkind == "line_space" and text[first.start] == " "  # type: ignore[union-attr]
                and (self.last == "pre" or not blank) and self.indent_pre):
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
            nodes = self.passes.inline(content)
            self.add_to_para(nodes, line)
            return
        if blank:
            if self.pending is not None:
                if self.pending == "</p><p>":
                    self.close_paragraph()
                end = line.nl.end if line.nl else line.end
                brk = ParagraphBreak((marks[-1].span[1] if marks else line.start, end), origin=self.text)
                self.open(paragraph_node(line.start, end, [*marks, brk], self.text))
                self.para_nl = None  # the break's span holds its newline
                self.pending = None
                self.last = "p"
                return
            if self.last != "p":
                self.close_paragraph()
                self.pending = "<p>"
            else:
                self.pending = "</p><p>"
            if marks:
                if self.para is not None:
                    self.add_to_para(marks, line)
                else:
                    self.add(self.out, marks)
            return
        nodes = self.passes.inline(items)
        if self.pending is not None:
            if self.pending == "</p><p>":
                self.close_paragraph()
            if self.para is None:
                self.open(paragraph_node(line.start, line.end, [], self.text))
            self.pending = None
            self.last = "p"
        elif self.last != "p":
            self.close_paragraph()
            self.open(paragraph_node(line.start, line.end, [], self.text))
            self.last = "p"
        if self.para is None:
            self.open(paragraph_node(line.start, line.end, [], self.text))
        self.add_to_para(nodes, line)

    # -------------------------------------------------------------- lists

    def list_line(self, line: Line) -> None:
        """One list line, as doBlockLevels does it: the prefix is compared with the previous
        line's (where ``;`` was stored as ``:``), unshared levels close, a shorter or equal
        prefix continues the list at that level, and one ``dt`` open anywhere (MediaWiki keeps a
        single flag) turns into a ``dd`` when this line continues a level with ``:``."""
        items = line.items
        tok = items[0]
        assert isinstance(tok, Tok)
        prefix = self.text[tok.start : tok.end]
        content = items[1:]
        offsets: list[int] | None = None  # where each prefix character is, when comments split it
        k = 1
        while k < len(items) and type(items[k]) is Comment:
            k += 1
        if 1 < k < len(items) and _is_prefix(items[k]):
            # '*<!-- c -->*a' is '**a' (comments removed first); the comments are markup
            offsets = list(range(tok.start, tok.end))
            pieces = [prefix]
            last_piece = 0
            while 1 < k < len(items) and _is_prefix(items[k]):
                more = items[k]
                assert isinstance(more, Tok)
                pieces.append(self.text[more.start : more.end])
                offsets.extend(range(more.start, more.end))
                last_piece = k
                k += 1
                while k < len(items) and type(items[k]) is Comment:
                    k += 1
            prefix = "".join(pieces)
            content = items[last_piece + 1 :]
        prefix2 = prefix.replace(";", ":")
        self.pending = None
        if self.para is not None or self.last:
            self.close_paragraph()
        last = self.list_prefix
        start = tok.start
        if last == prefix2 and self.lists:
            self._next_item(prefix[-1], start, line.end, prefix)
            if prefix[-1] == ";":
                content = self._split_term(content, line)
        else:
            common = 0
            for a, b in zip(prefix, last):
                if a != b:
                    break
                common += 1
            self._close_levels(last, common)
            if len(prefix) <= common and common > 0:
                self._next_item(prefix[common - 1], start, line.end, prefix)
            if self.dt_open and common > 0 and prefix[common - 1] == ":":
                self._next_item(":", start, line.end, prefix)
            while len(prefix) > common:
                char = prefix[common]
                self._open_list(char, start + common if offsets is None else offsets[common],
                                line.end, prefix)
                if char == ";":
                    content = self._split_term(content, line)
                common += 1
            self.list_prefix = prefix2
        self.add(self.lists[-1][1].children, self.passes.inline(content))
        self._extend(line.end)

    def _close_levels(self, last: str, common: int) -> None:
        """MediaWiki's closeList for each unshared level of the previous prefix, innermost
        first, with the end tags applied as the HTML tree builder applies them: a ``</dd>``
        written for what is really a ``dt`` (the single DTopen flag was stale) closes the
        nearest open ``dd`` further out, and the later end tags act on what is left."""
        elems: list[str] = []
        for lst, item in self.lists:
            elems.append(lst.kind)
            elems.append(item.kind)
        n = len(last)
        while n > common and elems:
            char = last[n - 1]
            n -= 1
            if char == ":":
                tags = ("dt", "dl") if self.dt_open else ("dd", "dl")
                self.dt_open = False
            else:
                tags = ("li", "ul" if char == "*" else "ol")
            for tag in tags:
                _end_tag(elems, tag)
        del self.lists[(len(elems) + 1) // 2 :]
        if not self.lists:
            self.dt_open = False

    def _next_item(self, char: str, start: int, end: int, marker: str) -> None:
        """Close the innermost open item and open the next one in its list."""
        if not self.lists:
            self._open_list(char, start, end, marker)
            return
        lst, _ = self.lists[-1]
        item = list_item_node(start, end, _ITEM_KIND[char], marker, [], self.text)
        lst.items.append(item)
        self.lists[-1] = (lst, item)
        if char in ";:":
            self.dt_open = char == ";"

    def _open_list(self, char: str, start: int, end: int, marker: str) -> None:
        if self.lists:
            parent = self.lists[-1][1]
            # after a term split the parent is a dd starting at the colon
            start = max(start, parent.span[0])
        lst = list_node(start, end, _LIST_KIND[char], [], self.text)
        item = list_item_node(start, end, _ITEM_KIND[char], marker, [], self.text)
        lst.items.append(item)
        if self.lists:
            self.lists[-1][1].children.append(lst)
        else:
            self.out.append(lst)
        self.lists.append((lst, item))
        if char == ";":
            self.dt_open = True

    def _extend(self, end: int) -> None:
        for lst, item in self.lists:
            lst.span = (lst.span[0], max(lst.span[1], end))
            item.span = (item.span[0], max(item.span[1], end))

    def _split_term(self, content: list[NT], line: Line) -> list[NT]:
        """``;term:definition``: the term goes to the open ``dt``, a ``dd`` opens at the colon;
        returns what follows the colon (or ``content`` when there is no colon)."""
        split = find_term_colon(content, self.text)
        if split is None:
            return content
        term, colon, rest = split
        lst, item = self.lists[-1]
        self.add(item.children, self.passes.inline(term))
        item.span = (item.span[0], colon.start)
        self._next_item(":", colon.start, line.end, ":")
        return rest


def _any_block(nodes: list[Node]) -> bool:
    for node in nodes:
        if is_block_item(node):
            return True
    return False


def _blank_tok(tok: Tok, text: str) -> bool:
    """:func:`~.items.is_blank_tok` for a token, without slicing a token that starts with
    a character other than whitespace."""
    kind = tok.kind
    if kind != "text" and kind != "line_space":
        return False
    start = tok.start
    end = tok.end
    if start < end and text[start] not in PHP_SPACE:
        return False
    return not text[start:end].strip(PHP_SPACE)


def _end_tag(elems: list[str], tag: str) -> None:
    """An end tag on a stack of list elements: ``</li>`` closes the nearest ``li`` not behind a
    ``ul``/``ol`` (list item scope), any other tag the nearest element of its name; an end tag
    with nothing to close is ignored."""
    for i in range(len(elems) - 1, -1, -1):
        e = elems[i]
        if e == tag:
            del elems[i:]
            return
        if tag == "li" and e in ("ul", "ol"):
            return


def _is_prefix(item: NT) -> bool:
    return isinstance(item, Tok) and item.kind == "list_prefix"
