"""A page's outline: title, tagline, headings, files, navigation and categories, as JSON data.

``outline(doc)`` works for both dialects.  A wikitext page has no tagline or navigation of its
own (those are the skin's); its title, when any, comes from ``{{DISPLAYTITLE:...}}``, and the
tagline and navigation from the ``<!-- wikiparse:tagline ... -->`` / ``<!-- wikiparse:navigation
a | b -->`` comments that the rendered -> wikitext conversion writes.

``wikiparse outline FILE...`` (:mod:`wikiparse.cli.outline`; also ``python -m
wikiparse.rendered.outline FILE...``) prints outlines: for one file the outline object itself,
for several (or with ``--map``) one object mapping each file name, as given on the command line,
to its outline - the shape of the seed's ``expected.json``.
"""

from __future__ import annotations

import html
import sys
from typing import Any

from ..ast import Comment, Document, FileLink, ParserFunction, Template
from ..query import plain_title
from .to_wikitext import COMMENT_PREFIX


def _caption(link: FileLink) -> str | None:
    if link.caption is None:
        return None
    text = plain_title(link.caption)
    return text or None


def _display_title(doc: Document) -> str | None:
    for node in doc.walk():
        if isinstance(node, ParserFunction) and node.name.lstrip("#").lower() == "displaytitle":
            if node.args:
                return plain_title(node.args[0].value) or None
        elif isinstance(node, Template) and node.name.lower().startswith("displaytitle:"):
            return node.name.split(":", 1)[1].strip() or None
    return None


def outline(doc: Document) -> dict[str, Any]:
    """``{"dialect", "title", "tagline", "headings": [{"level", "title"}], "files": [{"name",
    "caption"}], "navigation": [item...], "categories": [name...]}``; ``caption`` is None when a
    file has none, navigation items of all navigation lines are listed in page order."""
    title = doc.title if doc.dialect == "rendered" else (doc.title or _display_title(doc))
    tagline = doc.tagline
    navigation = [item for nav in doc.navigation for item in nav.items]
    if doc.dialect != "rendered":
        for kind, items in _chrome_comments(doc):
            if kind == "tagline" and tagline is None and items:
                tagline = items[0]
            elif kind == "navigation":
                navigation.extend(items)
    return {
        "dialect": doc.dialect,
        "title": title,
        "tagline": tagline,
        "headings": [{"level": h.level, "title": h.title} for h in doc.headings],
        "files": [{"name": f.name, "caption": _caption(f)} for f in doc.files],
        "navigation": navigation,
        "categories": [c.name for c in doc.categories],
    }


def _chrome_comments(doc: Document) -> list[tuple[str, list[str]]]:
    """(kind, items) of the ``<!-- wikiparse:KIND a | b -->`` comments at the top of a page."""
    found: list[tuple[str, list[str]]] = []
    for node in doc.walk():
        if isinstance(node, Comment):
            body = node.value.strip()
            if body.startswith(COMMENT_PREFIX):
                kind, _, rest = body[len(COMMENT_PREFIX):].partition(" ")
                items = [html.unescape(i.strip()) for i in rest.split(" | ")] if rest.strip() else []
                found.append((kind, items))
    return found


__all__ = ["outline"]

if __name__ == "__main__":  # `python -m wikiparse.rendered.outline ARGS` = `wikiparse outline ARGS`
    import runpy

    # run the command by name: an import of the CLI from here would point the layers upward
    sys.argv[1:1] = ["outline"]
    runpy.run_module("wikiparse", run_name="__main__", alter_sys=True)
