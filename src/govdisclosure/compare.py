"""Year over year: one body's report against the year before's -> Check records and a tidy cell diff.

Two identities tie consecutive reports (FORMAT.md §1.4, §1.3): each applicant column's
四、结转下年度继续办理 of one year is 二、上年结转 of the next, and under the 2019 template an
item's 上一年项目数量 + 本年增/减 is the next year's 上一年项目数量.

>>> from govdisclosure import compare, parse_file
>>> result = compare(parse_file("2021.txt"), parse_file("2022.txt"))   # doctest: +SKIP
>>> [c.name for c in result.failed_checks]                           # doctest: +SKIP
[]

Longer than 300 lines on purpose: the year-over-year identities and the cell diff they sit beside
are one comparison, with its frame and display.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from .checks import failure, identity
from .diagnostics import IDENTITY_FAILED
from .frame import column_label, number_out, require_pandas, row_label, template_of
from .model import TABLE_CLASSES, TABLE_NAMES, Cell, Check, Diagnostic, Number, Report, Table
from .templates import Template, TemplateRegistry, default_templates

if TYPE_CHECKING:  # pragma: no cover - pandas is an optional extra
    import pandas

__all__ = ["DIFF_COLUMNS", "CellChange", "Comparison", "compare", "format_comparison"]

# Diagnostic codes of a comparison (stable strings, SCHEMA.md "diagnostics").
COMPARE_NOT_CONSECUTIVE: Final = "compare-not-consecutive"
COMPARE_ORGAN_DIFFERS: Final = "compare-organ-differs"
COMPARE_TABLE_MISSING: Final = "compare-table-missing"

EARLIER, LATER = "earlier", "later"
# SCHEMA.md identifiers the identities use.
CARRIED_FORWARD, CARRIED_OVER = "carried_forward", "carried_over"
PREVIOUS_YEAR, CHANGE = "previous_year", "change"

DiffStatus = Literal["same", "changed", "added", "removed"]

#: The columns of `Comparison.diff_records()` and `Comparison.to_frame()`, in order.
DIFF_COLUMNS: tuple[str, ...] = (
    "table",
    "row",
    "column",
    "status",
    "earlier_value",
    "later_value",
    "delta",
    "earlier_kind",
    "later_kind",
    "earlier_raw",
    "later_raw",
    "earlier_line",
    "later_line",
    "row_label",
    "column_label",
)


@attrs.frozen
class CellChange:
    """One cell position in either report: its cell in the earlier and in the later report."""

    table: str
    row: str
    column: str
    earlier: Cell | None
    later: Cell | None

    @property
    def status(self) -> DiffStatus:
        """same, changed, added (only in the later report) or removed (only in the earlier)."""
        if self.earlier is None:
            return "added"
        if self.later is None:
            return "removed"
        a, b = self.earlier, self.later
        same = a.value == b.value and a.kind == b.kind
        # Two text cells (words, not values) are the same only when they say the same words.
        if same and a.kind == "text":
            same = " ".join(a.raw.split()) == " ".join(b.raw.split())
        return "same" if same else "changed"

    @property
    def delta(self) -> Number | None:
        """later - earlier when both cells hold numbers, else None."""
        if self.earlier is None or self.later is None:
            return None
        if self.earlier.value is None or self.later.value is None:
            return None
        return self.later.value - self.earlier.value


@attrs.frozen(eq=False)
class Comparison:
    """The year-over-year checks of two reports and the diff of every cell."""

    earlier: Report
    later: Report
    checks: tuple[Check, ...]
    changes: tuple[CellChange, ...]
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def failed_checks(self) -> tuple[Check, ...]:
        """The checks whose status is fail."""
        return tuple(c for c in self.checks if c.status == "fail")

    @property
    def ok(self) -> bool:
        """True when no check fails (uncertain ones do not count as failures)."""
        return not self.failed_checks

    def __repr__(self) -> str:
        """A one-line summary: the two reports, the checks, and how many cells changed."""
        changed = Counter(c.status for c in self.changes)
        status = Counter(c.status for c in self.checks)
        return (
            f"<Comparison {self.earlier.organ or '?'} {self.earlier.year or '?'} -> "
            f"{self.later.organ or '?'} {self.later.year or '?'}: checks {status['pass']} pass / "
            f"{status['fail']} fail / {status['uncertain']} uncertain, "
            + ", ".join(f"{n} {k}" for k, n in sorted(changed.items()))
            + f", {len(self.diagnostics)} diagnostics>"
        )

    def _repr_html_(self) -> str:
        """A notebook's view: the summary, the failed checks, and every cell that is not the same."""
        from .display import comparison_html

        return comparison_html(repr(self), self.failed_checks, self.diff_records())

    def diff_records(self, *, templates: TemplateRegistry | None = None) -> Iterator[dict[str, Any]]:
        """One dict per cell position, keyed by DIFF_COLUMNS; values exact (int, Decimal or None)."""
        registry = templates if templates is not None else default_templates()
        for change in self.changes:
            yield {
                "table": change.table,
                "row": change.row,
                "column": change.column,
                "status": change.status,
                "earlier_value": change.earlier.value if change.earlier else None,
                "later_value": change.later.value if change.later else None,
                "delta": change.delta,
                "earlier_kind": change.earlier.kind if change.earlier else None,
                "later_kind": change.later.kind if change.later else None,
                "earlier_raw": change.earlier.raw if change.earlier else None,
                "later_raw": change.later.raw if change.later else None,
                "earlier_line": change.earlier.line if change.earlier else None,
                "later_line": change.later.line if change.later else None,
                **self._labels(change, registry),
            }

    def _labels(self, change: CellChange, registry: TemplateRegistry) -> dict[str, str | None]:
        labels: dict[str, str | None] = {"row_label": None, "column_label": None}
        # The later report's template names the cell first; a removed cell only the earlier's has.
        for report in (self.later, self.earlier):
            table = report.tables[change.table]
            if table is None:
                continue
            template = template_of(report, table, registry)
            labels["row_label"] = labels["row_label"] or row_label(template, change.table, change.row)
            labels["column_label"] = labels["column_label"] or column_label(
                template, change.table, change.column
            )
        return labels

    def to_frame(self, *, exact: bool = False) -> pandas.DataFrame:
        """The diff as a pandas DataFrame (columns DIFF_COLUMNS); values float64 unless `exact`."""
        pd = require_pandas()
        records = list(self.diff_records())
        frame = pd.DataFrame.from_records(records, columns=list(DIFF_COLUMNS))
        for column in ("earlier_value", "later_value", "delta"):
            values = [r[column] if exact else number_out(r[column]) for r in records]
            series = pd.Series(values, index=frame.index, dtype=object)
            frame[column] = series if exact else pd.to_numeric(series).astype("float64")
        for column in ("earlier_line", "later_line"):
            frame[column] = frame[column].astype("Int64")
        return frame


def _side_row(side: str, row: str) -> str:
    return f"{side}:{row}"


def _joined(name: str, earlier: Table, later: Table, rows: tuple[str, ...]) -> Table:
    """One table of both reports' rows, keyed side:row, so identity() can add across them."""
    joined = {_side_row(EARLIER, r): earlier.rows[r] for r in rows if r in earlier.rows}
    joined |= {_side_row(LATER, r): later.rows[r] for r in rows if r in later.rows}
    return TABLE_CLASSES[name](joined)


def _cross_identity(
    name: str,
    table_name: str,
    joined: Table,
    left: list[tuple[str, str, str]],
    right: list[tuple[str, str, str]],
) -> Check:
    """identity() over (side, row, column) cells, its paths written side.table.row.column."""
    check = identity(
        name,
        joined,
        [(_side_row(s, r), c) for s, r, c in left],
        [(_side_row(s, r), c) for s, r, c in right],
    )

    def path(cell: tuple[str, str, str]) -> str:
        return f"{cell[0]}.{table_name}.{cell[1]}.{cell[2]}"

    expression = " = ".join(" + ".join(path(c) for c in side) for side in (left, right))
    return attrs.evolve(check, expression=expression, cells=tuple(path(c) for c in (*left, *right)))


def carry_checks(earlier: Table, later: Table, template: Template) -> list[Check]:
    """Per applicant column: earlier 结转下年度继续办理 = later 上年结转 (uncertain if a cell is absent)."""
    joined = _joined("applications", earlier, later, (CARRIED_FORWARD, CARRIED_OVER))
    return [
        _cross_identity(
            f"compare.carry.{column}",
            "applications",
            joined,
            [(EARLIER, CARRIED_FORWARD, column)],
            [(LATER, CARRIED_OVER, column)],
        )
        for column in template.applications.value_columns
    ]


def _has(template: Template, row: str, *columns: str) -> bool:
    block = template.active_disclosure.block_of(row)
    return block is not None and all(c in block.columns for c in columns)


def previous_year_checks(earlier: Table, later: Table, before: Template, after: Template) -> list[Check]:
    """Per item of the 2019 template: earlier 上一年项目数量 + 本年增/减 = later 上一年项目数量."""
    items = tuple(
        row
        for row in after.active_disclosure.rows
        if _has(before, row, PREVIOUS_YEAR, CHANGE) and _has(after, row, PREVIOUS_YEAR)
    )
    joined = _joined("active_disclosure", earlier, later, items)
    return [
        _cross_identity(
            f"compare.previous_year.{item}",
            "active_disclosure",
            joined,
            [(EARLIER, item, PREVIOUS_YEAR), (EARLIER, item, CHANGE)],
            [(LATER, item, PREVIOUS_YEAR)],
        )
        for item in items
    ]


def _changes(earlier: Report, later: Report) -> Iterator[CellChange]:
    for name in TABLE_NAMES:
        before, after = earlier.tables[name], later.tables[name]
        rows_before = before.rows if before is not None else {}
        rows_after = after.rows if after is not None else {}
        for row in dict.fromkeys([*rows_before, *rows_after]):
            a, b = rows_before.get(row, {}), rows_after.get(row, {})
            for column in dict.fromkeys([*a, *b]):
                yield CellChange(name, row, column, a.get(column), b.get(column))


def _pairing(earlier: Report, later: Report) -> list[Diagnostic]:
    found = []
    if earlier.year is not None and later.year is not None and later.year != earlier.year + 1:
        found.append(
            Diagnostic(
                COMPARE_NOT_CONSECUTIVE,
                f"the reports cover {earlier.year} and {later.year}, not consecutive years: "
                "carry-over checks assume the later report is the next year's",
            )
        )
    if earlier.organ and later.organ and earlier.organ != later.organ:
        found.append(
            Diagnostic(
                COMPARE_ORGAN_DIFFERS, f"the reports name different bodies: {earlier.organ} and {later.organ}"
            )
        )
    return found


def compare(earlier: Report, later: Report, *, templates: TemplateRegistry | None = None) -> Comparison:
    """Check `later` against the year before's `earlier` report and diff every cell.

    Checks are `Check` records like the in-report ones (pass, fail, uncertain where a cell is
    absent or holds no number); a failure is the sources' disagreement, reported, never fixed.
    """
    for name, value in ((EARLIER, earlier), (LATER, later)):
        if not isinstance(value, Report):
            raise TypeError(f"compare() needs two Reports; {name} is {type(value).__name__}")
    registry = templates if templates is not None else default_templates()
    checks: list[Check] = []
    diagnostics = _pairing(earlier, later)
    for name in ("applications", "active_disclosure"):
        before, after = earlier.tables[name], later.tables[name]
        if before is None or after is None:
            which = (
                "either report"
                if before is None and after is None
                else (f"the {EARLIER if before is None else LATER} report")
            )
            diagnostics.append(
                Diagnostic(COMPARE_TABLE_MISSING, f"no {name} table in {which}: its checks are skipped")
            )
            continue
        template_before = template_of(earlier, before, registry)
        template_after = template_of(later, after, registry)
        if name == "applications":
            checks += carry_checks(before, after, template_after)
        else:
            checks += previous_year_checks(before, after, template_before, template_after)
    for check in checks:
        if check.status == "fail":
            _side, table, row, column = check.cells[-1].split(".")
            diagnostics.append(failure(check, later.tables[table], row, column))
    return Comparison(earlier, later, tuple(checks), tuple(_changes(earlier, later)), tuple(diagnostics))


def format_comparison(comparison: Comparison, earlier_name: str = EARLIER, later_name: str = LATER) -> str:
    """A short human summary (the CLI's `check --against`): counts, then each failure and warning."""
    counts = {s: sum(c.status == s for c in comparison.checks) for s in ("pass", "fail", "uncertain")}
    changed = sum(c.status != "same" for c in comparison.changes)
    lines = [
        f"{later_name} against {earlier_name}: {counts['pass']} pass, {counts['fail']} fail, "
        f"{counts['uncertain']} uncertain; {changed} of {len(comparison.changes)} cells differ"
    ]
    for check in comparison.failed_checks:
        lines.append(f"  FAIL {check.name}: {check.left} != {check.right}")
        lines.append(f"       {check.expression}")
    lines += [f"  note {d.code}: {d.message}" for d in comparison.diagnostics if d.code != IDENTITY_FAILED]
    return "\n".join(lines)
