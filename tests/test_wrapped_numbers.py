"""Numbers a narrow PDF cell wrapped onto the next line (`3,15` / `0`), joined back only when the
line under the row holds exactly one digit tail per broken piece and each join reads as a number.

The text is a committed tool-corpus output (LibreOffice PDF through pdfplumber, report r005); the
expected cells are the generator's truth.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclosure
from roundtrip_fields import examples

REPORT = Path(__file__).resolve().parent / "corpus" / "fixtures" / "r005"
TEXT = (REPORT / "pdf-lo.pdfplumber.txt").read_text(encoding="utf-8")
ROW = "一、本年新收政府信息公开申请数量 3,15 / / 7 11 / 3,16\n0 8\n"


def _new_received(text: str) -> dict[str, object]:
    table = govdisclosure.parse(text).tables.applications
    assert table is not None
    return {column: cell.raw for column, cell in table.rows.get("new_received", {}).items()}


def test_the_text_is_the_wrapped_shape() -> None:
    assert ROW in TEXT


def test_wrapped_numbers_are_joined_into_their_row() -> None:
    truth = json.loads((REPORT / "truth.json").read_text(encoding="utf-8"))
    row = truth["tables"]["applications"]["new_received"]
    expected = {column: cell["raw"] for column, cell in row.items()}
    assert expected["natural_person"] == "3,150" and expected["total"] == "3,168"
    assert _new_received(TEXT) == expected


def test_a_tail_that_makes_no_number_joins_nothing() -> None:
    # 3,15 + 08 is no number: the row stays unplaced, and no 3,1508 or 308 appears anywhere.
    report = govdisclosure.parse(TEXT.replace(ROW, ROW.replace("\n0 8\n", "\n08 8\n")))
    assert report.tables.applications is not None
    assert "new_received" not in report.tables.applications.rows
    assert any(d.code == "cell-unplaced" and "new_received" in d.message for d in report.diagnostics)


def test_one_tail_for_two_broken_pieces_joins_nothing() -> None:
    report = govdisclosure.parse(TEXT.replace(ROW, ROW.replace("\n0 8\n", "\n0\n")))
    assert report.tables.applications is not None
    assert "new_received" not in report.tables.applications.rows


# pdftotext -raw on LibreOffice's PDF (held-out seed 31337, r079): the group label's cell is taller
# than its first row's, so its pieces print between the row's line and the tails' line (here on the
# next page: the row is the page's last).
RAW = Path(__file__).resolve().parent / "corpus" / "heldout" / "seed-31337" / "r079"
RAW_ROW = "（一）予以公开 2,30 / / / / / 2,30\n\f度办理结\n果\n5 5\n"


def test_tails_after_a_group_label_s_pieces_join_when_the_row_total_holds() -> None:
    text = (RAW / "pdf-lo.pdftotext-raw.txt").read_text(encoding="utf-8")
    assert RAW_ROW in text
    table = govdisclosure.parse(text).tables.applications
    assert table is not None
    assert [c.raw for c in table.rows["granted"].values()] == ["2,305", "/", "/", "/", "/", "/", "2,305"]


def test_tails_after_a_group_label_s_pieces_join_nothing_when_the_total_fails() -> None:
    # `5 6` would make 2,305 and 2,306: the total fails, so the tails are not shown to be the row's.
    text = (RAW / "pdf-lo.pdftotext-raw.txt").read_text(encoding="utf-8")
    report = govdisclosure.parse(text.replace(RAW_ROW, RAW_ROW.replace("5 5\n", "5 6\n")))
    table = report.tables.applications
    assert table is not None and "granted" not in table.rows
    assert any(d.code == "cell-unplaced" and "granted" in d.message for d in report.diagnostics)


def test_tails_after_lines_that_are_no_group_label_s_pieces_join_nothing() -> None:
    text = (RAW / "pdf-lo.pdftotext-raw.txt").read_text(encoding="utf-8")
    report = govdisclosure.parse(text.replace(RAW_ROW, RAW_ROW.replace("度办理结\n", "说明如下\n")))
    table = report.tables.applications
    assert table is not None and "granted" not in table.rows


# The same row through pdfplumber: the tails on the line of the group label's piece.
PLUMBER_ROW = "（一）予以公开 2,30 / / / / / 2,30\n度办理结 5 5\n果\n"


@pytest.mark.parametrize(("tails", "placed"), [("5 5", True), ("5 6", False)])
def test_tails_beside_a_group_label_s_piece(tails: str, placed: bool) -> None:
    text = (RAW / "pdf-lo.pdfplumber.txt").read_text(encoding="utf-8")
    assert PLUMBER_ROW in text
    report = govdisclosure.parse(text.replace(PLUMBER_ROW, PLUMBER_ROW.replace("5 5", tails)))
    table = report.tables.applications
    assert table is not None
    if placed:
        assert [c.raw for c in table.rows["granted"].values()] == ["2,305", "/", "/", "/", "/", "/", "2,305"]
        # Settled, 2,320 of 本年新收 and of （七）总计 now stand in one column only.
        assert table.rows["outcome_total"]["natural_person"].raw == "2,320"
    else:
        assert "granted" not in table.rows


def test_a_decimal_is_no_wrapped_number_s_piece() -> None:
    # `12.5` over a row, `6` under it (review): 12.56 is no figure a narrow cell's wrap makes of a
    # count; the lines stay said, and 12.56 is offered nowhere.
    lines = ["二、主动公开政府信息情况", "第二十条第（八）项", "信息内容 上一年项目数量 本年增/减"]
    lines += ["12.5", "行政事业性收费 3", "6", "三、收到和处理政府信息公开申请情况"]
    report = govdisclosure.parse("\n".join(lines))
    assert not any("12.56" in d.message for d in report.diagnostics)
    assert any(d.code == "cell-unplaced" and "12.5" in d.message for d in report.diagnostics)


@settings(deadline=None, max_examples=examples(dev=20, ci=150))
@given(
    person=st.integers(1000, 99_999),
    others=st.lists(st.sampled_from(["/", "无", "0", "1", "2", "17"]), min_size=5, max_size=5),
    plumber=st.booleans(),
    wrong=st.integers(0, 9),
)
def test_tails_across_a_group_label_s_pieces_give_the_row_or_nothing(
    person: int, others: list[str], plumber: bool, wrong: int
) -> None:
    # The r079 shape with any row whose 自然人 and 总计 wrap (`2,30` / `5`): the tails joined give
    # the row; a last tail that breaks the total gives no row at all, never a number.
    total = person + sum(int(o) for o in others if o.isdigit())
    cells = [f"{person:,}", *others, f"{total:,}"]
    pieces, tails = f"{cells[0][:-1]} {' '.join(others)} {cells[-1][:-1]}", [cells[0][-1], cells[-1][-1]]
    for last, expected in ((tails[1], cells), (str(wrong), None)):
        if expected is None and last == tails[1]:
            continue
        printed = f"{tails[0]} {last}"
        if plumber:
            base, row = (RAW / "pdf-lo.pdfplumber.txt"), f"（一）予以公开 {pieces}\n度办理结 {printed}\n果\n"
            old = PLUMBER_ROW
        else:
            base, row = (
                (RAW / "pdf-lo.pdftotext-raw.txt"),
                f"（一）予以公开 {pieces}\n\f度办理结\n果\n{printed}\n",
            )
            old = RAW_ROW
        table = govdisclosure.parse(base.read_text(encoding="utf-8").replace(old, row)).tables.applications
        assert table is not None
        got = [c.raw for c in table.rows["granted"].values()] if "granted" in table.rows else None
        assert got == expected
