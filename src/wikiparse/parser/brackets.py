"""The bracket builder: one left-to-right pass that matches ``{{ }}``, ``{{{ }}}``, ``[[ ]]`` and
``[url ]`` like MediaWiki's preprocessor, and reads comments, entities, extension tags and other
local constructs whole.

A stack of open frames; a closing bracket only closes the frame on top (otherwise it is text),
exactly as the preprocessor does, so the pass is linear: every frame is pushed and popped once.
A frame that cannot close (end of input, a newline inside ``[url ...]``) degrades to text in O(1)
through a :class:`Splice`.  Runs of braces follow the preprocessor's rules (``{{{{{x}}}}}``).
"""

from __future__ import annotations

import re
from typing import Final

from ..ast import BehaviorSwitch, Node, Signature, Text
from ..config import NS_FILE, NS_MEDIA
from .context import Context
from .entities import reference_char
from .interfaces import Constructs
from .items import Frame, Item, Splice, TagTok, Tok, flatten, item_end
from .line_starts import after_comment_match
from .magic_links import magic_link
from .node_factory import comment_node, entity_node
from .scanner import (K_BRACE_CLOSE, K_BRACE_OPEN, K_CHAR, K_COMMENT, K_ENTITY, K_EQUALS,
                      K_EXCL, K_FREE_URL, K_HEADING_START, K_LBRACKETS, K_LINE_SPACE, K_LIST_PREFIX,
                      K_MAGIC_LINK, K_NEWLINE, K_PIPE, K_QUOTES, K_RBRACKETS, K_SIGNATURE,
                      K_SWITCH, K_TABLE_CAPTION, K_TABLE_CLOSE, K_TABLE_OPEN, K_TAG, K_TEXT,
                      KIND_NAMES, LINE_TOK_KIND, fast_scanner)
from .tags import HTML_TAGS
from .url_reader import CELL_LINE, UrlReader

#: kind code by terminal name (for the after-comment line starts, parser/line_starts.py)
_KIND_CODE: dict[str, int] = {name: code for code, name in enumerate(KIND_NAMES)}

_NS_PREFIX = re.compile(r"[ \t]*([^\[\]{}|<>\n:#]{1,64}):")
#: ``Frame.text_start`` of a link frame whose target cannot be a title
NOT_A_TITLE: Final = -1
#: by character code (128: beyond ASCII): 1 for a character of a tag name after its first
_TAG_NAME_CHAR = bytes(c < 128 and (chr(c).isalnum() or chr(c) in ":._-") for c in range(129))


class BracketBuilder(UrlReader):
    """Runs the pass over ``ctx.text[start:end]`` and returns the top-level items; closed
    frames become nodes through ``constructs``.  One builder per region (it keeps the open
    link count and the current line of that region); where URLs end is :class:`UrlReader`'s."""

    def __init__(self, ctx: Context, constructs: Constructs) -> None:
        super().__init__(ctx)
        self.constructs = constructs

    # ------------------------------------------------------------------ main loop

    def run(self, start: int, end: int) -> list[Item]:
        ctx = self.ctx
        text = ctx.text
        scan = fast_scanner()
        root = Frame("root", start)
        stack: list[Frame] = [root]
        max_depth = ctx.limits.max_depth
        max_tokens = ctx.limits.max_nodes
        pos = start
        self.line_start = start
        self.end = end
        heading_frame: Frame | None = None  # the frame in which the current line is a heading
        sol = -1  # where line-start markup may follow comments
        after_comment = after_comment_match()
        while pos < end:
            if pos == sol:  # after comments at a line start (parser/line_starts.py)
                m = after_comment(text, pos, end)
                if m is not None:
                    kind, e = _KIND_CODE[m.lastgroup or ""], m.end()
                else:
                    kind, e = scan.step(text, pos, end)
            else:
                kind, e = scan.step(text, pos, end)
            s = pos
            if kind == K_TEXT and ctx.tokens < max_tokens:  # the most common token, in short
                ctx.tokens += 1
                stack[-1].parts[-1].append(Tok("text", s, e))
                pos = e
                continue
            top = stack[-1]
            cur = top.parts[-1]
            ctx.tokens += 1
            if ctx.tokens > max_tokens:
                ctx.diag("limit-nodes", f"more than {max_tokens} tokens: the rest is kept as text",
                         (s, end), "warning", once=True)
                cur.append(Tok("text", s, end))
                pos = end
                break
            if kind == K_TEXT or kind == K_CHAR:
                cur.append(Tok("text", s, e))
            elif kind == K_PIPE:
                if top.tables:
                    cur.append(Tok("pipe", s, e))
                elif top.kind == "brace" or top.kind == "link":
                    self._new_part(top, s)
                else:
                    cur.append(Tok("pipe", s, e))
            elif kind == K_NEWLINE:
                if top.kind == "extlink":
                    self._degrade(stack)
                    stack[-1].parts[-1].append(Tok("nl", s, e))
                else:
                    cur.append(Tok("nl", s, e))
                self.line_start = e
                heading_frame = None
            elif kind == K_LBRACKETS:
                if e < end and text[e] == "<" and text.startswith("<!--", e):
                    pos = self._open_across_comments(stack, s, e, end, max_depth)
                    if pos >= 0:
                        continue
                pos = self._open_brackets(stack, s, e, end, max_depth)
                continue
            elif kind == K_RBRACKETS:
                if (e - s == 1 and e < end and text[e] == "<" and top.kind == "link"
                        and text.startswith("<!--", e)):
                    pos = self._close_across_comments(stack, s, e, end)
                    if pos >= 0:
                        continue
                pos = self._close_brackets(stack, s, e, end)
                continue
            elif kind == K_EQUALS:
                if (top.kind == "brace" and len(top.parts) > 1 and top.eqs[-1] < 0
                        and top is not heading_frame):
                    top.eqs[-1] = s
                cur.append(Tok("eq", s, e))
            elif kind == K_QUOTES:
                cur.append(Tok("quotes", s, e))
            elif kind == K_TAG:
                pos = self._tag(stack, s, e, end)
                continue
            elif kind == K_FREE_URL:
                pos = self._free_url(stack, s, e)
                continue
            elif kind == K_BRACE_OPEN:
                if len(stack) > max_depth:
                    self._too_deep(cur, s, e)
                else:
                    stack.append(Frame("brace", s, e - s))
            elif kind == K_BRACE_CLOSE:
                self._close_braces(stack, s, e)
            elif kind == K_EXCL:
                cur.append(Tok("excl", s, e))
            elif kind == K_COMMENT:
                closed = text.endswith("-->", s, e) and e - s >= 7
                cur.append(comment_node(s, e, text[s + 4 : e - 3 if closed else e], closed, text))
                if s == sol or not s or text[s - 1] == "\n":
                    sol = e
            elif kind == K_ENTITY:
                raw = text[s:e]
                char = reference_char(raw)
                if not char:
                    # an unknown name, or a number that is no character (&#0;, &#1114112;):
                    # MediaWiki shows it escaped, as text
                    cur.append(Tok("text", s, e))
                else:
                    cur.append(entity_node(s, e, raw, char, text))
            elif K_TABLE_OPEN <= kind <= K_TABLE_CAPTION:
                if top.kind == "link" and not top.url_end and (top.tables or kind == K_TABLE_OPEN):
                    # a table in a file caption: MediaWiki builds tables before links, so its
                    # '|' are table markup, not option separators
                    top.tables += int(kind == K_TABLE_OPEN) - int(kind == K_TABLE_CLOSE)
                    cur.append(Tok(LINE_TOK_KIND[kind - K_TABLE_OPEN], s, e))
                elif top.kind == "brace" or top.kind == "link":
                    # the preprocessor knows no tables: inside {{ }} or [[ ]] the '|' of
                    # line-start table markup is a separator and the rest is text
                    bar = text.index("|", s, e)
                    if bar > s:
                        cur.append(Tok("text", s, bar))
                    self._new_part(top, bar)
                    if bar + 1 < e:
                        top.parts[-1].append(Tok("text", bar + 1, e))
                else:
                    cur.append(Tok(LINE_TOK_KIND[kind - K_TABLE_OPEN], s, e))
            elif (kind == K_HEADING_START and e - s == 1 and top.kind == "brace"
                  and len(top.parts) > 1 and top.eqs[-1] < 0):
                # a single '=' at a line start in an argument is its name/value separator, not
                # a heading (Preprocessor_Hash's "DWIM" rule); '==x==' stays a heading.  The
                # token stays a heading start: if the template never closes, its text is
                # read again as lines and the heading is there (MediaWiki's HHP2.1)
                top.eqs[-1] = s
                cur.append(Tok("heading_start", s, e))
            elif kind == K_HEADING_START:
                # a heading line: its '=' separate no argument (the preprocessor reads the
                # line as a heading first)
                heading_frame = top
                cur.append(Tok("heading_start", s, e))
            elif K_TABLE_OPEN <= kind <= K_LINE_SPACE:
                cur.append(Tok(LINE_TOK_KIND[kind - K_TABLE_OPEN], s, e))
                if kind == K_LIST_PREFIX and text.startswith("<!--", e):
                    sol = e  # '*<!---->*', ':<!---->{|': the prefix goes on after the comment
            elif kind == K_MAGIC_LINK:
                if self.link_depth or top.kind == "extlink":
                    cur.append(Tok("text", s, e))
                else:
                    link = magic_link(ctx, s, e)
                    cur.append(Tok("text", s, e) if link is None else link)
            elif kind == K_SIGNATURE:
                cur.append(Signature((s, e), tildes=e - s, origin=text))
            elif kind == K_SWITCH:
                name = text[s + 2 : e - 2]
                if name.upper() in ctx.config.behavior_switches:
                    cur.append(BehaviorSwitch((s, e), name=name.upper(), origin=text))
                else:
                    cur.append(Tok("text", s, e))
            else:  # pragma: no cover - every terminal is handled above
                ctx.diag("internal-token", f"unhandled token {KIND_NAMES[kind]}", (s, e), "internal")
                cur.append(Tok("text", s, e))
            pos = e
        while len(stack) > 1:
            self._degrade(stack)
        return root.parts[0]

    # ------------------------------------------------------------------ helpers

    def _new_part(self, frame: Frame, bar: int) -> None:
        frame.seps.append(bar)
        frame.parts.append([])
        frame.part_starts.append(bar + 1)
        frame.eqs.append(-1)

    def _too_deep(self, cur: list[Item], s: int, e: int) -> None:
        self.ctx.diag("limit-depth", f"nesting deeper than {self.ctx.limits.max_depth}: kept as text",
                      (s, e), "warning", once=True)
        cur.append(Tok("text", s, e))

    def _degrade(self, stack: list[Frame], reason: str = "", report: bool = True) -> None:
        """Pop the top frame and put its opener and contents into the parent as text."""
        frame = stack.pop()
        if frame.kind == "link":
            self.link_depth -= frame.url_end
        parent = stack[-1].parts[-1]
        opener_end = frame.part_starts[0]
        # an opener holding comments gives back its brackets and comments as they were
        head = frame.opener
        items: list[Item] = [Tok("text", frame.start, opener_end)]
        if head is not None:
            items = [*head]
        if frame.kind == "extlink":
            # '[' + URL without ']': the URL is still a free link (when it is one)
            url_start = frame.start + 1 if head is None else item_end(head[-1])
            link = self.free_link(stack + [frame], url_start, opener_end) if not self.link_depth else None
            if head is not None and link is None:
                items.append(Tok("text", url_start, opener_end))
            if link is not None:
                items = [Tok("text", frame.start, frame.start + 1), link] if head is None else [*head, link]
                if link.span[1] < opener_end:
                    items.append(Tok("text", link.span[1], opener_end))
            if frame.text_start > opener_end:
                items.append(Tok("text", opener_end, frame.text_start))
            self._resolve_candidates(stack + [frame], frame.parts[0])
        for i, part in enumerate(frame.parts):
            if i:
                items.append(Tok("pipe", frame.seps[i - 1], frame.seps[i - 1] + 1))
            items.append(Splice(part))
        parent.append(Splice(items))
        if not report:
            pass
        elif reason:
            self.ctx.diag(reason, "not a valid link target: '[[...]]' kept as text",
                          (frame.start, opener_end))
        elif frame.kind != "root":
            self.ctx.diag(f"unclosed-{frame.kind}", f"unclosed {_OPENER_NAME[frame.kind]} kept as text",
                          (frame.start, opener_end))

    # ------------------------------------------------------------------ braces

    def _close_braces(self, stack: list[Frame], s: int, e: int) -> None:
        remaining = e - s
        pos = s
        max_depth = self.ctx.limits.max_depth - self.ctx.depth
        while remaining >= 2:
            top = stack[-1]
            if top.kind != "brace":
                break
            if top.nest and len(stack) + top.nest > max_depth:
                # one run of braces nests as deep as a stack of frames would ({`x n }`x n):
                # the same bound, or the tree (and names that copy their inner source) grows
                # without limit; the remaining braces of the run stay text on both sides
                stack.pop()
                parent = stack[-1].parts[-1]
                parent.append(Tok("text", top.start, top.start + top.count))
                for i, part in enumerate(top.parts):
                    if i:
                        parent.append(Tok("pipe", top.seps[i - 1], top.seps[i - 1] + 1))
                    parent.append(Splice(part))
                take = min(remaining, top.count)
                parent.append(Tok("text", pos, pos + take))
                self.ctx.diag("limit-depth", f"nesting deeper than {self.ctx.limits.max_depth}: "
                              "the rest of the brace run is kept as text",
                              (top.start, top.start + top.count), "warning", once=True)
                pos += take
                remaining -= take
                continue
            k = min(remaining, top.count)
            if k > 3:
                k = 3
            el_start = top.start + top.count - k
            node = self.constructs.brace_element(top, k, el_start, pos + k)
            top.count -= k
            pos += k
            remaining -= k
            if top.count >= 2:
                # the remaining opening braces enclose what was just built
                top.parts = [[node]]
                top.part_starts = [top.start + top.count]
                top.seps = []
                top.eqs = [-1]
                top.nest += 1
            else:
                stack.pop()
                parent = stack[-1].parts[-1]
                if top.count == 1:
                    parent.append(Tok("text", top.start, top.start + 1))
                parent.append(node)
        if remaining:
            stack[-1].parts[-1].append(Tok("text", pos, e))

    # ------------------------------------------------------------------ brackets

    def _open_brackets(self, stack: list[Frame], s: int, e: int, end: int, max_depth: int,
                       before: int = 0) -> int:  # before: brackets before comments
        text = self.ctx.text
        cur = stack[-1].parts[-1]
        n = e - s
        if n >= 2:
            url = self._url_at(e, end)
            if url is not None and stack[-1].kind == "extlink" and not self.link_depth:
                # '[http://a [[http://b]]]': no link inside a label, the label is
                # '[[http://b' (a free link if the outer '[url' never closes)
                url_end = self._url_end(stack, e, url.end())
                cur.append(Tok("text", s, e))
                cur.append(Tok("url_candidate", e, url_end))
                return url_end
            if url is not None:
                # [[http://x]] is '[' + an external link + ']' in MediaWiki
                cur.append(Tok("text", s, e - 1))
                return self._open_extlink(stack, e - 1, self._url_end(stack, e, url.end()), end,
                                          max_depth)
            if len(stack) > max_depth:
                self._too_deep(cur, s, e)
                return e
            lead = e
            while lead < end and text[lead] == " ":
                lead += 1
            if lead > e and self._url_at(lead, end) is not None:
                # '[[ https://...': a target that starts with a protocol is no page
                # (handleInternalLinks); the brackets are text, the URL a free link
                cur.append(Tok("text", s, e))
                return e
            if n > 2:
                cur.append(Tok("text", s, e - 2))
            frame = Frame("link", e - 2, 2)
            if (n + before) % 2:
                # MediaWiki cuts the text at every '[[' from the left: in an odd run the last
                # '[[' is followed by '[', which starts no title ('[[[x]]]' is text).  The
                # frame still holds its '|' (the preprocessor counts the whole run)
                frame.text_start = NOT_A_TITLE
            # image captions are autolinked (URLs, magic links); other link labels are not
            frame.url_end = 0 if self._file_target_ahead(e, end) else 1
            stack.append(frame)
            self.link_depth += frame.url_end
            return e
        url = self._url_at(e, end)
        if url is not None and stack[-1].kind == "extlink" and not self.link_depth:
            # '[' + URL inside a label: text, or a free link if the outer '[url' never closes
            url_end = self._url_end(stack, e, url.end())
            cur.append(Tok("text", s, e))
            cur.append(Tok("url_candidate", e, url_end))
            return url_end
        if url is None or stack[-1].kind == "extlink":
            cur.append(Tok("text", s, e))
            return e
        return self._open_extlink(stack, s, self._url_end(stack, e, url.end(), bracketed=True),
                                  end, max_depth)

    def _open_across_comments(self, stack: list[Frame], s: int, e: int, end: int,
                              max_depth: int) -> int:
        """A bracket run followed by comments: MediaWiki reads links after its preprocessor
        removed them, so ``[<!---->[t]]`` is a link and ``[<!---->http://x y]`` an external
        link; the comments inside the opener are its markup (``Frame.opener``).  -1 when the
        comments change nothing (the caller reads the run alone)."""
        text = self.ctx.text
        comments, p = self.comments_at(e)
        if not comments or len(stack) > max_depth:
            return -1
        cur = stack[-1].parts[-1]
        url = self._url_at(p, end)
        if p < end and text[p] == "[":
            if any(f.kind == "brace" for f in stack):
                return -1  # the preprocessor's '[[' holds no comment: the '|' is the template's
            q = p
            while q < end and text[q] == "[":
                q += 1
            lead = q
            while lead < end and text[lead] == " ":
                lead += 1
            if q - p > 1 or self._url_at(lead, end) is not None:
                # the opener is after the comments, or there is none: read as the same run
                cur.append(Tok("text", s, e))
                cur.extend(comments)
                return self._open_brackets(stack, p, q, end, max_depth, before=e - s)
            if e - 1 > s:
                cur.append(Tok("text", s, e - 1))
            frame = Frame("link", e - 1, 2)
            frame.part_starts = [q]
            frame.opener = [Tok("text", e - 1, e), *comments, Tok("text", p, q)]
            if (e - s) % 2 == 0:
                frame.text_start = NOT_A_TITLE  # an odd run: '[[' + '[' ('[[[x]]]' is text)
            frame.url_end = 0 if self._file_target_ahead(q, end) else 1
            stack.append(frame)
            self.link_depth += frame.url_end
            return q
        if url is None or stack[-1].kind == "extlink":
            return -1
        if e - 1 > s:
            cur.append(Tok("text", s, e - 1))
        url_end = self._url_end(stack, p, url.end(), bracketed=e - s == 1)
        after = self._open_extlink(stack, e - 1, url_end, end, max_depth)
        stack[-1].opener = [Tok("text", e - 1, e), *comments]
        return after

    def _open_extlink(self, stack: list[Frame], s: int, url_end: int, end: int, max_depth: int) -> int:
        cur = stack[-1].parts[-1]
        if len(stack) > max_depth:
            self._too_deep(cur, s, url_end)
            return url_end
        frame = Frame("extlink", s, 1)
        frame.url_end = url_end
        text = self.ctx.text
        p = url_end
        while p < end and text[p] in " \t\u00a0\u3000\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f":
            p += 1
        frame.text_start = p
        frame.part_starts = [url_end]
        stack.append(frame)
        return p

    def _close_brackets(self, stack: list[Frame], s: int, e: int, end: int) -> int:
        pos = s
        remaining = e - s
        while remaining:
            top = stack[-1]
            if top.kind == "link" and remaining >= 2:
                in_file = len(stack) > 1 and stack[-2].kind == "link" and not stack[-2].url_end
                if remaining >= 3 and not in_file and self._label_has_bracket(top):
                    # [[a|[b]]]: the first ']' belongs to the label (MediaWiki's fix-up; a
                    # link in an image caption closes at its first ']]', T374445)
                    top.parts[-1].append(Tok("text", pos, pos + 1))
                    pos += 1
                    remaining -= 1
                trail_end = self._trail_end(pos + 2, end) if remaining == 2 else pos + 2
                trail_end = self._close_link(stack, pos, trail_end)
                if trail_end < 0:  # no link: its ']]' are text
                    stack[-1].parts[-1].append(Tok("text", pos, pos + 2))
                    trail_end = pos + 2
                remaining -= 2
                pos += 2
                if remaining == 0:
                    return trail_end
            elif top.kind == "extlink":
                below = stack[-2]
                if remaining >= 2 and below.kind == "link" and below.url_end:
                    # '[[a|[http://x y]]': MediaWiki finds links at '[[' ... ']]' first and
                    # reads no external link in a link's label: the '[url' is text (nothing
                    # is unclosed: no diagnostic)
                    self._degrade(stack, report=False)
                    continue
                stack.pop()
                stack[-1].parts[-1].append(self.constructs.extlink_element(top, pos))
                remaining -= 1
                pos += 1
            else:
                break
        if remaining:
            stack[-1].parts[-1].append(Tok("text", pos, e))
        return e

    def _close_across_comments(self, stack: list[Frame], s: int, e: int, end: int) -> int:
        """``]<!---->]`` closing the link on top (the comments are its closing markup,
        ``Frame.close_end`` where it ends); -1 when the caller reads ``]`` alone."""
        text = self.ctx.text
        top = stack[-1]
        comments, p = self.comments_at(e)
        if (not comments or p >= end or text[p] != "]" or any(f.kind == "brace" for f in stack)
                or (p + 1 < end and text[p + 1] == "]" and self._label_has_bracket(top))):
            return -1  # '[[a|[b]<!---->]]': the first ']' is the label's, as without comments
        q = p
        while q < end and text[q] == "]":
            q += 1
        top.close_end = p + 1
        trail_end = self._trail_end(p + 1, end) if q == p + 1 else p + 1
        trail_end = self._close_link(stack, s, trail_end)
        if trail_end < 0:  # no link: its closing brackets and comments are text
            stack[-1].parts[-1].extend([Tok("text", s, e), *comments, Tok("text", p, p + 1)])
            trail_end = p + 1
        return trail_end if q == p + 1 else self._close_brackets(stack, p + 1, q, end)

    def _url_at(self, pos: int, end: int) -> re.Match[str] | None:
        """``bracket_url_re.match(text, pos, end)``; a text without a protocol's ':' (or '//')
        near ``pos`` is not matched at all (most '[[' and '[' start no URL)."""
        text = self.ctx.text
        window = self.ctx.url_colon_window
        if window >= 0:
            stop = pos + window if pos + window < end else end
            if (text.find(":", pos, stop) < 0
                    and not (pos + 1 < end and text[pos] == "/" and text[pos + 1] == "/")):
                return None
        return self.ctx.bracket_url_re.match(text, pos, end)

    def _close_link(self, stack: list[Frame], close: int, trail_end: int) -> int:
        """Close the link frame on top of ``stack`` at ``close`` (its ``]]``, or its ``]`` before
        comments): the link node goes into the parent and its end (trail included, up to
        ``trail_end``) is returned.  When it is no link the frame degrades to text and -1 is
        returned: the caller puts its closing markup back as text."""
        top = stack.pop()
        self.link_depth -= top.url_end
        built = (self.constructs.link_element(top, close, trail_end)
                 if top.text_start != NOT_A_TITLE else None)
        if built is None:
            stack.append(top)
            self.link_depth += top.url_end  # _degrade takes the frame's depth off again
            self._degrade(stack, reason="invalid-link")
            return -1
        stack[-1].parts[-1].append(built)
        return built.span[1]

    def _file_target_ahead(self, pos: int, end: int) -> bool:
        text = self.ctx.text
        p = pos
        while p < end and (text[p] == " " or text[p] == "\t"):
            p += 1
        if text.find(":", p, p + 65 if p + 65 < end else end) < 0:
            return False  # no namespace prefix (_NS_PREFIX needs a ':' there): most links
        m = _NS_PREFIX.match(text, pos, end)
        if m is None:
            return False
        ns = self.ctx.namespace_of(m.group(1))
        return ns in (NS_FILE, NS_MEDIA)

    def _label_has_bracket(self, frame: Frame) -> bool:
        text = self.ctx.text
        return any(isinstance(it, Tok) and it.kind == "text" and "[" in text[it.start : it.end]
                   for part in frame.parts[1:] for it in flatten(part))

    def _trail_end(self, pos: int, end: int) -> int:
        starts = self.ctx.trail_starts
        if starts is not None:  # a class-run trail: no match unless its first character fits
            if pos >= end:
                return pos
            ch = self.ctx.text[pos]
            fits = starts.get(ch)
            if fits is None:
                fits = self.ctx.trail_re.fullmatch(ch) is not None
                starts[ch] = fits
            if not fits:
                return pos
        m = self.ctx.trail_re.match(self.ctx.text, pos, end)
        return m.end() if m else pos

    # ------------------------------------------------------------------ tags

    def _tag(self, stack: list[Frame], s: int, e: int, end: int) -> int:
        ctx = self.ctx
        text = ctx.text
        cur = stack[-1].parts[-1]
        # the token is a TAG terminal: '<', maybe '/', then the name ([A-Za-z][A-Za-z0-9:._-]*)
        closing = text[s + 1] == "/"
        attr_start = s + 2 if closing else s + 1
        while attr_start < e and _TAG_NAME_CHAR[min(ord(text[attr_start]), 128)]:
            attr_start += 1
        name = text[s + 2 if closing else s + 1 : attr_start].lower()
        self_closing = text[e - 2] == "/"
        attr_end = e - 2 if self_closing else e - 1
        if name in ctx.ext_tags:
            # <pre> is an HTML element too: the sanitizer keeps what the preprocessor leaves
            html_too = name == "pre"
            if closing:
                cur.append(TagTok(s, e, name, closing, self_closing, attr_start, attr_end)
                           if html_too else Tok("text", s, e))
                return e
            node = self.constructs.extension_tag(name, s, e, attr_start, attr_end, self_closing, end)
            if node is None:  # no closing tag: MediaWiki shows the start tag as text
                cur.append(TagTok(s, e, name, closing, self_closing, attr_start, attr_end)
                           if html_too else Tok("text", s, e))
                return e
            cur.append(node)
            return node.span[1]
        if name in HTML_TAGS:
            cur.append(TagTok(s, e, name, closing, self_closing, attr_start, attr_end))
            return e
        # no tag: only the '<' is text; what follows is read again (its newlines end lines)
        cur.append(Tok("text", s, s + 1))
        return s + 1


_OPENER_NAME = {"brace": "'{{'", "link": "'[['", "extlink": "'['", "root": "document"}
