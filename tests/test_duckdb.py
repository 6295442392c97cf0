"""The DuckDB queries of docs/analysis.md §7, run as printed on Parquet written by the code printed
there; every answer is checked against the Python API (failed_checks, the cells' values)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

import govdisclosure
from docblocks import block
from govdisclosure.model import Report


@pytest.fixture(scope="module")
def written(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder where the docs' own code (reading `../shared`) wrote `out/`; the cwd while used."""
    root = tmp_path_factory.mktemp("analysis")
    (root / "shared").symlink_to(shared, target_is_directory=True)
    (root / "repo").mkdir()
    before = os.getcwd()
    os.chdir(root / "repo")
    try:
        exec(block("analysis.md", "parquet-write"), {})
        yield root / "repo"
    finally:
        os.chdir(before)


@pytest.fixture(scope="module")
def reports(shared: Path) -> list[Report]:
    real = shared / "corpus" / "real"
    return [govdisclosure.parse_file(p) for p in sorted(real.glob("[0-9]*")) if "-pdf-raw" not in p.name]


def test_failed_checks_query(written: Path, reports: list[Report]) -> None:
    rows = duckdb.sql(block("analysis.md", "failed-checks")).fetchall()
    expected = sorted(
        (r.organ, r.year, c.name, float(c.left), float(c.right))  # type: ignore[arg-type]
        for r in reports
        for c in r.failed_checks
    )
    assert rows == expected
    assert {(organ, year) for organ, year, *_ in rows} == {
        (r.organ, r.year) for r in reports if r.failed_checks
    }
    assert rows  # the corpus holds failed identities: an empty answer would prove nothing


def test_year_over_year_query(written: Path, reports: list[Report]) -> None:
    rows = duckdb.sql(block("analysis.md", "year-over-year")).fetchall()
    cells: dict[tuple[str, int], float | None] = {}
    for report in reports:
        table = report.tables.applications
        cell = table.cell("new_received", "total") if table is not None else None
        if cell is not None and report.organ is not None and report.year is not None:
            cells[(report.organ, report.year)] = None if cell.value is None else float(cell.value)
    expected = []
    for organ in sorted({organ for organ, _ in cells}):
        previous = None
        for year in sorted(year for o, year in cells if o == organ):
            value = cells[(organ, year)]
            change = None if value is None or previous is None else value - previous
            expected.append((organ, year, value, change))
            previous = value
    assert rows == expected
    assert sum(change is not None for *_, change in rows) >= 6  # 平潭's seven years give six changes
