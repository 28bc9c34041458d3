#!/usr/bin/env python3
"""Text-level conformance of ``render(doc, "text", profile="visible")`` on MediaWiki's parserTests.

Runs the shared harness (``shared/tools/parsertests.py score --func``) on the *core subset*: the
cases the harness selects, minus those tagged needs-templates, parser-function, tplarg,
test-hooks, config or magic-word.  The harness compares HTML; its *text* level reduces both
sides to visible text (block boundaries and ``<br>`` become spaces, whitespace collapsed).  The
adapter :func:`wikiparse.testing.parsertest_text` therefore wraps each line of our plain text in ``<p>`` with the text
escaped, so the harness's visible text of our output is exactly our text.  The adapter never
sees the expectations.

    python benchmarks/text_conformance.py --shared ../shared [--out report.json] [--min 80]

Prints the core-subset text percentage (and exits 1 when it is below ``--min``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXCLUDED_TAGS = ("needs-templates", "parser-function", "tplarg", "test-hooks", "config", "magic-word")




def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out", help="write the harness's per-case JSON report here")
    ap.add_argument("--min", type=float, default=None, help="fail below this text percentage")
    a = ap.parse_args(argv)
    harness = Path(a.shared) / "tools" / "parsertests.py"
    if not harness.exists():
        print(f"text conformance: {harness} not found", file=sys.stderr)
        return 2
    out = a.out or os.path.join(tempfile.mkdtemp(prefix="wikiparse-text-"), "report.json")
    cmd = [sys.executable, str(harness), "score", "--func", "wikiparse.testing:parsertest_text",
           "--pythonpath", str(ROOT / "src"),
           "--out", out, "--quiet"]
    for tag in EXCLUDED_TAGS:
        cmd += ["--no-tag", tag]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if not os.path.exists(out):
        print(proc.stdout[-2000:], proc.stderr[-2000:], file=sys.stderr)
        return 2
    with open(out, encoding="utf-8") as fh:
        summary = json.load(fh)["summary"]
    pct = 100.0 * summary["text"] / max(1, summary["cases"])
    print(f"text conformance (core subset, profile=visible): {summary['text']}/{summary['cases']}"
          f" = {pct:.1f}%  (errors {summary['errors']})")
    if a.min is not None and pct < a.min:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
