"""Data-driven HTML fixtures for links: ``tests/fixtures/html_links/*.txt``.

Format: comment lines (``#``) saying what MediaWiki does, an optional ``--- env testwiki``
line (render as MediaWiki's parser-test wiki: :func:`wikiparse.testing.parsertest_html`;
otherwise ``HtmlEmitter(wrap=False)`` with the default configuration), then cases::

    --- input
    <wikitext; the newline before '--- html' is not part of it>
    --- html
    <the expected HTML, exactly, without its final newline>

Lines starting with ``#`` outside inputs are comments (HTML output never starts with one).

Every expected output was checked against MediaWiki's behaviour (its parser tests, or its
source where the tests are silent); each input also round-trips.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import wikiparse
from wikiparse.emitters.html import HtmlEmitter
from wikiparse.testing import parsertest_html

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "html_links").glob("*.txt"))


def _cases(path: Path) -> list[tuple[str, str, str, str]]:
    """(id, env, input, expected html) of every case in ``path``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    env = "default"
    cases: list[tuple[str, str, str, str]] = []
    block: str | None = None
    src: list[str] = []
    out: list[str] = []
    for line in lines + ["--- input"]:
        if line in ("--- input", "--- html") or line.startswith("--- env "):
            if block == "html":
                cases.append((f"{path.stem}-{len(cases) + 1}", env, "\n".join(src),
                              "\n".join(out).rstrip("\n")))
                src, out = [], []
            if line.startswith("--- env "):
                env = line[len("--- env "):].strip()
                block = None
            else:
                block = line[4:]
            continue
        if block == "input":
            src.append(line)
        elif block == "html" and not line.startswith("#"):
            out.append(line)
    return cases


CASES = [case for path in FIXTURES for case in _cases(path)]


def test_there_are_cases() -> None:
    assert len(CASES) >= 20


@pytest.mark.parametrize(("env", "src", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_link_fixture(env: str, src: str, expected: str) -> None:
    assert str(wikiparse.parse(src)) == src
    if env == "testwiki":
        got = parsertest_html(src)
    else:
        got = HtmlEmitter(wrap=False).render(wikiparse.parse(src))
    assert got.rstrip("\n") == expected
