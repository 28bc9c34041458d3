"""What many tests share: where the project and ``../shared`` are, and the rule for tests that
need ``../shared``: they skip with a clear reason when it is absent (a user's clone) and fail
instead when ``CI=true`` (CI always has it).

Test modules import it as ``from testkit import shared_path`` (``tests/`` is on pytest's
``pythonpath``); ``conftest.py`` holds only fixtures.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

#: the checkout's root
ROOT = Path(__file__).resolve().parent.parent
#: the tests' data files
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = Path(os.environ.get("WIKIPARSE_SHARED", ROOT.parent / "shared"))
IN_CI = os.environ.get("CI", "").lower() == "true"


def shared_path(*parts: str) -> Path:
    """Path under ../shared, or skip (fail in CI) when it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{path} is missing, and CI must have ../shared")
        pytest.skip(f"{path} not found: ../shared is not next to this checkout")
    return path


def corpus_files() -> list[Path]:
    """Corpus pages for parametrisation (empty list when ../shared is absent)."""
    d = SHARED / "corpora" / "articles"
    return sorted(d.glob("*.wiki")) if d.is_dir() else []


def read_pair_fixture(path: Path, section: str) -> tuple[str, str]:
    """The input and the expected output of a fixture file written as ``--- input``, the
    wikitext, then ``--- <section>`` (``tree``, ``html``…) and the expected output."""
    raw = path.read_text(encoding="utf-8")
    assert raw.startswith("--- input\n"), path
    src, sep, expected = raw[len("--- input\n"):].partition(f"\n--- {section}\n")
    assert sep, f"{path}: no '--- {section}' line"
    return src, expected
