"""Bad inputs and bad situations through the real CLI: each test checks the message, the exit
status, that the good inputs were still converted, and that nothing is half-written."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
from pathlib import Path

import pytest

from clitools import (
    cli_command,
    err_text,
    leftovers,
    read_jsonl,
    require_parser,
    run_cli,
    wait_for,
)

GOOD = "== Good ==\nSome '''text'''.\n"


@pytest.fixture(autouse=True)
def _parser() -> None:
    require_parser()


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------------------- bad files


def test_invalid_utf8_names_file_and_offset_and_others_are_converted(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.wiki").write_text(GOOD, encoding="utf-8")
    (src / "bad.wiki").write_bytes("line one\nzwei: ä".encode() + b"\xff\xfe rest\n")
    (src / "c.wiki").write_text(GOOD + "c", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(["convert", "-t", "wikitext", src, "-o", out])
    assert result.returncode == 1
    message = err_text(result)
    bad_offset = len("line one\nzwei: ä".encode())
    assert f"{src / 'bad.wiki'}: not valid UTF-8" in message
    assert f"byte 0xff at byte offset {bad_offset}, line 2, column 8" in message
    assert "1 error" in message.splitlines()[-1]
    assert _outputs(out) == {"a.wiki": GOOD.encode(), "c.wiki": (GOOD + "c").encode()}
    assert leftovers(tmp_path) == []


def test_invalid_utf8_on_stdin(tmp_path: Path) -> None:
    result = run_cli(["convert", "-t", "wikitext", "-o", tmp_path / "x.wiki"],
                     input=b"ok\n\xc3\x28")
    assert result.returncode == 1
    assert "<stdin>: not valid UTF-8" in err_text(result)
    assert "byte offset 3" in err_text(result)
    assert not (tmp_path / "x.wiki").exists() and leftovers(tmp_path) == []


def test_binary_file_is_reported_and_skipped(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "image.wiki").write_bytes(b"GIF89a\x01\x00\x01\x00\x00\xff\x00,")
    (src / "nul.wiki").write_bytes(b"text with a \x00 NUL byte")
    (src / "ok.wiki").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(["convert", "-t", "wikitext", src, "-o", out, "-j", "2"])
    assert result.returncode == 1
    message = err_text(result)
    assert f"{src / 'image.wiki'}: binary file, not text (NUL byte at byte offset 7" in message
    assert f"{src / 'nul.wiki'}: binary file, not text (NUL byte at byte offset 12" in message
    assert "2 errors" in message.splitlines()[-1]
    assert _outputs(out) == {"ok.wiki": GOOD.encode()}


def test_empty_file_converts_to_an_empty_output_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "empty.wiki").write_bytes(b"")
    out = tmp_path / "out.wiki"
    result = run_cli(["convert", "-t", "wikitext", tmp_path / "empty.wiki", "-o", out])
    assert result.returncode == 0
    assert f"note: {tmp_path / 'empty.wiki'}: empty input" in err_text(result)
    assert out.exists() and out.read_bytes() == b""
    empty_jsonl = run_cli(["jsonl", "-t", "wikitext"], input=b"")
    assert empty_jsonl.returncode == 0 and empty_jsonl.stdout == b""
    assert "0 records, 0 errors" in err_text(empty_jsonl)


def test_huge_single_line_file_is_converted_whole(tmp_path: Path) -> None:
    line = ("word " * 600_000).encode()  # 3 MB, no newline at all
    (tmp_path / "huge.wiki").write_bytes(line)
    out = tmp_path / "huge.out"
    result = run_cli(["convert", "-t", "wikitext", tmp_path / "huge.wiki", "-o", out])
    assert result.returncode == 0, err_text(result)
    assert out.read_bytes() == line


def test_jsonl_huge_line_over_the_limit_is_an_error_record_and_the_stream_goes_on() -> None:
    rows = [
        json.dumps({"id": 1, "text": GOOD}).encode(),
        json.dumps({"id": 2, "text": "x" * 3_000_000}).encode(),  # over the limit below
        json.dumps({"id": 3, "text": "y" * 900_000}).encode(),  # under it
        b"",
        b"{not json",
        json.dumps({"id": 4, "text": 7}).encode(),
        b'{"id": 5, "text": "\xff"}',
        json.dumps({"id": 6, "text": GOOD}).encode(),
    ]
    result = run_cli(["jsonl", "-t", "wikitext", "--max-line-bytes", "1000000", "-j", "2"],
                     input=b"\n".join(rows))  # the last line has no newline
    assert result.returncode == 1
    records = read_jsonl(result.stdout)
    assert [r["id"] for r in records] == [1, None, 3, None, None, 4, None, 6]
    assert records[0] == {"id": 1, "wikitext": GOOD}
    assert records[1]["line"] == 2 and "3,000,021 bytes, over the limit of 1,000,000" in records[1]["error"]
    assert records[2]["wikitext"] == "y" * 900_000
    assert records[3] == {"id": None, "line": 4, "error": "empty line (expected a JSON object)"}
    assert records[4]["error"].startswith("invalid JSON: ")
    assert records[5] == {"id": 4, "line": 6, "error": "the 'text' field is int, not a string"}
    assert "not valid UTF-8" in records[6]["error"] and "byte offset 19" in records[6]["error"]
    assert records[7] == {"id": 6, "wikitext": GOOD}
    message = err_text(result)
    assert "line 2: line is 3,000,021 bytes" in message
    assert "8 records, 5 errors" in message.splitlines()[-1]


def test_lone_surrogates_in_jsonl_give_valid_utf8_output() -> None:
    result = run_cli(["jsonl", "-t", "wikitext", "-q"], input=b'{"id": 1, "text": "a\\ud800b"}\n')
    assert result.returncode == 0
    result.stdout.decode("utf-8")  # strict: must not raise
    assert read_jsonl(result.stdout) == [{"id": 1, "wikitext": "a\ud800b"}]


def test_unreadable_file_is_reported_and_the_others_are_converted(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.wiki").write_text(GOOD, encoding="utf-8")
    secret = src / "secret.wiki"
    secret.write_text("secret", encoding="utf-8")
    secret.chmod(0)
    out = tmp_path / "out"
    try:
        result = run_cli(["convert", "-t", "wikitext", src, "-o", out], as_unprivileged=True)
        jsonl = run_cli(["jsonl", "-t", "wikitext", secret, "-"], as_unprivileged=True,
                        input=b'{"id": 1, "text": "t"}\n')
    finally:
        secret.chmod(0o644)
    assert result.returncode == 1
    assert f"{secret}: cannot read: Permission denied" in err_text(result)
    assert _outputs(out) == {"a.wiki": GOOD.encode()}
    assert jsonl.returncode == 1
    assert f"{secret}: cannot read: Permission denied" in err_text(jsonl)
    assert read_jsonl(jsonl.stdout) == [{"id": 1, "wikitext": "t"}]


def test_missing_input_is_reported_and_the_others_are_converted(tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(["convert", "-t", "wikitext", tmp_path / "nope.wiki", tmp_path / "a.wiki",
                      "-o", out])
    assert result.returncode == 1
    assert f"{tmp_path / 'nope.wiki'}: no such file or folder" in err_text(result)
    assert _outputs(out) == {"a.wiki": GOOD.encode()}


# ---------------------------------------------------------------------------- bad outputs


def test_unwritable_output_folder_fails_cleanly(tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.wiki").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = run_cli(["convert", "-t", "wikitext", tmp_path / "a.wiki", tmp_path / "b.wiki",
                          "-o", out], as_unprivileged=True)
        jsonl = run_cli(["jsonl", "-t", "wikitext", "-o", out / "x.jsonl"],
                        input=b'{"id": 1, "text": "t"}\n', as_unprivileged=True)
        nested = run_cli(["convert", "-t", "wikitext", tmp_path / "a.wiki", "-o",
                          out / "sub" / "a.out"], as_unprivileged=True)
    finally:
        out.chmod(0o755)
    assert result.returncode == 4
    assert f"cannot write {out}" in err_text(result) and "Permission denied" in err_text(result)
    assert jsonl.returncode == 4
    assert f"cannot write {out / 'x.jsonl'}: Permission denied" in err_text(jsonl)
    assert nested.returncode == 4 and "Permission denied" in err_text(nested)
    assert list(out.iterdir()) == []  # nothing, not even a temporary file
    assert (tmp_path / "a.wiki").read_text(encoding="utf-8") == GOOD


def test_output_under_a_file_is_an_output_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = run_cli(["jsonl", "-t", "wikitext", "-o", tmp_path / "file" / "out.jsonl"],
                     input=b'{"id": 1, "text": "t"}\n')
    assert result.returncode == 4
    assert "cannot write" in err_text(result) and "Not a directory" in err_text(result)


def test_failed_run_keeps_the_previous_output_intact(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"previous complete output\n")
    proc = _start(["jsonl", "-t", "wikitext", "-o", out], stdin=subprocess.PIPE)
    assert proc.stdin is not None
    proc.stdin.write(b'{"id": 1, "text": "new"}\n')
    proc.stdin.flush()
    wait_for(lambda: leftovers(tmp_path), what="the temporary output file")
    os.killpg(proc.pid, signal.SIGINT)
    assert proc.wait(timeout=120) == 130
    assert out.read_bytes() == b"previous complete output\n"
    assert leftovers(tmp_path) == []


# ---------------------------------------------------------------------------- interruption


def _start(args: list[object], **kwargs: object) -> subprocess.Popen[bytes]:
    # a new session: the test can signal the whole process group, as Ctrl-C in a terminal does
    return subprocess.Popen(cli_command([str(a) for a in args]), start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)  # type: ignore[call-overload]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_during_jsonl_leaves_no_partial_file(tmp_path: Path, jobs: str) -> None:
    out = tmp_path / "out.jsonl"
    proc = _start(["jsonl", "-t", "wikitext", "-o", out, "-j", jobs], stdin=subprocess.PIPE)
    assert proc.stdin is not None
    for i in range(200):
        proc.stdin.write(json.dumps({"id": i, "text": GOOD}).encode() + b"\n")
    proc.stdin.flush()
    wait_for(lambda: leftovers(tmp_path), what="the temporary output file")
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert "interrupted; no partial output was left" in stderr.decode()
    assert not out.exists() and leftovers(tmp_path) == []


def test_sigterm_leaves_no_partial_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    proc = _start(["jsonl", "-t", "wikitext", "-o", out], stdin=subprocess.PIPE)
    assert proc.stdin is not None
    proc.stdin.write(b'{"id": 1, "text": "x"}\n')
    proc.stdin.flush()
    wait_for(lambda: leftovers(tmp_path), what="the temporary output file")
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 143
    assert "terminated" in stderr.decode()
    assert not out.exists() and leftovers(tmp_path) == []


def test_ctrl_c_during_convert_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "page.wiki"
    proc = _start(["convert", "-t", "wikitext", "-o", out], stdin=subprocess.PIPE)
    assert proc.stdin is not None
    proc.stdin.write(GOOD.encode())
    proc.stdin.flush()
    wait_for(lambda: _reads_stdin(proc.pid), what="the command to wait on stdin")
    os.killpg(proc.pid, signal.SIGINT)
    assert proc.wait(timeout=120) == 130
    assert not out.exists() and leftovers(tmp_path) == []


def _reads_stdin(pid: int) -> bool:
    """True once the process blocks reading its stdin pipe (Linux /proc)."""
    try:
        wchan = Path(f"/proc/{pid}/wchan").read_text()
        syscall = Path(f"/proc/{pid}/syscall").read_text().split()
    except OSError:
        return False
    reading_fd0 = len(syscall) > 1 and syscall[0] in ("0", "63") and syscall[1] == "0x0"
    return "pipe" in wchan or reading_fd0


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_during_dump_leaves_no_partial_file(tmp_path: Path, jobs: str) -> None:
    from testkit import shared_path

    dump = shared_path("corpora", "dumps", "enwiki-mini-pages-articles.xml.bz2").read_bytes()
    fifo = tmp_path / "dump.xml.bz2"
    os.mkfifo(fifo)
    out = tmp_path / "out.jsonl"
    proc = _start(["dump", fifo, "-t", "wikitext", "-o", out, "-j", jobs])
    release = threading.Event()
    written = threading.Event()

    def feed() -> None:  # half the dump, then hold the pipe open like a stalled download
        try:
            with open(fifo, "wb") as pipe:
                pipe.write(dump[: len(dump) // 2])
                pipe.flush()
                written.set()  # the command has read it all: it is converting or waiting
                release.wait(120)
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        wait_for(lambda: leftovers(tmp_path), what="the temporary output file")
        wait_for(written.is_set, what="the command to read the first half of the dump")
        os.killpg(proc.pid, signal.SIGINT)
        _, stderr = proc.communicate(timeout=120)
    finally:
        release.set()
        writer.join(30)
    assert proc.returncode == 130, stderr.decode()
    assert "interrupted" in stderr.decode()
    assert not out.exists() and leftovers(tmp_path) == []
