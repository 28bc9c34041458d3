"""What the preprocessor hands a Lua engine for ``{{#invoke:Module|function|…}}``, and what it gets back.

The preprocessor (``wikiparse.expand``) owns frames, stores and limits; the Lua engine
(``wikiparse.expand.lua``, an optional extra built on ``lupa``) owns the sandbox and the ``mw``
libraries.  They meet only here, so either side can be tested without the other:

* :class:`InvokeFrame` is one frame as Scribunto's ``frame`` object sees it: the ``#invoke`` call
  itself (its arguments are the ones after the function name) or, through :attr:`parent`, the
  template that contains the call.  Arguments are expanded lazily, once, when Lua first reads them.
* :class:`PageContext` is the page being expanded: its title, the site, the clock and the store.
* :class:`LuaEngine` runs one function of one module; an engine lives for one page (Scribunto's
  per-page Lua state and CPU/memory budget) and is made by :func:`wikiparse.expand.lua.engine_for`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Mapping, Protocol, Sequence

from ..config import Limits, SiteConfig



class InvokeFrame(Protocol):
    """A frame of the expansion, as Lua's ``frame`` object reads it."""

    @property
    def title(self) -> str:
        """Full page title of the frame: ``"Module:Foo"`` for an ``#invoke`` frame, the template's
        title (``"Template:Cite web"``) for its parent, the page title at the top."""

    @property
    def parent(self) -> InvokeFrame | None:
        """The frame that contains this one (``frame:getParent()``); ``None`` at the top."""

    def argument_names(self) -> Sequence[str | int]:
        """Every argument key in call order: positional ones as ``int`` (1, 2, …), named as ``str``."""

    def argument(self, key: str | int) -> str | None:
        """The expanded value of one argument, ``None`` when absent.  Named arguments are trimmed
        and positional ones are not, as MediaWiki does; a string key of digits (``"1"``) finds the
        positional argument."""

    def expand_template(self, title: str, args: Mapping[str | int, str]) -> str:
        """``frame:expandTemplate{title=…, args=…}``: the expanded text of a template call."""

    def preprocess(self, text: str) -> str:
        """``frame:preprocess(text)``: ``text`` expanded in this frame (its ``{{{args}}}`` included)."""

    def call_parser_function(self, name: str, args: Sequence[str]) -> str:
        """``frame:callParserFunction(name, args)``: ``name`` with or without ``#``."""

    def extension_tag(self, name: str, content: str, attrs: Mapping[str, str]) -> str:
        """``frame:extensionTag(name, content, attrs)``: the tag as the expanded text carries it."""

    def new_child(self, title: str, args: Mapping[str | int, str]) -> InvokeFrame:
        """``frame:newChild{title=…, args=…}``: a frame whose parent is this one."""


class PageContext(Protocol):
    """The page being expanded and the wiki around it."""

    @property
    def page_title(self) -> str:
        """Full title of the page, e.g. ``"Barack Obama"`` or ``"Talk:Foo"``."""

    @property
    def config(self) -> SiteConfig:
        """The wiki's settings (namespaces, language)."""

    @property
    def limits(self) -> Limits:
        """The bounds, ``lua_cpu_seconds`` and ``lua_memory_bytes`` among them."""

    @property
    def clock(self) -> datetime:
        """"Now" as an aware datetime, so output is reproducible."""

    def page_content(self, title: str) -> str | None:
        """Wikitext of a page from the template store (``"Module:Arguments"``,
        ``"Module:Lang/data.json"``…), following redirects; ``None`` when it does not exist."""

    def page_exists(self, title: str) -> bool:
        """Whether the store has the page (``mw.title…exists``)."""


@dataclass
class InvokeResult:
    """What one ``#invoke`` produced.

    ``text`` is the function's return value as wikitext (MediaWiki parses it but does not expand
    templates in it again).  On a Lua error ``error`` holds Scribunto's message
    (``"Lua error in Module:X at line 12: attempt to index nil"``), ``text`` is empty, and the
    preprocessor writes Scribunto's error markup.  ``module``/``line`` locate the error for the
    diagnostic; ``logs`` collects ``mw.log`` output.
    """

    text: str
    error: str | None = None
    module: str | None = None
    line: int | None = None
    logs: list[str] = field(default_factory=list)


class LuaEngine(Protocol):
    """Runs module functions for one page, inside one sandbox and one CPU/memory budget."""

    def invoke(self, module: str, function: str, frame: InvokeFrame) -> InvokeResult:
        """Call ``function`` of ``module`` (a full title, ``"Module:Foo"``) with ``frame``.
        Never raises for anything a module does: errors, timeouts and memory exhaustion come back
        as :attr:`InvokeResult.error`."""


__all__ = ["InvokeFrame", "InvokeResult", "LuaEngine", "PageContext"]
