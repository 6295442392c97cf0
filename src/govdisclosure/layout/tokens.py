"""The positioned-cell representation every layout reader fills: tokens in rows (FORMAT.md §2.2).

A layout reader turns the lines of a flattened table (or a document's table grid) into `CellRow`s:
each row the cells as its layout gives them, each cell a `Token` with its text, line and, where
the layout shows it, its place (the x-range it is printed at, or its document position). The row
says how its cells are bounded, which is all the placement step needs to know of the layout:

- `cells`: printed cell boundaries (tabs, pipes, boxes, one cell per line, an HTML or DOCX grid):
  every cell is a token, an empty cell is an `empty` token in its place;
- `aligned`: words printed at column positions (pdftotext -layout, pandoc's plain tables): a
  token's `x` is where it stands, a blank cell is a gap;
- `words`: words in printed order with no boundaries or positions (lynx, plain pdftotext,
  pdfplumber): a blank cell leaves no trace;
- `fused`: digits run together with no boundaries at all (§2.2 G, crawler pages §2.2 I).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple

import regex

from ..identities import as_evidence, total_holds
from ..lazyregex import lazy_pattern
from ..markup import without_markup
from ..model import Number, Where
from ..numbering import GROUP_MARKER, LEAF_NUMBER
from ..textcache import text_cache
from ..values import UNIT, clean, is_value_text, read_cell

__all__ = [
    "Bounds",
    "CellRow",
    "Token",
    "TokenKind",
    "cell_tokens",
    "cells_of",
    "is_broken_number",
    "is_spaced_digits",
    "number_marked",
    "printed_total_holds",
    "reading",
    "token",
    "undouble",
    "wu_after_group_marker",
]


# `broken`: digits that are no number as printed (`2,90`, `1751292.`): a number cut in two where a
# narrow cell wrapped it; nothing placed near it can be trusted.
TokenKind = Literal["text", "value", "empty", "prose", "broken"]
Bounds = Literal["cells", "aligned", "words", "fused"]

HAN = lazy_pattern(r"\p{Han}")
# Only digits, separators and signs, and a digit among them.
NUMERIC = regex.compile(rf"^[+\-]?+(?=[,.，．]*+\d)[\d,.，．]++{UNIT}?+$")


# Single digits one space apart, nothing else: letter-spaced digits (layout/spaced.py).
# (A comma among them binds the digits on both sides: `1 , 6 6 7`.)
SPACED_DIGITS = lazy_pattern(r"^\d(?: \d)*+(?: , \d(?: \d)*+)*+$")


def is_spaced_digits(token: Token) -> bool:
    """True for a `broken` token of letter-spaced single digits, a lone comma among them (`1 9 2 0
    3 6`, `1 , 6 6 7 1`; layout/spaced.py): one number or several cells, the text does not show
    which (a wrapped piece, `2,90`, is no such)."""
    return token.kind == "broken" and SPACED_DIGITS().match(token.text.strip()) is not None


def is_broken_number(text: str) -> bool:
    """True for digits that do not read as one number (`2,90`, `,901`, `1751292.`): a wrapped piece."""
    stripped = clean(text)
    if not stripped or LEAF_NUMBER.match(stripped) is not None:
        return False  # 1. 属于国家秘密: a leaf's number with a space after it
    return NUMERIC.match(stripped) is not None and not is_value_text(stripped)


# A NamedTuple, not an attrs class: internal, and an attrs class costs ~2.6 million instructions to define
# at import (docs/performance.md); a NamedTuple a fifth of that, immutable and compared by value too.
class Token(NamedTuple):
    """One cell of a flattened row: label text, a value, an empty cell, or prose after a table."""

    kind: TokenKind
    text: str
    line: int
    # Display columns [start, end) of the token on its line, for layouts that align by position.
    x: tuple[int, int] | None = None
    # The cell's place in a source document (HTML, DOCX, PDF), when it came from one.
    where: Where | None = None
    # The first (0-based) column of the table's grid the cell stands in, and how many it spans,
    # for layouts that show the grid (an HTML or DOCX table, a pandoc table with its rules).
    column: int | None = None
    span: int = 1
    # The value's column among its row's values is not shown: a number joined from pieces printed
    # above and below its row's line (a centred wrap, PDF text), or a 无 a PDF-to-markdown converter
    # drew on a line of its own sharing cells with the row's values. Only the order of the pipe
    # cells (if any) and the identities can settle it.
    floating: bool = False
    # (table, cell) for a word in pipes a PDF-to-markdown converter drew at word positions: the
    # pipes cut every row of one table at the same places, so two lines' words compare left to
    # right by their cells (the order of two words in one cell, on two lines, is not shown).
    pipe_cell: tuple[int, int] | None = None
    # Digits printed on a line of their own under the value's row, each the tail of some value of
    # the row a narrow cell wrapped (`23` / `5` for 235) when every piece read as a number: which
    # values they continue is not shown, so the identities choose (tables/wrapped.tail_readings).
    tails: tuple[str, ...] = ()
    # Aligned text (pdftotext -layout): a word stands one space before this one, and one after it,
    # in the same run of words: where this word starts, or ends, is then not where its run does
    # (tables/aligned.py). A number joined from letter-spaced pieces is joined at both ends where
    # a word stands one space from either (layout/spaced.py): its pieces may be two cells'.
    joined: tuple[bool, bool] = (False, False)

    @property
    def number(self) -> Number | None:
        """The number the cell holds, read as a cell is (commas, units, signs); None if none."""
        return read_cell(self.text, self.line).value


# Layouts whose cells are parted by marks on the row's line (CellRow.parted).
PARTED = frozenset({"pipes", "boxes", "tabs"})


# A NamedTuple, not an attrs class, as above.
class CellRow(NamedTuple):
    """One flattened table row as its layout gives it."""

    tokens: tuple[Token, ...]
    line: int
    # The reader that made the row (for diagnostics and benchmarks; placement reads `bounds`).
    layout: str
    bounds: Bounds = "cells"
    # The number of grid columns of the row's table, when its tokens carry their `column`.
    width: int | None = None
    # The row was placed among the text lines by its height on the page, not in reading order
    # (a PDF-to-markdown converter's pipe row): its values may be the row label's above or below.
    apart: bool = False
    # The reader found where the row's label begins and ends (a crawler page's row between two
    # others): words in it are its own label, never a label's wrapped tail from the row above.
    own_label: bool = False
    # The PDF page the row's line is on (normalize.Line.page): aligned columns hold within a page.
    page: int = 0

    @property
    def parted(self) -> bool:
        """True when marks on the row's line part its cells (pipes, box borders, tabs): each cell is
        the row's own, so an empty cell beside them may be a merged cell's second column, printed
        empty (markitdown prints a `colspan="2"` cell as the cell and an empty one)."""
        return self.bounds == "cells" and self.layout in PARTED

    @property
    def texts(self) -> tuple[Token, ...]:
        """The label tokens."""
        return tuple(t for t in self.tokens if t.kind == "text")

    @property
    def has_values(self) -> bool:
        """True when any token is a value."""
        return any(t.kind == "value" for t in self.tokens)


def printed_total_holds(values: Sequence[Token]) -> bool:
    """A printed run's total (its last value) = the sum of the others, every one printed: a number,
    or a none mark counting as nothing (a table 三 row's 总计, a table 四 group's; §1.6)."""
    return total_holds([as_evidence(read_cell(v.text, v.line)) for v in values])


def sums_something(values: Sequence[Token]) -> bool:
    """True when a printed run holds a value worth something before its total: `0 0 … 0` or `无 … 无`
    holds any run's total, a column's printed one per line as well as a row's."""
    return any(as_evidence(read_cell(v.text, v.line)) for v in values[:-1])


def wu_after_group_marker(marker: str, word: str) -> bool:
    """True for 无 right after a group's bracketed marker alone (`（四） 无`): the first character of
    （四）无法提供 where the label broke there, or a row's none mark after its group's marker
    (`（五） 无 无 无 …`); each reader tells which by what follows."""
    return word.strip() == "无" and GROUP_MARKER().match(marker.strip()) is not None


def number_marked(number: str, after: str) -> bool:
    """True when a number and the next word's first character make a numbered label's mark
    (`3` / `.危及…`, `1` / `.`): PDF text printed the label's number apart from its mark."""
    return LEAF_NUMBER.match(number.strip() + after.strip()[:1]) is not None


def undouble(text: str) -> str:
    """信信息息内内容容 -> 信息内容: PDF fake-bold prints every character twice (pdfplumber)."""
    body = text.strip()
    if len(body) >= 4 and len(body) % 2 == 0 and body[0::2] == body[1::2] and HAN().search(body):
        return body[0::2]
    return text


def token(
    text: str,
    line: int,
    x: tuple[int, int] | None = None,
    where: Where | None = None,
    column: int | None = None,
    span: int = 1,
) -> Token:
    """One cell's token: empty, a value, or label text (undoubled)."""
    kind, read = reading(text)
    return Token(kind, read, line, x, where, column, span)


@text_cache
def reading(text: str) -> tuple[TokenKind, str]:
    """A cell text's token kind and the text its token keeps (a label undoubled).

    Remembered by text: the same cells (0, 无, each label) recur row after row, report after report.
    Pandoc's attribute markup (`[0]{style="…"}`, markup.py) is no part of the cell's text.
    """
    text = without_markup(text)
    if not clean(text):
        return "empty", text
    if is_value_text(text):
        return "value", text
    if is_broken_number(text):
        return "broken", text
    return "text", undouble(text)


def cell_tokens(text: str, line: int, where: Where | None = None) -> list[Token]:
    """One cell's tokens; a cell holding several numbers apart (PDF-to-markdown) gives one each,
    a number's piece a narrow cell wrapped (`2,98 无`) among them. Inline markup (pandoc's
    `[0]{style="…"}`, a page's raw `<span>` between a table's pipes) is no part of the cell's text."""
    text = without_markup(text, tags=True)
    words = text.split()
    if len(words) > 1 and all(is_value_text(w) or is_broken_number(w) for w in words):
        return [token(w, line, where=where) for w in words]
    return [token(text, line, where=where)]


def cells_of(parts: Sequence[str], line: int) -> tuple[Token, ...]:
    """The tokens of a row's cells, in order."""
    return tuple(t for part in parts for t in cell_tokens(part, line))
