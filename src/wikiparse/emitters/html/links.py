"""Links: wiki links (self-links, interwiki and local-interwiki links, fragments), external
links (autonumbered, free, labelled), categories and language links (page data, no HTML), and
redirects."""

from __future__ import annotations

import re
from urllib.parse import unquote

import wikiparse.ast as ast
from .anchors import legacy_fragment
from ..base import Visiting
from .base import HtmlBase, wiki_urlencode
from .sanitizer import clean_url, decode_entities, escape_attr, escape_text, safe_url

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")
# MediaWiki's EXT_IMAGE_REGEX: an http(s) URL whose last segment names a gif/png/jpg/jpeg
_EXTERNAL_IMAGE = re.compile(
    r"https?://(?:\[[0-9A-Fa-f:.]+\])?[^\[\]<>\"\x00-\x20\x7f\s\ufffd]+/"
    r"([A-Za-z0-9_.,~%\-+&;#*?!=()@\x80-\xff]+\.(?i:gif|png|jpg|jpeg))\Z")
_LANGUAGE_URL = "https://{lang}.wikipedia.org/wiki/$1"


class LinkRules(HtmlBase):
    """HTML for links."""

    def _interwiki_link(self, pattern: str, full: str, title: str, fragment: str | None,
                        label: str, prefix: str = "") -> str:
        """``<a class="extiw">`` to ``title`` on the wiki of ``pattern`` ("" if unsafe)."""
        url = pattern.replace("$1", wiki_urlencode(title.replace(" ", "_")))
        if url.endswith("?"):
            # the URL is expanded as MediaWiki's wfExpandUrl does: an empty query goes
            # ([[MeatBall:]] links 'mb.pl', not 'mb.pl?')
            url = url[:-1]
        if fragment:
            if prefix.lower() in self.foreign_interwiki:
                url += "#" + legacy_fragment(fragment)
            else:
                url += "#" + self.fragment_href(fragment)
        safe = safe_url(url, self.policy, relative=True)
        if safe is None:
            return ""
        return f'<a href="{escape_attr(safe)}" class="extiw" title="{escape_attr(full)}">{label}</a>'

    def _self_link(self, node: ast.WikiLink, label: str) -> str:
        """A link to the page rendered: bold ``selflink`` text, or with a fragment a same-page
        ``mw-selflink-fragment`` link (MediaWiki's ``Linker::makeSelfLinkObj``)."""
        if node.fragment:
            ref = self.fragment_href(node.fragment, encode=False)
            return f'<a class="mw-selflink-fragment" href="#{escape_attr(ref)}">{label}</a>'
        return f'<a class="mw-selflink selflink">{label}</a>'

    def _target_label(self, node: ast.WikiLink) -> str:
        """The text of a link without a label, as MediaWiki shows it: the target as written
        with leading spaces and one leading colon removed (trailing spaces kept), character
        references and ``%XX`` escapes decoded."""
        shown = node.target
        source = self.source
        if source and not node.has_text:
            start, end = node.span
            close = end - len(node.trail) - 2
            if source.startswith("]]", close) and source.startswith("[[", start):
                shown = source[start + 2 : close]
                if "<!--" in shown:
                    shown = _COMMENT.sub("", shown)  # removed before MediaWiki reads links
        if shown[:1] == " ":
            shown = shown.lstrip(" ")
        if node.leading_colon and shown[:1] == ":":
            shown = shown[1:]
        if "&" in shown:
            shown = decode_entities(shown)
        if "%" in shown and _PERCENT.search(shown):
            shown = unquote(shown, errors="replace")
        return shown

    def visit_WikiLink(self, node: ast.WikiLink) -> str | Visiting:
        # a plain function, returning a generator only where the label is the children's HTML:
        # most links have none, and a generator costs the visitor a round trip
        if self._link_depth:
            return self._label(node.children) if node.children else self.text(node.target)
        if node.has_text and not node.children and self.source:
            # the "pipe trick" ([[A (b)|]]) is expanded when an edit is saved; a page render
            # shows the markup
            return self.text(self.src(node))
        if node.has_text and node.children:
            return self._labelled_link(node)
        return self._link(node, self.text(self._target_label(node)))

    def _labelled_link(self, node: ast.WikiLink) -> Visiting:
        label = yield from self._label(node.children)
        return self._link(node, label)

    def _link(self, node: ast.WikiLink, label: str) -> str:
        """The HTML of a wiki link with its label's HTML."""
        if node.trail:
            label += self.text(node.trail)
        if node.interwiki and node.interwiki.lower() in self.local_interwiki:
            title = node.title
            # MediaWiki reads what follows a local prefix as a title again: more local
            # prefixes go ([[local:local:Foo]]), another wiki's prefix makes an interwiki link
            while ":" in title:
                prefix, rest = title.split(":", 1)
                prefix = prefix.strip().lower()
                if prefix in self.local_interwiki:
                    title = rest.lstrip()
                    continue
                pattern = self.interwiki.get(prefix)
                link = "" if pattern is None else self._interwiki_link(
                    pattern, title, rest.lstrip(), node.fragment, label, prefix)
                if link:
                    return link
                break
            title = title[:1].upper() + title[1:]
            if not title and not node.fragment:
                title = "Main Page"
            if self.page_title is not None and title == self.page_title:
                return self._self_link(node, label)
            if not title:
                ref = self.fragment_href(node.fragment or "", encode=False)
                return f'<a href="#{escape_attr(ref)}">{label}</a>'
            href = self.page_url(title, node.fragment)
            return f'<a href="{escape_attr(href)}" title="{escape_attr(title)}">{label}</a>'
        if node.interwiki:
            pattern = self.interwiki.get(node.interwiki.lower())
            if pattern is None and self.config is not None and (
                node.interwiki.lower() in self.config.language_codes
            ):
                pattern = _LANGUAGE_URL.format(lang=node.interwiki.lower())
            if pattern is not None:
                link = self._interwiki_link(pattern, node.interwiki + ":" + node.title,
                                            node.title, node.fragment, label, node.interwiki)
                if link:
                    return link
        if not node.title:
            if node.fragment:
                ref = self.fragment_href(node.fragment, encode=False)
                return f'<a href="#{escape_attr(ref)}">{label}</a>'
            if node.fragment is not None:
                # '[[#]]': an empty fragment is none, the title is empty: the legacy parser
                # links the bare article path (T19006)
                return f'<a href="{escape_attr(self.page_url(""))}">{label}</a>'
            return label
        if self.page_title is not None and node.title == self.page_title:
            return self._self_link(node, label)
        if self.page_exists is not None and not self.page_exists(node.title):
            # a red link: to the edit form, without the fragment (Linker::makeBrokenLinkObj)
            dest = wiki_urlencode(node.title.replace(" ", "_"))
            href = f"{self.script_path}?title={dest}&action=edit&redlink=1"
            return (f'<a href="{escape_attr(href)}" class="new" '
                    f'title="{escape_attr(node.title)} (page does not exist)">{label}</a>')
        href = self.page_url(node.title, node.fragment)
        return f'<a href="{escape_attr(href)}" title="{escape_attr(node.title)}">{label}</a>'

    def visit_ExternalLink(self, node: ast.ExternalLink) -> str | Visiting:
        # a plain function, returning a generator only where the label is the children's HTML
        if self._link_depth:
            return self._label(node.children) if node.children else self.text(node.url)
        cleaned = clean_url(node.url)
        url = safe_url(cleaned, self.policy)
        if url is None:
            return self.text(self.src(node) or node.url)
        if node.kind == "free":
            image = self._external_image(url)
            if image:
                return image
            label = escape_text(cleaned)
            cls = "external free"
        elif node.kind == "autonumber" or not node.children:
            self._autonumber += 1
            label = f"[{self._autonumber}]"
            cls = "external autonumber"
        else:
            return self._labelled_external_link(node, url)
        return f'<a{self._rel()} class="{cls}" href="{escape_attr(url)}">{label}</a>'

    def _labelled_external_link(self, node: ast.ExternalLink, url: str) -> Visiting:
        # a wiki link inside the label ends the external link there, as in MediaWiki
        cut = next((i for i, c in enumerate(node.children)
                    if isinstance(c, (ast.WikiLink, ast.ExternalLink))), None)
        if cut is not None:
            head = yield from self._label(node.children[:cut])
            rest = yield node.children[cut:]
            return (f'<a{self._rel()} class="external text" href="{escape_attr(url)}">'
                    f"{head}</a>{rest}")
        label = yield from self._label(node.children)
        if self.external_images and len(node.children) == 1 and isinstance(
                node.children[0], ast.Text):
            # ja-style clickable images: a label that is an image URL shows the image
            label = self._external_image(node.children[0].value) or label
        return f'<a{self._rel()} class="external text" href="{escape_attr(url)}">{label}</a>'

    def _external_image(self, url: str) -> str:
        """``<img>`` for an image URL when ``external_images`` is on (MediaWiki's
        ``$wgAllowExternalImages``), else ""."""
        if not self.external_images:
            return ""
        m = _EXTERNAL_IMAGE.match(url)
        safe = safe_url(url, self.policy) if m else None
        if safe is None or m is None:
            return ""
        return f'<img src="{escape_attr(safe)}" alt="{escape_attr(m.group(1))}" />'

    def visit_Category(self, node: ast.Category) -> str:
        self.page.categories.append((node.name, node.sort_key))
        return ""

    def visit_LanguageLink(self, node: ast.LanguageLink) -> str:
        if self._on_talk_page():
            # MediaWiki makes language links only outside talk pages; there they stay in the text
            lang = node.lang.lower()
            pattern = self.interwiki.get(lang) or _LANGUAGE_URL.format(lang=lang)
            label = self.text(node.target.strip())
            link = self._interwiki_link(pattern, f"{node.lang}:{node.title}", node.title,
                                        None, label)
            if link:
                return link
        self.page.language_links.append((node.lang, node.title))
        return ""

    def _on_talk_page(self) -> bool:
        """Whether ``page_title`` is in a talk namespace (odd number), per ``config``."""
        if not self.page_title or ":" not in self.page_title or self.config is None:
            return False
        number = self.config.namespace_of(self.page_title.split(":", 1)[0])
        return number is not None and number > 0 and number % 2 == 1

    def visit_Redirect(self, node: ast.Redirect) -> Visiting:
        # MediaWiki's parser renders the redirect line as a numbered list item ("#REDIRECT")
        link = node.link
        self.page.redirect = link.title if link is not None else node.target
        if link is None:
            return f"<ol><li>{self.text(self.src(node).lstrip('#'))}</li></ol>\n"
        word = self.source[node.start : link.start].lstrip("#") if self.source else "REDIRECT "
        return f"<ol><li>{self.text(word)}{(yield link)}</li></ol>\n"
