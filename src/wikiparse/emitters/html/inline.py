"""Inline nodes: text, entities, bold and italic, signatures, magic links, HTML tags (checked
against the sanitizer's policy), and the parts of constructs rendered through their owners
(attributes, parameters, image options)."""

from __future__ import annotations

import re

import wikiparse.ast as ast
from ...html_tags import HEADING_TAGS, TABLE_CELL_TAGS, TABLE_SECTION_TAGS

#: inline elements whose content the tree builder splits around a block (HTML's formatting
#: elements)
INLINE_FORMATTING_TAGS = frozenset("a b big code em font i nobr s small strike strong tt u".split())
_TABLE_PART_TAGS = frozenset({"caption", "tbody", "thead", "tfoot", "tr", "td", "th"})
from ..base import Visiting
from .base import _FRENCH_AFTER, _FRENCH_BEFORE, _FRENCH_PUNCT, HtmlBase
from .blocks import BLOCK_START
from .sanitizer import (
    escape_attr, escape_text, format_attributes, is_allowed_tag, safe_url, validate_tag,
)



def _add_class(attrs: list[tuple[str, str]], cls: str) -> list[tuple[str, str]]:
    out = [(k, v) for k, v in attrs if k != "class"]
    old = next((v for k, v in attrs if k == "class"), "")
    return [*out, ("class", f"{old} {cls}".strip())]


def _valid_reference(raw: str) -> bool:
    """Is a numeric character reference one MediaWiki decodes (a character valid in both HTML5
    and XML: no C0 but tab and LF, no DEL/C1, no surrogates or U+FFFE/U+FFFF)?"""
    digits = raw[2:].rstrip(";")
    try:
        cp = int(digits[1:], 16) if digits[:1] in ("x", "X") else int(digits, 10)
    except ValueError:
        return False
    return (cp in (0x09, 0x0A) or 0x20 <= cp <= 0x7E or 0xA0 <= cp <= 0xD7FF
            or 0xE000 <= cp <= 0xFFFD or 0x10000 <= cp <= 0x10FFFF)

#: the spaces a magic link may hold (MediaWiki's SPACE_NOT_NL)
_MAGIC_SPACE = re.compile(r"[\t \xa0]|&nbsp;|&#0*160;|&#[xX]0*[aA]0;")


class InlineRules(HtmlBase):
    """HTML for inline nodes and tags."""

    def visit_Text(self, node: ast.Text) -> str:
        # self.text, inlined: the most frequent node
        value = node.value
        if " " in value:
            if _FRENCH_PUNCT.search(value):
                value = _FRENCH_AFTER.sub("\\1\xa0", _FRENCH_BEFORE.sub("\xa0", value))
            return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace("\x00", "\ufffd").replace("\xa0", "&#160;"))
        return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\x00", "\ufffd"))

    def visit_Entity(self, node: ast.Entity) -> str:
        raw = node.raw
        if raw.startswith("&#") and not _valid_reference(raw):
            return escape_text(raw)  # MediaWiki shows references to invalid characters as text
        return escape_text(node.char) if node.char else escape_text(raw)

    def visit_Comment(self, node: ast.Comment) -> str:
        return ""

    def visit_Bold(self, node: ast.Bold) -> Visiting:
        return f"<b>{self._inline_content((yield node.children))}</b>"

    def visit_Italic(self, node: ast.Italic) -> Visiting:
        return f"<i>{self._inline_content((yield node.children))}</i>"

    def _inline_content(self, inner: str) -> str:
        """Content of an inline element: a block inside it (a thumbnail's <figure>, a <div>)
        is for the tree builder to move, as Remex splits formatting around blocks."""
        if "<" in inner and BLOCK_START.search(inner):
            self.needs_tree_building = True
        return inner

    def visit_Signature(self, node: ast.Signature) -> str:
        # signatures are replaced when an edit is saved; a page render shows the tildes
        return escape_text(self.src(node) or "~" * node.tildes)

    def visit_MagicLink(self, node: ast.MagicLink) -> str:
        src = self.src(node)
        if src:
            # MediaWiki writes the keyword, one space and the number, each space (or its
            # reference) inside an ISBN as a space
            src = f"{node.kind} " + _MAGIC_SPACE.sub(" ", src[len(node.kind):]).lstrip(" ")
        label = self.text(src or f"{node.kind} {node.value}")
        if self._link_depth:
            return label
        kind = node.kind.lower()
        if kind == "isbn":
            href = self.page_url(node.url or f"Special:BookSources/{node.value}")
            return f'<a href="{escape_attr(href)}" class="internal mw-magiclink-isbn">{label}</a>'
        url = safe_url(node.url, self.policy) if node.url else None
        if url is None:
            return label
        return (
            f'<a class="external mw-magiclink-{escape_attr(kind)}"{self._rel()} '
            f'href="{escape_attr(url)}">{label}</a>'
        )

    def visit_Tag(self, node: ast.Tag) -> Visiting:
        name = node.name.lower()
        if node.kind == "stray-close":
            if name == "br":
                return "<br />"
            if is_allowed_tag(name, self.policy) and name not in self.policy.void_tags:
                # written as it stands: the tree builder drops it (or closes what it can), as
                # Remex does
                self.needs_tree_building = True
                return f"</{name}>"
            return escape_text(self.src(node) or f"</{node.name}>")
        attrs = self.attrs(name, node.attrs)
        if not validate_tag(name, attrs, self.policy):
            return (yield from self._tag_as_text(node))
        if name in HEADING_TAGS:  # MediaWiki marks headings written as HTML
            attrs = _add_class(attrs, "mw-html-heading")
        if name in self.policy.void_tags:
            return f"<{name}{format_attributes(attrs)} />" + (yield node.children)
        if name in _TABLE_PART_TAGS:
            # written as HTML, a row or cell may stand where HTML has no place for it (the
            # tree builder drops it there, or adds the row group it needs)
            self.needs_tree_building = True
        if name == "blockquote" or name == "table":
            # the tree builder puts a blockquote's inline content in paragraphs, and moves what
            # stands in a table outside the rows before it: when the page goes through it, this
            # block goes too
            self.tree_dependent = True
        if name in TABLE_SECTION_TAGS:
            inner = yield from self._table_section(node.children)
        else:
            inner = yield node.children
            if name in INLINE_FORMATTING_TAGS:
                inner = self._inline_content(inner)
            elif name == "p" and "<" in inner and BLOCK_START.search(inner):
                self.tree_dependent = True  # a block closes the <p>
        if node.kind == "unclosed" or node.self_closing:
            # ``<span/>`` is a start tag to HTML; an unclosed tag stays open as in MediaWiki:
            # the tree builder closes either where an HTML parser would
            self.needs_tree_building = True
            return f"<{name}{format_attributes(attrs)}>{inner}"
        return f"<{name}{format_attributes(attrs)}>{inner}</{name}>"

    def _table_section(self, children: list[ast.Node]) -> Visiting:
        """Cells written straight into <table> get the row an HTML parser (and MediaWiki's
        tidying) would give them, so the output stays well-formed."""
        out: list[str] = []
        row: list[ast.Node] = []
        for child in children:
            is_cell = isinstance(child, ast.Tag) and child.name.lower() in TABLE_CELL_TAGS
            if is_cell or (row and isinstance(child, ast.Text) and not child.value.strip()):
                row.append(child)
                continue
            if row:
                out.append(f"<tr>{(yield row)}</tr>")
                row = []
            out.append((yield child))
        if row:
            out.append(f"<tr>{(yield row)}</tr>")
        return "".join(out)

    def _tag_as_text(self, node: ast.Tag) -> Visiting:
        """A tag the policy refuses: its markup shown as text, its content rendered."""
        if not self.source:
            open_text, close_text = f"<{node.name}>", (f"</{node.name}>" if node.kind == "paired" else "")
        else:
            pos = node.attrs[-1].end if node.attrs else node.start
            end = self.source.find(">", pos, node.end)
            open_end = end + 1 if end >= 0 else node.end
            if node.children:
                open_end = min(open_end, node.children[0].start)
            inner_end = node.children[-1].end if node.children else open_end
            open_text = self.source[node.start : open_end]
            close_text = self.source[inner_end : node.end] if node.kind == "paired" else ""
        return escape_text(open_text) + (yield node.children) + escape_text(close_text)

    def visit_Attribute(self, node: ast.Attribute) -> str:
        return ""

    def visit_Parameter(self, node: ast.Parameter) -> Visiting:
        return (yield node.value)

    def visit_ImageOption(self, node: ast.ImageOption) -> Visiting:
        return (yield node.children)
