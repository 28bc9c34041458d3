#!/usr/bin/env python3
"""Does parse time grow linearly with input size?  Times a parse function on growing adversarial
inputs and on the article corpus, and prints the fitted log-log exponent (1.0 = linear).

    benchmarks/.venv/bin/python benchmarks/scaling.py [--check] [--json OUT.json]
        [--func wikiparse:parse] [--max-size 1048576] [--patterns a,b] [--list] [--smoke]

Each pattern is a generator of text of a given size, doubling from ``--min-size`` (16 KiB) to
``--max-size`` (1 MiB); ``plain_text`` and ``corpus_concat`` (big real text) go on to
``--plain-max`` (10 MB).  ``--render html,json`` times (and measures the memory of) parse + those
renders instead of the parse alone.
For every size the CPU time (``time.process_time``) of one call is measured ``--repeats`` times
(small inputs: several calls per measurement, at least 50 ms) and the median is kept.  Reported
per pattern:

  exp       least-squares slope of log(time) on log(size) over all sizes
  tail      the same slope over the largest four sizes (catches a quadratic term that only shows
            late); with ``--check`` the run fails (exit 1) when either is above ``--bound`` (1.15)
            or a call ran into ``--call-timeout`` (a hang counts as non-linear)
  MB/s      UTF-8 input bytes / CPU s at the largest size
  peak MB   peak RSS growth of one call on the largest input, measured in a fresh process
            (``ru_maxrss`` after the call minus before it)
  B/char    that growth per input character; ``--check`` fails above ``--mem-bound`` (1024: a
            node per input character costs a few hundred bytes, the corpus about 25)
  mem exp   log-log slope of that growth between 1/8 of the largest size and the largest (when
            both are at least 8 MB); ``--check`` fails above ``--bound`` (memory must be
            linear too: property 1 says no input blows up memory).  ``--no-memory`` skips both

Every process (this one and each memory probe) runs under an address-space limit
(``--memory-limit-gb``, 4 by default): an input that blows up memory ends in a ``MemoryError``
(reported as "raised", a failure) instead of taking the machine down.

The corpus (``../shared/corpora/articles``) is measured twice: ``corpus_concat`` (all pages
concatenated and cut to each size, a pattern like the others) and a per-page fit (time of each
page vs its size, pages >= 2 KB; informational, since pages differ in content as well as size).

``--func module:function`` times any callable taking one str (default ``wikiparse:parse``), e.g.
``--func mwparserfromhell:parse`` to try the harness on a peer.
"""

from __future__ import annotations

import os
import argparse
import gc
import json
import platform
import random
import signal
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from benchkit import eprint, load_callable, load_corpus, loglog_exponent, shared_dir, table

KiB = 1024


@dataclass(frozen=True)
class Pattern:
    name: str
    what: str
    make: Callable[[int], str]  # size in characters -> text of exactly that length (or less)


def repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def prefixed(head: str, unit: str) -> Callable[[int], str]:
    return lambda n: (head + unit * (n // len(unit) + 1))[:n]


WORDS = ("the city of berlin is the capital and largest city of germany by both area and "
         "population its inhabitants make it the most populous city proper of the european union "
         "according to population within city limits").split()


def plain_text(n: int) -> str:
    rng = random.Random(7)
    parts: list[str] = []
    size = 0
    while size < n:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 20))).capitalize() + ". "
        if rng.random() < 0.15:
            sentence += "\n\n"
        parts.append(sentence)
        size += len(sentence)
    return "".join(parts)[:n]


SOUP_TOKENS = (
    "[[", "]]", "{{", "}}", "{{{", "}}}", "[", "]", "|", "||", "!!", "=", "==", "''", "'''",
    "'''''", "<b>", "</b>", "<i>", "</i>", "<div>", "</div>", "<ref>", "</ref>", "<ref name=a/>",
    "<!--", "-->", "<nowiki>", "</nowiki>", "&", "&amp;", "&#123;", "http://", "https://x.org/a",
    "[http://x.org ", "\n", "\n*", "\n#", "\n:", "\n;", "\n{|", "\n|-", "\n|}", "\n|", "\n!",
    "\n==", "\n----", "\n ", "~~~~", "__TOC__", "ISBN ", "File:", "Category:", "#if:", "-{", "}-",
    "<", ">", "'", "a", "word", " ", "  ",
)


def soup(n: int) -> str:
    rng = random.Random(42)
    parts: list[str] = []
    size = 0
    while size < n:
        tok = rng.choice(SOUP_TOKENS) if rng.random() < 0.6 else rng.choice(WORDS) + " "
        parts.append(tok)
        size += len(tok)
    return "".join(parts)[:n]


def balanced(opener: str, closer: str, middle: str = "x") -> Callable[[int], str]:
    """``opener`` x k + ``middle`` + ``closer`` x k, as long as fits in n characters."""
    def make(n: int) -> str:
        k = max(1, (n - len(middle)) // (len(opener) + len(closer)))
        return opener * k + middle + closer * k
    return make


def nested_block(unit: str, depth: int, middle: str, close: str) -> Callable[[int], str]:
    """Blocks of ``depth`` nested units (and their closers), repeated to n characters."""
    return repeat(unit * depth + middle + close * depth)


PATTERNS: list[Pattern] = [
    # issue 18: memory, slow runs, deep nesting that once overflowed the renderers' recursion
    Pattern("brace_run", "{ x n/2 } x n/2 (one balanced run)", balanced("{", "}", "")),
    Pattern("template_run", "{{a x k }} x k", balanced("{{a", "}}")),
    Pattern("nested_tables_90", "90 nested tables, repeated", nested_block("{|\n|\n", 90, "x\n", "|}\n")),
    Pattern("quote_bold_tags", "''<b> x n (one line)", repeat("''<b>")),
    Pattern("tables_in_args", "{{a|\\n{|\\n| x n (tables in template arguments)", repeat("{{a|\n{|\n|")),
    Pattern("file_captions", "[[File:a.jpg|thumb| x 30 ... ]] x 30, repeated",
            nested_block("[[File:a.jpg|thumb|", 30, "x", "]]")),
    # unclosed openers (the classic backtracking traps)
    Pattern("open_links", "[[ x n", repeat("[[")),
    Pattern("open_templates", "{{ x n", repeat("{{")),
    Pattern("open_args", "{{{ x n", repeat("{{{")),
    Pattern("open_brackets", "[ x n", repeat("[")),
    Pattern("open_ext_links", "[http://a  x n", repeat("[http://a ")),
    Pattern("link_pipes", "[[a| x n", repeat("[[a|")),
    Pattern("template_pipes", "{{a| x n", repeat("{{a|")),
    Pattern("template_params", "{{a|b= x n", repeat("{{a|b=")),
    Pattern("file_links", "[[File:a.jpg|thumb| x n", repeat("[[File:a.jpg|thumb|")),
    Pattern("link_in_template", "{{[[ x n", repeat("{{[[")),
    Pattern("brace_bracket_mix", "{{{[[{{[ x n", repeat("{{{[[{{[")),
    # closers without openers
    Pattern("close_links", "]] x n", repeat("]]")),
    Pattern("close_templates", "}} x n", repeat("}}")),
    # quotes
    Pattern("apostrophes", "'' x n (one run)", repeat("''")),
    Pattern("bold_italic_run", "''''' x n (one run)", repeat("'''''")),
    Pattern("italic_toggles", "''a x n on one line", repeat("''a")),
    Pattern("bold_italic_toggles", "'''''a''b x n on one line", repeat("'''''a''b")),
    Pattern("quote_lines", "''a'''b\\n x n", repeat("''a'''b\n")),
    # tables
    Pattern("table_opens", "{|\\n x n", repeat("{|\n")),
    Pattern("table_opens_inline", "{| x n (no newline)", repeat("{|")),
    Pattern("table_rows", "{| then |-\\n x n", prefixed("{|\n", "|-\n")),
    Pattern("table_closes", "|}\\n x n", repeat("|}\n")),
    Pattern("table_cells", "{| then | a || b !! c\\n x n", prefixed("{|\n", "| a || b !! c\n")),
    Pattern("table_in_cell", "{|\\n| x n (nested tables)", repeat("{|\n|")),
    # tags
    Pattern("tag_b", "<b> x n", repeat("<b>")),
    Pattern("tag_div", "<div> x n", repeat("<div>")),
    Pattern("tag_close", "</b> x n", repeat("</b>")),
    Pattern("tag_mix", "<b><i><span><div> x n", repeat("<b><i><span><div>")),
    Pattern("tag_attrs", "<span a=\"x\" b='y' c=z> x n", repeat("<span a=\"x\" b='y' c=z>")),
    Pattern("lt_run", "< x n", repeat("<")),
    Pattern("comment_open", "<!-- x n", repeat("<!--")),
    Pattern("comments", "<!-- x --> x n", repeat("<!-- x -->")),
    Pattern("ref_open", "<ref> x n (unclosed)", repeat("<ref>")),
    Pattern("refs", "<ref>a</ref> x n", repeat("<ref>a</ref>")),
    Pattern("nowiki_open", "<nowiki> x n", repeat("<nowiki>")),
    # lists
    Pattern("deep_list", "* x n (one line)", repeat("*")),
    Pattern("deep_mixed_list", "*#:; x n (one line)", repeat("*#:;")),
    Pattern("list_lines", "* / ** / *# / : / ; lines", repeat("* a\n** b\n*# c\n: d\n; e : f\n")),
    Pattern("list_stairs", "lines with depth 1..64 and back", lambda n: repeat(
        "".join("*" * d + " x\n" for d in list(range(1, 65)) + list(range(63, 1, -1))))(n)),
    # headings
    Pattern("heading_lines", "== h ==\\n x n", repeat("== h ==\n")),
    Pattern("equals_run", "= x n (one line)", repeat("=")),
    Pattern("equals_lines", "=======a=\\n x n (unbalanced)", repeat("=======a=\n")),
    # entities, urls, magic
    Pattern("ampersands", "& x n", repeat("&")),
    Pattern("entities", "&amp;&#x41;&bogus; x n", repeat("&amp;&#x41;&bogus;")),
    Pattern("http_run", "http:// x n (one URL)", repeat("http://")),
    Pattern("free_urls", "http://a.b/c  x n", repeat("http://a.b/c ")),
    Pattern("magic_links", "ISBN 0-306-40615-2 RFC 1 x n", repeat("ISBN 0-306-40615-2 RFC 1 ")),
    Pattern("signatures_switches", "~~~~ __TOC__ x n", repeat("~~~~ __TOC__ ")),
    Pattern("lang_convert", "-{ x n", repeat("-{")),
    # whitespace and text
    Pattern("newlines", "\\n x n", repeat("\n")),
    Pattern("indent_pre", " a\\n x n", repeat(" a\n")),
    Pattern("one_word", "a x n (no space)", repeat("a")),
    Pattern("plain_text", "sentences and paragraphs (to --plain-max)", plain_text),
    Pattern("soup", "random mix of all markup tokens", soup),
]


class CallTimeout(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise CallTimeout()


def time_call(fn: Callable[[str], Any], text: str, repeats: int, timeout: float,
              min_time: float = 0.05) -> float:
    """Median CPU seconds of one ``fn(text)`` call; raises CallTimeout past ``timeout`` CPU s
    (CPU, not wall, so a loaded machine does not cause false timeouts)."""
    samples = []
    calls = 1
    for r in range(repeats):
        while True:
            gc.collect()
            signal.setitimer(signal.ITIMER_PROF, timeout)
            try:
                c0 = time.process_time()
                for _ in range(calls):
                    result = fn(text)
                dt = time.process_time() - c0
            finally:
                signal.setitimer(signal.ITIMER_PROF, 0)
            del result
            if dt >= min_time or calls >= 1024:
                break
            calls = min(1024, calls * max(2, int(min_time / max(dt, 1e-6)) + 1))
        samples.append(dt / calls)
    return statistics.median(samples)


def sizes_for(pattern: Pattern, args: argparse.Namespace) -> list[int]:
    big = pattern.name in ("plain_text", "corpus_concat")
    top = args.plain_max if big else args.max_size
    sizes = []
    n = args.min_size
    while n <= top:
        sizes.append(n)
        n *= 2
    if sizes and sizes[-1] < top and big:
        sizes.append(top)
    return sizes


def measure(pattern: Pattern, fn: Callable[[str], Any], args: argparse.Namespace) -> dict[str, Any]:
    sizes = sizes_for(pattern, args)
    fn(pattern.make(sizes[0]))  # warm: first-call costs (imports, caches) are not scaling
    points = []
    status = "ok"
    for n in sizes:
        text = pattern.make(n)
        try:
            t = time_call(fn, text, args.repeats, args.call_timeout)
        except CallTimeout:
            status = f"timeout at {n // KiB} KiB (> {args.call_timeout:g} CPU s)"
            break
        except (Exception, MemoryError, RecursionError) as e:  # noqa: BLE001 - a parse function must not raise
            status = f"raised at {n // KiB} KiB: {type(e).__name__}: {str(e)[:120]}"
            break
        points.append({"chars": len(text), "bytes": len(text.encode("utf-8")), "cpu_s": t})
        if len(points) >= 2 and n < sizes[-1]:
            prev = points[-2]
            slope = loglog_exponent([prev["chars"], n], [prev["cpu_s"], t]) or 1.0
            if t * 2 ** max(slope, 1.0) > args.call_timeout:
                status = f"stopped after {n // KiB} KiB: next size projected > {args.call_timeout:g} s"
                break
    xs = [p["chars"] for p in points]
    ys = [p["cpu_s"] for p in points]
    row: dict[str, Any] = {"pattern": pattern.name, "what": pattern.what, "points": points,
                           "status": status, "exponent": loglog_exponent(xs, ys),
                           "tail_exponent": loglog_exponent(xs[-4:], ys[-4:]) if len(xs) >= 4 else None}
    if points:
        last = points[-1]
        row["mb_per_s_at_max"] = last["bytes"] / 1e6 / max(last["cpu_s"], 1e-9)
        row["ms_at_max"] = 1000 * last["cpu_s"]
    return row


SH_HOP = ["/bin/sh", "-c", '"$@"; exit $?', "sh"]  # clean ru_maxrss for the child (see peers.py)


def probe_memory(spec: str, args: argparse.Namespace) -> int:
    """Child mode: build one input, parse it once, print its peak-RSS growth as JSON."""
    import resource

    name, _, size = spec.rpartition(":")
    patterns = {p.name: p for p in PATTERNS}
    if name == "corpus_concat":
        patterns[name] = corpus_pattern(load_corpus(args.corpus or shared_dir(args.shared) / "corpora" / "articles"))
    text = patterns[name].make(int(size))
    fn = timed_function(args)
    fn("''warm'' [[up]] {{x|y}}\n== s ==\n")
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    fn(text)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"chars": len(text), "baseline_kb": base, "peak_kb": peak}))
    return 0


def measure_memory(pattern: Pattern, size: int, args: argparse.Namespace) -> dict[str, Any]:
    """Peak RSS growth of one call on ``size`` characters, in a fresh process."""
    import subprocess

    argv = [sys.executable, __file__, "--func", args.func, "--probe-memory", f"{pattern.name}:{size}",
            "--memory-limit-gb", str(args.memory_limit_gb)]
    if args.render:
        argv += ["--render", args.render]
    if args.shared:
        argv += ["--shared", args.shared]
    if args.corpus:
        argv += ["--corpus", str(args.corpus)]
    p = subprocess.run(SH_HOP + argv, capture_output=True, text=True, timeout=3600)
    if p.returncode != 0:
        tail = p.stderr.strip().splitlines()[-1:] or [f"exit {p.returncode}"]
        return {"error": tail[0][-300:]}
    d = json.loads(p.stdout)
    growth = max(d["peak_kb"] - d["baseline_kb"], 0) * 1024
    return {"chars": d["chars"], "growth_bytes": growth, "bytes_per_char": growth / max(d["chars"], 1)}


def memory_fit(pattern: Pattern, sizes: list[int], args: argparse.Namespace) -> dict[str, Any]:
    """Peak-RSS growth at the largest size and at 1/8 of it; the log-log exponent between the two
    when both growths are big enough to measure (>= 8 MB: below that the allocator's reuse of
    memory freed after import blurs the figure)."""
    top = measure_memory(pattern, sizes[-1], args)
    if "error" in top or len(sizes) < 4:
        return top
    low = measure_memory(pattern, sizes[-4], args)
    top["at_eighth"] = low
    if "error" not in low and low["growth_bytes"] >= 8e6:
        top["exponent"] = loglog_exponent([low["chars"], top["chars"]],
                                          [low["growth_bytes"], top["growth_bytes"]])
    return top


def corpus_pattern(pages: list[Any]) -> Pattern:
    concat = "\n\n".join(p.text for p in pages)
    return Pattern("corpus_concat", f"{len(pages)} corpus pages concatenated, cut to size",
                   lambda n: (concat * (n // len(concat) + 1))[:n])


def corpus_rows(fn: Callable[[str], Any], args: argparse.Namespace) -> tuple[Pattern, dict[str, Any]]:
    pages = load_corpus(args.corpus or shared_dir(args.shared) / "corpora" / "articles")
    pattern = corpus_pattern(pages)
    per_page: dict[str, Any] = {}
    if not args.no_per_page:
        for p in pages:
            fn(p.text[:100])
        for p in pages:
            try:
                per_page[p.name] = {"bytes": p.nbytes, "cpu_s": time_call(fn, p.text, args.repeats,
                                                                          args.call_timeout, 0.01)}
            except CallTimeout:
                per_page[p.name] = {"bytes": p.nbytes, "error": "timeout"}
            except Exception as e:  # noqa: BLE001
                per_page[p.name] = {"bytes": p.nbytes, "error": f"{type(e).__name__}: {str(e)[:120]}"}
    good = [(v["bytes"], v["cpu_s"]) for v in per_page.values() if "cpu_s" in v and v["bytes"] >= 2000]
    total_b = sum(v["bytes"] for v in per_page.values() if "cpu_s" in v)
    total_s = sum(v["cpu_s"] for v in per_page.values() if "cpu_s" in v)
    summary = {"pages": len(pages), "per_page": per_page,
               "errors": {k: v["error"] for k, v in per_page.items() if "error" in v},
               "exponent_pages_ge_2kb": loglog_exponent([g[0] for g in good], [g[1] for g in good]),
               "mb_per_s": total_b / 1e6 / total_s if total_s else None}
    return pattern, summary


def timed_function(args: argparse.Namespace) -> Callable[[str], Any]:
    """``--func``, or parse + the ``--render`` formats."""
    fn = load_callable(args.func)
    if not args.render:
        return fn
    import wikiparse

    formats = args.render.split(",")

    def parse_and_render(text: str) -> Any:
        doc = fn(text)
        return [wikiparse.render(doc, f) for f in formats]
    return parse_and_render


def limit_memory(gb: float) -> None:
    """Cap this process's address space (a blow-up raises MemoryError instead of swapping the
    machine to death)."""
    import resource

    if gb > 0:
        cap = int(gb * (1 << 30))
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--func", default="wikiparse:parse", help="module:function taking one str")
    ap.add_argument("--shared", help="folder holding corpora/ (default ../shared)")
    ap.add_argument("--corpus", type=Path, help="corpus folder")
    ap.add_argument("--min-size", type=int, default=16 * KiB)
    ap.add_argument("--max-size", type=int, default=1024 * KiB)
    ap.add_argument("--plain-max", type=int, default=10_000_000, help="largest plain_text input")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--bound", type=float, default=1.15, help="largest acceptable exponent")
    ap.add_argument("--call-timeout", type=float, default=60.0, help="CPU s for one measurement")
    ap.add_argument("--patterns", help="comma list of pattern names (see --list)")
    ap.add_argument("--no-corpus", action="store_true", help="skip corpus_concat and the per-page fit")
    ap.add_argument("--no-per-page", action="store_true", help="skip the per-page corpus fit")
    ap.add_argument("--check", action="store_true", help="exit 1 if an exponent exceeds --bound")
    ap.add_argument("--smoke", action="store_true", help="tiny sizes, one repeat (CI: it runs)")
    ap.add_argument("--json", help="write all points and fits here")
    ap.add_argument("--list", action="store_true", help="list the patterns and exit")
    ap.add_argument("--no-memory", action="store_true", help="skip the peak-RSS probe per pattern")
    ap.add_argument("--mem-bound", type=float, default=1024.0,
                    help="largest acceptable peak-RSS growth per input character at the largest "
                         "size, bytes (for --check; 0 = no memory check)")
    ap.add_argument("--render", help="comma list of formats: time parse + render (e.g. html,json)")
    ap.add_argument("--memory-limit-gb", type=float, default=4.0,
                    help="address-space limit of every process of the run (0 = none)")
    ap.add_argument("--probe-memory", metavar="PATTERN:SIZE", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    limit_memory(args.memory_limit_gb)
    if args.probe_memory:
        return probe_memory(args.probe_memory, args)

    if args.list:
        print(table(["pattern", "input"], [(p.name, p.what) for p in PATTERNS], right=[False, False]))
        return 0
    if args.smoke:
        args.min_size, args.max_size, args.plain_max = 2 * KiB, 16 * KiB, 64 * KiB
        args.repeats, args.no_per_page, args.call_timeout = 1, True, min(args.call_timeout, 20.0)
    if args.max_size < args.min_size:
        ap.error("--max-size is smaller than --min-size")
    args.plain_max = max(args.plain_max, args.max_size)

    fn = timed_function(args)
    try:
        fn("''warm'' [[up]] {{x|y}}\n== s ==\n* a\n{|\n|-\n| c || d\n|}\n")
    except Exception as e:  # noqa: BLE001
        eprint(f"scaling: {args.func} cannot parse yet: {type(e).__name__}: {e}")
        return 2
    signal.signal(signal.SIGPROF, _alarm)

    patterns = list(PATTERNS)
    corpus_summary = None
    if args.patterns:
        wanted = set(args.patterns.split(","))
        unknown = wanted - {p.name for p in PATTERNS} - {"corpus_concat"}
        if unknown:
            ap.error(f"unknown pattern(s): {', '.join(sorted(unknown))}")
        patterns = [p for p in PATTERNS if p.name in wanted]
        if "corpus_concat" not in wanted:
            args.no_corpus = True
    if not args.no_corpus:
        corpus_pattern, corpus_summary = corpus_rows(fn, args)
        patterns.append(corpus_pattern)

    eprint(f"scaling: {args.func}{' + render ' + args.render if args.render else ''}, sizes {args.min_size // KiB} KiB .. {args.max_size // KiB} KiB "
           f"(plain_text to {args.plain_max / 1e6:g} MB), median of {args.repeats}, CPU time")
    rows = []
    for p in patterns:
        row = measure(p, fn, args)
        if not args.no_memory and row["points"]:
            row["memory"] = memory_fit(p, [pt["chars"] for pt in row["points"]], args)
        rows.append(row)
        exp = row["exponent"]
        eprint(f"  {p.name:22s} exp {exp if exp is None else round(exp, 3)}  "
               f"{row.get('mb_per_s_at_max', 0):8.2f} MB/s at max  {row['status']}")

    def fmt(x: float | None, nd: int = 2) -> str:
        return "-" if x is None else f"{x:.{nd}f}"

    failures = []
    out_rows = []
    for r in rows:
        bad = [k for k in ("exponent", "tail_exponent") if r[k] is not None and r[k] > args.bound]
        hard = r["status"].startswith(("timeout", "raised"))
        mem = r.get("memory") or {}
        bpc = mem.get("bytes_per_char")
        mexp = mem.get("exponent")
        if bad:
            verdict = f"FAIL > {args.bound:.2f}"
        elif mexp is not None and mexp > args.bound:
            verdict = f"FAIL memory exp > {args.bound:.2f}"
        elif args.mem_bound and bpc is not None and bpc > args.mem_bound:
            verdict = f"FAIL memory > {args.mem_bound:g} B/char"
        elif hard:
            verdict = "FAIL " + r["status"]
        elif "error" in mem:
            verdict = "FAIL memory probe: " + mem["error"][:80]
        else:
            verdict = "ok" if r["status"] == "ok" else f"ok ({r['status']})"
        r["verdict"] = verdict
        if verdict.startswith("FAIL"):
            failures.append(r["pattern"])
        out_rows.append((r["pattern"], r["what"], fmt(r["exponent"]), fmt(r["tail_exponent"]),
                         fmt(r.get("mb_per_s_at_max")), fmt(r.get("ms_at_max"), 1),
                         "-" if "growth_bytes" not in mem else f"{mem['growth_bytes'] / 2**20:.1f}",
                         "-" if bpc is None else f"{bpc:.0f}", fmt(mexp), verdict))
    print(f"\nscaling of {args.func}: CPU time vs input size, {args.min_size // KiB} KiB .. "
          f"{args.max_size // KiB} KiB doubling, median of {args.repeats}; exp = log-log slope "
          f"(1 = linear), tail = slope over the 4 largest sizes; bound {args.bound}; B/char = peak-RSS "
          f"growth of one call at the largest size per input character (bound {args.mem_bound:g}); mem exp = "
          f"log-log slope of that growth between 1/8 of the largest size and the largest (bound {args.bound})")
    print(table(["pattern", "input", "exp", "tail", "MB/s@max", "ms@max", "peak MB", "B/char", "mem exp",
                 "verdict"], out_rows, right=[False, False, True, True, True, True, True, True, True, False]))
    worst = max((r for r in rows if r["exponent"] is not None), key=lambda r: r["exponent"], default=None)
    if worst is not None:
        print(f"\nworst exponent: {worst['pattern']} {worst['exponent']:.3f}")
    if corpus_summary is not None and corpus_summary["per_page"]:
        e = corpus_summary["exponent_pages_ge_2kb"]
        print(f"corpus per page: {corpus_summary['pages']} pages, {fmt(corpus_summary['mb_per_s'])} MB/s, "
              f"log-log exponent over pages >= 2 KB {fmt(e, 3)} (informational: pages differ in content)"
              + (f"; errors: {corpus_summary['errors']}" if corpus_summary["errors"] else ""))
    print(f"{len(failures)} pattern(s) over the bound or failing" + (f": {', '.join(failures)}" if failures else ""))

    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"func": args.func, "bound": args.bound, "repeats": args.repeats,
                       "min_size": args.min_size, "max_size": args.max_size, "plain_max": args.plain_max,
                       "python": platform.python_version(), "machine": platform.machine(),
                       "patterns": rows, "corpus": corpus_summary, "failures": failures}, f, indent=1)
    return 1 if (args.check and failures) else 0


if __name__ == "__main__":
    sys.exit(main())
