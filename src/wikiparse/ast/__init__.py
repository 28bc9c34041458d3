"""Typed syntax tree for wikitext and rendered wiki pages.

Nodes are plain data: each has a ``span = (start, end)`` into the source (Python ``str`` offsets,
end exclusive) and typed fields.  Behaviour (parsing, rendering, editing) lives elsewhere; the only
methods here are read-only queries (``walk``/``filter``/``get_sections``...) that users expect on
a tree, and ``str(node)``, the node's wikitext.

Losslessness: the tree never stores a modified copy of the input.  Every node's span covers exactly
the source text it was read from, children lie inside their parent in document order, and the
markup between children (``[[``, ``|``, ``}}``...) is the source text of the gaps.  Every node
reaches that source (``node.origin``, set when the tree is built), so ``str(node)`` copies it byte
for byte and re-serialises only what an edit marked dirty (see :mod:`wikiparse.ast.wikitext` and
:mod:`wikiparse.editing`).

The package is a leaf of wikiparse: it imports nothing but the standard library (and, for types,
:mod:`wikiparse.config`).  :mod:`.nodes` holds the node base and the inline node classes,
:mod:`.document` the blocks and the document, :mod:`.tables` the table nodes and their grid
(tables as data), :mod:`.visitor` the dispatch every emitter uses (:mod:`.driver` its loop,
compiled in a compiled build), :mod:`.wikitext` the one wikitext serialiser.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from .document import (
    Boilerplate, Diagnostic, Document, List, ListItem, Navigation, Paragraph, ParagraphBreak,
    Preformatted, Section, attach_source, sections,
)
from .tables import GridCell, Table, TableCaption, TableCell, TableRow
from .nodes import (
    Argument, Attribute, BehaviorSwitch, Bold, Category, Comment, EditMarker, Entity,
    ExtensionTag, ExternalLink, FileLink, Heading, HorizontalRule,
    ImageOption, Italic, LanguageLink, MagicLink, Node, Parameter,
    ParserFunction, Redirect, Signature, Span, Tag, Template, Text, Transclusion,
    Variable, WikiLink, plain_title,
)
from .kinds import (
    Dialect, ExternalLinkKind, FileFormat, ImageOptionKind, ItemKind, ListKind, Severity, TagKind,
)
from .search import FLAGS, Matches
from .visitor import Visitor
from .wikitext import WikitextWriter, canonical_wikitext, write_wikitext

#: fields that are bookkeeping, not content: never serialised or shown
BOOKKEEPING_FIELDS = frozenset({"dirty", "origin", "parse_fragment"})


def node_fields(node: Node) -> dict[str, Any]:
    """Field name -> value for a node, base fields first (for generic serialisers)."""
    return {f.name: getattr(node, f.name) for f in fields(node) if f.name not in BOOKKEEPING_FIELDS}


NODE_TYPES: dict[str, type[Node]] = {
    cls.__name__: cls
    for cls in (
        Text, Comment, Entity, HorizontalRule, Signature, BehaviorSwitch, MagicLink, Bold, Italic,
        Attribute, Tag, ExtensionTag, WikiLink, ImageOption, FileLink, Category, LanguageLink,
        ExternalLink, Redirect, Parameter, Template, ParserFunction, Variable, Argument,
        Transclusion, Heading,
        Paragraph, ParagraphBreak, Preformatted, ListItem, List, TableCell, TableRow,
        TableCaption, Table, EditMarker, Navigation, Boilerplate, Document,
    )
}

__all__ = [
    "Argument", "Attribute", "BOOKKEEPING_FIELDS", "Dialect", "ExternalLinkKind", "FLAGS",
    "FileFormat", "ImageOptionKind", "ItemKind", "ListKind", "Matches", "Severity", "TagKind", "BehaviorSwitch", "Bold", "Boilerplate",
    "Category", "Comment", "Diagnostic", "Document", "EditMarker", "Entity", "ExtensionTag",
    "ExternalLink", "FileLink", "GridCell", "Heading", "HorizontalRule", "ImageOption", "Italic",
    "LanguageLink", "List", "ListItem", "MagicLink", "NODE_TYPES", "Navigation", "Node",
    "Paragraph", "ParagraphBreak", "Parameter", "ParserFunction", "Preformatted", "Redirect",
    "Section", "Signature", "Span", "Table", "TableCaption", "TableCell", "TableRow", "Tag",
    "Template", "Text", "Transclusion", "Variable", "Visitor", "WikiLink", "WikitextWriter", "attach_source",
    "canonical_wikitext", "node_fields", "plain_title", "sections", "write_wikitext",
]
