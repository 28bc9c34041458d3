"""Every corpus page rendered as Markdown and read back with a CommonMark/GFM parser
(markdown-it-py with tables, strikethrough and footnotes): no text is lost, every table is a
valid GFM table.

"No text lost": every word of the text emitter's output (references and captions on) is a
word of the HTML markdown-it makes of the Markdown.  Words are compared casefolded after NFKC;
reference markers (``[1]``, ``[note 2]``) are numbering, not text, and are left out on both
sides (markdown-it numbers footnotes itself).
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

import wikiparse
from testkit import corpus_files

markdown_it = pytest.importorskip("markdown_it")
footnote = pytest.importorskip("mdit_py_plugins.footnote")

pytestmark = pytest.mark.slow

_MD = (markdown_it.MarkdownIt("commonmark", {"html": True})
       .enable(["table", "strikethrough"]).use(footnote.footnote_plugin))
_INLINE_TAGS = frozenset({"a", "b", "i", "em", "strong", "code", "sup", "sub", "span", "del", "s",
                          "u", "small", "big", "mark", "ins", "img", "abbr"})
_MARKER = re.compile(r"\[(?:[^\[\]\s]+ )?\d+\]")
_WORD = re.compile(r"\w+")


class _VisibleText(HTMLParser):
    """Text of HTML as a browser shows it: block elements separate words, inline ones do not;
    footnote reference numbers are left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "sup" and ("class", "footnote-ref") in attrs:
            self._skip += 1
        if tag not in _INLINE_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "sup" and self._skip:
            self._skip -= 1
        if tag not in _INLINE_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def words(text: str) -> set[str]:
    return set(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def markdown_words(markdown: str) -> set[str]:
    parser = _VisibleText()
    parser.feed(_MD.render(markdown))
    return words("".join(parser.parts).replace("\u21a9\ufe0e", " "))


def text_words(doc: wikiparse.Document) -> set[str]:
    text = wikiparse.render(doc, "text", profile="clean", references=True, captions=True)
    # the text emitter leaves entities of unlabelled link targets as written; they show decoded
    return words(_MARKER.sub("", html.unescape(text)))


def lost_words(doc: wikiparse.Document, markdown: str) -> set[str]:
    return text_words(doc) - markdown_words(markdown)


def table_row_problems(markdown: str) -> list[str]:
    """Rows of GFM tables whose cell count differs from their header's (markdown-it pads or
    cuts such rows silently, GitHub too: the source must be right)."""
    lines = markdown.split("\n")
    problems = []
    for token in _MD.parse(markdown):
        if token.type != "table_open" or token.map is None:
            continue
        start, end = token.map
        rows = [_cells(line) for line in lines[start:end]]
        for offset, row in enumerate(rows):
            if len(row) != len(rows[0]):
                problems.append(f"line {start + offset + 1}: {len(row)} cells, header {len(rows[0])}")
    return problems


def _cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return re.split(r"(?<!\\)\|", body)


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_markdown_keeps_every_word_and_tables_are_valid(path: Path) -> None:
    doc = wikiparse.parse(path.read_text(encoding="utf-8"))
    markdown = wikiparse.render(doc, "markdown")
    missing = lost_words(doc, markdown)
    assert not missing, f"{len(missing)} words lost, e.g. {sorted(missing)[:20]}"
    assert not table_row_problems(markdown)


@pytest.mark.parametrize("path", corpus_files()[::20], ids=lambda p: p.name)
def test_markdown_without_html_keeps_every_word_and_holds_no_html(path: Path) -> None:
    doc = wikiparse.parse(path.read_text(encoding="utf-8"))
    markdown = wikiparse.render(doc, "markdown", html=False)
    tokens = _MD.parse(markdown)
    raw = [t for t in tokens if t.type == "html_block"]
    raw += [c for t in tokens if t.children for c in t.children if c.type == "html_inline"]
    assert not raw, [t.content[:80] for t in raw[:5]]
    missing = lost_words(doc, markdown)
    assert not missing, f"{len(missing)} words lost, e.g. {sorted(missing)[:20]}"
    assert not table_row_problems(markdown)
