"""``wikiparse formats``: the output formats (registered emitters), one per line."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .exits import EXIT_OK
from .output import write_stdout

if TYPE_CHECKING:
    from .arguments import Subparsers

NAME = "formats"
HELP = "list the output formats (registered emitters)"


def add_parser(sub: Subparsers) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(NAME, help=HELP, description=HELP + ".")
    p.add_argument("--options", action="store_true",
                   help="also list the render options each format takes (for -O KEY=VALUE)")
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    from ..emitters import emitters, get_emitter

    lines = []
    for name in emitters():
        if args.options:
            options = sorted(getattr(get_emitter(name), "OPTIONS", ()))
            lines.append(f"{name}: {', '.join(options) if options else '(no options)'}\n")
        else:
            lines.append(name + "\n")
    write_stdout("".join(lines).encode("utf-8"))
    return EXIT_OK
