"""HTML files: bytes -> text in the page's own charset, then the page's lines and table grids (§2.2 L).

Government pages are often GBK or GB2312; the charset comes from a byte-order mark, a
`<meta charset>` or an `http-equiv` Content-Type in the page's head, and, failing those, UTF-8 if
the bytes are UTF-8, else GB18030 (which reads GBK and GB2312). The page itself is read by
layout/html.py, the reader HTML inside text uses too.
"""

from __future__ import annotations

import codecs

import regex

from ..errors import DocumentError
from ..layout.grid import DocumentText
from ..layout.html import read_html

__all__ = ["decode_html", "read_html_bytes"]

# The head is where a page names its charset; nothing later is looked at.
HEAD_BYTES = 4096
CHARSET = regex.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{2,20})""", regex.IGNORECASE
)
# Charsets GB18030 decodes exactly (it is their superset).
GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030", "cp936", "x-gbk", "euc-cn", "hz-gb-2312"})


def decode_html(data: bytes, source: str = "<bytes>") -> tuple[str, str]:
    """(text, encoding) of an HTML page's bytes."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace"), "utf-16"
    found = CHARSET.search(data[:HEAD_BYTES])
    if found is not None:
        named = found[1].decode("ascii").lower()
        encoding = "gb18030" if named in GB_FAMILY else named
        try:
            return data.decode(encoding, "replace"), encoding
        except LookupError:
            pass  # an unknown charset name: fall through to the guesses
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("gb18030", "replace"), "gb18030"


def read_html_bytes(data: bytes, source: str = "<bytes>") -> DocumentText:
    """An HTML file's lines and table rows."""
    text, _ = decode_html(data, source)
    if not text.strip():
        raise DocumentError(f"{source}: an empty HTML page")
    return read_html(text)
