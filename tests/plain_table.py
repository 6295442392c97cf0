"""Table 三 as plain pdftotext prints it, one cell a line: the lines around its rows, for hand-built texts."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import settings
from hypothesis import strategies as st

from govdisclosure.model import ApplicationsTable, Report
from govdisclosure.templates import default_templates

TEMPLATES = default_templates()
#: A table 三's rows by id, each row's values in its columns' order (总计 last).
Rows = dict[str, list[int]]
# Each example parses a 300-line table: a fifth of the profile's examples keeps CI inside its budget.
FEWER = settings(max_examples=max(30, settings().max_examples // 5))


def zero_rows(template: str = "2019", **given: list[int]) -> Rows:
    """A table 三 of the template's standard rows, every value 0 but the rows `given`."""
    return {r.id: given.get(r.id, [0] * 7) for r in TEMPLATES[template].applications.rows if r.standard}


# The section heading, the header's cells one a line (the note, 申请人情况, the column labels).
HEAD = [
    "三、收到和处理政府信息公开申请情况",
    "申请人情况",
    "",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "",
    "法人或其他组织",
    "自然人",
    "",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
    "",
]
# The next section, which ends the table.
TAIL = ["", "五、存在的主要问题及改进情况", "下一步，将继续加强平台建设，不断提高公开质量。"]


@st.composite
def balanced_counts(draw: st.DrawFn, template: str, count: st.SearchStrategy[int] | None = None) -> Rows:
    """A table 三 of the template's standard rows whose every identity holds; mostly zeros, as
    real reports are, with numbers up to the thousands."""
    spec = TEMPLATES[template].applications
    if count is None:
        count = st.one_of(st.just(0), st.just(0), st.integers(1, 9), st.integers(10, 4000))
    ids = [r.id for r in spec.rows if r.standard]
    role = {r.id: r.role for r in spec.rows}
    parts = {r: {c: draw(count) for c in spec.part_columns} for r in ids}
    for c in spec.part_columns:
        done = sum(parts[r][c] for r in ids if role[r] == "outcome")
        parts["outcome_total"][c] = done
        available = done + parts["carried_forward"][c]
        parts["carried_over"][c] = min(parts["carried_over"][c], available)
        parts["new_received"][c] = available - parts["carried_over"][c]
    return {r: [*parts[r].values(), sum(parts[r].values())] for r in ids}


def _printed(value: int, zero: str, commas: bool) -> str:
    if value == 0:
        return zero
    return f"{value:,}" if commas else str(value)


def print_plain(
    template: str, rows: Rows, styles: Sequence[str], zero: str, commas: bool, paired: bool
) -> list[str]:
    """Plain pdftotext's shape: a value a line (其他's and 总计's on one line when `paired`), each
    label before its row's values, among them, after them, or listed after the table's values
    (`apart`)."""
    spec = TEMPLATES[template].applications
    label = {r.id: r.label.label for r in spec.rows}
    lines, apart = list(HEAD), []
    for (row, values), style in zip(rows.items(), styles, strict=True):
        cells = [_printed(v, zero, commas) for v in values]
        printed = [[c, ""] for c in cells[:-2]] + (
            [[f"{cells[-2]} {cells[-1]}", ""]] if paired else [[cells[-2], ""], [cells[-1], ""]]
        )
        if style == "before":
            printed.insert(0, [label[row], ""])
        elif style.startswith("inside"):
            printed.insert(int(style[-1]), [label[row], ""])
        elif style == "after":
            printed.append([label[row], ""])
        else:
            apart.append(label[row])
        lines += [line for pair in printed for line in pair]
    return [*lines, *apart, *TAIL]


def applications(report: Report) -> ApplicationsTable:
    """The report's table 三, which the test's text prints (an assertion error if none was found)."""
    table = report.tables.applications
    assert table is not None
    return table


def wrong_numbers(template: str, rows: Rows, report: Report) -> list[str]:
    """Every number the report's table 三 places that is not its cell's in `rows` (`row.column: raw`)."""
    table = report.tables.applications
    columns = TEMPLATES[template].applications.value_columns
    found = table.rows.items() if table is not None else ()
    return [
        f"{row}.{column}: {cell.raw}"
        for row, cells in found
        for column, cell in cells.items()
        if cell.kind == "number" and cell.value != rows[row][columns.index(column)]
    ]
