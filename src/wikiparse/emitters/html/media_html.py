"""HTML for file links (``[[File:..]]``, ``[[Media:..]]``) in MediaWiki's current media structure
(see :mod:`.media` for sizes and URLs; ``<gallery>`` is :mod:`.gallery_html`)."""

from __future__ import annotations

import re
import urllib.parse

import wikiparse.ast as ast
from .base import HtmlBase, wiki_urlencode
from .media import FileInfo, ImageBox, file_layout, scale
from .timed_media import timed_media_file_link
from .sanitizer import (
    decode_entities, escape_attr, escape_text, safe_url,
)



def _php_round_tens(x: float) -> int:
    return int((x / 10.0) + 0.5) * 10


def _img(em: HtmlBase, box: ImageBox, alt: str | None, resource: str | None,
         upright: float | None = None) -> str:
    """The ``<img>``; ``upright`` (the factor of a thumbnail sized by ``upright``) becomes
    the ``mw-file-upright`` class and the ``--mw-file-upright`` CSS variable."""
    parts = []
    if alt is not None:
        parts.append(f' alt="{escape_attr(alt)}"')
    if resource is not None:
        parts.append(f' resource="{escape_attr(resource)}"')
    src = safe_url(box.src, em.policy, relative=True) or ""
    parts.append(f' src="{escape_attr(src)}" decoding="async"')
    if box.width is not None:
        parts.append(f' width="{box.width}"')
    if box.height is not None:
        parts.append(f' height="{box.height}"')
    if upright is not None:
        parts.append(f' style="--mw-file-upright: {upright:g}"'
                     ' class="mw-file-element mw-file-upright"')
    else:
        parts.append(' class="mw-file-element"')
    if box.srcset:
        url, _, density = box.srcset.rpartition(" ")
        safe = safe_url(url, em.policy, relative=True)
        if safe:
            parts.append(f' srcset="{escape_attr(safe)} {escape_attr(density)}"')
    return "<img" + "".join(parts) + " />"


_QUOTE_RUN = re.compile(r"''+")


def _broken_label(em: HtmlBase, text: str) -> str:
    """The text of a broken image's link.  MediaWiki writes it before it reads the line's
    quotes, so the ``''`` of a file name (or alt text) still become italics and bold; nothing
    else in it is markup (links and magic links stay out of an ``<a>``)."""
    if "''" not in text or em.parse_fragment is None:
        return escape_text(text)
    pieces, pos = [], 0
    for m in _QUOTE_RUN.finditer(text):
        if m.start() > pos:
            pieces.append(f"<nowiki>{escape_text(text[pos:m.start()])}</nowiki>")
        pieces.append(m.group())
        pos = m.end()
    if pos < len(text):
        pieces.append(f"<nowiki>{escape_text(text[pos:])}</nowiki>")
    return em.inline_html("".join(pieces))


def _option_text(em: HtmlBase, node: ast.FileLink, kind: str) -> str | None:
    """The plain text of the last ``kind`` option (``alt``, ``link``): markup rendered and
    stripped, character references decoded, as MediaWiki does."""
    found = None
    for opt in node.options:
        if opt.kind == kind:
            found = opt
    if found is None:
        return None
    if found.children:
        return em.plain(em.children(found.children))
    if any(c in found.value for c in "'[{<&"):
        return em.plain(em.inline_html(found.value))
    return decode_entities(found.value)


def _link_wrap(em: HtmlBase, node: ast.FileLink, inner: str, title: str | None,
               framed: bool, link: str | None = None,
               description: str | None = None,
               description_href: str | None = None) -> tuple[str, bool]:
    """Wrap ``inner`` in the link the file link asks for; returns (html, is_default_link)."""
    title_attr = f' title="{escape_attr(title)}"' if title else ""
    if link is None:
        href = description_href or em.page_url(description or node.title)
        return (f'<a href="{escape_attr(href)}" class="mw-file-description"{title_attr}>'
                f"{inner}</a>", True)
    link = link.strip()
    if not link:
        return f"<span{title_attr}>{inner}</span>", False
    url = safe_url(link, em.policy)
    if url is not None and re.match(r"(?i)^(?:[a-z][a-z0-9+.-]*:|//)", link):
        return f'<a href="{escape_attr(url)}"{title_attr}{em._rel()}>{inner}</a>', False
    if "%" in link:  # decoded once, as a wiki link's target (T216003)
        link = urllib.parse.unquote(link, errors="replace")
    target = " ".join(link.replace("_", " ").split())
    fragment = None
    if "#" in target:
        target, fragment = target.split("#", 1)
    prefix, colon, rest = target.partition(":")
    pattern = em.interwiki.get(prefix.strip().lower()) if colon else None
    if pattern is not None and prefix.strip().lower() not in em.local_interwiki and not (
            em.config is not None and em.config.namespace_of(prefix) is not None):
        url = pattern.replace("$1", wiki_urlencode(rest.strip().replace(" ", "_")))
        if fragment:
            url += "#" + em.fragment_href(fragment)
        safe = safe_url(url, em.policy, relative=True)
        if safe is not None:
            return (f'<a href="{escape_attr(safe)}" class="extiw" '
                    f'title="{escape_attr(title or target)}">{inner}</a>', False)
    target = target[:1].upper() + target[1:]
    href = em.page_url(target, fragment) if target else f"#{fragment or ''}"
    shown = title or target
    return (f'<a href="{escape_attr(href)}" title="{escape_attr(shown)}">{inner}</a>', False)


def render_media_link(em: HtmlBase, node: ast.FileLink) -> str:
    label = em.children(node.caption) if node.caption else em.text(node.target.lstrip(":").strip())
    label += em.text(node.trail)
    info = em.resolve_file(node.name)
    if info is None:
        href = em.upload_url(node.name)
        return f'<a href="{escape_attr(href)}" class="new" title="{escape_attr(node.name)}">{label}</a>'
    url = safe_url(info.url, em.policy, relative=True) or ""
    return (f'<a href="{escape_attr(url)}" class="internal" '
            f'title="{escape_attr(node.name.replace("_", " "))}">{label}</a>')


def render_file_link(em: HtmlBase, node: ast.FileLink) -> str:
    if node.is_media:
        return render_media_link(em, node)
    player = timed_media_file_link(em, node)
    if player is not None:  # audio and video: TimedMediaHandler's player
        return player
    fmt: str | None = node.format
    manual: str | None = None
    for opt in node.options:
        if opt.name == "manualthumb":
            manual = opt.value
            fmt = "manualthumb"
    if fmt == "manualthumb" and manual is None:
        fmt = "thumb"
    layout = file_layout(node, fmt)
    framed, halign, figure, classes, typeof = (layout.framed, layout.halign, layout.figure,
                                               layout.classes, layout.typeof)
    caption_html = em.children(node.caption).strip() if node.caption else ""
    caption_text = em.plain(caption_html) if caption_html else ""
    info = em.resolve_file(node.name)
    if info is not None and (info.bad or info.missing):
        info = None
        bad = True  # a broken image linking to the file's page, not to Special:Upload
    else:
        bad = False

    # sizes
    width, height = node.width, node.height
    upright = node.upright if fmt in ("thumb", "frameless") and width is None else None
    if fmt in ("thumb", "frameless") and width is None and height is None:
        width = em.thumb_size
        if node.upright is not None:
            width = _php_round_tens(em.thumb_size * (node.upright or 0.75))
    if info is not None and info.width and not info.vector and fmt in ("thumb", "frameless"):
        # never wider than the file, unless it scales freely (MediaWiki: isVectorized)
        if width is not None and width > info.width:
            width = info.width

    alt = _option_text(em, node, "alt")
    link = _option_text(em, node, "link")
    if alt is None and not framed and caption_text:
        alt = caption_text
    title = caption_text if not framed and caption_text else None

    manual_info = None
    manual_error = False  # the file exists, its manual thumbnail does not
    if fmt == "manualthumb" and manual is not None and info is not None:
        manual_info = em.resolve_file(manual.strip()) if manual.strip() else None
        if manual_info is None or manual_info.missing:
            manual_info, manual_error = None, True
        if manual_info is None or manual_info.bad:
            info = None
            bad = True
    if info is None:
        # the alt text (the alt option; a caption too unless framed) or else the file's title
        label = _broken_label(em, alt or node.title)
        if manual_error:
            label = "Error creating thumbnail: "
        href = em.page_url(node.title) if bad else em.upload_url(node.name)
        shown_width = width if width is not None else (em.thumb_size if framed else 320)
        inner = (f'<a href="{escape_attr(href)}" title="{escape_attr(node.title)}">'
                 f'<span class="mw-file-element mw-broken-media" data-width="{shown_width}">'
                 f"{label}</span></a>")
        typeof = "mw:Error " + typeof
    else:
        resource = None
        page = info.valid_page(node.page)
        if manual_info is not None:
            box = ImageBox(manual_info.url, manual_info.width, manual_info.height)
        elif fmt == "frame":
            box = scale(info, None, None, page)
        else:
            box = scale(info, width, height, page)
        description = "File:" + info.name.replace("_", " ")
        # a page of a document: its description page with ?page=N (MediaWiki's getLocalURL)
        description_href = None
        if page is not None:
            description_href = (f"{em.script_path}?title={wiki_urlencode(description.replace(' ', '_'))}"
                                f"&page={page}")
        default_link = link is None and fmt != "manualthumb"
        img_alt = _option_text(em, node, "alt") if framed else alt
        if framed and not default_link:
            resource = em.page_url(node.title) + (f"?page={page}" if page is not None else "")
        img = _img(em, box, img_alt, resource, upright)
        if fmt == "manualthumb" and link is None:
            href = description_href or em.page_url(node.title)
            inner = f'<a href="{escape_attr(href)}" title="{escape_attr(node.title)}">{img}</a>'
        else:
            inner, _ = _link_wrap(em, node, img, None if framed else title, framed, link,
                                  description, description_href)
    class_attr = f' class="{escape_attr(" ".join(classes))}"' if classes else ""
    trail = em.text(node.trail)
    if figure:
        caption = caption_html if framed or halign else ""
        return (f'<figure{class_attr} typeof="{typeof}">{inner}'
                f"<figcaption>{caption}</figcaption></figure>\n{trail}")
    return f'<span{class_attr} typeof="{typeof}">{inner}</span>{trail}'


__all__ = ["render_file_link", "render_media_link", "FileInfo"]


class MediaRules(HtmlBase):
    """HTML for file links."""

    def visit_FileLink(self, node: ast.FileLink) -> str:
        if self._link_depth:  # an image inside a link label: no second link around it
            return self.text(node.target) if node.is_media else re.sub(
                r"</?a\b[^>]*>", "", render_file_link(self, node))
        return render_file_link(self, node)
