"""Output records (JSON lines) for pages and JSON-lines inputs, and the work units that make them.

Everything here is deterministic and runs the same in this process, in a worker process or on
a Dask worker, so the output is byte for byte the same whatever the number of jobs.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from .dumps import DumpError, PageFilter, StreamSpec, read_stream_pages
from .pages import PageRecord
from .render import RenderJob, describe_error
from .textio import InputError, Line, decode_utf8


def to_json_line(record: dict[str, Any]) -> str:
    """One JSON line (UTF-8 text, no ASCII escaping; lone surrogates, which UTF-8 cannot hold,
    are written as ``\\uXXXX`` escapes instead, so the line is always valid).  ``ValueError``
    for a value JSON cannot hold (NaN, infinity): only valid JSON is ever written."""
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    return line + "\n"


def _line(record: dict[str, Any], id_field: str = "id") -> str:
    """``record``'s JSON line, or an error record's if it holds a value JSON cannot."""
    try:
        return to_json_line(record)
    except ValueError as err:
        id_ = record.get(id_field)
        kept = id_ if isinstance(id_, (str, int)) and not isinstance(id_, bool) else None
        return to_json_line({id_field: kept, "error": f"the output would not be JSON: {err}"})


# ---------------------------------------------------------------------------- dump pages


def page_output(page: PageRecord, job: RenderJob) -> dict[str, Any]:
    """The output record of one page: id, title, ns, revision_id, redirect (redirects only),
    then the rendering under the format's name, or ``error``."""
    record: dict[str, Any] = {
        "id": page["id"],
        "title": page["title"],
        "ns": page["ns"],
        "revision_id": page["revision_id"],
    }
    if page["redirect"] is not None:
        record["redirect"] = page["redirect"]
    if "error" in page:
        record["error"] = page["error"]
        return record
    text = page["text"]
    if text is None:
        record["error"] = "the revision has no text in the dump (deleted or not exported)"
        return record
    try:
        record[job.fmt] = job.render_value(text, page["title"])
    except Exception as err:  # one page's failure must not stop a dump
        record["error"] = describe_error(err)
    return record


@dataclass(frozen=True)
class Rendered:
    """Output lines of a piece of work, with counts for progress and the summary."""

    lines: list[str]
    errors: int
    size: int = 0  # input bytes this piece covered (compressed, for dump streams)
    fatal: str | None = None  # the dump is damaged here: stop after these lines
    messages: tuple[str, ...] = ()  # one per error, for stderr


def _page_message(record: dict[str, Any]) -> str:
    title = f" ({record['title']})" if record.get("title") is not None else ""
    return f"page {record['id']}{title}: {record['error']}"


def render_pages(pages: list[PageRecord], job: RenderJob) -> Rendered:
    records = [page_output(page, job) for page in pages]
    failed = [r for r in records if job.fmt not in r]
    return Rendered([_line(r) for r in records], len(failed),
                    messages=tuple(_page_message(r) for r in failed))


def lost_pages(pages: list[PageRecord], reason: str) -> Rendered:
    """Error records for pages whose worker process died (``reason`` says how)."""
    records = []
    for page in pages:
        record: dict[str, Any] = {"id": page["id"], "title": page["title"], "ns": page["ns"],
                                  "revision_id": page["revision_id"]}
        if page["redirect"] is not None:
            record["redirect"] = page["redirect"]
        record["error"] = f"not converted: {reason}"
        records.append(record)
    return Rendered([_line(r) for r in records], len(records),
                    messages=tuple(_page_message(r) for r in records))


def render_stream(
    spec: StreamSpec, *, header: bytes, page_filter: PageFilter, job: RenderJob
) -> Rendered:
    """Read and render one stream of a multistream dump (in a worker).  A damaged stream gives
    the lines of the pages before the damage and ``fatal``."""
    lines: list[str] = []
    messages: list[str] = []
    fatal = None
    try:
        for page in read_stream_pages(spec, header, page_filter):
            record = page_output(page, job)
            if job.fmt not in record:
                messages.append(_page_message(record))
            lines.append(_line(record))
    except DumpError as err:
        fatal = str(err)
    return Rendered(lines, len(messages), spec.size, fatal, tuple(messages))


# ---------------------------------------------------------------------------- JSON lines


@dataclass(frozen=True)
class JsonlFields:
    id: str = "id"
    text: str = "text"
    keep: bool = False  # copy the input's other fields to the output


class _Unrepresentable(ValueError):
    """A JSON-lines input holds a value that cannot be read back as itself."""


_MAX_INT_DIGITS = 4300  # Python's limit for int <-> str (sys.get_int_max_str_digits)


def _int(text: str) -> int:
    if len(text) - text.startswith("-") > _MAX_INT_DIGITS:
        raise _Unrepresentable(f"a number with {len(text.lstrip('-')):,} digits: more than the "
                               f"{_MAX_INT_DIGITS:,} a record may hold")
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        shown = text if len(text) <= 40 else text[:37] + "..."
        raise _Unrepresentable(f"the number {shown} is out of range (larger than a double)")
    return value


def _constant(name: str) -> Any:
    raise _Unrepresentable(f"invalid JSON: {name} is not a JSON value")


def jsonl_output(line: Line, job: RenderJob, fields: JsonlFields, max_bytes: int) -> dict[str, Any]:
    """The output record for one input line: ``{id, <format>}`` or ``{id, line, error}``."""

    def error(message: str, id_: Any = None) -> dict[str, Any]:
        return {fields.id: id_, "line": line.number, "error": message}

    if line.data is None:
        return error(f"line is {line.size:,} bytes, over the limit of {max_bytes:,} (--max-line-bytes)")
    try:
        raw = decode_utf8(line.data, "", binary_check=False)
    except InputError as err:
        return error(str(err))
    if not raw.strip():
        return error("empty line (expected a JSON object)")
    try:
        obj = json.loads(raw, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except json.JSONDecodeError as err:
        return error(f"invalid JSON: {err.msg} at column {err.colno}")
    except _Unrepresentable as err:
        return error(str(err))
    except RecursionError:
        return error("invalid JSON: nested too deeply")
    if not isinstance(obj, dict):
        return error(f"expected a JSON object, got {type(obj).__name__}")
    id_ = obj.get(fields.id)
    if fields.text not in obj:
        return error(f"no {fields.text!r} field", id_)
    text = obj[fields.text]
    if not isinstance(text, str):
        return error(f"the {fields.text!r} field is {type(text).__name__}, not a string", id_)
    record: dict[str, Any] = {fields.id: id_}
    if fields.keep:
        record.update((k, v) for k, v in obj.items() if k not in (fields.id, fields.text))
    title = obj.get("title")
    try:
        record[job.fmt] = job.render_value(text, title if isinstance(title, str) else None)
    except Exception as err:
        return error(describe_error(err), id_)
    return record


def lost_jsonl(lines: list[Line], fields: JsonlFields, reason: str) -> Rendered:
    """Error records for input lines whose worker process died (``reason`` says how); the
    ids are not known (the lines were not read in this process)."""
    message = f"not converted: {reason}"
    records = [{fields.id: None, "line": line.number, "error": message} for line in lines]
    size = sum(line.size + 1 for line in lines)
    messages = tuple(f"{line.source + ' ' if line.source else ''}line {line.number}: {message}"
                     for line in lines)
    return Rendered([_line(r, fields.id) for r in records], len(records), size, None, messages)


def render_jsonl(lines: list[Line], job: RenderJob, fields: JsonlFields, max_bytes: int) -> Rendered:
    records = [jsonl_output(line, job, fields, max_bytes) for line in lines]
    size = sum(line.size + 1 for line in lines)
    messages = tuple(
        f"{line.source + ' ' if line.source else ''}line {line.number}: {record['error']}"
        for line, record in zip(lines, records)
        if job.fmt not in record
    )
    return Rendered([_line(r, fields.id) for r in records], len(messages), size, None, messages)
