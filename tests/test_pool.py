"""The batch process pool (pool.OrderedPool) when a worker dies between two submissions.

CI on b302188 failed once in test_batch.py's dead-worker test: the first task's result came back,
then the worker running the second died, and the next submission raised `BrokenProcessPool` out of
`map` instead of the dead task being rerun alone. The executor here breaks on a chosen submission,
so the race is played out every time.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from govdisclosure.pool import OrderedPool


class _Executor:
    """Runs each task at submission; from the `breaks_at`-th submission on (1-based), the pool is broken."""

    def __init__(self, breaks_at: int | None = None) -> None:
        self.submitted = 0
        self.breaks_at = breaks_at

    def submit(self, fn: Callable[[Any], Any], task: Any) -> Future[Any]:
        self.submitted += 1
        if self.breaks_at is not None and self.submitted >= self.breaks_at:
            raise BrokenProcessPool("a child process terminated abruptly")
        future: Future[Any] = Future()
        future.set_result(fn(task))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def _pool(breaks_at: int) -> OrderedPool[int, str]:
    pool: OrderedPool[int, str] = OrderedPool(1, lambda n: f"ok {n}", lambda n, exc: f"died {n}")
    pool.close()  # (the real workers are not needed)
    pool._executor = _Executor(breaks_at)  # type: ignore[assignment]
    pool._new = _Executor  # type: ignore[assignment]
    return pool


def test_a_pool_broken_at_a_later_submission_reruns_the_tasks_left() -> None:
    # Window of 8 tasks: the first eight are submitted, the ninth submission finds the pool broken.
    assert list(_pool(breaks_at=9).map(range(12))) == [f"ok {n}" for n in range(12)]


def test_a_pool_broken_at_the_first_submission_reruns_every_task() -> None:
    assert list(_pool(breaks_at=1).map(range(3))) == ["ok 0", "ok 1", "ok 2"]
