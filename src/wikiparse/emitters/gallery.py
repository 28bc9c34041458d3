"""The lines of a ``<gallery>``: ``File:Name.jpg|option|…|caption``, read once for every emitter.

MediaWiki splits a gallery line at the ``|`` characters outside links (``StringUtils::
delimiterExplode`` over ``[``/``]``), after templates are expanded.  wikiparse does not expand
templates, so a ``|`` inside ``{{…}}`` does not split either: ``A [[Klippan (sofa)|Klippan]]
sofa`` and ``{{lang|de|Haus}}`` stay whole captions.  ``alt=`` and ``link=`` are options; the
last other part is the caption (MediaWiki: "last pipe wins").
"""

from __future__ import annotations

from dataclasses import dataclass

from ..config import SiteConfig

__all__ = ["GalleryLine", "gallery_lines", "split_gallery_parts"]


@dataclass(frozen=True)
class GalleryLine:
    """One image of a gallery: its file name (no namespace, first letter upper case, spaces
    not underscores), caption wikitext and the ``alt``/``link`` options (None when absent)."""

    name: str
    caption: str = ""
    alt: str | None = None
    link: str | None = None


def split_gallery_parts(text: str) -> list[str]:
    """``text`` split at each ``|`` outside ``[…]`` and ``{…}`` (one linear scan)."""
    parts: list[str] = []
    square = curly = 0
    start = 0
    for i, char in enumerate(text):
        if char == "[":
            square += 1
        elif char == "]":
            square = max(0, square - 1)
        elif char == "{":
            curly += 1
        elif char == "}":
            curly = max(0, curly - 1)
        elif char == "|" and not square and not curly:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _is_file_namespace(prefix: str, config: SiteConfig | None) -> bool:
    if config is not None:
        return config.namespace_of(prefix) == 6
    return prefix.strip().lower() in ("file", "image")


def gallery_lines(content: str, config: SiteConfig | None = None) -> list[GalleryLine]:
    """The images of a gallery's content; lines naming another namespace are skipped, as in
    MediaWiki (a name without a namespace is a file)."""
    out = []
    for line in content.split("\n"):
        line = line.strip()
        if not line:
            continue
        target, _, rest = line.partition("|")
        prefix, colon, name = target.partition(":")
        if not colon:
            name = prefix
        elif not _is_file_namespace(prefix, config):
            continue
        name = " ".join(name.replace("_", " ").split())
        if not name:
            continue
        caption, alt, link = "", None, None
        if rest:
            captions = []
            for part in split_gallery_parts(rest):
                key, eq, value = part.partition("=")
                if eq and key.strip() == "alt":
                    alt = value
                elif eq and key.strip() == "link":
                    link = value
                else:
                    captions.append(part)
            caption = captions[-1] if captions else ""
        out.append(GalleryLine(name[:1].upper() + name[1:], caption, alt, link))
    return out
