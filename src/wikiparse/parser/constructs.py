"""Turns closed frames into typed nodes: templates, parser functions, variables, arguments,
wiki/file/category/language links, external links and extension tags.

Each builder gets the frame's parts (item lists between the separators) and decides, as
MediaWiki does when it expands or links them, what the construct is; ``None`` means "not this
construct": the caller keeps the source as text.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from ..ast import (
    Argument, Attribute, Category, Comment, Entity, ExtensionTag, ExternalLink, ExternalLinkKind, FileFormat,
    FileLink, ImageOption, ImageOptionKind, LanguageLink, Node, Parameter, ParserFunction, Template, Text, Variable, WikiLink)
from ..config import NS_CATEGORY, NS_FILE, NS_MEDIA, NS_MAIN
from .attributes import tag_attributes
from .context import Context
from .image_options import OPTION_KIND, SIZE, apply_option, valid_link_option
from .interfaces import Constructs, Reentry
from .items import NT as NodeOrTok
from .items import Frame, Item, Splice, Tok, flatten, item_end, item_start
from .node_factory import (category_node, extension_tag_node, external_link_node, file_link_node,
                           image_option_node, language_link_node,
                           parameter_node, template_node, text_node, wikilink_node)
from .title_chars import ILLEGAL_TITLE, PERCENT

# what a link fragment cannot hold as written (it may hold '<', '>' and, through character
# references, '|': MediaWiki checks title characters on the page name only)
_ILLEGAL_FRAGMENT = re.compile(r"[\[\]{}|\n]")
# page names MediaWiki refuses (MediaWikiTitleCodec): relative paths, "~~~" (a signature)
_REFERENCE = re.compile(r"&[A-Za-z0-9\x80-\U0010ffff]+;")
_RELATIVE_TITLE = re.compile(r"^\.\.?(?:/|$)|/\.\.?(?:/|$)")
_TEXTISH = (Text, Comment, Entity)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TRANSCLUSIONS = (Template, Argument, ParserFunction, Variable)
#: what makes a literal link target need the full checks (:meth:`ConstructBuilder._checked_target`):
#: a character illegal in a title or a fragment, a comment or tag ('<'), a reference ('&'), a
#: percent-escape, a relative path ('.'), a signature ('~')
_PLAIN_TARGET = re.compile(r"[\[\]{}<>|\n\x00-\x1f\x7f\ufffd%&.~]")


def _valid_title(decoded: str, literal: bool = True) -> bool:
    """Whether the page-name part of a decoded link target (before any ``#``) is a title:
    no illegal character (checked here for ``literal`` targets: a target holding templates
    had its tokens checked), no relative path (``./a``, ``a/../b``, ``.``), no ``~~~``."""
    hash_at = decoded.find("#")
    page = decoded if hash_at < 0 else decoded[:hash_at]
    if literal and (ILLEGAL_TITLE.search(page) or ("&" in page and _REFERENCE.search(page))):
        return False  # a title holds no character reference, even after decoding
    # the trimmed name holds a '.' or '~~~' exactly when the page part does
    if "." in page and _RELATIVE_TITLE.search(page.strip().lstrip(":").strip()):
        return False
    return "~~~" not in page


class ConstructBuilder(Constructs):
    """The :class:`~.interfaces.Constructs` of a parse; the content of a construct (a template
    argument, a link label, an extension tag's body) goes back through ``passes``."""

    def __init__(self, ctx: Context, passes: Reentry) -> None:
        self.ctx = ctx
        self.passes = passes

    # ------------------------------------------------------------------ shared helpers

    def _src(self, items: list[NodeOrTok]) -> str:
        """Source text of an item run (templates included verbatim)."""
        if not items:
            return ""
        return self.ctx.text[item_start(items[0]) : item_end(items[-1])]

    def _literal_text(self, items: list[NodeOrTok]) -> str | None:
        """Text of items that are only text/comments/entities (comments dropped); None if a
        construct is inside."""
        if len(items) == 1:
            one = items[0]
            if type(one) is Tok and one.kind != "tag":  # most names and targets: one text token
                return self.ctx.text[one.start : one.end]
        parts: list[str] = []
        text = self.ctx.text
        for it in items:
            if isinstance(it, Tok):
                if it.kind == "tag":
                    return None
                parts.append(text[it.start : it.end])
            elif isinstance(it, Entity):
                parts.append(it.char)
            elif isinstance(it, Comment):
                continue
            else:
                return None
        return "".join(parts)

    # ------------------------------------------------------------------ {{ }} and {{{ }}}

    def brace_element(self, frame: Frame, k: int, start: int, end: int) -> Node | Splice:
        if k == 2 and self._failed_in_name(frame.parts[0]):
            # a failed construct in the name leaves its '{{', '[[' or '[' as text: an illegal
            # title, decided without flattening (each enclosing level would copy it again)
            kept: list[Item] = [Tok("text", start, start + 2)]
            for i, raw in enumerate(frame.parts):
                if i:
                    kept.append(Tok("pipe", frame.seps[i - 1], frame.seps[i - 1] + 1))
                kept.append(Splice(raw))
            kept.append(Tok("text", end - 2, end))
            return Splice(kept)
        parts = [flatten(p) for p in frame.parts]
        starts = frame.part_starts[:]
        starts[0] = start + k
        ends = frame.seps + [end - k]
        if k == 3:
            return self._argument(parts, starts, ends, start, end)
        node = self._template_like(parts, frame.eqs, starts, ends, start, end)
        if node is None:
            # an invalid name: MediaWiki prints the call as it is; keep its parts as text,
            # their constructs (links, nested templates) still parsed
            items: list[Item] = [Tok("text", start, start + 2)]
            for i, part in enumerate(parts):
                if i:
                    items.append(Tok("pipe", ends[i - 1], ends[i - 1] + 1))
                items.extend(part)
            items.append(Tok("text", end - 2, end))
            return Splice(items)
        return node

    def _failed_in_name(self, name: list[Item]) -> bool:
        """The name part holds a failed frame (a Splice) and does not start like a parser
        function (whose name ends at the colon, before the failed frame)."""
        if not any(type(it) is Splice for it in name):
            return False
        return self._function_prefix(name) is None  # type: ignore[arg-type]

    def _argument(self, parts: list[list[NodeOrTok]], starts: list[int], ends: list[int],
                  start: int, end: int) -> Argument:
        name_nodes = self.passes.blocks(parts[0], "inline")
        default = None
        if len(parts) > 1:
            items: list[NodeOrTok] = []
            for i in range(1, len(parts)):
                if i > 1:
                    items.append(Tok("text", ends[i - 1], ends[i - 1] + 1))
                items.extend(parts[i])
            default = self.passes.blocks(items, "lines")
        name = self.ctx.text[starts[0] : ends[0]].strip()
        return Argument((start, end), name=name, name_nodes=name_nodes, default=default, origin=self.ctx.text)

    def _template_like(self, parts: list[list[NodeOrTok]], eqs: list[int], starts: list[int],
                       ends: list[int], start: int, end: int) -> Node | None:
        ctx = self.ctx
        text = ctx.text
        name_items = parts[0]
        raw_name = text[starts[0] : ends[0]]
        literal = self._literal_text(name_items)
        # parser function or variable: literal prefix before the first colon
        colon_fn = None
        if literal is not None or (name_items and isinstance(name_items[0], Tok)):
            colon_fn = self._function_prefix(name_items)
        if colon_fn is not None:
            fname, split_at = colon_fn
            first_items = self._split_items(name_items, split_at)
            args = [self._parameter(first_items, -1, split_at + 1, ends[0], "1", positional=True)]
            for i in range(1, len(parts)):
                args.append(self._parameter(parts[i], -1, starts[i], ends[i], str(i + 1),
                                            positional=True))
            return ParserFunction((start, end), name=fname, args=args, origin=self.ctx.text)
        stripped = raw_name.strip()
        if literal is not None and len(parts) == 1:
            key = literal.strip()
            if key.upper() in ctx.config.variables or key in ("!", "="):
                return Variable((start, end), name=key, origin=self.ctx.text)
        if not stripped:
            return None
        if literal is not None:
            if ILLEGAL_TITLE.search(literal.strip()):
                return None
        else:
            for it in name_items:
                if isinstance(it, Tok):
                    if it.kind == "tag":
                        return None
                    if ILLEGAL_TITLE.search(text[it.start : it.end].strip("\n")):
                        return None
                elif not isinstance(it, (*_TEXTISH, *_TRANSCLUSIONS)):
                    return None
        name_nodes = self.passes.blocks(name_items, "inline")
        params: list[Parameter] = []
        counter = 0
        for i in range(1, len(parts)):
            eq = eqs[i]
            if eq < 0:
                counter += 1
                params.append(self._parameter(parts[i], -1, starts[i], ends[i], str(counter),
                                              positional=True))
            else:
                params.append(self._parameter(parts[i], eq, starts[i], ends[i], "", positional=False))
        name = self.ctx.title(literal if literal is not None else stripped)
        return template_node(start, end, name, name_nodes, params, self.ctx.text)

    def _function_prefix(self, items: list[NodeOrTok]) -> tuple[str, int] | None:
        """(function name, position of the colon) when the name part starts like a parser
        function: ``#name:`` or a known function word followed by a colon."""
        text = self.ctx.text
        # the colon must be in the first text token run at the start of the name
        prefix_parts: list[str] = []
        for it in items:
            if not isinstance(it, Tok) or it.kind != "text":
                return None
            colon = text.find(":", it.start, it.end)
            if colon >= 0:
                prefix = text[it.start : colon]
                if prefix_parts:
                    prefix = "".join(prefix_parts) + prefix
                prefix = prefix.strip()
                if not prefix:
                    return None
                if prefix.startswith("#"):
                    return prefix.lower(), colon
                if prefix.lower() in self.ctx.config.parser_functions:
                    return prefix.lower(), colon
                if prefix.upper() in self.ctx.config.variables and prefix.upper() == prefix:
                    return prefix, colon
                return None  # subst:, msgnw:, ... and page names with a colon
            prefix_parts.append(text[it.start : it.end])
            if len(prefix_parts) > 8:
                return None
        return None

    def _split_items(self, items: list[NodeOrTok], colon: int) -> list[NodeOrTok]:
        """Items after position ``colon`` (the colon excluded), splitting the token holding it."""
        out: list[NodeOrTok] = []
        for it in items:
            s, e = item_start(it), item_end(it)
            if e <= colon:
                continue
            if s <= colon < e:
                assert isinstance(it, Tok)
                if colon + 1 < e:
                    out.append(Tok(it.kind, colon + 1, e))
                continue
            out.append(it)
        return out

    def _parameter(self, items: list[NodeOrTok], eq: int, start: int, end: int, implied: str,
                   positional: bool) -> Parameter:
        text = self.ctx.text
        if positional:
            return parameter_node(start, end, implied, False, [], self._value(items), text)
        # ``eq`` is the source offset of the first '=' token of the part
        at = -1
        eq_tok: Tok | None = None
        for i in range(len(items)):
            it = items[i]
            if type(it) is Tok and it.start == eq and (it.kind == "eq" or it.kind == "heading_start"):
                at = i
                eq_tok = it
                break
        if eq_tok is None:  # cannot happen: the bracket pass recorded the token it appended
            self.ctx.diag("internal-parameter", "'=' of a named parameter not found", (start, end),
                          "internal")
            return self._parameter(items, -1, start, end, implied, positional=True)
        value_items = items[at + 1 :]
        # '==' run: only its first '=' separates name and value
        if eq_tok.end - eq_tok.start > 1:
            value_items = [Tok("text", eq_tok.start + 1, eq_tok.end), *value_items]
        name = text[start : eq_tok.start].strip()
        first = items[0]
        name_nodes: list[Node]
        if at == 1 and type(first) is Tok and first.kind == "text":  # most names: one text token
            name_nodes = [text_node(first.start, first.end, text)]
        else:
            name_nodes = self.passes.blocks(items[:at], "inline")
        value = self._value(value_items)
        return parameter_node(start, end, name, True, name_nodes, value, text)

    def _value(self, items: list[NodeOrTok]) -> list[Node]:
        """``passes.blocks(items, "lines")``; a value of one text token (most) without the call."""
        if len(items) == 1:
            one = items[0]
            if type(one) is Tok and one.kind == "text":
                return [text_node(one.start, one.end, self.ctx.text)]
        return self.passes.blocks(items, "lines")

    # ------------------------------------------------------------------ [[ ]]

    def link_element(self, frame: Frame, close: int, end: int) -> Node | None:
        """Build the node for ``[[...]]`` closing at ``close`` (``end`` includes the trail)."""
        ctx = self.ctx
        text = ctx.text
        parts = [flatten(p) for p in frame.parts]
        starts = frame.part_starts
        ends = frame.seps + [close]
        shut = close + 2 if frame.close_end < 0 else frame.close_end  # ']<!---->]' ends later
        target_items = parts[0]
        literal = self._literal_text(target_items)
        if literal is not None and _PLAIN_TARGET.search(text, starts[0], ends[0]) is None:
            # most targets: plain text (no comment, reference, percent-escape, '.', '~' or
            # illegal character: every check of _checked_target passes), as written = decoded
            target = decoded = literal.strip()
            if not decoded or decoded == ":":
                return None
        else:
            checked = self._checked_target(target_items, literal, starts[0], ends[0])
            if checked is None:
                return None
            target, decoded = checked
        leading_colon = decoded.startswith(":")
        bare = decoded[1:].lstrip() if leading_colon else decoded
        if leading_colon and bare.startswith(":"):
            return None  # [[::es:Spanish]]: a title cannot start with a colon
        start = frame.start
        prefix, sep, rest = bare.partition(":")
        ns = self.ctx.namespace_of(prefix) if sep else None
        if ns is not None and ns != NS_MAIN and not rest.split("#")[0].strip():
            return None  # [[Project:]]: a namespace without a page is no title
        if literal is not None and sep and ns == NS_MEDIA:
            # a Media: link, also after a colon; its label is all text after the first pipe
            # and holds no link (MediaWiki keeps such a link as text)
            if any(isinstance(it, (WikiLink, FileLink, Category, LanguageLink))
                   for part in parts[1:] for it in part):
                return None
            return self._file_link(parts, starts, ends, start, shut, target, ns, rest)
        if literal is not None and sep and ns is not None and not leading_colon:
            if ns == NS_FILE:
                return self._file_link(parts, starts, ends, start, shut, target, ns, rest)
            if ns == NS_CATEGORY:
                sort_items: list[NodeOrTok] = []
                for i in range(1, len(parts)):
                    if i > 1:
                        sort_items.append(Tok("text", ends[i - 1], ends[i - 1] + 1))
                    sort_items.extend(parts[i])
                children = self.passes.blocks(sort_items, "inline") if len(parts) > 1 else []
                sort_key = text[starts[1] : ends[-1]] if len(parts) > 1 else None
                name = self.ctx.title(rest.partition("#")[0])
                return category_node(start, shut, target, f"{ctx.namespace_name(NS_CATEGORY)}:{name}",
                                     name, sort_key, children, self.ctx.text)
        if literal is not None and sep and ns is None:
            key = prefix.strip().lower()
            if (key in ctx.config.language_codes and not leading_colon and len(parts) == 1
                    and ctx.config.interwiki_magic):
                return language_link_node(start, shut, key, rest.strip(), target, self.ctx.text)
        # label: everything after the first pipe, pipes included
        label_items: list[NodeOrTok] = []
        for i in range(1, len(parts)):
            if i > 1:
                label_items.append(Tok("text", ends[i - 1], ends[i - 1] + 1))
            label_items.extend(parts[i])
        external = False
        for it in label_items:
            if type(it) is Tok:
                continue
            if isinstance(it, (WikiLink, Category, LanguageLink, FileLink)):
                return None  # a link or image inside a link's label: not a link (as MediaWiki)
            external = external or type(it) is ExternalLink
        if external:
            label_items = self._external_links_as_text(label_items)
        has_text = len(parts) > 1
        children = self.passes.blocks(label_items, "inline") if has_text else []
        trail = text[shut:end]
        fragment = None
        page = bare
        if "#" in bare:
            page, _, fragment = bare.partition("#")
        interwiki = None
        namespace = NS_MAIN
        key = prefix.strip().lower() if sep and literal is not None else ""
        if sep and literal is not None and ns is not None:
            namespace = ns
            name_part = self.ctx.title(rest.partition("#")[0])
            canonical = ctx.namespace_name(ns)
            title = f"{canonical}:{name_part}" if canonical else name_part
        elif sep and literal is not None and (key in ctx.config.interwiki_prefixes
                                              or key in ctx.config.language_codes):
            interwiki = key
            page_name = rest.partition("#")[0].lstrip()
            if page_name.startswith(":"):
                # [[meatball::Category:Hello]]: a colon after the prefix only escapes
                page_name = page_name[1:]
            title = ctx.config.normalize_title(page_name, capitalize=False)
        else:
            title = self.ctx.title(page)
        target_nodes = self.passes.blocks(target_items, "inline") if literal is None else []
        return wikilink_node(start, end, target, title, namespace, fragment, interwiki, children,
                             has_text, trail, leading_colon, target_nodes, self.ctx.text)

    def _checked_target(self, target_items: list[NodeOrTok], literal: str | None, start: int,
                        end: int) -> tuple[str, str] | None:
        """A link target's text as written (trimmed, comments removed) and decoded (references
        and percent-escapes), or None when it is no title."""
        text = self.ctx.text
        if literal is None:
            # templates in the target: keep the link, it cannot be classified
            for it in target_items:
                if isinstance(it, Tok):
                    if it.kind in ("tag", "nl") or ILLEGAL_TITLE.search(text[it.start : it.end]):
                        return None
                elif not isinstance(it, (*_TEXTISH, *_TRANSCLUSIONS)):
                    return None
            raw_target = text[start:end]
        else:
            raw_target = literal
            if _ILLEGAL_FRAGMENT.search(text, start, end):
                return None
        # `target` as written (without its comments: MediaWiki never shows them); classification
        # and titles use the decoded text
        target = text[start:end]
        if "<!--" in target:
            target = _COMMENT.sub("", target)
        target = target.strip()
        decoded = raw_target.strip()
        if not decoded or decoded == ":":
            return None
        if PERCENT.search(decoded):
            # MediaWiki decodes %XX in link targets (bytes that are no UTF-8 become U+FFFD,
            # an illegal title character); a title still holding %XX afterwards is invalid
            decoded = unquote(decoded, errors="replace")
            if PERCENT.search(decoded.partition("#")[0]):
                return None
        if not _valid_title(decoded, literal is not None):
            return None
        return target, decoded

    def _external_links_as_text(self, items: list[NodeOrTok]) -> list[NodeOrTok]:
        """A wiki link's label reads no external links (MediaWiki processes only quotes
        there): ``[url label]`` in it is its brackets and URL as text around its label."""
        out: list[NodeOrTok] = []
        for it in items:
            if type(it) is not ExternalLink or it.kind == "free":
                out.append(it)
                continue
            s, e = it.span
            if it.children:
                out.append(Tok("text", s, it.children[0].span[0]))
                # text children go back to tokens, so the label's text runs merge again
                out.extend(Tok("text", c.span[0], c.span[1]) if type(c) is Text else c
                           for c in it.children)
                out.append(Tok("text", it.children[-1].span[1], e))
            else:
                out.append(Tok("text", s, e))
        return out

    def _file_link(self, parts: list[list[NodeOrTok]], starts: list[int], ends: list[int],
                   start: int, shut: int, target: str, ns: int, rest: str) -> FileLink:
        ctx = self.ctx
        text = ctx.text
        exact, patterns = ctx.config.image_option_table
        name = self.ctx.title(rest.partition("#")[0])
        node = file_link_node(start, shut, target,
                              f"{ctx.namespace_name(NS_FILE if ns == NS_FILE else NS_MEDIA)}:{name}",
                              name, ns, ns == NS_MEDIA, self.ctx.text)
        if ns == NS_MEDIA and len(parts) > 1:
            # a Media: link has no options: everything after the first pipe is its label
            label: list[NodeOrTok] = []
            for i in range(1, len(parts)):
                if i > 1:
                    label.append(Tok("text", ends[i - 1], ends[i - 1] + 1))
                label.extend(parts[i])
            caption = ImageOption((starts[1], ends[-1]), kind="caption", name="",
                                  value=text[starts[1] : ends[-1]], origin=text,
                                  children=self.passes.blocks(label, "inline"))
            node.options, node.caption = [caption], caption.children
            return node
        caption_index = -1
        options: list[ImageOption] = []
        seen_format = False
        for i in range(1, len(parts)):
            raw = text[starts[i] : ends[i]]
            option = self._image_option(raw.strip(), exact, patterns, parts[i])
            if option is not None and option.kind == "format" and option.name != "border":
                # thumbnail, manualthumb, framed and frameless exclude each other: the first
                # wins and a later one is a caption like any unknown word (MediaWiki makeImage)
                if seen_format:
                    option = None
                seen_format = True
            if option is None:
                option = image_option_node(starts[i], ends[i], "caption", "", raw, self.ctx.text)
                caption_index = len(options)
            option.span = (starts[i], ends[i])
            options.append(option)
            apply_option(node, option)
        for j, option in enumerate(options):
            if option.kind == "caption":
                if j == caption_index:
                    # a thumbnail's caption is a block of its own; others are inline titles
                    mode = "lines" if node.format in ("thumb", "frame") else "inline"
                    option.children = self.passes.blocks(parts[j + 1], mode)
                    node.caption = option.children
                else:
                    option.kind = "other"
                    option.children = self.passes.blocks(parts[j + 1], "inline")
            elif option.kind in ("alt", "link") and not all(
                    isinstance(it, Tok) and it.kind == "text" for it in parts[j + 1]):
                # a value with markup: keep its nodes (after the '=')
                eq = self.ctx.text.find("=", option.span[0], option.span[1])
                if eq >= 0:
                    option.children = self.passes.blocks(self._split_items(parts[j + 1], eq), "inline")
        node.options = options
        return node

    def _image_option(self, word: str, exact: dict[str, str],
                      patterns: list[tuple[str, str, str]], items: list[NodeOrTok]) -> ImageOption | None:
        if self._literal_text(items) is None and not (items and "=" in word):
            return None
        low = word  # image option words are case-sensitive (MediaWiki's img_* magic words)
        option = exact.get(low)
        if option is not None:
            return image_option_node(0, 0, OPTION_KIND.get(option, "other"), option, option, self.ctx.text)
        for pre, post, option in patterns:
            if low.startswith(pre) and low.endswith(post) and len(low) >= len(pre) + len(post):
                value = word[len(pre) : len(word) - len(post)] if post else word[len(pre) :]
                if option == "width":
                    if not SIZE.match(value + "px"):
                        continue
                elif option == "upright":
                    try:
                        float(value.strip())
                    except ValueError:
                        continue
                elif option == "link" and all(
                        (isinstance(it, Tok) and it.kind != "tag") or isinstance(it, _TEXTISH)
                        or (isinstance(it, ExternalLink) and it.kind == "free") for it in items):
                    # plain text (a free URL included): check the target now
                    if not valid_link_option(self.ctx, value.strip()):
                        return None  # no link target: the part is a caption (MediaWiki)
                return image_option_node(0, 0, OPTION_KIND.get(option, "other"), option, value.strip(),
                                         self.ctx.text)
        return None

    # ------------------------------------------------------------------ [url text]

    def extlink_element(self, frame: Frame, close: int) -> ExternalLink:
        items = flatten(frame.parts[0])
        children = self.passes.blocks(items, "inline")
        url = self.ctx.text[frame.start + 1 : frame.url_end]
        if "<!--" in url:
            url = _COMMENT.sub("", url)  # the preprocessor removed them before links were read
        kind: ExternalLinkKind = "bracketed" if frame.text_start < close else "autonumber"
        return external_link_node(frame.start, close + 1, url, kind, children, self.ctx.text)

    # ------------------------------------------------------------------ <ref>...</ref>

    def extension_tag(self, name: str, s: int, e: int, attr_start: int, attr_end: int,
                      self_closing: bool, end: int) -> ExtensionTag | None:
        ctx = self.ctx
        attrs = tag_attributes(ctx, self.passes.scan, attr_start, attr_end)
        if self_closing:
            return extension_tag_node(s, e, name, attrs, None, [], True, self.ctx.text)
        limit = ctx.no_close_after.get(name)
        if limit is not None and e >= limit:
            return None
        close_re = _close_tag_regex(name)
        m = close_re.search(ctx.text, e, end)
        if m is None and name in _ALLOW_MISSING_END:
            # the preprocessor lets an unclosed include directive run to the end of the text
            return self._extension_content(name, s, e, attrs, end, end, closed=False)
        if m is None:
            ctx.no_close_after[name] = min(e, ctx.no_close_after.get(name, e))
            ctx.diag("unclosed-extension-tag", f"<{name}> without </{name}> kept as text", (s, e))
            return None
        return self._extension_content(name, s, e, attrs, m.start(), m.end(), closed=True)

    def _extension_content(self, name: str, s: int, e: int, attrs: list[Attribute],
                           inner_end: int, end: int, closed: bool) -> ExtensionTag:
        ctx = self.ctx
        content = ctx.text[e : inner_end]
        children: list[Node] = []
        if name not in ctx.raw_tags:
            if ctx.depth >= ctx.limits.max_depth:
                ctx.diag("limit-depth", f"<{name}> nested too deep: content kept raw", (s, end),
                         "warning", once=True)
            else:
                ctx.depth += 1
                try:
                    inner = self.passes.scan(e, inner_end)
                    children = self.passes.blocks(inner, "lines")
                finally:
                    ctx.depth -= 1
        return extension_tag_node(s, end, name, attrs, content, children, closed, self.ctx.text)


#: include directives MediaWiki's preprocessor lets run to the end of the text when unclosed
_ALLOW_MISSING_END = frozenset({"includeonly", "noinclude", "onlyinclude"})

_close_cache: dict[str, re.Pattern[str]] = {}


def _close_tag_regex(name: str) -> re.Pattern[str]:
    pattern = _close_cache.get(name)
    if pattern is None:
        pattern = re.compile(r"</" + re.escape(name) + r"\s*>", re.I)
        _close_cache[name] = pattern
    return pattern
