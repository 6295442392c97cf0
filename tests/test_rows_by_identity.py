"""Table 三's values right after their label in a PDF's reading order, placed on the row's identity.

Plain pdftotext and pdfminer draw a block's labels and values in an order of their own: a label
may print no value after it (its values drawn elsewhere), and then the values after its
neighbours' labels could as well be its. A run of exactly one row's values right after a label,
whose row total holds on something, is still that label's row (tables/pending.py, `alone`):
in 19 held-out corpora (about 16,000 such runs) it was, but where a group label's pieces stood
between the label and the run, where the run was seven values worth nothing (a 总计 column drawn
one per line holds any total), or where the block opened with values before any label (rows
printed values first). The held-out texts that showed those three are in tests/corpus/heldout.
Seven values worth nothing are a row where the last two share a line (其他 and 总计 on one
baseline), as a column drawn one per line never does, or where they stand right before the
template's next row's label. A values line placed by height, which may
stand above its label (tests/test_sandwiched_values.py), and text joined into one line
(tests/test_one_line_text.py) are not read so either.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from govdisclosure.tables.drawn import one_row_printed
from govdisclosure.templates import default_templates

FIXTURES = Path(__file__).resolve().parent / "corpus" / "fixtures"
APPLICATIONS = default_templates()["2021"].applications
LABEL = {row.id: row.label.label for row in APPLICATIONS.rows}
GROUP = {row.id: APPLICATIONS.groups[row.group].label if row.group else None for row in APPLICATIONS.rows}


def _pdf_text(body: list[str]) -> str:
    """Table 三 as plain pdftotext prints it: a form feed, then one cell a line, a blank line after each."""
    lines = ["三、收到和处理政府信息公开申请情况", "申请人情况"]
    lines += [c.label.label for c in APPLICATIONS.columns.values()]
    lines += [*body, "四、政府信息公开行政复议、行政诉讼情况"]
    return "\f" + "\n".join(line for line in lines for line in (line, ""))


def _placed(body: list[str]) -> dict[str, tuple[list[str], set[str | None]]]:
    """Each placed row's values and the bases its cells carry."""
    table = govdisclosure.parse(_pdf_text(body)).tables.applications
    rows = table.rows.items() if table is not None else ()
    return {row: ([c.raw for c in cells.values()], {c.basis for c in cells.values()}) for row, cells in rows}


CARRIED = ["3", "1", "0", "0", "0", "0", "4"]


def test_a_run_right_after_its_label_is_its_row_though_a_label_before_has_none() -> None:
    # 一's values are drawn elsewhere (not in this text): 二's run may still be read as 二's.
    placed = _placed([LABEL["new_received"], LABEL["carried_over"], *CARRIED])
    assert placed["carried_over"] == (CARRIED, {"order"})
    assert "new_received" not in placed


def test_a_group_label_s_pieces_between_a_label_and_a_run_place_nothing() -> None:
    # Held-out seed 20261216, r015: `1.属于国家秘密` / `不予公` / `开` / 13 / 1 1 … 15, 8.属于行政查询事项's.
    body = [LABEL["new_received"], LABEL["denied_state_secret"], "不予公", "开", *CARRIED]
    assert "denied_state_secret" not in _placed(body)


def test_a_run_of_values_worth_nothing_places_nothing() -> None:
    # Held-out seed 20261215, r021: seven 0s after a label were seven rows' 总计 drawn one per line.
    for nothing in ("0", "—", "无"):
        placed = _placed([LABEL["new_received"], LABEL["carried_over"], *[nothing] * 7])
        assert "carried_over" not in placed


def test_a_run_of_nothing_printed_as_a_row_is_its_label_s() -> None:
    # Seven `—` one a line may be a column's; with the last two on one line (其他 and 总计 on one
    # baseline, as pdftotext prints LibreOffice's and Chromium's rows) they are a row.
    placed = _placed([LABEL["new_received"], LABEL["carried_over"], *["—"] * 5, "— —"])
    assert placed["carried_over"] == (["—"] * 7, {"order"})


def test_a_run_of_nothing_before_the_next_row_s_label_is_its_label_s() -> None:
    # One a line, seven `—` right before the template's next row's label (Chromium's pdftotext
    # prints an all-`—` row so); before a later row's label they may be a column (seed 20261215,
    # r021: 6.属于四类过程性信息 / `0` x 7 / 8.属于行政查询事项).
    nothing = ["—"] * 7
    placed = _placed([LABEL["new_received"], LABEL["carried_over"], *nothing, LABEL["granted"]])
    assert placed["carried_over"] == (nothing, {"order"})
    body = [LABEL["new_received"], LABEL["carried_over"], *nothing, LABEL["partially_granted"]]
    assert "carried_over" not in _placed(body)


@pytest.mark.parametrize(
    ("counts", "row"),
    [
        ([1] * 7, True),
        ([1] * 5 + [2], True),
        ([1] * 4 + [3], True),
        ([3, 1, 3], False),  # pdfminer's lines of several cells (held-out seed 20261216, r049)
        ([1] * 6, False),
        ([1] * 6 + [2], False),
        ([2] + [1] * 5, False),
    ],
)
def test_which_lines_print_one_row(counts: list[int], row: bool) -> None:
    assert one_row_printed(counts, 7) is row


def test_a_block_opening_with_values_places_no_run_by_its_identity() -> None:
    # Rows printed values first: the run after 一's label would be 二's.
    new = ["5", "0", "0", "0", "0", "0", "5"]
    body = [*new, LABEL["new_received"], *CARRIED, LABEL["carried_over"], LABEL["granted"]]
    placed = _placed(body)
    assert "new_received" not in placed
    assert "carried_over" not in placed


def test_a_committed_libreoffice_pdf_s_rows_after_a_garbled_block() -> None:
    # r015's plain pdftotext text: 一 to （二） are drawn column by column and wrapped (`178` / `8`),
    # so its block's labels do not all get values; 1.属于国家秘密 onwards each print their row
    # right after their label.
    folder = FIXTURES / "r015"
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))["tables"]["applications"]
    table = govdisclosure.parse(
        (folder / "pdf-lo.pdftotext.txt").read_text(encoding="utf-8")
    ).tables.applications
    assert table is not None
    for row in ("denied_state_secret", "denied_prohibited_by_law", "not_processed_duplicate"):
        assert [c.raw for c in table.rows[row].values()] == [c["raw"] for c in truth[row].values()]
        assert {c.basis for c in table.rows[row].values()} == {"order"}


ROWS = [row.id for row in APPLICATIONS.rows if row.id != "other"]  # 2021's （六） is a group


@st.composite
def _drawn_blocks(draw: st.DrawFn) -> tuple[dict[str, list[str]], list[str], set[str]]:
    """Table 三's rows, its body as a PDF's reading order may print it, and the rows printed label
    first with nothing between, showing a row (a total summing something, or the last two values on
    one line): each row's label (its group's label before its first row, whole or
    in pieces), then its values one per line, or nothing (its values drawn elsewhere: after the
    whole table, or right after another label, or after that label's group pieces)."""
    none = draw(st.sampled_from(["0", "—", "无", "/"]), label="nothing printed as")
    cells: dict[str, list[str]] = {}
    for row in ROWS:
        # Rows of nothing are common (a report printing every cell, most of them none).
        value = st.one_of(st.just(0), st.integers(1, 30)) if draw(st.booleans()) else st.just(0)
        six = draw(st.lists(value, min_size=6, max_size=6), label=f"{row}: six cells")
        cells[row] = [str(v) if v else none for v in six] + [str(sum(six)) if sum(six) else none]
    apart = draw(st.sets(st.sampled_from(ROWS), max_size=6), label="values drawn elsewhere")
    # A group's first label, its group's pieces, then a later row of the group's values, that
    # row's label printed with none (seed 20261216, r015): the first row's values are drawn late.
    groups = {g: [r for r in ROWS if GROUP[r] == g] for g in {GROUP[r] for r in ROWS} if g}
    stolen = {
        rows[0]: draw(st.sampled_from(rows[1:]), label=f"{rows[0]}: values after the pieces")
        for rows in groups.values()
        if len(rows) > 1 and draw(st.booleans(), label=f"{rows[0]}: another row's values")
    }
    apart |= set(stolen)
    body: list[str] = []
    first: set[str] = set()
    group = None
    late: list[str] = []
    for row in ROWS:
        pieces: list[str] = []
        if GROUP[row] not in (None, group):
            label = GROUP[row] or ""
            cut = draw(st.integers(0, len(label) - 1), label=f"{row}: group label cut")
            pieces = [p for p in (label[:cut], label[cut:]) if p]
        group = GROUP[row]
        between = row in stolen or (bool(pieces) and draw(st.booleans(), label=f"{row}: pieces after it"))
        body += [*([] if between else pieces), LABEL[row], *(pieces if between else [])]
        if row in stolen:
            body += cells[stolen[row]]
        if row in stolen.values():
            continue
        if row in apart:
            late += cells[row]
        else:
            # 其他's and 总计's values on one line, as pdftotext prints a PDF's row, or one a line.
            pair = draw(st.booleans(), label=f"{row}: last two on a line")
            body += [*cells[row][:-2], " ".join(cells[row][-2:])] if pair else cells[row]
            # (A PDF's reading order moves 无 among numbers: such a row is never read by order.)
            mixed = none == "无" and none in cells[row] and cells[row][-1] != none
            # (Every row's label is printed: the next label is the template's next row's.)
            shows_a_row = pair or row != ROWS[-1] or any(v not in ("0", none) for v in cells[row][:-1])
            if not between and not mixed and shows_a_row:
                first.add(row)
    # The rows printed apart have their values after the table's last row: the last label gathers
    # them too, more values than its row has.
    if late:
        first.discard(ROWS[-1])
        body += late
    return cells, body, first


@given(_drawn_blocks())
def test_rows_placed_on_their_identity_are_their_own(
    case: tuple[dict[str, list[str]], list[str], set[str]],
) -> None:
    cells, body, first = case
    placed = _placed(body)
    for row, (values, _) in placed.items():
        assert values == cells[row], row
    # A row whose own run follows its label at once, summing something, comes back.
    assert first <= set(placed)
