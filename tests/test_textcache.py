"""One cache policy for text readings (textcache.py): short texts remembered, long ones read anew."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.layout.tokens import reading
from govdisclosure.textcache import LONGEST, text_cache
from govdisclosure.values import is_value_text, parse_number


def test_a_long_text_is_read_but_not_remembered() -> None:
    calls: list[str] = []

    @text_cache
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    short, long = "0", "0" * (LONGEST + 1)
    assert [length(short), length(short), length(long), length(long)] == [1, 1, LONGEST + 1, LONGEST + 1]
    assert calls == [short, long, long]  # the short text read once, the long one each time
    assert length.cache_info().currsize == 1


@given(st.text(max_size=LONGEST * 2))
def test_a_remembered_reading_is_the_computed_one(text: str) -> None:
    for read in (reading, is_value_text, parse_number):
        assert read(text) == read(text) == read.__wrapped__(text)
