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

__all__ = ["FileInfo", "FileResolver", "HashedUploads", "ImageBox", "scale"]


@dataclass(frozen=True)
class FileInfo:
    """What the emitter needs to know about one file.

    ``url`` is the original; ``thumb_url(width)`` a rendering ``width`` pixels wide (None when
    the repository cannot scale).  ``width``/``height`` are the original size (None if unknown).
    ``vector`` files (SVG) are always rendered through thumbnails, at any size.  ``bad`` marks a
    file on the wiki's bad-image list (shown as a plain link).  For audio and video, ``mime`` may
    carry the codecs (``video/ogg; codecs="theora"``, the ``<source type>``), ``duration`` is the
    length in seconds and ``poster_url(width, params)`` the still frame a video player shows.
    """

    name: str
    url: str
    width: int | None = None
    height: int | None = None
    mime: str = ""
    thumb_pattern: str | None = None
    bad: bool = False
    duration: float | None = None
    poster_pattern: str | None = None

    @property
    def vector(self) -> bool:
        return self.mime == "image/svg+xml"

    @property
    def is_media(self) -> bool:
        """Audio and video (no thumbnails, sizes optional)."""
        return self.mime.startswith(("audio/", "video/"))

    def thumb_url(self, width: int) -> str | None:
        if self.thumb_pattern is None:
            return None
        return self.thumb_pattern.replace("{width}", str(width))

    def poster_url(self, width: int, params: str = "") -> str | None:
        """A video's still frame ``width`` pixels wide; ``params`` is TimedMediaHandler's
        thumbnail parameter (``seek=3.5``), "" for the default frame."""
        if self.poster_pattern is None:
            return None
        quoted = urllib.parse.quote(params, safe="")
        return self.poster_pattern.replace("{width}", str(width)).replace("{params}", quoted)


FileResolver = Callable[[str], "FileInfo | None"]


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
    ``(width, height, mime)`` or ``(width, height, mime, duration)``; with ``only_known=True`` other names count as missing files.
    ``bad`` names files of the bad-image list.  ``hashed=False`` is the flat layout of a wiki
    with ``$wgHashedUploadDirectory = false`` (``/Name.jpg``, ``/thumb/Name.jpg/…``).
    """

    base: str = "https://upload.wikimedia.org/wikipedia/commons"
    sizes: Mapping[str, tuple[object, ...]] = field(default_factory=dict)
    only_known: bool = False
    bad: frozenset[str] = frozenset()
    hashed: bool = True

    def __call__(self, name: str) -> FileInfo | None:
        key = name.replace(" ", "_")
        known = self.sizes.get(key)
        if known is None and self.only_known:
            return None
        quoted = urllib.parse.quote(key, safe=";@$!*(),/~:'")
        path = f"{_hash_path(key)}/{quoted}" if self.hashed else quoted
        mime = mime_of(key)
        width = height = None
        duration = None
        if known is not None:
            width = int(known[0]) if known[0] is not None else None  # type: ignore[call-overload]
            height = int(known[1]) if known[1] is not None else None  # type: ignore[call-overload]
            if len(known) > 2:
                mime = str(known[2])
            if len(known) > 3 and known[3] is not None:
                duration = float(known[3])  # type: ignore[arg-type]
        suffix = ".png" if mime in ("image/svg+xml", "image/vnd.djvu", "application/pdf") else ""
        thumb = poster = None
        if not mime.startswith(("audio/", "video/")):
            thumb = f"{self.base}/thumb/{path}/{{width}}px-{quoted}{suffix}"
        elif mime.startswith("video/"):
            poster = f"{self.base}/thumb/{path}/{{width}}px-{{params}}-{quoted}.jpg"
        return FileInfo(name=key, url=f"{self.base}/{path}", width=width, height=height,
                        mime=mime, thumb_pattern=thumb, bad=key in self.bad, duration=duration,
                        poster_pattern=poster)


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


def _transform(info: FileInfo, width: int | None, height: int | None) -> ImageBox:
    w0, h0 = info.width, info.height
    if w0 and h0:
        if width is None:
            width = w0
        if height is not None and width * h0 > height * w0:
            width = _fit_box_width(w0, h0, height)
        out_h = _php_round(h0 * width / w0)
        if width >= w0 and not info.vector:
            return ImageBox(info.url, width, out_h)
        thumb = info.thumb_url(width)
        return ImageBox(thumb or info.url, width, out_h)
    if width is None:
        return ImageBox(info.url, None, height)
    return ImageBox(info.thumb_url(width) or info.url, width, None)


def scale(info: FileInfo, width: int | None, height: int | None) -> ImageBox:
    """The image ``info`` at ``width``/``height`` (either may be None), with a 2x ``srcset``
    when a sharper rendering exists, as MediaWiki computes it (box fitting, rounding)."""
    box = _transform(info, width, height)
    if box.width is None or not (info.width and info.height):
        return box
    if width is None and height is None and not info.vector:
        return box
    hi = _transform(info, (width if width is not None else info.width) * 2,
                    height * 2 if height is not None else None)
    if hi.src != box.src:
        box.srcset = f"{hi.src} 2x"
    return box
