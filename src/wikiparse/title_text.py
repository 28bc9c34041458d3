"""The text functions of page titles and namespace names that the parser calls on every link,
template and file: :func:`normalize_title` (what ``SiteConfig.normalize_title`` does) and
:func:`ns_key` (the key of ``SiteConfig.namespace_lookup``).

A leaf module (it imports nothing of wikiparse), so that the compiled build can compile it with
the parser (``hatch_build.py``): the parser calls these tens of thousands of times on a large
corpus, and as interpreted functions they were its largest interpreted cost.
:class:`~wikiparse.config.SiteConfig` delegates to them; output is the same either way.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

import regex

__all__ = ["normalize_title", "ns_key"]

# MediaWiki's title whitespace (MediaWikiTitleCodec::splitTitleString): '_', the space
# separators (Zs: space, NBSP, U+1680, U+2000-U+200A, U+202F, U+205F, U+3000), U+2028, U+2029;
# and the direction marks it removes (U+200E, U+200F, U+202A-U+202E)
_TITLE_SPACE: Final = regex.compile(r"[_\p{Zs}\u2028\u2029]+")
_DIRECTION_MARKS: Final = regex.compile(r"[\u200e\u200f\u202a-\u202e]")
# what str.split() would get wrong: the direction marks, and NEL (whitespace to Python, a
# title character to MediaWiki)
_TITLE_SPECIAL: Final = re.compile(r"[\u200e\u200f\u202a-\u202e\x85]")


def normalize_title(raw: str, capitalize: bool = True) -> str:
    """A page name as MediaWiki's Title normalises it: direction marks (LRM, RLM, the embedding
    and override controls) are dropped, underscores and runs of Unicode space separators become
    one space, the ends are trimmed and (``capitalize``) the first letter is upper-cased; the
    result is NFC."""
    if raw.isascii() or _TITLE_SPECIAL.search(raw) is None:
        # str.split's whitespace is MediaWiki's title whitespace here (other controls are
        # illegal in titles): the common, fast path
        title = " ".join(raw.replace("_", " ").split())
    else:
        title = _TITLE_SPACE.sub(" ", _DIRECTION_MARKS.sub("", raw)).strip(" \t\n\r\x00\x0b")
    if not title.isascii() and not unicodedata.is_normalized("NFC", title):
        title = unicodedata.normalize("NFC", title)  # MediaWiki's titles are NFC
    return title[:1].upper() + title[1:] if capitalize else title


def ns_key(name: str) -> str:
    """A namespace name or alias as ``SiteConfig.namespace_lookup`` keys it: case-folded, with
    underscores and runs of whitespace as one space, the ends trimmed."""
    return " ".join(name.replace("_", " ").split()).casefold()
