"""The preprocessor tree: MediaWiki's model of a page before expansion.

A page (or a template body) is read once into a flat list of *items*: ``str`` for literal text
and the node classes below for the constructs the preprocessor knows — ``{{templates}}``,
``{{{arguments}}}``, comments, extension tags (opaque, like MediaWiki's strip markers), headings
(only so ``=`` inside them does not split a template argument) and *ignored* spans
(``<noinclude>`` when transcluding, ``<includeonly>…</includeonly>`` on the page itself).

The builder (:func:`build_tree`) is one left-to-right scan with an explicit stack of open
brackets: linear, no recursion, whatever the nesting.  Unclosed brackets fall back to text, as
MediaWiki's ``breakSyntax`` does.  Trees are cached per (text, mode).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Union

from ..gc_pause import paused_collection


class Equals(str):
    """The ``=`` that splits a part into name and value (a ``str`` never merged with text)."""

    __slots__ = ()


EQUALS = Equals("=")

Item = Union[str, "Template", "Argument", "Comment", "ExtTag", "Heading", "Ignored"]


@dataclass(slots=True, eq=False)
class Part:
    """One ``|``-separated part of a template or argument: ``items`` is the whole part;
    ``eq`` the index in ``items`` of the first top-level ``=`` (``None`` when positional)."""

    items: list[Item] = field(default_factory=list)
    eq: int | None = None

    def name(self) -> list[Item]:
        return self.items if self.eq is None else self.items[: self.eq]

    def value(self) -> list[Item]:
        return self.items if self.eq is None else self.items[self.eq + 1:]


@dataclass(slots=True, eq=False)
class Template:
    """``{{title|parts…}}``; ``line_start`` is true when ``{{`` began a line (T2529);
    ``start``/``end`` locate the call in the text the tree was built from."""

    title: list[Item]
    parts: list[Part]
    line_start: bool
    start: int
    end: int
    #: the text the tree was built from (shared, not copied): ``src[start:end]`` is the call
    src: str = field(default="", repr=False)

    @property
    def text(self) -> str:
        return self.src[self.start:self.end]


@dataclass(slots=True, eq=False)
class Argument:
    """``{{{name|default…}}}``."""

    title: list[Item]
    parts: list[Part]
    start: int
    end: int


@dataclass(slots=True, eq=False)
class Comment:
    """``<!-- … -->`` (``text`` includes the whitespace and newline it swallows on its own line)."""

    text: str


@dataclass(slots=True, eq=False)
class ExtTag:
    """An extension tag, kept whole: ``name`` lower-case, ``attrs`` the raw attribute text,
    ``inner`` the content (``None`` when self-closed), ``text`` the full source."""

    name: str
    attrs: str
    inner: str | None
    text: str


@dataclass(slots=True, eq=False)
class Heading:
    """A ``== … ==`` line inside the preprocessor: text for expansion, a barrier for ``=``."""

    items: list[Item]


@dataclass(slots=True, eq=False)
class Ignored:
    """Source that expands to nothing (include directives and what they exclude)."""

    text: str


# --------------------------------------------------------------------------- the builder

_ALLOW_MISSING_END = frozenset({"includeonly", "noinclude", "onlyinclude"})
_NAME_CHAR = re.compile(r"/?[^\s/>]+")


@dataclass(slots=True, eq=False)
class _Piece:
    """An open bracket on the builder's stack."""

    open: str           # "{", "[", "-{" (language converter) or "\n" (a heading)
    count: int
    start: int
    line_start: bool
    parts: list[Part]


class _Builder:
    def __init__(self, text: str, tags: frozenset[str], for_inclusion: bool) -> None:
        self.text = text
        self.tags = tags
        self.for_inclusion = for_inclusion
        if for_inclusion:
            self.ignored_tags = frozenset({"includeonly", "/includeonly"})
            self.ignored_elements = frozenset({"noinclude"})
        else:
            self.ignored_tags = frozenset({"noinclude", "/noinclude", "onlyinclude", "/onlyinclude"})
            self.ignored_elements = frozenset({"includeonly"})
        names = set(tags) | {"noinclude", "includeonly", "onlyinclude"}
        self.tag_names = frozenset(names)
        self._root: list[Item] = []
        self.no_close: set[str] = set()

    def build(self) -> list[Item]:
        text = self.text
        n = len(text)
        root: list[Item] = []
        self._root = root
        stack: list[_Piece] = []
        accum = root
        i = 0
        # fake line start: the text begins a line
        if n and text[0] == "=":
            i = self._open_heading(stack, 0, True)
            accum = stack[-1].parts[-1].items
        while i < n:
            top = stack[-1] if stack else None
            if top is None or top.open == "\n":
                chars = "{[<\n-"
            elif top.open == "[":
                chars = "{[<\n]-"
            elif top.open == "-{":
                chars = "{[<\n}-"
            else:
                part = top.parts[-1]
                chars = "{[<\n}|-" + ("=" if part.eq is None and len(top.parts) > 1 else "")
            # literal run
            j = _literal_run(chars).match(text, i).end()  # type: ignore[union-attr]
            if j > i:
                _add_text(accum, text[i:j])
                i = j
                if i >= n:
                    break
            c = text[i]
            if c == "<":
                i = self._tag(accum, i)
            elif c == "\n":
                if top is not None and top.open == "\n":
                    accum = self._close_heading(stack, i)
                    top = stack[-1] if stack else None
                _add_text(accum, "\n")
                i += 1
                if i < n and text[i] == "=":
                    i = self._open_heading(stack, i, False)
                    accum = stack[-1].parts[-1].items
            elif c == "|":
                top.parts.append(Part())  # type: ignore[union-attr]
                accum = top.parts[-1].items  # type: ignore[union-attr]
                i += 1
            elif c == "=":
                part = top.parts[-1]  # type: ignore[union-attr]
                part.eq = len(part.items)
                part.items.append(EQUALS)
                i += 1
            elif c == "-":
                # language-converter markup -{ … }- is a bracket too (but "-{{" opens braces)
                if text.startswith("-{", i) and not text.startswith("-{{", i):
                    stack.append(_Piece("-{", 1, i, False, [Part()]))
                    accum = stack[-1].parts[-1].items
                    i += 2
                else:
                    _add_text(accum, "-")
                    i += 1
            elif c == "}" and top is not None and top.open == "-{":
                if text.startswith("}-", i):
                    piece = stack.pop()
                    accum = stack[-1].parts[-1].items if stack else root
                    accum.append(_Splice(_break(piece, 1) + ["}-"]))  # type: ignore[arg-type]
                    i += 2
                else:
                    _add_text(accum, "}")
                    i += 1
            elif c in "{[":
                run = _run(text, i, c)
                if run >= 2:
                    line_start = i == 0 or text[i - 1] == "\n"
                    stack.append(_Piece(c, run, i, line_start, [Part()]))
                    accum = stack[-1].parts[-1].items
                else:
                    _add_text(accum, c)
                i += run
            else:  # a closing "}" or "]"
                assert top is not None
                # count only the closing braces this piece can use: the rest are read again
                run = _run(text, i, c, min(top.count, 3))
                i, accum = self._close(stack, root, i, run)
        # unclosed brackets become text, innermost first
        while stack:
            piece = stack.pop()
            parent = stack[-1].parts[-1].items if stack else root
            if piece.open == "\n":
                parent.append(_Splice(_heading_text(piece)))  # type: ignore[arg-type]
            else:
                parent.append(_Splice(_break(piece, piece.count)))  # type: ignore[arg-type]
        return root

    # -- brackets ------------------------------------------------------------------------

    def _close(self, stack: list[_Piece], root: list[Item], i: int, run: int
               ) -> tuple[int, list[Item]]:
        piece = stack[-1]
        if piece.open == "{":
            matching = min(run, piece.count, 3)
        else:
            matching = min(run, piece.count, 2)
        if matching < 2:
            accum = piece.parts[-1].items
            _add_text(accum, self.text[i:i + run])
            return i + run, accum
        end = i + matching
        element: list[Item]
        if piece.open == "[":
            element = [_Splice(_break(piece, matching) + ["]" * matching])]  # type: ignore[list-item]
        else:
            title = piece.parts[0].items
            parts = piece.parts[1:]
            start = piece.start + piece.count - matching
            if matching == 3:
                element = [Argument(title, parts, start, end)]
            else:
                line_start = piece.line_start and piece.count == matching
                element = [Template(title, parts, line_start, start, end, self.text)]
        piece.count -= matching
        stack.pop()
        if piece.count >= 2:
            # the rest of the opening run stays open, with the element as its first text
            rest = _Piece(piece.open, piece.count, piece.start, piece.line_start, [Part()])
            _extend(rest.parts[0].items, element)
            stack.append(rest)
            accum = rest.parts[0].items
        else:
            accum = stack[-1].parts[-1].items if stack else root
            if piece.count:
                _add_text(accum, piece.open * piece.count)
            _extend(accum, element)
        return end, accum

    def _open_heading(self, stack: list[_Piece], i: int, line_start: bool) -> int:
        run = _run(self.text, i, "=")
        piece = _Piece("\n", run, i, True, [Part()])
        piece.parts[0].items.append("=" * run)
        stack.append(piece)
        return i + run

    def _close_heading(self, stack: list[_Piece], i: int) -> list[Item]:
        """End of a heading line: its items become a :class:`Heading` (a barrier for ``=``;
        whether it is a well-formed heading does not change the expansion)."""
        piece = stack.pop()
        target = stack[-1].parts[-1].items if stack else self._root
        target.append(Heading(piece.parts[0].items))
        return target

    def _root_of(self, stack: list[_Piece]) -> list[Item]:
        return self._root

    # -- tags and comments ---------------------------------------------------------------

    def _tag(self, accum: list[Item], i: int) -> int:
        text = self.text
        if text.startswith("<!--", i):
            return self._comment(accum, i)
        m = _NAME_CHAR.match(text, i + 1)
        if not m:
            _add_text(accum, "<")
            return i + 1
        raw = m.group(0)
        lname = raw.lower()
        if lname in self.ignored_tags:
            close = text.find(">", m.end())
            if close < 0:
                _add_text(accum, "<")
                return i + 1
            accum.append(Ignored(text[i:close + 1]))
            return close + 1
        if lname not in self.tag_names:
            _add_text(accum, "<")
            return i + 1
        close = text.find(">", m.end())
        if close < 0:
            _add_text(accum, "<")
            return i + 1
        attrs_end = close
        self_closed = text[close - 1] == "/"
        if self_closed:
            attrs_end = close - 1
            inner: str | None = None
            end = close + 1
        else:
            pattern = _close_pattern(lname)
            cm = None if lname in self.no_close else pattern.search(text, close + 1)
            if cm is None:
                # no closing tag after here means none after any later opening tag either
                self.no_close.add(lname)
            if cm:
                inner = text[close + 1:cm.start()]
                end = cm.end()
            elif lname in _ALLOW_MISSING_END:
                inner = text[close + 1:]
                end = len(text)
            else:
                _add_text(accum, "<")
                return i + 1
        if lname in self.ignored_elements:
            accum.append(Ignored(text[i:end]))
            return end
        accum.append(ExtTag(lname, text[m.end():attrs_end], inner, text[i:end]))
        return end

    def _comment(self, accum: list[Item], i: int) -> int:
        text = self.text
        close = text.find("-->", i + 4)
        if close < 0:
            accum.append(Comment(text[i:]))
            return len(text)
        end = close + 3
        # a comment alone on its line (blanks around allowed) takes the line's newline with it
        ws_start = i
        while ws_start > 0 and text[ws_start - 1] in " \t":
            ws_start -= 1
        ws_end = end
        while True:
            k = ws_end
            while k < len(text) and text[k] in " \t":
                k += 1
            if text.startswith("<!--", k):
                c2 = text.find("-->", k + 4)
                if c2 < 0:
                    break
                ws_end = c2 + 3
                continue
            break
        k = ws_end
        while k < len(text) and text[k] in " \t":
            k += 1
        at_line_start = ws_start == 0 or text[ws_start - 1] == "\n"
        if at_line_start and ws_start > 0 and k < len(text) and text[k] == "\n":
            # drop the leading blanks already added as text
            blanks = i - ws_start
            if blanks and accum and isinstance(accum[-1], str):
                last = str(accum[-1])
                accum[-1] = last[:-blanks]
                if not accum[-1]:
                    accum.pop()
            accum.append(Comment(text[ws_start:k + 1]))
            return k + 1
        accum.append(Comment(text[i:end]))
        return end


_RUNS: dict[str, re.Pattern[str]] = {}


def _literal_run(chars: str) -> re.Pattern[str]:
    pattern = _RUNS.get(chars)
    if pattern is None:
        # "-" stops a run only where it opens language-converter markup ("-{")
        run = "[^" + re.escape(chars) + "]*"
        pattern = re.compile(run + "(?:-(?!\\{)" + run + ")*")
        _RUNS[chars] = pattern
    return pattern


_CLOSE_PATTERNS: dict[str, re.Pattern[str]] = {}


def _close_pattern(name: str) -> re.Pattern[str]:
    pattern = _CLOSE_PATTERNS.get(name)
    if pattern is None:
        pattern = re.compile(r"</" + re.escape(name) + r"\s*>", re.IGNORECASE)
        _CLOSE_PATTERNS[name] = pattern
    return pattern


def _run(text: str, i: int, c: str, limit: int = 1 << 62) -> int:
    j = i
    n = min(len(text), i + limit)
    while j < n and text[j] == c:
        j += 1
    return j - i


class _Splice:
    """Items to be spliced into the enclosing list by :func:`_finish` (a broken bracket's text):
    splicing once at the end keeps deeply nested broken brackets linear."""

    __slots__ = ("items",)

    def __init__(self, items: list[Item]) -> None:
        self.items = items


def _add_text(accum: list[Item], s: str) -> None:
    # strings are merged once, by _finish: merging here would copy ever longer strings
    accum.append(s)


def _extend(accum: list[Item], items: list[Item]) -> None:
    accum.extend(items)


def _break(piece: _Piece, count: int) -> list[Item]:
    """An unclosed (or ``[[``-kind) piece as text: its opening run, its parts joined by ``|``."""
    out: list[Item] = [piece.open * count]
    for k, part in enumerate(piece.parts):
        if k:
            out.append("|")
        out.extend("=" if x is EQUALS else x for x in part.items)
    return out


def _finish(root: list[Item]) -> tuple[list[Item], list[Part]]:
    """Splice broken brackets in and merge adjacent text, in every item list of the tree (one
    iterative pass); returns the root and the parts whose ``=`` index must be found again."""
    todo: list[list[Item]] = []
    parts: list[Part] = []
    done = _flatten(root, todo, parts)
    while todo:
        items = todo.pop()
        items[:] = _flatten(items, todo, parts)
    return done, parts


def _flatten(items: list[Item], todo: list[list[Item]], parts: list[Part]) -> list[Item]:
    out: list[Item] = []
    text: list[str] = []
    stack: list[tuple[list[Item], int]] = [(items, 0)]
    while stack:
        current, i = stack.pop()
        while i < len(current):
            item = current[i]
            i += 1
            kind = type(item)
            if kind is str:
                text.append(item)  # type: ignore[arg-type]
                continue
            if kind is _Splice:  # type: ignore[comparison-overlap]  # a splice the builder left
                stack.append((current, i))
                current, i = item.items, 0  # type: ignore[union-attr]
                continue
            if text:
                out.append("".join(text))
                text = []
            out.append(item)
            if kind is Template or kind is Argument:
                todo.append(item.title)  # type: ignore[union-attr, arg-type]
                for part in item.parts:  # type: ignore[union-attr]
                    todo.append(part.items)
                    parts.append(part)
            elif kind is Heading:
                todo.append(item.items)  # type: ignore[union-attr]
    if text:
        out.append("".join(text))
    return out


def _heading_text(piece: _Piece) -> list[Item]:
    return list(piece.parts[0].items)


# --------------------------------------------------------------------------- public entry

_CACHE: OrderedDict[tuple[str, bool, frozenset[str]], list[Item]] = OrderedDict()
_CACHE_SIZE = 512


def build_tree(text: str, tags: frozenset[str], *, for_inclusion: bool = False) -> list[Item]:
    """The preprocessor tree of ``text``: page mode, or ``for_inclusion`` (a template body:
    ``<noinclude>`` dropped, ``<includeonly>`` kept, ``<onlyinclude>`` selecting).  ``tags``
    are the extension tag names to keep opaque.  Cached; callers must not mutate the result."""
    key = (text, for_inclusion, tags)
    cached = _CACHE.get(key)
    if cached is not None:
        _CACHE.move_to_end(key)
        return cached
    source = text
    if for_inclusion:
        source = _only_included(text)
    builder = _Builder(source, tags, for_inclusion)
    # the builder allocates many small containers and frees none: the cyclic collector's
    # passes over them would make building superlinear
    with paused_collection():
        tree, parts = _finish(builder.build())
    for part in parts:
        if part.eq is not None:
            part.eq = next((k for k, x in enumerate(part.items) if x is EQUALS), None)
    _CACHE[key] = tree
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return tree


_ONLYINCLUDE = re.compile(r"<onlyinclude\s*>(.*?)(?:</onlyinclude\s*>|$)", re.IGNORECASE | re.DOTALL)


def _only_included(text: str) -> str:
    """With ``<onlyinclude>`` anywhere, only what those blocks hold is transcluded."""
    if "<onlyinclude" not in text.lower():
        return text
    blocks = [m.group(1) for m in _ONLYINCLUDE.finditer(text)]
    if not blocks:
        return text
    return "".join(blocks)


__all__ = ["EQUALS", "Equals", "Argument", "Comment", "ExtTag", "Heading", "Ignored", "Item", "Part", "Template",
           "build_tree"]
