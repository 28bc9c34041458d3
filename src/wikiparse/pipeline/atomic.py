"""Atomic output files: write to a temporary file beside the target, then rename it into place.

A reader never sees a half-written output: until :meth:`AtomicFile.commit` the data lives in a
hidden ``.NAME.PID.XXXXXXXX.tmp`` file in the target's folder (same file system, so the final
``os.replace`` is atomic); any exception, ``KeyboardInterrupt`` included, removes it.  Only a
process killed outright (``kill -9``, the OOM killer, a power cut) leaves one behind; the PID in
its name tells the next run that its writer is gone, so that run removes it
(:func:`remove_stale_temporaries`) or continues it (:meth:`AtomicFile.resume`).
"""

from __future__ import annotations

import os
import re
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


# Temporary files neither committed nor discarded yet: a run stopped by a signal removes them
# (discard_unfinished), whatever it was doing when the signal came.
_UNFINISHED: set[AtomicFile] = set()


def discard_unfinished() -> int:
    """Discard every :class:`AtomicFile` of this process not yet committed (for a run stopped
    by Ctrl-C or SIGTERM); returns how many there were."""
    files = list(_UNFINISHED)
    for file in files:
        file.discard()
    return len(files)


_TEMPORARY = re.compile(r"\.(?P<name>.+)\.(?P<pid>[0-9]+)\.[A-Za-z0-9_]+\.tmp\Z")


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def stale_temporaries(folder: str | os.PathLike[str], name: str | None = None) -> list[Path]:
    """The temporary files in ``folder`` (of the output ``name``, or of any) whose writing
    process is no longer running, newest first."""
    found: list[tuple[float, Path]] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        match = _TEMPORARY.match(entry.name)
        if match is None or (name is not None and match.group("name") != name):
            continue
        if _running(int(match.group("pid"))):
            continue
        try:
            found.append((entry.stat(follow_symlinks=False).st_mtime, Path(entry.path)))
        except OSError:
            continue
    return [path for _, path in sorted(found, key=lambda pair: pair[0], reverse=True)]


def remove_stale_temporaries(folder: str | os.PathLike[str], name: str | None = None) -> int:
    """Remove what :func:`stale_temporaries` finds; returns how many were removed."""
    removed = 0
    for path in stale_temporaries(folder, name):
        try:
            path.unlink()
            removed += 1
        except OSError:
            continue
    return removed


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

    def __init__(self, path: str | os.PathLike[str], *, resume: Path | None = None,
                 keep: int = 0) -> None:
        self.path = Path(path)
        folder = self.path.parent
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.{os.getpid()}.", suffix=".tmp",
                                   dir=folder)
        self.tmp_path = Path(tmp)
        self.done = False
        try:
            _UNFINISHED.add(self)
            os.chmod(fd, _default_mode())
            if resume is not None:  # take the stale file over under this process's name
                os.close(fd)
                fd = -1
                os.replace(resume, self.tmp_path)
                self.file: BinaryIO = open(self.tmp_path, "r+b")
                self.file.truncate(keep)
                self.file.seek(keep)
            else:
                self.file = os.fdopen(fd, "wb")
        except BaseException:
            _UNFINISHED.discard(self)
            if fd >= 0:
                os.close(fd)
            self.tmp_path.unlink(missing_ok=True)
            raise

    @classmethod
    def resume(cls, path: str | os.PathLike[str], stale: Path, keep: int) -> AtomicFile:
        """Continue the stale temporary file ``stale`` of ``path`` (left by a killed run): its
        first ``keep`` bytes are kept, writing goes on after them."""
        return cls(path, resume=stale, keep=keep)

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
        _UNFINISHED.discard(self)

    def discard(self) -> None:
        """Remove the temporary file; the target is left as it was."""
        if self.done:
            return
        self.abandon()
        self.tmp_path.unlink(missing_ok=True)

    def abandon(self) -> None:
        """Close the temporary file and leave it where it is (a later run may resume it)."""
        if self.done:
            return
        self.done = True
        _UNFINISHED.discard(self)
        try:
            self.file.close()
        except OSError:
            pass

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
