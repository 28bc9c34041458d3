"""The conformance ratchet: every parserTests case listed in tests/conformance_passing.txt must
still pass exactly (benchmarks/conformance.py --update-ratchet writes the list).

Runs MediaWiki's parser tests (read from ../shared at test time, never copied) through the
harness with the HTML emitter's adapter; skips when ../shared is absent, fails in CI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from testkit import shared_path

ROOT = Path(__file__).resolve().parents[2]
RATCHET = ROOT / "tests" / "conformance_passing.txt"


def listed_cases() -> list[str]:
    return [json.loads(line) for line in RATCHET.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]


def test_listed_cases_still_pass(tmp_path: Path) -> None:
    tool = shared_path("tools", "parsertests.py")
    listed = listed_cases()
    assert listed, "the ratchet list is empty"
    out = tmp_path / "report.json"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    # one run over every selected case (a few seconds); the listed ones are checked below
    proc = subprocess.run(
        [sys.executable, str(tool), "score", "--func",
         "wikiparse.testing:parsertest_html", "--pythonpath", str(ROOT / "src"),
         "--out", str(out), "--quiet", "--max-field", "300"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    rows = {r["id"]: r for r in json.loads(out.read_text(encoding="utf-8"))["cases"]}
    missing = [i for i in listed if i not in rows]
    assert not missing, f"listed cases no longer in the corpus: {missing[:10]}"
    lost = [i for i in listed if not rows[i]["exact"]]
    detail = "\n".join(
        f"{i}\n  expected: {rows[i].get('expected_norm', '')[:200]}\n"
        f"  got:      {rows[i].get('got_norm', rows[i].get('error', ''))[:200]}"
        for i in lost[:10]
    )
    assert not lost, f"{len(lost)} ratchet cases stopped passing:\n{detail}"
