"""Rows printing only some of their cells, placed by where their values stand (§2.2 C, K).

pdftotext `-layout` prints each value at its column's place on the page, so a blank cell is a gap.
The texts here are the tool corpus's own `-layout` outputs of reports that print every cell
(LibreOffice and Chromium PDFs), with cells blanked the way a report leaving zeros empty prints
them: the value's characters become spaces. Which line holds which row is read from the text and
checked against the generator's truth, never taken from the parser.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path

import attrs
import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from corpus.score import table_cells
from govdisclosure.normalize import normalize
from govdisclosure.templates import default_templates

FIXTURES = Path(__file__).parent / "corpus" / "fixtures"
VALUE = regex.compile(r"(?<=^|\s\s)[\d,]++(?=\s|$)")
HAN = regex.compile(r"\p{Han}")


@attrs.frozen
class Printed:
    """One value of table 三 as the fixture prints it: its line, where it stands, row and column."""

    line: int  # 0-based
    start: int
    end: int
    row: str
    column: str
    labelled: bool  # the line holds label words before its values
    page: int


@attrs.frozen
class Fixture:
    """A `-layout` text of a report printing every cell, its table 三 values located."""

    name: str
    lines: tuple[str, ...]
    values: tuple[Printed, ...]
    truth: dict[str, dict[str, int]]


def _values_lines(lines: Sequence[str]) -> Iterator[int]:
    start = next(i for i, line in enumerate(lines) if "收到和处理" in line)
    end = next(i for i, line in enumerate(lines) if "行政复议" in line and i > start)
    yield from (i for i in range(start, end) if VALUE.search(lines[i].replace("\f", "")))


def _located(path: Path) -> Fixture | None:
    """The fixture with each table 三 value's row and column, if its values lines are the rows."""
    truth = json.loads((path.parent / "truth.json").read_text(encoding="utf-8"))
    table = truth["tables"].get("applications")
    if table is None:
        return None
    lines = tuple(path.read_text(encoding="utf-8").split("\n"))
    rows = list(table.items())
    found = list(_values_lines(lines))
    if len(found) != len(rows):
        return None  # a number wrapped over two lines: the lines are not the rows
    values: list[Printed] = []
    for index, (row, cells) in zip(found, rows, strict=True):
        text = lines[index].replace("\f", "")
        printed = list(VALUE.finditer(text))
        if [m.group() for m in printed] != [c["raw"] for c in cells.values()]:
            return None
        page = sum(line.count("\f") for line in lines[: index + 1])
        labelled = HAN.search(text[: printed[0].start()]) is not None
        for match, column in zip(printed, cells, strict=True):
            values.append(Printed(index, match.start(), match.end(), row, column, labelled, page))
    numbers = {row: {col: cell["value"] for col, cell in cells.items()} for row, cells in rows}
    return Fixture(f"{path.parent.name}/{path.name}", lines, tuple(values), numbers)


@cache
def fixtures() -> tuple[Fixture, ...]:
    """Every zeros-style report's -layout texts whose table 三 prints one row per values line."""
    manifest = json.loads((FIXTURES / "MANIFEST.json").read_text(encoding="utf-8"))
    found = []
    for report in manifest["reports"]:
        if report["blank_style"] != "zeros":
            continue
        for producer in ("lo", "chromium"):
            fixture = _located(FIXTURES / report["id"] / f"pdf-{producer}.pdftotext-layout.txt")
            if fixture is not None:
                found.append(fixture)
    return tuple(found)


def _blanked(fixture: Fixture, blanks: set[int]) -> str:
    """The text with the chosen values printed as blank cells (their characters turned to spaces)."""
    lines = list(fixture.lines)
    for i in sorted(blanks):
        value = fixture.values[i]
        text = lines[value.line]
        offset = 1 if text.startswith("\f") else 0
        start, end = value.start + offset, value.end + offset
        lines[value.line] = text[:start] + " " * (end - start) + text[end:]
    return "\n".join(lines)


def _cells(report: govdisclosure.Report) -> dict[tuple[str, str], tuple[str, object]]:
    table = report.tables.applications
    assert table is not None
    return {(r, c): (cell.kind, cell.value) for r, cells in table.rows.items() for c, cell in cells.items()}


def _consistent(fixture: Fixture, page: int) -> bool:
    """True when the page prints each column's values at one place, apart from the other columns'.

    Centres within 2 characters (numbers of different widths), columns 3 or more apart. Chromium
    can shift a labelled line's values by its label's width; such a page shows no column places.
    """
    places: dict[str, list[float]] = {}
    for value in fixture.values:
        if value.page == page:
            places.setdefault(value.column, []).append((value.start + value.end - 1) / 2)
    spans = sorted((min(c), max(c)) for c in places.values())
    tight = all(high - low <= 2 for low, high in spans)
    return tight and all(b[0] - a[1] >= 3 for a, b in itertools.pairwise(spans))


def _settled(fixture: Fixture, blanks: set[int]) -> bool:
    """True when every page prints consistent columns and keeps a value in each: positions settle it."""
    kept: dict[int, set[str]] = {}
    for i, value in enumerate(fixture.values):
        kept.setdefault(value.page, set())
        if i not in blanks:
            kept[value.page].add(value.column)
    columns = {value.column for value in fixture.values}
    return all(seen == columns and _consistent(fixture, page) for page, seen in kept.items())


def _check(fixture: Fixture, blanks: set[int]) -> dict[tuple[str, str], tuple[str, object]]:
    """Parse the blanked text; every cell given must be the report's: its number, or blank."""
    got = _cells(govdisclosure.parse(_blanked(fixture, blanks)))
    blanked = {(fixture.values[i].row, fixture.values[i].column) for i in blanks}
    for (row, column), (kind, value) in got.items():
        if (row, column) in blanked:
            assert kind == "blank", (fixture.name, row, column, kind, value)
        else:
            assert (kind, value) == ("number", fixture.truth[row][column]), (fixture.name, row, column)
    return got


def test_the_fixtures_are_located() -> None:
    # Both producers and both templates: 15 texts of 8 reports as the corpus stands.
    names = [f.name for f in fixtures()]
    assert len(names) >= 12
    assert any("chromium" in n for n in names) and any("pdf-lo" in n for n in names)


def test_a_row_printing_some_cells_is_placed_by_its_values_columns() -> None:
    fixture = next(f for f in fixtures() if f.name == "r001/pdf-lo.pdftotext-layout.txt")
    # 一、本年新收 (printed on one line with its label): keep only 法律服务机构 and 总计.
    row = [i for i, v in enumerate(fixture.values) if v.row == "new_received"]
    blanks = {i for i in row if fixture.values[i].column not in ("legal_service_agency", "total")}
    got = _check(fixture, blanks)
    assert [got[("new_received", fixture.values[i].column)][0] for i in row] == [
        "blank",
        "blank",
        "blank",
        "blank",
        "number",
        "blank",
        "number",
    ]


def test_each_page_has_its_own_columns() -> None:
    # r001's table 三 runs over two pages whose columns stand at different places (30, 36, … and
    # 26, 30, …): a row of the second page is read with its own page's columns.
    fixture = next(f for f in fixtures() if f.name == "r001/pdf-lo.pdftotext-layout.txt")
    pages = {v.page for v in fixture.values}
    assert len(pages) == 2
    last = max(pages)
    row = next(v.row for v in fixture.values if v.page == last and v.labelled)
    blanks = {i for i, v in enumerate(fixture.values) if v.row == row and v.column != "total"}
    got = _check(fixture, blanks)
    assert [kind for (r, _), (kind, _) in got.items() if r == row] == ["blank"] * 6 + ["number"]


def test_a_column_blank_on_the_whole_page_places_nothing_by_position() -> None:
    # With 科研机构 blank on every row of a page, the values show six columns for seven: which
    # one is blank is not settled by the text, so the partial rows stay unplaced.
    fixture = next(f for f in fixtures() if f.name == "r001/pdf-lo.pdftotext-layout.txt")
    first = min(v.page for v in fixture.values)
    blanks = {
        i for i, v in enumerate(fixture.values) if v.page == first and v.column == "research_institution"
    }
    report = govdisclosure.parse(_blanked(fixture, blanks))
    _check(fixture, blanks)
    placed = (report.tables.applications or {}).rows.get("new_received", {})  # type: ignore[union-attr]
    # Only its 总计 is read, and not by position: the last value, the sum of the others, as in
    # every row printing six values (tables/short_rows.py; _check above compares the values).
    assert {column: cell.basis for column, cell in placed.items()} == {"total": "order"}
    assert any(d.code == "cell-unplaced" and "new_received" in d.message for d in report.diagnostics)


def test_a_value_run_into_its_label_is_not_placed_by_position() -> None:
    # LibreOffice's r009 prints `…申请数量 299` one space after the label: pdftotext put 299 right
    # after the label's words, not at its column, so it is no column's place (read by position it
    # made a false column and put 63 one column right).
    parsed, printed = table_cells("r009", "pdf-lo.pdftotext-layout", "applications")
    for place, (kind, value) in parsed.items():
        if kind == "number":
            assert value == printed[place][1], place


def test_form_feeds_count_pages_and_leave_no_space() -> None:
    lines = normalize("一\n\f   1    2\n三\f\n\f四")
    # A feed ending a line starts the next page; two feeds in a row leave a blank page between.
    assert [line.page for line in lines] == [0, 1, 1, 3]
    assert lines[1].raw == "   1    2"


def test_a_form_feed_between_cr_and_lf_is_one_line_end() -> None:
    # The feed opens a line and is dropped: CR and LF are then one line end, and the line after
    # it is on the next page (this raised AssertionError: the pages were counted on two line ends).
    lines = normalize("一\r\f\n二")
    assert [(line.raw, line.page) for line in lines] == [("一", 0), ("二", 1)]


@given(st.text(alphabet=st.sampled_from("\r\n\f 1一"), max_size=30))
def test_every_line_has_a_page_counting_the_feeds_before_it(text: str) -> None:
    lines = normalize(text)
    pages = [line.page for line in lines]
    assert pages == sorted(pages) and (not pages or pages[-1] <= text.count("\f"))
    # The first line's page is the number of feeds the text opens with.
    assert pages[0] == len(text) - len(text.lstrip("\f"))


@given(st.data())
def test_blank_cells_come_back_blank_or_not_at_all(data: st.DataObject) -> None:
    fixture = data.draw(st.sampled_from(fixtures()))
    share = data.draw(st.sampled_from([0.05, 0.2, 0.5, 0.8]))
    draws = data.draw(st.lists(st.floats(0, 1), min_size=len(fixture.values), max_size=len(fixture.values)))
    blanks = {i for i, drawn in enumerate(draws) if drawn < share}
    got = _check(fixture, blanks)
    if _settled(fixture, blanks):
        # The positions settle every cell: each row comes back whole.
        expected = {(v.row, v.column) for v in fixture.values}
        assert expected <= set(got), (fixture.name, sorted(expected - set(got))[:5])


@pytest.mark.parametrize("fixture", fixtures(), ids=lambda f: f.name)
def test_zero_cells_left_blank_come_back(fixture: Fixture) -> None:
    # The zeros left empty, as a report printing only its non-zero cells does.
    blanks = {i for i, v in enumerate(fixture.values) if fixture.truth[v.row][v.column] == 0}
    got = _check(fixture, blanks)
    if _settled(fixture, blanks):
        assert {(v.row, v.column) for v in fixture.values} <= set(got)


@given(st.data())
def test_zero_cells_left_blank_at_random_come_back_as_the_report_prints_them(data: st.DataObject) -> None:
    # Some of the zeros left empty, as a report printing only some of its zeros does: every cell
    # given is the report's (_check), whichever rows the positions settle.
    fixture = data.draw(st.sampled_from(fixtures()))
    zeros = [i for i, v in enumerate(fixture.values) if fixture.truth[v.row][v.column] == 0]
    share = data.draw(st.sampled_from([0.2, 0.5, 0.8, 1.0]))
    draws = data.draw(st.lists(st.floats(0, 1), min_size=len(zeros), max_size=len(zeros)))
    _check(fixture, {i for i, drawn in zip(zeros, draws, strict=True) if drawn < share})


def test_a_value_pushed_off_its_column_makes_no_column_of_its_own() -> None:
    # Chromium's r007 prints (七)总计 as `2,783 377 …`: the wide 2,783 pushes 377 three characters
    # left of its column (商业企业). With 自然人 blank all over the page, 377 alone would pass for
    # a seventh column and every row would slide one column left.
    fixture = next(f for f in fixtures() if f.name == "r007/pdf-chromium.pdftotext-layout.txt")
    last = max(v.page for v in fixture.values)
    blanks = {i for i, v in enumerate(fixture.values) if v.page == last and v.column == "natural_person"}
    _check(fixture, blanks)


def test_a_header_spelling_each_column_settles_rows_printing_one_cell() -> None:
    # Chromium's r002 fills only 总计: each row prints one value. The header prints 总 / 计 at the
    # values' place on its page (`一、本年新收…  4`), so every row of that page is settled by
    # where its value stands, its six other cells blank. The rows of the next page, with no
    # header, stay unplaced.
    path = FIXTURES / "r002" / "pdf-chromium.pdftotext-layout.txt"
    text = path.read_text(encoding="utf-8")
    truth = json.loads((path.parent / "truth.json").read_text(encoding="utf-8"))["tables"]["applications"]
    table = govdisclosure.parse(text).tables.applications
    assert table is not None
    first_page = text[text.index("申请人情况") : text.index("\f", text.index("申请人情况"))]
    rows = [row for row in truth if row in table.rows]
    assert len(rows) >= 18
    for row in rows:
        assert {c: (cell.kind, cell.raw) for c, cell in table[row].items()} == {
            c: (cell["kind"], cell["raw"]) for c, cell in truth[row].items()
        }
    assert "new_received" in rows and "not_processed_excessive" in rows
    assert "4.无正当理由大量反复申请" in first_page and "5.要求行政机关确认" not in first_page
    assert "outcome_total" not in table.rows


def test_a_page_with_a_value_run_into_its_label_is_still_read_by_position() -> None:
    # LibreOffice's r009: `一、本年新收政府信息公开申请数量 299` runs 299 into its label, left of
    # where the label's run ends. Its start is the run's, not its own, so the label stands no
    # further right than the values do: the page is as poppler printed it, and its rows, each
    # printing six of seven cells, come back by where their values stand under the header.
    parsed, printed = table_cells("r009", "pdf-lo.pdftotext-layout", "applications")
    rows = ("new_received", "carried_over", "granted", "partially_granted", "denied_state_secret")
    for row in rows:
        cells = {place: cell for place, cell in printed.items() if place[0] == row}
        assert {place: parsed.get(place) for place in cells} == cells, row


def test_table_four_printing_no_value_is_all_blank_unless_a_value_follows_among_its_words() -> None:
    # LibreOffice's r004 leaves table 四 all blank: -layout prints its header and not one value.
    text = (FIXTURES / "r004" / "pdf-lo.pdftotext-layout.txt").read_text(encoding="utf-8")
    truth = json.loads((FIXTURES / "r004" / "truth.json").read_text(encoding="utf-8"))
    assert {c["kind"] for g in truth["tables"]["review_litigation"].values() for c in g.values()} == {"blank"}
    section_five = text.index("五、")

    def kinds(printed: str) -> set[str]:
        table = govdisclosure.parse(printed).tables.review_litigation
        return {cell.kind for group in (table.rows if table else {}).values() for cell in group.values()}

    assert kinds(text) == {"blank"}
    # A number after the next section's words (a page number, a list's `1`) is no cell of it.
    for after in ("\n                                   5\n", "\n    1  加强培训。\n"):
        assert kinds(text.rstrip("\f") + after) == {"blank"}, after
    # A number right under the table, before any other word, could be its cell (lines joined can
    # leave a value out of the table's rows): the table is not read, and the number is said.
    under = text[:section_five] + "                               5\n\n" + text[section_five:]
    report = govdisclosure.parse(under)
    assert kinds(under) == set()
    assert any(d.code == "cell-unplaced" and "review_litigation" in d.message for d in report.diagnostics)


def _squeezed_header(fixture: Fixture) -> bool:
    """True when table 三's header prints words of two cells one space apart (`商业 科研`): poppler
    prints them nearer each other than their cells stand, so a cut at one character column is
    no cut at one place on the page there."""
    start = next(i for i, line in enumerate(fixture.lines) if "申请人情况" in line)
    end = min(v.line for v in fixture.values)
    return any(regex.search(r"\p{Han} \p{Han}", line[20:]) for line in fixture.lines[start:end])


COLUMNS = default_templates().latest().applications.value_columns  # 自然人 … 总计, left to right


@given(st.data())
def test_a_table_cut_at_the_page_edge_gives_no_blank_for_a_cut_cell(data: st.DataObject) -> None:
    # The columns past the cut print nothing, header and values alike: their cells are not blank,
    # and no cell left of the cut may be given one of theirs (review of 5b18ae4: held-out variants
    # of r004, r065 and r087 whose last columns the page cut off came back blank). The page's edge
    # stands at one place: each page cuts at its own character column for it, before the first
    # value of one column. (Headers printed squeezed, `商业 科研`, stand nearer each other than
    # their cells: a cut at one character column is no cut at one place there.)
    fixture = data.draw(st.sampled_from([f for f in fixtures() if not _squeezed_header(f)]))
    # The columns left of the cut: none at all too (a review's Chromium PDF on A5 paper in 21 px
    # type printed table 三's row labels alone, every value column and its header cut off).
    kept = data.draw(st.integers(0, len(COLUMNS) - 1))
    cuts = {
        page: min(v.start for v in fixture.values if v.page == page and COLUMNS.index(v.column) >= kept)
        for page in {v.page for v in fixture.values}
    }
    share = data.draw(st.sampled_from([0.0, 0.3, 0.7, 1.0]))
    draws = data.draw(st.lists(st.floats(0, 1), min_size=len(fixture.values), max_size=len(fixture.values)))
    blanks = {i for i, drawn in enumerate(draws) if drawn < share}
    got = _cells(govdisclosure.parse(_cut_pages(_blanked(fixture, blanks), cuts)))
    for i, value in enumerate(fixture.values):
        found = got.get((value.row, value.column))
        if COLUMNS.index(value.column) >= kept:  # cut off: not shown at all
            assert found is None, (fixture.name, value, found)
        elif found is not None:
            expected = ("blank", None) if i in blanks else ("number", fixture.truth[value.row][value.column])
            assert found == expected, (fixture.name, value, found)


def _cut_pages(text: str, cuts: dict[int, int]) -> str:
    """Table 三's lines cut at their page's column in `cuts`: a page's edge cuts a table wider than
    the page at one place on the page, which each page prints at its own character column."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if "申请人情况" in line)
    end = next(i for i, line in enumerate(lines) if "行政复议" in line and i > start)
    page = sum(line.count("\f") for line in lines[:start])
    for i in range(start, end):
        page += lines[i].count("\f")
        if page in cuts:
            lines[i] = lines[i][: cuts[page] + (1 if lines[i].startswith("\f") else 0)].rstrip(" ")
    return "\n".join(lines)


def _header_with_rows(fixture: Fixture) -> bool:
    start = next(i for i, line in enumerate(fixture.lines) if "申请人情况" in line)
    return sum(line.count("\f") for line in fixture.lines[: start + 1]) == min(v.page for v in fixture.values)


@pytest.mark.parametrize("fixture", [f for f in fixtures() if _header_with_rows(f)], ids=lambda f: f.name)
def test_a_table_cut_past_its_first_column_with_that_column_blank_gives_no_blank_row(
    fixture: Fixture,
) -> None:
    # 自然人 blank on every row, every page cut right of it: rows print no value, the header shows
    # 自然人 and not 总计. They are rows of a table cut at the page's edge, not rows printed blank
    # (review of 5b18ae4: a held-out variant of r087 whose every value column Chromium cut off).
    blanks = {i for i, v in enumerate(fixture.values) if v.column == "natural_person"}
    pages = {v.page for v in fixture.values}
    cuts = {
        p: min(v.start for v in fixture.values if v.column != "natural_person" and v.page == p) for p in pages
    }
    got = _cells(govdisclosure.parse(_cut_pages(_blanked(fixture, blanks), cuts)))
    assert [place for place, (kind, _) in got.items() if kind == "blank"] == []


def test_a_table_printed_blank_under_a_header_split_by_a_page_break_comes_back_blank() -> None:
    # Held-out seed 20261201's r015 (LibreOffice): table 三 all blank, its header's last lines on
    # the page of its rows (`公益` / `业 机构 务机构 他` / `组织`), the rest with 总计 at the foot of
    # the page before. The rows print no value and the header is the whole table's: rows printed
    # blank, every cell (a header that shows 自然人 and not 总计 would be a table cut short).
    folder = Path(__file__).parent / "corpus" / "heldout" / "seed-20261201" / "r015"
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))["tables"]["applications"]
    report = govdisclosure.parse((folder / "pdf-lo.pdftotext-layout.txt").read_text(encoding="utf-8"))
    got = _cells(report)
    assert all(cell["kind"] == "blank" for cells in truth.values() for cell in cells.values())
    assert got == {(r, c): ("blank", None) for r, cells in truth.items() for c in cells}
