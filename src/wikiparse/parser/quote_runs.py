"""MediaWiki's doQuotes for one line: apostrophe runs classified and turned into Bold/Italic.

The apostrophe runs of a line are classified exactly as MediaWiki does (4 = ``'`` + bold,
more than 5 = apostrophes + bold-italic; with an odd number of both bolds and italics one bold
becomes ``'`` + italic, preferring a bold after a single-letter word, then after a longer word,
then after a space).  The state machine then emits the same open/close sequence MediaWiki
emits; it is well nested by construction, so a stack builds Bold/Italic nodes from it.  Used by
the quotes pass and by the definition-list term split (which needs to know which colons sit
inside bold or italic text).

MediaWiki reads quotes after its preprocessor removed the comments, so a run of apostrophes
continues across comments (``'<!---->''b'''`` is bold): a run is the apostrophes of adjacent
quote tokens and single ``'`` with only comments between them (:class:`QuoteRun`).  The
comments of a run stay nodes, in the innermost node whose span holds them: a node opened by
the run's markup holds the comments after its opening apostrophe, a node closed by it those
before its closing one (docs/ast.md, "Comments inside markup").
"""

from __future__ import annotations

from typing import Callable, Sequence, Union

from ..ast import Bold, Comment, Italic, Node
from .items import Tok, item_end
from .node_factory import quote_node

Item = Union[Node, Tok]


class QuoteRun:
    """One run of apostrophes as MediaWiki sees it: ``pieces``, the source spans of its
    apostrophes (more than one when comments sit between them), and those ``comments``."""

    __slots__ = ("pieces", "comments", "n")

    def __init__(self) -> None:
        self.pieces: list[tuple[int, int]] = []
        self.comments: list[Node] = []
        self.n = 0

    def before(self, j: int) -> int:
        """Where apostrophe ``j`` (0-based) starts; the run's end for ``j == n``."""
        for s, e in self.pieces:
            if j < e - s:
                return s + j
            j -= e - s
        return self.pieces[-1][1]

    def after(self, j: int) -> int:
        """Where apostrophe ``j - 1`` ends (the run's start for ``j == 0``)."""
        if j <= 0:
            return self.pieces[0][0]
        for s, e in self.pieces:
            if j <= e - s:
                return s + j
            j -= e - s
        return self.pieces[-1][1]

    def spans(self, a: int, b: int) -> list[tuple[int, int]]:
        """The source spans of apostrophes ``a`` to ``b - 1``, one per piece."""
        out: list[tuple[int, int]] = []
        k = 0
        for s, e in self.pieces:
            lo, hi = max(a, k), min(b, k + e - s)
            if lo < hi:
                out.append((s + lo - k, s + hi - k))
            k += e - s
        return out


def _is_apostrophes(it: Item, text: str) -> bool:
    if type(it) is not Tok:
        return False
    if it.kind == "quotes":
        return True
    return it.kind == "text" and text.count("'", it.start, it.end) == it.end - it.start


def _joined_runs(items: list[Item], text: str) -> list[Item | QuoteRun]:
    """``items`` with each run of apostrophes that continues across comments (or adjacent
    apostrophe tokens) replaced by one :class:`QuoteRun`; a quote token alone stays as it is."""
    out: list[Item | QuoteRun] = []
    i = 0
    n = len(items)
    while i < n:
        it = items[i]
        if not _is_apostrophes(it, text):
            out.append(it)
            i += 1
            continue
        # the group: apostrophe tokens with only comments between them
        j = i + 1
        last = i
        while j < n:
            nxt = items[j]
            if type(nxt) is Comment:
                j += 1
            elif _is_apostrophes(nxt, text):
                last = j
                j += 1
            else:
                break
        if last == i:
            out.append(it)
            i += 1
            continue
        run = QuoteRun()
        for k in range(i, last + 1):
            x = items[k]
            if type(x) is Tok:
                if run.pieces and run.pieces[-1][1] == x.start:
                    run.pieces[-1] = (run.pieces[-1][0], x.end)
                else:
                    run.pieces.append((x.start, x.end))
                run.n += x.end - x.start
            else:
                run.comments.append(x)  # type: ignore[arg-type]
        if run.n >= 2:
            out.append(run)
        else:
            out.extend(items[i : last + 1])
        i = last + 1
    return out


def _length(run: Item | QuoteRun) -> int:
    if type(run) is Tok:
        return run.end - run.start
    assert isinstance(run, QuoteRun)
    return run.n


def _before(run: Item | QuoteRun, j: int) -> int:
    """Where apostrophe ``j`` of a run (a quote token or a :class:`QuoteRun`) starts."""
    if type(run) is Tok:
        return run.start + j
    assert isinstance(run, QuoteRun)
    return run.before(j)


def _after(run: Item | QuoteRun, j: int) -> int:
    """Where apostrophe ``j - 1`` of a run ends."""
    if type(run) is Tok:
        return run.start + j
    assert isinstance(run, QuoteRun)
    return run.after(j)


def apply_quotes(items: list[Item], text: str, finish: Callable[[list[Item]], list[Node]]) -> list[Item]:
    """Replace quote tokens of one line by Bold/Italic nodes; ``finish`` turns the items inside
    a formatting node into nodes."""
    has_comment = False
    has_quotes = False
    for it in items:
        if type(it) is Comment:
            has_comment = True
        elif type(it) is Tok and it.kind == "quotes":
            has_quotes = True
    if not has_quotes and not has_comment:
        return items
    # a quote token alone stays a token (its apostrophes are contiguous: no QuoteRun)
    seq: Sequence[Item | QuoteRun] = _joined_runs(items, text) if has_comment else items
    runs = [i for i, entry in enumerate(seq)
            if type(entry) is QuoteRun or (type(entry) is Tok and entry.kind == "quotes")]
    if not runs:
        return items
    # where each comment of the line starts, by its end: the characters before a run are read
    # as MediaWiki reads them, without comments
    comment_starts = {c.span[1]: c.span[0] for c in items if type(c) is Comment} if has_comment else {}

    def skip_comments(p: int) -> int:
        while p in comment_starts:
            p = comment_starts[p]
        return p

    # 1. classify each run: (index of its first markup apostrophe, markup length 2/3/5); the
    # apostrophes before that index are text
    marks: dict[int, tuple[int, int]] = {}
    numitalics = numbold = 0
    for i in runs:
        n = _length(seq[i])
        x = 0
        if n == 4:
            x, n = 1, 3
        elif n > 5:
            x, n = n - 5, 5
        marks[i] = (x, n)
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
            x, n = marks[i]
            if n != 3:
                continue
            p = _before(seq[i], x)
            if comment_starts:
                p = skip_comments(p)
            x1 = text[p - 1] if p >= 1 else ""
            p2 = (skip_comments(p - 1) if comment_starts else p - 1) if p >= 1 else 0
            x2 = text[p2 - 1] if p2 >= 1 else ""
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
            x, _ = marks[chosen]
            marks[chosen] = (x + 1, 2)

    # 2. run MediaWiki's state machine, building nodes with a stack
    out: list[Item] = []
    stack: list[tuple[str, int, list[Item]]] = []  # (kind 'b'/'i', start, items)
    # the pending ''''' (its run, markup index, its comments) and what followed it
    both: tuple[Tok | QuoteRun, int, list[Node], list[Item]] | None = None
    pending: list[Node] = []  # comments of the current run not placed yet, the last first

    def target() -> list[Item]:
        if both is not None:
            return both[3]
        return stack[-1][2] if stack else out

    def flush(o: int) -> None:
        """The run's comments before offset ``o`` go where the items are going now."""
        while pending and pending[-1].span[1] <= o:
            target().append(pending.pop())

    def open_(kind: str, start: int) -> None:
        if pending:
            flush(start)
        stack.append((kind, start, []))

    def close(kind: str, end: int) -> None:
        if pending:
            flush(end)
        k, start, inner = stack.pop()
        assert k == kind
        node: Node = quote_node(k == "b", start, end, finish(inner), text)
        (stack[-1][2] if stack else out).append(node)

    def state() -> str:
        if both is not None:
            return "both"
        return "".join(k for k, _, _ in stack)

    def resolve_both(first: str) -> None:
        """Open the pending ''''' as ``first`` then the other kind (bold is 3 apostrophes,
        italic 2), with its comments and the items that followed it."""
        nonlocal both, pending
        assert both is not None
        brun, bx, bcomments, buf = both
        both = None
        outer = pending
        pending = bcomments
        open_(first, _before(brun, bx))
        split = bx + (3 if first == "b" else 2)
        open_("i" if first == "b" else "b", _before(brun, split))
        flush(1 << 62)
        pending = outer
        stack[-1][2].extend(buf)

    for idx, entry in enumerate(seq):
        if idx not in marks:
            assert not isinstance(entry, QuoteRun)
            target().append(entry)
            continue
        r = entry
        assert isinstance(r, (Tok, QuoteRun))
        x, n = marks[idx]
        if type(r) is Tok:
            if x:  # apostrophes shown as text
                target().append(Tok("text", r.start, r.start + x))
        else:
            assert isinstance(r, QuoteRun)
            pending = r.comments[::-1]
            for s, e in r.spans(0, x):
                flush(s)
                target().append(Tok("text", s, e))
        start = _before(r, x)
        end = _after(r, x + n)
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
                resolve_both("b")
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
                resolve_both("i")
                close("b", end)
            else:
                open_("b", start)
        else:
            if st == "b":
                close("b", _after(r, x + 3))
                open_("i", _before(r, x + 3))
            elif st == "i":
                close("i", _after(r, x + 2))
                open_("b", _before(r, x + 2))
            elif st == "bi":
                close("i", _after(r, x + 2))
                close("b", end)
            elif st == "ib":
                close("b", _after(r, x + 3))
                close("i", end)
            elif st == "both":
                resolve_both("i")
                close("b", _after(r, x + 3))
                close("i", end)
            else:
                flush(start)
                both = (r, x, pending, [])
                pending = []
        if pending:
            flush(1 << 62)
    # 3. close what is still open at the end of the line
    line_end = item_end(items[-1])
    if both is not None:
        resolve_both("b")
    while stack:
        close(stack[-1][0], line_end)
    return out


__all__ = ["QuoteRun", "apply_quotes"]
