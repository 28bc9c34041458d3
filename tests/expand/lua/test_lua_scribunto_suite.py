"""Scribunto's own library tests (``../shared/corpora/scribunto``, read at test time) on our engine.

Ratchet: every case named in ``scribunto_passing.txt`` must keep passing, and at least 85% of the
cases that do not need a live wiki must pass (``scribunto_suite.NEEDS_WIKI`` says which do, and
why).  Regenerate the list with ``WIKIPARSE_UPDATE_SCRIBUNTO=1``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pytest

from lua_fakes import require  # noqa: E402

require("lupa.lua51")

from testkit import shared_path  # noqa: E402
from scribunto_suite import CaseResult, run_all  # noqa: E402

PASSING = Path(__file__).with_name("scribunto_passing.txt")


@lru_cache(maxsize=1)
def _results() -> tuple[CaseResult, ...]:
    return tuple(run_all(shared_path("corpora", "scribunto")))


def _key(r: CaseResult) -> str:
    return f"{r.file}\t{r.index}\t{r.name}"


def test_scribunto_library_cases_pass_rate() -> None:
    results = _results()
    counted = [r for r in results if r.skipped is None]
    passed = [r for r in counted if r.passed]
    assert len(counted) > 700, "the Scribunto test files did not load"
    rate = len(passed) / len(counted)
    failures = "\n".join(f"{_key(r)}\n  expected {r.expected[:200]!r}\n  got      {r.actual[:200]!r}"
                         for r in counted if not r.passed)
    assert rate >= 0.85, f"{rate:.1%} of Scribunto cases pass\n{failures}"
    if os.environ.get("WIKIPARSE_UPDATE_SCRIBUNTO"):
        PASSING.write_text("".join(_key(r) + "\n" for r in passed), "utf-8")


def test_scribunto_ratchet() -> None:
    now = {_key(r) for r in _results() if r.passed}
    expected = [line for line in PASSING.read_text("utf-8").splitlines() if line]
    lost = [line for line in expected if line not in now]
    assert not lost, "cases that passed before now fail:\n" + "\n".join(lost)


def test_skipped_cases_have_reasons() -> None:
    for r in _results():
        if r.skipped is not None:
            assert r.skipped.strip(), _key(r)
