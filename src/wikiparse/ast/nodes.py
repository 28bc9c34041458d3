"""The node classes: the base :class:`Node` (span, children, walk and filter), leaves, inline
containers, links, transclusions and headings.  Blocks and the document are in
:mod:`wikiparse.ast.document`; both are re-exported by :mod:`wikiparse.ast`.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field
from typing import Callable, ClassVar, Iterator, TypeVar

from .kinds import ExternalLinkKind, FileFormat, ImageOptionKind, TagKind
from .search import FLAGS, Matches, candidates, matcher

Span = tuple[int, int]
N = TypeVar("N", bound="Node")


@dataclass(slots=True, eq=False)
class Node:
    """Base class: a ``[start, end)`` source span; subclasses declare their child fields.

    ``str(node)`` is the node's wikitext: the source text under its span when the node is
    unedited, written from its fields when it was edited or built by hand (see
    :mod:`wikiparse.ast.wikitext`).  ``repr(node)`` is the debugging view.
    """

    span: Span
    #: names of fields holding child nodes (a Node, a list of Nodes, or None), in document order
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ()
    #: a layout container (paragraph, list...), not a construct: recursive=False looks through it
    LAYOUT: ClassVar[bool] = False
    #: set by the editing API when a node must be re-serialised instead of copied from the source
    dirty: bool = field(default=False, kw_only=True, repr=False, compare=False)
    #: the text ``span`` indexes (the document's source), set when the tree is built
    #: (:func:`attach_source`); None for a node built by hand
    origin: str | None = field(default=None, kw_only=True, repr=False, compare=False)
    #: writes a node as wikitext; installed by :mod:`wikiparse.ast.wikitext` (it needs every class)
    write_wikitext: ClassVar[Callable[[Node], str]]

    def __str__(self) -> str:
        return Node.write_wikitext(self)

    @property
    def start(self) -> int:
        return self.span[0]

    @property
    def end(self) -> int:
        return self.span[1]

    @property
    def type(self) -> str:
        return type(self).__name__

    def child_nodes(self) -> Iterator[Node]:
        """Direct children in document order."""
        for name in self.CHILD_FIELDS:
            value = getattr(self, name)
            if value is None:
                continue
            if isinstance(value, Node):
                yield value
            else:
                yield from value

    def walk(self) -> Iterator[Node]:
        """This node and all its descendants in document (pre-)order; iterative, no recursion."""
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            yield node
            kids = list(node.child_nodes())
            kids.reverse()
            stack.extend(kids)

    def ifilter(self, kind: builtins.type[N] | tuple[builtins.type[N], ...] | None = None, *,
                recursive: bool = True, matches: Matches = None, flags: int = FLAGS,
                forcetype: builtins.type[N] | None = None) -> Iterator[N]:
        """Descendants that are instances of ``kind`` (or ``forcetype``), in document order.
        ``recursive=False``: only this node's own constructs (its children, looking through
        paragraphs and lists, not into templates or links).  ``matches``: a regex searched (with
        ``flags``) in each node's normalised name (a template's name...), or a predicate."""
        wanted = kind if kind is not None else forcetype
        predicate = matcher(matches, flags)
        for node in candidates(self, recursive):
            if (wanted is None or isinstance(node, wanted)) and (predicate is None or predicate(node)):
                yield node

    def filter(self, kind: builtins.type[N] | tuple[builtins.type[N], ...] | None = None, *,
               recursive: bool = True, matches: Matches = None, flags: int = FLAGS,
               forcetype: builtins.type[N] | None = None) -> list[N]:
        """The list of :meth:`ifilter`."""
        return list(self.ifilter(kind, recursive=recursive, matches=matches, flags=flags,
                                 forcetype=forcetype))

    def ifilter_templates(self, *, recursive: bool = True, matches: Matches = None,
                  flags: int = FLAGS) -> Iterator[Template]:
        return self.ifilter(Template, recursive=recursive, matches=matches, flags=flags)

    def filter_templates(self, *, recursive: bool = True, matches: Matches = None,
                 flags: int = FLAGS) -> list[Template]:
        return list(self.ifilter(Template, recursive=recursive, matches=matches, flags=flags))

    def ifilter_wikilinks(self, *, recursive: bool = True, matches: Matches = None,
                  flags: int = FLAGS) -> Iterator[WikiLink]:
        return self.ifilter(WikiLink, recursive=recursive, matches=matches, flags=flags)

    def filter_wikilinks(self, *, recursive: bool = True, matches: Matches = None,
                 flags: int = FLAGS) -> list[WikiLink]:
        return list(self.ifilter(WikiLink, recursive=recursive, matches=matches, flags=flags))

    def ifilter_external_links(self, *, recursive: bool = True, matches: Matches = None,
                  flags: int = FLAGS) -> Iterator[ExternalLink]:
        return self.ifilter(ExternalLink, recursive=recursive, matches=matches, flags=flags)

    def filter_external_links(self, *, recursive: bool = True, matches: Matches = None,
                 flags: int = FLAGS) -> list[ExternalLink]:
        return list(self.ifilter(ExternalLink, recursive=recursive, matches=matches, flags=flags))

    def ifilter_headings(self, *, recursive: bool = True, matches: Matches = None,
                  flags: int = FLAGS) -> Iterator[Heading]:
        return self.ifilter(Heading, recursive=recursive, matches=matches, flags=flags)

    def filter_headings(self, *, recursive: bool = True, matches: Matches = None,
                 flags: int = FLAGS) -> list[Heading]:
        return list(self.ifilter(Heading, recursive=recursive, matches=matches, flags=flags))

    def ifilter_tags(self, *, recursive: bool = True, matches: Matches = None,
                  flags: int = FLAGS) -> Iterator[Tag | ExtensionTag]:
        return self.ifilter((Tag, ExtensionTag), recursive=recursive, matches=matches, flags=flags)

    def filter_tags(self, *, recursive: bool = True, matches: Matches = None,
                 flags: int = FLAGS) -> list[Tag | ExtensionTag]:
        return list(self.ifilter((Tag, ExtensionTag), recursive=recursive, matches=matches, flags=flags))

    def ifilter_text(self, *, recursive: bool = True, matches: Matches = None,
                  flags: int = FLAGS) -> Iterator[Text]:
        return self.ifilter(Text, recursive=recursive, matches=matches, flags=flags)

    def filter_text(self, *, recursive: bool = True, matches: Matches = None,
                 flags: int = FLAGS) -> list[Text]:
        return list(self.ifilter(Text, recursive=recursive, matches=matches, flags=flags))

    def ifilter_comments(self, *, recursive: bool = True, matches: Matches = None,
                  flags: int = FLAGS) -> Iterator[Comment]:
        return self.ifilter(Comment, recursive=recursive, matches=matches, flags=flags)

    def filter_comments(self, *, recursive: bool = True, matches: Matches = None,
                 flags: int = FLAGS) -> list[Comment]:
        return list(self.ifilter(Comment, recursive=recursive, matches=matches, flags=flags))

    def ifilter_arguments(self, *, recursive: bool = True, matches: Matches = None,
                  flags: int = FLAGS) -> Iterator[Argument]:
        return self.ifilter(Argument, recursive=recursive, matches=matches, flags=flags)

    def filter_arguments(self, *, recursive: bool = True, matches: Matches = None,
                 flags: int = FLAGS) -> list[Argument]:
        return list(self.ifilter(Argument, recursive=recursive, matches=matches, flags=flags))

    def ifilter_html_entities(self, *, recursive: bool = True, matches: Matches = None,
                  flags: int = FLAGS) -> Iterator[Entity]:
        return self.ifilter(Entity, recursive=recursive, matches=matches, flags=flags)

    def filter_html_entities(self, *, recursive: bool = True, matches: Matches = None,
                 flags: int = FLAGS) -> list[Entity]:
        return list(self.ifilter(Entity, recursive=recursive, matches=matches, flags=flags))


# --------------------------------------------------------------------------- leaves


@dataclass(slots=True, eq=False)
class Text(Node):
    """Literal text (markup that did not form a construct is text too)."""

    value: str = ""


@dataclass(slots=True, eq=False)
class Comment(Node):
    """``<!-- ... -->``; ``value`` is the inner text; ``closed`` is False when it runs to the end.
    A comment inside a construct's markup (``[<!---->[t]]``) is part of that markup, not a node
    (see "Comments inside markup")."""

    value: str = ""
    closed: bool = True


@dataclass(slots=True, eq=False)
class Entity(Node):
    """An HTML character reference: ``raw`` as written (``&amp;``), ``char`` the decoded text."""

    raw: str = ""
    char: str = ""


@dataclass(slots=True, eq=False)
class HorizontalRule(Node):
    """``----`` at the start of a line."""


@dataclass(slots=True, eq=False)
class Signature(Node):
    """``~~~`` (name), ``~~~~`` (name and date), ``~~~~~`` (date): ``tildes`` is 3, 4 or 5."""

    tildes: int = 4


@dataclass(slots=True, eq=False)
class BehaviorSwitch(Node):
    """``__TOC__``, ``__NOTOC__`` ...: ``name`` without underscores, upper-case."""

    name: str = ""


@dataclass(slots=True, eq=False)
class MagicLink(Node):
    """``ISBN 978-...``, ``RFC 1234``, ``PMID 123``: ``kind`` and the normalised ``value``."""

    kind: str = ""
    value: str = ""
    url: str = ""


# --------------------------------------------------------------------------- inline containers


@dataclass(slots=True, eq=False)
class Bold(Node):
    children: list[Node] = field(default_factory=list)
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("children",)


@dataclass(slots=True, eq=False)
class Italic(Node):
    children: list[Node] = field(default_factory=list)
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("children",)


@dataclass(slots=True, eq=False)
class Attribute(Node):
    """One attribute of an HTML/extension tag or table markup.

    ``value`` is the raw value without quotes (None for a bare attribute); ``quote`` is the quote
    character used (``"``, ``'`` or ``""`` for unquoted).  An attribute with an empty ``name``
    holds constructs that stood between attributes (a template generating several of them).
    """

    name: str = ""
    value: str | None = None
    quote: str = ""
    #: constructs written inside the attribute (templates, comments), when any
    children: list[Node] = field(default_factory=list)
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("children",)


def _attr_value(attrs: list[Attribute], name: str) -> str | None:
    wanted = name.lower()
    for a in attrs:
        if a.name.lower() == wanted:
            return a.value if a.value is not None else ""
    return None


@dataclass(slots=True, eq=False)
class Tag(Node):
    """An HTML tag after balancing.

    ``kind``: ``"paired"`` (``<b>..</b>``), ``"void"`` (``<br>``, ``<hr/>``), ``"unclosed"`` (an open
    tag whose content runs to the end of its container), ``"implied"`` (an end tag HTML lets one
    omit: ``<li>`` ended by the next ``<li>``), ``"stray-close"`` (``</b>`` with no opener;
    MediaWiki shows it as text).  ``self_closing`` records a written ``/>``.
    """

    name: str = ""
    attrs: list[Attribute] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    kind: TagKind = "paired"
    self_closing: bool = False
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("attrs", "children")

    @property
    def closed(self) -> bool:
        return self.kind in ("paired", "void", "implied")

    def get_attr(self, name: str) -> str | None:
        """Value of attribute ``name`` ("" for a bare attribute), or None."""
        return _attr_value(self.attrs, name)


@dataclass(slots=True, eq=False)
class ExtensionTag(Node):
    """A parser-extension tag (``<ref>``, ``<nowiki>``, ``<math>``, ``<gallery>`` ...).

    ``content``: the raw inner text (None if self-closing); ``children``: the parsed content of
    *parsed* tags (``ref``, ``noinclude``, ``includeonly``...), empty for raw ones (``nowiki``...).
    ``closed``: False for an include directive run to the end of the text (``<noinclude>x``).
    """

    name: str = ""
    attrs: list[Attribute] = field(default_factory=list)
    content: str | None = None
    children: list[Node] = field(default_factory=list)
    closed: bool = True
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("attrs", "children")

    def get_attr(self, name: str) -> str | None:
        """Value of attribute ``name`` ("" for a bare attribute), or None."""
        return _attr_value(self.attrs, name)


# --------------------------------------------------------------------------- links


@dataclass(slots=True, eq=False)
class WikiLink(Node):
    """``[[target#fragment|text]]trail``.

    ``target`` is the link target as written (trimmed, without comments); ``title`` its normalised page title
    (namespace name canonical, first letter upper-case, underscores as spaces); ``namespace`` the
    namespace number; ``interwiki`` the interwiki prefix (``wikt`` in ``[[wikt:foo]]``) or None;
    ``children`` the label nodes (empty when there is no ``|``); ``trail`` the letters glued after
    ``]]`` that MediaWiki pulls into the label (``[[bus]]es``).
    """

    target: str = ""
    title: str = ""
    namespace: int = 0
    fragment: str | None = None
    interwiki: str | None = None
    children: list[Node] = field(default_factory=list)
    has_text: bool = False
    trail: str = ""
    leading_colon: bool = False
    #: the target's nodes when it holds constructs (``[[Città d{{v}}o]]``); empty otherwise
    target_nodes: list[Node] = field(default_factory=list)
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("target_nodes", "children")


@dataclass(slots=True, eq=False)
class ImageOption(Node):
    """One ``|``-separated option of a file link.

    ``kind``: format (thumb/frame/frameless/border value in ``value``), size, halign, valign,
    upright, link, alt, page, class, lang, caption, other (an option word the site knows but
    wikiparse does not use, or a caption that lost to a later one).  ``children`` keeps parsed
    nodes of the option's value where they matter (captions, alt text).
    """

    kind: ImageOptionKind = "other"
    name: str = ""
    value: str = ""
    children: list[Node] = field(default_factory=list)
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("children",)


@dataclass(slots=True, eq=False)
class FileLink(Node):
    """``[[File:Name.jpg|thumb|200px|left|alt=..|Caption]]`` and ``[[Media:..]]``.

    The typed fields summarise ``options`` (every option as written, in order).  ``caption`` is the
    last unrecognised option (MediaWiki's rule) with its nodes parsed; ``is_media`` is True for the
    Media: namespace (a direct link to the file).
    """

    target: str = ""
    title: str = ""
    name: str = ""
    namespace: int = 6
    is_media: bool = False
    options: list[ImageOption] = field(default_factory=list)
    caption: list[Node] | None = None
    format: FileFormat | None = None
    border: bool = False
    width: int | None = None
    height: int | None = None
    align: str | None = None
    valign: str | None = None
    upright: float | None = None
    link: str | None = None
    alt: str | None = None
    page: str | None = None
    css_class: str | None = None
    lang: str | None = None
    trail: str = ""
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("options",)


@dataclass(slots=True, eq=False)
class Category(Node):
    """``[[Category:Name|sort key]]``: ``name`` without namespace, ``sort_key`` or None."""

    target: str = ""
    title: str = ""
    name: str = ""
    sort_key: str | None = None
    children: list[Node] = field(default_factory=list)
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("children",)


@dataclass(slots=True, eq=False)
class LanguageLink(Node):
    """Interlanguage link ``[[de:Berlin]]``: shown in the sidebar, not in the text."""

    lang: str = ""
    title: str = ""
    target: str = ""


@dataclass(slots=True, eq=False)
class ExternalLink(Node):
    """``[http://x text]`` (``kind="bracketed"``), ``[http://x]`` (``"autonumber"``), or a bare
    URL in text (``"free"``)."""

    url: str = ""
    kind: ExternalLinkKind = "bracketed"
    children: list[Node] = field(default_factory=list)
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("children",)


@dataclass(slots=True, eq=False)
class Redirect(Node):
    """``#REDIRECT [[Target]]`` at the start of a page; ``link`` is the parsed link."""

    target: str = ""
    link: WikiLink | None = None
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("link",)


# --------------------------------------------------------------------------- transclusion


@dataclass(slots=True, eq=False)
class Parameter(Node):
    """A template or parser-function argument: ``name=value`` or a positional ``value``.

    ``name`` is the trimmed name (for positional ones, the implied number as a string);
    ``showkey`` tells whether the name was written.  ``value`` holds the value's nodes;
    ``name_nodes`` the nodes of a written name.
    """

    name: str = ""
    showkey: bool = False
    name_nodes: list[Node] = field(default_factory=list)
    value: list[Node] = field(default_factory=list)
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("name_nodes", "value")

    def value_text(self, source: str | None = None) -> str:
        """The value's wikitext (trimmed when named, as MediaWiki does).  ``source`` is only
        needed for nodes that cannot reach their document's source (see :class:`Node`)."""
        if source is None:
            text = "".join([str(n) for n in self.value])
        else:
            text = "".join([n.value if isinstance(n, Text) else source[n.span[0] : n.span[1]]
                            for n in self.value])
        return text.strip() if self.showkey else text


@dataclass(slots=True, eq=False)
class Template(Node):
    """``{{Name|a|b=c}}``: ``name`` trimmed and normalised (first letter upper, ``_`` as space);
    ``name_nodes`` keep the written name's nodes (it may itself contain templates)."""

    name: str = ""
    name_nodes: list[Node] = field(default_factory=list)
    params: list[Parameter] = field(default_factory=list)
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("name_nodes", "params")

    def has(self, name: str | int) -> bool:
        """Whether a parameter ``name`` is there (positional ones answer to "1", "2"...)."""
        return self.get_param(name) is not None

    def get(self, name: str | int) -> Parameter:
        """The parameter named ``name`` (positional ones answer to "1", "2"...); the last one
        wins when a name repeats, as in MediaWiki.  Raises ValueError when there is none, as
        mwparserfromhell does (:meth:`get_param` returns a default instead)."""
        found = self.get_param(name)
        if found is None:
            raise ValueError(f"{self.name!r} has no parameter {str(name).strip()!r}")
        return found

    def get_param(self, name: str | int, default: Parameter | None = None) -> Parameter | None:
        """The parameter named ``name``, or ``default`` when there is none."""
        key = str(name).strip()
        found = default
        for p in self.params:
            if p.name == key:
                found = p
        return found


@dataclass(slots=True, eq=False)
class ParserFunction(Node):
    """``{{#if:a|b|c}}``, ``{{lc:X}}``: ``name`` (``#if``, ``lc``); ``args`` (the text after the
    colon is the first argument)."""

    name: str = ""
    args: list[Parameter] = field(default_factory=list)
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("args",)


@dataclass(slots=True, eq=False)
class Variable(Node):
    """A magic-word variable such as ``{{PAGENAME}}`` or ``{{CURRENTYEAR}}``."""

    name: str = ""


@dataclass(slots=True, eq=False)
class Argument(Node):
    """A template argument ``{{{name|default}}}``."""

    name: str = ""
    name_nodes: list[Node] = field(default_factory=list)
    default: list[Node] | None = None
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("name_nodes", "default")


@dataclass(slots=True, eq=False)
class Transclusion(Node):
    """In an expanded document (``wikiparse.expand``): the nodes one top-level template or
    parser-function call produced.  ``target`` is the call's name as written, ``call`` its
    wikitext and ``call_span`` its span in the *unexpanded* page; ``children`` (spans in the
    expanded text) are what the call expanded to, as Parsoid's ``mw:Transclusion`` groups them."""

    target: str = ""
    call: str = ""
    call_span: Span = (0, 0)
    children: list[Node] = field(default_factory=list)
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("children",)


# --------------------------------------------------------------------------- headings


@dataclass(slots=True, eq=False)
class Heading(Node):
    """``== Title ==``: ``level`` 1-6 as MediaWiki decides it for unbalanced ``=`` runs;
    ``children`` are the title's nodes (the surrounding spaces included, as text)."""

    level: int = 2
    children: list[Node] = field(default_factory=list)
    #: rendered-page dialect: the trailing ``[edit]`` marker, kept as its own node
    edit_marker: EditMarker | None = None
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("children", "edit_marker")

    @property
    def title(self) -> str:
        """The heading's visible text, whitespace collapsed (see :func:`plain_title`)."""
        return plain_title(self.children)


@dataclass(slots=True, eq=False)
class EditMarker(Node):
    """``[edit]``, ``[edit | edit source]``... at the end of a heading in a rendered page."""

    label: str = ""


def plain_title(nodes: list[Node], *, trim: bool = True) -> str:
    """Visible text of a heading or label, whitespace collapsed and trimmed (``trim=False``: as
    written): text, entities and the labels of links; templates, comments and tags' markup
    contribute nothing but their text content."""
    parts: list[str] = []
    stack: list[Node] = list(reversed(nodes))
    while stack:
        node = stack.pop()
        if isinstance(node, Text):
            parts.append(node.value)
        elif isinstance(node, Entity):
            parts.append(node.char)
        elif isinstance(node, WikiLink):
            if node.trail:
                stack.append(Text((0, 0), value=node.trail))
            if node.has_text:
                stack.extend(reversed(node.children))
            else:
                parts.append(node.target.lstrip(":"))
        elif isinstance(node, ExternalLink):
            if node.children:
                stack.extend(reversed(node.children))
            elif node.kind == "free":
                parts.append(node.url)
        elif isinstance(node, _NO_TITLE_TEXT):
            continue
        elif isinstance(node, ExtensionTag):
            if node.name == "nowiki" and node.content is not None:
                parts.append(node.content)
            elif node.name not in ("ref", "references"):
                stack.extend(reversed(node.children))
        else:
            stack.extend(reversed(list(node.child_nodes())))
    text = "".join(parts)
    return " ".join(text.split()) if trim else text


#: constructs that contribute no text to a title
_NO_TITLE_TEXT: tuple[type[Node], ...] = (
    Comment, Template, Argument, ParserFunction, Variable, Category, LanguageLink, FileLink,
    BehaviorSwitch, EditMarker,
)
