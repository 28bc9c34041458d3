"""The HTML emitter: a syntax tree to HTML as MediaWiki's parser writes it, safe by default.

Every node type has a ``visit_<Node>`` method returning an HTML string; a user replaces one with
``emitter.add_render_rule(ast.WikiLink, fn)``.  All text goes through :func:`escape_text`, all
attributes through :func:`sanitize_attributes`, all URLs through :func:`safe_url` (see
``docs/html.md`` for the output contract).  Templates, parser functions and magic variables
cannot be expanded offline: they become empty placeholder elements carrying the call in
Parsoid's ``typeof="mw:Transclusion"`` + ``data-mw`` format.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Sequence

from ... import ast
from ...config import SiteConfig
from .. import register
from ..base import Emitter
from .anchors import AnchorRegistry, fragment_id
from .file_repository import FileSpec, file_resolver
from .media import FileInfo, FileResolver, scale
from .references import ReferenceCollector
from .sanitizer import (
    DEFAULT_POLICY, SanitizerPolicy, decode_entities, escape_attr, escape_class, escape_text,
    format_attributes, safe_url, sanitize_attributes, validate_tag,
)
from .standalone import render_standalone, text_direction

__all__ = ["HtmlEmitter", "HtmlPage", "to_html"]

# MediaWiki's "French spacing": a space before ? : ; ! % » › (not followed by a word character)
# and after « ‹ becomes a no-break space.  PHP's \w without /u+UCP is ASCII-only.
_FRENCH_PUNCT = re.compile("[?:;!%\u00bb\u203a\u00ab\u2039]")  # the characters the two patterns below need
_FRENCH_BEFORE = re.compile(r" (?=[?:;!%\u00bb\u203a](?![A-Za-z0-9_]))")
_FRENCH_AFTER = re.compile(r"([\u00ab\u2039]) ")
_TAG_RE = re.compile(r"<[^>]*>")
_WS_RUN = re.compile(r"\s+")

_DEFAULT_INTERWIKI: dict[str, str] = {
    "wikipedia": "https://en.wikipedia.org/wiki/$1", "w": "https://en.wikipedia.org/wiki/$1",
    "wikt": "https://en.wiktionary.org/wiki/$1", "wiktionary": "https://en.wiktionary.org/wiki/$1",
    "wikinews": "https://en.wikinews.org/wiki/$1", "n": "https://en.wikinews.org/wiki/$1",
    "wikibooks": "https://en.wikibooks.org/wiki/$1", "b": "https://en.wikibooks.org/wiki/$1",
    "wikiquote": "https://en.wikiquote.org/wiki/$1", "q": "https://en.wikiquote.org/wiki/$1",
    "wikisource": "https://en.wikisource.org/wiki/$1", "s": "https://en.wikisource.org/wiki/$1",
    "wikispecies": "https://species.wikimedia.org/wiki/$1",
    "species": "https://species.wikimedia.org/wiki/$1",
    "wikiversity": "https://en.wikiversity.org/wiki/$1", "v": "https://en.wikiversity.org/wiki/$1",
    "wikivoyage": "https://en.wikivoyage.org/wiki/$1", "voy": "https://en.wikivoyage.org/wiki/$1",
    "commons": "https://commons.wikimedia.org/wiki/$1", "c": "https://commons.wikimedia.org/wiki/$1",
    "meta": "https://meta.wikimedia.org/wiki/$1", "m": "https://meta.wikimedia.org/wiki/$1",
    "mw": "https://www.mediawiki.org/wiki/$1", "d": "https://www.wikidata.org/wiki/$1",
    "wikidata": "https://www.wikidata.org/wiki/$1", "phab": "https://phabricator.wikimedia.org/$1",
    "google": "https://www.google.com/search?q=$1", "doi": "https://doi.org/$1",
    "arxiv": "https://arxiv.org/abs/$1", "imdb": "https://www.imdb.com/$1",
}
_LANGUAGE_URL = "https://{lang}.wikipedia.org/wiki/$1"

#: raw extension tags shown as preformatted code / inline code when not otherwise handled
_CODE_BLOCK_TAGS = frozenset({"syntaxhighlight", "source", "score", "timeline", "graph", "hiero"})
#: tags whose content is never shown on the page
_HIDDEN_TAGS = frozenset({"includeonly", "templatestyles", "templatedata", "section", "indicator"})
_TRANSPARENT_TAGS = frozenset({"noinclude", "onlyinclude"})
_BLOCK_START = re.compile(
    r"<(?:div|table|figure|ul|ol|dl|pre|h[1-6]|blockquote|center|hr|p|address|section|"
    r"article|aside|details|fieldset|figcaption|footer|header|main|menu|nav|li|dd|dt|"
    r"caption|tr|td|th|tbody|thead|tfoot)[\s/>]"
)
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _add_class(attrs: list[tuple[str, str]], cls: str) -> list[tuple[str, str]]:
    out = [(k, v) for k, v in attrs if k != "class"]
    old = next((v for k, v in attrs if k == "class"), "")
    return [*out, ("class", f"{old} {cls}".strip())]


@dataclass
class HtmlPage:
    """Everything a page render produces: the body HTML and the page-level data MediaWiki shows
    outside it (categories, language links, the table of contents data)."""

    html: str
    #: (category name without namespace, sort key or None), in order of appearance
    categories: list[tuple[str, str | None]] = field(default_factory=list)
    #: (language code, title)
    language_links: list[tuple[str, str]] = field(default_factory=list)
    #: (level, anchor id, plain text) of every heading, for a table of contents
    headings: list[tuple[int, str, str]] = field(default_factory=list)
    #: behaviour switches seen (``NOTOC``, ``NOEDITSECTION`` ...)
    switches: list[str] = field(default_factory=list)
    #: names of the templates (and parser functions) left as placeholders
    templates: list[str] = field(default_factory=list)
    #: the redirect target when the page is a redirect
    redirect: str | None = None


def wiki_urlencode(title: str) -> str:
    """MediaWiki's ``wfUrlencode``: percent-encoding that keeps ``;@$!*(),/~:``."""
    return urllib.parse.quote(title, safe=";@$!*(),/~:")


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


class HtmlEmitter(Emitter):
    """Wikitext tree -> HTML.  Options (keyword arguments):

    ``article_path``  URL pattern of wiki pages, ``$1`` is the title (default: the document's
                      ``SiteConfig.article_path``, else ``/wiki/$1``)
    ``wrap``          wrap the output in ``<div class="mw-parser-output">`` (default True)
    ``toc``           insert a table of contents where MediaWiki would (default False)
    ``policy``        the :class:`SanitizerPolicy` (default: MediaWiki's whitelist)
    ``files``         file resolver ``name -> FileInfo | None`` or a repository name/URL (see
                      :mod:`.file_repository`; default ``"commons"``: Wikimedia Commons'
                      hashed upload URLs, sizes unknown)
    ``thumb_size``    default thumbnail width (default 220)
    ``interwiki``     mapping of interwiki prefix -> URL pattern with ``$1``
    ``page_title``    title of the page rendered (links to it become self-links)
    ``nofollow``      add ``rel="nofollow"`` to external links (default True)
    ``external_link_target``  ``target`` attribute for external links (default none)
    ``script_path``   URL of the wiki's ``index.php`` (upload links for missing files)
    ``local_interwiki``  interwiki prefixes that point at this wiki (their links are internal)
    ``standalone``    a Document renders as a complete HTML document with the bundled
                      stylesheet (see :mod:`.standalone`; default False)
    ``css``           with ``standalone``: stylesheet URL(s) linked instead of the bundled one
    """

    name = "html"

    def __init__(
        self,
        *,
        article_path: str | None = None,
        wrap: bool = True,
        toc: bool = False,
        policy: SanitizerPolicy | None = None,
        files: FileSpec = None,
        thumb_size: int = 220,
        interwiki: Mapping[str, str] | None = None,
        page_title: str | None = None,
        nofollow: bool = True,
        external_link_target: str | None = None,
        script_path: str = "/index.php",
        local_interwiki: Iterable[str] = (),
        config: SiteConfig | None = None,
        standalone: bool = False,
        css: str | Sequence[str] | None = None,
        **options: Any,
    ) -> None:
        super().__init__(**options)
        self.article_path = article_path
        self.wrap = wrap
        self.toc = toc
        self.policy = policy or DEFAULT_POLICY
        self.files: FileResolver = file_resolver(files)
        self.thumb_size = thumb_size
        self.interwiki = dict(_DEFAULT_INTERWIKI if interwiki is None else interwiki)
        self.page_title = page_title
        self.nofollow = nofollow
        self.external_link_target = external_link_target
        self.script_path = script_path
        self.local_interwiki = frozenset(p.lower() for p in local_interwiki)
        self.config = config
        self.standalone = standalone
        self.css = css
        self._reset()

    # ------------------------------------------------------------------ page state

    def _reset(self) -> None:
        self.page = HtmlPage(html="")
        self.anchors = AnchorRegistry()
        self.references = ReferenceCollector()
        self._autonumber = 0
        self._toc_placed = False
        self._link_depth = 0

    @property
    def _article_path(self) -> str:
        if self.article_path is not None:
            return self.article_path
        if self.config is not None:
            return self.config.article_path
        return "/wiki/$1"

    # ------------------------------------------------------------------ entry points

    def render(self, node: ast.Node) -> str:
        if isinstance(node, ast.Document):
            page = self.render_page(node)
            return render_standalone(self, node, page) if self.standalone else page.html
        self._reset()
        return self.visit(node)

    def render_page(self, doc: ast.Document) -> HtmlPage:
        """Render a document and return the HTML with the page-level data."""
        self._reset()
        self.source = doc.source
        if self.config is None and doc.config is not None:
            self.config = doc.config
        body = self.visit(doc)
        self.page.html = body
        return self.page

    # ------------------------------------------------------------------ helpers

    def children(self, nodes: Iterable[ast.Node]) -> str:
        visit = self.visit
        return "".join([visit(n) for n in nodes])

    def src(self, node: ast.Node) -> str:
        return self.source[node.span[0] : node.span[1]]

    def text(self, value: str) -> str:
        """Escaped text with MediaWiki's French spacing."""
        if " " in value:
            if _FRENCH_PUNCT.search(value):
                value = _FRENCH_AFTER.sub("\\1\xa0", _FRENCH_BEFORE.sub("\xa0", value))
            return escape_text(value).replace("\xa0", "&#160;")
        return escape_text(value)

    def attrs(self, tag: str, attributes: Iterable[ast.Attribute]) -> list[tuple[str, str]]:
        return sanitize_attributes(
            tag, [(a.name, a.value) for a in attributes if a.name], self.policy
        )

    def page_url(self, title: str, fragment: str | None = None) -> str:
        url = self._article_path.replace("$1", wiki_urlencode(title.replace(" ", "_")))
        if fragment:
            url += "#" + wiki_urlencode(fragment_id(fragment))
        return url

    def upload_url(self, name: str) -> str:
        """Where MediaWiki sends a click on a missing file (Special:Upload)."""
        dest = wiki_urlencode(name.replace(" ", "_"))
        return f"{self.script_path}?title=Special:Upload&wpDestFile={dest}"

    def inline_html(self, wikitext: str) -> str:
        """HTML of a snippet of wikitext parsed on its own (option values, gallery captions),
        paragraphs unwrapped."""
        import wikiparse

        doc = wikiparse.parse(wikitext, config=self.config)
        out = []
        page_source, self.source = self.source, doc.source  # the snippet's spans are its own
        try:
            for block in doc.children:
                if isinstance(block, ast.Paragraph):
                    out.append(self.children(block.children))
                else:
                    out.append(self.visit(block))
        finally:
            self.source = page_source
        return "".join(out)

    def plain(self, html: str) -> str:
        """Visible text of rendered HTML, whitespace collapsed (for alt/title attributes)."""
        return _WS_RUN.sub(" ", decode_entities(_TAG_RE.sub("", html))).strip()

    def _placeholder(self, node: ast.Node, target: dict[str, Any], params: list[ast.Parameter],
                     inline: bool = True) -> str:
        data = {"parts": [{"template": {
            "target": target,
            "params": {p.name: {"wt": p.value_text(self.source)} for p in params},
            "i": 0,
        }}]}
        tag = "span" if inline else "div"
        return (
            f'<{tag} class="mw-transclusion" typeof="mw:Transclusion" '
            f'data-mw="{escape_attr(json.dumps(data, ensure_ascii=False))}"></{tag}>'
        )

    # ------------------------------------------------------------------ document and blocks

    def visit_Document(self, node: ast.Document) -> str:
        body = self.children(node.children)
        if node.dialect == "rendered" and node.title:
            # a rendered page carries its title in the text: the page heading
            body = f'<h1 class="firstHeading">{escape_text(node.title)}</h1>\n' + body
        for group in self.references.pending_groups():
            body += self.references.flush(group)
        switches = set(self.page.switches)
        if self.toc and "NOTOC" not in switches and (
            len(self.page.headings) >= 4 or switches & {"FORCETOC", "TOC"}
        ) and self.page.headings:
            body = body.replace("\x00TOC\x00", self._toc_html(), 1)
        body = body.replace("\x00TOC\x00", "")
        if self.wrap:
            lang = self.config.lang if self.config is not None else "en"
            return (f'<div class="mw-parser-output" lang="{escape_attr(lang)}" '
                    f'dir="{text_direction(lang)}">{body}</div>')
        return body

    def _toc_html(self) -> str:
        out = ['<div id="toc" class="toc" role="navigation" aria-labelledby="mw-toc-heading">'
               '<div class="toctitle"><h2 id="mw-toc-heading">Contents</h2></div>\n<ul>']
        levels: list[int] = []
        counters: list[int] = []
        for level, anchor, text in self.page.headings:
            while levels and level < levels[-1]:
                if len(levels) == 1:  # shallower than the first heading: still a top entry
                    levels[-1] = level
                    break
                levels.pop()
                counters.pop()
                out.append("</li>\n</ul>")
            if levels and level == levels[-1]:
                out.append("</li>\n")
                counters[-1] += 1
            elif not levels or level > levels[-1]:
                if levels:
                    out.append("\n<ul>")
                levels.append(level)
                counters.append(1)
            number = ".".join(map(str, counters))
            depth = len(levels)
            out.append(
                f'<li class="toclevel-{depth}"><a href="#{escape_attr(anchor)}">'
                f'<span class="tocnumber">{number}</span> '
                f'<span class="toctext">{escape_text(text)}</span></a>'
            )
        out.append("</li>\n" + "</ul>\n</li>\n" * (len(levels) - 1) + "</ul>\n</div>\n")
        return "".join(out)

    def visit_Paragraph(self, node: ast.Paragraph) -> str:
        inner = self.children(node.children)
        if not inner.strip() and any(isinstance(c, (ast.Category, ast.LanguageLink))
                                     for c in node.children):
            return ""  # MediaWiki removes category lines with the whitespace around them
        if _BLOCK_START.search(inner):
            # a block element would end the <p> early and leave a stray </p>: MediaWiki does
            # not wrap such lines either
            return inner + "\n"
        return f"<p>{inner}</p>\n"

    def visit_ParagraphBreak(self, node: ast.ParagraphBreak) -> str:
        return "<br />\n"

    def visit_Heading(self, node: ast.Heading) -> str:
        inner = self.children(node.children).strip()
        anchor = self.anchors.anchor_for(inner)
        level = max(1, min(6, node.level))
        self.page.headings.append((level, anchor, self.plain(inner)))
        toc = ""
        if not self._toc_placed:
            self._toc_placed = True
            toc = "\x00TOC\x00"
        return (
            f'{toc}<div class="mw-heading mw-heading{level}"><h{level} id="{escape_attr(anchor)}">'
            f"{inner}</h{level}></div>\n"
        )

    def visit_HorizontalRule(self, node: ast.HorizontalRule) -> str:
        return "<hr />\n"

    def visit_Preformatted(self, node: ast.Preformatted) -> str:
        return f"<pre>{self.children(node.children)}</pre>\n"

    def visit_List(self, node: ast.List) -> str:
        kind = node.kind if node.kind in ("ul", "ol", "dl") else "ul"
        return f"<{kind}>{self.children(node.items)}</{kind}>\n"

    def visit_ListItem(self, node: ast.ListItem) -> str:
        kind = node.kind if node.kind in ("li", "dt", "dd") else "li"
        return f"<{kind}>{self.children(node.children).lstrip()}</{kind}>\n"

    def visit_Table(self, node: ast.Table) -> str:
        out = [self.children(node.prelude)]
        out.append(f"<table{format_attributes(self.attrs('table', node.attrs))}>\n")
        if node.caption is not None:
            out.append(self.visit(node.caption))
        rows = [self.visit(r) for r in node.rows if r.cells]
        if not rows and not any(not r.implicit for r in node.rows):
            rows = ["<tr><td></td></tr>\n"]
        if rows:
            out.append("<tbody>" + "".join(rows) + "</tbody>")
        out.append("</table>\n")
        return "".join(out)

    def visit_TableCaption(self, node: ast.TableCaption) -> str:
        attrs = format_attributes(self.attrs("caption", node.attrs))
        return f"<caption{attrs}>{self.children(node.children)}</caption>"

    def visit_TableRow(self, node: ast.TableRow) -> str:
        attrs = format_attributes(self.attrs("tr", node.attrs))
        return f"<tr{attrs}>\n{self.children(node.cells)}</tr>\n"

    def visit_TableCell(self, node: ast.TableCell) -> str:
        tag = "th" if node.header else "td"
        attrs = format_attributes(self.attrs(tag, node.attrs))
        return f"<{tag}{attrs}>{self.children(node.children)}</{tag}>\n"

    # ------------------------------------------------------------------ inline

    def visit_Text(self, node: ast.Text) -> str:
        return self.text(node.value)

    def visit_Entity(self, node: ast.Entity) -> str:
        raw = node.raw
        if raw.startswith("&#") and not _valid_reference(raw):
            return escape_text(raw)  # MediaWiki shows references to invalid characters as text
        return escape_text(node.char) if node.char else escape_text(raw)

    def visit_Comment(self, node: ast.Comment) -> str:
        return ""

    def visit_Bold(self, node: ast.Bold) -> str:
        return f"<b>{self.children(node.children)}</b>"

    def visit_Italic(self, node: ast.Italic) -> str:
        return f"<i>{self.children(node.children)}</i>"

    def visit_Signature(self, node: ast.Signature) -> str:
        # signatures are replaced when an edit is saved; a page render shows the tildes
        return escape_text(self.src(node) or "~" * node.tildes)

    def visit_BehaviorSwitch(self, node: ast.BehaviorSwitch) -> str:
        self.page.switches.append(node.name)
        if node.name == "TOC" and self.toc:
            self._toc_placed = True
            return "\x00TOC\x00"
        return ""

    def visit_MagicLink(self, node: ast.MagicLink) -> str:
        label = self.text(self.src(node) or f"{node.kind} {node.value}")
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

    def _rel(self) -> str:
        rel = ' rel="nofollow"' if self.nofollow else ""
        if self.external_link_target:
            rel += f' target="{escape_attr(self.external_link_target)}"'
        return rel

    def visit_Tag(self, node: ast.Tag) -> str:
        name = node.name.lower()
        if node.kind == "stray-close":
            if name == "br":
                return "<br />"
            return escape_text(self.src(node) or f"</{node.name}>")
        attrs = self.attrs(name, node.attrs)
        if not validate_tag(name, attrs, self.policy):
            return self._tag_as_text(node)
        if name in _HEADING_TAGS:  # MediaWiki marks headings written as HTML
            attrs = _add_class(attrs, "mw-html-heading")
        if name in self.policy.void_tags:
            return f"<{name}{format_attributes(attrs)} />" + self.children(node.children)
        if name in _TABLE_SECTIONS:
            inner = self._table_section(node.children)
        else:
            inner = self.children(node.children)
        return f"<{name}{format_attributes(attrs)}>{inner}</{name}>"

    def _table_section(self, children: list[ast.Node]) -> str:
        """Cells written straight into <table> get the row an HTML parser (and MediaWiki's
        tidying) would give them, so the output stays well-formed."""
        out: list[str] = []
        row: list[ast.Node] = []
        for child in children:
            is_cell = isinstance(child, ast.Tag) and child.name.lower() in ("td", "th")
            if is_cell or (row and isinstance(child, ast.Text) and not child.value.strip()):
                row.append(child)
                continue
            if row:
                out.append(f"<tr>{self.children(row)}</tr>")
                row = []
            out.append(self.visit(child))
        if row:
            out.append(f"<tr>{self.children(row)}</tr>")
        return "".join(out)

    def _tag_as_text(self, node: ast.Tag) -> str:
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
        return escape_text(open_text) + self.children(node.children) + escape_text(close_text)

    # ------------------------------------------------------------------ links

    def _label(self, nodes: Iterable[ast.Node]) -> str:
        """A link label: links inside it render as their text (HTML forbids nested links)."""
        self._link_depth += 1
        try:
            return self.children(nodes)
        finally:
            self._link_depth -= 1

    def visit_WikiLink(self, node: ast.WikiLink) -> str:
        if self._link_depth:
            return self._label(node.children) if node.children else self.text(node.target)
        if node.has_text and not node.children and self.source:
            # the "pipe trick" ([[A (b)|]]) is expanded when an edit is saved; a page render
            # shows the markup
            return self.text(self.src(node))
        if node.has_text and node.children:
            label = self._label(node.children)
        else:
            shown = node.target.strip()
            if node.leading_colon and shown.startswith(":"):
                shown = shown[1:].lstrip()
            label = self.text(decode_entities(shown))
        label += self.text(node.trail)
        if node.interwiki and node.interwiki.lower() in self.local_interwiki:
            title = node.title[:1].upper() + node.title[1:]
            if not title and not node.fragment:
                title = "Main Page"
            if self.page_title is not None and title == self.page_title and not node.fragment:
                return f'<a class="mw-selflink selflink">{label}</a>'
            if not title:
                return f'<a href="#{escape_attr(fragment_id(node.fragment or ""))}">{label}</a>'
            href = self.page_url(title, node.fragment)
            return f'<a href="{escape_attr(href)}" title="{escape_attr(title)}">{label}</a>'
        if node.interwiki:
            pattern = self.interwiki.get(node.interwiki.lower())
            if pattern is None and self.config is not None and (
                node.interwiki.lower() in self.config.language_codes
            ):
                pattern = _LANGUAGE_URL.format(lang=node.interwiki.lower())
            if pattern is not None:
                url = pattern.replace("$1", wiki_urlencode(node.title.replace(" ", "_")))
                if node.fragment:
                    url += "#" + wiki_urlencode(fragment_id(node.fragment))
                safe = safe_url(url, self.policy, relative=True)
                if safe is not None:
                    return (f'<a href="{escape_attr(safe)}" class="extiw" '
                            f'title="{escape_attr(node.interwiki + ":" + node.title)}">{label}</a>')
        if not node.title:
            if node.fragment is not None:
                return f'<a href="#{escape_attr(fragment_id(node.fragment))}">{label}</a>'
            return label
        if self.page_title is not None and node.title == self.page_title and not node.fragment:
            return f'<a class="mw-selflink selflink">{label}</a>'
        href = self.page_url(node.title, node.fragment)
        return f'<a href="{escape_attr(href)}" title="{escape_attr(node.title)}">{label}</a>'

    def visit_ExternalLink(self, node: ast.ExternalLink) -> str:
        if self._link_depth:
            return self._label(node.children) if node.children else self.text(node.url)
        url = safe_url(node.url, self.policy)
        if url is None:
            return self.text(self.src(node) or node.url)
        if node.kind == "free":
            label = escape_text(decode_entities(node.url))
            cls = "external free"
        elif node.kind == "autonumber" or not node.children:
            self._autonumber += 1
            label = f"[{self._autonumber}]"
            cls = "external autonumber"
        else:
            # a wiki link inside the label ends the external link there, as in MediaWiki
            cut = next((i for i, c in enumerate(node.children)
                        if isinstance(c, (ast.WikiLink, ast.ExternalLink))), None)
            if cut is not None:
                head = self._label(node.children[:cut])
                rest = self.children(node.children[cut:])
                return (f'<a{self._rel()} class="external text" href="{escape_attr(url)}">'
                        f"{head}</a>{rest}")
            label = self._label(node.children)
            cls = "external text"
        return f'<a{self._rel()} class="{cls}" href="{escape_attr(url)}">{label}</a>'

    def visit_Category(self, node: ast.Category) -> str:
        self.page.categories.append((node.name, node.sort_key))
        return ""

    def visit_LanguageLink(self, node: ast.LanguageLink) -> str:
        self.page.language_links.append((node.lang, node.title))
        return ""

    def visit_Redirect(self, node: ast.Redirect) -> str:
        # MediaWiki's parser renders the redirect line as a numbered list item ("#REDIRECT")
        link = node.link
        self.page.redirect = link.title if link is not None else node.target
        if link is None:
            return f"<ol><li>{self.text(self.src(node).lstrip('#'))}</li></ol>\n"
        word = self.source[node.start : link.start].lstrip("#") if self.source else "REDIRECT "
        return f"<ol><li>{self.text(word)}{self.visit(link)}</li></ol>\n"

    # ------------------------------------------------------------------ files

    def visit_FileLink(self, node: ast.FileLink) -> str:
        from .media_html import render_file_link

        if self._link_depth:  # an image inside a link label: no second link around it
            return self.text(node.target) if node.is_media else re.sub(
                r"</?a\b[^>]*>", "", render_file_link(self, node))
        return render_file_link(self, node)

    def resolve_file(self, name: str) -> FileInfo | None:
        return self.files(name)

    # ------------------------------------------------------------------ transclusion

    def visit_Template(self, node: ast.Template) -> str:
        self.page.templates.append(node.name)
        target = {"wt": "".join(self.src(n) for n in node.name_nodes).strip() or node.name,
                  "href": "./" + wiki_urlencode("Template:" + node.name.replace(" ", "_"))}
        return self._placeholder(node, target, node.params)

    def visit_ParserFunction(self, node: ast.ParserFunction) -> str:
        self.page.templates.append(node.name)
        first = node.args[0].value_text(self.source) if node.args else ""
        target = {"wt": f"{node.name}:{first}", "function": node.name.lstrip("#").lower()}
        return self._placeholder(node, target, node.args[1:])

    def visit_Variable(self, node: ast.Variable) -> str:
        self.page.templates.append(node.name)
        return self._placeholder(node, {"wt": node.name, "function": node.name.lower()}, [])

    def visit_Argument(self, node: ast.Argument) -> str:
        # a page is rendered with no arguments: the default shows, else the markup as text
        if node.default is not None:
            return self.children(node.default)
        return self.text(self.src(node) or "{{{" + node.name + "}}}")

    def visit_Parameter(self, node: ast.Parameter) -> str:
        return self.children(node.value)

    def visit_Attribute(self, node: ast.Attribute) -> str:
        return ""

    def visit_ImageOption(self, node: ast.ImageOption) -> str:
        return self.children(node.children)

    # ------------------------------------------------------------------ extension tags

    def visit_ExtensionTag(self, node: ast.ExtensionTag) -> str:
        name = node.name.lower()
        method: Callable[[ast.ExtensionTag], str] | None = getattr(self, "ext_" + name, None)
        if method is not None:
            return method(node)
        if name in _HIDDEN_TAGS:
            return ""
        if name in _TRANSPARENT_TAGS:
            return self.children(node.children) if node.children else self.text(node.content or "")
        data = escape_attr(json.dumps(
            {"name": name, "attrs": {a.name: a.value or "" for a in node.attrs if a.name},
             "body": {"extsrc": node.content or ""}}, ensure_ascii=False))
        typeof = f'typeof="mw:Extension/{escape_attr(name)}" data-mw="{data}"'
        if node.children:
            return f'<span class="mw-ext-{escape_class(name)}" {typeof}>{self.children(node.children)}</span>'
        content = escape_text(node.content or "")
        if name in _CODE_BLOCK_TAGS:
            return f'<pre class="mw-ext-{escape_class(name)}" {typeof}>{content}</pre>'
        return f'<code class="mw-ext-{escape_class(name)}" {typeof}>{content}</code>'

    def ext_nowiki(self, node: ast.ExtensionTag) -> str:
        return escape_text(decode_entities(node.content or ""))

    def ext_pre(self, node: ast.ExtensionTag) -> str:
        attrs = format_attributes(self.attrs("pre", node.attrs))
        content = node.content or ""
        # <nowiki> inside <pre> only protects; its markup is not shown
        content = re.sub(r"(?i)<nowiki\s*>(.*?)</nowiki\s*>", r"\1", content, flags=re.S)
        content = re.sub(r"(?i)<nowiki\s*/>", "", content)
        return f"<pre{attrs}>{escape_text(decode_entities(content))}</pre>"

    def ext_ref(self, node: ast.ExtensionTag) -> str:
        group = node.get_attr("group") or ""
        name = node.get_attr("name")
        inner = self.children(node.children).strip() if node.children else None
        if self._link_depth:
            sup = self.references.cite(group.strip(), name.strip() if name else None, inner)
            return re.sub(r"</?a\b[^>]*>", "", sup)
        return self.references.cite(group.strip(), name.strip() if name else None, inner)

    def ext_references(self, node: ast.ExtensionTag) -> str:
        group = (node.get_attr("group") or "").strip()
        for child in node.children:
            if isinstance(child, ast.ExtensionTag) and child.name.lower() == "ref":
                name = child.get_attr("name")
                if name:
                    self.references.define(group, name.strip(), self.children(child.children).strip())
        return self.references.flush(group)

    def ext_poem(self, node: ast.ExtensionTag) -> str:
        inner = self.children(node.children).strip("\n")
        inner = inner.replace("\n", "<br />\n")
        return f'<div class="poem">\n<p>{inner}\n</p>\n</div>'

    def ext_gallery(self, node: ast.ExtensionTag) -> str:
        from .media_html import render_gallery

        return render_gallery(self, node)

    # ------------------------------------------------------------------ rendered-page dialect

    def visit_EditMarker(self, node: ast.EditMarker) -> str:
        return ""

    def visit_Boilerplate(self, node: ast.Boilerplate) -> str:
        return ""

    def visit_Navigation(self, node: ast.Navigation) -> str:
        items = "".join(f"<li>{escape_text(i)}</li>" for i in node.items)
        label = escape_attr(node.label or "Navigation")
        return f'<nav class="navigation" aria-label="{label}"><ul>{items}</ul></nav>\n'

    def generic_visit(self, node: ast.Node) -> str:
        return self.children(node.child_nodes())


_TABLE_SECTIONS = frozenset({"table", "thead", "tbody", "tfoot"})


def to_html(doc: ast.Node, **options: Any) -> str:
    """Shortcut for ``HtmlEmitter(**options).render(doc)``."""
    return HtmlEmitter(**options).render(doc)


register("html", HtmlEmitter)
