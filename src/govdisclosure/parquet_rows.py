"""The rows and column types of the Parquet tables (cells, reports, checks): what `to_parquet` writes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .errors import GovDisclosureError, MissingDependencyError
from .frame import DETAIL_COLUMNS, FRAME_COLUMNS, SOURCE, number_out
from .model import TABLE_NAMES, Report

__all__ = ["check_rows", "error_text", "report_row", "require_pyarrow", "schemas"]

# Column types beyond string. `value` is float64 like to_frame's: exact for every count (an integer
# below 2**53); a Decimal amount (12.86万元) is the nearest double, and `raw` keeps its digits.
_INT = ("year", "line", "where_page", "where_table", "where_row", "where_column")
_REPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    (SOURCE, "string"),
    ("parsed", "bool"),
    ("error", "string"),
    ("error_type", "string"),
    ("title", "string"),
    ("organ", "string"),
    ("year", "int32"),
    ("template", "string"),
    ("encoding", "string"),
    *((name, "bool") for name in TABLE_NAMES),
    ("tables_found", "int32"),
    ("cells", "int32"),
    ("checks", "int32"),
    ("failed_checks", "int32"),
    ("uncertain_checks", "int32"),
    ("diagnostics", "int32"),
    ("error_diagnostics", "int32"),
)
_CHECK_COLUMNS: tuple[tuple[str, str], ...] = (
    (SOURCE, "string"),
    ("organ", "string"),
    ("year", "int32"),
    ("name", "string"),
    ("expression", "string"),
    ("left", "float64"),
    ("right", "float64"),
    ("status", "string"),
    ("decided", "bool"),
    ("cells", "list<string>"),
)


def require_pyarrow() -> tuple[Any, Any]:
    """The pyarrow and pyarrow.parquet modules, or MissingDependencyError naming the extra."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingDependencyError(
            "Parquet output needs pyarrow, which is not installed",
            hint="pip install 'govdisclosure[parquet]'",
        ) from exc
    return pa, pq


def schemas(pa: Any) -> dict[str, Any]:
    """The pyarrow schema of each table (cells follow `cell_records(detail=True)`'s columns)."""
    types = {
        "string": pa.string(),
        "int32": pa.int32(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
        "list<string>": pa.list_(pa.string()),
    }
    cells = [(name, "int32" if name in _INT else "string") for name in (SOURCE, *FRAME_COLUMNS)]
    cells = [(n, "float64" if n == "value" else t) for n, t in cells]
    cells += [(name, "int32" if name in _INT else "string") for name in DETAIL_COLUMNS]
    layout = {"cells": cells, "reports": list(_REPORT_COLUMNS), "checks": list(_CHECK_COLUMNS)}
    return {table: pa.schema([(n, types[t]) for n, t in columns]) for table, columns in layout.items()}


def report_row(source: str, report: Report) -> dict[str, Any]:
    """The reports-table row of a parsed report: what it holds, what failed."""
    found = {name: report.tables[name] is not None for name in TABLE_NAMES}
    statuses = [check.status for check in report.checks]
    return {
        SOURCE: source,
        "parsed": True,
        "title": report.title,
        "organ": report.organ,
        "year": report.year,
        "template": report.template,
        "encoding": report.encoding,
        **found,
        "tables_found": sum(found.values()),
        "cells": sum(len(list(t.cells())) for _, t in report.tables.items() if t is not None),
        "checks": len(statuses),
        "failed_checks": statuses.count("fail"),
        "uncertain_checks": statuses.count("uncertain"),
        "diagnostics": len(report.diagnostics),
        "error_diagnostics": len(report.errors),
    }


def check_rows(source: str, report: Report) -> Iterator[dict[str, Any]]:
    """The checks-table rows of a report, one per identity."""
    for check in report.checks:
        yield {
            SOURCE: source,
            "organ": report.organ,
            "year": report.year,
            "name": check.name,
            "expression": check.expression,
            "left": number_out(check.left),
            "right": number_out(check.right),
            "status": check.status,
            "decided": check.decided,
            "cells": list(check.cells),
        }


def error_text(error: BaseException | str) -> tuple[str, str]:
    """The message and the type name of an input's error, for the reports table."""
    if isinstance(error, str):
        return error, "GovDisclosureError"
    message = error.message if isinstance(error, GovDisclosureError) else str(error)
    return message, type(error).__name__
