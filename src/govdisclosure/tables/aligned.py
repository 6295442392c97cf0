"""Step 4a for aligned text: which column each value of a page stands in, as far as the text settles it.

pdftotext -layout prints each line of text at a character column, and a blank cell is a gap
(FORMAT.md §2.2 C). That column is not the line's x position over a character width. poppler
(`TextOutputDev.cc`, the column assignment of `TextPage::coalesce` and `TextBlock::coalesce`)
gives each text block the largest, over the blocks wholly left of it on the page, of that
block's column plus its width plus 3, and places a block's lines against each other: one space
or more after a line wholly left of it, under the character above otherwise. So lines drift
right by whatever is printed left of them, and the header's CJK words, or a wide label, push one
column's values to different places on different lines. What holds, while a block keeps to one
cell, is one rule:

    a run wholly left of another on the page is printed wholly left of it, a space or more apart.

Turned round: when run A starts at or before the character column where run B ends, A does not
stand wholly right of B. Cells do not overlap and a cell's text stands inside its cell, so
start(A) <= end(B) says A's column is at most B's; both ways (the printed ranges touch
or overlap), one column. Two values of one line are two columns, left to right. A value is
placed when these bounds leave it exactly one column (`settled_columns`); a page whose bounds
contradict each other places nothing.

Columns known beforehand anchor the bounds: the header's words that spell a column's label
(stacked, `科` / `研` / `机` / `构`: spelled.py), and, where a page's values stand in exactly as many
tight clusters as there are columns, each cluster (`_clustered`). Measured on the tool corpus and
four held-out corpora (1,280 -layout texts; 4.1 million pairs of values, and of values and header
words, whose columns the truth gives), the rule held every time. (It holds between text blocks;
a header whose cells poppler made one block bounds its values one way only: spelled.py.) A page
printing a row label that is not wholly left of every value is no page poppler printed (lines a
cleaner wrapped or joined), and places nothing by position.

A word is a run of its own only where two spaces or more (or the line's ends) set it off: one
space after another word it continues that word's run (`2,783 377`), so where it starts says
nothing, and where a word with another one space after it ends says nothing either
(`Token.joined`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from ..layout import Run, Runs, Token
from ..lexicon import key_of
from ..values import UNITS
from .bounds import Place, PrintedRun, column_bounds, one_space_apart, pieces_unconfirmed, settled_of
from .page_edge import Key, cut_off, header_shows_last
from .regions import MatchedRow
from .shape import ColumnsOf, RowShape
from .spelled import HeaderLabels, header_floor, header_lines, spelled_columns

__all__ = ["PIECES_APART", "ColumnAnchors", "column_anchors", "printed_run", "shows_last_column"]

# Said where the page's columns contradict each other (here) and where the row total fails as the
# values stand (bounds.may_be_pieces): the message names what both share.
PIECES_APART = (
    "a row's values, two of them one space apart, which the page's columns or the row's total "
    "do not bear out: they may be one number's pieces (a letter-spaced `10 5 6` for 1056)"
)

# Centres of one column's values differ by the numbers' widths (`1,411` and `8`): at most this.
SPREAD = 2.0
# Centres this far apart or more are two columns: LibreOffice's narrowest stand 4 apart, and a
# wide number can push the next one 3 characters off its column (Chromium's `2,783 377`), which
# must not pass for a column of its own.
GAP = 4.0


# A NamedTuple, not an attrs class: internal, and an attrs class costs ~2.6 million instructions to define
# at import (docs/performance.md); a NamedTuple a fifth of that, immutable and compared by value too.
class ColumnAnchors(NamedTuple):
    """The columns each value may take by where it stands on its page (its lowest and highest),
    by page and set of value columns."""

    columns: dict[Key, dict[Place, tuple[int, int]]]
    pages: dict[int, int]  # a line's page
    # Sets of columns whose header shows their first column's label and not their last's: a
    # table wider than its page, cut at the page's edge (page_edge.py).
    cut: frozenset[tuple[str, ...]] = frozenset()
    # Sets of columns whose last column a page shows, by a value the bounds settle there or the
    # header printing its label: only there is a row printing no value a row of blank cells.
    shown: frozenset[tuple[str, ...]] = frozenset()
    # Lines printing a value for every column that may hold one number's pieces (`_pieces_apart`).
    refused: frozenset[int] = frozenset()

    def shows(self, columns: tuple[str, ...]) -> bool:
        """True when a page shows these columns up to their last and no page's header is cut short."""
        return columns in self.shown and columns not in self.cut

    def pick(self, values: Sequence[Token], columns: tuple[str, ...]) -> list[Token] | None:
        """One token per column (an empty one for a gap), by where one line's values stand; None if unsure."""
        return self._picked(values, columns, last_open=False)

    def may_fill_gaps(
        self, above: Sequence[Token], picked: Sequence[Token], columns: tuple[str, ...]
    ) -> bool:
        """True when the values of the line right above a row's (`above`, a line no label owned)
        may stand in the gaps of the row's line (`picked`, one token per column): unless each
        stands settled in a column where the row prints a value (two values of one row never
        share a column), they may be the row's, printed off its line, and its gaps no blank cells."""
        placed = self.pick(above, columns) if above else None
        if placed is None:
            return bool(above)
        return any(
            mine.kind == "value" and theirs.kind == "empty"
            for mine, theirs in zip(placed, picked, strict=True)
        )

    def pick_but_last(self, values: Sequence[Token], columns: tuple[str, ...]) -> tuple[Token, ...] | None:
        """The line's reading with its last value in the last column (table 三's 总计), where its
        other values stand each in one column and the last may stand in any column from the one
        after theirs to the last: the others in their columns, every other cell empty. Where the
        last value is the 总计 the positions do not show (short_rows.py settles that), this is
        the row; None otherwise."""
        found = self._picked(values, columns, last_open=True)
        return None if found is None else tuple(found)

    def _picked(
        self, values: Sequence[Token], columns: tuple[str, ...], last_open: bool
    ) -> list[Token] | None:
        if not values or any(v.line != values[0].line for v in values):
            return None
        bounds = self.columns.get((self.pages.get(values[0].line, -1), columns))
        if bounds is None:
            return None
        picked: list[Token | None] = [None] * len(columns)
        for index, value in enumerate(values):
            if value.kind != "value" or value.x is None:
                return None
            low, high = bounds.get((value.line, value.x), (0, -1))
            if last_open and index == len(values) - 1:
                # Open up to the last column, and right of every other value's (pairwise bounds).
                if high != len(columns) - 1 or low == high or any(picked[low:]):
                    return None
                low = high
            if low != high or picked[low] is not None:
                return None
            picked[low] = value
        line = values[0].line
        return [cell if cell is not None else Token("empty", "", line) for cell in picked]


def printed_run(value: Token, x: tuple[int, int]) -> PrintedRun:
    """A value where it stands on its line (`x`, its `Token.x`): where its run starts and ends, as
    far as the value's own start and end are its run's (`Token.joined`)."""
    opens, closes = (not joined for joined in value.joined)
    return PrintedRun((value.line, x), x[0] if opens else None, x[1] if closes else None)


def shows_last_column(settled: Mapping[Place, int], width: int) -> bool:
    """True when the page shows the columns' last one: a header word fixed to it, or a value the
    bounds settle there. A table wider than its page is cut at the page's edge, and the columns
    past the cut print nothing on the page although their cells are not blank (held-out
    variants of r004 and r065: 法律服务机构's and 总计's values cut off, read as blank cells);
    the columns up to one the page shows are printed whole."""
    return width - 1 in settled.values()


def _centre(place: Place) -> float:
    start, end = place[1]
    return (start + end - 1) / 2


def _clustered(values: Sequence[PrintedRun], width: int) -> list[PrintedRun]:
    """The values, each fixed at its column where the page's values stand in `width` tight clusters.

    Where a page's values (those opening a run) stand in exactly as many tight clusters (centres
    within SPREAD), GAP or more apart, as the rows have columns, each cluster is a column: values
    of one column need not touch (`1` and `8` centred two characters apart), so the bounds alone
    would leave them open. tests/test_aligned_columns.py blanks random cells of the corpus's
    texts: no value came back in another column that way.
    """
    runs: list[list[PrintedRun]] = []
    for value in sorted((v for v in values if v.start is not None), key=lambda v: _centre(v.place)):
        if runs and _centre(value.place) - _centre(runs[-1][-1].place) < GAP:
            runs[-1].append(value)
        else:
            runs.append([value])
    tight = all(_centre(run[-1].place) - _centre(run[0].place) <= SPREAD for run in runs)
    if len(runs) != width or not tight:
        return list(values)
    column = {value.place: index for index, run in enumerate(runs) for value in run}
    return [value._replace(column=column.get(value.place)) for value in values]


def _labels_left_of_values(rows: Sequence[MatchedRow]) -> set[int]:
    """The pages where every row label of a values line is printed wholly left of every value.

    The label columns stand wholly left of the value columns, so pdftotext -layout prints them
    that way; a page that does not is no page poppler printed (lines wrapped, so a value opens a
    line: `2` at column 0; lines run together, `… 1 1 2 度办理结`), and its runs say nothing.
    (A unit after a value, `24,977.64 元`, is the value's; a value one space after its label,
    `申请数量 299`, starts where the label's run does, not where it stands.)
    """
    label_end: dict[int, int] = {}
    value_start: dict[int, int] = {}
    for matched in rows:
        tokens = matched.row.tokens
        if not any(t.kind == "value" for t in tokens):
            continue
        page = matched.row.page
        for token in tokens:
            if token.x is None:
                continue
            if token.kind == "text" and token.text.strip() not in UNITS:
                label_end[page] = max(label_end.get(page, -1), token.x[1])
            elif token.kind == "value" and not token.joined[0]:
                value_start[page] = min(value_start.get(page, token.x[0]), token.x[0])
    pages = {matched.row.page for matched in rows}
    return {p for p in pages if p not in value_start or label_end.get(p, -1) < value_start[p]}


def _next_columns(shapes: Sequence[RowShape], columns_of: ColumnsOf) -> list[tuple[str, ...] | None]:
    """For each row, the columns of the first labelled row after it, if any."""
    found: list[tuple[str, ...] | None] = [None] * len(shapes)
    following: tuple[str, ...] | None = None
    for index in range(len(shapes) - 1, -1, -1):
        found[index] = following
        following = next((c for s in shapes[index].segments if (c := columns_of(s.anchor.id))), following)
    return found


def column_anchors(
    rows: Sequence[MatchedRow],
    shapes: Sequence[RowShape],
    columns_of: ColumnsOf,
    runs: Mapping[int, Runs] | None = None,
    labels: HeaderLabels | None = None,
    confirm: Callable[[str, list[Token]], bool] | None = None,
) -> ColumnAnchors:
    """The columns each page's positions settle for the values of a table printed by aligned text.

    `runs`: where the text's runs of words stand (layout.Layout.runs), and `labels`: what the
    table's header prints; with both, the header printed above a set of columns' first row on a
    page fixes the columns of the words spelling their labels (spelled.py). `confirm`: the row's
    identity, if any; a line of pieces it does not bear out places no column (bounds.pieces_unconfirmed).
    """
    printed: dict[Key, list[PrintedRun]] = {}
    first: dict[Key, int] = {}  # the line of each set of columns' first row on its page
    pages = {matched.row.line: matched.row.page for matched in rows}
    kinds = {columns_of(segment.anchor.id) for shape in shapes for segment in shape.segments}
    # Where every row has the same columns (table 三), a values line of no row label (a wrapped
    # label's values between its lines) stands in them too; elsewhere (table 二's blocks), such a
    # line after a row stands in that row's columns, the grid's columns of its block.
    uniform = next(iter(kinds)) if len(kinds) == 1 else None
    current = uniform
    after = _next_columns(shapes, columns_of)
    for index, (matched, shape) in enumerate(zip(rows, shapes, strict=True)):
        cells = [(columns_of(s.anchor.id), s.values) for s in shape.segments]
        # (Between two blocks of other columns, the line could be the next block's: none.)
        if shape.lead and (uniform or (not shape.segments and after[index] == current)):
            cells.append((uniform or current, shape.lead))
        current = next((c for c, _ in reversed(cells) if c), current)
        for columns, values in cells:
            if not columns or pieces_unconfirmed(values, confirm):
                continue
            key = (matched.row.page, columns)
            if key not in first:
                first[key] = header_floor(matched.row, runs)
            for value in values:
                if value.kind == "value" and value.x is not None:
                    printed.setdefault(key, []).append(printed_run(value, value.x))
    found: dict[Key, dict[Place, tuple[int, int]]] = {}
    refused: set[int] = set()
    cut = cut_off(first, runs, labels) if runs and labels else frozenset()
    as_printed = _labels_left_of_values(rows)
    shown = set(header_shows_last(first, runs, labels)) if runs and labels else set()
    for key, seen in printed.items():
        if key[0] not in as_printed:
            continue
        header: list[PrintedRun] = []
        last_printed = False
        if runs and labels and all(c in labels.columns for c in key[1]):
            lines = header_lines(runs, first[key], labels)
            header = spelled_columns(lines, [labels.columns[c] for c in key[1]])
            last_printed = _prints_label(lines, labels.columns[key[1][-1]])
        bounds = column_bounds(_clustered(seen, len(key[1])) + header, len(key[1]))
        if bounds is None:
            refused |= _pieces_apart(seen, len(key[1]))
        settled = settled_of(bounds) if bounds else {}
        if bounds and settled and (last_printed or shows_last_column(settled, len(key[1]))):
            found[key] = bounds
            shown.add(key[1])
    return ColumnAnchors(found, pages, cut, frozenset(shown), frozenset(refused))


def _pieces_apart(seen: Sequence[PrintedRun], width: int) -> set[int]:
    """Of a page whose bounds contradict each other, the lines printing a value for every column,
    two of them one space apart: maybe a letter-spaced number's pieces (`10 5 6` for 1056)."""
    lines: dict[int, list[tuple[int, int]]] = {}
    for run in seen:
        lines.setdefault(run.place[0], []).append(run.place[1])
    return {line for line, places in lines.items() if len(places) == width and one_space_apart(places)}


def _prints_label(lines: Sequence[tuple[int, tuple[Run, ...]]], spellings: Sequence[str]) -> bool:
    """True when a header's lines (spelled.header_lines) print every character of a spelling of a
    column's label: where that is the columns' last, the page shows the table up to its last
    column, though its words, squeezed with another column's (`其 总计`), fix no column."""
    printed = set(key_of("".join(text for _, runs in lines for _, _, text in runs)))
    return any(set(key_of(spelling)) <= printed for spelling in spellings)
