"""Step 4c for table 二: a block's last column whose header the page's edge cut short, its values said.

A table wider than its page is cut at the page's edge (page_edge.py). Where the edge cuts through
a block's last column, its header prints a piece of its label (`采购总金` of 采购总金额) and its
values may be cut as well (`228.2` of 228.27), and no text shows how much of a number is gone: a
review's Chromium PDF on A5 paper in 21 px type, nowrap, through every PDF route. Where the edge
cuts right of the header word but through the number (`1,093,548.4` under a whole `采购总金额`), the
text shows nothing (docs/flattening.md).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lexicon import key_of
from ..nfkc import nfkc
from ..notes import ANNOTATION
from .grid import Grid
from .regions import Region
from .spelled import HeaderLabels

__all__ = ["say_cut_short_columns"]

# A label's piece the page's edge left: its first characters, two at least (`采购总金`).
CUT_PIECE = 2


def say_cut_short_columns(
    grid: Grid, region: Region, blocks: Sequence[tuple[str, tuple[str, ...]]], labels: HeaderLabels
) -> None:
    """Say, and take off the grid, table 二's cells under a header the page cut short: a block's
    last column printing a piece of its label (`采购总金` of 采购总金额), the label's first
    characters with some of the rest nowhere in the block's header, stands at the page's edge, and
    the edge may cut its values as well (`228.2` of 228.27: a review's Chromium PDF on A5 paper in
    21 px type, nowrap)."""
    for row, column in _cut_short_columns(region, blocks, labels).items():
        cell = grid.rows.get(row, {}).pop(column, None)
        if cell is not None:
            said = f"{column}'s header is cut short at the page's edge, and so may its value be"
            grid.unplaced(f"{row}: {said} ({cell.raw})", cell.line)


def _cut_short_columns(
    region: Region, blocks: Sequence[tuple[str, tuple[str, ...]]], labels: HeaderLabels
) -> dict[str, str]:
    cut: dict[str, str] = {}
    block: tuple[str, ...] | None = None
    header: list[str] = []
    for matched in region.rows:
        entries = [e for _, e in matched.entries_for(region.table)]
        caption = next((e for e in entries if e.kind == "caption"), None)
        if caption is not None:
            block = next((columns for text, columns in blocks if key_of(text) == caption.key), None)
            header = []
            continue
        rows = [e.id for e in entries if e.kind == "row"]
        if block is None:
            continue
        if not rows:
            header += [key_of(m.token.text) for m in matched.matches if m.token.kind == "text"]
            continue
        if _cut_short(header, labels.columns.get(block[-1], ())):
            cut.update({row: block[-1] for row in rows})
    return cut


def _cut_short(words: Sequence[str], spellings: Sequence[str]) -> bool:
    """True when a word ends with the first characters (two or more) of a spelling of the label, its
    bracketed note set aside, and the words, in order, print no spelling whole: the label printed
    up to the page's edge. (In order, not side by side: a narrow header's lines interleave its
    cells' pieces, `对外公开总数` / `量`.)"""
    cores = [key_of(ANNOTATION.sub(r"\g<label>", nfkc(s))) for s in spellings]
    printed = "".join(words)
    if not words or not cores or any(_in_order(core, printed) for core in cores):
        return False
    return any(
        len(word) >= CUT_PIECE
        and any(word.endswith(core[:n]) for core in cores for n in range(CUT_PIECE, len(core)))
        for word in words
    )


def _in_order(core: str, text: str) -> bool:
    """True when the text holds the core's characters in its order, others between them or not."""
    rest = iter(text)
    return all(character in rest for character in core)
