"""Step 4 for tables 二 and 三: label-anchored rows -> values on the grid, in any layout (§2.2)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs
import regex

from ..layout import Token
from ..values import clean
from .grid import FusedRun, Grid
from .positions import ColumnPositions
from .regions import Region
from .shape import ColumnsOf, row_shapes

# A cell that reads as digits run together, possibly with signs, decimals and a unit.
DIGIT_RUN = regex.compile(r"^[+\-]?+\d[\d.,+\-]*+(?:万元|元)?+$")


@attrs.define
class _Pending:
    row: str
    line: int
    values: list[Token] = attrs.field(factory=list)


def _no_group(row: str) -> str | None:
    return None


def fit(tokens: Sequence[Token], n: int, trim_start: bool = True) -> list[Token] | None:
    """Exactly n value/empty cells, dropping empties at the ends that stand for merged cells.

    Trailing empties go first: copies pad rows at the end more often than at the start.
    `trim_start=False` keeps the start as it is (a row with words in it, which trimming there
    could shift into another column).
    """
    cells = list(tokens)
    while len(cells) > n:
        if cells[-1].kind == "empty":
            cells.pop()
        elif trim_start and cells[0].kind == "empty":
            cells.pop(0)
        else:
            return None
    return cells if len(cells) == n else None


def _put(
    grid: Grid,
    row: str,
    columns: tuple[str, ...],
    values: list[Token],
    line: int,
    fused: bool = False,
    where: tuple[ColumnPositions, int | None] | None = None,
) -> None:
    # Where the layout shows the grid, the values stand in their columns (positions.py).
    if where is not None:
        positions, width = where
        picked = positions.pick(values, columns, width)
        if picked is not None:
            grid.place(row, columns, picked)
            return
    # With words among the cells only padding at the end may go: trimming at the start could
    # shift the words into another column.
    has_text = any(v.kind == "text" for v in values)
    fitted = fit(values, len(columns), trim_start=not has_text)
    if fitted is not None:
        grid.place(row, columns, fitted)
        return
    filled = [v for v in values if v.kind == "value"]
    digits_only = all(DIGIT_RUN.match(clean(v.text).replace(" ", "")) for v in filled)
    if (
        fused
        and filled
        and len(filled) < len(columns)
        and digits_only
        and all(v.kind == "value" for v in values)
    ):
        # A fused line lost its cell boundaries (§2.2 G): split later, with the identities.
        # Elsewhere a lone 412 is one whole cell, and splitting it would invent numbers.
        grid.fused.append(FusedRun(row, columns, tuple(clean(v.text) for v in filled), line))
        return
    raw = " ".join(v.text.strip() or "∅" for v in values)
    grid.unplaced(f"{row}: {len(values)} cells for {len(columns)} columns ({raw})", line)


def assemble_rows(
    region: Region,
    grid: Grid,
    columns_of: ColumnsOf,
    group_of: Callable[[str], str | None] = _no_group,
    positions: ColumnPositions | None = None,
) -> None:
    """Place every labelled row of a table region on the grid, row shapes from tables.lark.

    `group_of` names the group a data row belongs to (（三）不予公开 for 1.属于国家秘密), if any;
    `positions` follows the header's column positions for rows whose layout shows the grid.
    """
    positions = positions or ColumnPositions(region.table)
    pending: _Pending | None = None

    def flush() -> None:
        # A label printed apart from its values (PDF text) owns exactly the values up to the
        # next row label; any other count means the order is lost, so nothing is placed.
        if pending is not None and pending.values:
            _put(grid, pending.row, columns_of(pending.row) or (), pending.values, pending.line)

    shapes = row_shapes(region.rows, region.table, columns_of)
    for matched, shape in zip(region.rows, shapes, strict=True):
        positions.see(matched)
        if shape.caption:
            flush()
            pending = None
        if not shape.segments:
            values = list(shape.lead)
            if not any(v.kind == "value" for v in values):
                continue
            if pending is not None:
                pending.values += values
            elif not shape.labelled:
                raw = " ".join(v.text.strip() for v in values)
                grid.unplaced(f"values with no row label ({raw})", shape.line)
            continue
        segment = shape.segments[-1]
        values = list(segment.values)
        columns = columns_of(segment.anchor.id) or ()
        if segment.bounds == "words" and 0 < sum(v.kind == "value" for v in values) < len(columns):
            # Plain pdftotext prints the first value beside the label and the rest below it.
            flush()
            pending = _Pending(segment.anchor.id, shape.line, values)
            continue
        if not any(v.kind == "value" for v in values) and (not values or segment.bounds == "words"):
            if pending is not None and not pending.values and group_of(pending.row) in segment.groups:
                continue  # the group label centred among its rows (PDF) does not take their values
            flush()
            pending = _Pending(segment.anchor.id, shape.line)
            continue
        flush()
        pending = None
        where = (positions, matched.row.width) if matched.row.width is not None else None
        _put(grid, segment.anchor.id, columns, values, shape.line, segment.bounds == "fused", where)
    flush()
