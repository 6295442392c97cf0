"""A row whose values stand on the line above its label, off its own line (pdftotext `-layout`, §2.2 K).

LibreOffice centres a cell's text in its height: where a row's label wraps or a group label's
pieces stand beside it, poppler may print some of the row's values on the line above, beside a
piece of the group label (`予公开   1   1`, review seed 20268805 r073), and the row's own line
then shows gaps where those values stand. Those gaps are no blank cells. The texts here are the
tool corpus's `-layout` outputs of reports printing every cell, with some of one row's values
moved up onto a line of their own, at the columns where they stood.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from test_aligned_columns import Fixture, _cells, fixtures

# Pieces of group labels as cells wrapped print them, naming no row; or no word at all.
PIECES = ("", "予公开", "法提供", "理结果", "度办理结")


def _rows_after_a_blank_line(fixture: Fixture) -> list[str]:
    """Rows printed on one labelled line with an empty line right above it."""
    return [
        v.row
        for v in fixture.values
        if v.labelled and v.column == "natural_person" and not fixture.lines[v.line - 1].strip()
    ]


def _moved_up(fixture: Fixture, row: str, moved: set[str], piece: str) -> str:
    """The text with `row`'s values in `moved` columns printed on the empty line above its own."""
    printed = [v for v in fixture.values if v.row == row]
    index = printed[0].line
    own = list(fixture.lines[index])
    above = list(("      " + piece).ljust(len(own)))
    offset = 1 if fixture.lines[index].startswith("\f") else 0
    for value in printed:
        if value.column in moved:
            start, end = value.start + offset, value.end + offset
            above[start:end] = own[start:end]
            own[start:end] = " " * (end - start)
    lines = list(fixture.lines)
    lines[index - 1] = "".join(above).replace("\f", " ").rstrip()
    lines[index] = "".join(own)
    return "\n".join(lines)


@given(st.data())
def test_a_rows_values_printed_above_its_line_are_never_read_as_its_blank_cells(data: st.DataObject) -> None:
    fixture = data.draw(st.sampled_from([f for f in fixtures() if _rows_after_a_blank_line(f)]))
    row = data.draw(st.sampled_from(_rows_after_a_blank_line(fixture)))
    columns = [v.column for v in fixture.values if v.row == row]
    # Some of its cells, never all: a whole values line above its label is another layout.
    moved = set(data.draw(st.lists(st.sampled_from(columns), min_size=1, max_size=len(columns) - 1)))
    piece = data.draw(st.sampled_from(PIECES))
    # The piece must stand left of every moved value, as a group label's does.
    first = min(v.start for v in fixture.values if v.row == row and v.column in moved)
    if 6 + len(piece) * 2 + 2 > first:
        piece = ""
    got = _cells(govdisclosure.parse(_moved_up(fixture, row, moved, piece)))
    for (found_row, column), (kind, value) in got.items():
        # Every cell given is the report's number: none blank, the moved ones included.
        expected = ("number", fixture.truth[found_row][column])
        assert (kind, value) == expected, (fixture.name, found_row, column)
