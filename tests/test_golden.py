"""Golden tests: every table cell of every real report, against values written by reading the text."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import govdisclosure
from govdisclosure.model import Report

GOLDEN = Path(__file__).parent / "golden"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FILES = sorted(GOLDEN.glob("*.json"))

# plain pdftotext output prints table 三 partly column by column, labels apart (FORMAT.md §2.2 E)
PRINTED_ORDER = {
    "002_huaian-hongze-gov-2023-pdf-raw",
    "004_huaian-hongze-gov-2024-pdf-raw",
    "010_huaian-city-gov-2024-pdf-raw",
}
UNSETTLED_CODES = {"cell-ambiguous", "cell-unplaced", "table-garbled"}


def _load(path: Path) -> tuple[dict[str, Any], Report]:
    golden = json.loads(path.read_text(encoding="utf-8"))
    source = SHARED / golden["source"]
    assert source.exists(), f"missing shared text {source}"
    return golden, govdisclosure.parse_file(source)


@pytest.fixture(scope="module", params=FILES, ids=[f.stem for f in FILES])
def case(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any], Report]:
    golden, report = _load(request.param)
    return request.param.stem, golden, report


def _expected_cells(golden: dict[str, Any]) -> list[tuple[str, str, str, Any]]:
    out = []
    for table, rows in golden["tables"].items():
        for row, cols in (rows or {}).items():
            for col, value in cols.items():
                out.append((table, row, col, value))
    return out


def _matches(expected: Any, cell: govdisclosure.Cell) -> bool:
    if isinstance(expected, bool):
        return False
    if isinstance(expected, int):
        return cell.kind == "number" and cell.value == expected
    if isinstance(expected, float):
        return cell.kind == "number" and cell.value == Decimal(repr(expected))
    if isinstance(expected, dict):
        return cell.kind == "text"
    return bool(cell.kind == expected)


def test_golden_files_cover_every_real_report() -> None:
    texts = sorted(SHARED.glob("seeds/*.txt")) + sorted(
        p
        for folder in ("real", "real-crawl")
        for p in SHARED.glob(f"corpus/{folder}/*")
        if p.name != "SOURCES.md"
    )
    assert {p.stem for p in texts} == {f.stem for f in FILES}


def test_tables_present_exactly_where_the_text_has_them(case: tuple[str, dict[str, Any], Report]) -> None:
    _, golden, report = case
    for name, expected in golden["tables"].items():
        assert (report.tables[name] is None) == (expected is None), name


def test_template(case: tuple[str, dict[str, Any], Report]) -> None:
    _, golden, report = case
    assert report.template == golden["template"]


def test_no_wrong_number(case: tuple[str, dict[str, Any], Report]) -> None:
    """Every cell the parser gives is the one the text prints; unsettled cells get no value."""
    _, golden, report = case
    wrong = []
    for table, row, col, expected in _expected_cells(golden):
        found = report.tables[table]
        cell = found.cell(row, col) if found is not None else None
        if cell is None:
            continue
        if expected == "?":
            if cell.value is not None:
                wrong.append(f"{table}.{row}.{col}: unsettled in the text, parser gave {cell.value}")
        elif not _matches(expected, cell):
            wrong.append(f"{table}.{row}.{col}: expected {expected!r}, got {cell.kind} {cell.value!r}")
    assert wrong == []


def test_no_invented_cell(case: tuple[str, dict[str, Any], Report]) -> None:
    _, golden, report = case
    extra = []
    for name, table in report.tables.items():
        expected = golden["tables"].get(name) or {}
        if table is None:
            continue
        for row, col, cell in table.cells():
            if col not in expected.get(row, {}):
                extra.append(f"{name}.{row}.{col} = {cell.raw!r}")
    assert extra == []


def test_every_cell_recovered(case: tuple[str, dict[str, Any], Report]) -> None:
    """Every settled cell is read."""
    _, golden, report = case
    missing = []
    for table, row, col, expected in _expected_cells(golden):
        found = report.tables[table]
        if expected != "?" and (found is None or found.cell(row, col) is None):
            missing.append(f"{table}.{row}.{col}")
    assert missing == []


def test_printed_order_reading_says_so(case: tuple[str, dict[str, Any], Report]) -> None:
    """Table 三 read in printed order carries a cells-by-order note, and only there."""
    stem, _, report = case
    noted = {d.message.split(":")[0] for d in report.diagnostics if d.code == "cells-by-order"}
    assert ("applications" in noted) == (stem in PRINTED_ORDER)


def test_unsettled_cells_have_a_diagnostic(case: tuple[str, dict[str, Any], Report]) -> None:
    _, golden, report = case
    for path in golden.get("unsettled", []):
        table, row, _ = path.split(".")
        said = [d for d in report.diagnostics if d.code in UNSETTLED_CODES and table in d.message]
        assert said, f"{path}: no diagnostic for an unsettled cell"
        # The diagnostic names the cell's row, or speaks for the whole table (names none of its
        # rows: `10 values in an order that cannot be placed`); one about another row does not count.
        rows = set(golden["tables"].get(table) or {}) | {row}
        words = [d.message.replace(table, "") for d in said]  # `review` is in `review_litigation`
        assert any(
            row in w or d.code == "table-garbled" or not any(r in w for r in rows)
            for d, w in zip(said, words, strict=True)
        ), path


def _golden_number(golden: dict[str, Any], table: str, row: str, col: str) -> Decimal | None:
    value = (golden["tables"].get(table) or {}).get(row, {}).get(col)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Decimal(repr(value))
    return None


def test_failing_checks_are_the_sources_own(case: tuple[str, dict[str, Any], Report]) -> None:
    """A check fails exactly where the golden numbers (read by hand) break the identity too."""
    _, golden, report = case
    for check in report.checks:
        if check.status == "uncertain":
            continue
        paths = [p.split(".") for p in check.cells]
        left_n = len(check.expression.split(" = ")[0].split(" + "))
        values = [_golden_number(golden, *p) for p in paths]
        assert None not in values, f"{check.name}: decided on cells the golden file does not settle"
        left = sum(values[:left_n], Decimal(0))
        right = sum(values[left_n:], Decimal(0))
        assert (check.status == "pass") == (left == right), check.name
