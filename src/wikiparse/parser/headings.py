"""Headings: MediaWiki's doHeadings over the lines of one container.

A line that starts with ``=`` and ends with ``=`` (comments and blanks after it allowed) is a
heading of the smaller of the two run lengths (at most 6); the unbalanced rest stays in the
title.  A line of ``=`` only is a heading when it has at least three (``=====`` is a level-2
heading titled ``=``).  The heading becomes a block entry; what trails it on its line
(comments, blanks) stays beside it, outside any paragraph.
"""

from __future__ import annotations

from ..ast import Comment, Heading, Node
from .context import Context
from .interfaces import Reentry
from .items import NT, BlockEntry, ContainerState, Entry, Line, Tok, to_nodes
from .node_factory import heading_node


class Headings:
    """The doHeadings pass of a parse."""

    def __init__(self, ctx: Context, passes: Reentry) -> None:
        self.text = ctx.text
        self.passes = passes

    def do_headings(self, state: ContainerState) -> None:
        """Block pass: heading lines among ``state.entries`` become block entries."""
        entries = state.entries
        out: list[Entry] | None = None
        for n, entry in enumerate(entries):
            if type(entry) is Line and entry.items:
                first = entry.items[0]
                if type(first) is Tok and first.kind == "heading_start":
                    built = self.heading(entry)
                    if built is not None:
                        if out is None:
                            out = entries[:n]
                        out.append(BlockEntry(built[0], built[1]))
                        continue
            if out is not None:
                out.append(entry)
        if out is not None:
            state.entries = out

    def heading(self, line: Line) -> tuple[Heading, list[Node]] | None:
        """The heading a line forms (and the trailing nodes after it), or None."""
        items = line.items
        first = items[0]
        assert isinstance(first, Tok)
        text = self.text
        # the last significant item: skip trailing whitespace text and comments
        k = len(items) - 1
        while k > 0:
            it = items[k]
            if isinstance(it, Comment):
                k -= 1
            elif isinstance(it, Tok) and it.kind == "text" and not text[it.start : it.end].strip(" \t"):
                k -= 1
            else:
                break
        last = items[k]
        if not (isinstance(last, Tok) and last.kind in ("eq", "heading_start")):
            return None
        trailing = to_nodes(items[k + 1 :], text)
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
        heading = heading_node(first.start, end, level, self.passes.inline(inner), text)
        return heading, trailing

