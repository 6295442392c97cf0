"""A footnote mark raised after a number in a document's table cell is no digit of the number.

`2<sup>1</sup>` in a page, a run set as superscript after `2` in a Word file, a smaller raised
glyph after `2` in a PDF: the readers joined
the cell's text as `21`, a wrong number. The mark keeps its place (`2^1`), which reads as no
number: the cell is text, said as printed, and its row's identities cannot use it.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from corpus import html, truth
from corpus.score import score
from govdisclosure.documents.pdf_text import Glyph, line_text

DOCUMENTS = Path(__file__).parent / "corpus" / "documents"
# A cell printing `2` in the corpus's pages (their cells hold a <p> each) and Word files.
PAGE_TWO = '<p style="text-align:center">2</p>'
WORD_TWO = re.compile(r"(<w:r>(?:(?!</w:r>).){0,300}?<w:t>2</w:t></w:r>)")
RAISED_RUN = '<w:r><w:rPr><w:vertAlign w:val="{}"/></w:rPr><w:t>1</w:t></w:r>'


def _numbers_read_wrong(report: str, parsed: govdisclosure.Report) -> list[str]:
    found = score(truth(report), parsed, keeps_blanks=False)
    return [problem for problem in found.wrong + found.misread if "got text" not in problem]


@pytest.mark.parametrize("mark", ["sup", "sub"])
def test_a_page_s_raised_mark_after_a_number_is_no_digit_of_it(mark: str) -> None:
    for report in ("r001", "r003"):
        page = html(report)
        assert PAGE_TWO in page
        marked = page.replace(PAGE_TWO, f'<p style="text-align:center">2<{mark}>1</{mark}></p>')
        assert _numbers_read_wrong(report, govdisclosure.parse(marked)) == []


@pytest.mark.parametrize("align", ["superscript", "subscript"])
def test_a_word_run_raised_after_a_number_is_no_digit_of_it(align: str) -> None:
    source = (DOCUMENTS / "r001.lo.docx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as original, zipfile.ZipFile(out, "w") as marked:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "word/document.xml":
                xml, count = WORD_TWO.subn(lambda m: m[1] + RAISED_RUN.format(align), data.decode("utf-8"))
                assert count  # (some cell printing 2 got its mark)
                data = xml.encode("utf-8")
            marked.writestr(item, data)
    parsed = govdisclosure.parse_bytes(out.getvalue(), filename="r001.docx")
    assert _numbers_read_wrong("r001", parsed) == []
    assert "2^1" in [
        cell.raw.strip() for _, table in parsed.tables.items() if table for *_, cell in table.cells()
    ]


def _glyph(text: str, x0: float, size: float, bottom: float) -> Glyph:
    return Glyph(text, x0, x0 + 0.55 * size, bottom - size, bottom, size)


def test_a_pdf_s_raised_mark_after_a_number_is_no_digit_of_it() -> None:
    # Chromium's PDF of a page with `2<sup>1</sup>` in a cell (measured): the `2` 11.25 points high
    # on its baseline at 176.43, the `1` 9.38 points with its bottom at 171.53. Read as `21` before.
    line = [_glyph("2", 100.0, 11.25, 176.43), _glyph("1", 106.2, 9.38, 171.53)]
    assert line_text(line) == "2^1"


@given(
    size=st.floats(8, 16),
    ratio=st.floats(0.55, 0.85),
    lift=st.floats(0.3, 0.6),
    digits=st.text("0123456789", min_size=1, max_size=4),
)
def test_a_smaller_raised_run_is_marked_once_and_a_line_s_own_glyphs_never(
    size: float, ratio: float, lift: float, digits: str
) -> None:
    at = 100.0
    line = []
    for digit in digits:  # the number on the line's baseline, its glyphs jittering a little
        line.append(_glyph(digit, at, size, 200.0 + (0.05 * size if len(line) % 2 else 0.0)))
        at += 0.6 * size
    assert line_text(line) == digits
    mark = [
        _glyph("1", at, ratio * size, 200.0 - lift * size),
        _glyph("2", at + 0.55 * ratio * size, ratio * size, 200.0 - lift * size),
    ]
    assert line_text([*line, *mark]) == f"{digits}^12"
