"""Malformed input records become error records and the stream goes on; only valid JSON is
written (``jsonl`` and ``dump`` through the real command)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clitools import err_text, read_jsonl, require_parser, run_cli, tiny_dump


@pytest.fixture(autouse=True)
def _parser() -> None:
    require_parser()


def _strict_json(line: bytes) -> object:
    def reject(name: str) -> object:
        raise AssertionError(f"{name} written: not JSON")

    return json.loads(line, parse_constant=reject)


BAD_LINES = [
    ('{"id": %s, "text": "a"}' % ("1" * 4301), "4,301 digits"),
    ('{"id": NaN, "text": "a"}', "NaN is not a JSON value"),
    ('{"id": 1e999, "text": "a"}', "out of range"),
    ('{"id": -Infinity, "text": "a"}', "-Infinity is not a JSON value"),
    ('{"id": 7, "text": "a", "extra": [Infinity]}', "Infinity is not a JSON value"),
    ('{"id": 8, "text": "a", "n": -%s}' % ("9" * 5000), "5,000 digits"),
]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jsonl_every_malformed_record_is_an_error_record_and_the_stream_goes_on(jobs: str) -> None:
    lines = ['{"id": 1, "text": "first"}']
    for bad, _ in BAD_LINES:
        lines += [bad, '{"id": 2, "text": "good"}']
    result = run_cli(["jsonl", "-t", "text", "--keep-fields", "-j", jobs],
                     input=("\n".join(lines) + "\n").encode())
    assert result.returncode == 1, err_text(result)
    out = result.stdout.splitlines()
    assert len(out) == len(lines)
    records = [_strict_json(line) for line in out]
    assert records[0] == {"id": 1, "text": "first"}
    for k, (_, message) in enumerate(BAD_LINES):
        bad, good = records[1 + 2 * k], records[2 + 2 * k]
        assert isinstance(bad, dict) and message in bad["error"] and bad["line"] == 2 + 2 * k
        assert good == {"id": 2, "text": "good"}
    assert "Traceback" not in err_text(result)
    assert f"{len(lines)} records, {len(BAD_LINES)} errors" in err_text(result)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_dump_page_without_title_or_with_a_bad_id_is_an_error_record(tmp_path: Path,
                                                                     jobs: str) -> None:
    data = tiny_dump([(1, "A", "''a''"), (2, None, "no title"), (3, "C", "c"),
                      (4, "D", "d")])
    data = data.replace(b"<id>4</id>", b"<id>four</id>")
    dump = tmp_path / "bad.xml"
    dump.write_bytes(data)
    out = tmp_path / "out.jsonl"
    result = run_cli(["dump", "-t", "text", "-j", jobs, dump, "-o", out])
    assert result.returncode == 1, err_text(result)
    assert "Traceback" not in err_text(result)
    records = read_jsonl(out)
    assert [r["id"] for r in records] == [1, 2, 3, None]
    assert records[0]["text"] and records[2]["text"] == "c"
    assert records[1] == {"id": 2, "title": None, "ns": 0, "revision_id": None,
                          "error": "malformed <page> in the dump: it has no <title>"}
    assert records[3]["title"] == "D" and "ValueError" in records[3]["error"]
    assert "page 2: malformed <page> in the dump: it has no <title>" in err_text(result)
    assert "4 pages, 2 errors" in err_text(result)
