#!/usr/bin/env python3
"""Parse throughput of two source trees of wikiparse on the corpus, in one run, interleaved.

    .venv/bin/python benchmarks/parse_ab.py --old /tmp/base/src --new src [--rounds 5] [--op html]

Each round runs a fresh process per tree (``PYTHONPATH=<tree>``), old and new alternating, and
times ``wikiparse.parse`` alone (CPU seconds, grammar loaded before the clock starts) over every
page of ``../shared/corpora/articles``.  Prints per-round figures, the minimum and the median of
each tree and the new/old ratio of the minima (> 1: the new tree is slower).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

_WORKER = r"""
import json, sys, time
from pathlib import Path
import wikiparse, wikiparse.compiled
pages = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.wiki"))]
op = sys.argv[2]
if op == "parse":
    fn = wikiparse.parse
else:
    fn = lambda text: wikiparse.render(wikiparse.parse(text), op)
fn("warm {{up}} [[x]]\n{|\n|a\n|}")
t0 = time.process_time()
for text in pages:
    fn(text)
cpu = time.process_time() - t0
print(json.dumps({"cpu": cpu, "chars": sum(map(len, pages)), "module": wikiparse.__file__,
                  "compiled": len(wikiparse.compiled.COMPILED)}))
"""


def run(tree: Path, corpus: Path, op: str = "parse") -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(tree.resolve()))
    out = subprocess.run([sys.executable, "-c", _WORKER, str(corpus), op], env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)  # type: ignore[no-any-return]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--old", type=Path, required=True, help="the old tree's src/ folder")
    ap.add_argument("--new", type=Path, required=True, help="the new tree's src/ folder")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--op", default="parse", help="parse (default) or a format: render(parse(text), op)")
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    args = ap.parse_args()
    corpus = args.shared / "corpora" / "articles"
    times: dict[str, list[float]] = {"old": [], "new": []}
    for r in range(args.rounds):
        for side in ("old", "new") if r % 2 == 0 else ("new", "old"):
            res = run(getattr(args, side), corpus, args.op)
            times[side].append(res["cpu"])
            print(f"round {r + 1} {side}: {res['cpu']:.2f} s CPU, "
                  f"{res['chars'] / res['cpu'] / 1e6:.2f} M chars/s ({res['module']}, "
                  f"{res['compiled']} modules compiled)", flush=True)
    for side in ("old", "new"):
        print(f"{side}: min {min(times[side]):.2f} s, median {statistics.median(times[side]):.2f} s")
    ratio = min(times["new"]) / min(times["old"])
    print(f"new/old (minima): {ratio:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
