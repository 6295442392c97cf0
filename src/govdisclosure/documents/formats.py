"""Which format a document's bytes are in, from their content (magic bytes, a ZIP's listing).

The one place that knows the signatures: `documents/__init__.py` routes by it, the DOCX and
LibreOffice readers check their input with its constants.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from io import BytesIO
from typing import Literal

from ..errors import DocumentError

__all__ = ["OLE", "ZIP_ERRORS", "DocumentFormat", "detect_format"]

# What zipfile and its decompressors raise on a damaged archive (lzma may be absent).
ZIP_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    EOFError,
    zlib.error,
    NotImplementedError,  # a compression method zipfile lacks
    RuntimeError,  # an encrypted member
    ValueError,
    KeyError,
    IndexError,
    OverflowError,
    struct.error,
)
try:
    import lzma

    ZIP_ERRORS += (lzma.LZMAError,)
except ImportError:  # pragma: no cover - Python built without lzma
    pass

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
