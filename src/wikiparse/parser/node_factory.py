"""Constructors of the nodes the parser builds most (text, template parameters, templates,
wiki links), for the compiled build's hot path.

The node classes are interpreted data classes (:mod:`wikiparse.ast`); calling one from compiled
code goes through ``type.__call__``, ``__init__``'s Python frame and, for keyword arguments,
a dict built and unpacked again: about 3,500 instructions for a ``Text``, 9,000 for a
``WikiLink``.  These functions allocate the instance with ``object.__new__`` and set its slots
directly (about 200 instructions a field).  Each sets *every* field of its class, with the
class's defaults where the parser has nothing to say, so the node is indistinguishable from
the one the class's constructor builds (``tests/parser/test_node_factory.py`` checks that
field by field, and fails when a class gains a field these do not set).
"""

from __future__ import annotations

from typing import Final

from ..ast import (Attribute, Bold, ExtensionTag, ExternalLink, ExternalLinkKind, ImageOption, ImageOptionKind,
                   Italic, ItemKind, LanguageLink, List, ListItem, ListKind, Node, Paragraph, Parameter, Span,
                   TableCell, TableRow, Template, Text, WikiLink)

__all__ = ["attribute_node", "bold_node", "extension_tag_node", "external_link_node", "image_option_node",
           "italic_node", "language_link_node", "list_item_node", "list_node", "paragraph_node",
           "parameter_node", "table_cell_node", "table_row_node", "template_node", "text_node",
           "text_value_node", "wikilink_node"]

_new: Final = object.__new__
# the classes as Final names: a static in the compiled module, not a globals-dict lookup per node
_TEXT: Final = Text
_PARAMETER: Final = Parameter
_TEMPLATE: Final = Template
_WIKILINK: Final = WikiLink
_EXTENSION_TAG: Final = ExtensionTag
_EXTERNAL_LINK: Final = ExternalLink
_ATTRIBUTE: Final = Attribute
_IMAGE_OPTION: Final = ImageOption
_LANGUAGE_LINK: Final = LanguageLink
_PARAGRAPH: Final = Paragraph
_LIST: Final = List
_LIST_ITEM: Final = ListItem
_TABLE_CELL: Final = TableCell
_TABLE_ROW: Final = TableRow
_BOLD: Final = Bold
_ITALIC: Final = Italic


def text_node(start: int, end: int, text: str) -> Text:
    """``Text((start, end), value=text[start:end], origin=text)``."""
    node = _new(_TEXT)
    node.span = (start, end)
    node.dirty = False
    node.origin = text
    node.value = text[start:end]
    return node


def text_value_node(start: int, end: int, value: str, origin: str | None) -> Text:
    """``Text((start, end), value=value, origin=origin)``."""
    node = _new(_TEXT)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.value = value
    return node


def paragraph_node(start: int, end: int, children: list[Node], origin: str) -> Paragraph:
    """``Paragraph((start, end), children=children, origin=origin)``."""
    node = _new(_PARAGRAPH)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.children = children
    return node


def bold_node(start: int, end: int, children: list[Node], origin: str) -> Bold:
    """``Bold((start, end), children=children, origin=origin)``."""
    node = _new(_BOLD)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.children = children
    return node


def italic_node(start: int, end: int, children: list[Node], origin: str) -> Italic:
    """``Italic((start, end), children=children, origin=origin)``."""
    node = _new(_ITALIC)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.children = children
    return node


def list_node(start: int, end: int, kind: ListKind, items: list[ListItem], origin: str) -> List:
    """``List((start, end), kind=kind, items=items, origin=origin)``."""
    node = _new(_LIST)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.kind = kind
    node.items = items
    return node


def list_item_node(start: int, end: int, kind: ItemKind, marker: str, children: list[Node],
                   origin: str) -> ListItem:
    """``ListItem((start, end), kind=kind, marker=marker, children=children, origin=origin)``."""
    node = _new(_LIST_ITEM)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.kind = kind
    node.marker = marker
    node.children = children
    return node


def table_cell_node(start: int, end: int, header: bool, attrs: list[Attribute], children: list[Node],
                    origin: str) -> TableCell:
    """``TableCell((start, end), header=header, attrs=attrs, children=children, origin=origin)``."""
    node = _new(_TABLE_CELL)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.header = header
    node.attrs = attrs
    node.children = children
    return node


def table_row_node(start: int, end: int, attrs: list[Attribute], cells: list[TableCell], implicit: bool,
                   origin: str) -> TableRow:
    """``TableRow((start, end), attrs=attrs, cells=cells, implicit=implicit, origin=origin)``."""
    node = _new(_TABLE_ROW)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.attrs = attrs
    node.cells = cells
    node.implicit = implicit
    return node


def parameter_node(start: int, end: int, name: str, showkey: bool, name_nodes: list[Node],
                   value: list[Node], origin: str) -> Parameter:
    """``Parameter((start, end), name=..., showkey=..., name_nodes=..., value=..., origin=...)``."""
    node = _new(_PARAMETER)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.name = name
    node.showkey = showkey
    node.name_nodes = name_nodes
    node.value = value
    return node


def template_node(start: int, end: int, name: str, name_nodes: list[Node],
                  params: list[Parameter], origin: str) -> Template:
    """``Template((start, end), name=..., name_nodes=..., params=..., origin=...)``."""
    node = _new(_TEMPLATE)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.name = name
    node.name_nodes = name_nodes
    node.params = params
    return node


def wikilink_node(start: int, end: int, target: str, title: str, namespace: int,
                  fragment: str | None, interwiki: str | None, children: list[Node],
                  has_text: bool, trail: str, leading_colon: bool, target_nodes: list[Node],
                  origin: str) -> WikiLink:
    """``WikiLink((start, end), target=..., ..., target_nodes=..., origin=...)``."""
    node = _new(_WIKILINK)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.target = target
    node.title = title
    node.namespace = namespace
    node.fragment = fragment
    node.interwiki = interwiki
    node.children = children
    node.has_text = has_text
    node.trail = trail
    node.leading_colon = leading_colon
    node.target_nodes = target_nodes
    return node


def extension_tag_node(start: int, end: int, name: str, attrs: list[Attribute], content: str | None,
                       children: list[Node], closed: bool, origin: str) -> ExtensionTag:
    """``ExtensionTag((start, end), name=..., attrs=..., content=..., children=..., closed=...)``."""
    node = _new(_EXTENSION_TAG)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.name = name
    node.attrs = attrs
    node.content = content
    node.children = children
    node.closed = closed
    return node


def external_link_node(start: int, end: int, url: str, kind: ExternalLinkKind,
                       children: list[Node], origin: str) -> ExternalLink:
    """``ExternalLink((start, end), url=..., kind=..., children=..., origin=...)``."""
    node = _new(_EXTERNAL_LINK)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.url = url
    node.kind = kind
    node.children = children
    return node


def attribute_node(span: Span, name: str, value: str | None, quote: str, origin: str) -> Attribute:
    """``Attribute(span, name=..., value=..., quote=..., origin=...)`` (no children yet)."""
    node = _new(_ATTRIBUTE)
    node.span = span
    node.dirty = False
    node.origin = origin
    node.name = name
    node.value = value
    node.quote = quote
    node.children = []
    return node


def image_option_node(start: int, end: int, kind: ImageOptionKind, name: str, value: str,
                      origin: str) -> ImageOption:
    """``ImageOption((start, end), kind=..., name=..., value=..., origin=...)`` (no children yet)."""
    node = _new(_IMAGE_OPTION)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.kind = kind
    node.name = name
    node.value = value
    node.children = []
    return node


def language_link_node(start: int, end: int, lang: str, title: str, target: str,
                       origin: str) -> LanguageLink:
    """``LanguageLink((start, end), lang=..., title=..., target=..., origin=...)``."""
    node = _new(_LANGUAGE_LINK)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.lang = lang
    node.title = title
    node.target = target
    return node
