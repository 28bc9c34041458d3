"""Lua for ``{{#invoke:}}``: Scribunto's environment in a ``lupa`` Lua 5.1 sandbox.

Optional: ``pip install 'wikiparse[lua]'``.  Without ``lupa``, :func:`engine_for` returns ``None``
and the preprocessor renders its "Lua not installed" error; importing this package never fails.
See ``docs/lua.md``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..invoke import LuaEngine, PageContext


@lru_cache(maxsize=1)
def _lupa() -> Any:
    try:
        import lupa.lua51 as lua51  # Lua 5.1, as Scribunto
    except ImportError:
        return None
    return lua51


def lua_available() -> bool:
    """Whether ``lupa`` (with its bundled Lua 5.1) is installed."""
    return _lupa() is not None


def engine_for(context: PageContext) -> LuaEngine | None:
    """A Lua engine for one page, or ``None`` when ``lupa`` is not installed.  Cheap: the Lua
    state is made on the first ``#invoke``."""
    module = _lupa()
    if module is None:
        return None
    from .engine import ScribuntoEngine

    return ScribuntoEngine(context, module)


__all__ = ["engine_for", "lua_available"]
