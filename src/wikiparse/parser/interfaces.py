r"""What the stages of the parser call on each other, as interfaces the driver fills in.

No stage imports or constructs another: the driver (``parser/driver.py``) builds every stage and
hands each one the :class:`Reentry` object (itself), through which a stage re-enters the
parser for a region or a sub-container — the bracket pass for an extension tag's content or
an attribute list holding templates, the block passes for a template argument or a table
cell, the inline passes for a link label.  The bracket pass hands closed frames to a
:class:`Constructs` object, which decides what they are.

Both are base classes the driver's stages subclass, not ``Protocol``\ s: in the compiled build a
call through a native base class is a direct (vtable) call, where a protocol's is a Python
method call with its arguments boxed and parsed again (about 400 instructions more a call, and
there are tens of thousands per page).
"""

from __future__ import annotations

from typing import Sequence

from ..ast import ExtensionTag, ExternalLink, Node
from .items import NT, Entry, Frame, Item, Splice


class Reentry:
    """The parser as seen from inside one of its stages (``driver.Parser`` subclasses it).

    A base class rather than a ``Protocol``: compiled with mypyc, a stage's call through it is
    a native method call, not a Python call with keyword arguments."""

    def scan(self, start: int, end: int) -> list[Item]:
        """The bracket pass over ``text[start:end]``: finished constructs and tokens."""
        raise NotImplementedError

    def blocks(self, items: Sequence[Item], mode: str, *, first_raw: bool = False,
               top: bool = False, last_raw: bool = False) -> list[Node]:
        """Every block pass over one container's items (see ``driver.BLOCK_PASSES``)."""
        raise NotImplementedError

    def line_blocks(self, entries: list[Entry], mode: str, *, first_raw: bool = False) -> list[Node]:
        """The block passes after ``tables`` over lines already cut (a table cell's)."""
        raise NotImplementedError

    def inline(self, items: list[NT]) -> list[Node]:
        """The inline passes over one run of items (see ``driver.INLINE_PASSES``)."""
        raise NotImplementedError


class Constructs:
    """What a closed bracket frame becomes (``parser/constructs.py``)."""

    def brace_element(self, frame: Frame, k: int, start: int, end: int) -> Node | Splice:
        """``{{...}}`` (k=2) or ``{{{...}}}`` (k=3) spanning ``[start, end)``."""
        raise NotImplementedError

    def link_element(self, frame: Frame, close: int, end: int) -> Node | None:
        """``[[...]]`` closing at ``close``, its link trail up to ``end``; None: not a link."""
        raise NotImplementedError

    def extlink_element(self, frame: Frame, close: int) -> ExternalLink:
        """``[url label]`` closing at ``close``."""
        raise NotImplementedError

    def extension_tag(self, name: str, s: int, e: int, attr_start: int, attr_end: int,
                      self_closing: bool, end: int) -> ExtensionTag | None:
        """An extension tag starting with ``text[s:e]``; None: no closing tag before ``end``."""
        raise NotImplementedError
