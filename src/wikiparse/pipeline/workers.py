"""Ordered parallel map over worker processes, with bounded memory.

``ordered_map(fn, items, jobs=N)`` yields ``fn(item)`` for every item, in input order, computing
up to ``N`` at a time in worker processes.  Items are read lazily and only a few are in flight,
so a 50 GB dump never sits in memory.  If reading the items fails part-way (a truncated dump),
every result for the items read before is still yielded, and then the reading error is raised:
the caller keeps all the work done.

Each worker has its own pipe and takes one item at a time, so no lock or queue is shared
between processes: stopping (Ctrl-C, an error, the consumer closing the generator) kills the
workers at once and can never hang on a lock a dead worker held, which ``multiprocessing.Pool``
can.  Workers ignore SIGINT (Ctrl-C is handled by the parent) and take SIGTERM's default action.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Callable, Generator, Iterable, Iterator, TypeVar, cast

T = TypeVar("T")
R = TypeVar("R")


class WorkerError(RuntimeError):
    """A worker process failed outside the function's own error handling (it crashed, or the
    function raised); the message carries the worker's traceback."""


def resolve_jobs(jobs: int) -> int:
    """``jobs`` as a worker count: 0 or less means one per CPU this process may use."""
    if jobs > 0:
        return jobs
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _context() -> Any:
    # fork: workers start with the parent's already-loaded parser (no second grammar build) and
    # need no pickling of the function; elsewhere the platform default (spawn)
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _worker_main(conn: Connection, fn: Callable[[Any], Any]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        number, item = message
        try:
            reply = (number, True, fn(item))
        except Exception:
            reply = (number, False, traceback.format_exc())
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    task: int | None = None  # the item number it is working on
    alive: bool = field(default=True)


def _start_workers(fn: Callable[[Any], Any], jobs: int) -> list[_Worker]:
    ctx = _context()
    workers = []
    for _ in range(jobs):
        parent_end, child_end = ctx.Pipe(duplex=True)
        process = ctx.Process(target=_worker_main, args=(child_end, fn), daemon=True)
        process.start()
        child_end.close()
        workers.append(_Worker(process, parent_end))
    return workers


def _stop_workers(workers: list[_Worker], *, graceful: bool) -> None:
    for worker in workers:
        if graceful:
            try:
                worker.conn.send(None)
            except OSError:
                pass
        else:
            worker.process.kill()
    for worker in workers:
        worker.process.join(timeout=10 if graceful else 5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(timeout=5)
        worker.conn.close()


def ordered_map(
    fn: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int,
    in_flight: int | None = None,
) -> Generator[R, None, None]:
    """``fn`` over ``items`` in ``jobs`` processes, results in order (see the module doc).

    With ``jobs == 1`` everything runs in this process.  ``in_flight`` bounds the items taken
    but not yet yielded (default ``4 * jobs``).  An exception raised by ``fn`` in a worker
    becomes :class:`WorkerError`; ``fn`` is expected to turn per-item failures into results.
    """
    if jobs <= 1:
        for item in items:
            yield fn(item)
        return
    limit = max(in_flight or 4 * jobs, jobs)
    workers = _start_workers(fn, jobs)
    graceful = False
    try:
        source = iter(items)
        done: dict[int, R] = {}
        taken = 0  # items sent to workers
        given = 0  # results yielded
        exhausted = False
        reading_error: Exception | None = None
        while True:
            while given in done:
                result = done.pop(given)
                given += 1
                yield result
            idle = [w for w in workers if w.task is None]
            while idle and not exhausted and taken - given < limit:
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                except Exception as err:  # reading failed: finish what was read, then raise
                    reading_error = err
                    exhausted = True
                    break
                worker = idle.pop()
                worker.conn.send((taken, item))
                worker.task = taken
                taken += 1
            busy = [w for w in workers if w.task is not None]
            if not busy:
                if exhausted and given == taken:
                    break
                continue  # only possible when results are waiting in ``done``
            for ready in wait([w.conn for w in busy]):
                worker = next(w for w in busy if w.conn is ready)
                try:
                    number, ok, value = worker.conn.recv()
                except (EOFError, OSError):
                    worker.process.join(timeout=5)
                    raise WorkerError(
                        f"a worker process died (exit code {worker.process.exitcode}) while "
                        f"working on item {worker.task}"
                    ) from None
                worker.task = None
                if not ok:
                    raise WorkerError(f"item {number} failed in a worker:\n{value}")
                done[number] = cast(R, value)
        if reading_error is not None:
            raise reading_error
        graceful = True
    finally:
        _stop_workers(workers, graceful=graceful)


def batched(
    items: Iterable[T], *, max_items: int, max_weight: int, weight: Callable[[T], int]
) -> Iterator[list[T]]:
    """Group ``items`` into lists of at most ``max_items`` items or ``max_weight`` total weight.

    If reading ``items`` raises, the items read so far are yielded as a last batch first, then
    the error propagates."""
    batch: list[T] = []
    total = 0
    try:
        for item in items:
            batch.append(item)
            total += weight(item)
            if len(batch) >= max_items or total >= max_weight:
                yield batch
                batch, total = [], 0
    except Exception:
        if batch:
            yield batch
        raise
    if batch:
        yield batch
