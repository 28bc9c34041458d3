"""The lines of a ``<gallery>``: ``File:Name.jpg|option|…|caption``, read once for every emitter
and for :attr:`Document.files <wikiparse.ast.Document.files>` (the tree keeps a gallery raw).

MediaWiki splits a gallery line at the ``|`` characters outside links (``StringUtils::
delimiterExplode`` over ``[``/``]``), after templates are expanded.  wikiparse does not expand
templates, so a ``|`` inside ``{{…}}`` does not split either: ``A [[Klippan (sofa)|Klippan]]
sofa`` and ``{{lang|de|Haus}}`` stay whole captions.  ``alt=``, ``link=`` and ``class=`` are
options (the site's words for them); the last other part is the caption (MediaWiki: "last pipe
wins").

The part before the first ``|`` is a title in the File namespace by default (``Title::
newFromText($text, NS_FILE)``): character references are decoded, a line holding ``%`` is
URL-decoded, and a title MediaWiki rejects (``[[x``, ``a{b``) drops the line.  A title naming
another namespace (``Category:X``, or ``:X`` for the main one) is no file: MediaWiki shows it as a
missing file, so it is kept with :attr:`GalleryLine.other_title` set.
"""

from __future__ import annotations

import html
import re
import urllib.parse
from dataclasses import dataclass, field

from ..config import SiteConfig

__all__ = ["GalleryLine", "gallery_lines", "split_gallery_parts"]

#: characters no title may hold (MediaWiki's ``$wgLegalTitleChars`` leaves them out)
_ILLEGAL_TITLE = re.compile(r"[\[\]{}<>|\x00-\x1f\x7f]|~{3}")


@dataclass(frozen=True)
class GalleryLine:
    """One image of a gallery: its file name (no namespace, first letter upper case, spaces
    not underscores), caption wikitext and the ``alt``/``link``/``class`` options (None when
    absent).  ``other_title`` is the full title of a line naming a namespace other than File
    (``name`` is then that title without its namespace): MediaWiki shows such a line as a
    missing file.  ``span`` is the line's ``[start, end)`` in the gallery's content, blanks
    around it left out."""

    name: str
    caption: str = ""
    alt: str | None = None
    link: str | None = None
    css_class: str | None = None
    other_title: str | None = None
    span: tuple[int, int] = field(default=(0, 0), compare=False)


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


def _namespace(prefix: str, config: SiteConfig | None) -> int | None:
    if config is not None:
        return config.namespace_of(prefix)
    key = " ".join(prefix.replace("_", " ").split()).lower()
    return {"file": 6, "image": 6, "category": 14, "template": 10, "user": 2, "help": 12,
            "media": -2, "special": -1, "talk": 1}.get(key)


def _normal(text: str) -> str:
    return " ".join(text.replace("_", " ").split())


def _title(target: str, config: SiteConfig | None) -> tuple[str, str | None] | None:
    """(name without namespace, full title when not in the File namespace) of a line's
    target, or None for a title MediaWiki rejects."""
    text = _normal(html.unescape(target))
    main = text.startswith(":")
    if main:
        text = _normal(text[1:])
    text = text.split("#", 1)[0].strip()
    if not text or _ILLEGAL_TITLE.search(text):
        return None
    prefix, colon, rest = text.partition(":")
    namespace = _namespace(prefix, config) if colon else None
    if namespace is None:
        if main:
            return text[:1].upper() + text[1:], text[:1].upper() + text[1:]
        return text[:1].upper() + text[1:], None
    name = _normal(rest)
    if not name:
        return None
    name = name[:1].upper() + name[1:]
    if namespace == 6:
        return name, None
    shown = config.namespace_name(namespace) if config is not None else _normal(prefix)
    return name, f"{shown or _normal(prefix)}:{name}"


def _option_words(config: SiteConfig | None, option: str) -> list[tuple[str, str]]:
    """The (prefix, suffix) words of a ``$1`` image option (``alt=$1``)."""
    if config is None:
        return [(option + "=", "")]
    return [(pre, post) for pre, post, opt in config.image_option_table[1] if opt == option]


def _match(part: str, words: list[tuple[str, str]]) -> str | None:
    low = part.lower()
    for pre, post in words:
        if low.startswith(pre) and low.endswith(post) and len(part) >= len(pre) + len(post):
            return part[len(pre):len(part) - len(post)]
    return None


def gallery_lines(content: str, config: SiteConfig | None = None) -> list[GalleryLine]:
    """The images of a gallery's content, in order (see the module docstring)."""
    words = {opt: _option_words(config, opt) for opt in ("alt", "link", "class")}
    out = []
    offset = 0
    for line in content.split("\n"):
        line_start, offset = offset, offset + len(line) + 1
        target, _, rest = line.partition("|")
        if not target.strip():
            continue
        if "%" in line:
            target = urllib.parse.unquote(target)
        title = _title(target, config)
        if title is None:
            continue
        found: dict[str, str] = {}
        caption = ""
        if rest:
            for part in split_gallery_parts(rest.strip()):
                for option, option_words in words.items():
                    value = _match(part.strip(), option_words)
                    if value is not None:
                        found[option] = value
                        break
                else:
                    caption = part
        lead = len(line) - len(line.lstrip())
        span = (line_start + lead, line_start + len(line.rstrip()))
        out.append(GalleryLine(title[0], caption, found.get("alt"), found.get("link"),
                               found.get("class"), title[1], span))
    return out
