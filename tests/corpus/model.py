"""The generated report: cells, sections, tables, layout hints; and its truth in SCHEMA.md's JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Json = dict[str, Any]
Table = dict[str, dict[str, "Cell"]]
NONE_MARKS: frozenset[str] = frozenset({"无", "/", "-", "—", "不适用"})
BLANK_CHARS = " \t\u00a0\u3000"


@dataclass(frozen=True)
class Cell:
    """One value cell: the text printed, its value and kind (SCHEMA.md), and any unit it carries."""

    raw: str
    value: int | float | None
    kind: str
    unit: str | None = None

    def to_json(self) -> Json:
        """The SCHEMA.md cell object."""
        out: Json = {"value": self.value, "raw": self.raw, "kind": self.kind}
        if self.unit is not None:
            out["unit"] = self.unit
        return out


@dataclass
class Section:
    """A heading with its prose and subsections; `markup` and `sep` say how the HTML prints it."""

    marker: str
    style: str
    ordinal: int
    title: str
    paragraphs: list[str]
    markup: str = "h"
    sep: str = ""
    run_in: bool = False
    children: list[Section] = field(default_factory=list)

    def to_json(self) -> Json:
        """The SCHEMA.md section object (plus `run_in` for run-in headings)."""
        out: Json = {
            "marker": self.marker,
            "style": self.style,
            "ordinal": self.ordinal,
            "title": self.title,
            "text": "\n".join(self.paragraphs),
            "children": [child.to_json() for child in self.children],
        }
        if self.run_in:
            out["run_in"] = True
        return out


@dataclass(frozen=True)
class Layout:
    """How the HTML is written: header cell tag, Word-style <p> in cells, two-line headers, markup."""

    header_tag: str
    p_cells: bool
    br_headers: bool
    table_open: str
    title_markup: str
    heading_markup: str
    tbody: bool


@dataclass
class Report:
    """One synthetic report: metadata, sections, tables (None when missing), traits and layout."""

    id: str
    slug: str
    organ: str
    year: int
    kind: str
    title: str
    sections: list[Section]
    tables: dict[str, Table | None]
    traits: Json
    layout: Layout
    variants: frozenset[str]
    procurement_header: str = "采购总金额"

    @property
    def active_template(self) -> str:
        """Template of table 二's labels."""
        return "2019" if self.kind == "2019" else "2021"

    @property
    def applications_template(self) -> str:
        """Template of table 三's labels (2019 in mixed reports)."""
        return "2021" if self.kind == "2021" else "2019"

    def truth(self) -> Json:
        """The report in SCHEMA.md's JSON form, with the extra key `traits`."""
        out: Json = {
            "schema": "govdisclosure/1",
            "id": self.id,
            "title": self.title,
            "organ": self.organ,
            "year": self.year,
            "template": self.active_template,
        }
        if self.kind == "mixed":
            out["table_templates"] = {"active_disclosure": "2021", "applications": "2019"}
        out["sections"] = [section.to_json() for section in self.sections]
        out["tables"] = {name: _table_json(table) for name, table in self.tables.items()}
        out["traits"] = self.traits
        return out


def _table_json(table: Table | None) -> Json | None:
    """A table as nested objects of cell objects (None stays None)."""
    if table is None:
        return None
    return {row: {col: cell.to_json() for col, cell in cols.items()} for row, cols in table.items()}


def classify(raw: str) -> str:
    """The SCHEMA.md kind a printed cell text has."""
    text = raw.strip(BLANK_CHARS)
    if not text:
        return "blank"
    if any(ch.isdigit() for ch in text):
        return "number"
    return "none" if text in NONE_MARKS else "text"


def parse_number(raw: str) -> int | float:
    """The value of a printed number: commas, sign `+` and unit 元/万元 removed."""
    text = raw.strip(BLANK_CHARS).replace(",", "").removesuffix("万元").removesuffix("元").lstrip("+")
    return float(text) if "." in text else int(text)


def check_cell(cell: Cell) -> None:
    """Assert that a cell's kind and value match its raw text."""
    kind = classify(cell.raw)
    assert cell.kind == kind, f"kind {cell.kind} for raw {cell.raw!r} (expected {kind})"
    if kind == "number":
        assert cell.value == parse_number(cell.raw), f"value {cell.value} for raw {cell.raw!r}"
    else:
        assert cell.value is None, f"value {cell.value} for non-number raw {cell.raw!r}"
        assert cell.unit is None, f"unit on a non-number cell {cell.raw!r}"
