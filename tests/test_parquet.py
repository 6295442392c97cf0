"""Parquet output (issue 16): the cells, reports and checks tables hold what the Python API says.

Expected values come from the Reports themselves (their cells, checks and diagnostics), never from
a file written earlier. The streaming test fails if the writer holds more than a batch of reports.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import govdisclosure
from govdisclosure import cli
from govdisclosure.frame import cell_records
from govdisclosure.model import ApplicationsTable, Cell, Report, Tables, Where
from govdisclosure.parquet import NULL_PARTITION, TABLES, read_table, to_parquet

REAL = ("001_huaian-hongze-gov-2023-pdf-layout", "006_pingtan-zone-2019-page-text",
        "010_huaian-city-gov-2024-pdf-raw", "011_pingtan-zone-2020-page-text")  # fmt: skip
DOCX = Path(__file__).resolve().parent / "corpus" / "documents" / "r001.lo.docx"


@pytest.fixture(scope="module")
def reports(shared: Path) -> dict[str, Report]:
    """Real texts (a failed identity, split and order cells, prose cells) and a DOCX (cells' `where`)."""
    found = {name: govdisclosure.parse_file(shared / "corpus" / "real" / f"{name}.txt") for name in REAL}
    found["r001.lo.docx"] = govdisclosure.parse_file(DOCX)
    return found


def money() -> Report:
    """A Decimal amount with its unit, a blank cell and a cell without a line; no year."""
    table = ApplicationsTable(
        {
            "new_received": {
                "natural_person": Cell(Decimal("12.86"), "12.86万元", "number", "万元", None),
                "total": Cell(None, "", "blank", None, 4),
            }
        }
    )
    return Report(organ="青溪县", tables=Tables(applications=table))


def _cell(report: Report, table: str, row: str, column: str) -> Cell:
    found = report.tables[table]
    assert found is not None
    cell = found.cell(row, column)
    assert cell is not None
    return cell


def test_cells_hold_the_reports_cells(reports: dict[str, Report], tmp_path: Path) -> None:
    assert to_parquet(reports, tmp_path) == len(reports)
    rows = read_table(tmp_path, "cells").to_pylist()
    assert len(rows) == len(list(cell_records(reports)))
    for row in rows:
        report = reports[row["source"]]
        cell = _cell(report, row["table"], row["row"], row["column"])
        assert row["value"] == (None if cell.value is None else float(cell.value))
        assert (row["raw"], row["kind"], row["unit"], row["line"]) == (
            cell.raw,
            cell.kind,
            cell.unit,
            cell.line,
        )
        assert (row["organ"], row["year"]) == (report.organ, report.year)
        assert row["basis"] == cell.basis
        where = cell.where or Where(None, None, None, None)  # type: ignore[arg-type]
        assert (row["where_page"], row["where_table"], row["where_row"], row["where_column"]) == (
            where.page, where.table, where.row, where.column)  # fmt: skip
    # The inputs were chosen to hold each basis and places in a document: the columns are not all null.
    assert {row["basis"] for row in rows} == {None, "split", "order", "prose"}
    assert all(row["where_table"] is not None for row in rows if row["source"] == "r001.lo.docx")


def test_column_types(reports: dict[str, Report], tmp_path: Path) -> None:
    to_parquet(reports, tmp_path)
    cells = pq.read_schema(tmp_path / "cells" / "part-0.parquet")
    assert cells.field("value").type == pa.float64()
    for name in ("year", "line", "where_page", "where_table", "where_row", "where_column"):
        assert cells.field(name).type == pa.int32(), name
    for name in ("source", "organ", "template", "table", "row", "column", "kind", "raw", "basis"):
        assert cells.field(name).type == pa.string(), name
    checks = pq.read_schema(tmp_path / "checks" / "part-0.parquet")
    assert checks.field("decided").type == pa.bool_()
    assert checks.field("cells").type == pa.list_(pa.string())


def test_a_decimal_amount_is_the_nearest_float_and_raw_keeps_the_digits(tmp_path: Path) -> None:
    to_parquet({"money": money()}, tmp_path)
    rows = {r["column"]: r for r in read_table(tmp_path, "cells").to_pylist()}
    assert rows["natural_person"]["value"] == float(Decimal("12.86"))
    assert (rows["natural_person"]["raw"], rows["natural_person"]["unit"]) == ("12.86万元", "万元")
    assert rows["natural_person"]["line"] is None
    assert (rows["total"]["value"], rows["total"]["kind"]) == (None, "blank")  # blank is never 0


def test_reports_and_checks_tables(reports: dict[str, Report], tmp_path: Path) -> None:
    to_parquet(reports, tmp_path)
    summary = {r["source"]: r for r in read_table(tmp_path, "reports").to_pylist()}
    assert set(summary) == set(reports)
    for source, report in reports.items():
        row = summary[source]
        assert row["parsed"] and row["error"] is None
        assert (row["organ"], row["year"], row["template"]) == (report.organ, report.year, report.template)
        assert row["failed_checks"] == len(report.failed_checks)
        assert row["diagnostics"] == len(report.diagnostics)
        assert row["tables_found"] == sum(t is not None for _, t in report.tables.items())
    failing = {source for source, report in reports.items() if report.failed_checks}
    assert {s for s, r in summary.items() if r["failed_checks"]} == failing
    assert {REAL[0], REAL[3]} <= failing  # the texts were chosen to hold failed identities
    checks = read_table(tmp_path, "checks").to_pylist()
    expected = [
        (source, c.name, c.status, c.decided, tuple(c.cells))
        for source, report in reports.items()
        for c in report.checks
    ]
    assert [
        (r["source"], r["name"], r["status"], r["decided"], tuple(r["cells"])) for r in checks
    ] == expected
    failed = [r for r in checks if r["status"] == "fail"]
    assert [(r["left"], r["right"]) for r in failed] == [
        (float(c.left), float(c.right))  # type: ignore[arg-type]
        for report in reports.values()
        for c in report.failed_checks
    ]


def test_a_failed_input_is_a_reports_row_with_its_error(shared: Path, tmp_path: Path) -> None:
    seed = sorted((shared / "seeds").glob("*.txt"))[0]
    missing = tmp_path / "missing.txt"
    results = govdisclosure.parse_many([seed, missing])
    assert to_parquet(results, tmp_path / "out") == 2
    rows = {r["source"]: r for r in read_table(tmp_path / "out", "reports").to_pylist()}
    assert rows[str(missing)]["parsed"] is False
    assert rows[str(missing)]["error_type"] == "ReadError"
    assert str(missing) in rows[str(missing)]["error"]
    assert rows[str(seed)]["parsed"] is True
    cells = read_table(tmp_path / "out", "cells").to_pylist()
    assert {r["source"] for r in cells} == {str(seed)}


def test_partitioned_by_year(reports: dict[str, Report], tmp_path: Path) -> None:
    everything = {**reports, "money": money()}
    to_parquet(everything, tmp_path, partition_by="year")
    years = {r.year for r in everything.values()}
    for table in TABLES:
        folders = {p.name for p in (tmp_path / table).iterdir()}
        expected = {f"year={NULL_PARTITION if y is None else y}" for y in years}
        if table == "checks":  # the hand-built report has no checks, so no partition of its own
            expected.discard(f"year={NULL_PARTITION}")
        assert folders == expected
    # The year lives in the directory name, not in the files, and reads back as the report's.
    one = next((tmp_path / "cells").glob("year=2020/*.parquet"))
    assert "year" not in pq.read_schema(one).names
    cells = read_table(tmp_path, "cells").to_pylist()
    assert len(cells) == len(list(cell_records(everything)))
    assert all(r["year"] == everything[r["source"]].year for r in cells)


def test_an_existing_output_is_refused(tmp_path: Path) -> None:
    to_parquet([money()], tmp_path)
    with pytest.raises(govdisclosure.OutputExistsError, match=r"part-0\.parquet"):
        to_parquet([money()], tmp_path)
    # Another part may share the directory (one writer per Dask task).
    to_parquet([money()], tmp_path, part="part-1")
    assert read_table(tmp_path, "reports").num_rows == 2


def test_written_in_batches_as_the_reports_arrive(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    written = {"reports": 0}
    write_batch = pq.ParquetWriter.write_batch

    def counting(self: Any, batch: Any, *args: Any, **kwargs: Any) -> Any:
        if "parsed" in batch.schema.names:
            written["reports"] += batch.num_rows
        return write_batch(self, batch, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetWriter, "write_batch", counting)

    def stream() -> Iterator[Report]:
        for index in range(20):
            # Asked for report `index`: all but the last batch of those before it are on disk.
            assert written["reports"] >= index - 3, f"{index} consumed, {written['reports']} written"
            yield money()

    assert to_parquet(stream(), tmp_path, batch_size=3) == 20
    assert written["reports"] == 20
    # One row group per batch: 20 reports in batches of 3.
    assert pq.ParquetFile(tmp_path / "reports" / "part-0.parquet").metadata.num_row_groups == 7


def test_without_pyarrow_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # `import pyarrow` now raises ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(govdisclosure.MissingDependencyError, match=r"govdisclosure\[parquet\]"):
        to_parquet([money()], tmp_path)
    assert cli.main(["parse", "--format", "parquet", "-o", str(tmp_path / "o"), str(DOCX)]) == 2


def test_importing_the_package_imports_no_optional_extra() -> None:
    code = (
        "import sys, govdisclosure\n"
        "print(sorted(m for m in ('pyarrow', 'duckdb', 'dask', 'distributed', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]"


# --- the command line --------------------------------------------------------------------------


def test_cli_format_parquet(shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in REAL[:2]:
        (folder / f"{name}.txt").write_bytes((shared / "corpus" / "real" / f"{name}.txt").read_bytes())
    (folder / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    code = cli.main(["parse", str(folder), "--format", "parquet", "-o", str(out), "--partition-by", "year"])
    assert code == 2  # the empty file is bad input; the others are written all the same
    assert capsys.readouterr().out == ""
    rows = {Path(r["source"]).name: r for r in read_table(out, "reports").to_pylist()}
    assert rows["empty.txt"]["parsed"] is False and "empty input" in rows["empty.txt"]["error"]
    parsed = {f"{n}.txt": govdisclosure.parse_file(folder / f"{n}.txt") for n in REAL[:2]}
    assert {n: (r["organ"], r["year"]) for n, r in rows.items() if r["parsed"]} == {
        n: (r.organ, r.year) for n, r in parsed.items()
    }
    assert read_table(out, "cells").num_rows == len(list(cell_records(parsed)))
    assert {p.name for p in (out / "cells").iterdir()} == {f"year={r.year}" for r in parsed.values()}


def test_cli_parquet_needs_an_output_directory(
    example_report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["parse", "--format", "parquet", str(example_report)]) == 2
    assert "-o DIR" in capsys.readouterr().err
    assert cli.main(["parse", "--format", "parquet", "-o", str(tmp_path), str(example_report)]) == 0
    assert cli.main(["parse", "--format", "parquet", "-o", str(tmp_path), str(example_report)]) == 2
    assert "exists" in capsys.readouterr().err


def test_cli_output_file_for_other_formats(example_report: Path, tmp_path: Path) -> None:
    out = tmp_path / "cells.csv"
    assert cli.main(["parse", "--format", "csv", "-o", str(out), str(example_report)]) == 0
    report = govdisclosure.parse_file(example_report)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1 + len(list(cell_records([report])))


def test_results_that_kept_a_value_instead_of_the_report_are_refused(tmp_path: Path) -> None:
    # parse_many(then=...) returns no report: written as failed rows, the parsed reports would vanish.
    results = govdisclosure.parse_many(["一、总体情况\n2023年度报告"], then=str)
    with pytest.raises(TypeError, match="then="):
        to_parquet(results, tmp_path)
