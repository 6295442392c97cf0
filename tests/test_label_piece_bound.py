"""The character bound before a wrapped label's lookup (`layout/pieces.may_be_in_a_row_label`).

The bound spares the lexicon a line of prose: a line holding a Han ideograph no row label holds
is never a piece of one. It must never reject what the plain lookup would join: every text whose
pieces `_names_a_row` accepts joined has every piece within the bound, and joining with the bound
gives the rows joining without it gives.
"""

from __future__ import annotations

from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.layout import CellRow, Token, pieces
from govdisclosure.layout.pieces import _names_a_row, join_label_pieces, may_be_in_a_row_label
from govdisclosure.lexicon import key_of, lexicon_for
from govdisclosure.templates import default_templates

LEXICON = lexicon_for(default_templates())
ROW_KEYS = sorted({e.key for e in LEXICON.entries if e.kind == "row"})
ROW_SPELLINGS = sorted({e.spelling for e in LEXICON.entries if e.kind == "row"})
# The spellings a text names a row by (`_names_a_row` compares whole keys, markers included).
UNMARKED = sorted({e.spelling for e in LEXICON.entries if e.kind == "row" and key_of(e.spelling) == e.key})
# What a key drops or folds: spaces, marks and brackets of both widths, quotes, a full-width letter.
NOISE = [" ", "\u3000", "\t", "，", "、", "。", "（", "）", "(", ")", "“", "”", "·", "-", "Ａ", "\u0301"]
PROSE = [
    "本年度共收到政府信息公开申请，已全部按时办结。",
    "我单位将进一步加强政府信息公开工作，",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "其它",
    "한글",
    "e\u0301",
]


@st.composite
def printed(draw: st.DrawFn) -> str:
    """A row label's key or spelling as a text prints it: noise between its characters, 其他 as 其它."""
    label = draw(st.sampled_from(ROW_KEYS + ROW_SPELLINGS))
    if "其他" in label and draw(st.booleans()):
        label = label.replace("其他", "其它")
    out = []
    for c in label:
        out.append(draw(st.sampled_from(["", "", "", *NOISE])) + c)
    return "".join(out)


@st.composite
def cut(draw: st.DrawFn, text: str) -> list[str]:
    """The text cut into two to four pieces (a label wrapped over as many lines)."""
    n = draw(st.integers(2, 4))
    at = sorted(draw(st.lists(st.integers(0, len(text)), min_size=n - 1, max_size=n - 1)))
    return [text[i:j] for i, j in zip([0, *at], [*at, len(text)], strict=True)]


def test_every_piece_of_every_row_label_is_within_the_bound() -> None:
    for label in ROW_KEYS + UNMARKED:
        for i in range(len(label)):
            for j in range(i + 1, len(label) + 1):
                assert may_be_in_a_row_label(label[i:j], LEXICON), label[i:j]


def test_every_row_label_printed_with_its_marker_is_within_the_bound() -> None:
    # The property below drew `二、上年结转政府信息公开申请数量` (stop 57): a key leaves out a leading
    # marker's numerals, and no row's key held 二, so the bound rejected a piece `_names_a_row`
    # accepts.
    for label in ROW_SPELLINGS:
        assert may_be_in_a_row_label(label, LEXICON), label


def test_prose_is_outside_the_bound() -> None:
    assert not may_be_in_a_row_label(PROSE[0], LEXICON)
    assert not may_be_in_a_row_label(PROSE[1], LEXICON)


@given(st.data())
def test_the_bound_never_rejects_a_piece_of_a_text_the_lookup_names_a_row(data: st.DataObject) -> None:
    text = data.draw(printed()) if data.draw(st.booleans()) else data.draw(st.sampled_from(PROSE))
    text = data.draw(st.sampled_from(["", *NOISE, *PROSE])) + text + data.draw(st.sampled_from(["", *NOISE]))
    parts = [p for p in data.draw(cut(text)) if p.strip()]
    if _names_a_row("".join(p.strip() for p in parts), LEXICON):
        assert all(may_be_in_a_row_label(p.strip(), LEXICON) for p in parts), parts


def _row(text: str, line: int, values: int) -> CellRow:
    tokens = (Token("text", text, line), *(Token("value", "1", line) for _ in range(values)))
    return CellRow(tokens, line, "words", bounds="words")


@given(st.data())
def test_joins_are_those_of_the_plain_lookup(data: st.DataObject) -> None:
    lines: list[str] = []
    for _ in range(data.draw(st.integers(1, 4))):
        lines += (
            data.draw(cut(data.draw(printed())))
            if data.draw(st.booleans())
            else [data.draw(st.sampled_from(PROSE))]
        )
    rows = [_row(t, n, data.draw(st.sampled_from([0, 0, 3]))) for n, t in enumerate(lines, 1) if t.strip()]
    bounded = join_label_pieces(rows, LEXICON)
    with mock.patch.object(pieces, "may_be_in_a_row_label", lambda text, lexicon: True):
        plain = join_label_pieces(rows, LEXICON)
    assert bounded == plain
