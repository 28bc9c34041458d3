"""Where the command writes: messages on stderr, results on stdout or in atomic files.

Standard output is written through :func:`write_stdout`, which turns a failed write (disk full,
``/dev/full``) into :class:`StdoutError`, so that ``main`` reports it with exit status 4 instead
of a traceback; a reader that went away (``| head``) stays a ``BrokenPipeError``, which ``main``
ends quietly.
"""

from __future__ import annotations

import errno
import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, Iterable

from .signals import check_not_stopped

if TYPE_CHECKING:
    from ..pipeline.atomic import AtomicFile
    from ..pipeline.progress import Progress
    from ..pipeline.resume import Partial

PROG = "wikiparse"
MAX_REPORTED = 20  # error messages printed per run for record streams (all are in the output)


def err(message: str) -> None:
    """One message on stderr, prefixed with the command's name."""
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)


class StdoutError(Exception):
    """Standard output cannot be written (not a closed pipe: that is ``BrokenPipeError``)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))
        self.error = error


def write_stdout(data: bytes) -> None:
    """Write ``data`` to standard output and flush it."""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise StdoutError(error) from None


def silence_stdout() -> None:
    """Point file descriptor 1 at ``/dev/null``, so that the interpreter's last flush of data
    that could not be written neither fails nor prints an error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


@dataclass
class Reporter:
    """Prints the first error messages of a record stream; the rest are only counted."""

    progress: Progress
    limit: int = MAX_REPORTED
    shown: int = 0

    def error(self, message: str) -> None:
        self.shown += 1
        if self.shown <= self.limit:
            self.progress.message(f"{PROG}: {message}")
        elif self.shown == self.limit + 1:
            self.progress.message(f"{PROG}: (more errors: see the error records in the output)")


def same_as_any(output: str | None, inputs: Iterable[str]) -> str | None:
    """The first of ``inputs`` that ``output`` would overwrite, if any."""
    from ..pipeline.atomic import same_file

    if output in (None, "-"):
        return None
    assert output is not None
    for path in inputs:
        if path != "-" and os.path.exists(path) and same_file(path, output):
            return path
    return None


class RecordOutput:
    """A record stream's destination: stdout, or an atomically written file.  Temporary files
    of the same output left by killed runs are removed, unless ``resume`` continues one."""

    def __init__(self, path: str | None, resume: Partial | None = None) -> None:
        from ..pipeline.atomic import AtomicFile, remove_stale_temporaries

        self.path = path
        self.lines = resume.lines if resume is not None else 0
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
            if resume is not None:
                self.file = AtomicFile.resume(path, resume.temporary, resume.size)
            else:
                remove_stale_temporaries(parent or ".", os.path.basename(path))
                self.file = AtomicFile(path)
            self.stream = self.file.file

    def write_lines(self, lines: list[str]) -> None:
        if lines:
            data = "".join(lines).encode("utf-8")
            if self.file is None:
                write_stdout(data)
            else:
                self.stream.write(data)
            self.lines += len(lines)

    def commit(self) -> None:
        check_not_stopped()
        if self.file is not None:
            self.file.commit()
        else:
            try:
                self.stream.flush()
            except BrokenPipeError:
                raise
            except OSError as error:
                raise StdoutError(error) from None

    def discard(self) -> None:
        if self.file is not None:
            self.file.discard()

    def abandon(self) -> None:
        """Stop, leaving the temporary file for a later ``--resume``."""
        if self.file is not None:
            try:
                self.file.file.flush()
            except OSError:
                pass
            self.file.abandon()


def output_failed(out: RecordOutput, error: OSError) -> int:
    """Report a failed write to an output file (its temporary file is already gone)."""
    from .exits import EXIT_OUTPUT

    err(f"cannot write {out.path}: {error.strerror or error}; {out.path} was not written")
    return EXIT_OUTPUT


def open_output(path: str | None, resume: Partial | None = None) -> RecordOutput | None:
    """The output for ``-o path`` (or stdout), or None after reporting why it cannot be had."""
    try:
        return RecordOutput(path, resume)
    except OSError as error:
        err(f"cannot write {path}: {error.strerror or error}")
        return None
