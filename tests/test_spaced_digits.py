"""Letter-spaced digits split by the identities (tables/spaced_digits.py, resolve.py).

pdftotext `-raw` and pdfplumber print a letter-spaced table's row as `数 量 1 9 2 0 3 6 1 8 4 2 2 3`:
the space between two cells is the space between two digits. Until stop 72 such a row was said (a
number printed broken); now its digits are split where the row total and the column identities
leave one split, as a fused line's are, and each cell says basis `split`. Since stop 73 marks and
thousands among them (`1 , 6 7 8 1 — — — 1 1 , 6 8 0`) too, and table 四's one row by its group totals.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import example, given
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
def raw_spaced_tables(draw: st.DrawFn) -> tuple[str, Printed, str | None]:
    """Table 三 printed letter-spaced as pdftotext -raw gives it: each row's label (whole, or
    wrapped a few characters a line), then its cells one space apart on the label's last line or
    the line after it; some reports leave some cells blank, which the tool drops, print a zero as
    a none mark, or thousands with a comma (`1 , 6 6 7`)."""
    blanks = draw(st.booleans())
    mark = draw(st.sampled_from(MARKS))
    big = draw(st.booleans())
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
        cells = printed[row.id] = draw_row(draw, big, blanks)
        digits = " ".join(_spaced(_shown(v, mark)) for v in cells if v is not None)
        pieces = _wrapped(row.label.label, width)
        lines += [_spaced(p) for p in pieces[:-1]]
        lines += [_spaced(pieces[-1]), digits] if below and digits else [f"{_spaced(pieces[-1])} {digits}"]
    lines.append(_spaced("四、政府信息公开行政复议、行政诉讼情况"))
    return "\n".join(lines) + "\n", printed, mark


def draw_row(draw: st.DrawFn, big: bool, blanks: bool) -> list[int | None]:
    """A table 三 row's cells: six drawn (in the thousands too where `big`; some blank where
    `blanks`), then their total."""
    value = st.one_of(st.integers(0, 40), st.integers(1000, 1500)) if big else st.integers(0, 40)
    cells: list[int | None] = list(draw(st.lists(value, min_size=6, max_size=6)))
    if blanks:
        left = draw(st.sets(st.integers(0, 5), max_size=6))
        cells = [None if i in left else v for i, v in enumerate(cells)]
    return [*cells, sum(v for v in cells if v is not None)]


#: How a report prints a zero: as 0, or as a none mark (FORMAT.md §2.2 K).
MARKS = [None, "—", "/", "无"]


def _shown(value: int, mark: str | None) -> str:
    """A cell as the report prints it: a zero as its mark, thousands with a comma."""
    return mark if value == 0 and mark else f"{value:,}"


#: One cell of a printed row's pieces: a number (no leading zero; a comma three digits apart).
NUMBER = re.compile(r"^(?:0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)$")


def _cuts(pieces: tuple[str, ...], cells: int) -> list[tuple[str, ...]]:
    """Every way to read the printed pieces (each character of a letter-spaced row) as `cells`
    cells in order: a none mark a cell alone, a comma inside its number: a brute-force reference
    for the search of tables/spaced_digits.py."""

    @cache
    def parts(at: int, left: int) -> tuple[tuple[str, ...], ...]:
        if left == 0:
            return ((),) if at == len(pieces) else ()
        found: list[tuple[str, ...]] = []
        for end in range(at + 1, len(pieces) + 1):
            head = "".join(pieces[at:end])
            if head in MARKS or NUMBER.match(head):
                found += [(head, *rest) for rest in parts(end, left - 1)]
        return tuple(found)

    return list(parts(0, cells))


def _worth(cell: str) -> int:
    return 0 if cell in MARKS else int(cell.replace(",", ""))


def _holding_cells(pieces: tuple[str, ...], cells: int) -> list[tuple[str, ...]]:
    """The readings of `_cuts` whose last cell is the sum of the others (a mark counting as 0)."""
    return [c for c in _cuts(pieces, cells) if sum(map(_worth, c[:-1])) == _worth(c[-1])]


def _pieces(cells: list[int | None], mark: str | None) -> tuple[str, ...]:
    """The row's printed characters, each a piece the letter-spacing sets apart."""
    return tuple(ch for v in cells if v is not None for ch in _shown(v, mark))


def _settled_by_pieces(pieces: tuple[str, ...]) -> bool:
    """True when the printed pieces read as seven cells one way only holding the row total, and as
    fewer cells (blank ones dropped) no way holding it."""
    return len(_holding_cells(pieces, 7)) == 1 and not any(_holding_cells(pieces, m) for m in range(1, 7))


@FEWER  # a whole table parsed an example
@given(raw_spaced_tables())
def test_letter_spaced_digits_give_no_number_but_their_own(drawn: tuple[str, Printed, str | None]) -> None:
    text, printed, mark = drawn
    assert_no_number_but_its_own(text, printed, mark)


def assert_no_number_but_its_own(text: str, printed: Printed, mark: str | None) -> None:
    """Every number read in the text's table 三 is the printed cell's, none a mark's 0."""
    table = govdisclosure.parse(text).tables.applications
    assert table is not None
    for row, column, cell in table.cells():
        value = printed[row][COLUMNS.index(column)]
        if cell.kind == "number":
            assert cell.value == value, (row, column, cell.raw)
            assert not (mark and value == 0), (row, column, cell.raw)  # a mark read as its 0


@FEWER  # a whole table parsed an example
@given(raw_spaced_tables())
def test_letter_spaced_digits_one_split_alone_holds_are_read_by_that_split(
    drawn: tuple[str, Printed, str | None],
) -> None:
    text, printed, mark = drawn
    table = govdisclosure.parse(text).tables.applications
    assert table is not None
    for row, cells in printed.items():
        # (A nonzero digit before the last: the digits are one letter-spaced run, layout/spaced.py;
        # `0 0 0 0 0 0 0` stays seven cells, and so do marks and lone digits between them.)
        pieces = _pieces(cells, mark)
        if not _settled_by_pieces(pieces) or not _one_run(pieces):
            continue
        read = table.rows.get(row, {})
        expected = {c: (None if mark and v == 0 else v) for c, v in zip(COLUMNS, cells, strict=True)}
        assert {c: read[c].value for c in read} == expected, row
        assert {read[c].basis for c in read} == {"split"}, row


def _one_run(pieces: tuple[str, ...]) -> bool:
    """True when the pieces hold a letter-spaced run: two pieces of a number side by side, not
    only zeros (`0 0` are two cells, layout/spaced.py)."""
    runs = "".join(" " if p in MARKS else p for p in pieces).split()
    return any(len(r) > 1 and set(r[:-1]) - {"0"} for r in runs)


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


def raw_text(rows: dict[str, list[int]], mark: str | None = None) -> str:
    """A letter-spaced table 三 as pdftotext -raw prints it, each row's printed cells given (a zero
    printed as `mark` where given)."""
    lines = [*ACTIVE_LINES, *HEAD_LINES]
    for row in ROWS:
        if row.id == "granted":
            lines.append(_spaced("三、本年度办理结果"))
        lines.append(f"{_spaced(row.label.label)} {' '.join(_spaced(_shown(v, mark)) for v in rows[row.id])}")
    return "\n".join(lines) + "\n"


def test_a_table_printing_its_zeros_as_wu_is_read_as_letter_spaced() -> None:
    # Found by the property above under the `thorough` profile (stop 73): with every zero printed
    # 无, no row's line spelled a label (its words, set together, ended 无无无…), too few lines
    # showed the letter-spacing (layout/spaced.py), and `无 无 无 无 无 1 0 1 0` read as nine cells
    # and was said. A row's none marks after its label are no part of it now: 10 and 10.
    rows = {r.id: [0] * 7 for r in ROWS}
    table = govdisclosure.parse(raw_text({**rows, "carried_forward": [0, 0, 0, 0, 0, 10, 10]}, "无")).tables
    assert table.applications is not None
    read = table.applications.rows["carried_forward"]
    assert [read[c].raw for c in COLUMNS] == ["无"] * 5 + ["10", "10"]
    assert {read[c].basis for c in COLUMNS} == {"split"}


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


def _table_cells(report: str, route: str, table: str) -> tuple[dict[str, dict[str, object]], object]:
    """A review text's table as parsed, and its truth's cells (raw text) row by row."""
    truth = json.loads((REVIEW / f"{report}.truth.json").read_text(encoding="utf-8"))
    raw = {
        row: {c: cell["raw"] for c, cell in cells.items()} for row, cells in truth["tables"][table].items()
    }
    text = (REVIEW / f"{report}.pdf-chromium.{route}.txt").read_text(encoding="utf-8")
    return raw, getattr(govdisclosure.parse(text).tables, table)


def test_letter_spaced_rows_with_marks_and_commas_are_split_by_the_identities() -> None:
    # Fresh seed 20268846 r029-v0 (pdftotext -raw, zeros printed —): `一 、 本 年 新 收 … 数 量 1 , 6 7 8
    # 1 — — — 1 1 , 6 8 0` is 1,678, 1, three marks, 1 and 1,680 (11,680 would be six cells, whose
    # total fails). Before stop 73 the row was said as a number printed broken, and so was every row
    # near it, `— — — — — — —` too: 497 of 994 cells of such texts in seed 46 were read.
    truth, table = _table_cells("s20268846-dash-r029-v0", "pdftotext-raw", "applications")
    assert table is not None
    for row in ("new_received", "granted", "outcome_total"):
        assert {c: table[row][c].raw for c in COLUMNS} == truth[row], row
        assert {table[row][c].basis for c in COLUMNS} == {"split"}, row
    # Rows of marks and lone digits show their cells as printed: no split, no basis.
    for row in ("denied_state_secret", "carried_over"):
        assert {c: table[row][c].raw for c in COLUMNS} == truth[row], row
        assert {table[row][c].basis for c in COLUMNS} == {None}, row
    assert table["new_received"]["commercial_enterprise"].kind == "number"
    assert table["new_received"]["research_institution"].kind == "none"


# Table 四's one row of fifteen cells, letter-spaced after its header, fresh seed 20268846:
# `/ 1 2 / 3 2 / 1 3 6 / / / / /` (r010-v0), `无 无 无 无 无 无 1 1 无 2 无 …` (r056-v1) and
# `— 6 6 2 1 4 — — — — — 2 — — 1 3` (r079-v0: 14 is 维持 …'s total, 1 and 3 the last group's).
REVIEW_ROWS = [
    ("s20268846-slash-r010-v0", "pdftotext-raw"),
    ("s20268846-slash-r010-v0", "pdfplumber"),
    ("s20268846-wu-r056-v1", "pdftotext-raw"),
    ("s20268846-dash-r079-v0", "pdftotext-raw"),
]


@pytest.mark.parametrize(("report", "route"), REVIEW_ROWS)
def test_letter_spaced_table_si_is_split_by_its_group_totals(report: str, route: str) -> None:
    truth, table = _table_cells(report, route, "review_litigation")
    assert table is not None
    read = {group: {c: cell.raw for c, cell in cells.items()} for group, cells in table.rows.items()}
    assert read == truth
    assert {cell.basis for _, _, cell in table.cells()} == {"split"}


def test_letter_spaced_table_si_cut_at_the_page_s_edge_is_said() -> None:
    # r073-v1: the page's edge cut the last three cells off (`3 2 无 1 6 无 无 无 无 无 无 无`): twelve
    # printed cells read with three blanks hold the group totals as well as any fifteen.
    text = (REVIEW / "s20268846-wu-r073-v1.pdf-chromium.pdftotext-raw.txt").read_text(encoding="utf-8")
    report = govdisclosure.parse(text)
    table = report.tables.review_litigation
    assert table is None or not any(c.kind == "number" for _, _, c in table.cells())
    assert any("review_litigation" in d.message and "fewer cells" in d.message for d in report.diagnostics)


REVIEW_TEMPLATE = default_templates()["2021"].review_litigation
#: Table 四's fifteen cells in printed order: each group's five.
REVIEW_PLACES = [(g, c) for g in REVIEW_TEMPLATE.groups for c in REVIEW_TEMPLATE.columns]
REVIEW_HEADER = [
    f"{_spaced('行政复议')} {_spaced('行政诉讼')}",
    " ".join(_spaced(REVIEW_TEMPLATE.columns[c].label.label) for c in REVIEW_TEMPLATE.columns),
    f"{_spaced('未经复议直接起诉')} {_spaced('复议后起诉')}",
    " ".join(_spaced(REVIEW_TEMPLATE.columns[c].label.label) for c in [*REVIEW_TEMPLATE.columns] * 2),
]


@st.composite
def raw_spaced_reviews(draw: st.DrawFn) -> tuple[str, list[int | None], str | None]:
    """Table 三 of zeros and table 四 after it, letter-spaced as pdftotext -raw prints them: table 四's
    fifteen cells on one line after its header, a zero as a mark or 0, some cells blank and dropped."""
    mark = draw(st.sampled_from(MARKS))
    blanks = draw(st.booleans())
    cells: list[int | None] = []
    for _ in REVIEW_TEMPLATE.groups:
        group: list[int | None] = list(draw(st.lists(st.integers(0, 30), min_size=4, max_size=4)))
        if blanks:
            left = draw(st.sets(st.integers(0, 3), max_size=4))
            group = [None if i in left else v for i, v in enumerate(group)]
        total = sum(v for v in group if v is not None)
        cells += [*group, None if blanks and all(v is None for v in group) else total]
    return _raw_review_text(cells, mark), cells, mark


def _raw_review_text(cells: list[int | None], mark: str | None) -> str:
    """A report of table 三's zeros and table 四 holding `cells`, letter-spaced as pdftotext -raw
    prints them, a blank cell dropped."""
    table_san = raw_text({r.id: [0] * 7 for r in ROWS})
    row = " ".join(_spaced(_shown(v, mark)) for v in cells if v is not None)
    lines = [
        _spaced("四、政府信息公开行政复议、行政诉讼情况"),
        *REVIEW_HEADER,
        row,
        "五、存在的主要问题及改进情况",
    ]
    return table_san + "\n".join(lines) + "\n"


# Fifteen two-digit cells, one run of thirty digits with one reading: before the search dropped a
# group whose sum so far no cell left could print, it ran out of budget here and said the table.
_ONE_LONG_READING: list[int | None] = [11, 12, 12, 21, 56, 15, 19, 18, 29, 81, 16, 29, 11, 28, 84]


@FEWER  # a whole report parsed an example
@given(raw_spaced_reviews())
def test_letter_spaced_table_si_gives_no_number_but_its_own(
    drawn: tuple[str, list[int | None], str | None],
) -> None:
    text, cells, mark = drawn
    table = govdisclosure.parse(text).tables.review_litigation
    assert table is not None
    for group, column, cell in table.cells():
        value = cells[REVIEW_PLACES.index((group, column))]
        if cell.kind == "number":
            assert cell.value == value, (group, column, cell.raw)
            assert not (mark and value == 0), (group, column, cell.raw)  # a mark read as its 0


def _group_readings(pieces: tuple[str, ...]) -> tuple[int, bool]:
    """How many ways table 四's printed pieces read as fifteen cells whose three group totals hold,
    and whether some reading with blank cells holds them too (a group's printed cells ending with
    its total, or none printed): a reference for tables/spaced_digits.py, reading group by group
    where the search there reads place by place."""

    @cache
    def go(at: int, group: int, taken: int, total: int) -> tuple[int, bool]:
        if group == len(REVIEW_TEMPLATE.groups):
            return (1 if at == len(pieces) else 0), False
        full, fewer = 0, False
        if taken == 0:  # the whole group blank
            after = go(at, group + 1, 0, 0)
            fewer = fewer or after[0] > 0 or after[1]
        for end in range(at + 1, len(pieces) + 1):
            cell = "".join(pieces[at:end])
            if not (cell in MARKS or NUMBER.match(cell)):
                continue
            if _worth(cell) == total:  # the group's total
                after = go(end, group + 1, 0, 0)
                if taken == 4:
                    full, fewer = full + after[0], fewer or after[1]
                else:
                    fewer = fewer or after[0] > 0 or after[1]
            if taken < 4:
                after = go(end, group, taken + 1, total + _worth(cell))
                full, fewer = full + after[0], fewer or after[1]
        return full, fewer

    return go(0, 0, 0, 0)


@FEWER  # a whole report parsed an example
@given(raw_spaced_reviews())
@example((_raw_review_text(_ONE_LONG_READING, None), _ONE_LONG_READING, None))
def test_letter_spaced_table_si_one_reading_alone_is_read(
    drawn: tuple[str, list[int | None], str | None],
) -> None:
    text, cells, mark = drawn
    pieces = _pieces(cells, mark)
    full, fewer = _group_readings(pieces)
    if full != 1 or fewer or not _one_run(pieces):
        return
    table = govdisclosure.parse(text).tables.review_litigation
    assert table is not None
    read = {(g, c): cell.value for g, c, cell in table.cells()}
    assert read == {p: (None if mark and v == 0 else v) for p, v in zip(REVIEW_PLACES, cells, strict=True)}
    assert {cell.basis for _, _, cell in table.cells()} == {"split"}
