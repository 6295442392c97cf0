"""Steps 2-5 for the tables: find each statutory table, read its layout, place cells on the grid."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ..diagnostics import TABLE_MISSING, TABLE_UNREAD, TEMPLATE_MIXED
from ..layout import Layout, has_pages, printed_total_holds, read_rows
from ..lexicon import Lexicon, lexicon_for
from ..model import (
    TABLE_CLASSES,
    TABLE_NAMES,
    ActiveDisclosureTable,
    ApplicationsTable,
    Cell,
    Diagnostic,
    ReviewLitigationTable,
    Table,
    Tables,
)
from ..normalize import Line
from ..template_spec import Label
from ..templates import Template, TemplateRegistry
from ..values import unit_in_header
from .around import refuse_digits_around
from .balanced import reread_balanced
from .columns import active_columns, application_columns, application_sequence
from .counts import refuse_decimal_counts
from .cut_header import say_cut_off_last_column, say_cut_short_columns
from .cut_totals import refuse_cut_totals
from .detached import reread_active, reread_applications
from .grid import Grid
from .joined import merge_regions
from .late_tails import refuse_late_tails
from .missing import say_missing_rows
from .order import Order, text_order
from .past_heading import say_rows_past_a_heading
from .positions import ColumnPositions
from .regions import MIN_NAMED_LABELS, Region, find_regions, match_rows, named_labels, title_keys
from .resolve import resolve_fused
from .review_table import read_review
from .rows import assemble_rows
from .shape import RowShape, row_shapes
from .short_rows import settle_short_rows
from .spelled import header_labels
from .template_choice import applications_template, say_group_read_as_row, template_by_signals
from .touching import split_totals_run_in

__all__ = ["FoundTables", "read_tables"]


# A NamedTuple, not an attrs class: internal, and an attrs class costs ~2.6 million instructions to define
# at import (docs/performance.md); a NamedTuple a fifth of that, immutable and compared by value too.
class FoundTables(NamedTuple):
    """The tables step's result: the tables, the report template, the lines they occupy, diagnostics."""

    # One shared empty value: Tables is frozen.
    tables: Tables = Tables()
    template: str | None = None
    table_lines: frozenset[int] = frozenset()
    diagnostics: tuple[Diagnostic, ...] = ()
    # Lines that are markup as a whole (raw HTML tables in markdown): never prose or a heading.
    markup_lines: frozenset[int] = frozenset()


def _shows_a_table(region: Region, lexicon: Lexicon) -> bool:
    """True when the region holds a cell, values on the line that ended it, or a few of its labels.

    Headings and sentences name tables too (四、政府信息公开行政复议、行政诉讼情况 … 如下：): with
    no cell and no label of its own printed, a table is not there (null, never empty cells).
    """
    if region.ended_by or any(
        m.token.kind in ("value", "empty", "broken") for r in region.rows for m in r.matches
    ):
        return True
    return len(named_labels(region.rows, region.table, lexicon)) >= MIN_NAMED_LABELS


def _read_active(
    region: Region, template: Template, shapes: Sequence[RowShape], order: Order, layout: Layout
) -> Grid:
    grid = Grid("active_disclosure", reading_order=layout.reading_order, aligned=layout.aligned)
    spec = template.active_disclosure
    for column in spec.columns.values():
        if column.unit:
            grid.units[column.id] = column.unit
    for row in region.rows:
        for m in row.matches:
            for e in m.entries:
                if e.table == "active_disclosure" and e.kind == "column" and e.id in spec.columns:
                    # The template's unit is the default; a header that names another is the report's.
                    unit = unit_in_header(m.token.text, e.spelling)
                    if unit:
                        grid.units[e.id] = unit
                    break

    assemble_rows(
        region,
        grid,
        active_columns(template),
        order=order,
        aligned=layout.aligned,
        shapes=shapes,
        runs=layout.runs,
        labels=(labels := header_labels(spec.columns, Label(spec.header))),
    )
    reread = reread_active(region, grid, spec) if grid.has_unplaced() else None
    say_cut_short_columns(
        reread or grid, region, [(b.caption, b.columns, b.rows) for b in spec.blocks], labels
    )
    if layout.reading_order:
        say_rows_past_a_heading(reread or grid, region)
    return reread or grid


def _read_applications(
    region: Region, template: Template, shapes: Sequence[RowShape], order: Order, layout: Layout
) -> Grid:
    grid = Grid("applications", reading_order=layout.reading_order, aligned=layout.aligned)
    spec = template.applications
    groups = {r.id: r.group for r in spec.rows}
    # The applicant columns are the grid's last seven (FORMAT.md §1.4): a header printed shifted
    # cannot move them.
    positions = ColumnPositions("applications", right_aligned=True)
    assemble_rows(
        region,
        grid,
        application_columns(template),
        groups.get,
        positions,
        lambda _, values: printed_total_holds(values),
        order,
        layout.aligned,
        shapes,
        layout.runs,
        labels := header_labels(spec.columns, *(Label(t) for t in spec.header_labels), spec.column_group),
        application_sequence(template),
    )
    say_cut_off_last_column(grid, region, spec.value_columns, labels)
    return grid


def _say_unread_values(grid: Grid, region: Region) -> None:
    """Say the values no row took: on the lines that ended the table as sentences (the template
    knows no row of those words), and on lines between two of its pieces; each could be the table's."""
    for ended in region.ended_by:
        words = " ".join(m.token.text.strip() for m in ended.matches if m.token.kind == "text")
        raw = " ".join(t.text.strip() for t in ended.row.tokens if t.kind == "value")
        grid.unplaced(
            f"values after words read as a sentence, which ended the table ({words}: {raw})", ended.row.line
        )
    for run in region.between:
        raw = " / ".join(" ".join(t.text.strip() for t in r.row.tokens if t.kind == "value") for r in run)
        lines = f"line {run[0].row.line}" + (f"–{run[-1].row.line}" if len(run) > 1 else "")
        grid.unplaced(
            f"values between two pieces of the table, read as no row's ({lines}: {raw})", run[0].row.line
        )


def _finish(grid: Grid, template: Template) -> None:
    """Settle fused runs, and say so when a table found by its labels yielded no cell at all."""
    resolve_fused(grid, template)
    if not grid.rows and not grid.diagnostics:
        message = f"{grid.table}: the table's labels are there but no cell could be read"
        grid.diagnostics.append(Diagnostic(TABLE_UNREAD, message, None))


def read_tables(
    lines: Sequence[Line],
    registry: TemplateRegistry,
    layout: Layout | None = None,
    titles: tuple[str, ...] = (),
) -> FoundTables:
    """Find and reconstruct the three statutory tables. `layout`: the rows of positioned cells a
    document reader made (from text, read here by layout.read_rows). A line naming one of `titles`
    (section headings) ends the table before it."""
    lexicon = lexicon_for(registry)
    if layout is None:
        layout = read_rows(lines, lexicon)
    diagnostics: list[Diagnostic] = []
    found = merge_regions(
        find_regions(match_rows(layout.rows, lexicon), lexicon, title_keys(titles), layout.aligned),
        diagnostics,
    )
    regions = {table: region for table, region in found.items() if _shows_a_table(region, lexicon)}

    def template(name: str | None) -> Template:
        return registry[name] if name is not None and name in registry else registry.latest()

    # Each table gets the template its own labels show (FORMAT.md §2.4: reports mix them); the
    # report's is table 二's, else table 三's; table 四 is the same in every template.
    table_lines = layout.markup.union(*(r.lines for r in regions.values()))
    names = {n: template_by_signals(r, registry) for n, r in regions.items() if n != "review_litigation"}
    report_template = names.get("active_disclosure") or names.get("applications")
    grids: dict[str, Grid] = {}
    # The template each grid was read with orders it and names its absent rows (not the latest).
    read_with: dict[str, Template] = {}
    # Each table's rows shaped once, with the columns of the template it is read with: the shapes
    # tell the text's printing order (order.py) and then place the rows.
    columns = {
        "active_disclosure": active_columns(template(report_template)),
        "applications": application_columns(template(names.get("applications") or report_template)),
    }
    shaped = {n: row_shapes(regions[n].rows, n, cols) for n, cols in columns.items() if n in regions}
    order = text_order({n: (regions[n], sh, columns[n]) for n, sh in shaped.items()}, lexicon)
    if "active_disclosure" in regions:
        read_with["active_disclosure"] = template(report_template)
        grids["active_disclosure"] = _read_active(
            regions["active_disclosure"],
            read_with["active_disclosure"],
            shaped["active_disclosure"],
            order,
            layout,
        )
    if "applications" in regions:
        signalled = names["applications"]
        grid = _read_applications(
            regions["applications"],
            template(signalled or report_template),
            shaped["applications"],
            order,
            layout,
        )
        names["applications"] = signalled or applications_template(
            grid, registry, report_template, regions["applications"]
        )
        reread = reread_applications(regions["applications"], grid, registry) or reread_balanced(
            regions["applications"], grid, registry
        )
        if reread is not None:
            grid, names["applications"] = reread
        report_template = report_template or names["applications"]
        grids["applications"] = grid
        read_with["applications"] = template(names["applications"])
    if "review_litigation" in regions:
        names["review_litigation"] = report_template
        read_with["review_litigation"] = template(report_template)
        prose = (ln.text for ln in lines if ln.number not in table_lines)
        spec = read_with["review_litigation"].review_litigation
        grids["review_litigation"] = read_review(
            regions["review_litigation"], spec, prose, layout, order, lines
        )

    built: dict[str, Table] = {}
    paged = has_pages(lines)  # (a page's edge may cut a total: cut_totals.py)
    for name in TABLE_NAMES:
        if name not in grids:
            diagnostics.append(Diagnostic(TABLE_MISSING, f"no {name} table found in the text", None))
            continue
        grid, chosen = grids[name], read_with[name]
        table_rows = [m.row for m in regions[name].rows]
        refuse_digits_around(grid, table_rows, chosen)
        refuse_late_tails(grid, table_rows, chosen)
        refuse_decimal_counts(grid, chosen)
        refuse_cut_totals(grid, chosen, paged)
        settle_short_rows(grid, order, table_rows)
        if name == "applications":
            # (After the short rows' totals: a group's label read as a row may have taken one.)
            say_group_read_as_row(grid, registry, regions[name])
            split_totals_run_in(grid, chosen)
        _finish(grid, chosen)
        # (After _finish: a table whose only word is these values is still said unread.)
        _say_unread_values(grid, regions[name])
        say_missing_rows(grid, chosen, regions[name])
        diagnostics.extend(grid.diagnostics)
        first = min((c.line for cols in grid.rows.values() for c in cols.values() if c.line), default=None)
        built[name] = TABLE_CLASSES[name](_ordered(grid, chosen, name), names.get(name), first)
    used = {n for n in names.values() if n is not None}
    if len(used) > 1:
        per_table = ", ".join(f"{t} {names[t]}" for t in TABLE_NAMES if names.get(t))
        diagnostics.append(
            Diagnostic(TEMPLATE_MIXED, f"the tables use different templates: {per_table}", None)
        )
    return FoundTables(_tables(built), report_template, table_lines, tuple(diagnostics), layout.markup)


def _tables(built: dict[str, Table]) -> Tables:
    active, apps, review = (built.get(n) for n in TABLE_NAMES)
    return Tables(
        active if isinstance(active, ActiveDisclosureTable) else None,
        apps if isinstance(apps, ApplicationsTable) else None,
        review if isinstance(review, ReviewLitigationTable) else None,
    )


def _ordered(grid: Grid, template: Template, name: str) -> dict[str, dict[str, Cell]]:
    # Rows and columns in the template's printed order, whatever order the text gave them in.
    order = {rid: i for i, rid in enumerate(template.row_ids(name))}
    rows = sorted(grid.rows.items(), key=lambda kv: order.get(kv[0], len(order)))
    columns = {cid: i for i, cid in enumerate(template.column_ids(name))}
    out: dict[str, dict[str, Cell]] = {}
    for rid, cells in rows:
        out[rid] = dict(sorted(cells.items(), key=lambda kv: columns.get(kv[0], len(columns))))
    return out
