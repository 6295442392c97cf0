"""DOCX packages: a Word file's ZIP members read within limits, and their XML (FORMAT.md §2.2 L).

Also the WordprocessingML names every DOCX reader module shares (`w("p")`, `VAL`, `FALSE`).
Bad input (a damaged or truncated ZIP, no word/document.xml, malformed XML, a DOCTYPE, a part
larger than `MAX_PART_BYTES`, an archive declaring more than `MAX_UNPACKED_BYTES`, an encrypted
file) raises `DocumentError`.
"""

from __future__ import annotations

import posixpath
import re
import struct
import zipfile
from collections.abc import Iterator
from io import BytesIO
from xml.etree import ElementTree

import attrs

from ..errors import DocumentError
from .formats import OLE, ZIP_ERRORS

__all__ = [
    "ALTERNATE",
    "FALLBACK",
    "FALSE",
    "MAX_PART_BYTES",
    "MAX_UNPACKED_BYTES",
    "PPR",
    "VAL",
    "Parts",
    "W",
    "is_encrypted_ooxml",
    "read_parts",
    "w",
]

#: The largest XML part read (document.xml, styles.xml, numbering.xml), unpacked, in bytes.
MAX_PART_BYTES = 50_000_000
#: The largest total the archive's members may declare unpacked (a zip bomb declares more).
MAX_UNPACKED_BYTES = 200_000_000

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Strict OOXML names the same vocabulary in another namespace; it is read as transitional.
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def w(name: str) -> str:
    """The qualified name of a WordprocessingML element or attribute."""
    return f"{{{W}}}{name}"


VAL = w("val")
PPR = w("pPr")
ALTERNATE, FALLBACK = f"{{{MC}}}AlternateContent", f"{{{MC}}}Fallback"
FALSE = frozenset({"0", "false", "off"})


@attrs.frozen
class Parts:
    document: ElementTree.Element
    styles: ElementTree.Element | None
    numbering: ElementTree.Element | None


def read_parts(data: bytes, source: str) -> Parts:
    """The parsed main document, styles and numbering parts."""
    if bytes(data[:8]) == OLE:
        raise DocumentError(f"{source}: {_ole_kind(data)}")
    if not bytes(data[:4]).startswith(b"PK"):
        raise DocumentError(f"{source}: not a DOCX (no ZIP archive)")
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            return _read_parts(archive, source)
    except DocumentError:
        raise
    except ZIP_ERRORS as exc:
        raise DocumentError(f"{source}: a damaged DOCX: {_one_line(exc)}") from exc


def _read_parts(archive: zipfile.ZipFile, source: str) -> Parts:
    members = {info.filename.lower(): info for info in archive.infolist()}
    declared = sum(info.file_size for info in members.values())
    if declared > MAX_UNPACKED_BYTES:
        raise DocumentError(
            f"{source}: the DOCX unpacks to {declared:,} bytes, more than the limit of "
            f"{MAX_UNPACKED_BYTES:,} (a ZIP bomb?)"
        )
    main = _main_part(archive, members, source)
    if main not in members:
        raise DocumentError(f"{source}: a ZIP archive without {main}: not a Word (DOCX) document")
    document = _xml(_member(archive, members[main], source), main, source)
    if document.tag != w("document"):
        raise DocumentError(f"{source}: {main} is no WordprocessingML document")
    targets = _relationships(archive, members, main, source)
    folder = posixpath.dirname(main)
    styles = targets.get("styles", posixpath.join(folder, "styles.xml"))
    numbering = targets.get("numbering", posixpath.join(folder, "numbering.xml"))
    return Parts(
        document,
        _optional_xml(archive, members, styles, source),
        _optional_xml(archive, members, numbering, source),
    )


def _main_part(archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], source: str) -> str:
    """The main document's part name (lowercase), from the package relationships."""
    rels = members.get("_rels/.rels")
    if rels is not None:
        for kind, target in _targets(_xml(_member(archive, rels, source), "_rels/.rels", source), ""):
            if kind == "officeDocument":
                return target
    return "word/document.xml"


def _relationships(
    archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], main: str, source: str
) -> dict[str, str]:
    """The main document's related parts by relationship kind (styles, numbering …)."""
    folder, name = posixpath.split(main)
    rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
    rels = members.get(rels_name)
    if rels is None:
        return {}
    root = _xml(_member(archive, rels, source), rels_name, source)
    return dict(_targets(root, folder))


def _targets(root: ElementTree.Element, folder: str) -> Iterator[tuple[str, str]]:
    """(kind, part name) of each internal relationship; the kind is the type's last segment."""
    for rel in root.iter(f"{{{REL}}}Relationship"):
        kind, target = rel.get("Type", ""), rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
        yield kind.rsplit("/", 1)[-1], posixpath.normpath(path).lower()


def _optional_xml(
    archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], name: str, source: str
) -> ElementTree.Element | None:
    info = members.get(name)
    return None if info is None else _xml(_member(archive, info, source), name, source)


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> bytes:
    """A member's bytes, refused before reading when it declares more than the limit."""
    if info.file_size > MAX_PART_BYTES:
        raise DocumentError(
            f"{source}: {info.filename} unpacks to {info.file_size:,} bytes, more than the limit "
            f"of {MAX_PART_BYTES:,}"
        )
    if info.flag_bits & 0x1:
        raise DocumentError(f"{source}: {info.filename} is encrypted: not a DOCX Word can open")
    with archive.open(info) as member:
        # The declared size may lie: read no more than the limit anyway.
        data = member.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise DocumentError(f"{source}: {info.filename} unpacks to more than {MAX_PART_BYTES:,} bytes")
    return data


XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")


def _xml(data: bytes, name: str, source: str) -> ElementTree.Element:
    """A part's XML tree; a DOCTYPE or entity declaration is refused before parsing."""
    text = _decode_xml(data, name, source)
    # ElementTree expands internal entities (billion laughs); a DOCX part never declares any.
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise DocumentError(f"{source}: {name} declares a DOCTYPE or entities (refused: no DOCX has one)")
    text = text.replace(W_STRICT, W)
    try:
        return ElementTree.fromstring(text)
    except (ElementTree.ParseError, ValueError) as exc:
        raise DocumentError(f"{source}: {name} is malformed XML: {_one_line(exc)}") from exc


def _decode_xml(data: bytes, name: str, source: str) -> str:
    """The part's text: from a byte-order mark, the XML declaration's encoding, or UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif data.startswith(b"<\x00"):
        encoding = "utf-16-le"
    elif data.startswith(b"\x00<"):
        encoding = "utf-16-be"
    else:
        declared = XML_ENCODING.match(data)
        encoding = declared[1].decode("ascii") if declared else "utf-8"
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise DocumentError(f"{source}: {name} is not text in {encoding}: {_one_line(exc)}") from exc


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def is_encrypted_ooxml(data: bytes) -> bool:
    """True for an encrypted Office file: a compound file holding an `EncryptedPackage` stream."""
    name = "EncryptedPackage".encode("utf-16-le") + b"\x00\x00"
    at = data.find(name)
    while at != -1:
        # A directory entry is 128 bytes, aligned on 128; its name length (with the NUL) follows
        # the 64-byte name field: the name as text elsewhere in the file does not count.
        if at % 128 == 0 and data[at + 64 : at + 66] == struct.pack("<H", len(name)):
            return True
        at = data.find(name, at + 1)
    return False


def _ole_kind(data: bytes) -> str:
    if is_encrypted_ooxml(data):
        return "an encrypted (password-protected) Word document: remove the password and save it again"
    return "a Word 97-2003 (.doc/.wps) file, not DOCX: read it with read_document (LibreOffice converts it)"


def run_format(run: ElementTree.Element, name: str) -> str | None:
    """The value of one of a run's properties (`w:rPr/w:<name>/@w:val`; "" when set with none, as
    `<w:vanish/>`), or None when the run has no such property."""
    rpr = run.find(w("rPr"))
    found = rpr.find(w(name)) if rpr is not None else None
    return None if found is None else found.get(VAL, "")
