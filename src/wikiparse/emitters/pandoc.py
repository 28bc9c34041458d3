"""pandoc JSON emitter: ``render(doc, "pandoc-json")`` -> pandoc's AST as JSON text.

Feed it to any pandoc writer: ``wikiparse page.wiki -t pandoc-json | pandoc -f json -t docx``.
Mapping: templates, parser functions and other unexpandable constructs become raw ``mediawiki``
inlines (or blocks when they stand alone), wiki links ``Link`` with class ``wikilink`` (target
the page title), ``<ref>`` a ``Note``, a lone thumbnail a ``Figure``, categories the metadata
list ``categories``.  Option ``api_version``: ``"1.23"`` (default, pandoc >= 3) or ``"1.22"``
(pandoc 2.x, as in Debian 12: figures become the ``fig:`` image convention).
"""

from __future__ import annotations

import re
from typing import Any

import wikiparse.ast as ast
from . import register
from .base import Emitter, Visiting
from .html.sanitizer import decode_entities
from .json import dumps

Json = Any
_API = {"1.23": [1, 23, 1], "1.22": [1, 22, 2, 1]}
_WORDS = re.compile(r"[^ \t\n\r\f\v]+|[ \t\n\r\f\v]+")
_NO_ATTR: list[Any] = ["", [], []]
_INLINE_STYLE = {"b": "Strong", "strong": "Strong", "i": "Emph", "em": "Emph", "u": "Underline",
                 "ins": "Underline", "s": "Strikeout", "del": "Strikeout", "strike": "Strikeout",
                 "sup": "Superscript", "sub": "Subscript"}
_FRAMED_FORMATS = ("thumb", "frame")
_CODE_TAGS = frozenset({"code", "tt", "kbd", "samp"})
#: HTML tags that stand as blocks among blocks
_BLOCK_TAGS = frozenset({"div", "blockquote", "center", "table", "p"})
_BLOCK_NODES = (ast.Heading, ast.Paragraph, ast.List, ast.Table, ast.Preformatted,
                ast.HorizontalRule, ast.Redirect, ast.Navigation, ast.Boilerplate)


def _t(tag: str, content: Any = None) -> Json:
    return {"t": tag} if content is None else {"t": tag, "c": content}


def _str_inlines(text: str) -> list[Json]:
    out: list[Json] = []
    for piece in _WORDS.findall(text):
        if piece[0] in " \t\n\r\f\v":
            out.append(_t("SoftBreak") if "\n" in piece else _t("Space"))
        else:
            out.append(_t("Str", piece))
    return out


def _tidy(inlines: list[Json]) -> list[Json]:
    """Merge adjacent Str, collapse runs of spaces, trim spaces at both ends."""
    out: list[Json] = []
    for x in inlines:
        if x["t"] == "Str" and out and out[-1]["t"] == "Str":
            out[-1] = _t("Str", out[-1]["c"] + x["c"])
        elif x["t"] in ("Space", "SoftBreak") and (not out or out[-1]["t"] in ("Space", "SoftBreak", "LineBreak")):
            continue
        else:
            out.append(x)
    while out and out[-1]["t"] in ("Space", "SoftBreak"):
        out.pop()
    return out


def _plain_text(nodes: list[ast.Node]) -> str:
    parts: list[str] = []
    stack = list(reversed(nodes))
    while stack:
        n = stack.pop()
        if isinstance(n, ast.Text):
            parts.append(n.value)
        elif isinstance(n, ast.Entity):
            parts.append(n.char)
        elif isinstance(n, ast.ExtensionTag) and n.content is not None and not n.children:
            parts.append(n.content)
        elif not isinstance(n, (ast.Comment, ast.Attribute)):
            stack.extend(reversed(list(n.child_nodes())))
    return "".join(parts)


class PandocEmitter(Emitter):
    """``render(doc, "pandoc-json")``.  Every node type has a ``visit_<Node>`` method returning a
    list of pandoc elements: blocks where a block is expected (:attr:`in_block`), inlines
    elsewhere; a block node met where only inlines fit gives its text."""

    name = "pandoc-json"
    PARTS = frozenset({ast.Attribute, ast.Parameter, ast.ImageOption, ast.EditMarker,
                       ast.ListItem, ast.TableRow, ast.TableCell, ast.TableCaption, ast.Document,
                       ast.Section})
    OPTIONS = frozenset({"api_version"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        version = str(options.get("api_version", "1.23"))
        if version not in _API:
            raise ValueError(f"api_version must be one of {', '.join(_API)}")
        self.api_version = version
        self._categories: list[str] = []
        #: whether the node being visited stands where a block is expected
        self.in_block = False

    def render(self, node: ast.Node) -> str:
        return dumps(self.to_pandoc(node))

    def to_pandoc(self, node: ast.Node) -> Json:
        """The pandoc document as a dict."""
        self.source = self.source_of(node)
        self._categories = []
        page = isinstance(node, (ast.Document, ast.Section))
        blocks = self._drive(self.blocks(list(node.child_nodes()) if page else [node]))
        meta: dict[str, Json] = {}
        if isinstance(node, ast.Document) and node.title:
            meta["title"] = _t("MetaInlines", _str_inlines(node.title))
        if self._categories:
            meta["categories"] = _t("MetaList", [_t("MetaInlines", _str_inlines(c))
                                                 for c in self._categories])
        return {"pandoc-api-version": _API[self.api_version], "meta": meta, "blocks": blocks}

    def _src(self, node: ast.Node) -> str:
        if isinstance(node, ast.Text):
            return node.value
        return self.source[node.span[0] : node.span[1]]

    # ---- the two contexts

    # Every step below is a generator (``x = yield from self.blocks(nodes)``): the visitor runs
    # them on an explicit stack, so no nesting costs Python stack.

    def block(self, n: ast.Node) -> Visiting:
        """``n`` as blocks."""
        self.in_block = True
        return (yield n)

    def inline(self, n: ast.Node) -> Visiting:
        """``n`` as inlines."""
        self.in_block = False
        return (yield n)

    def blocks(self, nodes: list[ast.Node]) -> Visiting:
        """Blocks for a mixed node list: runs of inline nodes become ``Plain``/``Para``."""
        out: list[Json] = []
        run: list[ast.Node] = []
        for n in nodes:
            if isinstance(n, ast.FileLink) and n.format in _FRAMED_FORMATS and not run:
                out.extend((yield from self.block(n)))
            elif isinstance(n, _BLOCK_NODES) or (isinstance(n, ast.Tag) and n.name in _BLOCK_TAGS):
                if run:
                    inl = _tidy((yield from self.inlines(run)))
                    if inl:
                        out.append(_t("Plain", inl))
                    run = []
                out.extend((yield from self.block(n)))
            else:
                run.append(n)
        if run:
            inl = _tidy((yield from self.inlines(run)))
            if inl:
                out.append(_t("Plain", inl))
        return out

    def inlines(self, nodes: list[ast.Node] | None) -> Visiting:
        out: list[Json] = []
        for n in nodes or ():
            out.extend((yield from self.inline(n)))
        return out

    def _as_text(self, n: ast.Node) -> list[Json]:
        """A block where only inlines fit (a list inside a link label...): its text."""
        return _str_inlines(_plain_text([n]))

    def generic_visit(self, node: ast.Node) -> Visiting:
        kids = list(node.child_nodes())
        return (yield from (self.blocks(kids) if self.in_block else self.inlines(kids)))

    # ---- blocks

    def visit_Paragraph(self, n: ast.Paragraph) -> Visiting:
        if not self.in_block:
            return self._as_text(n)
        meaningful = [c for c in n.children
                      if not (isinstance(c, ast.Text) and not c.value.strip())
                      and not isinstance(c, (ast.Comment, ast.Category, ast.LanguageLink,
                                             ast.BehaviorSwitch))]
        if len(meaningful) == 1 and isinstance(meaningful[0], ast.FileLink) \
                and meaningful[0].format in _FRAMED_FORMATS:
            self._note_categories(n.children)
            return [(yield from self._figure(meaningful[0]))]
        if meaningful and all(isinstance(c, (ast.Template, ast.ParserFunction)) for c in meaningful):
            self._note_categories(n.children)
            return [_t("RawBlock", ["mediawiki", self._src(c)]) for c in meaningful]
        inl = _tidy((yield from self.inlines(n.children)))
        return [_t("Para", inl)] if inl else []

    def _note_categories(self, nodes: list[ast.Node]) -> None:
        for c in nodes:
            if isinstance(c, ast.Category):
                self._categories.append(c.name)

    def visit_Heading(self, n: ast.Heading) -> Visiting:
        if not self.in_block:
            return self._as_text(n)
        return [_t("Header", [n.level, _NO_ATTR, _tidy((yield from self.inlines(n.children)))])]

    def visit_List(self, n: ast.List) -> Visiting:
        if not self.in_block:
            return self._as_text(n)
        if n.kind == "dl":
            if all(i.kind == "dd" for i in n.items):
                quoted: list[Json] = []
                for i in n.items:
                    quoted.extend((yield from self.blocks(i.children)))
                return [_t("BlockQuote", quoted)]
            entries: list[Json] = []
            for item in n.items:
                if item.kind == "dt" or not entries:
                    term = _tidy((yield from self.inlines([c for c in item.children if not isinstance(c, ast.List)])))
                    entries.append([term, []])
                    if item.kind == "dt":
                        continue
                entries[-1][1].append((yield from self.blocks(item.children)))
            return [_t("DefinitionList", entries)]
        items = []
        for i in n.items:
            items.append((yield from self.blocks(i.children)))
        if n.kind == "ol":
            return [_t("OrderedList", [[1, _t("Decimal"), _t("Period")], items])]
        return [_t("BulletList", items)]

    def visit_Table(self, n: ast.Table) -> Visiting:
        if not self.in_block:
            return self._as_text(n)
        rows = []
        for r in n.rows:
            if r.cells:
                row = []
                for c in r.cells:
                    row.append((yield from self._cell(c)))
                rows.append(row)
        width = max((len(r) for r in rows), default=0)
        if width == 0:
            return []
        empty_cell = [_NO_ATTR, _t("AlignDefault"), 1, 1, []]
        rows = [r + [empty_cell] * (width - len(r)) for r in rows]
        caption_blocks = (yield from self.blocks(n.caption.children)) if n.caption is not None else []
        prelude = (yield from self.blocks(n.prelude))
        colspecs = [[_t("AlignDefault"), _t("ColWidthDefault")] for _ in range(width)]
        body = [_NO_ATTR, 0, [], [[_NO_ATTR, r] for r in rows]]
        table = _t("Table", [self._attr_of(n.attrs), [None, caption_blocks], colspecs,
                             [_NO_ATTR, []], [body], [_NO_ATTR, []]])
        return prelude + [table]

    def _cell(self, c: ast.TableCell) -> Visiting:
        span_attr = {a.name.lower(): a.value or "" for a in c.attrs}
        rowspan = int(span_attr["rowspan"]) if span_attr.get("rowspan", "").isdigit() else 1
        colspan = int(span_attr["colspan"]) if span_attr.get("colspan", "").isdigit() else 1
        return [_NO_ATTR, _t("AlignDefault"), max(1, rowspan), max(1, colspan), (yield from self.blocks(c.children))]

    def visit_Preformatted(self, n: ast.Preformatted) -> list[Json]:
        if not self.in_block:
            return self._as_text(n)
        return [_t("CodeBlock", [_NO_ATTR, _plain_text(n.children)])]

    def visit_HorizontalRule(self, n: ast.HorizontalRule) -> list[Json]:
        return [_t("HorizontalRule")] if self.in_block else self._as_text(n)

    def visit_Redirect(self, n: ast.Redirect) -> Visiting:
        if not self.in_block:
            return (yield from self.inline(n.link)) if n.link else []
        target = (yield from self.inline(n.link)) if n.link else _str_inlines(n.target)
        return [_t("Para", [_t("Str", "Redirect:"), _t("Space"), *target])]

    def visit_Navigation(self, n: ast.Navigation) -> list[Json]:
        if not self.in_block:
            return self._as_text(n)
        return [_t("Div", [["", ["navigation"], []],
                           [_t("Plain", _str_inlines(n.label + ": " + " - ".join(n.items)))]])]

    def visit_Boilerplate(self, n: ast.Boilerplate) -> list[Json]:
        if not self.in_block:
            return self._as_text(n)
        return [_t("Div", [["", ["boilerplate", n.kind], []], [_t("Plain", _str_inlines(n.text))]])]

    def _figure(self, f: ast.FileLink) -> Visiting:
        caption = _tidy((yield from self.inlines(f.caption or [])))
        image = self._image(f, caption if self.api_version == "1.22" else [])
        if self.api_version == "1.22":
            image["c"][2][1] = "fig:"
            return _t("Para", [image])
        return _t("Figure", [_NO_ATTR, [None, [_t("Plain", caption)] if caption else []],
                             [_t("Plain", [image])]])

    # ---- inlines

    def _attr_of(self, attrs: list[ast.Attribute]) -> Json:
        ident, classes, kv = "", [], []
        for a in attrs:
            if not a.name:
                continue
            name, value = a.name.lower(), a.value or ""
            if name == "id":
                ident = value
            elif name == "class":
                classes.extend(value.split())
            else:
                kv.append([name, value])
        return [ident, classes, kv]

    def _image(self, f: ast.FileLink, alt: list[Json]) -> Json:
        kv = []
        if f.width:
            kv.append(["width", f"{f.width}px"])
        if f.height:
            kv.append(["height", f"{f.height}px"])
        if not alt and f.alt:
            alt = _str_inlines(f.alt)
        return _t("Image", [["", [c for c in (f.format, f.align) if c], kv], alt, [f.name or f.title, ""]])

    def visit_Text(self, n: ast.Text) -> list[Json]:
        return _str_inlines(n.value)

    def visit_Entity(self, n: ast.Entity) -> list[Json]:
        return [_t("Str", n.char)] if n.char.strip() else [_t("Space")]

    def visit_Bold(self, n: ast.Bold) -> Visiting:
        return [_t("Strong", (yield from self.inlines(n.children)))]

    def visit_Italic(self, n: ast.Italic) -> Visiting:
        return [_t("Emph", (yield from self.inlines(n.children)))]

    def visit_WikiLink(self, n: ast.WikiLink) -> Visiting:
        if n.has_text and n.children:
            label = (yield from self.inlines(n.children))
        else:
            label = _str_inlines(n.target[1:] if n.leading_colon else n.target)
        if n.trail:
            label = label + [_t("Str", n.trail)]
        url = n.title.replace(" ", "_") + (f"#{n.fragment}" if n.fragment else "")
        if n.interwiki:
            url = f"{n.interwiki}:{url}"
        return [_t("Link", [["", ["wikilink"], []], _tidy(label), [url, ""]])]

    def visit_ExternalLink(self, n: ast.ExternalLink) -> Visiting:
        label = (yield from self.inlines(n.children)) if n.children else [_t("Str", n.url)]
        return [_t("Link", [_NO_ATTR, _tidy(label), [n.url, ""]])]

    def visit_FileLink(self, n: ast.FileLink) -> Visiting:
        if self.in_block:  # a thumbnail standing alone
            return [(yield from self._figure(n))]
        if n.is_media:
            label = (yield from self.inlines(n.caption)) if n.caption else [_t("Str", n.name)]
            return [_t("Link", [["", ["wikilink"], []], _tidy(label), [n.title, ""]])]
        return [self._image(n, _tidy((yield from self.inlines(n.caption or []))))]

    def visit_MagicLink(self, n: ast.MagicLink) -> list[Json]:
        if n.url:
            return [_t("Link", [_NO_ATTR, _str_inlines(self._src(n)), [n.url, ""]])]
        return _str_inlines(self._src(n))

    def visit_Category(self, n: ast.Category) -> list[Json]:
        self._categories.append(n.name)
        return []

    def _nothing(self, n: ast.Node) -> list[Json]:
        return []

    visit_Comment = visit_LanguageLink = visit_BehaviorSwitch = visit_EditMarker = _nothing
    visit_Attribute = visit_ImageOption = _nothing

    def _raw(self, n: ast.Node) -> list[Json]:
        return [_t("RawInline", ["mediawiki", self._src(n)])]

    visit_Template = visit_ParserFunction = visit_Variable = visit_Argument = _raw
    visit_Signature = _raw

    def visit_ParagraphBreak(self, n: ast.ParagraphBreak) -> list[Json]:
        return [_t("LineBreak")]

    def visit_Tag(self, n: ast.Tag) -> Visiting:
        if self.in_block:  # div, blockquote, center, table, p standing as blocks
            inner = (yield from self.blocks(n.children))
            if n.name == "blockquote":
                return [_t("BlockQuote", inner)]
            return [_t("Div", [self._attr_of(n.attrs), inner])]
        name = n.name.lower()
        if n.kind == "stray-close":
            return []
        if name == "br":
            return [_t("LineBreak")]
        if name == "hr":
            return []
        inner = (yield from self.inlines(n.children))
        if name in _INLINE_STYLE:
            return [_t(_INLINE_STYLE[name], inner)]
        if name in _CODE_TAGS:
            return [_t("Code", [self._attr_of(n.attrs), _plain_text(n.children)])]
        return [_t("Span", [self._attr_of(n.attrs), inner])]

    def visit_ExtensionTag(self, n: ast.ExtensionTag) -> Visiting:
        name = n.name.lower()
        if name == "ref":
            if not n.children:
                return []
            return [_t("Note", [_t("Para", _tidy((yield from self.inlines(n.children))))])]
        if name == "references":
            return []
        if name == "nowiki":
            return _str_inlines(decode_entities(n.content or ""))  # "&amp" stays, as MediaWiki
        if name == "math":
            return [_t("Math", [_t("InlineMath"), (n.content or "").strip()])]
        if name in ("pre", "syntaxhighlight", "source", "code"):
            return [_t("Code", [_NO_ATTR, n.content or ""])]
        if n.children and name != "includeonly":  # includeonly: not on the page, kept as source
            return [_t("Span", [["", [name], []], (yield from self.inlines(n.children))])]
        return self._raw(n)


register("pandoc-json", PandocEmitter)
