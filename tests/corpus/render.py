"""Render a generated report to HTML with the official merged-cell grids (FORMAT.md §1.3-1.5)."""

from __future__ import annotations

import html

from corpus import labels as L
from corpus.model import Cell, Layout, Report, Section, Table

STYLE = (
    'body{font-family:"宋体",SimSun,serif;font-size:15px;line-height:1.6}'
    "table{border-collapse:collapse;margin:8px 0}td,th{text-align:center;padding:2px 4px}"
    "@page{size:A4;margin:2cm}"
)
TWO_LINE: dict[str, str] = {"本年新制作数量": "本年新<br/>制作数量", "本年新公开数量": "本年新<br/>公开数量"}


def render_html(report: Report) -> str:
    """The whole page: head with charset, title, six sections with their tables."""
    body = [_title(report)]
    for section in report.sections:
        body.append(_heading(section, "h2"))
        body.extend(_paragraph(text) for text in section.paragraphs)
        for child in section.children:
            body.extend(_child(child))
        table = _table(report, section.ordinal)
        if table:
            body.append(table)
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_esc(report.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        '<div class="article">\n' + "\n".join(body) + "\n</div>\n</body>\n</html>\n"
    )


def _esc(text: str) -> str:
    """Escape for HTML text, NBSP as &nbsp;."""
    return html.escape(text, quote=False).replace("\u00a0", "&nbsp;")


def _title(report: Report) -> str:
    """The report title line."""
    if report.layout.title_markup == "h1":
        return f"<h1>{_esc(report.title)}</h1>"
    return f'<p style="text-align:center"><strong>{_esc(report.title)}</strong></p>'


def _heading(section: Section, tag: str) -> str:
    """A heading on its own line: <h2>/<h3>, <p><strong>, or plain <p>."""
    text = _esc(f"{section.marker}{section.sep}{section.title}")
    if section.markup == "h":
        return f"<{tag}>{text}</{tag}>"
    if section.markup == "strong":
        return f"<p><strong>{text}</strong></p>"
    return f"<p>{text}</p>"


def _paragraph(text: str) -> str:
    """A prose paragraph."""
    return f'<p style="text-indent:2em">{_esc(text)}</p>'


def _child(section: Section) -> list[str]:
    """A subsection: heading then prose, or one run-in paragraph (`一是…。`, bold `（二）…。`)."""
    if not section.run_in:
        return [_heading(section, "h3"), *(_paragraph(text) for text in section.paragraphs)]
    rest = _esc("\n".join(section.paragraphs))
    if section.style == "ordinal_phrase":
        marker = f"<strong>{section.marker}</strong>" if section.markup == "strong" else section.marker
        return [f'<p style="text-indent:2em">{marker}{_esc(section.title)}。{rest}</p>']
    return [f'<p style="text-indent:2em"><strong>{_esc(section.marker + section.title)}。</strong>{rest}</p>']


# --- tables ------------------------------------------------------------------------------------------


class Grid:
    """Builds one <table> row by row with the report's cell conventions."""

    def __init__(self, layout: Layout) -> None:
        """Start an empty table."""
        self.layout = layout
        self.rows: list[str] = []
        self.current: list[str] = []

    def cell(
        self, text: str, header: bool = False, colspan: int = 1, rowspan: int = 1, raw_html: str = ""
    ) -> None:
        """Add one cell (a header cell uses the layout's header tag)."""
        tag = self.layout.header_tag if header else "td"
        attrs = (f' colspan="{colspan}"' if colspan > 1 else "") + (
            f' rowspan="{rowspan}"' if rowspan > 1 else ""
        )
        content = raw_html or _esc(text)
        if self.layout.p_cells:
            attrs += ' valign="center"'
            content = f'<p style="text-align:center">{content}</p>'
        self.current.append(f"<{tag}{attrs}>{content}</{tag}>")

    def value(self, cell: Cell, colspan: int = 1) -> None:
        """Add one value cell."""
        self.cell(cell.raw, colspan=colspan)

    def end_row(self) -> None:
        """Close the current row."""
        self.rows.append("<tr>" + "".join(self.current) + "</tr>")
        self.current = []

    def html(self) -> str:
        """The finished table."""
        rows = "\n".join(self.rows)
        if self.layout.tbody:
            rows = f"<tbody>\n{rows}\n</tbody>"
        return f"{self.layout.table_open}\n{rows}\n</table>"


def _table(report: Report, ordinal: int) -> str:
    """The table under section 二, 三 or 四 ('' when the report omits it)."""
    name = {2: "active_disclosure", 3: "applications", 4: "review_litigation"}.get(ordinal)
    table = report.tables.get(name) if name else None
    if table is None:
        return ""
    if ordinal == 2:
        return _active(report, table)
    if ordinal == 3:
        return _applications(report, table)
    return _review(report, table)


def _label(report: Report, label: str) -> str:
    """A label as this report prints it."""
    return L.variant_label(label, report.variants, report.year)


def _spans(count: int) -> tuple[int, ...]:
    """Colspans of a table 二 block's value columns in the 4-column grid."""
    return {3: (1, 1, 1), 2: (1, 2), 1: (3,)}[count]


def _active(report: Report, table: Table) -> str:
    """Table 二: per block a caption row (colspan=4), a header row, data rows."""
    grid = Grid(report.layout)
    blocks = L.ACTIVE_2019 if report.active_template == "2019" else L.ACTIVE_2021
    for block in blocks:
        spans = _spans(len(block.columns))
        grid.cell(block.caption, header=True, colspan=4)
        grid.end_row()
        grid.cell(L.INFO_CONTENT, header=True)
        for header, column, span in zip(block.headers, block.columns, spans, strict=True):
            text = report.procurement_header if column == "procurement_amount" else _label(report, header)
            two_line = TWO_LINE.get(text) if report.layout.br_headers else None
            grid.cell(text, header=True, colspan=span, raw_html=two_line or "")
        grid.end_row()
        for item, label in block.rows:
            grid.cell(_label(report, label))
            for column, span in zip(block.columns, spans, strict=True):
                grid.value(table[item][column], colspan=span)
            grid.end_row()
    return grid.html()


def _values(grid: Grid, cells: dict[str, Cell]) -> None:
    """The seven applicant-column values of a table 三 row, then close the row."""
    for column, _ in L.APPLICANT_COLUMNS:
        grid.value(cells[column])
    grid.end_row()


def _applications(report: Report, table: Table) -> str:
    """Table 三: 10 columns, 3 header rows, rowspan groups as the official grid."""
    grid = Grid(report.layout)
    template = report.applications_template
    grid.cell(_label(report, L.NOTE), header=True, colspan=3, rowspan=3)
    grid.cell(L.APPLICANTS, header=True, colspan=7)
    grid.end_row()
    grid.cell(L.APPLICANT_COLUMNS[0][1], header=True, rowspan=2)
    grid.cell(L.LEGAL_PERSONS, header=True, colspan=5)
    grid.cell(L.APPLICANT_COLUMNS[-1][1], header=True, rowspan=2)
    grid.end_row()
    for _, label in L.APPLICANT_COLUMNS[1:-1]:
        grid.cell(_label(report, label), header=True)
    grid.end_row()
    for row, label in L.HEAD_ROWS:
        grid.cell(_label(report, label), colspan=3)
        _values(grid, table[row])
    groups = L.OUTCOMES[template]
    grid.cell(_label(report, L.RESULT_GROUP), rowspan=sum(len(rows) for _, rows in groups) + 1)
    for group, rows in groups:
        if group is None:
            row, label = rows[0]
            grid.cell(_label(report, label), colspan=2)
            _values(grid, table[row])
            continue
        grid.cell(_label(report, group), rowspan=len(rows))
        for row, label in rows:
            grid.cell(_label(report, label))
            _values(grid, table[row])
    grid.cell(_label(report, L.OUTCOME_TOTAL[1]), colspan=2)
    _values(grid, table[L.OUTCOME_TOTAL[0]])
    grid.cell(_label(report, L.CARRIED_FORWARD[1]), colspan=3)
    _values(grid, table[L.CARRIED_FORWARD[0]])
    return grid.html()


def _review(report: Report, table: Table) -> str:
    """Table 四: 15 columns, 3 header rows and the value row."""
    grid = Grid(report.layout)
    grid.cell(L.REVIEW, header=True, colspan=5)
    grid.cell(L.LITIGATION, header=True, colspan=10)
    grid.end_row()
    for _, label in L.RESULTS:
        grid.cell(_label(report, label), header=True, rowspan=2)
    grid.cell(L.REVIEW_GROUPS[1][1], header=True, colspan=5)
    grid.cell(L.REVIEW_GROUPS[2][1], header=True, colspan=5)
    grid.end_row()
    for _ in range(2):
        for _, label in L.RESULTS:
            grid.cell(_label(report, label), header=True)
    grid.end_row()
    for group, _ in L.REVIEW_GROUPS:
        for result, _ in L.RESULTS:
            grid.value(table[group][result])
    grid.end_row()
    return grid.html()
