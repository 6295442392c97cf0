"""Values among a header's words are no row's (tables/rows.py, tables/header_words.py).

2019's table 二 headers carry notes with years (`上一年项目数量（指2018年事项数）`, `本年增/减（指2019年
增加或减少的事项数…`). Chromium's PDF through pdftotext `-layout`, letter-spaced, printed such a
header line again under 行政强制, whose cells are blank but 958: 2018, `/` and 2019 were read as
its values (fresh review seed 20268844 r009-v1).
"""

from __future__ import annotations

from pathlib import Path

import govdisclosure

TEXT = Path(__file__).resolve().parent / "corpus" / "heldout" / "review-layouts"
NAME = "s20268844-blank-r009-v1.pdf-chromium.pdftotext-layout.txt"
NOTE = "信 息 内 容 上 一 年 项 目 数 量 （ 指 2 0 1 8 年"


def _report(text: str) -> govdisclosure.Report:
    return govdisclosure.parse(text)


def test_a_header_note_s_years_are_not_the_label_s_before_it() -> None:
    report = _report((TEXT / NAME).read_text(encoding="utf-8"))
    table = report.tables.active_disclosure
    assert table is not None
    assert "administrative_enforcement" not in table.rows
    assert any(
        d.code == "cell-unplaced"
        and d.message.startswith("active_disclosure: values among the header's words")
        and "2018 / 2019" in d.message
        for d in report.diagnostics
    )


def test_no_row_takes_a_header_note_s_year() -> None:
    # The text prints the note line three times (blocks 五, 六 and 八): only those lines are said.
    lines = (TEXT / NAME).read_text(encoding="utf-8").splitlines()
    noted = [i for i, line in enumerate(lines) if NOTE in line]
    assert len(noted) >= 2
    report = _report("\n".join(lines))
    table = report.tables.active_disclosure
    assert table is not None
    said = [d for d in report.diagnostics if "values among the header's words" in d.message]
    # Every note line holding values between its words is said, none given to a row.
    assert {d.line for d in said} <= {i + 1 for i in noted}
    assert all(c.raw not in ("2018", "2019") for row in table.rows.values() for c in row.values())
