"""The fixed sets of values some node fields take (``Literal`` types; ``from_json`` checks them)."""

from __future__ import annotations

from typing import Literal

Severity = Literal["info", "warning", "internal"]
TagKind = Literal["paired", "void", "unclosed", "implied", "stray-close"]
ExternalLinkKind = Literal["bracketed", "autonumber", "free"]
FileFormat = Literal["thumb", "frame", "frameless"]
ImageOptionKind = Literal["format", "size", "halign", "valign", "upright", "link", "alt", "page",
                          "class", "lang", "caption", "other"]
ListKind = Literal["ul", "ol", "dl"]
ItemKind = Literal["li", "dt", "dd"]
Dialect = Literal["wikitext", "rendered"]
