"""``wikiparse convert``: files, folders or stdin to files, a mirrored folder tree or stdout."""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from contextlib import closing
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from .arguments import FORMATTER, add_common, check_job, render_job
from .exits import EXIT_INPUT, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, exit_code_help
from .output import PROG, err, write_stdout
from .render_options import add_page_options
from .signals import check_not_stopped

if TYPE_CHECKING:
    from .arguments import Subparsers
    from ..pipeline.render import RenderJob

NAME = "convert"
HELP = "convert files, folders or stdin"


def add_parser(sub: Subparsers) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        NAME, help=HELP, formatter_class=FORMATTER,
        description="Convert wikitext files.  With no input, or '-', read stdin; without -o, "
        "write stdout.  Folders are read recursively (hidden names skipped); with -o FOLDER the "
        "output mirrors the input tree, each file's suffix replaced by the format's (.html, "
        ".txt, .json, .pandoc.json, .wiki, .md).",
        epilog=textwrap.dedent("""\
            examples:
              wikiparse convert -t text page.wiki                  (to stdout)
              cat page.wiki | wikiparse convert -t html -o page.html
              wikiparse convert -t html wiki/ -o html/ --jobs 0
              wikiparse convert -t json a.wiki b.wiki -o out/

            """) + exit_code_help(),
    )
    p.add_argument("inputs", nargs="*", metavar="FILE|DIR|-",
                   help="inputs (default: '-', standard input)")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="output file (one input) or folder (several inputs or a folder); "
                   "default: stdout")
    p.add_argument("--suffix", help="suffix of output files in a folder "
                   "(default: the format's, e.g. .html)")
    p.add_argument("--glob", metavar="PATTERN",
                   help="in folders, convert only file names matching PATTERN (e.g. '*.wiki')")
    add_common(p)
    add_page_options(p)
    p.set_defaults(run=run)
    return p


@dataclass(frozen=True)
class _Converted:
    output: str | None
    error: str | None
    note: str | None
    size: int


def _name(source: str) -> str:
    return "<stdin>" if source == "-" else source


def _convert_one(item: tuple[str, bytes | None], job: RenderJob) -> _Converted:
    """Read (unless given), decode and render one input; runs in a worker."""
    from ..pipeline.render import describe_error
    from ..pipeline.textio import InputError, decode_utf8, read_bytes

    source, data = item
    name = _name(source)
    size = 0
    try:
        if data is None:
            data = read_bytes(source)
        size = len(data)
        text = decode_utf8(data, name)
    except InputError as error:
        return _Converted(None, str(error), None, size)
    note = f"{name}: empty input (converted to an empty document)" if not text else None
    try:
        title = None
        if source != "-":
            title = os.path.splitext(os.path.basename(source))[0].replace("_", " ")
        return _Converted(job.render_text(text, title), None, note, size)
    except Exception as error:
        return _Converted(None, f"{name}: conversion failed: {describe_error(error)}", None, size)


def run(args: argparse.Namespace) -> int:
    from ..pipeline.atomic import remove_stale_temporaries, write_atomic
    from ..pipeline.files import PlanError, ensure_parent, plan_convert
    from ..pipeline.progress import Progress
    from ..pipeline.render import output_suffix
    from ..pipeline.workers import ordered_map, resolve_jobs

    job = render_job(args)
    status = check_job(job)
    if status is not None:
        return status
    try:
        plan = plan_convert(args.inputs, args.output, suffix=args.suffix or output_suffix(args.fmt),
                            pattern=args.glob)
    except PlanError as error:
        err(str(error))
        return EXIT_USAGE
    for note in plan.notes:
        err(note)
    for folder in sorted({os.path.dirname(t.target) or "." for t in plan.tasks if t.target}):
        remove_stale_temporaries(folder)  # left by a run that was killed outright
    if not plan.tasks and not plan.problems:
        err("no input files found")
        return EXIT_INPUT

    total = 0
    for task in plan.tasks:
        if task.source != "-":
            try:
                total += os.path.getsize(task.source)
            except OSError:
                pass
    progress = Progress("convert", "files", total_bytes=total or None, quiet=args.quiet)
    failed = 0
    for problem in plan.problems:
        progress.message(f"{PROG}: {problem}")
        progress.update(items=1, errors=1)
        failed += 1

    items: list[tuple[str, bytes | None]] = []
    for task in plan.tasks:
        items.append((task.source, sys.stdin.buffer.read() if task.source == "-" else None))
    stdout_outputs = 0
    last_newline = True
    status = EXIT_OK
    def lost(item: tuple[str, bytes | None], reason: str) -> _Converted:
        return _Converted(None, f"{_name(item[0])}: not converted: {reason}", None, 0)

    def restarted(item: tuple[str, bytes | None], reason: str) -> None:
        progress.message(f"{PROG}: note: a worker process died ({reason}) while converting "
                         f"{_name(item[0])}; a new worker converts it again")

    results = ordered_map(partial(_convert_one, job=job), items, jobs=resolve_jobs(args.jobs),
                          on_lost=lost, on_restart=restarted)
    try:
        with closing(results):
            for task, result in zip(plan.tasks, results):
                if result.note:
                    progress.message(f"{PROG}: note: {result.note}")
                if result.error is not None:
                    progress.message(f"{PROG}: {result.error}; not converted")
                    progress.update(items=1, errors=1, bytes_inc=result.size)
                    failed += 1
                    continue
                assert result.output is not None
                data = result.output.encode("utf-8")
                if task.target is None:
                    if stdout_outputs and not last_newline:
                        write_stdout(b"\n")
                    write_stdout(data)
                    stdout_outputs += 1
                    last_newline = data.endswith(b"\n") or not data
                else:
                    try:
                        ensure_parent(task.target)
                        check_not_stopped()
                        write_atomic(task.target, data)
                    except OSError as error:
                        progress.message(
                            f"{PROG}: cannot write {error.filename or task.target}: "
                            f"{error.strerror or error}; stopped (every output written so far "
                            "is complete)"
                        )
                        status = EXIT_OUTPUT
                        break
                progress.update(items=1, bytes_inc=result.size)
    except BaseException:
        progress.close()
        raise
    if status == EXIT_OK and failed:
        status = EXIT_INPUT
    progress.finish()
    return status
