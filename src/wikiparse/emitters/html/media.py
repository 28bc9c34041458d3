"""Files: where they live, how big they are, and the HTML MediaWiki writes for a file link.

Offline there is no file repository, so the emitter asks a *file resolver* (any callable
``name -> FileInfo | None``; None means "no such file").  :class:`HashedUploads` is the usual
one: MediaWiki's hashed upload layout (``/a/ab/Name.jpg``, thumbnails under ``/thumb/``) below a
base URL, with optional known sizes.  Without sizes an image is written with the width asked
for and no height, which browsers scale correctly.

The markup follows MediaWiki's current media structure (``$wgParserEnableLegacyMediaDOM =
false``): ``<figure typeof="mw:File/Thumb">`` for thumbnails, frames and floated images,
``<span typeof="mw:File">`` for inline ones, ``<a class="mw-file-description">`` around an
``<img class="mw-file-element">``, the caption in ``<figcaption>``, ``srcset`` at 2x.
"""

from __future__ import annotations

import hashlib
import math
import urllib.parse
from dataclasses import dataclass, field
from typing import Callable, Mapping

import wikiparse.ast as ast
from .sanitizer import escape_class

__all__ = ["FileInfo", "FileResolver", "HashedUploads", "ImageBox", "scale"]


@dataclass(frozen=True)
class FileInfo:
    """What the emitter needs to know about one file.

    ``url`` is the original; ``thumb_url(width)`` a rendering ``width`` pixels wide (None when
    the repository cannot scale).  ``width``/``height`` are the original size (None if unknown).
    ``vector`` files (SVG) are always rendered through thumbnails, at any size.  ``bad`` marks a
    file on the wiki's bad-image list (shown as a plain link).  ``missing`` marks a name whose
    description page exists as a redirect while no file is behind it: MediaWiki shows it as a
    broken image linking to that page (not to Special:Upload).  ``pages`` is a paged
    document's page count.  For audio and video, ``mime`` may carry the codecs
    (``video/ogg; codecs="theora"``, the ``<source type>``), ``duration`` is the length in
    seconds and ``poster_url(width, params)`` the still frame a video player shows.
    """

    name: str
    url: str
    width: int | None = None
    height: int | None = None
    mime: str = ""
    thumb_pattern: str | None = None
    bad: bool = False
    missing: bool = False
    pages: int | None = None
    duration: float | None = None
    poster_pattern: str | None = None

    @property
    def vector(self) -> bool:
        return self.mime == "image/svg+xml"

    @property
    def paged(self) -> bool:
        """A multi-page document (DjVu, PDF): rendered one page at a time (``page=``)."""
        return self.mime in _PAGED

    @property
    def must_render(self) -> bool:
        """Shown only through renderings (MediaWiki's ``mustRender``): vector images and
        paged documents get a thumbnail URL at any size, their own size included."""
        return self.vector or self.paged

    def valid_page(self, page: str | None) -> int | None:
        """The page number ``page`` names when it is one of this document's pages."""
        if not self.paged or page is None or not page.strip().isdigit():
            return None
        number = int(page.strip())
        if number < 1 or (self.pages is not None and number > self.pages):
            return None
        return number

    @property
    def is_media(self) -> bool:
        """Audio and video (no thumbnails, sizes optional)."""
        return self.mime.startswith(("audio/", "video/"))

    def thumb_url(self, width: int, page: int | None = None) -> str | None:
        """A rendering ``width`` pixels wide (of ``page``, default 1, for a paged document)."""
        if self.thumb_pattern is None:
            return None
        return self.thumb_pattern.replace("{width}", str(width)).replace("{page}", str(page or 1))

    def poster_url(self, width: int, params: str = "") -> str | None:
        """A video's still frame ``width`` pixels wide; ``params`` is TimedMediaHandler's
        thumbnail parameter (``seek=3.5``), "" for the default frame."""
        if self.poster_pattern is None:
            return None
        quoted = urllib.parse.quote(params, safe="")
        return self.poster_pattern.replace("{width}", str(width)).replace("{params}", quoted)


FileResolver = Callable[[str], "FileInfo | None"]


_PAGED = frozenset({"image/vnd.djvu", "application/pdf"})


def _hash_path(name: str) -> str:
    digest = hashlib.md5(name.encode("utf-8")).hexdigest()
    return f"{digest[0]}/{digest[:2]}"


_MIME_BY_EXT = {
    "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif",
    "svg": "image/svg+xml", "webp": "image/webp", "tif": "image/tiff", "tiff": "image/tiff",
    "djvu": "image/vnd.djvu", "pdf": "application/pdf", "ogv": "video/ogg", "webm": "video/webm",
    "oga": "audio/ogg", "ogg": "audio/ogg", "mp3": "audio/mpeg", "wav": "audio/wav",
    "flac": "audio/flac", "mid": "audio/midi",
}


def mime_of(name: str) -> str:
    return _MIME_BY_EXT.get(name.rsplit(".", 1)[-1].lower() if "." in name else "", "")


@dataclass(frozen=True)
class HashedUploads:
    """MediaWiki's hashed upload directory below ``base`` (no trailing slash).

    ``sizes`` maps file names (``Foo.jpg``, spaces as ``_``) to ``(width, height)``,
    ``(width, height, mime)`` or ``(width, height, mime, extra)``, ``extra`` being the duration
    of audio and video, the page count of a paged document; with ``only_known=True`` other
    names count as missing files.
    ``bad`` names files of the bad-image list.  ``hashed=False`` is the flat layout of a wiki
    with ``$wgHashedUploadDirectory = false`` (``/Name.jpg``, ``/thumb/Name.jpg/…``).
    ``redirects`` maps file names to the file their description page redirects to (one step,
    as MediaWiki follows file redirects); a redirect to no known file gives a ``missing`` info.
    """

    base: str = "https://upload.wikimedia.org/wikipedia/commons"
    sizes: Mapping[str, tuple[object, ...]] = field(default_factory=dict)
    only_known: bool = False
    bad: frozenset[str] = frozenset()
    hashed: bool = True
    redirects: Mapping[str, str] = field(default_factory=dict)

    def __call__(self, name: str) -> FileInfo | None:
        key = name.replace(" ", "_")
        target = self.redirects.get(key)
        if target is not None:
            info = self._lookup(target.replace(" ", "_"))
            return info if info is not None else FileInfo(name=key, url="", missing=True)
        return self._lookup(key)

    def _lookup(self, key: str) -> FileInfo | None:
        known = self.sizes.get(key)
        if known is None and self.only_known:
            return None
        quoted = urllib.parse.quote(key, safe=";@$!*(),/~:'")
        path = f"{_hash_path(key)}/{quoted}" if self.hashed else quoted
        mime = mime_of(key)
        width = height = pages = None
        duration = None
        if known is not None:
            width = int(known[0]) if known[0] is not None else None  # type: ignore[call-overload]
            height = int(known[1]) if known[1] is not None else None  # type: ignore[call-overload]
            if len(known) > 2:
                mime = str(known[2])
            if len(known) > 3 and known[3] is not None:
                if mime in _PAGED:
                    pages = int(known[3])  # type: ignore[call-overload]
                else:
                    duration = float(known[3])  # type: ignore[arg-type]
        thumb = poster = None
        if mime in _PAGED:  # a page rendered as JPEG: page2-220px-Name.djvu.jpg
            thumb = f"{self.base}/thumb/{path}/page{{page}}-{{width}}px-{quoted}.jpg"
        elif not mime.startswith(("audio/", "video/")):
            suffix = ".png" if mime == "image/svg+xml" else ""
            thumb = f"{self.base}/thumb/{path}/{{width}}px-{quoted}{suffix}"
        elif mime.startswith("video/"):
            poster = f"{self.base}/thumb/{path}/{{width}}px-{{params}}-{quoted}.jpg"
        return FileInfo(name=key, url=f"{self.base}/{path}", width=width, height=height,
                        mime=mime, thumb_pattern=thumb, bad=key in self.bad, pages=pages,
                        duration=duration, poster_pattern=poster)


@dataclass
class ImageBox:
    """The rendered size and URLs of one image."""

    src: str
    width: int | None
    height: int | None
    srcset: str | None = None


def _fit_box_width(w0: int, h0: int, max_height: int) -> int:
    ideal = max_height * w0 / h0
    rounded_up = math.ceil(ideal)
    if round(rounded_up * h0 / w0) > max_height:
        return math.floor(ideal)
    return rounded_up


def _php_round(x: float) -> int:
    return int(math.floor(x + 0.5)) if x >= 0 else -int(math.floor(-x + 0.5))


def _transform(info: FileInfo, width: int | None, height: int | None,
               page: int | None = None) -> ImageBox:
    w0, h0 = info.width, info.height
    if w0 and h0:
        if width is None:
            width = w0
        if height is not None and width * h0 > height * w0:
            width = _fit_box_width(w0, h0, height)
        out_h = _php_round(h0 * width / w0)
        if width >= w0 and not info.must_render:
            return ImageBox(info.url, width, out_h)
        thumb = info.thumb_url(width, page)
        return ImageBox(thumb or info.url, width, out_h)
    if width is None:
        return ImageBox(info.url, None, height)
    return ImageBox(info.thumb_url(width, page) or info.url, width, None)


def scale(info: FileInfo, width: int | None, height: int | None,
          page: int | None = None) -> ImageBox:
    """The image ``info`` (``page`` of a paged document) at ``width``/``height`` (either may be
    None), with a 2x ``srcset`` when a sharper rendering exists, as MediaWiki computes it (box
    fitting, rounding)."""
    box = _transform(info, width, height, page)
    if box.width is None or not (info.width and info.height):
        return box
    if width is None and height is None and not info.must_render:
        return box
    hi = _transform(info, (width if width is not None else info.width) * 2,
                    height * 2 if height is not None else None, page)
    if hi.src != box.src:
        box.srcset = f"{hi.src} 2x"
    return box


#: the formats drawn in a frame with a caption below
FRAMED_FORMATS = ("thumb", "frame", "manualthumb")
#: the vertical alignments MediaWiki writes as ``mw-valign-*`` classes
VALIGNS = frozenset({"baseline", "sub", "super", "top", "text-top", "middle", "bottom",
                     "text-bottom"})
#: the RDFa ``typeof`` of each format (inline files: ``mw:File``)
FILE_TYPEOF = {"thumb": "mw:File/Thumb", "manualthumb": "mw:File/Thumb",
               "frame": "mw:File/Frame", "frameless": "mw:File/Frameless"}


@dataclass
class FileLayout:
    """How a ``[[File:…]]`` is laid out: ``framed`` (a thumbnail or frame), ``halign`` (a
    horizontal alignment, or None), ``figure`` (a ``<figure>`` rather than a ``<span>``),
    ``classes`` (MediaWiki's ``mw-default-size``, ``mw-halign-*``, ``mw-valign-*``,
    ``mw-image-border`` and the ``class=`` option's) and ``typeof``."""

    framed: bool
    halign: str | None
    figure: bool
    classes: list[str]
    typeof: str


def file_layout(node: ast.FileLink, fmt: str | None) -> FileLayout:
    """The layout of ``node`` drawn in format ``fmt`` (its format, or ``manualthumb``)."""
    framed = fmt in FRAMED_FORMATS
    halign = node.align if node.align in ("left", "right", "center", "none") else None
    figure = framed or halign is not None
    classes: list[str] = []
    if node.width is None and node.height is None and fmt not in ("frame", "manualthumb"):
        classes.append("mw-default-size")
    if halign:
        classes.append(f"mw-halign-{halign}")
    if not figure and node.valign in VALIGNS:
        classes.append(f"mw-valign-{node.valign}")
    if node.border and not framed:
        classes.append("mw-image-border")
    if node.css_class:
        classes.extend(c for c in (escape_class(x) for x in node.css_class.split()) if c)
    return FileLayout(framed, halign, figure, classes, FILE_TYPEOF.get(fmt or "", "mw:File"))
