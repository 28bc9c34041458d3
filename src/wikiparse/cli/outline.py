"""``wikiparse outline``: a page's outline (title, tagline, headings, files, navigation,
categories) as JSON; the shape of the seed corpus's ``expected.json``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING
import json
import sys
from typing import Any

from .exits import EXIT_INPUT, EXIT_OK
from .output import PROG, err, write_stdout

if TYPE_CHECKING:
    from .arguments import Subparsers

NAME = "outline"
HELP = "outline of a wiki page (title, headings, files, navigation, categories) as JSON"


def add_parser(sub: Subparsers) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        NAME, help=HELP,
        description="Print the outline of wiki pages (title, tagline, headings, files, "
        "navigation, categories) as JSON.",
        epilog="One file: its outline object. Several files (or --map): an object mapping each "
        "file name, as given, to its outline.  Exit status 0, or 1 when a file could not be "
        "read (the others are still printed).",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="page files ('-' for standard input)")
    p.add_argument("--dialect", choices=("auto", "rendered", "wikitext"), default="auto",
                   help="input dialect (default: auto-detect per file)")
    p.add_argument("--map", action="store_true", help="always print the file-name mapping")
    p.add_argument("--indent", type=int, default=2,
                   help="JSON indent (default 2; -1 for one line)")
    p.set_defaults(run=run)
    return p


def _read_page(path: str) -> str:
    """A file's text with its line endings kept (``-`` is standard input); bytes that are not
    UTF-8 become U+FFFD."""
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as handle:
            data = handle.read()
    return data.decode("utf-8", errors="replace")


def run(args: argparse.Namespace) -> int:
    from .. import parse
    from ..rendered.outline import outline

    results: dict[str, Any] = {}
    status = EXIT_OK
    for path in args.files:
        try:
            text = _read_page(path)
        except OSError as error:
            err(f"outline: {path}: {error.strerror or error}")
            status = EXIT_INPUT
            continue
        results[path] = outline(parse(text, dialect=args.dialect))
    indent = None if args.indent < 0 else args.indent
    if len(args.files) == 1 and not args.map:
        if not results:
            return status
        value: Any = next(iter(results.values()))
    else:
        value = results
    write_stdout((json.dumps(value, ensure_ascii=False, indent=indent) + "\n").encode("utf-8"))
    return status
