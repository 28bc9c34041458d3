"""Ordered parallel map over worker processes, with bounded memory and supervision.

``ordered_map(fn, items, jobs=N)`` yields ``fn(item)`` for every item, in input order, computing
up to ``N`` at a time in worker processes.  Items are read lazily and only a few are in flight,
so a 50 GB dump never sits in memory.  If reading the items fails part-way (a truncated dump),
every result for the items read before is still yielded, and then the reading error is raised:
the caller keeps all the work done.

Each worker has its own pipe and takes one item at a time, so no lock or queue is shared
between processes: stopping (Ctrl-C, an error, the consumer closing the generator) kills the
workers at once and can never hang on a lock a dead worker held, which ``multiprocessing.Pool``
can.  Workers ignore SIGINT (Ctrl-C is handled by the parent) and take SIGTERM's default action.

Supervision: a worker that dies (the kernel's OOM killer, ``kill -9``) is replaced and its item
is given to a worker again, once; if it dies on it a second time, ``on_lost(item, reason)``
stands in for the item's result (an error record), or without ``on_lost`` :class:`WorkerLost`
is raised after every earlier result was yielded.  Workers die with their parent (Linux's
``PR_SET_PDEATHSIG``, and elsewhere a check of the parent's pid while they wait), write nothing
to the parent's stdout (theirs is ``/dev/null``) and hold no other worker's pipe open.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Callable, Generator, Iterable, Iterator, TypeVar, cast

T = TypeVar("T")
R = TypeVar("R")

_PR_SET_PDEATHSIG = 1
_PARENT_CHECK_SECONDS = 2.0
RETRIES = 1  # a lost item is given to a worker again this many times


class WorkerError(RuntimeError):
    """A worker process failed outside the function's own error handling (the function
    raised); the message carries the worker's traceback."""


class WorkerLost(WorkerError):
    """A worker process died on the same item again, and no ``on_lost`` stands in for it."""

    def __init__(self, message: str, number: int) -> None:
        super().__init__(message)
        self.number = number  # the item's position in the input


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


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def _quiet_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


def _worker_main(conn: Connection, fn: Callable[[Any], Any], parent: int,
                 inherited: list[Connection]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent(parent)
    for other in inherited:  # the parent's ends of the other workers' pipes
        other.close()
    _quiet_stdout()
    while True:
        try:
            while not conn.poll(_PARENT_CHECK_SECONDS):
                if os.getppid() != parent:
                    return
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
    dead_exitcode: int | None = None  # how the worker it replaced ended


def _start_worker(ctx: Any, fn: Callable[[Any], Any], others: list[_Worker]) -> _Worker:
    parent_end, child_end = ctx.Pipe(duplex=True)
    process = ctx.Process(target=_worker_main, daemon=True,
                          args=(child_end, fn, os.getpid(), [w.conn for w in others]))
    process.start()
    child_end.close()
    return _Worker(process, parent_end)


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


def death_reason(exitcode: int | None) -> str:
    """How a worker process ended, for messages."""
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = " (out of memory?)" if -exitcode == signal.SIGKILL else ""
        return f"killed by {name}{hint}"
    return f"exit status {exitcode}"


def ordered_map(
    fn: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int,
    in_flight: int | None = None,
    on_lost: Callable[[T, str], R] | None = None,
    on_restart: Callable[[T, str], None] | None = None,
) -> Generator[R, None, None]:
    """``fn`` over ``items`` in ``jobs`` processes, results in order (see the module doc).

    With ``jobs == 1`` everything runs in this process.  ``in_flight`` bounds the items taken
    but not yet yielded (default ``4 * jobs``).  An exception raised by ``fn`` in a worker
    becomes :class:`WorkerError`; ``fn`` is expected to turn per-item failures into results.
    ``on_lost(item, reason)`` makes the result of an item whose worker died on it twice;
    ``on_restart(item, reason)`` is told when a worker died on an item that is given out again.
    """
    if jobs <= 1:
        for item in items:
            yield fn(item)
        return
    limit = max(in_flight or 4 * jobs, jobs)
    ctx = _context()
    workers: list[_Worker] = []
    for _ in range(jobs):
        workers.append(_start_worker(ctx, fn, workers))
    graceful = False

    def _replace(dead: _Worker) -> _Worker:
        """Start a worker in the place of ``dead`` (which has died)."""
        dead.process.join(timeout=5)
        dead.conn.close()
        index = workers.index(dead)
        fresh = _start_worker(ctx, fn, [w for w in workers if w is not dead])
        fresh.dead_exitcode = dead.process.exitcode
        workers[index] = fresh
        return fresh

    try:
        source = iter(items)
        done: dict[int, R] = {}
        pending: dict[int, T] = {}  # items given to a worker, by number
        deaths: dict[int, int] = {}  # item number -> workers that died on it
        retry: list[int] = []  # lost items to give out again, first
        taken = 0  # items read from the input
        given = 0  # results yielded
        exhausted = False
        reading_error: Exception | None = None
        while True:
            while given in done:
                result = done.pop(given)
                given += 1
                yield result
            idle = [w for w in workers if w.task is None]
            while idle and (retry or (not exhausted and taken - given < limit)):
                if retry:
                    number = retry.pop(0)
                else:
                    try:
                        item = next(source)
                    except StopIteration:
                        exhausted = True
                        break
                    except Exception as err:  # reading failed: finish what was read, then raise
                        reading_error = err
                        exhausted = True
                        break
                    number = taken
                    pending[number] = item
                    taken += 1
                worker = idle.pop()
                try:
                    worker.conn.send((number, pending[number]))
                except OSError:  # it died since its last result: replace it, try again
                    retry.insert(0, number)
                    idle.append(_replace(worker))
                    continue
                worker.task = number
            busy = [w for w in workers if w.task is not None]
            if not busy:
                if exhausted and given == taken:
                    break
                continue  # only possible when results are waiting in ``done``
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
            for worker in busy:
                if worker.conn not in ready and worker.process.sentinel not in ready:
                    continue
                number = cast(int, worker.task)
                try:
                    reply_number, ok, value = worker.conn.recv()
                except (EOFError, OSError):
                    reason = death_reason(_replace(worker).dead_exitcode)
                    deaths[number] = deaths.get(number, 0) + 1
                    if deaths[number] <= RETRIES:
                        retry.append(number)
                        if on_restart is not None:
                            on_restart(pending[number], reason)
                        continue
                    item = pending.pop(number)
                    if on_lost is None:
                        raise WorkerLost(f"worker processes died twice ({reason}) on item "
                                         f"{number}", number) from None
                    done[number] = on_lost(item, f"worker processes died twice on it "
                                                 f"({reason})")
                    continue
                worker.task = None
                pending.pop(reply_number, None)
                if not ok:
                    raise WorkerError(f"item {reply_number} failed in a worker:\n{value}")
                done[reply_number] = cast(R, value)
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
