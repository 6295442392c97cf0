"""Step 2 for one-line texts: headings inside a long line (crawler page text, FORMAT.md §2.2 G)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from ..numbering import INLINE_START, NEXT_CLAUSE, match_marker
from .config import SectionsConfig
from .fold import fold
from .heading import Heading
from .labels import TableLabels
from .text import TERMINATORS, clean_title

__all__ = ["INLINE_MIN_LENGTH", "InlineHit", "find_inline"]

#: Lines at least this long are searched for headings inside them; shorter lines are wrapped prose.
INLINE_MIN_LENGTH = 200
# Where an inline heading may start: after a sentence end or a space (not after 第, 元 or a digit).
_BOUNDARY = set(TERMINATORS) | {" ", "\t", "\u3000", "\xa0"}
_STRONG = 6  # the first six configured endings close a title on their own (情况, 方面 …)


# A NamedTuple, not an attrs class: internal, and an attrs class costs ~2.6 million instructions to define
# at import (docs/performance.md); a NamedTuple a fifth of that, immutable and compared by value too.
class InlineHit(NamedTuple):
    """A heading found at [start, end) of a long line; `end` is where its title stops."""

    heading: Heading
    start: int
    end: int


@lru_cache(maxsize=8)
def _longest_first(config: SectionsConfig) -> tuple[str, ...]:
    """The canonical spellings, folded, longest first: built once per configuration, not per marker."""
    return tuple(sorted((fold(s) for c in config.sections for s in c.spellings), key=len, reverse=True))


def _canonical_end(folded: str, pos: int, config: SectionsConfig) -> int:
    for spelling in _longest_first(config):
        if folded.startswith(spelling, pos):
            return pos + len(spelling)
    return -1


def _chain(window: str, end: int, words: tuple[str, ...]) -> int:
    """Extend a title over ending words that follow it directly (公开 + 工作 → 公开工作)."""
    extended = True
    while extended:
        extended = False
        for word in words:
            if window.startswith(word, end):
                end += len(word)
                extended = True
    return end


def _ending(window: str, words: tuple[str, ...], every: tuple[str, ...]) -> int:
    """Where a title ends by its last word (情况, 方面 …), or -1; a title with a comma ends after it."""
    comma = max(window.find(","), window.find("，"))
    for floor in (comma + 1, 0) if comma >= 0 else (0,):
        hits = [(window.find(w, floor), w) for w in words]
        found = [(i, w) for i, w in hits if i >= 0]
        if found:
            i, word = min(found)
            return _chain(window, i + len(word), every)
    return -1


def _title_end(folded: str, pos: int, config: SectionsConfig) -> int:
    """Where an inline title stops: a sentence end, a space, a clause marker or a closing word."""
    window = folded[pos : pos + config.max_inline_title + 1]
    every = config.title_endings
    # A digit starts the text after a run-in title (`（一）主动公开政府信息的数量2019年制作…`).
    stops = [i for i, c in enumerate(window) if c in TERMINATORS or c.isspace() or c.isdigit()]
    nxt = NEXT_CLAUSE.search(window)
    if nxt is not None and nxt.start() > 0:
        stops.append(nxt.start())
    strong = _ending(window, every[:_STRONG], every)
    if strong > 0:
        stops.append(strong)
    if stops:
        return pos + min(stops)
    weak = _ending(window, every, every)
    return pos + weak if weak > 0 else -1


def find_inline(line: str, config: SectionsConfig, labels: TableLabels) -> Iterator[InlineHit]:
    """Every heading inside a long cleaned line, in order: 一、 and （一）, and 1、 and （1） whose
    title stands between spaces (a top-level 1、 also when it spells a section's title)."""
    folded = fold(line)
    last_end = 0
    for start in INLINE_START.finditer(folded):
        pos = start.start()
        found = match_marker(folded, line, pos)
        if found is None or found.marker.style not in ("cjk", "cjk_paren", "arabic", "arabic_paren"):
            continue
        begin = found.end
        top = found.marker.style in ("cjk", "arabic")
        end = _canonical_end(folded, begin, config) if top else -1
        canonical = end > 0
        if not canonical:
            if pos > 0 and pos != last_end and folded[pos - 1] not in _BOUNDARY:
                continue
            end = _title_end(folded, begin, config)
            # 1、 and （1） inside a sentence number its items; a heading's title stands alone,
            # closed by a space before its text (`1、依申请公开 严格执行…`).
            if found.marker.style.startswith("arabic") and not (end < len(folded) and folded[end].isspace()):
                continue
        if end <= begin:
            continue
        title = clean_title(line[begin:end])
        if len(title) < 2 or labels.is_row_heading(found.marker.ordinal, line[begin : begin + 40]):
            continue
        last_end = end
        yield InlineHit(Heading(found.marker, title, "inline"), pos, end)
