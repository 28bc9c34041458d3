"""The rendered-page dialect: wiki pages as people copy or scrape them (docs/rendered.md).

A rendered page is the text of a wiki page as a browser shows it: a title line, a tagline,
headings ending in edit markers (``[edit | edit source]``), ``File:`` lines with a caption line,
navigation and category lines, and site chrome.  :func:`parse_rendered` reads it into the same
AST as wikitext (``Document(dialect="rendered")``), losslessly: ``str(doc) == text``.

Stages: ``grammar/rendered.lark`` (lines and their local structure, :mod:`.grammar`) ->
:mod:`.builder` (what each line is in its context) -> nodes.  The vocabulary of markers, labels
and chrome is data (:mod:`.vocabulary`, ``vocabulary.json``).  :mod:`.detect` tells the two
dialects apart, :mod:`.outline` summarises a page, :mod:`.to_wikitext` converts it to wikitext.
"""

from __future__ import annotations

import gc

from lark.exceptions import LarkError

from ..ast import Diagnostic, Document
from ..config import Limits, SiteConfig
from .builder import build_document
from .grammar import plain_lines, read_lines
from .vocabulary import Vocabulary


def parse_rendered(
    text: str,
    config: SiteConfig | None = None,
    limits: Limits | None = None,
    *,
    vocabulary: Vocabulary | None = None,
) -> Document:
    """Parse a rendered page.  Total: never raises for a ``str``; problems are diagnostics.

    ``vocabulary`` defaults to every language and site of the built-in table
    (:meth:`Vocabulary.default`); ``limits.max_input`` bounds the characters read (the rest is
    one text paragraph) and ``limits.max_nodes`` the nodes built.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_rendered() needs a str, got {type(text).__name__}")
    limits = limits or Limits()
    vocabulary = vocabulary or Vocabulary.default()
    diagnostics: list[Diagnostic] = []
    parsed_end: int | None = None
    body = text
    if len(text) > limits.max_input:
        parsed_end = max(0, limits.max_input)
        body = text[:parsed_end]
        diagnostics.append(Diagnostic(
            "limit-input", f"input longer than {limits.max_input} characters: the rest is text",
            (parsed_end, len(text)), "warning"))
    # the collector's passes over the many small objects made here would cost more than linear
    collecting = gc.isenabled()
    gc.disable()
    try:
        try:
            lines = read_lines(body, vocabulary)
        except (LarkError, RecursionError) as exc:  # the grammar is total: a bug if it happens
            diagnostics.append(Diagnostic(
                "rendered-grammar", f"the rendered-page grammar failed ({type(exc).__name__}); "
                "every line was read as text", (0, len(body)), "internal"))
            lines = plain_lines(body)
        return build_document(text, lines, vocabulary=vocabulary, config=config, limits=limits,
                              diagnostics=diagnostics, parsed_end=parsed_end)
    finally:
        if collecting:
            gc.enable()


def rendered_to_wikitext(doc: Document, **options: bool) -> str:
    """Wikitext for a rendered page (see :func:`wikiparse.rendered.to_wikitext.rendered_to_wikitext`)."""
    from .to_wikitext import rendered_to_wikitext as convert

    return convert(doc, **options)


__all__ = ["Vocabulary", "parse_rendered", "rendered_to_wikitext"]
