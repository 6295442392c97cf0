"""How a report looks in IPython and Jupyter: text from tabletext.py, HTML tables (§1.3-1.5).

`pretty` is IPython's `_repr_pretty_` (a report's heading, outline and tables as aligned text).
`report_html` shows the metadata, the outline and the official merged-cell tables
(render/grid.py), the cells of a failed check highlighted; `table_html` does one table.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from html import escape
from typing import Any

from .frame import column_label, template_of
from .model import TABLE_NAMES, Cell, Check, Report, Section, Table
from .tabletext import (
    INDENT,
    LEGEND,
    cell_text,
    failed_cells,
    plain_table,
    plain_tables,
    text_table,
)
from .templates import Template, TemplateRegistry, default_templates

__all__ = ["pretty", "report_html", "table_html"]


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
    failed = failed_cells(table, report, template)
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


# The columns of a comparison's view: (heading, the diff record's keys in order of preference).
_DIFF_VIEW = (
    ("table", ("table",)),
    ("row", ("row_label", "row")),
    ("column", ("column_label", "column")),
    ("status", ("status",)),
    ("earlier", ("earlier_raw",)),
    ("later", ("later_raw",)),
    ("delta", ("delta",)),
)


def comparison_html(summary: str, failed: Sequence[Check], records: Iterable[Mapping[str, Any]]) -> str:
    """A comparison for a notebook: its summary, failed checks, and every diff record not the same."""

    def shown(record: Mapping[str, Any], keys: tuple[str, ...]) -> str:
        value = next((record[k] for k in keys if record[k] is not None), None)
        return "" if value is None else escape(str(value))

    head = "".join(f"<th>{title}</th>" for title, _ in _DIFF_VIEW)
    body = "".join(
        "<tr>" + "".join(f"<td>{shown(r, keys)}</td>" for _, keys in _DIFF_VIEW) + "</tr>"
        for r in records
        if r["status"] != "same"
    )
    checks = "".join(f"<li>{escape(c.name)}: {c.left} != {c.right}</li>" for c in failed)
    return (
        f"<div><p>{escape(summary)}</p>"
        + (f"<p>Failed checks:</p><ul>{checks}</ul>" if checks else "")
        + f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )
