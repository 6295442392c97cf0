"""Diagnostic codes and their severities: what the parser noticed and could not settle."""

from __future__ import annotations

from typing import Final, Literal

Severity = Literal["error", "warning", "info"]

# Stable codes (SCHEMA.md "diagnostics"); users filter on these strings.
TABLE_MISSING: Final = "table-missing"
TABLE_GARBLED: Final = "table-garbled"
TABLE_DUPLICATE: Final = "table-duplicate"
TABLE_UNREAD: Final = "table-unread"
CELL_UNPLACED: Final = "cell-unplaced"
CELL_AMBIGUOUS: Final = "cell-ambiguous"
CELL_TEXT: Final = "cell-text"
CELLS_BY_ORDER: Final = "cells-by-order"
CELLS_BY_PROSE: Final = "cells-by-prose"
ROW_MISSING: Final = "row-missing"
ROW_UNKNOWN: Final = "row-unknown"
IDENTITY_FAILED: Final = "identity-failed"
SECTION_MISSING: Final = "section-missing"
LINE_SKIPPED: Final = "line-skipped"
NUMBER_TOO_LONG: Final = "number-too-long"
EMPTY_INPUT: Final = "empty-input"
NO_REPORT: Final = "no-report"
INPUT_IS_A_PATH: Final = "input-is-a-path"
TEMPLATE_MIXED: Final = "template-mixed"
YEAR_UNKNOWN: Final = "year-unknown"

SEVERITY: Final[dict[str, Severity]] = {
    TABLE_MISSING: "warning",
    TABLE_GARBLED: "error",
    TABLE_DUPLICATE: "warning",
    TABLE_UNREAD: "error",
    CELL_UNPLACED: "error",
    CELL_AMBIGUOUS: "error",
    CELL_TEXT: "warning",
    CELLS_BY_ORDER: "info",
    CELLS_BY_PROSE: "info",
    ROW_MISSING: "warning",
    ROW_UNKNOWN: "warning",
    IDENTITY_FAILED: "warning",
    SECTION_MISSING: "warning",
    LINE_SKIPPED: "info",
    NUMBER_TOO_LONG: "error",
    EMPTY_INPUT: "error",
    NO_REPORT: "error",
    INPUT_IS_A_PATH: "error",
    TEMPLATE_MIXED: "info",
    YEAR_UNKNOWN: "info",
}


def severity_of(code: str) -> Severity:
    """Severity of a diagnostic code; unknown codes count as warnings."""
    return SEVERITY.get(code, "warning")
