"""The characters MediaWiki's title codec refuses in a page name, and percent-escapes (a
title that still holds ``%XX`` after decoding is no title)."""

from __future__ import annotations

import re

__all__ = ["ILLEGAL_TITLE", "PERCENT"]

#: characters that make a page title invalid (MediaWiki's legal title chars exclude them)
ILLEGAL_TITLE = re.compile(r"[\[\]{}<>|\n\x00-\x1f\x7f\ufffd]")
#: a percent-escape
PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")
