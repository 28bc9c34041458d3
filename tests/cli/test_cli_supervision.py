"""Nothing lost when processes die (through the real command): a killed worker is replaced and
the output is unchanged; a killed run leaves no worker behind, its temporary file is removed
by the next run or continued by ``dump --resume``, byte for byte as an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from clitools import cli_command, err_text, leftovers, require_parser, run_cli, wait_for
from testkit import shared_path

EN = "enwiki-mini-pages-articles.xml.bz2"
MULTI = "enwiki-mini-pages-articles-multistream.xml.bz2"
INDEX = "enwiki-mini-pages-articles-multistream-index.txt.bz2"


def dump_file(name: str) -> str:
    return str(shared_path("corpora", "dumps", name))


MODES = {"single-stream": [EN], "multistream+index": [MULTI, "--index", INDEX]}


def dump_args(mode: str) -> list[str]:
    first, *rest = MODES[mode]
    return [dump_file(first), *[dump_file(a) if a == INDEX else a for a in rest]]


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    require_parser()
    out = tmp_path_factory.mktemp("base") / "base.jsonl"
    result = run_cli(["dump", dump_file(EN), "-t", "html", "-q", "-o", out])
    assert result.returncode == 0, err_text(result)
    return out.read_bytes()


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry))
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2:].split()[0] != "Z"


def start(args: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(cli_command(args), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("mode", list(MODES))
def test_a_killed_worker_is_replaced_and_no_record_is_lost(mode: str, expected: bytes,
                                                           tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run = start(["dump", *dump_args(mode), "-t", "html", "--jobs", "2", "-o", out])
    wait_for(lambda: len(children(run.pid)) == 2, 60, "two workers")
    time.sleep(0.3)
    victim = children(run.pid)[0]
    os.kill(victim, signal.SIGKILL)
    assert run.poll() is None, "the run ended before a worker could be killed"
    _, stderr = run.communicate(timeout=300)
    assert run.returncode == 0, stderr.decode()
    assert out.read_bytes() == expected
    # (a note says so when the worker died on its work; one killed between two pieces of work
    # is replaced when it is next given some)
    assert "Traceback" not in stderr.decode()
    assert not leftovers(tmp_path)


@pytest.mark.parametrize("mode", list(MODES))
def test_a_killed_run_leaves_no_worker_and_resume_continues_it_byte_for_byte(
        mode: str, expected: bytes, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run = start(["dump", *dump_args(mode), "-t", "html", "--jobs", "2", "-o", out, "-q"])
    wait_for(lambda: len(children(run.pid)) == 2, 60, "two workers")
    workers = children(run.pid)

    def written() -> int:
        return sum(p.stat().st_size for p in leftovers(tmp_path))

    wait_for(lambda: written() > len(expected) // 4, 120, "a quarter of the output")
    run.kill()  # kill -9 of the main process
    run.wait(timeout=30)
    wait_for(lambda: not any(alive(w) for w in workers), 10, "the workers to exit")
    assert not out.exists()
    (partial,) = leftovers(tmp_path)
    kept = partial.read_bytes()
    assert 0 < len(kept) < len(expected)
    resumed = run_cli(["dump", *dump_args(mode), "-t", "html", "--jobs", "2", "-o", out,
                       "--resume"])
    assert resumed.returncode == 0, err_text(resumed)
    assert "--resume: continuing" in err_text(resumed)
    assert out.read_bytes() == expected
    assert not leftovers(tmp_path)


def test_the_next_run_removes_a_killed_runs_temporary_file(tmp_path: Path) -> None:
    require_parser()
    out = tmp_path / "out.jsonl"
    dead = subprocess.Popen(["sleep", "0"])
    dead.wait()
    stale = tmp_path / f".out.jsonl.{dead.pid}.abcd1234.tmp"
    stale.write_bytes(b'{"id":1}\n{"id":')
    other = tmp_path / f".other.jsonl.{dead.pid}.abcd1234.tmp"
    other.write_bytes(b"not ours")
    running = tmp_path / f".out.jsonl.{os.getpid()}.abcd1234.tmp"
    running.write_bytes(b"a live writer's")
    result = run_cli(["jsonl", "-t", "text", "-o", out, "-q"], input=b'{"id": 1, "text": "a"}\n')
    assert result.returncode == 0, err_text(result)
    assert not stale.exists() and other.exists() and running.exists()
    page = tmp_path / "pages" / "a.wiki"
    page.parent.mkdir()
    page.write_text("a", encoding="utf-8")
    html = tmp_path / "html"
    html.mkdir()
    stale_html = html / f".a.html.{dead.pid}.abcd1234.tmp"
    stale_html.write_bytes(b"<p>")
    converted = run_cli(["convert", page.parent, "-o", html, "-q"])
    assert converted.returncode == 0 and not stale_html.exists()


def test_resume_refuses_a_partial_output_of_other_options(tmp_path: Path, expected: bytes) -> None:
    out = tmp_path / "out.jsonl"
    dead = subprocess.Popen(["sleep", "0"])
    dead.wait()
    stale = tmp_path / f".out.jsonl.{dead.pid}.abcd1234.tmp"
    first_line = expected[: expected.index(b"\n") + 1]
    stale.write_bytes(first_line.replace(b'"html":"', b'"html":"x') + b'{"id":')
    result = run_cli(["dump", dump_file(EN), "-t", "html", "-o", out, "--resume"])
    assert result.returncode == 2
    assert "does not match" in err_text(result) and "run without --resume" in err_text(result)
    assert not out.exists() and len(leftovers(tmp_path)) == 1  # kept for a later --resume
    usage = run_cli(["dump", dump_file(EN), "-t", "html", "--resume"])
    assert usage.returncode == 2 and "--resume needs -o FILE" in err_text(usage)
