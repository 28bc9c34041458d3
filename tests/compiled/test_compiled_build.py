"""The mypyc-compiled parser (``make test-compiled``) gives the same output as the pure-Python one.

In the compiled build's venv this test renders every corpus page in-process (compiled parser) and
in a child process that imports the pure-Python sources from ``src/`` first (``PYTHONPATH``), and
compares the digests of the tree dump, HTML, text, JSON and wikitext.  In a pure-Python install
it skips: there is nothing compiled to compare.
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
DIGEST = ROOT / "benchmarks" / "corpus_digest.py"


def _digest(tmp: Path, name: str, env: dict[str, str]) -> dict[str, dict[str, str]]:
    out = tmp / f"{name}.json"
    subprocess.run([sys.executable, str(DIGEST), "--shared", str(shared_path()), "--out", str(out)],
                   check=True, env=env, capture_output=True)
    return json.loads(out.read_text())  # type: ignore[no-any-return]


def test_pure_python_child_runs_uncompiled() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    code = "import wikiparse.compiled as c; print(c.IS_COMPILED)"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.slow
@pytest.mark.skipif(not wikiparse.compiled.IS_COMPILED,
                    reason="pure-Python install: run `make test-compiled` to test the compiled build")
def test_compiled_and_pure_outputs_identical_on_corpus(tmp_path: Path) -> None:
    env_compiled = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env_pure = dict(env_compiled, PYTHONPATH=str(ROOT / "src"))
    compiled = _digest(tmp_path, "compiled", env_compiled)
    pure = _digest(tmp_path, "pure", env_pure)
    assert len(compiled) >= 200
    differing = sorted(page for page in compiled if compiled[page] != pure.get(page))
    assert differing == []
