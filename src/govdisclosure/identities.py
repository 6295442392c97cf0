"""The accounting identities (勾稽关系, FORMAT.md §1.6), defined once from the template's data.

Which cells each identity sums, and how a run of printed values is checked against its total.
Three steps read them: `checks.py` reports each as a `Check`; the tables step uses them as
evidence, to split fused digit runs (`tables/resolve.py`, `tables/fused.py`) and to accept values
placed by their printed order (`tables/rows.py`, `tables/detached.py`, `tables/review.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import NamedTuple

from .model import Cell, Number
from .templates import ROLES, Template

__all__ = [
    "CellRef",
    "Identity",
    "application_identities",
    "applications_hold",
    "as_evidence",
    "column_identities",
    "held_identities",
    "review_identities",
    "side_total",
    "total_holds",
    "trading_places",
]

#: A cell of one table: (row, column).
CellRef = tuple[str, str]
#: A cell's number, or None when it holds none (blank, 无, text or absent).
ValueOf = Callable[[str, str], "Number | None"]


# A NamedTuple, not an attrs class: internal, and an attrs class costs ~2.6 million instructions to define
# at import (docs/performance.md); a NamedTuple a fifth of that, immutable and compared by value too.
class Identity(NamedTuple):
    """sum(left cells) = sum(right cells), named as the check that reports it."""

    name: str
    left: tuple[CellRef, ...]
    right: tuple[CellRef, ...]

    def sides(self, value: ValueOf) -> tuple[Number | None, Number | None]:
        """Each side's sum; None when a cell of that side holds no number."""
        return _sum(self.left, value), _sum(self.right, value)

    def holds(self, value: ValueOf) -> bool | None:
        """True or False on numbers; None (uncertain) when a cell of either side holds none."""
        left, right = self.sides(value)
        return None if left is None or right is None else left == right


def _sum(cells: Sequence[CellRef], value: ValueOf) -> Number | None:
    return side_total(value(row, column) for row, column in cells)


def side_total(values: Iterable[Number | None]) -> Number | None:
    """One side's sum, added in order; None when a cell of the side holds no number."""
    total: Number = 0
    for found in values:
        if found is None:
            return None
        total += found
    return total


def as_evidence(cell: Cell) -> Number | None:
    """A cell's value as evidence for a placement: a none mark (无, /, —) counts as nothing, as a
    printed 0 does (the body says there is nothing there); a blank or a text confirms nothing."""
    return 0 if cell.kind == "none" else cell.value


def total_holds(values: Sequence[Number | None]) -> bool:
    """A printed run's last value is the sum of the others, every one a number (a row's 总计,
    a table 四 group's 总计): the one shape every row and group total has."""
    if len(values) < 2 or any(v is None for v in values):
        return False
    numbers = [v for v in values if v is not None]
    return sum(numbers[:-1]) == numbers[-1]


def rows_by_role(template: Template, present: Collection[str]) -> dict[str, list[str]]:
    """Table 三's rows each identity needs: every row of the role, present or not (an absent one
    makes the identity uncertain).

    A non-standard row that is present (2019's single （六）其他处理 in a 2021 table, §2.4) stands
    in for the standard rows of its group, and the other way round.
    """
    spec = template.applications
    here = [r for r in spec.rows if r.id in present]
    stand_ins = {r.id for r in here if not r.standard} | {r.group for r in here if not r.standard and r.group}
    needed = [
        r
        for r in spec.rows
        if r.id in present or (r.standard and r.id not in stand_ins and r.group not in stand_ins)
    ]
    return {role: [r.id for r in needed if r.role == role] for role in ROLES}


def column_identities(template: Template, present: Collection[str]) -> list[Identity]:
    """Table 三, for each value column: the balance (上年结转 + 本年新收 = 办理结果总计 + 结转下年度)
    and the outcome total (总计 = the sum of the outcome rows)."""
    roles = rows_by_role(template, present)
    out = []
    for column in template.applications.value_columns:
        out.append(
            Identity(
                f"applications.balance.{column}",
                tuple((r, column) for r in roles["input"]),
                tuple((r, column) for r in roles["outcome_total"] + roles["output"]),
            )
        )
        out.append(
            Identity(
                f"applications.outcome_total.{column}",
                tuple((r, column) for r in roles["outcome_total"]),
                tuple((r, column) for r in roles["outcome"]),
            )
        )
    return out


def trading_places(template: Template, present: Collection[str]) -> dict[str, tuple[str, ...]]:
    """Each present table 三 row's place in the column identities: on which side of each it sums.

    Rows with the same place can trade whole rows with every identity still holding (each row's
    total moves with it): the two input rows, the outcome rows; 总计 and 四、结转 each stand alone.
    """
    column = template.applications.value_columns[0]
    identities = [i for i in column_identities(template, present) if (i.left + i.right)[0][1] == column]
    return {
        row: tuple(
            "left" if (row, column) in i.left else "right" if (row, column) in i.right else ""
            for i in identities
        )
        for row in present
    }


def application_identities(template: Template, present: Collection[str]) -> list[Identity]:
    """Every identity of table 三: the column identities, then each present row's total."""
    spec = template.applications
    rows = [
        Identity(
            f"applications.row_total.{row.id}",
            ((row.id, "total"),),
            tuple((row.id, c) for c in spec.part_columns),
        )
        for row in spec.rows
        if row.id in present
    ]
    return column_identities(template, present) + rows


def held_identities(template: Template, rows: Mapping[str, Mapping[str, Cell]]) -> frozenset[str]:
    """The names of table 三's identities that hold on numbers over these rows' cells (a cell absent,
    blank or a text leaves its identity unsettled, so not held)."""

    def value(row: str, column: str) -> Number | None:
        cell = rows.get(row, {}).get(column)
        return None if cell is None else as_evidence(cell)

    return frozenset(i.name for i in application_identities(template, set(rows)) if i.holds(value) is True)


def applications_hold(template: Template, rows: Mapping[str, Mapping[str, Cell]]) -> bool:
    """Every identity of table 三 holds on numbers over these rows' cells (held_identities)."""
    return len(held_identities(template, rows)) == len(application_identities(template, set(rows)))


def review_identities(template: Template, present: Collection[str]) -> list[Identity]:
    """Table 四: total = upheld + corrected + other_result + pending, in each group present."""
    parts = tuple(c for c in template.review_litigation.columns if c != "total")
    return [
        Identity(
            f"review_litigation.group_total.{group}", ((group, "total"),), tuple((group, c) for c in parts)
        )
        for group in template.review_litigation.groups
        if group in present
    ]
