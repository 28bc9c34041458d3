"""Markdown emitter: ``render(doc, "markdown")``, GitHub-flavoured Markdown (GFM).

Headings, bold/italic, links (``/wiki/Title`` through the article path), images with their alt
text (URLs from the ``files`` repository, as in HTML), nested lists, definition lists as a bold
term with the definitions quoted below it, GFM pipe tables with column alignment, footnotes for
references (``[^1]``, defined at the end; ``{{efn}}``-style footnote templates too), fenced code for ``<pre>``/indent-pre/
``<syntaxhighlight>``, ``$…$`` for ``<math>``.  Text is escaped so it is never read as markup
(:mod:`.markdown_syntax`).  Templates cannot be expanded: their text comes from the same
:class:`~wikiparse.emitters.templates.TemplateHandlers` the text emitter uses (as in its
``visible`` profile: what a reader sees, "Main article: …" included).

What Markdown cannot say is decided by options:

``html``            keep (sanitised) HTML where Markdown has no equivalent: ``<sup>``/``<sub>``/
                    ``<u>``, ``<br>`` in table cells, tables GFM cannot express (default True);
                    with False the output holds no HTML at all
``complex_tables``  tables with spans or lists/nested tables in a cell: ``"html"`` (the HTML
                    emitter's), ``"text"`` (a line per row, cells joined by `` · ``), ``"auto"``
``files``, ``thumb_size``, ``article_path``, ``interwiki``, ``config``  as for HTML
``templates``       a :class:`~wikiparse.emitters.templates.TemplateHandlers`
"""

from __future__ import annotations

import html as html_lib
import re
from typing import Any, Callable, Iterable, Mapping

import wikiparse.ast as ast
from ..config import SiteConfig
from . import register
from ._recursion import recursion_headroom
from .base import Emitter
from .gallery import gallery_lines
from .html.emitter import HtmlEmitter, wiki_urlencode
from .html.file_repository import FileSpec
from .html.media import scale
from .html.sanitizer import decode_entities, safe_url
from .markdown_helpers import NOTE, TemplateText, html_ref_rule
from .markdown_structure import (
    STRUCTURE_EXTENSIONS, STRUCTURE_TAGS, cell_align, complex_table,
)
from .markdown_syntax import (
    code_block, code_span, escape_inline, escape_line_start, link_destination, pipe_table,
)
from .templates import TemplateHandlers

__all__ = ["MarkdownEmitter", "to_markdown"]

# sentinels: a block boundary, a finished block (kept as it is), a hard line break, a footnote
BLOCK, RAW, LINE = "\x01", "\x02", "\x00"
_WS = re.compile(r"[ \t\n\r\f\v]+")

#: HTML tags whose content is a block of its own
_BLOCK_TAGS = frozenset({
    "div", "p", "center", "section", "article", "aside", "header", "footer", "main", "nav",
    "figure", "figcaption", "address", "details", "summary", "caption", "li", "dt", "dd", "tr",
})
_INLINE_MARKUP = {"b": "**", "strong": "**", "i": "*", "em": "*", "cite": "*", "var": "*",
                  "dfn": "*", "s": "~~", "strike": "~~", "del": "~~"}
_CODE_TAGS = frozenset({"code", "tt", "kbd", "samp"})
_KEPT_HTML_TAGS = frozenset({"sup", "sub", "u", "ins", "mark", "small", "big"})
_CODE_EXTENSIONS = frozenset({"syntaxhighlight", "source", "pre"})
_SILENT_EXTENSIONS = frozenset({
    "templatestyles", "indicator", "categorytree", "timeline", "graph", "mapframe", "maplink",
    "score", "section", "includeonly", "charinsert", "inputbox", "imagemap", "hiero",
    "dynamicpagelist", "templatedata", "langconvert", "tabs", "talkpage", "rss",
})
_REFLIST_TEMPLATES = ("reflist", "references", "notelist", "notes", "reflist-talk")
_FRAMED = ("thumb", "thumbnail", "frame", "framed", "manualthumb")
_PUNCT_EDGE = re.compile(r"^\W|\W$")
_EDGE_MARKERS = re.compile(r"^[*~]+|[*~]+$")  # nested emphasis is no punctuation to CommonMark
_LIST_START = re.compile(r"(?:-|\d+\.)(?: |$)")


class MarkdownEmitter(Emitter):
    """Wikitext tree -> GitHub-flavoured Markdown (options: see the module docstring)."""

    name = "markdown"
    OPTIONS = frozenset({"html", "complex_tables", "files", "thumb_size", "article_path",
                         "interwiki", "config", "templates"})
    PARTS = frozenset({ast.Attribute, ast.ImageOption, ast.EditMarker})

    def __init__(
        self,
        *,
        html: bool = True,
        complex_tables: str = "auto",
        files: FileSpec = None,
        thumb_size: int = 220,
        article_path: str | None = None,
        interwiki: Mapping[str, str] | None = None,
        config: SiteConfig | None = None,
        templates: TemplateHandlers | None = None,
    ) -> None:
        super().__init__()  # every option is named above: an unknown one is a TypeError
        if complex_tables not in ("auto", "html", "text"):
            raise ValueError(f"complex_tables={complex_tables!r}: expected 'auto', 'html' or 'text'")
        self.html = html
        self.complex_tables = ("html" if html else "text") if complex_tables == "auto" else complex_tables
        self.thumb_size = thumb_size
        self.config = config
        self.parse_fragment: Callable[[str], ast.Document] | None = None
        self._html = HtmlEmitter(wrap=False, files=files, thumb_size=thumb_size,
                                 article_path=article_path, interwiki=interwiki, config=config)
        self._html.add_render_rule(ast.ExtensionTag, html_ref_rule(self))
        self._html.add_render_rule(ast.Template, lambda em, node: html_lib.escape(
            self._text.inline_text([node]), quote=False))
        # the text a reader sees ("visible"): "Main article: …", [citation needed], footnotes
        self._text = TemplateText(self, profile="visible", references=True, captions=True,
                                   **({"templates": templates} if templates is not None else {}))
        self._reset()

    def _reset(self) -> None:
        self._inline = 0  # depth of one-line contexts (headings, labels, cells, footnotes)
        self._in_label = 0  # depth of link labels (no links inside links)
        self._keep_lines = 0  # inside <poem>: newlines are line breaks
        self._notes: list[tuple[str, str]] = []  # (label, markdown)
        self._note_names: dict[tuple[str, str], int] = {}
        self._group_counts: dict[str, int] = {}
        self._autonumber = 0
        self.html_cited: list[str] = []  # footnote markers cited inside a table kept as HTML

    # ------------------------------------------------------------------ driver

    def render(self, node: ast.Node) -> str:
        self._reset()
        self.source = self.source_of(node)
        if isinstance(node, ast.Document):
            # snippets the tree keeps raw (gallery lines) are parsed by the document's parser
            self.parse_fragment = node.parse_fragment
            self._html.parse_fragment = self._text.parse_fragment = node.parse_fragment
            if self.config is None and node.config is not None:
                self.config = node.config
                self._html.config = node.config
        self._html.source = self._text.source = self.source
        self._html.clear_memos()  # its page URLs and files are memoised per page
        with recursion_headroom():
            blocks = self._blocks(self.visit(node))
        for label, text in self._notes:
            blocks.append(f"[^{label}]: {text or chr(0x2014)}")  # GFM needs a definition text
        out = "\n\n".join(blocks)
        return NOTE.sub(lambda m: f"[^{m.group(1)}]", out) + ("\n" if out else "")

    def children(self, nodes: Iterable[ast.Node] | None) -> str:
        return "".join([self.visit(n) for n in nodes or ()])

    def _blocks(self, raw: str) -> list[str]:
        """Finished blocks of a flow of inline pieces and blocks."""
        out = []
        for chunk in raw.split(BLOCK):
            if chunk.startswith(RAW):
                body = chunk[1:].strip("\n")
                if body.strip():
                    out.append(body)
                continue
            lines = [line.strip() for line in _WS.sub(" ", chunk).split(LINE)]
            lines = [escape_line_start(line) for line in lines if line]
            if lines:
                out.append("\\\n".join(lines))
        return out

    def inline(self, nodes: Iterable[ast.Node] | None, *, breaks: str = " ") -> str:
        """``nodes`` on one line (headings, labels, cells, footnotes): structure flattened."""
        self._inline += 1
        try:
            raw = self.children(nodes)
        finally:
            self._inline -= 1
        return breaks.join(b.replace("\\\n", breaks) for b in self._blocks(raw)).strip()

    def _flatten(self, node: ast.Node) -> str:
        """Structure inside a line: its text (links and formatting left out)."""
        return escape_inline(self._text.inline_text([node]))

    def _block(self, markdown: str) -> str:
        return BLOCK + RAW + markdown + BLOCK if markdown.strip() else BLOCK

    def generic_visit(self, node: ast.Node) -> str:
        return self.children(node.child_nodes())

    # ------------------------------------------------------------------ leaves

    def visit_Text(self, node: ast.Text) -> str:
        text = escape_inline(node.value)
        return text.replace("\n", LINE) if self._keep_lines else text

    def visit_Entity(self, node: ast.Entity) -> str:
        return escape_inline(node.char or node.raw)

    def _nothing(self, node: ast.Node) -> str:
        return ""

    visit_Comment = visit_BehaviorSwitch = visit_Category = visit_LanguageLink = _nothing
    visit_EditMarker = visit_Attribute = visit_ImageOption = visit_Variable = _nothing
    visit_ParserFunction = visit_Boilerplate = _nothing

    def visit_Signature(self, node: ast.Signature) -> str:
        return escape_inline("~" * node.tildes)

    def visit_ParagraphBreak(self, node: ast.ParagraphBreak) -> str:
        return BLOCK

    def visit_MagicLink(self, node: ast.MagicLink) -> str:
        label = self.source[node.start : node.end] if self.source else f"{node.kind} {node.value}"
        if node.kind.lower() == "isbn":
            url: str | None = self._html.page_url(node.url or f"Special:BookSources/{node.value}")
        else:
            url = safe_url(node.url, self._html.policy) if node.url else None
        return self._link(escape_inline(label), url)

    def visit_Argument(self, node: ast.Argument) -> str:
        return self.children(node.default) if node.default is not None else ""

    def visit_Template(self, node: ast.Template) -> str:
        key = node.name.lower()
        if key in _REFLIST_TEMPLATES or key.startswith("notelist"):
            return ""  # the footnotes are listed at the end
        return escape_inline(self._template_text(node))

    def _template_text(self, node: ast.Template) -> str:
        return self._text.inline_text([node])

    def visit_Parameter(self, node: ast.Parameter) -> str:
        return self.children(node.value)

    # ------------------------------------------------------------------ inline markup

    def _emphasis(self, marker: str, html_tag: str, nodes: list[ast.Node]) -> str:
        inner = self.children(nodes)
        core = inner.strip(" ")
        if not core or BLOCK in core:
            return inner
        lead, trail = inner[: len(inner) - len(inner.lstrip(" "))], inner[len(inner.rstrip(" ")):]
        if _PUNCT_EDGE.search(_EDGE_MARKERS.sub("", core.replace("\\", ""))) and self.html:
            # punctuation at an edge can keep ** from closing (CommonMark's flanking rules)
            return f"{lead}<{html_tag}>{core}</{html_tag}>{trail}"
        return f"{lead}{marker}{core}{marker}{trail}"

    def visit_Bold(self, node: ast.Bold) -> str:
        return self._emphasis("**", "b", node.children)

    def visit_Italic(self, node: ast.Italic) -> str:
        return self._emphasis("*", "i", node.children)

    def visit_Tag(self, node: ast.Tag) -> str:
        name = node.name.lower()
        if node.kind == "stray-close":
            return ""
        if name == "br":
            return LINE
        if name in STRUCTURE_TAGS and self._inline:
            return self._flatten(node)
        if name == "hr":
            return self._block("---")
        if name in _INLINE_MARKUP:
            marker = _INLINE_MARKUP[name]
            return self._emphasis(marker, name if marker != "~~" else "del", node.children)
        if name in _CODE_TAGS:
            return code_span(self._text.inline_text(node.children))
        if name in ("ul", "ol"):
            items = [c for c in node.children if isinstance(c, ast.Tag) and c.name.lower() == "li"]
            return self._list_block([c.children for c in items], ordered=name == "ol")
        if name == "blockquote":
            return self._block(_quote(self._blocks(self.children(node.children))))
        if name == "pre":
            return self._block(code_block(self._text.render(node)))
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            return self._heading(int(name[1]), node.children)
        if name in ("table", "dl"):
            return self._html_or_text(node)
        if name in _KEPT_HTML_TAGS and self.html:
            return f"<{name}>{self.children(node.children)}</{name}>"
        inner = self.children(node.children)
        if name in _BLOCK_TAGS and not self._inline:
            return BLOCK + inner + BLOCK
        return f" {inner} " if name in ("td", "th") else inner

    # ------------------------------------------------------------------ links and files

    def _link(self, label: str, url: str | None) -> str:
        if url is None or self._in_label:
            return label
        return f"[{label or escape_inline(url)}]({link_destination(url)})"

    def _label(self, nodes: list[ast.Node]) -> str:
        self._in_label += 1
        try:
            return self.inline(nodes)
        finally:
            self._in_label -= 1

    def visit_WikiLink(self, node: ast.WikiLink) -> str:
        if node.has_text and node.children:
            label = self._label(node.children)
        else:
            shown = node.target.strip()
            if node.leading_colon and shown.startswith(":"):
                shown = shown[1:].lstrip()
            label = escape_inline(decode_entities(shown))
        label += escape_inline(node.trail)
        if node.interwiki:
            pattern = self._html.interwiki.get(node.interwiki.lower())
            if pattern is not None:
                url = pattern.replace("$1", wiki_urlencode(node.title.replace(" ", "_")))
                return self._link(label, safe_url(url, self._html.policy, relative=True))
        if not node.title:
            return self._link(label, f"#{node.fragment}" if node.fragment else None)
        return self._link(label, self._html.page_url(node.title, node.fragment))

    def visit_ExternalLink(self, node: ast.ExternalLink) -> str:
        url = safe_url(node.url, self._html.policy)
        if node.kind == "free":
            text = escape_inline(decode_entities(node.url))
            return self._link(text, url) if url else text
        if node.children:
            label = self._label(node.children)
        else:
            self._autonumber += 1
            label = escape_inline(f"[{self._autonumber}]")
        if url is None:
            return label
        return self._link(label, url)

    def visit_Redirect(self, node: ast.Redirect) -> str:
        target = self.visit(node.link) if node.link is not None else escape_inline(node.target)
        return BLOCK + "Redirect to: " + target + BLOCK

    def visit_FileLink(self, node: ast.FileLink) -> str:
        caption = self.inline(node.caption) if node.caption else ""
        if node.is_media:
            info = self._html.resolve_file(node.name)
            return self._link(caption or escape_inline(node.name), info.url if info else None)
        framed = node.format in _FRAMED
        alt = node.alt if node.alt is not None else (self._text.inline_text(node.caption or [])
                                                     if node.caption else node.name)
        image = self._image(node.name, alt, node.width or (self.thumb_size if framed else None),
                            node.height)
        if image is None:
            return caption or escape_inline(node.name)
        if not framed and node.align is None:
            return image + escape_inline(node.trail)
        if self._inline:
            return image + (" " + caption if caption and framed else "")
        parts = [image] + ([caption] if caption and framed else [])
        return self._block("\n\n".join(parts)) + escape_inline(node.trail)

    def _image(self, name: str, alt: str, width: int | None, height: int | None) -> str | None:
        info = self._html.resolve_file(name)
        if info is None:
            return None
        box = scale(info, width, height) if (width or height) else None
        src = safe_url(box.src if box else info.url, self._html.policy, relative=True)
        if src is None:
            return None
        alt_md = escape_inline(" ".join(alt.split()))
        image = f"![{alt_md}]({link_destination(src)})"
        if self._in_label:
            return image
        return f"[{image}]({link_destination(self._html.page_url('File:' + name))})"

    # ------------------------------------------------------------------ references

    def note_marker(self, group: str, name: str | None, text: str) -> str:
        """Register a footnote (named ones once) and return its marker."""
        if name is not None and (group, name) in self._note_names:
            index = self._note_names[(group, name)]
            label, old = self._notes[index]
            if text and not old:
                self._notes[index] = (label, text)
            return f"\ue000{label}\ue001"
        count = self._group_counts.get(group, 0) + 1
        self._group_counts[group] = count
        label = str(count) if not group else f"{re.sub(r'[^A-Za-z0-9-]+', '-', group)}-{count}"
        self._notes.append((label, text))
        if name is not None:
            self._note_names[(group, name)] = len(self._notes) - 1
        return f"\ue000{label}\ue001"

    def ref_marker(self, node: ast.ExtensionTag) -> str:
        """Register a ``<ref>`` as a footnote; its marker."""
        group = (node.get_attr("group") or "").strip()
        name = node.get_attr("name")
        saved, self._in_label = self._in_label, 0
        try:
            text = self.inline(node.children) if node.children else ""
        finally:
            self._in_label = saved
        return self.note_marker(group, name.strip() if name else None, text)

    # ------------------------------------------------------------------ extension tags

    def visit_ExtensionTag(self, node: ast.ExtensionTag) -> str:
        name = node.name.lower()
        if name == "ref":
            return self.ref_marker(node)
        if name == "references":  # list-defined refs register; the list is the footnotes
            for child in node.children:
                if isinstance(child, ast.ExtensionTag) and child.name.lower() == "ref":
                    self.ref_marker(child)
            return ""
        if name in _SILENT_EXTENSIONS:
            return ""
        if name == "nowiki":
            return escape_inline(decode_entities(node.content or ""))
        if name in ("math", "chem", "ce"):
            tex = " ".join((node.content or "").split())
            if not tex:
                return ""
            return f"${tex}$" if "$" not in tex and "\\$" not in tex else code_span(tex)
        if name in STRUCTURE_EXTENSIONS and self._inline:
            return self._flatten(node)
        if name in _CODE_EXTENSIONS:
            content = node.content or ""
            if name == "pre":
                content = decode_entities(re.sub(r"(?i)</?nowiki\s*/?>", "", content))
            return self._block(code_block(content.strip("\n"), node.get_attr("lang") or ""))
        if name == "poem":
            self._keep_lines += 1
            try:
                return BLOCK + self.children(node.children).strip("\n") + BLOCK
            finally:
                self._keep_lines -= 1
        if name == "gallery":
            return self._gallery(node)
        if node.children:
            return self.children(node.children)
        return escape_inline(node.content or "")

    def _snippet(self, wikitext: str) -> ast.Document:
        """A raw snippet of the tree (a gallery caption) parsed by the document's parser (emitters
        do not call the parser themselves); without one, the snippet as one text node."""
        if self.parse_fragment is not None:
            return self.parse_fragment(wikitext)
        doc = ast.Document((0, len(wikitext)), source=wikitext,
                           children=[ast.Text((0, len(wikitext)), value=wikitext)] if wikitext else [])
        return doc

    def _snippet_markdown(self, wikitext: str) -> tuple[str, str]:
        """(Markdown, plain text) of a raw snippet, rendered against its own source."""
        doc = self._snippet(wikitext)
        page_source = self.source
        self.source = self._html.source = self._text.source = doc.source
        try:
            return self.inline(doc.children), self._text.inline_text(doc.children)
        finally:
            self.source = self._html.source = self._text.source = page_source

    def _gallery(self, node: ast.ExtensionTag) -> str:
        items = []
        try:
            width = int(re.sub(r"\s*px\s*$", "", node.get_attr("widths") or "120"))
        except ValueError:
            width = 120
        for line in gallery_lines(node.content or "", self.config):
            caption, alt = self._snippet_markdown(line.caption)
            if line.alt is not None:
                alt = self._snippet_markdown(line.alt)[1]
            # a line naming another namespace is no file (MediaWiki shows a missing one)
            image = (self._image(line.name, alt or line.name, width, None)
                     if line.other_title is None else "")
            items.append([c for c in (image, caption) if c])
        return self._list_block_md([" ".join(i) for i in items if i], ordered=False)

    # ------------------------------------------------------------------ blocks

    def visit_Document(self, node: ast.Document) -> str:
        body = self.children(node.children)
        if node.dialect == "rendered" and node.title:
            body = self._block("# " + escape_inline(node.title)) + body
        return body

    def visit_Paragraph(self, node: ast.Paragraph) -> str:
        return BLOCK + self.children(node.children) + BLOCK

    def _heading(self, level: int, nodes: list[ast.Node]) -> str:
        text = self.inline(nodes)
        if not text:
            return BLOCK
        if text.endswith("#"):
            text = text[:-1] + "\\#"
        return self._block("#" * max(1, min(6, level)) + " " + text)

    def visit_Heading(self, node: ast.Heading) -> str:
        if self._inline:
            return self.inline(node.children)
        return self._heading(node.level, node.children)

    def visit_HorizontalRule(self, node: ast.HorizontalRule) -> str:
        return "" if self._inline else self._block("---")

    def visit_Preformatted(self, node: ast.Preformatted) -> str:
        if self._inline:
            return self._flatten(node)
        return self._block(code_block(self._text.render(node)))

    def visit_List(self, node: ast.List) -> str:
        if self._inline:
            return self._flatten(node)
        if node.kind == "dl":
            return self._definitions(node)
        return self._list_block([item.children for item in node.items], ordered=node.kind == "ol")

    def _list_block(self, items: list[list[ast.Node]], *, ordered: bool) -> str:
        bodies = []
        for children in items:
            blocks = self._blocks(self.children(children))
            # a nested list follows its item's text directly (a tight list)
            bodies.append("".join(
                (("\n" if _LIST_START.match(b) else "\n\n") if i else "") + b
                for i, b in enumerate(blocks)))
        return self._list_block_md(bodies, ordered=ordered)

    def _list_block_md(self, items: list[str], *, ordered: bool) -> str:
        out = []
        for number, body in enumerate(items, 1):
            marker = f"{number}." if ordered else "-"
            pad = " " * (len(marker) + 1)
            lines = body.split("\n") if body else [""]
            out.append("\n".join([f"{marker} {lines[0]}".rstrip()]
                                 + [pad + line if line else "" for line in lines[1:]]))
        return self._block("\n".join(out))

    def _definitions(self, node: ast.List) -> str:
        """``; term : definition`` as a bold term and the definitions quoted below it
        (GFM has no definition lists); ``:`` indentation alone as a quote."""
        out: list[str] = []
        for item in node.items:
            if item.kind == "dt":
                term = self.inline(item.children)
                if term:
                    out.append(f"**{term}**" if not _PUNCT_EDGE.search(term) else term)
            else:
                body = self._blocks(self.children(item.children))
                if body:
                    out.append(_quote(body))
        return self._block("\n\n".join(out))

    # ------------------------------------------------------------------ tables

    def visit_Table(self, node: ast.Table) -> str:
        if self._inline:
            return self._flatten(node)
        prelude = self.children(node.prelude)
        rows = [r for r in node.rows if r.cells]
        if not rows:
            return prelude + (BLOCK + self.inline(node.caption.children) + BLOCK
                              if node.caption is not None else "")
        if complex_table(node):
            return prelude + self._html_or_text(node)
        caption = ""
        if node.caption is not None:
            text = self.inline(node.caption.children)
            caption = f"**{text}**\n\n" if text and not _PUNCT_EDGE.search(text) else (
                f"{text}\n\n" if text else "")
        body = [[self._cell(c) for c in r.cells] for r in rows]
        header = None
        if all(c.header for c in rows[0].cells):
            header, body = body[0], body[1:]
        aligns = [cell_align(c) for c in rows[0].cells]
        return prelude + self._block(caption + pipe_table(body, header, aligns))

    def _cell(self, cell: ast.TableCell) -> str:
        return self.inline(cell.children, breaks="<br>" if self.html else " ")

    def _html_or_text(self, node: ast.Node) -> str:
        if self.complex_tables == "html" and not self._inline:
            cited, self.html_cited = self.html_cited, []
            try:
                html = self._html.visit(node)
                markers = "".join(self.html_cited)
            finally:
                self.html_cited = cited
            # an HTML block ends at a blank line; the footnotes cited inside it are referenced
            # again after it (Markdown is not read inside HTML, and unreferenced footnotes vanish)
            html = "\n".join(line for line in html.split("\n") if line.strip())
            return self._block(html) + (BLOCK + markers + BLOCK if markers else "")
        if not isinstance(node, ast.Table):
            return BLOCK + self._flatten(node) + BLOCK
        lines = [self.inline(node.caption.children)] if node.caption is not None else []
        for row in node.rows:
            cells = [self._text.inline_text(c.children) for c in row.cells]
            lines.append(" · ".join(escape_inline(c) for c in cells if c.strip()))
        return BLOCK + LINE.join(line for line in lines if line) + BLOCK


def _quote(blocks: list[str]) -> str:
    lines = "\n\n".join(blocks).split("\n")
    return "\n".join("> " + line if line else ">" for line in lines)


def to_markdown(doc: ast.Node, **options: Any) -> str:
    """GitHub-flavoured Markdown of a document (``render(doc, "markdown", **options)``)."""
    return MarkdownEmitter(**options).render(doc)


register("markdown", MarkdownEmitter)
