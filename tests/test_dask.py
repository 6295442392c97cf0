"""The Dask recipe of docs/scale.md, run as printed on a local cluster of 2 worker processes.

256 corpus texts (4 routes of each of the 64 reports) go through the recipe; its Parquet parts,
read back, must equal what `to_parquet(parse_many(...))` writes in this process, row for row, and
hold every cell the Python API gives.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import govdisclosure
from docblocks import block
from govdisclosure.frame import cell_records
from govdisclosure.parquet import TABLES, read_table

FIXTURES = Path(__file__).resolve().parent / "corpus" / "fixtures"
ROUTES = ("html.crawl.txt", "html.w3m.txt", "pdf-lo.pdftotext-layout.txt", "docx-lo.pandoc-plain.txt")


def _sorted(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(
        rows, key=lambda r: (r["source"], *(str(r.get(k)) for k in ("table", "row", "column", "name")))
    )


@pytest.fixture(scope="module")
def paths() -> list[Path]:
    found = sorted(p for route in ROUTES for p in FIXTURES.glob(f"*/{route}"))
    assert len(found) == 64 * len(ROUTES)
    return found


def test_the_dask_recipe_equals_parse_many(paths: list[Path], tmp_path: Path) -> None:
    recipe: dict[str, Any] = {"__name__": "scale_recipe"}
    exec(block("scale.md", "dask"), recipe)
    written = recipe["main"](paths, str(tmp_path / "dask"), npartitions=8)
    assert written == len(paths)
    # Eight partitions, each its own part file in every year it holds.
    parts = {f.name for f in (tmp_path / "dask" / "reports").rglob("*.parquet")}
    assert parts == {f"part-{i:05d}.parquet" for i in range(8)}

    local = tmp_path / "local"
    results = list(govdisclosure.parse_many(map(str, paths)))
    govdisclosure.to_parquet(results, local, partition_by="year")
    for table in TABLES:
        distributed = _sorted(read_table(tmp_path / "dask", table).to_pylist())
        assert distributed == _sorted(read_table(local, table).to_pylist()), table

    reports = {r.source: r.report for r in results if r.report is not None}
    assert len(reports) == len(paths)
    assert len(read_table(tmp_path / "dask", "cells")) == len(list(cell_records(reports)))
    summary = {r["source"]: r for r in read_table(tmp_path / "dask", "reports").to_pylist()}
    assert {s: (r["organ"], r["year"], r["failed_checks"]) for s, r in summary.items()} == {
        s: (r.organ, r.year, len(r.failed_checks)) for s, r in reports.items()
    }
