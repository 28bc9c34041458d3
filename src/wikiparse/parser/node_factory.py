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

from ..ast import (Attribute, ExtensionTag, ExternalLink, ExternalLinkKind, ImageOption, ImageOptionKind,
                   LanguageLink, Node, Parameter, Span, Template, Text, WikiLink)

__all__ = ["attribute_node", "extension_tag_node", "external_link_node", "image_option_node",
           "language_link_node", "parameter_node", "template_node", "text_node", "text_value_node",
           "wikilink_node"]

_new: Final = object.__new__


def text_node(start: int, end: int, text: str) -> Text:
    """``Text((start, end), value=text[start:end], origin=text)``."""
    node = _new(Text)
    node.span = (start, end)
    node.dirty = False
    node.origin = text
    node.value = text[start:end]
    return node


def text_value_node(start: int, end: int, value: str, origin: str | None) -> Text:
    """``Text((start, end), value=value, origin=origin)``."""
    node = _new(Text)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.value = value
    return node


def parameter_node(start: int, end: int, name: str, showkey: bool, name_nodes: list[Node],
                   value: list[Node], origin: str) -> Parameter:
    """``Parameter((start, end), name=..., showkey=..., name_nodes=..., value=..., origin=...)``."""
    node = _new(Parameter)
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
    node = _new(Template)
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
    node = _new(WikiLink)
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
    node = _new(ExtensionTag)
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
    node = _new(ExternalLink)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.url = url
    node.kind = kind
    node.children = children
    return node


def attribute_node(span: Span, name: str, value: str | None, quote: str, origin: str) -> Attribute:
    """``Attribute(span, name=..., value=..., quote=..., origin=...)`` (no children yet)."""
    node = _new(Attribute)
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
    node = _new(ImageOption)
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
    node = _new(LanguageLink)
    node.span = (start, end)
    node.dirty = False
    node.origin = origin
    node.lang = lang
    node.title = title
    node.target = target
    return node
