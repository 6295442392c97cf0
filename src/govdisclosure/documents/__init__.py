"""Step 1 for documents: a PDF, Word or HTML file -> the report's lines and its tables' rows (§2.2 L).

`read_document(data, filename)` recognises the format by its content (magic bytes, never the
file name) and hands it to that format's reader; every reader gives a `DocumentText` (the
report's lines in reading order and its tables as rows of positioned cells, layout/grid.py), which
the pipeline reads exactly as it reads text: one placement step for every source.

| format | reader | needs |
|---|---|---|
| text (UTF-8, UTF-16, GB18030) | not a document: `parse` reads it | - |
| HTML | `documents/html.py` (charset from BOM, meta or http-equiv) | - |
| DOCX | `documents/docx.py` (the XML directly: gridSpan, vMerge, numPr) | - |
| PDF | `documents/pdf.py` (PDFium: characters, ruling lines; pdfplumber: geometry) | `govdisclosure[pdf]` |
| DOC, WPS, RTF, ODT | converted to DOCX by LibreOffice (`documents/office.py`) | `soffice` on PATH |
"""

from __future__ import annotations

from ..errors import DocumentError
from ..layout.grid import DocumentText
from .formats import DocumentFormat, detect_format

__all__ = ["DocumentFormat", "DocumentText", "detect_format", "read_document"]


def read_document(data: bytes, fmt: DocumentFormat, source: str = "<bytes>") -> DocumentText:
    """The lines and table rows of a document in a known format (not plain text)."""
    if fmt == "html":
        from .html import read_html_bytes

        return read_html_bytes(data, source)
    if fmt == "docx":
        from .docx import read_docx

        return read_docx(data, source)
    if fmt == "pdf":
        from .pdf import read_pdf

        return read_pdf(data, source)
    if fmt in ("doc", "rtf", "odt"):
        from .docx import read_docx
        from .office import to_docx

        return read_docx(to_docx(data, fmt, source), source)
    raise DocumentError(f"{source}: plain text is no document")  # pragma: no cover - callers check
