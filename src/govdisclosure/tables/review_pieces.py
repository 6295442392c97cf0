"""Step 4 for table 四: values printed one per line beside a number printed in pieces.

In a PDF's reading order table 四's region may hold other values too (pdfminer drew table 三's
columns after table 四's heading), and a letter-spaced number (`4 5`, `1 2`) is a `broken` token,
no value: a run of values one per line then stops at it as at a label. Fresh review seed 20268820
r089-v1 (Chromium's PDF, letter-spaced, through pdfminer): `4 5` / `—` x 15 / `1 2` / `5` …, table
三's values, read as table 四's 15 cells while 未经复议直接起诉's 12 10 5 20 47 came after. A run
beside such pieces may go on through them: where the table's values start or end is not shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from .regions import Region

__all__ = ["PIECES_BESIDE", "beside_pieces"]

PIECES_BESIDE = (
    "values printed one per line beside a number printed in pieces: the run may go on through it, "
    "and which of the values are the table's is not shown"
)


def beside_pieces(region: Region, spans: Sequence[tuple[int, int]]) -> list[bool]:
    """For each span of the region's rows (the line of its first row, the index of its last), True
    when a number printed in pieces stands on those rows or on the row just before or after them."""
    index = {row.row.line: i for i, row in enumerate(region.rows)}
    pieces = {i for i, row in enumerate(region.rows) if any(m.token.kind == "broken" for m in row.matches)}
    return [not pieces.isdisjoint(range(index[first] - 1, last + 2)) for first, last in spans]
