"""Ctrl-C and SIGTERM: turned into exceptions so that temporary files are removed on the way out.

An exception raised by a signal handler can be lost (Python drops exceptions raised while a
finaliser runs), so the signal is also remembered: outputs call :func:`check_not_stopped` before
they are committed, and a run that was interrupted never publishes an output.
"""

from __future__ import annotations

import signal
from types import FrameType
from typing import Any


class Terminated(BaseException):
    """SIGTERM, as an exception (SIGINT is ``KeyboardInterrupt``)."""


# The signals that stopped this run, in the order they came.
_stopped_by: list[int] = []


def _on_signal(signum: int, frame: FrameType | None) -> None:
    first = not _stopped_by
    _stopped_by.append(signum)
    if first or signum == signal.SIGINT:
        raise KeyboardInterrupt() if signum == signal.SIGINT else Terminated()


def check_not_stopped() -> None:
    """Raise the stop (``KeyboardInterrupt`` or :class:`Terminated`) if a signal came."""
    if _stopped_by:
        raise KeyboardInterrupt() if _stopped_by[0] == signal.SIGINT else Terminated()


def install_handlers() -> list[tuple[int, Any]]:
    """Handle SIGINT and SIGTERM (unless ignored, e.g. in the background); returns the previous
    handlers for :func:`restore_handlers`."""
    _stopped_by.clear()
    previous: list[tuple[int, Any]] = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            current = signal.getsignal(signum)
            if current is signal.SIG_IGN:
                continue
            previous.append((signum, signal.signal(signum, _on_signal)))
        except (ValueError, OSError):  # not the main thread
            continue
    return previous


def restore_handlers(previous: list[tuple[int, Any]]) -> None:
    for signum, handler in previous:
        signal.signal(signum, handler)
