"""``{{#invoke:Module|function|args…}}``: frames and the page as the Lua engine sees them
(:mod:`wikiparse.expand.invoke` is the contract), and Scribunto's error markup."""

from __future__ import annotations

import html
from datetime import datetime
from typing import TYPE_CHECKING, Mapping, Sequence

from ..config import Limits, SiteConfig
from .invoke import InvokeResult, LuaEngine
from .titles import make_title
from .calls import Frame
from .tree import EQUALS, Part, build_tree

if TYPE_CHECKING:
    from .calls import Call, ExpanderLike as Expander


class _Page:
    """:class:`~wikiparse.expand.invoke.PageContext` over one page's expander."""

    def __init__(self, expander: Expander) -> None:
        self._expander = expander

    @property
    def page_title(self) -> str:
        return self._expander.title.full

    @property
    def config(self) -> SiteConfig:
        return self._expander.config

    @property
    def limits(self) -> Limits:
        return self._expander.limits

    @property
    def clock(self) -> datetime:
        return self._expander.clock

    def page_content(self, title: str) -> str | None:
        parsed = make_title(title, self._expander.config)
        if parsed is None:
            return None
        return self._expander.fetch(parsed)[1]

    def page_exists(self, title: str) -> bool:
        parsed = make_title(title, self._expander.config)
        return parsed is not None and self._expander.exists(parsed)


class LuaFrame:
    """:class:`~wikiparse.expand.invoke.InvokeFrame` over a preprocessor frame."""

    def __init__(self, expander: Expander, frame: Frame, title: str,
                 parent: LuaFrame | None) -> None:
        self._expander = expander
        self._frame = frame
        self._title = title
        self._parent = parent

    @property
    def title(self) -> str:
        return self._title

    @property
    def parent(self) -> LuaFrame | None:
        return self._parent

    def argument_names(self) -> Sequence[str | int]:
        return self._frame.names(self._expander)

    def argument(self, key: str | int) -> str | None:
        return self._frame.argument(key, self._expander)

    def expand_template(self, title: str, args: Mapping[str | int, str]) -> str:
        text = "{{" + title + "".join(f"|{k}={_nowiki_safe(v)}" if isinstance(k, str) else
                                      f"|{_nowiki_safe(v)}" for k, v in args.items()) + "}}"
        return self.preprocess(text)

    def preprocess(self, text: str) -> str:
        tree = build_tree(text, self._expander.tags)
        return self._expander.expand(tree, self._frame)

    def call_parser_function(self, name: str, args: Sequence[str]) -> str:
        text = "{{" + name + ":" + "|".join(args) + "}}"
        if name.startswith("#") is False and ":" in name:
            text = "{{" + name + "|" + "|".join(args) + "}}"
        return self.preprocess(text)

    def extension_tag(self, name: str, content: str, attrs: Mapping[str, str]) -> str:
        attr_text = "".join(f' {k}="{html.escape(v, quote=True)}"' for k, v in attrs.items())
        return f"<{name}{attr_text}>{content}</{name}>"

    def new_child(self, title: str, args: Mapping[str | int, str]) -> LuaFrame:

        parts = [Part([str(v)]) if isinstance(k, int) else Part([str(k), EQUALS, str(v)], 1)
                 for k, v in args.items()]
        holder = Frame(self._title, None, None)
        child = Frame(title, holder, parts)
        return LuaFrame(self._expander, child, title, self)


def _nowiki_safe(value: str) -> str:
    return value.replace("|", "{{!}}")


def _engine(expander: Expander) -> LuaEngine | None:
    if not expander.lua_tried:
        expander.lua_tried = True
        try:
            from .lua import engine_for
        except ImportError:
            return None
        try:
            expander.lua_engine = engine_for(_Page(expander))
        except Exception as err:  # an engine that cannot start is reported, not raised
            expander.diagnose("lua-unavailable", f"Lua engine failed to start: {err}")
            expander.lua_engine = None
    return expander.lua_engine  # type: ignore[return-value]


def _script_error(message: str) -> str:
    return ('<strong class="error"><span class="scribunto-error" id="mw-scribunto-error-0">'
            f"{html.escape(message)}</span></strong>")


def invoke(call: Call) -> str:
    expander = call.expander
    module_name = call.first
    if not module_name:
        return _script_error("Script error: you must specify a module to call.")
    if len(call) < 2:
        return _script_error("Script error: you must specify a function to call.")
    title = make_title(module_name, expander.config, 828)
    if title is None or title.ns != 828:
        return _script_error(f'Script error: No such module "{module_name}".')
    function = call.arg(1)
    engine = _engine(expander)
    if engine is None:
        expander.diagnose("lua-unavailable",
                          f"#invoke:{title.name}: Lua not installed (pip install wikiparse[lua])")
        return _script_error(f"Lua not installed: #invoke:{title.name}|{function} "
                             "cannot run (install lupa)")
    if not expander.exists(title):
        expander.diagnose("lua-missing-module", f"no such module: {title.full}")
        return _script_error(f'Script error: No such module "{title.name}".')

    invoke_frame = Frame(title.full, call.frame, call.parts[1:], depth=call.frame.depth + 1)
    parent = _parent_frame(expander, call.frame)
    lua_frame = LuaFrame(expander, invoke_frame, title.full, parent)
    try:
        result: InvokeResult = engine.invoke(title.full, function, lua_frame)
    except Exception as err:  # the contract says never, but a page must go on regardless
        result = InvokeResult("", error=f"Lua error: {err}", module=title.full)
    if result.error:
        where = result.module or title.full
        line = f" at line {result.line}" if result.line else ""
        expander.diagnose("lua-error", f"Lua error in {where}{line}: {result.error}")
        message = result.error if result.error.startswith("Lua error") else \
            f"Lua error in {where}{line}: {result.error}"
        return _script_error(message)
    return result.text


def _parent_frame(expander: Expander, frame: Frame) -> LuaFrame | None:
    return LuaFrame(expander, frame, frame.title, None)


__all__ = ["LuaFrame", "invoke"]
