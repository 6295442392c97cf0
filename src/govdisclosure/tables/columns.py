"""Step 4 for tables 二 and 三: a data row's value columns, from the template (FORMAT.md §1.3-1.4)."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ..lexicon import split_label
from ..templates import Template
from .shape import ColumnsOf

__all__ = ["RowSequence", "active_columns", "application_columns", "application_sequence"]


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


class RowSequence(NamedTuple):
    """Table 三's rows in the template's order: which row comes right after which, and each one's place."""

    follows: Callable[[str, str], bool]  # row b is the template's next row after row a
    rank: Callable[[str], int | None]  # a row's place in the template (None: no row of it)
    # The bracketed marker a row stands under, as a number: its own (（一）予以公开: 1) or its
    # group's (1.属于国家秘密 under （三）不予公开: 3); None for neither (一、本年新收…).
    bracket: Callable[[str], int | None]
    # The numeral marker a row stands under, as a number: its own (二、上年结转…: 2) or, for the
    # outcome rows, 三、本年度办理结果's (3).
    top: Callable[[str], int | None]


def application_sequence(template: Template) -> RowSequence:
    """Table 三's rows in the template's order (rows the template marks non-standard skipped by `follows`)."""
    rows = template.applications.rows
    at = {r.id: i for i, r in enumerate(rows)}

    def follows(a: str, b: str) -> bool:
        if a not in at or b not in at or at[b] <= at[a]:
            return False
        return all(not r.standard for r in rows[at[a] + 1 : at[b]])

    groups = {g: split_label(label.label).paren for g, label in template.applications.groups.items()}
    brackets = {
        r.id: split_label(r.label.label).paren or (groups.get(r.group) if r.group else None) for r in rows
    }
    outcome = split_label(template.applications.outcome_group.label).cjk
    tops = {
        r.id: split_label(r.label.label).cjk or (outcome if r.role in ("outcome", "outcome_total") else None)
        for r in rows
    }
    return RowSequence(follows, at.get, brackets.get, tops.get)
