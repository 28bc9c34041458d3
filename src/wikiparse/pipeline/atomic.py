"""Atomic output files: write to a temporary file beside the target, then rename it into place.

A reader never sees a half-written output: until :meth:`AtomicFile.commit` the data lives in a
hidden ``.NAME.XXXXXX.tmp`` file in the target's folder (same file system, so the final
``os.replace`` is atomic); any exception, ``KeyboardInterrupt`` included, removes it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

_UMASK: int | None = None


def _default_mode() -> int:
    """The permissions an ordinary ``open(path, "w")`` would give (0666 less the umask)."""
    global _UMASK
    if _UMASK is None:
        current = os.umask(0)
        os.umask(current)
        _UMASK = current
    return 0o666 & ~_UMASK


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """True when ``a`` and ``b`` name the same file (existing or not: compared by real path)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


class AtomicFile:
    """A binary file that appears at ``path`` only when committed.

    Use as a context manager: leaving the block normally commits, leaving it with an exception
    discards the temporary file.  ``commit()`` may also be called early (e.g. to keep the records
    converted before a corrupt part of an input).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        folder = self.path.parent
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
        self.tmp_path = Path(tmp)
        try:
            os.chmod(fd, _default_mode())
            self.file: BinaryIO = os.fdopen(fd, "wb")
        except BaseException:
            os.close(fd)
            self.tmp_path.unlink(missing_ok=True)
            raise
        self.done = False

    def write(self, data: bytes) -> int:
        return self.file.write(data)

    def commit(self) -> None:
        """Flush to disk and rename into place."""
        if self.done:
            return
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()
            os.replace(self.tmp_path, self.path)
        except BaseException:
            self.discard()
            raise
        self.done = True

    def discard(self) -> None:
        """Remove the temporary file; the target is left as it was."""
        if self.done:
            return
        self.done = True
        try:
            self.file.close()
        except OSError:
            pass
        self.tmp_path.unlink(missing_ok=True)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.discard()


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (all or nothing)."""
    with AtomicFile(path) as out:
        out.write(data)
