"""Worker supervision in ``ordered_map``: a worker that dies is replaced, its item retried once,
then stood in for by ``on_lost``; results stay in input order."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from wikiparse.pipeline.workers import WorkerLost, death_reason, ordered_map


def _die_on_negative(n: int) -> int:
    if n < 0:
        os.kill(os.getpid(), signal.SIGKILL)
    return n * 10


def test_an_item_that_kills_its_worker_every_time_is_reported_and_the_others_kept() -> None:
    lost: list[tuple[int, str]] = []
    restarts: list[int] = []
    items = [1, 2, -3, 4, 5, 6, -7, 8]
    results = list(ordered_map(_die_on_negative, items, jobs=2,
                               on_lost=lambda item, why: (lost.append((item, why)), -1)[1],
                               on_restart=lambda item, why: restarts.append(item)))
    assert results == [10, 20, -1, 40, 50, 60, -1, 80]
    assert sorted(item for item, _ in lost) == [-7, -3] and sorted(restarts) == [-7, -3]
    assert all("killed by SIGKILL" in why for _, why in lost)


def test_without_on_lost_the_results_before_are_yielded_then_worker_lost() -> None:
    got: list[int] = []
    with pytest.raises(WorkerLost) as info:
        for value in ordered_map(_die_on_negative, [1, 2, 3, -4, 5], jobs=2, in_flight=2):
            got.append(value)
    assert got == [10, 20, 30] and info.value.number == 3


def _die_once(path: str) -> str:
    marker = Path(path)
    if not marker.exists():
        marker.write_text("died once")
        os.kill(os.getpid(), signal.SIGKILL)
    return "done " + marker.name


def test_a_worker_killed_once_is_replaced_and_the_item_retried(tmp_path: Path) -> None:
    paths = [str(tmp_path / f"m{i}") for i in range(6)]
    for path in paths[::2]:
        Path(path).write_text("no death")
    assert list(ordered_map(_die_once, paths, jobs=2)) == [f"done m{i}" for i in range(6)]


def test_death_reason() -> None:
    assert death_reason(-9) == "killed by SIGKILL (out of memory?)"
    assert death_reason(-15) == "killed by SIGTERM"
    assert death_reason(3) == "exit status 3"
