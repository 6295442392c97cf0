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
| PDF | `documents/pdf.py` (pdfplumber: ruling lines and word positions) | `govdisclosure[pdf]` |
| DOC, WPS, RTF, ODT | converted to DOCX by LibreOffice (`documents/office.py`) | `soffice` on PATH |
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from typing import Literal

from ..errors import DocumentError
from ..layout.grid import DocumentText

__all__ = ["DocumentFormat", "DocumentText", "detect_format", "read_document"]

DocumentFormat = Literal["text", "html", "pdf", "docx", "doc", "rtf", "odt"]

# How far into the bytes the markers of an HTML page are looked for.
HTML_SNIFF = 4096
HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<table", b"<div", b"<p>")
MIMETYPE_BYTES = 100
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of .doc, .wps (and .xls …)


def detect_format(data: bytes, source: str = "<bytes>") -> DocumentFormat:
    """The format the bytes are in, from their content; a PDF saved as .txt is still a PDF.

    The first bytes are enough but for a ZIP archive (DOCX, ODT), whose listing is read: given
    only a file's head (parse_file choosing how much to read), a ZIP counts as a DOCX.
    """
    head = data[:HTML_SNIFF]
    if head.lstrip(b"\x00\t\r\n ").startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(data, source) if len(data) > HTML_SNIFF else "docx"
    if head.startswith(OLE):
        return "doc"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    sniff = head.lower()
    for bom in (b"\xef\xbb\xbf",):
        sniff = sniff.removeprefix(bom)
    if any(marker in sniff for marker in HTML_MARKERS) and sniff.lstrip().startswith(b"<"):
        return "html"
    return "text"


def _zip_format(data: bytes, source: str) -> DocumentFormat:
    from .docx import ZIP_ERRORS

    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            # An OpenDocument's first member names its type in a few dozen bytes: read no more.
            if "mimetype" in names and archive.getinfo("mimetype").file_size <= MIMETYPE_BYTES:
                with archive.open("mimetype") as member:
                    if member.read(MIMETYPE_BYTES).startswith(b"application/vnd.oasis.opendocument.text"):
                        return "odt"
    except ZIP_ERRORS as exc:
        raise DocumentError(f"{source}: a ZIP archive that cannot be opened (a damaged DOCX?)") from exc
    raise DocumentError(f"{source}: a ZIP archive that is no Word (DOCX) or OpenDocument text")


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
