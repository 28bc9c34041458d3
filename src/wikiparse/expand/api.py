"""``wikiparse.expand`` and ``wikiparse.expand_text``: expand a page's templates, parse the result.

Expansion works on text, as MediaWiki's does (a template may open a table another one closes),
so the expanded text is parsed again by the ordinary parser.  Each top-level call's output is
then grouped under an :class:`~wikiparse.ast.Transclusion` node that remembers the call.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from ..ast import Diagnostic, Document, Node, Text, Transclusion, attach_source
from ..config import Limits, SiteConfig

if TYPE_CHECKING:
    from .calls import Settings
    from .frames import TopCall


@dataclass
class Expansion:
    """The result of expanding one page's text: the expanded ``text``, where each top-level
    call's output lies in it (``calls``), and the ``diagnostics`` (spans in ``text``)."""

    text: str
    calls: list[TopCall]
    diagnostics: list[Diagnostic]
    page_state: dict[str, str]


def expand_page(
    text: str,
    *,
    templates: Any = None,
    title: str = "Main Page",
    clock: datetime | None = None,
    config: SiteConfig | None = None,
    limits: Limits | None = None,
    settings: Settings | None = None,
) -> Expansion:
    """Expand ``text`` (the wikitext of the page ``title``) with the templates in ``templates``
    (a mapping from full titles to wikitext, a store, or a path: see
    :func:`wikiparse.expand.stores.as_store`).  Never raises for any text or store content."""
    from .calls import Settings as _Settings
    from .frames import Expander
    from .stores import as_store
    from .titles import Title, make_title

    if not isinstance(text, str):
        raise TypeError(f"expand() needs a str or a Document, got {type(text).__name__}")
    config = config or SiteConfig()
    limits = limits or Limits()
    now = clock or datetime.now(timezone.utc)
    if now.tzinfo is None:
        raise ValueError("clock= needs an aware datetime (with tzinfo)")
    page = make_title(title, config) or Title(0, "", "Main Page")
    store = as_store(templates, config)
    expander = Expander(store, config, limits, page, now, settings or _Settings())
    calls: list[TopCall] = []
    try:
        out = expander.expand_page(text, calls)
    except RecursionError:
        # only reachable with a tiny interpreter stack: the limits keep recursion shallow
        expander.diagnose("limit-recursion", "expansion recursion too deep", "internal")
        out = text
    by_source = {c.source_span: (c.start, c.end) for c in calls}
    diagnostics = [Diagnostic(d.code, d.message, by_source.get(d.span, (0, 0)), d.severity)
                   for d in expander.diagnostics]
    return Expansion(out, [c for c in calls if c.end > c.start], diagnostics,
                     dict(expander.page_state))


def expand_text(text_or_doc: str | Document, **options: Any) -> str:
    """The expanded wikitext, what MediaWiki's Special:ExpandTemplates shows (comments removed
    unless ``settings.keep_comments``).  Options as :func:`expand`."""
    text, options = _source(text_or_doc, options)
    return expand_page(text, **options).text


def expand(text_or_doc: str | Document, **options: Any) -> Document:
    """Expand the templates of a page and parse the result: the expanded
    :class:`~wikiparse.ast.Document` (``source`` is the expanded text; each top-level call's
    output sits under a :class:`~wikiparse.ast.Transclusion`).  The unexpanded document, if
    one was passed, is not changed.

    Options: ``templates`` (mapping, store or path), ``title`` (the page, e.g.
    ``"Barack Obama"``), ``clock`` (an aware datetime for "now"), ``config``, ``limits``,
    ``settings`` (:class:`wikiparse.expand.Settings`).
    """
    from ..parser.driver import parse_wikitext
    from .stores import as_store

    text, options = _source(text_or_doc, options)
    # one store for the page and for the fragments emitters parse later (gallery captions)
    options = {**options, "templates": as_store(options.get("templates"), options.get("config"))}
    result = expand_page(text, **options)
    config = options.get("config") or SiteConfig()
    limits = options.get("limits") or Limits()
    doc = parse_wikitext(result.text, config=config, limits=limits)
    group_transclusions(doc, result.calls)
    doc.diagnostics.extend(result.diagnostics)
    attach_source(doc, doc.source)
    doc.parse_fragment = functools.partial(_fragment, options=options)
    return doc


def _fragment(wikitext: str, *, options: dict[str, Any]) -> Document:
    """A fragment of the page (a gallery caption) expanded and parsed like the page."""
    return expand(wikitext, **options)


def _source(text_or_doc: str | Document, options: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    if isinstance(text_or_doc, Document):
        if text_or_doc.config is not None and options.get("config") is None:
            options = {**options, "config": text_or_doc.config}
        return text_or_doc.source, options
    return text_or_doc, options


# --------------------------------------------------------------------------- provenance

def group_transclusions(doc: Document, calls: list[TopCall]) -> None:
    """Wrap the nodes each call produced in a :class:`Transclusion` (in place).

    Only flow content (``children`` lists) is grouped; rows, cells and list items are
    descended into.  A node inside one call's output belongs to it; consecutive such siblings are grouped.  A
    node holding several calls' output is descended into; a node that starts inside a call's
    output and runs past it joins that call, as Parsoid extends a transclusion to whole nodes.
    """
    if not calls:
        return
    starts = [c.start for c in calls]
    stack: list[Node] = [doc]
    while stack:
        node = stack.pop()
        for name in node.CHILD_FIELDS:
            value = getattr(node, name)
            if isinstance(value, list) and name == "children":
                value = _split_text(value, calls, starts, doc.source)
                setattr(node, name, _group(value, calls, starts, stack))
            elif isinstance(value, list):
                # rows, cells, items, attributes: typed slots a Transclusion may not fill
                stack.extend(value)
            elif isinstance(value, Node):
                stack.append(value)


def _split_text(children: list[Node], calls: list[TopCall], starts: list[int],
                source: str) -> list[Node]:
    """Text nodes that run across a call's output boundary, cut at the boundary (text merges
    page text and template output; provenance must not)."""
    out: list[Node] = []
    for child in children:
        start, end = child.span
        if not isinstance(child, Text) or source[start:end] != child.value:
            out.append(child)
            continue
        cuts = sorted({p for k in _overlapping(start, end, calls, starts)
                       for p in (calls[k].start, calls[k].end)
                       if start < p < end and not _spacing_pair(source, p)})
        if not cuts:
            out.append(child)
            continue
        edges = [start, *cuts, end]
        for a, b in zip(edges, edges[1:]):
            out.append(Text((a, b), value=source[a:b]))
    return out


def _spacing_pair(source: str, p: int) -> bool:
    """A space and the punctuation after it (or « and the space after it) must stay in one
    text node: emitters apply MediaWiki's French spacing within a node."""
    return (source[p - 1] == " " and source[p] in "?:;!%\u00bb\u203a") or (
        source[p - 1] in "\u00ab\u2039" and source[p] == " ")


def _overlapping(start: int, end: int, calls: list[TopCall], starts: list[int]) -> list[int]:
    k = bisect.bisect_right(starts, start) - 1
    if k < 0:
        k = 0
    found = []
    while k < len(calls) and calls[k].start < max(end, start + 1):
        c = calls[k]
        if c.end > start and (c.start < end or (start == end and c.start <= start < c.end)):
            found.append(k)
        k += 1
    return found


def _group(children: list[Node], calls: list[TopCall], starts: list[int],
           stack: list[Node]) -> list[Node]:
    marks: list[int | None] = []
    changed = False
    for child in children:
        start, end = child.span
        hit = _overlapping(start, end, calls, starts)
        mark: int | None = None
        if len(hit) == 1:
            c = calls[hit[0]]
            inside = c.start <= start and end <= c.end
            if inside or not (start <= c.start and c.end <= end) or not _has_children(child):
                mark = hit[0]
            else:
                stack.append(child)
        elif hit:
            stack.append(child)
        marks.append(mark)
        changed = changed or mark is not None
    if not changed:
        return children
    out: list[Node] = []
    i = 0
    while i < len(children):
        mark = marks[i]
        if mark is None:
            out.append(children[i])
            i += 1
            continue
        j = i
        while j < len(children) and marks[j] == mark:
            j += 1
        group = children[i:j]
        call = calls[mark]
        out.append(Transclusion((group[0].start, group[-1].end), target=call.target,
                                call=call.source, call_span=call.source_span,
                                children=list(group)))
        i = j
    return out


def _has_children(node: Node) -> bool:
    return next(node.child_nodes(), None) is not None


__all__ = ["Expansion", "expand", "expand_page", "expand_text", "group_transclusions"]
