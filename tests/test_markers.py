"""Numbering styles (FORMAT.md §2.1): each marker reads as its style and number, nothing else does."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.model import MarkerStyle
from govdisclosure.numbering import BARE_MARKER, LABEL_START, cjk_number, match_marker, render_marker
from govdisclosure.sections.fold import fold

STYLES: tuple[MarkerStyle, ...] = ("cjk", "cjk_paren", "arabic", "arabic_paren", "circled", "ordinal_phrase")


def read(text: str) -> tuple[str, str, int] | None:
    found = match_marker(fold(text), text)
    return None if found is None else (found.marker.text, found.marker.style, found.marker.ordinal)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、总体情况", ("一、", "cjk", 1)),
        ("三 、本 年度", ("三、", "cjk", 3)),
        ("六. 其他", ("六.", "cjk", 6)),
        ("二，主动公开", ("二，", "cjk", 2)),
        ("十二、附则", ("十二、", "cjk", 12)),
        ("（一）主动公开情况", ("（一）", "cjk_paren", 1)),
        ("(六) 人大代表建议", ("(六)", "cjk_paren", 6)),
        ("（ 二 ）依申请公开", ("（二）", "cjk_paren", 2)),
        ("1、 总体情况", ("1、", "arabic", 1)),
        ("5、 存在的主要问题", ("5、", "arabic", 5)),
        ("1.人员力量配置", ("1.", "arabic", 1)),
        ("1．全角句点", ("1．", "arabic", 1)),
        ("（1） 主动公开", ("（1）", "arabic_paren", 1)),
        ("(12)推进国资国企", ("(12)", "arabic_paren", 12)),
        ("①加强领导", ("①", "circled", 1)),
        ("⑳最后", ("⑳", "circled", 20)),
        ("一是提高思想认识", ("一是", "ordinal_phrase", 1)),
        ("三是完善规章制度", ("三是", "ordinal_phrase", 3)),
        ("第一，加强领导", ("第一，", "ordinal_phrase", 1)),
        ("第二部分 主动公开", ("第二", "ordinal_phrase", 2)),
    ],
)
def test_marker_styles(text: str, expected: tuple[str, str, int]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "第二十条第（一）项",
        "1.5万元",
        "2020年",
        "一是否",
        "二十届二中全会",
        "本报告",
        "(本列数据",
        "、主动公开",
        "0、零",
    ],
)
def test_not_markers(text: str) -> None:
    assert read(text) is None


@pytest.mark.parametrize(
    ("text", "value"), [("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("二十", 20), ("九十九", 99)]
)
def test_cjk_numbers(text: str, value: int) -> None:
    assert cjk_number(text) == value


@pytest.mark.parametrize("text", ["", "零", "十十", "一二", "百"])
def test_cjk_number_rejects(text: str) -> None:
    assert cjk_number(text) is None


@given(st.sampled_from(STYLES), st.integers(1, 20), st.integers(0, 5))
def test_rendered_markers_read_back(style: MarkerStyle, ordinal: int, variant: int) -> None:
    text = render_marker(style, ordinal, variant)
    assert read(text + "标题") == (text.replace(" ", ""), style, ordinal)


def test_fold_keeps_offsets() -> None:
    raw = "（一）１、①　Ａ"
    assert len(fold(raw)) == len(raw)
    assert fold(raw) == "(一)1、① A"


@pytest.mark.parametrize("word", ["1.", "12、", "3．", "5\\.", "（二）", "(六)", "四、"])
def test_a_label_marker_alone_is_a_bare_marker_and_opens_a_label(word: str) -> None:
    # (`5\.`: markdown escapes a leading 5. so that it is no list item; pandoc and html2text keep it.)
    assert BARE_MARKER.match(word) is not None
    assert LABEL_START.match(word + "属于国家秘密") is not None


@pytest.mark.parametrize("word", ["1.5", "5\\", "5", "（二）部分公开", "四、结转", "2019年", "\\.5"])
def test_a_value_or_a_whole_label_is_no_bare_marker(word: str) -> None:
    assert BARE_MARKER.match(word) is None
