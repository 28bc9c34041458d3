#!/usr/bin/env python3
"""wikiparse's corpus throughput side by side with the peers, in one run, as ratios (issue 8).

    make bench-env      # once: benchmarks/.venv (mwparserfromhell, wikitextparser, lark-cython,
                        # wikiparse -e .), benchmarks/.node (wtf_wikipedia, wtf-plugin-html), pandoc
    benchmarks/.venv/bin/python benchmarks/peers.py [--rounds 3] [--json OUT.json] [--smoke]

Tools and operations (each a fresh worker process per round; rounds interleaved: round 1 of
every job, then round 2, ... so machine noise hits all alike):

  wikiparse         parse, html, text, json        (benchmarks/wikiparse_worker.py)
  mwparserfromhell  parse, strip_code              (../shared/tools/bench_peers adapters)
  wikitextparser    parse, plain_text, walk
  pandoc            html   (mediawiki -> html, one process per page, start-up CPU subtracted)
  wtf_wikipedia     parse, html                    (node, --npm-dir with its node_modules)

The measurement is bench_peers.py's, reused by importing it: MB/s = UTF-8 corpus bytes / CPU s
inside the call; ``page med`` = median over pages >= 5 KB of per-page MB/s; ratios are
wikiparse MB/s / peer MB/s (> 1: wikiparse is faster).  Peak RSS: ru_maxrss of a fresh process
after one call on each of the ``--rss-pages`` largest pages (its after-import baseline in the JSON).
An operation that is not available (wikiparse emitter not written yet, peer not installed) is
reported as ``n/a`` with the reason; it is never an error.  ``--smoke``: 8 pages, one round, RSS
on one page, for CI (no timing asserts).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

from benchkit import (ROOT, Page, bars_report, build_line, eprint, load_corpus, shared_dir, smoke_subset, table,
                      version_label)

HERE = Path(__file__).resolve().parent
# Linux keeps a process's RSS high-water mark across fork+exec: a worker started straight from
# this (corpus-holding) process would report at least our RSS as its ru_maxrss.  Starting it from
# a shell that forks first gives it a clean mark (the shell's own few MB).
SH_HOP = ["/bin/sh", "-c", '"$@"; exit $?', "sh"]
WORKER = HERE / "wikiparse_worker.py"

JOBS: dict[str, list[str]] = {
    "wikiparse": ["parse", "html", "text", "json"],
    "mwparserfromhell": ["parse", "strip_code"],
    "wikitextparser": ["parse", "plain_text", "walk"],
    "pandoc": ["html"],
    "wtf_wikipedia": ["parse", "html"],
}
SHORT = {"mwparserfromhell": "mwph", "wikitextparser": "wtp", "wtf_wikipedia": "wtf"}
# the peer operation that does the same job as a wikiparse one, for the "like for like" table
COUNTERPART = {
    "parse": [("mwparserfromhell", "parse"), ("wikitextparser", "parse"), ("wtf_wikipedia", "parse")],
    "text": [("mwparserfromhell", "strip_code"), ("wikitextparser", "plain_text")],
    "html": [("pandoc", "html"), ("wtf_wikipedia", "html")],
    "json": [("wtf_wikipedia", "parse")],
}


def load_bench_peers(shared: Path) -> ModuleType:
    path = shared / "tools" / "bench_peers" / "bench_peers.py"
    if not path.exists():
        raise SystemExit(f"{path} not found (pass --shared)")
    spec = importlib.util.spec_from_file_location("bench_peers", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def missing_reason(tool: str, npm_dir: Path) -> str | None:
    """Why a peer cannot run here (None: it can)."""
    if tool in ("mwparserfromhell", "wikitextparser"):
        if importlib.util.find_spec(tool) is None:
            return f"{tool} not installed in {sys.executable} (make bench-env)"
    elif tool == "pandoc":
        if shutil.which("pandoc") is None:
            return "pandoc not on PATH (make bench-env installs the Debian package)"
    elif tool == "wtf_wikipedia":
        if shutil.which("node") is None:
            return "node not on PATH"
        if not (npm_dir / "node_modules" / "wtf_wikipedia").is_dir():
            return f"no wtf_wikipedia in {npm_dir}/node_modules (make bench-env)"
    return None


def argv_for(bp: ModuleType, tool: str, op: str, mode: str, npm_dir: Path, target: str) -> list[str]:
    if tool == "wikiparse":
        return [sys.executable, str(WORKER), mode, op] + (["1", target] if mode == "time" else [target])
    return bp.argv_for(tool, op, mode, SimpleNamespace(npm_dir=str(npm_dir)), target, 1)  # type: ignore[no-any-return]


def summarise(rounds: list[dict[str, Any]], pages: list[Page]) -> dict[str, Any]:
    good = [x for x in rounds if "cpu_totals" in x]
    row: dict[str, Any] = {"rounds_ok": len(good)}
    if not good:
        bad = rounds[0] if rounds else {}
        row["na"] = bad.get("unavailable") or bad.get("crash") or bad.get("missing") or "not run"
        return row
    total = sum(p.nbytes for p in pages)
    cpus = [x["cpu_totals"][0] for x in good]
    per_page = {p.name: statistics.median(x["per_file"][str(p.path)][0] for x in good) for p in pages}
    errs: dict[str, str] = {}
    for x in good:
        errs.update({os.path.basename(k): v for k, v in x["errors"].items()})
    row.update({
        "info": good[0].get("info"),
        "cpu_s_median": statistics.median(cpus),
        "mb_per_s_each": [total / 1e6 / c for c in cpus],
        "mb_per_s": total / 1e6 / statistics.median(cpus),
        "page_median_mb_per_s": statistics.median(
            p.nbytes / 1e6 / max(per_page[p.name], 1e-9) for p in pages if p.nbytes >= 5000)
        if any(p.nbytes >= 5000 for p in pages) else None,
        "failures": len(errs), "failed_pages": errs, "per_page_s": per_page,
        "slowest_pages_ms": {k: 1000 * v for k, v in sorted(per_page.items(), key=lambda kv: -kv[1])[:3]},
    })
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", help="folder holding corpora/ and tools/ (default ../shared)")
    ap.add_argument("--corpus", help="corpus folder (default <shared>/corpora/articles)")
    ap.add_argument("--npm-dir", default=str(HERE / ".node"), help="folder whose node_modules has wtf_wikipedia")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--tools", default=",".join(JOBS), help="comma list of: " + ", ".join(JOBS))
    ap.add_argument("--rss-pages", type=int, default=3, help="peak RSS on this many largest pages")
    ap.add_argument("--no-rss", action="store_true")
    ap.add_argument("--timeout", type=int, default=1800, help="s per worker process")
    ap.add_argument("--smoke", action="store_true", help="8 pages, 1 round, RSS on 1 page (CI)")
    ap.add_argument("--json", help="write all numbers here")
    args = ap.parse_args(argv)

    shared = shared_dir(args.shared)
    bp = load_bench_peers(shared)
    npm_dir = Path(args.npm_dir).resolve()
    pages = load_corpus(Path(args.corpus) if args.corpus else shared / "corpora" / "articles")
    if args.smoke:
        pages = smoke_subset(pages)
        args.rounds, args.rss_pages = 1, min(args.rss_pages, 1)
    total = sum(p.nbytes for p in pages)
    largest = sorted(pages, key=lambda p: -p.nbytes)[: args.rss_pages]
    tools = [t for t in args.tools.split(",") if t]
    unknown = set(tools) - set(JOBS)
    if unknown:
        ap.error(f"unknown tool(s): {', '.join(sorted(unknown))}")

    jobs = [(t, op) for t in tools for op in JOBS[t]]
    res: dict[tuple[str, str], dict[str, Any]] = {j: {"rounds": []} for j in jobs}
    skip: dict[tuple[str, str], str] = {}
    for t in tools:
        why = missing_reason(t, npm_dir)
        if why:
            for op in JOBS[t]:
                skip[(t, op)] = why

    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fl:
        fl.write("\n".join(str(p.path) for p in pages) + "\n")
    eprint(f"peers: {len(pages)} pages, {total / 1e6:.2f} MB, {args.rounds} round(s), CPU time")
    try:
        for r in range(args.rounds):
            for job in jobs:
                if job in skip:
                    continue
                out = bp.run_json(argv_for(bp, *job, "time", npm_dir, fl.name), args.timeout)
                if "unavailable" in out:
                    skip[job] = out["unavailable"]
                    eprint(f"round {r + 1}/{args.rounds} {job[0]:17s} {job[1]:10s} n/a: {out['unavailable'][:100]}")
                    continue
                res[job]["rounds"].append(out)
                msg = (f"cpu {out['cpu_totals'][0]:7.2f}s {total / 1e6 / max(out['cpu_totals'][0], 1e-9):7.2f} MB/s "
                       f"errors {len(out['errors'])}" if "cpu_totals" in out else out.get("crash", "")[:200])
                eprint(f"round {r + 1}/{args.rounds} {job[0]:17s} {job[1]:10s} {msg}")
    finally:
        os.unlink(fl.name)

    summary: dict[tuple[str, str], dict[str, Any]] = {}
    for job in jobs:
        row = summarise(res[job]["rounds"], pages)
        if job in skip:
            row["na"] = skip[job]
        summary[job] = row
    if not args.no_rss:
        for job in jobs:
            if job in skip or "na" in summary[job]:
                continue
            rss = {}
            for p in largest:
                out = bp.run_json(SH_HOP + argv_for(bp, *job, "rss", npm_dir, str(p.path)), args.timeout)
                rss[p.name] = {k: out.get(k) for k in ("peak_kb", "baseline_kb", "error", "crash")}
            summary[job]["rss"] = rss

    report(summary, jobs, pages, largest, args)
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"corpus": {"pages": len(pages), "bytes": total,
                                  "largest": {p.name: p.nbytes for p in largest}},
                       "rounds": args.rounds, "smoke": args.smoke, "python": sys.version.split()[0],
                       "nproc": os.cpu_count(), "repo": str(ROOT),
                       "results": [{"tool": t, "op": op, **summary[(t, op)]} for t, op in jobs]},
                      f, indent=1, ensure_ascii=False)
    return 0


def _f(x: float | None, nd: int = 2) -> str:
    return "n/a" if x is None else f"{x:.{nd}f}"


def report(summary: dict[tuple[str, str], dict[str, Any]], jobs: list[tuple[str, str]], pages: list[Page],
           largest: list[Page], args: argparse.Namespace) -> None:
    total = sum(p.nbytes for p in pages)
    print(f"\ncorpus {len(pages)} pages, {total / 1e6:.2f} MB; {args.rounds} round(s) interleaved; "
          "MB/s = corpus bytes / CPU s (median round); page med = median per-page MB/s, pages >= 5 KB")
    print(build_line(summary.get(job, {}).get("info") for job in jobs if job[0] == "wikiparse"))
    rows = []
    for t, op in jobs:
        s = summary[(t, op)]
        version = version_label(s.get("info"))
        if "mb_per_s" not in s:
            rows.append((t, op, version, "n/a", "", "n/a", "", s.get("na", "")[:70]))
            continue
        each = s["mb_per_s_each"]
        rows.append((t, op, version, _f(s["mb_per_s"], 3), f"{min(each):.2f}..{max(each):.2f}",
                     _f(s["page_median_mb_per_s"]), s["failures"], ""))
    print(table(["tool", "op", "version", "MB/s", "min..max", "page med", "fail", "note"], rows,
                right=[False, False, False, True, True, True, True, False]))

    wp = [(op, summary[("wikiparse", op)]) for t, op in jobs if t == "wikiparse"]
    peers = [(t, op) for t, op in jobs if t != "wikiparse" and "mb_per_s" in summary[(t, op)]]
    if wp and peers:
        print("\nratio wikiparse / peer (whole corpus MB/s; page med in brackets); > 1 = wikiparse faster")
        header = ["wikiparse op"] + [f"{SHORT.get(t, t)} {op}" for t, op in peers]
        rrows = []
        for op, s in wp:
            cells: list[str] = [op]
            for peer in peers:
                p = summary[peer]
                if "mb_per_s" not in s:
                    cells.append("n/a")
                else:
                    pm = p["page_median_mb_per_s"]
                    whole = s["mb_per_s"] / p["mb_per_s"]
                    med = (s["page_median_mb_per_s"] / pm) if pm and s["page_median_mb_per_s"] else None
                    cells.append(f"{whole:.2f} ({_f(med)})")
            rrows.append(cells)
        print(table(header, rrows))
        like = []
        for op, s in wp:
            for peer in COUNTERPART.get(op, []):
                if peer in summary and "mb_per_s" in summary[peer]:
                    p = summary[peer]
                    like.append((f"wikiparse {op}", f"{peer[0]} {peer[1]}",
                                 "n/a" if "mb_per_s" not in s else f"{s['mb_per_s'] / p['mb_per_s']:.2f}"))
        if like:
            print("\nlike for like (whole corpus ratio)")
            print(table(["wikiparse", "peer", "ratio"], like, right=[False, False, True]))

    if not args.no_rss and largest:
        print("\npeak RSS MB of a fresh process after one call (+ growth over its after-import baseline)")
        hdr = ["tool", "op"] + [f"{p.name[:28]} ({p.nbytes // 1000} KB)" for p in largest]
        rrows = []
        for t, op in jobs:
            s = summary[(t, op)]
            if "rss" not in s:
                rrows.append([t, op] + ["n/a"] * len(largest))
                continue
            cells = [t, op]
            for p in largest:
                d = s["rss"][p.name]
                if d.get("crash") or d.get("peak_kb") is None:
                    cells.append("crash")
                else:
                    cells.append(f"{d['peak_kb'] / 1024:.1f} (+{(d['peak_kb'] - (d['baseline_kb'] or 0)) / 1024:.1f})"
                                 + (" err" if d.get("error") else ""))
            rrows.append(cells)
        print(table(hdr, rrows, right=[False, False] + [True] * len(largest)))

    def ratio(op: str, peer: str, peer_op: str, measure: str) -> float | None:
        mine, theirs = summary.get(("wikiparse", op), {}), summary.get((peer, peer_op), {})
        if measure == "peak":
            if not largest:
                return None
            a = (mine.get("rss") or {}).get(largest[0].name, {}).get("peak_kb")
            b = (theirs.get("rss") or {}).get(largest[0].name, {}).get("peak_kb")
            return float(a / b) if a and b else None
        key = "mb_per_s" if measure == "whole" else "page_median_mb_per_s"
        if not mine.get(key) or not theirs.get(key):
            return None
        return float(mine[key] / theirs[key])

    print("\nissue 19 acceptance, one-pass mode (same run)")
    print(bars_report("one pass", ratio))


if __name__ == "__main__":
    sys.exit(main())
