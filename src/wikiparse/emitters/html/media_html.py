"""HTML for file links (``[[File:..]]``, ``[[Media:..]]``) in MediaWiki's current media structure
(see :mod:`.media` for sizes and URLs; ``<gallery>`` is :mod:`.gallery_html`)."""

from __future__ import annotations

import re
import wikiparse.ast as ast
from .base import HtmlBase
from .media import FileInfo, ImageBox, scale
from .timed_media import timed_media_file_link
from .sanitizer import (
    decode_entities, escape_attr, escape_class, escape_text, safe_url,
)

_FRAMED = ("thumb", "frame", "manualthumb")
_VALIGNS = frozenset({"baseline", "sub", "super", "top", "text-top", "middle", "bottom",
                      "text-bottom"})
_TYPEOF = {"thumb": "mw:File/Thumb", "manualthumb": "mw:File/Thumb", "frame": "mw:File/Frame",
           "frameless": "mw:File/Frameless"}


def _php_round_tens(x: float) -> int:
    return int((x / 10.0) + 0.5) * 10


def _img(em: HtmlBase, box: ImageBox, alt: str | None, resource: str | None,
         upright: bool = False) -> str:
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
    parts.append(' class="mw-file-element mw-file-upright"' if upright else ' class="mw-file-element"')
    if box.srcset:
        url, _, density = box.srcset.rpartition(" ")
        safe = safe_url(url, em.policy, relative=True)
        if safe:
            parts.append(f' srcset="{escape_attr(safe)} {escape_attr(density)}"')
    return "<img" + "".join(parts) + " />"


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
               description: str | None = None) -> tuple[str, bool]:
    """Wrap ``inner`` in the link the file link asks for; returns (html, is_default_link)."""
    title_attr = f' title="{escape_attr(title)}"' if title else ""
    if link is None:
        href = em.page_url(description or node.title)
        return (f'<a href="{escape_attr(href)}" class="mw-file-description"{title_attr}>'
                f"{inner}</a>", True)
    link = link.strip()
    if not link:
        return f"<span{title_attr}>{inner}</span>", False
    url = safe_url(link, em.policy)
    if url is not None and re.match(r"(?i)^(?:[a-z][a-z0-9+.-]*:|//)", link):
        return f'<a href="{escape_attr(url)}"{title_attr}{em._rel()}>{inner}</a>', False
    target = " ".join(link.replace("_", " ").split())
    fragment = None
    if "#" in target:
        target, fragment = target.split("#", 1)
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
    framed = fmt in _FRAMED
    caption_html = em.children(node.caption).strip() if node.caption else ""
    caption_text = em.plain(caption_html) if caption_html else ""
    halign = node.align if node.align in ("left", "right", "center", "none") else None
    figure = framed or halign is not None
    classes: list[str] = []
    explicit_size = node.width is not None or node.height is not None
    if not explicit_size and fmt not in ("frame", "manualthumb"):
        classes.append("mw-default-size")
    if halign:
        classes.append(f"mw-halign-{halign}")
    if not figure and node.valign in _VALIGNS:
        classes.append(f"mw-valign-{node.valign}")
    if node.border and not framed:
        classes.append("mw-image-border")
    if node.css_class:
        classes.extend(escape_class(c) for c in node.css_class.split() if escape_class(c))
    typeof = _TYPEOF.get(fmt or "", "mw:File")
    info = em.resolve_file(node.name)
    if info is not None and info.bad:
        info = None
        bad = True
    else:
        bad = False

    # sizes
    width, height = node.width, node.height
    upright = fmt in ("thumb", "frameless") and node.upright is not None and width is None
    if fmt in ("thumb", "frameless") and width is None and height is None:
        width = em.thumb_size
        if node.upright is not None:
            width = _php_round_tens(em.thumb_size * (node.upright or 0.75))
    if info is not None and info.width and not info.vector and fmt in ("thumb", "frameless"):
        if width is not None and width > info.width:
            width = info.width

    alt = _option_text(em, node, "alt")
    link = _option_text(em, node, "link")
    if alt is None and not framed and caption_text:
        alt = caption_text
    title = caption_text if not framed and caption_text else None

    manual_info = None
    if fmt == "manualthumb" and manual and info is not None:
        manual_info = em.resolve_file(manual.strip())
        if manual_info is None or manual_info.bad:
            info = None
            bad = True
    if info is None:
        label = escape_text(alt if alt and not framed else node.title)
        if fmt == "manualthumb" and manual_info is None and bad and manual:
            label = "Error creating thumbnail: "
        href = em.page_url(node.title) if bad else em.upload_url(node.name)
        shown_width = width if width is not None else (em.thumb_size if framed else 320)
        inner = (f'<a href="{escape_attr(href)}" title="{escape_attr(node.title)}">'
                 f'<span class="mw-file-element mw-broken-media" data-width="{shown_width}">'
                 f"{label}</span></a>")
        typeof = "mw:Error " + typeof
    else:
        resource = None
        if manual_info is not None:
            box = ImageBox(manual_info.url, manual_info.width, manual_info.height)
        elif fmt == "frame":
            box = scale(info, None, None)
        else:
            box = scale(info, width, height)
        default_link = link is None and fmt != "manualthumb"
        img_alt = _option_text(em, node, "alt") if framed else alt
        if framed and not default_link:
            resource = em.page_url(node.title)
        img = _img(em, box, img_alt, resource, upright)
        if fmt == "manualthumb" and link is None:
            href = em.page_url(node.title)
            inner = f'<a href="{escape_attr(href)}" title="{escape_attr(node.title)}">{img}</a>'
        else:
            description = "File:" + info.name.replace("_", " ")
            inner, _ = _link_wrap(em, node, img, None if framed else title, framed, link,
                                  description)
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
