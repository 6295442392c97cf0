"""Steps 2-4 for the outline: lines -> heading tokens -> Lark parse -> Section model (FORMAT.md §2.1).

The pipeline, one module per step: `fold` (full-width forms; the numbering styles themselves live in
`govdisclosure.numbering`), `heading` and `inline` (is this a
heading?), `tokens` (the line classifier), `levels` (depth by style rank), `outline` (the Lark
grammar grammars/report.lark, its embedded transformer), `metadata` (title, organ, year).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import NamedTuple

from ..markup import unmarked
from ..model import Diagnostic, Section
from ..normalize import Line
from .config import sections_config
from .labels import table_labels
from .metadata import read_metadata
from .outline import build_sections
from .tokens import classify

__all__ = ["Outline", "read_outline"]


# A NamedTuple, not an attrs class: internal, and an attrs class costs ~2.6 million instructions to define
# at import (docs/performance.md); a NamedTuple a fifth of that, immutable and compared by value too.
class Outline(NamedTuple):
    """What the outline step found: sections, title, organ, year and its diagnostics."""

    sections: tuple[Section, ...] = ()
    title: str | None = None
    organ: str | None = None
    year: int | None = None
    diagnostics: tuple[Diagnostic, ...] = ()


def read_outline(
    lines: Sequence[Line], table_lines: Collection[int], markup_lines: Collection[int] = ()
) -> Outline:
    """The report's outline; lines inside tables never open a section, markup lines hold no text."""
    lines = unmarked(lines)
    config = sections_config()
    labels = table_labels(extra=config.extra_table_labels)
    tokens, skipped = classify(lines, table_lines, config, labels, markup_lines)
    sections, diagnostics = build_sections(tokens, config)
    meta = read_metadata(lines, tokens, config)
    found = (*skipped, *diagnostics, *meta.diagnostics)
    return Outline(sections, meta.title, meta.organ, meta.year, tuple(found))
