"""HTML for ``<gallery>`` in MediaWiki's current media structure: the image boxes of
``TraditionalImageGallery`` and its modes (``nolines``, ``packed``, ``packed-overlay``,
``packed-hover``, ``slideshow``), sizes and URLs from :mod:`.media`.

Each mode is a :class:`GalleryLayout` (MediaWiki's subclass hooks as data): the padding around
a thumbnail, the gallery box's padding and borders, and for the packed modes the 1.5x
oversampling (thumbnails fetched 1.5 times as large, shown at their size / 1.5, so a script
can justify rows).  Widths in packed modes are fractions, written as PHP writes floats.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import wikiparse.ast as ast
from .base import HtmlBase
from ..gallery import GalleryLine, gallery_lines
from .media import FileInfo, scale
from .media_html import _img, _link_wrap
from .sanitizer import (
    decode_entities, escape_attr, escape_class, escape_text, format_attributes, safe_url,
)
from .timed_media import render_player

__all__ = ["GalleryLayout", "GalleryRules", "LAYOUTS", "render_gallery"]


@dataclass(frozen=True)
class GalleryLayout:
    """The numbers a gallery mode lays its boxes out with (MediaWiki's ``getThumbPadding``,
    ``getGBPadding``, ``getGBBorders``; ``packed``: the 1.5x oversampling; ``overlay``: the
    caption over the image; ``per_row``: whether ``perrow`` applies; ``box_height``: the
    thumb box has a fixed height)."""

    thumb_padding: int = 30
    box_padding: int = 5
    box_borders: int = 8
    packed: bool = False
    overlay: bool = False
    per_row: bool = True
    box_height: bool = False


_PACKED = GalleryLayout(thumb_padding=0, box_padding=2, packed=True, per_row=False)
_OVERLAY = GalleryLayout(thumb_padding=0, box_padding=2, packed=True, overlay=True,
                         per_row=False)

#: the gallery modes MediaWiki knows (``$wgGalleryOptions['mode']`` defaults to traditional)
LAYOUTS: dict[str, GalleryLayout] = {
    "traditional": GalleryLayout(box_height=True),
    "nolines": GalleryLayout(thumb_padding=0, box_borders=4),
    "packed": _PACKED,
    "packed-overlay": _OVERLAY,
    "packed-hover": _OVERLAY,
    "slideshow": GalleryLayout(per_row=False),
}

_SCALE = 1.5  # packed modes: thumbnails 1.5 times the size shown
_SENTINEL = "\ue000"  # keeps a snippet off the start of a line (no lists, no indent-pre)
_SIZE = re.compile(r"\s*(\d+)\s*(?:px)?\s*$")
_LINK_URL = re.compile(r"(?i)^(?:[a-z][a-z0-9+.-]*:|//)")
_BAD_TITLE = re.compile(r"[\[\]{}<>|\x00-\x1f]")


def php_number(value: float) -> str:
    """A number as PHP prints a float (14 significant digits, no trailing ``.0``)."""
    if value == int(value):
        return str(int(value))
    return f"{value:.14g}"


def _size(value: str | None, default: int) -> int:
    match = _SIZE.match(value or "")
    if match is None or int(match.group(1)) <= 0:
        return default
    return int(match.group(1))


def inline_snippet(em: HtmlBase, wikitext: str) -> str:
    """HTML of wikitext that MediaWiki parses in the middle of a line (``recursiveTagParse``):
    links, quotes and templates, but no lists, headings or indent-pre from its first
    character, no paragraphs."""
    return em.inline_html(_SENTINEL + wikitext).replace(_SENTINEL, "", 1).strip("\n")


@dataclass
class _Gallery:
    layout: GalleryLayout
    widths: int
    heights: int
    show_filename: bool

    def thumb_params(self, info: FileInfo | None) -> tuple[int, int]:
        if not self.layout.packed:
            return self.widths, self.heights
        # the width must not bind, except for audio (no size) and files of unknown size (a
        # repository without sizes: the thumbnail is asked for by width alone)
        sized = info is not None and bool(info.width and info.height) and not (
            info.mime.startswith("audio/"))
        width = self.heights * 10 + 100 if sized else self.widths
        return int(width * _SCALE), int(self.heights * _SCALE)

    def thumb_div_width(self, thumb_width: float) -> float:
        if not self.layout.packed:
            return self.widths + self.layout.thumb_padding
        return max(thumb_width, 60 * _SCALE) / _SCALE + self.layout.thumb_padding

    def box_width(self, thumb_width: float | None) -> float:
        if not self.layout.packed:
            return self.widths + self.layout.thumb_padding + self.layout.box_padding
        if thumb_width is None:
            thumb_width = self.widths * _SCALE
        return self.thumb_div_width(thumb_width) + self.layout.box_padding


def _gallery_link(em: HtmlBase, link: str | None) -> str | None:
    """A line's ``link=``: a URL, a valid title, or None (the default link) for a title
    MediaWiki rejects (T45964)."""
    if link is None:
        return None
    value = decode_entities(em.plain(em.inline_html(link)) if "[" in link or "{" in link
                            else link).strip()
    if not value:
        return ""
    if _LINK_URL.match(value) and safe_url(value, em.policy) is not None:
        return value
    return None if _BAD_TITLE.search(value) else value


def _file_title(em: HtmlBase, line: GalleryLine, name: str) -> str:
    if line.other_title is not None:
        return line.other_title
    namespace = em.config.namespace_name(6) if em.config is not None else "File"
    return f"{namespace or 'File'}:{name}"


def _item(em: HtmlBase, gallery: _Gallery, line: GalleryLine) -> str:
    layout = gallery.layout
    caption_html = inline_snippet(em, line.caption) if line.caption else ""
    caption_text = em.plain(caption_html)
    info = em.resolve_file(line.name) if line.other_title is None else None
    name = info.name.replace("_", " ") if info is not None else line.name  # after a redirect
    title = _file_title(em, line, name)
    span_class = " ".join(c for c in (escape_class(x) for x in (line.css_class or "").split())
                          if c)
    span_attr = f' class="{escape_attr(span_class)}"' if span_class else ""
    width, height = gallery.thumb_params(info)
    thumb_width: float | None = None
    if info is None or info.bad:
        href = em.page_url(title) if info is not None else em.upload_url(line.name)
        inner = (f'<span{span_attr} typeof="mw:Error mw:File"><a href="{escape_attr(href)}" '
                 f'title="{escape_attr(title)}"><span class="mw-file-element mw-broken-media" '
                 f'data-width="{gallery.widths}" data-height="{gallery.heights}">'
                 f"{escape_text(caption_text or title)}</span></a></span>")
        thumb = (f'<div class="thumb" style="height: '
                 f'{layout.thumb_padding + gallery.heights}px;">{inner}</div>')
    else:
        if info.is_media:
            player, shown_width = render_player(
                em, info, width, height,
                shown=(lambda w: math.ceil(w / _SCALE)) if layout.packed else None)
            thumb_width = shown_width
            media = player
        else:
            box = scale(info, width, height)
            thumb_width = box.width if box.width is not None else width
            if layout.packed and box.width is not None:
                box.width = math.ceil(box.width / _SCALE)
                if box.height is not None:
                    box.height = math.ceil(box.height / _SCALE)
            alt = line.alt
            if alt is not None and any(c in alt for c in "'[{<&"):
                alt = em.plain(em.inline_html(alt))  # alt text is plain text, as MediaWiki
            img = _img(em, box, alt if alt is not None else (caption_text or None), None)
            fake = ast.FileLink(span=(0, 0), title=title)
            media, _ = _link_wrap(em, fake, img, caption_text or None, False,
                                  _gallery_link(em, line.link))
        style = f"width: {php_number(gallery.thumb_div_width(thumb_width))}px;"
        if layout.box_height:
            style += f" height: {layout.thumb_padding + gallery.heights}px;"
        thumb = (f'<div class="thumb" style="{style}"><span{span_attr} typeof="mw:File">'
                 f"{media}</span></div>")
    text = caption_html
    if gallery.show_filename:
        filename = (f'<a href="{escape_attr(em.page_url(title))}" class="galleryfilename '
                    f'galleryfilename-truncate" title="{escape_attr(title)}">'
                    f"{escape_text(name)}</a>\n")
        text = filename + text
    box_width = php_number(gallery.box_width(thumb_width))
    if layout.overlay:
        if text.strip():
            caption_width = math.ceil(gallery.box_width(thumb_width) - layout.thumb_padding
                                      - layout.box_padding - 20)
            text_html = (f'\n\t\t\t<div class="gallerytextwrapper" style="width: '
                         f'{caption_width}px"><div class="gallerytext">{text}</div>\n\t\t\t</div>')
        else:
            text_html = ""
    else:
        text_html = f'\n\t\t\t<div class="gallerytext">{text}</div>'
    return (f'\t\t<li class="gallerybox" style="width: {box_width}px">\n\t\t\t{thumb}'
            f"{text_html}\n\t\t</li>\n")


def render_gallery(em: HtmlBase, node: ast.ExtensionTag) -> str:
    """``<gallery>``: one box per ``File:Name|caption`` line, in the layout of its ``mode``
    (an unknown mode is the traditional one, as in MediaWiki)."""
    mode = (node.get_attr("mode") or "traditional").strip().lower()
    if mode not in LAYOUTS:
        mode = "traditional"
    layout = LAYOUTS[mode]
    gallery = _Gallery(layout, _size(node.get_attr("widths"), 120),
                       _size(node.get_attr("heights"), 120),
                       node.get_attr("showfilename") is not None)
    attrs = em.attrs("ul", [a for a in node.attrs if a.name.lower() != "mode"])
    extra_class = next((v for k, v in attrs if k == "class"), "")
    attrs = [(k, v) for k, v in attrs if k != "class"]
    per_row = _size(node.get_attr("perrow"), 0) if layout.per_row else 0
    if per_row > 0:
        padding = layout.thumb_padding + layout.box_padding + layout.box_borders
        style = f"max-width: {per_row * (gallery.widths + padding)}px;"
        old = next((v for k, v in attrs if k == "style"), "")
        attrs = [(k, v) for k, v in attrs if k != "style"] + [("style", style + old)]
    if mode == "slideshow" and node.get_attr("showthumbnails") is not None:
        attrs.append(("data-showthumbnails", "1"))
    ul_class = f"gallery mw-gallery-{mode} {extra_class}".strip()
    items = []
    caption = node.get_attr("caption")
    if caption:
        caption_html = inline_snippet(em, re.sub(r"[\t\n\r]", " ", caption))
        items.append(f'\t<li class="gallerycaption">{caption_html}</li>\n')
    for line in gallery_lines(node.content or "", em.config):
        items.append(_item(em, gallery, line))
    return (f'<ul class="{escape_attr(ul_class)}"{format_attributes(attrs)}>\n'
            + "".join(items) + "</ul>")


class GalleryRules(HtmlBase):
    """HTML for ``<gallery>``."""

    def ext_gallery(self, node: ast.ExtensionTag) -> str:
        return render_gallery(self, node)
