"""``parse_wikitext``: the parser's driver.  It builds the stages of one parse, wires them
together and runs them in this order, recursively per *container* (the document, a table
cell, a template argument, a tag's content, a link label):

1. **brackets** (``brackets.py``, the preprocessor's job): one pass over a region of the text
   with the scanner (``scanner.py``), matching ``{{ }}`` ``{{{ }}}`` ``[[ ]]`` ``[url ]`` and
   reading comments, entities, tags and extension tags; a closed frame becomes a node through
   ``constructs.py``, whose content (arguments, labels) runs the passes below as containers.
2. **block passes** over a container's items, :data:`BLOCK_PASSES` in order.
3. **inline passes** over each run of inline content, :data:`INLINE_PASSES` in order.

No stage imports or constructs another: each gets the driver as its
:class:`~.interfaces.Reentry` and calls ``scan``/``blocks``/``line_blocks``/``inline`` on it.
"""

from __future__ import annotations

import re
from typing import Callable, Final, Sequence

from ..ast import Comment, Document, Node, Redirect, Text, WikiLink
from ..config import Limits, SiteConfig
from ..gc_pause import pause, resume
from .block_levels import BlockLevels
from .brackets import BracketBuilder
from .constructs import ConstructBuilder
from .context import Context
from .headings import Headings
from .interfaces import Reentry
from .items import (NT, ContainerState, Entry, Item, Line, Splice, TagTok, Tok, add_nodes,
                    comment_lead, first_tok_kind, flatten, split_lines, to_nodes)
from .node_factory import text_node
from .paragraphs import wrap_paragraphs
from .quotes import do_quotes
from .tables import Tables
from .tag_pairing import TagPairing
from .tags import BLOCK_TAGS

#: The block passes over one container, in MediaWiki's order (each reads and writes the
#: container's :class:`~.items.ContainerState`).
BLOCK_PASSES = (
    "tag_pairing",   # block-level HTML tags paired across lines (tag_pairing.py)
    "lines",         # the items cut into lines (items.split_lines)
    "tables",        # doTableStuff: {| |- |+ | ! || !! |} with a stack of open tables (tables.py)
    "headings",      # doHeadings: = lines = (headings.py)
    "block_levels",  # doBlockLevels: lists, ----, indent-pre, paragraphs (block_levels.py)
    "paragraphs",    # RemexCompatMunger: loose inline content in the body wrapped (paragraphs.py)
)
#: The inline passes over one run of inline content, in order.
INLINE_PASSES = (
    "tag_pairing",   # every HTML tag paired, HTML's implied end tags (tag_pairing.py)
    "quotes",        # doQuotes per line: '' and ''' to Italic and Bold (quotes.py)
    "text",          # leftover tokens merged into Text (items.to_nodes)
)

# a line's table cell re-enters the block passes after the tables pass
_AFTER_TABLES = BLOCK_PASSES.index("tables") + 1
# token kinds that are plain text wherever they stand (no line, quote or tag meaning)
_PLAIN_KINDS: Final = frozenset({"text", "pipe", "eq", "excl"})
# first token kinds of a line that the block passes treat as block markup
_LINE_BLOCK_KINDS: Final = frozenset({"table_open", "heading_start", "list_prefix", "hr"})
# those that make block_levels.raw_line hand a line to block_levels.line
_RAW_LINE_BLOCK_KINDS: Final = frozenset({"heading_start", "list_prefix", "hr"})

BlockPass = Callable[[ContainerState], None]


class Parser(Reentry):
    """The stages of one parse, wired together; the :class:`~.interfaces.Reentry` every
    stage calls to parse a region or a sub-container."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.constructs = ConstructBuilder(ctx, self)
        self.tag_pairing = TagPairing(ctx, self)
        passes: dict[str, BlockPass] = {
            "tag_pairing": self.tag_pairing.pair_block_tags,
            "lines": split_lines,
            "tables": Tables(ctx, self).do_table_stuff,
            "headings": Headings(ctx, self).do_headings,
            "block_levels": BlockLevels(ctx, self).do_block_levels,
            "paragraphs": wrap_paragraphs,
        }
        self.block_passes: tuple[BlockPass, ...] = tuple(passes[name] for name in BLOCK_PASSES)
        self._line_passes = self.block_passes[_AFTER_TABLES:]

    # ------------------------------------------------------------------ Reentry

    def scan(self, start: int, end: int) -> list[Item]:
        """The bracket pass over ``text[start:end]`` (a fresh builder: regions nest)."""
        return BracketBuilder(self.ctx, self.constructs).run(start, end)

    def blocks(self, items: Sequence[Item], mode: str, *, first_raw: bool = False,
               top: bool = False, last_raw: bool = False) -> list[Node]:
        """Nodes of a container (``first_raw``: its first line continues a block tag's line,
        ``<div>text``, which MediaWiki never wraps in a paragraph)."""
        if len(items) == 1 and mode != "doc":
            # most template arguments and link labels: one text token or one finished node
            # (what the general path below makes of it, without its loops)
            it = items[0]
            if type(it) is Tok:
                if it.kind in _PLAIN_KINDS:
                    return [text_node(it.start, it.end, self.text)]
            elif not isinstance(it, (Tok, Splice)):
                return [it]
        flat = flatten(items)
        if not flat:
            return []
        if mode != "doc":
            # one look at the items: only text and finished constructs (most template
            # arguments), or one line without block markup
            plain = True
            one_line = True
            # only plain text, leading spaces and newlines besides finished nodes (neither
            # comments nor Text): what most multi-line template arguments hold
            plain_lines = True
            for it in flat:
                if type(it) is Tok:
                    kind = it.kind
                    if kind in _PLAIN_KINDS:
                        continue
                    plain = False
                    if kind == "nl":
                        one_line = False
                    elif kind != "line_space":
                        plain_lines = False
                    if not (one_line or plain_lines):
                        break
                elif type(it) is TagTok:
                    plain = plain_lines = False
                    if it.name in BLOCK_TAGS:
                        one_line = False
                        break
                elif type(it) is Comment or type(it) is Text:
                    plain_lines = False
                    if not one_line:
                        break
            if plain:
                return to_nodes(flat, self.text)
            if mode == "inline":
                return self.inline(flat)
            if mode == "lines" and plain_lines and not (first_raw or last_raw):
                # what the block passes make of such lines in a "lines" container: nothing
                # opens a block, no line is wrapped, each line's text and its newline run on
                # as text (block_levels.emit_raw), adjacent text merged
                return to_nodes(flat, self.text)
            if (mode == "lines" and one_line and first_tok_kind(flat) not in _LINE_BLOCK_KINDS
                    and not comment_lead(flat, self.text)):
                # what the block passes make of one line of a "lines" container: its inline
                # content (no table, heading, list or rule starts it, not even after leading
                # comments; no block tag to pair)
                return self.inline(flat)
        state = ContainerState(flat, mode, first_raw=first_raw, last_raw=last_raw, top=top)
        for run in self.block_passes:
            run(state)
        return state.nodes

    def line_blocks(self, entries: list[Entry], mode: str, *, first_raw: bool = False) -> list[Node]:
        if first_raw and len(entries) == 1:
            # most table cells and captions: one line that shares its marker's line, without
            # a heading, list or rule at its start: its inline content (block_levels.raw_line)
            line = entries[0]
            if type(line) is Line and first_tok_kind(line.items) not in _RAW_LINE_BLOCK_KINDS:
                return self.inline(line.items) if line.items else []
        state = ContainerState([], mode, first_raw=first_raw)
        state.entries = entries
        for run in self._line_passes:
            run(state)
        return state.nodes

    def inline(self, items: list[NT]) -> list[Node]:
        tags = quotes = False
        for it in items:
            if type(it) is Tok:
                if it.kind == "quotes":
                    quotes = True
            elif type(it) is TagTok:
                tags = True
        if tags:
            items = self.tag_pairing.pair_inline_tags(items)
        if quotes:
            items = do_quotes(items, self.text)
        return to_nodes(items, self.text)


# ---------------------------------------------------------------------- the document

_REDIRECT_CACHE: dict[tuple[str, ...], re.Pattern[str]] = {}


def _redirect_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    pattern = _REDIRECT_CACHE.get(words)
    if pattern is None:
        alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        pattern = re.compile(r"[ \t\n]*(?i:" + alts + r")[ \t\n]*:?[ \t\n]*(?=\[\[)")
        _REDIRECT_CACHE[words] = pattern
    return pattern


def parse_wikitext(text: str, *, config: SiteConfig, limits: Limits) -> Document:
    """The Document of ``text``: the redirect, then the bracket pass over the whole text and
    the block passes over the document container."""
    # A parse allocates many small objects and creates no reference cycles; the cyclic GC
    # would rescan the growing tree again and again (superlinear on large pages).
    pause()
    try:
        return _parse(text, config, limits)
    finally:
        resume()


def _parse(text: str, config: SiteConfig, limits: Limits) -> Document:
    ctx = Context(text, config, limits)
    end = len(text)
    tail: list[Node] = []
    if end > limits.max_input:
        ctx.diag("limit-input", f"input longer than {limits.max_input} characters: the rest is text",
                 (limits.max_input, end), "warning")
        tail.append(Text((limits.max_input, end), value=text[limits.max_input:], origin=text))
        end = limits.max_input
    parser = Parser(ctx)
    children: list[Node] = []
    start = 0
    m = _redirect_regex(tuple(config.redirect_words)).match(text, 0, end)
    if m is not None:
        items = parser.scan(m.end(), end)
        first = items[0] if items else None
        if isinstance(first, WikiLink):
            redirect = Redirect((0, first.span[1]), target=first.target, link=first, origin=text)
            children.append(redirect)
            start = first.span[1]
            ctx.diagnostics.clear()
            ctx.tokens = 0
    items = parser.scan(start, end)
    children.extend(parser.blocks(items, "doc", top=True))
    add_nodes(children, tail)
    return Document((0, len(text)), source=text, children=children,
                        diagnostics=ctx.diagnostics, config=config, origin=text)
