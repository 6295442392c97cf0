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
        grid = review_by_position(region, spec, layout) or grid
    _say_groups_past_the_edge(grid, region, spec, lines)
    return grid


# Table 四 wider than its page, cut at the page's edge with its header (`… 尚未审结   总`, `复议后起诉`
# gone): the values printed are the groups' on this side of the edge, fewer than the groups' cells.
# Read as cells with blanks dropped, a run whose total holds may be put in a group past the edge
# (`— — 2 — 2 1 3 2 — 6`: 复议后起诉 took `1 3 2 — 6`, review seed 20268832 r040-v0, Chromium, A5
# landscape, 21 px, nowrap). And the group whose 总计 the edge cut to `总` may have lost its total's
# last digits (`1` of 10). Its label printed nowhere in the text shows the cut, as does a `总` with
# no `计`; a label drawn after the table (plain pdftotext printed `复议后起诉` after the report's
# last section: review seed 20268833 r084-v1) or a header printing 总计 once for the three groups
# shows none.
PAST_THE_EDGE = (
    "values read into a group the header does not show whole (its label gone, or its 总计 cut "
    "to 总): the table is cut at the page's edge there, and its values may be another group's "
    "or cut short"
)


def _say_groups_past_the_edge(
    grid: Grid, region: Region, spec: ReviewLitigationSpec, lines: Sequence[Line]
) -> None:
    """Take back, and say, the cells of every group past those whose labels the region's words
    show (_groups_shown), where the next one's label is printed nowhere in the text (`lines`), and
    of the last of those where a 总计 is cut to its first character; where the words show one
    label at least (a region with no header says nothing)."""
    words = _words(region)
    labelled = _groups_shown(region, spec, totals=False, words=words)
    groups = list(spec.groups)
    if not labelled:
        return
    first, *rest = list(key_of(_total_label(spec)))
    if any(words[first] > words[c] for c in rest):
        shown = labelled - 1  # the last labelled group's 总计 is the one cut
    elif labelled < len(groups) and _printed_nowhere(spec.groups[groups[labelled]].label, lines):
        shown = labelled
    else:
        return
    for group in groups[shown:]:
        if grid.rows.get(group):
            grid.take_back(group, PAST_THE_EDGE)


_CELLS = ("value", "empty", "broken")


def _words(region: Region) -> Counter[str]:
    """The characters of the region's words (labels and headers), each as often as printed."""
    return Counter(
        "".join(key_of(m.token.text) for r in region.rows for m in r.matches if m.token.kind == "text")
    )


def _groups_shown(
    region: Region, spec: ReviewLitigationSpec, totals: bool = True, words: Counter[str] | None = None
) -> int:
    """How many groups, from the left, the region's words show whole: their labels and (`totals`)
    one 总计 each, as characters, wrapped or stacked as they may be. A table 四 wider than its page
    is cut at the page's edge, header and all (`… 尚未审结   总`, `复议后起诉` gone): the cells past
    the cut print nothing and are not blank (a review's Chromium PDFs, A5 or 21 px type, nowrap).
    `words`: the region's (_words), where the caller has them already."""
    have = words if words is not None else _words(region)
    total = Counter(key_of(_total_label(spec)))
    needed: Counter[str] = Counter()
    shown = 0
    for label in spec.groups.values():
        needed.update(key_of(label.label))
        if totals:
            needed.update(total)
        if needed - have:
            break
        shown += 1
    return shown


def _printed_nowhere(label: str, lines: Sequence[Line]) -> bool:
    """Whether the text's lines (some given: none, no label is known to be gone) nowhere print the
    label, its words run together across lines and spaces. Read only where a group's label is
    missing from the table: not every parse joins its whole text."""
    return bool(lines) and key_of(label) not in key_of("".join(line.text for line in lines))


def _total_label(spec: ReviewLitigationSpec) -> str:
    """Each group's 总计 column's label (the template's `total` column)."""
    return spec.columns["total"].label.label


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
