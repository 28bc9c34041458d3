"""Helpers shared by the benchmark scripts: where ../shared is, the article corpus, loading a
callable from ``module:function``, a log-log least-squares fit and plain-text tables.

Not part of the package; imported by ``benchmarks/*.py`` (run as scripts, so this folder is on
``sys.path``).
"""

from __future__ import annotations

import csv
import importlib
import math
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

ROOT = Path(__file__).resolve().parent.parent


def shared_dir(arg: str | None = None) -> Path:
    """``--shared`` if given, else ``$WIKIPARSE_SHARED``, else ``../shared`` next to the checkout."""
    if arg:
        return Path(arg).resolve()
    env = os.environ.get("WIKIPARSE_SHARED")
    return Path(env).resolve() if env else (ROOT.parent / "shared")


@dataclass(frozen=True)
class Page:
    name: str  # file name, e.g. "en--wtf--Berlin.wiki"
    path: Path
    text: str
    lang: str  # Wikipedia edition code from manifest.tsv ("en" when unknown)

    @property
    def nbytes(self) -> int:
        return len(self.text.encode("utf-8"))


def load_corpus(directory: Path) -> list[Page]:
    """All ``*.wiki`` pages of a corpus folder, sorted by file name, with their language."""
    if not directory.is_dir():
        raise SystemExit(f"corpus folder {directory} not found (pass --shared or --corpus)")
    langs: dict[str, str] = {}
    manifest = directory / "manifest.tsv"
    if manifest.exists():
        with manifest.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                langs[row["file"]] = row.get("language") or "en"
    pages = []
    for path in sorted(directory.glob("*.wiki")):
        text = path.read_text(encoding="utf-8")
        lang = langs.get(path.name) or path.name.split("--", 1)[0] or "en"
        pages.append(Page(path.name, path, text, lang))
    return pages


def smoke_subset(pages: Sequence[Page], count: int = 8) -> list[Page]:
    """A few pages spread over the size range (deterministic), for CI smoke runs."""
    by_size = sorted(pages, key=lambda p: p.nbytes)
    if len(by_size) <= count:
        return list(by_size)
    step = (len(by_size) - 1) / (count - 1)
    picked = {by_size[round(i * step)].name: by_size[round(i * step)] for i in range(count)}
    return sorted(picked.values(), key=lambda p: p.name)


def load_callable(spec: str) -> Callable[..., Any]:
    """``package.module:attr.attr`` -> the object (``wikiparse:parse``, ``mwparserfromhell:parse``)."""
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise SystemExit(f"--func wants module:function, got {spec!r}")
    obj: Any = importlib.import_module(module_name)
    for part in attr.split("."):
        obj = getattr(obj, part)
    if not callable(obj):
        raise SystemExit(f"{spec} is not callable")
    return obj  # type: ignore[no-any-return]


def loglog_exponent(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Least-squares slope of log(y) on log(x): 1.0 is linear, 2.0 quadratic."""
    pts = [(math.log(x), math.log(y)) for x, y in zip(xs, ys) if x > 0 and y > 0]
    if len(pts) < 2:
        return None
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    sxx = sum((p[0] - mx) ** 2 for p in pts)
    if sxx == 0:
        return None
    return sum((p[0] - mx) * (p[1] - my) for p in pts) / sxx


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], *, right: Sequence[bool] | None = None) -> str:
    """A plain-text table; numbers right-aligned unless ``right`` says otherwise."""
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    if right is None:
        right = [i > 0 for i in range(len(headers))]
    out = []
    for k, r in enumerate(cells):
        out.append("  ".join(c.rjust(w) if right[i] else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip())
        if k == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def wikiparse_parser_ready() -> str | None:
    """None when ``wikiparse.parse`` can parse wikitext; otherwise why not."""
    try:
        from wikiparse.parser.driver import parse_wikitext  # noqa: F401
    except Exception as e:  # noqa: BLE001 - any import failure means "not ready"
        return f"{type(e).__name__}: {e}"
    return None


def eprint(*args: Any) -> None:
    print(*args, file=sys.stderr, flush=True)


def version_label(info: dict[str, Any] | None) -> str:
    """A worker's version, with ``mypyc`` or ``pure`` for a wikiparse worker (its ``build``)."""
    info = info or {}
    version = str(info.get("version", ""))
    build = info.get("build")
    if build is None:
        return version
    return f"{version} {'pure' if build == 'pure Python' else 'mypyc'}"


def build_line(infos: Any) -> str:
    """``wikiparse build: ...`` for the report, from the wikiparse workers' ``info`` answers.

    The figures of a compiled and a pure-Python build differ by about 1.5x, so every report says
    which one it measured (and says so loudly when the workers disagree).
    """
    builds = sorted({str((info or {}).get("build", "unknown")) for info in infos})
    if not builds:
        return "wikiparse build: not measured"
    if len(builds) > 1:
        return "wikiparse build: MIXED (" + "; ".join(builds) + ")"
    return f"wikiparse build: {builds[0]}"


#: issue 19's acceptance bars: (mode, wikiparse op, peer tool, peer op, measure, bar), measure being
#: "whole" (corpus MB/s ratio, at least the bar), "page med" (median-page ratio, at least the bar)
#: or "peak" (wikiparse / peer peak RSS of a fresh process on the largest page, at most the bar)
BARS: tuple[tuple[str, str, str, str, str, float], ...] = (
    ("persistent", "parse", "wtf_wikipedia", "parse", "whole", 1.2),
    ("persistent", "parse", "wtf_wikipedia", "parse", "page med", 1.2),
    ("persistent", "html", "wtf_wikipedia", "html", "whole", 1.0),
    ("persistent", "html", "wtf_wikipedia", "html", "page med", 1.0),
    ("one pass", "parse", "wtf_wikipedia", "parse", "whole", 1.5),
    ("one pass", "parse", "wtf_wikipedia", "parse", "page med", 1.5),
    ("one pass", "html", "wtf_wikipedia", "html", "whole", 1.2),
    ("one pass", "html", "wtf_wikipedia", "html", "page med", 1.2),
    ("one pass", "parse", "mwparserfromhell", "parse", "page med", 2.0),
    ("one pass", "parse", "mwparserfromhell", "parse", "peak", 1.5),
)


def bars_report(mode: str, ratio: Callable[[str, str, str, str], float | None]) -> str:
    """The acceptance bars of ``mode`` against the measured ratios (``ratio(op, peer, peer_op,
    measure)``, None when not measured), as a table with ``ok`` / ``MISSED`` per bar."""
    rows = []
    for bar_mode, op, peer, peer_op, measure, bar in BARS:
        if bar_mode != mode:
            continue
        got = ratio(op, peer, peer_op, measure)
        at_most = measure == "peak"
        label = f"wikiparse {op} / {peer} {peer_op}" + (" (largest page)" if at_most else "")
        verdict = "n/a" if got is None else ("ok" if (got <= bar if at_most else got >= bar) else "MISSED")
        rows.append((label, measure, f"{'<=' if at_most else '>='} {bar:.2f}",
                     "n/a" if got is None else f"{got:.2f}", verdict))
    return table(["ratio", "measure", "bar", "measured", ""], rows,
                 right=[False, False, True, True, False])
