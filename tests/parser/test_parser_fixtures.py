"""Data-driven parser fixtures: ``tests/fixtures/parser/*.txt``, one case each.

Format::

    --- input
    <wikitext, exactly; the newline before '--- tree' is not part of it>
    --- tree
    <treedump.format_tree output>
    ! <diagnostic code> [start,end]      (one line per diagnostic)

Each expected tree was checked by hand against MediaWiki's behaviour for that input.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import wikiparse
from wikiparse.treedump import format_tree

from testkit import read_pair_fixture

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "parser").glob("*.txt"))


def _load(path: Path) -> tuple[str, str]:
    return read_pair_fixture(path, "tree")


def test_there_are_fixtures() -> None:
    assert len(FIXTURES) >= 30


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture(path: Path) -> None:
    src, expected = _load(path)
    doc = wikiparse.parse(src)
    got = format_tree(doc) + "".join(
        f"! {d.code} [{d.span[0]},{d.span[1]}]\n" for d in doc.diagnostics
    )
    assert got == expected
    assert str(doc) == src
