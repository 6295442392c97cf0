"""Step 4 for tables 二 and 三: a data row's value columns, from the template (FORMAT.md §1.3-1.4)."""

from __future__ import annotations

from collections.abc import Callable

from ..templates import Template
from .shape import ColumnsOf

__all__ = ["active_columns", "application_columns", "application_successors"]


def active_columns(template: Template) -> ColumnsOf:
    """Table 二's value columns of a row: its block's."""
    spec = template.active_disclosure

    def columns_of(row_id: str) -> tuple[str, ...] | None:
        block = spec.block_of(row_id)
        return block.columns if block else None

    return columns_of


def application_columns(template: Template) -> ColumnsOf:
    """Table 三's value columns of a row: the applicant columns, for the template's rows."""
    spec = template.applications
    known = {r.id for r in spec.rows}
    return lambda row_id: spec.value_columns if row_id in known else None


def application_successors(template: Template) -> Callable[[str, str], bool]:
    """Whether row b is table 三's next row after row a (rows the template marks non-standard skipped)."""
    rows = template.applications.rows
    at = {r.id: i for i, r in enumerate(rows)}

    def follows(a: str, b: str) -> bool:
        if a not in at or b not in at or at[b] <= at[a]:
            return False
        return all(not r.standard for r in rows[at[a] + 1 : at[b]])

    return follows
