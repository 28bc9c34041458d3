"""Every stored reliability input (``tests/fixtures/reliability/*.txt``, found by the fuzzer or
reported in issues) parses and renders to every format, round-trips and keeps the tree sound."""

from __future__ import annotations

from pathlib import Path

import pytest

import fuzzkit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reliability"
CASES = sorted(FIXTURES.glob("*.txt"))


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", errors="surrogatepass", newline="") as f:
        return f.read()


def test_there_are_fixtures() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_reliability_fixture(path: Path) -> None:
    outcome = fuzzkit.check(_read(path))
    assert outcome.ok, "\n".join(outcome.problems)
