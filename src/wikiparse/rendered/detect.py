"""Which dialect is a text: wikitext, or a rendered page copied from a browser?

The rules (also in docs/rendered.md, "Detection"), counted over every line in one linear scan:

Rendered evidence ``R``:
  - 3 per heading line ending in an edit marker (``History[edit]``);
  - 3 when one of the first five non-blank lines is a tagline (``From Wikipedia, the free
    encyclopedia``);
  - 2 per whole line of site chrome (``Jump to navigation``, ``Retrieved from "..."``...), per
    category line with at least two names (``Categories: A | B``) and per contents header
    followed by a numbered entry (``Contents`` / ``1 History``);
  - 1 per ``File:Name.ext`` line.

Wikitext evidence ``W``:
  - 1 per ``[[``, ``{{``, ``''``, ``<ref``, ``<br``, ``</`` occurrence, ``== heading ==`` line,
    ``{|`` / ``|}`` / ``|-`` table line, ``__SWITCH__`` and list line (``*``, ``#``).

The text is **rendered** when ``R >= 3`` and ``R > W``; otherwise **wikitext** (the default:
text without any signal, like plain prose, reads the same either way).

Only the first 100,000 and the last 20,000 characters are examined (the head holds the title,
tagline, contents and most headings, the tail the footer chrome), so deciding costs the same
for any input size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .vocabulary import Vocabulary

_LINES = re.compile(r"[^\r\n]+")
_WIKITEXT_INLINE = re.compile(r"\[\[|\{\{|''|<ref|<br|</")
_WIKITEXT_LINE = re.compile(r"\s*(?=\S)(?:=+[^=].*=+\s*|\{\||\|\}|\|-.*|[*#].*|__[A-Z]+__\s*)")
HEAD = 100_000
TAIL = 20_000
_TOC_ENTRY = re.compile(r"[^\S\r\n]*\d{1,3}(?:\.\d{1,3}){0,5}\.?[^\S\r\n]+\S.*")


@dataclass(frozen=True, slots=True)
class Evidence:
    """The scores behind a decision (``explain`` returns them)."""

    rendered: int
    wikitext: int

    @property
    def dialect(self) -> str:
        return "rendered" if self.rendered >= 3 and self.rendered > self.wikitext else "wikitext"


def explain(text: str, vocabulary: Vocabulary | None = None) -> Evidence:
    """The rendered and wikitext evidence of ``text`` (see the module's rules)."""
    vocabulary = vocabulary or Vocabulary.default()
    if len(text) > HEAD + TAIL:
        text = text[:HEAD] + "\n" + text[-TAIL:]
    heading = vocabulary.heading_line_re
    file_line = vocabulary.file_line_re
    chrome = vocabulary.chrome_line_re
    category = vocabulary.category_line_re
    toc_header = vocabulary.toc_header_re
    tagline = vocabulary.tagline_re
    rendered = 0
    wikitext = len(_WIKITEXT_INLINE.findall(text))
    after_toc_header = False
    for number, match in enumerate(_LINES.finditer(text)):
        line = match.group(0)
        if not line.strip():
            continue
        if after_toc_header and _TOC_ENTRY.fullmatch(line):
            rendered += 2
        after_toc_header = False
        if _WIKITEXT_LINE.fullmatch(line):
            wikitext += 1
        if line.rstrip().endswith("]") and heading.fullmatch(line):
            rendered += 3
        elif file_line.fullmatch(line):
            rendered += 1
        elif category.fullmatch(line) or chrome.fullmatch(line):
            rendered += 2
        elif toc_header.fullmatch(line):
            after_toc_header = True
        elif number < 5 and tagline.fullmatch(line.strip()):
            rendered += 3
    return Evidence(rendered, wikitext)


def detect_dialect(text: str, vocabulary: Vocabulary | None = None) -> str:
    """``"rendered"`` or ``"wikitext"`` for ``text`` (rules in the module docstring)."""
    return explain(text, vocabulary).dialect


__all__ = ["Evidence", "detect_dialect", "explain"]
