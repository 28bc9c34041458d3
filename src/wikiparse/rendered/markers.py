"""Edit markers in context: which marker lines, marker-first lines and glued edit words make
headings (docs/rendered.md, "Edit markers").

The grammar reads a marker in three positions: ending a heading's line (``History[edit]``, or a
site's bare edit word glued on, ``Abilities and PowersEdit``), opening it (``[edit] History``,
older skins) or alone on the line under it (``History`` / ``[edit]``, block-level text
extractors).  This pass (linear: each line looks at the line above it once) decides, with the
lines around, which of them really are headings.  Where a line stays ambiguous it keeps the
reading that leaves body text as text and records why in an ``info`` diagnostic:

- ``rendered-stray-marker``: a marker on a line of its own with no heading-like line above it,
  or a marker opening a line that goes on with a sentence;
- ``rendered-ambiguous-marker``: a line ending in a bare edit word (``… Edit``) that is read as
  text: it ends a sentence, or it is the only such line and nothing else on the page shows it is
  a rendered page (no tagline, bracketed marker or chrome line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..ast import Diagnostic
from .grammar import Line
from .vocabulary import Vocabulary

Span = tuple[int, int]

#: a heading is at most this long (MediaWiki titles are at most 255 bytes)
MAX_HEADING = 255
#: a title glued to an edit word has at most this many words (more: a sentence)
MAX_GLUED_WORDS = 12
#: ... and at most this many when a blank is between (``Then open the page and press Edit``)
MAX_SPACED_WORDS = 8
#: a line with more words than this that ends like a sentence is not a title
MAX_SENTENCE_TITLE_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?。！？؟]\s*$")
_CLAUSE_END = re.compile(r"[,;:،，；：]\s*$")
#: characters after which a capitalised edit word may be glued on without a space
_GLUE_AFTER = set(")]}»”’\"'!?.…")
#: line kinds a marker line can belong to (the line above it); a bare edit word only to text
_PAIRABLE = ("text", "toc_entry", "chrome")
_PAIRABLE_WORD = ("text", "toc_entry")


def title_like(text: str) -> bool:
    """Could ``text`` (a stripped line) be a title: not empty, short, not a long sentence."""
    if not text or len(text) > MAX_HEADING:
        return False
    return not (_SENTENCE_END.search(text) and len(text.split()) > MAX_SENTENCE_TITLE_WORDS)


def glued_title_like(text: str, spaced: bool = False) -> bool:
    """Could ``text`` be the title before a bare edit word (stricter than :func:`title_like`:
    few words, no sentence or clause end, not starting in lower case); ``spaced``: a blank is
    between them, which body sentences (``… and press Edit``) have too, so fewer words."""
    limit = MAX_SPACED_WORDS if spaced else MAX_GLUED_WORDS
    return (title_like(text) and len(text.split()) <= limit and not text[:1].islower()
            and not _SENTENCE_END.search(text) and not _CLAUSE_END.search(text))


def glue_ok(before: str, word: str) -> bool:
    """May ``word`` follow the character ``before`` as a glued marker?  After a blank always; a
    capitalised word after a lower-case letter, a digit or closing punctuation (``PowersEdit``,
    not ``PDFEdit``); a word of an uncased script (``編集``) after anything."""
    if not before or before.isspace():
        return True
    first = word[:1]
    if first.isupper():
        return before.islower() or before.isdigit() or before in _GLUE_AFTER
    return not first.islower()


@dataclass(slots=True)
class Head:
    """A heading found through a marker: the spans of its title and marker, the record index of
    the marker's own line (when it is on a line of its own) and whether the marker opens the
    line."""

    title: Span
    marker: Span
    marker_line: int | None = None
    lead: bool = False


def _stripped(source: str, span: Span) -> Span:
    start, end = span
    raw = source[start:end]
    lead = len(raw) - len(raw.lstrip())
    return start + lead, start + len(raw.rstrip())


class MarkerPass:
    """Finds the headings of a page's marker lines (see the module docstring).

    ``role`` is the builder's per-line role list; this pass sets ``"heading"`` on a line that
    takes the marker line below it, ``"marker"`` on that marker line and ``"page-actions"`` on a
    bare edit word directly under the page title (the page's own edit button)."""

    def __init__(self, source: str, lines: list[Line], role: list[str | None], blank_before: list[bool],
                 vocabulary: Vocabulary, diagnostics: list[Diagnostic]) -> None:
        self.source = source
        self.lines = lines
        self.role = role
        self.blank_before = blank_before
        self.vocabulary = vocabulary
        self.diagnostics = diagnostics

    def text(self, i: int) -> str:
        ln = self.lines[i]
        return self.source[ln.start : ln.end].strip()

    def note(self, code: str, i: int, why: str) -> None:
        ln = self.lines[i]
        self.diagnostics.append(Diagnostic(code, why, (ln.start, ln.end), "info"))

    def find(self, has_tagline: bool) -> dict[int, Head]:
        """Record index of a heading's (first) line -> its :class:`Head`."""
        heads: dict[int, Head] = {}
        words: list[tuple[int, Head]] = []  # bare edit words, decided together at the end
        evidence = has_tagline
        for i, ln in enumerate(self.lines):
            if ln.kind == "heading":
                heads[i] = Head(ln.parts[0], ln.parts[1])
                evidence = True
            elif ln.kind == "chrome":
                evidence = True
            elif self.role[i] is not None:
                continue
            elif ln.kind == "marker":
                found = self._marker_line(i, heads)
                if found is not None:
                    if found.marker_line is not None and self._bracketed(i):
                        heads[i - 1] = found
                        self.role[i - 1], self.role[i] = "heading", "marker"
                        evidence = True
                    else:
                        words.append((i - 1, found))
            elif ln.kind == "lead_heading":
                title = _stripped(self.source, ln.parts[1])
                if title_like(self.source[title[0] : title[1]]):
                    heads[i] = Head(title, _stripped(self.source, ln.parts[0]), lead=True)
                    evidence = True
                else:
                    self.note("rendered-stray-marker", i, "an edit marker opens a line that goes on "
                              "with a sentence, not a title: the line is read as text")
            elif ln.kind == "glued":
                found = self._glued(i)
                if found is not None:
                    words.append((i, found))
        if words and (len(words) >= 2 or evidence):
            for i, head in words:
                heads[i] = head
                if head.marker_line is not None:
                    self.role[i], self.role[head.marker_line] = "heading", "marker"
        else:
            for i, head in words:
                where = head.marker_line if head.marker_line is not None else i
                self.note("rendered-ambiguous-marker", where,
                          "the only line with a bare edit word, and nothing else on the page (no "
                          "tagline, bracketed edit marker or site chrome) shows it is a rendered "
                          "page: read as text")
        return heads

    def _bracketed(self, i: int) -> bool:
        return self.vocabulary.bracket_marker_re.fullmatch(self.text(i)) is not None

    def _marker_line(self, i: int, heads: dict[int, Head]) -> Head | None:
        """The heading a marker alone on line ``i`` belongs to: the line directly above (blank
        lines between allowed for a bracketed marker), when that line can be a heading."""
        ln = self.lines[i]
        marker = _stripped(self.source, (ln.start, ln.end))
        bracketed = self._bracketed(i)
        p = i - 1
        if (p >= 0 and not bracketed and not self.blank_before[i]
                and (self.role[p] == "title" or self.lines[p].kind == "chrome")):
            self.role[i] = "page-actions"  # the page's own edit button, under its title or menus
            return None
        why = None
        if p < 0:
            why = "there is no line above it"
        elif (self.role[p] is not None or p in heads
              or self.lines[p].kind not in (_PAIRABLE if bracketed else _PAIRABLE_WORD)):
            why = "the line above it is not a heading line (it is the title, chrome or structure)"
        elif not title_like(self.text(p)):
            why = "the line above it is a sentence, not a title"
        elif not bracketed and self.blank_before[i]:
            why = "a bare edit word belongs to the line directly above it, and a blank line is between"
        if why is not None:
            self.note("rendered-stray-marker", i,
                      f"an edit marker on a line of its own is read as text: {why}")
            return None
        above = self.lines[p]
        return Head(_stripped(self.source, (above.start, above.end)), marker, marker_line=i)

    def _glued(self, i: int) -> Head | None:
        ln = self.lines[i]
        title = _stripped(self.source, ln.parts[0])
        marker = _stripped(self.source, ln.parts[1])
        before = self.source[marker[0] - 1] if marker[0] > 0 else ""
        if not glue_ok(before, self.source[marker[0] : marker[1]]):
            return None  # part of a word (``PDFEdit``): plain text
        if not glued_title_like(self.source[title[0] : title[1]], spaced=before.isspace()):
            self.note("rendered-ambiguous-marker", i, "a line ends in a bare edit word, but what comes "
                      "before it reads as a sentence, not a title: the line is read as text")
            return None
        return Head(title, marker)


def marker_label(text: str) -> str:
    """The label of a marker's text: ``[edit | edit source]`` -> ``edit | edit source``; a bare
    edit word is its own label."""
    inner = text.strip()
    if inner.startswith("[") and inner.endswith("]"):
        inner = inner[1:-1]
    return " ".join(inner.split())


__all__ = ["Head", "MarkerPass", "glue_ok", "glued_title_like", "marker_label", "title_like"]
