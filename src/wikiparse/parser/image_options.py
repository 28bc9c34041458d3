"""Image options (``[[File:x.jpg|thumb|200px|link=Foo]]``) as MediaWiki's ``makeImage`` reads
them: which option a word names, whether a ``link=`` value names a target, and the typed
``FileLink`` field each option sets."""

from __future__ import annotations

import re
from urllib.parse import unquote

from ..ast import FileFormat, FileLink, ImageOption, ImageOptionKind
from .context import Context
from .title_chars import ILLEGAL_TITLE, PERCENT

__all__ = ["FORMATS", "OPTION_KIND", "SIZE", "apply_option", "valid_link_option"]

# NNNpx, xNNNpx, NNNxNNNpx; a doubled "pxpx" is accepted as MediaWiki does (T15500)
SIZE = re.compile(r"^\s*(\d*)\s*(?:x\s*(\d+)\s*)?(?:px\s*)?px\s*$", re.I)
# what may follow a link option's protocol: MediaWiki's EXT_LINK_ADDR and EXT_LINK_URL_CLASS
LINK_URL_REST = re.compile(r"""[^\[\]<>"\x00-\x20\x7f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufffd]+""")

#: format option name -> FileLink.format (border is a flag, not a format)
FORMATS: dict[str, FileFormat] = {"thumbnail": "thumb", "manualthumb": "thumb", "framed": "frame",
                                   "frameless": "frameless"}
OPTION_KIND: dict[str, ImageOptionKind] = {
    "thumbnail": "format", "manualthumb": "format", "framed": "format", "frameless": "format",
    "border": "format",
    "left": "halign", "right": "halign", "center": "halign", "none": "halign",
    "baseline": "valign", "sub": "valign", "super": "valign", "top": "valign",
    "text-top": "valign", "middle": "valign", "bottom": "valign", "text-bottom": "valign",
    "width": "size", "upright": "upright", "link": "link", "alt": "alt", "page": "page",
    "class": "class", "lang": "lang",
}


def valid_link_option(ctx: Context, value: str) -> bool:
    """Whether ``link=value`` names a target, as MediaWiki's ``parseLinkParameter``
    decides: empty (no link), a whole URL, or a valid title once ``%XX`` is decoded."""
    if not value:
        return True
    m = ctx.protocol_re.match(value) or (
        re.match("//", value) if "//" in ctx.allowed_protocols else None)
    if m:
        return LINK_URL_REST.fullmatch(value, m.end()) is not None
    if "%" in value:
        value = unquote(value, errors="replace")
    page = value.partition("#")[0].strip()
    return not (ILLEGAL_TITLE.search(page) or PERCENT.search(page) or "\ufffd" in page)

def apply_option(node: FileLink, option: ImageOption) -> None:
    """Set the typed field of ``node`` that ``option`` gives (the first format and alignment
    win)."""
    kind, name, value = option.kind, option.name, option.value
    if kind == "format":
        if name == "border":
            node.border = True
        elif node.format is None:  # the first format wins (MediaWiki T50664)
            node.format = FORMATS.get(name)
    elif kind == "size":
        m = SIZE.match(value + "px")
        if m:
            node.width = int(m.group(1)) if m.group(1) else None
            node.height = int(m.group(2)) if m.group(2) else None
    elif kind == "halign":
        if node.align is None:  # the first alignment wins
            node.align = name
    elif kind == "valign":
        if node.valign is None:
            node.valign = name
    elif kind == "upright":
        try:
            node.upright = float(value) if value and value != "upright" else 0.75
        except ValueError:
            node.upright = 0.75
    elif kind == "link":
        node.link = value
    elif kind == "alt":
        node.alt = value
    elif kind == "page":
        node.page = value
    elif kind == "class":
        node.css_class = value
    elif kind == "lang":
        node.lang = value
