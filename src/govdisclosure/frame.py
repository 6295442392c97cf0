"""For analysts: Reports -> one tidy row per cell (records, or a pandas DataFrame when pandas is installed).

>>> import govdisclosure
>>> report = govdisclosure.parse_file("examples/qingxi-2024-tabs.txt")   # doctest: +SKIP
>>> report.to_frame().query("table == 'applications' and column == 'total'")   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .errors import MissingDependencyError
from .model import TABLE_NAMES, Number, Report, Table
from .templates import Template, TemplateRegistry, default_templates

if TYPE_CHECKING:  # pragma: no cover - pandas is an optional extra
    import pandas

__all__ = [
    "DETAIL_COLUMNS",
    "FRAME_COLUMNS",
    "MissingDependencyError",
    "cell_records",
    "column_label",
    "frame_from_records",
    "row_label",
    "template_of",
    "to_frame",
]

#: The columns of `to_frame`, the CSV and the JSON lines, in order (a leading `source` when keyed).
FRAME_COLUMNS: tuple[str, ...] = (
    "organ",
    "year",
    "template",
    "table",
    "row",
    "column",
    "value",
    "kind",
    "raw",
    "unit",
    "line",
    "row_label",
    "column_label",
)
#: The columns `cell_records(..., detail=True)` adds after FRAME_COLUMNS (the Parquet cells table):
#: SCHEMA.md's `basis`, and `where` as four nullable integers (documents only).
DETAIL_COLUMNS: tuple[str, ...] = ("basis", "where_page", "where_table", "where_row", "where_column")
SOURCE = "source"

Reports = Iterable[Report] | Mapping[str, Report]


def require_pandas() -> Any:
    """The pandas module, or MissingDependencyError with the install hint."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise MissingDependencyError(
            "to_frame needs pandas, which is not installed",
            hint="pip install 'govdisclosure[pandas]'",
        ) from exc
    return pd


def template_of(report: Report | None, table: Table, registry: TemplateRegistry) -> Template:
    """The template of a table: its own, the report's, the first holding its rows and columns, the latest."""
    for name in (table.template, report.template if report is not None else None):
        if name is not None and name in registry:
            return registry[name]
    name = type(table).name
    columns = {column for row in table.rows.values() for column in row}
    for template in registry:
        if set(table.rows) <= set(template.row_ids(name)) and columns <= set(template.column_ids(name)):
            return template
    return registry.latest()


def row_label(template: Template, table: str, row: str) -> str | None:
    """The official label of a row; an application row in a group is prefixed by the group's label."""
    if table == "active_disclosure":
        found = template.active_disclosure.rows.get(row)
        return found.label if found else None
    if table == "applications":
        try:
            spec = template.applications.row(row)
        except KeyError:
            return None
        if spec.group is None:
            return spec.label.label
        # 1.属于国家秘密 recurs under (三)(四)(五): the group label makes it unique (FORMAT.md §1.4).
        return f"{template.applications.groups[spec.group].label} {spec.label.label}"
    group = template.review_litigation.groups.get(row)
    return group.label if group else None


def column_label(template: Template, table: str, column: str) -> str | None:
    """The official label of a column."""
    if table == "active_disclosure":
        columns = template.active_disclosure.columns
    elif table == "applications":
        columns = template.applications.columns
    else:
        columns = template.review_litigation.columns
    found = columns.get(column)
    return found.label.label if found else None


def _keyed(reports: Reports) -> Iterator[tuple[str | None, Report]]:
    if isinstance(reports, Report):
        pairs: Iterable[tuple[str | None, Report]] = [(None, reports)]
    elif isinstance(reports, Mapping):
        pairs = ((str(key), report) for key, report in reports.items())
    elif isinstance(reports, Iterable) and not isinstance(reports, (str, bytes)):
        pairs = ((None, report) for report in reports)
    else:
        raise TypeError(f"expected Reports (a list or a dict of them), got {type(reports).__name__}")
    for key, report in pairs:
        if not isinstance(report, Report):
            raise TypeError(f"expected a Report, got {type(report).__name__}")
        yield key, report


def cell_records(
    reports: Reports, *, templates: TemplateRegistry | None = None, detail: bool = False
) -> Iterator[dict[str, Any]]:
    """One dict per cell the reports hold, keyed by FRAME_COLUMNS; values exact (int, Decimal or None).

    A Mapping of reports (name -> Report) adds a leading `source` key holding the name;
    `detail=True` adds DETAIL_COLUMNS (the cell's basis and its place in a source document).
    """
    registry = templates if templates is not None else default_templates()
    for source, report in _keyed(reports):
        for name in TABLE_NAMES:
            table = report.tables[name]
            if table is None:
                continue
            template = template_of(report, table, registry)
            for row, column, cell in table.cells():
                record: dict[str, Any] = {} if source is None else {SOURCE: source}
                record.update(
                    organ=report.organ,
                    year=report.year,
                    template=table.template or report.template,
                    table=name,
                    row=row,
                    column=column,
                    value=cell.value,
                    kind=cell.kind,
                    raw=cell.raw,
                    unit=cell.unit,
                    line=cell.line,
                    row_label=row_label(template, name, row),
                    column_label=column_label(template, name, column),
                )
                if detail:
                    where = cell.where
                    record.update(
                        basis=cell.basis,
                        where_page=where.page if where else None,
                        where_table=where.table if where else None,
                        where_row=where.row if where else None,
                        where_column=where.column if where else None,
                    )
                yield record


def number_out(value: Number | None) -> float | int | None:
    """A cell value as a JSON/float number: int stays int, Decimal becomes float (raw keeps the digits)."""
    return float(value) if isinstance(value, Decimal) else value


def to_frame(
    reports: Reports, *, exact: bool = False, templates: TemplateRegistry | None = None
) -> pandas.DataFrame:
    """One tidy pandas DataFrame, one row per cell of every report (columns FRAME_COLUMNS).

    `value` is float64 (NaN where the cell holds no number: `kind` says blank, none or text);
    `exact=True` keeps the Report's own int and Decimal objects instead. `year` and `line`
    are nullable integers. Pass a Mapping (name -> Report) to get a leading `source` column.
    Needs pandas: `pip install 'govdisclosure[pandas]'`.
    """
    records = list(cell_records(reports, templates=templates))
    keyed = isinstance(reports, Mapping) and not isinstance(reports, Report)
    return frame_from_records(records, keyed=keyed, exact=exact)


def frame_from_records(
    records: Sequence[Mapping[str, Any]], *, keyed: bool = False, exact: bool = False
) -> pandas.DataFrame:
    """The DataFrame of `to_frame` from cell records (as `cell_records` or a cell file gives them)."""
    pd = require_pandas()
    columns = [SOURCE, *FRAME_COLUMNS] if keyed else list(FRAME_COLUMNS)
    frame = pd.DataFrame.from_records(list(records), columns=columns)
    values = [r["value"] if exact else number_out(r["value"]) for r in records]
    series = pd.Series(values, index=frame.index, dtype=object)
    frame["value"] = series if exact else pd.to_numeric(series).astype("float64")
    for column in ("year", "line"):
        frame[column] = frame[column].astype("Int64")
    return frame
