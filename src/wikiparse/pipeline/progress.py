"""Progress on stderr: a live bar when stderr is a terminal, and a one-line summary at the end.

The bar (tqdm) shows the share of input bytes read, MB done and total, elapsed time and ETA, and
the items done (pages, files, records) with their rate.  It is drawn only when stderr is a
terminal and ``--quiet`` is not given, so logs and pipes get no control characters; the summary
line (items, errors, seconds) is printed unless ``--quiet``.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any, TextIO


class Progress:
    def __init__(
        self,
        command: str,
        unit: str,
        *,
        total_bytes: int | None,
        quiet: bool = False,
        stream: TextIO | None = None,
    ) -> None:
        self.command = command
        self.unit = unit
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.items = 0
        self.errors = 0
        self.bytes_done = 0
        self.started = time.perf_counter()
        self._bar: Any = None
        if not quiet and _isatty(self.stream):
            self._bar = _make_bar(command, total_bytes or None, self.stream)

    def update(self, *, items: int = 0, errors: int = 0, bytes_done: int | None = None,
               bytes_inc: int = 0) -> None:
        """Count ``items`` more done (``errors`` of them failed); input read up to
        ``bytes_done`` (or ``bytes_inc`` more)."""
        self.items += items
        self.errors += errors
        new = self.bytes_done + bytes_inc if bytes_done is None else bytes_done
        step = max(0, new - self.bytes_done)
        self.bytes_done = max(self.bytes_done, new)
        if self._bar is not None:
            rate = self.items / max(time.perf_counter() - self.started, 1e-9)
            errors_note = f", {self.errors} errors" if self.errors else ""
            self._bar.set_postfix_str(
                f"{self.items:,} {self.unit}, {rate:,.1f} {self.unit}/s{errors_note}", refresh=False
            )
            self._bar.update(step)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def summary_line(self, note: str = "") -> str:
        errors = "1 error" if self.errors == 1 else f"{self.errors:,} errors"
        unit = self.unit[:-1] if self.items == 1 and self.unit.endswith("s") else self.unit
        seconds = self.seconds
        rate = f", {self.items / seconds:,.1f} {self.unit}/s" if seconds > 0 and self.items else ""
        tail = f"; {note}" if note else ""
        return (f"wikiparse {self.command}: {self.items:,} {unit}, {errors}, "
                f"{seconds:.2f} s{rate}{tail}")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def finish(self, note: str = "") -> None:
        """Remove the bar and print the summary line (unless quiet)."""
        self.close()
        if not self.quiet:
            print(self.summary_line(note), file=self.stream, flush=True)

    def message(self, text: str) -> None:
        """Print a line on stderr without breaking the bar (errors are printed even when quiet)."""
        if self._bar is not None:
            self._bar.write(text, file=self.stream)
        else:
            print(text, file=self.stream, flush=True)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _make_bar(command: str, total: int | None, stream: TextIO) -> Any:
    try:
        from tqdm import tqdm
    except ImportError:  # tqdm is a dependency; a broken install only loses the bar
        return None
    if total:
        fmt = ("{desc} {percentage:3.0f}%|{bar:24}| {n_fmt}B/{total_fmt}B "
               "[{elapsed}<{remaining}{postfix}]")
    else:
        fmt = "{desc} {n_fmt}B [{elapsed}{postfix}]"
    tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked later
    try:
        size = os.get_terminal_size(stream.fileno())
        columns, rows = size.columns, size.lines
    except (OSError, ValueError, AttributeError):
        columns = rows = 0
    sized = columns > 0  # a terminal that reports no size (a new pty) gets 100 x 24
    return tqdm(
        total=total, unit="B", unit_scale=True, file=stream, desc=f"wikiparse {command}",
        bar_format=fmt, dynamic_ncols=sized, ncols=None if sized else 100,
        nrows=rows if rows > 0 else 24, mininterval=0.2, leave=False,
    )
