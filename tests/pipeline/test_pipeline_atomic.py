"""Atomic files: named with the writer's pid, stale ones found and removed, unfinished ones
discarded when a run is stopped, a stale one resumed."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from wikiparse.pipeline.atomic import (
    AtomicFile,
    discard_unfinished,
    remove_stale_temporaries,
    stale_temporaries,
)


def _dead_pid() -> int:
    process = subprocess.Popen(["sleep", "0"])
    process.wait()
    return process.pid


def test_the_temporary_name_carries_the_pid_and_commit_renames(tmp_path: Path) -> None:
    out = AtomicFile(tmp_path / "out.txt")
    assert out.tmp_path.name.startswith(f".out.txt.{os.getpid()}.")
    out.write(b"data")
    out.commit()
    assert (tmp_path / "out.txt").read_bytes() == b"data" and not out.tmp_path.exists()


def test_unfinished_files_are_discarded_and_committed_ones_kept(tmp_path: Path) -> None:
    done = AtomicFile(tmp_path / "done.txt")
    done.write(b"kept")
    done.commit()
    pending = [AtomicFile(tmp_path / f"p{i}.txt") for i in range(3)]
    assert discard_unfinished() == 3
    assert all(not p.tmp_path.exists() for p in pending)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["done.txt"]
    assert discard_unfinished() == 0


def test_stale_temporaries_are_those_of_dead_writers(tmp_path: Path) -> None:
    dead = _dead_pid()
    stale = tmp_path / f".out.jsonl.{dead}.abcd_123.tmp"
    stale.write_bytes(b"x")
    live = AtomicFile(tmp_path / "out.jsonl")  # this process: running
    unrelated = tmp_path / f".out.jsonl.{dead}.tmp"  # not the pattern
    unrelated.write_bytes(b"y")
    assert stale_temporaries(tmp_path, "out.jsonl") == [stale]
    assert stale_temporaries(tmp_path, "other.jsonl") == []
    assert remove_stale_temporaries(tmp_path) == 1
    assert not stale.exists() and live.tmp_path.exists() and unrelated.exists()
    live.discard()


def test_resume_takes_a_stale_file_over_and_keeps_its_first_bytes(tmp_path: Path) -> None:
    stale = tmp_path / f".out.jsonl.{_dead_pid()}.abcd1234.tmp"
    stale.write_bytes(b'{"id":1}\n{"id":2}\n{"id"')
    out = AtomicFile.resume(tmp_path / "out.jsonl", stale, keep=18)
    assert not stale.exists() and out.tmp_path.name.startswith(f".out.jsonl.{os.getpid()}.")
    out.write(b'{"id":3}\n')
    out.commit()
    assert (tmp_path / "out.jsonl").read_bytes() == b'{"id":1}\n{"id":2}\n{"id":3}\n'
