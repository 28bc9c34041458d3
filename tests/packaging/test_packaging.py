"""The wheel ships the grammars (grammar/*.lark -> wikiparse/grammar/) and the package data.

One pure-Python wheel (``WIKIPARSE_COMPILE=0``) is built per session of this module and only read
by the tests (a wheel build is most of this file's time)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _build_wheel(out: Path, compile_mode: str) -> Path:
    env = dict(os.environ, WIKIPARSE_COMPILE=compile_mode)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                   check=True, env=env)
    return next(out.glob("wikiparse-*.whl"))


@pytest.fixture(scope="module")
def pure_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build_wheel(tmp_path_factory.mktemp("wheel"), "0")


def test_wheel_contains_grammars_and_data(pure_wheel: Path) -> None:
    wheel = pure_wheel
    names = set(zipfile.ZipFile(wheel).namelist())
    for grammar in (ROOT / "grammar").glob("*.lark"):
        assert f"wikiparse/grammar/{grammar.name}" in names
    for needed in ("wikiparse/py.typed", "wikiparse/data/namespaces.json",
                   "wikiparse/schema/wikiparse-ast-2.json", "wikiparse/rendered/vocabulary.json",
                   "wikiparse/emitters/html/wikiparse.css",
                   "wikiparse/expand/lua/lualib/sandbox.lua", "wikiparse/expand/lua/lualib/mw.ustring.lua"):
        assert needed in names


def test_pure_python_wheel_when_compilation_is_off(pure_wheel: Path) -> None:
    """WIKIPARSE_COMPILE=0 gives the universal wheel with no extension module in it."""
    wheel = pure_wheel
    assert wheel.name.endswith("-py3-none-any.whl")
    assert not [n for n in zipfile.ZipFile(wheel).namelist() if n.endswith((".so", ".pyd"))]


def test_wheel_metadata_license_classifiers_and_dependency_ranges(pure_wheel: Path) -> None:
    import email.parser
    import re
    import tomllib

    wheel = zipfile.ZipFile(pure_wheel)
    names = wheel.namelist()
    licenses = [n for n in names if ".dist-info/" in n and n.endswith("/LICENSE")]
    assert licenses and b"MIT License" in wheel.read(licenses[0])
    metadata = email.parser.Parser().parsestr(
        wheel.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode())
    classifiers = metadata.get_all("Classifier") or []
    assert "License :: OSI Approved :: MIT License" in classifiers
    assert any(c.startswith("Programming Language :: Python :: 3.") for c in classifiers)
    requires = {re.split(r"[<>=!; ]", r, maxsplit=1)[0]: r for r in metadata.get_all("Requires-Dist") or []}
    lark = requires["lark"].replace(" ", "")
    assert "==" not in lark and ">=1.2" in lark and "<2" in lark
    # the Makefile's lowest-lark check (make lark-min) tests the lower bound pyproject declares
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    lower = next(d for d in declared if d.startswith("lark")).split(">=")[1].split(",")[0]
    assert f"LARK_MIN      := {lower}.*" in (ROOT / "Makefile").read_text()
