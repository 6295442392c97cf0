"""Report <-> SCHEMA.md JSON form: round trip, JSON-serialisable, bare cells, bad dicts (issue 2)."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure import (
    ApplicationsTable,
    Cell,
    Check,
    Report,
    ReviewLitigationTable,
    SchemaError,
    Tables,
    parse_file,
)
from govdisclosure.model import BASES, Where
from schema import CELL_KEYS, OPTIONAL_CELL_KEYS, TABLE_KEYS, assert_top_level
from strategies import reports


@given(reports())
def test_round_trip(report: Report) -> None:
    assert Report.from_dict(report.to_dict()) == report


@given(reports())
def test_round_trip_through_json_text(report: Report) -> None:
    data = report.to_dict()
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    assert Report.from_dict(json.loads(text)) == report


@given(reports())
def test_to_dict_has_exactly_the_schema_keys(report: Report) -> None:
    data = report.to_dict()
    assert_top_level(data)
    assert data["schema"] == "govdisclosure/1"
    assert list(data["tables"]) == TABLE_KEYS
    for table in data["tables"].values():
        if table is None:
            continue
        for columns in table.values():
            for cell in columns.values():
                # A cell is always written as an object so raw, kind and line survive.
                assert isinstance(cell, dict)
                assert CELL_KEYS <= set(cell) <= CELL_KEYS | OPTIONAL_CELL_KEYS


def test_cell_objects_follow_schema() -> None:
    tables = {
        "applications": {
            "new_received": {
                "natural_person": {"value": 2601, "raw": "2,601", "kind": "number", "line": 9},
                "commercial_enterprise": {"value": None, "raw": "\u00a0", "kind": "blank", "line": 9},
            }
        },
        "active_disclosure": {
            "administrative_fees": {
                "fee_amount": {"value": 12.86, "raw": "12.86", "kind": "number", "unit": "万元", "line": 4}
            }
        },
    }
    report = Report.from_dict({"schema": "govdisclosure/1", "tables": tables})
    assert report.tables.applications is not None
    assert report.tables.applications.cell("new_received", "natural_person") == Cell(
        2601, "2,601", "number", None, 9
    )
    blank = report.tables.applications.cell("new_received", "commercial_enterprise")
    assert blank == Cell(None, "\u00a0", "blank", None, 9)
    assert report.tables.active_disclosure is not None
    fee = report.tables.active_disclosure.cell("administrative_fees", "fee_amount")
    assert fee == Cell(Decimal("12.86"), "12.86", "number", "万元", 4)
    assert report.tables.review_litigation is None
    out = report.to_dict()["tables"]
    assert out["applications"]["new_received"]["natural_person"] == {
        "value": 2601,
        "raw": "2,601",
        "kind": "number",
        "line": 9,
    }
    assert out["active_disclosure"]["administrative_fees"]["fee_amount"] == {
        "value": 12.86,
        "raw": "12.86",
        "kind": "number",
        "unit": "万元",
        "line": 4,
    }
    assert out["review_litigation"] is None


def test_decimal_beyond_float_precision_survives_through_raw() -> None:
    # JSON numbers are binary64; the exact digits travel in raw (SCHEMA.md: nothing lost).
    cell = Cell(Decimal("123456789012345678.25"), "123,456,789,012,345,678.25元", "number", "元", 3)
    data = Report().to_dict()
    data["tables"]["active_disclosure"] = {
        "administrative_fees": {
            "fee_amount": {
                "value": float(cell.value or 0),
                "raw": cell.raw,
                "kind": "number",
                "unit": "元",
                "line": 3,
            }
        }
    }
    back = Report.from_dict(json.loads(json.dumps(data)))
    assert back.tables.active_disclosure is not None
    assert back.tables.active_disclosure.cell("administrative_fees", "fee_amount") == cell


@pytest.mark.parametrize(
    ("bare", "value", "kind"),
    [
        (0, 0, "number"),
        (2601, 2601, "number"),
        (-4, -4, "number"),
        (12.86, Decimal("12.86"), "number"),
        (1e20, 10**20, "number"),
        ("2,601", 2601, "number"),
        ("1751292.6元", Decimal("1751292.6"), "number"),
        (None, None, "blank"),
        ("", None, "blank"),
        ("无", None, "none"),
        ("见附件", None, "text"),
    ],
)
def test_from_dict_accepts_bare_cell_values(bare: Any, value: Any, kind: str) -> None:
    data = {"tables": {"review_litigation": {"review": {"total": bare}}}}
    report = Report.from_dict(data)
    assert report.tables.review_litigation is not None
    cell = report.tables.review_litigation.cell("review", "total")
    assert cell is not None
    assert cell.kind == kind
    assert cell.value == value
    # Written back, the bare value becomes an object that keeps the value.
    written = report.to_dict()["tables"]["review_litigation"]["review"]["total"]
    assert isinstance(written, dict)
    assert written["kind"] == kind


def test_minimal_dict_gives_an_empty_report() -> None:
    report = Report.from_dict({"schema": "govdisclosure/1"})
    assert report == Report()
    assert report.to_dict()["tables"] == dict.fromkeys(TABLE_KEYS)


def test_parsed_example_round_trips(example_report: Path) -> None:
    report = parse_file(example_report)
    data = report.to_dict()
    json.dumps(data, allow_nan=False)
    assert Report.from_dict(data) == report


def _base() -> dict[str, Any]:
    return {
        "schema": "govdisclosure/1",
        "title": "t",
        "organ": None,
        "year": 2024,
        "template": "2021",
        "sections": [
            {"marker": "一、", "style": "cjk", "ordinal": 1, "title": "总体情况", "text": "", "children": []}
        ],
        "tables": {
            "active_disclosure": None,
            "applications": None,
            "review_litigation": {"review": {"total": {"value": 4, "raw": "4", "kind": "number"}}},
        },
        "checks": [{"name": "n", "expression": "e", "left": 1, "right": 1, "status": "pass", "cells": []}],
        "diagnostics": [{"code": "table-missing", "message": "m", "line": 3}],
    }


def _set(path: str, value: Any) -> dict[str, Any]:
    data = _base()
    target: Any = data
    keys = path.split("/")
    for key in keys[:-1]:
        target = target[int(key)] if isinstance(target, list) else target[key]
    last = keys[-1]
    if isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value
    return data


def test_base_dict_is_valid() -> None:
    report = Report.from_dict(copy.deepcopy(_base()))
    assert report.year == 2024
    assert report.diagnostics[0].line == 3


@pytest.mark.parametrize(
    "data",
    [
        pytest.param([], id="not-an-object"),
        pytest.param("{}", id="a-string"),
        pytest.param(_set("schema", "govdisclosure/99"), id="unknown-schema"),
        pytest.param(_set("year", "twenty"), id="year-not-a-number"),
        pytest.param(_set("sections", 5), id="sections-not-a-list"),
        pytest.param(_set("sections/0", "一、总体情况"), id="section-not-an-object"),
        pytest.param(_set("sections/0/style", "roman"), id="unknown-marker-style"),
        pytest.param(_set("sections/0/ordinal", "first"), id="ordinal-not-a-number"),
        pytest.param(_set("tables", []), id="tables-not-an-object"),
        pytest.param(_set("tables/applications", [1, 2]), id="table-not-an-object"),
        pytest.param(_set("tables/review_litigation/review", 4), id="row-not-an-object"),
        pytest.param(
            _set("tables/review_litigation/review/total", {"value": "many", "kind": "number"}),
            id="cell-value-not-a-number",
        ),
        pytest.param(
            _set("tables/review_litigation/review/total", {"value": 4, "kind": "maybe"}),
            id="unknown-cell-kind",
        ),
        pytest.param(
            _set("tables/review_litigation/review/total", {"value": 0, "kind": "blank"}),
            id="blank-cell-with-a-value",
        ),
        pytest.param(
            _set("tables/review_litigation/review/total", {"value": None, "kind": "number"}),
            id="number-cell-without-value",
        ),
        pytest.param(_set("tables/review_litigation/review/total", {"value": float("nan")}), id="nan"),
        pytest.param(_set("checks/0/status", "ok"), id="unknown-check-status"),
        pytest.param(_set("checks/0", {"name": "n"}), id="check-missing-keys"),
        pytest.param(_set("diagnostics/0", {"message": "m"}), id="diagnostic-without-code"),
        pytest.param(_set("diagnostics/0", "table-missing"), id="diagnostic-not-an-object"),
    ],
)
def test_bad_dicts_raise_schema_error(data: Any) -> None:
    with pytest.raises(SchemaError) as info:
        Report.from_dict(data)
    assert isinstance(info.value, ValueError)
    assert info.value.message


# --- basis, where, decided, table_templates (SCHEMA.md, issue 12/13) ---------------------------------


def test_basis_and_where_are_written_only_when_known_and_read_back() -> None:
    placed = Cell(33, "330000033", "number", None, 7, "split")
    found = Cell(5, "5", "number", None, None, None, Where(2, 1, 4, 3))
    printed = Cell(0, "0", "number", None, 8)
    report = Report(
        tables=Tables(
            review_litigation=ReviewLitigationTable(
                {"review": {"total": placed, "upheld": found, "corrected": printed}}
            )
        )
    )
    cells = report.to_dict()["tables"]["review_litigation"]["review"]
    assert cells["total"]["basis"] == "split" and "where" not in cells["total"]
    assert cells["upheld"]["where"] == {"page": 2, "table": 1, "row": 4, "column": 3}
    assert "basis" not in cells["upheld"] and "basis" not in cells["corrected"]
    assert "where" not in cells["corrected"]
    assert Report.from_dict(json.loads(json.dumps(report.to_dict()))) == report


@pytest.mark.parametrize(
    ("key", "value"),
    [("basis", "guess"), ("where", {"page": 1, "table": 0, "row": 1, "column": 1}), ("where", [1, 2])],
)
def test_bad_basis_or_where_is_a_schema_error(key: str, value: Any) -> None:
    data = {"tables": {"review_litigation": {"review": {"total": {"value": 1, "raw": "1", key: value}}}}}
    with pytest.raises(SchemaError, match=key):
        Report.from_dict(data)


@given(
    st.sampled_from([None, *BASES]),
    st.none()
    | st.builds(
        Where, st.none() | st.integers(1, 500), st.integers(1, 9), st.integers(1, 40), st.integers(1, 20)
    ),
)
def test_any_basis_and_where_round_trip(basis: Any, where: Where | None) -> None:
    cell = Cell(12, "12", "number", None, 3, basis, where)
    report = Report(tables=Tables(review_litigation=ReviewLitigationTable({"review": {"total": cell}})))
    assert Report.from_dict(json.loads(json.dumps(report.to_dict()))).tables.review_litigation == (
        report.tables.review_litigation
    )


def test_decided_is_written_and_read_back() -> None:
    check = Check(
        "applications.row_total.granted", "a = b", 3, 3, "pass", ("applications.granted.total",), True
    )
    data = Report(checks=(check,)).to_dict()
    assert data["checks"][0]["decided"] is True
    assert Report.from_dict(data).checks == (check,)
    plain = Report(checks=(attrs.evolve(check, decided=False),)).to_dict()
    assert plain["checks"][0]["decided"] is False


def test_table_templates_round_trip_per_table() -> None:
    tables = Tables(
        applications=ApplicationsTable({"granted": {"total": Cell(1, "1", "number")}}, template="2019"),
        review_litigation=ReviewLitigationTable(
            {"review": {"total": Cell(1, "1", "number")}}, template="2021"
        ),
    )
    data = Report(template="2021", tables=tables).to_dict()
    assert data["table_templates"] == {"applications": "2019", "review_litigation": "2021"}
    back = Report.from_dict(data).tables
    assert back.applications is not None and back.applications.template == "2019"
    assert back.review_litigation is not None and back.review_litigation.template == "2021"
    assert "table_templates" not in Report().to_dict()
