"""The way back, shared step: a Table -> the official merged-cell grid (FORMAT.md §1.3-1.5)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import attrs

from ..model import Cell, Table
from ..templates import ApplicationRow, Template

Role = Literal["caption", "header", "label", "group", "value"]

# A unit some reports add to a header that has none officially (FORMAT.md §2.5: 采购总金额（单位：万元）).
UNIT_NOTE = "（单位：{unit}）"
# Table 三's header note is printed in brackets (FORMAT.md §1.4).
NOTE = "（{note}）"
ACTIVE_WIDTH = 4
APPLICATIONS_LABEL_WIDTH = 3


@attrs.frozen
class Slot:
    """One printed cell of the grid; `rowspan`/`colspan` as in the official HTML form."""

    text: str
    role: Role
    colspan: int = 1
    rowspan: int = 1
    cell: Cell | None = None


@attrs.frozen
class Covered:
    """Positions covered by a cell of a row above (rowspan): a Word copy prints one empty cell."""

    colspan: int = 1


COVERED = Covered()
GridRow = tuple[Slot | Covered, ...]


@attrs.frozen
class TableGrid:
    """One statutory table as rows of slots, `width` logical columns wide."""

    name: str
    width: int
    rows: tuple[GridRow, ...]


def cell_text(cell: Cell | None) -> str:
    """The text a cell prints: its raw text without outer spaces; a blank keeps NBSP-like fill."""
    if cell is None:
        return ""
    if cell.kind == "blank":
        return cell.raw if cell.raw.strip(" \t\r\n") and not any(c in cell.raw for c in "\t\r\n") else ""
    return " ".join(cell.raw.split())


def _value(cell: Cell | None, colspan: int = 1) -> Slot:
    return Slot(cell_text(cell), "value", colspan, 1, cell)


def _unit_label(label: str, cells: Sequence[Cell | None], unit: str | None) -> str:
    """A money header names the unit its cells carry but do not print, unless the label already does."""
    if unit is not None:
        return label
    implied = {c.unit for c in cells if c is not None and c.kind == "number" and c.unit}
    printed = {c.unit for c in cells if c is not None and c.unit and c.unit in c.raw}
    wanted = implied - printed
    return label + UNIT_NOTE.format(unit=wanted.pop()) if len(wanted) == 1 else label


def active_grid(table: Table, template: Template) -> TableGrid:
    """Table 二: per block a caption row, a header row and one row per item."""
    spec = template.active_disclosure
    present = [b for b in spec.blocks if any(r in table.rows for r in b.rows)]
    rows: list[GridRow] = []
    for block in present or list(spec.blocks):
        rows.append((Slot(block.caption, "caption", ACTIVE_WIDTH),))
        spans = [1] * len(block.columns)
        spans[-1] = ACTIVE_WIDTH - len(block.columns)
        header: list[Slot | Covered] = [Slot(spec.header, "header")]
        for column_id, span in zip(block.columns, spans, strict=True):
            column = spec.columns[column_id]
            label = column.label.label
            if column.money:
                cells = [table.cell(r, column_id) for r in block.rows if r in table.rows]
                label = _unit_label(label, cells, column.unit)
            header.append(Slot(label, "header", span))
        rows.append(tuple(header))
        for row_id in block.rows:
            if row_id not in table.rows:
                continue
            values = [_value(table.cell(row_id, c), s) for c, s in zip(block.columns, spans, strict=True)]
            rows.append((Slot(spec.rows[row_id].label, "label"), *values))
    return TableGrid("active_disclosure", ACTIVE_WIDTH, tuple(rows))


def _applications_header(template: Template) -> list[GridRow]:
    spec = template.applications
    columns = [spec.columns[c].label.label for c in spec.value_columns]
    parts = len(spec.part_columns)
    note = NOTE.format(note=spec.header_labels[0])
    return [
        (
            Slot(note, "header", APPLICATIONS_LABEL_WIDTH, 3),
            Slot(spec.header_labels[1], "header", len(columns)),
        ),
        (
            Covered(APPLICATIONS_LABEL_WIDTH),
            Slot(columns[0], "header", 1, 2),
            Slot(spec.column_group.label, "header", parts - 1),
            Slot(columns[-1], "header", 1, 2),
        ),
        (Covered(APPLICATIONS_LABEL_WIDTH), COVERED, *(Slot(c, "header") for c in columns[1:-1]), COVERED),
    ]


def applications_grid(table: Table, template: Template) -> TableGrid:
    """Table 三: the 3-row header, then 一、二、 the outcome rows under 三、 and 四、."""
    spec = template.applications
    present = [r for r in spec.rows if r.id in table.rows]
    outcome = [r for r in present if r.role in ("outcome", "outcome_total")]
    rows: list[GridRow] = _applications_header(template)
    for row in present:
        values = tuple(_value(table.cell(row.id, c)) for c in spec.value_columns)
        if row.role not in ("outcome", "outcome_total"):
            rows.append((Slot(row.label.label, "label", APPLICATIONS_LABEL_WIDTH), *values))
            continue
        head: Slot | Covered = COVERED
        if row is outcome[0]:
            head = Slot(spec.outcome_group.label, "group", 1, len(outcome))
        rows.append((head, *_outcome_labels(row, present, template), *values))
    return TableGrid("applications", APPLICATIONS_LABEL_WIDTH + len(spec.value_columns), tuple(rows))


def _outcome_labels(row: ApplicationRow, present: Sequence[ApplicationRow], template: Template) -> GridRow:
    if row.group is None:
        return (Slot(row.label.label, "label", 2),)
    members = [r for r in present if r.group == row.group]
    if row is not members[0]:
        return (COVERED, Slot(row.label.label, "label"))
    group = template.applications.groups[row.group].label
    return (Slot(group, "group", 1, len(members)), Slot(row.label.label, "label"))


def review_grid(table: Table, template: Template) -> TableGrid:
    """Table 四: group header rows, result header rows and one row of values per group side by side."""
    spec = template.review_litigation
    groups = tuple(spec.groups)
    columns = tuple(spec.columns)
    labels = [spec.columns[c].label.label for c in columns]
    width = len(columns)
    group_labels = {spec.groups[g].label for g in groups}
    # The parent heading over the litigation groups is a signal word, not a group of its own.
    parent = next((s for s in spec.signals if s not in group_labels), "")
    first, rest = groups[0], groups[1:]
    top: GridRow = (Slot(spec.groups[first].label, "header", width),)
    if rest:
        top = (*top, Slot(parent, "header", width * len(rest)))
    second: GridRow = (
        *(Slot(label, "header", 1, 2) for label in labels),
        *(Slot(spec.groups[g].label, "header", width) for g in rest),
    )
    third: GridRow = (*(COVERED for _ in labels), *(Slot(label, "header") for _ in rest for label in labels))
    values = tuple(_value(table.cell(g, c)) for g in groups for c in columns)
    rows = (top, second, third) if rest else (top, second)
    if table.rows:
        rows = (*rows, values)
    return TableGrid("review_litigation", width * len(groups), rows)


def table_grid(name: str, table: Table, template: Template) -> TableGrid:
    """The official grid of one of the three tables."""
    if name == "active_disclosure":
        return active_grid(table, template)
    if name == "applications":
        return applications_grid(table, template)
    return review_grid(table, template)


def flat_row(row: GridRow) -> list[Slot | None]:
    """A row as a Word copy gives it: a merged cell once, a covered position as an empty cell."""
    return [slot if isinstance(slot, Slot) else None for slot in row]
