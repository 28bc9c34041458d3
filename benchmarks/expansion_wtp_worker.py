"""Runs inside wikitextprocessor's own venv (benchmarks/.venv-wtp): expands the pages given as
JSON on stdin ({"templates": {...}, "pages": [...], "repeats": N}) and prints per-page times."""

from __future__ import annotations

import json
import statistics
import sys
import time


def main() -> None:
    job = json.load(sys.stdin)
    from wikitextprocessor import Wtp  # type: ignore[import-not-found]

    ctx = Wtp(quiet=True)
    for title, text in job["templates"].items():
        ctx.add_page("wikitext", title, text)
    if hasattr(ctx, "analyze_templates"):
        ctx.analyze_templates()
    out = []
    for page in job["pages"]:
        times = []
        text = ""
        for _ in range(job["repeats"]):
            ctx.start_page("Benchmark page")
            t0 = time.perf_counter()
            text = ctx.expand(page)
            times.append(time.perf_counter() - t0)
        out.append({"median_s": statistics.median(times), "first_s": times[0],
                    "chars": len(text), "sample": text[:200]})
    json.dump({"version": getattr(sys.modules.get("wikitextprocessor"), "__version__", "?"),
               "results": out}, sys.stdout)


if __name__ == "__main__":
    main()
