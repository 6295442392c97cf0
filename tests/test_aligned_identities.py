"""pdftotext -layout rows whose positions leave some values two columns or more, chosen by the
column identities where exactly one choice holds them (tables/bounded.py).

Chromium's PDF of corpus r016 (a report leaving zeros blank) prints table 三 with its values drifted
by their labels: `1.信访举报投诉类申请     1      1                 2` stands its two 1s where the
page's bounds leave them 18 ways, and `（七）总计  1,409  5  1  2  1,417` its 2 under 社会公益 or
法律服务. Every row total holds with the last value as 总计, and the sums down the columns
(上年结转 + 本年新收 = 总计 + 结转下年度; 总计 = the sum of the outcome rows), blank cells adding
nothing, hold for one choice of every open row only. Expected values are the generator's truth.
"""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from corpus import text, truth
from govdisclosure import Report, parse
from govdisclosure.tables.bounded import agreed_options

ROUTE = "pdf-chromium.pdftotext-layout"
COMPLAINT = "1.信访举报投诉类申请     1      1                 2"
TOTAL = "（七）总计          1,409   5   1     2     1,417"


def _report(rid: str = "r016", old: str = "", new: str = "") -> Report:
    source = text(rid, ROUTE)
    assert source.count(old) == 1 or not old
    return parse(source.replace(old, new) if old else source)


def _as_truth(report: Report, rid: str, row: str) -> None:
    table = report.tables.applications
    assert table is not None
    expected = truth(rid)["tables"]["applications"][row]
    assert {c: (cell.kind, cell.raw) for c, cell in table.rows[row].items()} == {
        c: (cell["kind"], cell["raw"]) for c, cell in expected.items()
    }


def test_rows_the_positions_leave_open_are_read_by_the_column_identities() -> None:
    report = _report()
    for row in ("not_processed_complaint", "outcome_total", "unavailable_not_held", "carried_forward"):
        _as_truth(report, "r016", row)
    table = report.tables.applications
    assert table is not None
    # Every cell of 信访举报投诉类申请 some reading moves a value over rests on the identities (its
    # 2 may stand under 其他 too); 一、本年新收's 1,411 stands where every reading puts it.
    basis = {c: cell.basis for c, cell in table.rows["not_processed_complaint"].items()}
    assert basis["natural_person"] == basis["commercial_enterprise"] == basis["total"] == "order"
    assert table.rows["new_received"]["natural_person"].basis is None
    checks = {c.name: c for c in report.checks}
    assert checks["applications.outcome_total.commercial_enterprise"].decided
    # The check itself stays uncertain: a blank cell holds no number (SCHEMA.md: blank is never 0).
    assert checks["applications.outcome_total.commercial_enterprise"].status == "uncertain"
    said = [d for d in report.diagnostics if "not_processed_complaint" in d.message]
    assert [d.code for d in said] == ["cells-by-order"]
    assert "18 ways" in said[0].message


def test_a_table_breaking_a_column_identity_chooses_nothing() -> None:
    # 总计's 2 read as 3 (its row total kept): 法律服务机构's and 总计's sums break whatever the
    # choice, so no open row is read this way (their 总计 still by the row total, short_rows.py).
    report = _report(old=TOTAL, new=TOTAL.replace("2     1,417", "3     1,418"))
    table = report.tables.applications
    assert table is not None
    assert set(table.rows.get("not_processed_complaint", {})) <= {"total"}
    assert not any(d.code == "cells-by-order" for d in report.diagnostics)


def test_a_column_the_identities_cannot_tell_from_another_stays_unplaced() -> None:
    # Chromium's r036 prints every row as `344 344`: 自然人 and 总计, the first drifted under
    # 社会公益. Moving every first value to another applicant column keeps every sum: no choice
    # is the only one, and only 总计 is read (by the row total).
    report = _report("r036")
    table = report.tables.applications
    assert table is not None
    numbers = {c for cells in table.rows.values() for c, cell in cells.items() if cell.kind == "number"}
    assert numbers == {"total"}
    assert not any(d.code == "cells-by-order" for d in report.diagnostics)


def test_a_report_filling_only_its_totals_is_not_read_this_way() -> None:
    # r010 fills only 总计: a lone value under 法律服务, 其他 or 总计 breaks its row total whichever
    # (blank cells adding nothing), so the table shows no totals to read by and nothing is chosen.
    report = _report("r010")
    assert not any(d.code == "cells-by-order" for d in report.diagnostics)
    table = report.tables.applications
    assert table is not None and not table.rows.get("new_received")


def _brute(fixed: tuple[int, ...], options: list[list[tuple[int, ...]]]) -> list[int | None] | None:
    holding = [
        combo
        for combo in itertools.product(*(range(len(o)) for o in options))
        if all(f + sum(options[i][k][d] for i, k in enumerate(combo)) == 0 for d, f in enumerate(fixed))
    ]
    if not holding:
        return None
    return [
        next(iter(ks)) if len(ks := {combo[i] for combo in holding}) == 1 else None
        for i in range(len(options))
    ]


@given(st.data())
def test_the_choice_is_every_holding_combination_agreeing(data: st.DataObject) -> None:
    # The search over partial sums gives what trying every combination gives.
    width = data.draw(st.integers(1, 3))
    vector = st.tuples(*[st.integers(-3, 3)] * width)
    row = st.lists(vector, min_size=1, max_size=3, unique=True)
    options = data.draw(st.lists(row, min_size=1, max_size=5))
    fixed = data.draw(st.tuples(*[st.integers(-6, 6)] * width))
    assert agreed_options(fixed, options) == _brute(fixed, options)
