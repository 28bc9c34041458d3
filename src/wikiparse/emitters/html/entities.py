"""Character references as MediaWiki decodes them in HTML output (named ones need their
``;``, numbers that are no valid character become U+FFFD)."""

from __future__ import annotations

import html.entities
import re

__all__ = ["decode_entities"]

_CHAR_REF = re.compile(r"&(?:([A-Za-z0-9\x80-\U0010ffff]+;)|#([0-9]+);|#[xX]([0-9A-Fa-f]+);)")
_ENTITY_ALIASES = {"\u05e8\u05dc\u05de;": "rlm;", "\u0631\u0644\u0645;": "rlm;"}
_HTML5_ENTITIES = html.entities.html5


def _valid_codepoint(cp: int) -> bool:
    """Characters valid in both HTML5 and XML (no C0 except tab/LF, no C1, no surrogates)."""
    return (
        cp in (0x09, 0x0A)
        or 0x20 <= cp <= 0x7E
        or 0xA0 <= cp <= 0xD7FF
        or 0xE000 <= cp <= 0xFFFD
        or 0x10000 <= cp <= 0x10FFFF
    )


def _decode_ref(m: re.Match[str]) -> str:
    name, dec, hexa = m.group(1), m.group(2), m.group(3)
    if name is not None:
        name = _ENTITY_ALIASES.get(name, name)
        return _HTML5_ENTITIES.get(name, "&" + name)
    digits = dec if dec is not None else hexa
    digits = digits.lstrip("0") or "0"
    if len(digits) > 8:  # far beyond U+10FFFF (and int() of huge strings is not free)
        return "\ufffd"
    cp = int(digits, 10 if dec is not None else 16)
    return chr(cp) if _valid_codepoint(cp) else "\ufffd"


def decode_entities(s: str) -> str:
    """Decode character references as MediaWiki does: named ones need their ``;`` (``&amp``
    stays as written), numeric ones outside the valid ranges become U+FFFD."""
    if "&" not in s:
        return s
    return _CHAR_REF.sub(_decode_ref, s)
