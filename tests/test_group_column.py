"""Plain pdftotext of LibreOffice's PDFs: table 三's merged group cells drawn as one column.

LibreOffice drew the column of group labels of a 2019 table 三 as one run (`（一）予以公开` /
`（二）部分公开…` / `（三）不予公开` / `（四）无法提供` / `（五）不予处理` / `（六）其他处理`), and
（二）部分公开's values came after the last of them: a row's shape right after the label (六), its
total holding, read as 2019's `other` row (fresh review seed 20268841 r010-v0). Group labels printed
one after another with none of their rows between show such a column: the values after its last
label are said, not read as that label's. One group label before a row (its own) shows nothing.
(The seven values are （二）部分公开's in the first test's texts, 1.属于国家秘密's in the second's.)
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from govdisclosure.model import Report
from plain_table import HEAD, TAIL, TEMPLATES, applications

ROWS = [r for r in TEMPLATES["2019"].applications.rows if r.standard]
LABEL = {r.id: r.label.label for r in ROWS}
GROUPS = {"denied": "（三）不予公开", "unavailable": "（四）无法提供", "not_processed": "（五）不予处理"}
PARTIAL = ["37", "2", "0", "0", "0", "0", "39"]


def _singletons(values: Sequence[str]) -> list[str]:
    return [line for v in values for line in (v, "")]


def _zeros(row: str) -> list[str]:
    return [LABEL[row], "", *_singletons(["0"] * 7)]


def _text(listed: Sequence[str], last: str = "other", cut: int = 0) -> str:
    """（一）'s values, then the labels of （一）, （二）, the groups `listed` and the row `last` one
    a line (a group's cut `cut` characters before its end, LibreOffice's narrow cell: `（三）不予公` /
    `开`), then the seven values PARTIAL, then every other row label-first with zeros."""
    lines = list(HEAD)
    lines += _zeros("new_received") + _zeros("carried_over")
    lines += ["三、本年度办理结果", "", *_singletons(["3", "0", "0", "0", "0", "0", "3"])]
    lines += [LABEL["granted"], "", LABEL["partially_granted"], ""]
    for group in listed:
        label = GROUPS[group]
        lines += [label[: len(label) - cut], "", label[len(label) - cut :], ""] if cut else [label, ""]
    lines += [LABEL[last], "", *_singletons(PARTIAL)]
    for row in ROWS:
        if row.id != last and (row.group is not None or row.id in ("outcome_total", "carried_forward")):
            lines += _zeros(row.id)
    return "\n".join(lines + TAIL)


def _numbers(report: Report, row: str = "other") -> list[str]:
    return [c.raw for c in applications(report).rows.get(row, {}).values() if c.kind == "number"]


@given(
    listed=st.lists(st.sampled_from(sorted(GROUPS)), min_size=2, max_size=3, unique=True),
    cut=st.integers(0, 2),
)
def test_values_after_a_column_of_group_labels_are_not_its_last_label_s(listed: list[str], cut: int) -> None:
    report = govdisclosure.parse(_text(listed, cut=cut))
    assert _numbers(report) == []
    said = [d.message for d in report.diagnostics if d.code == "cell-unplaced"]
    assert any(m.startswith("applications: other:") and "37 2 0 0 0 0 39" in m for m in said), said


@given(before=st.lists(st.sampled_from(["unavailable", "not_processed"]), max_size=2, unique=True))
def test_a_numbered_row_after_its_own_group_label_keeps_its_values(before: list[str]) -> None:
    # `（三）不予公开` / `1.属于国家秘密` / seven values, maybe after other groups' labels (the rows'
    # column drawn after the groups', committed r063's LibreOffice PDF): the values are 1.'s.
    report = govdisclosure.parse(_text([*before, "denied"], last="denied_state_secret"))
    assert _numbers(report, "denied_state_secret") == PARTIAL
