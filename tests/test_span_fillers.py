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


def _tab_rows(markdown: str, tail: str) -> str:
    """The pipe rows as tab-separated rows (a table copied out of a page or Word), each ending in
    `tail`; rule lines dropped."""
    out = []
    for line in markdown.split("\n"):
        if line.startswith("|") and set(line) <= set("|-: ") and "-" in line:
            continue
        if line.startswith("|") and line.count("|") >= 3:
            line = (
                "\t".join(c.strip() for c in line.strip().removeprefix("|").removesuffix("|").split("|"))
                + tail
            )
        out.append(line)
    return "\n".join(out)


def _groups_print_nothing(report: str) -> bool:
    """True when none of table 三's group rows (1.属于国家秘密 …) prints a value in the report."""
    rows = truth(report)["tables"]["applications"] or {}
    return not any(
        cell["kind"] == "number"
        for row, cells in rows.items()
        if row.startswith(GROUPED_ROWS)
        for cell in cells.values()
    )


GROUPED_ROWS = ("denied_", "unavailable_", "not_processed_", "other_")


def test_tab_rows_each_padded_at_its_end_lose_no_cell_a_group_s_row_can_tell() -> None:
    # A trailing tab on every row is padding, not a merged cell's column: a group's row printing
    # values shows it (its values end before the padding), so a label's span is still trimmed.
    # Where no group's row prints a value, padding and such a column are not told apart, and a row
    # with an empty cell after its label stays unplaced rather than guessed.
    lost, silent = [], []
    for report in ALL:
        page = _tab_rows(text(report, "html.markitdown"), "\t")
        found = score(truth(report), govdisclosure.parse(page), keeps_blanks=True)
        if not _groups_print_nothing(report):
            lost += [f"{report}: {cell}" for cell in found.lost]
        silent += found.wrong + found.misread
    assert (lost[:5], silent) == ([], [])
