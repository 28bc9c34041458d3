#!/usr/bin/env python3
"""Score the HTML emitter on MediaWiki's parser tests (``make conformance``).

    .venv/bin/python benchmarks/conformance.py [--shared ../shared] [--json OUT]
        [--update-ratchet] [--pandoc] [--check-ratchet]

Runs ``../shared/tools/parsertests.py score --func wikiparse.testing:parsertest_html``
once on every selected case and reports, from that one run:

* the **core subset**: the harness's selected cases minus those tagged ``needs-templates``,
  ``parser-function``, ``tplarg``, ``test-hooks``, ``config`` or ``magic-word`` (constructs an
  offline renderer cannot expand) -- exact and text-level percentages, per file and per tag;
* the **expansion subset**: cases tagged ``needs-templates``, ``parser-function``,
  ``magic-word`` or ``tplarg`` and neither ``test-hooks`` nor ``config`` (566 cases);
* the **core subset redefined** (issue 14): the core cases plus those left out only for
  ``config`` settings the adapter applies (``wikiparse.testing.reproduces_settings``) or for
  magic words that are behaviour switches / ``{{!}}`` / ``{{=}}`` (see ``is_core_redefined``);
* the **full set** (every selected case) figures.

``--pandoc`` also scores ``pandoc -f mediawiki -t html`` on the same cases (same harness, same
normalisation).  Results go to ``benchmarks/out/conformance.json``.  ``--update-ratchet``
rewrites ``tests/conformance_passing.txt`` (sorted ids of the cases passing exactly);
``--check-ratchet`` exits 1 when a listed case no longer passes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from wikiparse.testing import reproduces_settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RATCHET = ROOT / "tests" / "conformance_passing.txt"
FUNC = "wikiparse.testing:parsertest_html"
#: tags whose cases need what an offline renderer has not got (template pages, site settings)
NON_CORE_TAGS = ("needs-templates", "parser-function", "tplarg", "test-hooks", "config",
                 "magic-word")


#: the expansion subset (566 cases): cases needing templates, parser functions, magic words or
#: ``{{{arguments}}}``, without the runner's test-only hooks and site-configuration cases
EXPANSION_TAGS = ("needs-templates", "parser-function", "magic-word", "tplarg")


def is_core(tags: list[str]) -> bool:
    return not any(t in NON_CORE_TAGS for t in tags)


#: the template calls that are no templates: MediaWiki's ``{{!}}`` and ``{{=}}`` magic words
_SYMBOL_WORDS = re.compile(r"\{\{\s*[!=]\s*\}\}")
#: tags the redefined core still leaves out: they need pages, functions or hooks of their own
_STILL_NON_CORE = ("parser-function", "tplarg", "test-hooks")


def is_core_redefined(tags: list[str], case: dict[str, Any] | None) -> bool:
    """The core subset redefined (issue 14, Deliver 3): the core cases, plus cases whose only
    reason to be left out is one of

    * ``config``: every ``$wg…`` setting they carry is one the adapter applies with that value
      (``wikiparse.testing.reproduces_settings``);
    * ``magic-word`` / ``needs-templates``: their only double-brace constructs are ``{{!}}`` and
      ``{{=}}``, so the magic words they use are behaviour switches (``__TOC__``…) or those two.
    """
    if is_core(tags):
        return True
    if case is None or any(t in _STILL_NON_CORE for t in tags):
        return False
    if "config" in tags and not reproduces_settings(case.get("options")):
        return False
    if ("magic-word" in tags or "needs-templates" in tags) and "{{" in _SYMBOL_WORDS.sub(
            "", case.get("wikitext", "")):
        return False
    return True


def is_expansion(tags: list[str]) -> bool:
    return any(t in EXPANSION_TAGS for t in tags) and not any(
        t in ("test-hooks", "config") for t in tags)


def run_harness(shared: Path, converter: list[str], extra: list[str] | None = None,
                quiet: bool = True) -> dict[str, Any]:
    """One harness run; returns its JSON report."""
    tool = shared / "tools" / "parsertests.py"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        cmd = [sys.executable, str(tool), "score", *converter, "--out", str(out),
               "--max-field", "400", *(extra or [])]
        if quiet:
            cmd.append("--quiet")
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        if proc.returncode != 0 or not out.exists():
            sys.stderr.write(proc.stdout + proc.stderr)
            raise SystemExit(f"harness failed ({proc.returncode})")
        return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def ours(shared: Path, extra: list[str] | None = None) -> dict[str, Any]:
    return run_harness(shared, ["--func", FUNC, "--pythonpath", str(ROOT / "src")], extra)


def list_cases(shared: Path) -> dict[str, dict[str, Any]]:
    """The harness's selected cases (wikitext and options) by id."""
    tool = shared / "tools" / "parsertests.py"
    proc = subprocess.run([sys.executable, str(tool), "list"], capture_output=True, text=True,
                          check=True)
    rows = (json.loads(line) for line in proc.stdout.splitlines() if line.strip())
    return {row["id"]: row for row in rows}


def summarise(cases: list[dict[str, Any]],
              listed: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    def rates(rows: list[dict[str, Any]]) -> dict[str, Any]:
        n = len(rows)
        ex = sum(1 for r in rows if r["exact"])
        tx = sum(1 for r in rows if r["text"])
        return {"n": n, "exact": ex, "text": tx,
                "exact_pct": round(100.0 * ex / n, 1) if n else None,
                "text_pct": round(100.0 * tx / n, 1) if n else None}

    core = [r for r in cases if is_core(r["tags"])]
    per_file: dict[str, list[dict[str, Any]]] = {}
    per_tag: dict[str, list[dict[str, Any]]] = {}
    for r in core:
        per_file.setdefault(r["file"], []).append(r)
        for t in r["tags"] or ["(none)"]:
            per_tag.setdefault(t, []).append(r)
    return {
        "core": rates(core),
        "core_redefined": rates([r for r in cases
                                 if is_core_redefined(r["tags"], (listed or {}).get(r["id"]))]),
        "full": rates(cases),
        "expansion": rates([r for r in cases if is_expansion(r["tags"])]),
        "core_per_file": {k: rates(v) for k, v in sorted(per_file.items())},
        "core_per_tag": {k: rates(v) for k, v in sorted(per_tag.items())},
    }


def print_table(title: str, table: dict[str, dict[str, Any]]) -> None:
    print(f"\n{title}")
    print(f"  {'n':>5} {'exact':>7} {'text':>7}  name")
    for name, r in sorted(table.items(), key=lambda kv: (-kv[1]["n"], kv[0])):
        print(f"  {r['n']:5d} {r['exact_pct']:6.1f}% {r['text_pct']:6.1f}%  {name}")


def read_ratchet() -> list[str]:
    if not RATCHET.exists():
        return []
    return [json.loads(line) for line in RATCHET.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--json", default=str(ROOT / "benchmarks" / "out" / "conformance.json"))
    ap.add_argument("--update-ratchet", action="store_true")
    ap.add_argument("--check-ratchet", action="store_true")
    ap.add_argument("--pandoc", action="store_true", help="score pandoc in the same run")
    a = ap.parse_args(argv)
    shared = Path(a.shared)
    if not (shared / "tools" / "parsertests.py").exists():
        print(f"{shared}/tools/parsertests.py not found", file=sys.stderr)
        return 2

    report = ours(shared)
    cases = report["cases"]
    listed_cases = list_cases(shared)
    result: dict[str, Any] = {"wikiparse": summarise(cases, listed_cases)}
    s = result["wikiparse"]
    print_table("core subset, per file", s["core_per_file"])
    print_table("core subset, per tag", s["core_per_tag"])
    if a.pandoc:
        if shutil.which("pandoc") is None:
            print("pandoc not installed (make pandoc-deps)", file=sys.stderr)
        else:
            version = subprocess.run(["pandoc", "--version"], capture_output=True,
                                     text=True).stdout.split("\n")[0]
            prep = run_harness(shared, ["--cmd", f"{sys.executable} {ROOT / 'benchmarks' / 'pandoc_lines.py'}", "--timeout", "20"])
            result["pandoc"] = summarise(prep["cases"], listed_cases)
            result["pandoc"]["version"] = version
    print()
    for name, r in result.items():
        c, f, e, cr = r["core"], r["full"], r["expansion"], r["core_redefined"]
        print(f"{name:10s} core {c['n']} cases: exact {c['exact_pct']}%  text {c['text_pct']}%"
              f"   | core redefined {cr['n']} cases: exact {cr['exact_pct']}%"
              f"  text {cr['text_pct']}%"
              f"   | full {f['n']} cases: exact {f['exact_pct']}%  text {f['text_pct']}%"
              f"   | expansion {e['n']} cases: exact {e['exact_pct']}%  text {e['text_pct']}%")

    passing = sorted(r["id"] for r in cases if r["exact"])
    listed = read_ratchet()
    lost = sorted(set(listed) - set(passing))
    result["ratchet"] = {"listed": len(listed), "lost": lost, "passing": len(passing)}
    out = Path(a.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten: {out}")
    if a.update_ratchet:
        RATCHET.write_text(
            "# parserTests cases the HTML emitter passes exactly (benchmarks/conformance.py\n"
            "# --update-ratchet); tests/testing/test_conformance_ratchet.py fails when one stops passing.\n"
            "# One JSON string per line (a few test names contain line breaks).\n"
            + "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in passing),
            encoding="utf-8")
        print(f"ratchet: {len(passing)} cases written to {RATCHET}")
    if lost:
        print(f"ratchet: {len(lost)} listed cases no longer pass: {', '.join(lost[:20])}")
        if a.check_ratchet:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
