"""Parser functions, magic words and #expr against hand-written fixtures (tests/expand/fixtures):
each case is wikitext, a line ".", the expected expansion, a line "."."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

import wikiparse
from wikiparse.expand.expr import ExprError, expr

FIXTURES = Path(__file__).parent / "fixtures"
NOW = datetime(2024, 2, 29, 13, 5, 9, tzinfo=timezone.utc)
TEMPLATES = {"Template:Echo": "{{{1|default}}}"}


def read_cases(name: str) -> list[tuple[str, str]]:
    """(input, expected) pairs; lines starting with '#' outside a case are comments."""
    cases: list[tuple[str, str]] = []
    lines = (FIXTURES / name).read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].strip() or lines[i].startswith("#"):
            i += 1
            continue
        block: list[str] = []
        while lines[i] != ".":
            block.append(lines[i])
            i += 1
        i += 1
        expected: list[str] = []
        while lines[i] != ".":
            expected.append(lines[i])
            i += 1
        i += 1
        cases.append(("\n".join(block), "\n".join(expected)))
    return cases


FUNCTION_CASES = read_cases("functions.txt")
EXPR_CASES = read_cases("expr.txt")


@pytest.mark.parametrize("wikitext, expected", FUNCTION_CASES,
                         ids=[c[0][:40] for c in FUNCTION_CASES])
def test_parser_function_fixture(wikitext: str, expected: str) -> None:
    got = wikiparse.expand_text(wikitext, templates=TEMPLATES, title="Help:Sandbox/Sub page",
                                clock=NOW)
    assert got == expected


@pytest.mark.parametrize("expression, expected", EXPR_CASES, ids=[c[0][:30] for c in EXPR_CASES])
def test_expr_fixture(expression: str, expected: str) -> None:
    if expected.startswith("error: "):
        with pytest.raises(ExprError) as err:
            expr(expression)
        assert str(err.value) == expected[len("error: "):]
        # and through the parser function: MediaWiki's error markup
        out = wikiparse.expand_text("{{#expr:" + expression + "}}")
        assert out == f'<strong class="error">{expected[len("error: "):]}</strong>'
    else:
        assert expr(expression) == expected
        assert wikiparse.expand_text("{{#expr:" + expression + "}}") == expected


def test_fixture_files_hold_cases() -> None:
    assert len(FUNCTION_CASES) >= 30 and len(EXPR_CASES) >= 40


def test_expr_never_evaluates_python() -> None:
    with pytest.raises(ExprError):
        expr("__import__('os')")
