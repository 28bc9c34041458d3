#!/usr/bin/env python3
"""pandoc as a parsertests.py ``--cmd`` converter: reads the harness's JSON lines
``{"id","wikitext","options"}`` on stdin, runs ``pandoc -f mediawiki -t html`` on each case and
writes ``{"id","html"}`` (or ``{"id","error"}``) lines.  Used by ``conformance.py --pandoc`` so
that pandoc is scored by the same harness, on the same cases, in the same run."""

from __future__ import annotations

import json
import subprocess
import sys


def main() -> int:
    for line in sys.stdin:
        if not line.strip():
            continue
        case = json.loads(line)
        try:
            proc = subprocess.run(["pandoc", "-f", "mediawiki", "-t", "html"],
                                  input=case["wikitext"], capture_output=True, text=True,
                                  timeout=10)
            if proc.returncode != 0:
                out = {"id": case["id"], "error": proc.stderr.strip()[:300] or "pandoc failed"}
            else:
                out = {"id": case["id"], "html": proc.stdout}
        except subprocess.TimeoutExpired:
            out = {"id": case["id"], "error": "timeout"}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
