"""The way back, shared step: a Report -> headings, paragraphs and table grids in reading order."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ..model import TABLE_NAMES, Report, Section, Table
from ..sections.config import sections_config
from ..templates import Template, TemplateRegistry, default_templates
from .grid import TableGrid, table_grid


@attrs.frozen
class Heading:
    """A heading line: depth (1 = top-level section, 0 = the report title) and its printed text."""

    depth: int
    text: str


@attrs.frozen
class Paragraph:
    """One paragraph of prose."""

    text: str


@attrs.frozen
class TableBlock:
    """One statutory table, as its official grid."""

    grid: TableGrid


Block = Heading | Paragraph | TableBlock


def template_for(report: Report, table: Table, registry: TemplateRegistry) -> Template:
    """The template a table is printed in: its own, the report's, one holding all its rows, the latest."""
    for name in (table.template, report.template):
        if name is not None and name in registry:
            return registry[name]
    name_of = type(table).name
    for template in registry:
        if set(table.rows) <= set(template.row_ids(name_of)):
            return template
    return registry.latest()


def organ_sentence(organ: str, year: int | None) -> str:
    """A preamble sentence naming the organ (and year) the way reports do, where the title does not."""
    # The model keeps no preamble prose, but the parser reads the organ from it when the title lacks
    # it (seed 000: 「发布高新区2020年政府信息公开工作年度报告」), so it is printed back in that form.
    # Printed with words after the report's name, so it is read as prose, never as the report's title.
    if year is None:
        return f"本报告由{organ}负责编制。"
    return f"发布{organ}{year}年{sections_config().word('report_words')}如下。"


def _paragraphs(text: str) -> Iterator[Paragraph]:
    for part in text.split("\n"):
        if part.strip():
            yield Paragraph(part.strip())


def _section(section: Section, depth: int, tables: dict[str, TableBlock]) -> Iterator[Block]:
    marker = section.marker.text if section.marker else ""
    yield Heading(depth, f"{marker}{section.title}")
    yield from _paragraphs(section.text)
    if depth == 1 and section.kind in tables:
        yield tables.pop(section.kind)
    for child in section.children:
        yield from _section(child, depth + 1, tables)


def blocks(report: Report, registry: TemplateRegistry | None = None) -> Iterator[Block]:
    """Every block of the report in reading order; a table whose section is missing stands alone there."""
    registry = registry if registry is not None else default_templates()
    tables: dict[str, TableBlock] = {}
    for name, table in report.tables.items():
        if table is not None:
            tables[name] = TableBlock(table_grid(name, table, template_for(report, table, registry)))
    kinds = sections_config().kinds
    if report.title:
        yield Heading(0, report.title)
    if report.organ and report.organ not in (report.title or ""):
        yield Paragraph(organ_sentence(report.organ, report.year))
    for section in report.sections:
        rank = kinds.index(section.kind) if section.kind in kinds else -1
        for name in TABLE_NAMES:
            # A table whose own section is missing goes before the first section that follows it.
            if name in tables and name not in _kinds_ahead(report, section) and kinds.index(name) < rank:
                yield tables.pop(name)
        yield from _section(section, 1, tables)
    for name in TABLE_NAMES:
        if name in tables:
            yield tables.pop(name)


def _kinds_ahead(report: Report, section: Section) -> set[str]:
    """The kinds of this and the later top-level sections."""
    index = next(i for i, s in enumerate(report.sections) if s is section)
    return {s.kind for s in report.sections[index:] if s.kind}
