"""A merged cell's second column printed empty in a pipe row (markitdown on a page's `colspan`).

A page exported from Word may give a column two grid columns in every row (pingtan 2021's table 三
gives 商业企业 `colspan="2"`), and markitdown prints such a cell as the cell and an empty one:
`| 22 | 0 | | 0 | 0 | 0 | 3 | 25 |`, 8 cells for 7 columns. Where the row prints a value in each
of its columns, the count leaves one reading: every value is a cell of the row, so the values fill
the columns and the empty cell is no column's. Where the row prints fewer values than columns,
which empty cell is the filler is not shown, and the row stays unplaced.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclosure
from corpus import reports, text, truth
from corpus.score import score

HEADER_WORDS = ("自然人", "商业", "申请人情况", "勾稽", "---")
PRINTS_EVERY_CELL = ("zeros", "wu", "slash", "dash")
ALL = sorted(r for r in reports() if truth(r)["tables"]["applications"] is not None)
EVERY_CELL = [r for r in ALL if truth(r)["traits"]["blank_style"] in PRINTS_EVERY_CELL]


def _with_filler(markdown: str, after: int) -> str:
    """Table 三's data rows with an empty cell after their `after`-th applicant column (1-based)."""
    start = markdown.index("收到和处理政府信息公开申请情况")
    end = markdown.index("四、", start)
    lines = markdown[start:end].split("\n")
    for i, line in enumerate(lines):
        cells = line.strip().removeprefix("|").removesuffix("|").split("|")
        if len(cells) < 8 or any(word in line for word in HEADER_WORDS):
            continue
        at = len(cells) - 7 + after
        lines[i] = "| " + " | ".join(c.strip() for c in (*cells[:at], "", *cells[at:])) + " |"
    return markdown[:start] + "\n".join(lines) + markdown[end:]


def _applications(report: str, markdown: str) -> tuple[int, int, list[str]]:
    found = score(truth(report), govdisclosure.parse(markdown), keeps_blanks=True)
    lost = [cell for cell in found.lost if cell.startswith("applications.")]
    return len(lost), len(found.wrong) + len(found.misread), lost


@settings(max_examples=20, deadline=None)
@given(report=st.sampled_from(EVERY_CELL), after=st.integers(1, 6))
def test_a_row_printing_every_cell_with_a_span_s_empty_second_column_is_read_whole(
    report: str, after: int
) -> None:
    markdown = text(report, "html.markitdown")
    widened = _with_filler(markdown, after)
    assert widened.count("|  |") > markdown.count("|  |")  # (the rows did get their filler)
    assert _applications(report, markdown)[:2] == (0, 0)
    lost, silent, cells = _applications(report, widened)
    assert (lost, silent) == (0, 0), cells[:5]


@settings(max_examples=20, deadline=None)
@given(report=st.sampled_from(ALL), after=st.integers(1, 6))
def test_a_span_s_empty_column_beside_blank_cells_gives_no_wrong_number(report: str, after: int) -> None:
    # With blank cells printed empty too, which empty cell is the filler is not shown: not guessed.
    _, silent, _ = _applications(report, _with_filler(text(report, "html.markitdown"), after))
    assert silent == 0
