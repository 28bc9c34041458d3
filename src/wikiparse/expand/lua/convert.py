"""Values across the Lua/Python boundary.

The runtime is made with ``encoding=None`` so that Lua strings, which are byte strings and may hold
any bytes, arrive as ``bytes``; they are decoded with ``surrogateescape`` so nothing is lost, and
Python strings go back encoded the same way.  Only Lua-native values ever cross into Lua: tables
are built with ``table_from``, never wrapped Python objects, so a module cannot reach Python.
"""

from __future__ import annotations

import math
from typing import Any, Callable, Mapping, Sequence


def to_text(value: Any) -> str:
    """A Lua string or number as Python ``str`` (numbers as Lua's ``tostring`` writes them)."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "surrogateescape")
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number_text(value)
    return str(value)


def number_text(value: float) -> str:
    """Lua 5.1's ``%.14g``."""
    if math.isnan(value):
        return "nan" if math.copysign(1, value) > 0 else "-nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return "%.14g" % value


def to_bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def from_lua(value: Any) -> Any:
    """Bytes become ``str``; tables and functions stay Lua objects for the callee to read."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "surrogateescape")
    return value


def table_items(table: Any) -> list[tuple[Any, Any]]:
    """A Lua table's raw pairs, keys and values converted (``[]`` for a non-table)."""
    if table is None or not hasattr(table, "items"):
        return []
    return [(from_lua(k), from_lua(v)) for k, v in table.items()]


def table_to_python(table: Any, depth: int = 0) -> Any:
    """A Lua table as a dict (nested tables converted; cycles and deep nesting cut at 100)."""
    if not hasattr(table, "items") or depth > 100:
        return from_lua(table)
    return {k: table_to_python(v, depth + 1) if hasattr(v, "items") else v
            for k, v in table_items(table)}


class ToLua:
    """Builds Lua values from Python ones in one runtime."""

    def __init__(self, runtime: Any) -> None:
        self._table_from: Callable[..., Any] = runtime.table_from
        self._lua_object: type = type(runtime.table()).__mro__[1]

    def __call__(self, value: Any) -> Any:
        kind = type(value)
        if kind is str:
            return value.encode("utf-8", "surrogateescape")
        if value is None or kind in (bool, int, float, bytes):
            return value
        if kind is dict:
            return self._table_from({self(k): self(v) for k, v in value.items()})
        if kind is list or kind is tuple:
            return self._table_from({i: self(v) for i, v in enumerate(value, start=1)})
        if isinstance(value, str):
            return to_bytes(value)
        if isinstance(value, (bool, int, float, bytes, self._lua_object)):
            return value
        if callable(value):
            return value  # a Python callback, kept by the sandbox in an upvalue
        if isinstance(value, Mapping):
            return self._table_from({self(k): self(v) for k, v in value.items()})
        if isinstance(value, Sequence):
            return self._table_from({i: self(v) for i, v in enumerate(value, start=1)})
        return to_bytes(str(value))


__all__ = ["ToLua", "from_lua", "number_text", "table_items", "table_to_python", "to_bytes", "to_text"]
