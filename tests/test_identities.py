"""The accounting identities, defined once (identities.py) and read by checks and the tables step."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from govdisclosure.checks import check_of
from govdisclosure.identities import (
    application_identities,
    column_identities,
    review_identities,
    rows_by_role,
    total_holds,
    trading_places,
)
from govdisclosure.model import ApplicationsTable, Cell
from govdisclosure.tables.grid import FusedRun, Grid
from govdisclosure.tables.resolve import resolve_fused
from govdisclosure.templates import Template, default_templates
from govdisclosure.values import read_cell

TEMPLATES = govdisclosure.default_templates()
NUMBERS = st.one_of(st.integers(-(10**6), 10**6), st.decimals(-(10**4), 10**4, places=2, allow_nan=False))


@given(parts=st.lists(NUMBERS, min_size=1, max_size=8), off=NUMBERS)
def test_total_holds_exactly_when_the_last_is_the_sum(parts: list[int | Decimal], off: int | Decimal) -> None:
    total = sum(parts)
    assert total_holds([*parts, total])
    assert total_holds([*parts, total + off]) == (off == 0)


@given(parts=st.lists(NUMBERS, min_size=1, max_size=8), at=st.integers(0, 8))
def test_a_value_that_is_no_number_confirms_nothing(parts: list[int | Decimal], at: int) -> None:
    values: list[int | Decimal | None] = [*parts, sum(parts)]
    values[at % len(values)] = None
    assert not total_holds(values)
    assert not total_holds(values[:1])


def test_checks_report_exactly_the_identities() -> None:
    # The example report (examples/qingxi-2024-tabs.txt, 2021 template, every row present).
    example = Path(__file__).resolve().parents[1] / "examples" / "qingxi-2024-tabs.txt"
    report = govdisclosure.parse_file(example)
    assert report.tables.applications is not None and report.tables.review_litigation is not None
    template = TEMPLATES["2021"]
    rules = application_identities(template, report.tables.applications.rows) + review_identities(
        template, report.tables.review_litigation.rows
    )
    assert [c.name for c in report.checks] == [r.name for r in rules]
    # 7 columns x (balance, outcome total) + one row total per row of table 三 + 3 groups.
    rows = len(report.tables.applications.rows)
    assert len(rules) == 14 + rows + 3


def test_an_absent_row_makes_a_column_identity_uncertain() -> None:
    template = TEMPLATES["2021"]
    present = {r.id for r in template.applications.rows} - {"carried_over"}
    assert "carried_over" in rows_by_role(template, present)["input"]
    values = {(r, c): 1 for r in present for c in template.applications.value_columns}
    balance = column_identities(template, present)[0]
    assert balance.name == "applications.balance.natural_person"
    assert balance.holds(lambda row, column: values.get((row, column))) is None


def test_the_2019_single_other_row_stands_in_for_the_2021_rows() -> None:
    # FORMAT.md §2.4: a 2021 table printing 2019's single （六）其他处理 row.
    template = TEMPLATES["2021"]
    rows = template.applications.rows
    single = next(r for r in rows if not r.standard)  # `other`; the 2021 rows are its group's
    present = {r.id for r in rows if r.standard and r.group != single.id} | {single.id}
    outcome = rows_by_role(template, present)["outcome"]
    assert single.id in outcome
    group = ["other_no_correction", "other_fee_unpaid", "other_misc"]
    assert [r.id for r in rows if r.group == single.id] == group
    assert not set(group) & set(outcome)


def _grid_without_carried_over(fused: str) -> Grid:
    """Table 三 with 本年新收, 予以公开 and the outcome 总计 printed, no 上年结转 row (nor the other
    outcome rows), and 结转下年度 as a fused digit run waiting for its split."""
    columns = TEMPLATES["2021"].applications.value_columns
    grid = Grid("applications")
    printed = (
        ("new_received", (59, 8, 0, 1, 2, 0, 70)),
        ("granted", (37, 8, 0, 1, 2, 0, 48)),
        ("outcome_total", (37, 8, 0, 1, 2, 0, 48)),
    )
    for row, values in printed:
        grid.rows[row] = {c: read_cell(str(v), 1) for c, v in zip(columns, values, strict=True)}
    grid.fused.append(FusedRun("carried_forward", tuple(columns), (fused,), 9))
    return grid


def test_a_fused_run_is_not_split_by_an_identity_an_absent_row_leaves_uncertain() -> None:
    # 220000022 splits two ways whose row total holds: 22|0|0|0|0|0|22 and 2|20|0|0|0|0|22. Only the
    # balance (上年结转 + 本年新收 = 总计 + 结转下年度) could tell them apart, and 上年结转 is not in
    # the text: the balance is uncertain (as the checks say), so the run is ambiguous, no value.
    # (Summing the input rows present, 59 = 37 + 22 would have picked the first.)
    grid = _grid_without_carried_over("220000022")
    resolve_fused(grid, TEMPLATES["2021"])
    assert "carried_forward" not in grid.rows
    assert [d.code for d in grid.diagnostics] == ["cell-ambiguous"]


def test_a_fused_run_the_row_total_settles_is_split() -> None:
    # 801000081: one split whose row total holds (80 1 0 0 0 0 81), whatever the balance.
    grid = _grid_without_carried_over("801000081")
    resolve_fused(grid, TEMPLATES["2021"])
    row = grid.rows["carried_forward"]
    assert [cell.value for cell in row.values()] == [80, 1, 0, 0, 0, 0, 81]
    assert {cell.basis for cell in row.values()} == {"split"}
    assert grid.diagnostics == []


@st.composite
def _full_tables(draw: st.DrawFn) -> tuple[Template, ApplicationsTable]:
    """Table 三 of a template with every cell printed: numbers, but for a few blank ones."""
    template = draw(st.sampled_from(list(TEMPLATES)))
    places = [
        (row, column)
        for row in template.row_ids("applications")
        for column in template.column_ids("applications", None)
    ]
    numbers = draw(st.lists(st.integers(0, 9), min_size=len(places), max_size=len(places)))
    blank = draw(st.sets(st.integers(0, len(places) - 1), max_size=3))
    rows: dict[str, dict[str, Cell]] = {}
    for i, (row, column) in enumerate(places):
        rows.setdefault(row, {})[column] = Cell.blank() if i in blank else _number(numbers[i])
    return template, ApplicationsTable(rows)


def _number(value: int) -> Cell:
    return Cell(value, str(value), "number")


@given(_full_tables())
def test_a_check_reads_its_cells_as_the_identity_does(drawn: tuple[Template, ApplicationsTable]) -> None:
    # checks.check_of looks each cell up once (issue 14): its sums and status must be the
    # identity's own, whichever cells are numbers.
    template, table = drawn
    for rule in application_identities(template, table.rows):
        check = check_of(rule, table)
        holds = rule.holds(table.value)
        assert (check.left, check.right) == rule.sides(table.value)
        assert check.status == ("uncertain" if holds is None else "pass" if holds else "fail")
        assert check.cells == tuple(f"applications.{r}.{c}" for r, c in (*rule.left, *rule.right))


def test_rows_trade_places_only_with_rows_summed_on_the_same_sides() -> None:
    # FORMAT.md §1.6: 一 + 二 = （七）总计 + 四 per column, and （七）总计 = the outcome rows' sum. Swapping
    # 一 and 二, or two outcome rows, keeps both; 总计 and 四 stand on different sides of the second.
    for name in ("2019", "2021"):
        template = default_templates()[name]
        rows = [r.id for r in template.applications.rows if r.standard]
        places = trading_places(template, rows)
        groups: dict[tuple[str, ...], set[str]] = {}
        for row in rows:
            groups.setdefault(places[row], set()).add(row)
        outcomes = set(rows) - {"new_received", "carried_over", "outcome_total", "carried_forward"}
        assert sorted(map(sorted, groups.values())) == sorted(
            [["carried_over", "new_received"], sorted(outcomes), ["outcome_total"], ["carried_forward"]]
        )
