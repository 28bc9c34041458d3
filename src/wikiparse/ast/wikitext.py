"""Writing a tree back as wikitext: the one serialiser, behind ``str(node)`` and the wikitext
emitter (:class:`wikiparse.emitters.wikitext.WikitextEmitter` adds render rules and options).

Every node that needs no writing is copied from its source by span, so an unedited tree comes
back byte for byte.  A node needs writing when it was edited (``dirty``), built by hand (no
source to copy from), or holds such a node.  It is then written in one of three ways:

* **new nodes** (built by hand, or inserted by an edit: dirty with a zero-width span at the place
  they were inserted) are written canonically from their fields (``[[Target|label]]``,
  ``{{Name|a=b}}``...);
* **framed nodes** whose own fields an edit may change (templates, wiki links, categories) are written from their fields, reusing the written form of every unchanged part
  (a template's parameters, a link's target as written) and copying clean children by span;
* **containers** (the document, paragraphs, lists, tables, tags...) are written as the source
  text of the gaps between their children, with the children written in turn.  A removed child
  leaves an empty :class:`~wikiparse.ast.Text` covering its old span so the gaps stay right.
"""

from __future__ import annotations

from typing import Sequence

from .document import (
    Boilerplate, Document, List, ListItem, Navigation, Paragraph, ParagraphBreak, Preformatted,
)
from .tables import Table, TableCaption, TableCell, TableRow
from .nodes import (
    Argument, Attribute, BehaviorSwitch, Bold, Category, Comment, EditMarker, Entity,
    ExtensionTag, ExternalLink, FileLink, Heading, HorizontalRule, ImageOption, Italic,
    LanguageLink, MagicLink, Node, Parameter, ParserFunction, Redirect, Signature, Tag, Template,
    Text, Variable, WikiLink,
)
from .visitor import Visitor

__all__ = ["WikitextWriter", "canonical_wikitext", "write_wikitext"]

#: node types that stand on their own line(s) when inserted into a block container
BLOCK_TYPES: tuple[type[Node], ...] = (
    Heading, Paragraph, List, Table, Preformatted, HorizontalRule, Redirect,
)
#: containers whose children are blocks (an inserted block gets its own line)
BLOCK_CONTAINERS: tuple[type[Node], ...] = (Document,)


class WikitextWriter(Visitor[str]):
    """Writes nodes as wikitext.

    ``source`` is the text spans index for nodes that cannot reach theirs (no ``origin``);
    ``strict`` makes such a node with a non-empty span an error instead of writing it from its
    fields; ``canonical`` writes every node from its fields, copying nothing.
    """

    def __init__(self, source: str | None = None, *, strict: bool = False,
                 canonical: bool = False) -> None:
        super().__init__()
        self.fallback_source = source
        self.strict = strict
        self.canonical = canonical
        self._root_source: str | None = source
        self._marked: set[int] = set()

    # ---- driver

    def write(self, node: Node) -> str:
        """The wikitext of ``node`` (and everything under it)."""
        root_source = self.fallback_source
        if root_source is None and node.origin is None and isinstance(node, Document):
            root_source = node.source or None  # a Document built by hand around its source
        self._root_source = root_source
        self._marked = self._to_write(node)
        return self.part(node)

    def part(self, node: Node) -> str:
        """The wikitext of a node of the tree being written: copied, or written by its visitor."""
        if id(node) not in self._marked:
            return self.copy(node)
        return self.visit(node)

    def parts(self, nodes: Sequence[Node] | None) -> str:
        return "".join([self.part(n) for n in nodes or ()])

    def origin(self, node: Node) -> str | None:
        """The text ``node``'s span indexes, or None when it has none to copy from."""
        if node.origin is not None:
            return node.origin
        if node.span[0] != node.span[1]:
            return self._root_source
        return None

    def is_new(self, node: Node) -> bool:
        """Written from its fields: built by hand, or inserted by an edit (dirty, zero-width)."""
        if self.canonical:
            return True
        return (node.dirty and node.span[0] == node.span[1]) or self.origin(node) is None

    def unchanged(self, node: Node) -> bool:
        """Neither edited nor new: written only because something under it is (or because a
        render rule wants its nodes), so its own markup is copied."""
        return not node.dirty and not self.is_new(node)

    def copy(self, node: Node) -> str:
        if isinstance(node, Text):
            return node.value
        if isinstance(node, Document) and node.source:
            return node.source
        source = self.origin(node)
        assert source is not None  # nodes without a source are always written
        return source[node.span[0] : node.span[1]]

    def _needs_writing(self, node: Node, overridden: tuple[type[Node], ...]) -> bool:
        if self.canonical or (overridden and isinstance(node, overridden)):
            return True
        if isinstance(node, Text):
            return False
        if node.dirty:
            return True
        if self.origin(node) is None:
            if self.strict and node.span[0] != node.span[1]:
                raise ValueError(
                    f"{type(node).__name__} at {node.span} cannot reach the source its span "
                    "indexes; pass the document's source: to_wikitext(node, source)")
            return True
        return False

    def _to_write(self, root: Node) -> set[int]:
        """Ids of the nodes that are written rather than copied: those needing it and every
        node above one (one pass over the tree)."""
        order: list[Node] = []
        parents: list[int] = []
        stack: list[tuple[Node, int]] = [(root, -1)]
        while stack:
            node, parent = stack.pop()
            index = len(order)
            order.append(node)
            parents.append(parent)
            for name in node.CHILD_FIELDS:
                value = getattr(node, name)
                if isinstance(value, list):
                    stack.extend((child, index) for child in value)
                elif value is not None:
                    stack.append((value, index))
        marked: set[int] = set()
        overridden = self.overridden_types()
        for index, node in enumerate(order):
            if self._needs_writing(node, overridden):
                j = index
                while j >= 0 and id(order[j]) not in marked:
                    marked.add(id(order[j]))
                    j = parents[j]
        return marked

    # ---- containers: the source text of the gaps between children

    def generic_visit(self, node: Node) -> str:
        if self.is_new(node):
            return "".join(self.part(c) for c in node.child_nodes())
        return self.gaps(node)

    def gaps(self, node: Node) -> str:
        """Children written, the text between them (and around them) copied from the source."""
        source = self.origin(node) or ""
        out: list[str] = []
        pos = node.span[0]
        block_container = isinstance(node, BLOCK_CONTAINERS)
        kids = list(node.child_nodes())
        for i, child in enumerate(kids):
            start = max(child.span[0], pos)
            out.append(source[pos:start])
            piece = self.part(child)
            if block_container and self.is_new(child) and piece:
                so_far = "".join(out)
                prev = kids[i - 1] if i else None
                nxt = kids[i + 1] if i + 1 < len(kids) else None
                if so_far and not so_far.endswith("\n"):
                    piece = "\n" + piece
                if so_far and _paragraphs(prev, child) and not so_far.endswith("\n\n"):
                    piece = "\n" + piece
                following = source[max(child.span[1], start) : (nxt.span[0] if nxt else node.span[1])]
                if (nxt is not None or following) and not following.startswith("\n"):
                    piece += "\n"
                if _paragraphs(child, nxt) and not following.startswith("\n\n"):
                    piece += "\n"
            out.append(piece)
            pos = max(child.span[1], start)
        out.append(source[pos : node.span[1]])
        return "".join(out)

    # ---- leaves: copied unless edited

    def visit_Text(self, node: Text) -> str:
        return node.value

    def visit_Comment(self, node: Comment) -> str:
        if self.unchanged(node):
            return self.copy(node)
        return "<!--" + node.value + ("-->" if node.closed else "")

    def visit_Entity(self, node: Entity) -> str:
        if self.unchanged(node):
            return self.copy(node)
        return node.raw

    def visit_HorizontalRule(self, node: HorizontalRule) -> str:
        if self.unchanged(node):
            return self.copy(node)
        return "----"

    def visit_Signature(self, node: Signature) -> str:
        if self.unchanged(node):
            return self.copy(node)
        return "~" * node.tildes

    def visit_BehaviorSwitch(self, node: BehaviorSwitch) -> str:
        if self.unchanged(node):
            return self.copy(node)
        return "__" + node.name + "__"

    def visit_MagicLink(self, node: MagicLink) -> str:
        if self.unchanged(node):
            return self.copy(node)
        return node.kind + " " + node.value

    def visit_EditMarker(self, node: EditMarker) -> str:
        if self.unchanged(node):
            return self.copy(node)
        return "[" + node.label + "]"

    def visit_Navigation(self, node: Navigation) -> str:
        if self.unchanged(node):
            return self.copy(node)
        return node.label + ": " + " - ".join(node.items)

    def visit_Boilerplate(self, node: Boilerplate) -> str:
        if self.unchanged(node):
            return self.copy(node)
        return node.text

    def visit_Variable(self, node: Variable) -> str:
        if self.unchanged(node):
            return self.copy(node)
        return "{{" + node.name + "}}"

    def visit_LanguageLink(self, node: LanguageLink) -> str:
        if self.unchanged(node):
            return self.copy(node)
        return "[[" + node.target + "]]"

    # ---- framed nodes: own fields written out, unchanged written parts reused

    def visit_Template(self, node: Template) -> str:
        if self.unchanged(node):
            return self.gaps(node)
        name = self.parts(node.name_nodes) if node.name_nodes else node.name
        return "{{" + name + "".join("|" + self.part(p) for p in node.params) + "}}"

    def visit_Parameter(self, node: Parameter) -> str:
        if not self.is_new(node):
            return self.gaps(node)
        value = self.parts(node.value)
        if not node.showkey:
            return value
        name = self.parts(node.name_nodes) if node.name_nodes else node.name
        return name + "=" + value

    def _written(self, node: Node, start: int, end: int, field_value: str) -> str:
        """The source text ``[start:end)`` when its trimmed form is still ``field_value`` (the
        field was not edited), else ``field_value`` with the written surrounding whitespace."""
        source = None if self.is_new(node) else self.origin(node)
        if source is not None and 0 <= start <= end <= len(source):
            region = source[start:end]
            if region.strip() == field_value:
                return region
            if region.strip():
                lead = region[: len(region) - len(region.lstrip())]
                trail = region[len(region.rstrip()) :]
                return lead + field_value + trail
        return field_value

    def visit_WikiLink(self, node: WikiLink) -> str:
        if self.unchanged(node):
            return self.gaps(node)
        start, end = node.span
        if node.has_text:
            label_start = label_position(node, node.trail)
            target = self._written(node, start + 2, label_start - 1, node.target)
            return "[[" + target + "|" + self.parts(node.children) + "]]" + node.trail
        target = self._written(node, start + 2, end - 2 - len(node.trail), node.target)
        return "[[" + target + "]]" + node.trail

    def visit_Category(self, node: Category) -> str:
        if self.unchanged(node):
            return self.gaps(node)
        start, end = node.span
        if node.sort_key is not None:
            label_start = label_position(node, "")
            target = self._written(node, start + 2, label_start - 1, node.target)
            if node.children and not any(self.is_new(c) for c in node.children):
                key = self.parts(node.children)
            elif node.children and self.is_new(node):
                key = self.parts(node.children)
            else:
                key = node.sort_key
            return "[[" + target + "|" + key + "]]"
        return "[[" + self._written(node, start + 2, end - 2, node.target) + "]]"

    # ---- the other nodes: the gaps when they were parsed, canonical when new

    def _attrs(self, attrs: list[Attribute]) -> str:
        return "".join(" " + self.part(a) for a in attrs)

    def visit_Bold(self, node: Bold) -> str:
        return "'''" + self.parts(node.children) + "'''" if self.is_new(node) else self.gaps(node)

    def visit_Italic(self, node: Italic) -> str:
        return "''" + self.parts(node.children) + "''" if self.is_new(node) else self.gaps(node)

    def visit_Attribute(self, node: Attribute) -> str:
        if not self.is_new(node):
            return self.gaps(node)
        if not node.name:
            return self.parts(node.children)
        if node.value is None:
            return node.name
        q = node.quote or ('"' if not node.value or " " in node.value else "")
        return f"{node.name}={q}{node.value}{q}"

    def visit_Tag(self, node: Tag) -> str:
        if not self.is_new(node):
            return self.gaps(node)
        if node.kind == "stray-close":
            return f"</{node.name}>"
        opening = "<" + node.name + self._attrs(node.attrs) + (" />" if node.self_closing else ">")
        if node.kind == "void":
            return opening
        return opening + self.parts(node.children) + (f"</{node.name}>" if node.kind == "paired" else "")

    def visit_ExtensionTag(self, node: ExtensionTag) -> str:
        if not self.is_new(node):
            return self.gaps(node)
        opening = "<" + node.name + self._attrs(node.attrs)
        if node.content is None and not node.children:
            return opening + " />"
        inner = self.parts(node.children) if node.children else (node.content or "")
        return opening + ">" + inner + (f"</{node.name}>" if node.closed else "")

    def visit_ImageOption(self, node: ImageOption) -> str:
        if not self.is_new(node):
            return self.gaps(node)
        if node.children:
            return self.parts(node.children)
        if node.kind in ("format", "halign", "valign", "other", "caption", "size") or not node.name:
            return node.value
        return f"{node.name}={node.value}"

    def visit_FileLink(self, node: FileLink) -> str:
        if not self.is_new(node):
            return self.gaps(node)
        return ("[[" + node.target + "".join("|" + self.part(o) for o in node.options) + "]]"
                + node.trail)

    def visit_ExternalLink(self, node: ExternalLink) -> str:
        if not self.is_new(node):
            return self.gaps(node)
        if node.kind == "free":
            return node.url
        if node.kind == "autonumber" or not node.children:
            return "[" + node.url + "]"
        return "[" + node.url + " " + self.parts(node.children) + "]"

    def visit_Redirect(self, node: Redirect) -> str:
        if not self.is_new(node):
            return self.gaps(node)
        return "#REDIRECT " + (self.part(node.link) if node.link else "[[" + node.target + "]]")

    def visit_ParserFunction(self, node: ParserFunction) -> str:
        if not self.is_new(node):
            return self.gaps(node)
        args = [self.part(a) for a in node.args]
        first = (":" + args[0]) if args else ""
        return "{{" + node.name + first + "".join("|" + a for a in args[1:]) + "}}"

    def visit_Argument(self, node: Argument) -> str:
        if not self.is_new(node):
            return self.gaps(node)
        name = self.parts(node.name_nodes) if node.name_nodes else node.name
        default = "|" + self.parts(node.default) if node.default is not None else ""
        return "{{{" + name + default + "}}}"

    def visit_Heading(self, node: Heading) -> str:
        if not self.is_new(node):
            return self.gaps(node)
        marks = "=" * node.level
        return marks + self.parts(node.children) + marks

    def visit_ParagraphBreak(self, node: ParagraphBreak) -> str:
        return self.gaps(node) if not self.is_new(node) else "\n"

    def visit_Preformatted(self, node: Preformatted) -> str:
        if not self.is_new(node):
            return self.gaps(node)
        return "\n".join(" " + line for line in self.parts(node.children).split("\n"))

    def visit_ListItem(self, node: ListItem) -> str:
        if not self.is_new(node):
            return self.gaps(node)
        parts = [node.marker]
        for child in node.children:
            if isinstance(child, List):
                parts.append("\n")
            parts.append(self.part(child))
        return "".join(parts)

    def visit_List(self, node: List) -> str:
        if not self.is_new(node):
            return self.gaps(node)
        return "\n".join(self.part(i) for i in node.items)

    def visit_TableCell(self, node: TableCell) -> str:
        if not self.is_new(node):
            return self.gaps(node)
        head = "!" if node.header else "|"
        attrs = self._attrs(node.attrs).strip()
        return head + (attrs + " |" if attrs else "") + self.parts(node.children)

    def visit_TableRow(self, node: TableRow) -> str:
        if not self.is_new(node):
            return self.gaps(node)
        cells = "\n".join(self.part(c) for c in node.cells)
        if node.implicit:
            return cells
        return "|-" + self._attrs(node.attrs) + ("\n" + cells if cells else "")

    def visit_TableCaption(self, node: TableCaption) -> str:
        if not self.is_new(node):
            return self.gaps(node)
        attrs = self._attrs(node.attrs).strip()
        return "|+" + (attrs + " |" if attrs else "") + self.parts(node.children)

    def visit_Table(self, node: Table) -> str:
        if not self.is_new(node):
            return self.gaps(node)
        lines = ["{|" + self._attrs(node.attrs)]
        if node.prelude:
            lines.append(self.parts(node.prelude))
        if node.caption is not None:
            lines.append(self.part(node.caption))
        lines.extend(self.part(r) for r in node.rows)
        if node.closed:
            lines.append("|}")
        return "\n".join(lines)

    def visit_Document(self, node: Document) -> str:
        if not self.is_new(node):
            return self.gaps(node)
        out: list[str] = []
        prev: Node | None = None
        for child in node.children:
            if prev is not None:
                out.append("\n\n" if _paragraphs(prev, child) else "\n")
            out.append(self.part(child))
            prev = child
        return "".join(out)


def label_position(node: WikiLink | Category, trail: str) -> int:
    """Where a link's label starts (after the ``|``) in the source."""
    if node.children:
        return node.children[0].span[0]
    return node.span[1] - 2 - len(trail)


def _paragraphs(a: Node | None, b: Node | None) -> bool:
    """Two paragraphs next to each other (they need a blank line between them)."""
    return isinstance(a, Paragraph) and isinstance(b, Paragraph)


def write_wikitext(node: Node) -> str:
    """``str(node)``: the wikitext of ``node``, copied where unedited, written where edited."""
    return WikitextWriter().write(node)


def canonical_wikitext(node: Node) -> str:
    """The canonical wikitext of a node, written from its fields alone (nothing is copied from
    a source; the tree is not changed)."""
    return WikitextWriter(canonical=True).write(node)


Node.write_wikitext = write_wikitext
