"""The outline of texts as tools print them: headings a PDF split, table labels that look like
headings, sub-headings inside a crawler page's one line (FORMAT.md §2.1, §2.2 I)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from corpus.labels import SECTION_TITLES

PROSE = "本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开工作，取得了较好成效。"


def _outline(report: govdisclosure.Report) -> list[tuple[str | None, str, int]]:
    """(marker, title, depth) of every section, depth first."""
    out: list[tuple[str | None, str, int]] = []

    def walk(sections: tuple[govdisclosure.Section, ...], depth: int) -> None:
        for section in sections:
            out.append((section.marker.text if section.marker else None, section.title, depth))
            walk(section.children, depth + 1)

    walk(report.sections, 0)
    return out


def test_a_heading_whose_numeral_a_pdf_printed_on_the_next_line() -> None:
    # Chromium draws `1、` in another font than its title; pdfplumber puts the digit on a line of
    # its own after the title (tests/corpus/fixtures/r004/pdf-chromium.pdfplumber.txt, lines 4-5).
    text = "\n".join(["、 总体情况", "1", PROSE, "、主动公开政府信息情况", "2", PROSE])
    report = govdisclosure.parse(text)
    assert _outline(report) == [("1、", "总体情况", 0), ("2、", "主动公开政府信息情况", 0)]
    # The lone digit went back to its heading: it is in no section's text.
    assert all(not section.text.startswith("1") for section in report.sections)


def test_a_lone_number_after_a_prose_line_stays_text() -> None:
    text = "\n".join(["一、总体情况", "、本年度情况如下", "1", PROSE])
    report = govdisclosure.parse(text)
    assert _outline(report) == [("一、", "总体情况", 0)]


def test_table_labels_split_by_a_pdf_line_are_no_headings() -> None:
    # `（五）不 物`: the label 不[予处理] beside the wrapped end of [出版]物 (a Chromium PDF through
    # pdfplumber); `3.危及"三安全一稳定"` with straight quotes (pandoc's markdown escapes them).
    lines = [
        "一、总体情况",
        PROSE,
        "三、收到和处理政府信息公开申请情况",
        "（五）不 物",
        "予处理",
        '3.危及\\"三安全一稳定\\"',
        "(六) 其 政府信息公开申请",
        "四、政府信息公开行政复议、行政诉讼情况",
        PROSE,
    ]
    report = govdisclosure.parse("\n".join(lines))
    assert _outline(report) == [
        ("一、", "总体情况", 0),
        ("三、", "收到和处理政府信息公开申请情况", 0),
        ("四、", "政府信息公开行政复议、行政诉讼情况", 0),
    ]


def test_sub_headings_inside_a_crawler_line() -> None:
    # A whole page on one line (FORMAT.md §2.2 I): `1、` and `（1）` sub-headings whose title stands
    # between spaces are headings; a `1、` inside a sentence numbers an item.
    line = " ".join(
        [
            "西岭街道办事处2021年政府信息公开工作年度报告",
            "一、总体情况",
            "1、主动公开政府信息情况",
            PROSE,
            "2、依申请公开",
            "严格执行依申请公开登记、审核、办理、答复等工作流程：1、登记；2、答复。",
            "（1）政府信息管理",
            PROSE,
            "二、主动公开政府信息情况",
            PROSE,
        ]
    )
    report = govdisclosure.parse(line)
    assert _outline(report) == [
        ("一、", "总体情况", 0),
        ("1、", "主动公开政府信息情况", 1),
        ("2、", "依申请公开", 1),
        ("（1）", "政府信息管理", 2),
        ("二、", "主动公开政府信息情况", 0),
    ]


CANONICAL = SECTION_TITLES  # FORMAT.md §1.2, written by the corpus from the spec


@given(
    chosen=st.lists(st.integers(0, 5), min_size=1, max_size=6, unique=True).map(sorted),
    split=st.lists(st.booleans(), min_size=6, max_size=6),
    space=st.sampled_from(["", " ", "\u3000"]),
    prose=st.sampled_from([PROSE, "本年度无其他需要报告的事项。", "2023年，本机关共公开信息12条。"]),
)
def test_numerals_printed_apart_give_the_outline_of_the_joined_text(
    chosen: list[int], split: list[bool], space: str, prose: str
) -> None:
    # Whichever headings a PDF split (`、 title` / `N`), the outline is that of the joined text.
    joined, printed = [], []
    for i in chosen:
        joined += [f"{i + 1}、{CANONICAL[i]}", prose]
        printed += [f"、{space}{CANONICAL[i]}", str(i + 1), prose] if split[i] else joined[-2:]
    expected = _outline(govdisclosure.parse("\n".join(joined)))
    assert expected == [(f"{i + 1}、", CANONICAL[i], 0) for i in chosen]
    assert _outline(govdisclosure.parse("\n".join(printed))) == expected
