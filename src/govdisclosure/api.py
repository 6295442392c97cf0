"""The public facade: parse(), parse_file() and the pipeline they run, in order."""

from __future__ import annotations

from os import PathLike

import attrs

from .checks import run_checks
from .diagnostics import EMPTY_INPUT, NO_REPORT
from .errors import InputTooLargeError, ParseError
from .layout import Layout
from .layout.html import is_html_page, read_html
from .model import Diagnostic, Report
from .normalize import normalize, split_lines
from .sections import read_outline
from .tables import read_tables
from .templates import TemplateRegistry, default_templates
from .textfile import read_text
from .values import value_diagnostics

#: Default ceiling on input size, in characters (configurable per call).
MAX_INPUT_CHARS = 50_000_000


def parse(
    text: str,
    *,
    strict: bool = False,
    templates: TemplateRegistry | None = None,
    max_chars: int = MAX_INPUT_CHARS,
) -> Report:
    """Parse a report's text into a Report; never raises unless `strict` (ParseError) or too large.

    >>> parse("一、总体情况").sections[0].title
    '总体情况'
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}; use parse_file() for bytes")
    if len(text) > max_chars:
        raise InputTooLargeError(
            f"input has {len(text):,} characters, more than the limit of {max_chars:,}",
            hint="pass max_chars= to parse a larger text",
        )
    if templates is not None and not isinstance(templates, TemplateRegistry):
        raise TypeError(f"templates= takes a TemplateRegistry, not {type(templates).__name__}")
    registry = templates if templates is not None else default_templates()
    layout: Layout | None = None
    if is_html_page(text):
        # A page: its tables read as grids, its text as lines; the report's lines are the page's.
        page = read_html(text)
        text = "\n".join(page.lines)
        layout = Layout(page.rows)
    lines = normalize(text)
    found = read_tables(lines, registry, layout)
    outline = read_outline(lines, found.table_lines, found.markup_lines)
    template = found.template
    checks, check_diagnostics = run_checks(found.tables, registry, template)
    cell_diagnostics = value_diagnostics(found.tables)
    diagnostics = [*found.diagnostics, *cell_diagnostics, *outline.diagnostics, *check_diagnostics]
    # Empty once invisible marks and control characters are gone (normalize), not only by str.strip.
    if all(line.is_blank for line in lines):
        diagnostics.insert(0, Diagnostic(EMPTY_INPUT, "the input is empty", None))
    elif not outline.sections and all(t is None for _, t in found.tables.items()):
        diagnostics.insert(0, Diagnostic(NO_REPORT, "no section heading or statutory table found", None))
    report = Report(
        title=outline.title,
        organ=outline.organ,
        year=outline.year,
        template=template,
        sections=outline.sections,
        tables=found.tables,
        checks=tuple(checks),
        diagnostics=tuple(sorted(diagnostics, key=lambda d: d.line or 0)),
    )
    if strict:
        raise_for_errors(report, lines_of=text)
    return report


def raise_for_errors(report: Report, lines_of: str | None = None) -> None:
    """Raise ParseError for the report's first error-level diagnostic, quoting its line."""
    if not isinstance(report, Report):
        raise TypeError(f"raise_for_errors() takes a Report, not {type(report).__name__}")
    errors = report.errors
    if not errors:
        return
    first = errors[0]
    excerpt = None
    if lines_of is not None and first.line is not None:
        all_lines = split_lines(lines_of)
        if 0 < first.line <= len(all_lines):
            excerpt = all_lines[first.line - 1].strip()[:120]
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    raise ParseError(f"{first.code}: {first.message}{more}", line=first.line, excerpt=excerpt)


def parse_file(
    path: str | PathLike[str],
    *,
    strict: bool = False,
    templates: TemplateRegistry | None = None,
    max_chars: int = MAX_INPUT_CHARS,
) -> Report:
    """Read a file (UTF-8 with or without BOM, UTF-16 with BOM, or GB18030) and parse it."""
    # A UTF-8 character is at most 4 bytes (UTF-16: 4 per astral pair): more bytes than that
    # cannot decode within max_chars, so they are not read (nor is an endless device).
    decoded = read_text(path, max_bytes=4 * max(max_chars, 0) + 4)
    report = parse(decoded.text, strict=strict, templates=templates, max_chars=max_chars)
    return attrs.evolve(report, encoding=decoded.encoding)
