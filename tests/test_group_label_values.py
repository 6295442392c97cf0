"""Values printed on a group label's line are no row's of another template (tables/template_choice.py).

2019's table 三 has one row （六）其他处理; 2021's has three under that label, a group. A LibreOffice
PDF of a 2021 table with tall cells aligned at the bottom printed 2.'s values on the group label's
line (`2.申请人逾期未按…申` / `（六）其他处理  1 / / / 1 / 2` / `请`): they were read as the 2019 row's,
a row no template prints beside 2021's three, and 2. itself as a blank row in `-layout` text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclosure
from corpus.score import score
from govdisclosure import Report, render
from govdisclosure.testing import reports
from roundtrip_fields import examples

REVIEW = Path(__file__).resolve().parent / "corpus" / "heldout" / "review-layouts"
FEE_UNPAID = "2.申请人逾期未按收费通知要求缴纳费"
VALUES = regex.compile(r"^[\s\d,，０-９/—\-]+$")


def _moved_onto_the_group_label(text: str) -> str | None:
    """The text with 2.'s values line moved onto the （六）其他处理 line; None where it has no such lines."""
    lines = text.split("\n")
    group = next((i for i, line in enumerate(lines) if line.strip() == "（六）其他处理"), None)
    start = next((i for i, line in enumerate(lines) if line.startswith(FEE_UNPAID)), None)
    if group is None or start is None:
        return None
    values = next(
        (i for i in range(start + 1, len(lines)) if VALUES.match(lines[i]) and lines[i].strip()), None
    )
    if values is None:
        return None
    moved = lines[values]
    lines[group] = f"{lines[group]}  {moved.strip()}"
    del lines[values]
    return "\n".join(lines)


@settings(deadline=None, max_examples=examples(dev=10, ci=40))
@given(
    reports(kinds=("number",)).filter(
        lambda r: r.tables.applications is not None and r.tables.applications.template == "2021"
    )
)
def test_values_on_the_group_label_s_line_are_never_the_2019_row_s(report: Report) -> None:
    text = _moved_onto_the_group_label(render(report, "pdf"))
    if text is None:
        return
    table = govdisclosure.parse(text).tables.applications
    assert table is not None
    assert "other" not in table.rows
    truth = report.tables.applications
    assert truth is not None
    got = table.rows.get("other_fee_unpaid", {})
    for column, cell in got.items():
        assert (cell.kind, cell.value) == (
            truth["other_fee_unpaid"][column].kind,
            truth["other_fee_unpaid"][column].value,
        )


@pytest.mark.parametrize(
    "name",
    ["s20268801-slash-r014-v0.pdf-lo.pdftotext-layout.txt", "s20268801-slash-r014-v0.pdf-lo.pdfplumber.txt"],
)
def test_the_review_texts_give_no_row_of_another_template(name: str) -> None:
    truth = json.loads((REVIEW / f"{name.split('.')[0]}.truth.json").read_text(encoding="utf-8"))
    found = score(truth, govdisclosure.parse((REVIEW / name).read_text(encoding="utf-8")), keeps_blanks=False)
    assert (found.wrong, found.misread) == ([], [])


ROWS_2021 = [row for row in govdisclosure.default_templates()["2021"].applications.rows if row.standard]
FEE_UNPAID_LABEL = ("2.申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公", "开申请")


@given(
    st.lists(
        st.lists(st.integers(1, 60), min_size=1, max_size=3), min_size=len(ROWS_2021), max_size=len(ROWS_2021)
    )
)
def test_a_short_row_s_total_on_the_group_label_s_line_is_never_the_2019_row_s(
    cells: list[list[int]],
) -> None:
    # Fresh review seed 20268822 r008-v1 (LibreOffice's PDF, cells aligned top, through pdftotext
    # -layout): 2.'s values printed on the （六）其他处理 line between its label's two lines, its
    # blank cells dropped. The row's 总计 was read as the 2019 row's by the short rows' totals
    # (short_rows.py), after the group's values had been said (template_choice.say_group_read_as_row).
    lines = [
        "三、收到和处理政府信息公开申请情况",
        "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",
    ]
    for row, values in zip(ROWS_2021, cells, strict=True):
        printed = " ".join(map(str, [*values, sum(values)]))
        if row.id == "granted":
            lines.append("三、本年度办理结果")
        if row.id == "other_fee_unpaid":
            lines += [FEE_UNPAID_LABEL[0], f"（六）其他处理 {printed}", FEE_UNPAID_LABEL[1]]
        else:
            lines.append(f"{row.label.label} {printed}")
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    table = govdisclosure.parse("\n".join(lines)).tables.applications
    assert table is not None
    assert "other" not in table.rows
    fee = cells[[row.id for row in ROWS_2021].index("other_fee_unpaid")]
    assert {c.raw for c in table.rows.get("other_fee_unpaid", {}).values()} <= {"", str(sum(fee))}
