"""A wrapped row label's line is a piece of the label, not a sentence (`Lexicon.is_piece`, FORMAT.md §2.2 C).

PDF text breaks a long row label over lines of its cell; a line such as `只计这一情形，不计其他情形）`
has the comma and the length of a sentence, and taken for one it ended the table (regions.py).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.lexicon import lexicon_for
from govdisclosure.templates import default_templates

LEXICON = lexicon_for(default_templates())
ROW_LABELS = sorted({e.spelling for e in LEXICON.entries if e.kind == "row" and len(e.spelling) >= 6})
# Reports spell 其他 as 其它 in any label (FORMAT.md §2.3): （六）其它处理.
GROUP_LABELS = sorted(
    {
        spelling
        for e in LEXICON.entries
        if e.kind in ("group", "outcome_group")
        for spelling in (e.spelling, e.spelling.replace("其他", "其它"))
    }
)


@st.composite
def slices(draw: st.DrawFn, labels: list[str], longest: int = 10_000) -> str:
    label = draw(st.sampled_from(labels))
    start = draw(st.integers(0, len(label) - 1))
    end = draw(st.integers(start + 1, min(len(label), start + longest)))
    return label[start:end]


@given(slices(ROW_LABELS))
def test_any_line_of_a_row_label_is_a_piece(piece: str) -> None:
    assert LEXICON.is_piece(piece) or not any(c.isalnum() for c in piece)


@given(slices(GROUP_LABELS, longest=4), slices(ROW_LABELS), st.sampled_from(["", " ", "\u3000"]))
def test_a_group_labels_piece_beside_a_row_labels_line_is_a_piece(group: str, row: str, gap: str) -> None:
    # The group column's few characters, then the row label's line (pdfplumber joins them).
    if any(c.isalnum() for c in group) and any(c.isalnum() for c in row):
        assert LEXICON.is_piece(group + gap + row)


def test_a_sentence_is_no_piece() -> None:
    for sentence in (
        "本年度共收到政府信息公开申请，已全部按时办结。",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "和，等于第三项加第四项之和）",  # a header's note: it ends the header, as a sentence does
        "我单位将进一步加强政府信息公开工作，",
    ):
        assert not LEXICON.is_piece(sentence), sentence


@given(slices(GROUP_LABELS, longest=4))
def test_a_few_characters_of_a_group_label_are_a_group_piece(piece: str) -> None:
    assert LEXICON.is_group_piece(piece) or not any(c.isalnum() for c in piece)


def test_row_labels_columns_and_long_lines_are_no_group_piece() -> None:
    for text in ("规章", "自然人", "总计", "（一）予以公开", "三、本年度办理结果", "本年新收"):
        assert not LEXICON.is_group_piece(text), text


def test_a_narrow_cell_cutting_qita_between_its_characters() -> None:
    # Held-out corpus (seed 7) r034 through pdftotext -layout (Chromium's PDF): `（六）其` /
    # `它处理补正，行政机关不再处理其  1  1`. Read as a sentence, the line ended table 三 and its
    # values were lost; the label above was then read as a blank row.
    assert LEXICON.is_group_piece("它处理")
    assert LEXICON.is_piece("它处理补正，行政机关不再处理其")


ROW_SPELLINGS = sorted({e.spelling for e in LEXICON.entries if e.kind == "row"})
# What a report's prose says after a label's words, a comma or a full stop in it.
CLAUSES = ("进行全面清理，动态更新政府信息公开目录。", "，均已按时办结", "已全部公开。本年度", "；另有两件")


@given(st.sampled_from(ROW_SPELLINGS), st.sampled_from(CLAUSES))
def test_a_sentence_opening_with_a_row_label_names_no_row(label: str, clause: str) -> None:
    # A review's Chromium PDF (seed 20268801 r092): the prose line `规范性文件进行全面清理，动态更新
    # 政府信息公开目录。…` was read as the row 行政规范性文件 printing no value, a blank row.
    assert [e for e in LEXICON.match(label + clause) if e.kind == "row"] == []
    assert any(e.kind == "row" for e in LEXICON.match(label))


def test_a_label_s_bracketed_note_with_commas_still_names_its_row() -> None:
    for text in ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开（区分处理的，"):
        assert [e.id for e in LEXICON.match(text)][:1] == ["partially_granted"], text
