"""Rendered page -> wikitext: the article written back as MediaWiki markup.

Headings become ``== Title ==`` (as many ``=`` as their level), file lines
``[[File:X|thumb|Caption]]``, categories ``[[Category:X]]`` at the end, each text line of a
paragraph its own paragraph; the title becomes ``{{DISPLAYTITLE:...}}`` (``display_title=False``
drops it).  Site chrome (contents, search, ads, footers...) and edit markers are left out: they
belong to the wiki's skin, not to the page.  The two pieces of chrome that are part of a page's
outline, the tagline and the navigation lines, are kept as HTML comments, which MediaWiki does
not display: ``<!-- wikiparse:tagline From ... -->`` and ``<!-- wikiparse:navigation a | b -->``
(``chrome_comments=False`` drops them); :func:`wikiparse.rendered.outline.outline` reads them
back, so the outline survives the round trip.  Text is escaped so that it stays text:
characters that would start markup become HTML character references.
"""

from __future__ import annotations

import re

from ..ast import Category, Document, FileLink, Heading, Navigation, Paragraph, Text
from ..query import plain_title

# markup that text must not form: link/template/table brackets, bold/italic quotes, signatures,
# behaviour switches, tags, entity-looking ampersands
_INLINE = re.compile(r"\[(?=\[)|\](?=\])|\[(?=(?:[a-zA-Z][a-zA-Z0-9+.\-]*:)?//)|\{(?=[{|])|\}(?=\})"
                     r"|'(?=')|~(?=~~)|_(?=_[A-Za-z]+__)|<|&(?=#?\w+;)")
# characters that mean something at the start of a line
_LINE_START = re.compile(r"^(?:[*#:;= ]|----|\{\|)")
_REFS = {"[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;", "'": "&#39;", "~": "&#126;",
         "_": "&#95;", "<": "&lt;", "&": "&amp;", "|": "&#124;", "=": "&#61;"}


def escape_inline(text: str, *, extra: str = "") -> str:
    """``text`` with anything that would form wikitext markup written as a character reference;
    characters in ``extra`` (``|``, ``=``) are always escaped."""
    out = _INLINE.sub(lambda m: _REFS[m.group(0)], text)
    for ch in extra:
        out = out.replace(ch, _REFS[ch])
    return out


def escape_line(text: str) -> str:
    """One line of paragraph text: inline escapes, plus a line-start marker made harmless."""
    out = escape_inline(text.strip())
    m = _LINE_START.match(out)
    if m:
        first = out[0]
        out = f"&#{ord(first)};" + out[1:]
    return out


def _heading(node: Heading) -> str:
    level = max(1, min(6, node.level))
    marks = "=" * level
    return f"{marks} {escape_inline(node.title, extra='=')} {marks}"


def _file(node: FileLink) -> str:
    parts = [f"File:{node.name}", node.format or "thumb"]
    if node.caption is not None:
        caption = plain_title(node.caption)
        if caption:
            parts.append(escape_inline(caption, extra="|="))
    return "[[" + "|".join(parts) + "]]"


_BREAK = re.compile(r"\r\n|\r|\n")


def _paragraph_lines(node: Paragraph) -> list[str]:
    """A paragraph's text lines (its Text children hold the source lines), escaped."""
    text = "".join(child.value for child in node.children if isinstance(child, Text))
    return [escape_line(line) for line in _BREAK.split(text) if line.strip()]


def chrome_comment(kind: str, items: list[str]) -> str:
    """``<!-- wikiparse:KIND a | b -->``; items escaped so the comment and the list survive."""
    body = " | ".join(_comment_escape(i) for i in items)
    return f"<!-- {COMMENT_PREFIX}{kind} {body} -->"


def _comment_escape(text: str) -> str:
    return " ".join(text.replace("&", "&amp;").replace("|", "&#124;").replace("--", "&#45;-")
                    .replace(">", "&gt;").split())


COMMENT_PREFIX = "wikiparse:"


def rendered_to_wikitext(doc: Document, *, display_title: bool = True,
                         chrome_comments: bool = True) -> str:
    """Wikitext of a rendered-page Document (blocks separated by blank lines, ending in a
    newline).  Any Document is accepted; nodes other than headings, paragraphs, files,
    categories and (as comments) the tagline and navigation are left out."""
    blocks: list[str] = []
    if display_title and doc.title:
        blocks.append("{{DISPLAYTITLE:" + escape_inline(doc.title, extra="|") + "}}")
    if chrome_comments and doc.tagline:
        blocks.append(chrome_comment("tagline", [doc.tagline]))
    categories: list[str] = []
    for node in doc.children:
        if isinstance(node, Navigation) and chrome_comments and node.items:
            blocks.append(chrome_comment("navigation", node.items))
        elif isinstance(node, Heading):
            blocks.append(_heading(node))
        elif isinstance(node, Paragraph):
            blocks.extend(_paragraph_lines(node))
        elif isinstance(node, FileLink):
            blocks.append(_file(node))
        elif isinstance(node, Category):
            categories.append("[[Category:" + escape_inline(node.name, extra="|") + "]]")
    if categories:
        blocks.append("\n".join(categories))
    return "\n\n".join(blocks) + "\n" if blocks else ""


__all__ = ["chrome_comment", "escape_inline", "escape_line", "rendered_to_wikitext"]
