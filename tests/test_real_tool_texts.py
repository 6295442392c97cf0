"""The reports as published, through the tools people use: ../shared's real pages and PDFs, flattened.

tests/corpus/real-tools/ holds what each route printed for each published document (made by
tests/corpus/regenerate_real.py; no tool runs here). The truth is the report's golden file
(tests/golden/), read by hand from its text, with the `documents` entry that settles what the
document shows and that text did not. Every text is held to the promise: no wrong number and no
cell of another kind; and every cell comes back where the text prints it, a table a tool drops
whole (pandoc's `[TABLE]`) being missing with a `table-missing` diagnostic.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import govdisclosure
from govdisclosure.model import Report

HERE = Path(__file__).parent
TEXTS = HERE / "corpus" / "real-tools"
MANIFEST = json.loads((TEXTS / "MANIFEST.json").read_text(encoding="utf-8"))
CASES = [(document, route) for document, entry in MANIFEST["documents"].items() for route in entry["routes"]]
# A route that drops a whole table prints this in its place (pandoc's plain writer, for a table it
# cannot lay out).
DROPPED = "[TABLE]"

# Targets not met yet, by (test, document, route): strict xfails saying what is lost.
_EVERY = "test_every_cell_of_every_table_the_text_prints"
_PDFMINER = "pdfminer prints table cells as column blocks in an order the text does not show"
KNOWN: dict[tuple[str, str, str], str] = {
    (_EVERY, "real-pdf/huaian-city-gov-2024.pdf", "pdftotext"): (
        "table 四 printed one value per line in the PDF's drawing order, in an order its group totals do "
        "not settle (10 values of 15)"
    ),
    (_EVERY, "real-pdf/huaian-hongze-gov-2023.pdf", "pdftotext"): (
        "table 四 printed one value per line in the PDF's drawing order; the report's own totals break "
        "their identities (review 10 + 1 with a total of 0), so no total confirms the order"
    ),
    (_EVERY, "real-pdf/huaian-city-gov-2024.pdf", "pdfminer"): _PDFMINER,
    (_EVERY, "real-pdf/huaian-hongze-gov-2023.pdf", "pdfminer"): _PDFMINER,
    (_EVERY, "real-pdf/huaian-hongze-gov-2024.pdf", "pdfminer"): _PDFMINER,
    (_EVERY, "real-pdf/huaian-hongze-gov-2024.pdf", "markitdown"): (
        "7 cells: a row's values drawn on a line of their own after the page number (`- 3 -`), apart "
        "from its label"
    ),
    (_EVERY, "real-html/pingtan-zone-2020.html", "crawl"): (
        "the crawler joins a cell's text nodes with spaces, and the page prints some numbers in two "
        "spans (`<span>2</span><span>0</span>`): `2 0` among table 三's values gives a row more "
        "values than columns, which PDF text joined into one line prints; the text's order is then "
        "not shown, and table 二 is not placed by order"
    ),
}


def _known(request: pytest.FixtureRequest, document: str, route: str) -> None:
    reason = KNOWN.get((request.node.originalname, document, route))
    if reason:
        request.node.add_marker(pytest.mark.xfail(strict=True, reason=reason))


@cache
def truth(document: str) -> dict[str, dict[str, dict[str, Any]] | None]:
    """The report's golden tables, with what the document settles beyond the golden text."""
    golden = json.loads(
        (HERE / "golden" / f"{MANIFEST['documents'][document]['golden']}.json").read_text("utf-8")
    )
    tables: dict[str, dict[str, dict[str, Any]] | None] = golden["tables"]
    for path, value in golden.get("documents", {}).get(f"corpus/{document}", {}).items():
        table, row, column = path.split(".")
        found = tables[table]
        assert found is not None, path
        found[row][column] = value
    return tables


def text(document: str, route: str) -> str:
    """What the route printed for the document."""
    return (TEXTS / Path(document).name / f"{route}.txt").read_text(encoding="utf-8")


@cache
def parsed(document: str, route: str) -> Report:
    """The route's text parsed."""
    return govdisclosure.parse(text(document, route))


def _agrees(expected: Any, cell: govdisclosure.Cell) -> bool:
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return cell.kind == "number" and cell.value == Decimal(repr(expected))
    return cell.kind == expected


def _cells(document: str) -> list[tuple[str, str, str, Any]]:
    return [
        (table, row, column, value)
        for table, rows in truth(document).items()
        for row, columns in (rows or {}).items()
        for column, value in columns.items()
        if value != "?"
    ]


@pytest.mark.parametrize(("document", "route"), CASES)
def test_no_wrong_number_nor_cell_of_another_kind(document: str, route: str) -> None:
    report = parsed(document, route)
    wrong = []
    for table, row, column, expected in _cells(document):
        found = report.tables[table]
        cell = found.cell(row, column) if found is not None else None
        number = isinstance(expected, (int, float)) and not isinstance(expected, bool)
        if cell is None or (cell.kind != "number" and not number) or _agrees(expected, cell):
            continue
        wrong.append(f"{table}.{row}.{column}: the report prints {expected!r}, read {cell.kind} {cell.value}")
    assert wrong == []


@pytest.mark.parametrize(("document", "route"), CASES)
def test_every_cell_of_every_table_the_text_prints(
    document: str, route: str, request: pytest.FixtureRequest
) -> None:
    _known(request, document, route)
    report = parsed(document, route)
    dropped = text(document, route).count(DROPPED)
    missing_tables = [
        name for name, table in report.tables.items() if table is None and truth(document)[name]
    ]
    said = {d.message for d in report.diagnostics if d.code == "table-missing"}
    assert len(missing_tables) <= dropped, f"tables not found: {missing_tables}"
    assert all(any(name in message for message in said) for name in missing_tables)
    lost = [
        f"{table}.{row}.{column}"
        for table, row, column, expected in _cells(document)
        if table not in missing_tables
        and not (
            (found := report.tables[table]) and (cell := found.cell(row, column)) and _agrees(expected, cell)
        )
    ]
    assert lost == [], f"{len(lost)} cells lost, e.g. {lost[:5]}"
