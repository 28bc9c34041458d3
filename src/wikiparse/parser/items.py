"""Intermediate items between the scanner and the typed tree.

The bracket builder produces, for each container, a list whose entries are finished nodes
(templates, links, comments...) or :class:`Tok` syntax tokens whose meaning depends on the line
they sit in (``|``, ``!``, ``=``, quotes, line-start markup, HTML tags).  The block passes turn
the tokens into nodes; whatever is left over becomes text.
"""

from __future__ import annotations

from typing import Sequence, Union, cast

from ..ast import Node


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
