"""Bold and italic: the inline pass running MediaWiki's doQuotes (``quote_runs.py``) on each
line of a run (apostrophes separated only by comments are one run)."""

from __future__ import annotations

from typing import Final, Union

from ..ast import Comment, Node
from .items import Tok, to_nodes
from .quote_runs import apply_quotes

Item = Union[Node, Tok]
_COMMENT: Final = Comment  # a static in the compiled module, compared by identity


def do_quotes(items: list[Item], text: str) -> list[Item]:
    """Inline pass: the quote runs of every line of ``items`` turned into Bold/Italic nodes
    (lines end at newline tokens; nothing crosses them)."""
    for it in items:
        if type(it) is Tok:
            if it.kind == "quotes":
                break
        elif type(it) is _COMMENT and it.span[0] and text[it.span[0] - 1] == "'":
            break  # '<!---->'': a comment after an apostrophe may join it into a run
    else:
        return items

    def finish(inner: list[Item]) -> list[Node]:
        return to_nodes(inner, text)

    out: list[Item] = []
    seg: list[Item] = []
    for it in items:
        if isinstance(it, Tok) and it.kind == "nl":
            if seg:
                out.extend(apply_quotes(seg, text, finish))
                seg = []
            out.append(it)
        else:
            seg.append(it)
    if seg:
        out.extend(apply_quotes(seg, text, finish))
    return out


__all__ = ["apply_quotes", "do_quotes"]
