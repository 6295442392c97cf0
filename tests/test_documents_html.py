"""The published HTML pages of ../shared/corpus/real-html give exactly their golden values (issue 13).

Each page is the original of a page text in corpus/real (SOURCES.md there); the text's golden file
holds its cells, and, under `documents`, the cells the text leaves unsettled that the page settles
(read from the page by a person). The page must give every one of them, no other number, and
the template, year, organ and sections of the golden file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import govdisclosure
from govdisclosure.model import Report
from test_golden import GOLDEN, SHARED, _expected_cells, _matches

PAGES = {
    "pingtan-zone-2019.html": "006",
    "pingtan-zone-2020.html": "011",
    "pingtan-zone-2021.html": "012",
    "pingtan-zone-2022.html": "013",
    "pingtan-zone-2023.html": "005",
    "pingtan-zone-2024.html": "014",
    "pingtan-zone-2025.html": "007",
}


def _golden(number: str) -> dict[str, Any]:
    (path,) = GOLDEN.glob(f"{number}_*.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module", params=sorted(PAGES), ids=lambda p: p.removesuffix(".html"))
def page(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any], Report]:
    name: str = request.param
    return name, _golden(PAGES[name]), govdisclosure.parse_file(SHARED / "corpus" / "real-html" / name)


def _expected(name: str, golden: dict[str, Any]) -> dict[str, Any]:
    """Every cell the page shows: the golden file's settled ones and the ones the page settles."""
    settled = golden.get("documents", {}).get(f"corpus/real-html/{name}", {})
    out = {}
    for table, row, column, value in _expected_cells(golden):
        path = f"{table}.{row}.{column}"
        out[path] = settled.get(path, value)
    return out


def test_every_cell_as_the_golden_file_and_the_page_say(page: tuple[str, dict[str, Any], Report]) -> None:
    name, golden, report = page
    expected = _expected(name, golden)
    assert "?" not in expected.values(), "a page settles every cell its text leaves unsettled"
    wrong, missing = [], []
    for path, value in expected.items():
        table, row, column = path.split(".")
        found = report.tables[table]
        cell = found.cell(row, column) if found is not None else None
        if cell is None:
            missing.append(path)
        elif not _matches(value, cell):
            wrong.append(f"{path}: expected {value!r}, got {cell.kind} {cell.raw!r}")
    assert wrong == [] and missing == []
    extra = [
        f"{n}.{r}.{c}"
        for n, t in report.tables.items()
        if t is not None
        for r, c, _ in t.cells()
        if f"{n}.{r}.{c}" not in expected
    ]
    assert extra == []


def test_template_year_organ_and_sections(page: tuple[str, dict[str, Any], Report]) -> None:
    _, golden, report = page
    assert (report.template, report.year, report.organ) == (
        golden["template"],
        golden["year"],
        golden["organ"],
    )
    titles = [(s.marker.text if s.marker else None, s.title) for s in report.sections]
    assert titles == [(s["marker"], s["title"]) for s in golden["sections"]]


def test_cells_say_where_they_stand_in_the_page(page: tuple[str, dict[str, Any], Report]) -> None:
    _, _, report = page
    for name, table in report.tables.items():
        assert table is not None, name
        for row, column, cell in table.cells():
            where = cell.where
            assert where is not None and where.page is None, (name, row, column)
            assert where.table >= 1 and where.row >= 1 and where.column >= 1


def test_pages_are_read_from_files_named_anything(tmp_path: Path) -> None:
    # The format comes from the content: the 2023 page saved as .txt reads the same.
    source = SHARED / "corpus" / "real-html" / "pingtan-zone-2023.html"
    copy = tmp_path / "report.txt"
    copy.write_bytes(source.read_bytes())
    assert govdisclosure.parse_file(copy).tables == govdisclosure.parse_file(source).tables
