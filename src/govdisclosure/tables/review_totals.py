"""Step 4 for table 四: a run of values with blank cells dropped, cut into the groups by their totals."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence

from ..layout import Token, printed_total_holds
from .drawn import ACROSS_HEADER, all_alike, order_refused, reads_alike
from .grid import Grid
from .review_headed import HEADED_ELSEWHERE, headed_elsewhere

__all__ = ["CUT_INSIDE", "SHARED_ROW", "place_by_totals", "refuse_order"]

SHARED_ROW = (
    "values printed one per line in a row whose first value the totals give to another group, "
    "its other values drawn before: where that group's total stood among them is not shown"
)


CUT_INSIDE = (
    "values printed one per line in rows of values among the header's words, the group's first or "
    "last value in a row with another group's: which values are the group's is not shown"
)


def place_by_totals(
    grid: Grid,
    groups: tuple[str, ...],
    columns: tuple[str, ...],
    values: list[Token],
    lined: bool = True,
    runs: Sequence[tuple[int, frozenset[str]]] | None = None,
    astray: bool = False,
    headed: Mapping[int, frozenset[str]] | None = None,
) -> list[Token]:
    """A run with blank cells dropped, cut into the groups where their totals allow one cut only.

    Each group then ends with its printed 总计; a group printing all its cells is read in printed
    order (basis order), the others are said with their values (which columns are blank is not
    shown). Returns the values still unplaced: all of them when the totals allow no cut or several.
    `lined` false: one-line text, whose values show no line each stood on (drawn.shows_column_order).
    `runs`: the rows of values the run came in, in a PDF's reading order, as (how many values,
    the groups whose labels stood right before it): they show where the order went through the
    header's blocks (drawn.ACROSS_HEADER; a run of a group's count of values straddling two
    groups, `_crossed`; a group's edge inside a row of values holding another group's, its values
    in two rows or more, `_cut_inside`). `astray`: the values stand among the header's lines
    (drawn.TOTAL_EARLIER). `headed`: the columns the header words right before a value name
    (review_headed.py).
    """
    width = len(columns)
    cuts = _cuts(values, len(groups), width)
    if len(cuts) != 1:
        return values
    apart = _named_apart(runs, groups, cuts[0]) if runs is not None else set()
    sharing = _sharing_with(apart, runs, groups, cuts[0]) if runs is not None else set()
    crossed = _crossed(values, runs, cuts[0], width) if runs is not None else {}
    inside = _cut_inside(values, runs, cuts[0]) if runs is not None else set()
    start = 0
    for group, stop in zip(groups, cuts[0], strict=True):
        part = values[start:stop]
        start = stop
        shown = " ".join(t.text.strip() for t in part)
        # (Alike values read the same in any order; a run across the cut reads the same only where
        # its values are alike the group's too: `— 0 0 0 0` is no `0 0 0 0 0`.)
        across = group in apart and not reads_alike(part)
        if len(part) == width and (across or (stop in crossed and not all_alike([*part, *crossed[stop]]))):
            grid.unplaced(f"{group}: {ACROSS_HEADER} ({shown})", part[0].line)
        elif len(part) == width and group in sharing and not reads_alike(part):
            grid.unplaced(f"{group}: {SHARED_ROW} ({shown})", part[0].line)
        elif len(part) == width and headed_elsewhere(part, columns, headed or {}) and not reads_alike(part):
            grid.unplaced(f"{group}: {HEADED_ELSEWHERE} ({shown})", part[0].line)
        elif len(part) == width and stop in inside:
            grid.unplaced(f"{group}: {CUT_INSIDE} ({shown})", part[0].line)
        elif len(part) == width and not refuse_order(grid, group, part, lined, astray):
            grid.place(group, columns, part, basis="order")
        else:
            grid.unplaced(
                f"{group}: {len(part)} values for {width} columns, ending with its total ({shown})",
                part[0].line,
            )
    return []


def refuse_order(grid: Grid, group: str, part: list[Token], lined: bool, astray: bool) -> bool:
    """Say a table 四 group whose values, read in printed order, do not show their columns' order
    (drawn.order_refused); True when it was said."""
    reason = order_refused(part, grid.reading_order, lined, astray)
    if reason is not None:
        grid.unplaced(f"{group}: {reason} ({' '.join(t.text.strip() for t in part)})", part[0].line)
    return reason is not None


def _crossed(
    values: list[Token], runs: Sequence[tuple[int, frozenset[str]]], stops: tuple[int, ...], width: int
) -> dict[int, list[Token]]:
    """The stops of the groups (cut at `stops`) that a run of exactly a group's values, its total
    holding, straddles: that run read as one group is another reading the totals allow. Chromium's
    PDF, cells aligned bottom, drew each group's values under its own header but 行政复议's total
    with 复议后起诉's (`— — 1 —` / header / `1 — — — 1` / header / `1 — — — — —`): cut in printed
    order, 未经复议直接起诉 read `— — — 1 1` for 1 — — — 1 (fresh review seed 20268818 r078-v0).
    Each stop with the values of the runs straddling it."""
    spans = _spans(stops)
    crossed: dict[int, list[Token]] = {}
    for lo, hi in _spans(itertools.accumulate(count for count, _ in runs)):
        if hi - lo == width and (lo, hi) not in spans and printed_total_holds(values[lo:hi]):
            for start, stop in spans:
                if start < hi and lo < stop:
                    crossed.setdefault(stop, []).extend(values[lo:hi])
    return crossed


def _cut_inside(
    values: list[Token], runs: Sequence[tuple[int, frozenset[str]]], stops: tuple[int, ...]
) -> set[int]:
    """The stops of the groups whose values came in two rows of values or more (the header's words
    between them), one of the group's edges inside a row of values with another group's, and not
    all alike: which of those rows' values are the group's is not shown (a LibreOffice PDF drew
    行政复议's total after 未经复议直接起诉's first values: fresh review seed 20268828 r048-v1)."""
    rows = _spans(itertools.accumulate(count for count, _ in runs))
    ends = {0, *(stop for _, stop in rows)}
    inside: set[int] = set()
    for start, stop in _spans(stops):
        held = sum(1 for lo, hi in rows if lo < stop and start < hi)
        if held >= 2 and not {start, stop} <= ends and not all_alike(values[start:stop]):
            inside.add(stop)
    return inside


def _named_apart(
    runs: Sequence[tuple[int, frozenset[str]]], groups: tuple[str, ...], stops: tuple[int, ...]
) -> set[str]:
    """The groups whose values stand apart from their label (cut at `stops`): in a row of values
    right after labels that all name groups after the one whose values open it, the groups not
    named there. `复议后起诉`'s header, then 未经复议直接起诉's values, whose label came before
    行政复议's (LibreOffice's PDF through plain pdftotext reordered those: held-out seeds 20261204
    r056 and 20261208 r025); 复议后起诉's values after them follow their own label. Values after
    their own group's label, or after the whole header, show nothing out of order (Chromium's
    PDFs: 未经复议直接起诉 / 复议后起诉 / values)."""
    owner = [g for g, (start, stop) in zip(groups, _spans(stops), strict=True) for _ in range(start, stop)]
    apart = set[str]()
    for (_, named), (start, stop) in zip(runs, _spans(itertools.accumulate(c for c, _ in runs)), strict=True):
        held = owner[start:stop]
        if named and held and all(groups.index(g) > groups.index(held[0]) for g in named):
            apart.update(g for g in held if g not in named)
    return apart


def _sharing_with(
    apart: set[str],
    runs: Sequence[tuple[int, frozenset[str]]],
    groups: tuple[str, ...],
    stops: tuple[int, ...],
) -> set[str]:
    """The groups whose values share a row of values with the total of a group standing apart from
    its label (`_named_apart`), the group's other values all in rows before: where in that row the
    total was drawn is not shown. LibreOffice's PDF through plain pdftotext drew 未经复议直接起诉's
    total after 复议后起诉's four inner values, `0 3 3 0 0` / `总计` / `6` for 0 3 3 0 6: cut in
    printed order, 复议后起诉 read 3 3 0 0 6 (fresh review seed 20268822 r083-v1). (Where more of
    the group's values open the row, they were drawn there in order, as Chromium draws a group's
    first cell after its header word and the rest with the next group's: seed 20268817 r033-v1.)"""
    spans = dict(zip(groups, _spans(stops), strict=True))
    sharing = set[str]()
    for start, stop in _spans(itertools.accumulate(c for c, _ in runs)):
        held = {g for g, (lo, hi) in spans.items() if lo < stop and start < hi}
        if any(spans[g][1] == start + 1 for g in held & apart):
            sharing |= held - apart
    return sharing


def _spans(ends: Iterable[int]) -> list[tuple[int, int]]:
    """(start, stop) of consecutive parts of a run of values, from where each ends: the groups a
    cut gives, or the rows of values the run came in."""
    return list(itertools.pairwise([0, *ends]))


def _cuts(values: list[Token], groups: int, width: int, start: int = 0) -> list[tuple[int, ...]]:
    """Every way to cut values[start:] into `groups` runs of 2 to `width` values, each one's total holding."""
    if groups == 0:
        return [()] if start == len(values) else []
    found: list[tuple[int, ...]] = []
    for stop in range(start + 2, min(start + width, len(values)) + 1):
        if printed_total_holds(values[start:stop]):
            found += [(stop, *rest) for rest in _cuts(values, groups - 1, width, stop)]
    return found
