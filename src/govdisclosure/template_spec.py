"""A report template as frozen values: its tables' rows, columns, labels and identity roles.

The data `grammars/templates/*.toml` holds, once loaded and checked by templates.py; every step
that needs a label, a column or a row's role reads it from here.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import Literal

import attrs

__all__ = [
    "ROLES",
    "ActiveDisclosureSpec",
    "ApplicationRow",
    "ApplicationsSpec",
    "Block",
    "Column",
    "Label",
    "LabelKind",
    "PrintedLabel",
    "ReviewLitigationSpec",
    "RowRole",
    "Template",
]

RowRole = Literal["input", "outcome", "outcome_total", "output"]
#: What a printed label labels: a row, a group of rows, a column, a caption or header text …
LabelKind = Literal["row", "group", "column", "caption", "header", "outcome_group", "column_group"]
ROLES: tuple[str, ...] = ("input", "outcome", "outcome_total", "output")


@attrs.frozen
class Label:
    """An official label and the spellings real reports use for it."""

    label: str
    variants: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        """The official label first, then its variants."""
        return (self.label, *self.variants)


@attrs.frozen
class Column:
    """A value column: its label and how its values read."""

    id: str
    label: Label
    signed: bool = False
    money: bool = False
    unit: str | None = None


@attrs.frozen
class Block:
    """One 第二十条 block of table 二: caption, its columns and its item rows."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[str, ...]


@attrs.frozen
class ActiveDisclosureSpec:
    """Table 二 of one template."""

    title: str
    header: str
    blocks: tuple[Block, ...]
    rows: Mapping[str, Label]
    columns: Mapping[str, Column]

    def block_of(self, row: str) -> Block | None:
        """The block an item row belongs to."""
        return next((b for b in self.blocks if row in b.rows), None)


@attrs.frozen
class ApplicationRow:
    """One data row of table 三."""

    id: str
    label: Label
    role: RowRole
    group: str | None = None
    standard: bool = True

    @property
    def number(self) -> int | None:
        """The leaf number printed before the label inside a group (1. 2. …)."""
        head = self.label.label.split(".", 1)[0]
        return int(head) if self.group and head.isdigit() else None


@attrs.frozen
class ApplicationsSpec:
    """Table 三 of one template."""

    title: str
    signals: tuple[str, ...]
    header_labels: tuple[str, ...]
    column_group: Label
    outcome_group: Label
    groups: Mapping[str, Label]
    columns: Mapping[str, Column]
    rows: tuple[ApplicationRow, ...]

    def row(self, row_id: str) -> ApplicationRow:
        """The row with this id."""
        for row in self.rows:
            if row.id == row_id:
                return row
        raise KeyError(row_id)

    @property
    def value_columns(self) -> tuple[str, ...]:
        """The applicant columns in printed order, 总计 last."""
        return tuple(self.columns)

    @property
    def part_columns(self) -> tuple[str, ...]:
        """The applicant columns whose sum is 总计."""
        return tuple(c for c in self.columns if c != "total")


@attrs.frozen
class ReviewLitigationSpec:
    """Table 四 of one template."""

    title: str
    signals: tuple[str, ...]
    groups: Mapping[str, Label]
    columns: Mapping[str, Column]


@attrs.frozen
class PrintedLabel:
    """A label a template prints: its table, what it labels (kind and id) and every spelling.

    `marked` labels carry their numbering (一、 （三） 1.) as part of what tells them apart.
    """

    table: str
    kind: LabelKind
    id: str
    spellings: tuple[str, ...]
    marked: bool = False


@attrs.frozen
class Template:
    """One template year: every row and column identifier with its labels."""

    name: str
    description: str
    signals: tuple[str, ...]
    active_disclosure: ActiveDisclosureSpec
    applications: ApplicationsSpec
    review_litigation: ReviewLitigationSpec
    source: str = attrs.field(default="", eq=False)

    def row_ids(self, table: str) -> tuple[str, ...]:
        """Every row (or group) identifier of a table, in printed order."""
        if table == "active_disclosure":
            return tuple(self.active_disclosure.rows)
        if table == "applications":
            return tuple(r.id for r in self.applications.rows)
        return tuple(self.review_litigation.groups)

    def standard_row_ids(self, table: str) -> tuple[str, ...]:
        """The rows a report on this template prints: row_ids without table 三's rows of the other
        template's （六）, which it reads only where a report mixes them (FORMAT.md §2.4)."""
        if table == "applications":
            return tuple(r.id for r in self.applications.rows if r.standard)
        return self.row_ids(table)

    def expected_row_ids(self, table: str, read: Collection[str]) -> tuple[str, ...]:
        """The rows a table whose rows `read` were read prints: standard_row_ids, but for a row
        whose split rows of the other template were read (a report mixing templates, FORMAT.md
        §2.4: 2021's 3.其他 under （六）其他处理 in a 2019 table), which is their group there."""
        rows = self.applications.rows if table == "applications" else ()
        groups = {r.group for r in rows if r.id in read and not r.standard}
        return tuple(r for r in self.standard_row_ids(table) if r not in groups)

    def column_ids(self, table: str, row: str | None = None) -> tuple[str, ...]:
        """The column identifiers of a table (of one row's block for table 二)."""
        if table == "active_disclosure":
            if row is not None:
                block = self.active_disclosure.block_of(row)
                return block.columns if block else ()
            return tuple(self.active_disclosure.columns)
        if table == "applications":
            return self.applications.value_columns
        return tuple(self.review_litigation.columns)

    def printed_labels(self) -> Iterator[PrintedLabel]:
        """Every label the template prints, table by table: the one list the lexicon and the outline read."""
        active, apps, review = self.active_disclosure, self.applications, self.review_litigation
        for rid, label in active.rows.items():
            yield PrintedLabel("active_disclosure", "row", rid, label.spellings)
        for cid, column in active.columns.items():
            yield PrintedLabel("active_disclosure", "column", cid, column.label.spellings)
        for block in active.blocks:
            yield PrintedLabel("active_disclosure", "caption", block.caption, (block.caption,))
        yield PrintedLabel("active_disclosure", "header", "header", (active.header,))
        for row in apps.rows:
            yield PrintedLabel("applications", "row", row.id, row.label.spellings, marked=True)
        for gid, label in apps.groups.items():
            yield PrintedLabel("applications", "group", gid, label.spellings, marked=True)
        for cid, column in apps.columns.items():
            yield PrintedLabel("applications", "column", cid, column.label.spellings)
        yield PrintedLabel("applications", "column_group", "column_group", apps.column_group.spellings)
        outcome = apps.outcome_group.spellings
        yield PrintedLabel("applications", "outcome_group", "outcome_group", outcome, marked=True)
        yield PrintedLabel("applications", "header", "header", apps.header_labels)
        for gid, label in review.groups.items():
            yield PrintedLabel("review_litigation", "group", gid, label.spellings)
        for cid, column in review.columns.items():
            yield PrintedLabel("review_litigation", "column", cid, column.label.spellings)
        yield PrintedLabel("review_litigation", "header", "header", review.signals)
