"""Remembering what a short text reads as: one cache policy for every cell and label reading.

Reports repeat the same few cell texts (0, 无, 1, 2, each label) thousands of times over, so a
reading remembered by text skips the regex and NFKC work for all but the first. Only short texts
are remembered: a cell or a label is short, and a long text (a paragraph taken for a cell, a
hostile line) would otherwise stay in memory for the life of a batch worker. The readings are
immutable (bool, int, Decimal, str, tuples of them), so sharing them is safe.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, Protocol, TypeVar, cast

__all__ = ["LONGEST", "TEXTS", "TextCache", "TextsCache", "text_cache", "text_cache_of"]

# Distinct texts remembered per reading, and the longest text remembered.
TEXTS = 8192
LONGEST = 256

R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)
P = ParamSpec("P")


class TextCache(Protocol[R]):
    """A function of one text, remembered for texts of up to LONGEST characters."""

    __wrapped__: Callable[[str], R]

    def __call__(self, text: str, /) -> R:
        """The reading of the text."""

    def cache_info(self) -> functools._CacheInfo:
        """How many texts are remembered, hits and misses (functools.lru_cache's figures)."""

    def cache_clear(self) -> None:
        """Forget every remembered text."""


def text_cache(func: Callable[[str], R]) -> TextCache[R]:
    """Remember `func`'s reading of each short text (see the module's docstring)."""
    cached = functools.lru_cache(maxsize=TEXTS)(func)

    # A plain closure, not an object's __call__: these readings run for every cell of a report.
    @functools.wraps(func)
    def read(text: str) -> R:
        return cached(text) if len(text) <= LONGEST else func(text)

    read.cache_info = cached.cache_info  # type: ignore[attr-defined]
    read.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return cast("TextCache[R]", read)


class TextsCache(Protocol[P, R_co]):
    """A function of a text and other (hashable) arguments, remembered for short texts."""

    def __call__(self, text: str, /, *args: P.args, **kwargs: P.kwargs) -> R_co:
        """The reading of the text with the other arguments."""

    def cache_clear(self) -> None:
        """Forget every remembered reading."""


def text_cache_of(
    maxsize: int,
) -> Callable[[Callable[Concatenate[str, P], R]], TextsCache[P, R]]:
    """Remember up to `maxsize` readings of a function whose first argument is the text, by all
    its arguments, for texts of up to LONGEST characters (a line's reading, with its configuration)."""

    def remember(func: Callable[Concatenate[str, P], R]) -> TextsCache[P, R]:
        cached = functools.lru_cache(maxsize=maxsize)(func)

        @functools.wraps(func)
        def read(text: str, /, *args: P.args, **kwargs: P.kwargs) -> R:
            if len(text) <= LONGEST:
                return cached(text, *args, **kwargs)  # type: ignore[arg-type]  # (hashable arguments)
            return func(text, *args, **kwargs)

        read.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return cast("TextsCache[P, R]", read)

    return remember
