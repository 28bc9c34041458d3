"""The ``wikiparse`` command: convert files, JSON lines and XML dumps; list formats; outline.

Every command reads UTF-8, writes outputs atomically (a temporary file renamed into place, so an
output is complete or absent), never overwrites an input, and reports each failed input on
stderr while converting the others.  ``main(argv)`` returns the exit status (see ``EXIT_CODES``).

One module per subcommand (``convert``, ``jsonl``, ``dump``, ``formats``, ``outline``), each with
its own options; ``arguments`` holds the options they share, ``output`` stdout, stderr and
output files, ``signals`` Ctrl-C and SIGTERM, ``exits`` the exit statuses.  The work itself is
done by :mod:`wikiparse.pipeline`.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Iterable

from .. import __version__
from ..pipeline.atomic import discard_unfinished
from . import convert, dump, formats, jsonl, outline
from .arguments import FORMATTER
from .exits import (
    EXIT_CODES,
    EXIT_DAMAGED,
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    EXIT_MISSING,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_TERMINATED,
    EXIT_USAGE,
    exit_code_help,
)
from .output import PROG, StdoutError, err, silence_stdout
from .render_options import OptionError, render_options
from .signals import Terminated, check_not_stopped, install_handlers, restore_handlers

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

# The subcommands, in the order ``--help`` lists them.  Each module has NAME, HELP,
# ``add_parser(subparsers)`` (its own options) and ``run(args) -> exit status``.
COMMANDS = (convert, jsonl, dump, formats, outline)

_EXAMPLES = """\
examples:
  wikiparse convert -t html < page.wiki > page.html
  wikiparse convert -t text pages/ -o out/ --jobs 4      (out/ mirrors pages/)
  wikiparse convert -t json --dialect rendered copied.txt -o copied.json
  wikiparse jsonl -t text < pages.jsonl > texts.jsonl    ({"id", "text"} -> {"id", "text": ...})
  wikiparse dump enwiki-pages-articles-multistream.xml.bz2 \\
      --index enwiki-pages-articles-multistream-index.txt.bz2 \\
      -t text --namespaces 0 --redirects skip --jobs 8 -o enwiki.jsonl
  wikiparse dump DUMP.xml.bz2 --index INDEX.txt.bz2 -t html --scheduler tcp://host:8786 -o out.jsonl
  wikiparse formats
  wikiparse outline page.txt
"""


class _ArgumentParser(argparse.ArgumentParser):
    """argparse, except that a failed write of ``--help`` (a full disk) is not silently
    ignored: it reaches ``main``, which reports it (exit status 4)."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if message:
            (file or sys.stderr).write(message)


def build_parser() -> argparse.ArgumentParser:
    """The ``wikiparse`` argument parser with every subcommand."""
    parser = _ArgumentParser(
        prog=PROG,
        description="Parse MediaWiki markup (or rendered wiki pages) and render it as HTML, "
        "plain text, JSON or wikitext: single files, folders, JSON lines and XML dumps.",
        epilog=_EXAMPLES + "\n" + exit_code_help(),
        formatter_class=FORMATTER,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(sub)
    return parser


def main(argv: Iterable[str] | None = None) -> int:
    """Run the command line ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    try:
        status = _run(list(sys.argv[1:] if argv is None else argv))
        _flush_stdout()  # here, where a failure can still be reported
        return status
    except BrokenPipeError:  # the reader of stdout went away (e.g. `| head`): stop quietly
        silence_stdout()
        return EXIT_OK
    except StdoutError as error:
        silence_stdout()
        err(f"cannot write stdout: {error}")
        return EXIT_OUTPUT


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise StdoutError(error) from None


def _run(argv: list[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # after --help, --version or a usage error
        _flush_stdout()
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    except BrokenPipeError:
        raise
    except OSError as error:  # writing --help failed
        raise StdoutError(error) from None
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if hasattr(args, "option_pairs"):  # a converting command: resolve its renderer options
        try:
            args.render_options = render_options(args)
        except OptionError as error:
            err(str(error))
            return error.status
    previous = install_handlers()
    try:
        status: int = args.run(args)
        check_not_stopped()
        return status
    except KeyboardInterrupt:
        discard_unfinished()  # also one opened just before the signal came
        err("interrupted; no partial output was left")
        return EXIT_INTERRUPTED
    except Terminated:
        discard_unfinished()
        err("terminated; no partial output was left")
        return EXIT_TERMINATED
    finally:
        restore_handlers(previous)


__all__ = [
    "COMMANDS", "EXIT_CODES", "EXIT_DAMAGED", "EXIT_INPUT", "EXIT_INTERRUPTED", "EXIT_MISSING",
    "EXIT_OK", "EXIT_OUTPUT", "EXIT_TERMINATED", "EXIT_USAGE", "build_parser", "main",
]
