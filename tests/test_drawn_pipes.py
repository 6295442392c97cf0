"""Pipes a PDF-to-markdown converter drew at word positions (markitdown on a PDF, FORMAT.md §2.2 D).

markitdown cuts every row of one markdown table at the same x positions, so the cell a word stands
in orders the words of two lines of one table left to right. LibreOffice centres a row's one-line
cells and wraps a number too wide for its cell around the row's line (`2,51` above, `4` below):

    |                  |     |     | 2,51 |     |      |     |     |     | 2,52 |
    | 一、本年新收政府信息公开申请数量 |     |     |      |     | 3 2  |     | —   | 1   | —    |
    4 0

The joined numbers' columns are not shown, and the identities alone leave six placements; the
cells of the pieces' line settle that `2,514` comes before every value of the row and `2,520` after
`3 2`, `—` and `1`, and then the row total leaves one. The texts are committed tool-corpus outputs
(tests/corpus); the expected cells are the generator's truth, never the parser's.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from corpus import text, truth
from govdisclosure.layout import Token
from govdisclosure.layout.pipes import pipe_block
from govdisclosure.lexicon import lexicon_for
from govdisclosure.normalize import normalize
from govdisclosure.tables.grid import Grid
from govdisclosure.templates import default_templates

ROUTE = "pdf-lo.markitdown"
# Report -> the table 三 rows whose numbers LibreOffice wrapped around the row's line.
WRAPPED = {
    "r058": ("new_received", "granted"),
    "r064": ("new_received", "granted", "outcome_total"),
    # `2,98 无`: a wrapped piece in one cell with a 无; its tails after a blank line and a new table.
    "r021": ("new_received", "outcome_total"),
}


def _decimal(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def test_rows_wrapped_around_their_line_come_back_whole() -> None:
    for report_id, rows in WRAPPED.items():
        table = govdisclosure.parse(text(report_id, ROUTE)).tables.applications
        assert table is not None, report_id
        expected = truth(report_id)["tables"]["applications"]
        for row in rows:
            got = table.rows.get(row, {})
            assert set(got) == set(expected[row]), (report_id, row)
            for column, cell in expected[row].items():
                assert got[column].kind == cell["kind"], (report_id, row, column)
                assert _decimal(got[column].value) == _decimal(cell["value"]), (report_id, row, column)


def _row(values: list[int | None], moving: set[int], cells: list[int]) -> list[Token]:
    """A row's tokens in printed order: the fixed values in column order, then the wrapped ones."""
    tokens = [
        Token("value", "—" if v is None else str(v), 1, pipe_cell=(0, cells[i]), floating=i in moving)
        for i, v in enumerate(values)
    ]
    return [t for t in tokens if not t.floating] + [t for t in tokens if t.floating]


@st.composite
def _drawn_rows(draw: st.DrawFn) -> tuple[list[int | None], set[int], list[int]]:
    """A table 三 row (none marks among the values, the total last), some numbers wrapped, and the
    pipe cell of each value: never decreasing left to right, several values sharing a cell."""
    values: list[int | None] = [draw(st.one_of(st.none(), st.integers(0, 3000))) for _ in range(6)]
    values.append(sum(v or 0 for v in values))
    moving = set(draw(st.lists(st.integers(0, 6), min_size=1, max_size=3, unique=True)))
    steps = draw(st.lists(st.integers(0, 2), min_size=7, max_size=7))
    cells = [sum(steps[: i + 1]) for i in range(7)]
    return values, moving, cells


@given(_drawn_rows())
def test_the_cells_order_never_rules_out_the_printed_placement(
    drawn: tuple[list[int | None], set[int], list[int]],
) -> None:
    values, moving, cells = drawn
    columns = tuple(f"c{i}" for i in range(7))
    grid = Grid("applications")
    grid.place("new_received", columns, _row(values, moving, cells))
    (run,) = grid.fused
    assert run.readings is not None
    printed = tuple("—" if v is None else str(v) for v in values)
    assert printed in run.readings
    # Every wrapped value whose cell is apart from every other value's has one place left.
    alone = [i for i in moving if cells.count(cells[i]) == 1]
    for i in alone:
        assert {reading[i] for reading in run.readings} == {printed[i]}, (i, run.readings)


# Report -> rows printed as a label alone on its line, then a values line placed by height, between
# a label whose values line sits inside its own cell (between the label and its wrapped tail) and
# a label printed whole on its line: the values line can only be the label's between (Chromium).
BETWEEN = {"r025": ("denied_state_secret", "other_misc"), "r030": ("denied_state_secret",)}


def test_a_values_line_between_two_settled_labels_is_the_label_s_between() -> None:
    for report_id, rows in BETWEEN.items():
        table = govdisclosure.parse(text(report_id, "pdf-chromium.markitdown")).tables.applications
        assert table is not None, report_id
        expected = truth(report_id)["tables"]["applications"]
        for row in rows:
            got = table.rows.get(row, {})
            assert {c: (v.kind, _decimal(v.value)) for c, v in got.items()} == {
                c: (cell["kind"], _decimal(cell["value"])) for c, cell in expected[row].items()
            }, (report_id, row)
            # Owned by elimination, not shown beside the label: basis order.
            assert {v.basis for v in got.values()} == {"order"}, (report_id, row)


def test_a_label_with_no_values_line_of_its_own_does_not_settle_the_next_one() -> None:
    # Without （二）部分公开's values line inside its cell, the values line after 1.属于国家秘密 may be
    # either label's: it stays unplaced.
    inside = "|     |     |            | 无 无 | 无 无 | 1 无 | 1   |\n"
    source = text("r025", "pdf-chromium.markitdown")
    assert source.count(inside) == 1
    report = govdisclosure.parse(source.replace(inside, ""))
    table = report.tables.applications
    assert table is not None
    assert "denied_state_secret" not in table.rows
    assert "partially_granted" not in table.rows
    assert any(d.code == "cell-unplaced" and "denied_state_secret" in d.message for d in report.diagnostics)


# (report, route) -> rows printed as a line of digits over a line of 无 sharing some of its cells
# (the 无 glyph sits lower): one row, the 无 floating within their cells, settled by the identities.
SHARED = {
    ("r030", "pdf-chromium.markitdown"): (
        "new_received",
        "denied_enforcement_case_files",
        "denied_administrative_inquiry",
    ),
    ("r025", "pdf-chromium.markitdown"): ("new_received",),
    ("r020", "pdf-chromium.markitdown"): ("not_processed_excessive",),
    ("r020", ROUTE): ("denied_third_party_rights",),
    ("r025", ROUTE): ("granted",),
}
# Rows next to such pairs that are no part of them: two lines of 无 are two rows, and digits under a
# line of 无 are a wrapped number's tails.
APART = {
    ("r025", "pdf-chromium.markitdown"): ("denied_state_secret", "denied_prohibited_by_law", "other_misc"),
    ("r021", "pdf-chromium.markitdown"): ("unavailable_still_unclear", "not_processed_publication"),
    ("r056", "pdf-chromium.markitdown"): ("denied_enforcement_case_files", "denied_administrative_inquiry"),
    ("r021", ROUTE): ("partially_granted", "other_misc"),
}


def _same(report_id: str, route: str, rows: tuple[str, ...]) -> dict[str, set[str | None]]:
    """Each row as parsed, checked against the truth cell by cell; its cells' bases."""
    table = govdisclosure.parse(text(report_id, route)).tables.applications
    assert table is not None, report_id
    expected = truth(report_id)["tables"]["applications"]
    bases = {}
    for row in rows:
        got = table.rows.get(row, {})
        assert {c: (v.kind, _decimal(v.value)) for c, v in got.items()} == {
            c: (cell["kind"], _decimal(cell["value"])) for c, cell in expected[row].items()
        }, (report_id, route, row)
        bases[row] = {v.basis for v in got.values()}
    return bases


def test_a_digits_line_over_a_line_of_wu_sharing_its_cells_is_one_row() -> None:
    for (report_id, route), rows in SHARED.items():
        for row, bases in _same(report_id, route, rows).items():
            # The 无's places came from the pipe cells and the identities: the row says so.
            assert bases == {"split"}, (report_id, route, row)


def test_lines_of_wu_and_tails_under_them_stay_rows_of_their_own() -> None:
    for (report_id, route), rows in APART.items():
        _same(report_id, route, rows)


# (report, route) -> rows whose label markitdown drew in one cell with a piece of its group's label
# (`三、本年 （一）予以公开`, `（四）无 2.没有现成信息需要另`): the piece is the group's, the rest the row's.
WITH_GROUP_PIECE = {
    ("r060", "pdf-chromium.markitdown"): ("granted",),
    ("r024", ROUTE): ("unavailable_needs_creation", "not_processed_excessive"),
}


def test_a_group_label_s_piece_drawn_in_the_row_label_s_cell_is_set_apart() -> None:
    for (report_id, route), rows in WITH_GROUP_PIECE.items():
        _same(report_id, route, rows)


def _table_two(report_id: str, route: str) -> tuple[dict[str, object], dict[str, object]]:
    table = govdisclosure.parse(text(report_id, route)).tables.active_disclosure
    assert table is not None, report_id
    expected = truth(report_id)["tables"]["active_disclosure"]
    got = {(r, c): (v.kind, _decimal(v.value)) for r, cells in table.rows.items() for c, v in cells.items()}
    want = {
        (r, c): (cell["kind"], _decimal(cell["value"]))
        for r, cells in expected.items()
        for c, cell in cells.items()
    }
    return got, want


def test_a_cell_printing_a_no_break_space_is_a_printed_blank_cell() -> None:
    # `&nbsp;` cells: Chromium draws the no-break space, markitdown gives it a cell of its own. The
    # blank row 规章 is then whole, and `19 19 309` after it can only be 规范性文件's; table 二 comes
    # back cell for cell, the blanks as blanks.
    got, want = _table_two("r047", "pdf-chromium.markitdown")
    assert got == want
    assert {k: v for k, v in got.items() if k[0] == "regulations"} == {
        ("regulations", c): ("blank", None) for c in ("newly_made", "newly_published", "total_published")
    }


def test_a_bare_group_marker_before_values_is_the_group_s_piece() -> None:
    # `| （三） | 4 3 | — — | — — | 7 |` over `4.保护第三方合法权益`: （三） is the first line of
    # （三）不予公开 wrapped in its narrow cell, not words naming no row; the values are the label's
    # below.
    _same("r063", ROUTE, ("denied_third_party_rights",))


def test_a_row_placed_twice_keeps_the_first_even_with_floating_values() -> None:
    columns = tuple(f"c{i}" for i in range(3))
    printed = [Token("value", t, 1) for t in ("1", "2", "3")]
    floating = [Token("value", "3", 2), Token("value", "无", 2, floating=True), Token("value", "3", 2)]
    for first in (printed, floating):
        grid = Grid("applications")
        grid.place("granted", columns, first)
        grid.place("granted", columns, floating)
        assert len(grid.fused) == (1 if first is floating else 0)
        assert [d.code for d in grid.diagnostics] == ["table-duplicate"]
        if first is printed:
            assert [c.value for c in grid.rows["granted"].values()] == [1, 2, 3]


HELDOUT = Path(__file__).resolve().parent / "corpus" / "heldout" / "seed-20261201"


@pytest.mark.parametrize(
    ("report_id", "row"),
    [
        # `| 4.保护第三方合法权益 | 9 |   |   |   | 9 |` over `| （三）不 |   | 无 | 无 无 | 无 无 |   |`
        ("r033", "denied_third_party_rights"),
        ("r033", "not_processed_publication"),
        # `| 1.申请人无正当理由逾期不补 | | 2 | | | 2 |` over `| （六）其 | | 无 | 无 无 | 无 无 | |`
        ("r024", "other_no_correction"),
    ],
)
def test_a_group_label_s_piece_on_the_wu_line_is_no_label_of_the_row(report_id: str, row: str) -> None:
    # Held-out corpus (seed 20261201), markitdown of Chromium's PDFs: the group label's cell is
    # centred over its rows, so its piece is drawn on a row's 无 line; the two lines are one row.
    folder = HELDOUT / report_id
    expected = json.loads((folder / "truth.json").read_text(encoding="utf-8"))["tables"]["applications"]
    report = govdisclosure.parse((folder / "pdf-chromium.markitdown.txt").read_text(encoding="utf-8"))
    table = report.tables.applications
    assert table is not None
    got = table.rows.get(row, {})
    assert {c: (v.kind, _decimal(v.value)) for c, v in got.items()} == {
        c: (cell["kind"], _decimal(cell["value"])) for c, cell in expected[row].items()
    }


def _drawn(text: str) -> list[tuple[int, tuple[str, ...]]]:
    """The rows of pipes drawn at word positions: each row's line and its tokens' texts."""
    rows = pipe_block(normalize(text), guessed=True, lexicon=lexicon_for(default_templates()))
    return [(r.line, tuple(t.text.strip() for t in r.tokens)) for r in rows]


def test_the_merged_row_stands_at_its_label_s_line_and_the_piece_apart() -> None:
    got = _drawn(
        "|  |  | 1.申请人无正当理由逾期不补 |  | 2 |  |  | 2 |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
        "|  | （六）其 |  |  | 无 | 无 无 | 无 无 |  |"
    )
    assert got == [
        (1, ("1.申请人无正当理由逾期不补", "2", "无", "无", "无", "无", "无", "2")),
        (3, ("（六）其",)),
    ]


def test_a_row_label_on_the_wu_line_keeps_the_lines_apart() -> None:
    # The 无 line names a row of its own: its 无 are that row's.
    got = _drawn(
        "|  |  | 4.保护第三方合法权益 |  | 9 |  |  | 9 |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
        "|  |  | 5.属于三类内部事务信息 |  | 无 | 无 无 | 无 无 |  |"
    )
    assert [line for line, _ in got] == [1, 3]
