"""A number LibreOffice wrapped around a row label printing no other value, in aligned PDF text.

A report filling only 总计 prints a table 三 row's one number in a cell of one line; a number too
wide for it wraps, and the row's centred cells put the first piece above the label's line and
the tail under it (held-out seed 20261214, r050, pdftotext -layout):

                                                            25
      一、本年新收政府信息公开申请数量
                                                            5

Only where the digits stand shows that the two lines are one number's: each tail under its
piece, in text that prints words at their columns. Read otherwise, `5` was the wrap's piece of the
next row's tail (`512`) and 一 a blank row where the report prints 255.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import regex
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from corpus.score import assert_right_or_said
from govdisclosure.layout import read_rows
from govdisclosure.lexicon import lexicon_for
from govdisclosure.normalize import normalize
from govdisclosure.templates import default_templates

HERE = Path(__file__).resolve().parent
R050 = HERE / "corpus" / "heldout" / "seed-20261214" / "r050"
TEXT = (R050 / "pdf-lo.pdftotext-layout.txt").read_text(encoding="utf-8")
LEXICON = lexicon_for(default_templates())


def _row_values(text: str) -> dict[str, list[str]]:
    """Each row the layout step reads, by its words, with its values (`~` marks a floating one)."""
    rows = read_rows(normalize(text), LEXICON).rows
    return {
        " ".join(t.text.strip() for t in r.tokens if t.kind == "text"): [
            t.text.strip() + ("~" if t.floating else "") for t in r.tokens if t.kind == "value"
        ]
        for r in rows
    }


def test_the_text_is_the_shape() -> None:
    lines = TEXT.split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip() == "一、本年新收政府信息公开申请数量")
    assert [lines[at - 1].strip(), lines[at + 1].strip()] == ["25", "5"]
    assert lines[at - 1].index("25") == lines[at + 1].index("5")


def test_a_number_wrapped_around_a_bare_label_is_joined_when_its_pieces_stand_in_one_column() -> None:
    rows = _row_values(TEXT)
    assert rows["一、本年新收政府信息公开申请数量"] == ["255~"]
    # The next page's row wraps 127 the same way (`12` / `（一）予以公开` / `7`).
    assert rows["（一）予以公开"] == ["127~"]
    assert not any("512" in value for values in rows.values() for value in values)


def test_a_tail_standing_elsewhere_joins_nothing() -> None:
    # The same lines with `5` moved 20 columns left: the two lines show no one cell.
    shifted = TEXT.replace("\n" + " " * 56 + "5\n", "\n" + " " * 36 + "5\n", 1)
    assert shifted != TEXT
    assert _row_values(shifted)["一、本年新收政府信息公开申请数量"] == []


def test_in_text_not_aligned_the_lines_join_nothing() -> None:
    # Every run of spaces cut to one (plain pdftotext prints no columns): the digits' places say nothing.
    plain = "\n".join(" ".join(line.split()) for line in TEXT.split("\n"))
    assert _row_values(plain)["一、本年新收政府信息公开申请数量"] == []


# Any table 三 row of a committed pdftotext -layout text that prints one number of two digits or
# more beside its label, wrapped around the label as LibreOffice wraps it: no number anywhere is
# wrong or of another kind, and the row comes back or is said (ambiguous or unplaced).
FIXTURES = HERE / "corpus" / "fixtures"
LONE = regex.compile(r"^(?P<indent> *)(?P<label>\S*\p{Han}\S*) {2,}(?P<value>\d{1,3}(?:,\d{3})*)$")


@functools.cache
def lone_rows(path: Path) -> tuple[str, tuple[int, ...]]:
    """The text and the (0-based) lines of its table 三 rows printing one number of two digits or more."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    found = []
    for i, line in enumerate(lines):
        match = LONE.match(line.lstrip("\f"))
        if match and len(match["value"]) >= 2 and 7 in LEXICON.row_widths(match["label"], sure=False):
            found.append(i)
    return text, tuple(found)


TEXTS = sorted(p for p in FIXTURES.glob("r*/pdf-*.pdftotext-layout.txt") if lone_rows(p)[1])


@st.composite
def wrapped_around_labels(draw: st.DrawFn) -> tuple[Path, str, range]:
    """A -layout text with one lone-number row wrapped around its label, and the wrap's (1-based) lines."""
    path = draw(st.sampled_from(TEXTS))
    text, rows = lone_rows(path)
    at = draw(st.sampled_from(rows))
    lines = text.split("\n")
    line = lines[at]
    feed = "\f" if line.startswith("\f") else ""
    match = LONE.match(line.lstrip("\f"))
    assert match is not None
    value = match["value"]
    x = len(line.lstrip("\f")) - len(value)
    cut = draw(st.integers(1, len(value) - 1).filter(lambda c: value[c:].isdigit()))
    # Centred: the tail's line may start at the piece's column or a column or two to its right.
    shift = draw(st.integers(0, max(0, cut - 1)))
    lines[at : at + 1] = [
        feed + " " * x + value[:cut],
        match["indent"] + match["label"],
        " " * (x + shift) + value[cut:],
    ]
    return path, "\n".join(lines), range(at + 1, at + 4)


def test_the_texts_have_such_rows() -> None:
    assert len(TEXTS) >= 8


@given(wrapped_around_labels())
def test_a_number_wrapped_around_its_bare_label_is_right_or_said(case: tuple[Path, str, range]) -> None:
    path, text, wrap = case
    truth = json.loads((path.parent / "truth.json").read_text(encoding="utf-8"))
    assert_right_or_said(truth, govdisclosure.parse(text), wrap)
