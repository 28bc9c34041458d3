"""How tree queries choose nodes (mwparserfromhell's contract): which nodes ``recursive=False``
looks at, and what ``matches=`` is tried on.  Written over the tree's shape only, so the node
classes can use it without an import cycle."""

from __future__ import annotations

import re
from typing import Any, Callable, ClassVar, Iterator, Protocol, Union

#: mwparserfromhell's default flags for ``matches`` patterns
FLAGS = re.IGNORECASE | re.DOTALL | re.UNICODE

#: ``matches=``: a regular expression (searched in the node's name) or a predicate on the node
Matches = Union[str, "re.Pattern[str]", Callable[[Any], bool], None]


class TreeNode(Protocol):
    LAYOUT: ClassVar[bool]

    def child_nodes(self) -> Iterator[Any]: ...

    def walk(self) -> Iterator[Any]: ...


def candidates(root: TreeNode, recursive: bool) -> Iterator[Any]:
    """The nodes a query on ``root`` considers, in document order: every descendant, or (not
    ``recursive``) the root's own constructs: its children, looking through layout containers
    (paragraphs, lists, list items, indent-pre) but not into other constructs."""
    if recursive:
        walk = root.walk()
        next(walk)  # the root itself
        yield from walk
        return
    stack = list(root.child_nodes())
    stack.reverse()
    while stack:
        node = stack.pop()
        yield node
        if node.LAYOUT:
            kids = list(node.child_nodes())
            kids.reverse()
            stack.extend(kids)


def match_text(node: Any) -> str:
    """What a ``matches`` pattern is searched in: the node's normalised name (a template's or
    tag's name, a link's title, an external link's URL, a text's value), else its wikitext."""
    for attr in ("name", "title", "url", "value"):
        value = getattr(node, attr, None)
        if isinstance(value, str):
            return value
    return str(node)


def matcher(matches: Matches, flags: int = FLAGS) -> Callable[[Any], bool] | None:
    """A predicate for ``matches`` (None: every node matches)."""
    if matches is None:
        return None
    if isinstance(matches, (str, re.Pattern)):
        pattern = re.compile(matches, flags) if isinstance(matches, str) else matches
        return lambda node: pattern.search(match_text(node)) is not None
    if callable(matches):
        return matches
    raise TypeError(f"matches must be a regular expression or a callable, got {matches!r}")
