"""Intermediate items between the scanner and the typed tree.

The bracket builder produces, for each container, a list whose entries are finished nodes
(templates, links, comments...) or :class:`Tok` syntax tokens whose meaning depends on the line
they sit in (``|``, ``!``, ``=``, quotes, line-start markup, HTML tags).  The block passes turn
the tokens into nodes; whatever is left over becomes text.
"""

from __future__ import annotations

from typing import Final, Sequence, Union, cast

from ..ast import Comment, Node, Text
from .node_factory import text_node, text_value_node

_COMMENT: Final = Comment  # a static in the compiled module, compared by identity


class Tok:
    """A syntax token: ``kind`` and its source span."""

    __slots__ = ("kind", "start", "end")

    def __init__(self, kind: str, start: int, end: int) -> None:
        self.kind = kind
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"Tok({self.kind!r}, {self.start}, {self.end})"


class TagTok(Tok):
    """An HTML start/end tag token with its lower-case name and attribute region."""

    __slots__ = ("name", "closing", "self_closing", "attr_start", "attr_end")

    def __init__(self, start: int, end: int, name: str, closing: bool, self_closing: bool,
                 attr_start: int, attr_end: int) -> None:
        super().__init__("tag", start, end)
        self.name = name
        self.closing = closing
        self.self_closing = self_closing
        self.attr_start = attr_start
        self.attr_end = attr_end


class Splice:
    """Items of a construct that failed (an unclosed ``{{``...), to be spliced into the parent
    when it is flattened; keeps degrading O(1) per level instead of copying item lists."""

    __slots__ = ("items",)

    def __init__(self, items: list[Item]) -> None:
        self.items = items


Item = Union[Node, Tok, Splice]
NT = Union[Node, Tok]


def flatten(items: Sequence[Item]) -> list[Node | Tok]:
    """Expand nested :class:`Splice` entries in order (iteratively: nesting can be deep)."""
    for i in items:
        if type(i) is Splice:
            break
    else:
        return cast("list[Node | Tok]", items)
    out: list[Node | Tok] = []
    stack: list[tuple[Sequence[Item], int]] = [(items, 0)]
    while stack:
        seq, idx = stack.pop()
        n = len(seq)
        while idx < n:
            item = seq[idx]
            idx += 1
            if type(item) is Splice:
                stack.append((seq, idx))
                seq, idx, n = item.items, 0, len(item.items)
            else:
                out.append(item)  # type: ignore[arg-type]
    return out


def item_start(item: Node | Tok) -> int:
    return item.start if isinstance(item, Tok) else item.span[0]


def item_end(item: Node | Tok) -> int:
    return item.end if isinstance(item, Tok) else item.span[1]


def to_nodes(items: list[NT], text: str) -> list[Node]:
    """Tokens become Text (adjacent ones merged); nodes are kept."""
    out: list[Node] = []
    run_start = -1
    run_end = -1
    for it in items:
        if isinstance(it, Tok):
            if run_start >= 0 and it.start == run_end:
                run_end = it.end
            else:
                if run_start >= 0:
                    out.append(text_node(run_start, run_end, text))
                run_start, run_end = it.start, it.end
        else:
            if run_start >= 0:
                out.append(text_node(run_start, run_end, text))
                run_start = -1
            out.append(it)
    if run_start >= 0:
        out.append(text_node(run_start, run_end, text))
    return out


def add_nodes(target: list[Node], nodes: Sequence[Node]) -> None:
    """Append ``nodes`` to ``target``; a Text that continues the Text ending ``target`` is
    merged into it (a child list never holds two adjacent Text nodes).  ``nodes`` itself
    must hold no adjacent Text (as :func:`to_nodes` guarantees)."""
    if not nodes:
        return
    if target:
        last = target[-1]
        first = nodes[0]
        if type(last) is Text and type(first) is Text and last.span[1] == first.span[0]:
            target[-1] = text_value_node(last.span[0], first.span[1], last.value + first.value, last.origin)
            target.extend(nodes[1:])
            return
    target.extend(nodes)


def newline_text(nl: Tok, text: str) -> Text:
    """The Text of a newline token kept in the tree."""
    return text_value_node(nl.start, nl.end, "\n", text)


class Frame:
    """An open bracket construct of the bracket pass.  ``kind``: root, brace, link, extlink."""

    __slots__ = ("kind", "start", "count", "parts", "part_starts", "seps", "eqs", "url_end",
                 "text_start", "nest", "tables", "opener", "close_end")

    def __init__(self, kind: str, start: int, count: int = 0) -> None:
        self.kind = kind
        self.start = start
        self.count = count
        self.parts: list[list[Item]] = [[]]
        self.part_starts: list[int] = [start + count]
        self.seps: list[int] = []  # positions of the separating pipes
        # per part: source offset of the first '=' token, or -1 (an offset, not an index: a failed
        # inner frame is one Splice in the part until it is flattened into several items)
        self.eqs: list[int] = [-1]
        self.url_end = 0  # extlink: end of the URL; link: 1 when autolinking is off inside
        self.text_start = 0  # extlink: where the label starts; link: -1 if no title can follow
        self.nest = 0  # brace: levels already built inside this one run ({{{{{{x}}}}}})
        self.tables = 0  # file link: tables open in its caption (their '|' separate nothing)
        # link/extlink whose opener holds comments ('[<!---->[', '[<!---->http://'): its
        # items, brackets and comments, up to the target or URL; None otherwise
        self.opener: list[NT] | None = None
        self.close_end = -1  # link closed by ']<!---->]': where that markup ends


# ---------------------------------------------------------------------- lines and blocks


class Line:
    """One line of a container: its items (newline excluded), span and newline token."""

    __slots__ = ("items", "start", "end", "nl")

    def __init__(self, items: list[NT], start: int, end: int, nl: Tok | None) -> None:
        self.items = items
        self.start = start
        self.end = end
        self.nl = nl


class BlockEntry:
    """An already built block (a table, a heading) among the lines of a container, with the
    nodes that follow it on its line and stay outside any paragraph (``trailing``)."""

    __slots__ = ("node", "trailing")

    def __init__(self, node: Node, trailing: list[Node] | None = None) -> None:
        self.node = node
        self.trailing = trailing


Entry = Union[Line, BlockEntry]


class ContainerState:
    """One container going through the block passes: each pass reads what the one before
    left (``items`` → ``lines`` → ``entries`` → ``nodes``) and writes its own result.

    ``mode``: ``doc`` (paragraphs), ``lines`` (blocks, no paragraphs: template arguments,
    ``<ref>``), ``inline``; ``first_raw``/``last_raw``: the first/last line shares a block
    tag's line and is never wrapped; ``top``: loose inline content gets paragraphs."""

    __slots__ = ("items", "mode", "first_raw", "last_raw", "top", "lines", "entries", "nodes")

    def __init__(self, items: list[NT], mode: str, first_raw: bool = False,
                 last_raw: bool = False, top: bool = False) -> None:
        self.items = items
        self.mode = mode
        self.first_raw = first_raw
        self.last_raw = last_raw
        self.top = top
        self.lines: list[Line] = []
        self.entries: list[Entry] = []
        self.nodes: list[Node] = []


def split_lines(state: ContainerState) -> None:
    """The container's items cut at newline tokens (the newline kept on its line)."""
    items = state.items
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
    state.lines = lines


def first_tok_kind(items: list[NT]) -> str | None:
    """Kind of a line's first token, looking past leading whitespace (as trim() does)."""
    for it in items:
        if isinstance(it, Tok):
            if it.kind == "line_space":
                continue
            return it.kind
        return None
    return None


#: what PHP's trim() removes (MediaWiki's test for a blank line): not NBSP
PHP_SPACE = " \t\n\r\0\x0b"


def is_blank_tok(it: NT, text: str) -> bool:
    """A text or leading-space token holding only whitespace (as PHP's trim() sees it)."""
    return isinstance(it, Tok) and it.kind in ("text", "line_space") and not text[it.start:it.end].strip(PHP_SPACE)


def comment_lead(items: list[NT], text: str) -> int:
    """Number of leading items that are comments or blank text, when a comment is among them."""
    n = 0
    seen = False
    for it in items:
        if type(it) is _COMMENT:
            seen = True
        elif not is_blank_tok(it, text):
            break
        n += 1
    return n if seen else 0


def entries_end(entries: list[Entry], default: int) -> int:
    """Where the last of ``entries`` ends (at least ``default``)."""
    end = default
    for e in entries:
        if isinstance(e, BlockEntry):
            end = max(end, e.node.span[1])
        elif e.items:
            end = max(end, item_end(e.items[-1]))
    return end
