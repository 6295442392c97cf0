"""compare(earlier, later): carry-over and 2019 previous-year checks between years, and the cell diff."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import govdisclosure
from govdisclosure.compare import (
    COMPARE_NOT_CONSECUTIVE,
    COMPARE_ORGAN_DIFFERS,
    COMPARE_TABLE_MISSING,
    DIFF_COLUMNS,
    format_comparison,
)
from govdisclosure.diagnostics import IDENTITY_FAILED
from govdisclosure.model import ActiveDisclosureTable, ApplicationsTable, Cell, Report, Tables

COLUMNS = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_organization",
    "legal_service_agency",
    "other_organization",
    "total",
)
PINGTAN = "corpus/real/{}_pingtan-zone-{}-page-text.txt"


def n(value: int | str, line: int | None = None) -> Cell:
    number = Decimal(value) if isinstance(value, str) else value
    return Cell(number, str(value), "number", None, line)


def report(
    year: int,
    *,
    carried_over: tuple[int, ...] | None = None,
    carried_forward: tuple[int, ...] | None = None,
    active: dict[str, dict[str, Cell]] | None = None,
    template: str = "2021",
    organ: str = "青溪县",
) -> Report:
    rows: dict[str, dict[str, Cell]] = {}
    if carried_over is not None:
        rows["carried_over"] = {c: n(v, 20) for c, v in zip(COLUMNS, carried_over, strict=True)}
    if carried_forward is not None:
        rows["carried_forward"] = {c: n(v, 40) for c, v in zip(COLUMNS, carried_forward, strict=True)}
    return Report(
        organ=organ,
        year=year,
        template=template,
        tables=Tables(
            active_disclosure=ActiveDisclosureTable(active or {}),
            applications=ApplicationsTable(rows),
        ),
    )


# --- carry-over ---------------------------------------------------------------------------------


def test_a_consistent_pair_passes() -> None:
    earlier = report(2022, carried_over=(0,) * 7, carried_forward=(2, 1, 0, 0, 0, 0, 3))
    later = report(2023, carried_over=(2, 1, 0, 0, 0, 0, 3), carried_forward=(0,) * 7)
    result = govdisclosure.compare(earlier, later)
    assert [c.name for c in result.checks] == [f"compare.carry.{c}" for c in COLUMNS]
    assert {c.status for c in result.checks} == {"pass"}
    assert result.ok and result.failed_checks == ()
    total = result.checks[-1]
    assert (total.left, total.right) == (3, 3)
    assert total.cells == (
        "earlier.applications.carried_forward.total",
        "later.applications.carried_over.total",
    )
    assert (
        total.expression
        == "earlier.applications.carried_forward.total = later.applications.carried_over.total"
    )
    assert result.diagnostics == ()


def test_a_planted_carry_over_mismatch_fails() -> None:
    earlier = report(2022, carried_forward=(2, 1, 0, 0, 0, 0, 3))
    later = report(2023, carried_over=(1, 1, 0, 0, 0, 0, 2))  # 自然人 2 carried forward, 1 carried over
    result = govdisclosure.compare(earlier, later)
    failed = {c.name: c for c in result.failed_checks}
    assert set(failed) == {"compare.carry.natural_person", "compare.carry.total"}
    assert (failed["compare.carry.natural_person"].left, failed["compare.carry.natural_person"].right) == (
        2,
        1,
    )
    assert not result.ok
    assert [(d.code, d.line) for d in result.diagnostics] == [(IDENTITY_FAILED, 20), (IDENTITY_FAILED, 20)]
    text = format_comparison(result, "2022.txt", "2023.txt")
    assert text.splitlines()[0].startswith("2023.txt against 2022.txt: 5 pass, 2 fail, 0 uncertain")
    assert "  FAIL compare.carry.natural_person: 2 != 1" in text


def test_an_absent_or_blank_cell_is_uncertain_not_a_failure() -> None:
    earlier = report(2022, carried_forward=(2, 1, 0, 0, 0, 0, 3))
    later = report(2023, carried_over=(2, 1, 0, 0, 0, 0, 3))
    assert later.tables.applications is not None
    later.tables.applications.rows["carried_over"]["total"] = Cell.blank()
    del later.tables.applications.rows["carried_over"]["natural_person"]
    statuses = {c.name: c.status for c in govdisclosure.compare(earlier, later).checks}
    assert statuses["compare.carry.total"] == "uncertain"
    assert statuses["compare.carry.natural_person"] == "uncertain"
    assert statuses["compare.carry.commercial_enterprise"] == "pass"


def test_a_missing_table_skips_its_checks_and_says_so() -> None:
    earlier = Report(year=2022, tables=Tables())
    later = report(2023, carried_over=(0,) * 7)
    result = govdisclosure.compare(earlier, later)
    assert result.checks == ()
    codes = [d.code for d in result.diagnostics]
    assert codes.count(COMPARE_TABLE_MISSING) == 2  # table 三 and table 二 in the earlier report
    assert "no applications table in the earlier report" in result.diagnostics[0].message
    both = govdisclosure.compare(Report(), Report())
    assert "no applications table in either report" in both.diagnostics[0].message


def test_compare_needs_two_reports() -> None:
    with pytest.raises(TypeError, match="later is str"):
        govdisclosure.compare(Report(), "2023.txt")  # type: ignore[arg-type]


def test_pairing_diagnostics() -> None:
    earlier = report(2021, carried_forward=(0,) * 7, organ="青溪县")
    later = report(2023, carried_over=(0,) * 7, organ="高新区")
    codes = {d.code for d in govdisclosure.compare(earlier, later).diagnostics}
    assert {COMPARE_NOT_CONSECUTIVE, COMPARE_ORGAN_DIFFERS} <= codes


# --- 2019 template: 上一年项目数量 + 本年增/减 -------------------------------------------------------


def test_previous_year_plus_change_agrees_with_the_next_year() -> None:
    # Seed 001 line 37 (2020): 行政许可 8 -4 16; so 2021's 上一年项目数量 should read 4.
    earlier = report(
        2020,
        template="2019",
        carried_forward=(0,) * 7,
        active={
            "administrative_licensing": {"previous_year": n(8), "change": n(-4), "decisions": n(16)},
            "administrative_fees": {"previous_year": n(5), "change": n(-1)},
        },
    )
    later = report(
        2021,
        template="2019",
        carried_over=(0,) * 7,
        active={
            "administrative_licensing": {"previous_year": n(4, 37), "change": n(0), "decisions": n(9)},
            "administrative_fees": {"previous_year": n(5, 45), "change": n(0)},  # planted: 5 - 1 is 4
        },
    )
    checks = {c.name: c for c in govdisclosure.compare(earlier, later).checks if ".previous_year." in c.name}
    # Every item of the 2019 template that has 上一年项目数量 and 本年增/减 (FORMAT.md §1.3).
    assert set(checks) == {
        f"compare.previous_year.{item}"
        for item in (
            "administrative_licensing",
            "other_administrative_services",
            "administrative_penalty",
            "administrative_enforcement",
            "administrative_fees",
        )
    }
    licensing = checks["compare.previous_year.administrative_licensing"]
    assert (licensing.status, licensing.left, licensing.right) == ("pass", 4, 4)
    assert licensing.expression == (
        "earlier.active_disclosure.administrative_licensing.previous_year"
        " + earlier.active_disclosure.administrative_licensing.change"
        " = later.active_disclosure.administrative_licensing.previous_year"
    )
    fees = checks["compare.previous_year.administrative_fees"]
    assert (fees.status, fees.left, fees.right) == ("fail", 4, 5)
    assert checks["compare.previous_year.administrative_penalty"].status == "uncertain"


def test_no_previous_year_checks_into_the_2021_template() -> None:
    earlier = report(
        2020, template="2019", active={"administrative_fees": {"previous_year": n(5), "change": n(-1)}}
    )
    later = report(2021, active={"administrative_fees": {"fee_amount": n("12.86")}})
    assert not [c for c in govdisclosure.compare(earlier, later).checks if ".previous_year." in c.name]


# --- real pairs ---------------------------------------------------------------------------------


def test_pingtan_2021_to_2022_carries_its_one_application(shared: Path) -> None:
    # Read from the texts: 2021 prints 四、结转下年度继续办理1000001 and 2022
    # 二、上年结转政府信息公开申请数量 1000001.
    earlier = govdisclosure.parse_file(shared / PINGTAN.format("012", "2021"))
    later = govdisclosure.parse_file(shared / PINGTAN.format("013", "2022"))
    result = govdisclosure.compare(earlier, later)
    carry = {c.name: c for c in result.checks if c.name.startswith("compare.carry.")}
    assert {c.status for c in carry.values()} == {"pass"} and len(carry) == 7
    assert (carry["compare.carry.natural_person"].left, carry["compare.carry.natural_person"].right) == (1, 1)
    assert (carry["compare.carry.total"].left, carry["compare.carry.total"].right) == (1, 1)
    assert result.diagnostics == ()


def test_pingtan_2019_to_2020_agrees(shared: Path) -> None:
    # 2019 carries 0 forward in every column and 2020 carries 0 over; 2019's 行政事业性收费 35 + 0 is
    # 2020's 上一年项目数量 35 (read from the texts). Nothing may fail; fused cells may be uncertain.
    earlier = govdisclosure.parse_file(shared / PINGTAN.format("006", "2019"))
    later = govdisclosure.parse_file(shared / PINGTAN.format("011", "2020"))
    result = govdisclosure.compare(earlier, later)
    assert result.failed_checks == ()
    names = {c.name for c in result.checks}
    assert "compare.carry.total" in names and "compare.previous_year.administrative_fees" in names
    assert {c.status for c in result.checks if c.name.startswith("compare.carry.")} == {"pass"}


# --- the diff -----------------------------------------------------------------------------------


def test_diff_has_every_cell_position_once_with_its_status() -> None:
    earlier = report(2022, carried_over=(0,) * 7, carried_forward=(2, 1, 0, 0, 0, 0, 3))
    later = report(2023, carried_over=(2, 1, 0, 0, 0, 0, 3))
    assert later.tables.applications is not None
    later.tables.applications.rows["new_received"] = {"total": n(9)}
    result = govdisclosure.compare(earlier, later)
    changes = {(c.table, c.row, c.column): c for c in result.changes}
    assert len(changes) == len(result.changes) == 7 + 7 + 1
    carried = changes["applications", "carried_over", "natural_person"]
    assert (carried.status, carried.delta) == ("changed", 2)
    assert changes["applications", "carried_over", "research_institution"].status == "same"
    assert changes["applications", "carried_forward", "total"].status == "removed"
    assert changes["applications", "new_received", "total"].status == "added"
    assert changes["applications", "new_received", "total"].delta is None


def test_diff_tells_blank_from_none_and_zero() -> None:
    earlier = report(2022, carried_over=(0,) * 7)
    later = report(2023, carried_over=(0,) * 7)
    assert earlier.tables.applications is not None and later.tables.applications is not None
    earlier.tables.applications.rows["carried_over"]["total"] = Cell.blank()
    later.tables.applications.rows["carried_over"]["total"] = Cell(None, "无", "none")
    later.tables.applications.rows["carried_over"]["natural_person"] = Cell(0, "０", "number")
    changes = {c.column: c.status for c in govdisclosure.compare(earlier, later).changes}
    assert changes["total"] == "changed"  # blank and none are different statements
    assert changes["natural_person"] == "same"  # the same 0, printed full-width


def test_diff_records_and_frame() -> None:
    earlier = report(2022, carried_forward=(2, 1, 0, 0, 0, 0, 3))
    later = report(2023, carried_over=(2, 1, 0, 0, 0, 0, 3))
    result = govdisclosure.compare(earlier, later)
    records = list(result.diff_records())
    assert all(tuple(r) == DIFF_COLUMNS for r in records)
    first = records[0]
    assert (first["row"], first["status"], first["earlier_value"], first["later_value"]) == (
        "carried_forward",
        "removed",
        2,
        None,
    )
    assert first["row_label"] == "四、结转下年度继续办理" and first["column_label"] == "自然人"
    pytest.importorskip("pandas")
    frame = result.to_frame()
    assert list(frame.columns) == list(DIFF_COLUMNS) and len(frame) == 14
    assert frame.groupby("status").size().to_dict() == {"added": 7, "removed": 7}
    assert frame.loc[frame["row"] == "carried_over", "later_value"].tolist() == [2.0, 1.0, 0, 0, 0, 0, 3.0]
