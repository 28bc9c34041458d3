"""Wikitext emitter: the source back, byte for byte, re-serialising only edited nodes.

The serialiser itself is :class:`wikiparse.ast.WikitextWriter` (also behind ``str(node)``); this
emitter adds what every emitter has: the registry name and render rules.
"""

from __future__ import annotations

from typing import Any

import wikiparse.ast as ast
from . import register
from .base import Emitter


class WikitextEmitter(Emitter, ast.WikitextWriter):
    """``render(node, "wikitext")``: unedited nodes copied from the source, edited ones written."""

    name = "wikitext"

    def __init__(self, **options: Any) -> None:
        # Emitter.__init__ runs WikitextWriter.__init__ (next in the MRO) through super()
        super().__init__(**options)

    def render(self, node: ast.Node) -> str:
        return self.write(node)


def to_wikitext(node: ast.Node, source: str | None = None) -> str:
    """Wikitext of a document (``to_wikitext(parse(s)) == s``) or of a node of it.

    ``source`` is the document's text, for a node that cannot reach it (one rebuilt without
    it); such a node without ``source`` raises ValueError rather than giving wrong text."""
    return ast.WikitextWriter(source, strict=True).write(node)


register("wikitext", WikitextEmitter)
