"""``python -m wikiparse.demo`` (``make demo``): parse the bundled sample page and print it as
HTML, plain text and JSON, each under a header line; then the page as a reader sees it: its
templates expanded from a small bundled template store (``data/sample-templates.json``, three
templates written for the demo) and rendered as plain text.

A format whose emitter is not installed (or fails) is reported as ``(not available yet: …)``
instead of stopping the demo.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import sys
from importlib import resources
from typing import Any, TextIO

FORMATS = (("HTML", "html"), ("Plain text", "text"), ("JSON", "json"))


def sample_text() -> str:
    """The bundled sample article (wikitext)."""
    return (resources.files("wikiparse") / "data" / "sample.wiki").read_text(encoding="utf-8")


def sample_templates() -> dict[str, str]:
    """The bundled template store of the sample page: full title -> wikitext."""
    raw = (resources.files("wikiparse") / "data" / "sample-templates.json").read_text(encoding="utf-8")
    return dict(json.loads(raw))


def _header(title: str, out: TextIO) -> None:
    print(f"\n===== {title} " + "=" * max(3, 60 - len(title)), file=out)


def _describe(err: BaseException) -> str:
    return f"{type(err).__name__}: {err}".strip().replace("\n", " ")


def main(out: TextIO | None = None) -> int:
    out = out or sys.stdout
    import wikiparse

    text = sample_text()
    print(f"wikiparse {wikiparse.__version__} demo: the bundled sample page "
          f"({len(text.splitlines())} lines of wikitext)", file=out)
    doc: Any = None
    parse_error: BaseException | None = None
    try:
        doc = wikiparse.parse(text)
    except Exception as err:  # the parser is missing or broken: still show what we can
        parse_error = err
    if doc is not None:
        headings = [h.title for h in doc.headings] if hasattr(doc, "headings") else []
        print(f"headings: {headings}", file=out)
        print(f"round trip exact: {str(doc) == text}", file=out)
    for title, fmt in FORMATS:
        _header(f"{title} ({fmt})", out)
        if parse_error is not None:
            print(f"{fmt} (not available yet: parser: {_describe(parse_error)})", file=out)
            continue
        try:
            result = wikiparse.render(doc, fmt)
        except Exception as err:
            print(f"{fmt} (not available yet: {_describe(err)})", file=out)
            continue
        print(result if isinstance(result, str) else repr(result), file=out)
    _header("Expanded, plain text (expand + text)", out)
    try:
        clock = _dt.datetime(2026, 1, 1, tzinfo=_dt.timezone.utc)  # fixed: the demo is reproducible
        expanded = wikiparse.expand(text, templates=sample_templates(), title="Gannet Point Light",
                                    clock=clock)
        print(wikiparse.render(expanded, "text", profile="visible"), file=out)
    except Exception as err:
        print(f"expand (not available yet: {_describe(err)})", file=out)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # `python -m wikiparse.demo | head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
