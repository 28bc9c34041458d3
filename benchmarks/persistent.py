#!/usr/bin/env python3
"""Warm throughput side by side: every tool a long-lived process, pages interleaved (issue 19).

    make bench-env      # once (benchmarks/.node holds wtf_wikipedia and wtf-plugin-html)
    benchmarks/.venv/bin/python benchmarks/persistent.py [--rounds 3] [--pages N] [--json OUT.json]

``peers.py`` measures one pass per fresh process (cold: imports, caches and the JIT start empty).
This mode keeps one worker process per (tool, op) alive for the whole run and sends it one page
at a time: page A to every worker in turn, then page B, ... (the order of the workers rotates from
page to page), all of that ``--rounds`` times.  Each worker times its one call in CPU time
(``time.process_time()``, node's ``process.cpuUsage()``); per (tool, op, page) the best of the
rounds is kept, so machine noise costs every tool alike and a warm JIT is measured warm.

Reported: MB/s over the whole corpus (UTF-8 bytes / sum of per-page best CPU s) and the median
of per-page MB/s over pages >= 5 KB, and the ratios wikiparse / peer (> 1: wikiparse faster).

Workers: wikiparse (``wikiparse_worker.py serve``: parse, html), wtf_wikipedia (``wtf_serve.mjs``:
parse, html), mwparserfromhell (this script's ``--serve``: parse).  A tool that is not installed
is reported as ``n/a`` with the reason.  ``--smoke``: 8 pages, one round (for CI, no asserts).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchkit import (Page, bars_report, build_line, eprint, load_corpus, shared_dir, smoke_subset, table,
                      version_label)

HERE = Path(__file__).resolve().parent
JOBS: list[tuple[str, str]] = [
    ("wikiparse", "parse"), ("wtf_wikipedia", "parse"), ("mwparserfromhell", "parse"),
    ("wikiparse", "html"), ("wtf_wikipedia", "html"),
]
#: the peer each wikiparse op is compared with
COUNTERPARTS = {"parse": [("wtf_wikipedia", "parse"), ("mwparserfromhell", "parse")],
                "html": [("wtf_wikipedia", "html")]}


def serve_python_peer(tool: str, op: str) -> None:
    """The long-lived worker for a Python peer (one JSON line per file path on stdin)."""
    if tool != "mwparserfromhell" or op != "parse":
        print(json.dumps({"unavailable": f"{tool} {op} has no worker"}), flush=True)
        return
    try:
        import mwparserfromhell as mwph
    except ImportError as exc:
        print(json.dumps({"unavailable": f"mwparserfromhell not installed ({exc})"}), flush=True)
        return
    mwph.parse("''warm'' [[up]] {{x|y}}\n== s ==\n")
    print(json.dumps({"info": {"version": mwph.__version__, "use_c": bool(mwph.parser.use_c)}}), flush=True)
    for line in sys.stdin:
        text = open(line.rstrip("\n"), encoding="utf-8").read()
        err = None
        c0 = time.process_time()
        try:
            mwph.parse(text)
        except Exception as exc:  # noqa: BLE001 - a failure is a result
            err = repr(exc)[:300]
        print(json.dumps({"cpu": time.process_time() - c0, "error": err}), flush=True)


class Worker:
    """One long-lived worker process speaking the one-line-per-page JSON protocol."""

    def __init__(self, argv: list[str]) -> None:
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                     encoding="utf-8", bufsize=1)
        first = self._read()
        self.info: dict[str, Any] | None = first.get("info")
        self.unavailable: str | None = first.get("unavailable") or first.get("crash")

    def _read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            return {"crash": f"worker exited with {self.proc.poll()}"}
        loaded: dict[str, Any] = json.loads(line)
        return loaded

    def time_page(self, path: Path) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(str(path) + "\n")
        self.proc.stdin.flush()
        return self._read()

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def worker_argv(tool: str, op: str, npm_dir: Path) -> list[str] | str:
    """The command line of a tool's worker, or why it cannot run."""
    if tool == "wikiparse":
        return [sys.executable, str(HERE / "wikiparse_worker.py"), "serve", op]
    if tool == "wtf_wikipedia":
        if not shutil.which("node"):
            return "node is not installed"
        if not (npm_dir / "node_modules" / "wtf_wikipedia").is_dir():
            return f"no wtf_wikipedia in {npm_dir}/node_modules (make bench-env)"
        return ["node", str(HERE / "wtf_serve.mjs"), str(npm_dir), op]
    return [sys.executable, str(Path(__file__).resolve()), "--serve", tool, op]


def summarise(best: dict[str, float], pages: list[Page]) -> dict[str, Any]:
    timed = [p for p in pages if p.name in best]
    total_bytes = sum(p.nbytes for p in timed)
    total_cpu = sum(best[p.name] for p in timed)
    big = [p.nbytes / 1e6 / max(best[p.name], 1e-9) for p in timed if p.nbytes >= 5000]
    return {"pages": len(timed), "cpu_s": total_cpu, "mb_per_s": total_bytes / 1e6 / max(total_cpu, 1e-9),
            "page_median_mb_per_s": statistics.median(big) if big else None}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", help="folder holding corpora/ (default ../shared)")
    ap.add_argument("--corpus", help="corpus folder (default <shared>/corpora/articles)")
    ap.add_argument("--npm-dir", default=str(HERE / ".node"), help="folder whose node_modules has wtf_wikipedia")
    ap.add_argument("--rounds", type=int, default=3, help="best of this many (default 3)")
    ap.add_argument("--pages", type=int, help="only the first N pages (by name)")
    ap.add_argument("--tools", default="wikiparse,wtf_wikipedia,mwparserfromhell")
    ap.add_argument("--smoke", action="store_true", help="8 pages, 1 round (CI)")
    ap.add_argument("--json", help="write all numbers here")
    ap.add_argument("--serve", nargs=2, metavar=("TOOL", "OP"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.serve:
        serve_python_peer(*args.serve)
        return 0

    shared = shared_dir(args.shared)
    pages = load_corpus(Path(args.corpus) if args.corpus else shared / "corpora" / "articles")
    if args.pages:
        pages = pages[: args.pages]
    if args.smoke:
        pages, args.rounds = smoke_subset(pages), 1
    tools = set(args.tools.split(","))
    jobs = [job for job in JOBS if job[0] in tools]
    npm_dir = Path(args.npm_dir).resolve()

    workers: dict[tuple[str, str], Worker] = {}
    na: dict[tuple[str, str], str] = {}
    for job in jobs:
        cmd = worker_argv(*job, npm_dir)
        if isinstance(cmd, str):
            na[job] = cmd
            continue
        worker = Worker(cmd)
        if worker.unavailable:
            na[job] = worker.unavailable
            worker.close()
        else:
            workers[job] = worker
    live = [job for job in jobs if job in workers]
    best: dict[tuple[str, str], dict[str, float]] = {job: {} for job in live}
    errors: dict[tuple[str, str], dict[str, str]] = {job: {} for job in live}
    total = sum(p.nbytes for p in pages)
    eprint(f"persistent: {len(pages)} pages, {total / 1e6:.2f} MB, {len(live)} workers, best of {args.rounds}")
    try:
        for r in range(args.rounds):
            for k, page in enumerate(pages):
                order = live[k % len(live):] + live[: k % len(live)] if live else []
                for job in order:
                    out = workers[job].time_page(page.path)
                    if "cpu" not in out:
                        na[job] = out.get("crash", "no answer")
                        continue
                    if out.get("error"):
                        errors[job][page.name] = out["error"]
                    previous = best[job].get(page.name)
                    best[job][page.name] = out["cpu"] if previous is None else min(previous, out["cpu"])
            eprint(f"round {r + 1}/{args.rounds} done")
    finally:
        for worker in workers.values():
            worker.close()

    summary = {job: summarise(best[job], pages) for job in live if job not in na}
    print(f"\ncorpus {len(pages)} pages, {total / 1e6:.2f} MB; persistent workers, pages interleaved, "
          f"best of {args.rounds}; MB/s = bytes / CPU s; page med = median per-page MB/s, pages >= 5 KB")
    print(build_line(workers[job].info for job in live if job[0] == "wikiparse"))
    rows: list[tuple[object, ...]] = []
    for job in jobs:
        if job in summary:
            s = summary[job]
            med = s["page_median_mb_per_s"]
            rows.append((*job, version_label(workers[job].info), f"{s['mb_per_s']:.3f}",
                         "n/a" if med is None else f"{med:.2f}", len(errors.get(job, {})), ""))
        else:
            rows.append((*job, "", "n/a", "n/a", "", na.get(job, "")[:70]))
    print(table(["tool", "op", "version", "MB/s", "page med", "fail", "note"], rows,
                right=[False, False, False, True, True, True, False]))
    ratios = []
    for op, peers in COUNTERPARTS.items():
        mine = summary.get(("wikiparse", op))
        for peer in peers:
            theirs = summary.get(peer)
            if mine and theirs:
                med = (mine["page_median_mb_per_s"] / theirs["page_median_mb_per_s"]
                       if mine["page_median_mb_per_s"] and theirs["page_median_mb_per_s"] else None)
                ratios.append((f"wikiparse {op}", " ".join(peer), f"{mine['mb_per_s'] / theirs['mb_per_s']:.2f}",
                               "n/a" if med is None else f"{med:.2f}"))
    if ratios:
        print("\nratio wikiparse / peer (> 1: wikiparse faster)")
        print(table(["wikiparse", "peer", "whole corpus", "page med"], ratios, right=[False, False, True, True]))
    def ratio(op: str, peer: str, peer_op: str, measure: str) -> float | None:
        mine, theirs = summary.get(("wikiparse", op)), summary.get((peer, peer_op))
        key = "mb_per_s" if measure == "whole" else "page_median_mb_per_s"
        if not mine or not theirs or not mine[key] or not theirs[key]:
            return None
        return float(mine[key] / theirs[key])

    print("\nissue 19 acceptance, persistent mode (same run)")
    print(bars_report("persistent", ratio))
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"mode": "persistent", "rounds": args.rounds, "pages": len(pages), "bytes": total,
                       "python": sys.version.split()[0], "nproc": os.cpu_count(),
                       "results": [{"tool": t, "op": op, **summary[(t, op)],
                                    "info": workers[(t, op)].info, "failed_pages": errors[(t, op)]}
                                   if (t, op) in summary else {"tool": t, "op": op, "na": na.get((t, op), "")}
                                   for t, op in jobs],
                       "ratios": [dict(zip(("wikiparse", "peer", "whole", "page_median"), r)) for r in ratios]},
                      f, indent=1, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
