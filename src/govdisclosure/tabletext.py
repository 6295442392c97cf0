"""The three tables as aligned text: rows in the template's order, CJK double width (§1.3-1.5).

`text_tables` lays each table out in its template's order (table 二 by block, 三 by outcome group,
四 by group) and `plain_tables` aligns it for CJK double width; the command line's `--format table`
(formats.py) and IPython's display (display.py) print it.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Literal

import attrs

from .checks import application_checks, review_checks
from .frame import column_label, template_of
from .model import TABLE_NAMES, Cell, Check, Report, Table
from .templates import Template, TemplateRegistry, default_templates

__all__ = [
    "ABSENT",
    "FAILED_MARK",
    "INDENT",
    "LEGEND",
    "TextRow",
    "TextTable",
    "cell_text",
    "display_width",
    "failed_cells",
    "heading",
    "own_checks",
    "plain_table",
    "plain_tables",
    "text_table",
    "text_tables",
]

# What a table prints for a cell the text does not hold at all (SCHEMA.md: absent, not blank).
ABSENT = "·"
# Marks a cell of a failed identity where colour is not available.
FAILED_MARK = "!"
LEGEND = f"{ABSENT} not in the text   {FAILED_MARK} a cell of a failed check"
INDENT = "  "


RowKind = Literal["caption", "header", "group", "row"]


@attrs.frozen
class TextRow:
    """One printed row: its kind, its texts, and which texts belong to a failed check."""

    kind: RowKind
    texts: tuple[str, ...]
    failed: tuple[bool, ...] = ()


@attrs.frozen
class TextTable:
    """One statutory table as rows of texts, the first column labels, the others values."""

    name: str
    title: str
    rows: tuple[TextRow, ...]

    @property
    def width(self) -> int:
        """The number of columns."""
        return max((len(r.texts) for r in self.rows), default=1)


def cell_text(cell: Cell | None, label: str | None = None) -> str:
    """What a cell prints: its number (with a unit its column label does not name), none/text as raw."""
    if cell is None:
        return ABSENT
    if cell.kind == "number" and cell.value is not None:
        number = format(cell.value, "f") if isinstance(cell.value, Decimal) else str(cell.value)
        return number + (cell.unit if cell.unit and cell.unit not in (label or "") else "")
    if cell.kind == "blank":
        return ""
    return " ".join(cell.raw.split())


def _values(
    table: Table, name: str, row: str, columns: Sequence[str], template: Template, failed: frozenset[str]
) -> TextRow:
    labels = [column_label(template, name, c) for c in columns]
    texts = tuple(cell_text(table.cell(row, c), label) for c, label in zip(columns, labels, strict=True))
    flags = tuple(f"{name}.{row}.{c}" in failed for c in columns)
    return TextRow("row", texts, flags)


def _with_label(label: str, row: TextRow) -> TextRow:
    return TextRow(row.kind, (label, *row.texts), (False, *row.failed))


def _active_rows(table: Table, template: Template, failed: frozenset[str]) -> Iterator[TextRow]:
    spec = template.active_disclosure
    placed: set[str] = set()
    for block in spec.blocks:
        rows = [r for r in block.rows if r in table.rows]
        if not rows:
            continue
        yield TextRow("caption", (block.caption,))
        yield TextRow("header", (spec.header, *(spec.columns[c].label.label for c in block.columns)))
        for row in rows:
            placed.add(row)
            yield _with_label(
                spec.rows[row].label,
                _values(table, "active_disclosure", row, block.columns, template, failed),
            )
    yield from _unplaced(table, "active_disclosure", placed, template, failed)


def _unplaced(
    table: Table, name: str, placed: set[str], template: Template, failed: frozenset[str]
) -> Iterator[TextRow]:
    """Rows the template does not know (kept by the model): their ids, their own columns."""
    for row, columns in table.rows.items():
        if row not in placed:
            yield TextRow("header", (row, *columns))
            yield _with_label(row, _values(table, name, row, tuple(columns), template, failed))


def _applications_rows(table: Table, template: Template, failed: frozenset[str]) -> Iterator[TextRow]:
    spec = template.applications
    columns = spec.value_columns
    yield TextRow("header", ("", *(spec.columns[c].label.label for c in columns)))
    placed: set[str] = set()
    shown_groups: set[str] = set()
    for row in spec.rows:
        if row.id not in table.rows:
            continue
        placed.add(row.id)
        if row.role in ("outcome", "outcome_total") and not shown_groups:
            # 三、本年度办理结果 heads the outcome rows, as its merged cell does (FORMAT.md §1.4).
            shown_groups.add("")
            yield TextRow("group", (spec.outcome_group.label,))
        label = row.label.label
        if row.group is not None:
            if row.group not in shown_groups:
                shown_groups.add(row.group)
                yield TextRow("group", (spec.groups[row.group].label,))
            label = INDENT + label
        yield _with_label(label, _values(table, "applications", row.id, columns, template, failed))
    yield from _unplaced(table, "applications", placed, template, failed)


def _review_rows(table: Table, template: Template, failed: frozenset[str]) -> Iterator[TextRow]:
    spec = template.review_litigation
    columns = tuple(spec.columns)
    yield TextRow("header", ("", *(spec.columns[c].label.label for c in columns)))
    for group, label in spec.groups.items():
        if group in table.rows:
            yield _with_label(
                label.label, _values(table, "review_litigation", group, columns, template, failed)
            )
    yield from _unplaced(table, "review_litigation", set(spec.groups), template, failed)


def text_table(
    table: Table, report: Report | None = None, *, templates: TemplateRegistry | None = None
) -> TextTable:
    """One table as rows of texts in its template's order: 二 by block, 三 by outcome group, 四 by group."""
    registry = templates if templates is not None else default_templates()
    template = template_of(report, table, registry)
    name = type(table).name
    failed = frozenset(failed_cells(table, report, template))
    if name == "active_disclosure":
        title, rows = template.active_disclosure.title, _active_rows(table, template, failed)
    elif name == "applications":
        title, rows = template.applications.title, _applications_rows(table, template, failed)
    else:
        title, rows = template.review_litigation.title, _review_rows(table, template, failed)
    return TextTable(name, title, tuple(rows))


def text_tables(report: Report, *, templates: TemplateRegistry | None = None) -> list[TextTable]:
    """The report's tables (those it holds) as TextTables, in SCHEMA.md order."""
    return [
        text_table(table, report, templates=templates)
        for name in TABLE_NAMES
        if (table := report.tables[name]) is not None
    ]


def display_width(text: str) -> int:
    """Terminal columns a text takes: wide and full-width characters (CJK) take two, combining none."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def plain_table(table: TextTable) -> str:
    """A TextTable as aligned plain text: labels left, values right, a failed cell marked with !."""
    grid = []
    for row in table.rows:
        texts = [
            text + FAILED_MARK if i < len(row.failed) and row.failed[i] else text
            for i, text in enumerate(row.texts)
        ]
        grid.append((row.kind, texts))
    widths = [0] * table.width
    for kind, texts in grid:
        # Captions and group labels stand on their own line and may run across the value columns.
        if kind in ("caption", "group"):
            continue
        for i, text in enumerate(texts):
            widths[i] = max(widths[i], display_width(text))
    lines = [table.title]
    for kind, texts in grid:
        if kind in ("caption", "group"):
            lines.append(texts[0])
            continue
        cells = [_pad(t, widths[i], right=i > 0) for i, t in enumerate(texts)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def heading(report: Report, title: str | None = None) -> str:
    """One line naming the report: source or title, organ, year, template, failed checks."""
    parts = [title or report.title or "report"]
    facts = [report.organ or "-", str(report.year) if report.year is not None else "-"]
    facts.append(f"template {report.template or '-'}")
    failed = len(report.failed_checks)
    facts.append(f"{failed} failed check{'s' if failed != 1 else ''}" if failed else "checks not failed")
    return f"{parts[0]} ({', '.join(facts)})"


def plain_tables(
    report: Report, *, templates: TemplateRegistry | None = None, title: str | None = None
) -> str:
    """The report's heading and its tables as aligned plain text."""
    tables = text_tables(report, templates=templates)
    blocks = [heading(report, title)]
    blocks += [plain_table(t) for t in tables] if tables else ["(no tables)"]
    blocks.append(LEGEND)
    return "\n\n".join(blocks) + "\n"


def own_checks(table: Table, template: Template) -> list[Check]:
    """The in-report identities of one table alone (for a table shown without its report)."""
    name = type(table).name
    if name == "applications":
        return application_checks(table, template)
    if name == "review_litigation":
        return review_checks(table, template)
    return []


def failed_cells(table: Table, report: Report | None, template: Template) -> dict[str, list[str]]:
    """table.row.column -> names of the failed checks it is in (the report's, or the table's own)."""
    checks = report.checks if report is not None else own_checks(table, template)
    found: dict[str, list[str]] = defaultdict(list)
    for check in checks:
        if check.status == "fail":
            for path in check.cells:
                found[path].append(check.name)
    return found
