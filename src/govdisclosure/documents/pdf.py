"""PDF files: ruled tables as grids with their merged cells, the text around them in reading order.

`read_pdf(data)` reads a PDF's text layer (the optional extra `govdisclosure[pdf]`): PDFium
(pypdfium2) parses each page and gives its characters and drawn paths (documents/pdf_page.py);
each page's tables come from their ruling lines (documents/pdf_tables.py) as grids with their
spans (documents/pdf_grid.py), a table running over a page break joined into one grid; the other
text as lines top to bottom, running headers, footers and page numbers dropped
(documents/pdf_text.py). The blocks (`read_pdf_blocks`) go to `layout.grid.document_text` as
every document reader's do.

pdfminer's object layer (through pdfplumber: no page content interpreted) opens the file first:
it tells a damaged or encrypted file, and measures what each page draws before PDFium parses it
(PDFium gives no stream sizes). Refused with a one-line `DocumentError`: a PDF whose objects
pdfminer cannot parse or PDFium cannot load (truncated, damaged), one whose page count says
fewer pages than it lists (PDFium would read only as many), an encrypted one (it needs a
password), one with no text layer (a scan: it needs OCR first, e.g. `ocrmypdf`), and one beyond
these bounds on the work (a report page draws 5-50 KB; PDFium parses 1 MiB in well under a
second, the Python after it takes ~8 s for a page of 52,000 filled rectangles):

| bound | limit |
|---|---|
| pages | `MAX_PAGES` = 300 (a report has 3-15) |
| content drawn on one page (its streams and forms, decoded) | `MAX_PAGE_CONTENT` = 1 MiB (≤ ~10 s) |
| content drawn in the whole PDF | `MAX_CONTENT` = 16 MiB |
| characters on one page | `MAX_PAGE_GLYPHS` = 20,000 (a dense A4 page has ~1,500) |

The ruling lines of a page are bounded too (`pdf_tables.MAX_RULES`: the longest are kept).
"""

from __future__ import annotations

import logging
import struct
import threading
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from typing import Any

import attrs

from ..errors import DocumentError, MissingDependencyError
from ..layout.grid import DocumentText, Grid, document_text
from .pdf_grid import continues, grid_of, single_column
from .pdf_page import read_page
from .pdf_tables import Part, find_parts, rules_of
from .pdf_text import Line, dedupe, strip_margins, text_lines

__all__ = ["MAX_CONTENT", "MAX_PAGES", "MAX_PAGE_CONTENT", "MAX_PAGE_GLYPHS", "read_pdf", "read_pdf_blocks"]

MAX_PAGES = 300
MAX_PAGE_CONTENT = 1024 * 1024
MAX_CONTENT = 16 * 1024 * 1024
MAX_PAGE_GLYPHS = 20_000
# Fake bold prints a glyph twice (or up to four times): the raw count is judged against this
# multiple, the count after deduplication against MAX_PAGE_GLYPHS.
FAKE_BOLD_COPIES = 4
# What pdfminer, pdfplumber and pypdfium2 let slip when a damaged file garbles an object (a page
# with no MediaBox: TypeError): the file's fault only when raised inside them, else our own bug.
PARSER_SLIPS = (
    *(TypeError, ValueError, KeyError, IndexError, AttributeError, AssertionError),
    *(ZeroDivisionError, OverflowError, RecursionError, UnicodeError, zlib.error, struct.error),
)
PDFIUM_PASSWORD = 4
INSTALL_HINT = "reading PDF needs pypdfium2 and pdfplumber: pip install 'govdisclosure[pdf]'"
# PDFium is not thread-safe: one document is read at a time in a process.
_PDFIUM = threading.Lock()
NO_TEXT = "the PDF has no text layer (no text on any page)"
OCR_HINT = "the PDF has no text layer (a scan?): it needs OCR first, e.g. ocrmypdf"


@attrs.frozen
class _Page:
    """What one page holds: its lines outside tables, its tables' parts, its height, its images."""

    number: int
    height: float
    lines: tuple[Line, ...]
    parts: tuple[Part, ...]
    images: int


def read_pdf(data: bytes, source: str = "<bytes>") -> DocumentText:
    """A PDF's lines and table rows: ruled tables as grids, other text in reading order."""
    return document_text(read_pdf_blocks(data, source))


def read_pdf_blocks(data: bytes, source: str = "<bytes>") -> list[str | Grid]:
    """A PDF's blocks in reading order: its text lines and its tables' grids (spans resolved)."""
    try:
        import pdfplumber
        import pypdfium2
    except ImportError as exc:
        raise MissingDependencyError(INSTALL_HINT) from exc
    with _quiet_pdfminer(), _PDFIUM:
        pages = _read_pages(pdfplumber, pypdfium2, data, source)
    blocks = list(_blocks(pages))
    if not blocks:
        # Nothing but running headers and page numbers (a scan with a stamped footer) is no text.
        no_text = OCR_HINT if any(page.images for page in pages) else NO_TEXT
        raise DocumentError(f"{source}: {no_text}")
    return blocks


def _read_pages(pdfplumber: Any, pypdfium2: Any, data: bytes, source: str) -> list[_Page]:
    """Every page read, within the bounds, or DocumentError saying what the file's trouble is.

    pdfminer's object layer (through pdfplumber, no content interpreted) tells a damaged or
    encrypted file and measures what each page draws before PDFium parses it; PDFium reads it.
    """
    with (
        _parser_errors(source),
        pdfplumber.open(BytesIO(data)) as pdf,
        pypdfium2.PdfDocument(data) as document,
    ):
        count = len(pdf.pages)
        if count > MAX_PAGES:
            raise DocumentError(f"{source}: the PDF has {count} pages, more than the limit of {MAX_PAGES}")
        pages = []
        content = 0
        for index, page in enumerate(pdf.pages):
            content += _content_size(page, source)
            if content > MAX_CONTENT:
                raise DocumentError(f"{source}: the PDF draws more than {MAX_CONTENT:,} bytes of content")
            if index >= len(document):  # PDFium believes the page tree's /Count, pdfminer its pages
                raise DocumentError(
                    f"{source}: a damaged PDF: it has {count} pages, its page count says {len(document)}"
                )
            pages.append(_read_page(pypdfium2.raw, document.raw, index, source))
        return pages


def _read_page(raw: Any, document: Any, index: int, source: str) -> _Page:
    """One page: glyphs (fake bold read once), ruled tables, the lines outside them."""
    number = index + 1
    page = raw.FPDF_LoadPage(document, index)
    if not page:
        raise DocumentError(f"{source}: page {number} is damaged: PDFium cannot load it")
    try:
        content = read_page(raw, page, MAX_PAGE_GLYPHS * FAKE_BOLD_COPIES)
    finally:
        raw.FPDF_ClosePage(page)
    too_many = DocumentError(f"{source}: page {number} has more than {MAX_PAGE_GLYPHS:,} characters")
    if content is None:
        raise too_many
    glyphs = dedupe(content.glyphs)
    if len(glyphs) > MAX_PAGE_GLYPHS:
        raise too_many
    rest = [g for g in glyphs if g.text.strip()]
    rules = rules_of(content.shapes)
    parts = find_parts(number, rules, rest) if rules else []
    lines = tuple(text_lines(rest, number))
    return _Page(number, content.height, lines, tuple(parts), content.images)


def _blocks(pages: Sequence[_Page]) -> Iterator[str | Grid]:
    """Text lines and tables in reading order, page after page; a table over a page break joined."""
    kept = strip_margins([p.lines for p in pages], [p.height for p in pages])
    ordered: list[Line | list[Part]] = []
    for page, lines in zip(pages, kept, strict=True):
        items: list[Line | Part] = sorted([*lines, *page.parts], key=lambda item: item.top)
        for item in items:
            if isinstance(item, Line):
                ordered.append(item)
            elif ordered and isinstance(ordered[-1], list) and continues(ordered[-1][-1], item):
                ordered[-1].append(item)
            else:
                ordered.append([item])
    index = 0
    for block in ordered:
        if isinstance(block, Line):
            yield block.text
        elif single_column(block):
            yield from (line.text for part in block for line in part.lines)
        else:
            yield grid_of(block, index)
            index += 1


@contextmanager
def _parser_errors(source: str) -> Iterator[None]:
    """pdfminer's, pdfplumber's and PDFium's failures on a damaged or encrypted file as one DocumentError."""
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException
    from pypdfium2 import PdfiumError

    try:
        yield
    except (PdfminerException, MalformedPDFException, PSException, PdfiumError) as exc:
        raise DocumentError(f"{source}: {_reason(exc)}") from exc
    except PARSER_SLIPS as exc:
        if not _raised_in_parser(exc):
            raise
        raise DocumentError(f"{source}: {_reason(exc)}") from exc


def _raised_in_parser(exc: BaseException) -> bool:
    """True when the innermost frame of the exception is pdfminer's, pdfplumber's or pypdfium2's code."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return False
    parts = Path(tb.tb_frame.f_code.co_filename).parts
    return "pdfminer" in parts or "pdfplumber" in parts or "pypdfium2" in parts


def _reason(exc: BaseException) -> str:
    """What the exception (pdfminer's, maybe wrapped by pdfplumber, or PDFium's) says about the file."""
    from pdfminer.pdfdocument import PDFEncryptionError

    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    # PDFPasswordIncorrect is a PDFEncryptionError; PDFium says FPDF_ERR_PASSWORD (4).
    if isinstance(inner, PDFEncryptionError) or getattr(inner, "err_code", None) == PDFIUM_PASSWORD:
        return "the PDF is encrypted: it needs a password (or an encryption pdfminer cannot read)"
    detail = (str(inner).splitlines() or [""])[0][:120] or type(inner).__name__
    return f"a damaged or truncated PDF that cannot be read ({detail})"


def _content_size(page: Any, source: str) -> int:
    """The decoded size of what a page draws (content streams and forms), within the limit."""
    from pdfminer.pdftypes import PDFStream, resolve1
    from pdfminer.psparser import LIT

    streams = [resolve1(s) for s in (page.page_obj.contents or [])]
    resources = resolve1(page.page_obj.resources)
    forms = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
    if isinstance(forms, dict):
        streams += [resolve1(x) for x in forms.values()]
    total = 0
    for stream in streams:
        if isinstance(stream, PDFStream) and stream.attrs.get("Subtype") is not LIT("Image"):
            total += _decoded_size(stream)
    if total > MAX_PAGE_CONTENT:
        limit = f"{MAX_PAGE_CONTENT:,}"
        raise DocumentError(f"{source}: page {page.page_number} draws more than {limit} bytes of content")
    return total


def _decoded_size(stream: Any) -> int:
    """A stream's size once inflated (a zip bomb is inflated only up to the limit)."""
    raw: bytes = stream.rawdata if stream.rawdata is not None else (stream.data or b"")
    if "FlateDecode" not in str(stream.attrs.get("Filter", "")):
        return len(raw)
    try:
        return len(zlib.decompressobj().decompress(raw, MAX_PAGE_CONTENT + 1))
    except zlib.error:
        return len(raw)  # pdfminer says what is wrong when it reads the stream


class _BelowError(logging.Filter):
    """Drops pdfminer's warnings about harmless quirks (WPS fonts without a FontBBox …)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.ERROR


@contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """pdfminer's warnings silenced while a PDF is read (they print once per font otherwise)."""
    quiet = _BelowError()
    # A logger's filters do not see its children's records: every pdfminer logger gets one.
    names = [name for name in logging.root.manager.loggerDict if name.split(".")[0] == "pdfminer"]
    loggers = [logging.getLogger(name) for name in names]
    for logger in loggers:
        logger.addFilter(quiet)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeFilter(quiet)
