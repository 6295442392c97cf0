"""Step 5a: a table 二 row placed by printed order with a decimal or a sign under a count is said.

Table 二's counts (件数, 项目数量, 处理决定数量) are whole numbers printed with no sign; only its
money columns print decimals, and only 本年增/减 a sign. A row whose printed order put a decimal or
a signed number under a count is not in its columns' order: `869.60` / `55` for 55 procurement
projects of 869.60 (pdfminer drew the amount's box first: review seed 20268834 r047-v1), `/` /
`27779` / `+1` for /, +1, 27779 (plain pdftotext drew 27779's box first: seed 20268829 r085-v1).
Where the text showed each cell's place (no basis), the row stays as read: a report may print a
count so.
"""

from __future__ import annotations

from decimal import Decimal

from ..template_spec import Column
from ..templates import Template
from ..values import clean
from .grid import Grid

__all__ = ["refuse_decimal_counts"]

DECIMAL_COUNT = (
    "a decimal or a signed number placed by printed order under a count column, which holds "
    "whole numbers with no sign: the values' order is not their columns'"
)


def refuse_decimal_counts(grid: Grid, template: Template) -> None:
    """Take back, and say, each table 二 row placed where the text does not show each cell's place
    (a cell with a basis: printed order, a split) holding a decimal under a column that is not
    money, or a signed number under one not signed."""
    if grid.table != "active_disclosure":
        return
    columns = template.active_disclosure.columns
    for row, cells in list(grid.rows.items()):
        if all(cell.basis is None for cell in cells.values()):
            continue
        if any(
            cell.kind == "number" and c in columns and not _fits(cell.raw, cell.value, columns[c])
            for c, cell in cells.items()
        ):
            grid.take_back(row, DECIMAL_COUNT)


def _fits(raw: str, value: int | Decimal | None, column: Column) -> bool:
    """Whether a number can stand under the column: a decimal under money only, a sign under a
    signed column only."""
    return (column.money or isinstance(value, int)) and (column.signed or clean(raw)[:1] not in "+-")
