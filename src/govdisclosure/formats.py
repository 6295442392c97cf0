"""Output formats of the command line: json, jsonl and csv (one row per cell), table (for a terminal).

`json` is the SCHEMA.md form, one line per report (as `parse --json`). `jsonl` and `csv` hold one record per
cell with the columns of `to_frame` (FRAME_COLUMNS, after a `source` column naming the input)
and need no pandas. `table` draws the three tables with rich when it is installed
(`pip install 'govdisclosure[rich]'`), else as plain text aligned for CJK double width.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, TextIO

from .frame import SOURCE, Reports, cell_records, frame_from_records, number_out
from .model import Report
from .tabletext import FAILED_MARK, LEGEND, TextTable, display_width, heading, plain_tables, text_tables
from .templates import TemplateRegistry

if TYPE_CHECKING:  # pragma: no cover - pandas is an optional extra
    import pandas

__all__ = ["FORMATS", "Format", "ReportWriter", "draw_tables", "dumps", "read_cells", "report_json"]

Format = Literal["json", "jsonl", "csv", "table"]
#: The names `--format` accepts.
FORMATS: tuple[str, ...] = ("json", "jsonl", "csv", "table")

# --- records: jsonl and csv -------------------------------------------------------------------


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")  # exact digits, never an exponent
    return str(value)


def _jsonl(record: dict[str, Any]) -> str:
    return json.dumps(
        {k: number_out(v) if k == "value" else v for k, v in record.items()}, ensure_ascii=False
    )


def report_json(report: Report) -> str:
    """The report as SCHEMA.md JSON on one line, as `parse --json` writes it."""
    return json.dumps(report.to_dict(), ensure_ascii=False)


class ReportWriter:
    """Writes reports one at a time in one format; CSV writes its header once.

    >>> writer = ReportWriter("csv", sys.stdout)         # doctest: +SKIP
    >>> writer.write(parse_file(name), source=name)      # doctest: +SKIP
    """

    def __init__(
        self,
        fmt: Format | str,
        out: TextIO,
        *,
        indent: int | None = None,
        with_source: bool = False,
        keyed: bool = True,
        templates: TemplateRegistry | None = None,
        rich: bool | None = None,
    ) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.fmt = fmt
        self.out = out
        self.indent = indent
        self.with_source = with_source
        self.keyed = keyed
        self.templates = templates
        self.rich = rich
        self._csv: Any = None

    def write(self, report: Report, source: str | None = None) -> None:
        """Write one report; `source` (its file name) fills the `source` column of jsonl and csv.

        json: one line per report unless `indent`; `with_source` wraps it as {"source", "report"}.
        """
        if self.fmt == "json" and self.indent is None:
            self.write_json(report_json(report), source)
        elif self.fmt == "json":
            data: dict[str, Any] = report.to_dict()
            data = {"source": source, "report": data} if self.with_source else data
            self.out.write(json.dumps(data, ensure_ascii=False, indent=self.indent) + "\n")
        elif self.fmt == "table":
            draw_tables(report, self.out, templates=self.templates, rich=self.rich, title=source)
        else:
            reports: Reports = {source or "": report} if self.keyed else [report]
            for record in cell_records(reports, templates=self.templates):
                self._record(record)

    def write_json(self, text: str, source: str | None = None) -> None:
        """Write one report given as its one-line JSON (`report_json`, made in a batch worker)."""
        if self.fmt != "json" or self.indent is not None:
            raise ValueError("write_json writes the one-line json format only")
        if self.with_source:
            # As json.dumps writes {"source": source, "report": ...} on one line.
            text = f'{{"source": {json.dumps(source, ensure_ascii=False)}, "report": {text}}}'
        self.out.write(text + "\n")

    def _record(self, record: dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            self.out.write(_jsonl(record) + "\n")
            return
        if self._csv is None:
            # CRLF ends a record (RFC 4180): the writer quotes a field holding any character of its line
            # end, so a "\r" inside a raw cell or an organ only survives with "\r\n" here.
            self._csv = csv.writer(self.out, lineterminator="\r\n")
            self._csv.writerow(list(record))
        self._csv.writerow([_csv_value(v) for v in record.values()])


def dumps(
    reports: Reports, fmt: Format | str, *, indent: int | None = None, rich: bool | None = False
) -> str:
    """All reports in one format as a string (a Mapping name -> Report fills `source`)."""
    out = io.StringIO()
    keyed = isinstance(reports, Mapping)
    writer = ReportWriter(fmt, out, indent=indent, keyed=keyed, rich=rich)
    items: Iterable[tuple[str | None, Report]] = (
        reports.items() if isinstance(reports, Mapping) else ((None, r) for r in _as_list(reports))
    )
    for source, report in items:
        writer.write(report, source=source)
    return out.getvalue()


def _as_list(reports: Iterable[Report] | Report) -> list[Report]:
    return [reports] if isinstance(reports, Report) else list(reports)


def read_cells(
    source: str | TextIO, fmt: Literal["csv", "jsonl"] = "csv", *, exact: bool = False
) -> pandas.DataFrame:
    """Read a csv or jsonl cell file back as the DataFrame `to_frame` gives; needs pandas.

    CSV cannot tell an empty organ, unit or label from a missing one: both read back as None.
    `exact=True` keeps CSV values as int and Decimal (JSON lines hold floats).
    """
    with _opened(source) as stream:
        if fmt == "csv":
            records = [_from_csv(row) for row in csv.DictReader(stream)]
        elif fmt == "jsonl":
            records = [json.loads(line) for line in stream if line.strip()]
        else:
            raise ValueError(f"cell files are csv or jsonl, not {fmt!r}")
    keyed = bool(records) and SOURCE in records[0]
    return frame_from_records(records, keyed=keyed, exact=exact)


@contextmanager
def _opened(source: str | TextIO) -> Iterator[TextIO]:
    if isinstance(source, str):
        with open(source, encoding="utf-8", newline="") as stream:
            yield stream
    else:
        yield source


def _from_csv(row: dict[str, str]) -> dict[str, Any]:
    record: dict[str, Any] = {k: (v if k == "raw" or v != "" else None) for k, v in row.items()}
    value = record["value"]
    if value is not None:
        record["value"] = int(value) if value.lstrip("-").isdigit() else Decimal(value)
    for key in ("year", "line"):
        if record[key] is not None:
            record[key] = int(record[key])
    return record


def _rich_available() -> bool:
    try:
        import rich  # noqa: F401
    except ImportError:
        return False
    return True


def draw_tables(
    report: Report,
    out: TextIO,
    *,
    templates: TemplateRegistry | None = None,
    rich: bool | None = None,
    title: str | None = None,
    width: int | None = None,
) -> None:
    """Draw the report's tables to `out`: with rich when installed (or `rich=True`), else plain text.

    rich measures CJK width itself; piped output gets the tables' natural width, not 80 columns.
    """
    use_rich = _rich_available() if rich is None else rich
    if not use_rich:
        out.write(plain_tables(report, templates=templates, title=title))
        return
    from rich.console import Console

    tables = text_tables(report, templates=templates)
    natural = max((_natural_width(t) for t in tables), default=80)
    console = Console(file=out, width=width or (None if out.isatty() else max(80, natural)), highlight=False)
    console.print(heading(report, title), markup=False)
    for table in tables:
        console.print(_rich_table(table))
    if not tables:
        console.print("(no tables)")
    console.print(LEGEND, markup=False)


def _natural_width(table: TextTable) -> int:
    widths = [0] * table.width
    for row in table.rows:
        if row.kind in ("row", "header"):
            for i, text in enumerate(row.texts):
                widths[i] = max(widths[i], display_width(text) + 1)
    # rich draws a border and one space of padding either side of each column.
    return sum(widths) + 3 * len(widths) + 1


def _rich_table(table: TextTable) -> Any:
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text

    drawn = RichTable(title=table.title, show_header=False, box=box.SQUARE, title_justify="left")
    drawn.add_column(overflow="fold")
    for _ in range(table.width - 1):
        drawn.add_column(justify="right", overflow="fold")
    for row in table.rows:
        style = {"caption": "bold", "header": "bold", "group": "italic", "row": ""}[row.kind]
        cells = []
        for i, text in enumerate(row.texts):
            failed = i < len(row.failed) and row.failed[i]
            # The mark as well as the colour: piped output has no colour (FORMAT.md: never hide a failure).
            justify: Literal["center"] | None = "center" if row.kind == "header" and i > 0 else None
            text_style = "bold red" if failed else style
            cells.append(Text(text + FAILED_MARK if failed else text, style=text_style, justify=justify))
        drawn.add_row(*cells, end_section=row.kind == "header")
    return drawn
