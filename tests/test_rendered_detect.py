"""Dialect detection: wikitext for every corpus page, rendered for the seed and every fixture."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import corpus_files, shared_path
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
