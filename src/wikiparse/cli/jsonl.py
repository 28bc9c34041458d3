"""``wikiparse jsonl``: JSON lines ``{id, text}`` in, ``{id, FORMAT}`` out, one line per line."""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from contextlib import closing
from functools import partial
from typing import TYPE_CHECKING, Callable, Iterator

from .arguments import FORMATTER, add_common, check_job, positive, render_job
from .exits import EXIT_INPUT, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, exit_code_help
from .output import PROG, Reporter, err, open_output, output_failed, same_as_any

if TYPE_CHECKING:
    from .arguments import Subparsers
    from ..pipeline.textio import Line

NAME = "jsonl"
HELP = "convert JSON lines {id, text} -> {id, FORMAT}"


def add_parser(sub: Subparsers) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        NAME, help=HELP, formatter_class=FORMATTER,
        description="Read JSON lines, one object per line with an id and a text, and write one "
        "line per input line, in the same order: {\"id\": …, \"FORMAT\": …} (JSON formats as "
        "objects, others as strings).  A bad line gives {\"id\": …, \"line\": N, \"error\": …} and "
        "the stream goes on.",
        epilog=textwrap.dedent("""\
            examples:
              wikiparse jsonl -t text < pages.jsonl > texts.jsonl
              wikiparse jsonl -t html --id-field title --text-field wikitext a.jsonl -o out.jsonl

            """) + exit_code_help(),
    )
    p.add_argument("inputs", nargs="*", metavar="FILE|-", help="inputs (default: stdin)")
    p.add_argument("-o", "--output", metavar="OUT.jsonl", help="output file (default: stdout)")
    p.add_argument("--id-field", default="id", help="name of the id field (default: id)")
    p.add_argument("--text-field", default="text", help="name of the text field (default: text)")
    p.add_argument("--keep-fields", action="store_true",
                   help="copy the input's other fields into each output record")
    p.add_argument("--max-line-bytes", type=positive, default=64 << 20, metavar="N",
                   help="longer lines become error records without being read into memory "
                   "(default: 64 MiB)")
    add_common(p)
    p.set_defaults(run=run)
    return p


def _lines(inputs: list[str], max_bytes: int, on_error: Callable[[str], None]) -> Iterator[Line]:
    from ..pipeline.textio import read_lines

    named = len(inputs) > 1
    for source in inputs:
        label = ("<stdin>" if source == "-" else source) if named else ""
        if source == "-":
            yield from read_lines(sys.stdin.buffer, max_bytes, label)
            continue
        try:
            f = open(source, "rb")
        except OSError as error:
            on_error(f"{source}: cannot read: {error.strerror or error}")
            continue
        with f:
            try:
                yield from read_lines(f, max_bytes, label)
            except OSError as error:
                on_error(f"{source}: read error: {error.strerror or error}; the rest of it is "
                         "missing")


def run(args: argparse.Namespace) -> int:
    from ..pipeline.progress import Progress
    from ..pipeline.records import JsonlFields, lost_jsonl, render_jsonl
    from ..pipeline.workers import batched, ordered_map, resolve_jobs

    job = render_job(args)
    status = check_job(job)
    if status is not None:
        return status
    inputs = args.inputs or ["-"]
    clash = same_as_any(args.output, inputs)
    if clash is not None:
        err(f"refusing to overwrite the input {clash} (choose another -o)")
        return EXIT_USAGE
    total = sum(os.path.getsize(p) for p in inputs if p != "-" and os.path.isfile(p))
    out = open_output(args.output)
    if out is None:
        return EXIT_OUTPUT
    progress = Progress("jsonl", "records", total_bytes=total or None, quiet=args.quiet)
    reporter = Reporter(progress)
    unreadable: list[str] = []

    def input_error(message: str) -> None:
        unreadable.append(message)
        progress.message(f"{PROG}: {message}")

    fields = JsonlFields(args.id_field, args.text_field, args.keep_fields)
    lines = _lines(inputs, args.max_line_bytes, input_error)
    batches = batched(lines, max_items=64, max_weight=1 << 20, weight=lambda line: line.size)
    work = partial(render_jsonl, job=job, fields=fields, max_bytes=args.max_line_bytes)

    def restarted(batch: list[Line], reason: str) -> None:
        progress.message(f"{PROG}: note: a worker process died ({reason}) on lines "
                         f"{batch[0].number}-{batch[-1].number}; a new worker converts them again")

    try:
        results = ordered_map(work, batches, jobs=resolve_jobs(args.jobs),
                              on_lost=lambda batch, reason: lost_jsonl(batch, fields, reason),
                              on_restart=restarted)
        with closing(results):
            for rendered in results:
                out.write_lines(rendered.lines)
                for message in rendered.messages:
                    reporter.error(message)
                progress.update(items=len(rendered.lines), errors=rendered.errors,
                                bytes_inc=rendered.size)
        out.commit()
    except BaseException as error:
        out.discard()
        progress.close()
        if isinstance(error, OSError) and out.file is not None:
            return output_failed(out, error)
        raise
    progress.finish()
    return EXIT_INPUT if progress.errors or unreadable else EXIT_OK
