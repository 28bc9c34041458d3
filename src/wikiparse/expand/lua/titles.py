"""Title normalisation for ``mw.title`` and ``require``: MediaWiki's rules over a ``SiteConfig``.

A title splits into an optional interwiki prefix, a namespace, the page text and a fragment;
spaces and underscores are one, runs collapse, the first letter is upper-cased, and characters
MediaWiki forbids (``<>[]{}|``, controls, ``~~~``, ``.``/``..`` path segments) make it invalid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...config import SiteConfig

_INVALID = re.compile(r"[<>\[\]{}|\x00-\x1f\x7f\ufffd]|~{3}|%[0-9A-Fa-f]{2}|&[A-Za-z0-9\x80-\uffff]+;|&#")
_SPACES = re.compile(r"[ _\u00a0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_BIDI = re.compile(r"[\u200e\u200f\u202a-\u202e]")


@dataclass(frozen=True)
class ParsedTitle:
    """One valid title."""

    namespace: int
    text: str
    fragment: str = ""
    interwiki: str = ""


def _upper_first(text: str) -> str:
    if not text:
        return text
    first = text[0]
    if first == "ß":  # MediaWiki keeps ß (its upper-case form is two letters)
        return text
    upper = first.upper()
    return (upper if len(upper) == 1 else first) + text[1:]


def normalise_text(text: str) -> str:
    """Spaces and underscores as one space, trimmed, bidi marks removed."""
    return _SPACES.sub(" ", _BIDI.sub("", text)).strip(" ")


def parse_title(config: SiteConfig, text: str, default_ns: int = 0) -> ParsedTitle | None:
    """MediaWiki's ``Title::newFromText``: ``None`` when the text is not a valid title."""
    text = normalise_text(text)
    fragment = ""
    if "#" in text:
        text, fragment = text.split("#", 1)
        fragment = _SPACES.sub(" ", fragment).rstrip(" ")
        text = text.rstrip(" ")
    namespace = default_ns
    interwiki = ""
    if text.startswith(":"):
        namespace = 0
        text = normalise_text(text[1:])
    for _ in range(2):
        if ":" not in text:
            break
        prefix, rest = text.split(":", 1)
        number = config.namespace_of(prefix)
        if number is not None and not interwiki:
            namespace = number
            text = normalise_text(rest)
            break
        key = prefix.strip(" ").lower()
        if not interwiki and (key in config.interwiki_prefixes or key in config.language_codes):
            interwiki = key
            text = normalise_text(rest)
            namespace = 0
            if text.startswith(":"):
                text = normalise_text(text[1:])
            continue
        break
    if _INVALID.search(text) or len(text.encode("utf-8")) > 255:
        return None
    if text in (".", "..") or text.startswith(("./", "../")) or "/./" in text or "/../" in text \
            or text.endswith(("/.", "/..")):
        return None
    if not text:
        if interwiki or (fragment and namespace == 0):
            return ParsedTitle(namespace, "", fragment, interwiki)
        return None
    if text.startswith(":") and namespace != 0:
        return None
    if not interwiki:
        text = _upper_first(text)
    return ParsedTitle(namespace, text, fragment, interwiki)


def full_title(config: SiteConfig, title: ParsedTitle) -> str:
    """``prefixedText`` (interwiki and namespace included, no fragment)."""
    ns_name = config.namespace_name(title.namespace)
    text = f"{ns_name}:{title.text}" if ns_name else title.text
    return f"{title.interwiki}:{text}" if title.interwiki else text


__all__ = ["ParsedTitle", "full_title", "normalise_text", "parse_title"]
