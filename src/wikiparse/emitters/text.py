"""Plain-text emitter: ``render(doc, "text")`` and ``doc.strip_code()``.

Two profiles (see ``docs/text.md``):

* ``profile="visible"``: the text a reader sees on the rendered page (a browser's ``innerText``
  of MediaWiki's HTML): link labels, list items and table rows on their own lines (no markers,
  cells separated by a tab), image captions, reference markers ``[1]`` and the reference list,
  autonumbered external links ``[1]``, maintenance tags such as ``[citation needed]``.
* ``profile="clean"`` (default): for NLP and search: the same without reference markers and
  lists, captions and navigation boilerplate.  Each of those is an option
  (``references=``, ``captions=``, ``navigation=``), as are ``tables=`` and ``headings=``.

Blocks are separated by a blank line, lines inside a block (list items, table rows, ``<br>``) by
a newline; runs of spaces collapse as in a browser.  No markup is ever left: templates go through
a :class:`~wikiparse.emitters.templates.TemplateHandlers` object (``templates=`` option).
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Callable

import wikiparse.ast as ast
from ..config import SiteConfig
from ..html_tags import DISPLAY_BLOCK_TAGS, DISPLAY_LINE_TAGS, TABLE_CELL_TAGS
from . import register
from .base import Emitter, Visiting, gc_paused
from .html.sanitizer import decode_entities
from .gallery import gallery_lines
from .templates import TemplateCall, TemplateHandlers

# sentinels, resolved by _finish: a line break, a block break, a kept space / tab (pre), a cell
LINE, BLOCK, SPACE, TAB, CELL = "\x00", "\x01", "\x02", "\x03", "\x04"
_WS = re.compile(r"[ \t\n\r\f\v]+")
_BREAKS = re.compile(r"[ \x00\x01\x04]*[\x00\x01][ \x00\x01\x04]*")
_CELLS = re.compile(r" *\x04 *")
_DEFAULT_HANDLERS = TemplateHandlers()

_BLOCK_TAGS = DISPLAY_BLOCK_TAGS
_LINE_TAGS = DISPLAY_LINE_TAGS
_CELL_TAGS = TABLE_CELL_TAGS
#: extension tags whose content is never text
_SILENT_EXTENSIONS = frozenset({
    "templatestyles", "indicator", "categorytree", "timeline", "graph", "mapframe", "maplink",
    "score", "section", "includeonly", "charinsert", "inputbox", "imagemap", "hiero", "dynamicpagelist",
    "templatedata", "langconvert", "tabs", "talkpage", "rss",
})
_PRE_EXTENSIONS = frozenset({"pre", "syntaxhighlight", "source"})


class TextEmitter(Emitter):
    """Options: ``profile`` ("clean" | "visible"), ``templates`` (a TemplateHandlers),
    ``references``, ``captions``, ``navigation``, ``tables``, ``headings`` (bools; defaults from
    the profile), ``chrome`` (rendered pages' site chrome; default False in both), ``today`` (a ``datetime.date`` for age templates; default today)."""

    name = "text"
    PROFILES = ("clean", "visible")
    PARTS = frozenset({ast.Attribute, ast.Parameter, ast.ImageOption, ast.EditMarker})
    OPTIONS = frozenset({"profile", "templates", "references", "captions", "navigation", "chrome",
                         "tables", "headings", "today"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        profile = options.get("profile", "clean")
        if profile not in self.PROFILES:
            raise ValueError(f"unknown text profile {profile!r}; expected 'clean' or 'visible'")
        self.profile: str = profile
        visible = profile == "visible"
        self.references: bool = bool(options.get("references", visible))
        self.captions: bool = bool(options.get("captions", visible))
        self.navigation: bool = bool(options.get("navigation", visible))
        # site chrome of rendered pages (ads, disclaimers, credits...) is never article text
        self.chrome: bool = bool(options.get("chrome", False))
        self.tables: bool = bool(options.get("tables", True))
        # clean text keeps a spanned table's columns aligned (a spanning cell's text in its first
        # slot, empty cells in the others); visible text is the browser's, where they shift
        self._grid_tables = not visible
        self.headings: bool = bool(options.get("headings", True))
        handlers = options.get("templates")
        if handlers is None:
            handlers = _DEFAULT_HANDLERS
        elif not isinstance(handlers, TemplateHandlers):
            raise TypeError("templates= must be a TemplateHandlers instance")
        self.handlers: TemplateHandlers = handlers
        today = options.get("today")
        self.today: _dt.date = today if isinstance(today, _dt.date) else _dt.date.today()
        # the rendered document's settings and parser (gallery captions are kept raw in the tree)
        self.config: SiteConfig | None = None
        self.parse_fragment: Callable[[str], ast.Document] | None = None
        self._reset()

    def _reset(self) -> None:
        self._autonumber = 0
        self._list_depth = 0
        # group -> list of [text]; names -> (group, number)
        self._notes: dict[str, list[str]] = {}
        self._note_names: dict[tuple[str, str], int] = {}

    # ---- driver

    def render(self, node: ast.Node) -> str:
        self.source = self.source_of(node)
        if isinstance(node, ast.Document):
            self.config = node.config
            self.parse_fragment = node.parse_fragment
        self._reset()
        with gc_paused():
            raw = self.visit(node)
        if self.references and isinstance(node, ast.Document):
            for group in list(self._notes):
                raw += self._reference_list(group)
        return _finish(raw)

    def inline_text(self, nodes: list[ast.Node]) -> str:
        """Text of ``nodes`` on one line (for template handlers)."""
        return _finish(self._children(nodes), single_line=True)

    def _children(self, nodes: list[ast.Node] | None) -> str:
        return "".join(self.visit(n) for n in nodes or ())

    def generic_visit(self, node: ast.Node) -> Visiting:
        return (yield list(node.child_nodes()))

    # ---- leaves

    def visit_Text(self, node: ast.Text) -> str:
        return node.value

    def visit_Entity(self, node: ast.Entity) -> str:
        return node.char

    def _nothing(self, node: ast.Node) -> str:
        return ""

    visit_Comment = visit_BehaviorSwitch = visit_Category = visit_LanguageLink = _nothing
    visit_EditMarker = visit_Attribute = visit_ImageOption = visit_Variable = _nothing
    visit_ParserFunction = _nothing

    def visit_HorizontalRule(self, node: ast.HorizontalRule) -> str:
        return BLOCK

    def visit_ParagraphBreak(self, node: ast.ParagraphBreak) -> str:
        return LINE

    def visit_Signature(self, node: ast.Signature) -> str:
        return "~" * node.tildes if self.profile == "visible" else ""

    def visit_MagicLink(self, node: ast.MagicLink) -> str:
        if 0 <= node.span[0] < node.span[1] <= len(self.source):
            return self.source[node.span[0] : node.span[1]]
        return f"{node.kind} {node.value}"

    def visit_Argument(self, node: ast.Argument) -> Visiting:
        if node.default is not None:
            return (yield node.default)
        if self.profile == "visible":
            return "{{{" + ((yield node.name_nodes) or node.name) + "}}}"
        return ""

    # ---- inline containers

    def visit_WikiLink(self, node: ast.WikiLink) -> Visiting:
        if node.has_text:
            label = (yield node.children)
            if not node.children:  # the pipe trick: [[Page (thing)|]] -> Page
                label = _pipe_trick(node.target)
        else:
            label = node.target[1:] if node.leading_colon else node.target
        return label + node.trail

    def visit_ExternalLink(self, node: ast.ExternalLink) -> Visiting:
        if node.kind == "free":
            return node.url
        if node.children:
            return (yield node.children)
        self._autonumber += 1
        return f"[{self._autonumber}]" if self.profile == "visible" else ""

    def visit_FileLink(self, node: ast.FileLink) -> Visiting:
        if node.is_media:
            return (yield node.caption) if node.caption else node.target.partition(":")[2]
        if not self.captions or node.format not in ("thumb", "frame"):
            return ""
        caption = (yield node.caption) if node.caption else ""
        return BLOCK + caption + BLOCK if caption.strip() else ""

    def visit_Redirect(self, node: ast.Redirect) -> Visiting:
        label = (yield node.link) if node.link is not None else node.target
        return BLOCK + ("Redirect to: " if self.profile == "visible" else "") + label + BLOCK

    def visit_Tag(self, node: ast.Tag) -> Visiting:
        name = node.name.lower()
        if node.kind == "stray-close":
            return ""
        if name == "br":
            return LINE
        if name == "hr":
            return BLOCK
        inner = (yield node.children)
        if name in _BLOCK_TAGS:
            return BLOCK + inner + BLOCK
        if name in _LINE_TAGS:
            return LINE + inner + LINE
        if name in _CELL_TAGS:
            return CELL + inner
        return inner

    def visit_ExtensionTag(self, node: ast.ExtensionTag) -> Any:
        name = node.name.lower()
        if name == "ref":
            return (yield from self._ref(node))
        if name == "references":
            if not self.references:
                return ""
            inner = (yield node.children)  # list-defined refs register themselves
            del inner
            return self._reference_list(node.get_attr("group") or "")
        if name in _SILENT_EXTENSIONS:
            return ""
        if name == "nowiki":
            return decode_entities(node.content or "")  # MediaWiki's rules: "&amp" stays
        if name in _PRE_EXTENSIONS:
            text = decode_entities(node.content or "") if name == "pre" else (node.content or "")
            return BLOCK + _keep_whitespace(text.strip("\n")) + BLOCK
        if name in ("math", "chem", "ce"):
            return (node.content or "").strip() if self.profile == "visible" else ""
        if name == "gallery":
            return self._gallery(node) if self.captions else ""
        if name == "poem":
            inner = (yield node.children) if node.children else (node.content or "")
            return BLOCK + inner.strip("\n").replace("\n", LINE) + BLOCK
        if node.children:
            return (yield node.children)
        return ""

    def _gallery(self, node: ast.ExtensionTag) -> str:
        """The captions, parsed as wikitext by the document's parser (links show their labels;
        without one, a tree built by hand, the caption's source is shown), one per line."""
        lines = []
        for line in gallery_lines(node.content or "", self.config):
            if not line.caption.strip():
                continue
            if self.parse_fragment is None:
                caption = line.caption.strip()
            else:
                caption_doc = self.parse_fragment(line.caption)
                page_source, self.source = self.source, caption_doc.source  # the snippet's spans
                try:
                    caption = self.inline_text(caption_doc.children)
                finally:
                    self.source = page_source
            if caption:
                lines.append(caption)
        return BLOCK + LINE.join(lines) + BLOCK if lines else ""

    # ---- references

    def _ref(self, node: ast.ExtensionTag) -> Visiting:
        group = node.get_attr("group") or ""
        name = node.get_attr("name")
        text = _finish((yield node.children), single_line=True) if node.children else ""
        notes = self._notes.setdefault(group, [])
        if name is not None and (group, name) in self._note_names:
            number = self._note_names[(group, name)]
            if text and not notes[number - 1]:
                notes[number - 1] = text
        else:
            notes.append(text)
            number = len(notes)
            if name is not None:
                self._note_names[(group, name)] = number
        if not self.references:
            return ""
        return f"[{group + ' ' if group else ''}{number}]"

    def add_footnote(self, template: ast.Template, text: str) -> str | None:
        """A footnote made by a template (``{{efn}}``, ``{{sfn}}``): registers it, returns its
        marker (or None when references are off)."""
        group = "lower-alpha" if template.name.lower().startswith("efn") else ""
        notes = self._notes.setdefault(group, [])
        notes.append(text)
        if not self.references:
            return None
        n = len(notes)
        if group == "lower-alpha":
            return f"[{_alpha(n)}]"
        return f"[{n}]"

    def _reference_list(self, group: str) -> str:
        notes = self._notes.pop(group, [])
        self._note_names = {k: v for k, v in self._note_names.items() if k[0] != group}
        if not notes or not self.references:
            return ""
        return BLOCK + LINE.join("\u2191 " + t for t in notes) + BLOCK

    # ---- templates

    def visit_Template(self, node: ast.Template) -> str:
        key = node.name.lower()
        if key in ("reflist", "references", "notelist", "notes", "reflist-talk") or \
                key.startswith("notelist"):
            if not self.references:
                return ""
            group = "lower-alpha" if key.startswith("notelist") else ""
            return self._reference_list(group)
        text = self.handlers.text(TemplateCall(node, self))
        if not text:
            return ""
        return text.replace("\n", LINE)

    def visit_Parameter(self, node: ast.Parameter) -> Visiting:
        return (yield node.value)

    # ---- blocks

    def visit_Document(self, node: ast.Document) -> Visiting:
        return (yield node.children)

    def visit_Paragraph(self, node: ast.Paragraph) -> Visiting:
        return BLOCK + (yield node.children) + BLOCK

    def visit_Heading(self, node: ast.Heading) -> Visiting:
        if not self.headings:
            return BLOCK
        return BLOCK + (yield node.children) + BLOCK

    def visit_Preformatted(self, node: ast.Preformatted) -> Visiting:
        return BLOCK + _keep_whitespace((yield node.children)) + BLOCK

    def visit_List(self, node: ast.List) -> Visiting:
        self._list_depth += 1
        try:
            items = yield node.items
        finally:
            self._list_depth -= 1
        edge = LINE if self._list_depth else BLOCK
        return edge + items + edge

    def visit_ListItem(self, node: ast.ListItem) -> Visiting:
        return LINE + (yield node.children) + LINE

    def visit_Table(self, node: ast.Table) -> Visiting:
        if not self.tables:
            return BLOCK
        parts = [BLOCK, (yield node.prelude)]
        if node.caption is not None:
            parts.append(self.visit(node.caption))
        if self._grid_tables and node.has_spans():
            parts.extend(self._grid_rows(node))
        else:
            for row in node.rows:
                parts.append(self.visit(row))
        parts.append(BLOCK)
        return "".join(parts)

    def _grid_rows(self, node: ast.Table) -> list[str]:
        """Rows laid out in the table's grid (rowspan/colspan expanded), so that every cell is
        in its column: a spanning cell's text (on one line) in its first slot, empty cells in
        the others."""
        lines = []
        for r, line in enumerate(node.grid()):
            texts = []
            for c, slot in enumerate(line):
                first = slot is not None and slot.row == r and slot.column == c
                texts.append(_finish(self.visit(slot.cell), single_line=True)
                             if first and slot is not None else "")
            while texts and not texts[-1]:  # nothing to align after the last text
                texts.pop()
            # a real tab between cells: an empty first cell keeps its column
            lines.append(LINE + TAB.join(texts) + LINE)
        return lines

    def visit_TableRow(self, node: ast.TableRow) -> Visiting:
        cells = []
        for c in node.cells:
            cells.append((yield c))
        return LINE + CELL.join(cells) + LINE

    def visit_TableCaption(self, node: ast.TableCaption) -> Visiting:
        return (yield node.children) + LINE

    def visit_TableCell(self, node: ast.TableCell) -> Visiting:
        return (yield node.children)

    # ---- rendered-page dialect

    def visit_Navigation(self, node: ast.Navigation) -> str:
        if not self.navigation:
            return ""
        return BLOCK + node.label + ": " + " - ".join(node.items) + BLOCK

    def visit_Boilerplate(self, node: ast.Boilerplate) -> str:
        return BLOCK + node.text + BLOCK if self.chrome else ""


def _alpha(n: int) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(97 + r) + out
    return out


def _pipe_trick(target: str) -> str:
    t = target.lstrip(":")
    if ":" in t:
        t = t.split(":", 1)[1]
    t = re.sub(r"\s*\([^()]*\)\s*$", "", t)
    t = re.sub(r",.*$", "", t)
    return t.strip()


def _keep_whitespace(text: str) -> str:
    return text.replace(" ", SPACE).replace("\t", TAB).replace("\n", LINE)


def _finish(raw: str, *, single_line: bool = False) -> str:
    """Resolve sentinels: collapse whitespace, blocks -> blank line, lines -> newline."""
    text = _WS.sub(" ", raw)
    if single_line:
        text = re.sub(r"[ \x00\x01\x04]+", " ", text).strip()
        return text.replace(SPACE, " ").replace(TAB, "\t")

    def brk(m: re.Match[str]) -> str:
        return "\n\n" if BLOCK in m.group(0) else "\n"

    text = _BREAKS.sub(brk, text)
    text = _CELLS.sub("\t", text)
    text = "\n".join(line.strip(" ") for line in text.split("\n"))
    text = text.replace(SPACE, " ").replace(TAB, "\t")
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")


def to_text(doc: ast.Node, **options: Any) -> str:
    """Plain text of a document (``render(doc, "text", **options)``)."""
    return TextEmitter(**options).render(doc)


register("text", TextEmitter)
