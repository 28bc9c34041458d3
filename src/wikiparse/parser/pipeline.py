"""``parse_wikitext``: runs the passes in order and assembles the Document."""

from __future__ import annotations

import gc
import re

from .. import ast
from ..config import Limits, SiteConfig
from .context import Context
from .inline import BracketBuilder

_REDIRECT_CACHE: dict[tuple[str, ...], re.Pattern[str]] = {}


def _redirect_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    pattern = _REDIRECT_CACHE.get(words)
    if pattern is None:
        alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        pattern = re.compile(r"[ \t\n]*(?i:" + alts + r")[ \t\n]*:?[ \t\n]*(?=\[\[)")
        _REDIRECT_CACHE[words] = pattern
    return pattern


def parse_wikitext(text: str, *, config: SiteConfig, limits: Limits) -> ast.Document:
    # A parse allocates many small objects and creates no reference cycles; the cyclic GC
    # would rescan the growing tree again and again (superlinear on large pages).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _parse(text, config, limits)
    finally:
        if was_enabled:
            gc.enable()


def _parse(text: str, config: SiteConfig, limits: Limits) -> ast.Document:
    ctx = Context(text, config, limits)
    end = len(text)
    tail: list[ast.Node] = []
    if end > limits.max_input:
        ctx.diag("limit-input", f"input longer than {limits.max_input} characters: the rest is text",
                 (limits.max_input, end), "warning")
        tail.append(ast.Text((limits.max_input, end), value=text[limits.max_input:]))
        end = limits.max_input
    builder = BracketBuilder(ctx)
    children: list[ast.Node] = []
    start = 0
    m = _redirect_regex(tuple(config.redirect_words)).match(text, 0, end)
    if m is not None:
        items = BracketBuilder(ctx).run(m.end(), end)
        first = items[0] if items else None
        if isinstance(first, ast.WikiLink):
            redirect = ast.Redirect((0, first.span[1]), target=first.target, link=first)
            children.append(redirect)
            start = first.span[1]
            ctx.diagnostics.clear()
            ctx.tokens = 0
    items = builder.run(start, end)
    children.extend(builder.constructs.blocks.container(items, "doc", top=True))
    children.extend(tail)
    return ast.Document((0, len(text)), source=text, children=children,
                        diagnostics=ctx.diagnostics, config=config)
