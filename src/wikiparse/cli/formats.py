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
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    from ..emitters import emitters

    write_stdout("".join(name + "\n" for name in emitters()).encode("utf-8"))
    return EXIT_OK
