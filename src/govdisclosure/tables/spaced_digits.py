"""Step 4 for table 三: a row's letter-spaced digits, split only where the identities leave one split.

A table printed letter-spaced (CSS `letter-spacing`, Word's distributed alignment) comes out of
pdftotext `-raw` and pdfplumber with one space between every character: a row's cells as
`数 量 1 9 2 0 3 6 1 8 4 2 2 3`, the space between two cells the space between two digits
(layout/spaced.py keeps such a run as one `broken` token). That is digits whose cell boundaries
the text does not show, as in a fused line (FORMAT.md §2.2 G), and table 三's identities settle
them the same way (resolve.py: each row's 总计 the sum of its other cells, each column's balance
and outcome total): 192, 0, 3, 6, 18, 4, 223 is the one split of those twelve digits into seven
cells that holds the row total. Cells so read carry basis `split`.

These tools drop blank cells, so the digits may also be fewer cells than the row has: where some
split into fewer cells holds the row total as well (`1 2 1 2`: 12 and 12 with five blanks), the
text does not show which, and the row is said, not split. Only a row printing nothing but digits
on one line is read so: its label's, its wrapped tail's, or a line of its own right after those and
right before a line opening with words (rows.py: pdftotext -raw prints a row's cells after its
label's cell). A none mark among them, or digits on other lines, leave it as it was (a number
printed broken, layout/spaced.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..layout import Token, is_spaced_digits
from ..values import clean
from .fused import total_splits
from .grid import FusedRun, Grid
from .shape import RowShape

__all__ = ["SPACED_FEWER", "fewer_cells_hold", "put_spaced", "spaced_row"]

SPACED_FEWER = (
    "letter-spaced digits that fewer cells hold as well (blank cells dropped): "
    "where the cells part is not shown"
)


def spaced_row(tokens: Sequence[Token], shape: RowShape, identity: bool) -> list[Token] | None:
    """A row's values in a table with a row total (`identity`) where they are letter-spaced digits
    (spaced_chunks) after the words of the line: one row label's (`tokens` the line's), or its
    wrapped tail's (`数 量 1 9 2 0 3 6 1 8 4 2 2 3`: words that are no label); else None."""
    words = next((i for i, t in enumerate(tokens) if t.kind != "text"), len(tokens))
    digits = list(tokens[words:])
    if not identity or len(shape.segments) > 1 or any(t.kind == "text" for t in digits):
        return None
    return digits if spaced_chunks(digits) is not None else None


def put_spaced(grid: Grid, row: str, columns: tuple[str, ...], values: Sequence[Token], line: int) -> None:
    """The row's letter-spaced digits as a fused run the identities split (resolve.py), or said
    where fewer cells hold them too."""
    chunks = spaced_chunks(values) or ()
    if fewer_cells_hold(chunks, len(columns)):
        raw = " ".join(v.text.strip() for v in values)
        grid.unplaced(f"{row}: {SPACED_FEWER} ({raw})", line)
        return
    grid.fused.append(FusedRun(row, columns, chunks, line))


def spaced_chunks(values: Sequence[Token]) -> tuple[str, ...] | None:
    """The row's digit runs, spaces taken out, when every value is digits and one at least a
    letter-spaced run (layout.is_spaced_digits); else None."""
    if not any(is_spaced_digits(v) for v in values):
        return None
    chunks = []
    for value in values:
        if value.kind == "empty":
            continue
        text = clean(value.text).replace(" ", "")
        if not (is_spaced_digits(value) or value.kind == "value") or not (text.isdigit() and text.isascii()):
            return None
        chunks.append(text)
    return tuple(chunks)


def fewer_cells_hold(chunks: Sequence[str], n: int) -> bool:
    """True when the digits split into fewer than n cells hold the row total too (blank cells
    dropped: `1 2 1 2` is 12 and 12)."""
    return any(total_splits(chunks, m, m) for m in range(2, n))
