"""From line records to the AST: what each line means in its context (one linear pass).

The grammar says what a line looks like; this pass decides, with the lines around it, what it
is (docs/rendered.md, "Reading rules"):

- the **title** is the first line that is neither chrome nor structure, when it looks like a
  title; the **tagline** is the line after it when it matches a tagline pattern;
- a **contents** block is a contents header followed by numbered entries (and toggles such as
  ``[hide]``); its numbering gives heading levels (``2.1 Lenses`` is level 3);
- a **heading** is a line with an edit marker: ending it, opening it, or on the line below it
  (:mod:`.markers` decides which); after a contents block, a line on its own that repeats a later
  contents entry is a heading too (a page copied without markers);
- a **file** line takes the line directly below it (no blank line between) as its caption when
  that line is plain text;
- a chrome **block** line (an ad) takes the lines directly below it; a block kind with closing
  lines (a site banner) runs to its last closing line, blank lines included, and is found before
  the title, so a banner above the title does not hide it; after a footer-start line
  (``Retrieved from``) unrecognised text is chrome of kind ``footer``;
- consecutive text lines form one paragraph; structured lines that do not hold up (a contents
  header without entries, a navigation line with fewer than two items, a category line with an
  over-long name) are text.

Nodes get exact spans: the source between them (newlines, blank lines, separators) is the gap
text, so ``str(doc) == source``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..ast import (
    Boilerplate, Category, Diagnostic, Document, EditMarker, FileLink, Heading, ImageOption, Navigation,
    Node, Paragraph, Text,
)
from ..config import Limits, SiteConfig
from .grammar import Line
from .markers import Head, MarkerPass, marker_label, title_like
from .vocabulary import Vocabulary

#: a category line's names are short titles: longer "names" mean the line is prose
MAX_NAME = 150
#: a category line with a single name: more words than this and it is a sentence
MAX_SINGLE_NAME_WORDS = 15
#: a title line longer than this is a paragraph
MAX_TITLE = 255
#: a banner (a block with closing lines) looks this many lines ahead for its last closing line
MAX_BANNER_LINES = 40
_TEXTLIKE = ("text", "toc_entry", "toc_header", "category", "navigation")
#: line kinds read as paragraph text when nothing else claims them
_PLAIN = ("text", "toc_entry", "toc_header", "marker", "lead_heading", "glued")


def _norm(title: str) -> str:
    return " ".join(title.split()).casefold()


@dataclass
class _Toc:
    first: int  # record index of the header
    last: int  # record index of the last line in the block
    entries: list[tuple[int, str]] = field(default_factory=list)  # (level, normalised title)


class _Builder:
    def __init__(self, source: str, lines: list[Line], vocabulary: Vocabulary, limits: Limits,
                 diagnostics: list[Diagnostic], end: int) -> None:
        self.source = source
        self.end = end
        self.vocabulary = vocabulary
        self.limits = limits
        self.diagnostics = diagnostics
        # whitespace-only lines are blank lines
        self.lines = [ln for ln in lines if source[ln.start : ln.end].strip()]
        self.blank_before = self._blank_before()
        self.role: list[str | None] = [None] * len(self.lines)
        self.children: list[Node] = []
        self.node_count = 0
        self.title: str | None = None
        self.tagline: str | None = None
        self.heads: dict[int, Head] = {}
        self.banners: dict[int, tuple[int, str]] = {}  # banner's first record -> (its last, kind)

    # ------------------------------------------------------------------ helpers

    def text(self, start: int, end: int) -> str:
        return self.source[start:end]

    def line_text(self, i: int) -> str:
        ln = self.lines[i]
        return self.source[ln.start : ln.end].strip()

    def _blank_before(self) -> list[bool]:
        """For each line: is there a blank line (or the start of the page) just above it?"""
        result = []
        prev_end = 0
        for k, ln in enumerate(self.lines):
            if k == 0:
                result.append(True)
            else:
                gap = self.source[prev_end : ln.start]
                breaks = gap.count("\n") + gap.count("\r") - gap.count("\r\n")
                result.append(breaks >= 2)
            prev_end = ln.end
        return result

    def joined_to_previous(self, i: int) -> bool:
        return i > 0 and not self.blank_before[i]

    def alone(self, i: int) -> bool:
        """A line with a blank line (or a non-text line) above and below."""
        above = self.blank_before[i] or self.lines[i - 1].kind not in _TEXTLIKE
        below = (i + 1 >= len(self.lines) or self.blank_before[i + 1]
                 or self.lines[i + 1].kind not in _TEXTLIKE)
        return above and below

    def add(self, node: Node, count: int = 1) -> None:
        self.children.append(node)
        self.node_count += count

    # ------------------------------------------------------------------ context passes

    def find_tocs(self) -> list[_Toc]:
        tocs: list[_Toc] = []
        extra = self.vocabulary.toc_extra_re
        i, n = 0, len(self.lines)
        while i < n:
            if self.lines[i].kind != "toc_header":
                i += 1
                continue
            toc = _Toc(first=i, last=i)
            j = i + 1
            while j < n:
                ln = self.lines[j]
                if ln.kind == "toc_entry":
                    number = self.text(*ln.parts[0]).strip().rstrip(".")
                    level = min(6, number.count(".") + 2)
                    toc.entries.append((level, _norm(self.text(*ln.parts[1]))))
                    toc.last = j
                elif ln.kind in ("text", "chrome", "toc_header") and extra.fullmatch(self.line_text(j)):
                    toc.last = j
                else:
                    break
                j += 1
            if toc.entries:
                tocs.append(toc)
                for k in range(toc.first, toc.last + 1):
                    self.role[k] = "toc"
                i = toc.last + 1
            else:
                i += 1
        return tocs

    def find_banners(self) -> None:
        """Blocks whose kind has closing lines (site banners): from the opening line to the last
        closing line within :data:`MAX_BANNER_LINES` lines, else to the next blank line."""
        ends = self.vocabulary.block_end_res
        if not ends:
            return
        i, n = 0, len(self.lines)
        while i < n:
            found = (self.vocabulary.chrome_kind(self.line_text(i))
                     if self.lines[i].kind == "chrome" and self.role[i] is None else None)
            end_re = ends.get(found[0]) if found and found[1] else None
            if found is None or end_re is None:
                i += 1
                continue
            last = i
            for j in range(i + 1, min(n, i + 1 + MAX_BANNER_LINES)):
                if self.role[j] is not None or self.lines[j].kind in ("heading", "file"):
                    break
                if end_re.fullmatch(self.line_text(j)):
                    last = j
            if last == i:
                while (last + 1 < n and self.joined_to_previous(last + 1) and self.role[last + 1] is None
                       and self.lines[last + 1].kind not in ("heading", "file")):
                    last += 1
            for k in range(i, last + 1):
                self.role[k] = "banner"
            self.banners[i] = (last, found[0])
            i = last + 1

    def find_title(self) -> None:
        for i, ln in enumerate(self.lines):
            if ln.kind == "chrome" or self.role[i] == "banner":
                continue
            if ln.kind not in ("text", "toc_entry", "toc_header", "glued") or self.role[i] is not None:
                return
            line = self.line_text(i)
            if self.vocabulary.tagline_re.fullmatch(line):
                self.role[i] = "tagline"
                self.tagline = line
                return
            if not title_like(line):
                return
            nxt = i + 1
            if (nxt < len(self.lines) and self.lines[nxt].kind == "marker" and not self.blank_before[nxt]
                    and self.vocabulary.bracket_marker_re.fullmatch(self.line_text(nxt))):
                return  # a heading with its marker below it: the page has no title line
            self.role[i] = "title"
            self.title = line
            nxt = i + 1
            if (nxt < len(self.lines) and self.lines[nxt].kind == "text"
                    and self.vocabulary.tagline_re.fullmatch(self.line_text(nxt))):
                self.role[nxt] = "tagline"
                self.tagline = self.line_text(nxt)
            return

    def heading_levels(self, tocs: list[_Toc]) -> dict[int, int]:
        """Record index -> heading level, for marked headings and unmarked ones found through
        the contents; levels come from the contents' numbering, else 2."""
        levels: dict[int, int] = {}
        entries = [e for toc in tocs for e in toc.entries]
        positions: dict[str, list[int]] = {}
        for k, (_, title) in enumerate(entries):
            positions.setdefault(title, []).append(k)
        toc_end = tocs[0].last if tocs else len(self.lines)
        pointer = 0
        last_level = 0
        for i, ln in enumerate(self.lines):
            head = self.heads.get(i)
            if head is not None:
                title = _norm(self.text(*head.title))
            elif self.role[i] is not None:
                continue
            elif (entries and i > toc_end and ln.kind in ("text", "toc_entry")
                  and self.alone(i) and len(self.line_text(i)) <= MAX_TITLE):
                title = _norm(self.line_text(i))
                if title not in positions:
                    continue
            else:
                continue
            found = positions.get(title, [])
            k = bisect.bisect_left(found, pointer)
            if k < len(found):
                level = entries[found[k]][0]
                pointer = found[k] + 1
                last_level = level
            elif head is None:
                continue
            elif entries and last_level:
                level = min(6, last_level + 1)  # below the deepest listed level (a toclimit)
            else:
                level = 2
            levels[i] = level
            if head is None:
                self.role[i] = "heading"
        return levels

    # ------------------------------------------------------------------ node builders

    def heading(self, i: int, level: int) -> Heading:
        """The heading of line ``i``; a marker below it is in its span, a marker before its title
        is its first child (children keep source order), any other marker is ``edit_marker``."""
        ln = self.lines[i]
        head = self.heads.get(i)
        if head is None:  # a line that repeats a contents entry, without marker
            title = Text((ln.start, ln.end), value=self.text(ln.start, ln.end))
            return Heading((ln.start, ln.end), level=level, children=[title])
        (ts, te), (ms, me) = head.title, head.marker
        title = Text((ts, te), value=self.text(ts, te))
        marker = EditMarker((ms, me), label=marker_label(self.text(ms, me)))
        end = self.lines[head.marker_line].end if head.marker_line is not None else ln.end
        if head.lead:
            return Heading((ln.start, end), level=level, children=[marker, title])
        return Heading((ln.start, end), level=level, children=[title], edit_marker=marker)

    def file(self, i: int) -> tuple[FileLink, int]:
        """The file link of line ``i`` and the index of the last line it took."""
        ln = self.lines[i]
        (ns_s, ns_e), (name_s, name_e) = ln.parts
        namespace = self.text(ns_s, ns_e).strip()[:-1].strip()
        name = self.text(name_s, name_e).strip()
        end, last = ln.end, i
        options: list[ImageOption] = []
        caption: list[Node] | None = None
        nxt = i + 1
        if (nxt < len(self.lines) and self.joined_to_previous(nxt) and self.role[nxt] is None
                and self.lines[nxt].kind in ("text", "toc_entry", "toc_header")):
            cap = self.lines[nxt]
            text = Text((cap.start, cap.end), value=self.text(cap.start, cap.end))
            options.append(ImageOption((cap.start, cap.end), kind="caption", name="",
                                           value=self.line_text(nxt), children=[text]))
            caption = [text]
            end, last = cap.end, nxt
        link = FileLink(
            (ln.start, end), target=f"{namespace}:{name}", title=f"File:{name}", name=name,
            namespace=6, options=options, caption=caption, format="thumb",
        )
        return link, last

    def categories(self, i: int) -> list[Node] | None:
        """The label and names of category line ``i``, or None when the line is prose."""
        ln = self.lines[i]
        label_span, *items = ln.parts
        found: list[Category] = []
        for s, e in items:
            raw = self.text(s, e)
            name = raw.strip()
            if not name:
                continue
            if len(name) > MAX_NAME:
                return None
            start = s + len(raw) - len(raw.lstrip())
            found.append(Category((start, start + len(name)), target=f"Category:{name}",
                                      title=f"Category:{name}", name=name))
        if not found or (len(found) == 1 and len(found[0].name.split()) > MAX_SINGLE_NAME_WORDS):
            return None
        label = Boilerplate(label_span, kind="categories", text=self.text(*label_span).strip())
        return [label, *found]

    def navigation(self, i: int) -> Navigation | None:
        ln = self.lines[i]
        label_span, *spans = ln.parts
        items = [self.text(s, e).strip() for s, e in spans]
        items = [item for item in items if item]
        if len(items) < 2:
            return None
        label = self.text(*label_span).strip()[:-1].strip()
        return Navigation((ln.start, ln.end), label=label, items=items)

    def boilerplate(self, kind: str, first: int, last: int) -> Boilerplate:
        start, end = self.lines[first].start, self.lines[last].end
        return Boilerplate((start, end), kind=kind, text=self.text(start, end).strip())

    def paragraph(self, first: int, last: int) -> Paragraph:
        start, end = self.lines[first].start, self.lines[last].end
        return Paragraph((start, end), children=[Text((start, end), value=self.text(start, end))])

    # ------------------------------------------------------------------ the pass

    def build(self) -> list[Node]:
        tocs = self.find_tocs()
        self.find_banners()
        self.find_title()
        self.heads = MarkerPass(self.source, self.lines, self.role, self.blank_before, self.vocabulary,
                                self.diagnostics).find(has_tagline=self.tagline is not None)
        levels = self.heading_levels(tocs)
        footer = False
        i, n = 0, len(self.lines)
        while i < n:
            if self.node_count >= self.limits.max_nodes:
                self.degrade_rest(i)
                break
            ln, role = self.lines[i], self.role[i]
            if role == "toc":
                last = i
                while last + 1 < n and self.role[last + 1] == "toc" and not self._toc_starts(last + 1, tocs):
                    last += 1
                self.add(self.boilerplate("toc", i, last))
                i = last + 1
                continue
            if role == "banner":
                last, kind = self.banners.get(i, (i, "banner"))
                self.add(self.boilerplate(kind, i, last))
                i = last + 1
                continue
            if role in ("title", "tagline", "page-actions"):
                self.add(self.boilerplate(role, i, i))
            elif role == "heading" or i in self.heads:
                self.add(self.heading(i, levels.get(i, 2)), 3)
                marker_line = self.heads[i].marker_line if i in self.heads else None
                if marker_line is not None:
                    i = marker_line + 1
                    continue
            elif ln.kind == "file":
                link, last = self.file(i)
                self.add(link, 3 if link.caption else 1)
                i = last + 1
                continue
            elif ln.kind == "chrome":
                found = self.vocabulary.chrome_kind(self.line_text(i))
                kind, block = found if found else ("chrome", False)
                last = i
                if block:
                    while (last + 1 < n and self.joined_to_previous(last + 1)
                           and self.lines[last + 1].kind not in ("heading", "file")
                           and self.role[last + 1] is None):
                        last += 1
                self.add(self.boilerplate(kind, i, last))
                if kind in self.vocabulary.footer_starts:
                    footer = True
                i = last + 1
                continue
            elif ln.kind == "navigation" and (nav := self.navigation(i)) is not None:
                self.add(nav)
            elif ln.kind == "category" and (cats := self.categories(i)) is not None:
                for node in cats:
                    self.add(node)
            else:
                last = i
                while (last + 1 < n and self.joined_to_previous(last + 1) and self.role[last + 1] is None
                       and self._plain(last + 1)):
                    last += 1
                self.add(self.boilerplate("footer", i, last) if footer else self.paragraph(i, last), 2)
                i = last + 1
                continue
            i += 1
        return self.children

    def _plain(self, i: int) -> bool:
        """Would line ``i`` be read as paragraph text?"""
        kind = self.lines[i].kind
        if kind in _PLAIN:
            return i not in self.heads
        if kind == "navigation":
            return self.navigation(i) is None
        if kind == "category":
            return self.categories(i) is None
        return False

    @staticmethod
    def _toc_starts(i: int, tocs: list[_Toc]) -> bool:
        return any(t.first == i for t in tocs)

    def degrade_rest(self, i: int) -> None:
        start, end = self.lines[i].start, self.end
        self.children.append(Paragraph((start, end), children=[Text((start, end), value=self.source[start:end])]))
        self.diagnostics.append(Diagnostic(
            "limit-nodes", f"more than {self.limits.max_nodes} nodes: the rest of the page is text",
            (start, end), "warning"))


def build_document(
    source: str,
    lines: list[Line],
    *,
    vocabulary: Vocabulary,
    config: SiteConfig | None,
    limits: Limits,
    diagnostics: list[Diagnostic],
    parsed_end: int | None = None,
) -> Document:
    """The Document for ``source`` from its line records (``parsed_end``: where the lines stop
    when the input was cut at ``limits.max_input``; the rest becomes one text paragraph)."""
    end = len(source) if parsed_end is None else parsed_end
    builder = _Builder(source, lines, vocabulary, limits, diagnostics, end)
    children = builder.build()
    if end < len(source):
        tail = (end, len(source))
        children.append(Paragraph(tail, children=[Text(tail, value=source[end:])]))
    return Document(
        (0, len(source)), source=source, children=children, diagnostics=diagnostics,
        dialect="rendered", title=builder.title, tagline=builder.tagline, config=config,
    )


__all__ = ["build_document"]
