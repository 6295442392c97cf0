"""govdisclosure: Chinese government information-disclosure annual reports -> typed, validated data."""

from __future__ import annotations

from .api import (
    MAX_DOCUMENT_BYTES,
    MAX_INPUT_CHARS,
    parse,
    parse_bytes,
    parse_document,
    parse_file,
    raise_for_errors,
)
from .batch import BatchResult, parse_many
from .compare import CellChange, Comparison, compare
from .convert import SchemaError
from .errors import (
    DecodeError,
    DocumentError,
    GovDisclosureError,
    InputTooLargeError,
    MissingDependencyError,
    ParseError,
    TemplateError,
)
from .frame import to_frame
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
]
