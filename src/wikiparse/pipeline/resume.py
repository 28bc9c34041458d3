"""``dump --resume``: continue the output a killed run left, so that the result is byte for
byte what one uninterrupted run writes.

A run killed outright (``kill -9``, the OOM killer) leaves its output's temporary file
(:mod:`.atomic`), holding the records written so far and maybe half a line.  :func:`find_partial`
finds it and measures its complete lines; the next run keeps those, skips the pages they cover
(reading, not rendering them) and writes the rest.  The last kept record is rendered again and
compared byte for byte with the one in the file, so a partial output from another dump, format
or set of options is refused (:class:`ResumeMismatch`) instead of being continued wrongly.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Iterator

from .atomic import stale_temporaries
from .dumps import StreamSpec
from .pages import PageRecord
from .records import Rendered, page_output, to_json_line
from .render import RenderJob

_CHUNK = 1 << 20


class ResumeMismatch(Exception):
    """The partial output was not made from this dump with these options."""


@dataclass(frozen=True)
class Partial:
    """What a killed run left of an output: its temporary file, and the complete lines in it."""

    temporary: Path
    size: int  # bytes of the complete lines (a half-written last line is dropped)
    lines: int
    last_line: str  # the last complete line, with its newline ("" when there is none)
    last_id: Any


def find_partial(output: str) -> Partial | None:
    """The newest temporary file of ``output`` whose writer is gone, measured; None if none."""
    folder = os.path.dirname(output) or "."
    for temporary in stale_temporaries(folder, os.path.basename(output)):
        try:
            return _measure(temporary)
        except (OSError, ValueError):
            continue
    return None


def _measure(temporary: Path) -> Partial:
    lines = 0
    end = 0  # just after the last newline
    offset = 0
    with open(temporary, "rb") as f:
        while chunk := f.read(_CHUNK):
            count = chunk.count(b"\n")
            if count:
                lines += count
                end = offset + chunk.rindex(b"\n") + 1
            offset += len(chunk)
        last = b""
        if lines:
            start = end - 1
            step = 1 << 16
            while True:  # find the newline before the last line
                low = max(0, start - step)
                f.seek(low)
                block = f.read(start - low)
                cut = block.rfind(b"\n")
                if cut >= 0:
                    begin = low + cut + 1
                    break
                if low == 0:
                    begin = 0
                    break
                start = low
            f.seek(begin)
            last = f.read(end - begin)
    last_line = last.decode("utf-8")
    last_id = json.loads(last_line).get("id") if last_line else None
    return Partial(temporary, end, lines, last_line, last_id)


def skip_pages(pages: Iterable[PageRecord], count: int, last_line: str,
               job: RenderJob) -> Iterator[PageRecord]:
    """``pages`` without the first ``count`` (the records already written); the last of them is
    rendered again and must give ``last_line``, else :class:`ResumeMismatch`."""
    iterator = iter(pages)
    page = None
    for _ in range(count):
        page = next(iterator, None)
        if page is None:
            raise ResumeMismatch(f"the partial output has {count:,} records, more than the "
                                 "dump has pages")
    if page is not None and to_json_line(page_output(page, job)) != last_line:
        raise ResumeMismatch("its last record is not what this dump gives with these options")
    yield from iterator


def streams_to_resume(specs: list[StreamSpec], last_id: Any) -> list[StreamSpec]:
    """The streams from the one holding the last written record on."""
    for number, spec in enumerate(specs):
        if last_id in spec.page_ids:
            return specs[number:]
    raise ResumeMismatch(f"the index has no page {last_id!r}, the last record of the partial "
                         "output")


def drop_through(rendered: Rendered, last_line: str, fmt: str) -> Rendered:
    """The lines of the first resumed stream after ``last_line`` (which it must hold)."""
    try:
        cut = rendered.lines.index(last_line) + 1
    except ValueError:
        raise ResumeMismatch("its last record is not what this dump gives with these "
                             "options") from None
    kept = rendered.lines[cut:]
    failed = [line for line in kept if fmt not in json.loads(line)]
    messages = rendered.messages[len(rendered.messages) - len(failed):] if failed else ()
    return replace(rendered, lines=kept, errors=len(failed), messages=messages)
