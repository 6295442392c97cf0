"""无 after a group's marker, and a section title after a table, in PDF text (FORMAT.md §2.2 C, K).

A narrow PDF cell breaks （四）无法提供 into `(四) 无` / `法提` / `供`, and the first piece can share a
line with another row's label tail (`(四) 无 息`, pdfplumber on Chromium's PDF). Read as a none
mark, that 无 was one value too many for the row above. But `（五） 无 无 无 无 无 无 无` is a row's
seven 无 cells after its group's marker (pdfplumber on LibreOffice's PDF): there 无 is a value.

A heading's numeral can come out on a line of its own under the title (`、 存在的主要问题及改进情况`
/ `5`): the title, one of the report's section titles, ends the table before it.
"""

from __future__ import annotations

import govdisclosure
from corpus import text
from corpus.score import row_cells, table_cells


def test_wu_between_a_group_marker_and_a_label_tail_is_label_text() -> None:
    # r023 (Chromium PDF, pdfplumber): `1.本机关不掌握相关政府信` / `18 / / / / / 18` / `(四) 无 息`.
    got, expected = row_cells("r023", "pdf-chromium.pdfplumber", "unavailable_not_held")
    assert got == expected


def test_wu_cells_after_a_group_marker_are_values() -> None:
    # r011 (LibreOffice PDF, pdfplumber): `3.要求提供公开出` / `（五） 无 无 无 无 无 无 无` / `版物`.
    got, expected = row_cells("r011", "pdf-lo.pdfplumber", "not_processed_publication")
    assert got == expected
    assert [kind for kind, _ in got] == ["none"] * 7


def test_a_section_title_ends_the_table_before_it() -> None:
    # r011 (Chromium PDF, pdfplumber) prints the heading after table 四 as `、 存在的主要问题及改进情况`
    # with its numeral `5` on the next line: the title ends the table, so neither the `、` nor the
    # `5` is one of its cells (17 values for 15 cells left the table unread).
    parsed, printed = table_cells("r011", "pdf-chromium.pdfplumber", "review_litigation")
    assert parsed == printed
    report = govdisclosure.parse(text("r011", "pdf-chromium.pdfplumber"))
    assert [s.title for s in report.sections][4] == "存在的主要问题及改进情况"
