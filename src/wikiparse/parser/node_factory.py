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

from ..ast import (Attribute, Bold, Category, Comment, Entity, ExtensionTag, ExternalLink,
                   ExternalLinkKind, FileLink, Heading, ImageOption, ImageOptionKind, ItemKind,
                   Italic, LanguageLink, List, ListItem, ListKind, Node, Paragraph, Parameter, Span,
                   TableCell, TableRow, Tag, TagKind, Template, Text, WikiLink)

__all__ = ["attribute_node", "category_node", "comment_node", "entity_node", "extension_tag_node",
           "external_link_node", "file_link_node", "heading_node", "image_option_node",
           "language_link_node", "list_item_node", "list_node", "paragraph_node", "parameter_node",
           "quote_node", "table_cell_node", "table_row_node", "tag_node", "template_node",
           "text_node", "text_value_node", "wikilink_node"]

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


# ---------------------------------------------------------------------- more of the parser's nodes
# (the classes the compiled parse still built through their constructors: tags, quotes, entities,
# comments, headings, file links, categories, paragraphs, lists, table rows and cells)

_TAG: Final = Tag
_BOLD: Final = Bold
_ITALIC: Final = Italic
_ENTITY: Final = Entity
_COMMENT: Final = Comment
_HEADING: Final = Heading
_FILE_LINK: Final = FileLink
_CATEGORY: Final = Category
_PARAGRAPH: Final = Paragraph
_LIST: Final = List
_LIST_ITEM: Final = ListItem
_TABLE_ROW: Final = TableRow
_TABLE_CELL: Final = TableCell


def tag_node(start: int, end: int, name: str, attrs: list[Attribute], children: list[Node],
             kind: TagKind, self_closing: bool, origin: str) -> Tag:
    """``Tag((start, end), name=..., attrs=..., children=..., kind=..., self_closing=...)``."""
    node = _new(_TAG)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.name = name
    node.attrs = attrs
    node.children = children
    node.kind = kind
    node.self_closing = self_closing
    return node


def quote_node(bold: bool, start: int, end: int, children: list[Node], origin: str) -> Bold | Italic:
    """``Bold((start, end), children=..., origin=...)``, or ``Italic(...)`` when not ``bold``."""
    node: Bold | Italic = _new(_BOLD) if bold else _new(_ITALIC)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.children = children
    return node


def entity_node(start: int, end: int, raw: str, char: str, origin: str) -> Entity:
    """``Entity((start, end), raw=..., char=..., origin=...)``."""
    node = _new(_ENTITY)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.raw = raw
    node.char = char
    return node


def comment_node(start: int, end: int, value: str, closed: bool, origin: str) -> Comment:
    """``Comment((start, end), value=..., closed=..., origin=...)``."""
    node = _new(_COMMENT)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.value = value
    node.closed = closed
    return node


def heading_node(start: int, end: int, level: int, children: list[Node], origin: str) -> Heading:
    """``Heading((start, end), level=..., children=..., origin=...)`` (no edit marker)."""
    node = _new(_HEADING)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.level = level
    node.children = children
    node.edit_marker = None
    return node


def file_link_node(start: int, end: int, target: str, title: str, name: str, namespace: int,
                   is_media: bool, origin: str) -> FileLink:
    """``FileLink((start, end), target=..., title=..., name=..., namespace=..., is_media=...)``,
    every option field at its default (the parser sets them from the options next)."""
    node = _new(_FILE_LINK)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.target = target
    node.title = title
    node.name = name
    node.namespace = namespace
    node.is_media = is_media
    node.options = []
    node.caption = None
    node.format = None
    node.border = False
    node.width = None
    node.height = None
    node.align = None
    node.valign = None
    node.upright = None
    node.link = None
    node.alt = None
    node.page = None
    node.css_class = None
    node.lang = None
    node.trail = ""
    return node


def category_node(start: int, end: int, target: str, title: str, name: str, sort_key: str | None,
                  children: list[Node], origin: str) -> Category:
    """``Category((start, end), target=..., title=..., name=..., sort_key=..., children=...)``."""
    node = _new(_CATEGORY)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.target = target
    node.title = title
    node.name = name
    node.sort_key = sort_key
    node.children = children
    return node


def paragraph_node(start: int, end: int, children: list[Node], origin: str) -> Paragraph:
    """``Paragraph((start, end), children=..., origin=...)``."""
    node = _new(_PARAGRAPH)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.children = children
    return node


def list_node(start: int, end: int, kind: ListKind, items: list[ListItem], origin: str) -> List:
    """``List((start, end), kind=..., items=..., origin=...)``."""
    node = _new(_LIST)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.kind = kind
    node.items = items
    return node


def list_item_node(start: int, end: int, kind: ItemKind, marker: str, children: list[Node],
                   origin: str) -> ListItem:
    """``ListItem((start, end), kind=..., marker=..., children=..., origin=...)``."""
    node = _new(_LIST_ITEM)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.kind = kind
    node.marker = marker
    node.children = children
    return node


def table_row_node(start: int, end: int, attrs: list[Attribute], cells: list[TableCell],
                   implicit: bool, origin: str) -> TableRow:
    """``TableRow((start, end), attrs=..., cells=..., implicit=..., origin=...)``."""
    node = _new(_TABLE_ROW)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.attrs = attrs
    node.cells = cells
    node.implicit = implicit
    return node


def table_cell_node(start: int, end: int, header: bool, attrs: list[Attribute],
                    children: list[Node], origin: str) -> TableCell:
    """``TableCell((start, end), header=..., attrs=..., children=..., origin=...)``."""
    node = _new(_TABLE_CELL)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.header = header
    node.attrs = attrs
    node.children = children
    return node
