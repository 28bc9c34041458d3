"""The colon that ends a definition-list term (MediaWiki's ``findColonNoLinks``).

On a ``;`` line MediaWiki splits ``term : definition`` at the first colon that is not inside
markup.  It runs after quotes, links and the sanitizer have turned the line into HTML, so a
colon inside an HTML element (``<b>a:b</b>``), inside bold or italic (``'''1:00'''``), inside
a link or any other construct, or inside ``-{ }-`` does not count.  Its tag counting is
MediaWiki's: every start tag that is neither self-closed nor void raises the level, an end tag
lowers it (never below zero).  Only tags MediaWiki lets through count:
any other ``<name>`` is text by then.
"""

from __future__ import annotations

from typing import Sequence

from ..ast import Node
from .items import NT, TagTok, Tok
from .quote_runs import apply_quotes
from .tags import HTML_TAGS, VOID_TAGS


def _no_nodes(_inner: list[Node | Tok]) -> list[Node]:
    return []


def find_term_colon(items: Sequence[NT], text: str) -> tuple[list[NT], Tok, list[NT]] | None:
    """``(term, colon, rest)`` split at the colon ending the term, or None."""
    outside: set[int] | None = None  # ids of the items outside bold/italic, when there are quotes
    for it in items:
        if type(it) is Tok and it.kind == "quotes":
            outside = {id(x) for x in apply_quotes(list(items), text, _no_nodes)}
            break
    level = 0
    lc_level = 0
    for idx, it in enumerate(items):
        if isinstance(it, TagTok):
            if lc_level or it.name not in HTML_TAGS:
                continue
            if it.closing:
                if level:
                    level -= 1
            elif not it.self_closing and it.name not in VOID_TAGS:
                level += 1
            continue
        if type(it) is not Tok or it.kind != "text":
            continue  # a construct: its colons are its own
        if outside is not None and id(it) not in outside:
            continue
        pos = it.start
        end = it.end
        while pos < end:
            if lc_level:
                o = text.find("-{", pos, end)
                c = text.find("}-", pos, end)
                if c < 0 and o < 0:
                    break
                if o >= 0 and (c < 0 or o < c):
                    lc_level += 1
                    pos = o + 2
                else:
                    lc_level -= 1
                    pos = c + 2
                continue
            colon = text.find(":", pos, end)
            lc = text.find("-{", pos, end)
            if lc >= 0 and (colon < 0 or lc < colon):
                lc_level = 1
                pos = lc + 2
                continue
            if colon < 0:
                break
            if level == 0:
                before = list(items[:idx])
                if colon > it.start:
                    before.append(Tok("text", it.start, colon))
                after: list[NT] = []
                if colon + 1 < it.end:
                    after.append(Tok("text", colon + 1, it.end))
                after.extend(items[idx + 1 :])
                return before, Tok("text", colon, colon + 1), after
            pos = colon + 1
    return None


__all__ = ["find_term_colon"]
