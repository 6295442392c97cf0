"""Strategies for cells and tables: numbers as reports print them, blank styles, balanced tables."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs
from hypothesis import strategies as st

from .. import model
from ..model import Cell, CellKind, Number, Table, Tables
from ..templates import Column, Template, TemplateRegistry, default_templates

__all__ = ["BLANK_TEXTS", "HELD_KINDS", "NONE_TEXTS", "TEXT_WORDS", "cells", "number_cells", "tables"]

# SCHEMA.md "Cells": what a body prints for "nothing" (none), an unfilled cell (blank), words (text).
NONE_TEXTS = ("无", "-", "/", "—")
BLANK_TEXTS = ("", "\u00a0", " ")
TEXT_WORDS = ("见附件", "未统计", "约10件")
HELD_KINDS: tuple[CellKind, ...] = ("number", "blank", "none")
UNITS = ("元", "万元")
FULL_WIDTH = str.maketrans("0123456789+-.,", "０１２３４５６７８９＋－．，")


def _grouped(digits: str) -> str:
    head = len(digits) % 3 or 3
    return ",".join([digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)])


@st.composite
def number_cells(draw: st.DrawFn, column: Column | None = None, header_unit: str | None = None) -> Cell:
    """A number as printed in `column`: commas, decimals and units (money), a sign (signed)."""
    money = bool(column and column.money)
    signed = bool(column and column.signed)
    magnitude = draw(
        st.one_of(st.just(0), st.integers(1, 99), st.integers(100, 99_999), st.integers(10**5, 10**12))
    )
    digits = str(magnitude)
    frac = draw(st.none() | st.text("0123456789", min_size=1, max_size=6)) if money else None
    sign = draw(st.sampled_from(["", "", "+", "-"])) if signed and magnitude else ""
    integer = _grouped(digits) if len(digits) > 3 and draw(st.booleans()) else digits
    printed = draw(st.none() | st.sampled_from(UNITS)) if money else None
    raw = f"{sign}{integer}{'.' + frac if frac is not None else ''}{printed or ''}"
    if draw(st.integers(0, 9)) == 0:
        raw = raw.translate(FULL_WIDTH)
    value: Number = Decimal(f"{sign}{digits}.{frac}") if frac is not None else int(f"{sign}{digits}")
    unit = printed or (column.unit if column is not None else None) or header_unit
    return Cell(value, raw, "number", unit if money else None)


def cells(
    column: Column | None = None, kinds: Sequence[CellKind] = HELD_KINDS, header_unit: str | None = None
) -> st.SearchStrategy[Cell]:
    """A cell of one of `kinds` (default: number, blank, none; add "text" for words)."""
    unknown = set(kinds) - set(model.CELL_KINDS)
    if unknown or not kinds:
        raise ValueError(f"kinds must be some of {model.CELL_KINDS}, not {sorted(unknown)}")
    choices: list[st.SearchStrategy[Cell]] = []
    for kind in kinds:
        if kind == "number":
            choices += [number_cells(column, header_unit)] * 4
        elif kind == "blank":
            choices.append(st.sampled_from(BLANK_TEXTS).map(Cell.blank))
        elif kind == "none":
            choices.append(st.sampled_from(NONE_TEXTS).map(lambda t: Cell(None, t, "none")))
        else:
            choices.append(st.sampled_from(TEXT_WORDS).map(lambda t: Cell(None, t, "text")))
    return st.one_of(choices)


def _applications_rows(template: Template, variant: bool) -> tuple[str, ...]:
    """Printed rows of table 三: standard ones, or the other year's rows where a slot differs (§2.4)."""
    rows = template.applications.rows
    slots_with_variant = {r.group or r.id for r in rows if not r.standard}
    chosen = []
    for row in rows:
        slot = row.group or row.id
        if slot in slots_with_variant and variant:
            if not row.standard:
                chosen.append(row.id)
        elif row.standard:
            chosen.append(row.id)
    return tuple(chosen)


@st.composite
def _rows(draw: st.DrawFn, template: Template, name: str, kinds: Sequence[CellKind], every: bool) -> Table:
    if name == "applications":
        row_ids = _applications_rows(template, draw(st.integers(0, 4)) == 0)
    else:
        row_ids = template.row_ids(name)
    if not every:
        row_ids = tuple(r for r in row_ids if draw(st.integers(0, 5)))
    spec = template.active_disclosure
    rows: dict[str, dict[str, Cell]] = {}
    header_units = {c: draw(st.none() | st.sampled_from(UNITS)) for c in spec.columns}
    for row in row_ids:
        columns = template.column_ids(name, row if name == "active_disclosure" else None)
        rows[row] = {}
        for column_id in columns:
            column = spec.columns.get(column_id) if name == "active_disclosure" else None
            rows[row][column_id] = draw(cells(column, kinds, header_units.get(column_id)))
    return model.TABLE_CLASSES[name](rows)


def _template_of(table: Table, registry: TemplateRegistry) -> str | None:
    """The template whose standard rows these are, when exactly one has them all (table 三)."""
    fits = [
        t.name
        for t in registry
        if all(r.standard for r in t.applications.rows if r.id in table.rows)
        and set(table.rows) <= set(t.row_ids("applications"))
    ]
    return fits[0] if len(fits) == 1 else None


def _count(value: int) -> Cell:
    return Cell(value, _grouped(str(value)) if value > 999 and value % 7 == 0 else str(value), "number")


@st.composite
def _balanced(draw: st.DrawFn, table: Table, template: Template, name: str) -> Table:
    """The same rows refilled with counts for which every identity of FORMAT.md §1.6 holds."""
    small = st.integers(0, 300)
    rows: dict[str, dict[str, Cell]] = {}
    if name == "review_litigation":
        for group in table.rows:
            parts = {c: draw(small) for c in template.review_litigation.columns if c != "total"}
            rows[group] = {c: _count(v) for c, v in {**parts, "total": sum(parts.values())}.items()}
        return attrs.evolve(table, rows=rows)
    spec = template.applications
    ids = list(table.rows)
    values = {r: {c: draw(small) for c in spec.part_columns} for r in ids}
    by_role = {
        role: [r.id for r in spec.rows if r.role == role and r.id in values]
        for role in ("input", "outcome", "outcome_total", "output")
    }
    for column in spec.part_columns:
        done = sum(values[r][column] for r in by_role["outcome"])
        for r in by_role["outcome_total"]:
            values[r][column] = done
        out = done + sum(values[r][column] for r in by_role["output"])
        inputs = by_role["input"]
        for r in inputs[1:]:
            values[r][column] = min(values[r][column], out)
            out -= values[r][column]
        for r in inputs[:1]:
            values[r][column] = out
    for r in ids:
        parts = values[r]
        rows[r] = {c: _count(v) for c, v in {**parts, "total": sum(parts.values())}.items()}
    return attrs.evolve(table, rows=rows)


@st.composite
def tables(
    draw: st.DrawFn,
    template: Template | None = None,
    kinds: Sequence[CellKind] = HELD_KINDS,
    every_row: bool = True,
    identities: bool | None = None,
    registry: TemplateRegistry | None = None,
) -> Tables:
    """The three tables of one template, each present or not, named the template a parser would name.

    `identities=True` fills tables 三 and 四 with counts whose identities hold, False leaves them to
    chance (they mostly fail), None draws either.
    """
    registry = registry if registry is not None else default_templates()
    template = template if template is not None else draw(st.sampled_from(list(registry)))
    present = draw(st.lists(st.booleans(), min_size=3, max_size=3))
    built = {
        n: draw(_rows(template, n, kinds, every_row)) if p else None
        for n, p in zip(model.TABLE_NAMES, present, strict=True)
    }
    holds = draw(st.booleans()) if identities is None else identities
    for name in ("applications", "review_litigation"):
        table = built[name]
        if holds and table is not None and every_row:
            built[name] = draw(_balanced(table, template, name))
    active, apps = built["active_disclosure"], built["applications"]
    active_name = template.name if active is not None else None
    apps_name = _template_of(apps, registry) if apps is not None else None
    names = {
        "active_disclosure": active_name,
        "applications": apps_name,
        "review_litigation": active_name or apps_name,
    }
    named = {n: None if t is None else attrs.evolve(t, template=names[n]) for n, t in built.items()}
    return Tables(**named)  # type: ignore[arg-type]
