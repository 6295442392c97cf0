"""Numbers a narrow PDF cell wrapped around its row's line (FORMAT.md §2.2 C): LibreOffice centres a
row's one-line cells, so a number wrapped in two prints its first piece above the row's line and its
tail below it, and the text does not show which columns those cells stand in:

    2,90 3,31
    一、本年新收政府信息公开申请数量 358 0 24 30 0
    1 3

Each piece is joined to its tail in order; the joined numbers' columns are then settled by the
identities (the row total and table 三's column identities across the rows) where they leave
exactly one placement (basis `split`), and reported `cell-ambiguous` where they do not. The text is
a committed tool-corpus output (LibreOffice PDF through pdfplumber, report r007); the expected cells
are the generator's truth.
"""

from __future__ import annotations

import functools
import json
from decimal import Decimal
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclosure
from corpus.score import assert_right_or_said, row_cells
from govdisclosure.layout import Token, read_rows
from govdisclosure.layout.tails import wrapped_around
from govdisclosure.lexicon import lexicon_for
from govdisclosure.normalize import normalize
from govdisclosure.tables.floating import floating_readings
from govdisclosure.templates import default_templates

REPORT = Path(__file__).resolve().parent / "corpus" / "fixtures" / "r007"
TEXT = (REPORT / "pdf-lo.pdfplumber.txt").read_text(encoding="utf-8")
TRUTH = json.loads((REPORT / "truth.json").read_text(encoding="utf-8"))["tables"]["applications"]
CENTRED = "2,90 3,31\n一、本年新收政府信息公开申请数量 358 0 24 30 0\n1 3\n"
WRAPPED_ROWS = ("new_received", "granted", "outcome_total")


def test_the_text_is_the_centred_shape() -> None:
    assert CENTRED in TEXT


def test_centred_wraps_are_placed_where_the_identities_leave_one_placement() -> None:
    report = govdisclosure.parse(TEXT)
    table = report.tables.applications
    assert table is not None
    for row in WRAPPED_ROWS:
        got = table.rows.get(row, {})
        assert set(got) == set(TRUTH[row]), row
        for column, cell in TRUTH[row].items():
            assert Decimal(str(got[column].value)) == Decimal(str(cell["value"])), (row, column)
        # The joined numbers' places came from the identities: the whole row says so.
        assert {c.basis for c in got.values()} == {"split"}, row


def test_the_checks_that_chose_a_placement_are_decided() -> None:
    report = govdisclosure.parse(TEXT)
    # The row total of each row placed so holds by construction: decided, not evidence.
    totals = [
        c
        for c in report.checks
        if c.name.startswith("applications.row_total.") and c.name.split(".")[2] in WRAPPED_ROWS
    ]
    assert len(totals) == len(WRAPPED_ROWS)
    assert all(c.status == "pass" and c.decided for c in totals)


def test_when_the_identities_leave_two_placements_nothing_is_placed() -> None:
    # One row alone: its row total holds whichever of the first six columns 2,901 stands in, and
    # no other row pins it: the row is ambiguous, said, and given no value.
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        + CENTRED
        + "二、上年结转政府信息公开申请数量 0 19 0 0 0 0 19\n"
    )
    report = govdisclosure.parse(text)
    table = report.tables.applications
    assert table is None or "new_received" not in table.rows
    assert any(d.code == "cell-ambiguous" and "new_received" in d.message for d in report.diagnostics)


# Any table 三 row of a report printing every cell, with one or two of its numbers wrapped around
# the row's line as LibreOffice does, its label beside its values or on a line of its own under
# them: no number anywhere is wrong, and the row comes back right or not at all (said: ambiguous
# or unplaced).
CORPUS = REPORT.parent
ZEROS = sorted(
    p.name
    for p in CORPUS.iterdir()
    if p.is_dir()
    and json.loads((p / "truth.json").read_text(encoding="utf-8"))["traits"]["blank_style"] == "zeros"
)
# A table 三 row printed whole on its line: its label, then its seven numbers.
ROW_LINE = regex.compile(r"^(?P<label>[^\s\d]\S*?\p{Han}\S*) (?P<values>(?:[\d,]++ ){6}[\d,]++)$")


@functools.cache
def rows_of(report: str) -> tuple[str, tuple[int, ...]]:
    text = (CORPUS / report / "pdf-chromium.pdftotext-raw.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    return text, tuple(i for i, line in enumerate(lines) if ROW_LINE.match(line))


@st.composite
def printed_rows(draw: st.DrawFn) -> tuple[str, str, int, str, list[str]]:
    """A `zeros` report's pdftotext -raw text, one of its table 三 rows printed whole on its line
    (0-based), and that row's label and values."""
    report = draw(st.sampled_from(ZEROS))
    text, rows = rows_of(report)
    at = draw(st.sampled_from(rows))
    found = ROW_LINE.match(text.split("\n")[at])
    assert found is not None
    return report, text, at, found["label"], found["values"].split()


@st.composite
def centred_wraps(draw: st.DrawFn) -> tuple[str, str, range]:
    """A report's text with one row wrapped, and the (1-based) lines of the wrap: none if no row."""
    report, text, at, label, values = draw(printed_rows())
    lines = text.split("\n")
    wide = [i for i, v in enumerate(values) if len(v) >= 2]
    if not wide:
        return report, text, range(0)
    wrapped = sorted(draw(st.lists(st.sampled_from(wide), min_size=1, max_size=2, unique=True)))
    pieces, tails = [], []
    for i in wrapped:
        cut = draw(st.integers(1, len(values[i]) - 1))
        if not values[i][cut:].isdigit():
            return report, text, range(0)
        pieces.append(values[i][:cut])
        tails.append(values[i][cut:])
    kept = [v for i, v in enumerate(values) if i not in wrapped]
    if draw(st.booleans()):
        # The label centred on a line of its own under the row's values (LibreOffice, markitdown).
        lines[at : at + 1] = [" ".join(pieces), " ".join(kept), label, " ".join(tails)]
        return report, "\n".join(lines), range(at + 1, at + 5)
    lines[at : at + 1] = [" ".join(pieces), f"{label} {' '.join(kept)}", " ".join(tails)]
    return report, "\n".join(lines), range(at + 1, at + 4)


@settings(max_examples=60)
@given(centred_wraps())
def test_a_centred_wrap_gives_the_row_right_or_says_so(case: tuple[str, str, range]) -> None:
    report_id, text, wrap = case
    truth = json.loads((CORPUS / report_id / "truth.json").read_text(encoding="utf-8"))
    assert_right_or_said(truth, govdisclosure.parse(text), wrap)


def _row_of(report: str, route: str, row: str) -> tuple[list[object], list[object]]:
    """A table 三 row's values as parsed from a committed tool output, and as the report prints them."""
    got, printed = row_cells(report, route, row)
    return [value for kind, value in got if kind != "absent"], [value for _, value in printed]


def test_a_centred_wrap_in_pipe_cells_is_joined() -> None:
    # markitdown of the same PDF: `| 2,90 | … | 3,31 |` / `| 一、本年新收… | 358 | 0 24 | 30 | 0 |` /
    # `| 1 | … | 3 |`: the pipe cells keep their padding (` 1 `), which hid the tails.
    got, printed = _row_of("r007", "pdf-lo.markitdown", "new_received")
    assert got == printed


def test_zeros_on_three_lines_are_no_wrap() -> None:
    # r052, markitdown of the Chromium PDF: three rows of `0 0 … 0` one under the other. Joining
    # the lines above and below as pieces and tails made `00`s, no number a report prints.
    got, printed = _row_of("r052", "pdf-chromium.markitdown", "carried_over")
    assert got == printed


def test_a_centred_wrap_across_a_table_rule_is_joined() -> None:
    # markitdown repeats a rule under each block's first row: `| 三、本年 | … | 1,58 | … | 1,82 |` /
    # `| --- | … |` / `| （一）予以公开 | 212 | 0 16 | 14 | 0 |` / `| 1 | … | 3 |`. A rule is no line
    # of text: the pieces' line and the row's line are next to each other.
    got, printed = _row_of("r007", "pdf-lo.markitdown", "granted")
    assert got == printed


def test_a_row_label_under_its_values_inside_the_wrap_is_joined() -> None:
    # r058, markitdown of the LibreOffice PDF: `| 2,51 | … | 2,52 |` / `| 3 | 2 | — | 1 | — |` /
    # `（七）总计` / `| 4 | … | 0 |`: the row's values and its label each centred on a line of its own
    # between the pieces and their tails.
    got, printed = _row_of("r058", "pdf-lo.markitdown", "outcome_total")
    assert got == printed


HELDOUT = Path(__file__).resolve().parent / "corpus" / "heldout" / "seed-20261201"


@pytest.mark.parametrize("report", ["r019", "r041"])
def test_a_group_label_piece_inside_the_wrap_stays_apart(report: str) -> None:
    # Held-out corpus (seed 20261201), markitdown of LibreOffice's PDFs: `| 1,19 | … | 1,19 |` /
    # `三、本年` / `| 3 | 0 | 1 | 0 | 0 |` / `（一）予以公开` / `| 2 | … | 6 |` (r019), and the label
    # beside its values (r041): the group label's piece is no part of the row.
    folder = HELDOUT / report
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))["tables"]["applications"]
    table = govdisclosure.parse(
        (folder / "pdf-lo.markitdown.txt").read_text(encoding="utf-8")
    ).tables.applications
    assert table is not None
    assert [c.raw.strip() for c in table.rows["granted"].values()] == [
        c["raw"] for c in truth["granted"].values()
    ]


def _band(lines: list[str]) -> list[tuple[str, ...]]:
    """The rows the layout step reads from a few PDF text lines: each row's kinds and texts."""
    layout = read_rows(normalize("\n".join(lines)), lexicon_for(default_templates()))
    return [
        tuple(f"{t.kind}{'~' if t.floating else ''}:{t.text.strip()}" for t in r.tokens) for r in layout.rows
    ]


def test_a_band_of_lines_between_the_pieces_and_the_tails_is_one_row() -> None:
    rows = _band(["1,19 1,19", "三、本年", "3 0 1 0 0", "（一）予以公开", "2 6"])
    assert rows == [
        ("text:三、本年",),
        (
            "text:（一）予以公开",
            *["value:" + v for v in ["3", "0", "1", "0", "0"]],
            "value~:1,192",
            "value~:1,196",
        ),
    ]


@pytest.mark.parametrize(
    "lines",
    [
        # Pieces that read as numbers by themselves: a row's own values, not a wrap's pieces.
        ["119 119", "三、本年", "3 0 1 0 0", "（一）予以公开", "2 6"],
        # Two row labels in the band: whose row the pieces are is not shown.
        ["1,19 1,19", "（一）予以公开", "3 0 1 0 0", "（二）部分公开", "2 6"],
        # Words that are neither a row label nor a group label's piece.
        ["1,19 1,19", "本表数据截至年底", "3 0 1 0 0", "（一）予以公开", "2 6"],
        # Values on two lines: their order against each other is not shown.
        ["1,19 1,19", "3 0", "（一）予以公开", "1 0 0", "2 6"],
        ["1,19 1,19", "3 0", "（一）予以公开 1 0 0", "2 6"],
    ],
)
def test_a_band_that_shows_no_one_row_joins_nothing(lines: list[str]) -> None:
    assert not any("~" in token for row in _band(lines) for token in row)


def test_a_row_printed_whole_is_no_wrap_s_pieces() -> None:
    # pdfplumber: a row whole on its label's line, the next row whole, then a values line above the
    # label after them. The first row's values are no wrap's pieces (a row label stands beside
    # them), so the values line is no tails: it stays a row of its own.
    rows = _band(
        [
            "3.要求提供公开出版物 1 1 1 1 1 1 6",
            "4.无正当理由大量反复申请 0 0 0 0 0 0 0",
            "0 0 0 0 0 0 0",
            "5.要求行政机关确认或重新出具已获取信息",
        ]
    )
    assert rows == [
        ("text:3.要求提供公开出版物", *["value:1"] * 6, "value:6"),
        ("text:4.无正当理由大量反复申请", *["value:0"] * 7),
        tuple(["value:0"] * 7),
        ("text:5.要求行政机关确认或重新出具已获取信息",),
    ]


def test_a_row_printing_all_its_values_takes_no_wrap_s_pieces() -> None:
    # pdfplumber: a row whose label was left out prints its values alone (`1 1 1 1 1 1 6`), then
    # a row whole on its line, then the next row's values above its label. Joined as a wrap
    # (`10` … `60`), the whole row would hold fourteen values for seven cells.
    rows = _band(
        [
            "1 1 1 1 1 1 6",
            "4.无正当理由大量反复申请 0 0 0 0 0 0 0",
            "0 0 0 0 0 0 0",
            "5.要求行政机关确认或重新出具已获取信息",
        ]
    )
    assert rows == [
        (*["value:1"] * 6, "value:6"),
        ("text:4.无正当理由大量反复申请", *["value:0"] * 7),
        tuple(["value:0"] * 7),
        ("text:5.要求行政机关确认或重新出具已获取信息",),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Digits above and under a label, as many each, joining into numbers: the three lines.
        ("7. 属于行政执法案卷\n10 10\n8. 属于行政查询事项\n2 2\n", {2, 3, 4}),
        # A blank line between them (text printing rows apart) changes nothing.
        ("7. 属于行政执法案卷\n10 10\n\n8. 属于行政查询事项\n\n2 2\n", {2, 4, 6}),
        # Around a row printing values on its line too (`3. 危及… 1 1`), whose tails may as well be
        # the pieces of a number wrapped around the next label: no wrap is joined, all five lines.
        ('1 1\n3. 危及"三安全一稳定" 1 1\n1 1\n4. 保护第三方合法权益\n1 1\n', {1, 2, 3, 4, 5}),
        # Not: counts differ; `0` + `0` is no number (`00`); words among the digits.
        ("10 10\n8. 属于行政查询事项\n2 2 4\n", set()),
        ("0 0\n8. 属于行政查询事项\n0 0\n", set()),
        ("10 共\n8. 属于行政查询事项\n2 2\n", set()),
    ],
)
def test_digits_that_may_be_wrapped_around_a_line(text: str, expected: set[int]) -> None:
    rows = read_rows(normalize(text), lexicon_for(default_templates())).rows
    assert wrapped_around(rows) == expected


def test_in_aligned_text_where_a_wrapped_number_stands_orders_it() -> None:
    # LibreOffice's r058 through pdftotext -layout: 2,514 wrapped (`2,51` / the row / `4`) at
    # columns 25-28, left of where 3 (33) and every other value of the row start, so it stands in
    # a column left of theirs: 自然人. Without the positions six placements hold every identity
    # (一、本年新收 and （七）总计 print the same values).
    report = REPORT.parent / "r058"
    text = (report / "pdf-lo.pdftotext-layout.txt").read_text(encoding="utf-8")
    truth = json.loads((report / "truth.json").read_text(encoding="utf-8"))["tables"]["applications"]
    table = govdisclosure.parse(text).tables.applications
    assert table is not None
    for row in ("new_received", "outcome_total"):
        assert {c: cell.raw for c, cell in table.rows[row].items()} == {
            c: cell["raw"] for c, cell in truth[row].items()
        }


def _value(
    text: str, start: int, floating: bool = False, joined: tuple[bool, bool] = (False, False)
) -> Token:
    return Token("value", text, 1, x=(start, start + len(text)), floating=floating, joined=joined)


def test_a_floating_value_is_placed_among_the_others_where_it_stands() -> None:
    values = [_value("3", 33), _value("2", 43), _value("2,514", 25, floating=True)]
    # Its run starts before 3's ends: left of 3, so first. Text not aligned shows no such thing.
    assert floating_readings(values, 3, aligned=True) == (("2,514", "3", "2"),)
    assert len(floating_readings(values, 3)) == 3
    # Standing between them (36-41), between them.
    between = [*values[:2], _value("2,514", 36, floating=True)]
    assert floating_readings(between, 3, aligned=True) == (("3", "2,514", "2"),)
    # Where its run may have started earlier (a word one space before it: Token.joined), where it
    # starts says nothing, so it may stand after 2 as well; where it ends still does: 3 starts
    # before that, so it is not left of 3.
    joined = [*values[:2], _value("2,514", 36, floating=True, joined=(True, False))]
    assert floating_readings(joined, 3, aligned=True) == (("3", "2,514", "2"), ("3", "2", "2,514"))


def test_a_group_label_piece_beside_the_tails_stays_apart() -> None:
    # LibreOffice's r005 through pdftotext -layout prints the group label 三、本年度办理结果 in
    # pieces beside the wrap of 予以公开's 3,046 and 3,051: `三、本年  3,04  3,05` / the row /
    # `度办理结  6  1`. The piece beside the tails is the label's, as the one beside the pieces.
    report = REPORT.parent / "r005"
    text = (report / "pdf-lo.pdftotext-layout.txt").read_text(encoding="utf-8")
    truth = json.loads((report / "truth.json").read_text(encoding="utf-8"))["tables"]["applications"]
    parsed = govdisclosure.parse(text)
    table = parsed.tables.applications
    assert table is not None
    assert {c: cell.raw for c, cell in table.rows["granted"].items()} == {
        c: cell["raw"] for c, cell in truth["granted"].items()
    }
    assert not any(d.code == "cell-unplaced" and "granted" in d.message for d in parsed.diagnostics)
    # Other words there are no label's piece: the lines then show no wrap, and the row is said.
    other = govdisclosure.parse(text.replace("度办理结", "备注说明"))
    assert other.tables.applications is not None
    assert "granted" not in other.tables.applications.rows
    assert any(d.code == "cell-unplaced" and "granted" in d.message for d in other.diagnostics)
