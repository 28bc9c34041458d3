"""A small stand-in for the preprocessor: a dict-backed page store and frames whose ``preprocess``
expands only ``{{{arg}}}`` and ``{{#invoke:}}``/``{{Template}}`` calls of the simplest shape.

Enough to drive the Lua engine on its own (the real preprocessor is ``wikiparse.expand``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Mapping, Sequence

import pytest
from testkit import IN_CI

from wikiparse.config import Limits, SiteConfig
from wikiparse.expand.invoke import InvokeFrame

CLOCK = datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc)


def require(module: str) -> Any:
    """Import a test dependency (lupa, mwparserfromhell: both in the ``test`` extra): skip the
    test module when it is missing locally, fail in CI, which always has them."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        if IN_CI:
            pytest.fail(f"{module} is in the test extra: CI must have it", pytrace=False)
        pytest.skip(f"{module} is not installed (pip install 'wikiparse[lua]')", allow_module_level=True)


@dataclass
class FakeContext:
    """A ``PageContext`` over a dict of pages."""

    pages: dict[str, str] = field(default_factory=dict)
    page_title: str = "Test page"
    config: SiteConfig = field(default_factory=SiteConfig)
    limits: Limits = field(default_factory=Limits)
    clock: datetime = CLOCK
    server: str | None = None
    canonical_server: str | None = None
    fragment_mode: str | None = None
    engine: Any = None

    def page_content(self, title: str) -> str | None:
        return self.pages.get(title)

    def page_exists(self, title: str) -> bool:
        return title in self.pages


_ARG = re.compile(r"\{\{\{([^{}|]*)(?:\|([^{}]*))?\}\}\}")
_NOINCLUDE = re.compile(r"<noinclude>.*?(?:</noinclude>|$)|</?includeonly>", re.S)
_CALL = re.compile(r"\{\{([^{}]*)\}\}")


def _split_args(parts: Sequence[str]) -> dict[str | int, str]:
    args: dict[str | int, str] = {}
    n = 0
    for part in parts:
        if "=" in part:
            k, v = part.split("=", 1)
            k = k.strip()
            args[int(k) if k.isascii() and k.isdigit() else k] = v.strip()
        else:
            n += 1
            args[n] = part
    return args


class FakeFrame:
    """An ``InvokeFrame`` with literal arguments."""

    def __init__(self, context: FakeContext, title: str, args: Mapping[str | int, str] | None = None,
                 parent: FakeFrame | None = None) -> None:
        self.context = context
        self._title = title
        self.args: dict[str | int, str] = dict(args or {})
        self._parent = parent
        self.calls: list[tuple[str, Any]] = []
        self.reads: list[str | int] = []

    @property
    def title(self) -> str:
        return self._title

    @property
    def parent(self) -> FakeFrame | None:
        return self._parent

    def argument_names(self) -> Sequence[str | int]:
        return list(self.args)

    def argument(self, key: str | int) -> str | None:
        self.reads.append(key)
        if key not in self.args and isinstance(key, str) and key.isascii() and key.isdigit() \
                and str(int(key)) == key:
            key = int(key)
        value = self.args.get(key)
        if value is None:
            return None
        return value.strip() if isinstance(key, str) else value

    def preprocess(self, text: str) -> str:
        def arg(m: re.Match[str]) -> str:
            name = m.group(1).strip()
            value = self.argument(int(name) if name.isascii() and name.isdigit() else name)
            if value is None:
                return m.group(2) if m.group(2) is not None else m.group(0)
            return value

        text = _ARG.sub(arg, text)

        def call(m: re.Match[str]) -> str:
            parts = m.group(1).split("|")
            head = parts[0].strip()
            if head.lower().startswith("#invoke:"):
                child = FakeFrame(self.context, "Module:" + head[8:].strip(),
                                  _split_args(parts[2:]), self)
                result = self.context.engine.invoke("Module:" + head[8:].strip(), parts[1].strip(), child)
                return result.text if result.error is None else f"<ERR:{result.error}>"
            return self.expand_template(head, _split_args(parts[1:]))

        # innermost calls first, as far as this stand-in can go
        for _ in range(20):
            expanded = _CALL.sub(call, text)
            if expanded == text:
                break
            text = expanded
        return text

    def expand_template(self, title: str, args: Mapping[str | int, str]) -> str:
        self.calls.append(("template", (title, dict(args))))
        if title.startswith(":"):
            name = title[1:]
        else:
            name = title if ":" in title else "Template:" + title
        body = self.context.pages.get(name)
        if body is None:
            return f"[[:{name}]]"
        body = _NOINCLUDE.sub("", body)
        return FakeFrame(self.context, name, args, self).preprocess(body)

    def call_parser_function(self, name: str, args: Sequence[str]) -> str:
        self.calls.append(("pf", (name, list(args))))
        return f"<PF {name}|{'|'.join(args)}>"

    def extension_tag(self, name: str, content: str, attrs: Mapping[str, str]) -> str:
        self.calls.append(("tag", (name, content, dict(attrs))))
        attr_text = "".join(f' {k}="{v}"' for k, v in sorted(attrs.items()))
        return f"<{name}{attr_text}>{content}</{name}>"

    def new_child(self, title: str, args: Mapping[str | int, str]) -> InvokeFrame:
        return FakeFrame(self.context, title, args, self)


def make_engine(pages: Mapping[str, str] | None = None, **kwargs: Any) -> tuple[FakeContext, Any]:
    """A context over ``pages`` and its engine (``None`` when lupa is missing)."""
    from wikiparse.expand.lua import engine_for

    context = FakeContext(dict(pages or {}), **kwargs)
    engine = engine_for(context)
    context.engine = engine
    return context, engine


def invoke(engine: Any, context: FakeContext, module: str, function: str,
           args: Mapping[str | int, str] | None = None,
           parent_args: Mapping[str | int, str] | None = None,
           parent_title: str = "Template:Test") -> Any:
    """``{{#invoke:module|function|args}}`` inside a template called with ``parent_args``."""
    page = FakeFrame(context, context.page_title)
    parent = FakeFrame(context, parent_title, parent_args or {}, page)
    frame = FakeFrame(context, "Module:" + module, args or {}, parent)
    return engine.invoke("Module:" + module, function, frame)
