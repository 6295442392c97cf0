"""Parse one hostile input under a time ceiling linear in its size, and measure its memory.

The ceiling is generous on purpose: SECONDS_PER_MCHAR seconds per million characters plus a fixed
second, about four times what a real report costs on a 2-core machine (override with
GOVDISCLOSURE_SECONDS_PER_MCHAR on slower hardware). It catches hangs, quadratic steps and
per-line costs out of all proportion, not a few percent.

To keep a gross defect cheap to see, `measure` first parses a slice (1/SLICE of the size) and
stops there when the slice alone, scaled up, passes the ceiling three times over: parsing reads
every character, so the whole should not cost much less per character than a part of it (the
fixed cost, measured on "", is subtracted first). A watchdog (SIGALRM) stops a hang at the
ceiling. The slice also gives the memory figure for inputs too large to trace in full.
"""

from __future__ import annotations

import os
import signal
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

import attrs

from govdisclosure import GovDisclosureError, Report, parse

from .corpus import seed_text

SECONDS_PER_MCHAR = float(os.environ.get("GOVDISCLOSURE_SECONDS_PER_MCHAR", "60"))
FIXED_SECONDS = 1.0
# Peak memory: the input itself is already held; parsing may add this much per character, plus a
# fixed allowance (templates, grammars, the report), and no more.
BYTES_PER_CHAR = 400
FIXED_BYTES = 32_000_000
SLICE = 20
FULL_TRACE_CHARS = 50_000


def ceiling_seconds(chars: int) -> float:
    """The most `parse` may take on an input of this many characters."""
    return FIXED_SECONDS + SECONDS_PER_MCHAR * chars / 1_000_000


def ceiling_bytes(chars: int) -> int:
    """The most memory (tracemalloc peak) `parse` may allocate on an input of this many characters."""
    return FIXED_BYTES + BYTES_PER_CHAR * chars


class Timeout(Exception):
    """The watchdog fired: parse ran past its ceiling."""


@contextmanager
def watchdog(seconds: float) -> Iterator[None]:
    """Raise Timeout in the main thread after `seconds` (a hang becomes a failure, not a stall)."""

    def fire(signum: int, frame: FrameType | None) -> None:
        raise Timeout(f"still parsing after {seconds:.1f} s")

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@attrs.frozen
class Measurement:
    """What parsing one input cost and gave."""

    chars: int
    seconds: float | None  # None when the slice already showed the ceiling would be passed
    projected: float  # seconds the whole input costs at least, from the slice
    peak_bytes: int  # tracemalloc peak while parsing the slice, scaled to the whole
    report: Report | None  # the whole input's report (None when not run in full or it failed)
    error: BaseException | None
    slice_report: Report  # the slice's report: what the diagnostics say even when the whole is too slow

    @property
    def ceiling(self) -> float:
        """The time this input may take."""
        return ceiling_seconds(self.chars)

    def describe(self) -> str:
        """One line for an assertion message."""
        took = f"{self.seconds:.2f} s" if self.seconds is not None else "not run in full"
        return (
            f"{self.chars:,} chars: {took}; at least {self.projected:.1f} s projected from a 1/{SLICE} slice;"
            f" ceiling {self.ceiling:.1f} s; peak {self.peak_bytes / 1e6:.1f} MB"
        )


def _timed(text: str) -> float:
    start = time.perf_counter()
    parse(text)
    return time.perf_counter() - start


def _baseline(warm_up: str) -> float:
    # Parse a real report first, so lazily built grammars and caches are not billed to the slice.
    _timed(warm_up)
    return min(_timed("") for _ in range(3))


def _peak(text: str) -> int:
    tracemalloc.start()
    try:
        parse(text)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def measure(build: Callable[[int], str], size: int) -> Measurement:
    """Parse build(size), first checking a slice build(size // SLICE) against the ceiling."""
    text = build(size)
    chars = len(text)
    fixed = _baseline(seed_text())
    small = build(max(size // SLICE, 1)) if size >= SLICE else text
    scale = chars / max(len(small), 1)
    with watchdog(ceiling_seconds(chars)):
        start = time.perf_counter()
        slice_report = parse(small)
        slice_seconds = time.perf_counter() - start
    projected = max(slice_seconds - fixed, 0.0) * scale
    # Memory on the whole input when it is small enough for tracemalloc's slowdown, else on the
    # slice, scaled up.
    peak_bytes = int(_peak(small) * scale)
    if chars <= FULL_TRACE_CHARS:
        try:
            # tracemalloc slows parsing about threefold.
            with watchdog(3 * ceiling_seconds(chars)):
                peak_bytes = _peak(text)
        except Timeout:
            pass  # the time tests report it; the slice's figure stands
    # Three times over: clear enough to stop here (a warm cache can make a slice dearer per character).
    if projected > 3 * ceiling_seconds(chars):
        return Measurement(chars, None, projected, peak_bytes, None, None, slice_report)
    report: Report | None = None
    error: BaseException | None = None
    start = time.perf_counter()
    try:
        with watchdog(ceiling_seconds(chars)):
            report = parse(text)
    except (Timeout, GovDisclosureError) as exc:
        error = exc
    return Measurement(chars, time.perf_counter() - start, projected, peak_bytes, report, error, slice_report)
