"""HTML tag names, and which nodes count as blocks.

MediaWiki lets a fixed set of HTML elements through (Sanitizer); any other ``<name>`` is text.
Block-level elements (``div``, ``table``...) are paired across lines within their container
(``tag_pairing.py``); a line holding one is never wrapped in a paragraph.
"""

from __future__ import annotations

from typing import Final, Union, cast

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

# what is_block_item asks of a node of each class: 0 never a block, 1 always, 2 a Tag (by
# name), 3 an ExtensionTag (by name), 4 a FileLink (by its options).  One dict lookup on the
# exact class instead of a chain of isinstance calls; a class not listed (a subclass defined
# later) takes the isinstance chain.
_NEVER, _ALWAYS, _TAG, _EXTENSION, _FILE = 0, 1, 2, 3, 4


def _node_class_kind(cls: type) -> int:
    if issubclass(cls, Tag):
        return _TAG
    if issubclass(cls, ExtensionTag):
        return _EXTENSION
    if issubclass(cls, FileLink):
        return _FILE
    return _ALWAYS if issubclass(cls, _BLOCK_NODES) else _NEVER


def _node_classes() -> dict[type, int]:
    kinds: dict[type, int] = {}
    todo: list[type] = [Node]
    while todo:
        cls = todo.pop()
        if cls not in kinds:
            kinds[cls] = _node_class_kind(cls)
            todo.extend(cls.__subclasses__())
    return kinds


_NODE_KIND: Final[dict[type, int]] = _node_classes()


def is_block_item(it: Union[Node, Tok]) -> bool:
    """A block-level node or block tag token (its line gets no paragraph)."""
    if isinstance(it, Tok):
        if isinstance(it, TagTok):
            name = it.name
            return name in BLOCK_TAGS or name == "hr" or name == "pre"
        return False
    kind = _NODE_KIND.get(type(it), -1)
    if kind == _NEVER:
        return False
    if kind == _ALWAYS:
        return True
    if kind < 0:
        kind = _node_class_kind(type(it))
        if kind == _NEVER or kind == _ALWAYS:
            return kind == _ALWAYS
    if kind == _TAG:
        name = cast(Tag, it).name
        return name in BLOCK_TAGS or name == "hr" or name == "pre"
    if kind == _EXTENSION:
        return cast(ExtensionTag, it).name in BLOCK_EXTENSION_TAGS
    # thumbnails, framed and aligned images are figures (block elements)
    link = cast(FileLink, it)
    return not link.is_media and (link.format in ("thumb", "frame") or link.align is not None)
