"""The text helpers skip work they can prove does nothing (issue 14); each shortcut must
give what the full path gives."""

from __future__ import annotations

import sys
import unicodedata
from unittest import mock

import regex
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.layout.fused import HAN_GAP, _han_joined
from govdisclosure.layout.rules import display_width
from govdisclosure.normalize import _TO_SCRUB, CONTROL, INVISIBLE, STRAY_CONTROL, SURROGATE, scrub
from govdisclosure.sections import heading
from govdisclosure.sections.config import sections_config
from govdisclosure.sections.fold import fold
from govdisclosure.sections.labels import _SPACE, _compact
from govdisclosure.sections.text import _SPACE_RUN, clean_line, clean_title, squeeze
from govdisclosure.spelling import fold_spelling

CONFIG = sections_config()
TITLES = [w for s in CONFIG.sections for w in s.spellings]
_MARKS = ["、", "，", ",", " ", "\t", "\u3000", "\xa0", "**", "#", "。", "：", "“", "”", "\\", '"']
_WORDS = ["\u200b", "\x0c", "本年度", "其它", "其他", "情况", "ａ", "１", "（一）", "1、", "政府信息公开"]
PIECES = st.sampled_from([*TITLES, *_MARKS, *_WORDS])
TEXTS = st.lists(PIECES, max_size=12).map("".join) | st.text(max_size=30)


def test_printable_characters_hold_nothing_to_clean() -> None:
    # clean_line returns a printable line as it is: no invisible mark or control character is.
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char.isprintable():
            assert INVISIBLE.match(char) is None and CONTROL.match(char) is None, hex(code)


def test_clean_line_of_each_character() -> None:
    for code in [*range(0x3000), *range(0xFE00, 0x10000)]:
        for line in (f"a{chr(code)}b", f"a{chr(code)}情况", f"\t{chr(code)}\u3000"):
            assert clean_line(line) == CONTROL.sub(" ", INVISIBLE.sub("", line)), hex(code)


@given(TEXTS)
def test_clean_line_is_the_substitutions(text: str) -> None:
    assert clean_line(text) == CONTROL.sub(" ", INVISIBLE.sub("", text))


@given(TEXTS)
def test_squeeze_without_a_space_run_only_strips(text: str) -> None:
    if _SPACE_RUN.search(text) is None:
        assert squeeze(text) == text.strip()


@given(TEXTS, st.booleans())
def test_bare_titles_are_found_without_cleaning_long_lines(text: str, marked: bool) -> None:
    found = heading._bare(text, CONFIG, marked)
    never = regex.compile(r"(?!)")
    with (
        mock.patch.object(heading, "_han_beyond", lambda text, count: False),
        mock.patch.object(heading, "_DIGIT", never),
    ):
        assert heading._bare(text, CONFIG, marked) == found


def test_every_spelling_is_still_found() -> None:
    for title in TITLES:
        for text in (title, f"、{title}", f"**{title}**", f"{title}："):
            assert heading._bare(text, CONFIG, True) is not None, text


def test_a_long_line_is_rejected_before_cleaning() -> None:
    prose = "本年度我单位认真贯彻落实政府信息公开条例的各项要求并持续推进" * 3
    with mock.patch.object(heading, "clean_title", side_effect=AssertionError("cleaned")):
        assert heading._bare(prose, CONFIG, False) is None
        assert heading._bare("行政许可 0 0 0", CONFIG, False) is None
    assert clean_title("**总体情况：**") == "总体情况"


@given(st.text(max_size=40) | st.lists(PIECES, max_size=12).map("".join))
def test_display_width_counts_wide_characters_twice(text: str) -> None:
    expected = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    assert display_width(text) == expected


def test_display_width_of_each_character() -> None:
    for code in range(0x30000):
        char = chr(code)
        assert display_width(char) == (2 if unicodedata.east_asian_width(char) in "WF" else 1), hex(code)


@given(
    st.lists(
        st.sampled_from([*_MARKS, *_WORDS, "一、", "（二）", "①", "第三", "三是", "(4)", "５、"]), max_size=8
    )
)
def test_a_heading_is_read_without_folding_lines_that_open_no_marker(pieces: list[str]) -> None:
    text = "".join(pieces)
    found = heading.read_heading(text, CONFIG)
    with mock.patch.object(heading, "can_open_marker", lambda char: True):
        assert heading.read_heading(text, CONFIG) == found


def test_scrub_finds_every_character_it_would_change() -> None:
    # scrub returns a text as it is when one search finds nothing: that search must find exactly
    # the characters its three substitutions touch, surrogates included.
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        touched = any(p.search(char) is not None for p in (INVISIBLE, STRAY_CONTROL, SURROGATE))
        assert (_TO_SCRUB.search(char) is not None) == touched, hex(code)


@given(TEXTS | st.text(alphabet=st.sampled_from("\x00\x0c\r\n\t\u200b\ud800\u00ad a情")))
def test_scrub_is_the_substitutions(text: str) -> None:
    expected = SURROGATE.sub("\ufffd", STRAY_CONTROL.sub(" ", INVISIBLE.sub("", text)))
    assert scrub(text) == expected


@given(TEXTS | st.text(alphabet=st.sampled_from("一龥丁a 、\u4dff\ua000")), st.integers(0, 20))
def test_han_beyond_counts_the_basic_han_block(text: str, count: int) -> None:
    assert heading._han_beyond(text, count) == (sum("\u4e00" <= c <= "\u9fff" for c in text) > count)


# Label pieces broken by spaces (`商业 企业`, `1. 属于国家秘密`, `（三） 不予公开`) among prose and digits.
_GAPPED = st.lists(
    st.sampled_from(
        ["商业", "企业", "结果", " ", "\u3000", "  ", "1.", "、", "（三）", "）", "0", "a", "。"]
    ),
    max_size=16,
).map("".join)


@given(_GAPPED | TEXTS)
def test_a_fused_line_is_joined_as_character_by_character(text: str) -> None:
    # _han_joined joins the slices between the gaps; the definition keeps each character outside them.
    kept = [
        i
        for i in range(len(text))
        if not any(s <= i < e for s, e in map(regex.Match.span, HAN_GAP.finditer(text)))
    ]
    assert _han_joined(text) == ("".join(text[i] for i in kept), kept)


# The translation fold_spelling and compact made with str.translate before they replaced mark by mark.
_SAME_MARKS_TABLE = str.maketrans(
    {**dict.fromkeys("“”‘’「」『』'", '"'), "、": ",", "，": ",", "（": "(", "）": ")", "．": "."}
)
_NO_QUOTES_TABLE = str.maketrans(dict.fromkeys('\\"', None))
_MARK_PIECES = [*"“”‘’「」『』'、，（）．\\\"", "其它", "其他", "危及", " ", "1.", "规章", "\u3000"]
_MARKED = st.lists(st.sampled_from(_MARK_PIECES), max_size=20).map("".join)


def _folded_by_table(text: str) -> str:
    return text.translate(_SAME_MARKS_TABLE).replace("其它", "其他")


@given(_MARKED | TEXTS)
def test_spellings_fold_as_the_translation_folded_them(text: str) -> None:
    assert fold_spelling(text) == _folded_by_table(text)
    assert _compact(text) == _folded_by_table(_SPACE.sub("", fold(text))).translate(_NO_QUOTES_TABLE)
