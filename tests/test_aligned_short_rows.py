"""A pdftotext -layout row whose positions show every value's column but the last one's.

Chromium's PDF of corpus r016 prints table 三's header on the rows' page with `其 总计` squeezed on
one line (poppler puts words of one block line side by side, so neither word fixes its column:
tables/spelled.py), and `一、本年新收政府信息公开申请数量  1,411  5  1  2  1,419`: the header's
stacked words and the page's values settle 1,411, 5, 1 and 2 (自然人, 商业企业, 科研机构,
法律服务机构); 1,419 may stand under 其他 or 总计. The row total settles it (tables/short_rows.py):
1,419 is the sum of the others, as every short row of the table shows, so it is the 总计 (basis
`order`, as 其他's gap before it: both rest on that reading) and every other cell is a gap, blank.
Expected values are the generator's truth.
"""

from __future__ import annotations

from corpus import text, truth
from govdisclosure import Report, parse

ROUTE = "pdf-chromium.pdftotext-layout"
ROW = "一、本年新收政府信息公开申请数量            1,411    5   1        2        1,419"


def _report(old: str = ROW, new: str = ROW) -> Report:
    source = text("r016", ROUTE)
    assert source.count(old) == 1
    return parse(source.replace(old, new))


def test_the_row_is_read_whole_its_total_by_the_row_total() -> None:
    report = _report()
    table = report.tables.applications
    assert table is not None
    expected = truth("r016")["tables"]["applications"]["new_received"]
    got = table.rows["new_received"]
    assert {c: (cell.kind, cell.value) for c, cell in got.items()} == {
        c: (cell["kind"], cell["value"]) for c, cell in expected.items()
    }
    # 其他's gap and 总计 rest on the row-total reading; the rest on where the values stand.
    by_reading = ("other_organization", "total")
    assert {c: cell.basis for c, cell in got.items()} == {
        c: "order" if c in by_reading else None for c in got
    }
    checks = {c.name: c for c in report.checks}
    assert checks["applications.row_total.new_received"].decided
    # Read whole, the row has nothing left unplaced.
    assert not any(d.message.startswith("applications: new_received:") for d in report.diagnostics)


def test_not_where_a_row_shows_the_table_prints_no_totals() -> None:
    # 1,418 is not 1,411 + 5 + 1 + 2: the report may leave 总计 blank and fill 其他, so no row's last
    # value is read as its total, nor are the others placed on that reading.
    report = _report(ROW, ROW.replace("1,419", "1,418"))
    table = report.tables.applications
    assert table is not None
    assert "new_received" not in table.rows
    assert not any(cell.basis == "order" for row in table.rows.values() for cell in row.values())


GRANTED = "三、本年          （一）予以公开         1,389    1            1        1,391"


def test_not_where_a_row_placed_by_position_shows_a_blank_total() -> None:
    # 予以公开 printed without its 总计: its values stand each in one column, so it is placed by
    # position, a blank 总计 beside values worth something: the report does not print its totals
    # throughout, and no row's last value is read as its 总计 (found by a review).
    report = _report(GRANTED, GRANTED.removesuffix("        1,391"))
    table = report.tables.applications
    assert table is not None
    assert table.rows["granted"]["total"].kind == "blank"
    assert "new_received" not in table.rows
    assert not any(cell.basis == "order" for row in table.rows.values() for cell in row.values())
