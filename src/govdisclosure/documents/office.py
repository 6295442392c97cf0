"""Step 1 for DOC, WPS, RTF and ODT files: converted to DOCX by LibreOffice, then read as DOCX (§2.2 L).

Reports are published as Word 97-2003 (.doc) or WPS files as often as DOCX; reading those
formats directly is out of reach, so `soffice --headless --convert-to docx` converts them. Each
conversion runs in a temporary directory with its own LibreOffice profile (so it neither waits
for nor disturbs a LibreOffice the user has open) and stops after `TIMEOUT` seconds.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import zipfile
from io import BytesIO
from pathlib import Path

from ..errors import DocumentError, MissingDependencyError
from .docx import is_encrypted_ooxml
from .formats import OLE, ZIP_ERRORS

__all__ = ["TIMEOUT", "find_soffice", "to_docx"]

#: Seconds a conversion may take; LibreOffice stuck on a damaged file is stopped after this.
TIMEOUT = 60
# The file name LibreOffice is given (it picks its import filter by content and extension).
EXTENSIONS = {"doc": "doc", "rtf": "rtf", "odt": "odt"}
# The most a converted DOCX may weigh (the parse ceiling on a document, api.MAX_DOCUMENT_BYTES).
MAX_OUTPUT_BYTES = 200_000_000
INSTALL = "install LibreOffice (soffice) to read .doc/.wps/.rtf/.odt files, or save the file as DOCX"


def find_soffice() -> str | None:
    """The LibreOffice program on PATH (`soffice`, or `libreoffice` as some packages name it)."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_docx(data: bytes, fmt: str, source: str = "<bytes>") -> bytes:
    """The DOCX LibreOffice makes of a DOC/WPS (fmt "doc"), RTF or ODT file's bytes."""
    if fmt not in EXTENSIONS:
        raise DocumentError(f"{source}: {fmt!r} is no format LibreOffice converts here (doc, rtf, odt)")
    if _encrypted(data, fmt):
        raise DocumentError(
            f"{source}: an encrypted (password-protected) document: remove the password and save it again"
        )
    program = find_soffice()
    if program is None:
        raise MissingDependencyError(f"{source}: {INSTALL}")
    with tempfile.TemporaryDirectory(prefix="govdisclosure-") as folder:
        return _convert(program, Path(folder), data, fmt, source)


def _encrypted(data: bytes, fmt: str) -> bool:
    """An encrypted OOXML (reported as "doc": it is a compound file) or an encrypted ODT."""
    if fmt == "doc":
        return data[:8] == OLE and is_encrypted_ooxml(data)
    if fmt == "odt":
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                info = archive.getinfo("META-INF/manifest.xml")
                if info.file_size > 10_000_000:
                    return False  # not read: LibreOffice will judge the file
                return b"encryption-data" in archive.read(info)
        except ZIP_ERRORS:
            return False  # no readable manifest: LibreOffice will say what is wrong
    return False


def _convert(program: str, folder: Path, data: bytes, fmt: str, source: str) -> bytes:
    """Run LibreOffice on the bytes in `folder` and return the DOCX it wrote."""
    given = folder / f"input.{EXTENSIONS[fmt]}"
    given.write_bytes(data)
    out = folder / "out"
    command = [
        program,
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        *("--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck"),
        *("--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(given)),
    ]
    failed = _run(command, source)
    made = out / "input.docx"
    if failed is not None or not made.is_file() or made.stat().st_size == 0:
        reason = failed or "it wrote no DOCX"
        raise DocumentError(
            f"{source}: LibreOffice could not convert the {fmt.upper()} file to DOCX ({reason}): "
            "is it damaged or password-protected?"
        )
    if made.stat().st_size > MAX_OUTPUT_BYTES:
        raise DocumentError(f"{source}: the converted DOCX is larger than {MAX_OUTPUT_BYTES:,} bytes")
    return made.read_bytes()


def _run(command: list[str], source: str) -> str | None:
    """Run LibreOffice; None when it exits 0, else why it failed (one line)."""
    posix = os.name == "posix"
    try:
        # Its own session, so a timeout stops soffice.bin as well as the launcher.
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=posix,
        )
    except OSError as exc:
        raise DocumentError(f"{source}: LibreOffice could not be started: {exc}") from exc
    try:
        _, err = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        _stop(process, posix)
        return f"no result within {TIMEOUT} s"
    if process.returncode != 0:
        message = " ".join(err.decode("utf-8", "replace").split())[:200]
        return f"exit status {process.returncode}" + (f": {message}" if message else "")
    return None


def _stop(process: subprocess.Popen[bytes], posix: bool) -> None:
    """Stop the conversion and everything it started."""
    if posix:
        with contextlib.suppress(OSError):  # already gone
            os.killpg(process.pid, signal.SIGKILL)
    else:  # pragma: no cover - Windows
        process.kill()
    process.communicate()
