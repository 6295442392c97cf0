"""The one cattrs converter between the model and SCHEMA.md's JSON form (govdisclosure/1).

Longer than 300 lines on purpose: the one converter (attrs/cattrs style): every structure and
unstructure hook of the model in one place.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, cast

import attrs
import cattrs
from cattrs.errors import ClassValidationError

from .errors import GovDisclosureError
from .model import (
    BASES,
    CELL_KINDS,
    CHECK_STATUSES,
    MARKER_STYLES,
    SCHEMA_VERSION,
    TABLE_CLASSES,
    Cell,
    Check,
    CheckStatus,
    Diagnostic,
    Marker,
    Number,
    Report,
    Section,
    Table,
    Tables,
    Where,
)
from .values import read_cell


class SchemaError(GovDisclosureError, ValueError):
    """A dict does not follow SCHEMA.md, so no Report can be built from it."""


def _number_out(value: Number | None) -> int | float | None:
    if isinstance(value, Decimal):
        # JSON has one number type; the exact digits stay in the cell's raw text.
        return float(value)
    return value


def _number_in(value: Any) -> Number | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return Decimal(repr(value))
    if isinstance(value, (str, Decimal)):
        number = Decimal(value)
        if number.is_finite():
            return number
    raise SchemaError(f"not a number: {value!r}")


def _cell_out(cell: Cell) -> dict[str, Any]:
    out: dict[str, Any] = {"value": _number_out(cell.value), "raw": cell.raw, "kind": cell.kind}
    if cell.unit is not None:
        out["unit"] = cell.unit
    out["line"] = cell.line
    if cell.basis is not None:
        out["basis"] = cell.basis
    if cell.where is not None:
        where = cell.where
        out["where"] = {"page": where.page, "table": where.table, "row": where.row, "column": where.column}
    return out


def _where_in(data: Any) -> Where | None:
    if data is None:
        return None
    if not isinstance(data, Mapping):
        raise SchemaError(f"a cell's where must be an object, not {data!r}")
    numbers: dict[str, int | None] = {}
    for key in ("page", "table", "row", "column"):
        value = data.get(key)
        if key == "page" and value is None:
            numbers[key] = None
        elif isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            numbers[key] = value
        else:
            raise SchemaError(f"a cell's where.{key} must be a positive integer, not {value!r}")
    return Where(**numbers)  # type: ignore[arg-type]


def _basis_in(value: Any) -> Any:
    if value is not None and value not in BASES:
        raise SchemaError(f"unknown cell basis {value!r}; expected one of {', '.join(BASES)}")
    return value


def _cell_in(data: Any) -> Cell:
    if not isinstance(data, Mapping):
        # SCHEMA.md allows a bare value: a JSON number is that number (1e+20 too), and
        # anything else is read as if it had been printed so.
        if isinstance(data, (int, float)) and not isinstance(data, bool):
            return Cell(_number_in(data), str(data), "number")
        return read_cell("" if data is None else str(data))
    kind = data.get("kind")
    value = _number_in(data.get("value"))
    raw = data.get("raw")
    if raw is None:
        raw = "" if value is None else str(data.get("value"))
    if kind is None:
        kind = "number" if value is not None else ("blank" if not str(raw).strip() else "none")
    if kind not in CELL_KINDS:
        raise SchemaError(f"unknown cell kind {kind!r}")
    if (kind == "number") != (value is not None):
        # Blank is never 0 (SCHEMA.md): only a number cell has a value, and it always has one.
        raise SchemaError(f"a {kind} cell cannot have the value {data.get('value')!r}")
    if isinstance(value, Decimal):
        # JSON carried a binary64 float; the exact digits are in raw when it prints this number.
        printed = read_cell(str(raw))
        if printed.value is not None and float(printed.value) == float(value):
            value = printed.value
    line = data.get("line")
    return Cell(
        value,
        str(raw),
        kind,
        data.get("unit"),
        line if isinstance(line, int) else None,
        _basis_in(data.get("basis")),
        _where_in(data.get("where")),
    )


def _section_out(section: Section) -> dict[str, Any]:
    marker = section.marker
    return {
        "marker": marker.text if marker else None,
        "style": marker.style if marker else None,
        "ordinal": marker.ordinal if marker else None,
        "title": section.title,
        "text": section.text,
        "children": [_section_out(c) for c in section.children],
        "kind": section.kind,
        "line": section.line,
    }


#: Sections nest a few levels (一、 > （一） > 1. > （1）); a deeper dict is not a report, and
#: refusing it keeps the recursive reader and writer far from Python's recursion limit.
MAX_SECTION_DEPTH = 50


def _typed(data: Mapping[str, Any], key: str, kind: type | tuple[type, ...], default: Any, where: str) -> Any:
    value = data.get(key, default)
    if value is not None and not isinstance(value, kind):
        expected = getattr(kind, "__name__", "a value")
        raise SchemaError(f"{where}.{key}: expected {expected}, got {type(value).__name__}")
    return value


def _section_in(data: Any, where: str = "sections[]", depth: int = 1) -> Section:
    if not isinstance(data, Mapping):
        raise SchemaError(f"{where}: a section must be an object, not {type(data).__name__}")
    if depth > MAX_SECTION_DEPTH:
        raise SchemaError(f"{where}: sections nested more than {MAX_SECTION_DEPTH} deep")
    marker = None
    if data.get("marker") is not None:
        if data.get("style") not in MARKER_STYLES:
            raise SchemaError(f"{where}: unknown marker style {data.get('style')!r}")
        marker = Marker(str(data["marker"]), data["style"], int(data["ordinal"]))
    children = _typed(data, "children", list, [], where)
    line = data.get("line")
    return Section(
        marker,
        _typed(data, "title", str, "", where) or "",
        _typed(data, "text", str, "", where) or "",
        tuple(_section_in(c, f"sections[] (depth {depth + 1})", depth + 1) for c in children or ()),
        _typed(data, "kind", str, None, where),
        line if isinstance(line, int) and not isinstance(line, bool) else None,
    )


def _table_out(table: Table | None) -> dict[str, Any] | None:
    if table is None:
        return None
    return {row: {col: _cell_out(cell) for col, cell in cols.items()} for row, cols in table.rows.items()}


def _table_in(name: str, data: Any) -> Table | None:
    if data is None:
        return None
    if not isinstance(data, Mapping):
        raise SchemaError(f"tables.{name}: expected an object or null")
    rows = {str(row): {str(col): _cell_in(cell) for col, cell in cols.items()} for row, cols in data.items()}
    return TABLE_CLASSES[name](rows)


def _check_status(status: Any) -> CheckStatus:
    if status not in CHECK_STATUSES:
        raise SchemaError(f"unknown check status {status!r}")
    return cast(CheckStatus, status)


def make_converter() -> cattrs.Converter:
    """A converter configured for SCHEMA.md; built fresh so no caller mutates a shared one."""
    converter = cattrs.Converter()
    converter.register_unstructure_hook(Cell, _cell_out)
    converter.register_structure_hook(Cell, lambda d, _: _cell_in(d))
    converter.register_unstructure_hook(Section, _section_out)
    converter.register_structure_hook(Section, lambda d, _: _section_in(d))
    converter.register_unstructure_hook(
        Tables, lambda t: {name: _table_out(table) for name, table in t.items()}
    )
    converter.register_structure_hook(
        Tables,
        lambda d, _: Tables(**{n: _table_in(n, d.get(n)) for n in TABLE_CLASSES}),  # type: ignore[arg-type]
    )
    converter.register_unstructure_hook(
        Check,
        lambda c: {
            "name": c.name,
            "expression": c.expression,
            "left": _number_out(c.left),
            "right": _number_out(c.right),
            "status": c.status,
            "cells": list(c.cells),
            "decided": c.decided,
        },
    )
    converter.register_structure_hook(
        Check,
        lambda d, _: Check(
            d["name"],
            d["expression"],
            _number_in(d.get("left")),
            _number_in(d.get("right")),
            _check_status(d["status"]),
            tuple(d.get("cells", ())),
            bool(d.get("decided", False)),
        ),
    )
    converter.register_unstructure_hook(
        Diagnostic, lambda d: {"code": d.code, "message": d.message, "line": d.line}
    )
    return converter


_CONVERTER = make_converter()


def unstructure_report(report: Report) -> dict[str, Any]:
    """Report -> SCHEMA.md dict, keys in the documented order."""
    c = _CONVERTER
    out = {
        "schema": SCHEMA_VERSION,
        "title": report.title,
        "organ": report.organ,
        "year": report.year,
        "template": report.template,
        "sections": [c.unstructure(s, Section) for s in report.sections],
        "tables": c.unstructure(report.tables, Tables),
        "checks": [c.unstructure(x, Check) for x in report.checks],
        "diagnostics": [c.unstructure(x, Diagnostic) for x in report.diagnostics],
    }
    per_table = {name: table.template for name, table in report.tables.items() if table and table.template}
    if per_table:
        # SCHEMA.md `table_templates`: what each table's own labels show (reports mix them, §2.4).
        out["table_templates"] = per_table
    return out


def _table_templates_in(data: Any, tables: Tables) -> Tables:
    """The tables with the template `table_templates` names for each (SCHEMA.md, optional)."""
    if data is None:
        return tables
    if not isinstance(data, Mapping) or not all(isinstance(v, str) for v in data.values()):
        raise SchemaError("table_templates: expected an object of template names")
    found = {}
    for name, table in tables.items():
        if table is not None and name in data:
            table = attrs.evolve(table, template=data[name])
        found[name] = table
    return Tables(**found)  # type: ignore[arg-type]


def _tables_in(data: Any) -> Mapping[str, Any]:
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise SchemaError("tables: expected an object")
    return data


def structure_report(data: Mapping[str, Any]) -> Report:
    """SCHEMA.md dict -> Report; SchemaError says what is wrong and where."""
    if not isinstance(data, Mapping):
        raise SchemaError("a report must be a JSON object")
    schema = data.get("schema", SCHEMA_VERSION)
    if schema != SCHEMA_VERSION:
        raise SchemaError(f"unsupported schema {schema!r}; this version reads {SCHEMA_VERSION!r}")
    c = _CONVERTER
    try:
        year = data.get("year")
        return Report(
            title=data.get("title"),
            organ=data.get("organ"),
            year=int(year) if year is not None else None,
            template=data.get("template"),
            sections=tuple(c.structure(s, Section) for s in data.get("sections", ())),
            tables=_table_templates_in(
                data.get("table_templates"), c.structure(_tables_in(data.get("tables")), Tables)
            ),
            checks=tuple(c.structure(x, Check) for x in data.get("checks", ())),
            diagnostics=tuple(c.structure(x, Diagnostic) for x in data.get("diagnostics", ())),
        )
    except SchemaError:
        raise
    except ClassValidationError as exc:
        raise SchemaError(f"invalid report: {'; '.join(cattrs.transform_error(exc))}") from exc
    except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
        raise SchemaError(f"invalid report: {type(exc).__name__}: {exc}") from exc
