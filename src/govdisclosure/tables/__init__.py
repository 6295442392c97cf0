"""Steps 2-5 for the tables: find each statutory table, read its layout, place cells on the grid."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..model import Diagnostic, Tables
from ..normalize import Line
from ..templates import TemplateRegistry

__all__ = ["FoundTables", "read_tables"]


@attrs.frozen
class FoundTables:
    """The tables step's result: the tables, the report template, the lines they occupy, diagnostics."""

    tables: Tables = attrs.field(factory=Tables)
    template: str | None = None
    table_lines: frozenset[int] = frozenset()
    diagnostics: tuple[Diagnostic, ...] = ()


def read_tables(lines: Sequence[Line], registry: TemplateRegistry) -> FoundTables:
    """Find and reconstruct the three statutory tables."""
    return FoundTables()
