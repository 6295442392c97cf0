"""Numbers wrapped in a row printed cell by cell (pdftotext -raw; tables/wrapped.py, FORMAT.md §2.2 C).

pdftotext -raw prints a LibreOffice table 三 row's cells line by line after its label, and a number
too wide for its cell as two lines whose pieces both read as numbers: `178` / `8` for 1788. The row
then shows more values than columns; joining a lone number to the next line's lone digits is a
reading, and the identities keep it if it is the only one they accept (basis split). Never a wrong
number: where the identities leave none or several, nothing is placed.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

import govdisclosure

HEAD = ["三、收到和处理政府信息公开申请情况", "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计"]
NEXT = "二、上年结转政府信息公开申请数量 6 4 — — — — 10"


def _row(lines: Sequence[str]) -> list[tuple[str, str | None]]:
    text = "\n".join([*HEAD, "一、本年新收政府信息公开申请数量", *lines, NEXT])
    table = govdisclosure.parse(text).tables.applications
    assert table is not None
    return [(c.raw.strip(), c.basis) for c in table.rows.get("new_received", {}).values()]


def test_two_wrapped_numbers_are_joined_where_the_row_total_holds() -> None:
    # tests/corpus/fixtures/r015/pdf-lo.pdftotext-raw.txt, lines 49-54.
    got = _row(["178", "8", "60 — 7 55 —", "191", "0"])
    assert got == [(raw, "split") for raw in ("1788", "60", "—", "7", "55", "—", "1910")]


def test_joins_the_row_total_refuses_place_nothing() -> None:
    assert _row(["178", "8", "60 — 7 55 —", "191", "1"]) == []


@st.composite
def _wrapped_rows(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """A row whose total holds, printed cell by cell: some numbers of two digits or more cut into
    a piece and a tail of up to four digits on the next line, some cells sharing a line, none
    marks in the empty cells."""
    cells = draw(st.lists(st.one_of(st.just("—"), st.integers(0, 99999).map(str)), min_size=6, max_size=6))
    truth = [*cells, str(sum(int(c) for c in cells if c != "—"))]
    lines: list[str] = []
    shared = False  # the last line may take another cell
    for cell in truth:
        if cell != "—" and len(cell) >= 2 and draw(st.booleans()):
            cut = draw(st.integers(max(1, len(cell) - 4), len(cell) - 1))
            lines += [cell[:cut], cell[cut:]]
            shared = False
        elif shared and draw(st.booleans()):
            lines[-1] += f" {cell}"
        else:
            lines.append(cell)
            shared = True
    return lines, truth


@given(_wrapped_rows())
def test_a_row_comes_back_whole_or_not_at_all(drawn: tuple[list[str], list[str]]) -> None:
    lines, truth = drawn
    got = _row(lines)
    assert got == [] or [raw for raw, _ in got] == truth, (lines, got)


def test_no_join_in_table_two_whose_rows_have_no_identity() -> None:
    # Held-out corpus (regenerate.py --seed 20261201) r040, pdfminer on Chromium's PDF: table 二's
    # 行政事业性收费 change `7` drawn after 政府集中采购's `9`. Joined, it read 97 projects; the text
    # shows no wrap (9 and 7 each read whole) and no identity of table 二 can confirm a join.
    lines = ["二、主动公开政府信息情况", "第二十条第（九）项", "信息内容 采购项目数量 采购总金额"]
    text = "\n".join([*lines, "政府集中采购", "9", "7", "465511.7元", "三、收到和处理政府信息公开申请情况"])
    report = govdisclosure.parse(text)
    assert report.tables.active_disclosure is None or not report.tables.active_disclosure.rows
    assert any(
        d.code == "cell-unplaced" and "centralized_procurement" in d.message for d in report.diagnostics
    )
