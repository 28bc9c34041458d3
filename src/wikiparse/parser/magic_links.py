"""Magic links (``ISBN 0-306-40615-2``, ``RFC 1234``, ``PMID 42``): the node a scanned
``MAGIC_LINK`` token becomes, with the site's settings ($wgEnableMagicLinks and the URLs)."""

from __future__ import annotations

import re

from ..ast import MagicLink
from .context import Context

_MAGIC = re.compile(r"(ISBN|RFC|PMID)(?:[\t \xa0]|&nbsp;|&#0*160;|&#[xX]0*[aA]0;)+(.*)", re.S)


def magic_link(ctx: Context, s: int, e: int) -> MagicLink | None:
    """The magic link of ``ctx.text[s:e]``, or None when the site turns that kind off (the
    token is then text)."""
    raw = ctx.text[s:e]
    if not ctx.config.magic_links:
        return None
    m = _MAGIC.match(raw)
    assert m is not None
    kind, rest = m.group(1), m.group(2)
    if kind not in ctx.config.magic_link_kinds:
        return None
    value = re.sub(r"[^0-9Xx]", "", re.sub(r"&[^;]*;", "", rest))
    if kind == "ISBN":
        url = "Special:BookSources/" + value.upper()
    elif kind == "RFC":
        url = ctx.config.rfc_url.replace("$1", value)
    else:
        url = ctx.config.pmid_url.replace("$1", value)
    return MagicLink((s, e), kind=kind, value=value.upper(), url=url, origin=ctx.text)
