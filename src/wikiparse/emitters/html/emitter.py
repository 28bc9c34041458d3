"""The HTML emitter: a syntax tree to HTML as MediaWiki's parser writes it, safe by default.

Every node type has a ``visit_<Node>`` method returning an HTML string; a user replaces one with
``emitter.add_render_rule(ast.WikiLink, fn)``.  All text goes through :func:`escape_text`, all
attributes through :func:`sanitize_attributes`, all URLs through :func:`safe_url` (see
``docs/html.md`` for the output contract).  Templates, parser functions and magic variables
cannot be expanded offline: they become empty placeholder elements carrying the call in
Parsoid's ``typeof="mw:Transclusion"`` + ``data-mw`` format.
"""

from __future__ import annotations

from typing import Any

import wikiparse.ast as ast
from .. import register
from .base import HtmlBase, HtmlPage, wiki_urlencode
from .blocks import BlockRules
from .extensions import ExtensionRules
from .gallery_html import GalleryRules
from .inline import InlineRules
from .links import LinkRules
from .media_html import MediaRules
from .page import PageRules
from .tables import TableRules

__all__ = ["HtmlBase", "HtmlEmitter", "HtmlPage", "to_html", "wiki_urlencode"]


class HtmlEmitter(PageRules, BlockRules, TableRules, InlineRules, LinkRules, MediaRules,
                  GalleryRules, ExtensionRules):
    """Wikitext tree -> HTML (the options are :class:`HtmlBase`'s)."""

    name = "html"


def to_html(doc: ast.Node, **options: Any) -> str:
    """Shortcut for ``HtmlEmitter(**options).render(doc)``."""
    return HtmlEmitter(**options).render(doc)


register("html", HtmlEmitter)
