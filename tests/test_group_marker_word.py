"""无 after a group's marker: the start of 无法提供, or a none mark (FORMAT.md §2.2 C, K).

A narrow PDF cell breaks （四）无法提供 into `(四) 无` / `法提` / `供`, and the first piece can share a
line with another row's label tail (`(四) 无 息`, pdfplumber on Chromium's PDF). Read as a none
mark, that 无 was one value too many for the row above. But `（五） 无 无 无 无 无 无 无` is a row's
seven 无 cells after its group's marker (pdfplumber on LibreOffice's PDF): there 无 is a value.
"""

from __future__ import annotations

import govdisclosure
from corpus import text, truth


def _row(report: str, route: str, row: str) -> tuple[list[tuple[str, object]], list[tuple[str, object]]]:
    """A table 三 row as parsed and as the report prints it: (kind, value) per column."""
    expected = truth(report)["tables"]["applications"][row]
    table = govdisclosure.parse(text(report, route)).tables.applications
    assert table is not None
    got = table.rows.get(row, {})
    return (
        [(got[c].kind, got[c].value) if c in got else ("absent", None) for c in expected],
        [(cell["kind"], cell["value"]) for cell in expected.values()],
    )


def test_wu_between_a_group_marker_and_a_label_tail_is_label_text() -> None:
    # r023 (Chromium PDF, pdfplumber): `1.本机关不掌握相关政府信` / `18 / / / / / 18` / `(四) 无 息`.
    got, expected = _row("r023", "pdf-chromium.pdfplumber", "unavailable_not_held")
    assert got == expected


def test_wu_cells_after_a_group_marker_are_values() -> None:
    # r011 (LibreOffice PDF, pdfplumber): `3.要求提供公开出` / `（五） 无 无 无 无 无 无 无` / `版物`.
    got, expected = _row("r011", "pdf-lo.pdfplumber", "not_processed_publication")
    assert got == expected
    assert [kind for kind, _ in got] == ["none"] * 7
