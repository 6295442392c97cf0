"""Scoring a parse against a report's truth, cell by cell: right, lost, WRONG; and what the text could show.

Used by the corpus tests (tests/test_tool_corpus.py) and the accuracy benchmark
(benchmarks/accuracy.py), so both count the same way:

- a cell is **right** when the parse has it at the same table, row and column with the same kind
  and, for a number, the same value;
- a number is **wrong** when the parse holds a number where the truth has another number, or a
  blank/none/text cell, or no cell at all (an invented row);
- a cell is **misread** when the parse gives it another kind than the truth's, both present: a
  blank or 无 where the report prints a number, or a number where it prints none (a silent loss a
  user filtering on `kind` would take for the report's word);
- a cell is **determinable** when the text can show its place: always for a route that keeps blank
  cells; for one that drops them (lynx, plain pdftotext …), when its row prints every cell (table
  四's fifteen cells are one row of its grid, §1.5). A row printing fewer values than it has
  columns (a blank row included: its label alone could as well have its values printed
  elsewhere) is not determinable from the text (issue 12); where the identities still settle some
  cells, those count as a bonus.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import govdisclosure
from govdisclosure import Report

from . import text, truth

TABLES = ("active_disclosure", "applications", "review_litigation")
# What a tool cannot print: a blank cell is empty or a space (an NBSP turns into one in PDF text).
UNPRINTED = frozenset({"blank"})


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def truth_cells(truth: Mapping[str, Any]) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(table, row, column, cell) of every cell of the truth."""
    for name in TABLES:
        table = truth["tables"].get(name)
        if table is None:
            continue
        for row, columns in table.items():
            for column, cell in columns.items():
                yield name, row, column, cell


def _sections(sections: list[dict[str, Any]], depth: int = 0) -> Iterator[tuple[int, int | None, str]]:
    for section in sections:
        # 一是 / 二是 run-in clauses are prose, not sections, by the project's convention
        # (tests/golden/README.md); the generator's truth lists them with style ordinal_phrase.
        if section.get("style") == "ordinal_phrase":
            continue
        yield depth, section.get("ordinal"), "".join(str(section.get("title") or "").split())
        yield from _sections(section.get("children") or [], depth + 1)


@dataclass
class Score:
    """One parse against its truth."""

    cells: int = 0
    right: int = 0
    numbers: int = 0
    numbers_right: int = 0
    determinable: int = 0
    determinable_right: int = 0
    full_rows: int = 0  # cells of rows that print every cell
    full_rows_right: int = 0
    tables: int = 0
    tables_right: int = 0
    template_right: bool = False
    year_right: bool = False
    organ_right: bool = False
    sections: int = 0
    sections_right: int = 0
    sections_extra: int = 0  # sections the report does not have (a table label read as a heading)
    wrong: list[str] = field(default_factory=list)
    misread: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    # A row absent from a found table that no `row-missing` names, or one named that was read.
    unnamed: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        """Fold another score into this one (for totals)."""
        for name in (
            "cells",
            "right",
            "numbers",
            "numbers_right",
            "determinable",
            "determinable_right",
            "full_rows",
            "full_rows_right",
            "tables",
            "tables_right",
            "sections",
            "sections_right",
            "sections_extra",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.wrong += other.wrong
        self.misread += other.misread
        self.lost += other.lost
        self.unnamed += other.unnamed


def score(truth: Mapping[str, Any], report: Report, keeps_blanks: bool) -> Score:
    """Every truth cell looked up in the parse, and every parsed number checked against the truth."""
    out = Score()
    for name in TABLES:
        expected, parsed = truth["tables"].get(name), report.tables[name]
        out.tables += 1
        out.tables_right += (expected is None) == (parsed is None)
    for name, row, column, cell in truth_cells(truth):
        table = truth["tables"][name]
        # Table 四's fifteen cells are one row of the grid (FORMAT.md §1.5): with a blank dropped,
        # a whole group of values (`6 3 3 1 13`) may be 未经复议直接起诉's or 复议后起诉's.
        cells = (
            [c for r in table.values() for c in r.values()]
            if name == "review_litigation"
            else table[row].values()
        )
        full = all(c["kind"] not in UNPRINTED for c in cells)
        determinable = keeps_blanks or full
        found = report.tables[name]
        got = found.cell(row, column) if found is not None else None
        ok = (
            got is not None
            and got.kind == cell["kind"]
            and (cell["kind"] != "number" or _decimal(got.value) == _decimal(cell["value"]))
        )
        where = f"{name}.{row}.{column}"
        out.cells += 1
        out.right += ok
        if cell["kind"] == "number":
            out.numbers += 1
            out.numbers_right += ok
        if determinable:
            out.determinable += 1
            out.determinable_right += ok
        if full:
            out.full_rows += 1
            out.full_rows_right += ok
        if not ok:
            shown = "absent" if got is None else f"{got.kind} {got.raw!r}"
            out.lost.append(f"{where}: expected {cell['kind']} {cell['raw']!r}, got {shown}")
            if got is not None and got.kind != cell["kind"] and "number" in (got.kind, cell["kind"]):
                out.misread.append(f"{where}: expected {cell['kind']} {cell['raw']!r}, got {shown}")
    for name, found in report.tables.items():
        if found is None:
            continue
        for row, column, number in found.cells():
            if number.kind != "number":
                continue
            rows = truth["tables"].get(name) or {}
            cell = rows.get(row, {}).get(column)
            if cell is None or cell["kind"] != "number" or _decimal(cell["value"]) != _decimal(number.value):
                said = "absent" if cell is None else f"{cell['kind']} {cell['raw']!r}"
                out.wrong.append(
                    f"{name}.{row}.{column}: expected {said}, got {number.raw!r} (line {number.line})"
                )
    out.unnamed = _unnamed_rows(truth, report)
    out.template_right = report.template == truth["template"]
    out.year_right = report.year == truth["year"]
    out.organ_right = report.organ == truth["organ"]
    expected_sections = list(_sections(truth["sections"]))
    got_sections = set(_sections([s for s in report.to_dict()["sections"]]))
    out.sections = len(expected_sections)
    out.sections_right = sum(1 for s in expected_sections if s in got_sections)
    out.sections_extra = len(got_sections - set(expected_sections))
    return out


def _unnamed_rows(truth: Mapping[str, Any], report: Report) -> list[str]:
    """Rows of the truth a found table came back without and no `row-missing` diagnostic names, and
    rows one names that the table holds: each absent row must be said, once, and only those."""
    out = []
    for name in TABLES:
        found, expected = report.tables[name], truth["tables"].get(name) or {}
        if found is None:
            continue
        said = [
            d.message.split(": ")[1]
            for d in report.diagnostics
            if d.code == "row-missing" and d.message.startswith(f"{name}: ")
        ]
        read = {row for row, _, _ in found.cells()}
        out += [
            f"{name}.{row}: absent, not said" for row in expected if row not in read and said.count(row) != 1
        ]
        out += [f"{name}.{row}: said missing, but read" for row in said if row in read]
        # A row the report's template does not have is not missing from it: naming one says the
        # table was read with the wrong template.
        out += [f"{name}.{row}: said missing, not a row of the report" for row in said if row not in expected]
    return out


def assert_reads_everything(truth: Mapping[str, Any], report: Report) -> None:
    """A document read directly (HTML, DOCX, PDF) must give back the whole truth, blank cells included."""
    result = score(truth, report, keeps_blanks=True)
    assert result.wrong == []
    assert result.misread == []
    assert result.lost == []
    assert result.right == result.cells > 150
    assert result.tables_right == 3
    assert (report.template, report.year, report.organ) == (truth["template"], truth["year"], truth["organ"])
    assert result.sections_right == result.sections > 0


Cells = dict[tuple[str, str], tuple[str, Any]]


def table_cells(report_id: str, route: str, table: str) -> tuple[Cells, Cells]:
    """One table of a corpus report as parsed from a route's text, and as the report prints it:
    (kind, value) per (row, column)."""
    found = getattr(govdisclosure.parse(text(report_id, route)).tables, table)
    rows = found.rows.items() if found is not None else ()
    parsed = {(r, c): (cell.kind, cell.value) for r, cells in rows for c, cell in cells.items()}
    shown = truth(report_id)["tables"][table].items()
    printed = {(r, c): (cell["kind"], cell["value"]) for r, cells in shown for c, cell in cells.items()}
    return parsed, printed


def row_cells(report_id: str, route: str, row: str) -> tuple[list[tuple[str, Any]], list[tuple[str, Any]]]:
    """A table 三 row as parsed from a route's text and as the report prints it, column by column:
    (kind, value), ("absent", None) for a cell the parse does not give."""
    parsed, printed = table_cells(report_id, route, "applications")
    columns = [c for r, c in printed if r == row]
    return [parsed.get((row, c), ("absent", None)) for c in columns], [printed[(row, c)] for c in columns]


def assert_right_or_said(truth: Mapping[str, Any], report: Report, lines: range) -> None:
    """No number wrong nor of another kind, and the table 三 row a test edited at `lines` placed
    (a cell of it at those lines) or said there (`cell-ambiguous`, `cell-unplaced`)."""
    result = score(truth, report, keeps_blanks=False)
    assert result.wrong == [] and result.misread == []
    if not lines:
        return
    table = report.tables.applications
    assert table is not None
    placed = {row for row, cells in table.rows.items() if any(c.line in lines for c in cells.values())}
    said = {d.line for d in report.diagnostics if d.code in ("cell-ambiguous", "cell-unplaced")}
    assert placed or said & set(lines)
