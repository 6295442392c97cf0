"""A footnote mark raised after a number in a document's table cell is no digit of the number.

`2<sup>1</sup>` in a page, a run set as superscript after `2` in a Word file: the readers joined
the cell's text as `21`, a wrong number. The mark keeps its place (`2^1`), which reads as no
number: the cell is text, said as printed, and its row's identities cannot use it.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

import govdisclosure
from corpus import html, truth
from corpus.score import score

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
