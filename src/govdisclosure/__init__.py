"""govdisclosure: Chinese government information-disclosure annual reports -> typed, validated data.

Parse a report's text, a file (text, HTML, PDF, Word) or its bytes:

>>> import govdisclosure
>>> text = "某县人民政府2024年政府信息公开工作年度报告\\n一、总体情况\\n本年度，本机关持续推进政务公开。"
>>> report = govdisclosure.parse(text)
>>> report.organ, report.year, [section.title for section in report.sections]
('某县人民政府', 2024, ['总体情况'])
>>> report.tables.applications is None  # this text has no table 三: None, never zeros
True

`parse_file(path)` and `parse_bytes(data)` read files; `report.tables.applications.cell(row,
column)` gives a cell with its value, raw text, kind and line; `report.checks` the accounting
identities; `report.to_dict()` the JSON form. See README.md and docs/.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .api import (
    MAX_DOCUMENT_BYTES,
    MAX_INPUT_CHARS,
    parse,
    parse_bytes,
    parse_document,
    parse_file,
    raise_for_errors,
)
from .compare import CellChange, Comparison, compare
from .errors import (
    DecodeError,
    DocumentError,
    GovDisclosureError,
    InputTooLargeError,
    MissingDependencyError,
    OutputExistsError,
    ParseError,
    TemplateError,
)
from .model import (
    ActiveDisclosureTable,
    ApplicationsTable,
    Cell,
    Check,
    Diagnostic,
    Marker,
    Report,
    ReviewLitigationTable,
    Section,
    Table,
    Tables,
)
from .render import render
from .templates import Template, TemplateRegistry, default_templates, load_template
from .textfile import ReadError

if TYPE_CHECKING:
    from .batch import BatchResult, parse_many
    from .convert import SchemaError
    from .frame import to_frame
    from .parquet import to_parquet

# Names whose modules a parse does not need, imported on first use (PEP 562) so that
# `import govdisclosure` stays cheap: cattrs (convert), the batch runner, pandas glue (frame),
# the Parquet writer.
# compare and render stay eager: their modules share the names, and a submodule imported
# later (`import govdisclosure.render`) would replace a lazily bound function.
_LAZY = {
    "BatchResult": "batch",
    "parse_many": "batch",
    "SchemaError": "convert",
    "to_frame": "frame",
    "to_parquet": "parquet",
}


def __getattr__(name: str) -> object:
    """Import a lazy public name's module on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The module's names, the lazy ones included."""
    return sorted({*globals(), *_LAZY})


__version__ = "0.1.0"

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MAX_INPUT_CHARS",
    "ActiveDisclosureTable",
    "ApplicationsTable",
    "BatchResult",
    "Cell",
    "CellChange",
    "Check",
    "Comparison",
    "DecodeError",
    "Diagnostic",
    "DocumentError",
    "GovDisclosureError",
    "InputTooLargeError",
    "Marker",
    "MissingDependencyError",
    "OutputExistsError",
    "ParseError",
    "ReadError",
    "Report",
    "ReviewLitigationTable",
    "SchemaError",
    "Section",
    "Table",
    "Tables",
    "Template",
    "TemplateError",
    "TemplateRegistry",
    "__version__",
    "compare",
    "default_templates",
    "load_template",
    "parse",
    "parse_bytes",
    "parse_document",
    "parse_file",
    "parse_many",
    "raise_for_errors",
    "render",
    "to_frame",
    "to_parquet",
]
