"""Block-level rules checked on the HTML they produce: ``tests/fixtures/html_blocks/*.txt``.

Each file holds cases ``## name`` / wikitext / ``--- html`` / expected HTML (MediaWiki's
output for that wikitext); newlines next to tags are ignored on both sides.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import wikiparse

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html_blocks"


def _cases() -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for path in sorted(FIXTURES.glob("*.txt")):
        body = path.read_text(encoding="utf-8")
        for chunk in body.split("\n## ")[1:]:
            name, _, rest = chunk.partition("\n")
            src, sep, html = rest.partition("\n--- html\n")
            assert sep, f"{path.name}: {name}: no '--- html' line"
            out.append((f"{path.stem}: {name}", src, html.strip()))
    return out


CASES = _cases()


def _squash(html: str) -> str:
    """Newlines next to tags dropped; NBSP and RLM written as MediaWiki writes them."""
    squashed = re.sub(r"\n+(?=<)|(?<=>)\n+", "", html.strip())
    return squashed.replace("\xa0", "&#160;").replace("\u200f", "&#8207;")


def test_there_are_cases() -> None:
    assert len(CASES) >= 8


@pytest.mark.parametrize(("name", "src", "html"), CASES, ids=[c[0] for c in CASES])
def test_block_levels_html(name: str, src: str, html: str) -> None:
    doc = wikiparse.parse(src)
    assert str(doc) == src
    assert _squash(wikiparse.render(doc, "html", wrap=False)) == _squash(html)
