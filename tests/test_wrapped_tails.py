"""Numbers a narrow PDF cell wrapped where every piece reads as a number (FORMAT.md §2.2 C).

LibreOffice wraps a number too wide for its cell: `235` prints `23` on the row's line and `5` on
the line under it. Nothing on the row's line is broken, so only the line of tails under a row that
prints all its values shows the wrap, and which values the tails continue is not shown. The row's
values carry the tails (`layout.Token.tails`); its readings, as printed and with each way of
joining the tails, wait for the identities: table 三's row total keeps one or the row is
`cell-ambiguous`; table 二 has no identity, so there it is never placed. Held-out corpus (seed 7)
r134 printed `一、本年新收政府信息公开申请数量 199 12 7 0 7 10 23` / `5`, read as 23 before.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclosure
from corpus.score import assert_right_or_said
from govdisclosure.layout import CellRow, Token, read_rows
from govdisclosure.layout.tails import join_pieces
from govdisclosure.layout.wrapped import join_wrapped
from govdisclosure.lexicon import lexicon_for
from govdisclosure.normalize import normalize
from govdisclosure.tables.wrapped import tail_readings
from govdisclosure.templates import default_templates
from test_centred_wraps import CORPUS, printed_rows

LEXICON = lexicon_for(default_templates())
HEAD = "三、收到和处理政府信息公开申请情况\n自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
NEXT = "二、上年结转政府信息公开申请数量 10 0 0 0 0 0 10\n"


def _row(text: str, row: str = "new_received") -> list[tuple[str, str | None]]:
    table = govdisclosure.parse(text).tables.applications
    assert table is not None
    return [(c.raw.strip(), c.basis) for c in table.rows.get(row, {}).values()]


def test_the_tails_line_is_the_row_s() -> None:
    layout = read_rows(
        normalize(HEAD + "一、本年新收政府信息公开申请数量 199 12 7 0 7 10 23\n5\n" + NEXT),
        lexicon_for(default_templates()),
    )
    rows = [r for r in layout.rows if r.has_values]
    assert [t.tails for t in rows[0].tokens if t.kind == "value"] == [("5",)] * 7
    assert [r.line for r in rows] == [3, 5]  # the tails' line is no row of its own


def test_the_row_total_chooses_the_value_a_tail_continues() -> None:
    got = _row(HEAD + "一、本年新收政府信息公开申请数量 199 12 7 0 7 10 23\n5\n" + NEXT)
    assert got == [(raw, "split") for raw in ("199", "12", "7", "0", "7", "10", "235")]


HELDOUT = Path(__file__).resolve().parent / "corpus" / "heldout" / "seed-7" / "r134"


def test_the_label_under_its_values_keeps_the_tails() -> None:
    # markitdown on LibreOffice's PDF: `| 199 | 12 | 7 | 0 |  | 7 10 | 23 |` / the label / `5`.
    truth = json.loads((HELDOUT / "truth.json").read_text(encoding="utf-8"))["tables"]["applications"]
    got = _row((HELDOUT / "pdf-lo.markitdown.txt").read_text(encoding="utf-8"))
    assert [raw for raw, _ in got] == [c["raw"] for c in truth["new_received"].values()]


def test_a_line_of_as_many_values_as_the_row_has_is_no_tails() -> None:
    # Values printed before their label (the next row's): not taken for tails and lost, but the
    # next row's (test_values_above_label.py), the row above printed whole.
    rows = "一、本年新收政府信息公开申请数量 199 12 7 0 7 10 235\n10 0 0 0 0 0 10\n"
    rows += "二、上年结转政府信息公开申请数量\n"
    text = HEAD + rows + "三、本年度办理结果\n（一）予以公开 1 0 0 0 0 0 1\n"
    assert [raw for raw, _ in _row(text)] == ["199", "12", "7", "0", "7", "10", "235"]
    assert _row(text, "carried_over") == [(raw, "order") for raw in ("10", "0", "0", "0", "0", "0", "10")]


def test_a_row_no_reading_of_which_holds_is_not_placed() -> None:
    report = govdisclosure.parse(HEAD + "一、本年新收政府信息公开申请数量 199 12 7 0 7 10 23\n9\n" + NEXT)
    assert report.tables.applications is not None
    assert "new_received" not in report.tables.applications.rows
    assert any(d.code == "cell-ambiguous" and "new_received" in d.message for d in report.diagnostics)


def test_table_two_has_no_identity_to_choose_with() -> None:
    text = "二、主动公开政府信息情况\n第二十条第（五）项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n"
    report = govdisclosure.parse(text + "行政许可 12 3 23\n5\n其他对外管理服务事项 4 0 7\n")
    table = report.tables.active_disclosure
    assert table is not None and "administrative_licensing" not in table.rows
    assert [c.raw for c in table.rows["other_administrative_services"].values()] == ["4", "0", "7"]


def test_digits_over_the_next_row_are_its_centred_wrap_s_pieces() -> None:
    # Held-out r134 through pdfplumber: `（六）其他处理 9 3 1 0 3 0 16` / `24` / `（七）总计 209 12 7 0 7
    # 10` / `5`: 24 and 5 are 245's pieces around 总计's line, not tails of 其他处理's numbers.
    text = HEAD + "（六）其他处理 9 3 1 0 3 0 16\n24\n（七）总计 209 12 7 0 7 10\n5\n"
    assert _row(text, "other") == [(v, None) for v in ("9", "3", "1", "0", "3", "0", "16")]
    assert [raw for raw, _ in _row(text, "outcome_total")] == ["209", "12", "7", "0", "7", "10", "245"]


# Any table 三 row of a report printing every cell, with one of its numbers wrapped so that both
# pieces read as numbers: no number anywhere is wrong, and the row comes back right or is said.
@st.composite
def tailed_rows(draw: st.DrawFn) -> tuple[str, str, range]:
    report, text, at, label, printed = draw(printed_rows())
    lines, values = text.split("\n"), list(printed)
    # A cut leaving two numbers: digits only, no leading 0 in the tail's join, the head no broken piece.
    cuts = [(i, k) for i, v in enumerate(values) if v.isdigit() for k in range(1, len(v)) if v[0] != "0"]
    if not cuts:
        return report, text, range(0)
    i, k = draw(st.sampled_from(cuts))
    values[i : i + 1] = [values[i][:k]]
    tail = printed[i][k:]
    # The label wrapped in its cell too, the tail beside its second line (held-out seed 20261215).
    # (A cut that leaves the first line naming the row: a cell wraps a label at its width.)
    named = LEXICON.match(label)[:1]
    cut = draw(
        st.sampled_from([0, *(k for k in range(4, len(label) - 1) if LEXICON.match(label[:k])[:1] == named)])
    )
    head, rest = (label[:cut], label[cut:]) if cut else (label, "")
    lines[at : at + 1] = [f"{head} {' '.join(values)}", f"{rest} {tail}".strip()]
    return report, "\n".join(lines), range(at + 1, at + 3)


@settings(max_examples=60)
@given(tailed_rows())
def test_a_wrapped_row_comes_back_right_or_is_said(case: tuple[str, str, range]) -> None:
    report_id, text, wrap = case
    truth = json.loads((CORPUS / report_id / "truth.json").read_text(encoding="utf-8"))
    assert_right_or_said(truth, govdisclosure.parse(text), wrap)


def test_a_signed_number_s_tail_in_table_two_places_nothing() -> None:
    # Review: `+12` / `5` (for +125): tail_readings joins digits only, and table 二 has no total;
    # the row and its tails are said, never placed cut short.
    text = "二、主动公开政府信息情况\n第二十条第（八）项\n信息内容 上一年项目数量 本年增/减\n"
    report = govdisclosure.parse(text + "行政事业性收费 — +12\n5\n第二十条第（九）项\n")
    table = report.tables.active_disclosure
    assert table is None or "administrative_fees" not in table.rows
    assert any("may continue them (— +12 / 5)" in d.message for d in report.diagnostics)


def test_table_two_digits_above_a_label_with_no_value_are_its() -> None:
    # markitdown places a row's values by height (held-out seed 7 r170): `78` is 其他对外管理服务事项's.
    text = "二、主动公开政府信息情况\n第二十条第（五）项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n"
    report = govdisclosure.parse(text + "行政许可 4 +2 1615\n78\n其他对外管理服务事项\n第二十条第（六）项\n")
    table = report.tables.active_disclosure
    assert table is not None
    assert [c.raw for c in table.rows["administrative_licensing"].values()] == ["4", "+2", "1615"]
    assert any(d.code == "cell-unplaced" and "(78)" in d.message for d in report.diagnostics)


# Held-out corpus (seed 20261215) r062, LibreOffice's PDF through pdftotext -raw, pdfplumber,
# -layout and markitdown: the label and 101 both wrapped in the row's two-line cells, the tail beside
# the label's second line. `10` was read as the row's total before.
PARTIAL_HEAD = "（二）部分公开（区分处理的，只计这一 85 12 0 4 0 0 10\n"


def test_a_tail_beside_the_label_s_second_line() -> None:
    text = HEAD + NEXT + PARTIAL_HEAD + "情形，不计其他情形） 1\n（三）不予公开\n"
    assert _row(text, "partially_granted") == [(v, "split") for v in ("85", "12", "0", "4", "0", "0", "101")]


def test_digits_beside_words_that_do_not_go_on_the_label_are_no_tails() -> None:
    # The label's start again (a new row's words), or words of no label: the row as printed, its
    # total failing its check, and the digits said.
    for words in ("部分公开", "说明如下"):
        report = govdisclosure.parse(HEAD + NEXT + PARTIAL_HEAD + f"{words} 1\n（三）不予公开\n")
        table = report.tables.applications
        assert table is not None
        assert [c.raw for c in table.rows["partially_granted"].values()][-1] == "10", words
        assert any(c.status == "fail" and "partially_granted" in c.name for c in report.checks)


def test_digits_under_a_row_whose_total_holds_are_not_its() -> None:
    rows = "一、本年新收政府信息公开申请数量 199 12 7 0 7 10 235\n"
    rows += "二、上年结转政府信息公开申请数量 10 0 0 0 0 0 10\n11\n"
    report = govdisclosure.parse(HEAD + rows + "三、本年度办理结果\n（一）予以公开 100 6 3 0 1 1 111\n")
    table = report.tables.applications
    assert table is not None
    assert [c.raw for c in table.rows["carried_over"].values()] == ["10", "0", "0", "0", "0", "0", "10"]
    assert any(d.code == "cell-unplaced" and "(11)" in d.message for d in report.diagnostics)


def test_a_printed_blank_cell_is_no_printed_value() -> None:
    # A no-break-space cell (markitdown draws one for Chromium's `&nbsp;`) is a blank: the row does
    # not print all its values, so the digits under it are not its tails.
    values = ["199", "12", "7", "\u00a0", "7", "10", "23"]
    row = CellRow(
        (Token("text", "一、本年新收政府信息公开申请数量", 3), *(Token("value", v, 3) for v in values)),
        3,
        "pipes",
        "words",
    )
    under = CellRow((Token("value", "5", 4),), 4, "words", "words")
    joined = join_wrapped([row, under], lexicon_for(default_templates()))
    assert joined == [row, under]


def test_a_group_label_s_piece_before_the_row_s_label() -> None:
    # Review: LibreOffice prints `三、本年` on the `（一）予以公开` line; 2171 and 2189 wrapped.
    text = HEAD + NEXT + "三、本年 （一）予以公开 217 6 — — 12 — 218\n1 9\n（二）部分公开 1 0 0 0 0 0 1\n"
    assert [raw for raw, _ in _row(text, "granted")] == ["2171", "6", "—", "—", "12", "—", "2189"]


def test_a_join_starting_with_zero_is_two_cells() -> None:
    # `0` / `5` is a 0 and a 5, not 05, in every reader of wrapped numbers (layout.tails.join_pieces).
    assert join_pieces("0", "5") is None
    assert join_pieces("23", "5") == "235"
    readings = (("0", "7", "12"), ("0", "75", "12"), ("0", "7", "125"))
    assert tail_readings(["0", "7", "12"], ["5"]) == readings


def test_table_two_values_over_lines_ending_in_short_digits_place_nothing() -> None:
    # Review (pdftotext -raw): `其他对外管理服务事项 86 643` / `5` is 86, a blank dropped, and 6435
    # wrapped, or three cells 86 643 5: table 二 has no identity to tell, so nothing is placed.
    text = "二、主动公开政府信息情况\n第二十条第（五）项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n"
    text += "行政许可 5 0 12\n其他对外管理服务事项 86 643\n5\n第二十条第（六）项\n"
    report = govdisclosure.parse(text)
    table = report.tables.active_disclosure
    assert table is not None and "other_administrative_services" not in table.rows
    assert [c.raw for c in table.rows["administrative_licensing"].values()] == ["5", "0", "12"]


# Held-out corpus (seed 20261202) r020: LibreOffice wrapped 予以公开's total 118 in its narrow cell;
# the group label 三、本年度办理结果's tall cell prints its pieces between the row and the tail.
GRANTED = "三、本年 （一）予以公开 101 10 0 1 0 6 11\n"
PARTIAL = "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 0 0 0 0 0 0 0\n"
WHOLE = ["101", "10", "0", "1", "0", "6", "118"]


def test_a_tail_after_a_group_label_s_piece_on_its_line() -> None:
    # pdfplumber, pdftotext -layout: `度办理结 8` / `果`; 11 was read as the row's total before.
    text = HEAD + NEXT + GRANTED + "度办理结 8\n果\n" + PARTIAL
    assert [raw for raw, _ in _row(text, "granted")] == WHOLE


def test_a_tail_after_a_group_label_s_pieces_on_lines_of_their_own() -> None:
    # pdftotext -raw: `度办理结` / `果` / `8`.
    text = HEAD + NEXT + GRANTED + "度办理结\n果\n8\n" + PARTIAL
    assert [raw for raw, _ in _row(text, "granted")] == WHOLE


def test_digits_after_a_group_label_s_pieces_under_a_row_whose_total_holds_are_not_its() -> None:
    text = HEAD + NEXT + "三、本年 （一）予以公开 101 10 0 1 0 6 118\n度办理结\n果\n8\n" + PARTIAL
    assert [raw for raw, _ in _row(text, "granted")] == WHOLE


def test_digits_after_words_that_are_no_group_label_s_piece_are_no_tails() -> None:
    # The words may be anything's, the 8 too: nothing joins it to the row. But the 8 alone after
    # the row, before any other row's cell, makes its total hold as 118 (tables/late_tails.py), so
    # the 11 as printed is no surer: not read, and said, and the rest of the row read as printed.
    report = govdisclosure.parse(HEAD + NEXT + GRANTED + "说明如下\n8\n" + PARTIAL)
    table = report.tables.applications
    assert table is not None
    assert [c.raw for c in table.rows["granted"].values()] == WHOLE[:-1]
    said = [d.message for d in report.diagnostics if d.code == "cell-unplaced" and "granted" in d.message]
    assert len(said) == 1 and "11" in said[0] and "118" in said[0]
