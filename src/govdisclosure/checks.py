"""The last step: accounting identities (勾稽关系, FORMAT.md §1.6) -> Check records."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .diagnostics import IDENTITY_FAILED
from .identities import Identity, application_identities, review_identities, side_total
from .model import DECIDING_BASES, Cell, Check, CheckStatus, Diagnostic, Table, Tables
from .templates import Template, TemplateRegistry


def identity(
    name: str, table: Table, left: Sequence[tuple[str, str]], right: Sequence[tuple[str, str]]
) -> Check:
    """Check sum(left cells) == sum(right cells); uncertain when any input is not a number."""
    return check_of(Identity(name, tuple(left), tuple(right)), table)


def check_of(rule: Identity, table: Table) -> Check:
    """The Check of one identity over a table's cells (identities.py says which cells)."""
    refs = (*rule.left, *rule.right)
    # Each cell is looked up once, for both sums and the basis (810 checks a typical batch of 25).
    found = [table.rows.get(row, _NO_ROW).get(column) for row, column in refs]
    values = [None if cell is None else cell.value for cell in found]
    split = len(rule.left)
    left, right = side_total(values[:split]), side_total(values[split:])
    status: CheckStatus = (
        "uncertain" if left is None or right is None else "pass" if left == right else "fail"
    )
    expression, cells = _paths(rule, table.name)
    # A cell placed by a split or by printed order was put where this identity lets it be: the
    # check's pass then says how it was placed, not that it was read right (SCHEMA.md decided).
    decided = any(cell is not None and cell.basis in DECIDING_BASES for cell in found)
    return Check(rule.name, expression, left, right, status, cells, decided)


@lru_cache(maxsize=1024)
def _paths(rule: Identity, table: str) -> tuple[str, tuple[str, ...]]:
    """The identity's expression and cell paths (table.row.column): the same for every report
    of a template, so built once."""

    def path(rc: tuple[str, str]) -> str:
        return f"{table}.{rc[0]}.{rc[1]}"

    expression = " = ".join(" + ".join(path(rc) for rc in side) for side in (rule.left, rule.right))
    return expression, tuple(path(rc) for rc in (*rule.left, *rule.right))


# The row a table does not hold: every column absent.
_NO_ROW: dict[str, Cell] = {}


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
