"""Step 3 for tables, after find_regions: one region per table, its pieces split by prose joined."""

from __future__ import annotations

from collections.abc import Sequence

from ..diagnostics import TABLE_DUPLICATE
from ..model import Diagnostic
from .regions import Region


def _values_in(region: Region) -> int:
    return sum(1 for r in region.rows for t in r.row.tokens if t.kind == "value")


def merge_regions(regions: Sequence[Region], diagnostics: list[Diagnostic]) -> dict[str, Region]:
    """One region per table: pieces split by prose are joined; a table printed again later is not.

    A table that starts over after another table (a report pasted twice, a doubled page) is
    reported once with table-duplicate and its first printing is read. Labels without values (an
    introduction naming 行政复议 and 行政诉讼) are no printing: a later one with values replaces them.
    """
    merged: dict[str, Region] = {}
    previous: str | None = None
    repeated: set[str] = set()
    for region in regions:
        table = region.table
        if table not in merged:
            # (Values before a table's first piece are outside it: prose's, or another table's.)
            merged[table] = region._replace(between=())
        elif previous == table:
            # (Split after a row label and values: the words stood among its rows, not in its
            # header, nor after labels a sentence named before the table.)
            first = merged[table]
            labelled = any(r.names_row(table) for r in first.rows)
            split = (first.closed_by,) if labelled and _values_in(first) else ()
            merged[table] = Region(
                table,
                first.rows + region.rows,
                first.ended_by + region.ended_by,
                region.closed_by,
                first.split_by + split,
                first.between + region.between,
                first.headings | region.headings,
            )
        elif not _values_in(merged[table]):
            merged[table] = region._replace(between=())
        elif _values_in(region) and table not in repeated:
            repeated.add(table)
            message = f"{table} printed again; the first printing is read, this one is not"
            diagnostics.append(Diagnostic(TABLE_DUPLICATE, message, min(region.lines, default=None)))
        previous = table
    return merged
