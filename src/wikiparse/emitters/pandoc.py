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

from .. import ast
from . import register
from ._recursion import recursion_headroom
from .base import Emitter
from .json import dumps

Json = Any
_API = {"1.23": [1, 23, 1], "1.22": [1, 22, 2, 1]}
_WORDS = re.compile(r"[^ \t\n\r\f\v]+|[ \t\n\r\f\v]+")
_NO_ATTR: list[Any] = ["", [], []]
_INLINE_STYLE = {"b": "Strong", "strong": "Strong", "i": "Emph", "em": "Emph", "u": "Underline",
                 "ins": "Underline", "s": "Strikeout", "del": "Strikeout", "strike": "Strikeout",
                 "sup": "Superscript", "sub": "Subscript"}
_FRAMED_FORMATS = ("thumbnail", "thumb", "frame", "framed")
_CODE_TAGS = frozenset({"code", "tt", "kbd", "samp"})
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
    name = "pandoc-json"

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        version = str(options.get("api_version", "1.23"))
        if version not in _API:
            raise ValueError(f"api_version must be one of {', '.join(_API)}")
        self.api_version = version
        self._categories: list[str] = []

    def render(self, node: ast.Node) -> str:
        return dumps(self.to_pandoc(node))

    def to_pandoc(self, node: ast.Node) -> Json:
        """The pandoc document as a dict."""
        if isinstance(node, ast.Document):
            self.source = node.source
        self._categories = []
        with recursion_headroom():
            blocks = self.blocks([node] if not isinstance(node, ast.Document) else node.children)
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

    # ---- blocks

    def blocks(self, nodes: list[ast.Node]) -> list[Json]:
        """Blocks for a mixed node list: runs of inline nodes become ``Plain``/``Para``."""
        out: list[Json] = []
        run: list[ast.Node] = []

        def flush() -> None:
            if run:
                inl = _tidy(self.inlines(run))
                if inl:
                    out.append(_t("Plain", inl))
                run.clear()

        for n in nodes:
            if isinstance(n, ast.FileLink) and n.format in _FRAMED_FORMATS and not run:
                out.append(self._figure(n))
            elif isinstance(n, _BLOCK_NODES) or (isinstance(n, ast.Tag) and n.name in ("div", "blockquote", "center", "table", "p")):
                flush()
                out.extend(self.block(n))
            else:
                run.append(n)
        flush()
        return out

    def block(self, n: ast.Node) -> list[Json]:
        if isinstance(n, ast.Paragraph):
            return self._paragraph(n)
        if isinstance(n, ast.Heading):
            return [_t("Header", [n.level, _NO_ATTR, _tidy(self.inlines(n.children))])]
        if isinstance(n, ast.List):
            return [self._list(n)]
        if isinstance(n, ast.Table):
            return self._table(n)
        if isinstance(n, ast.Preformatted):
            return [_t("CodeBlock", [_NO_ATTR, _plain_text(n.children)])]
        if isinstance(n, ast.HorizontalRule):
            return [_t("HorizontalRule")]
        if isinstance(n, ast.Redirect):
            return [_t("Para", [_t("Str", "Redirect:"), _t("Space"),
                                *(self.inline(n.link) if n.link else _str_inlines(n.target))])]
        if isinstance(n, ast.Navigation):
            return [_t("Div", [["", ["navigation"], []],
                               [_t("Plain", _str_inlines(n.label + ": " + " - ".join(n.items)))]])]
        if isinstance(n, ast.Boilerplate):
            return [_t("Div", [["", ["boilerplate", n.kind], []], [_t("Plain", _str_inlines(n.text))]])]
        if isinstance(n, ast.Tag):
            inner = self.blocks(n.children)
            if n.name == "blockquote":
                return [_t("BlockQuote", inner)]
            return [_t("Div", [self._attr(n), inner])]
        return [_t("Plain", _tidy(self.inline(n)))]

    def _paragraph(self, n: ast.Paragraph) -> list[Json]:
        meaningful = [c for c in n.children
                      if not (isinstance(c, ast.Text) and not c.value.strip())
                      and not isinstance(c, (ast.Comment, ast.Category, ast.LanguageLink,
                                             ast.BehaviorSwitch))]
        if len(meaningful) == 1 and isinstance(meaningful[0], ast.FileLink) \
                and meaningful[0].format in _FRAMED_FORMATS:
            for c in n.children:
                if isinstance(c, ast.Category):
                    self._categories.append(c.name)
            return [self._figure(meaningful[0])]
        if meaningful and all(isinstance(c, (ast.Template, ast.ParserFunction)) for c in meaningful):
            for c in n.children:
                if isinstance(c, ast.Category):
                    self._categories.append(c.name)
            return [_t("RawBlock", ["mediawiki", self._src(c)]) for c in meaningful]
        inl = _tidy(self.inlines(n.children))
        return [_t("Para", inl)] if inl else []

    def _figure(self, f: ast.FileLink) -> Json:
        caption = _tidy(self.inlines(f.caption or []))
        image = self._image(f, caption if self.api_version == "1.22" else [])
        if self.api_version == "1.22":
            image["c"][2][1] = "fig:"
            return _t("Para", [image])
        return _t("Figure", [_NO_ATTR, [None, [_t("Plain", caption)] if caption else []],
                             [_t("Plain", [image])]])

    def _list(self, n: ast.List) -> Json:
        if n.kind == "dl":
            if all(i.kind == "dd" for i in n.items):
                return _t("BlockQuote", [b for i in n.items for b in self.blocks(i.children)])
            entries: list[Json] = []
            for item in n.items:
                if item.kind == "dt" or not entries:
                    term = _tidy(self.inlines([c for c in item.children if not isinstance(c, ast.List)]))
                    entries.append([term, []])
                    if item.kind == "dt":
                        continue
                entries[-1][1].append(self.blocks(item.children))
            return _t("DefinitionList", entries)
        items = [self.blocks(i.children) for i in n.items]
        if n.kind == "ol":
            return _t("OrderedList", [[1, _t("Decimal"), _t("Period")], items])
        return _t("BulletList", items)

    def _cell(self, c: ast.TableCell) -> Json:
        span_attr = {a.name.lower(): a.value or "" for a in c.attrs}
        rowspan = int(span_attr["rowspan"]) if span_attr.get("rowspan", "").isdigit() else 1
        colspan = int(span_attr["colspan"]) if span_attr.get("colspan", "").isdigit() else 1
        return [_NO_ATTR, _t("AlignDefault"), max(1, rowspan), max(1, colspan), self.blocks(c.children)]

    def _table(self, n: ast.Table) -> list[Json]:
        rows = [[self._cell(c) for c in r.cells] for r in n.rows if r.cells]
        width = max((len(r) for r in rows), default=0)
        if width == 0:
            return []
        empty_cell = [_NO_ATTR, _t("AlignDefault"), 1, 1, []]
        rows = [r + [empty_cell] * (width - len(r)) for r in rows]
        caption_blocks = self.blocks(n.caption.children) if n.caption is not None else []
        prelude = self.blocks(n.prelude)
        colspecs = [[_t("AlignDefault"), _t("ColWidthDefault")] for _ in range(width)]
        body = [_NO_ATTR, 0, [], [[_NO_ATTR, r] for r in rows]]
        table = _t("Table", [self._attr_of(n.attrs), [None, caption_blocks], colspecs,
                             [_NO_ATTR, []], [body], [_NO_ATTR, []]])
        return prelude + [table]

    # ---- inlines

    def inlines(self, nodes: list[ast.Node] | None) -> list[Json]:
        out: list[Json] = []
        for n in nodes or ():
            out.extend(self.inline(n))
        return out

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

    def _attr(self, n: ast.Tag | ast.ExtensionTag) -> Json:
        return self._attr_of(n.attrs)

    def _image(self, f: ast.FileLink, alt: list[Json]) -> Json:
        kv = []
        if f.width:
            kv.append(["width", f"{f.width}px"])
        if f.height:
            kv.append(["height", f"{f.height}px"])
        if not alt and f.alt:
            alt = _str_inlines(f.alt)
        return _t("Image", [["", [c for c in (f.format, f.align) if c], kv], alt, [f.name or f.title, ""]])

    def inline(self, n: ast.Node) -> list[Json]:  # noqa: C901 - one case per node type
        if isinstance(n, ast.Text):
            return _str_inlines(n.value)
        if isinstance(n, ast.Entity):
            return [_t("Str", n.char)] if n.char.strip() else [_t("Space")]
        if isinstance(n, ast.Bold):
            return [_t("Strong", self.inlines(n.children))]
        if isinstance(n, ast.Italic):
            return [_t("Emph", self.inlines(n.children))]
        if isinstance(n, ast.WikiLink):
            if n.has_text and n.children:
                label = self.inlines(n.children)
            else:
                label = _str_inlines(n.target[1:] if n.leading_colon else n.target)
            if n.trail:
                label = label + [_t("Str", n.trail)]
            url = n.title.replace(" ", "_") + (f"#{n.fragment}" if n.fragment else "")
            if n.interwiki:
                url = f"{n.interwiki}:{url}"
            return [_t("Link", [["", ["wikilink"], []], _tidy(label), [url, ""]])]
        if isinstance(n, ast.ExternalLink):
            label = self.inlines(n.children) if n.children else [_t("Str", n.url)]
            return [_t("Link", [_NO_ATTR, _tidy(label), [n.url, ""]])]
        if isinstance(n, ast.FileLink):
            if n.is_media:
                label = self.inlines(n.caption) if n.caption else [_t("Str", n.name)]
                return [_t("Link", [["", ["wikilink"], []], _tidy(label), [n.title, ""]])]
            return [self._image(n, _tidy(self.inlines(n.caption or [])))]
        if isinstance(n, ast.MagicLink):
            return [_t("Link", [_NO_ATTR, _str_inlines(self._src(n)), [n.url, ""]])] if n.url \
                else _str_inlines(self._src(n))
        if isinstance(n, ast.Category):
            self._categories.append(n.name)
            return []
        if isinstance(n, (ast.Comment, ast.LanguageLink, ast.BehaviorSwitch, ast.EditMarker,
                          ast.Attribute, ast.ImageOption)):
            return []
        if isinstance(n, (ast.Template, ast.ParserFunction, ast.Variable, ast.Argument,
                          ast.Signature)):
            return [_t("RawInline", ["mediawiki", self._src(n)])]
        if isinstance(n, ast.ParagraphBreak):
            return [_t("LineBreak")]
        if isinstance(n, ast.Tag):
            name = n.name.lower()
            if n.kind == "stray-close":
                return []
            if name == "br":
                return [_t("LineBreak")]
            if name == "hr":
                return []
            inner = self.inlines(n.children)
            if name in _INLINE_STYLE:
                return [_t(_INLINE_STYLE[name], inner)]
            if name in _CODE_TAGS:
                return [_t("Code", [self._attr(n), _plain_text(n.children)])]
            return [_t("Span", [self._attr(n), inner])]
        if isinstance(n, ast.ExtensionTag):
            name = n.name.lower()
            if name == "ref":
                if not n.children:
                    return []
                return [_t("Note", [_t("Para", _tidy(self.inlines(n.children)))])]
            if name == "references":
                return []
            if name == "nowiki":
                from .html.sanitizer import decode_entities  # MediaWiki's rules: "&amp" stays

                return _str_inlines(decode_entities(n.content or ""))
            if name == "math":
                return [_t("Math", [_t("InlineMath"), (n.content or "").strip()])]
            if name in ("pre", "syntaxhighlight", "source", "code"):
                return [_t("Code", [_NO_ATTR, n.content or ""])]
            if n.children:
                return [_t("Span", [["", [name], []], self.inlines(n.children)])]
            return [_t("RawInline", ["mediawiki", self._src(n)])]
        if isinstance(n, ast.Redirect):
            return self.inline(n.link) if n.link else []
        if isinstance(n, _BLOCK_NODES):
            # a block where only inlines fit (a list inside a link label...): its text
            return _str_inlines(_plain_text([n]))
        return self.inlines(list(n.child_nodes()))


register("pandoc-json", PandocEmitter)
