"""The public facade: parse(), parse_file() and the pipeline they run, in order."""

from __future__ import annotations

import functools
from os import PathLike

import attrs

from .checks import run_checks
from .diagnostics import EMPTY_INPUT, INPUT_IS_A_PATH, NO_REPORT
from .errors import InputTooLargeError, ParseError
from .layout import Layout
from .layout.grid import DocumentText
from .layout.html import is_html_page, read_html
from .model import Diagnostic, Report
from .normalize import normalize, split_lines
from .sections import read_outline
from .sections.config import sections_config
from .tables import read_tables
from .templates import TemplateRegistry, default_templates
from .textfile import decode, looks_like_path, read_bytes
from .values import value_diagnostics

#: Default ceiling on input size, in characters (configurable per call).
MAX_INPUT_CHARS = 50_000_000
#: Default ceiling on a document file's size, in bytes (a PDF or DOCX; configurable per call).
MAX_DOCUMENT_BYTES = 200_000_000


def parse(
    text: str,
    *,
    strict: bool = False,
    templates: TemplateRegistry | None = None,
    max_chars: int = MAX_INPUT_CHARS,
) -> Report:
    """Parse a report's text into a Report; what the text does not settle becomes a Diagnostic.

    The text may be a report as some tool flattened it (tab rows, one cell per line, PDF text,
    markdown…) or an HTML page. Files (PDF, Word, HTML bytes) go to `parse_file` or `parse_bytes`;
    a file name given here (`parse("reports/2023.txt")`) gives an `input-is-a-path` error
    diagnostic pointing there.

    Raises `ParseError` for the first error-level diagnostic when `strict`, `InputTooLargeError`
    over `max_chars`, and `TypeError` for text that is not a str or `templates=` that is not a
    TemplateRegistry; nothing else.

    >>> parse("一、总体情况").sections[0].title
    '总体情况'
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}; use parse_file() for bytes")
    _check_size(len(text), max_chars)
    registry = _registry(templates)
    if is_html_page(text):
        # A page: its tables read as grids, its text as lines; the report's lines are the page's.
        return _pipeline(read_html(text), registry, strict)
    return _pipeline(text, registry, strict)


def parse_document(
    document: DocumentText, *, strict: bool = False, templates: TemplateRegistry | None = None
) -> Report:
    """Parse what a document reader gave (documents.read_document): its lines and table rows."""
    if not isinstance(document, DocumentText):
        raise TypeError(
            f"parse_document() takes a DocumentText, not {type(document).__name__}; "
            "use parse() for text and parse_bytes() for a file's bytes"
        )
    return _pipeline(document, _registry(templates), strict)


def _check_size(chars: int, max_chars: int) -> None:
    if chars > max_chars:
        raise InputTooLargeError(
            f"input has {chars:,} characters, more than the limit of {max_chars:,}",
            hint="pass max_chars= to parse a larger text",
        )


def _text_bytes(max_chars: int) -> int:
    # A UTF-8 character is at most 4 bytes (UTF-16: 4 per astral pair): more bytes than this
    # cannot decode within max_chars.
    return 4 * max(max_chars, 0) + 4


def _registry(templates: TemplateRegistry | None) -> TemplateRegistry:
    if templates is not None and not isinstance(templates, TemplateRegistry):
        raise TypeError(f"templates= takes a TemplateRegistry, not {type(templates).__name__}")
    return templates if templates is not None else default_templates()


@functools.cache
def _section_titles() -> tuple[str, ...]:
    # A section's title ends the table before it (its numeral may be printed on a line of its own).
    return tuple(w for section in sections_config().sections for w in section.spellings)


def _pipeline(source: str | DocumentText, registry: TemplateRegistry, strict: bool) -> Report:
    """The steps, in order: lines -> positioned cells -> tables and outline -> checks -> Report."""
    layout: Layout | None = None
    if isinstance(source, DocumentText):
        text = "\n".join(source.lines)
        layout = Layout(source.rows)
    else:
        text = source
    lines = normalize(text)
    found = read_tables(lines, registry, layout, _section_titles())
    outline = read_outline(lines, found.table_lines, found.markup_lines)
    template = found.template
    checks, check_diagnostics = run_checks(found.tables, registry, template)
    cell_diagnostics = value_diagnostics(found.tables)
    diagnostics = [*found.diagnostics, *cell_diagnostics, *outline.diagnostics, *check_diagnostics]
    # Empty once invisible marks and control characters are gone (normalize), not only by str.strip.
    if all(line.is_blank for line in lines):
        diagnostics.insert(0, Diagnostic(EMPTY_INPUT, "the input is empty", None))
    elif not outline.sections and all(t is None for _, t in found.tables.items()):
        if looks_like_path(text):
            # parse("reports/2023.txt"): the name of a file, not its text.
            name = text.strip()[:80]
            message = f"the text is a file name ({name!r}), not a report: read it with parse_file()"
            diagnostics.insert(0, Diagnostic(INPUT_IS_A_PATH, message, None))
        else:
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
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> Report:
    """Read and parse a report file: text (UTF-8, UTF-16, GB18030), HTML, PDF or Word.

    The format is recognised from the content, not the file name (see `parse_bytes`).
    """
    from .documents import detect_format

    # A text longer than _text_bytes is not read (nor is an endless device); a document (PDF,
    # Word) may be larger, up to max_bytes.
    text_limit = _text_bytes(max_chars)

    def limit(head: bytes) -> int:
        return text_limit if detect_format(head, str(path)) in ("text", "html") else max_bytes

    data = read_bytes(path, limit_for=limit)
    return parse_bytes(data, str(path), strict=strict, templates=templates, max_chars=max_chars)


def parse_bytes(
    data: bytes,
    filename: str | None = None,
    *,
    strict: bool = False,
    templates: TemplateRegistry | None = None,
    max_chars: int = MAX_INPUT_CHARS,
) -> Report:
    """Parse a report file's bytes: its format is recognised from them (magic bytes, markup).

    Text is decoded as UTF-8, UTF-16 (with BOM) or GB18030; an HTML page in its own charset;
    PDF, DOCX (and DOC, WPS, RTF, ODT through LibreOffice) are read by documents/. `filename`
    only names the source in error messages.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"parse_bytes() takes bytes, not {type(data).__name__}")
    # The document readers load with the first file: `parse(text)` never needs them.
    from .documents import detect_format, read_document
    from .documents.html import decode_html

    data = bytes(data)
    source = filename or "<bytes>"
    fmt = detect_format(data, source)
    if fmt == "text":
        if len(data) > _text_bytes(max_chars):
            _check_size(len(data) // 4, max_chars)
        decoded = decode(data, source)
        report = parse(decoded.text, strict=strict, templates=templates, max_chars=max_chars)
        return attrs.evolve(report, encoding=decoded.encoding)
    if fmt == "html":
        text, encoding = decode_html(data, source)
        report = parse(text, strict=strict, templates=templates, max_chars=max_chars)
        return attrs.evolve(report, encoding=encoding)
    document = read_document(data, fmt, source)
    _check_size(sum(len(line) + 1 for line in document.lines), max_chars)
    return attrs.evolve(parse_document(document, strict=strict, templates=templates), encoding=fmt)
