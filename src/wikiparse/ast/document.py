"""Block nodes (paragraphs, lists, tables), the rendered-page dialect's page-level nodes, the
:class:`Document` and its :class:`Section` views."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Iterable

from .kinds import Dialect, ItemKind, ListKind, Severity
from .search import FLAGS
from .gallery import gallery_lines
from .nodes import (
    Attribute, Category, ExtensionTag, FileLink, Heading, LanguageLink, Node, Redirect, Span,
    plain_title,
)
from .tables import GridCell, Table, TableCaption, TableCell, TableRow

if TYPE_CHECKING:
    from ..config import SiteConfig


@dataclass(slots=True)
class Diagnostic:
    """A problem found in the input (never an exception): code, human message, source span.

    ``severity`` is ``"info"`` (input that MediaWiki also treats as text, e.g. an unclosed
    ``[[``), ``"warning"`` (a limit was hit and a construct degraded to text) or ``"internal"``
    (a parser invariant failed; always a bug in wikiparse).
    """

    code: str
    message: str
    span: Span
    severity: Severity = "info"


# --------------------------------------------------------------------------- blocks

@dataclass(slots=True, eq=False)
class Paragraph(Node):
    """A paragraph as MediaWiki's block pass forms it.  ``children`` may contain
    :class:`ParagraphBreak` nodes where blank lines produce ``<br>``."""

    LAYOUT: ClassVar[bool] = True

    children: list[Node] = field(default_factory=list)
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("children",)


@dataclass(slots=True, eq=False)
class ParagraphBreak(Node):
    """The ``<br>`` MediaWiki emits for a run of blank lines inside paragraph flow; its span is
    the blank line(s) that caused it."""


@dataclass(slots=True, eq=False)
class Preformatted(Node):
    """Lines starting with a space (MediaWiki's indent-pre); the leading spaces are markup."""

    LAYOUT: ClassVar[bool] = True

    children: list[Node] = field(default_factory=list)
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("children",)


@dataclass(slots=True, eq=False)
class ListItem(Node):
    """One item: ``kind`` is ``li``, ``dt`` or ``dd``; ``marker`` is the whole prefix written on
    its line (``*#:``); ``children`` the item's inline content followed by any nested lists."""

    LAYOUT: ClassVar[bool] = True

    kind: ItemKind = "li"
    marker: str = ""
    children: list[Node] = field(default_factory=list)
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("children",)


@dataclass(slots=True, eq=False)
class List(Node):
    """A list: ``kind`` is ``ul`` (``*``), ``ol`` (``#``) or ``dl`` (``;`` / ``:``)."""

    LAYOUT: ClassVar[bool] = True

    kind: ListKind = "ul"
    items: list[ListItem] = field(default_factory=list)
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("items",)


# --------------------------------------------------------------------------- rendered-page dialect


@dataclass(slots=True, eq=False)
class Navigation(Node):
    """A navigation line of a rendered page: ``Navigation: a - b - c``."""

    label: str = ""
    items: list[str] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Boilerplate(Node):
    """Site chrome of a rendered page (``kind``: tagline, jump-links, toc, search, logo, ad,
    disclaimer, credits, contributors, retrieved-from, ...); ``text`` is its text."""

    kind: str = ""
    text: str = ""


# --------------------------------------------------------------------------- document


@dataclass(slots=True, eq=False)
class Document(Node):
    """The root.  ``source`` is the parsed text; ``diagnostics`` the problems found.

    ``dialect`` is ``"wikitext"`` or ``"rendered"``; ``title`` and ``tagline`` are set for rendered
    pages (a wikitext page's title is not part of its text).
    """

    LAYOUT: ClassVar[bool] = True

    source: str = ""
    children: list[Node] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    dialect: Dialect = "wikitext"
    title: str | None = None
    tagline: str | None = None
    config: SiteConfig | None = field(default=None, repr=False)
    #: parses more wikitext the way this document was parsed (set by :func:`wikiparse.parse`);
    #: emitters use it for markup the tree keeps raw (``<gallery>`` lines)
    parse_fragment: Callable[[str], Document] | None = field(default=None, repr=False,
                                                               compare=False)
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("children",)
    #: ``render(node, fmt, **options)`` of the emitter registry, for :meth:`strip_code`;
    #: installed by :mod:`wikiparse.emitters` (which ``import wikiparse`` loads)
    renderer: ClassVar[Callable[..., Any] | None] = None

    @property
    def headings(self) -> list[Heading]:
        return self.filter(Heading)

    @property
    def files(self) -> list[FileLink]:
        """Every file the page shows, in document order: its file links, and the images of its
        ``<gallery>`` tags.  The tree keeps a gallery's lines raw, so each of its images is a
        :class:`FileLink` built from its line (span: the line in the source; name and title
        only, no options), not a node of the tree: editing it changes nothing."""
        out: list[FileLink] = []
        for node in self.walk():
            if isinstance(node, FileLink):
                out.append(node)
            elif isinstance(node, ExtensionTag) and node.name.lower() == "gallery":
                out.extend(_gallery_files(node, self.config))
        return out

    @property
    def categories(self) -> list[Category]:
        return self.filter(Category)

    @property
    def language_links(self) -> list[LanguageLink]:
        return self.filter(LanguageLink)

    @property
    def redirect(self) -> Redirect | None:
        for node in self.children[:2]:
            if isinstance(node, Redirect):
                return node
        return None

    @property
    def navigation(self) -> list[Navigation]:
        return self.filter(Navigation)

    def get_sections(
        self,
        levels: Iterable[int] | None = None,
        matches: str | Callable[[str], bool] | None = None,
        flags: int = FLAGS,
        flat: bool = False,
        include_lead: bool | None = None,
        include_headings: bool = True,
    ) -> list[Section]:
        """Sections as mwparserfromhell defines them (same arguments): a heading and everything
        up to the next heading of the same or a higher level (``flat``: of any level).
        ``levels`` keeps those heading levels, ``matches`` a regex (searched with ``flags``) or a
        predicate on the heading's title as written, markup removed (not trimmed).
        ``include_lead`` adds the text before the first heading as a section with
        ``heading=None`` (by default only when neither ``levels`` nor ``matches`` is given);
        ``include_headings=False`` leaves the heading out of each section's nodes."""
        return sections(self, levels=levels, matches=matches, flags=flags, flat=flat,
                        include_lead=include_lead, include_headings=include_headings)

    def strip_code(self, **options: Any) -> str:
        """Plain text of the page (alias of ``render(doc, "text", ...)``)."""
        if Document.renderer is None:
            raise RuntimeError("strip_code() needs the emitters: import wikiparse first")
        return str(Document.renderer(self, "text", **options))


@dataclass(slots=True, eq=False)
class Section(Node):
    """A slice of the top-level blocks of a document, starting at ``heading`` (None for the
    lead).  A view, not part of the tree: its children are the document's own nodes, so it can
    be walked, filtered, printed (``str``) and rendered like any node."""

    LAYOUT: ClassVar[bool] = True

    heading: Heading | None = None
    children: list[Node] = field(default_factory=list)
    level: int = 0
    CHILD_FIELDS: ClassVar[tuple[str, ...]] = ("children",)

    @property
    def nodes(self) -> list[Node]:
        """The section's blocks (its ``children``)."""
        return self.children

    @property
    def title(self) -> str | None:
        return self.heading.title if self.heading is not None else None


def sections(
    doc: Document,
    *,
    levels: Iterable[int] | None = None,
    matches: str | Callable[[str], bool] | None = None,
    flags: int = FLAGS,
    flat: bool = False,
    include_lead: bool | None = None,
    include_headings: bool = True,
) -> list[Section]:
    """The sections of ``doc`` (see :meth:`Document.get_sections`)."""
    blocks = doc.children
    origin = doc.origin if doc.origin is not None else doc.source
    heads = [i for i, n in enumerate(blocks) if isinstance(n, Heading)]
    result: list[Section] = []
    if include_lead or (include_lead is None and levels is None and matches is None):
        first = heads[0] if heads else len(blocks)
        lead = blocks[:first]
        end = lead[-1].span[1] if lead else 0
        result.append(Section((0, end), heading=None, children=lead, level=0, origin=origin))
    if isinstance(matches, str):
        pattern = re.compile(matches, flags)
        predicate: Callable[[str], bool] | None = lambda title: bool(pattern.search(title))
    else:
        predicate = matches
    wanted = set(levels) if levels is not None else None
    for k, i in enumerate(heads):
        heading = blocks[i]
        assert isinstance(heading, Heading)
        if wanted is not None and heading.level not in wanted:
            continue
        if predicate is not None and not predicate(plain_title(heading.children, trim=False)):
            continue
        j = len(blocks)
        for later in heads[k + 1 :]:
            other = blocks[later]
            assert isinstance(other, Heading)
            if flat or other.level <= heading.level:
                j = later
                break
        nodes = blocks[i:j] if include_headings else blocks[i + 1 : j]
        start = heading.span[0] if include_headings else heading.span[1]
        end = nodes[-1].span[1] if nodes else start
        result.append(Section((start, end), heading=heading, children=nodes,
                              level=heading.level, origin=origin))
    return result


def attach_source(root: Node, source: str) -> None:
    """Let every node of ``root``'s tree reach ``source`` (the text its spans index), so that
    ``str(node)`` and ``render(node, ...)`` work on any node.  Called when a tree is built."""
    stack: list[Node] = [root]
    pop, push, extend = stack.pop, stack.append, stack.extend
    while stack:
        node = pop()
        node.origin = source
        for name in node.CHILD_FIELDS:
            value = getattr(node, name)
            if value.__class__ is list:
                extend(value)
            elif value is not None:
                push(value)


def _gallery_files(tag: ExtensionTag, config: SiteConfig | None) -> list[FileLink]:
    """The File-namespace images of a ``<gallery>`` as file links (see :attr:`Document.files`)."""
    content = tag.content
    if not content:
        return []
    origin = tag.origin
    start = -1
    if origin is not None:  # the content ends where the closing tag starts
        end = origin.rfind("</", tag.span[0], tag.span[1])
        if end >= len(content) and origin[end - len(content) : end] == content:
            start = end - len(content)
    namespace = (config.namespace_name(6) if config is not None else "") or "File"
    files = []
    for line in gallery_lines(content, config):
        if line.other_title is not None:
            continue
        span = (start + line.span[0], start + line.span[1]) if start >= 0 else (0, 0)
        target = content[line.span[0] : line.span[1]].partition("|")[0].strip()
        files.append(FileLink(span, target=target, title=f"{namespace}:{line.name}",
                              name=line.name, namespace=6,
                              origin=origin if start >= 0 else None))
    return files
