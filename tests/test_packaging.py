"""The wheel ships the grammars (grammar/*.lark -> wikiparse/grammar/) and the package data."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _build_wheel(out: Path, compile_mode: str) -> Path:
    env = dict(os.environ, WIKIPARSE_COMPILE=compile_mode)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                   check=True, env=env)
    return next(out.glob("wikiparse-*.whl"))


def test_wheel_contains_grammars_and_data(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path, "0")
    names = set(zipfile.ZipFile(wheel).namelist())
    for grammar in (ROOT / "grammar").glob("*.lark"):
        assert f"wikiparse/grammar/{grammar.name}" in names
    for needed in ("wikiparse/py.typed", "wikiparse/data/namespaces.json",
                   "wikiparse/schema/wikiparse-ast-1.json", "wikiparse/rendered/vocabulary.json"):
        assert needed in names


def test_pure_python_wheel_when_compilation_is_off(tmp_path: Path) -> None:
    """WIKIPARSE_COMPILE=0 gives the universal wheel with no extension module in it."""
    wheel = _build_wheel(tmp_path, "0")
    assert wheel.name.endswith("-py3-none-any.whl")
    assert not [n for n in zipfile.ZipFile(wheel).namelist() if n.endswith((".so", ".pyd"))]
