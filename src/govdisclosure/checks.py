"""The last step: accounting identities (勾稽关系, FORMAT.md §1.6) -> Check records."""

from __future__ import annotations

from collections.abc import Sequence

from .diagnostics import IDENTITY_FAILED
from .model import DECIDING_BASES, Check, CheckStatus, Diagnostic, Number, Table, Tables
from .templates import Template, TemplateRegistry


def identity(
    name: str, table: Table, left: Sequence[tuple[str, str]], right: Sequence[tuple[str, str]]
) -> Check:
    """Check sum(left cells) == sum(right cells); uncertain when any input is not a number."""
    sides: list[Number | None] = []
    for side in (left, right):
        total: Number | None = 0
        for row, column in side:
            value = table.value(row, column)
            total = None if value is None or total is None else total + value
        sides.append(total)
    status: CheckStatus
    if sides[0] is None or sides[1] is None:
        status = "uncertain"
    else:
        status = "pass" if sides[0] == sides[1] else "fail"

    def path(rc: tuple[str, str]) -> str:
        return f"{table.name}.{rc[0]}.{rc[1]}"

    expression = " = ".join(" + ".join(path(rc) for rc in side) for side in (left, right))
    cells = tuple(path(rc) for rc in (*left, *right))
    # A cell placed by a split or by printed order was put where this identity lets it be: the
    # check's pass then says how it was placed, not that it was read right (SCHEMA.md decided).
    decided = any(
        (found := table.cell(row, column)) is not None and found.basis in DECIDING_BASES
        for row, column in (*left, *right)
    )
    return Check(name, expression, sides[0], sides[1], status, cells, decided)


def _rows_of_role(table: Table, template: Template) -> dict[str, list[str]]:
    """Rows each identity needs: every row of the role, present or not (absent makes it uncertain).

    A non-standard row that is present (2019's single （六）其他处理 in a 2021 table, §2.4)
    stands in for the standard rows of its group, and the other way round.
    """
    spec = template.applications
    present = [r for r in spec.rows if r.id in table.rows]
    stand_ins = {r.id for r in present if not r.standard} | {
        r.group for r in present if not r.standard and r.group
    }
    needed = [
        r
        for r in spec.rows
        if r.id in table.rows or (r.standard and r.id not in stand_ins and r.group not in stand_ins)
    ]
    return {
        role: [r.id for r in needed if r.role == role]
        for role in ("input", "outcome", "outcome_total", "output")
    }


def application_checks(table: Table, template: Template) -> list[Check]:
    """Column balance, outcome total and row totals of table 三."""
    spec = template.applications
    by_role = _rows_of_role(table, template)
    checks = []
    for column in spec.value_columns:
        checks.append(
            identity(
                f"applications.balance.{column}",
                table,
                [(r, column) for r in by_role["input"]],
                [(r, column) for r in by_role["outcome_total"] + by_role["output"]],
            )
        )
        checks.append(
            identity(
                f"applications.outcome_total.{column}",
                table,
                [(r, column) for r in by_role["outcome_total"]],
                [(r, column) for r in by_role["outcome"]],
            )
        )
    for row in spec.rows:
        if row.id in table.rows:
            checks.append(
                identity(
                    f"applications.row_total.{row.id}",
                    table,
                    [(row.id, "total")],
                    [(row.id, c) for c in spec.part_columns],
                )
            )
    return checks


def review_checks(table: Table, template: Template) -> list[Check]:
    """total = upheld + corrected + other_result + pending in each group of table 四."""
    parts = [c for c in template.review_litigation.columns if c != "total"]
    return [
        identity(
            f"review_litigation.group_total.{group}", table, [(group, "total")], [(group, c) for c in parts]
        )
        for group in template.review_litigation.groups
        if group in table.rows
    ]


def run_checks(
    tables: Tables, registry: TemplateRegistry, template_name: str | None
) -> tuple[list[Check], list[Diagnostic]]:
    """Every identity that applies to the tables present, and a diagnostic per failure."""
    checks: list[Check] = []
    for name, table in tables.items():
        if table is None:
            continue
        chosen = table.template or template_name
        template = registry[chosen] if chosen is not None and chosen in registry else registry.latest()
        if name == "applications":
            checks += application_checks(table, template)
        elif name == "review_litigation":
            checks += review_checks(table, template)
    diagnostics = []
    for check in checks:
        if check.status == "fail":
            table_name, row, column = check.cells[0].split(".")
            diagnostics.append(failure(check, tables[table_name], row, column))
    return checks, diagnostics


def failure(check: Check, table: Table | None, row: str, column: str) -> Diagnostic:
    """The identity-failed diagnostic of a failing check, at the line of the cell named."""
    cell = table.cell(row, column) if table is not None else None
    message = f"{check.name}: {check.left} != {check.right} ({check.expression})"
    return Diagnostic(IDENTITY_FAILED, message, cell.line if cell else None)
