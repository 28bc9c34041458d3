"""Expansion: MediaWiki's ``PPFrame::expand`` and ``braceSubstitution``, the Python way.

Frames and calls are in :mod:`wikiparse.expand.calls`.  The :class:`Expander` holds what one page's expansion shares: the store, the site, the clock, the
limits and their counters, the cache of argument-less templates, the diagnostics.

Limits are MediaWiki's and so is their markup: ``<span class="error">Template loop detected:
[[Template:X]]</span>``, ``Template recursion depth limit exceeded (100)``, ``Expansion depth
limit exceeded``, ``Node-count limit exceeded``, the post-expand and argument include sizes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from ..ast import Diagnostic, Severity
from ..config import Limits, SiteConfig
from .calls import Call, Frame, Settings
from .stores import TemplateStore
from .titles import Title, make_title, template_title
from .tree import Argument, Comment, Equals, ExtTag, Heading, Item, Part, Template, build_tree
from .variables import CASE_INSENSITIVE

_REDIRECT_TARGET = re.compile(r"\s*:?\s*\[\[\s*:?([^\]|]+)")


@dataclass
class _Counters:
    nodes: int = 0
    include: int = 0
    arguments: int = 0
    expensive: int = 0


@dataclass
class TopCall:
    """A call at the top of the page: where its output is in the expanded text."""

    start: int
    end: int
    source_span: tuple[int, int]
    source: str
    target: str


class Expander:
    """The expansion of one page: build with the page's settings, call :meth:`expand_page`."""

    def __init__(self, store: TemplateStore, config: SiteConfig, limits: Limits,
                 title: Title, clock: datetime, settings: Settings | None = None) -> None:
        self.store: TemplateStore = store
        self.config: SiteConfig = config
        self.limits: Limits = limits
        self.title: Title = title
        self.clock: datetime = clock
        self.settings: Settings = settings or Settings()
        self.diagnostics: list[Diagnostic] = []
        self.counters = _Counters()
        self.tags = frozenset(config.extension_tags) - {"noinclude", "includeonly", "onlyinclude"}
        self._template_cache: dict[str, str] = {}
        self._page_cache: dict[str, str | None] = {}
        self.span: tuple[int, int] = (0, 0)
        self.depth = 0
        self.lua_engine: object = None
        self.lua_tried = False
        self.page_state: dict[str, str] = {}
        self.page_source: str = ""
        from .functions import FUNCTIONS
        from .variables import VARIABLES

        self.functions = FUNCTIONS
        self.variables = VARIABLES

    # -- diagnostics and limits ------------------------------------------------------------

    def diagnose(self, code: str, message: str, severity: Severity = "warning") -> None:
        if len(self.diagnostics) < 1000:
            self.diagnostics.append(Diagnostic(code, message, self.span, severity))

    def count_include(self, size: int) -> bool:
        self.counters.include += size
        return self.counters.include <= self.limits.max_include_size

    def count_argument(self, size: int) -> bool:
        self.counters.arguments += size
        if self.counters.arguments > self.limits.max_argument_size:
            self.diagnose("limit-argument-size", "template argument size limit exceeded")
            return False
        return True

    def count_expensive(self) -> bool:
        self.counters.expensive += 1
        if self.counters.expensive > self.limits.max_expensive:
            if self.counters.expensive == self.limits.max_expensive + 1:
                self.diagnose("limit-expensive", "expensive parser function count exceeded")
            return False
        return True

    # -- pages -----------------------------------------------------------------------------

    def page_text(self, full_title: str) -> str | None:
        """A page's text from the store (no redirects followed), cached."""
        if full_title in self._page_cache:
            return self._page_cache[full_title]
        try:
            text = self.store.get(full_title)
        except Exception:  # a broken store is the caller's problem, not a crash here
            text = None
        self._page_cache[full_title] = text
        return text

    def fetch(self, title: Title) -> tuple[Title, str | None]:
        """The text of a page, following up to two redirects, as MediaWiki does."""
        for _ in range(3):
            text = self.page_text(title.full)
            if text is None:
                return title, None
            target = self.redirect_target(text)
            if target is None:
                return title, text
            nxt = make_title(target, self.config)
            if nxt is None:
                return title, text
            title = nxt
        return title, text

    def redirect_target(self, text: str) -> str | None:
        head = text.lstrip()[:40].upper()
        for word in self.config.redirect_words:
            if head.startswith(word.upper()):
                m = _REDIRECT_TARGET.match(text.lstrip()[len(word):])
                if m:
                    return m.group(1)
        return None

    def file_url(self, name: str) -> str | None:
        finder = self.settings.file_url
        if finder is None:
            return None
        try:
            return finder(name)
        except Exception:
            return None

    def file_exists(self, name: str) -> bool:
        return self.file_url(name) is not None

    def exists(self, title: Title) -> bool:
        if title.full == self.title.full:
            return True
        if title.full in self._page_cache:
            return self._page_cache[title.full] is not None
        try:
            return bool(self.store.exists(title.full))
        except Exception:
            return False

    # -- expansion -------------------------------------------------------------------------

    def expand_page(self, text: str, calls: list[TopCall] | None = None) -> str:
        """The page's text expanded; ``calls`` collects where each top-level call's output is."""
        self.page_source = text
        tree = build_tree(text, self.tags)
        frame = Frame(self.title.full, None, None)
        out: list[str] = []
        length = 0
        for item in tree:
            if type(item) is str:
                piece = item
                if self.settings.escape_braces and ("{{" in piece or "}}" in piece):
                    piece = _escape_braces(piece)
            else:
                if isinstance(item, Template):
                    self.span = (item.start, item.end)
                piece = self.expand([item], frame)
                if calls is not None and isinstance(item, Template) and piece:
                    calls.append(TopCall(length, length + len(piece), (item.start, item.end),
                                         text[item.start:item.end], _target(item)))
            out.append(piece)
            length += len(piece)
        return "".join(out)

    def expand(self, items: list[Item], frame: Frame | None) -> str:
        """``items`` expanded in ``frame``.  Nested expansions are counted (MediaWiki's
        expansion depth, bounded by ``max_expand_depth``), so recursion stays shallow."""
        counters = self.counters
        counters.nodes += len(items)
        if counters.nodes > self.limits.max_pp_nodes:
            if counters.nodes - len(items) <= self.limits.max_pp_nodes:
                self.diagnose("limit-pp-nodes", "preprocessor node-count limit exceeded")
            return '<span class="error">Node-count limit exceeded</span>'
        if self.depth >= self.limits.max_expand_depth:
            self.diagnose("limit-expand-depth", "expansion depth limit exceeded")
            return '<span class="error">Expansion depth limit exceeded</span>'
        if frame is None:
            frame = Frame(self.title.full, None, None)
        self.depth += 1
        try:
            return self._expand(items, frame)
        finally:
            self.depth -= 1

    def _expand(self, items: list[Item], frame: Frame) -> str:
        out: list[str] = []
        for item in items:
            kind = type(item)
            if kind is str:
                if self.settings.escape_braces and ("{{" in item or "}}" in item):  # type: ignore[operator]
                    item = _escape_braces(item)  # type: ignore[arg-type]
                out.append(item)  # type: ignore[arg-type]
            elif kind is Template:
                out.append(self.brace(item, frame))  # type: ignore[arg-type]
            elif kind is Argument:
                out.append(self.argument(item, frame))  # type: ignore[arg-type]
            elif kind is Comment:
                if self.settings.keep_comments:
                    out.append(item.text)  # type: ignore[union-attr]
            elif kind is ExtTag:
                out.append(self.ext_tag(item, frame))  # type: ignore[arg-type]
            elif kind is Heading:
                out.append(self.expand(item.items, frame))  # type: ignore[union-attr]
            elif kind is Equals:
                out.append("=")
        return "".join(out)

    def literal(self, open_: str, close: str, title: list[Item], parts: list[Part],
                frame: Frame) -> str:
        """A call written back as text, its pieces expanded (MediaWiki's
        ``virtualBracketedImplode``)."""
        pieces = [self.expand(title, frame)]
        for part in parts:
            pieces.append(self.expand(part.items, frame))
        if self.settings.escape_braces:
            open_ = _escape_braces(open_)
            close = _escape_braces(close)
        return open_ + "|".join(pieces) + close

    def argument(self, node: Argument, frame: Frame) -> str:
        name = self.expand(node.title, frame).strip()
        value = frame.argument(name, self) if frame.parent is not None else None
        if value is not None:
            return value
        if node.parts:
            return self.expand(node.parts[0].items, frame)
        return self.literal("{{{", "}}}", node.title, node.parts, frame)

    def ext_tag(self, node: ExtTag, frame: Frame) -> str:
        hook = self.settings.tag_hooks.get(node.name)
        if hook is not None:
            try:
                return hook(node.inner, tag_attributes(node.attrs))
            except Exception as err:  # a hook's bug must not stop the page
                self.diagnose("tag-hook-error", f"<{node.name}> hook failed: {err}", "internal")
                return ""
        kind = self.config.extension_tags.get(node.name)
        preprocessed = kind == "parsed" or node.name in _PREPROCESSED_RAW_TAGS
        if preprocessed and node.inner and ("{" in node.inner or "<" in node.inner):
            inner = self.expand(build_tree(node.inner, self.tags), frame)
            close = node.text[len(node.text) - _close_len(node):]
            open_tag = node.text[: node.text.find(">") + 1]
            return open_tag + inner + close
        return node.text

    def brace(self, node: Template, frame: Frame) -> str:
        key = node.text
        text = frame.memo.get(key)
        if text is None:
            text = self._brace(node, frame)
            frame.memo[key] = text
        if not self.count_include(len(text)):
            if self.counters.include - len(text) <= self.limits.max_include_size:
                self.diagnose("limit-include-size", "post-expand include size too large")
            name = "".join(x for x in node.title if isinstance(x, str)).strip()
            title = template_title(name, self.config)
            shown = title.full if title is not None else name.lstrip(":")
            return f"[[:{shown}]]"
        if text and not node.line_start and (text[0] in ":;#*" or text.startswith("{|")):
            text = "\n" + text
        return text

    def _brace(self, node: Template, frame: Frame) -> str:
        raw_title = self.expand(node.title, frame)
        name = raw_title.strip()
        parts = node.parts
        lowered = name[:10].lower()
        # subst: acts only when saving; a render shows the call (its pieces expanded)
        if lowered.startswith("subst:"):
            return self.literal("{{", "}}", node.title, parts, frame)
        if lowered.startswith("safesubst:"):
            name = name[len("safesubst:"):].strip()
        nowiki = False
        force_template = False
        for prefix in ("msgnw:", "msg:", "raw:"):
            if name[: len(prefix)].lower() == prefix:
                name = name[len(prefix):].strip()
                nowiki = prefix == "msgnw:"
                force_template = True
                break
        text: str | None = None
        if not force_template:
            if not parts:
                variable = self.variables.get(name)
                if variable is None and name.upper() in CASE_INSENSITIVE:
                    variable = self.variables.get(name.upper())
                if variable is not None:
                    text = variable(self, frame)
            if text is None:
                text = self.function(name, node, frame)
        if text is None:
            text = self.transclude(name, node, frame)
            if text is None:
                return self.literal("{{", "}}", node.title, parts, frame)
        if nowiki:
            from .variables import escape_wikitext

            title = template_title(name, self.config)
            raw = self.fetch(title)[1] if title is not None else None
            text = escape_wikitext(raw if raw is not None else text)
        return text

    def function(self, name: str, node: Template, frame: Frame) -> str | None:
        colon = name.find(":")
        if colon <= 0:
            if name.startswith("#"):
                key = name.lower()
                impl = self.functions.get(key)
                if impl is not None:
                    return impl(Call(self, frame, key, "", node.parts, node))
            return None
        head = name[:colon].strip()
        key = head.lower()
        impl = self.functions.get(key)
        if impl is None:
            return None
        first = name[colon + 1:].strip()
        return impl(Call(self, frame, key, first, node.parts, node))

    def special_page(self, title: Title) -> str:
        """A transcluded special page: ``Special:PrefixIndex/X`` lists the store's pages
        starting with X (when the store can list its pages); others become a link."""
        page, _, sub = title.name.partition("/")
        if page.lower() == "prefixindex" and sub:
            try:
                names = sorted(t for t in self.store if t.startswith(sub))  # type: ignore[attr-defined]
            except TypeError:
                names = []
            items = "".join(f"<li>[[{t}]]</li>" for t in names)
            return f'<ul class="mw-prefixindex-list">{items}</ul>'
        return f"[[:{title.full}]]"

    def transclude(self, name: str, node: Template, frame: Frame) -> str | None:
        title = template_title(name, self.config)
        if title is None:
            return None
        if title.ns == -1:
            return self.special_page(title)
        found, text = self.fetch(title)
        if text is None and title.ns == 8:
            from .functions import MESSAGES

            text = MESSAGES.get(title.name[:1].lower() + title.name[1:].replace(" ", "_"))
        if text is None:
            self.diagnose("template-missing", f"template not in the store: {title.full}", "info")
            if self.settings.missing == "link":
                return f"[[:{title.full}]]"
            return self.literal("{{", "}}", node.title, node.parts, frame)
        key = found.full
        if key in frame.ancestors or title.full in frame.ancestors:
            self.diagnose("template-loop", f"template loop detected: {title.full}")
            return f'<span class="error">Template loop detected: [[{title.full}]]</span>'
        if frame.depth >= self.limits.max_template_depth:
            self.diagnose("limit-template-depth", "template recursion depth limit exceeded")
            return ('<span class="error">Template recursion depth limit exceeded ('
                    f"{self.limits.max_template_depth})</span>")
        if not node.parts:
            cached = self._template_cache.get(key)
            if cached is not None:
                return cached
        tree = build_tree(text, self.tags, for_inclusion=True)
        child = Frame(key, frame, node.parts, depth=frame.depth + 1)
        if title.full != key:
            child.ancestors = child.ancestors | {title.full}
        out = self.expand(tree, child)
        if not node.parts:
            self._template_cache[key] = out
        return out


#: tags kept as raw text by the parser whose content MediaWiki's hook preprocesses first
#: (a gallery line's caption and options may come from templates)
_PREPROCESSED_RAW_TAGS = frozenset({"gallery", "imagemap"})

_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']*)))?""")


def tag_attributes(text: str) -> dict[str, str]:
    """An extension tag's attributes as MediaWiki hands them to a hook: names lower-cased,
    values unquoted and entity-decoded, a bare name ``""``."""
    import html

    out: dict[str, str] = {}
    for m in _ATTRIBUTE.finditer(text):
        value = next((g for g in m.groups()[1:] if g is not None), "")
        out[m.group(1).lower()] = html.unescape(value)
    return out


_BRACE_RUN = re.compile(r"\{\{+|(?<!\|)\}\}+")


def _escape_braces(text: str) -> str:
    return _BRACE_RUN.sub(lambda m: m.group(0).replace("{", "&#123;").replace("}", "&#125;"), text)


def _close_len(node: ExtTag) -> int:
    if node.inner is None:
        return 0
    head = node.text.find(">") + 1
    return len(node.text) - head - len(node.inner)


def _target(item: Template) -> str:
    title = item.title
    return "".join(x for x in title if type(x) is str).strip()


__all__ = ["Call", "Expander", "Frame", "Settings", "TopCall"]
