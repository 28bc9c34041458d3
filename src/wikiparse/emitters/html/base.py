"""The HTML emitter's common part: options, page state and the helpers every node family uses
(escaping with French spacing, sanitised attributes, page URLs, link labels).  The node families
are mixins over :class:`HtmlBase` (``page``, ``blocks``, ``inline``, ``links``, ``media_html``,
``extensions``), assembled in :mod:`.emitter`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Sequence

import wikiparse.ast as ast
from ...config import SiteConfig
from ...gc_pause import paused_collection
from ..base import Emitter, Visiting
from .anchors import AnchorRegistry, fragment_id, legacy_fragment
from .file_repository import FileSpec, file_resolver
from .media import FileInfo, FileResolver
from .references import ReferenceCollector
from .treebuilder import build_tree
from .sanitizer import (
    DEFAULT_POLICY, SanitizerPolicy, decode_entities, escape_attr, sanitize_attributes,
)

# MediaWiki's "French spacing": a space before ? : ; ! % » › that no word character follows,
# and a space after a « ‹ that no word character precedes, become no-break spaces (the space
# MediaWiki trims at the start of a list item or table cell is gone before this).  Word
# characters are Unicode ones (»čć« is not armored), and inward-pointing quotes (»quotes« in
# Croatian or German) are left alone (T378404).
_FRENCH_PUNCT = re.compile("[?:;!%\u00bb\u203a\u00ab\u2039]")  # the characters the two patterns below need
_FRENCH_BEFORE = re.compile(r" (?=[?:;!%\u00bb\u203a](?!\w))")
_FRENCH_AFTER = re.compile(r"(?<!\w)([\u00ab\u2039]) ")
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


#: the characters ``wiki_urlencode`` leaves alone (``quote``'s unreserved ones and its ``safe``)
_URL_SAFE_RUN = re.compile(r"[A-Za-z0-9_.\-~;@$!*(),/:]*")


def _attribute_value(attr: ast.Attribute) -> str | None:
    """The value as MediaWiki's Sanitizer sees it: a ``<nowiki>`` inside it is unstripped to
    its text (``title="foo<nowiki>|</nowiki>"`` is ``foo|``)."""
    value = attr.value
    if value and attr.children and "<" in value:
        for child in attr.children:
            if (isinstance(child, ast.ExtensionTag) and child.name.lower() == "nowiki"
                    and child.content is not None):
                value = value.replace(str(child), child.content, 1)
    return value


#: each UTF-8 byte as ``wiki_urlencode`` writes it: itself when safe, else ``%XX``
_URL_BYTES = [chr(b) if _URL_SAFE_RUN.fullmatch(chr(b)) else f"%{b:02X}" for b in range(256)]


def wiki_urlencode(title: str) -> str:
    """MediaWiki's ``wfUrlencode``: percent-encoding that keeps ``;@$!*(),/~:`` (what
    ``urllib.parse.quote(title, safe=";@$!*(),/~:")`` writes, byte by byte from a table: quote()
    is several times slower)."""
    if _URL_SAFE_RUN.fullmatch(title) is not None:
        return title  # most titles: nothing to encode
    table = _URL_BYTES
    return "".join([table[b] for b in title.encode("utf-8")])


class HtmlBase(Emitter):
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
    ``foreign_interwiki``  interwiki prefixes of wikis outside this wiki's farm (MediaWiki's
                      ``iw_local = 0``): their link fragments are always ``legacy``-encoded
                      (``$wgExternalInterwikiFragmentMode``); others follow ``fragment_mode``
    ``external_images``  an http(s) URL of a gif/png/jpg/jpeg image, free or as a link's
                      label, shows the image (``$wgAllowExternalImages``; default False)
    ``page_exists``   ``title -> bool``: links to pages it says are missing are red links
                      (``class="new"``, to the edit form, no fragment); default None: all exist
    ``raw_html``      UNSAFE: ``<html>`` content is written unsanitised (``$wgRawHtml``; the
                      tag must be an extension tag of the config; default False)
    ``config``        the :class:`SiteConfig` (default: the document's)
    ``fragment_mode`` how heading ids and link fragments are encoded, MediaWiki's
                      ``$wgFragmentMode``: ``("html5",)`` (default), ``("legacy",)``, or two
                      modes, the second giving each heading a fallback ``<span id>``
    ``standalone``    a Document renders as a complete HTML document with the bundled
                      stylesheet (see :mod:`.standalone`; default False)
    ``css``           with ``standalone``: stylesheet URL(s) linked instead of the bundled one
    """

    PARTS = frozenset({ast.Attribute, ast.Parameter, ast.ImageOption, ast.EditMarker})
    OPTIONS = frozenset({
        "article_path", "wrap", "toc", "policy", "files", "thumb_size", "interwiki", "page_title",
        "nofollow", "external_link_target", "script_path", "local_interwiki", "config",
        "standalone", "css", "fragment_mode", "foreign_interwiki", "external_images",
        "raw_html", "page_exists",
    })

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
        fragment_mode: Sequence[str] = ("html5",),
        foreign_interwiki: Iterable[str] = (),
        external_images: bool = False,
        raw_html: bool = False,
        page_exists: Callable[[str], bool] | None = None,
        **options: Any,
    ) -> None:
        super().__init__(**options)  # only unknown options are left: they raise
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
        self.foreign_interwiki = frozenset(p.lower() for p in foreign_interwiki)
        self.external_images = external_images
        self.raw_html = raw_html
        self.page_exists = page_exists
        self.config = config
        self.standalone = standalone
        self.css = css
        modes = tuple(m for m in fragment_mode if m in ("html5", "legacy"))
        self.fragment_mode: tuple[str, ...] = modes or ("html5",)
        self.parse_fragment: Callable[[str], ast.Document] | None = None
        self._reset()

    # ------------------------------------------------------------------ page state

    def _reset(self) -> None:
        self.page = HtmlPage(html="")
        self.anchors = AnchorRegistry()
        self.references = ReferenceCollector()
        self._autonumber = 0
        self._toc_placed = False
        self._link_depth = 0
        self.players = 0  # audio/video players on the page (their ids: mwe_player_N)
        #: set when the output holds tags left open or stray end tags: the page then goes
        #: through :func:`.treebuilder.build_tree`, as MediaWiki's output goes through Remex
        self.needs_tree_building = False
        #: set when the HTML written is balanced but not as the tree builder writes it back
        #: (inline content left outside a paragraph): the block goes through the tree builder
        #: when the page does (``needs_tree_building``), though it does not make the page do so
        self.tree_dependent = False
        #: set when a ``<ref>``'s HTML needs the tree builder (where the note is written)
        self.unbalanced_notes = False
        self.tree_dependent_notes = False
        self.clear_memos()

    def clear_memos(self) -> None:
        """Forget what this render memoised (page URLs, template placeholders' ``href``, the
        file resolver's answers).  Each render starts afresh; an emitter used piecemeal (the
        markdown emitter's for HTML tables) calls this for each page."""
        #: page URLs by title (a page links many titles more than once)
        self._page_urls: dict[str, str] = {}
        #: a template placeholder's ``href`` by the template's name
        self._template_hrefs: dict[str, str] = {}
        #: :meth:`resolve_file`'s answers
        self._files: dict[str, FileInfo | None] = {}

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
            if self.standalone:
                from .standalone import render_standalone

                return render_standalone(self, node, page)
            return page.html
        self._reset()
        self.source = self.source_of(node)
        out = str(self.visit(node)).replace("\x00TOC\x00", "")
        return build_tree(out) if self.needs_tree_building else out

    def render_page(self, doc: ast.Document) -> HtmlPage:
        """Render a document and return the HTML with the page-level data."""
        self._reset()
        self.source = self.source_of(doc)
        self.parse_fragment = doc.parse_fragment
        if self.config is None and doc.config is not None:
            self.config = doc.config
        with paused_collection():
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
            # escape_text inlined, here and below: this runs for most of a page's text
            return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace("\x00", "\ufffd").replace("\xa0", "&#160;"))
        return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\x00", "\ufffd"))

    def attrs(self, tag: str, attributes: Iterable[ast.Attribute]) -> list[tuple[str, str]]:
        if not attributes:
            return []  # most cells, rows and tags have none
        return sanitize_attributes(
            tag, [(a.name, _attribute_value(a)) for a in attributes if a.name], self.policy
        )

    def page_url(self, title: str, fragment: str | None = None) -> str:
        url = self._page_urls.get(title)
        if url is None:
            url = self._article_path.replace("$1", wiki_urlencode(title.replace(" ", "_")))
            self._page_urls[title] = url
        if fragment:
            url += "#" + self.fragment_href(fragment)
        return url

    def fragment_href(self, fragment: str, *, encode: bool = True) -> str:
        """A link fragment as the primary ``fragment_mode`` writes it (``encode``: URL-encoded
        as in a page URL; else as in a same-page ``href="#..."``)."""
        if self.fragment_mode[0] == "legacy":
            return legacy_fragment(fragment)
        return wiki_urlencode(fragment_id(fragment)) if encode else fragment_id(fragment)

    def upload_url(self, name: str) -> str:
        """Where MediaWiki sends a click on a missing file (Special:Upload)."""
        dest = wiki_urlencode(name.replace(" ", "_"))
        return f"{self.script_path}?title=Special:Upload&wpDestFile={dest}"

    def inline_html(self, wikitext: str) -> str:
        """HTML of a snippet of wikitext the tree keeps raw (option values, gallery lines),
        paragraphs unwrapped.  It is parsed by the document's ``parse_fragment`` (emitters do
        not call the parser themselves); without one (a tree built by hand, a node rendered on
        its own) the snippet is shown as text."""
        if self.parse_fragment is None:
            return self.text(wikitext)
        doc = self.parse_fragment(wikitext)
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

    def _rel(self) -> str:
        rel = ' rel="nofollow"' if self.nofollow else ""
        if self.external_link_target:
            rel += f' target="{escape_attr(self.external_link_target)}"'
        return rel

    def _label(self, nodes: Iterable[ast.Node]) -> Visiting:
        """A link label: links inside it render as their text (HTML forbids nested links).
        A generator step: ``label = yield from self._label(nodes)``."""
        self._link_depth += 1
        try:
            return (yield list(nodes))
        finally:
            self._link_depth -= 1

    def resolve_file(self, name: str) -> FileInfo | None:
        """The ``files`` resolver's answer for ``name``, asked once per name in a render (a
        file link asks more than once: is it audio or video, then its image)."""
        files = self._files
        if name in files:
            return files[name]
        info = files[name] = self.files(name)
        return info

    def generic_visit(self, node: ast.Node) -> Visiting:
        return (yield list(node.child_nodes()))
