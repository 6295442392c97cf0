"""Parquet output: the cells, reports and checks tables, written in row groups as reports stream in.

One output is a directory holding three Parquet datasets (docs/analysis.md):

    OUT/cells/part-0.parquet      one row per cell (the columns of `cell_records(detail=True)`)
    OUT/reports/part-0.parquet    one row per input, a failed one with its error
    OUT/checks/part-0.parquet     one row per accounting identity

With `partition_by="year"` each dataset is split hive-style (`OUT/cells/year=2023/part-0.parquet`,
`year=__HIVE_DEFAULT_PARTITION__` for a report without a year). Needs pyarrow:
`pip install 'govdisclosure[parquet]'`.

>>> govdisclosure.to_parquet(govdisclosure.parse_many(paths, jobs=4), "out")   # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from .batch import BatchResult
from .errors import OutputExistsError
from .frame import SOURCE, cell_records, number_out
from .model import Report
from .parquet_rows import check_rows, error_text, report_row, require_pyarrow, schemas
from .templates import TemplateRegistry

__all__ = ["DEFAULT_BATCH_SIZE", "PARTITION_KEYS", "TABLES", "ParquetSink", "read_table", "to_parquet"]

#: The three datasets of an output directory, in the order they are described.
TABLES: tuple[str, ...] = ("cells", "reports", "checks")
#: The columns an output may be partitioned by.
PARTITION_KEYS: tuple[str, ...] = ("year",)
#: Reports buffered before their rows are written as one row group per file: bounds the memory.
DEFAULT_BATCH_SIZE = 256
#: The directory name of a partition whose key is null (what pyarrow, Spark and DuckDB read as null).
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"

PartitionKey = Literal["year"]
Item = Report | BatchResult


class ParquetSink:
    """Writes reports one at a time into an output directory's three Parquet datasets.

    Rows wait in memory for `batch_size` reports, then go to disk as a row group: a stream of
    any length is written in bounded memory. Use as a context manager, or call `close()`.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        partition_by: PartitionKey | None = None,
        part: str = "part-0",
        batch_size: int = DEFAULT_BATCH_SIZE,
        templates: TemplateRegistry | None = None,
    ) -> None:
        if partition_by is not None and partition_by not in PARTITION_KEYS:
            raise ValueError(f"partition_by must be one of {', '.join(PARTITION_KEYS)} or None")
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        self._pa, self._pq = require_pyarrow()
        self.path = Path(path)
        self.partition_by = partition_by
        self.part = part
        self.batch_size = batch_size
        self.templates = templates
        self._schemas = schemas(self._pa)
        self._refuse_existing()
        # Buffered column-wise (a list per column), not as a dict per row: a third of the memory.
        self._columns: dict[tuple[str, Any], dict[str, list[Any]]] = {}
        self._writers: dict[tuple[str, Any], Any] = {}
        self._pending = 0
        self.reports = 0
        if partition_by is None:  # three files even when a table gets no row, so every read works
            for table in TABLES:
                self._writer(table, None)

    def _refuse_existing(self) -> None:
        # Only this part's own files: other parts (another Dask task) may share the directory, but a
        # file of an earlier run with the same name would mix two runs in one dataset.
        name = f"{self.part}.parquet"
        for table in TABLES:
            folder = self.path / table
            found = [folder / name] if self.partition_by is None else list(folder.glob(f"*/{name}"))
            existing = [str(f) for f in found if f.exists()]
            if existing:
                raise OutputExistsError(f"{existing[0]} exists: remove it or write to another directory")

    def _file(self, table: str, key: Any) -> Path:
        folder = self.path / table
        if self.partition_by is not None:
            folder = folder / f"{self.partition_by}={NULL_PARTITION if key is None else key}"
        return folder / f"{self.part}.parquet"

    def _schema(self, table: str) -> Any:
        schema = self._schemas[table]
        if self.partition_by is None:
            return schema
        # Hive style: the key lives in the directory name, not in the file.
        return schema.remove(schema.get_field_index(self.partition_by))

    def _writer(self, table: str, key: Any) -> Any:
        writer = self._writers.get((table, key))
        if writer is None:
            file = self._file(table, key)
            file.parent.mkdir(parents=True, exist_ok=True)
            writer = self._writers[(table, key)] = self._pq.ParquetWriter(str(file), self._schema(table))
        return writer

    def _add(self, table: str, row: dict[str, Any]) -> None:
        key = row.get(self.partition_by) if self.partition_by is not None else None
        columns = self._columns.get((table, key))
        if columns is None:
            columns = self._columns[(table, key)] = {name: [] for name in self._schema(table).names}
        for name, values in columns.items():
            values.append(row.get(name))

    def write(self, report: Report, source: str) -> None:
        """Add one parsed report: its cells, its summary row and its checks."""
        for record in cell_records({source: report}, templates=self.templates, detail=True):
            record["value"] = number_out(record["value"])
            self._add("cells", record)
        self._add("reports", report_row(source, report))
        for row in check_rows(source, report):
            self._add("checks", row)
        self._counted()

    def write_error(self, source: str, error: BaseException | str) -> None:
        """Add one input that could not be parsed: a reports row holding its error, no cells."""
        message, kind = error_text(error)
        self._add("reports", {SOURCE: source, "parsed": False, "error": message, "error_type": kind})
        self._counted()

    def write_result(self, result: BatchResult) -> None:
        """Add one result of `parse_many`: its report, or its error."""
        if result.report is not None:
            self.write(result.report, result.source)
        elif result.error is None:
            # A result of `then=` kept a value, not the report: writing it as a failure would hide that.
            raise TypeError(f"{result.source}: a parse_many result made with then= holds no report to write")
        else:
            self.write_error(result.source, result.error)

    def _counted(self) -> None:
        self.reports += 1
        self._pending += 1
        if self._pending >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Write the buffered rows, one row group per file."""
        for (table, key), columns in self._columns.items():
            batch = self._pa.RecordBatch.from_pydict(columns, schema=self._schema(table))
            self._writer(table, key).write_batch(batch)
        self._columns.clear()
        self._pending = 0

    def close(self) -> None:
        """Write what is buffered and close every file (the files are unreadable before)."""
        try:
            self.flush()
        finally:
            for writer in self._writers.values():
                writer.close()
            self._writers.clear()

    def __enter__(self) -> ParquetSink:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def _items(reports: Iterable[Item] | Mapping[str, Report] | Report) -> Iterator[tuple[str, Item]]:
    if isinstance(reports, Report):
        yield "<report 0>", reports
    elif isinstance(reports, Mapping):
        yield from ((str(source), report) for source, report in reports.items())
    else:
        for index, item in enumerate(reports):
            if isinstance(item, BatchResult):
                yield item.source, item
            elif isinstance(item, Report):
                yield f"<report {index}>", item
            else:
                raise TypeError(f"expected Reports or BatchResults, got {type(item).__name__}")


def to_parquet(
    reports: Iterable[Item] | Mapping[str, Report] | Report,
    path: str | os.PathLike[str],
    *,
    partition_by: PartitionKey | None = None,
    part: str = "part-0",
    batch_size: int = DEFAULT_BATCH_SIZE,
    templates: TemplateRegistry | None = None,
) -> int:
    """Write reports to the directory `path` as three Parquet datasets; returns how many were written.

    `reports` is a list or iterator of Reports or of `parse_many` results (a failed one becomes a
    reports row with its error), or a Mapping name -> Report. It is consumed lazily, `batch_size`
    reports at a time. `source` names each report: the Mapping key, the result's source, else
    `<report N>`. `part` names the files (several writers may share a directory with distinct
    parts). Raises OutputExistsError (a FileExistsError) if this part's files exist; needs pyarrow.
    """
    sink = ParquetSink(path, partition_by=partition_by, part=part, batch_size=batch_size, templates=templates)
    with sink:
        for source, item in _items(reports):
            if isinstance(item, BatchResult):
                sink.write_result(item)
            else:
                sink.write(item, source)
    return sink.reports


def read_table(path: str | os.PathLike[str], table: str = "cells") -> Any:
    """One of an output directory's tables as a pyarrow Table, with the columns and types written.

    A partitioned dataset reads back with `year` as int32 in its place (not as the dictionary
    column a plain `pyarrow.parquet.read_table` makes of a directory name).
    """
    if table not in TABLES:
        raise ValueError(f"table must be one of {', '.join(TABLES)}, not {table!r}")
    pa, _ = require_pyarrow()
    import pyarrow.dataset as ds

    schema = schemas(pa)[table]
    folder = Path(path) / table
    partitioned = [key for key in PARTITION_KEYS if any(folder.glob(f"{key}=*"))]
    partitioning = (
        ds.partitioning(pa.schema([schema.field(key) for key in partitioned]), flavor="hive")
        if partitioned
        else None
    )
    dataset = ds.dataset(str(folder), schema=schema, format="parquet", partitioning=partitioning)
    return dataset.to_table()
