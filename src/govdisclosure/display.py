"""How a report looks: the three tables as text (terminal, IPython) and as HTML (Jupyter), §1.3-1.5.

Text: `text_tables` lays each table out in its template's order (table 二 by block, 三 by outcome
group, 四 by group) and `plain_tables` aligns it for CJK double width. HTML: `report_html` shows
the metadata, the outline and the official merged-cell tables (render/grid.py), the cells of a
failed check highlighted; `table_html` does one table.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict, deque
from collections.abc import Iterator, Sequence
from decimal import Decimal
from html import escape
from typing import Any, Literal

import attrs

from .checks import application_checks, review_checks
from .frame import column_label, template_of
from .model import TABLE_NAMES, Cell, Check, Report, Section, Table
from .templates import Template, TemplateRegistry, default_templates

__all__ = [
    "TextRow",
    "TextTable",
    "cell_text",
    "display_width",
    "plain_tables",
    "pretty",
    "report_html",
    "table_html",
    "text_table",
    "text_tables",
]

# What a table prints for a cell the text does not hold at all (SCHEMA.md: absent, not blank).
ABSENT = "·"
# Marks a cell of a failed identity where colour is not available.
FAILED_MARK = "!"
LEGEND = f"{ABSENT} not in the text   {FAILED_MARK} a cell of a failed check"
INDENT = "  "


# --- text ------------------------------------------------------------------------------------

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
    failed = frozenset(_failed_checks(table, report, template))
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


def _failed_checks(table: Table, report: Report | None, template: Template) -> dict[str, list[str]]:
    """table.row.column -> names of the failed checks it is in (the report's, or the table's own)."""
    checks = report.checks if report is not None else own_checks(table, template)
    found: dict[str, list[str]] = defaultdict(list)
    for check in checks:
        if check.status == "fail":
            for path in check.cells:
                found[path].append(check.name)
    return found


# --- IPython ---------------------------------------------------------------------------------


def _outline_lines(sections: Sequence[Section], depth: int = 0) -> Iterator[str]:
    for section in sections:
        marker = section.marker.text if section.marker else ""
        yield f"{INDENT * depth}{marker}{section.title}"
        yield from _outline_lines(section.children, depth + 1)


def pretty(obj: Report | Table, printer: Any, cycle: bool) -> None:
    """IPython's `_repr_pretty_`: a report's heading, top-level outline and tables; a table alone."""
    if cycle:
        printer.text(f"{type(obj).__name__}(...)")
        return
    if isinstance(obj, Report):
        text = plain_tables(obj)
        outline = list(_outline_lines(obj.sections))
        if outline:
            head, _, rest = text.partition("\n\n")
            text = "\n\n".join([head, "\n".join(outline), rest])
    else:
        text = plain_table(text_table(obj)) + "\n\n" + LEGEND
    printer.text(text.rstrip("\n"))


# --- HTML ------------------------------------------------------------------------------------

FAIL_STYLE = "background:#fde2e2;color:#a40000;font-weight:bold"
ABSENT_STYLE = "background:#f3f3f3"
HEAD_STYLE = "background:#f6f8fa;font-weight:normal"
TABLE_STYLE = "border-collapse:collapse;margin:0.5em 0"
CELL_STYLE = "border:1px solid #bbb;padding:2px 6px"


def _attrs(**values: str | int | None) -> str:
    out = ""
    for key, value in values.items():
        if value is None or (value == 1 and key in ("colspan", "rowspan")):
            continue
        out += f' {key.replace("_", "-")}="{escape(str(value))}"'
    return out


def _value_td(path: str | None, cell: Cell | None, fails: list[str], label: str | None) -> str:
    style = CELL_STYLE + ";text-align:right"
    if cell is None:
        style += ";" + ABSENT_STYLE
        return f"<td{_attrs(data_path=path, data_kind='absent', title='not in the text', style=style)}></td>"
    where = f"raw {cell.raw!r}" + (f", line {cell.line}" if cell.line is not None else "")
    if fails:
        where += "; failed: " + ", ".join(fails)
        style += ";" + FAIL_STYLE
    text = "" if cell.kind == "blank" else cell_text(cell, label)
    attributes = _attrs(data_path=path, data_kind=cell.kind, title=where, style=style)
    return f"<td{attributes}>{escape(text, quote=False)}</td>"


def _grid_table(table: Table, template: Template, report: Report | None) -> str:
    # The official merged-cell grid is render/'s; the value slots are filled here with paths.
    from .render.grid import Slot, table_grid

    name = type(table).name
    grid = table_grid(name, table, template)
    failed = _failed_checks(table, report, template)
    # A grid slot holds the very Cell object of the table: its identity gives the cell's path.
    paths: dict[int, deque[tuple[str, str]]] = defaultdict(deque)
    for row, column, cell in table.cells():
        paths[id(cell)].append((row, column))
    out = [f'<table class="gd-table"{_attrs(data_table=name, style=TABLE_STYLE)}>']
    for grid_row in grid.rows:
        cells = []
        for slot in grid_row:
            if not isinstance(slot, Slot):
                continue
            span = {"colspan": slot.colspan, "rowspan": slot.rowspan}
            if slot.role != "value":
                style = CELL_STYLE + (";" + HEAD_STYLE if slot.role in ("header", "caption") else "")
                tag = "th" if slot.role in ("header", "caption", "group") else "td"
                cells.append(f"<{tag}{_attrs(**span, style=style)}>{escape(slot.text, quote=False)}</{tag}>")
                continue
            row_col = (
                paths[id(slot.cell)].popleft() if slot.cell is not None and paths[id(slot.cell)] else None
            )
            path = f"{name}.{row_col[0]}.{row_col[1]}" if row_col else None
            label = column_label(template, name, row_col[1]) if row_col else None
            td = _value_td(path, slot.cell, failed.get(path or "", []), label)
            cells.append(td.replace("<td", "<td" + _attrs(**span), 1))
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    out += _leftovers(name, paths, table, template, failed)
    return "\n".join(out)


def _leftovers(
    name: str,
    paths: dict[int, deque[tuple[str, str]]],
    table: Table,
    template: Template,
    failed: dict[str, list[str]],
) -> list[str]:
    """Cells the official grid has no place for (a row or column of another template): listed, not lost."""
    left = [rc for queue in paths.values() for rc in queue]
    if not left:
        return []
    order = {(row, column): i for i, (row, column, _) in enumerate(table.cells())}
    rows = []
    for row, column in sorted(left, key=lambda rc: order[rc]):
        path = f"{name}.{row}.{column}"
        label = column_label(template, name, column)
        head = f'<th style="{CELL_STYLE};{HEAD_STYLE};text-align:left">{escape(f"{row} / {column}")}</th>'
        rows.append(f"<tr>{head}{_value_td(path, table.cell(row, column), failed.get(path, []), label)}</tr>")
    caption = "<caption>cells outside the official layout</caption>"
    return [f'<table class="gd-extra" style="{TABLE_STYLE}">{caption}', *rows, "</table>"]


def table_html(
    table: Table, report: Report | None = None, *, templates: TemplateRegistry | None = None
) -> str:
    """One table in the official merged-cell layout, each value cell with its path, kind, raw and line."""
    registry = templates if templates is not None else default_templates()
    template = template_of(report, table, registry)
    title = text_table(table, report, templates=registry).title
    body = _grid_table(table, template, report)
    return f'<div class="govdisclosure"><h4>{escape(title, quote=False)}</h4>\n{body}</div>'


def _outline_html(sections: Sequence[Section]) -> str:
    items = []
    for section in sections:
        marker = section.marker.text if section.marker else ""
        children = _outline_html(section.children) if section.children else ""
        items.append(f"<li>{escape(marker + section.title, quote=False)}{children}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def _checks_html(report: Report) -> str:
    counts = {s: sum(c.status == s for c in report.checks) for s in ("pass", "fail", "uncertain")}
    head = f"{counts['pass']} pass, {counts['fail']} fail, {counts['uncertain']} uncertain"
    items = "".join(
        f'<li><span style="{FAIL_STYLE}">{escape(c.name)}: {c.left} &ne; {c.right}</span> '
        f"<details><summary>expression</summary><code>{escape(c.expression)}</code></details></li>"
        for c in report.failed_checks
    )
    return head + (f"<ul>{items}</ul>" if items else "")


def report_html(report: Report, *, templates: TemplateRegistry | None = None) -> str:
    """Metadata, outline, the three tables in the official layout and the failed checks, for Jupyter."""
    registry = templates if templates is not None else default_templates()
    meta = [
        ("organ", report.organ),
        ("year", report.year),
        ("template", report.template),
        ("schema", report.schema),
        ("encoding", report.encoding),
    ]
    rows = "".join(
        f'<tr><th style="{CELL_STYLE};{HEAD_STYLE};text-align:left">{key}</th>'
        f'<td style="{CELL_STYLE}">{escape("-" if value is None else str(value), quote=False)}</td></tr>'
        for key, value in meta
        if key != "encoding" or value is not None
    )
    rows += f'<tr><th style="{CELL_STYLE};{HEAD_STYLE};text-align:left">checks</th>'
    rows += f'<td style="{CELL_STYLE}">{_checks_html(report)}</td></tr>'
    out = ['<div class="govdisclosure">']
    out.append(f"<h3>{escape(report.title or 'Report', quote=False)}</h3>")
    out.append(f'<table class="gd-meta" style="{TABLE_STYLE}">{rows}</table>')
    sections = sum(1 for _ in report.walk_sections())
    out.append(
        f"<details><summary>outline ({sections} sections)</summary>{_outline_html(report.sections)}</details>"
    )
    for name in TABLE_NAMES:
        table = report.tables[name]
        if table is None:
            out.append(f"<p><em>{escape(name)}: not in the text</em></p>")
            continue
        out.append(table_html(table, report, templates=registry))
    if report.diagnostics:
        items = "".join(
            f"<li>{escape(d.severity)} <code>{escape(d.code)}</code> "
            f"{'' if d.line is None else f'line {d.line}: '}{escape(d.message, quote=False)}</li>"
            for d in report.diagnostics
        )
        out.append(
            f"<details><summary>diagnostics ({len(report.diagnostics)})</summary><ul>{items}</ul></details>"
        )
    out.append("</div>")
    return "\n".join(out)
