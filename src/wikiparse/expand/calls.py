"""Frames and calls: what parser functions and the Lua bridge see of an expansion.

A :class:`Frame` is one level of transclusion: the page at the top, each template call below it.
Its arguments are the call's parts, expanded lazily in the *caller's* frame the first time
``{{{name}}}`` reads them and cached (named ones trimmed, positional ones not).  A :class:`Call`
is one parser-function call.  Both talk to the page's expander through :class:`ExpanderLike`
(implemented by :class:`wikiparse.expand.frames.Expander`), so the function modules do not
depend on the expander's module.
"""

from __future__ import annotations

from ..ast import Severity

from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable, Mapping, Protocol

from ..config import Limits, SiteConfig
from .stores import TemplateStore
from .titles import Title
from .tree import Item, Part, Template


class ExpanderLike(Protocol):
    """The page's expansion as frames, calls and functions use it."""

    store: TemplateStore
    config: SiteConfig
    limits: Limits
    title: Title
    clock: datetime
    settings: Settings
    tags: frozenset[str]
    page_source: str
    page_state: dict[str, str]
    lua_engine: object
    lua_tried: bool

    def expand(self, items: list[Item], frame: Frame | None) -> str: ...

    def diagnose(self, code: str, message: str, severity: Severity = "warning") -> None: ...

    def count_argument(self, size: int) -> bool: ...

    def count_expensive(self) -> bool: ...

    def page_text(self, full_title: str) -> str | None: ...

    def fetch(self, title: Title) -> tuple[Title, str | None]: ...

    def exists(self, title: Title) -> bool: ...

    def file_url(self, name: str) -> str | None: ...

    def file_exists(self, name: str) -> bool: ...


@dataclass(slots=True)
class Settings:
    """What a page's expansion is asked to do (beyond the site and the limits)."""

    #: missing templates: ``"link"`` writes MediaWiki's ``[[:Template:X]]``; ``"keep"`` keeps
    #: the call (with its arguments expanded) for the emitters' template handlers
    missing: str = "keep"
    keep_comments: bool = False
    revision_id: int | None = None
    revision_timestamp: datetime | None = None
    revision_user: str = ""
    #: whether the page is saved as its latest revision (else the revision being rendered is
    #: not saved yet: ``{{REVISIONUSER}}`` and ``{{REVISIONID:page}}`` are empty, as in MediaWiki)
    saved: bool = True
    site_name: str = "Wikipedia"
    server: str = "//en.wikipedia.org"
    script_path: str = "/w"
    #: write braces that are left as text (``{{{1}}}`` on a page, ``{{subst:…}}``, unclosed
    #: ``{{``) as ``&#123;``/``&#125;``, so the parser of the expanded text sees text, as
    #: MediaWiki's does (its parser never sees templates); off keeps them as wikitext
    escape_braces: bool = False
    #: extension tags rendered by the expander: name -> hook(content or None, attributes)
    #: returning wikitext (MediaWiki's ``setHook``; the parser-test wiki's ``<tag>``)
    tag_hooks: Mapping[str, Callable[[str | None, dict[str, str]], str]] = field(default_factory=dict)
    #: a file's URL (``{{filepath:}}``) and whether it exists (``#ifexist:File:…``)
    file_url: Callable[[str], str | None] | None = None


class Frame:
    """One frame: ``title`` (full title), the caller ``parent``, the call's ``parts``."""

    __slots__ = ("title", "parent", "parts", "depth", "_positional", "_named", "_cache",
                 "ancestors", "_indexed", "_trimmed", "memo")

    def __init__(self, title: str, parent: Frame | None, parts: list[Part] | None,
                 expander: ExpanderLike | None = None, depth: int = 0) -> None:
        self.title = title
        self.parent = parent
        self.parts = parts or []
        self.depth = depth
        self.ancestors: frozenset[str] = (parent.ancestors | {title}) if parent else frozenset({title})
        self._positional: dict[int, list[Item]] = {}
        self._named: dict[str, list[Item]] = {}
        self._cache: dict[str | int, str] = {}
        self._trimmed: set[int] = set()
        self._indexed = False
        #: call text -> its expansion in this frame: the same call in the same frame expands
        #: to the same text, so a template bomb costs its depth, not its 2**depth leaves
        self.memo: dict[str, str] = {}

    def index(self, expander: ExpanderLike) -> None:
        """Split the parts into positional and named arguments (names expanded now, as
        MediaWiki does when it builds a template frame)."""
        if self._indexed:
            return
        self._indexed = True
        number = 0
        caller = self.parent
        for part in self.parts:
            if part.eq is None:
                number += 1
                self._positional[number] = part.items
                self._trimmed.discard(number)
            else:
                name = expander.expand(part.name(), caller).strip() if caller else ""
                if name.isdigit() and not (len(name) > 1 and name[0] == "0"):
                    # "1=" names the first positional argument, trimmed as a named one
                    self._positional[int(name)] = part.value()
                    self._trimmed.add(int(name))
                else:
                    self._named[name] = part.value()

    def names(self, expander: ExpanderLike) -> list[str | int]:
        self.index(expander)
        return [*self._positional.keys(), *self._named.keys()]

    def argument(self, key: str | int, expander: ExpanderLike) -> str | None:
        """The expanded value of an argument (``None`` when the call has no such argument)."""
        self.index(expander)
        if isinstance(key, str) and key.isdigit() and not (len(key) > 1 and key[0] == "0"):
            key = int(key)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        if isinstance(key, int):
            items = self._positional.get(key)
            if items is None:
                return None
            value = expander.expand(items, self.parent) if self.parent else ""
            if key in self._trimmed:
                value = value.strip()
        else:
            items = self._named.get(key)
            if items is None:
                return None
            value = expander.expand(items, self.parent).strip() if self.parent else ""
        if not expander.count_argument(len(value.encode("utf-8", "surrogatepass"))):
            value = ""
        self._cache[key] = value
        return value

    def is_empty(self) -> bool:
        return not self.parts


FunctionImpl = Callable[["Call"], str]


class Call:
    """A parser-function call: ``first`` (the text after the colon, expanded and trimmed) and the
    other parts, expanded only when a function asks for them."""

    __slots__ = ("expander", "frame", "name", "first", "parts", "template", "_args")

    def __init__(self, expander: ExpanderLike, frame: Frame, name: str, first: str,
                 parts: list[Part], template: Template | None) -> None:
        self.expander: ExpanderLike = expander
        self.frame: Frame = frame
        self.name: str = name
        self.first: str = first
        self.parts: list[Part] = parts
        self.template: Template | None = template
        self._args: list[str] | None = None

    def __len__(self) -> int:
        return 1 + len(self.parts)

    def arg(self, i: int) -> str:
        """Argument ``i`` (0 is ``first``) expanded whole and trimmed; ``""`` when absent."""
        if i == 0:
            return self.first
        if i > len(self.parts):
            return ""
        return self.expander.expand(self.parts[i - 1].items, self.frame).strip()

    def args(self) -> list[str]:
        """Every argument expanded and trimmed (what MediaWiki hands core functions)."""
        if self._args is None:
            self._args = [self.first] + [self.arg(i) for i in range(1, len(self.parts) + 1)]
        return self._args

    def split(self, i: int) -> tuple[str | None, str]:
        """Argument ``i`` as ``(name, value)``: the name (expanded, trimmed) when the part has a
        top-level ``=``, else ``None``, and the value expanded and trimmed."""
        part = self.parts[i - 1]
        if part.eq is None:
            return None, self.expander.expand(part.items, self.frame).strip()
        name = self.expander.expand(part.name(), self.frame).strip()
        return name, self.expander.expand(part.value(), self.frame).strip()

    def expand(self, items: list[Item]) -> str:
        return self.expander.expand(items, self.frame)



__all__ = ["Call", "ExpanderLike", "Frame", "FunctionImpl", "Settings"]
