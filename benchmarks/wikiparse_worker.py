#!/usr/bin/env python3
"""Worker that times wikiparse for ``benchmarks/peers.py``, in the JSON protocol of the peer
adapters in ``../shared/tools/bench_peers/adapters/`` (so all tools are measured the same way).

    python benchmarks/wikiparse_worker.py time <op> <runs> <filelist>   -> JSON on stdout
    python benchmarks/wikiparse_worker.py rss  <op> <file>              -> JSON on stdout
    python benchmarks/wikiparse_worker.py serve <op>                    -> long-lived (persistent.py)

``serve`` answers one JSON line per file path read from stdin (``{"cpu": s, "error": …}``, one
call timed) after a first ``{"info": …}`` line, so ``benchmarks/persistent.py`` can keep the
process warm and interleave pages between tools.

op: ``parse`` (``wikiparse.parse``), ``html`` / ``text`` / ``json`` (parse, then
``wikiparse.render(doc, fmt)``).  Each page is parsed with ``SiteConfig.for_language`` of the
language in its file name (``<lang>--...wiki``), built before timing.  CPU time per page is
``time.process_time()`` around the call, after a warm-up.  The first JSON answer's ``info`` says
which build runs (``build``: mypyc-compiled or pure Python, ``compiled``: the compiled modules).  An operation that wikiparse cannot do
yet (no parser, no emitter) prints ``{"unavailable": reason}`` and exits 0.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from typing import Any, Callable

WARM = "''warm'' [[up]] {{x|y}}\n== s ==\n* a\n{|\n|-\n| c || d\n|}\n"
OPS = ("parse", "html", "text", "json")


def make_op(op: str) -> tuple[dict[str, Any], Callable[[str, Any], Any]]:
    import wikiparse

    import wikiparse.compiled

    info: dict[str, Any] = {"version": wikiparse.__version__, "build": build_label(),
                            "compiled": list(wikiparse.compiled.COMPILED)}
    try:
        import lark_cython  # noqa: F401

        info["lark_cython"] = True
    except ImportError:
        info["lark_cython"] = False
    if op == "parse":
        return info, lambda text, config: wikiparse.parse(text, config=config)
    if op in OPS:
        from wikiparse.emitters import get_emitter

        get_emitter(op)  # raises UnknownFormat while the emitter does not exist
        return info, lambda text, config: wikiparse.render(wikiparse.parse(text, config=config), op)
    raise SystemExit(f"unknown op {op!r}; expected one of {', '.join(OPS)}")


def build_label() -> str:
    """Which build of wikiparse runs: ``mypyc (N modules: packages)`` or ``pure Python``."""
    import wikiparse.compiled

    names = wikiparse.compiled.COMPILED
    if not names:
        return "pure Python"
    packages = sorted({name.rsplit(".", 1)[0] for name in names})
    return f"mypyc ({len(names)} modules: {', '.join(packages)})"


def lang_of(path: str) -> str:
    return os.path.basename(path).split("--", 1)[0] or "en"


def main() -> None:
    mode, op = sys.argv[1:3]
    try:
        info, fn = make_op(op)
        from wikiparse import SiteConfig

        fn(WARM, SiteConfig())
    except SystemExit:
        raise
    except Exception as e:  # noqa: BLE001 - "not available yet" is a result, not a crash
        print(json.dumps({"unavailable": f"{type(e).__name__}: {str(e)[:200]}"}))
        return
    configs: dict[str, Any] = {}

    def config(path: str) -> Any:
        lang = lang_of(path)
        if lang not in configs:
            configs[lang] = SiteConfig.for_language(lang)
        return configs[lang]

    if mode == "serve":
        print(json.dumps({"info": info}), flush=True)
        for line in sys.stdin:
            path = line.rstrip("\n")
            text, cfg = open(path, encoding="utf-8").read(), config(path)
            err = None
            c0 = time.process_time()
            try:
                fn(text, cfg)
            except Exception as e:  # noqa: BLE001
                err = repr(e)[:300]
            print(json.dumps({"cpu": time.process_time() - c0, "error": err}), flush=True)
        return
    if mode == "rss":
        path = sys.argv[3]
        text = open(path, encoding="utf-8").read()
        cfg = config(path)
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        err = None
        try:
            fn(text, cfg)
        except Exception as e:  # noqa: BLE001
            err = repr(e)[:300]
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({"info": info, "baseline_kb": base, "peak_kb": peak, "error": err}))
        return
    runs = int(sys.argv[3])
    files = [line.rstrip("\n") for line in open(sys.argv[4], encoding="utf-8") if line.strip()]
    texts = [(f, open(f, encoding="utf-8").read(), config(f)) for f in files]
    per_file: dict[str, list[float]] = {f: [] for f, _, _ in texts}
    totals, walls, errors = [], [], {}
    for _ in range(runs):
        tot = 0.0
        w0 = time.perf_counter()
        for f, t, cfg in texts:
            c0 = time.process_time()
            try:
                fn(t, cfg)
            except Exception as e:  # noqa: BLE001
                errors[f] = repr(e)[:300]
            dt = time.process_time() - c0
            per_file[f].append(dt)
            tot += dt
        walls.append(time.perf_counter() - w0)
        totals.append(tot)
    print(json.dumps({"info": info, "cpu_totals": totals, "wall_totals": walls,
                      "per_file": per_file, "errors": errors}))


if __name__ == "__main__":
    main()
