"""The Word reader (documents/docx.py) and the LibreOffice conversion (documents/office.py), FORMAT.md §2.2 L.

- the 12 committed DOCX (6 reports, each saved by LibreOffice and by pandoc) give every cell of
  their truth, no wrong number, and the template, year, organ and sections;
- each cell's `where` is its real grid cell (positions computed by hand from FORMAT.md §1.3-1.5);
- a DOCX built here by hand (gridSpan, vMerge, gridBefore, auto-numbering, tracked changes, a
  nested table, a frame) reads as the grid and lines written out below;
- every kind of bad input raises `DocumentError`, through `read_docx` and `parse_bytes`;
- DOC, RTF and ODT need LibreOffice: without it `MissingDependencyError`; the conversion's
  command, failure and timeout are checked with a stand-in `soffice` (CI has no LibreOffice; the
  real conversion of the committed .doc/.rtf/.odt is measured outside the tests).
"""

from __future__ import annotations

import io
import os
import stat
import struct
import zipfile
from pathlib import Path

import pytest

from corpus import DOCUMENTS, truth
from corpus.score import assert_reads_everything, score
from govdisclosure.api import parse_bytes, parse_document
from govdisclosure.documents import detect_format, docx_package, office
from govdisclosure.documents import docx as docx_module
from govdisclosure.documents.docx import is_encrypted_ooxml, read_docx, read_docx_blocks
from govdisclosure.documents.office import to_docx
from govdisclosure.errors import DocumentError, MissingDependencyError
from govdisclosure.layout.grid import Grid, GridCell
from govdisclosure.model import Where

FIXTURES = sorted(DOCUMENTS.glob("*.docx"))
CONVERTED = {
    "odt": DOCUMENTS / "r055.lo.odt",
    "rtf": DOCUMENTS / "r055.lo.rtf",
    "doc": DOCUMENTS / "r055.lo.doc",
}
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _report_id(path: Path) -> str:
    return path.name.split(".")[0]


# --- the committed documents ------------------------------------------------------------------


def test_twelve_fixtures() -> None:
    assert len(FIXTURES) == 12
    assert {p.name.split(".")[1] for p in FIXTURES} == {"lo", "pandoc"}


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_every_cell_of_the_truth(path: Path) -> None:
    expected = truth(_report_id(path))
    report = parse_document(read_docx(path.read_bytes(), path.name))
    assert_reads_everything(expected, report)


@pytest.mark.parametrize("path", FIXTURES[:2], ids=lambda p: p.name)
def test_parse_bytes_reads_docx(path: Path) -> None:
    report = parse_bytes(path.read_bytes(), path.name)
    assert report.encoding == "docx"
    assert score(truth(_report_id(path)), report, keeps_blanks=True).lost == []


# Table 二 (§1.3): caption, header, data rows per block; 4 columns, the label in column 1.
# Table 三 (§1.4): three header rows, so 一、本年新收 is row 4; 自然人 is grid column 4 (after the
# three label columns), 总计 column 10; 2019 rows: （一）予以公开 row 6, （三）1 row 8, （六）其他处理
# row 24, （七）总计 row 25, 四、结转 row 26; 2021 has three （六） rows, so （七）总计 is row 27.
# Table 四 (§1.5): values in row 4, columns 1-15.
WHERE = {
    "2019": {
        ("active_disclosure", "regulations", "newly_made"): (1, 3, 2),
        ("active_disclosure", "normative_documents", "total_published"): (1, 4, 4),
        ("active_disclosure", "administrative_licensing", "previous_year"): (1, 7, 2),
        ("applications", "new_received", "natural_person"): (2, 4, 4),
        ("applications", "carried_over", "total"): (2, 5, 10),
        ("applications", "granted", "commercial_enterprise"): (2, 6, 5),
        ("applications", "denied_state_secret", "other_organization"): (2, 8, 9),
        ("applications", "other", "total"): (2, 24, 10),
        ("applications", "outcome_total", "natural_person"): (2, 25, 4),
        ("applications", "carried_forward", "total"): (2, 26, 10),
        ("review_litigation", "review", "upheld"): (3, 4, 1),
        ("review_litigation", "litigation_direct", "total"): (3, 4, 10),
        ("review_litigation", "litigation_after_review", "total"): (3, 4, 15),
    },
    "2021": {
        ("active_disclosure", "regulations", "issued"): (1, 3, 2),
        ("active_disclosure", "normative_documents", "in_force"): (1, 4, 4),
        ("active_disclosure", "administrative_licensing", "decisions"): (1, 7, 2),
        ("active_disclosure", "administrative_enforcement", "decisions"): (1, 11, 2),
        ("applications", "new_received", "natural_person"): (2, 4, 4),
        ("applications", "outcome_total", "total"): (2, 27, 10),
        ("applications", "carried_forward", "natural_person"): (2, 28, 4),
        ("review_litigation", "review", "total"): (3, 4, 5),
        ("review_litigation", "litigation_after_review", "upheld"): (3, 4, 11),
    },
}


@pytest.mark.parametrize("name", ["r001.lo", "r001.pandoc", "r002.lo", "r002.pandoc"])
def test_where_is_the_grid_cell(name: str) -> None:
    path = DOCUMENTS / f"{name}.docx"
    report = parse_document(read_docx(path.read_bytes(), path.name))
    template = truth(_report_id(path))["template"]
    for (table, row, column), (number, grid_row, grid_column) in WHERE[template].items():
        found = report.tables[table]
        assert found is not None
        cell = found.cell(row, column)
        assert cell is not None, (table, row, column)
        assert cell.where == Where(None, number, grid_row, grid_column), (table, row, column)


# --- a DOCX built by hand ---------------------------------------------------------------------


def make_docx(
    body: str, *, numbering: str = "", styles: str = "", extra: dict[str, str] | None = None
) -> bytes:
    """A DOCX holding `body` (and numbering.xml, styles.xml and other parts when given)."""
    parts = {"word/document.xml": f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'}
    if numbering:
        parts["word/numbering.xml"] = f'<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>'
    if styles:
        parts["word/styles.xml"] = f'<w:styles xmlns:w="{W_NS}">{styles}</w:styles>'
    parts.update(extra or {})
    return _zip({name: text.encode("utf-8") for name, text in parts.items()})


def para(text: str, *, num: tuple[int, int] | None = None, style: str | None = None, runs: str = "") -> str:
    """A w:p with one run of `text`, optionally numbered (numId, ilvl) or styled."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    run = f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p><w:pPr>{props}</w:pPr>{run}{runs}</w:p>"


def level(ilvl: int, fmt: str, text: str, *, start: int = 1, suffix: str | None = "nothing") -> str:
    suff = f'<w:suff w:val="{suffix}"/>' if suffix else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'{suff}<w:lvlText w:val="{text}"/></w:lvl>'
    )


def _zip(parts: dict[str, bytes]) -> bytes:
    """A ZIP archive of the parts, deflated."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def cell(content: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


# Levels as government reports number them: 一、 / （一） / then a two-level decimal with a tab.
NUMBERING = (
    '<w:abstractNum w:abstractNumId="10">'
    + level(0, "chineseCounting", "%1、")
    + level(1, "chineseCounting", "（%2）")
    + level(2, "decimal", "%1.%3", suffix=None)
    + "</w:abstractNum>"
    + '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>'
    + '<w:num w:numId="2"><w:abstractNumId w:val="10"/>'
    + '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="6"/></w:lvlOverride></w:num>'
)
STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    # Heading2 takes its list from Heading1 and only sets its level.
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/>'
    '<w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>'
)
TABLE = (
    "<w:tbl><w:tblGrid>" + '<w:gridCol w:w="900"/>' * 4 + "</w:tblGrid>"
    "<w:tr>"
    + cell(para("信息内容"), '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>')
    # A header on two paragraphs, and one broken by a line break: each one label (§1.3).
    + cell(para("本年新") + para("制作数量"))
    + cell(para("本年新", runs="<w:r><w:br/><w:t>公开数量</w:t></w:r>"))
    + "</w:tr><w:tr>"
    + cell("<w:p/>", '<w:gridSpan w:val="2"/><w:vMerge/>')
    + cell(para("1"))
    + cell("<w:p/>")
    + '</w:tr><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>'
    + cell(para("规章"))
    + cell(para("\u00a0"))
    + cell(
        "<w:p><w:ins><w:r><w:t>5</w:t></w:r></w:ins><w:del><w:r><w:delText>6</w:delText></w:r></w:del></w:p>"
    )
    + "</w:tr></w:tbl>"
)
BODY = (
    para("总体情况", num=(1, 0))
    + para("主动公开", num=(1, 1))
    + para("依申请公开", num=(1, 1))
    + para("主动公开政府信息情况", style="Heading1")
    + TABLE
    + para("规范管理", num=(1, 1))
    + para("监督保障", style="Heading2")
    + "<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r>"
    + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>"
    + '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>'
    + "<w:r><w:t>附件</w:t></w:r></w:p>"
    + para("其他需要报告的事项", num=(2, 0))
    + para("结语", num=(1, 0))
    + para("信息处理费", num=(1, 2))
)
HEADER = f'<w:hdr xmlns:w="{W_NS}"><w:p><w:r><w:t>页眉文字</w:t></w:r></w:p></w:hdr>'
FOOTNOTES = (
    f'<w:footnotes xmlns:w="{W_NS}"><w:footnote><w:p><w:r><w:t>脚注文字</w:t></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


def hand_built() -> bytes:
    return make_docx(
        BODY,
        numbering=NUMBERING,
        styles=STYLES,
        extra={"word/header1.xml": HEADER, "word/footnotes.xml": FOOTNOTES},
    )


def test_hand_built_grid() -> None:
    grids = [b for b in read_docx_blocks(hand_built()) if isinstance(b, Grid)]
    assert grids == [
        Grid(
            0,
            (
                (
                    GridCell("信息内容", 0, 0, 2, 2, 0),
                    GridCell("本年新制作数量", 0, 2, 1, 1, 0),
                    GridCell("本年新公开数量", 0, 3, 1, 1, 0),
                ),
                (GridCell("1", 1, 2, 1, 1, 0), GridCell("", 1, 3, 1, 1, 0)),
                (
                    GridCell("规章", 2, 1, 1, 1, 0),
                    GridCell("\u00a0", 2, 2, 1, 1, 0),
                    GridCell("5", 2, 3, 1, 1, 0),
                ),
            ),
            0,
            0,
            layout="docx",
        )
    ]


def test_hand_built_lines() -> None:
    document = read_docx(hand_built())
    assert document.lines == (
        "一、总体情况",
        "（一）主动公开",
        "（二）依申请公开",
        "二、主动公开政府信息情况",  # numbered by its style
        "信息内容\t本年新制作数量\t本年新公开数量",
        "1\t",
        "规章\t\u00a0\t5",
        "（一）规范管理",  # level 二 restarted the （…） level
        "（二）监督保障",  # Heading2: the list of Heading1, its own level
        "甲 乙",
        "丙",
        "附件",  # numId 0 switches the style's numbering off
        "六、其他需要报告的事项",  # startOverride 6
        "七、结语",  # another numId of the same list continues it
        "七.1 信息处理费",  # %1.%3: each level in its own format; the tab after the number a space
    )
    assert not any("页眉" in line or "脚注" in line or "隐藏" in line for line in document.lines)


def test_hand_built_cells_carry_where() -> None:
    document = read_docx(hand_built())
    found = {t.text: (t.where, t.column, t.span) for row in document.rows for t in row.tokens if t.text}
    assert found["信息内容"] == (Where(None, 1, 1, 1), 0, 2)
    assert found["1"] == (Where(None, 1, 2, 3), 2, 1)
    assert found["规章"] == (Where(None, 1, 3, 2), 1, 1)
    assert found["5"] == (Where(None, 1, 3, 4), 3, 1)
    assert [row.line for row in document.rows] == [5, 6, 7]


def test_auto_numbered_headings_are_sections() -> None:
    titles = ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况"]
    titles += ["政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"]
    body = para("某某局2024年政府信息公开工作年度报告") + "".join(para(t, num=(1, 0)) for t in titles)
    report = parse_document(read_docx(make_docx(body, numbering=NUMBERING)))
    assert [(s.marker.ordinal if s.marker else None, s.title) for s in report.sections] == [
        (i, t) for i, t in enumerate(titles, 1)
    ]


@pytest.mark.parametrize(
    ("fmt", "text", "start", "printed"),
    [
        ("chineseCounting", "%1、", 1, "一、"),
        ("chineseCounting", "%1、", 20, "二十、"),
        ("chineseCountingThousand", "（%1）", 11, "（十一）"),
        ("chineseCountingThousand", "%1、", 105, "一百零五、"),
        ("chineseLegalSimplified", "%1", 12, "壹拾贰"),
        ("ideographTraditional", "%1、", 2, "乙、"),
        ("ideographDigital", "%1", 105, "一〇五"),
        ("decimal", "%1.", 3, "3."),
        ("decimalFullWidth", "%1．", 12, "１２．"),
        ("decimalEnclosedCircle", "%1", 3, "③"),
        ("decimalEnclosedParen", "%1", 2, "⑵"),
        ("upperRoman", "%1.", 4, "IV."),
        ("lowerLetter", "%1)", 28, "bb)"),
        ("bullet", "•", 1, ""),
        ("koreanCounting", "%1.", 1, ""),  # a format not known here: no number rather than a wrong one
    ],
)
def test_number_formats(fmt: str, text: str, start: int, printed: str) -> None:
    numbering = (
        f'<w:abstractNum w:abstractNumId="1">{level(0, fmt, text, start=start)}</w:abstractNum>'
        '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>'
    )
    document = read_docx(make_docx(para("标题", num=(3, 0)), numbering=numbering))
    assert document.lines == (printed + "标题",)


def test_level_restart_never() -> None:
    # w:lvlRestart 0: the level keeps counting across the level above it.
    numbering = (
        '<w:abstractNum w:abstractNumId="1">'
        + level(0, "chineseCounting", "%1、")
        + '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:lvlRestart w:val="0"/><w:numFmt w:val="decimal"/>'
        + '<w:suff w:val="nothing"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'
        + '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    )
    body = para("甲", num=(1, 0)) + para("子", num=(1, 1)) + para("乙", num=(1, 0)) + para("丑", num=(1, 1))
    assert read_docx(make_docx(body, numbering=numbering)).lines == ("一、甲", "1.子", "二、乙", "2.丑")


def test_nested_table_follows_its_table_and_a_frame_is_body() -> None:
    inner = "<w:tbl><w:tr>" + cell(para("x")) + cell(para("y")) + "</w:tr></w:tbl>"
    outer = (
        "<w:tbl><w:tr>"
        + cell(para("A"))
        + cell(para("B") + inner + "<w:p/>")
        + "</w:tr><w:tr>"
        + cell(para("C"))
        + cell(para("D"))
        + "</w:tr></w:tbl>"
    )
    # A one-column table drawn around text (a frame): its paragraphs and tables read as the body.
    frame_table = "<w:tbl><w:tr>" + cell(para("m")) + cell(para("n")) + "</w:tr></w:tbl>"
    frame = "<w:tbl><w:tr>" + cell(para("三、标题") + frame_table) + "</w:tr></w:tbl>"
    blocks = read_docx_blocks(make_docx(outer + frame))
    assert [
        b if isinstance(b, str) else (b.index, [[c.text for c in r] for r in b.rows]) for b in blocks
    ] == [
        (0, [["A", "B"], ["C", "D"]]),
        (1, [["x", "y"]]),
        "三、标题",
        (2, [["m", "n"]]),
    ]


def test_content_controls_and_links_are_read() -> None:
    body = (
        "<w:sdt><w:sdtPr/><w:sdtContent>"
        + para("一、总体情况")
        + "</w:sdtContent></w:sdt>"
        + '<w:p><w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:fldSimple w:instr="PAGE">'
        + "<w:r><w:t>2</w:t></w:r></w:fldSimple><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>"
    )
    assert read_docx(make_docx(body)).lines == ("一、总体情况", "链接2")


def test_package_variants() -> None:
    strict = '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>'
    strict += "<w:p><w:r><w:t>严格</w:t></w:r></w:p></w:body></w:document>"
    assert read_docx(_zip({"word/document.xml": strict.encode()})).lines == ("严格",)
    utf16 = f'<?xml version="1.0" encoding="UTF-16"?><w:document xmlns:w="{W_NS}"><w:body>'
    utf16 += "<w:p><w:r><w:t>十六</w:t></w:r></w:p></w:body></w:document>"
    assert read_docx(_zip({"word/document.xml": utf16.encode("utf-16")})).lines == ("十六",)
    # The main part is where the package relationships say, not necessarily word/document.xml.
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="r1" Target="/doc/main.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        "</Relationships>"
    )
    main = f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>别处</w:t></w:r></w:p></w:body></w:document>'
    assert read_docx(_zip({"_rels/.rels": rels.encode(), "doc/main.xml": main.encode()})).lines == ("别处",)


def test_deleted_rows_are_not_read() -> None:
    table = (
        "<w:tbl><w:tr>" + cell(para("a")) + cell(para("1")) + "</w:tr>"
        "<w:tr><w:trPr><w:del/></w:trPr>" + cell(para("b")) + cell(para("2")) + "</w:tr>"
        "<w:tr>" + cell(para("c")) + cell(para("3")) + "</w:tr></w:tbl>"
    )
    assert read_docx(make_docx(table)).lines == ("a\t1", "c\t3")


# --- bad input --------------------------------------------------------------------------------


def _patch_central(data: bytes, name: str, offset: int, fmt: str, value: int) -> bytes:
    """Overwrite a field of `name`'s central directory entry (what ZipFile.infolist reports)."""
    at = data.find(b"PK\x01\x02")
    out = bytearray(data)
    while at != -1:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + length] == name.encode():
            struct.pack_into(fmt, out, at + offset, value)
            return bytes(out)
        at = data.find(b"PK\x01\x02", at + 4)
    raise AssertionError(name)


def _declared_size(data: bytes, name: str, size: int) -> bytes:
    return _patch_central(data, name, 24, "<I", size)


def _laughs() -> str:
    """The billion laughs: ten entities each ten times the one before."""
    entities = ['<!ENTITY lol0 "lol">']
    entities += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return (
        f'<?xml version="1.0"?><!DOCTYPE lolz [{"".join(entities)}]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    )


LAUGHS = _laughs()


def _encrypted_ole() -> bytes:
    """The start of an encrypted Office file: a compound file whose directory names EncryptedPackage."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    entries = b""
    for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage"):
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entries += encoded.ljust(64, b"\x00") + struct.pack("<H", len(encoded)) + b"\x00" * 62
    return header + entries.ljust(512, b"\x00")


GOOD = make_docx(para("一、总体情况"))
BAD = {
    "truncated": (GOOD[: len(GOOD) // 2], "damaged DOCX"),
    "pk-garbage": (b"PK\x03\x04" + bytes(range(256)) * 8, "damaged DOCX"),
    "empty": (b"", "not a DOCX"),
    "no-document": (_zip({"word/styles.xml": b"<w:styles/>", "[Content_Types].xml": b"<Types/>"}), "without"),
    "malformed": (make_docx("<w:p><w:r><w:t>x</w:r></w:p>"), "malformed XML"),
    "not-wordml": (_zip({"word/document.xml": b"<html><body/></html>"}), "no WordprocessingML"),
    "no-body": (_zip({"word/document.xml": f'<w:document xmlns:w="{W_NS}"/>'.encode()}), "no body"),
    "entities": (_zip({"word/document.xml": LAUGHS.encode()}), "DOCTYPE"),
    "entities-utf16": (_zip({"word/document.xml": LAUGHS.encode("utf-16")}), "DOCTYPE"),
    "bad-encoding": (_zip({"word/document.xml": b'<?xml version="1.0" encoding="nope"?><a/>'}), "not text"),
    "bad-styles": (make_docx(para("x"), styles="<w:style>"), "styles.xml is malformed"),
    "declared-huge": (_declared_size(GOOD, "word/document.xml", 60_000_000), "60,000,000 bytes"),
    "size-lies": (_declared_size(make_docx(para("x" * 5000)), "word/document.xml", 100), "damaged DOCX"),
    "unknown-compression": (_patch_central(GOOD, "word/document.xml", 10, "<H", 99), "damaged DOCX"),
    "encrypted-member": (_patch_central(GOOD, "word/document.xml", 8, "<H", 0x1), "encrypted"),
    "encrypted-ooxml": (_encrypted_ole(), "encrypted"),
    "deep-nesting": (
        make_docx("<w:sdt><w:sdtContent>" * 100 + "<w:p/>" + "</w:sdtContent></w:sdt>" * 100),
        "nested",
    ),
}


@pytest.mark.parametrize("case", BAD, ids=str)
def test_bad_input_raises_document_error(case: str) -> None:
    data, says = BAD[case]
    with pytest.raises(DocumentError) as caught:
        read_docx(data, "bad.docx")
    message = str(caught.value)
    assert message.startswith("bad.docx: ")
    assert "\n" not in message
    assert says in message


# Empty bytes are an empty text to parse_bytes, not a document.
@pytest.mark.parametrize("case", [case for case in BAD if case != "empty"], ids=str)
def test_parse_bytes_surfaces_document_error(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(office, "find_soffice", lambda: None)
    data, _ = BAD[case]
    with pytest.raises(DocumentError):
        parse_bytes(data, "bad.docx")


def test_parts_over_the_total_limit_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_package, "MAX_UNPACKED_BYTES", 100)
    with pytest.raises(DocumentError, match="ZIP bomb"):
        read_docx(make_docx(para("x" * 200)), "bomb.docx")


def test_a_part_over_the_limit_is_refused_before_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_package, "MAX_PART_BYTES", 1000)

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the member was opened")

    data = make_docx(para("x" * 5000))
    monkeypatch.setattr(zipfile.ZipFile, "open", never)
    with pytest.raises(DocumentError, match="more than the limit of 1,000"):
        read_docx(data, "big.docx")


def test_too_many_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_module, "MAX_CELLS", 10)
    table = "<w:tbl>" + ("<w:tr>" + cell(para("1")) * 4 + "</w:tr>") * 3 + "</w:tbl>"
    with pytest.raises(DocumentError, match="more than 10 table cells"):
        read_docx(make_docx(table), "cells.docx")


def test_only_a_real_directory_entry_means_encrypted() -> None:
    assert is_encrypted_ooxml(_encrypted_ole())
    # The name as text somewhere else in a .doc is no directory entry.
    assert not is_encrypted_ooxml(b"\x00" * 3 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 200)
    assert not is_encrypted_ooxml(CONVERTED["doc"].read_bytes())


# --- DOC, RTF, ODT: LibreOffice ---------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(CONVERTED))
def test_converted_fixtures_are_recognised(fmt: str) -> None:
    assert detect_format(CONVERTED[fmt].read_bytes()) == fmt


@pytest.mark.parametrize("fmt", sorted(CONVERTED))
def test_without_libreoffice(fmt: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice, no libreoffice
    data = CONVERTED[fmt].read_bytes()
    with pytest.raises(MissingDependencyError) as caught:
        to_docx(data, fmt, "report." + fmt)
    assert str(caught.value) == (
        f"report.{fmt}: install LibreOffice (soffice) to read .doc/.wps/.rtf/.odt files, "
        "or save the file as DOCX"
    )
    with pytest.raises(MissingDependencyError):
        parse_bytes(data, "report." + fmt)


def test_encrypted_is_said_before_looking_for_libreoffice(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(DocumentError, match="encrypted"):
        to_docx(_encrypted_ole(), "doc", "secret.docx")
    with pytest.raises(DocumentError, match="encrypted"):
        parse_bytes(_encrypted_ole(), "secret.docx")


def _stand_in(folder: Path, script: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A `soffice` first on PATH that runs `script` (sh) instead of LibreOffice."""
    program = folder / "soffice"
    program.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")


@pytest.mark.skipif(os.name != "posix", reason="the stand-in soffice is a shell script")
def test_conversion_command_and_result(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    made = DOCUMENTS / "r055.lo.docx"
    _stand_in(
        tmp_path,
        f'printf "%s\\n" "$@" > "{tmp_path}/args"\n'
        'out=""; prev=""\n'
        'for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done\n'
        f'mkdir -p "$out" && cp "{made}" "$out/input.docx"\n',
        monkeypatch,
    )
    assert to_docx(CONVERTED["odt"].read_bytes(), "odt", "r055.odt") == made.read_bytes()
    args = (tmp_path / "args").read_text(encoding="utf-8").splitlines()
    assert args[0].startswith("-env:UserInstallation=file://")
    assert "--headless" in args
    assert args[args.index("--convert-to") + 1].startswith("docx")
    assert args[-1].endswith("input.odt")
    report = parse_bytes(CONVERTED["odt"].read_bytes(), "r055.odt")
    assert report.encoding == "odt"
    assert score(truth("r055"), report, keeps_blanks=True).lost == []


@pytest.mark.skipif(os.name != "posix", reason="the stand-in soffice is a shell script")
@pytest.mark.parametrize(
    "script", ["echo 'Error: source file could not be loaded' >&2\nexit 1\n", "exit 0\n"]
)
def test_a_failed_conversion(script: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _stand_in(tmp_path, script, monkeypatch)
    with pytest.raises(DocumentError) as caught:
        to_docx(CONVERTED["rtf"].read_bytes(), "rtf", "r.rtf")
    message = str(caught.value)
    assert message.startswith("r.rtf: LibreOffice could not convert the RTF file to DOCX")
    assert "\n" not in message


@pytest.mark.skipif(os.name != "posix", reason="the stand-in soffice is a shell script")
def test_a_stuck_conversion_is_stopped(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # The stand-in writes its process id, then hangs; the conversion must stop it, not wait.
    _stand_in(tmp_path, f'echo $$ > "{tmp_path}/pid"\nexec sleep 30\n', monkeypatch)
    monkeypatch.setattr(office, "TIMEOUT", 1)
    with pytest.raises(DocumentError, match="no result within 1 s"):
        to_docx(CONVERTED["doc"].read_bytes(), "doc", "r.doc")
    pid = int((tmp_path / "pid").read_text(encoding="ascii"))
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # signal 0 only asks whether the process is still there
