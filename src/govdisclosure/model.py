"""The report model: frozen attrs value classes that mirror SCHEMA.md (govdisclosure/1).

Longer than 300 lines on purpose: one frozen class per SCHEMA.md object, kept together so the data
contract reads in one place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any, ClassVar, Literal, get_args

import attrs

from .diagnostics import Severity, severity_of

SCHEMA_VERSION = "govdisclosure/1"

CellKind = Literal["number", "blank", "none", "text"]
# How a cell's place was settled when the text does not show it (SCHEMA.md `basis`): digits run
# together and split by the identities, values printed apart from their labels and placed in
# the template's order, or placed by a sentence of the report that states the same numbers.
Basis = Literal["split", "order", "prose"]
MarkerStyle = Literal["cjk", "cjk_paren", "arabic", "arabic_paren", "ordinal_phrase", "circled"]
CheckStatus = Literal["pass", "fail", "uncertain"]
Number = int | Decimal

CELL_KINDS: tuple[CellKind, ...] = ("number", "blank", "none", "text")
BASES: tuple[Basis, ...] = get_args(Basis)
#: Bases under which a check that passes is how the cells were placed, not evidence (`decided`).
DECIDING_BASES: frozenset[Basis] = frozenset({"split", "order"})
MARKER_STYLES: tuple[MarkerStyle, ...] = get_args(MarkerStyle)
CHECK_STATUSES: tuple[CheckStatus, ...] = get_args(CheckStatus)


@attrs.frozen
class Where:
    """A cell's place in a source document (SCHEMA.md `where`): 1-based page, table, row, column."""

    page: int | None
    table: int
    row: int
    column: int


@attrs.frozen
class Cell:
    """One table cell: its value, the text it was read from, and where."""

    value: Number | None
    raw: str
    kind: CellKind
    unit: str | None = None
    line: int | None = None
    # None when the text prints the cell in its own place; else how its place was settled.
    basis: Basis | None = None
    where: Where | None = None

    @classmethod
    def blank(cls, raw: str = "", line: int | None = None) -> Cell:
        """A cell printed empty (spaces, NBSP): never 0."""
        return cls(None, raw, "blank", None, line)


@attrs.frozen
class Marker:
    """A heading's numbering as printed (一、 （一） 1、 (1) 一是 …) and what it stands for."""

    text: str
    style: MarkerStyle
    ordinal: int


@attrs.frozen
class Section:
    """A numbered section: marker, title, its own prose and its sub-sections."""

    marker: Marker | None
    title: str
    text: str = ""
    children: tuple[Section, ...] = ()
    kind: str | None = None
    line: int | None = None

    def walk(self) -> Iterator[Section]:
        """This section and every descendant, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


Rows = dict[str, dict[str, Cell]]


@attrs.frozen(hash=False)
class Table:
    """A statutory table: rows keyed by SCHEMA.md identifier, each a mapping of column id to Cell."""

    name: ClassVar[str] = ""

    rows: Rows = attrs.field(factory=dict)
    template: str | None = attrs.field(default=None, eq=False)
    line: int | None = attrs.field(default=None, eq=False)

    def __getitem__(self, row: str) -> dict[str, Cell]:
        return self.rows[row]

    def __iter__(self) -> Iterator[str]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def cell(self, row: str, column: str) -> Cell | None:
        """The cell at (row, column), or None when the text does not hold it."""
        return self.rows.get(row, {}).get(column)

    def value(self, row: str, column: str) -> Number | None:
        """The number at (row, column), or None when absent, blank or not a number."""
        found = self.cell(row, column)
        return None if found is None else found.value

    def cells(self) -> Iterator[tuple[str, str, Cell]]:
        """Every (row, column, cell) in row order."""
        for row, columns in self.rows.items():
            for column, found in columns.items():
                yield row, column, found

    def __repr__(self) -> str:
        """A one-line summary (the cells are many: `print` a table or display it to see them)."""
        kinds = Counter(found.kind for _, _, found in self.cells())
        counted = ", ".join(f"{kinds[k]} {k}" for k in CELL_KINDS if kinds[k])
        return (
            f"<{type(self).__name__} {self.name}: {len(self.rows)} rows, "
            f"{sum(kinds.values())} cells ({counted or 'none'}), template {self.template}>"
        )

    def _repr_html_(self) -> str:
        """The table in its official merged-cell layout, for Jupyter."""
        from .display import table_html

        return table_html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython's text display: the table drawn as aligned text."""
        from .display import pretty

        pretty(self, printer, cycle)


@attrs.frozen(hash=False, repr=False)  # Table's one-line __repr__
class ActiveDisclosureTable(Table):
    """二、主动公开政府信息情况: items (规章, 行政许可 …) by column."""

    name: ClassVar[str] = "active_disclosure"


@attrs.frozen(hash=False, repr=False)  # Table's one-line __repr__
class ApplicationsTable(Table):
    """三、收到和处理政府信息公开申请情况: outcome rows by applicant column."""

    name: ClassVar[str] = "applications"


@attrs.frozen(hash=False, repr=False)  # Table's one-line __repr__
class ReviewLitigationTable(Table):
    """四、政府信息公开行政复议、行政诉讼情况: three groups by result column."""

    name: ClassVar[str] = "review_litigation"


TABLE_CLASSES: dict[str, type[Table]] = {
    cls.name: cls for cls in (ActiveDisclosureTable, ApplicationsTable, ReviewLitigationTable)
}
TABLE_NAMES: tuple[str, ...] = tuple(TABLE_CLASSES)


@attrs.frozen(hash=False)
class Tables:
    """The three statutory tables; a table the text does not contain is None, never zeros."""

    active_disclosure: ActiveDisclosureTable | None = None
    applications: ApplicationsTable | None = None
    review_litigation: ReviewLitigationTable | None = None

    def __getitem__(self, name: str) -> Table | None:
        if name not in TABLE_CLASSES:
            raise KeyError(name)
        found: Table | None = getattr(self, name)
        return found

    def items(self) -> Iterator[tuple[str, Table | None]]:
        """(name, table or None) for the three tables in SCHEMA.md order."""
        for name in TABLE_NAMES:
            yield name, self[name]

    def __repr__(self) -> str:
        """Which tables the text holds, each in one line."""
        return (
            "<Tables "
            + ", ".join(f"{n}={t!r}" if t is not None else f"{n}=None" for n, t in self.items())
            + ">"
        )


@attrs.frozen
class Check:
    """One accounting identity applied to the report's numbers."""

    name: str
    expression: str
    left: Number | None
    right: Number | None
    status: CheckStatus
    cells: tuple[str, ...] = ()
    # True when a cell among `cells` was placed by a split or by printed order that this identity
    # chose: its pass is how the cells were placed, not independent evidence (SCHEMA.md).
    decided: bool = False


@attrs.frozen
class Diagnostic:
    """Something the parser noticed and could not settle, with the line it concerns."""

    code: str
    message: str
    line: int | None = None

    @property
    def severity(self) -> Severity:
        """error, warning or info, derived from the code."""
        return severity_of(self.code)


@attrs.frozen(hash=False)
class Report:
    """A parsed 政府信息公开工作年度报告: metadata, outline, tables, checks and diagnostics."""

    title: str | None = None
    organ: str | None = None
    year: int | None = None
    template: str | None = None
    sections: tuple[Section, ...] = ()
    tables: Tables = attrs.field(factory=Tables)
    checks: tuple[Check, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    # How parse_file decoded the bytes; not part of the JSON contract.
    encoding: str | None = attrs.field(default=None, eq=False)

    schema: ClassVar[str] = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """The SCHEMA.md JSON form (plain dicts, lists, str, int, float, None)."""
        from .convert import unstructure_report

        return unstructure_report(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        """Read a Report back from its SCHEMA.md JSON form."""
        from .convert import structure_report

        return structure_report(data)

    def to_frame(self, *, exact: bool = False) -> Any:
        """One tidy pandas DataFrame row per cell (see govdisclosure.frame); needs pandas."""
        from .frame import to_frame

        return to_frame([self], exact=exact)

    def __repr__(self) -> str:
        """A one-line summary: who, which year and template, what was found and what failed."""
        found = sum(table is not None for _, table in self.tables.items())
        status = Counter(c.status for c in self.checks)
        failed = ", ".join(c.name for c in self.failed_checks[:2])
        more = f" +{len(self.failed_checks) - 2}" if len(self.failed_checks) > 2 else ""
        return (
            f"<Report {self.organ or '?'} {self.year or '?'} (template {self.template}): "
            f"{len(self.sections)} sections, tables {found}/3, checks {status['pass']} pass "
            f"/ {status['fail']} fail / {status['uncertain']} uncertain"
            + (f" [{failed}{more}]" if failed else "")
            + f", {len(self.diagnostics)} diagnostics>"
        )

    def _repr_html_(self) -> str:
        """Metadata, outline and the three tables in the official layout, for Jupyter."""
        from .display import report_html

        return report_html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython's text display: a summary and the three tables as aligned text."""
        from .display import pretty

        pretty(self, printer, cycle)

    @property
    def failed_checks(self) -> tuple[Check, ...]:
        """The checks whose status is fail."""
        return tuple(c for c in self.checks if c.status == "fail")

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The error-level diagnostics."""
        return tuple(d for d in self.diagnostics if d.severity == "error")

    def walk_sections(self) -> Iterator[Section]:
        """Every section and sub-section in reading order."""
        for section in self.sections:
            yield from section.walk()
