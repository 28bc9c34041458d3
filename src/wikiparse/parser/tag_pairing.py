"""Tag pairing: HTML start and end tags matched with a stack, as MediaWiki's HTML tidying
(RemexHtml) would balance them.

Block-level elements (``div``, ``table``...) are paired across the lines of their container
before anything else (their content becomes a container of its own); inline elements (``b``,
``span``...) are paired within one run of inline content.  An unclosed element runs to the end
of its container; HTML's implied end tags apply (``<td>`` closes an open ``<td>``, ``<li>`` an
open ``<li>``...); a stray end tag stays a ``stray-close`` Tag (MediaWiki shows it as text).
Kinds: ``paired`` (its end tag is written), ``implied`` (its end tag is one HTML lets one
omit: closed by a start tag that implies it, or by its parent's end tag, as ``<li>`` in
``<ul><li>a</ul>``), ``unclosed`` (any other element left open), ``void``, ``stray-close``.
Per-name open counts keep an unmatched end tag from scanning the stack: the pass is linear.
"""

from __future__ import annotations

from ..ast import Node, Tag, TagKind
from .attributes import tag_attributes
from .context import Context
from .interfaces import Reentry
from .items import NT, ContainerState, TagTok, Tok, item_end
from .node_factory import tag_node
from .tags import BLOCK_TAGS, VOID_TAGS

# tag -> the open tags it closes when it starts: HTML's implied end tags, which an HTML
# parser (and so MediaWiki's output) applies
IMPLIED_END: dict[str, frozenset[str]] = {
    "td": frozenset({"td", "th"}),
    "th": frozenset({"td", "th"}),
    "tr": frozenset({"td", "th", "tr"}),
    "li": frozenset({"li"}),
    "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}),
    **{name: frozenset({"p"}) for name in ("p", "div", "ul", "ol", "dl", "table", "blockquote",
                                           "h1", "h2", "h3", "h4", "h5", "h6")},
}

# elements whose end tag HTML lets one leave out when their parent's end tag follows: closed
# that way they are kind "implied", not "unclosed"
OPTIONAL_END_AT_PARENT_END = frozenset({"li", "dt", "dd", "p", "td", "th", "tr", "tbody",
                                        "thead", "tfoot", "caption", "rb", "rt", "rtc", "rp"})

# div, blockquote and center are not in doBlockLevels' "open" set: the lines after them are
# wrapped in paragraphs
_PARAGRAPH_CONTENT = frozenset({"div", "blockquote", "center", "td", "th"})


def _implied_by_end(stack: list[tuple[TagTok, int]], name: str) -> int:
    """An end tag ``name`` closes the innermost open ``name`` and every element above it on
    the stack: those from the matched element's child up to (not including) the returned
    depth are closed validly (each one's end tag optional, its parent closed validly too)."""
    k = len(stack) - 1
    while stack[k][0].name != name:
        k -= 1
    depth = k + 1
    while depth < len(stack) and stack[depth][0].name in OPTIONAL_END_AT_PARENT_END:
        depth += 1
    return depth


def _content_mode(name: str, default: str) -> str:
    return "doc" if name in _PARAGRAPH_CONTENT and default != "inline" else default


class TagPairing:
    """The tag-pairing pass of a parse (block tags per container, all tags per inline run)."""

    def __init__(self, ctx: Context, passes: Reentry) -> None:
        self.ctx = ctx
        self.passes = passes

    def pair_block_tags(self, state: ContainerState) -> None:
        """Block pass: block-level tags of the container paired across its lines."""
        state.items = self.pair(state.items, BLOCK_TAGS, "lines")

    def pair_inline_tags(self, items: list[NT]) -> list[NT]:
        """Inline pass: every tag of an inline run paired."""
        return self.pair(items, None, "inline")

    def make_tag(self, tok: TagTok, kind: TagKind, children: list[Node], end: int) -> Tag:
        attrs = tag_attributes(self.ctx, self.passes.scan, tok.attr_start, tok.attr_end)
        return tag_node(tok.start, end, tok.name, attrs, children, kind, tok.self_closing, self.ctx.text)

    def pair(self, items: list[NT], names: frozenset[str] | None, content_mode: str) -> list[NT]:
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
                    out.append(self.make_tag(it, "stray-close", [], it.end))
                else:  # </br> is <br> in MediaWiki
                    out.append(self.make_tag(it, "void", [], it.end))
                continue
            if it.self_closing and not it.closing:
                out.append(self.make_tag(it, "paired", [], it.end))
                continue
            if not it.closing:
                closes = IMPLIED_END.get(name)
                while closes is not None and stack and stack[-1][0].name in closes:
                    # <td> closes an open <td>/<th>, <li> an open <li>... (HTML's implied ends)
                    opener, idx = stack.pop()
                    open_count[opener.name] -= 1
                    content = out[idx + 1 :]
                    del out[idx:]
                    end = item_end(content[-1]) if content else opener.end
                    out.append(self._with_content(opener, "implied", content, end,
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
                out.append(self.make_tag(it, "stray-close", [], it.end))
                continue
            implied = _implied_by_end(stack, name)
            while True:
                opener, idx = stack.pop()
                open_count[opener.name] -= 1
                content = out[idx + 1 :]
                del out[idx:]
                mode = _content_mode(opener.name, content_mode)
                if opener.name == name:
                    out.append(self._with_content(opener, "paired", content, it.end, mode))
                    break
                end = item_end(content[-1]) if content else opener.end
                kind: TagKind = "implied" if len(stack) < implied else "unclosed"
                out.append(self._with_content(opener, kind, content, end, mode))
        while stack:
            opener, idx = stack.pop()
            content = out[idx + 1 :]
            del out[idx:]
            end = item_end(content[-1]) if content else opener.end
            out.append(self._with_content(opener, "unclosed", content, end,
                                          _content_mode(opener.name, content_mode)))
        return out

    def _with_content(self, opener: TagTok, kind: TagKind, content: list[NT], end: int,
                      mode: str) -> Tag:
        self.ctx.depth += 1
        quote = opener.name == "blockquote"
        if quote:
            self.ctx.blockquotes += 1
        try:
            if mode == "inline":
                children = self.passes.inline(content)
            else:
                # the lines holding the start and end tags are block lines: not wrapped
                children = self.passes.blocks(content, mode, first_raw=mode == "doc",
                                              last_raw=mode == "doc" and kind == "paired",
                                              top=quote)
        finally:
            self.ctx.depth -= 1
            if quote:
                self.ctx.blockquotes -= 1
        return self.make_tag(opener, kind, children, end)
