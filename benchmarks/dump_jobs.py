"""How much faster ``wikiparse dump --jobs 2`` is than ``--jobs 1`` on the en dump fixture.

    .venv/bin/python benchmarks/dump_jobs.py [--format html] [--repeat 3] [--shared ../shared]
                                              [--json results.json]

Runs the real command (a subprocess, start-up included) on
``shared/corpora/dumps/enwiki-mini-pages-articles*.xml.bz2`` — the single-stream file, and the
multistream file with its index — alternating ``--jobs 1`` and ``--jobs 2`` so that a change in
machine load hits both alike.  Prints each run's wall time and CPU time (command + workers), the
median per setting, and the speed-up ``median(jobs 1) / median(jobs 2)``; checks that both
settings wrote identical bytes.
The load average before and after is printed too: on a shared machine, a busy neighbour makes
the ratio meaningless, so rerun when the load is below the core count.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DUMPS = "corpora/dumps"
PLAIN = "enwiki-mini-pages-articles.xml.bz2"
MULTI = "enwiki-mini-pages-articles-multistream.xml.bz2"
INDEX = "enwiki-mini-pages-articles-multistream-index.txt.bz2"


def run(args: list[str], out: Path) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (the command and its workers) and the output's digest."""
    command = [sys.executable, "-m", "wikiparse", "dump", *args, "-o", str(out), "-q"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n"
                         f"{result.stderr.decode()}")
    return seconds, cpu, hashlib.sha256(out.read_bytes()).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--format", default="html", help="output format (default html)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per setting (default 3)")
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()

    dumps = Path(args.shared) / DUMPS
    cases = {
        "single-stream": [str(dumps / PLAIN)],
        "multistream+index": [str(dumps / MULTI), "--index", str(dumps / INDEX)],
    }
    print(f"{datetime.date.today()} | {platform.node()} | {os.cpu_count()} cores | "
          f"{platform.python_implementation()} {platform.python_version()} | "
          f"format {args.format} | load {os.getloadavg()[0]:.2f}")
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, dump_args in cases.items():
            times: dict[str, list[float]] = {"1": [], "2": []}
            cpu: dict[str, list[float]] = {"1": [], "2": []}
            digests: set[str] = set()
            run([*dump_args, "-t", args.format, "-j", "1"], Path(tmp) / "warm.jsonl")  # caches
            for _ in range(args.repeat):
                for jobs in ("1", "2"):
                    seconds, used, digest = run([*dump_args, "-t", args.format, "-j", jobs],
                                                Path(tmp) / f"out{jobs}.jsonl")
                    times[jobs].append(seconds)
                    cpu[jobs].append(used)
                    digests.add(digest)
            one, two = statistics.median(times["1"]), statistics.median(times["2"])
            same = len(digests) == 1
            print(f"{name}:")
            for jobs in ("1", "2"):
                print(f"  jobs {jobs}: wall {' '.join(f'{t:.2f}' for t in times[jobs])} s "
                      f"(median {statistics.median(times[jobs]):.2f}); "
                      f"cpu {' '.join(f'{t:.2f}' for t in cpu[jobs])} s")
            print(f"  speed-up {one / two:.2f}x, identical output: {same}")
            results[name] = {"jobs1": times["1"], "jobs2": times["2"], "cpu1": cpu["1"],
                             "cpu2": cpu["2"], "speedup": one / two, "identical": same}
    print(f"load after: {os.getloadavg()[0]:.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0 if all(r["identical"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
