"""HTML tag names, and which nodes count as blocks.

MediaWiki lets a fixed set of HTML elements through (Sanitizer); any other ``<name>`` is text.
Block-level elements (``div``, ``table``...) are paired across lines within their container
(``tag_pairing.py``); a line holding one is never wrapped in a paragraph.
"""

from __future__ import annotations

from typing import Union

from ..ast import (
    ExtensionTag, FileLink, Heading, HorizontalRule, List, Node, Paragraph, Preformatted, Table,
    Tag)
from .items import TagTok, Tok

HTML_TAGS = frozenset("""
abbr b bdi bdo big blockquote br caption center cite code data dd del dfn div dl dt em font h1 h2
h3 h4 h5 h6 hr i ins kbd li mark ol p q rb rp rt rtc ruby s samp small span strike strong sub sup
table td th time tr tt u ul var wbr thead tbody tfoot meta link img
""".split())

VOID_TAGS = frozenset({"br", "hr", "wbr", "meta", "link", "img"})

BLOCK_TAGS = frozenset("""
blockquote caption center dd div dl dt h1 h2 h3 h4 h5 h6 li ol p table tbody td tfoot th thead tr
ul
""".split())

# extension tags whose output is a block (MediaWiki does not wrap their line in a paragraph)
BLOCK_EXTENSION_TAGS = frozenset({"pre", "references", "gallery", "poem", "syntaxhighlight",
                                  "source", "timeline", "graph", "mapframe", "imagemap",
                                  "categorytree", "inputbox", "templatedata", "score"})

_BLOCK_NODES = (Table, Heading, List, HorizontalRule, Preformatted,
                Paragraph)


def is_block_item(it: Union[Node, Tok]) -> bool:
    """A block-level node or block tag token (its line gets no paragraph)."""
    if isinstance(it, Tok):
        return isinstance(it, TagTok) and (it.name in BLOCK_TAGS or it.name in ("hr", "pre"))
    if isinstance(it, Tag):
        return it.name in BLOCK_TAGS or it.name in ("hr", "pre")
    if isinstance(it, ExtensionTag):
        return it.name in BLOCK_EXTENSION_TAGS
    if isinstance(it, FileLink):
        # thumbnails, framed and aligned images are figures (block elements)
        return not it.is_media and (it.format in ("thumb", "frame") or it.align is not None)
    return isinstance(it, _BLOCK_NODES)
