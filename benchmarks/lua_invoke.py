#!/usr/bin/env python3
"""Lua-heavy pages: wikiparse's ``{{#invoke:}}`` against wikitextprocessor's, in one run (issue 13).

    .venv/bin/python benchmarks/lua_invoke.py [--rounds 5] [--wtp-python PY] [--json OUT.json]

Pages: ``invoke200`` (200 calls of a small module: two arguments, ``mw.ustring.upper``,
``mw.text.trim``), ``cite50`` (50 ``{{cite book}}``/``{{cite web}}`` calls through the real CS1
modules of ``../shared/corpora/enwiki-templates``).  Each round expands each page once per tool
with a fresh page state (wikiparse makes a new Lua state per page; wikitextprocessor keeps its
own across pages, as it does in a dump run); the figure is CPU seconds inside the call, best of
the rounds, rounds interleaved so machine noise hits both alike.  wikiparse's first round is shown
too: it compiles the modules, later pages load their bytecode from the process's cache.

wikitextprocessor (PyPI 0.4.96, the last release) needs Python 3.10 and ``lupa<2``:
``--wtp-python`` (or ``$WTP_PYTHON``, or ``benchmarks/.venv-wtp``) names an interpreter that has it,
e.g. ``python3.10 -m venv /tmp/wtp && /tmp/wtp/bin/pip install wikitextprocessor 'lupa<2'``;
without one its column is ``n/a``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from benchkit import ROOT, shared_dir

SMALL = """local p = {}
function p.f(frame)
  local a = frame.args[1] or ''
  return mw.ustring.upper(a) .. '-' .. (frame.args.x or '') .. mw.text.trim('  x  ')
end
return p
"""

CITES = [
    "{{Cite book|last1=Kleiner|first1=Stefan|last2=Knöbl|first2=Ralf|year=2015|"
    "title=Das Aussprachewörterbuch|edition=7th|location=Berlin|publisher=Duden|page=229|"
    "isbn=978-3-411-04067-4}}",
    "{{Cite web|url=https://example.org/page%d|title=Example page %d|website=Example.org|"
    "access-date=11 February 2016|date=3 March 2015}}",
]


def pages() -> dict[str, str]:
    invoke200 = "\n".join(f"{{{{#invoke:Small|f|word{i}|x={i}}}}}" for i in range(200))
    cite50 = "\n".join("<ref>" + CITES[i % 2].replace("%d", str(i)) + "</ref>" for i in range(50))
    return {"invoke200": invoke200, "cite50": cite50}


def store(shared: Path) -> dict[str, str]:
    root = shared / "corpora" / "enwiki-templates"
    index = json.loads((root / "index.json").read_text("utf-8"))
    out = {title: (root / rel).read_text("utf-8") for title, rel in index.items()}
    for title, text in list(out.items()):
        if text.lstrip().upper().startswith("#REDIRECT"):
            target = text[text.find("[[") + 2:text.find("]]")].split("|")[0].strip()
            out[title] = out.get(target, text)
    out["Module:Small"] = SMALL
    return out


def run_wikiparse(page: str, templates: dict[str, str]) -> tuple[float, str]:
    from wikiparse.expand import expand_page

    clock = datetime(2024, 5, 6, tzinfo=timezone.utc)
    start = time.process_time()
    out = expand_page(page, templates=templates, title="Bench", clock=clock).text
    return time.process_time() - start, out


WTP_WORKER = r"""
import json, sys, time
from wikitextprocessor import Wtp
data = json.load(open(sys.argv[1]))
ctx = Wtp(cache_file=sys.argv[2])
for title, text in data["templates"].items():
    if title.startswith("Module:"):
        ctx.add_page("Scribunto", title, text)
    elif title.startswith("Template:"):
        ctx.add_page("wikitext", title, text)
ctx.analyze_templates()
out = {}
for name, page in data["pages"].items():
    ctx.start_page("Bench")
    start = time.process_time()
    text = ctx.expand(page)
    out[name] = [time.process_time() - start, text.count('class="error"'), text[:200]]
print(json.dumps(out))
"""


def run_wtp(python: str, pages_: dict[str, str], templates: dict[str, str], work: Path) -> dict[str, Any]:
    data = work / "wtp-input.json"
    data.write_text(json.dumps({"pages": pages_, "templates": templates}), "utf-8")
    script = work / "wtp_worker.py"
    script.write_text(WTP_WORKER, "utf-8")
    proc = subprocess.run([python, str(script), str(data), str(work / "wtp-cache")],
                          capture_output=True, text=True, timeout=3600)
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1:] or ["failed"]}
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def measure(rounds: int, shared: Path, wtp_python: str | None) -> dict[str, Any]:
    """Both tools on both pages, ``rounds`` interleaved rounds; prints a table, returns the figures."""
    sys.path.insert(0, str(ROOT / "src"))
    templates = store(shared)
    todo = pages()
    ours: dict[str, list[float]] = {name: [] for name in todo}
    theirs: dict[str, list[float]] = {name: [] for name in todo}
    notes: dict[str, str] = {}
    failed: set[str] = set()
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(rounds):
            for name, page in todo.items():
                seconds, text = run_wikiparse(page, templates)
                if "Lua error" in text or "Script error" in text:
                    notes[name] = "wikiparse output has a Lua error"
                ours[name].append(seconds)
            if wtp_python:
                result = run_wtp(wtp_python, todo, templates, Path(tmp))
                if "error" in result:
                    notes["wikitextprocessor"] = " ".join(result["error"])
                else:
                    for name in todo:
                        theirs[name].append(result[name][0])
                        if result[name][1]:
                            failed.add(name)
                            notes[f"wikitextprocessor {name}"] = (
                                f"{result[name][1]} error markers in its output, e.g. {result[name][2][:90]!r}")
    report: dict[str, Any] = {"rounds": rounds, "pages": {}}
    print(f"{'Lua page':10} {'wikiparse s':>12} {'(cold)':>8} {'wtp s':>10} {'ratio':>7}")
    for name in todo:
        best = min(ours[name])
        other = min(theirs[name]) if theirs[name] else None
        ratio = other / best if other and name not in failed else None
        report["pages"][name] = {"wikiparse_cpu_s": best, "wikiparse_first_cpu_s": ours[name][0],
                                 "wikitextprocessor_cpu_s": other, "ratio": ratio}
        shown = f"{other:.4f}" if other is not None else "n/a"
        print(f"{name:10} {best:12.4f} {ours[name][0]:8.4f} {shown:>10} "
              f"{f'{ratio:.2f}x' if ratio else 'n/a':>7}")
    for key, note in notes.items():
        print(f"note: {key}: {note}")
    report["notes"] = notes
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--shared")
    default_wtp = ROOT / "benchmarks" / ".venv-wtp" / "bin" / "python"
    ap.add_argument("--wtp-python", default=os.environ.get("WTP_PYTHON")
                    or (str(default_wtp) if default_wtp.exists() else None))
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    report = measure(args.rounds, shared_dir(args.shared), args.wtp_python)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
