"""Reading text inputs: strict UTF-8 with messages that name the file and the byte offset.

Nothing here guesses an encoding or replaces bad bytes: a page that is not UTF-8 is reported
(``InputError``) and left out, so no output is silently different from its input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO, Iterator


class InputError(Exception):
    """An input cannot be converted: unreadable, not UTF-8, binary, too long.  ``str()`` is the
    message shown to the user (it names the input)."""


def _position(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return f"line {line}, column {column}"


def decode_utf8(data: bytes, name: str, *, binary_check: bool = True) -> str:
    """``data`` decoded as UTF-8, or :class:`InputError` saying where it is not text.

    A NUL byte marks a binary file (no wiki page holds one: MediaWiki strips them); otherwise the
    first byte sequence that is not UTF-8 is reported with its byte offset, line and column.
    ``name`` (the file) starts the message; ``binary_check=False`` accepts NUL bytes.
    """
    nul = data.find(b"\x00") if binary_check else -1
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        if 0 <= nul < err.start:
            raise InputError(
                f"{name}: binary file, not text (NUL byte at byte offset {nul}, {_position(data, nul)})"
            ) from None
        bad = data[err.start : min(err.end, err.start + 4)]
        raise InputError(
            f"{name + ': ' if name else ''}not valid UTF-8 ({err.reason}: byte {bad[0]:#04x} "
            f"at byte offset {err.start}, {_position(data, err.start)})"
        ) from None
    if nul >= 0:
        raise InputError(
            f"{name}: binary file, not text (NUL byte at byte offset {nul}, {_position(data, nul)})"
        )
    return text


def read_bytes(path: str) -> bytes:
    """The bytes of the file at ``path``; :class:`InputError` if it cannot be read."""
    try:
        with open(path, "rb") as f:
            return f.read()
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror or err}") from None


def read_text_file(path: str) -> str:
    """The UTF-8 text of the file at ``path``; :class:`InputError` for anything else."""
    return decode_utf8(read_bytes(path), path)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a line-oriented input.  ``data`` is ``None`` when the line was longer than the
    limit (its ``size`` is still counted, and reading goes on at the next line)."""

    number: int
    data: bytes | None
    size: int
    source: str = ""


def read_lines(
    stream: BinaryIO, max_bytes: int, source: str = "", chunk: int = 1 << 20
) -> Iterator[Line]:
    """Lines of ``stream`` (without their ``\\n``), never holding more than ``max_bytes`` of one
    line in memory: a longer line is skipped in chunks and yielded with ``data=None``."""
    number = 0
    while True:
        piece = stream.readline(max_bytes + 1)
        if not piece:
            return
        number += 1
        if piece.endswith(b"\n") or len(piece) <= max_bytes:
            data = piece[:-1] if piece.endswith(b"\n") else piece
            yield Line(number, data, len(data), source)
            continue
        size = len(piece)
        while not piece.endswith(b"\n"):
            piece = stream.readline(chunk)
            if not piece:
                break
            size += len(piece)
        if piece.endswith(b"\n"):
            size -= 1
        yield Line(number, None, size, source)
