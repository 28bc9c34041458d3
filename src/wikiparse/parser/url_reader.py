"""The URL half of the bracket pass: where a URL ends (pipes, comments, escaped angle brackets)
and the free link a URL makes (trailing punctuation, an argument's ``=``, a heading's ``==``).

MediaWiki finds URLs after its preprocessor has removed comments and split template arguments;
:class:`UrlReader` reads them in the one pass over the text, which keeps every comment as a
node: a URL with comments in it has them as children."""

from __future__ import annotations

import re

from ..ast import Comment, ExternalLink, Node, Text
from .context import Context
from .items import Frame, Item, Splice, Tok
from .node_factory import external_link_node
from .urls import (ESCAPED_ANGLE, URL_CONTINUE, URL_WITH_PIPES, closes_with_pipes, comment_end, inner_protocol,
                   free_url_stop, heading_end_left_out, ipv6_host_end, strip_comments,
                   trailing_punctuation_start, url_pieces)

__all__ = ["CELL_LINE", "UrlReader"]

#: a table-cell line: its '|' separate cells, so no URL on it takes one
CELL_LINE = re.compile(r"[ \t]*[|!]")


class UrlReader:
    """URL reading for one region of the bracket pass (the base of ``BracketBuilder``)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.line_start = 0  # where the current line starts (table-cell lines split on '|')
        self.end = 0  # end of the region
        self.no_comment_close = -1  # no '-->' after this offset in the region (when >= 0)
        self.link_depth = 0  # open [[ frames: no free URLs or magic links inside a link

    def _url_end(self, stack: list[Frame], s: int, e: int, bracketed: bool = False) -> int:
        """End of a URL matched up to ``e``: '|' is a URL character where no template or link
        is open (there it separates arguments), or in a file caption's ``[url label]``
        (:func:`closes_with_pipes`); '&lt;'/'&gt;' end it (MediaWiki)."""
        text = self.ctx.text
        # the scanner bounds a URL token; a longer URL (or one with pipes) continues here in
        # bounded chunks
        line = self.line_start
        lead = text[line] if line < len(text) else ""
        # CELL_LINE starts with a space, tab, '|' or '!': no other line is matched
        pipes_ok = not (lead in " \t|!" and CELL_LINE.match(text, line))
        inner: Frame | None = None
        for i in range(len(stack) - 1, -1, -1):
            if stack[i].kind == "brace" or stack[i].kind == "link":
                inner = stack[i]
                break
        if pipes_ok and inner is not None:
            pipes_ok = (bracketed and inner.kind == "link" and not inner.url_end
                        and closes_with_pipes(text, e))
        more = URL_WITH_PIPES if pipes_ok else URL_CONTINUE
        while e < len(text):
            m = more.match(text, e)
            if m is None:
                # the preprocessor removes comments first: 'http://a/b<!--c-->d' is one URL
                after = self._comment_end(e)
                if after < 0 or more.match(text, after) is None:
                    break
                e = after
                continue
            e = m.end()
        if text.find("&", s, e) < 0:
            return e  # no '&lt;' or '&gt;' (most URLs)
        cut = ESCAPED_ANGLE.search(text, s, e)
        return cut.start() if cut else e

    def _comment_end(self, pos: int) -> int:
        """End of a closed comment at ``pos`` inside the region, or -1; a failed search for
        '-->' is remembered, so URLs before many unclosed comments stay linear."""
        if not self.ctx.text.startswith("<!--", pos):
            return -1
        if 0 <= self.no_comment_close <= pos:
            return -1
        after = comment_end(self.ctx.text, pos, self.end)
        if after < 0:
            self.no_comment_close = pos
        return after

    def comments_at(self, pos: int) -> tuple[list[Comment], int]:
        """The closed comments one after another at ``pos``, as nodes, and where the last one
        ends (``pos`` when there is none).  Bracket runs continue across them (the
        preprocessor removes comments before links are read)."""
        text = self.ctx.text
        found: list[Comment] = []
        while True:
            after = self._comment_end(pos)
            if after < 0:
                return found, pos
            found.append(Comment((pos, after), value=text[pos + 4 : after - 3], closed=True,
                                 origin=text))
            pos = after

    def free_link(self, stack: list[Frame], s: int, e: int, extend: bool = True) -> ExternalLink | None:
        """A free URL starting at ``s`` (scanned up to ``e``), trailing punctuation left out,
        or None when the scheme is not a protocol or nothing follows it.  ``extend=False``: the
        URL is known to end at ``e`` at the latest."""
        text = self.ctx.text
        proto = self.ctx.protocol_re.match(text, s, e)
        if proto is None:
            return None
        if extend and e == proto.end():
            e = ipv6_host_end(text, e)  # http://[2001:db8::1]/
        url_end = self._url_end(stack, s, e) if extend else e
        if extend:
            url_end = free_url_stop(text, s, url_end)
        top = stack[-1]
        if extend and top.kind == "brace" and len(top.parts) > 1 and top.eqs[-1] < 0:
            # the preprocessor splits an argument at its first '=' before links are found:
            # {{URL|http://example.com=foobar}} is the argument 'http://example.com' = 'foobar'
            eq = text.find("=", s, url_end)
            if eq > proto.end():
                url_end = eq
        if extend and text[url_end - 1] == "=":
            url_end = heading_end_left_out(text, self.line_start, s, url_end)
        url_end = trailing_punctuation_start(text, s, url_end)
        if url_end <= proto.end():
            return None
        url = text[s:url_end]
        if "<!--" not in url:
            return external_link_node(s, url_end, url, "free", [], text)
        # a URL holding comments: its text and comments are its children (the tree keeps
        # every comment), its URL is without them
        children: list[Node] = []
        for a, b, is_comment in url_pieces(text, s, url_end):
            if is_comment:
                children.append(Comment((a, b), value=text[a + 4 : b - 3], closed=True,
                                        origin=text))
            else:
                children.append(Text((a, b), value=text[a:b], origin=text))
        return ExternalLink((s, url_end), url=strip_comments(url), kind="free",
                            children=children, origin=text)

    def _free_url(self, stack: list[Frame], s: int, e: int) -> int:
        """A FREE_URL token at ``s``: a free link, a candidate inside a ``[url`` label, or
        text; returns where reading goes on."""
        top = stack[-1]
        cur = top.parts[-1]
        colon = self.ctx.text.find(":", s, e)
        if colon < 0:  # pragma: no cover - the scanner's FREE_URL token holds its ':'
            cur.append(Tok("text", s, e))
            return e
        node = None
        if top.kind == "extlink" and not self.link_depth and self.ctx.protocol_re.match(self.ctx.text, s, e):
            # no link inside a link's label; but if the '[url' never closes, this one is free
            end = self._url_end(stack, s, e)
            cur.append(Tok("url_candidate", s, end))
            return end
        if top.kind != "extlink" and not self.link_depth:
            node = self.free_link(stack, s, e)
            if node is None:
                inner = inner_protocol(self.ctx.text, s, colon, self.ctx.protocol_re)
                if inner > s:
                    # 'ok-http://x', 'svn+ssh://x': MediaWiki's URLs start at a word boundary,
                    # so the protocol inside the scheme-like run starts one
                    cur.append(Tok("text", s, inner))
                    return inner
        if node is None:
            cur.append(Tok("text", s, colon + 1))
            return colon + 1
        cur.append(node)
        return node.span[1]

    def _resolve_candidates(self, stack: list[Frame], part: list[Item]) -> None:
        """URLs seen inside a '[url' label whose ']' never came: free links after all."""
        for i, it in enumerate(part):
            if type(it) is Tok and it.kind == "url_candidate":
                link = self.free_link(stack, it.start, it.end, extend=False)
                if link is None:
                    part[i] = Tok("text", it.start, it.end)
                elif link.span[1] < it.end:
                    part[i] = Splice([link, Tok("text", link.span[1], it.end)])
                else:
                    part[i] = link
