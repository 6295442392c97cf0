"""Step 1 for Word files: DOCX bytes -> the report's lines and its tables as grids (FORMAT.md §2.2 L).

The WordprocessingML is read with the standard library only (zipfile, xml.etree), so the core
install stays light. The body is read in document order:

- a paragraph (`w:p`) is one text block: its runs' `w:t`, `w:tab` as a space, `w:br` a line
  break; inserted text (`w:ins`) is read, deleted text (`w:del`, `w:moveFrom`), hidden runs
  (`w:vanish`), field codes and drawings (text boxes float outside the flow) are not. Headers,
  footers, footnotes and comments live in other parts and are not read.
- Word's auto-numbering (`w:numPr`, direct or from the paragraph style) is printed before the
  text as Word prints it (`一、`, `（一）`, `1、` …; numbering.xml, see `_Numbering`), since
  headings often carry their numbers only there (§2.2 L).
- a table (`w:tbl`) is a `Grid` of its real structure: `w:gridSpan` is a colspan, a `w:vMerge`
  restart cell gets a rowspan of 1 + the continue cells below it (which are no cells of their
  own), `w:gridBefore` skips columns. A cell's paragraphs are joined without a separator (a
  header printed on two lines, 本年新 / 制作数量, is one label, §1.3); a blank cell stays "" and
  a cell holding only an NBSP stays "\u00a0" (§2.2 K).
- a table inside a cell is read as a grid of its own, placed after the table holding it; the
  cell keeps only its own paragraphs (as layout/html.py does for pages). A table whose every row
  is a single cell is a frame drawn around text, not a data table: its content is read as body.

Bad input (a damaged or truncated ZIP, no word/document.xml, malformed XML, a DOCTYPE, a part
larger than `MAX_PART_BYTES`, an encrypted file) raises `DocumentError`; reading is linear in the
size of the file.
"""

from __future__ import annotations

import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from io import BytesIO
from xml.etree import ElementTree

import attrs

from ..errors import DocumentError
from ..layout.grid import DocumentText, Grid, GridCell, document_text
from . import OLE

__all__ = [
    "MAX_CELLS",
    "MAX_PART_BYTES",
    "MAX_UNPACKED_BYTES",
    "ZIP_ERRORS",
    "is_encrypted_ooxml",
    "read_docx",
    "read_docx_blocks",
]

#: The largest XML part read (document.xml, styles.xml, numbering.xml), unpacked, in bytes.
MAX_PART_BYTES = 50_000_000
#: The largest total the archive's members may declare unpacked (a zip bomb declares more).
MAX_UNPACKED_BYTES = 200_000_000
#: The most table cells a document may hold; a report's three tables hold about 500.
MAX_CELLS = 100_000
# Word allows 63 columns; a larger span is a damaged or hostile file.
MAX_SPAN = 64
# How deep tables and content controls may nest in one another.
MAX_DEPTH = 64

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Strict OOXML names the same vocabulary in another namespace; it is read as transitional.
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


VAL = _w("val")
P, TBL, TR, TC, R, T = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("r"), _w("t")
PPR, RPR, TCPR, TRPR = _w("pPr"), _w("rPr"), _w("tcPr"), _w("trPr")
# Run content that prints as a space, as a line break, or as a hyphen.
SPACES = frozenset({_w("tab"), _w("ptab")})
BREAKS = frozenset({_w("br"), _w("cr")})
HYPHEN = _w("noBreakHyphen")
# Inline containers whose runs print (inserted and moved-to text, links, fields' results, content
# controls); anything else inside a paragraph (w:del, w:moveFrom, drawings, properties) does not.
INLINE = frozenset(
    _w(name) for name in ("r", "hyperlink", "ins", "moveTo", "smartTag", "customXml", "sdt", "sdtContent")
) | frozenset(_w(name) for name in ("fldSimple", "bdo", "dir"))
# Containers around paragraphs, tables, rows or cells that add nothing of their own.
BLOCK = frozenset(_w(name) for name in ("sdt", "sdtContent", "customXml", "ins", "moveTo"))
ALTERNATE, FALLBACK = f"{{{MC}}}AlternateContent", f"{{{MC}}}Fallback"
# Word's spaces around a cell's text; an NBSP is content (a blank cell printed as NBSP).
MARKUP_SPACE = " \t\r\n"
FALSE = frozenset({"0", "false", "off"})


def read_docx(data: bytes, source: str = "<bytes>") -> DocumentText:
    """A DOCX file's lines and table rows; `DocumentError` when it cannot be read."""
    return document_text(read_docx_blocks(data, source))


def read_docx_blocks(data: bytes, source: str = "<bytes>") -> list[str | Grid]:
    """A DOCX file's body in reading order: each paragraph's text, each table's grid."""
    parts = _parts(data, source)
    reader = _Reader(_Styles.read(parts.styles), _Numbering.read(parts.numbering), source)
    body = parts.document.find(_w("body"))
    if body is None:
        raise DocumentError(f"{source}: the main document part has no body (a damaged DOCX)")
    return list(_numbered(reader.blocks(body, 0)))


def _numbered(blocks: list[str | Grid]) -> Iterator[str | Grid]:
    """The blocks with each grid's index its place among the grids (where.table)."""
    index = 0
    for block in blocks:
        if isinstance(block, Grid):
            block = attrs.evolve(block, index=index)
            index += 1
        yield block


# --- the package: ZIP members, with limits, and their XML -------------------------------------


@attrs.frozen
class _Parts:
    document: ElementTree.Element
    styles: ElementTree.Element | None
    numbering: ElementTree.Element | None


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


def _parts(data: bytes, source: str) -> _Parts:
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


def _read_parts(archive: zipfile.ZipFile, source: str) -> _Parts:
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
    if document.tag != _w("document"):
        raise DocumentError(f"{source}: {main} is no WordprocessingML document")
    targets = _relationships(archive, members, main, source)
    folder = posixpath.dirname(main)
    styles = targets.get("styles", posixpath.join(folder, "styles.xml"))
    numbering = targets.get("numbering", posixpath.join(folder, "numbering.xml"))
    return _Parts(
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


# --- styles and numbering ---------------------------------------------------------------------


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _val(parent: ElementTree.Element | None, tag: str) -> str | None:
    """The w:val of `parent`'s first `tag` child."""
    child = parent.find(tag) if parent is not None else None
    return child.get(VAL) if child is not None else None


def _num_pr(ppr: ElementTree.Element | None) -> tuple[str | None, int | None]:
    """(numId, ilvl) of a paragraph properties' w:numPr, each None when absent."""
    num_pr = ppr.find(_w("numPr")) if ppr is not None else None
    if num_pr is None:
        return None, None
    return _val(num_pr, _w("numId")), _level_index(_val(num_pr, _w("ilvl")))


def _level_index(value: str | None) -> int | None:
    level = _int(value)
    return level if level is not None and 0 <= level <= 8 else None


@attrs.frozen
class _Style:
    based_on: str | None
    num_id: str | None
    level: int | None


@attrs.frozen
class _Styles:
    """Paragraph and numbering styles: the numbering a style gives, through its basedOn chain."""

    styles: dict[str, _Style]
    default: str | None

    @classmethod
    def read(cls, root: ElementTree.Element | None) -> _Styles:
        """The styles of styles.xml (none without it)."""
        styles: dict[str, _Style] = {}
        default = None
        for style in root.iter(_w("style")) if root is not None else ():
            style_id = style.get(_w("styleId"))
            if style_id is None:
                continue
            num_id, level = _num_pr(style.find(PPR))
            styles[style_id] = _Style(_val(style, _w("basedOn")), num_id, level)
            if style.get(_w("type")) == "paragraph" and style.get(_w("default")) in ("1", "true", "on"):
                default = style_id
        return cls(styles, default)

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) the style (or the style it is based on) numbers its paragraphs with."""
        level = None
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and len(seen) < 32:
            seen.add(style_id)
            style = self.styles.get(style_id)
            if style is None:
                break
            level = style.level if level is None else level
            if style.num_id is not None:
                return style.num_id, level
            style_id = style.based_on
        return None, None


@attrs.frozen
class _Level:
    """One level of a list: how its number prints (w:numFmt, w:lvlText) and counts."""

    format: str
    text: str
    start: int
    # w:lvlRestart: restart after a level above this one-based level is used; 0 never; None default.
    restart: int | None
    suffix: str
    legal: bool
    style: str | None

    @classmethod
    def read(cls, lvl: ElementTree.Element) -> _Level:
        """A w:lvl element."""
        number_format = _val(lvl, _w("numFmt"))
        if number_format is None:
            # Newer formats sit in mc:AlternateContent with a fallback Word 2007 understands.
            number_format = _val(lvl.find(f"{ALTERNATE}/{FALLBACK}"), _w("numFmt"))
        suffix = {"nothing": "", "space": " "}.get(_val(lvl, _w("suff")) or "tab", " ")
        legal = lvl.find(_w("isLgl"))
        return cls(
            format=number_format or "decimal",
            text=_val(lvl, _w("lvlText")) or "",
            start=max(_int(_val(lvl, _w("start")), 0) or 0, 0),
            restart=_int(_val(lvl, _w("lvlRestart"))),
            suffix=suffix,
            legal=legal is not None and legal.get(VAL) not in FALSE,
            style=_val(lvl, _w("pStyle")),
        )


@attrs.frozen
class _Num:
    """A w:num: the abstract list it instantiates, and its level overrides."""

    abstract: str
    starts: dict[int, int]
    levels: dict[int, _Level]


PLACEHOLDER = re.compile(r"%([1-9])")


@attrs.define
class _Numbering:
    """numbering.xml, and the counters of the lists as the body is read in document order.

    Word counts per abstract list: numIds sharing an abstractNum continue one another, and a
    numId with a w:startOverride restarts that level where it is first used. Using a level
    restarts the deeper levels (unless their w:lvlRestart says otherwise).
    """

    abstracts: dict[str, dict[int, _Level]]
    style_links: dict[str, str]
    nums: dict[str, _Num]
    styles: _Styles | None = None
    counters: dict[str, dict[int, int]] = attrs.field(factory=dict)
    started: set[tuple[str, int]] = attrs.field(factory=set)

    @classmethod
    def read(cls, root: ElementTree.Element | None) -> _Numbering:
        """The lists of numbering.xml (none without it)."""
        abstracts: dict[str, dict[int, _Level]] = {}
        links: dict[str, str] = {}
        nums: dict[str, _Num] = {}
        if root is None:
            return cls(abstracts, links, nums)
        for abstract in root.iter(_w("abstractNum")):
            key = abstract.get(_w("abstractNumId")) or ""
            abstracts[key] = _levels(abstract)
            link = _val(abstract, _w("numStyleLink"))
            if link is not None:
                links[key] = link
        for num in root.iter(_w("num")):
            num_id, abstract_id = num.get(_w("numId")), _val(num, _w("abstractNumId"))
            if num_id is not None and abstract_id is not None:
                nums[num_id] = _num(abstract_id, num)
        return cls(abstracts, links, nums)

    def label(self, num_id: str, level: int | None, style_id: str | None) -> str:
        """The number Word prints before this paragraph (counting it); "" for none or a bullet."""
        num = self.nums.get(num_id)
        if num is None:
            return ""
        key = self._abstract(num.abstract)
        levels = {**self.abstracts.get(key, {}), **num.levels}
        if level is None:
            level = next((i for i, lvl in levels.items() if style_id and lvl.style == style_id), 0)
        definition = levels.get(level)
        if definition is None:
            return ""
        counters = self.counters.setdefault(key, {})
        self._count(counters, levels, num_id, num, level)
        return _label(definition, levels, counters)

    def _abstract(self, key: str) -> str:
        """The abstract list a numStyleLink points to (through its numbering style), else `key`."""
        link = self.style_links.get(key)
        if link is None or self.styles is None:
            return key
        num_id, _ = self.styles.numbering(link)
        num = self.nums.get(num_id or "")
        return num.abstract if num is not None else key

    def _count(
        self, counters: dict[int, int], levels: dict[int, _Level], num_id: str, num: _Num, level: int
    ) -> None:
        if (num_id, level) not in self.started and level in num.starts:
            counters[level] = num.starts[level]
        elif level in counters:
            counters[level] += 1
        else:
            counters[level] = levels[level].start
        self.started.add((num_id, level))
        for deeper in [d for d in counters if d > level]:
            restart = levels[deeper].restart if deeper in levels else None
            # A level restarts after any level above it, or after those above its w:lvlRestart.
            if restart is None or (restart > 0 and level < restart):
                del counters[deeper]


def _levels(parent: ElementTree.Element) -> dict[int, _Level]:
    levels: dict[int, _Level] = {}
    for lvl in parent.findall(_w("lvl")):
        index = _level_index(lvl.get(_w("ilvl")))
        if index is not None:
            levels[index] = _Level.read(lvl)
    return levels


def _num(abstract_id: str, num: ElementTree.Element) -> _Num:
    starts: dict[int, int] = {}
    levels: dict[int, _Level] = {}
    for override in num.findall(_w("lvlOverride")):
        index = _level_index(override.get(_w("ilvl")))
        if index is None:
            continue
        start = _int(_val(override, _w("startOverride")))
        if start is not None:
            starts[index] = max(start, 0)
        lvl = override.find(_w("lvl"))
        if lvl is not None:
            levels[index] = _Level.read(lvl)
    return _Num(abstract_id, starts, levels)


def _label(level: _Level, levels: dict[int, _Level], counters: dict[int, int]) -> str:
    """The level's w:lvlText with each %n replaced by level n's number in its own format."""
    if level.format == "bullet":
        return ""
    unknown = False

    def number(found: re.Match[str]) -> str:
        nonlocal unknown
        index = int(found[1]) - 1
        shown = levels.get(index, level)
        value = counters.get(index, shown.start)
        printed = _format("decimal" if level.legal else shown.format, value)
        unknown = unknown or printed is None
        return printed or ""

    text = PLACEHOLDER.sub(number, level.text)
    return "" if unknown or not text.strip() else text + level.suffix


# --- number formats (ST_NumberFormat) ---------------------------------------------------------

# Beyond this, every format prints decimal digits (letters and roman numerals would grow long).
MAX_NUMBER = 9999
CHINESE_DIGITS = "〇一二三四五六七八九"
LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _chinese(value: int, digits: str = CHINESE_DIGITS, units: str = "十百千", legal: bool = False) -> str:
    """一, 十, 十一, 二十, 一百零一 …: the counting numerals Word prints for Chinese lists."""
    if value == 0:
        return digits[0]
    out: list[str] = []
    zero = False
    text = str(value)
    for i, digit in enumerate(int(c) for c in text):
        if digit == 0:
            zero = True
            continue
        if zero and out:
            out.append("零" if not legal else digits[0])
        zero = False
        place = len(text) - 1 - i
        out.append(digits[digit] + (units[place - 1] if place else ""))
    printed = "".join(out)
    # 十一, not 一十一 (the legal form keeps 壹拾壹).
    return printed[1:] if not legal and 10 <= value < 20 else printed


def _roman(value: int) -> str:
    numerals = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )  # fmt: skip
    out = []
    for size, numeral in numerals:
        count, value = divmod(value, size)
        out.append(numeral * count)
    return "".join(out)


def _letter(value: int) -> str:
    """A, B … Z, AA, BB …: Word repeats the letter past Z."""
    return chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else "0"


def _cycle(symbols: str) -> Callable[[int], str]:
    return lambda value: symbols[(value - 1) % len(symbols)] if value > 0 else str(value)


def _enclosed(first: int, count: int) -> Callable[[int], str]:
    return lambda value: chr(first + value - 1) if 1 <= value <= count else str(value)


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda value: f"{value:02d}",
    "decimalFullWidth": lambda value: str(value).translate(FULL_WIDTH),
    "decimalFullWidth2": lambda value: str(value).translate(FULL_WIDTH),
    "decimalEnclosedCircle": _enclosed(0x2460, 20),
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 20),
    "decimalEnclosedParen": _enclosed(0x2474, 20),
    "decimalEnclosedFullstop": _enclosed(0x2488, 20),
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "japaneseCounting": _chinese,
    "taiwaneseCounting": _chinese,
    "taiwaneseCountingThousand": _chinese,
    "chineseLegalSimplified": lambda value: _chinese(value, LEGAL_DIGITS, "拾佰仟", legal=True),
    "ideographDigital": lambda value: "".join(CHINESE_DIGITS[int(c)] for c in str(value)),
    "taiwaneseDigital": lambda value: "".join(CHINESE_DIGITS[int(c)] for c in str(value)),
    "ideographTraditional": _cycle("甲乙丙丁戊己庚辛壬癸"),
    "ideographZodiac": _cycle("子丑寅卯辰巳午未申酉戌亥"),
    "upperRoman": _roman,
    "lowerRoman": lambda value: _roman(value).lower(),
    "upperLetter": _letter,
    "lowerLetter": lambda value: _letter(value).lower(),
    "none": lambda value: "",
}


def _format(number_format: str, value: int) -> str | None:
    """`value` as the format prints it; None for a format not known here (then no number)."""
    if number_format not in FORMATS:
        return None
    return FORMATS[number_format](value) if value <= MAX_NUMBER else str(value)


# --- the body ---------------------------------------------------------------------------------


@attrs.define
class _Cell:
    text: str
    row: int
    column: int
    rowspan: int
    colspan: int


@attrs.define
class _Reader:
    """Reads the body in document order (list counters advance in that order)."""

    styles: _Styles
    numbering: _Numbering
    source: str
    cells: int = 0

    def __attrs_post_init__(self) -> None:
        self.numbering.styles = self.styles

    def blocks(self, parent: ElementTree.Element, depth: int) -> list[str | Grid]:
        """The paragraphs (text) and tables (grids) of a body, a frame or a content control."""
        out: list[str | Grid] = []
        for child in _content(parent, depth, self.source):
            if child.tag == P:
                out.append(self.paragraph(child, "\n"))
            else:
                out += self.table(child, depth + 1)
        return out

    def paragraph(self, p: ElementTree.Element, line_break: str) -> str:
        """The paragraph's printed text: its list number, then its runs."""
        return self._label(p) + _runs(p, line_break)

    def _label(self, p: ElementTree.Element) -> str:
        ppr = p.find(PPR)
        style_id = _val(ppr, _w("pStyle")) or self.styles.default
        num_id, level = _num_pr(ppr)
        if num_id is None or level is None:
            style_num, style_level = self.styles.numbering(style_id)
            num_id = num_id if num_id is not None else style_num
            level = level if level is not None else style_level
        if num_id is None or num_id == "0":  # numId 0: numbering switched off
            return ""
        return self.numbering.label(num_id, level, style_id)

    def table(self, tbl: ElementTree.Element, depth: int) -> list[str | Grid]:
        """A table's grid followed by the tables nested in its cells; a frame's content as body."""
        rows = [tr for tr in _content(tbl, depth, self.source, TR) if not _deleted(tr)]
        cells = [list(_content(tr, depth, self.source, TC)) for tr in rows]
        if cells and all(len(row) == 1 for row in cells):
            out: list[str | Grid] = []
            for row in cells:
                out += self.blocks(row[0], depth + 1)
            return out
        nested: list[str | Grid] = []
        grid = self._grid(rows, cells, nested, depth)
        return [grid, *nested] if any(grid.rows) else nested

    def _grid(
        self,
        rows: list[ElementTree.Element],
        cells: list[list[ElementTree.Element]],
        nested: list[str | Grid],
        depth: int,
    ) -> Grid:
        above: dict[int, _Cell] = {}  # the cell covering each grid column of the row above
        out: list[list[_Cell]] = []
        for r, (tr, tcs) in enumerate(zip(rows, cells, strict=True)):
            here: dict[int, _Cell] = {}
            printed: list[_Cell] = []
            column = _span(_val(tr.find(TRPR), _w("gridBefore")), 0)
            for tc in tcs:
                tcpr = tc.find(TCPR)
                span = _span(_val(tcpr, _w("gridSpan")), 1)
                cell = self._place(tc, tcpr, r, column, span, above, printed, nested, depth)
                here.update(dict.fromkeys(range(column, column + span), cell))
                column += span
            above = here
            out.append(printed)
        rows_out = tuple(
            tuple(GridCell(c.text, c.row, c.column, c.rowspan, c.colspan, 0) for c in row) for row in out
        )
        return Grid(0, rows_out, 0, 0, layout="docx")

    def _place(
        self,
        tc: ElementTree.Element,
        tcpr: ElementTree.Element | None,
        r: int,
        column: int,
        span: int,
        above: dict[int, _Cell],
        printed: list[_Cell],
        nested: list[str | Grid],
        depth: int,
    ) -> _Cell:
        """The cell a w:tc belongs to: the one above continues down, the one before widens, or a new one."""
        owner = above.get(column)
        if _merge(tcpr, "vMerge") == "continue" and owner is not None:
            owner.rowspan = r - owner.row + 1
            return owner
        if _merge(tcpr, "hMerge") == "continue" and printed:
            printed[-1].colspan += span
            return printed[-1]
        self.cells += 1
        if self.cells > MAX_CELLS:
            raise DocumentError(f"{self.source}: more than {MAX_CELLS:,} table cells (refused)")
        cell = _Cell(self._cell_text(tc, nested, depth), r, column, 1, span)
        printed.append(cell)
        return cell

    def _cell_text(self, tc: ElementTree.Element, nested: list[str | Grid], depth: int) -> str:
        """The cell's paragraphs joined without a separator; its own tables go to `nested`."""
        parts: list[str] = []
        for child in _content(tc, depth, self.source):
            if child.tag == P:
                parts.append(self.paragraph(child, "").strip(MARKUP_SPACE))
            else:
                nested += self.table(child, depth + 1)
        return "".join(parts)


def _content(
    parent: ElementTree.Element, depth: int, source: str, wanted: str | None = None
) -> Iterator[ElementTree.Element]:
    """`parent`'s paragraphs and tables (or its `wanted` children), through content controls."""
    if depth > MAX_DEPTH:
        raise DocumentError(f"{source}: tables or content controls nested more than {MAX_DEPTH} deep")
    for child in parent:
        tag = child.tag
        if tag == wanted or (wanted is None and tag in (P, TBL)):
            yield child
        elif tag in BLOCK:
            yield from _content(child, depth + 1, source, wanted)
        elif tag == ALTERNATE:
            fallback = child.find(FALLBACK)
            if fallback is not None:
                yield from _content(fallback, depth + 1, source, wanted)


def _runs(p: ElementTree.Element, line_break: str) -> str:
    """The text of a paragraph's runs, inside links, insertions and fields (no recursion)."""
    parts: list[str] = []
    stack = [iter(p)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if tag == T:
            parts.append(child.text or "")
        elif tag in SPACES:
            parts.append(" ")
        elif tag in BREAKS:
            parts.append(line_break)
        elif tag == HYPHEN:
            parts.append("-")
        elif tag in INLINE and not (tag == R and _hidden(child)):
            stack.append(iter(child))
    return "".join(parts)


def _hidden(run: ElementTree.Element) -> bool:
    """A run formatted hidden (w:vanish): Word does not print it."""
    rpr = run.find(RPR)
    vanish = rpr.find(_w("vanish")) if rpr is not None else None
    return vanish is not None and vanish.get(VAL) not in FALSE


def _deleted(tr: ElementTree.Element) -> bool:
    """A row deleted with tracked changes on."""
    trpr = tr.find(TRPR)
    return trpr is not None and trpr.find(_w("del")) is not None


def _span(value: str | None, default: int) -> int:
    span = _int(value, default)
    return min(max(span if span is not None else default, default), MAX_SPAN)


def _merge(tcpr: ElementTree.Element | None, tag: str) -> str | None:
    """A cell's w:vMerge / w:hMerge: "restart", "continue" (the default value), or None."""
    merge = tcpr.find(_w(tag)) if tcpr is not None else None
    return None if merge is None else merge.get(VAL, "continue")
