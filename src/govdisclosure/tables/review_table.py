"""Step 4 for table 四: its region read (review.py, review_aligned.py), or all blank (aligned, no value)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from ..layout import CellRow, Layout, Token
from ..lexicon import key_of
from ..normalize import Line
from ..templates import ReviewLitigationSpec
from .grid import Grid
from .order import Order
from .regions import Region
from .review import assemble_review
from .review_aligned import review_by_position

__all__ = ["read_review"]


def read_review(
    region: Region,
    spec: ReviewLitigationSpec,
    prose: Iterable[str],
    layout: Layout,
    order: Order,
    lines: Sequence[Line] = (),
) -> Grid:
    """Table 四 read from its region (assemble_review), or all blank where aligned text prints no value.

    Text aligned by position (pdftotext -layout) printing the header and not one value leaves every
    cell a gap, unless a value follows among the table's own words before any other line (`lines`,
    the text's): lines joined (`… 3  3 四、政府信息公开行政复议…`) can leave the header's last line
    and its `1` out of the region, and that `1` is a cell (`_values_after`).
    """
    grid = Grid("review_litigation", reading_order=layout.reading_order)
    if layout.aligned and not any(t.kind in _CELLS for r in region.rows for t in r.row.tokens):
        if not _values_after(region, spec, layout.rows, lines):
            line = min(region.lines, default=0)
            for group in list(spec.groups)[: _groups_shown(region, spec)]:
                grid.place(group, tuple(spec.columns), [Token("empty", "", line)] * len(spec.columns))
        return grid
    assemble_review(region, grid, spec, prose, order)
    if grid.has_unplaced():
        # A values line showing some cells only, placed where the header's words and the page's
        # positions leave each value one column (review_aligned.py).
        return review_by_position(region, spec, layout) or grid
    return grid


_CELLS = ("value", "empty", "broken")


def _groups_shown(region: Region, spec: ReviewLitigationSpec) -> int:
    """How many groups, from the left, the region's words show whole: their labels and one 总计
    each, as characters, wrapped or stacked as they may be. A table 四 wider than its page is cut
    at the page's edge, header and all (`… 尚未审结   总`, `复议后起诉` gone): the cells past the cut
    print nothing and are not blank (a review's Chromium PDFs, A5 or 21 px type, nowrap)."""
    have = Counter(
        "".join(key_of(m.token.text) for r in region.rows for m in r.matches if m.token.kind == "text")
    )
    total = Counter(key_of(list(spec.columns.values())[-1].label.label))
    needed: Counter[str] = Counter()
    shown = 0
    for label in spec.groups.values():
        needed.update(key_of(label.label))
        needed.update(total)
        if needed - have:
            break
        shown += 1
    return shown


def _values_after(
    region: Region, spec: ReviewLitigationSpec, rows: Sequence[CellRow], lines: Sequence[Line]
) -> bool:
    """True when a value stands after the table's rows before any word but the table's own labels'.

    The lines right after a region may be more of the table (its header's pieces, `结果 结果 其他
    尚未`, and their values); the first other line (the next section's title, a sentence) is not.
    """
    last = max(region.lines, default=0)
    labels = [*spec.groups.values(), *(column.label for column in spec.columns.values())]
    own = {c for label in labels for spelling in label.spellings for c in key_of(spelling)}
    by_line = {row.line: row for row in rows if row.line > last}
    for line in lines:
        if line.number <= last or not line.text.strip():
            continue
        row = by_line.get(line.number)
        if row is None or any(t.kind == "text" and not set(key_of(t.text)) <= own for t in row.tokens):
            return False
        if any(t.kind in _CELLS for t in row.tokens):
            return True
    return False
