"""Reading report files: bytes -> text, trying the encodings Chinese government files come in."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from os import PathLike
from pathlib import Path
from typing import NamedTuple

from .errors import DecodeError, GovDisclosureError, InputTooLargeError


class ReadError(GovDisclosureError, OSError):
    """A file cannot be read: missing, a directory, or not permitted."""


#: File names the command line searches folders for, and that a text naming one ends with.
REPORT_SUFFIXES = (
    *(".txt", ".text", ".md", ".markdown", ".htm", ".html"),
    *(".pdf", ".docx", ".doc", ".wps", ".rtf", ".odt"),
)
# A path is one short line; a report's text is neither.
MAX_PATH_CHARS = 4096


def looks_like_path(text: str) -> bool:
    """True when a string is a file name rather than a report's text (`reports/2023.txt`):
    one short line ending in a report file's suffix."""
    name = text.strip()
    return (
        0 < len(name) <= MAX_PATH_CHARS
        and "\n" not in name
        and "\r" not in name
        and name.lower().endswith(REPORT_SUFFIXES)
    )


# A NamedTuple, not an attrs class: internal, and an attrs class costs ~2.6 million instructions to define
# at import (docs/performance.md); a NamedTuple a fifth of that, immutable and compared by value too.
class DecodedText(NamedTuple):
    """A file's text and the encoding it was decoded with."""

    text: str
    encoding: str


def decode(data: bytes, source: str = "<bytes>") -> DecodedText:
    """Decode UTF-8 (BOM or not), UTF-16 with a BOM, or GB18030; DecodeError if none fits."""
    if data.startswith(codecs.BOM_UTF8):
        return DecodedText(_strict(data[3:], "utf-8", source), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return DecodedText(_strict(data, "utf-16", source), "utf-16")
    try:
        decoded = DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        try:
            decoded = DecodedText(data.decode("gb18030"), "gb18030")
        except UnicodeDecodeError as exc:
            raise DecodeError(
                f"{source}: not UTF-8, UTF-16 (with BOM) or GB18030 text (bad byte at offset {exc.start})",
                hint="convert the file to UTF-8, or check it is a text file",
            ) from exc
    # GB18030 maps almost any byte string, and NULs and control bytes are valid UTF-8:
    # accept either only when it reads as text.
    if "\x00" in decoded.text or _control_ratio(decoded.text) > 0.05:
        raise DecodeError(
            f"{source}: bytes do not look like text in UTF-8, UTF-16 or GB18030",
            hint="is this a binary file (PDF, DOCX)? extract its text first",
        )
    return decoded


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"{source}: invalid {encoding} at byte offset {exc.start}",
            hint="the file claims this encoding by its byte-order mark but is damaged",
        ) from exc


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if ch < " " and ch not in "\t\r\n\f")
    return bad / len(text)


def read_text(path: str | PathLike[str], max_bytes: int | None = None) -> DecodedText:
    """Read and decode a file; ReadError or DecodeError say what is wrong with it.

    With `max_bytes`, at most that many bytes are read: a longer file (or an endless device such
    as /dev/zero) raises InputTooLargeError without being read into memory.
    """
    return decode(read_bytes(path, max_bytes), str(path))


# How much of a file is read before its limit is chosen (read_bytes' `limit_for`).
HEAD_BYTES = 4096


def read_bytes(
    path: str | PathLike[str],
    max_bytes: int | None = None,
    limit_for: Callable[[bytes], int] | None = None,
) -> bytes:
    """A file's bytes; ReadError says why it cannot be read, InputTooLargeError when over the limit.

    The limit is `max_bytes`, or what `limit_for` gives for the file's first HEAD_BYTES (a PDF may
    be larger than a text): no more than that is ever read.
    """
    try:
        file = Path(path)
    except TypeError as exc:
        raise TypeError(f"a file path is a str or os.PathLike, not {type(path).__name__}") from exc
    try:
        with file.open("rb") as stream:
            if limit_for is not None:
                data = stream.read(HEAD_BYTES)
                max_bytes = limit_for(data)
                data += stream.read(max(max_bytes + 1 - len(data), 0))
            else:
                data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise ReadError(f"{file}: no such file") from exc
    except IsADirectoryError as exc:
        raise ReadError(f"{file}: is a directory") from exc
    except PermissionError as exc:
        raise ReadError(f"{file}: permission denied") from exc
    except OSError as exc:
        raise ReadError(f"{file}: cannot read ({exc.strerror or exc})") from exc
    except ValueError as exc:  # a NUL in the path: no file can have that name
        raise ReadError(f"{str(file)!r}: not a usable path ({exc})") from exc
    if max_bytes is not None and len(data) > max_bytes:
        raise InputTooLargeError(
            f"{file}: more than {max_bytes:,} bytes, longer than the input size limit",
            hint="pass a larger max_chars= to parse_file",
        )
    return data
