"""A report filling only 总计 prints a group's row totals after its labels (tables/waiting.one_each).

A review's LibreOffice PDF through plain pdftotext (seed 20268804 r080, 6 em label cells, cells
aligned middle) printed （三）不予公开's labels 2.–8. one after another, then their totals one a
line: `0` `0` `0` `0` `1` `0` `1`. Seven values after 8.'s label hold its row total (1 = 0+0+0+0+1+0),
and were read as 8.属于行政查询事项's seven cells: six numbers where the report prints none. Each
label printing nothing before it may own one of them as well: they are said, not placed. So they
are where more labels printing nothing stand before the run (fresh review seed 20268818 r008-v0,
pdfminer: the values of 1. and the rows above it printed before their labels).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from plain_table import HEAD, TAIL, TEMPLATES

# Runs of seven consecutive data rows of one group (as many as table 三 has columns).
RUNS = [
    (name, [r.id for r in rows[start : start + 7]])
    for name in ("2019", "2021")
    for spec in [TEMPLATES[name].applications]
    for group in {r.group for r in spec.rows if r.group}
    for rows in [[r for r in spec.rows if r.group == group and r.standard]]
    for start in range(len(rows) - 6)
]


def test_a_run_of_seven_rows_exists_in_both_templates() -> None:
    assert {name for name, _ in RUNS} == {"2019", "2021"}


@given(st.sampled_from(RUNS), st.lists(st.integers(0, 30), min_size=6, max_size=6), st.integers(0, 4))
def test_a_group_s_totals_after_its_labels_are_no_row_s_cells(
    run: tuple[str, list[str]], totals: list[int], silent: int
) -> None:
    # `silent`: rows right before the run print nothing where they stand either (their values
    # printed before their labels, as pdfminer prints a column: fresh review seed 20268818 r008-v0,
    # Chromium, `1,922` `0` `1,918` `1` `0` before 1.–8.'s labels, then `0` x 7, read as 8.'s).
    name, ids = run
    spec = TEMPLATES[name].applications
    standard = [r.id for r in spec.rows if r.standard]
    quiet = set(standard[max(0, standard.index(ids[0]) - silent) : standard.index(ids[0])])
    last = sum(totals)  # the last row's total: the others' sum, so it holds as that row's total
    printed = [*totals, last]
    body: list[str] = []
    for row in spec.rows:
        if not row.standard or row.id in ids[1:]:
            continue
        if row.id in quiet:
            body.append(row.label.label)
        elif row.id == ids[0]:
            body += [next(r.label.label for r in spec.rows if r.id == rid) for rid in ids]
            body += [str(v) for v in printed]
        else:
            body += [row.label.label, "0"]  # another row: its total alone, as the report prints it
    report = govdisclosure.parse("\f" + "\n".join(["一、总体情况", *HEAD, *body, *TAIL]))
    table = report.tables.applications
    assert table is not None
    cells = [c for c in table.rows.get(ids[-1], {}).values() if c.kind == "number"]
    # Only its total, if anything: the report prints no other number in the row.
    assert [c.value for c in cells] in ([], [last])
