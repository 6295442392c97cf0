"""Notebook display: _repr_html_ is well-formed HTML whose cells hold the parsed values; _repr_pretty_."""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import govdisclosure
from govdisclosure.model import (
    ActiveDisclosureTable,
    ApplicationsTable,
    Cell,
    Marker,
    Report,
    ReviewLitigationTable,
    Section,
    Table,
    Tables,
)
from strategies import reports

SEED_001 = "seeds/001_ae521124cb243984.txt"  # 高新区 2020, 2019 template
PINGTAN_2020 = "corpus/real/011_pingtan-zone-2020-page-text.txt"
VOID = {"br", "hr", "img", "meta", "input", "col", "wbr"}


class Cells(HTMLParser):
    """Checks that every tag closes in order, and collects each value cell by its data-path."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.cells: dict[str, dict[str, Any]] = {}
        self.tables: list[str] = []
        self._open: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append(tag)
        found = dict(attrs)
        if tag == "table" and found.get("data-table"):
            self.tables.append(str(found["data-table"]))
        if tag == "td" and found.get("data-path"):
            path = str(found["data-path"])
            if path in self.cells:
                self.problems.append(f"{path} twice")
            self._open = self.cells[path] = {"text": "", **found}

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()
        if tag == "td":
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open["text"] += data


def parsed(html: str) -> Cells:
    found = Cells()
    found.feed(html)
    found.close()
    assert found.problems == []
    assert found.stack == [], f"unclosed: {found.stack}"
    return found


def _paths(report: Report) -> dict[str, Cell]:
    return {
        f"{name}.{row}.{column}": cell
        for name, table in report.tables.items()
        if table is not None
        for row, column, cell in table.cells()
    }


def test_report_html_cells_hold_the_values_read_from_the_seed(shared: Path) -> None:
    report = govdisclosure.parse_file(shared / SEED_001)
    html = report._repr_html_()
    found = parsed(html)
    assert found.tables == ["active_disclosure", "applications", "review_litigation"]
    # Every cell the report holds is shown exactly once, with its number.
    assert set(found.cells) == set(_paths(report))
    assert len(found.cells) == 22 + 161 + 15
    for path, cell in _paths(report).items():
        assert found.cells[path]["data-kind"] == cell.kind
        assert found.cells[path]["text"].removesuffix("万元") == str(cell.value)
    # Read from the text, lines 37, 48 and 57.
    assert found.cells["active_disclosure.administrative_licensing.change"]["text"] == "-4"
    assert found.cells["active_disclosure.administrative_licensing.previous_year"]["text"] == "8"
    amount = found.cells["active_disclosure.centralized_procurement.procurement_amount"]
    assert amount["text"] == "2601万元" and "'2,601'" in amount["title"] and "line 48" in amount["title"]
    assert found.cells["applications.new_received.natural_person"]["text"] == "1"
    assert "高新区" in html and "govdisclosure/1" in html


def test_report_html_has_metadata_outline_and_official_headers(shared: Path) -> None:
    html = govdisclosure.parse_file(shared / SEED_001)._repr_html_()
    # The title as the golden file has it (seed line 3, the spaces around the year dropped).
    assert "<h3>高新区2020年政府信息公开工作年度报告</h3>" in html
    assert "<li>一、总体情况" in html  # the outline (seed line 5)
    # The merged header cells of the official form (FORMAT.md §1.4).
    assert re.search(r'<th colspan="7"[^>]*>申请人情况</th>', html)
    assert re.search(r'<th rowspan="2"[^>]*>自然人</th>', html)
    assert "第二十条第（五）项" in html


def test_failed_checks_are_highlighted(shared: Path) -> None:
    # The 2020 pingtan report's own error: （七）总计 of 自然人 is 20 while its outcome rows add to
    # 6+6+4+3+3+4 = 26 (read from the text).
    report = govdisclosure.parse_file(shared / PINGTAN_2020)
    found = parsed(report._repr_html_())
    failed = found.cells["applications.outcome_total.natural_person"]
    assert failed["text"] == "20"
    assert "failed: applications.outcome_total.natural_person" in failed["title"]
    assert "background:#fde2e2" in failed["style"]
    fine = found.cells["applications.new_received.natural_person"]
    assert fine["text"] == "20" and "fde2e2" not in fine["style"] and "failed" not in fine["title"]
    assert "applications.outcome_total.natural_person: 20 &ne; 26" in report._repr_html_()


def hand_built() -> Report:
    applications = ApplicationsTable(
        {
            "new_received": {
                "natural_person": Cell(3, "3", "number", None, 7),
                "total": Cell(4, "4", "number"),
            },
            "carried_over": {"natural_person": Cell(None, "", "blank"), "total": Cell(None, "—", "none")},
        }
    )
    active = ActiveDisclosureTable(
        {"administrative_fees": {"fee_amount": Cell(Decimal("12.86"), "12.86", "number", "万元")}}
    )
    return Report(
        title="<b>青溪县</b>2024年政府信息公开工作年度报告",
        organ="青溪县",
        year=2024,
        template="2021",
        sections=(Section(Marker("一、", "cjk", 1), "总体情况", children=(Section(None, "主动公开"),)),),
        tables=Tables(active_disclosure=active, applications=applications),
    )


def test_each_table_class_has_its_own_html() -> None:
    report = hand_built()
    tables = report.tables
    assert tables.applications is not None and tables.active_disclosure is not None
    apps = parsed(tables.applications._repr_html_())
    assert apps.tables == ["applications"]
    assert {p: c["text"] for p, c in apps.cells.items()} == {
        "applications.new_received.natural_person": "3",
        "applications.new_received.total": "4",
        "applications.carried_over.natural_person": "",
        "applications.carried_over.total": "—",
    }
    assert apps.cells["applications.carried_over.natural_person"]["data-kind"] == "blank"
    fees = parsed(tables.active_disclosure._repr_html_()).cells
    # The 2021 column label names the unit (本年收费金额（单位：万元）), so the cell does not repeat it.
    assert fees["active_disclosure.administrative_fees.fee_amount"]["text"] == "12.86"
    review = ReviewLitigationTable(
        {"review": {"total": Cell(2, "2", "number"), "upheld": Cell(1, "1", "number")}}
    )
    assert parsed(review._repr_html_()).cells["review_litigation.review.total"]["text"] == "2"


def test_a_failed_row_total_is_highlighted_in_a_table_alone() -> None:
    columns = (
        "natural_person",
        "commercial_enterprise",
        "research_institution",
        "social_welfare_organization",
    )
    columns += ("legal_service_agency", "other_organization")
    row = {c: Cell(1, "1", "number") for c in columns} | {"total": Cell(5, "5", "number")}  # 6 != 5
    cells = parsed(ApplicationsTable({"new_received": row})._repr_html_()).cells
    assert "applications.row_total.new_received" in cells["applications.new_received.total"]["title"]
    assert "fde2e2" in cells["applications.new_received.total"]["style"]


def test_html_escapes_the_text() -> None:
    html = hand_built()._repr_html_()
    assert "<b>青溪县</b>" not in html and "&lt;b&gt;青溪县&lt;/b&gt;" in html
    found = parsed(html)
    assert found.tables == ["active_disclosure", "applications"]
    assert "review_litigation: not in the text" in html
    assert "<li>一、总体情况<ul><li>主动公开</li></ul></li>" in html


def test_a_cell_outside_the_official_layout_is_still_shown() -> None:
    # 本年收费金额 is a 2021 column; in a 2019 report's 行政许可 row the official grid has no place for it.
    active = ActiveDisclosureTable(
        {
            "administrative_licensing": {
                "decisions": Cell(16, "16", "number"),
                "fee_amount": Cell(7, "7", "number"),
            }
        }
    )
    report = Report(template="2019", tables=Tables(active_disclosure=active))
    found = parsed(report._repr_html_())
    assert {p: c["text"] for p, c in found.cells.items()} == {
        "active_disclosure.administrative_licensing.decisions": "16",
        "active_disclosure.administrative_licensing.fee_amount": "7",
    }
    assert "cells outside the official layout" in report._repr_html_()


@given(reports())
def test_any_report_html_is_well_formed_and_shows_every_cell(report: Report) -> None:
    found = parsed(report._repr_html_())
    assert set(found.cells) == set(_paths(report))


class Printer:
    """Stands in for IPython's RepresentationPrinter."""

    def __init__(self) -> None:
        self.out = ""

    def text(self, text: str) -> None:
        self.out += text


def test_repr_pretty_draws_the_report_and_tables(shared: Path) -> None:
    printer = Printer()
    govdisclosure.parse_file(shared / SEED_001)._repr_pretty_(printer, False)
    lines = printer.out.splitlines()
    assert lines[0].startswith("高新区") and "2020" in lines[0] and "template 2019" in lines[0]
    assert "一、总体情况" in lines
    assert any(line.split() == ["行政许可", "8", "-4", "16"] for line in lines)
    cycle = Printer()
    hand_built()._repr_pretty_(cycle, True)
    assert cycle.out == "Report(...)"


def test_repr_pretty_of_a_table() -> None:
    table = hand_built().tables.applications
    assert isinstance(table, Table)
    printer = Printer()
    table._repr_pretty_(printer, False)
    assert printer.out.splitlines()[0] == "收到和处理政府信息公开申请情况"
    assert any(
        line.split() == ["一、本年新收政府信息公开申请数量", "3", "·", "·", "·", "·", "·", "4"]
        for line in printer.out.splitlines()
    )


def test_ipython_uses_the_html(shared: Path) -> None:
    formatters = pytest.importorskip("IPython.core.formatters")
    report = govdisclosure.parse_file(shared / SEED_001)
    html = formatters.HTMLFormatter()(report)
    assert html == report._repr_html_()
