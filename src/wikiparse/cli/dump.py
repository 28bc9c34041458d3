"""``wikiparse dump``: the pages of MediaWiki XML dumps to JSON lines, locally or on Dask."""

from __future__ import annotations

import argparse
import os
import textwrap
from contextlib import closing
from functools import partial
from typing import TYPE_CHECKING, Iterable

from .arguments import FORMATTER, add_common, check_job, namespaces, render_job
from .exits import (
    EXIT_DAMAGED,
    EXIT_INPUT,
    EXIT_MISSING,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_USAGE,
    exit_code_help,
)
from .output import PROG, RecordOutput, Reporter, err, open_output, output_failed, same_as_any

if TYPE_CHECKING:
    from ..pipeline.dumps import PageFilter
    from ..pipeline.progress import Progress
    from ..pipeline.records import Rendered
    from ..pipeline.resume import Partial
    from .arguments import Subparsers

NAME = "dump"
HELP = "convert the pages of MediaWiki XML dumps to JSON lines"


def add_parser(sub: Subparsers) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        NAME, help=HELP, formatter_class=FORMATTER,
        description="Stream the pages of XML dumps (plain, .bz2 or .gz; '-' for stdin) and write "
        "one JSON line per page, in dump order: {\"id\", \"title\", \"ns\", \"revision_id\", "
        "[\"redirect\"], FORMAT} (or \"error\" instead of FORMAT).  With --index, a multistream "
        "dump is split by bz2 stream and the streams are read in parallel.  The parser uses the "
        "dump's own namespace names and language.",
        epilog=textwrap.dedent("""\
            examples:
              wikiparse dump pages-articles.xml.bz2 -t text -o pages.jsonl --jobs 2
              wikiparse dump pages-articles-multistream.xml.bz2 \\
                  --index pages-articles-multistream-index.txt.bz2 -t html --jobs 0 -o out.jsonl
              wikiparse dump DUMP.xml.bz2 --index INDEX.txt.bz2 --scheduler tcp://10.0.0.5:8786 \\
                  -t text -o out.jsonl

            """) + exit_code_help(),
    )
    p.add_argument("dumps", nargs="+", metavar="DUMP", help="dump files ('-' for stdin)")
    p.add_argument("-o", "--output", metavar="OUT.jsonl", help="output file (default: stdout)")
    p.add_argument("--index", metavar="INDEX",
                   help="multistream index (…-multistream-index.txt.bz2) of the (single) dump")
    p.add_argument("--namespaces", type=namespaces, metavar="NS[,NS…]",
                   help="only pages in these namespaces (e.g. 0 for articles; default: all)")
    p.add_argument("--redirects", choices=("keep", "skip"), default="keep",
                   help="keep (default) or skip redirect pages")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on this dask.distributed scheduler (e.g. tcp://host:8786) "
                   "instead of local processes; the dump paths must be readable by the workers")
    p.add_argument("--scheduler-timeout", type=float, default=20.0, metavar="SECONDS",
                   help="how long to try to reach the scheduler (default 20)")
    p.add_argument("--expand", action="store_true",
                   help="expand templates, taking them from the dump itself (a first pass "
                   "copies its Template and Module pages into a SQLite file)")
    p.add_argument("--templates-db", metavar="DB",
                   help="with --expand: keep the SQLite file of templates here (default: a "
                   "temporary file)")
    p.add_argument("--resume", action="store_true",
                   help="continue what a killed run (kill -9, out of memory) left of -o FILE: "
                   "its records are kept, the pages they cover skipped; give the same dump "
                   "and options (the result is byte for byte one uninterrupted run's)")
    add_common(p, dialect=False)
    p.set_defaults(run=run)
    return p


def _usage_problem(args: argparse.Namespace) -> str | None:
    if args.index and len(args.dumps) != 1:
        return "--index goes with exactly one dump"
    if args.index and args.dumps == ["-"]:
        return "--index needs a dump file, not stdin (streams are read by seeking)"
    if args.dumps.count("-") > 1:
        return "'-' (standard input) can be given only once"
    if args.scheduler and "-" in args.dumps:
        return "--scheduler needs dump files that the workers can read, not stdin"
    if (args.expand or args.templates) and args.scheduler:
        return "--expand and --templates run with local workers, not --scheduler"
    if args.expand and args.templates:
        return "--expand takes the templates from the dump; leave out --templates"
    if args.expand and "-" in args.dumps:
        return "--expand reads the dump twice: it needs a file, not stdin"
    clash = same_as_any(args.output, [*args.dumps, *([args.index] if args.index else [])])
    if clash is not None:
        return f"refusing to overwrite the input {clash} (choose another -o)"
    if args.resume and args.output in (None, "-"):
        return "--resume needs -o FILE (the output of the run to continue)"
    if args.resume and (args.scheduler or len(args.dumps) != 1):
        return "--resume goes with one dump converted by local workers (not --scheduler)"
    return None


def run(args: argparse.Namespace) -> int:
    from ..pipeline.dumps import DumpError, PageFilter, Unavailable
    from ..pipeline.progress import Progress
    from ..pipeline.resume import ResumeMismatch, find_partial

    problem = _usage_problem(args)
    if problem is not None:
        err(problem)
        return EXIT_USAGE
    for path in [*args.dumps, *([args.index] if args.index else [])]:
        if path != "-" and not os.path.exists(path):
            err(f"{path}: no such file")
            return EXIT_INPUT
    status = check_job(render_job(args))
    if status is not None:
        return status
    page_filter = PageFilter(args.namespaces, args.redirects)
    total = sum(os.path.getsize(p) for p in args.dumps if p != "-" and os.path.isfile(p))
    resume = find_partial(args.output) if args.resume else None
    if args.resume:
        err(f"--resume: continuing {resume.temporary.name}: {resume.lines:,} records kept"
            if resume is not None else
            f"--resume: no partial output of {args.output} was left: converting from the start")
    out = open_output(args.output, resume)
    if out is None:
        return EXIT_OUTPUT
    progress = Progress("dump", "pages", total_bytes=total or None, quiet=args.quiet)
    reporter = Reporter(progress)
    try:
        try:
            if args.scheduler:
                damage = _on_cluster(args, page_filter, out, progress, reporter)
            else:
                damage = _locally(args, page_filter, out, progress, reporter, resume)
        except DumpError as error:  # damage found before any page of that dump was read
            damage = str(error)
        if damage is not None and not out.lines:
            out.discard()
        else:
            out.commit()
    except ResumeMismatch as error:
        out.abandon()
        progress.close()
        assert resume is not None
        err(f"--resume: the partial output of {args.output} ({resume.lines:,} records) does not "
            f"match: {error}; it is left as it was (run without --resume to start over)")
        return EXIT_USAGE
    except BaseException as error:
        out.discard()
        progress.close()
        if isinstance(error, Unavailable):
            err(str(error))
            return EXIT_MISSING
        if isinstance(error, OSError) and out.file is not None:
            return output_failed(out, error)
        raise
    if damage is not None:
        progress.close()
        if out.lines:
            err(f"{damage}; stopped: the {out.lines} records converted before it are kept in "
                f"{args.output or 'stdout'}")
        else:
            written = f", {args.output} was not written" if out.file is not None else ""
            err(f"{damage}; stopped: nothing was converted{written}")
        progress.finish(note="stopped at a damaged dump")
        return EXIT_DAMAGED
    progress.finish()
    return EXIT_INPUT if progress.errors else EXIT_OK


def _write(rendered: Rendered, out: RecordOutput, progress: Progress, reporter: Reporter,
           bytes_done: int | None = None) -> None:
    out.write_lines(rendered.lines)
    for message in rendered.messages:
        reporter.error(message)
    if bytes_done is not None:
        progress.update(items=len(rendered.lines), errors=rendered.errors, bytes_done=bytes_done)
    else:
        progress.update(items=len(rendered.lines), errors=rendered.errors,
                        bytes_inc=rendered.size)


def _locally(args: argparse.Namespace, page_filter: PageFilter, out: RecordOutput,
             progress: Progress, reporter: Reporter, resume: Partial | None) -> str | None:
    """Convert the dumps with local worker processes; returns a damage message or None.
    ``resume``: the records a killed run wrote, whose pages are skipped."""
    from ..pipeline.dumps import DumpError, DumpReader, plan_streams, read_site_info
    from ..pipeline.pages import PageRecord
    from ..pipeline.dumps import StreamSpec
    from ..pipeline.records import lost_pages, render_pages, render_stream
    from ..pipeline.resume import drop_through, skip_pages, streams_to_resume
    from ..pipeline.workers import WorkerLost, batched, ordered_map, resolve_jobs

    def stream_restarted(spec: StreamSpec, reason: str) -> None:
        progress.message(f"{PROG}: note: a worker process died ({reason}) on the stream at "
                         f"byte {spec.offset:,}; a new worker converts it again")

    def pages_restarted(pages: list[PageRecord], reason: str) -> None:
        progress.message(f"{PROG}: note: a worker process died ({reason}) on pages "
                         f"{pages[0]['id']}-{pages[-1]['id']}; a new worker converts them again")

    jobs = resolve_jobs(args.jobs)
    done_before = 0  # compressed bytes of the dumps already converted
    for path in args.dumps:
        if args.expand:
            args.templates = _templates_from_dump(args, path, progress)
        if args.index:
            info = read_site_info(path)
            job = render_job(args, info.lang, info.site_spec().namespaces)
            specs = plan_streams(path, args.index)
            first_to_trim = resume is not None and resume.lines > 0
            if resume is not None and resume.lines:
                specs = streams_to_resume(specs, resume.last_id)
            work = partial(render_stream, header=info.header, page_filter=page_filter, job=job)
            results = ordered_map(work, specs, jobs=jobs, on_restart=stream_restarted)
            try:
                with closing(results):
                    for rendered in results:
                        if first_to_trim:
                            assert resume is not None
                            rendered = drop_through(rendered, resume.last_line, args.fmt)
                            first_to_trim = False
                        _write(rendered, out, progress, reporter)
                        if rendered.fatal is not None:
                            return rendered.fatal
            except WorkerLost as lost:  # its pages are not known here: stop (exit 3)
                return (f"{path}: {lost} (the stream at byte {specs[lost.number].offset:,})")
            continue
        with DumpReader(path, page_filter) as reader:
            assert reader.site_info is not None
            job = render_job(args, reader.site_info.lang, reader.site_info.site_spec().namespaces)
            pages: Iterable[PageRecord] = reader.pages()
            if resume is not None and resume.lines:
                pages = skip_pages(pages, resume.lines, resume.last_line, job)
            batches = batched(pages, max_items=16, max_weight=1 << 18,
                              weight=lambda page: len(page["text"] or ""))
            results = ordered_map(partial(render_pages, job=job), batches, jobs=jobs,
                                  on_lost=lost_pages, on_restart=pages_restarted)
            try:
                with closing(results):
                    for rendered in results:
                        _write(rendered, out, progress, reporter,
                               bytes_done=done_before + reader.position)
            except DumpError as error:
                return str(error)
            done_before += reader.size
    return None


def _templates_from_dump(args: argparse.Namespace, path: str, progress: Progress) -> str:
    """First pass of ``--expand``: the dump's Template, Module and MediaWiki pages into SQLite."""
    import tempfile

    from ..expand.stores import sqlite_from_dump

    if args.templates_db:
        db = str(args.templates_db)
        if os.path.exists(db):
            os.remove(db)
    else:
        handle, db = tempfile.mkstemp(suffix=".templates.db")
        os.close(handle)
        os.remove(db)
        _remove_at_exit(db)
    store = sqlite_from_dump(path, db, namespaces=(8, 10, 828))
    progress.message(f"{PROG}: note: {path}: {len(store)} templates and modules read for --expand")
    store.close()
    return db


def _remove_at_exit(path: str) -> None:
    import atexit

    def remove() -> None:
        try:
            os.remove(path)
        except OSError:
            pass

    atexit.register(remove)


def _on_cluster(args: argparse.Namespace, page_filter: PageFilter, out: RecordOutput,
                progress: Progress, reporter: Reporter) -> str | None:
    """Convert the dumps on a dask.distributed cluster; returns a damage message or None."""
    from ..pipeline.dask import connect, rendered_partitions
    from ..pipeline.dumps import DumpError, Unavailable

    client = connect(args.scheduler, timeout=f"{args.scheduler_timeout}s")
    try:
        for path in args.dumps:
            if not args.index:
                progress.message(f"{PROG}: note: {path} has no --index: the whole dump is one "
                                 "task on one worker (use a multistream dump and its index)")
            results = rendered_partitions(client, path, index=args.index,
                                          page_filter=page_filter, fmt=args.fmt, lang=args.lang,
                                          options=args.render_options)
            while True:
                try:
                    rendered = next(results)
                except StopIteration:
                    break
                except DumpError:
                    raise
                except Exception as error:  # the cluster failed, not the dump or the output
                    raise Unavailable(f"the Dask cluster at {args.scheduler} failed: "
                                      f"{type(error).__name__}: {error}") from None
                _write(rendered, out, progress, reporter)
                if rendered.fatal is not None:
                    results.close()
                    return rendered.fatal
    finally:
        client.close()
    return None
