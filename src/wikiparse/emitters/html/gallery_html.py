"""HTML for ``<gallery>`` in MediaWiki's current media structure (the image boxes of
``TraditionalImageGallery`` and its modes; sizes and URLs from :mod:`.media`)."""

from __future__ import annotations

import re

import wikiparse.ast as ast
from .base import HtmlBase
from ..gallery import gallery_lines
from .media import scale
from .media_html import _img, _link_wrap
from .sanitizer import decode_entities, escape_attr, escape_text, format_attributes

__all__ = ["GalleryRules", "render_gallery"]


def render_gallery(em: HtmlBase, node: ast.ExtensionTag) -> str:
    """``<gallery>``: one box per ``File:Name|caption`` line (traditional mode)."""
    try:
        widths = int(re.sub(r"\s*px\s*$", "", node.get_attr("widths") or "120"))
    except ValueError:
        widths = 120
    try:
        heights = int(re.sub(r"\s*px\s*$", "", node.get_attr("heights") or "120"))
    except ValueError:
        heights = 120
    items = []
    mode = (node.get_attr("mode") or "traditional").strip().lower()
    if mode not in ("traditional", "nolines", "packed", "packed-overlay", "packed-hover",
                    "slideshow"):
        mode = "traditional"
    attrs = em.attrs("ul", [a for a in node.attrs if a.name.lower() not in ("mode",)])
    extra_class = next((v for k, v in attrs if k == "class"), "")
    attrs = [(k, v) for k, v in attrs if k != "class"]
    ul_class = f"gallery mw-gallery-{mode} {extra_class}".strip()
    caption = node.get_attr("caption")
    if caption:
        items.append(f'\t<li class="gallerycaption">{em.inline_html(caption)}</li>\n')
    for line in gallery_lines(node.content or "", em.config):
        fname, alt, link = line.name, line.alt, line.link
        caption_html = em.inline_html(line.caption).strip() if line.caption else ""
        info = em.resolve_file(fname)
        title = "File:" + fname
        if info is None or info.bad:
            href = em.page_url(title) if info is not None else em.upload_url(fname)
            inner = (f'<span typeof="mw:Error mw:File"><a href="{escape_attr(href)}" '
                     f'title="{escape_attr(title)}"><span class="mw-file-element mw-broken-media" '
                     f'data-width="{widths}" data-height="{heights}">'
                     f'{escape_text(em.plain(caption_html) or title)}</span>'
                     f"</a></span>")
            thumb_style = f"height: {heights + 30}px;"
        else:
            box = scale(info, widths, heights)
            if alt is not None and any(c in alt for c in "'[{<&"):
                alt = em.plain(em.inline_html(alt))  # alt text is plain text, as MediaWiki
            img_alt = alt if alt is not None else (em.plain(caption_html) or None)
            fake = ast.FileLink(span=node.span, title=title)
            img = _img(em, box, img_alt, None)
            cap_title = em.plain(caption_html) or None
            inner_link, _ = _link_wrap(em, fake, img, cap_title, False,
                                       decode_entities(link) if link is not None else None)
            inner = f'<span typeof="mw:File">{inner_link}</span>'
            thumb_style = f"width: {widths + 30}px; height: {heights + 30}px;"
        items.append(
            f'\t\t<li class="gallerybox" style="width: {widths + 35}px">\n'
            f'\t\t\t<div class="thumb" style="{thumb_style}">{inner}</div>\n'
            f'\t\t\t<div class="gallerytext">{caption_html}</div>\n\t\t</li>\n'
        )
    return (f'<ul class="{escape_attr(ul_class)}"{format_attributes(attrs)}>\n'
            + "".join(items) + "</ul>")


class GalleryRules(HtmlBase):
    """HTML for ``<gallery>``."""

    def ext_gallery(self, node: ast.ExtensionTag) -> str:
        return render_gallery(self, node)
