"""The outline's fast paths give what the plain definitions give (sections/fold.py, labels.py; #6)."""

from __future__ import annotations

import unicodedata

import regex
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.normalize import Line, normalize, normalize_line, split_lines
from govdisclosure.sections.fold import _MAY_FOLD, fold

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def plain_fold(text: str) -> str:
    """fold's definition: each character's NFKC form when that is one character."""
    out = []
    for char in text:
        folded = unicodedata.normalize("NFKC", char)
        keep = char in _CIRCLED or char == "\t" or len(folded) != 1
        out.append(char if keep else folded)
    return "".join(out)


def test_characters_the_fast_path_skips_never_fold() -> None:
    skipped = [chr(c) for c in range(0x30000) if not 0xD800 <= c < 0xE000 and not _MAY_FOLD.match(chr(c))]
    assert len(skipped) > 20_000
    assert [c for c in skipped if plain_fold(c) != c] == []


def test_every_character_folds_as_defined() -> None:
    text = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert fold(text) == plain_fold(text)
    assert fold(text) == plain_fold(text)  # again, from the remembered table


@given(st.text())
def test_fold_keeps_offsets(text: str) -> None:
    assert fold(text) == plain_fold(text)
    assert len(fold(text)) == len(text)


_TRICKY = st.sampled_from("\n\r\t a\u0301\u3000\x0b\x1c\u200b（一）１２，、。")


@given(st.text(alphabet=_TRICKY | st.characters()))
def test_normalize_in_one_pass_equals_line_by_line(text: str) -> None:
    # A line's page: the form feeds before its first character other than a form feed.
    pieces = regex.split(r"\r\n|\r|\n", text)
    before = [sum(piece.count("\f") for piece in pieces[:i]) for i in range(len(pieces))]
    pages = [n + len(piece) - len(piece.lstrip("\f")) for n, piece in zip(before, pieces, strict=True)]
    lines = split_lines(text)
    expected = tuple(Line(i, raw, normalize_line(raw), pages[i - 1]) for i, raw in enumerate(lines, 1))
    assert normalize(text) == expected
