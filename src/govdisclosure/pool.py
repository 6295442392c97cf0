"""A process pool for batches: results in submission order, a dead worker's tasks rerun one by one.

`batch.parse_many` runs its tasks through it; nothing here knows about reports.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import islice
from typing import Generic, TypeVar

__all__ = ["OrderedPool"]

# Tasks in flight per worker: enough to keep every worker busy while a slow report holds the head.
_WINDOW_PER_JOB = 8

T = TypeVar("T")
R = TypeVar("R")


class OrderedPool(Generic[T, R]):
    """A process pool that yields results in submission order and survives a worker's death."""

    def __init__(self, jobs: int, work: Callable[[T], R], died: Callable[[T, BaseException], R]) -> None:
        """`jobs` worker processes running `work`; `died(task, error)` stands for a task whose worker died."""
        # Imported here: multiprocessing costs cold-import time that single-report users never need.
        from concurrent.futures import ProcessPoolExecutor

        self._new: Callable[[], ProcessPoolExecutor] = partial(ProcessPoolExecutor, max_workers=jobs)
        self._jobs = jobs
        self._work = work
        self._died = died
        self._executor = self._new()

    def close(self) -> None:
        """Stop the workers, cancelling what has not started."""
        self._executor.shutdown(wait=True, cancel_futures=True)

    def _restart(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = self._new()

    def _alone(self, task: T) -> R:
        """Run one task with nothing else in flight, so a dead worker names its input."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self._executor.submit(self._work, task).result()
        except BrokenProcessPool as exc:
            self._restart()
            return self._died(task, exc)

    def map(self, tasks: Iterable[T]) -> Iterator[R]:
        """`work(task)` for each task, in the tasks' order, a few tasks per worker read ahead."""
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        source = iter(tasks)
        window = self._jobs * _WINDOW_PER_JOB
        pending: deque[tuple[T, Future[R]]] = deque()

        def refill() -> None:
            for task in islice(source, window - len(pending)):
                try:
                    future = self._executor.submit(self._work, task)
                except BrokenProcessPool as exc:
                    # A worker died after the last result came back: the task waits its turn with
                    # the others in flight, to be rerun one by one as they are.
                    future = Future()
                    future.set_exception(exc)
                pending.append((task, future))

        refill()
        while pending:
            task, future = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                # Some worker died (a crash, the OOM killer): rerun everything in flight one by one.
                suspects = [task, *(t for t, _ in pending)]
                pending.clear()
                self._restart()
                for suspect in suspects:
                    yield self._alone(suspect)
                refill()
                continue
            yield result
            refill()
