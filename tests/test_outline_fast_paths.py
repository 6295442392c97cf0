"""The outline's line classifier skips work it can prove does nothing (issue 14): each shortcut
must give what the full path gives, on every code point where that is cheap to check and on
generated lines shaped like the real ones otherwise."""

from __future__ import annotations

import difflib
import sys
from unittest import mock

from hypothesis import example, given
from hypothesis import strategies as st

from govdisclosure import numbering
from govdisclosure.model import Marker
from govdisclosure.normalize import normalize, normalize_line
from govdisclosure.sections import heading, numerals, tokens
from govdisclosure.sections.config import sections_config
from govdisclosure.sections.fold import fold
from govdisclosure.sections.labels import _compact, table_labels
from govdisclosure.sections.text import TERMINATORS, clean_line

CONFIG = sections_config()
LABELS = table_labels(extra=CONFIG.extra_table_labels)
TITLES = [w for s in CONFIG.sections for w in s.spellings]
MARKERS = [
    "一、",
    "（二）",
    "(三)",
    "①",
    "⑳",
    "第三",
    "第一，",
    "三是",
    "(4)",
    "（12）",
    "５、",
    "1.",
    "2．",
    "十一、",
]
MARKS = [
    "、",
    "，",
    ",",
    " ",
    "\t",
    "\u3000",
    "\xa0",
    "**",
    "#",
    "。",
    "：",
    "；",
    "！",
    "?",
    "\u200b",
    "\x0c",
]
WORDS = ["本年度", "情况", "予以公开", "1", "５", "0", "12", "无", "政府信息公开", "是否", "．5"]
PIECES = st.sampled_from([*MARKERS, *MARKS, *WORDS, *TITLES])
LINES = st.lists(PIECES, max_size=10).map("".join) | st.text(max_size=30)


def _split_runin_by_loop(rest: str) -> tuple[str, str]:
    # The loop the search replaced: the first folded character that ends a sentence.
    for i, char in enumerate(fold(rest)):
        if char in TERMINATORS:
            return rest[:i], rest[i + 1 :]
    return rest, ""


def _marker_by_every_pattern(folded: str, raw: str, pos: int) -> Marker | None:
    # match_marker as it was: every style's pattern tried in order, whatever the first character.
    if folded[pos : pos + 1] not in numbering._FIRST:
        return None
    for style, pattern in numbering._HEADING_MARKERS:
        found = pattern.match(folded, pos)
        ordinal = numbering._ordinal(style, found["num"]) if found is not None else None
        if found is not None and ordinal is not None:
            return Marker("".join(raw[pos : found.end()].split()), style, ordinal)
    return None


def test_a_line_is_blank_after_normalizing_exactly_when_its_cleaned_text_is() -> None:
    # classify skips `Line.is_blank` lines before cleaning them: the two tests must agree.
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        assert (normalize_line(char).strip() == "") == (clean_line(char).strip() == ""), hex(code)


@given(LINES)
def test_blank_lines_agree_on_generated_lines(text: str) -> None:
    for line in normalize(text):
        assert line.is_blank == (not clean_line(line.raw).strip())


@given(LINES)
def test_a_runin_title_is_cut_where_the_loop_cut_it(rest: str) -> None:
    assert heading._split_runin(rest) == _split_runin_by_loop(rest)


@given(LINES, st.integers(0, 3))
@example("三是加强", 0)
@example("  第三、", 2)
@example("（十二）", 0)
def test_markers_are_matched_as_by_every_pattern(text: str, pos: int) -> None:
    folded = fold(text)
    found = numbering.match_marker(folded, text, pos)
    expected = _marker_by_every_pattern(folded, text, pos)
    assert (found.marker if found is not None else None) == expected


def test_each_opening_character_keeps_the_patterns_that_can_match_it() -> None:
    # Every marker form of FORMAT.md §2.1 that a heading may open with is matched.
    for text, style in [
        ("①总体", "circled"),
        ("第三、", "ordinal_phrase"),
        ("三是", "ordinal_phrase"),
        ("(二)", "cjk_paren"),
        ("(12)", "arabic_paren"),
        ("十一、", "cjk"),
        ("3.", "arabic"),
    ]:
        found = numbering.match_marker(text, text)
        assert found is not None and found.marker.style == style, text


STYLE_SETS = st.sampled_from([("cjk", "arabic"), ("circled",), ("cjk_paren", "arabic_paren"), ()])


@given(
    st.sampled_from(MARKERS), st.sampled_from(TITLES), st.sampled_from(["", "。本年度……", " 1"]), STYLE_SETS
)
def test_a_marked_title_is_read_only_in_the_styles_wanted(
    marker: str, title: str, tail: str, styles: tuple[str, ...]
) -> None:
    _read_only_in(f"{marker}{title}{tail}", styles)


@given(LINES, STYLE_SETS)
def test_a_heading_of_another_style_is_none(text: str, styles: tuple[str, ...]) -> None:
    _read_only_in(text, styles)


def _read_only_in(text: str, styles: tuple[str, ...]) -> None:
    full = heading.read_heading(text, CONFIG)
    wanted = full is None or full.marker is None or full.marker.style in styles
    assert heading.read_heading(text, CONFIG, styles) == (full if wanted else None)


@given(
    st.lists(st.sampled_from([" ", "\t", "\u3000", "1", "六", "7", "a", "、", "一二"]), max_size=5).map(
        "".join
    )
)
def test_a_lone_numeral_is_one_character_once_stripped(text: str) -> None:
    # numerals_apart tests the length before the pattern: the pattern only matches such lines.
    if numerals._LONE_NUMERAL.match(text) is not None:
        assert len(text.strip()) == 1


def test_a_heading_numeral_printed_apart_is_still_joined() -> None:
    lines = normalize("、总体情况\n1\n本年度……\n、 主动公开政府信息情况\n 2 \n")
    joined, moved = numerals.numerals_apart(lines, CONFIG)
    assert moved == {2, 5}
    assert joined[0].raw == "1、总体情况" and joined[3].raw.startswith("2、")


PROSE = st.lists(
    st.sampled_from([*WORDS, *MARKS, *TITLES, "其", "它", "其它", '"', "\\", "“"]), max_size=40
).map("".join)


@given(PROSE, st.integers(0, 60))
def test_a_prefix_compacts_to_a_prefix(text: str, cut: int) -> None:
    # is_fragment rejects a long text by its start's compact form: that must begin the whole's.
    assert _compact(text).startswith(_compact(text[:cut]))


@given(PROSE | st.sampled_from(sorted(LABELS.all_labels)), st.integers(1, 2))
def test_long_texts_are_fragments_as_before(text: str, min_length: int) -> None:
    found = LABELS.is_fragment(text, min_length=min_length)
    with mock.patch.object(LABELS, "_probe", sys.maxsize):
        assert LABELS.is_fragment(text, min_length=min_length) == found


def test_a_long_label_with_spaces_is_still_a_fragment() -> None:
    longest = max(LABELS.all_labels, key=len)
    assert LABELS.is_fragment(" ".join(longest) + " " * 100)
    assert not LABELS.is_fragment("本年度我单位认真贯彻落实政府信息公开条例" * 4)


def _nearest_by_scan(seen: str) -> str | None:
    # The definition: the spelling most alike (difflib's ratio, at least SIMILAR), the last of equals.
    scored = [
        (difflib.SequenceMatcher(None, seen, spelling).ratio(), i, kind)
        for i, (kind, spelling) in enumerate(CONFIG.compact_spellings)
    ]
    best = max((s for s in scored if s[0] >= heading.SIMILAR), default=None)
    return None if best is None else best[2]


# Titles near a canonical spelling: a spelling with characters dropped, doubled, swapped for
# others (typos such as 行政法复议), or words around it.
def _typed(spelling: str, cuts: set[int], noise: list[str]) -> str:
    return "".join(noise[i % len(noise)] if i in cuts else c for i, c in enumerate(spelling))


NOISE = ["", "法", "的", "情况", "政府", "公开", "工作", "年度", "x"]
NEAR_TITLES = st.builds(
    _typed,
    st.sampled_from([s for _, s in CONFIG.compact_spellings]),
    st.sets(st.integers(0, 20), max_size=4),
    st.lists(st.sampled_from(NOISE), min_size=1, max_size=3),
)


@given(NEAR_TITLES | PROSE)
@example("行政法复议行政诉讼情况")
@example("主动公开政府信息的情况")
def test_a_title_names_the_section_the_full_scan_names(title: str) -> None:
    seen = _compact(title)
    assert heading._nearest(seen, CONFIG.compact_spellings) == _nearest_by_scan(seen)


class _EveryCharacter:
    def __contains__(self, char: object) -> bool:
        return True


@given(LINES | st.sampled_from(["## 一、总体情况", "**（二）主动公开**", "  　1、概述", "*一、", ""]))
def test_a_line_opening_with_no_prefix_character_reads_as_with_the_prefix_pattern(text: str) -> None:
    # read_heading matches its prefix pattern only on lines opening with a character it can take.
    found = heading.read_heading(text, CONFIG)
    with mock.patch.object(heading, "_PREFIX_FIRST", _EveryCharacter()):
        assert heading.read_heading(text, CONFIG) == found


FOOTERS = st.sampled_from(["- 3 -", "第 4 页", "第4页 共9页", "—12—"])
REPORT_LINES = st.lists(LINES | FOOTERS | st.sampled_from(MARKERS).map(lambda m: m + "总体情况"), max_size=12)


def _classified(
    text: str, table_lines: set[int]
) -> tuple[list[tokens.LineToken], list[tuple[str, int | None]]]:
    found, skipped = tokens.classify(normalize(text), table_lines, CONFIG, LABELS)
    return found, [(d.code, d.line) for d in skipped]


@given(REPORT_LINES, st.integers(1, 4), st.sets(st.integers(1, 16)))
def test_a_remembered_line_reads_as_a_fresh_one_at_its_own_number(
    lines: list[str], shift: int, table_lines: set[int]
) -> None:
    # Short lines' readings are remembered apart from their numbers: a line read before, at another
    # number, gives the tokens and footer diagnostics a first reading gives, numbered where it is.
    text = "\n".join(lines)
    tokens._remembered_line.cache_clear()
    tokens._remembered_table_line.cache_clear()
    fresh, fresh_skipped = _classified(text, table_lines)  # every line read afresh, then remembered
    moved = {n + shift for n in table_lines}
    again, again_skipped = _classified("\n" * shift + text, moved)
    assert again == [t._replace(line=t.line + shift) for t in fresh]
    assert again_skipped == [(code, line + shift) for code, line in fresh_skipped]
