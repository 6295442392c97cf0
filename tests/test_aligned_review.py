"""Table 四 in pdftotext `-layout` text: its values line placed by where each value stands.

The texts are the tool corpus's own `-layout` outputs of reports printing all fifteen cells of
table 四 on one line (LibreOffice and Chromium PDFs), with cells blanked the way a report leaving
them empty prints them: the value's characters become spaces (tests/test_aligned_columns.py does
the same for table 三). Which value is which cell is read from the truth, never from the parser.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import attrs
import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from corpus.score import table_cells
from govdisclosure.layout import Token
from govdisclosure.tables.review_aligned import _total_moved
from govdisclosure.tables.spelled import spelled_columns

FIXTURES = Path(__file__).parent / "corpus" / "fixtures"
VALUE = regex.compile(r"(?<=^|\s)[\d,]++(?=\s|$)")
CELLS = 15


@attrs.frozen
class Located:
    """A `-layout` text whose table 四 prints its fifteen values on one line, and their truth."""

    name: str
    lines: tuple[str, ...]
    line: int  # 0-based
    spans: tuple[tuple[int, int], ...]  # where each value stands on its line, cell by cell
    truth: tuple[tuple[str, str, int], ...]  # (group, column, value), cell by cell


def _located(path: Path) -> Located | None:
    truth = json.loads((path.parent / "truth.json").read_text(encoding="utf-8"))["tables"]
    table = truth.get("review_litigation")
    if table is None:
        return None
    cells = [(g, c, cell) for g, row in table.items() for c, cell in row.items()]
    if any(cell["kind"] != "number" for _, _, cell in cells):
        return None
    lines = tuple(path.read_text(encoding="utf-8").split("\n"))
    header = max(i for i, line in enumerate(lines) if "复议后起诉" in line)
    raws = [cell["raw"] for _, _, cell in cells]
    for index in range(header + 1, min(header + 12, len(lines))):
        found = list(VALUE.finditer(lines[index].replace("\f", "")))
        if [m.group() for m in found] == raws:
            offset = 1 if lines[index].startswith("\f") else 0
            spans = tuple((m.start() + offset, m.end() + offset) for m in found)
            values = tuple((g, c, cell["value"]) for g, c, cell in cells)
            return Located(f"{path.parent.name}/{path.name}", lines, index, spans, values)
    return None


@cache
def fixtures() -> tuple[Located, ...]:
    """Every report's -layout texts printing table 四's fifteen values on one line."""
    found = []
    for report in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        for producer in ("lo", "chromium"):
            located = _located(report / f"pdf-{producer}.pdftotext-layout.txt")
            if located is not None:
                found.append(located)
    return tuple(found)


def _blanked(fixture: Located, blanks: set[int]) -> str:
    lines = list(fixture.lines)
    text = lines[fixture.line]
    for i in blanks:
        start, end = fixture.spans[i]
        text = text[:start] + " " * (end - start) + text[end:]
    lines[fixture.line] = text
    return "\n".join(lines)


def _review(text: str) -> dict[tuple[str, str], tuple[str, object]]:
    table = govdisclosure.parse(text).tables.review_litigation
    rows = table.rows.items() if table is not None else ()
    return {(g, c): (cell.kind, cell.value) for g, cells in rows for c, cell in cells.items()}


def _check(fixture: Located, blanks: set[int]) -> dict[tuple[str, str], tuple[str, object]]:
    """Every cell given is the report's: its number, or blank where the value was blanked."""
    got = _review(_blanked(fixture, blanks))
    for i, (group, column, value) in enumerate(fixture.truth):
        if (group, column) in got:
            expected = ("blank", None) if i in blanks else ("number", value)
            assert got[(group, column)] == expected, (fixture.name, group, column)
    return got


def test_the_fixtures_are_located() -> None:
    names = [f.name for f in fixtures()]
    assert len(names) >= 8
    assert any("chromium" in n for n in names) and any("pdf-lo" in n for n in names)


@given(st.data())
def test_blanked_cells_come_back_blank_or_not_at_all(data: st.DataObject) -> None:
    fixture = data.draw(st.sampled_from(fixtures()))
    blanks = data.draw(st.sets(st.integers(0, CELLS - 1)))
    _check(fixture, blanks)


@pytest.mark.parametrize("fixture", fixtures(), ids=lambda f: f.name)
def test_only_the_totals_printed(fixture: Located) -> None:
    # A report filling only each group's 总计: where the header's 总 / 计 stacks are read, the
    # three values stand under them and the line is the whole table.
    blanks = {i for i in range(CELLS) if i % 5 != 4}
    got = _check(fixture, blanks)
    assert len(got) in (0, CELLS)


def test_the_totals_under_three_stacks_come_back_whole() -> None:
    # Chromium's r003: `结果 结果 其他 尚未        总` / `维持 纠正 结果 审结        计` per group,
    # the squeezed column words set aside, the three 总 / 计 stacks left to right.
    fixture = next(f for f in fixtures() if f.name == "r003/pdf-chromium.pdftotext-layout.txt")
    got = _check(fixture, {i for i in range(CELLS) if i % 5 != 4})
    assert len(got) == CELLS


def test_a_value_under_the_squeezed_words_leaves_the_line_unplaced() -> None:
    # Chromium's r016 prints 行政复议's 其他结果 and 总计, `1` and `1`: the first stands under
    # `结果 结果 其他 尚未`, words of four cells one space apart that say nothing of where their
    # columns are, so it may be any of those four; the line is not placed by position.
    parsed, printed = table_cells("r016", "pdf-chromium.pdftotext-layout", "review_litigation")
    assert printed[("review", "other_result")] == ("number", 1)
    assert parsed == {}


def test_the_line_of_a_report_filling_only_totals_comes_back() -> None:
    # Chromium's r002 (total_only): `0` under each group's 总 / 计.
    parsed, printed = table_cells("r002", "pdf-chromium.pdftotext-layout", "review_litigation")
    assert parsed == printed
    assert sum(kind == "number" for kind, _ in parsed.values()) == 3


def test_a_label_several_columns_share_fixes_them_left_to_right() -> None:
    # Three 总 / 计 stacks for three 总计 columns, each wholly left of the next.
    lines = [
        (1, ((14, 15, "总"), (32, 33, "总"), (50, 51, "总"))),
        (2, ((14, 15, "计"), (32, 33, "计"), (50, 51, "计"))),
    ]
    labels = [("结果维持",), ("总计",), ("结果维持",), ("总计",), ("结果维持",), ("总计",)]
    fixed = spelled_columns(lines, labels)
    assert sorted({(run.place[1][0], run.column) for run in fixed}) == [(14, 1), (32, 3), (50, 5)]
    # Two stacks for three such columns: which two is not shown.
    assert spelled_columns([(n, runs[:2]) for n, runs in lines], labels) == []
    # Stacks standing over each other spell across each other too (three spellings): nothing.
    crossed = [(1, ((14, 15, "总"), (20, 21, "总"))), (2, ((14, 21, "计"),)), (3, ((20, 21, "计"),))]
    assert spelled_columns(crossed, [("总计",), ("总计",)]) == []


def test_most_texts_filling_only_totals_come_back_whole() -> None:
    # The header's 总 / 计 stacks are read on 12 of the 16 texts; on the others a squeezed line
    # runs 总 in with the column words (`其他 尚未 总`), and nothing is placed by position.
    whole = [f.name for f in fixtures() if len(_check(f, {i for i in range(CELLS) if i % 5 != 4})) == CELLS]
    assert len(whole) >= 12, whole


def test_a_second_values_line_is_never_dropped() -> None:
    # A `5` on a line of its own below the totals: the region prints two values lines, and the
    # first alone is no table 四 (the 5 would be lost unseen).
    fixture = next(f for f in fixtures() if f.name == "r003/pdf-chromium.pdftotext-layout.txt")
    lines = _blanked(fixture, {i for i in range(CELLS) if i % 5 != 4}).split("\n")
    lines.insert(fixture.line + 1, " " * 19 + "5")
    got = _review("\n".join(lines))
    assert len(got) < CELLS or any(value == 5 for _, value in got.values())


def test_a_page_number_under_a_table_printing_no_value_is_no_cell() -> None:
    # Chromium's r001 with table 四 printing no value, then Word's bare page number `5` alone on
    # the page's last line, under the second group's 总 / 计 (review of f9b05ae: read as
    # 未经复议直接起诉's 总计). One number alone on its page's last line is no values line.
    fixture = next(f for f in fixtures() if f.name == "r001/pdf-chromium.pdftotext-layout.txt")
    lines = list(fixture.lines)
    lines[fixture.line] = ""
    after = fixture.line + 1
    for column in (20, 36, 40, 44, 48):
        text = [*lines[:after], "", " " * column + "5", "", "\f" + lines[after], *lines[after + 1 :]]
        got = _review("\n".join(text))
        assert [cell for cell in got.values() if cell[0] == "number"] == [], column
    # The same `5` with a line of the page after it stands in the table: it is read.
    text = [*lines[:after], "", " " * 44 + "5", "", "五、其他", "\f" + lines[after], *lines[after + 1 :]]
    assert _review("\n".join(text)).get(("litigation_direct", "total")) == ("number", 5)


def _cut(fixture: Located, text: str, column: int) -> str:
    """Table 四's lines from its header down cut at `column`, as a page's edge cuts a wide table."""
    lines = text.split("\n")
    header = max(i for i, line in enumerate(lines) if "复议后起诉" in line)
    for i in range(header - 1, fixture.line + 1):
        lines[i] = lines[i][:column].rstrip()
    return "\n".join(lines)


def test_a_table_cut_at_the_page_edge_gives_no_blank_for_its_cut_cells() -> None:
    # Chromium's r035 cut at column 58, past 复议后起诉's 结果维持 (a table wider than its page,
    # as the review of f9b05ae found in a held-out variant of r087): its other four cells print
    # nothing, header and values, and are not blank. The three 结果 / 维持 stacks fix the three
    # 结果维持 columns, so every value shown settles; the page does not show the last column.
    fixture = next(f for f in fixtures() if f.name == "r035/pdf-chromium.pdftotext-layout.txt")
    got = _review(_cut(fixture, "\n".join(fixture.lines), 58))
    assert [cell for (group, _), cell in got.items() if group == "litigation_after_review"] == []
    # Cut short of the last group's 总 / 计 and with only totals printed: two stacks for three
    # 总计 columns fix none of them.
    r003 = next(f for f in fixtures() if f.name == "r003/pdf-chromium.pdftotext-layout.txt")
    totals = _blanked(r003, {i for i in range(CELLS) if i % 5 != 4})
    assert [
        c for (g, _), c in _review(_cut(r003, totals, 50)).items() if g == "litigation_after_review"
    ] == []


def _group(*cells: str) -> list[Token]:
    return [Token("value" if cell else "empty", cell, 9) for cell in cells]


@pytest.mark.parametrize(
    ("group", "after", "moved"),
    [
        # LibreOffice's -layout (seed 20268806 r016): 未经复议直接起诉's 总计 5 stood over 复议后起诉's
        # 结果维持: read there, the group prints no total, and the next group's first cell is their sum.
        (_group("1", "2", "", "2", ""), _group("5", "", "", "", ""), True),
        (_group("21", "21", "", "4", "—"), _group("46", "", "", "", ""), True),
        (_group("1", "2", "", "2", "5"), _group("5", "", "", "", "5"), False),  # its total printed
        (_group("1", "2", "", "2", ""), _group("4", "", "", "", ""), False),  # not their sum
        (_group("", "", "", "", ""), _group("0", "", "", "", ""), False),  # nothing printed
    ],
)
def test_a_group_total_read_under_the_next_group_is_no_placement(
    group: list[Token], after: list[Token], moved: bool
) -> None:
    assert _total_moved(group, after) is moved
