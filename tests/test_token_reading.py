"""A cell text's token reading is remembered (issue 14): the remembered reading is the computed one."""

from __future__ import annotations

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from govdisclosure.layout.tabs import BOLD
from govdisclosure.layout.tokens import is_broken_number, reading, token, undouble
from govdisclosure.layout.words import MD_HEADING, split_words
from govdisclosure.normalize import Line
from govdisclosure.numbering import LABEL_START
from govdisclosure.values import is_value_text
from strategies import BLANK_TEXTS, NONE_TEXTS, TEXT_WORDS, number_texts, words

CELL_TEXTS = st.one_of(
    st.sampled_from(NONE_TEXTS + BLANK_TEXTS + TEXT_WORDS + ("信信息息内内容容", "2,90", "1751292.")),
    number_texts().map(lambda n: n.raw),
    words,
)


@given(st.lists(CELL_TEXTS, max_size=10))
def test_remembered_reading_is_the_computed_one(texts: list[str]) -> None:
    for text in texts * 2:  # the second time from the cache
        assert reading(text) == reading.__wrapped__(text)
        made = token(text, 7)
        assert (made.kind, made.text, made.line) == (*reading.__wrapped__(text), 7)


def test_kinds() -> None:
    assert reading(" ") == ("empty", " ")
    assert reading("2,601") == ("value", "2,601")
    assert reading("2,90") == ("broken", "2,90")
    assert reading("信信息息内内容容") == ("text", "信息内容")


def _split_words_by_definition(line: Line) -> list[tuple[str, str]]:
    """split_words as first written: every word's kind computed afresh, both patterns substituted.

    Since then: 无 between a bare group marker (（一）) and a label word or the line's end is text;
    and so is a `、` one space after label words and one space before a word of text, or ending
    the line one space after two one-character words of text one space apart (a letter-spaced
    label's characters); and a line's last two words, a number ending in its decimal point and
    digits one space after it (`88. 34`), are one number's pieces, broken; and a word of text
    whose label's last character (Han, a closing bracket or quote, not 指) runs into a number
    (`行政规范性文件17`) is the label's words, then a value; and (stop 69) the group marker before
    a 无 may be printed in pieces (`（四 ） 无 法提 供`), and a number that opens the line or follows
    text, before a word opening with a label's mark and a Han character (`开 8 .属 于`), is text.
    """
    out: list[tuple[str, str]] = []
    words: list[str] = []
    text = MD_HEADING.sub("", BOLD.sub("", line.raw))
    split = text.split()
    starts: list[int] = []
    for word in split:
        starts.append(text.index(word, starts[-1] + len(split[len(starts) - 1]) if starts else 0))
    pieces = (
        len(split) >= 2
        and regex.fullmatch(r"\d+[.．]", split[-2]) is not None
        and regex.fullmatch(r"\d+", split[-1]) is not None
        and starts[-2] + len(split[-2]) + 1 == starts[-1]
    )
    for i, word in enumerate(split):
        after = split[i + 1] if i + 1 < len(split) else None
        if pieces and i >= len(split) - 2:
            if words:
                out.append(("text", undouble("".join(words))))
                words = []
            out.append(("broken", word))
            continue
        label_next = after is None or not (is_value_text(after) or is_broken_number(after))
        # The marker before the word, its pieces joined from the last opening bracket.
        marker = split[i - 1] if i else ""
        if marker in (")", "）"):
            joined = "".join(split[max(0, i - 3) : i])
            marker = joined[max(joined.rfind("("), joined.rfind("（"), 0) :]
        mark = (
            (i == 0 or not (is_value_text(split[i - 1]) or is_broken_number(split[i - 1])))
            and regex.fullmatch(r"\d{1,2}", word) is not None
            and after is not None
            and regex.match(r"[.．、]\p{Han}", after) is not None
        )
        # One space after the word before, and one before the word after.
        tight = 0 < i < len(split) - 1 and starts[i - 1] + len(split[i - 1]) + 1 == starts[i]
        tight = tight and starts[i] + len(word) + 1 == starts[i + 1]
        if (
            (
                word == "无"
                and i
                and regex.fullmatch(r"[(（][一二三四五六七八九十]+[)）]", marker)
                and label_next
            )
            or mark
            or (word == "、" and words and tight and after is not None and label_next)
            or _ends_spaced(split, starts, i)
        ):
            words.append(word)
        elif is_value_text(word) or is_broken_number(word):
            if words:
                out.append(("text", undouble("".join(words))))
                words = []
            out.append(("value" if is_value_text(word) else "broken", word))
        else:
            if words and LABEL_START.match(word):
                out.append(("text", undouble("".join(words))))
                words = []
            into = regex.fullmatch(r"([^。；：]*[\p{Han}）)”])(\d[\d,]*(?:\.\d+)?)", word)
            if into is not None and not into[1].endswith("指") and is_value_text(into[2]):
                out.append(("text", undouble("".join([*words, into[1]]))))
                out.append(("value", into[2]))
                words = []
                continue
            words.append(word)
    if words:
        out.append(("text", undouble("".join(words))))
    return out


def _ends_spaced(split: list[str], starts: list[int], i: int) -> bool:
    """A `、` ending the line one space after two one-character words of text one space apart."""
    if split[i] != "、" or i != len(split) - 1 or i < 2:
        return False
    before = split[i - 2 : i]
    texts = all(len(w) == 1 and not (is_value_text(w) or is_broken_number(w)) for w in before)
    return texts and starts[i - 2] + 2 == starts[i - 1] and starts[i - 1] + 2 == starts[i]


WORD_PIECES = st.sampled_from(
    # (纳 费 用: a letter-spaced label's characters, a `、` maybe ending their line.)
    [
        "**",
        "## ",
        "#",
        " ",
        "  ",
        "1.",
        "（一）",
        "(四)",
        "行政许可",
        "信信息息",
        "2,90",
        "无",
        "无",
        "、",
        "纳",
        "费",
        "用",
        "文件17",
        "（指2018",
        "（四",
        "）",
        "8",
        ".属于",
    ]
)


@given(st.lists(st.one_of(CELL_TEXTS, WORD_PIECES), max_size=10))
@example(["𠀀0"])  # a Han character run into its value (the `thorough` profile drew it)
@example(["（四", "）", "无", "法提供"])  # a letter-spaced group marker (stop 69)
@example(["开", "8", ".属于", "0"])  # a letter-spaced label's number after a group's label
def test_split_words_reads_words_as_defined(pieces: list[str]) -> None:
    line = Line(3, " ".join(pieces), " ".join(pieces))
    assert [(t.kind, t.text) for t in split_words(line).tokens] == _split_words_by_definition(line)


def _kinds(raw: str) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in split_words(Line(3, raw, raw)).tokens]


def test_an_enumeration_comma_set_apart_inside_a_label_is_the_label_s() -> None:
    # Fresh review seed 20268822 r004-v0 (Chromium's PDF, 0.1 em, pdftotext -layout): 规章's label
    # printed with its words set apart, its `、` one space from each, read as a none mark in
    # 本年新制作数量 (a cell of another kind).
    line = "规章 （ 设区 的 市 、 自治 州 人 民 政 府 应 提 供相 关 数 据 ）       0          0"
    label = "规章（设区的市、自治州人民政府应提供相关数据）"
    assert _kinds(line) == [("text", label), ("value", "0"), ("value", "0")]
    # Set off by more than a space, or before a value, or first: a cell's none mark.
    assert _kinds("行政许可   、   行政处罚")[1] == ("value", "、")
    assert _kinds("行政许可 、 0") == [("text", "行政许可"), ("value", "、"), ("value", "0")]
    assert _kinds("、 行政许可")[0] == ("value", "、")
    # Ending a line of a letter-spaced label's characters (fresh review seed 20268835 r087-v0,
    # pdfminer: `纳 费 用 、` / `行 政 机 关`, 2.申请人逾期未按收费通知要求缴纳费用、… wrapped): the
    # label's; after words not letter-spaced, or further off, a cell's none mark.
    assert _kinds("纳 费 用 、") == [("text", "纳费用、")]
    assert _kinds("行政许可 、") == [("text", "行政许可"), ("value", "、")]
    assert _kinds("纳 费 用   、") == [("text", "纳费用"), ("value", "、")]


def test_a_letter_spaced_group_marker_set_apart_opens_a_label() -> None:
    # Fresh review seed 20268823 r035-v0 (Chromium's PDF, 0.5 em, pdftotext -layout): the group
    # label and its first row's on one line, read as one label naming neither row, and 予以公开's
    # 9 2 11 taken for the row above's (its 总计 read as 11).
    line = "三 、 本 年 度 办 理 结 果                    ( 一 )   予 以 公 开        9"
    assert _kinds(line) == [("text", "三、本年度办理结果"), ("text", "(一)予以公开"), ("value", "9")]
    # One space after 第, a caption's marker: no label opens.
    assert _kinds("第 二 十 条 第 （ 一 ） 项") == [("text", "第二十条第（一）项")]
