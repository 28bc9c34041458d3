"""Which dialect is a text: wikitext, or a rendered page copied from a browser?

The rules (also in docs/rendered.md, "Detection"), counted over every line in one linear scan:

Rendered evidence ``R`` (only from lines without wikitext markup: a line with ``[[``, ``{{``,
``''``, ``<ref``, ``<br``, ``</`` or the shape of a wikitext heading, table or list line is no
rendered evidence, whatever else it holds):
  - 3 per heading line ending in an edit marker (``History[edit]``), per line opened by an edit
    marker and going on with a title (``[Bearbeiten] Grundlagen``) and per bracketed marker alone
    on a line under a title-like line (``History`` / ``[edit]``);
  - 3 when one of the first five non-blank lines is a tagline (``From Wikipedia, the free
    encyclopedia``);
  - 2 per whole line of site chrome (``Jump to navigation``, ``Retrieved from "..."``...), per
    category line with at least two names (``Categories: A | B``) and per contents header
    followed by a numbered entry (``Contents`` / ``1 History``);
  - 2 per line ending in a site's bare edit word after a short title (``Abilities and
    PowersEdit``, ``History Edit``);
  - 1 per ``File:Name.ext`` line and per bare edit word alone directly under a title-like line
    (the mobile site's ``Edit``).

Wikitext evidence ``W``:
  - 1 per ``[[``, ``{{``, ``''``, ``<ref``, ``<br``, ``</`` occurrence, ``== heading ==`` line,
    table line (``{|``, ``|}``, ``|-``, a ``|`` or ``!`` cell), ``__SWITCH__`` and list line
    (``*``, ``#``).

The text is **rendered** when ``R >= 3`` and ``R > W``; otherwise **wikitext** (the default:
text without any signal, like plain prose, reads the same either way).

Only the first 100,000 and the last 20,000 characters are examined (the head holds the title,
tagline, contents and most headings, the tail the footer chrome), so deciding costs the same
for any input size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .markers import glue_ok, glued_title_like, title_like
from .vocabulary import Vocabulary

_LINES = re.compile(r"[^\r\n]+")
_WIKITEXT_INLINE = re.compile(r"\[\[|\{\{|''|<ref|<br|</")
_WIKITEXT_LINE = re.compile(r"\s*(?=\S)(?:=+[^=].*=+\s*|\{\||\|\}|\|-.*|[|!].*|[*#].*|__[A-Z]+__\s*)")
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


def _glued_line(glued: re.Pattern[str], line: str) -> bool:
    """Is ``line`` a short title with a bare edit word glued to its end, as the builder reads it
    (the word after a blank, a lower-case letter, a digit or closing punctuation)?"""
    found = glued.fullmatch(line)
    if found is None:
        return False
    word_start = found.start(1)
    before = line[word_start - 1] if word_start else ""
    title = line[:word_start].strip()
    return glue_ok(before, found.group(1)) and glued_title_like(title, spaced=before.isspace())


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
    marker_alone = vocabulary.marker_alone_re
    bracketed = vocabulary.bracket_marker_re
    lead = vocabulary.lead_marker_re
    glued = vocabulary.glued_line_re
    rendered = 0
    wikitext = len(_WIKITEXT_INLINE.findall(text))
    after_toc_header = False
    previous_title_like = False  # the line above (a non-blank line) could be a heading
    previous_end = 0
    for number, match in enumerate(_LINES.finditer(text)):
        line = match.group(0)
        if not line.strip():
            continue
        gap = text[previous_end : match.start()]
        directly_below = gap.count("\n") + gap.count("\r") - gap.count("\r\n") <= 1
        previous_end = match.end()
        above_title_like, previous_title_like = previous_title_like, False
        if after_toc_header and _TOC_ENTRY.fullmatch(line):
            rendered += 2
        after_toc_header = False
        if _WIKITEXT_LINE.fullmatch(line):
            wikitext += 1
            continue
        if _WIKITEXT_INLINE.search(line):
            continue
        stripped = line.strip()
        if line.rstrip().endswith("]") and heading.fullmatch(line):
            rendered += 3
        elif marker_alone.fullmatch(line):
            if above_title_like and bracketed.fullmatch(stripped):
                rendered += 3
            elif above_title_like and directly_below:
                rendered += 1
        elif (lead.fullmatch(line) and (m := bracketed.match(stripped))
              and title_like(stripped[m.end():].strip())):
            rendered += 3
        elif _glued_line(glued, line):
            rendered += 2
        elif file_line.fullmatch(line):
            rendered += 1
        elif category.fullmatch(line) or chrome.fullmatch(line):
            rendered += 2
        elif toc_header.fullmatch(line):
            after_toc_header = True
        elif number < 5 and tagline.fullmatch(stripped):
            rendered += 3
        else:
            previous_title_like = title_like(stripped)
    return Evidence(rendered, wikitext)


def detect_dialect(text: str, vocabulary: Vocabulary | None = None) -> str:
    """``"rendered"`` or ``"wikitext"`` for ``text`` (rules in the module docstring)."""
    return explain(text, vocabulary).dialect


__all__ = ["Evidence", "detect_dialect", "explain"]
