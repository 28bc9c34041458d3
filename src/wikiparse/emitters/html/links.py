"""Links: wiki links (self-links, interwiki and local-interwiki links, fragments), external
links (autonumbered, free, labelled), categories and language links (page data, no HTML), and
redirects."""

from __future__ import annotations

import wikiparse.ast as ast
from .anchors import fragment_id
from ..base import Visiting
from .base import HtmlBase, wiki_urlencode
from .sanitizer import decode_entities, escape_attr, escape_text, safe_url

_LANGUAGE_URL = "https://{lang}.wikipedia.org/wiki/$1"


class LinkRules(HtmlBase):
    """HTML for links."""

    def visit_WikiLink(self, node: ast.WikiLink) -> Visiting:
        if self._link_depth:
            return (yield from self._label(node.children)) if node.children else self.text(node.target)
        if node.has_text and not node.children and self.source:
            # the "pipe trick" ([[A (b)|]]) is expanded when an edit is saved; a page render
            # shows the markup
            return self.text(self.src(node))
        if node.has_text and node.children:
            label = yield from self._label(node.children)
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

    def visit_ExternalLink(self, node: ast.ExternalLink) -> Visiting:
        if self._link_depth:
            return (yield from self._label(node.children)) if node.children else self.text(node.url)
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
                head = yield from self._label(node.children[:cut])
                rest = yield node.children[cut:]
                return (f'<a{self._rel()} class="external text" href="{escape_attr(url)}">'
                        f"{head}</a>{rest}")
            label = yield from self._label(node.children)
            cls = "external text"
        return f'<a{self._rel()} class="{cls}" href="{escape_attr(url)}">{label}</a>'

    def visit_Category(self, node: ast.Category) -> str:
        self.page.categories.append((node.name, node.sort_key))
        return ""

    def visit_LanguageLink(self, node: ast.LanguageLink) -> str:
        self.page.language_links.append((node.lang, node.title))
        return ""

    def visit_Redirect(self, node: ast.Redirect) -> Visiting:
        # MediaWiki's parser renders the redirect line as a numbered list item ("#REDIRECT")
        link = node.link
        self.page.redirect = link.title if link is not None else node.target
        if link is None:
            return f"<ol><li>{self.text(self.src(node).lstrip('#'))}</li></ol>\n"
        word = self.source[node.start : link.start].lstrip("#") if self.source else "REDIRECT "
        return f"<ol><li>{self.text(word)}{(yield link)}</li></ol>\n"
