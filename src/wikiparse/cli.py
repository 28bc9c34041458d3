"""The ``wikiparse`` command: convert files, JSON lines and XML dumps; list formats; outline.

Every command reads UTF-8, writes outputs atomically (a temporary file renamed into place, so an
output is complete or absent), never overwrites an input, and reports each failed input on
stderr while converting the others.  ``main(argv)`` returns the exit status (see ``EXIT_CODES``).
"""

from __future__ import annotations

import argparse
import errno
import os
import signal
import sys
import textwrap
from contextlib import closing
from dataclasses import dataclass
from functools import partial
from types import FrameType
from typing import TYPE_CHECKING, Any, BinaryIO, Callable, Iterable, Iterator

from . import DIALECTS, __version__

if TYPE_CHECKING:
    from .pipeline.dumps import PageFilter
    from .pipeline.progress import Progress
    from .pipeline.records import Rendered
    from .pipeline.render import RenderJob
    from .pipeline.textio import Line

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_DAMAGED = 3
EXIT_OUTPUT = 4
EXIT_MISSING = 5
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143

EXIT_CODES = {
    EXIT_OK: "success: every input was converted",
    EXIT_INPUT: "some inputs failed (each one reported on stderr; all the others were converted)",
    EXIT_USAGE: "usage error: bad option, unknown format, an output that would overwrite an input",
    EXIT_DAMAGED: "a dump is truncated or corrupt: stopped there; the output holds every record "
    "converted before the damage",
    EXIT_OUTPUT: "an output cannot be written (folder not writable, disk full): nothing is left "
    "half-written",
    EXIT_MISSING: "a needed component is unavailable: a format or module not installed, or the "
    "Dask scheduler cannot be reached",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C); no partial output file is left",
    EXIT_TERMINATED: "terminated (SIGTERM); no partial output file is left",
}

_PROG = "wikiparse"
_MAX_REPORTED = 20  # error messages printed per run for record streams (all are in the output)


def _exit_code_help() -> str:
    return "exit status:\n" + "\n".join(
        textwrap.fill(text, width=88, initial_indent=f"  {code:<4} ", subsequent_indent=" " * 7)
        for code, text in sorted(EXIT_CODES.items())
    )


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


class _Terminated(BaseException):
    """SIGTERM, turned into an exception so that temporary files are removed on the way out."""


# The signal that stopped this run, if any.  An exception raised by a signal handler can be lost
# (Python drops exceptions raised while a finaliser runs), so outputs check this before they are
# committed: a run that was interrupted never publishes an output.
_stopped_by: list[int] = []


def _on_signal(signum: int, frame: FrameType | None) -> None:
    first = not _stopped_by
    _stopped_by.append(signum)
    if first or signum == signal.SIGINT:
        raise KeyboardInterrupt() if signum == signal.SIGINT else _Terminated()


def _check_not_stopped() -> None:
    if _stopped_by:
        raise KeyboardInterrupt() if _stopped_by[0] == signal.SIGINT else _Terminated()


def _install_handlers() -> list[tuple[int, Any]]:
    previous: list[tuple[int, Any]] = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            current = signal.getsignal(signum)
            if current is signal.SIG_IGN:  # e.g. started in the background: keep ignoring it
                continue
            previous.append((signum, signal.signal(signum, _on_signal)))
        except (ValueError, OSError):  # not the main thread
            continue
    return previous


def _err(message: str) -> None:
    print(f"{_PROG}: {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------- argument parser


def _int_at_least(value: str, minimum: int, message: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if number < minimum:
        raise argparse.ArgumentTypeError(message)
    return number


def _jobs(value: str) -> int:
    return _int_at_least(value, 0, "must be 0 (one per core) or more")


def _positive(value: str) -> int:
    return _int_at_least(value, 1, "must be 1 or more")


def _namespaces(value: str) -> frozenset[int]:
    try:
        return frozenset(int(part) for part in value.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected namespace numbers like 0 or 0,14: {value!r}"
        ) from None


def _common(p: argparse.ArgumentParser, *, dialect: bool = True) -> None:
    p.add_argument("-t", "--to", dest="fmt", default="html", metavar="FORMAT",
                   help="output format: html, text, json, pandoc-json, wikitext, or a plugin's "
                   "(see 'wikiparse formats'; default: html)")
    if dialect:
        p.add_argument("--dialect", choices=DIALECTS, default="wikitext",
                       help="input: wikitext (default), rendered (a page as copied from a "
                       "browser) or auto (detect)")
    p.add_argument("--lang", metavar="CODE",
                   help="wiki language for namespace names and image options (default: en; "
                   "for dumps, the dump's own)")
    p.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                   help="worker processes (default 1; 0 = one per CPU core); the output is the "
                   "same, byte for byte, for any N")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar and no summary line (errors are still reported)")


def build_parser() -> argparse.ArgumentParser:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog=_PROG,
        description="Parse MediaWiki markup (or rendered wiki pages) and render it as HTML, "
        "plain text, JSON or wikitext: single files, folders, JSON lines and XML dumps.",
        epilog=_EXAMPLES + "\n" + _exit_code_help(),
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"{_PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    convert = sub.add_parser(
        "convert", help="convert files, folders or stdin", formatter_class=formatter,
        description="Convert wikitext files.  With no input, or '-', read stdin; without -o, "
        "write stdout.  Folders are read recursively (hidden names skipped); with -o FOLDER the "
        "output mirrors the input tree, each file's suffix replaced by the format's (.html, "
        ".txt, .json, .pandoc.json, .wiki).",
        epilog=textwrap.dedent("""\
            examples:
              wikiparse convert -t text page.wiki                  (to stdout)
              cat page.wiki | wikiparse convert -t html -o page.html
              wikiparse convert -t html wiki/ -o html/ --jobs 0
              wikiparse convert -t json a.wiki b.wiki -o out/

            """) + _exit_code_help(),
    )
    convert.add_argument("inputs", nargs="*", metavar="FILE|DIR|-",
                         help="inputs (default: '-', standard input)")
    convert.add_argument("-o", "--output", metavar="OUT",
                         help="output file (one input) or folder (several inputs or a folder); "
                         "default: stdout")
    convert.add_argument("--suffix", help="suffix of output files in a folder "
                         "(default: the format's, e.g. .html)")
    convert.add_argument("--glob", metavar="PATTERN",
                         help="in folders, convert only file names matching PATTERN (e.g. '*.wiki')")
    _common(convert)
    convert.set_defaults(func=cmd_convert)

    jsonl = sub.add_parser(
        "jsonl", help="convert JSON lines {id, text} -> {id, FORMAT}", formatter_class=formatter,
        description="Read JSON lines, one object per line with an id and a text, and write one "
        "line per input line, in the same order: {\"id\": …, \"FORMAT\": …} (JSON formats as "
        "objects, others as strings).  A bad line gives {\"id\": …, \"line\": N, \"error\": …} and "
        "the stream goes on.",
        epilog=textwrap.dedent("""\
            examples:
              wikiparse jsonl -t text < pages.jsonl > texts.jsonl
              wikiparse jsonl -t html --id-field title --text-field wikitext a.jsonl -o out.jsonl

            """) + _exit_code_help(),
    )
    jsonl.add_argument("inputs", nargs="*", metavar="FILE|-", help="inputs (default: stdin)")
    jsonl.add_argument("-o", "--output", metavar="OUT.jsonl", help="output file (default: stdout)")
    jsonl.add_argument("--id-field", default="id", help="name of the id field (default: id)")
    jsonl.add_argument("--text-field", default="text", help="name of the text field (default: text)")
    jsonl.add_argument("--keep-fields", action="store_true",
                       help="copy the input's other fields into each output record")
    jsonl.add_argument("--max-line-bytes", type=_positive, default=64 << 20, metavar="N",
                       help="longer lines become error records without being read into memory "
                       "(default: 64 MiB)")
    _common(jsonl)
    jsonl.set_defaults(func=cmd_jsonl)

    dump = sub.add_parser(
        "dump", help="convert the pages of MediaWiki XML dumps to JSON lines",
        formatter_class=formatter,
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

            """) + _exit_code_help(),
    )
    dump.add_argument("dumps", nargs="+", metavar="DUMP", help="dump files ('-' for stdin)")
    dump.add_argument("-o", "--output", metavar="OUT.jsonl", help="output file (default: stdout)")
    dump.add_argument("--index", metavar="INDEX",
                      help="multistream index (…-multistream-index.txt.bz2) of the (single) dump")
    dump.add_argument("--namespaces", type=_namespaces, metavar="NS[,NS…]",
                      help="only pages in these namespaces (e.g. 0 for articles; default: all)")
    dump.add_argument("--redirects", choices=("keep", "skip"), default="keep",
                      help="keep (default) or skip redirect pages")
    dump.add_argument("--scheduler", metavar="ADDRESS",
                      help="run on this dask.distributed scheduler (e.g. tcp://host:8786) "
                      "instead of local processes; the dump paths must be readable by the workers")
    dump.add_argument("--scheduler-timeout", type=float, default=20.0, metavar="SECONDS",
                      help="how long to try to reach the scheduler (default 20)")
    _common(dump, dialect=False)
    dump.set_defaults(func=cmd_dump)

    formats = sub.add_parser("formats", help="list the output formats (registered emitters)")
    formats.set_defaults(func=cmd_formats)

    sub.add_parser("outline", help="outline of a rendered wiki page (see 'wikiparse outline "
                   "--help')", add_help=False)
    return parser


# ---------------------------------------------------------------------------- entry point


def main(argv: Iterable[str] | None = None) -> int:
    """Run the command line ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] == "outline":
        return _outline(args_list[1:])
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    _stopped_by.clear()
    previous = _install_handlers()
    try:
        status: int = args.func(args)
        _check_not_stopped()
        return status
    except KeyboardInterrupt:
        _err("interrupted; no partial output was left")
        return EXIT_INTERRUPTED
    except _Terminated:
        _err("terminated; no partial output was left")
        return EXIT_TERMINATED
    except BrokenPipeError:
        # the reader of stdout went away (e.g. `| head`): stop quietly
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_OK
    finally:
        for signum, handler in previous:
            signal.signal(signum, handler)


def _outline(argv: list[str]) -> int:
    import importlib

    try:
        module = importlib.import_module("wikiparse.rendered.outline")
    except ModuleNotFoundError as err:
        if err.name in ("wikiparse.rendered", "wikiparse.rendered.outline"):
            _err("outline: not available in this installation: the rendered-page outline "
                 "module (wikiparse.rendered.outline) is missing")
            return EXIT_MISSING
        _err(f"outline: cannot load wikiparse.rendered.outline: {err}")
        return EXIT_MISSING
    result = module.main(argv)
    return int(result) if result is not None else EXIT_OK


def cmd_formats(args: argparse.Namespace) -> int:
    from .emitters import emitters

    for name in emitters():
        print(name)
    return EXIT_OK


# ---------------------------------------------------------------------------- shared pieces


def _job(args: argparse.Namespace, lang: str | None = None,
         namespaces: Iterable[tuple[int, str]] = ()) -> RenderJob:
    from .pipeline.render import RenderJob, SiteSpec

    site = None
    names = tuple(namespaces)
    if lang or args.lang or names:
        site = SiteSpec(args.lang or lang or "en", names)
    return RenderJob(args.fmt, getattr(args, "dialect", "wikitext"), site)


def _check_job(job: RenderJob) -> int | None:
    """An exit status if the format cannot be used, else None."""
    from .pipeline.render import FormatUnavailable

    try:
        job.check()
    except FormatUnavailable as err:
        _err(str(err))
        return EXIT_USAGE if err.unknown else EXIT_MISSING
    return None


def _same_as_any(output: str | None, inputs: Iterable[str]) -> str | None:
    from .pipeline.atomic import same_file

    if output in (None, "-"):
        return None
    assert output is not None
    for path in inputs:
        if path != "-" and os.path.exists(path) and same_file(path, output):
            return path
    return None


class _Output:
    """A record stream's destination: stdout, or an atomically written file."""

    def __init__(self, path: str | None) -> None:
        from .pipeline.atomic import AtomicFile

        self.path = path
        self.lines = 0
        self.file: AtomicFile | None = None
        self.stream: BinaryIO
        if path in (None, "-"):
            self.stream = sys.stdout.buffer
        else:
            assert path is not None
            parent = os.path.dirname(path)
            if parent:
                try:
                    os.makedirs(parent, exist_ok=True)
                except FileExistsError:  # a file where the folder should be
                    raise NotADirectoryError(errno.ENOTDIR, "Not a directory", parent) from None
            self.file = AtomicFile(path)
            self.stream = self.file.file

    def write_lines(self, lines: list[str]) -> None:
        if lines:
            self.stream.write("".join(lines).encode("utf-8"))
            self.lines += len(lines)

    def commit(self) -> None:
        _check_not_stopped()
        if self.file is not None:
            self.file.commit()
        else:
            self.stream.flush()

    def discard(self) -> None:
        if self.file is not None:
            self.file.discard()


def _output_failed(out: _Output, err: OSError) -> int:
    """Report a failed write (the temporary file is already gone); stdout's closed pipe is
    passed on to ``main``, which stops quietly."""
    if out.file is None:
        if isinstance(err, BrokenPipeError):
            raise err
        _err(f"cannot write stdout: {err.strerror or err}")
    else:
        _err(f"cannot write {out.path}: {err.strerror or err}; {out.path} was not written")
    return EXIT_OUTPUT


def _open_output(path: str | None) -> _Output | None:
    try:
        return _Output(path)
    except OSError as err:
        _err(f"cannot write {path}: {err.strerror or err}")
        return None


@dataclass
class _Reporter:
    """Prints the first error messages of a record stream; the rest are only counted."""

    progress: Progress
    limit: int = _MAX_REPORTED
    shown: int = 0

    def error(self, message: str) -> None:
        self.shown += 1
        if self.shown <= self.limit:
            self.progress.message(f"{_PROG}: {message}")
        elif self.shown == self.limit + 1:
            self.progress.message(f"{_PROG}: (more errors: see the error records in the output)")


# ---------------------------------------------------------------------------- convert


@dataclass(frozen=True)
class _Converted:
    output: str | None
    error: str | None
    note: str | None
    size: int


def _convert_one(item: tuple[str, bytes | None], job: RenderJob) -> _Converted:
    """Read (unless given), decode and render one input; runs in a worker."""
    from .pipeline.render import describe_error
    from .pipeline.textio import InputError, decode_utf8, read_bytes

    source, data = item
    name = "<stdin>" if source == "-" else source
    size = 0
    try:
        if data is None:
            data = read_bytes(source)
        size = len(data)
        text = decode_utf8(data, name)
    except InputError as err:
        return _Converted(None, str(err), None, size)
    note = f"{name}: empty input (converted to an empty document)" if not text else None
    try:
        return _Converted(job.render_text(text), None, note, size)
    except Exception as err:
        return _Converted(None, f"{name}: conversion failed: {describe_error(err)}", None, size)


def cmd_convert(args: argparse.Namespace) -> int:
    from .pipeline.atomic import write_atomic
    from .pipeline.files import PlanError, ensure_parent, plan_convert
    from .pipeline.progress import Progress
    from .pipeline.render import output_suffix
    from .pipeline.workers import ordered_map, resolve_jobs

    job = _job(args)
    status = _check_job(job)
    if status is not None:
        return status
    try:
        plan = plan_convert(args.inputs, args.output, suffix=args.suffix or output_suffix(args.fmt),
                            pattern=args.glob)
    except PlanError as err:
        _err(str(err))
        return EXIT_USAGE
    for note in plan.notes:
        _err(note)
    if not plan.tasks and not plan.problems:
        _err("no input files found")
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
        progress.message(f"{_PROG}: {problem}")
        progress.update(items=1, errors=1)
        failed += 1

    items: list[tuple[str, bytes | None]] = []
    for task in plan.tasks:
        items.append((task.source, sys.stdin.buffer.read() if task.source == "-" else None))
    stdout_outputs = 0
    last_newline = True
    status = EXIT_OK
    results = ordered_map(partial(_convert_one, job=job), items, jobs=resolve_jobs(args.jobs))
    with closing(results):
        for task, result in zip(plan.tasks, results):
            if result.note:
                progress.message(f"{_PROG}: note: {result.note}")
            if result.error is not None:
                progress.message(f"{_PROG}: {result.error}; not converted")
                progress.update(items=1, errors=1, bytes_inc=result.size)
                failed += 1
                continue
            assert result.output is not None
            data = result.output.encode("utf-8")
            if task.target is None:
                if stdout_outputs and not last_newline:
                    sys.stdout.buffer.write(b"\n")
                sys.stdout.buffer.write(data)
                sys.stdout.buffer.flush()
                stdout_outputs += 1
                last_newline = data.endswith(b"\n") or not data
            else:
                try:
                    ensure_parent(task.target)
                    _check_not_stopped()
                    write_atomic(task.target, data)
                except OSError as err:
                    progress.message(
                        f"{_PROG}: cannot write {err.filename or task.target}: "
                        f"{err.strerror or err}; stopped (every output written so far is complete)"
                    )
                    status = EXIT_OUTPUT
                    break
            progress.update(items=1, bytes_inc=result.size)
    if status == EXIT_OK and failed:
        status = EXIT_INPUT
    progress.finish()
    return status


# ---------------------------------------------------------------------------- jsonl


def _jsonl_lines(inputs: list[str], max_bytes: int, on_error: Callable[[str], None]
                 ) -> Iterator[Line]:
    from .pipeline.textio import read_lines

    named = len(inputs) > 1
    for source in inputs:
        label = ("<stdin>" if source == "-" else source) if named else ""
        if source == "-":
            yield from read_lines(sys.stdin.buffer, max_bytes, label)
            continue
        try:
            f = open(source, "rb")
        except OSError as err:
            on_error(f"{source}: cannot read: {err.strerror or err}")
            continue
        with f:
            try:
                yield from read_lines(f, max_bytes, label)
            except OSError as err:
                on_error(f"{source}: read error: {err.strerror or err}; the rest of it is missing")


def cmd_jsonl(args: argparse.Namespace) -> int:
    from .pipeline.progress import Progress
    from .pipeline.records import JsonlFields, render_jsonl
    from .pipeline.workers import batched, ordered_map, resolve_jobs

    job = _job(args)
    status = _check_job(job)
    if status is not None:
        return status
    inputs = args.inputs or ["-"]
    clash = _same_as_any(args.output, inputs)
    if clash is not None:
        _err(f"refusing to overwrite the input {clash} (choose another -o)")
        return EXIT_USAGE
    total = sum(os.path.getsize(p) for p in inputs if p != "-" and os.path.isfile(p))
    out = _open_output(args.output)
    if out is None:
        return EXIT_OUTPUT
    progress = Progress("jsonl", "records", total_bytes=total or None, quiet=args.quiet)
    reporter = _Reporter(progress)
    unreadable: list[str] = []

    def input_error(message: str) -> None:
        unreadable.append(message)
        progress.message(f"{_PROG}: {message}")

    fields = JsonlFields(args.id_field, args.text_field, args.keep_fields)
    lines = _jsonl_lines(inputs, args.max_line_bytes, input_error)
    batches = batched(lines, max_items=64, max_weight=1 << 20,
                      weight=lambda line: line.size)
    work = partial(render_jsonl, job=job, fields=fields, max_bytes=args.max_line_bytes)
    try:
        results = ordered_map(work, batches, jobs=resolve_jobs(args.jobs))
        with closing(results):
            for rendered in results:
                out.write_lines(rendered.lines)
                for message in rendered.messages:
                    reporter.error(message)
                progress.update(items=len(rendered.lines), errors=rendered.errors,
                                bytes_inc=rendered.size)
        out.commit()
    except OSError as err:
        out.discard()
        progress.close()
        return _output_failed(out, err)
    except BaseException:
        out.discard()
        progress.close()
        raise
    progress.finish()
    return EXIT_INPUT if progress.errors or unreadable else EXIT_OK


# ---------------------------------------------------------------------------- dump


def cmd_dump(args: argparse.Namespace) -> int:
    from .pipeline.dumps import DumpError, PageFilter, Unavailable
    from .pipeline.progress import Progress

    if args.index and len(args.dumps) != 1:
        _err("--index goes with exactly one dump")
        return EXIT_USAGE
    if args.index and args.dumps == ["-"]:
        _err("--index needs a dump file, not stdin (streams are read by seeking)")
        return EXIT_USAGE
    if args.dumps.count("-") > 1:
        _err("'-' (standard input) can be given only once")
        return EXIT_USAGE
    if args.scheduler and "-" in args.dumps:
        _err("--scheduler needs dump files that the workers can read, not stdin")
        return EXIT_USAGE
    clash = _same_as_any(args.output, [*args.dumps, *([args.index] if args.index else [])])
    if clash is not None:
        _err(f"refusing to overwrite the input {clash} (choose another -o)")
        return EXIT_USAGE
    for path in [*args.dumps, *([args.index] if args.index else [])]:
        if path != "-" and not os.path.exists(path):
            _err(f"{path}: no such file")
            return EXIT_INPUT
    status = _check_job(_job(args))
    if status is not None:
        return status
    page_filter = PageFilter(args.namespaces, args.redirects)
    total = sum(os.path.getsize(p) for p in args.dumps if p != "-" and os.path.isfile(p))
    out = _open_output(args.output)
    if out is None:
        return EXIT_OUTPUT
    progress = Progress("dump", "pages", total_bytes=total or None, quiet=args.quiet)
    reporter = _Reporter(progress)
    run = _dump_on_cluster if args.scheduler else _dump_locally
    try:
        try:
            damage = run(args, page_filter, out, progress, reporter)
        except DumpError as err:  # damage found before any page of that dump was read
            damage = str(err)
        if damage is not None and not out.lines:
            out.discard()
        else:
            out.commit()
    except Unavailable as err:
        out.discard()
        progress.close()
        _err(str(err))
        return EXIT_MISSING
    except OSError as err:
        out.discard()
        progress.close()
        return _output_failed(out, err)
    except BaseException:
        out.discard()
        progress.close()
        raise
    if damage is not None:
        progress.close()
        if out.lines:
            _err(f"{damage}; stopped: the {out.lines} records converted before it are kept in "
                 f"{args.output or 'stdout'}")
        else:
            written = f", {args.output} was not written" if out.file is not None else ""
            _err(f"{damage}; stopped: nothing was converted{written}")
        progress.finish(note="stopped at a damaged dump")
        return EXIT_DAMAGED
    progress.finish()
    return EXIT_INPUT if progress.errors else EXIT_OK


def _write_rendered(rendered: Rendered, out: _Output, progress: Progress,
                    reporter: _Reporter, bytes_done: int | None = None) -> None:
    out.write_lines(rendered.lines)
    for message in rendered.messages:
        reporter.error(message)
    if bytes_done is not None:
        progress.update(items=len(rendered.lines), errors=rendered.errors, bytes_done=bytes_done)
    else:
        progress.update(items=len(rendered.lines), errors=rendered.errors,
                        bytes_inc=rendered.size)


def _dump_locally(args: argparse.Namespace, page_filter: PageFilter, out: _Output,
                  progress: Progress, reporter: _Reporter) -> str | None:
    """Convert the dumps with local worker processes; returns a damage message or None."""
    from .pipeline.dumps import DumpError, DumpReader, plan_streams, read_site_info
    from .pipeline.records import render_pages, render_stream
    from .pipeline.workers import batched, ordered_map, resolve_jobs

    jobs = resolve_jobs(args.jobs)
    done_before = 0  # compressed bytes of the dumps already converted
    for path in args.dumps:
        if args.index:
            info = read_site_info(path)
            job = _job(args, info.lang, info.site_spec().namespaces)
            specs = plan_streams(path, args.index)
            work = partial(render_stream, header=info.header, page_filter=page_filter, job=job)
            results = ordered_map(work, specs, jobs=jobs)
            with closing(results):
                for rendered in results:
                    _write_rendered(rendered, out, progress, reporter)
                    if rendered.fatal is not None:
                        return rendered.fatal
            continue
        with DumpReader(path, page_filter) as reader:
            assert reader.site_info is not None
            job = _job(args, reader.site_info.lang, reader.site_info.site_spec().namespaces)
            batches = batched(reader.pages(), max_items=16, max_weight=1 << 18,
                              weight=lambda page: len(page["text"] or ""))
            results = ordered_map(partial(render_pages, job=job), batches, jobs=jobs)
            try:
                with closing(results):
                    for rendered in results:
                        _write_rendered(rendered, out, progress, reporter,
                                        bytes_done=done_before + reader.position)
            except DumpError as err:
                return str(err)
            done_before += reader.size
    return None


def _dump_on_cluster(args: argparse.Namespace, page_filter: PageFilter, out: _Output,
                     progress: Progress, reporter: _Reporter) -> str | None:
    """Convert the dumps on a dask.distributed cluster; returns a damage message or None."""
    from .dask import connect, rendered_partitions

    from .pipeline.dumps import DumpError, Unavailable

    client = connect(args.scheduler, timeout=f"{args.scheduler_timeout}s")
    try:
        for path in args.dumps:
            if not args.index:
                progress.message(f"{_PROG}: note: {path} has no --index: the whole dump is one "
                                 "task on one worker (use a multistream dump and its index)")
            results = rendered_partitions(client, path, index=args.index,
                                          page_filter=page_filter, fmt=args.fmt, lang=args.lang)
            while True:
                try:
                    rendered = next(results)
                except StopIteration:
                    break
                except DumpError:
                    raise
                except Exception as err:  # the cluster failed, not the dump or the output
                    raise Unavailable(f"the Dask cluster at {args.scheduler} failed: "
                                      f"{type(err).__name__}: {err}") from None
                _write_rendered(rendered, out, progress, reporter)
                if rendered.fatal is not None:
                    results.close()
                    return rendered.fatal
    finally:
        client.close()
    return None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
