"""The mypyc-compiled build (``make test-compiled``) gives the same output as pure Python.

In the compiled build's venv the identity test digests every output of every corpus page (tree
dump, diagnostics, round trip, every registered format: ``outputs_digest.py``) twice: in a child
that imports the installed, compiled wheel and in a child that imports the pure-Python sources
from ``src/`` first (``PYTHONPATH``), and compares them page by page and format by format.  In a
pure-Python install it skips (nothing compiled to compare), except in CI's compiled run, where
``WIKIPARSE_EXPECT_COMPILED=1`` makes a missing compiled build a failure instead.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import wikiparse.compiled
from testkit import shared_path

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).resolve().parent / "outputs_digest.py"
EXPECT_COMPILED = os.environ.get("WIKIPARSE_EXPECT_COMPILED") == "1"


def _env(pure: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if pure:
        env["PYTHONPATH"] = str(ROOT / "src")
    return env


def _digest(tmp: Path, name: str, pure: bool) -> dict[str, dict[str, object]]:
    out = tmp / f"{name}.json"
    subprocess.run([sys.executable, str(WORKER), str(shared_path("corpora", "articles")), str(out)],
                   check=True, env=_env(pure), capture_output=True, cwd=tmp)
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_pure_python_child_runs_uncompiled() -> None:
    code = "import wikiparse.compiled as c; print(c.IS_COMPILED, len(c.COMPILED))"
    result = subprocess.run([sys.executable, "-c", code], env=_env(pure=True), capture_output=True,
                            text=True, check=True)
    assert result.stdout.split() == ["False", "0"]


def test_compiled_modules_are_named_by_their_package() -> None:
    assert all(name.startswith("wikiparse.") for name in wikiparse.compiled.COMPILED)
    assert wikiparse.compiled.IS_COMPILED == any(
        name.startswith("wikiparse.parser.") for name in wikiparse.compiled.COMPILED)


@pytest.mark.skipif(not EXPECT_COMPILED, reason="only in the compiled build's run (make test-compiled)")
def test_the_compiled_run_runs_the_compiled_parser() -> None:
    assert wikiparse.compiled.IS_COMPILED, "make test-compiled installed a pure-Python wheel"
    assert "wikiparse.parser.driver" in wikiparse.compiled.COMPILED
    assert "wikiparse.title_text" in wikiparse.compiled.COMPILED


@pytest.mark.slow
@pytest.mark.skipif(not (wikiparse.compiled.IS_COMPILED or EXPECT_COMPILED),
                    reason="pure-Python install: run `make test-compiled` to test the compiled build")
def test_compiled_and_pure_outputs_identical_on_corpus(tmp_path: Path) -> None:
    compiled = _digest(tmp_path, "compiled", pure=False)
    pure = _digest(tmp_path, "pure", pure=True)
    assert compiled.pop("_build")["compiled"], "the compiled side ran no compiled module"  # type: ignore[index]
    build = pure.pop("_build")
    assert build["compiled"] == [], "the pure side ran compiled modules"
    assert len(build["formats"]) >= 6  # type: ignore[arg-type]
    assert len(compiled) >= 200 and set(compiled) == set(pure)
    differing = sorted((page, out) for page in compiled for out in compiled[page]
                       if compiled[page][out] != pure[page].get(out))
    assert differing == [], f"{len(differing)} outputs differ, first: {differing[:20]}"
