"""The wheel ships the grammars (grammar/*.lark -> wikiparse/grammar/) and the package data."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_grammars_and_data(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                   check=True)
    wheel = next(tmp_path.glob("wikiparse-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for grammar in (ROOT / "grammar").glob("*.lark"):
        assert f"wikiparse/grammar/{grammar.name}" in names
    for needed in ("wikiparse/py.typed", "wikiparse/data/namespaces.json",
                   "wikiparse/schema/wikiparse-ast-1.json", "wikiparse/rendered/vocabulary.json",
                   "wikiparse/emitters/html/wikiparse.css"):
        assert needed in names
