"""One page's Lua engine: a sandboxed ``lupa`` Lua 5.1 state with the Scribunto libraries.

The state is made on the first ``#invoke`` of the page and lives until the page is done, like
Scribunto's; modules are compiled once per page.  The CPU budget is counted in Lua (a count hook
compares ``os.clock`` with what is left of ``Limits.lua_cpu_seconds``; time spent back in the
preprocessor is not counted) and memory by ``lupa``'s ``max_memory``.  Either ends the call with
Scribunto's message and leaves the page, and the process, running.
"""

from __future__ import annotations

import re
import time
from importlib import resources
from typing import Any

from ..invoke import InvokeFrame, InvokeResult, PageContext
from .bridge import Bridge
from .convert import ToLua, to_bytes, to_text

# Library files, loaded in this order (each sees the ones before it).
LIBRARIES = ("strings", "libraryUtil", "mw", "mw.text", "mw.ustring", "mw.title", "mw.html", "mw.language",
             "mw.site", "mw.uri", "mw.message", "mw.hash", "mw.svg", "frame")
PACKAGES = ("strict",)
HOOK_COUNT = 10000
TIMEOUT_MESSAGE = "The time allocated for running scripts has expired."

_SOURCES: dict[str, str] = {}
_LIBRARY_BYTECODE: dict[str, bytes] = {}
_LOCATION = re.compile(r"^(.+?):(\d+): (.*)$", re.S)


def _source(name: str) -> str:
    text = _SOURCES.get(name)
    if text is None:
        text = resources.files(__package__).joinpath(f"lualib/{name}.lua").read_text("utf-8")
        _SOURCES[name] = text
    return text


def format_error(message: str, module: str) -> tuple[str, str | None, int | None]:
    """Scribunto's text for a Lua error: ``Lua error in Module:X at line N: msg.`` when the
    message carries a location, else ``Lua error: msg.``."""
    message = message.strip()
    m = _LOCATION.match(message)
    if m and "\n" not in m.group(1) and ": " not in m.group(1) and len(m.group(1)) < 300:
        where, line, text = m.group(1), int(m.group(2)), m.group(3)
        return f"Lua error in {where} at line {line}: {_stop(text)}", where, line
    return f"Lua error: {_stop(message)}", module, None


def _stop(text: str) -> str:
    return text if text.endswith(".") else text + "."


class ScribuntoEngine:
    """:class:`~wikiparse.expand.invoke.LuaEngine` for one page."""

    def __init__(self, context: PageContext, lupa_module: Any) -> None:
        self.context = context
        self._lupa = lupa_module
        self._runtime: Any = None
        self._api: Any = None
        self._bridge: Bridge | None = None
        self._broken: str | None = None
        self._depth = 0
        self._titles: dict[str, str] = {}

    # ------------------------------------------------------------------ set-up
    def _remaining(self) -> float:
        used = float(self._api.used()) if self._api is not None else 0.0
        return self.context.limits.lua_cpu_seconds - used

    def _start(self) -> None:
        limits = self.context.limits
        lupa = self._lupa
        runtime = lupa.LuaRuntime(
            encoding=None, register_eval=False, register_builtins=False,
            unpack_returned_tuples=True, attribute_filter=_deny_attributes,
            max_memory=limits.lua_memory_bytes,
        )
        self._runtime = runtime
        globals_ = runtime.globals()
        globals_.python = None
        runtime.execute(b"package.loaded.python = nil")
        to_lua = ToLua(runtime)
        bridge = Bridge(self.context, to_lua, self._remaining)
        self._bridge = bridge
        # our library files compile once per process: later engines load their bytecode
        compile_ = runtime.execute(b"""local dump, loadstring, assert = string.dump, loadstring, assert
            return function(src, name, bytecode)
                local f = assert(loadstring(bytecode or src, name))
                return f, (not bytecode) and dump(f) or nil
            end""")

        def load(name: str) -> Any:
            cached = _LIBRARY_BYTECODE.get(name)
            chunk, dumped = _pair(compile_(to_bytes(_source(name)), to_bytes(f"={name}.lua"), cached))
            if cached is None and dumped is not None:
                _LIBRARY_BYTECODE[name] = dumped
            return chunk

        options = to_lua({
            "clock": time.thread_time,
            "cpu_seconds": float(limits.lua_cpu_seconds), "hook_count": HOOK_COUNT,
            "memory": limits.lua_memory_bytes,
            "now": int(self.context.clock.timestamp()), "seed": 0,
            "paused": {name: True for name in Bridge.PAUSED},
        })
        raw = runtime.table_from({to_bytes(k): v for k, v in bridge.exports().items()})
        sandbox = load("sandbox")
        api = sandbox(raw, options)
        for name in LIBRARIES:
            api.load_library(to_bytes(name), load(name))
        for name in PACKAGES:
            api.add_package(to_bytes(name), load(name))
        self._api = api

    def _ensure(self) -> bool:
        if self._api is not None:
            return True
        if self._broken is not None:
            return False
        try:
            self._start()
        except Exception as exc:  # pragma: no cover - a broken install, reported once per page
            self._broken = f"Lua error: could not start the Lua engine ({exc})."
            return False
        return True

    # ------------------------------------------------------------------ invoke
    def invoke(self, module: str, function: str, frame: InvokeFrame) -> InvokeResult:
        """Call ``function`` of ``module`` with ``frame``; errors come back in the result."""
        if not self._ensure():
            return InvokeResult("", error=self._broken, module=module)
        bridge = self._bridge
        assert bridge is not None
        title = self._titles.get(module)
        if title is None:  # "Module:citation/CS1" is Module:Citation/CS1
            title = self._titles[module] = bridge.cb_module_title(module) or module
        module = title
        logs_before = len(bridge.logs)
        handle = bridge.add_frame(frame, None)
        if self._depth == 0:
            bridge.budget = self._remaining()
        self._depth += 1
        try:
            status, value = self._call(module, function, handle)
        finally:
            self._depth -= 1
            if self._depth == 0:
                bridge.frames.clear()
                bridge.parents.clear()
        logs = bridge.logs[logs_before:]
        if status == "ok":
            return InvokeResult(value, logs=logs)
        if status == "timeout":
            return InvokeResult("", error=f"Lua error: {TIMEOUT_MESSAGE}", module=module, logs=logs)
        if status == "memory":
            self._recover_memory()
            return InvokeResult("", error="Lua error: not enough memory.", module=module, logs=logs)
        if status == "nomodule":
            return InvokeResult("", error=f'Script error: No such module "{module.split(":", 1)[-1]}".',
                                module=module, logs=logs)
        if status == "nofunction":
            return InvokeResult("", error=f'Script error: The function "{function}" does not exist.',
                                module=module, logs=logs)
        if status == "notable":
            return InvokeResult("", error=f"Lua error: The module returned a {value} value, "
                                f"it is supposed to return an export table.", module=module, logs=logs)
        text, where, line = format_error(value or "", module)
        return InvokeResult("", error=text, module=where, line=line, logs=logs)

    def _call(self, module: str, function: str, handle: int) -> tuple[str, str]:
        lupa = self._lupa
        try:
            result = self._api.invoke(to_bytes(module), to_bytes(function), handle)
        except lupa.LuaMemoryError:
            return "memory", ""
        except lupa.LuaError as exc:
            message = str(exc)
            if TIMEOUT_MESSAGE in message:
                return "timeout", ""
            if "not enough memory" in message:
                return "memory", ""
            return "error", message
        status, value = (result[0], result[1]) if isinstance(result, tuple) else (result, None)
        return to_text(status), to_text(value) if value is not None else ""

    def _recover_memory(self) -> None:
        """After running out, collect what the failed call left so later calls can run."""
        runtime = self._runtime
        try:
            runtime.set_max_memory(0)
            runtime.gccollect()
        finally:
            runtime.set_max_memory(self.context.limits.lua_memory_bytes)

    # ------------------------------------------------------------------ for tests
    @property
    def runtime(self) -> Any:
        """The ``lupa`` runtime (tests drive Scribunto's own test files through it)."""
        self._ensure()
        return self._runtime

    @property
    def api(self) -> Any:
        self._ensure()
        return self._api

    @property
    def bridge(self) -> Bridge:
        self._ensure()
        assert self._bridge is not None
        return self._bridge

    def cpu_used(self) -> float:
        """Seconds of Lua time this page has used."""
        return float(self._api.used()) if self._api is not None else 0.0


def _pair(value: Any) -> tuple[Any, Any]:
    return (value[0], value[1]) if isinstance(value, tuple) else (value, None)


def _deny_attributes(obj: Any, name: Any, is_setting: bool) -> Any:
    """No Python attribute is ever reachable from Lua."""
    raise AttributeError("access denied")


__all__ = ["ScribuntoEngine", "format_error"]
