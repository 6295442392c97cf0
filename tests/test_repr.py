"""Objects that print well (issue 16): one-line reprs a reader can use in a notebook or a log."""

from __future__ import annotations

from html import escape
from pathlib import Path
from xml.etree import ElementTree

import govdisclosure

SHARED = Path(__file__).resolve().parents[2] / "shared"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "qingxi-2024-tabs.txt"


def test_report_repr_is_one_short_line() -> None:
    report = govdisclosure.parse_file(EXAMPLE)
    text = repr(report)
    assert "\n" not in text and len(text) < 300
    # examples/README.md: 青溪县市场监督管理局, 2024, the 2021 template, every identity holding.
    assert text.startswith("<Report 青溪县市场监督管理局 2024 (template 2021): 6 sections, tables 3/3")
    assert "0 fail" in text


def test_report_repr_names_its_failed_checks() -> None:
    # 平潭 2020's page text: its outcome rows do not add up to （七）总计 in two columns, 自然人
    # and 总计 (the golden file's notes: the source's own error).
    report = govdisclosure.parse_file(SHARED / "corpus" / "real" / "011_pingtan-zone-2020-page-text.txt")
    assert len(report.failed_checks) == 2
    text = repr(report)
    assert "2 fail" in text and report.failed_checks[0].name in text and len(text) < 300


def test_an_empty_report_says_what_it_lacks() -> None:
    text = repr(govdisclosure.parse("无关的文字"))
    assert text.startswith("<Report ? ? (template None): 0 sections, tables 0/3")


def test_table_reprs_count_their_cells_by_kind() -> None:
    tables = govdisclosure.parse_file(EXAMPLE).tables
    assert repr(tables.applications) == (
        "<ApplicationsTable applications: 25 rows, 175 cells (175 number), template 2021>"
    )
    # Table 二 of the example: 10 cells, 规章's 本年废止件数 printed blank (line 33).
    assert repr(tables.active_disclosure).endswith("10 cells (9 number, 1 blank), template 2021>")
    assert len(repr(tables)) < 400


def test_comparison_repr_and_exports() -> None:
    real = SHARED / "corpus" / "real"
    earlier = govdisclosure.parse_file(real / "012_pingtan-zone-2021-page-text.txt")
    later = govdisclosure.parse_file(real / "013_pingtan-zone-2022-page-text.txt")
    comparison = govdisclosure.compare(earlier, later)
    assert isinstance(comparison, govdisclosure.Comparison)
    assert all(isinstance(c, govdisclosure.CellChange) for c in comparison.changes)
    text = repr(comparison)
    assert text.startswith("<Comparison 平潭综合实验区 2021 -> 平潭综合实验区 2022: checks")
    assert len(text) < 300


def test_a_file_name_given_as_text_points_to_parse_file() -> None:
    report = govdisclosure.parse("reports/2023年报告.pdf")
    [first, *_] = report.diagnostics
    assert first.code == "input-is-a-path" and first.severity == "error"
    assert "parse_file()" in first.message and "2023年报告.pdf" in first.message
    # A one-line text that is no file name keeps the general diagnostic.
    assert govdisclosure.parse("这不是一份报告").diagnostics[0].code == "no-report"


def test_parse_many_reads_a_file_name_as_a_path() -> None:
    # A path-like string that names no file is that item's ReadError, not a report parsed from
    # the name's characters; an existing file is read.
    missing, found = govdisclosure.parse_many(["reports/typo.txt", str(EXAMPLE)])
    assert isinstance(missing.error, govdisclosure.ReadError) and "no such file" in str(missing.error)
    assert missing.report is None
    assert found.report is not None and found.report.organ == "青溪县市场监督管理局"


def test_the_package_help_opens_with_an_example_that_runs() -> None:
    import doctest

    doc = govdisclosure.__doc__ or ""
    assert ">>> report = govdisclosure.parse(text)" in doc.split("\n\n")[2]
    failures, tried = doctest.testmod(govdisclosure, verbose=False, report=False)
    assert tried >= 4 and failures == 0


def test_comparison_html_shows_each_changed_cell_and_no_same_one() -> None:
    real = SHARED / "corpus" / "real"
    earlier = govdisclosure.parse_file(real / "012_pingtan-zone-2021-page-text.txt")
    later = govdisclosure.parse_file(real / "013_pingtan-zone-2022-page-text.txt")
    comparison = govdisclosure.compare(earlier, later)
    html = comparison._repr_html_()
    ElementTree.fromstring(html)  # well-formed
    changed = [c for c in comparison.changes if c.status != "same"]
    assert changed and len(changed) < len(comparison.changes)
    assert html.count("<tr>") == 1 + len(changed)
    first = changed[0]
    cells = [first.table, first.status]
    cells += [c.raw for c in (first.earlier, first.later) if c is not None and c.raw]
    assert all(f"<td>{escape(str(text))}</td>" in html for text in cells)
