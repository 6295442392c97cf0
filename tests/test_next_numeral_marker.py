"""Words opening the next numeral group (`三、本`, `二、上年`) end the cell of the label before.

A review's Chromium PDF (seed 20268807 r083, A4 landscape, 19 px, letter-spacing 0.25 em;
pdftotext `-layout`) printed 二、上年结转政府信息公开申请数量 wrapped and blank, then 三、本年度办理结果's
pieces beside （一）予以公开's: `三、本   （一）予以公` / `年度办      开     3,253  2  1  3,256`. No
piece reads as a label, so the values line was taken as the blank row's, in printed order: four
wrong numbers. Rows do not overlap on the page, so a numeral marker other than the waiting
label's own (or its group's) shows its cell has ended (tables/opening.opens_a_group).
"""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

import govdisclosure
from govdisclosure.lexicon import lexicon_for
from govdisclosure.tables.opening import opens_a_group
from plain_table import HEAD, TAIL, TEMPLATES

LEXICON = lexicon_for(TEMPLATES)


@st.composite
def cut(draw: st.DrawFn, label: str, head: int) -> list[str]:
    """The label as a narrow cell wraps it: its first `head` characters and up to three more (its
    marker alone on a line: `三、` / `本年` / `度办`, review seed 20268831 r071-v1), then lines of
    one to three characters."""
    at = head + draw(st.integers(0, 3))
    pieces = [label[:at]]
    while at < len(label):
        size = draw(st.integers(1, 3))
        pieces.append(label[at : at + size])
        at += size
    return pieces


def _side_by_side(left: list[str], right: list[str]) -> list[str]:
    """Two cells' pieces printed line by line, the left cell's first (a group label beside its
    first row's), the shorter one ending first."""
    n = max(len(left), len(right))
    return [
        " ".join(p for p in (left[i] if i < len(left) else "", right[i] if i < len(right) else "") if p)
        for i in range(n)
    ]


def _values(data: st.DataObject) -> tuple[list[int], str]:
    """A row's seven values (总计 the sum of the others), and as printed."""
    values = data.draw(st.lists(st.integers(1, 999), min_size=6, max_size=6))
    values.append(sum(values))
    return values, " ".join(map(str, values))


# (template, the blank row, the next row): a numeral group opens between them.
CASES = [(name, "new_received", "carried_over") for name in ("2019", "2021")] + [
    (name, "carried_over", "granted") for name in ("2019", "2021")
]


@given(st.sampled_from(CASES), st.data())
def test_values_after_the_next_numeral_group_s_words_are_not_the_blank_row_s(
    case: tuple[str, str, str], data: st.DataObject
) -> None:
    name, blank, rid = case
    spec = TEMPLATES[name].applications
    label = spec.row(rid).label.label
    if rid == "granted":
        # 三、本年度办理结果's pieces beside （一）予以公开's, as the review printed them.
        group = data.draw(cut(spec.outcome_group.label, 2))
        pieces = _side_by_side(group, data.draw(cut(label, 3)))
    else:
        pieces = data.draw(cut(label, 2))
    assume(not any(LEXICON.match(p) for p in pieces))
    values, printed = _values(data)
    where = data.draw(st.integers(0, len(pieces) - 1))  # the line the values stand on
    body = []
    for row in spec.rows:
        if not row.standard:
            continue
        if row.id == blank:
            # Its label wrapped (the review's 二、上年结转政府信息 / 公开申请数量), no value printed.
            body += [row.label.label[:10], row.label.label[10:]]
        elif row.id == rid:
            body += [*pieces[:where], f"{pieces[where]} {printed}", *pieces[where + 1 :]]
        else:
            body.append(f"{row.label.label} {' '.join(['0'] * 7)}")
    report = govdisclosure.parse("\n".join(["一、总体情况", *HEAD, *body, *TAIL]))
    table = report.tables.applications
    assert table is not None
    assert [c.value for c in table.rows.get(blank, {}).values()] in ([], [None] * 7)
    got = [c.value for c in table.rows.get(rid, {}).values()]
    said = " | ".join(d.message for d in report.diagnostics if d.code == "cell-unplaced")
    assert got == values or (got == [] and printed in said)


def test_a_numeral_marker_opens_a_group_but_the_label_s_own_does_not() -> None:
    assert opens_a_group("三、本 （一）予以公", None, 2)
    assert opens_a_group("二、上年", None, 1)
    assert not opens_a_group("三、本 （一）予以公", 1, 3)  # its own group's piece beside it
    assert not opens_a_group("三、本", None, None)  # (table 二: no marker known)
    assert opens_a_group("（六）其它处", 5, 3)
    # A marker alone on its line, the group's words on the next (pdfplumber, 8 px, 0.5 em).
    assert opens_a_group("三、", None, 2)
    assert opens_a_group("（二）", 1, 3)
    assert not opens_a_group("二、", None, 2)
    assert not opens_a_group("三、", None, None)
