"""Every stored reliability input (``tests/fixtures/reliability/*.txt``, found by the fuzzer or
reported in issues) parses and renders to every format, round-trips and keeps the tree sound."""

from __future__ import annotations

from pathlib import Path

import pytest

import fuzzkit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reliability"
CASES = sorted(FIXTURES.glob("*.txt"))


# issue 18, open: these fail on the current code (strict: a fix must remove them from here)
KNOWN_FAILING = {"deep-list-line-400", "grammar-1e23439af33d", "grammar-53f50ed1f1e3",
                 "grammar-6e83ab9f86d1", "issue18-brace-run-30k", "issue18-caption-after-row",
                 "issue18-eq-after-failed-frame", "issue18-nested-tables-110",
                 "issue18-pending-then-nested-table", "issue18-quote-bold-tags-124",
                 "issue18-quote-bold-tags-400", "issue18-tables-in-args-90", "nested-file-captions-30"}


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", errors="surrogatepass", newline="") as f:
        return f.read()


def test_there_are_fixtures() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("path", [
    pytest.param(p, id=p.stem, marks=[pytest.mark.xfail(strict=True, reason="issue 18")]
                 if p.stem in KNOWN_FAILING else []) for p in CASES])
def test_reliability_fixture(path: Path) -> None:
    outcome = fuzzkit.check(_read(path))
    assert outcome.ok, "\n".join(outcome.problems)
