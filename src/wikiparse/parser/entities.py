"""Character references: what ``&name;``, ``&#NNN;`` and ``&#xHH;`` stand for in MediaWiki."""

from __future__ import annotations

import html
from html.entities import html5 as html5_entities

_MW_ENTITY_ALIASES = {"&\u05e8\u05dc\u05de;": "\u200f", "&\u0631\u0644\u0645;": "\u200f"}


def reference_char(raw: str) -> str:
    """The character an entity stands for, or ``""`` when MediaWiki shows it as text: an unknown
    name, or a number that is no character (Sanitizer::validateCodepoint allows tab, LF, CR,
    U+0020-D7FF, U+E000-FFFD, U+10000-10FFFF).  Zero padding of any length is allowed."""
    if not raw.startswith("&#"):
        # a name MediaWiki knows: HTML5's (with their semicolon, case-sensitive; so ``&ampamp;``
        # is no ``&amp`` followed by text) and its two aliases for U+200F RIGHT-TO-LEFT MARK
        return _MW_ENTITY_ALIASES.get(raw) or html5_entities.get(raw[1:], "")
    digits = raw[2:-1]
    hexadecimal = digits[:1] in ("x", "X")
    significant = (digits[1:] if hexadecimal else digits).lstrip("0") or "0"
    if len(significant) > (6 if hexadecimal else 7):
        return ""
    cp = int(significant, 16 if hexadecimal else 10)
    if cp in (0x09, 0x0A, 0x0D) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD \
            or 0x10000 <= cp <= 0x10FFFF:
        return html.unescape(f"&#{cp};") if 0x80 <= cp <= 0x9F else chr(cp)
    return ""
