"""A total whose last digits a page's edge cut off (tables/cut_totals.py).

A table wider than its page loses what stands past the edge: table 三's 总计 of 138 printed `1`
(fresh review seed 20268843 r076-v0, pdftotext `-layout`), 2679 printed `267` (seed 20268842
r086-v0, pdfplumber). The cut number reads whole; its digits being the first digits of the sum
of the row's other cells is what shows the cut.
"""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

import govdisclosure
from govdisclosure.tables.cut_totals import CUT_TOTAL
from plain_table import FEWER, TEMPLATES, Rows, applications, balanced_counts, wrong_numbers


def _tab_text(rows: Rows, printed: dict[str, str]) -> str:
    """Table 三 as tab rows (a label, then its seven cells) on a PDF's page (a form feed before
    it, as pdftotext prints), a row's total printed as `printed` says."""
    spec = TEMPLATES["2021"].applications
    label = {r.id: r.label.label for r in spec.rows}
    lines = [
        "\f三、收到和处理政府信息公开申请情况",
        "申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计",
    ]
    for row, values in rows.items():
        cells = [str(v) for v in values[:-1]] + [printed.get(row, str(values[-1]))]
        lines.append("\t".join([label[row], *cells]))
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况"]
    return "\n".join(lines)


@given(balanced_counts("2021"), st.data())
@FEWER
def test_a_total_printed_as_the_first_digits_of_its_row_s_sum_is_not_read(
    rows: Rows, data: st.DataObject
) -> None:
    cut = [r for r, values in rows.items() if values[-1] >= 10]
    assume(cut)
    row = data.draw(st.sampled_from(cut), label="cut row")
    whole = str(rows[row][-1])
    printed = whole[: data.draw(st.integers(1, len(whole) - 1), label="digits kept")]
    report = govdisclosure.parse(_tab_text(rows, {row: printed}))
    table = applications(report)
    assert "total" not in table.rows[row]
    assert [c.value for c in table.rows[row].values()] == rows[row][:-1]
    assert any(
        d.code == "cell-unplaced" and row in d.message and CUT_TOTAL in d.message for d in report.diagnostics
    )
    assert wrong_numbers("2021", rows, report) == []


@given(balanced_counts("2021"))
@FEWER
def test_a_total_printed_whole_is_read(rows: Rows) -> None:
    report = govdisclosure.parse(_tab_text(rows, {}))
    table = applications(report)
    assert all(table.rows[r]["total"].value == values[-1] for r, values in rows.items())
    assert not any(CUT_TOTAL in d.message for d in report.diagnostics)


def _standard_rows() -> list[str]:
    """The 2021 template's standard rows of table 三."""
    return [r.id for r in TEMPLATES["2021"].applications.rows if r.standard]


def test_a_total_breaking_its_sum_otherwise_is_read_as_printed() -> None:
    # A report's own slip (139 for 138, 38 for 138): the printed number, the check saying it.
    for printed in ("139", "38", "1380"):
        rows = {r: [0] * 7 for r in _standard_rows()}
        rows["new_received"] = [135, 0, 3, 0, 0, 0, 138]
        report = govdisclosure.parse(_tab_text(rows, {"new_received": printed}))
        assert applications(report).rows["new_received"]["total"].raw == printed
