"""A cell text's token reading is remembered (issue 14): the remembered reading is the computed one."""

from __future__ import annotations

import regex
from hypothesis import given
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

    Since then: 无 between a bare group marker (（一）) and a label word or the line's end is text.
    """
    out: list[tuple[str, str]] = []
    words: list[str] = []
    split = MD_HEADING.sub("", BOLD.sub("", line.raw)).split()
    for i, word in enumerate(split):
        after = split[i + 1] if i + 1 < len(split) else None
        label_next = after is None or not (is_value_text(after) or is_broken_number(after))
        if (
            word == "无"
            and i
            and regex.fullmatch(r"[(（][一二三四五六七八九十]+[)）]", split[i - 1])
            and label_next
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
            words.append(word)
    if words:
        out.append(("text", undouble("".join(words))))
    return out


WORD_PIECES = st.sampled_from(
    ["**", "## ", "#", " ", "  ", "1.", "（一）", "(四)", "行政许可", "信信息息", "2,90", "无", "无"]
)


@given(st.lists(st.one_of(CELL_TEXTS, WORD_PIECES), max_size=10))
def test_split_words_reads_words_as_defined(pieces: list[str]) -> None:
    line = Line(3, " ".join(pieces), " ".join(pieces))
    assert [(t.kind, t.text) for t in split_words(line).tokens] == _split_words_by_definition(line)
