"""Data-driven media fixtures: ``tests/fixtures/media/*.txt``, one rule each, rendered in the
parser-test wiki's environment (:func:`wikiparse.testing.parsertest_html`: its files, sizes,
file redirects and 180px thumbnails).

Format::

    --- input
    <wikitext; the newline before '--- html' is not part of it>
    --- html
    <the HTML, exactly>

Each expectation was checked by hand against MediaWiki's output for that input (its parser
tests in media.txt state most of them).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wikiparse.testing import parsertest_html

from testkit import read_pair_fixture

FIXTURES = sorted((Path(__file__).resolve().parents[2] / "fixtures" / "media").glob("*.txt"))


def _load(path: Path) -> tuple[str, str]:
    return read_pair_fixture(path, "html")


def test_there_are_media_fixtures() -> None:
    assert len(FIXTURES) >= 5


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_media_fixture(path: Path) -> None:
    src, expected = _load(path)
    assert parsertest_html(src) == expected
