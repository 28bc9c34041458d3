"""Dialect detection: wikitext for every corpus page and for generated wikitext (a hypothesis
property, ``WIKIPARSE_DETECT_EXAMPLES`` examples, default 200), rendered for the seed and every
fixture."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from testkit import corpus_files, shared_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rendered_support import FIXTURES, fixture_expectations, read_text

from wikiparse.rendered.detect import HEAD, TAIL, detect_dialect, explain


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_corpus_pages_are_wikitext(path: Path) -> None:
    assert detect_dialect(read_text(path)) == "wikitext"


def test_corpus_is_there() -> None:
    folder = shared_path("corpora", "articles")
    assert len(list(folder.glob("*.wiki"))) == 237
    assert len(corpus_files()) == 237


def test_seed_is_rendered() -> None:
    folder = shared_path("corpora", "seed")
    (page,) = folder.glob("*.txt")
    assert detect_dialect(read_text(page)) == "rendered"


@pytest.mark.parametrize("name", sorted(fixture_expectations()))
def test_fixtures_are_rendered(name: str) -> None:
    assert detect_dialect(read_text(FIXTURES / name)) == "rendered"


@pytest.mark.parametrize("text", [
    "", "Just some prose.\n\nMore prose.", "== Heading ==\nText with [[a link]] and {{a template}}.",
    "'''Bold''' [[File:X.jpg|thumb|caption]]\n* a list\n* another",
    # wikitext that mentions an edit marker once stays wikitext
    "== Editing ==\nClick the [edit] link.\n[[Help:Editing]] {{Main|Editing}}\nHistory[edit]\n{{reflist}}",
])
def test_wikitext_like_texts(text: str) -> None:
    assert detect_dialect(text) == "wikitext"


@pytest.mark.parametrize("text", [
    "Title\n\nHistory[edit]\n\nText.",
    "Berlin\nFrom Wikipedia, the free encyclopedia\nBerlin is a city.",
    "Intro.\n\nJump to navigation Jump to search\n\nCategories: A | B",
    "Seite\n\nInhaltsverzeichnis\n1 Geschichte\n\nGeschichte[Bearbeiten | Quelltext bearbeiten]",
])
def test_rendered_like_texts(text: str) -> None:
    assert detect_dialect(text) == "rendered"


def test_scores_follow_the_documented_weights() -> None:
    assert explain("T\n\nA[edit]\n\nB[edit]").rendered == 6
    assert explain("T\n\nFile:A.jpg").rendered == 1
    assert explain("Title\nFrom Wikipedia, the free encyclopedia").rendered == 3
    assert explain("Retrieved from \"https://x.org/\"").rendered == 2
    assert explain("Contents\n1 A").rendered == 2
    # [[, {{, two '' (opening and closing), a heading line, a list line
    assert explain("[[a]] {{b}} ''c''\n== d ==\n* e").wikitext == 6


def test_detection_reads_a_bounded_sample() -> None:
    # markers in the middle of a huge text are not seen; the head and tail are
    middle = "History[edit]\n" * 10
    filler = "x" * (HEAD + TAIL)
    assert detect_dialect(filler + middle + filler) == "wikitext"
    assert detect_dialect(middle + filler) == "rendered"
    assert detect_dialect(filler + middle) == "rendered"


# ---------------------------------------------------------------- wikitext is never taken for rendered

# Words that rendered pages are made of (markers, chrome, taglines, labels), mixed into the
# generated wikitext so that its lines look as much like a rendered page as wikitext allows.
_TRICKY = ["Edit", "[edit]", "[edit | edit source]", "[Bearbeiten]", "Bearbeiten", "History", "Contents",
           "Search", "From", "Wikipedia, the free encyclopedia", "Jump to: navigation, search",
           "Retrieved from", "Categories:", "File:X.jpg", "1", "2.1", "|", "Advertisement", "aus",
           "Maybe later", "To all our readers in", "Last edited", "Geschichte", "編集", "Abilities"]
_WORD = st.one_of(st.sampled_from(_TRICKY), st.text(alphabet="abcdefgh ABC.,", min_size=1, max_size=8))
_WORDS = st.lists(_WORD, min_size=1, max_size=6).map(" ".join)
_INLINE = st.one_of(
    st.builds("[[{}]]".format, _WORDS), st.builds("[[{}|{}]]".format, _WORDS, _WORDS),
    st.builds("'''{}'''".format, _WORDS), st.builds("''{}''".format, _WORDS),
    st.builds("{{{{{}|a={}}}}}".format, _WORDS, _WORDS), st.builds("<ref>{}</ref>".format, _WORDS),
    st.builds("[[File:{}.jpg|thumb|{}]]".format, _WORDS, _WORDS), st.just("<br />"),
)


@st.composite
def _paragraph_line(draw: st.DrawFn) -> str:
    """A line of running text: words with at least one inline construct somewhere."""
    parts = draw(st.lists(st.one_of(_WORDS, _INLINE), max_size=4))
    parts.insert(draw(st.integers(0, len(parts))), draw(_INLINE))
    return " ".join(parts)


_BLOCK = st.one_of(
    st.builds(lambda n, w: "=" * n + " " + w + " " + "=" * n, st.integers(2, 4), _WORDS),
    st.lists(_paragraph_line(), min_size=1, max_size=3).map("\n".join),
    st.builds(lambda m, w: m + " " + w, st.sampled_from(["*", "#", "**", "*:"]), _WORDS),
    st.builds("{{|\n|-\n| {}\n| {}\n|}}".format, _WORDS, _WORDS),
    st.builds("{{{{Infobox {}\n| name = {}\n}}}}".format, _WORDS, _WORDS),
    st.builds("[[Category:{}]]".format, _WORDS),
    st.sampled_from(["__NOTOC__", "{{reflist}}", "<references />"]),
)
_WIKITEXT_PAGES = st.lists(st.tuples(_BLOCK, st.sampled_from(["\n", "\n\n", "\r\n"])), min_size=1, max_size=15).map(
    lambda parts: "".join(block + sep for block, sep in parts))


@settings(max_examples=int(os.environ.get("WIKIPARSE_DETECT_EXAMPLES", "200")), deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(_WIKITEXT_PAGES)
def test_wikitext_built_from_wikitext_constructs_is_never_rendered(text: str) -> None:
    """Headings, paragraphs whose every line carries inline markup, lists, tables, templates,
    categories and switches, with rendered-page words (markers, chrome, taglines) mixed in: no
    such page is detected as rendered.  (Plain prose without any markup is dialect-neutral and
    not generated here: it reads the same either way.)"""
    assert detect_dialect(text) == "wikitext", explain(text)
