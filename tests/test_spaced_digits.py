"""Table 三's letter-spaced digits split by the identities (tables/spaced_digits.py, resolve.py).

pdftotext `-raw` and pdfplumber print a letter-spaced table's row as `数 量 1 9 2 0 3 6 1 8 4 2 2 3`:
the space between two cells is the space between two digits. Until stop 72 such a row was said (a
number printed broken); now its digits are split where the row total and the column identities
leave one split, as a fused line's are, and each cell says basis `split`.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from govdisclosure.model import ApplicationsTable
from govdisclosure.templates import default_templates
from plain_table import FEWER

TEMPLATE = default_templates()["2021"].applications
ROWS = [row for row in TEMPLATE.rows if row.standard]
COLUMNS = TEMPLATE.value_columns
REVIEW = Path(__file__).resolve().parent / "corpus" / "heldout" / "review-layouts"

#: Each row's printed cells, None where the report left a cell blank (and the tool dropped it).
Printed = dict[str, list[int | None]]


def _spaced(text: str) -> str:
    return " ".join(text)


ACTIVE = default_templates()["2021"].active_disclosure
BLOCK = ACTIVE.blocks[0]  # 第二十条第（一）项: 规章, 行政规范性文件 under three columns
# Table 二's first block before table 三, letter-spaced as the whole report is (its caption and
# labels are what show the text letter-spaced: table 三's labels wrapped three characters a line
# spell too little each, layout/spaced.py).
ACTIVE_LINES = [
    _spaced("二、主动公开政府信息情况"),
    _spaced(BLOCK.caption),
    " ".join(_spaced(t) for t in ("信息内容", *(ACTIVE.columns[c].label.label for c in BLOCK.columns))),
    *(f"{_spaced(ACTIVE.rows[row].label)} 0 0 0" for row in BLOCK.rows),
]
HEAD_LINES = [
    _spaced("三、收到和处理政府信息公开申请情况"),
    _spaced("申请人情况"),
    f"{_spaced('自然人')} {_spaced('法人或其他组织')} {_spaced('总计')}",
    " ".join(_spaced(c) for c in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")),
]


# Characters no line starts with when a PDF maker wraps CJK text (its line-breaking rules), and 无,
# which would open or end a line as a none mark (`无 正 当 理 由`: layout/spaced.py reads 无
# between two label words of a line as the label's; at a line's start or end it does not, a gap
# this test leaves alone).
NO_LINE_START = "、，。）”：；无"


def _wrapped(label: str, width: int | None) -> list[str]:
    """The label cut `width` characters a line (a line running on past a character no line starts with)."""
    if width is None:
        return [label]
    pieces, start = [], 0
    while start < len(label):
        end = min(start + width, len(label))
        while end < len(label) and (label[end] in NO_LINE_START or label[end - 1] == "无"):
            end += 1
        pieces.append(label[start:end])
        start = end
    return pieces


@st.composite
def raw_spaced_tables(draw: st.DrawFn) -> tuple[str, Printed]:
    """Table 三 printed letter-spaced as pdftotext -raw gives it: each row's label (whole, or
    wrapped a few characters a line), then its cells one space apart on the label's last line or
    the line after it; some reports leave some cells blank, which the tool drops."""
    blanks = draw(st.booleans())
    # (Three characters a line spell too little of a label to show the letter-spacing: with every
    # label so, no line but table 二's few does, and the digits read as cells, layout/spaced.py.)
    width = draw(st.sampled_from([None, 4, 5, 8]))
    # pdftotext -raw prints a row's cells beside its label's last line, or on the line after it
    # (cells aligned lower in a tall row: `申 请 数 量` / `1 0 8 5 4 3 0 4 1 2 4`).
    below = draw(st.booleans())
    lines = [*ACTIVE_LINES, *HEAD_LINES]
    printed: Printed = {}
    for row in ROWS:
        if row.id == "granted":
            lines.append(_spaced("三、本年度办理结果"))
        cells: list[int | None] = list(draw(st.lists(st.integers(0, 40), min_size=6, max_size=6)))
        if blanks:
            left = draw(st.sets(st.integers(0, 5), max_size=6))
            cells = [None if i in left else v for i, v in enumerate(cells)]
        cells.append(sum(v for v in cells if v is not None))
        printed[row.id] = cells
        digits = " ".join(_spaced(str(v)) for v in cells if v is not None)
        pieces = _wrapped(row.label.label, width)
        lines += [_spaced(p) for p in pieces[:-1]]
        lines += [_spaced(pieces[-1]), digits] if below and digits else [f"{_spaced(pieces[-1])} {digits}"]
    lines.append(_spaced("四、政府信息公开行政复议、行政诉讼情况"))
    return "\n".join(lines) + "\n", printed


def _holding(digits: str, cells: int) -> list[tuple[int, ...]]:
    """Every split of the digits into `cells` numbers (no leading zero) whose last is the sum of
    the others: a brute-force reference for the search of tables/fused.py."""

    @cache
    def parts(at: int, left: int) -> tuple[tuple[int, ...], ...]:
        if left == 0:
            return ((),) if at == len(digits) else ()
        found = []
        for end in range(at + 1, len(digits) + 1):
            head = digits[at:end]
            if len(head) > 1 and head[0] == "0":
                break
            found += [(int(head), *rest) for rest in parts(end, left - 1)]
        return tuple(found)

    return [split for split in parts(0, cells) if sum(split[:-1]) == split[-1]]


def _settled_alone(cells: list[int | None]) -> bool:
    """True when the printed digits split into seven cells one way only holding the row total, and
    into fewer cells no way holding it."""
    digits = "".join(str(v) for v in cells if v is not None)
    return len(_holding(digits, 7)) == 1 and not any(_holding(digits, m) for m in range(2, 7))


@FEWER  # a whole table parsed an example
@given(raw_spaced_tables())
def test_letter_spaced_digits_give_no_number_but_their_own(drawn: tuple[str, Printed]) -> None:
    text, printed = drawn
    table = govdisclosure.parse(text).tables.applications
    assert table is not None
    for row, column, cell in table.cells():
        if cell.kind == "number":
            assert cell.value == printed[row][COLUMNS.index(column)], (row, column, cell.raw)


@FEWER  # a whole table parsed an example
@given(raw_spaced_tables())
def test_letter_spaced_digits_one_split_alone_holds_are_read_by_that_split(
    drawn: tuple[str, Printed],
) -> None:
    text, printed = drawn
    table = govdisclosure.parse(text).tables.applications
    assert table is not None
    for row, cells in printed.items():
        # (A nonzero digit before the last: the digits are one letter-spaced run, layout/spaced.py;
        # `0 0 0 0 0 0 0` stays seven cells.)
        digits = "".join(str(v) for v in cells if v is not None)
        if not _settled_alone(cells) or set(digits[:-1]) <= {"0"}:
            continue
        read = table.rows.get(row, {})
        assert {c: read[c].value for c in read} == dict(zip(COLUMNS, cells, strict=True)), row
        assert {read[c].basis for c in read} == {"split"}, row


def test_digits_that_fewer_cells_hold_too_are_said() -> None:
    # 24, 13, 6, 31 and 74 with two cells blank and dropped print `2 4 1 3 6 3 1 7 4`, which
    # seven cells hold one way too (2, 4, 1, 3, 63, 1, 74): read so, six numbers would be wrong.
    rows = {r.id: [0] * 7 for r in ROWS}
    report = govdisclosure.parse(raw_text({**rows, "new_received": [24, 13, 6, 31, 74]}))
    table = report.tables.applications
    assert table is not None
    assert not any(c.kind == "number" for c in table.rows.get("new_received", {}).values())
    assert any(
        d.code == "cell-unplaced" and "new_received" in d.message and "fewer cells" in d.message
        for d in report.diagnostics
    )


def raw_text(rows: dict[str, list[int]]) -> str:
    """A letter-spaced table 三 as pdftotext -raw prints it, each row's printed cells given."""
    lines = [*ACTIVE_LINES, *HEAD_LINES]
    for row in ROWS:
        if row.id == "granted":
            lines.append(_spaced("三、本年度办理结果"))
        lines.append(f"{_spaced(row.label.label)} {' '.join(_spaced(str(v)) for v in rows[row.id])}")
    return "\n".join(lines) + "\n"


def _review(report: str, name: str) -> tuple[dict[str, dict[str, object]], ApplicationsTable]:
    """A review text's table 三 as parsed, and its truth's values row by row."""
    truth = json.loads((REVIEW / f"{report}.truth.json").read_text(encoding="utf-8"))
    values = {
        row: {c: cell["value"] for c, cell in cells.items()}
        for row, cells in truth["tables"]["applications"].items()
    }
    table = govdisclosure.parse((REVIEW / name).read_text(encoding="utf-8")).tables.applications
    assert table is not None
    return values, table


# A review's Chromium PDFs in letter-spacing: fresh seed 20268846 r047-v1 (0.5 em, 11 px, A4
# landscape), `开 4 0 0 0 1 0 5` after the wrapped `2 . 其 他` / `法 律 行` / … and `形 ） 1 9 0 0 0 0 1
# 2 0`, 18 of its 200 cells read before stop 72; fresh seed 20268844 r089-v1 (0.25 em), a row's
# digits on the line after its label's last words, `申 请 数 量` / `1 0 8 5 4 3 0 4 1 2 4` / `二 、 …`.
READ_BY_IDENTITIES = [
    ("s20268846-zeros-r047-v1", "pdftotext-raw", ("denied_prohibited_by_law", "partially_granted")),
    ("s20268846-zeros-r047-v1", "pdfplumber", ("denied_third_party_rights", "partially_granted")),
    (
        "s20268844-zeros-r089-v1",
        "pdftotext-raw",
        ("new_received", "partially_granted", "denied_state_secret"),
    ),
]


@pytest.mark.parametrize(("report", "route", "rows"), READ_BY_IDENTITIES)
def test_review_text_letter_spaced_reads_table_san_by_its_identities(
    report: str, route: str, rows: tuple[str, ...]
) -> None:
    truth, table = _review(report, f"{report}.pdf-chromium.{route}.txt")
    for row in rows:
        assert {c: table[row][c].value for c in COLUMNS} == truth[row], row
        assert {table[row][c].basis for c in COLUMNS} == {"split"}, row


def test_letter_spaced_values_between_another_label_s_pieces_are_not_the_waiting_label_s() -> None:
    # Review seed 20268837 r097-v0 (pdftotext -raw): `2 .` / `没 有` / `现 成` / `信 息` / `需 要` /
    # `3 0 0 0 0 0 3` / `另 行` / `制 作`: 2.没有现成信息需要另行制作's values in the middle of its
    # label's lines, after 1.本机关不掌握相关政府信息's label (its own values on a line its next
    # label's number mark follows). Taken as 1.'s, they gave it 3 for its 7 and 0 for its 4.
    truth, table = _review(
        "s20268837-zeros-r097-v0", "s20268837-zeros-r097-v0.pdf-chromium.pdftotext-raw.txt"
    )
    for column, cell in table.rows.get("unavailable_not_held", {}).items():
        assert cell.value == truth["unavailable_not_held"][column], column


def test_letter_spaced_digits_after_words_that_continue_no_label_are_said() -> None:
    # Words that name no row and continue no label's wrapped tail (`说 明`), then letter-spaced
    # digits: they are said, where they had been dropped with no diagnostic.
    rows = {r.id: [0] * 7 for r in ROWS}
    label = _spaced("二、上年结转政府信息公开申请数量")
    text = raw_text({**rows, "carried_over": [2, 1, 0, 0, 0, 0, 3]}).replace(
        f"{label} 2 1 0 0 0 0 3", f"{label}\n{_spaced('说明')} 2 1 0 0 0 0 3"
    )
    report = govdisclosure.parse(text)
    assert any("说明: 2 1 0 0 0 0 3" in d.message for d in report.diagnostics if d.code == "cell-unplaced")
