"""Patterns compiled on first use: an import pays nothing for a layout the text never shows.

`regex` parses a pattern in pure Python (~0.3 ms a pattern, docs/performance.md). Most patterns
serve every report and are compiled at import; those of a rarer layout (box drawing, dash-rule
tables, fused PDF runs, HTML pages) are declared with `lazy_pattern` and compiled the first time
a text asks for them. The compiled pattern is the same either way, so results cannot change.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import regex

__all__ = ["lazy_pattern"]


def lazy_pattern(pattern: str, flags: int = 0) -> Callable[[], regex.Pattern[str]]:
    """A pattern compiled on its first use: call the result for the compiled pattern."""

    # One compiled pattern, kept for the process (functools.cache of a function without arguments).
    @functools.cache
    def compiled() -> regex.Pattern[str]:
        return regex.compile(pattern, flags)

    return compiled
