"""Batch parsing: many reports through a process pool, results in input order (docs/scale.md).

>>> [r.report.year for r in parse_many(["一、总体情况\\n2023年度报告"], jobs=1)]
[2023]
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterable, Iterator, Sized
from typing import Any

import attrs

from .api import MAX_INPUT_CHARS, parse, parse_file
from .errors import GovDisclosureError
from .model import Report
from .pool import OrderedPool
from .templates import TemplateRegistry
from .textfile import MAX_PATH_CHARS, decode, looks_like_path

__all__ = ["BatchResult", "Source", "parse_many", "resolve_jobs"]

#: One input of `parse_many`: a report's text, a path to its file, or the file's bytes.
Source = str | os.PathLike[str] | bytes


@attrs.frozen
class BatchResult:
    """One input's outcome, in input order: its Report, or the error that stopped it (never both)."""

    index: int
    source: str  # the path as given, or "<text N>" / "<bytes N>" for an in-memory input
    report: Report | None = None
    error: BaseException | None = None
    # What parse_many's `then` made of the report, in the process that parsed it (report is then None).
    value: Any = None

    @property
    def ok(self) -> bool:
        """True when the input was parsed (its report may still carry diagnostics)."""
        return self.error is None


@attrs.frozen
class _Task:
    """What a worker needs for one input; pickled to the pool."""

    index: int
    source: str
    path: str | None
    text: str | None
    data: bytes | None
    strict: bool
    max_chars: int
    templates: TemplateRegistry | None
    problem: str | None = None  # why the item cannot be parsed at all (a wrong type)
    then: Callable[[Report], Any] | None = None


def resolve_jobs(jobs: int | None) -> int:
    """The number of worker processes: `jobs`, or every CPU this process may use when None or 0."""
    if jobs is None or jobs == 0:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # pragma: no cover - macOS and Windows have no sched_getaffinity
            return max(1, os.cpu_count() or 1)
    if jobs < 0:
        raise ValueError(f"jobs must be at least 1 (or 0/None for every CPU), not {jobs}")
    return jobs


def _is_path(item: str) -> bool:
    # An existing file, or a string that reads as a file name (`reports/typo.txt`): read as a
    # path, so a missing one is a ReadError, never a report parsed from the name's characters.
    single_line = len(item) <= MAX_PATH_CHARS and "\n" not in item and "\r" not in item
    return (single_line and os.path.isfile(item)) or looks_like_path(item)


def _tasks(
    items: Iterable[Source],
    strict: bool,
    max_chars: int,
    templates: TemplateRegistry | None,
    then: Callable[[Report], Any] | None,
) -> Iterator[_Task]:
    for index, item in enumerate(items):
        path = text = data = problem = None
        if isinstance(item, bytes):
            data, source = item, f"<bytes {index}>"
        elif isinstance(item, os.PathLike):
            path = source = os.fspath(item)
        elif isinstance(item, str):
            if _is_path(item):
                path = source = item
            else:
                text, source = item, f"<text {index}>"
        else:
            source = f"<{type(item).__name__} {index}>"
            problem = f"parse_many() takes str, bytes or os.PathLike items, not {type(item).__name__}"
        yield _Task(index, source, path, text, data, strict, max_chars, templates, problem, then)


def _report(task: _Task) -> Report:
    if task.problem is not None:
        raise TypeError(task.problem)
    if task.path is not None:
        return parse_file(task.path, strict=task.strict, templates=task.templates, max_chars=task.max_chars)
    if task.data is not None:
        decoded = decode(task.data, task.source)
        text = decoded.text
    else:
        assert task.text is not None
        text = task.text
    report = parse(text, strict=task.strict, templates=task.templates, max_chars=task.max_chars)
    return report if task.data is None else attrs.evolve(report, encoding=decoded.encoding)


@attrs.frozen
class _Carried:
    """A GovDisclosureError in transit: its keyword-only arguments do not survive a plain pickle."""

    kind: type[GovDisclosureError]
    message: str
    line: int | None
    excerpt: str | None
    hint: str | None

    def build(self) -> GovDisclosureError:
        return self.kind(self.message, line=self.line, excerpt=self.excerpt, hint=self.hint)


def _portable(error: BaseException) -> BaseException | _Carried:
    """The error as it can cross a process boundary, keeping our errors' line, excerpt and hint."""
    if isinstance(error, GovDisclosureError):
        return _Carried(type(error), error.message, error.line, error.excerpt, error.hint)
    try:
        pickle.dumps(error)
    except Exception:  # whatever stops pickling: keep the type's name and the message as text
        return GovDisclosureError(f"{type(error).__name__}: {error}")
    return error


def _run_task(task: _Task) -> BatchResult:
    """Parse one input; any exception becomes the result's error (one failure never stops a batch)."""
    try:
        report = _report(task)
        if task.then is not None:
            return BatchResult(task.index, task.source, value=task.then(report))
        return BatchResult(task.index, task.source, report=report)
    except Exception as exc:  # deliberately broad: a bug on one input must not stop the batch
        return BatchResult(task.index, task.source, error=exc)


_Shipped = tuple[BatchResult, "BaseException | _Carried | None"]


def _run_task_remote(task: _Task) -> _Shipped:
    """`_run_task` in a worker: the error travels beside the result, in a form that pickles."""
    result = _run_task(task)
    if result.error is None and task.then is not None:
        try:
            pickle.dumps(result.value)
        except Exception as exc:  # whatever stops pickling: the item's error, never the batch's
            message = f"{task.source}: what `then` returned cannot be sent back ({type(exc).__name__}: {exc})"
            return attrs.evolve(result, value=None), GovDisclosureError(message)
    if result.error is None:
        return result, None
    return attrs.evolve(result, error=None), _portable(result.error)


def _arrived(shipped: _Shipped) -> BatchResult:
    result, error = shipped
    if error is None:
        return result
    return attrs.evolve(result, error=error.build() if isinstance(error, _Carried) else error)


def _died(task: _Task, exc: BaseException) -> _Shipped:
    error = GovDisclosureError(f"{task.source}: the worker process parsing it died ({exc})")
    return BatchResult(task.index, task.source), error


def parse_many(
    paths_or_texts: Iterable[Source],
    *,
    jobs: int | None = 1,
    strict: bool = False,
    templates: TemplateRegistry | None = None,
    max_chars: int = MAX_INPUT_CHARS,
    progress: bool = False,
    then: Callable[[Report], Any] | None = None,
) -> Iterator[BatchResult]:
    """Parse many reports, `jobs` processes at once, yielding a BatchResult per input in input order.

    An item is a report's text, a file path (`pathlib.Path`, or a str naming an existing file and
    holding no line break) or a file's bytes. A failure (unreadable file, `strict` errors, even a
    crashed worker) becomes that item's `error`; the batch goes on. `jobs=1` parses in this
    process; `jobs=None` (or 0) uses every CPU available. Inputs are read lazily, a few per worker
    ahead of the results, so an endless iterable works::

        for result in parse_many(Path("reports").rglob("*.txt"), jobs=4):
            print(result.source, result.report.year if result.ok else result.error)

    `progress=True` draws a line on stderr (count, rate, time left when the input has a length)
    while stderr is a terminal; the results are the same.

    `then`, a function of a Report (defined at a module's top level, so that it pickles), runs
    in the process that parsed each report: the result's `value` holds what it returned and its
    `report` is None. Only that value crosses back to this process, which is cheaper than the
    Report when the value is what you keep (a line of JSON, a few fields); an exception it raises
    is that item's `error`.
    """
    results = _parse_many(paths_or_texts, jobs, strict, templates, max_chars, then)
    if not progress:
        yield from results
        return
    from .progress import Progress

    bar = Progress(len(paths_or_texts) if isinstance(paths_or_texts, Sized) else None)
    try:
        for result in results:
            bar.step(failed=not result.ok)
            yield result
    finally:
        bar.close()


def _parse_many(
    paths_or_texts: Iterable[Source],
    jobs: int | None,
    strict: bool,
    templates: TemplateRegistry | None,
    max_chars: int,
    then: Callable[[Report], Any] | None,
) -> Iterator[BatchResult]:
    workers = resolve_jobs(jobs)
    tasks = _tasks(paths_or_texts, strict, max_chars, templates, then)
    if workers == 1:
        yield from map(_run_task, tasks)
        return
    pool: OrderedPool[_Task, _Shipped] = OrderedPool(workers, _run_task_remote, _died)
    try:
        for shipped in pool.map(tasks):
            yield _arrived(shipped)
    finally:
        pool.close()
