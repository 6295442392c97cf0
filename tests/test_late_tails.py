"""A table 三 number LibreOffice wrapped in its cell, its tail printed alone after the row's label
pieces (pdftotext -raw, pdfminer on PDFs in large type): the piece is no value of its cell.

Hand-built texts in pdftotext -raw's shape (a row's label and values on one line), a property
over balanced tables with one number wrapped so, and a review's two real texts.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from corpus.score import score
from plain_table import (
    FEWER,
    HEAD,
    TAIL,
    TEMPLATES,
    Rows,
    applications,
    balanced_counts,
    wrong_numbers,
    zero_rows,
)

FOLDER = Path(__file__).parent / "corpus" / "heldout" / "review-large-type"


def print_raw(
    template: str,
    rows: Rows,
    wrapped: tuple[str, int, int] | None = None,
    pieces: Sequence[str] = (),
    zero: str = "—",
) -> list[str]:
    """pdftotext -raw's shape: each row's label and values on one line; `wrapped` (row, column
    index, digits kept) cuts that number, its tail printed alone after the label's `pieces`."""
    spec = TEMPLATES[template].applications
    label = {r.id: r.label.label for r in spec.rows}
    lines = list(HEAD)
    for row, values in rows.items():
        texts = [str(v) if v else zero for v in values]
        tail = None
        if wrapped is not None and wrapped[0] == row:
            _, column, kept = wrapped
            texts[column], tail = texts[column][:kept], texts[column][kept:]
        lines.append(" ".join([label[row], *texts]))
        if tail is not None:
            lines += [*pieces, tail]
    return lines + TAIL


ROWS = zero_rows(
    "2019",
    new_received=[2218, 0, 70, 0, 150, 0, 2438],
    granted=[1277, 0, 38, 0, 63, 0, 1378],
    partially_granted=[941, 0, 32, 0, 87, 0, 1060],
    outcome_total=[2218, 0, 70, 0, 150, 0, 2438],
)


def test_a_total_whose_tail_prints_after_four_group_label_pieces_is_not_read_as_printed() -> None:
    # held-out seed 20261241's r054 in 16 pt type through pdftotext -raw: `（一）予以公开 1277 — 38 —
    # 63 — 137` / `本年` / `度办` / `理结` / `果` / `8` (三、本年度办理结果 wrapped over five lines). A tail
    # is joined after three pieces at most (layout/wrapped.py: past them a page number or a
    # footnote's digit could mend a report's own broken total just as well); here 137 is said, not
    # read, and the rest of its row is read. It was once read as the row's 总计.
    lines = print_raw("2019", ROWS, ("granted", 6, 3), ["本年", "度办", "理结", "果"])
    report = govdisclosure.parse("\n".join(lines))
    granted = applications(report)["granted"]
    assert "total" not in granted and granted["research_institution"].value == 38
    said = [d for d in report.diagnostics if d.code == "cell-unplaced" and "granted: total" in d.message]
    assert len(said) == 1 and "1378" in said[0].message


def test_a_number_whose_tail_prints_after_the_next_row_s_label_is_not_read_as_printed() -> None:
    # pdfminer's shape (held-out seed 20261240's r056 in 16 pt type): the row's line, the group
    # label's pieces, the next row's label over two lines, then the tail alone and that row's values.
    # 137 breaks the row total and 1378 holds it: 137 is not read, the diagnostic names the tail.
    lines = print_raw("2019", ROWS, ("granted", 6, 3), ["本年", "度办"])
    at = lines.index("8")
    lines[at:at] = ["（二）部分公开（区分处理的，只计这一情形，", "不计其他情形）"]
    lines[at + 3] = lines[at + 3].split(" ", 1)[1]  # （二）'s values, its label printed above
    report = govdisclosure.parse("\n".join(lines))
    granted = applications(report)["granted"]
    assert "total" not in granted
    assert granted["natural_person"].value == 1277
    said = [d for d in report.diagnostics if d.code == "cell-unplaced" and "granted: total" in d.message]
    assert len(said) == 1 and "137" in said[0].message and "1378" in said[0].message
    assert wrong_numbers("2019", ROWS, report) == []


def test_a_report_s_own_broken_total_with_no_tail_after_it_is_read_as_printed() -> None:
    # The same row printing 137 as its 总计 and nothing after it: the report's own figure, which
    # the checks say breaks the row total.
    rows = {**ROWS, "granted": [1277, 0, 38, 0, 63, 0, 137]}
    report = govdisclosure.parse("\n".join(print_raw("2019", rows, zero="0")))
    assert applications(report)["granted"]["total"].value == 137
    failed = {c.name for c in report.checks if c.status == "fail"}
    assert "applications.row_total.granted" in failed


@FEWER
@given(
    template=st.sampled_from(["2019", "2021"]),
    data=st.data(),
    pieces=st.lists(st.sampled_from(["本年", "度办", "理结", "果", "（三）", "不予", "公开"]), max_size=6),
    label_first=st.booleans(),
)
def test_a_number_wrapped_with_its_tail_after_the_row_gives_no_wrong_number(
    template: str, data: st.DataObject, pieces: list[str], label_first: bool
) -> None:
    # The tail alone after the group label's pieces; or, `label_first`, after the next row's label
    # too, that row's values after the tail (pdfminer).
    rows = data.draw(balanced_counts(template, st.integers(0, 4000)))
    wide = [(r, c) for r, values in rows.items() for c, v in enumerate(values) if v >= 10]
    if not wide:
        return
    row, column = data.draw(st.sampled_from(wide))
    # A narrow cell leaves a few digits under the piece (layout/tails.TAIL: one to four).
    digits = len(str(rows[row][column]))
    kept = data.draw(st.integers(max(1, digits - 4), digits - 1))
    lines = print_raw(template, rows, (row, column, kept), pieces)
    at = lines.index(str(rows[row][column])[kept:], len(HEAD))
    if label_first and row != list(rows)[-1]:
        label, values = lines[at + 1].split(" ", 1)
        lines[at : at + 2] = [label, lines[at], values]
    assert wrong_numbers(template, rows, govdisclosure.parse("\n".join(lines))) == []


def test_a_review_s_large_type_pdfs_give_no_wrong_number() -> None:
    for name, truth in (
        ("r054-seed-20261241.pdf-lo-16pt.pdftotext-raw.txt", "r054-seed-20261241.truth.json"),
        ("r056-seed-20261240.pdf-lo-16pt.pdfminer.txt", "r056-seed-20261240.truth.json"),
    ):
        text = (FOLDER / name).read_text(encoding="utf-8")
        expected = json.loads((FOLDER / truth).read_text(encoding="utf-8"))
        result = score(expected, govdisclosure.parse(text), keeps_blanks=False)
        assert result.wrong + result.misread == [], name
