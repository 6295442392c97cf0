"""A data-row label waiting for its values (tables 二 and 三), and what its block knows of it.

PDF text prints a row's label and values apart (§2.2 C, E). The assembly (rows.py) keeps each label
it meets as a `Pending`, gathering the values and words that follow it; these predicates read that
state for the block's decisions, and pending.put_pending places the values.
"""

from __future__ import annotations

from collections.abc import Callable

from ..layout import Token
from ..layout.pieces import later_part
from ..lexicon import key_of
from .drawn import row_shaped
from .shape import ColumnsOf

__all__ = [
    "Pending",
    "continues",
    "doubles",
    "drawn_inside",
    "drawn_late",
    "ends",
    "named",
    "one_each",
    "settled",
    "whole",
    "whole_row_before",
]


class Pending:
    """A data-row label whose values are not all on its own line (PDF text, FORMAT.md §2.2 C, E)."""

    # A plain class, not attrs: internal and compared by identity, and an attrs class costs ~2.6
    # million instructions to define at import (docs/performance.md).
    __slots__ = (
        "after",
        "after_stray",
        "apart",
        "between",
        "broken",
        "by_order",
        "doubled",
        "drawn_late",
        "groups",
        "hemmed",
        "inside_late",
        "interrupted",
        "key",
        "line",
        "markers_before",
        "next_valued",
        "open",
        "other_header",
        "own",
        "parted",
        "placed",
        "row",
        "sandwiched",
        "spaced",
        "stranger",
        "under_stray",
    )

    def __init__(
        self,
        row: str,
        line: int,
        own: list[Token] | None = None,
        *,
        placed: bool = False,
        key: str = "",
        after_stray: bool = False,
    ) -> None:
        """The label's row and line, the values on its line, and what is known of it from the start."""
        self.row = row
        self.line = line
        self.own: list[Token] = [] if own is None else own  # values on the label's line
        self.after: list[list[Token]] = []  # lines of values after it
        # The values line after the label stood apart (placed by height): a line of the label's
        # own words after it shows the values sit inside the label's cell.
        self.apart = False
        self.sandwiched = False
        # The last of the label's wrapped words seen so far do not end it: its cell goes on below.
        self.open = False
        # A values line came after such words: two values lines inside the label's cell, either of
        # which may be another row's drawn there (pdfminer draws a row's values late).
        self.doubled = False
        # Words naming no row came after its values: they may be an unknown row's label printed
        # under its values, so the values are not this label's by elimination.
        self.stranger = False
        # Such words came between two of its values (a header's pieces, plain pdftotext).
        self.interrupted = False
        # The label before it has all its values (its row whole on its own line, or one whole
        # line inside its own cell) and the label after printed its row whole on its line: a
        # values line placed by height between them can only be this label's.
        self.hemmed = False
        # The block's next label has values of its own after it (or there is none): a values line
        # between the two is not the next one's printed above it, unless it and the next one's are
        # the pieces and tails of numbers wrapped around that label (tables/short_rows.py).
        self.next_valued = False
        # Placed already from its own line: kept only so that the label before it knows it.
        self.placed = placed
        # The label also names a group (（六）其他处理: a 2019 row, a 2021 group over three rows).
        self.groups: frozenset[str] = frozenset()
        # A number printed broken (a wrapped cell) near the row: its values cannot be told apart.
        self.broken = False
        # Lines of letter-spaced digits alone among its values, in text boxes (plain pdftotext):
        # each line one cell's or several's, which only the identities tell (spaced_digits.py).
        self.spaced = False
        # The label's key as the lexicon knows it: words after its values that continue it are its tail.
        self.key = key
        # A values line no label could own came since the label before (values printed above
        # their label, LibreOffice centring a row): this label's values may be those.
        self.after_stray = after_stray
        # The values of that line where it stands right above the label's own, no line between:
        # in aligned text, some may be the row's (a centred cell's), printed off its line.
        self.under_stray: list[Token] = []
        # Its values follow it on one line of text only in the text's order (a crawler page, or
        # PDF text joined into one line), in a text that does not show its rows printed in order.
        self.by_order = False
        # A whole values line no label owned stands right above it (line text: a row's values may
        # stand above its label), or the label before is such a label and took the line between:
        # the line after it may as well be the next label's.
        self.between = False
        # The row label before it printed no value, and its own values came only after it, in a
        # PDF's reading order, not one row's shape: those may be the row's before, drawn late
        # (waiting.drawn_late).
        self.drawn_late = False
        # Its values stand inside its wrapped cell after such a row label (drawn_inside).
        self.inside_late = False
        # Words other than its own wrapped tail came between it and its first value (a group
        # label's pieces, centred among its rows): the values after them may be another row's.
        self.parted = False
        # Bracketed group markers printed on lines of their own between the row label before and
        # this one: two or more, no row between, list a column of labels drawn as one (drawn_late).
        self.markers_before = 0
        # A column header naming none of its row's columns came between it and its first value
        # (another table 二 block's): the reading order went through that block (OTHER_HEADER).
        self.other_header = False

    def wrapped_tail(self, words: str) -> None:
        """The label's own wrapped words after its values: those values sit inside its cell."""
        self.sandwiched = True
        self.open = not ends(self.key, words)

    def gathered(self) -> list[Token]:
        """The values on the label's line, then those on the lines after it, in printed order."""
        return self.own + [v for line in self.after for v in line]

    def lines(self) -> list[list[Token]]:
        """The values lines gathered: the label's own line's, if any, then the lines after it."""
        return [self.own, *self.after] if self.own else self.after


def doubles(label: Pending, waiting: list[Pending]) -> bool:
    """True when a values line right after a label's wrapped tail may share its cell with the
    values line inside it: the tail does not end the label, so the cell goes on below; or the
    row label before (no group's) has no value, so the line inside may be that row's, drawn late
    (pdfminer's reading order), and this one the label's own."""
    return label.open or _after_silent_row(waiting)


def drawn_late(label: Pending, before: list[Pending], width: int) -> bool:
    """True when a label's values all come after it, the row label before it (no group's) has no
    value or values that may be its own row's before, drawn late, and they do not print one row
    of more than one cell (drawn.row_shaped: one line of `width` values, or one a line but the
    last; pending._a_row's shape). pdfminer draws a row's values after the next row's label, or a
    line of it (`2.其他法律行政法规禁止公开` / `3.危及“三安全一稳定”` / `13`: 2.'s 13, 3. blank;
    held-out seed 20261231 r034), rows after it in turn maybe too, so the values may be the row's
    before. (Only lines shorter than a row were seen so, 6 times in five corpora against 18 the
    label's own; a row right after its label, its total holding, was the label's in 19 corpora:
    pending.put_pending, `alone`.) A one-column row's lone value is every row's shape, so it shows
    nothing (`行政处罚` / `行政强制` / `185`: 行政处罚's, fresh review seed 20268816 r075-v1)."""
    previous = _row_before(before)
    if not label.after or label.own or previous is None:
        return False
    counts = [len(line) for line in label.after]
    # Group labels printed one after another, none of their rows between (`（三）不予公开` /
    # `（四）无法提供` / `（五）不予处理` / `（六）其他处理` / 7 values): LibreOffice drew the column of
    # merged group cells as one, so even a row's shape after the last label is not shown to be its
    # (（二）部分公开's, fresh review seed 20268841 r010-v0).
    listed = label.markers_before >= 2
    return (_printed_nothing(previous) or previous.drawn_late) and (listed or not row_shaped(counts, width))


def drawn_inside(label: Pending, before: list[Pending]) -> bool:
    """True when a label's values stand inside its wrapped cell and the row label before it (no
    group's) printed nothing: pdfminer drew 一、本年新收's row inside 二、上年结转's wrapped label
    (`…申请数` / `1,392` / … / `1 1,400` / `量`, review seed 20268816 r001-v1); both feed the same
    sums, so no identity tells whose it is (25 of 26 such rows in 24,303 texts: a frequency)."""
    return label.sandwiched and _after_silent_row(before)


def one_each(label: Pending, waiting: list[Pending], at: int) -> bool:
    """True when the label's values, two at least, are no more than it and the row labels right
    before it (in `waiting`, before index `at`) that printed nothing: the last so many may each own
    one, as a report filling only 总计 prints its rows' totals after their labels (`2.` … `7.` /
    `8.` / `0 0 0 0 1 0 1`: the totals of 2.–8., their sum holding as 8.'s row total by chance; a
    review's LibreOffice PDF through plain pdftotext, seed 20268804 r080). More labels may print
    nothing before those: pdfminer printed the totals of the rows down to 1. before their labels,
    then 2.–8.'s labels, then `0` x 7, the totals of 2.–8., read as 8.'s (fresh review seed
    20268818 r008-v0, Chromium's PDF). Group labels between are passed over."""
    if label.own or not label.after:
        return False  # (asked of every label of a block: a run of empty labels is no cost then)
    empty = 0
    for previous in reversed(waiting[:at]):
        if previous.groups:
            continue
        if not _printed_nothing(previous):
            break
        empty += 1
    return empty > 0 and 2 <= len(label.gathered()) <= empty + 1


def _row_before(waiting: list[Pending]) -> Pending | None:
    """The last data-row label waiting (a label naming no group)."""
    return next((p for p in reversed(waiting) if not p.groups), None)


def _after_silent_row(waiting: list[Pending]) -> bool:
    """True when the last data-row label waiting printed no value (pdfminer may draw its row later)."""
    return (before := _row_before(waiting)) is not None and _printed_nothing(before)


def _printed_nothing(label: Pending) -> bool:
    """True when no value was seen for the label: on its line, after it, or placed."""
    return not (label.placed or label.own or label.after)


def _last_word(words: str) -> str:
    """The matching key of the last of the words ("" for none)."""
    return key_of(words.split()[-1]) if words.strip() else ""


def ends(key: str, words: str) -> bool:
    """True when the last words end the label (`申请` of …政府信息公开申请): its cell ends there."""
    tail = _last_word(words)
    return bool(tail) and key.endswith(tail)


def continues(key: str, words: str, *, run_into: bool = True) -> bool:
    """True when the last words are a later part of the label (`益` of 保护第三方合法权益), not its
    start; a group label's piece may stand before them (`法提供 另行制作`), or, `run_into`, run into
    its last characters (`不予处请`: 不予处理's piece, then 请 ending 信访举报投诉类申请)."""
    tail = _last_word(words)
    if not tail or key.startswith(tail):
        return False
    return later_part(key, tail) or (run_into and any(key.endswith(tail[-k:]) for k in range(1, len(tail))))


def settled(label: Pending) -> bool:
    """True when a label's values are accounted for: its row printed whole on its own line, or its
    one values line inside its own cell (between the label and its wrapped tail). (A values line
    after the next label is only placed whole, so it cannot be the rest of a partial one.)"""
    return label.placed or (label.sandwiched and not label.own and len(label.after) == 1)


def whole(label: Pending, columns_of: ColumnsOf) -> bool:
    """True when a label's row is printed whole on one line: its own, or one line after it."""
    n = len(columns_of(label.row) or ())
    if label.placed:
        return sum(v.kind == "value" for v in label.own) == n
    return not label.own and len(label.after) == 1 and sum(v.kind == "value" for v in label.after[0]) == n


def whole_row_before(
    waiting: list[Pending], columns_of: ColumnsOf, follows: Callable[[str, str], bool] | None
) -> str | None:
    """The row a values line comes right after, if that row is printed whole (see assemble_rows)."""
    if follows is None or not waiting:
        return None
    last = waiting[-1]
    return last.row if settled(last) and whole(last, columns_of) else None


def named(
    waiting: list[Pending], columns_of: ColumnsOf, group_of: Callable[[str], str | None], aligned: bool
) -> list[Pending]:
    """The block's labels that name a row: not a group's label (its rows below it) left with no
    value, unless the text is aligned and no row of that group follows (a blank row: 2019's
    （六）其他处理, also 2021's group label)."""
    return [
        p
        for i, p in enumerate(waiting)
        if p.placed
        or p.own
        or p.after
        or not p.groups
        or (aligned and _no_rows_of(p, waiting[i + 1 :], columns_of, group_of))
    ]


def _no_rows_of(
    label: Pending, after: list[Pending], columns_of: ColumnsOf, group_of: Callable[[str], str | None]
) -> bool:
    # The next label is no row of the group this label may name.
    return bool(after) and bool(columns_of(label.row)) and group_of(after[0].row) not in label.groups
