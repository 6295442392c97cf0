"""A cell text's token reading is remembered (issue 14): the remembered reading is the computed one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.layout.tokens import reading, token
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
