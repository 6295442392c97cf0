"""What each layout holds of a Report (docs/rendering.md): the projections round-trip tests compare."""

from __future__ import annotations

import os
from typing import Any

from hypothesis import settings

from govdisclosure import Cell, Report, default_templates
from govdisclosure.render.outline import template_for

CellKey = tuple[Any, ...]


def cell_key(cell: Cell | None) -> CellKey:
    """A cell as a layout holds it: kind, value and unit, and the raw text without outer spaces."""
    if cell is None or cell.kind == "blank":
        # A row printed with a cell missing shows it empty: absent in a present row reads as blank.
        return ("blank",)
    return (cell.kind, cell.value, cell.unit, cell.raw.strip())


def _cut_like(table: str, cells: dict[str, Cell]) -> bool:
    """True when a table 三 row's or table 四 group's total prints as the first digits of the sum
    of the cells before it (`100` for 1000000000000): PDF text may have lost its last digits."""
    if table == "active_disclosure" or "total" not in cells or cells["total"].kind != "number":
        return False
    parts = [c.value if c.kind == "number" else 0 for k, c in cells.items() if k != "total"]
    if not all(isinstance(v, int) for v in parts):
        return False
    printed, whole = str(cells["total"].value), str(sum(parts))
    return len(printed) < len(whole) and whole.startswith(printed)


def has_cut_like(report: Report) -> bool:
    """True when a total of the report prints as `_cut_like` says: PDF text does not read it back."""
    return any(
        table is not None and any(_cut_like(n, c) for c in table.rows.values())
        for n, table in report.tables.items()
    )


def held(report: Report, layout: str) -> tuple[Any, ...]:
    """The fields of `report` that `layout` can hold: template, tables present, every cell."""
    registry = default_templates()
    tables: dict[str, Any] = {}
    for name, table in report.tables.items():
        if table is None:
            tables[name] = None
            continue
        template = template_for(report, table, registry)
        rows: dict[str, dict[str, CellKey]] = {}
        # Every row of the template: a row the parse left unplaced prints empty, so it is held as blank.
        for row_id in dict.fromkeys((*template.row_ids(name), *table.rows)):
            columns = table.rows.get(row_id, {})
            column_ids = template.column_ids(name, row_id if name == "active_disclosure" else None)
            keys = {c: cell_key(columns.get(c)) for c in (*column_ids, *columns)}
            if layout == "pdf" and (("blank",) in keys.values() or _cut_like(name, columns)):
                # pdftotext drops an empty cell, so a row with one cannot be placed: not held. Nor a
                # row whose total reads as cut at a page's edge (tables/cut_totals.py, said).
                continue
            rows[row_id] = keys
        tables[name] = (table.template, rows)
    return (report.template, tables)


def outline(report: Report, layout: str) -> tuple[Any, ...]:
    """Title, organ, year and every section's marker, title, kind and prose as `layout` holds them."""
    sections = []
    for section in report.walk_sections():
        marker = section.marker.text if section.marker else None
        # PDF text wraps prose at the page's width: line breaks and the spaces around them are layout.
        text = "".join(section.text.split()) if layout == "pdf" else section.text
        sections.append((marker, section.title, section.kind, text, len(section.children)))
    return (report.title, report.organ, report.year, tuple(sections))


def cells_changed(back: Report, first: Report) -> list[str]:
    """Every cell `back` has that differs from `first`'s: covers the rows `held` leaves out (pdf)."""
    wrong = []
    for name, table in first.tables.items():
        again = getattr(back.tables, name)
        if table is None or again is None:
            continue
        for row_id, columns in table.rows.items():
            for column, cell in again.rows.get(row_id, {}).items():
                was = cell_key(columns.get(column))
                if cell_key(cell) != was:
                    wrong.append(f"{name}.{row_id}.{column}: {was} -> {cell_key(cell)}")
    return wrong


def examples(dev: int, ci: int) -> int:
    """Examples for one property under HYPOTHESIS_PROFILE: dev and ci by name, else the profile's own."""
    chosen = {"dev": dev, "ci": ci}.get(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
    return chosen if chosen is not None else settings.default.max_examples
