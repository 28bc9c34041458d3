"""Output records (JSON lines) for pages and JSON-lines inputs, and the work units that make them.

Everything here is deterministic and runs the same in this process, in a worker process or on
a Dask worker, so the output is byte for byte the same whatever the number of jobs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .dumps import DumpError, PageFilter, PageRecord, StreamSpec, read_stream_pages
from .render import RenderJob, describe_error
from .textio import InputError, Line, decode_utf8


def to_json_line(record: dict[str, Any]) -> str:
    """One JSON line (UTF-8 text, no ASCII escaping; lone surrogates, which UTF-8 cannot hold,
    are written as ``\\uXXXX`` escapes instead, so the line is always valid)."""
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record, ensure_ascii=True, separators=(",", ":"))
    return line + "\n"


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
    return f"page {record['id']} ({record['title']}): {record['error']}"


def render_pages(pages: list[PageRecord], job: RenderJob) -> Rendered:
    records = [page_output(page, job) for page in pages]
    failed = [r for r in records if job.fmt not in r]
    return Rendered([to_json_line(r) for r in records], len(failed),
                    messages=tuple(_page_message(r) for r in failed))


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
            lines.append(to_json_line(record))
    except DumpError as err:
        fatal = str(err)
    return Rendered(lines, len(messages), spec.size, fatal, tuple(messages))


# ---------------------------------------------------------------------------- JSON lines


@dataclass(frozen=True)
class JsonlFields:
    id: str = "id"
    text: str = "text"
    keep: bool = False  # copy the input's other fields to the output


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
        obj = json.loads(raw)
    except json.JSONDecodeError as err:
        return error(f"invalid JSON: {err.msg} at column {err.colno}")
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


def render_jsonl(lines: list[Line], job: RenderJob, fields: JsonlFields, max_bytes: int) -> Rendered:
    records = [jsonl_output(line, job, fields, max_bytes) for line in lines]
    size = sum(line.size + 1 for line in lines)
    messages = tuple(
        f"{line.source + ' ' if line.source else ''}line {line.number}: {record['error']}"
        for line, record in zip(lines, records)
        if job.fmt not in record
    )
    return Rendered([to_json_line(r) for r in records], len(messages), size, None, messages)
