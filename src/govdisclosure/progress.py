"""A one-line progress report on stderr (count, rate, time left), drawn only when stderr is a terminal."""

from __future__ import annotations

import sys
import time

__all__ = ["Progress"]


class Progress:
    """A one-line progress report on stderr (`12/100 reports, 1 failed, 35/s, 3s left`), drawn only
    when stderr is a terminal: piped or redirected output never holds it. No dependency needed.

    `total=None` (an input of unknown length) shows the count and the rate, no time left.
    """

    def __init__(self, total: int | None, *, enabled: bool = True, every: float = 0.1) -> None:
        self.total = total
        self.done = self.failed = 0
        self.enabled = enabled and sys.stderr.isatty()
        self._every = every
        self._start = self._drawn = time.monotonic()
        self._shown = False

    def step(self, *, failed: bool = False) -> None:
        """Count one finished input; redraw at most every `every` seconds."""
        self.done += 1
        self.failed += failed
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= self._every or self.done == self.total):
            self._drawn = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.done / max(now - self._start, 1e-9)
        failed = f", {self.failed} failed" if self.failed else ""
        if self.total is None:
            line = f"{self.done} reports{failed}, {rate:.0f}/s"
        else:
            left = (self.total - self.done) / rate if rate else 0.0
            line = f"{self.done}/{self.total} reports{failed}, {rate:.0f}/s, {left:.0f}s left"
        sys.stderr.write("\r\x1b[K" + line)
        sys.stderr.flush()
        self._shown = True

    def clear(self) -> None:
        """Erase the line before other output goes to the terminal."""
        if self._shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self._shown = False

    def close(self) -> None:
        """Erase the line at the end."""
        self.clear()
