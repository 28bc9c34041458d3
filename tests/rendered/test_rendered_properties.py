"""Property tests for the rendered dialect: totality, exact round trip, span invariants.

PROPERTY TEST, CI BUDGET: each test runs ``WIKIPARSE_RENDERED_EXAMPLES`` examples (default
2,000) of generated rendered-page-like text: headings with edit markers of every language,
``File:`` lines and captions, navigation, category and contents lines, chrome lines and random
Unicode (including every line break Python knows), joined with LF, CRLF, CR and blank lines.
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rendered_support import check_spans

import wikiparse
from wikiparse.rendered import Vocabulary, parse_rendered
from wikiparse.rendered.detect import detect_dialect
from wikiparse.rendered.outline import outline
from wikiparse.rendered.to_wikitext import rendered_to_wikitext
from wikiparse.validate import check_tree

EXAMPLES = int(os.environ.get("WIKIPARSE_RENDERED_EXAMPLES", "2000"))
BUDGET = settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

VOCABULARY = Vocabulary.default()
MARKERS = sorted(VOCABULARY.edit_markers) + ["[ edit ]", "[edit|edit source]", "[EDIT]", "[edit", "edit]", "[]"]
CHROME_LINES = [
    "Jump to navigation Jump to search", "Search WikiMD", "Search", "Ad.Buy now", "Advertisement",
    "Advertise on WikiMD", 'Retrieved from "https://example.org/wiki/X"', "Wiki.png", "Credits: x",
    "Contributors: y", "From Wikipedia, the free encyclopedia", "Contents", "Contents [hide]", "hide",
    "(Top)", "Inhaltsverzeichnis", "目次", "This page was last edited on 1 May 2024, at 10:00 (UTC).",
]
BREAKS = ["\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\n \n", "\n\t\n", "\u2028", "\x85", "\x0b", ""]

any_text = st.text(max_size=40)
short = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=25)
names = st.lists(short, max_size=5)

line = st.one_of(
    st.builds(lambda t, sp, m, tail: t + sp + m + tail, short, st.sampled_from(["", " ", "\u00a0", "\t"]),
              st.sampled_from(MARKERS), st.sampled_from(["", " ", "\t", ".", "x"])),
    st.builds(lambda ns, sp, n, ext: f"{ns}:{sp}{n}.{ext}",
              st.sampled_from(["File", "Image", "Datei", "Fichier", "ファイル", "file", "Category"]),
              st.sampled_from(["", " ", "  "]), short, st.sampled_from(["jpg", "PNG", "svg", "txt", ""])),
    st.builds(lambda label, sep, items: label + ": " + sep.join(items),
              st.sampled_from(["Navigation", "Main menu", "Navigation menu"]),
              st.sampled_from([" - ", " · ", " | ", "-", "  -  "]), names),
    st.builds(lambda label, items: label + " ".join(items),
              st.sampled_from(["Categories:", "Category: ", "Kategorien:", "Catégories :", "分类：", "Categories"]),
              st.lists(st.sampled_from(["A", "|", "||", " | ", "Long name here", "\u3000"]), max_size=6)),
    st.builds(lambda num, sp, t: num + sp + t, st.sampled_from(["1", "2.1", "3.1.2", "10.", "1.2.3.4.5.6.7"]),
              st.sampled_from([" ", "\t", "", "  "]), short),
    st.sampled_from(CHROME_LINES),
    any_text,
)
pages = st.lists(st.tuples(line, st.sampled_from(BREAKS)), max_size=30).map(
    lambda parts: "".join(a + b for a, b in parts))


@st.composite
def pages_with_contents(draw: st.DrawFn) -> str:
    """A contents block and the headings it lists, marked or not, with text between."""
    titles = draw(st.lists(short.filter(lambda s: s.strip() != ""), min_size=1, max_size=6))
    numbers = draw(st.lists(st.sampled_from(["1", "1.1", "2", "2.1", "2.1.1", "3"]),
                            min_size=len(titles), max_size=len(titles)))
    toc = "Contents\n" + "".join(f"{n} {t}\n" for n, t in zip(numbers, titles))
    body = "".join(
        t + draw(st.sampled_from(["[edit]", "", "[edit | edit source]"])) + "\n\n" + draw(any_text) + "\n\n"
        for t in titles)
    return draw(short) + "\n\n" + toc + "\n" + body


def check(text: str) -> None:
    doc = parse_rendered(text)
    assert str(doc) == text
    check_spans(doc)
    assert check_tree(doc) == []
    assert all(d.severity != "internal" for d in doc.diagnostics), doc.diagnostics
    json.dumps(outline(doc))
    assert isinstance(rendered_to_wikitext(doc), str)
    assert detect_dialect(text) in ("wikitext", "rendered")


@pytest.mark.slow
@BUDGET
@given(pages)
def test_rendered_like_pages(text: str) -> None:
    check(text)


@pytest.mark.slow
@BUDGET
@given(pages_with_contents())
def test_pages_with_contents(text: str) -> None:
    check(text)
    doc = parse_rendered(text)
    assert all(1 <= h.level <= 6 for h in doc.headings)


@pytest.mark.slow
@BUDGET
@given(st.text(max_size=200))
def test_any_unicode(text: str) -> None:
    check(text)
    assert str(wikiparse.parse(text, dialect="rendered")) == text
