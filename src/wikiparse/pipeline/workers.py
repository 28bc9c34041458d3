"""Ordered parallel map over worker processes, with bounded memory.

``ordered_map(fn, items, jobs=N)`` yields ``fn(item)`` for every item, in input order, computing
up to ``N`` at a time in a :mod:`multiprocessing` pool.  Items are read lazily and only a few
batches per worker are in flight, so a 50 GB dump never sits in memory.  If reading the items
fails part-way (a truncated dump), every result for the items read before is still yielded, and
then the reading error is raised: the caller keeps all the work done.

Workers ignore SIGINT (Ctrl-C goes to the parent, which terminates the pool) and take the
default SIGTERM action, so ``Pool.terminate`` always ends them.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from multiprocessing.pool import AsyncResult, Pool
from typing import Callable, Generator, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def resolve_jobs(jobs: int) -> int:
    """``jobs`` as a worker count: 0 or less means one per CPU core."""
    if jobs > 0:
        return jobs
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _worker_init() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _context() -> multiprocessing.context.BaseContext:
    # fork: workers start with the parent's already-loaded parser (no second grammar build);
    # the pool is made before any other thread (progress bar) exists.
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def ordered_map(
    fn: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int,
    in_flight: int | None = None,
) -> Generator[R, None, None]:
    """``fn`` over ``items`` in ``jobs`` processes, results in order (see the module doc).

    With ``jobs == 1`` everything runs in this process, with no pool.  ``fn`` must be picklable
    (a module-level function or a ``functools.partial`` of one).
    """
    if jobs <= 1:
        for item in items:
            yield fn(item)
        return
    limit = in_flight or 3 * jobs
    pool: Pool = _context().Pool(jobs, initializer=_worker_init)
    try:
        pending: deque[AsyncResult[R]] = deque()
        source = iter(items)
        reading_error: BaseException | None = None
        exhausted = False
        while True:
            while not exhausted and len(pending) < limit:
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                except Exception as err:  # reading failed: finish what was read, then raise
                    reading_error = err
                    exhausted = True
                    break
                pending.append(pool.apply_async(fn, (item,)))
            if not pending:
                break
            yield pending.popleft().get()
        if reading_error is not None:
            raise reading_error
        pool.close()
        pool.join()
    finally:
        pool.terminate()


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
