"""The last step: accounting identities (勾稽关系, FORMAT.md §1.6) -> Check records."""

from __future__ import annotations

from collections.abc import Sequence

from .diagnostics import IDENTITY_FAILED
from .identities import Identity, application_identities, review_identities
from .model import DECIDING_BASES, Check, CheckStatus, Diagnostic, Table, Tables
from .templates import Template, TemplateRegistry


def identity(
    name: str, table: Table, left: Sequence[tuple[str, str]], right: Sequence[tuple[str, str]]
) -> Check:
    """Check sum(left cells) == sum(right cells); uncertain when any input is not a number."""
    return check_of(Identity(name, tuple(left), tuple(right)), table)


def check_of(rule: Identity, table: Table) -> Check:
    """The Check of one identity over a table's cells (identities.py says which cells)."""
    left, right = rule.sides(table.value)
    holds = rule.holds(table.value)
    status: CheckStatus = "uncertain" if holds is None else "pass" if holds else "fail"

    def path(rc: tuple[str, str]) -> str:
        return f"{table.name}.{rc[0]}.{rc[1]}"

    expression = " = ".join(" + ".join(path(rc) for rc in side) for side in (rule.left, rule.right))
    cells = tuple(path(rc) for rc in (*rule.left, *rule.right))
    # A cell placed by a split or by printed order was put where this identity lets it be: the
    # check's pass then says how it was placed, not that it was read right (SCHEMA.md decided).
    decided = any(
        (found := table.cell(row, column)) is not None and found.basis in DECIDING_BASES
        for row, column in (*rule.left, *rule.right)
    )
    return Check(rule.name, expression, left, right, status, cells, decided)


def application_checks(table: Table, template: Template) -> list[Check]:
    """Column balance, outcome total and row totals of table 三."""
    return [check_of(rule, table) for rule in application_identities(template, table.rows)]


def review_checks(table: Table, template: Template) -> list[Check]:
    """total = upheld + corrected + other_result + pending in each group of table 四."""
    return [check_of(rule, table) for rule in review_identities(template, table.rows)]


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
