"""Every stored reliability input (``tests/fixtures/reliability/*.txt``, found by the fuzzer or
reported in issues) parses and renders to every format, round-trips and keeps the tree sound."""

from __future__ import annotations

from pathlib import Path

import pytest

import fuzzkit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reliability"
CASES = sorted(FIXTURES.glob("*.txt"))


# open: the JSON format writes FileLink.caption next to the caption option, so nested
# captions are written 2^depth times; not run, since the memory grows as fast (remove when fixed)
KNOWN_FAILING = {"nested-file-captions-30"}


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", errors="surrogatepass", newline="") as f:
        return f.read()


def test_there_are_fixtures() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("path", [
    pytest.param(p, id=p.stem, marks=[pytest.mark.xfail(run=False, reason="issue 18: exponential JSON output (and memory): not run")]
                 if p.stem in KNOWN_FAILING else []) for p in CASES])
def test_reliability_fixture(path: Path) -> None:
    outcome = fuzzkit.check(_read(path))
    assert outcome.ok, "\n".join(outcome.problems)
