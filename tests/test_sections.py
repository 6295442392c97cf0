"""The outline (FORMAT.md §2.1): every heading style, depth by style rank, table rows never headings."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from govdisclosure.diagnostics import LINE_SKIPPED, SECTION_MISSING
from govdisclosure.model import MarkerStyle, Section
from govdisclosure.normalize import normalize
from govdisclosure.numbering import render_marker
from govdisclosure.sections import Outline, read_outline


def outline(text: str, table_lines: frozenset[int] = frozenset()) -> Outline:
    return read_outline(normalize(text), table_lines)


def shape(sections: Sequence[Section]) -> list[tuple[str | None, str, list[object]]]:
    return [(s.marker.text if s.marker else None, s.title, shape(s.children)) for s in sections]


SIX = (
    "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
    "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n"
)


#: The six canonical sections in their printed order (FORMAT.md §2.1), as the tests expect them.
CANONICAL_KINDS = (
    "overview",
    "active_disclosure",
    "applications",
    "review_litigation",
    "problems",
    "other_matters",
)


def test_six_sections_get_their_kinds_and_no_missing_diagnostic() -> None:
    found = outline(SIX)
    assert [s.kind for s in found.sections] == list(CANONICAL_KINDS)
    assert not [d for d in found.diagnostics if d.code == SECTION_MISSING]


def test_missing_sections_are_diagnosed() -> None:
    found = outline("四、政府信息公开行政复议、行政诉讼情况\n正文。\n")
    missing = [d.message for d in found.diagnostics if d.code == SECTION_MISSING]
    assert len(missing) == 5 and not any("review_litigation" in m for m in missing)


def test_odd_title_gets_kind_by_position() -> None:
    found = outline("一、总体情况\n二、信息发布\n三、收到和处理政府信息公开申请情况\n")
    assert [s.kind for s in found.sections] == ["overview", "active_disclosure", "applications"]


def test_typo_in_title_still_gets_kind() -> None:
    found = outline("四、政府信息公开行政法复议、行政诉讼情况\n")
    assert found.sections[0].kind == "review_litigation"


def test_arabic_top_level_mixed_with_cjk_seed_003() -> None:
    text = (
        "1、 总体情况\n（1） 主动公开\n文字。\n（2） 依申请公开\n二、主动公开政府信息情况\n"
        "3、 收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
    )
    assert shape(outline(text).sections) == [
        ("1、", "总体情况", [("（1）", "主动公开", []), ("（2）", "依申请公开", [])]),
        ("二、", "主动公开政府信息情况", []),
        ("3、", "收到和处理政府信息公开申请情况", []),
        ("四、", "政府信息公开行政复议、行政诉讼情况", []),
    ]


def test_arabic_subsections_under_cjk_seed_001() -> None:
    text = "一、总体情况\n1、主动公开政府信息情况\n2、依申请公开情况\n二、主动公开政府信息情况\n"
    assert shape(outline(text).sections) == [
        ("一、", "总体情况", [("1、", "主动公开政府信息情况", []), ("2、", "依申请公开情况", [])]),
        ("二、", "主动公开政府信息情况", []),
    ]


def test_lost_parent_and_doubled_heading_seed_000() -> None:
    text = (
        "（一）主动公开\n（二）依申请公开\n(六) 人大代表建议\n四、政府信息公开行政复议、行政诉讼情况\n\n"
        "四、政府信息公开行政复议、行政诉讼情况\n无。\n"
    )
    found = outline(text)
    assert [s.marker.text for s in found.sections if s.marker] == ["（一）", "（二）", "(六)", "四、"]
    assert found.sections[-1].text == "无。"
    assert any(d.code == LINE_SKIPPED and d.line == 6 for d in found.diagnostics)


def test_fifth_section_printed_as_arabic_seed_002() -> None:
    text = (
        "四、政府信息公开行政复议、行政诉讼情况\n5、 存在的主要问题及改进情况\n   （一）存在的主要问题\n"
        "    1.人员力量配置有待提升。政务公开工作人员力量配置方面存在短板。\n六、其他需要报告的事项\n"
    )
    assert shape(outline(text).sections) == [
        ("四、", "政府信息公开行政复议、行政诉讼情况", []),
        ("5、", "存在的主要问题及改进情况", [("（一）", "存在的主要问题", [])]),
        ("六、", "其他需要报告的事项", []),
    ]


def test_numbered_prose_clauses_are_not_headings() -> None:
    text = (
        "（四）平台建设\n    1、推进政务新媒体规范有序发展。加快政务新媒\n体清理整合进度。\n"
        "一是提高思想认识。进一步提高政治站位。\n**一是**发布的信息不够。\n### 三是提高解读效能。\n"
    )
    found = outline(text)
    assert shape(found.sections) == [("（四）", "平台建设", [])]
    assert found.sections[0].text.startswith("1、推进政务新媒体")


def test_markdown_and_bold_run_in_headings_seed_004() -> None:
    text = (
        "## 2021\n\n### 一、总体情况\n\n**(一)加强组织领导，健全工作机制。**高新区高度重视。\n\n"
        "## 二、主动公开政府信息情况\n"
    )
    found = outline(text)
    assert shape(found.sections) == [
        ("一、", "总体情况", [("(一)", "加强组织领导，健全工作机制", [])]),
        ("二、", "主动公开政府信息情况", []),
    ]
    assert found.sections[0].children[0].text == "高新区高度重视。"


def test_a_heading_a_pdf_converter_drew_as_a_pipe_row_opens_its_section() -> None:
    # markitdown on Chromium's PDF (held-out seed 7, r010): a bold run-in heading and the first
    # line of its paragraph, drawn as a pipe row from the words' positions, a rule under it.
    text = (
        "一、总体情况\n"
        "| （二）规范依申请公开，保障群众合法权益。 |     | 严格执行依申请公开登记、审核、办理、答 |     |\n"
        "| -------------------- | --- | ------------------- | --- |\n"
        "复、归档等工作流程。\n"
    )
    found = outline(text)
    assert shape(found.sections) == [
        ("一、", "总体情况", [("（二）", "规范依申请公开，保障群众合法权益", [])])
    ]
    assert found.sections[0].children[0].text.startswith("严格执行依申请公开登记")


@pytest.mark.parametrize(
    "rows",
    [
        # A row label (a blank row's, no value), a first cell ending 。 beside a value, or a first
        # cell that is no sentence (a report's own table of platforms): table rows.
        "| （三）不予公开 |     |     |\n| （一）加强组织领导。 | 3 |\n| （一）政府网站 | 门户网站 |\n",
        # A sentence with a marker in a table's row (review): the table's rows stand above it, so
        # it is no table of one row a converter drew around a heading.
        "| 信息内容 | 本年制发件数 |\n| --- | --- |\n| 规章 | 3 |\n"
        "| 1.本表数据截至12月31日。 |  |\n| --- | --- |\n",
    ],
)
def test_pipe_rows_of_a_table_open_no_section(rows: str) -> None:
    found = outline("三、收到和处理政府信息公开申请情况\n" + rows)
    assert shape(found.sections) == [("三、", "收到和处理政府信息公开申请情况", [])]


def test_table_rows_never_open_sections() -> None:
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量\t\t1\t0\n"
        "→\n\t（三）不予公开\n"
        "（一）予以公开                   1288        21\n"
        "三 、本 年 度办 理 结果\n"
        "（三）不\n予公开\n"
        "四、结转下年度继续办理\n"
        "### (六) 其他\n"
        "| 四、结转下年度继续办理 | 31 |\n"
        "四、政府信息公开行政复议、行政诉讼情况\n"
    )
    found = outline(text)
    assert shape(found.sections) == [
        ("三、", "收到和处理政府信息公开申请情况", []),
        ("四、", "政府信息公开行政复议、行政诉讼情况", []),
    ]


def test_table_lines_from_the_tables_step_never_open_sections() -> None:
    found = outline("一、总体情况\n二、信息发布情况\n（一）统计\n", frozenset({2, 3}))
    assert shape(found.sections) == [("一、", "总体情况", [])]


def test_canonical_headings_claimed_by_the_tables_step_still_open_sections() -> None:
    # The tables step may count a table's own heading (三、收到和处理…) among its lines.
    text = (
        "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\n"
        "五、存在的主要问题及改进情况\n"
    )
    found = outline(text, frozenset({1, 2, 3}))
    assert [s.marker.text for s in found.sections if s.marker] == ["三、", "五、"]


def test_section_text_is_its_own_prose_only() -> None:
    text = (
        "一、总体情况\n总的情况。\n（一）主动公开\n主动公开的情况。\n"
        "二、主动公开政府信息情况\n规章\t0\t0\t0\n"
    )
    found = outline(text)
    assert found.sections[0].text == "总的情况。"
    assert found.sections[0].children[0].text == "主动公开的情况。"
    assert found.sections[1].text == ""


def test_inline_headings_in_one_long_line() -> None:
    body = (
        "本报告根据《条例》编制。统计期限自2023年1月1日起至2023年12月31日止。"
        * 3
        + " 一、总体情况 2023年，全区坚持公开。"
        "（一）主动公开方面平潭综合实验区切实落实要求，公开信息13561条。"
        "（二）依申请公开方面持续强化服务理念，严格按照《条例》要求办理。"
        "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数规章000"
        "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和）"
        "一、本年新收政府信息公开申请数量801000081"
        "四、结转下年度继续办理0000000"
        "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼110024001510102"
        "五、存在的主要问题及改进情况存在的问题主要有以下几个方面。六、其他需要报告的事项2023年，无收取信息处理费情况。"
    )
    found = outline(body)
    assert shape(found.sections) == [
        ("一、", "总体情况", [("（一）", "主动公开方面", []), ("（二）", "依申请公开方面", [])]),
        ("二、", "主动公开政府信息情况", []),
        ("三、", "收到和处理政府信息公开申请情况", []),
        ("四、", "政府信息公开行政复议、行政诉讼情况", []),
        ("五、", "存在的主要问题及改进情况", []),
        ("六、", "其他需要报告的事项", []),
    ]
    assert found.sections[1].text == "" and found.sections[3].text == ""
    assert found.sections[5].text == "2023年，无收取信息处理费情况。"
    assert found.year == 2023


def test_bare_canonical_title_opens_a_section() -> None:
    found = outline("、主动公开政府信息情况\n内容。\n")
    assert found.sections[0].marker is None
    assert found.sections[0].kind == "active_disclosure"


def test_page_footers_are_skipped_with_a_diagnostic() -> None:
    found = outline("一、总体情况\n内容。\n                -2-\n继续。\n")
    assert found.sections[0].text == "内容。\n继续。"
    assert [d.line for d in found.diagnostics if d.code == LINE_SKIPPED] == [3]


def test_empty_and_odd_inputs_do_not_crash() -> None:
    for text in ["", "\n\n", "一、", "（", "**", "#", "|", "1.5", "第二十条第（一）项"]:
        assert outline(text).sections == ()


# --- property: any outline rendered with any mix of styles parses back to the same tree -------------

# Title characters that spell no canonical title, no table label and no heading marker.
_TITLE_CHARS = "甲乙丙丁戊己庚辛壬癸山水木火土金石田禾竹"
_STYLE_ORDER: tuple[MarkerStyle, ...] = ("cjk", "cjk_paren", "arabic", "arabic_paren", "circled")

titles = st.text(alphabet=_TITLE_CHARS, min_size=2, max_size=12)
prose = st.lists(st.text(alphabet=_TITLE_CHARS, min_size=4, max_size=30).map(lambda s: s + "。"), max_size=2)


@attrs.frozen
class Node:
    title: str
    paragraphs: tuple[str, ...]
    children: tuple[Node, ...] = ()


def trees(depth: int) -> st.SearchStrategy[tuple[Node, ...]]:
    child = st.just(()) if depth == 1 else trees(depth - 1)
    node = st.builds(Node, titles, prose.map(tuple), child)
    return st.lists(node, min_size=1, max_size=4).map(tuple)


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, tuple[Node, ...], tuple[MarkerStyle, ...]]:
    """A rendered report outline, its tree and the style of each depth (conventional order kept)."""
    depth = draw(st.integers(1, 3))
    pool: list[MarkerStyle] = [*_STYLE_ORDER, "ordinal_phrase"]
    picks = sorted(draw(st.lists(st.integers(0, len(pool) - 1), min_size=depth, max_size=depth, unique=True)))
    styles = tuple(pool[i] for i in picks)
    tree = draw(trees(depth))
    lines: list[str] = []

    def render(nodes: tuple[Node, ...], level: int) -> None:
        if not nodes:
            return
        style = styles[level]
        for ordinal, node in enumerate(nodes, 1):
            marker = render_marker(style, ordinal, draw(st.integers(0, 3)))
            space = draw(st.sampled_from(["", " ", "　"]))
            form = draw(st.sampled_from(["line", "markdown", "bold", "runin", "indent"]))
            if style == "ordinal_phrase" and form in ("bold", "runin"):
                form = "line"
            if style not in ("cjk", "cjk_paren") and form == "runin":
                form = "bold"
            paragraphs = list(node.paragraphs)
            head = f"{marker}{space}{node.title}"
            if form == "markdown":
                lines.append("#" * (level + 2) + " " + head)
            elif form == "bold":
                lines.append(f"**{head}**" + (paragraphs.pop(0) if paragraphs else ""))
            elif form == "runin" and paragraphs:
                lines.append(f"{head}。{paragraphs.pop(0)}")
            else:
                lines.append(("    " if form == "indent" else "") + head)
            lines.extend(paragraphs)
            lines.append("")
            render(node.children, level + 1)

    render(tree, 0)
    return "\n".join(lines), tree, styles


def as_nodes(sections: Sequence[Section]) -> tuple[Node, ...]:
    return tuple(
        Node(s.title, tuple(p for p in s.text.split("\n") if p), as_nodes(s.children)) for s in sections
    )


@given(documents())
@example(
    (
        "1、 甲乙\n（1） 丙丁\n2、 戊己\n",
        (Node("甲乙", (), (Node("丙丁", ()),)), Node("戊己", ())),
        ("arabic", "arabic_paren"),
    )
)
def test_rendered_outlines_parse_back(doc: tuple[str, tuple[Node, ...], tuple[MarkerStyle, ...]]) -> None:
    text, tree, styles = doc
    found = outline(text)
    assert as_nodes(found.sections) == tree
    for section in found.sections:
        assert section.marker is not None and section.marker.style == styles[0]
