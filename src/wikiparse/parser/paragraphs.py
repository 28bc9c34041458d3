"""Paragraph wrapping of loose inline content, as MediaWiki's HTML tidying does.

doBlockLevels leaves inline content beside blocks unwrapped (text after a table on its line,
the content of a ``<div>``'s first line...); RemexCompatMunger then wraps such runs, left
directly in the body or in a blockquote, in paragraphs.  Thumbnails and aligned images count as
blocks (they are ``<figure>``s).  Runs only in the document body and blockquotes (``top``).
"""

from __future__ import annotations

from ..ast import BehaviorSwitch, Comment, Node, Paragraph, Text
from .items import ContainerState
from .tags import is_block_item


def wrap_paragraphs(state: ContainerState) -> None:
    """Block pass: runs of inline nodes between blocks in ``state.nodes`` become paragraphs."""
    if state.top and state.mode == "doc":
        state.nodes = _wrap_loose(state.nodes)


def _wrap_loose(nodes: list[Node]) -> list[Node]:
    """Runs of inline nodes between blocks become paragraphs, as MediaWiki's HTML tidying
    (RemexCompatMunger) wraps inline content left directly in the body or a blockquote."""
    out: list[Node] = []
    run: list[Node] = []

    def flush() -> None:
        if any(not _is_blank(n) for n in run):
            # leading/trailing blank text stays outside the paragraph
            i, j = 0, len(run)
            while _is_blank(run[i]):
                i += 1
            while _is_blank(run[j - 1]):
                j -= 1
            out.extend(run[:i])
            out.append(Paragraph((run[i].span[0], run[j - 1].span[1]), children=run[i:j], origin=run[i].origin))
            out.extend(run[j:])
        else:
            out.extend(run)
        run.clear()

    for node in nodes:
        if is_block_item(node) or isinstance(node, Paragraph):
            flush()
            out.append(node)
        else:
            run.append(node)
    flush()
    return out


def _is_blank(node: Node) -> bool:
    if isinstance(node, (Comment, BehaviorSwitch)):  # neither is output
        return True
    return isinstance(node, Text) and not node.value.strip(" \t\n\f\r")  # HTML whitespace

