"""MediaWiki's doQuotes for one line: apostrophe runs classified and turned into Bold/Italic.

The apostrophe runs of a line are classified exactly as MediaWiki does (4 = ``'`` + bold,
more than 5 = apostrophes + bold-italic; with an odd number of both bolds and italics one bold
becomes ``'`` + italic, preferring a bold after a single-letter word, then after a longer word,
then after a space).  The state machine then emits the same open/close sequence MediaWiki
emits; it is well nested by construction, so a stack builds Bold/Italic nodes from it.  Used by
the quotes pass and by the definition-list term split (which needs to know which colons sit
inside bold or italic text).
"""

from __future__ import annotations

from typing import Callable, Union

from ..ast import Bold, Italic, Node
from .items import Tok, item_end

Item = Union[Node, Tok]


def apply_quotes(items: list[Item], text: str, finish: Callable[[list[Item]], list[Node]]) -> list[Item]:
    """Replace quote tokens of one line by Bold/Italic nodes; ``finish`` turns the items inside
    a formatting node into nodes."""
    runs = [i for i, it in enumerate(items) if isinstance(it, Tok) and it.kind == "quotes"]
    if not runs:
        return items
    # 1. classify each run: (index, start of the markup, length 2/3/5); extra apostrophes -> text
    marks: dict[int, tuple[int, int]] = {}
    extra: dict[int, Tok] = {}
    numitalics = numbold = 0
    for i in runs:
        tok = items[i]
        assert isinstance(tok, Tok)
        n = tok.end - tok.start
        start = tok.start
        if n == 4:
            extra[i] = Tok("text", start, start + 1)
            start += 1
            n = 3
        elif n > 5:
            extra[i] = Tok("text", start, start + n - 5)
            start += n - 5
            n = 5
        marks[i] = (start, n)
        if n == 2:
            numitalics += 1
        elif n == 3:
            numbold += 1
        else:
            numitalics += 1
            numbold += 1
    if numitalics % 2 == 1 and numbold % 2 == 1:
        firstsingle = firstmulti = firstspace = -1
        for i in runs:
            start, n = marks[i]
            if n != 3:
                continue
            x1 = text[start - 1] if start >= 1 else ""
            x2 = text[start - 2] if start >= 2 else ""
            if x1 == " ":
                if firstspace < 0:
                    firstspace = i
            elif x2 == " ":
                firstsingle = i
                break
            elif firstmulti < 0:
                firstmulti = i
        chosen = firstsingle if firstsingle >= 0 else firstmulti if firstmulti >= 0 else firstspace
        if chosen >= 0:
            start, _ = marks[chosen]
            prev = extra.get(chosen)
            extra[chosen] = Tok("text", prev.start if prev else start, start + 1)
            marks[chosen] = (start + 1, 2)

    # 2. run MediaWiki's state machine, building nodes with a stack
    out: list[Item] = []
    stack: list[tuple[str, int, list[Item]]] = []  # (kind 'b'/'i', start, items)
    both: tuple[int, list[Item]] | None = None  # the pending ''''' and what followed it

    def target() -> list[Item]:
        if both is not None:
            return both[1]
        return stack[-1][2] if stack else out

    def open_(kind: str, start: int) -> None:
        stack.append((kind, start, []))

    def close(kind: str, end: int) -> None:
        k, start, inner = stack.pop()
        assert k == kind
        node: Node = (Bold if k == "b" else Italic)((start, end), children=finish(inner), origin=text)
        (stack[-1][2] if stack else out).append(node)

    def state() -> str:
        if both is not None:
            return "both"
        return "".join(k for k, _, _ in stack)

    for idx, it in enumerate(items):
        if idx not in marks:
            target().append(it)
            continue
        if idx in extra:
            target().append(extra[idx])
        start, n = marks[idx]
        end = start + n
        st = state()
        if n == 2:
            if st == "i":
                close("i", end)
            elif st == "bi":
                close("i", end)
            elif st == "ib":
                close("b", start)
                close("i", end)
                open_("b", end)
            elif st == "both":
                assert both is not None
                bstart, buf = both
                both = None
                open_("b", bstart)
                open_("i", bstart + 3)
                stack[-1][2].extend(buf)
                close("i", end)
            else:
                open_("i", start)
        elif n == 3:
            if st == "b":
                close("b", end)
            elif st == "bi":
                close("i", start)
                close("b", end)
                open_("i", end)
            elif st == "ib":
                close("b", end)
            elif st == "both":
                assert both is not None
                bstart, buf = both
                both = None
                open_("i", bstart)
                open_("b", bstart + 2)
                stack[-1][2].extend(buf)
                close("b", end)
            else:
                open_("b", start)
        else:
            if st == "b":
                close("b", start + 3)
                open_("i", start + 3)
            elif st == "i":
                close("i", start + 2)
                open_("b", start + 2)
            elif st == "bi":
                close("i", start + 2)
                close("b", end)
            elif st == "ib":
                close("b", start + 3)
                close("i", end)
            elif st == "both":
                assert both is not None
                bstart, buf = both
                both = None
                open_("i", bstart)
                open_("b", bstart + 2)
                stack[-1][2].extend(buf)
                close("b", start + 3)
                close("i", end)
            else:
                both = (start, [])
    # 3. close what is still open at the end of the line
    line_end = item_end(items[-1])
    if both is not None:
        bstart, buf = both
        both = None
        open_("b", bstart)
        open_("i", bstart + 3)
        stack[-1][2].extend(buf)
    while stack:
        close(stack[-1][0], line_end)
    return out


__all__ = ["apply_quotes"]
