"""The emitter registry: output formats found by name.

Built-in emitters register themselves on import of their module (listed in ``_BUILTIN``); third
parties add theirs through the entry-point group ``wikiparse.emitters`` (each entry point names an
:class:`~wikiparse.emitters.base.Emitter` subclass).  ``render(doc, "html")`` looks the name up,
instantiates the emitter with the options and runs it.
"""

from __future__ import annotations

import importlib
import threading
from importlib.metadata import entry_points
from typing import Any

from ..ast import Document, Node
from .base import Emitter

_REGISTRY: dict[str, type[Emitter]] = {}
# name -> module that defines (and registers) it; imported on first use
_BUILTIN: dict[str, str] = {
    "html": "wikiparse.emitters.html",
    "text": "wikiparse.emitters.text",
    "json": "wikiparse.emitters.json",
    "pandoc-json": "wikiparse.emitters.pandoc",
    "wikitext": "wikiparse.emitters.wikitext",
    "markdown": "wikiparse.emitters.markdown",
}
_entry_points_loaded = False
# held while the entry points are loaded: a second thread waits instead of seeing a half-filled
# registry (re-entrant: a plugin's import may look the registry up)
_LOAD_LOCK = threading.RLock()


class UnknownFormat(LookupError):
    """Raised for a format name no emitter is registered under."""


def register(name: str, emitter: type[Emitter], *, replace: bool = False) -> None:
    """Register ``emitter`` under ``name`` (``replace=True`` to override an existing one)."""
    if not (isinstance(emitter, type) and issubclass(emitter, Emitter)):
        raise TypeError(f"emitter for {name!r} must be an Emitter subclass, got {emitter!r}")
    if name in _REGISTRY and _REGISTRY[name] is not emitter and not replace:
        raise ValueError(f"an emitter is already registered as {name!r}")
    _REGISTRY[name] = emitter


def _load_entry_points() -> None:
    """Register the plugins' emitters, once; the flag is set only when all are registered."""
    global _entry_points_loaded
    if _entry_points_loaded:
        return
    with _LOAD_LOCK:
        if _entry_points_loaded:
            return
        for ep in entry_points(group="wikiparse.emitters"):
            if ep.name in _REGISTRY or ep.name in _BUILTIN:
                continue
            try:
                cls = ep.load()
            except Exception:  # a broken plugin must not break the library
                continue
            if isinstance(cls, type) and issubclass(cls, Emitter):
                _REGISTRY.setdefault(ep.name, cls)
        _entry_points_loaded = True


def _builtin_available(name: str) -> bool:
    module = _BUILTIN.get(name)
    if module is None:
        return False
    try:
        importlib.import_module(module)
    except ModuleNotFoundError:
        return False
    return name in _REGISTRY


def get_emitter(name: str) -> type[Emitter]:
    if name not in _REGISTRY:
        if not _builtin_available(name):
            _load_entry_points()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise UnknownFormat(f"no emitter named {name!r}; known: {', '.join(emitters())}") from None


def emitters() -> list[str]:
    """Names of all available output formats."""
    for name in _BUILTIN:
        if name not in _REGISTRY:
            _builtin_available(name)
    _load_entry_points()
    return sorted(_REGISTRY)


def render(node: Node, fmt: str = "html", **options: Any) -> Any:
    """Render a document (or any node of one, a Section included) with the emitter registered
    as ``fmt``."""
    return get_emitter(fmt)(**options).render(node)


Document.renderer = render  # Document.strip_code() renders through the registry


__all__ = ["Emitter", "UnknownFormat", "emitters", "get_emitter", "register", "render"]
