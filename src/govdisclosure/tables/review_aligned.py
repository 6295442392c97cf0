"""Step 4 for table 四 in aligned text: its one values line placed by where each value stands.

pdftotext `-layout` prints table 四's fifteen cells on one line under its header, a blank cell a
gap. Where the header's words fix columns (spelled.py: the three groups' `总` / `计` stacks, one
spelling per group, left to right) and the rule poppler's column assignment keeps leaves each
value exactly one column (bounds.py, aligned.py says why it holds), the line is the table: its
values in those columns, every other cell blank. That needs the page to show the table's last
column (a table wider than its page is cut at the page's edge: the cells past the cut print
nothing and are not blank, aligned.shows_last_column), and a line that is more than one number
alone on its page's last line (Word's bare page number `5` in the footer of a page that a table
printing no value ends). A report filling only the groups' totals (`0   0   0` under three `总计`)
comes back whole this way; a value the bounds leave two columns (a `1` under the squeezed
`结果 结果 其他 尚未`, whose words say nothing) leaves the line to the reading in printed order
(review.py).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from ..layout import Layout, Token
from ..templates import ReviewLitigationSpec
from ..values import read_cell
from .aligned import printed_run, shows_last_column
from .bounds import settled_columns
from .grid import Grid
from .regions import Region
from .spelled import HeaderLabels, header_lines, spelled_columns

__all__ = ["review_by_position"]


def _header(spec: ReviewLitigationSpec) -> HeaderLabels:
    """Table 四's header: each of the fifteen cells' column label, and every text it prints."""
    columns = {
        f"{group}.{column}": label.label.spellings
        for group in spec.groups
        for column, label in spec.columns.items()
    }
    texts = (
        *spec.signals,
        *(s for label in spec.groups.values() for s in label.spellings),
        *(s for found in columns.values() for s in found),
    )
    return HeaderLabels(columns, texts)


def review_by_position(region: Region, spec: ReviewLitigationSpec, layout: Layout) -> Grid | None:
    """Table 四 from its one values line where the header's words and the bounds place every value.

    None unless the text is aligned by position, the region prints exactly one line of values and
    nothing else on it (not one number alone on its page's last line), every value of it is left
    one column, and the page shows the table's last column (aligned.shows_last_column).
    """
    if not layout.runs:  # (Only text aligned by position has its runs: layout.Layout.runs.)
        return None
    lines = [m.row for m in region.rows if any(t.kind != "text" for t in m.row.tokens)]
    if len(lines) != 1 or any(t.kind != "value" or t.x is None for t in lines[0].tokens):
        return None
    row = lines[0]
    if len(row.tokens) == 1:
        # One number alone on its page's last line may be the page's number (Word prints a bare
        # `5` in the footer): no values line shown. (The next line holding words tells.)
        following = min((n for n in layout.runs if n > row.line), default=None)
        if following is None or layout.runs[following].page != row.page:
            return None
    labels = _header(spec)
    header = spelled_columns(header_lines(layout.runs, row.line, labels), list(labels.columns.values()))
    values = [printed_run(v, v.x) for v in row.tokens if v.x is not None]
    settled = settled_columns(values + header, len(labels.columns))
    if (
        settled is None
        or any(value.place not in settled for value in values)
        or not shows_last_column(settled, len(labels.columns))
    ):
        return None
    picked = {settled[value.place]: token for value, token in zip(values, row.tokens, strict=True)}
    width = len(spec.columns)
    groups = [
        [picked.get(index * width + k, Token("empty", "", row.line)) for k in range(width)]
        for index in range(len(spec.groups))
    ]
    if any(_total_moved(group, after) for group, after in itertools.pairwise(groups)):
        return None
    grid = Grid("review_litigation", reading_order=layout.reading_order)
    for group, tokens in zip(spec.groups, groups, strict=True):
        grid.place(group, tuple(spec.columns), tokens)
    return grid


def _total_moved(group: Sequence[Token], after: Sequence[Token]) -> bool:
    """True when a group placed by position prints no total but numbers, and the next group's first
    cell holds their sum: LibreOffice's PDF may print 未经复议直接起诉's 总计 over 复议后起诉's first
    header word (`1 2 2` and `5` read as 复议后起诉's 结果维持 5: a review's seed 20268806 r016, and
    `21 21 4` and `46`, seed 20268804 r030), so where it stands does not tell the two apart."""
    cells = [read_cell(t.text, t.line) for t in group]
    first = read_cell(after[0].text, after[0].line)
    parts = [cell.value for cell in cells[:-1] if cell.kind == "number"]
    whole = [value for value in parts if isinstance(value, int)]  # (a decimal is no count)
    return (
        cells[-1].kind in ("blank", "none")
        and first.kind == "number"
        and bool(parts)
        and len(whole) == len(parts)
        and sum(whole) == first.value
    )
