"""Step 4 for tables 二 and 三: label-anchored rows -> values on the grid, in any layout (§2.2).

Longer than 300 lines on purpose: the assembly is one pass down the table whose state (the label
waiting for values, a values line held for the label below, an unknown numbered row open) every
branch reads and sets; the decisions on that state live in waiting.py, pending.py, drawn.py and
drifting.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from ..layout import Runs, Token
from ..lexicon import Entry
from .aligned import PIECES_APART, column_anchors
from .bounds import may_be_pieces
from .columns import RowSequence
from .drawn import drawn_apart
from .drifting import apart_past_one_column, drifts, emptied, in_text_boxes
from .grid import Grid
from .header_words import columns_named, values_in_header
from .opening import marks_a_group, opens_a_group, opens_a_row, unmarked
from .order import Order
from .pending import STRAY_GAPS, put_pending
from .place import loose_cells, put_row, widened_columns
from .positions import ColumnPositions
from .regions import MatchedRow, Region
from .shape import ColumnsOf, RowShape, row_shapes
from .shifted import shifts
from .spaced_digits import put_spaced, spaced_row
from .spelled import HeaderLabels
from .waiting import (
    Pending,
    continues,
    doubles,
    drawn_inside,
    drawn_late,
    named,
    one_each,
    settled,
    whole,
    whole_row_before,
)

# A label that took the values line right above it (a narrow cell's values printed before its label),
# whose wrapped tail then prints values beside it: either line may be the row's.
HELD_AND_TAIL = (
    "a values line above the label and another beside its wrapped tail: which is the row's is not shown"
)


def _group_column(anchor: Entry, markers: int) -> int:
    """The group markers printed right before a bracketed row label (（六）其他处理, a cell of the
    group labels' column, as （一）予以公开), none before a numbered one (`3.要求提供公开出版物`
    after `（五）` / `不予处`: its own group's, the rows' column drawn after the groups')."""
    return markers if anchor.paren is not None else 0


def _between_labels(rows: Sequence[MatchedRow], index: int, label: Pending) -> bool:
    """True when the row at `index` comes right after the waiting label's own line or a line of its
    wrapped tail, words only, and right before a row opening with words (or ends the table): a
    values line between two pieces of another label (`需 要` / `3 0 0 0 0 0 3` / `另 行`, a
    label's middle line) is not the waiting label's."""
    if index == 0 or any(t.kind != "text" for t in rows[index - 1].row.tokens):
        return False
    before = rows[index - 1]
    if before.row.line != label.line and not continues(label.key, before.unknown_words()):
        return False
    following = rows[index + 1].row.tokens if index + 1 < len(rows) else None
    return following is None or (bool(following) and following[0].kind == "text")


def _no_group(row: str) -> str | None:
    return None


def assemble_rows(
    region: Region,
    grid: Grid,
    columns_of: ColumnsOf,
    group_of: Callable[[str], str | None] = _no_group,
    positions: ColumnPositions | None = None,
    confirm: Callable[[str, list[Token]], bool] | None = None,
    order: Order = "unknown",
    aligned: bool = False,
    shapes: Sequence[RowShape] | None = None,
    runs: Mapping[int, Runs] | None = None,
    labels: HeaderLabels | None = None,
    sequence: RowSequence | None = None,
) -> None:
    """Place every labelled row of a table region on the grid, row shapes from tables.lark.

    `group_of` names the group a data row belongs to (（三）不予公开 for 1.属于国家秘密), if any;
    `positions` follows the header's column positions for rows whose layout shows the grid;
    `confirm` says whether values printed one per line after a label may be its row (an identity;
    with none, table 二's rows, a lone value, or any row in a text printing its rows in order);
    `order`: the text's printing order (order.py): "rows", so a label's values are those after it,
    or "apart", so a row of one-line text is not its label's by the text's order alone;
    `aligned`: the text prints words at their columns' positions (layout.Layout.aligned), so a
    label printed with no value anywhere is a blank row; `shapes`: the rows' shapes, if the caller
    has them already (row_shapes with the same columns); `runs`: where the runs of words of a
    positioned text stand (layout.Layout.runs), which tells the values' columns page by page, with
    what the table's header prints in `labels` (aligned.py); `sequence`: the template's order of
    the rows (columns.RowSequence), so that a whole values line alone between a row whose values
    are all placed and its next row's label right below it is that row's (pdfplumber prints a
    row's values on a line of their own above its label), and a label's run is measured against
    the rows the template puts before it (shifted.py).
    """
    follows = sequence.follows if sequence is not None else None
    in_order = order == "rows"
    positions = positions or ColumnPositions(region.table)
    settles = confirm or (lambda row, values: in_order or len(values) == 1)
    one_line = region.one_line  # (a scan of the region's rows: once, not once a label)
    pending: Pending | None = None
    # Labels waiting for their values in the block, resolved together at its end (told apart once all seen).
    waiting: list[Pending] = []
    # A block whose first values came before any row label prints values before their labels.
    values_first = False
    suspect = False  # set by a broken number: the next data row is as suspect as the one waiting
    stray = False  # set by a values line the label before already had values for, or with no label
    # Set by a block whose labels gathered fewer values than their cells (drifting.drifts).
    drifted = False
    # Set by a block printing no value whose labels wait for cells (drifting.emptied): the next
    # block's values are doubted. And, where that can happen (`boxed`, below), whether the block's
    # lines (not its header's) print a value, or values said between two pieces of the table
    # stand among them.
    emptied_before = False
    block_values = False
    opened = False  # set by an unknown numbered row's first words (opening.opens_a_row)
    markers = 0  # bracketed group markers on lines naming no row since the last row label
    # The last values line no label waited for (it sets `stray`): its index and its values.
    stray_at: tuple[int, list[Token]] = (-2, [])

    def flush() -> None:
        nonlocal pending
        if pending is not None:
            waiting.append(pending)
        pending = None

    # A values line placed by height (`apart`) while no label waits for values: the label right
    # below it owns it, if that label has none. (Held after a whole row of line text, the row it
    # came after: only that row's next row may own it; after another held line, none: pdfminer
    # prints narrow cells' values lines before their labels, the last right above the first.)
    held: tuple[list[Token], int, int, str | None, bool] | None = None

    def unheld() -> None:
        nonlocal held
        if held is not None:
            raw = " ".join(v.text.strip() for v in held[0])
            grid.unplaced(f"values with no row label ({raw})", held[1])
        held = None

    def resolve() -> None:
        nonlocal values_first, drifted, emptied_before, block_values
        unheld()
        flush()
        waiting[:] = named(waiting, columns_of, group_of, aligned)
        # A label with no value anywhere after it (a blank row, or one whose values come before
        # it or after the next label): the block's values could then be either label's.
        doubtful = values_first or (not aligned and any(not (p.placed or p.own or p.after) for p in waiting))
        moved_on = shifts(waiting, columns_of, confirm, sequence.rank if sequence else None)
        for i, (found, moved) in enumerate(zip(waiting, moved_on, strict=True)):
            if found.placed:
                continue
            following = waiting[i + 1] if i + 1 < len(waiting) else None
            # Values after a label could be the next label's printed before it, or the label before's: they
            # are this label's when the table prints its rows in order, or when no label of the block is left
            # without values and the next has its own (else basis order); not where `moved` (shifted.py).
            found.next_valued = following is None or bool(following.own or following.after)
            local = not doubtful and found.next_valued and not moved
            hemmed = i > 0 and settled(waiting[i - 1]) and following is not None and following.placed
            found.hemmed = hemmed and not found.stranger
            gaps = aligned and not values_first  # a label with no value is then a blank row
            # Table 三's row total may stand for the block's order (lines, no values first, a run its own).
            identity = confirm is not None and not values_first and not one_line and not moved
            identity = identity and not one_each(found, waiting, i)  # each empty label one value
            next_row = following is not None and follows is not None and follows(found.row, following.row)
            row_columns = columns_of(found.row) or ()
            found.drawn_late = apart_drawn and drawn_late(found, waiting[:i], len(row_columns))
            found.inside_late = grid.reading_order and drawn_inside(found, waiting[:i])
            put_pending(
                grid,
                found,
                row_columns,
                settles,
                # (Not in a PDF's text boxes where a label of the block has no value: a box may be
                # drawn before its label's, `行政处罚` / `38` / `行政强制` for 行政强制's 38.)
                own=local or (in_order and not moved and not (boxes and grid.reading_order and doubtful)),
                local=local,
                aligned=gaps,
                anchors=anchors,
                drifted=drifted or emptied_before,
                alone=identity,
                before_next=next_row,
            )
        if drifted or emptied_before:
            grid.order_doubted.update(p.line for p in waiting)  # (no block reading there: detached.py)
        drifted = lone and drifts(waiting, columns_of, drifted)
        # (Only the next block's: values drawn that far are read there, a later block's are its own.)
        emptied_before = boxed and not block_values and emptied(waiting, columns_of)
        block_values = False
        waiting.clear()
        values_first = False

    shapes = shapes if shapes is not None else row_shapes(region.rows, region.table, columns_of)
    # (Columns move from page to page: with no page marked, a row's positions settle nothing.)
    anchors = None
    if aligned and runs:
        anchors = column_anchors(region.rows, shapes, columns_of, runs, labels, confirm)
    widened = widened_columns(region.rows, shapes, columns_of, group_of)
    loose = loose_cells(region.rows, shapes, columns_of)
    apart_drawn = drawn_apart(region.rows, shapes, order, grid.reading_order)  # pdfminer, pdftotext
    # Table 二's values may be another block's (drawn.DRIFTED). In text boxes (pdfminer, plain
    # pdftotext; not aligned text, whose values stand where the page has them) a one-column row's
    # label and value may be one box, the wider blocks' values apart.
    boxes = in_text_boxes(region.rows)
    lone = confirm is None and (
        apart_drawn
        or (
            boxes
            and not aligned
            and apart_past_one_column(region.rows, shapes, order, grid.reading_order, columns_of)
        )
    )
    boxed = lone and boxes  # (a block printing no value may be emptied)
    said_lines = [r.row.line for run in region.between for r in run] if boxed else []
    block_start = 0

    def _takes_spaced(pending: Pending | None, matched: MatchedRow, index: int) -> bool:
        """True when the label waiting for values, with none yet, takes a line's letter-spaced
        digits: after its wrapped tail's words, or alone right after a line of words only and
        right before the next label's line (pdftotext -raw prints a row's cells after its
        label's cell; in text boxes a line of digits alone is one cell's)."""
        if pending is None or pending.own or pending.after:
            return False
        words = matched.unknown_words()
        if words:
            return continues(pending.key, words)
        return not boxes and _between_labels(region.rows, index, pending)

    for index, (matched, shape) in enumerate(zip(region.rows, shapes, strict=True)):
        positions.see(matched)
        # (A row of one-line text is words apart, or run together: a piece there is a piece too.)
        spaced = matched.row.bounds == "words" or matched.row.own_label
        # (A row of letter-spaced digits on its label's line is split by the identities: no piece.)
        spaced_digits = spaced_row(matched.row.tokens, shape, confirm is not None)
        # (Off a label's line, the waiting label takes them, or words of no label are before them.)
        off_label = spaced_digits is not None and not shape.segments
        taken = off_label and _takes_spaced(pending, matched, index)
        # In text boxes a line is one box: a line of letter-spaced digits alone after a label
        # waiting for values is its values' (one cell's, or several's in one box), read with the
        # others the label gathers one a line (pending.py).
        boxed_spaced = off_label and boxes and pending is not None and not matched.unknown_words()
        if off_label and not taken and not boxed_spaced and not matched.unknown_words():
            spaced_digits = None  # no label's here: a number printed broken, as any such
        broken = spaced and spaced_digits is None and any(t.kind == "broken" for t in matched.row.tokens)
        if broken and pending is not None:
            pending.broken = True
        if shape.caption:
            block_values = block_values or any(block_start <= n < matched.row.line for n in said_lines)
            block_start = matched.row.line
            resolve()
            opened = False
        elif boxed and not block_values and not matched.names_header(region.table):
            block_values = any(t.kind == "value" for t in matched.row.tokens)
        if not shape.segments:
            values = [v for v in shape.lead if v.kind == "value"]
            suspect = suspect or broken
            words = matched.unknown_words()
            if boxed_spaced and spaced_digits is not None and pending is not None:
                # (Words of no row between its values lines: the reading order went through them.)
                pending.interrupted = pending.interrupted or pending.stranger
                pending.after.append(spaced_digits)
                pending.spaced = True
                continue
            if spaced_digits is not None and pending is not None and taken:
                # The label's letter-spaced digits after its wrapped tail (spaced_digits.py).
                waiting.append(Pending(pending.row, pending.line, spaced_digits, placed=True))
                put_spaced(grid, pending.row, columns_of(pending.row) or (), spaced_digits, shape.line)
                pending = None
                continue
            if spaced_digits is not None:
                # After words that name no row and continue no label waiting for values (or one
                # with values already): said, never dropped unseen.
                digits = " ".join(t.text.strip() for t in spaced_digits)
                named_nothing = f"values after words that name no row of the table ({words}: {digits})"
                grid.unplaced(named_nothing, shape.line)
                continue
            if values and values_in_header(matched, region.table):
                # A column label's note, its years and `/` read as values (letter-spaced `-layout`:
                # fresh review seed 20268844 r009-v1): no row's, whatever label waits.
                raw = " ".join(v.text.strip() for v in values)
                grid.unplaced(f"values among the header's words ({words}: {raw})", shape.line)
                continue
            marked = matched.unknown_words(markers=True)  # (a bare group marker one of the words)
            named_group = any(e.kind == "group" for m in matched.matches for e in m.entries)
            markers += not values and (marks_a_group(marked) or named_group)
            if opens_a_row(words):
                # A row whose label reads as none opens here (`1.本机关`): the label before has had
                # its lines (rows do not overlap); values up to the next marked label are that row's.
                flush()
                opened = True
            elif pending is not None and opens_a_group(
                # (A bare group marker counts here: `(五) 1. 1 1` after the blank 3.补正后… of （四）,
                # fresh review seed 20268838 r098-v0.)
                marked,
                sequence.bracket(pending.row) if sequence else None,
                sequence.top(pending.row) if sequence else None,
            ):
                # A row or group after the label's own opens here (`（六）其它处`): its cell has ended.
                flush()
            if not values:
                if pending is not None and pending.after:
                    if continues(pending.key, words):
                        pending.wrapped_tail(words)
                    elif words or matched.names_header(region.table):
                        # Words naming nothing, or the header's cells (`总计` / `商业企业 科研机构 …`:
                        # review seed 20268831 r020-v1): the reading order went through them.
                        pending.stranger = True
                elif pending is not None:
                    # Any words but its own tail (a group's label, whole or in pieces).
                    words = " ".join(t.text.strip() for t in matched.row.tokens if t.kind == "text")
                    pending.parted = pending.parted or (bool(words) and not continues(pending.key, words))
                    headed = columns_named(matched, region.table)
                    pending.other_header |= bool(headed) and not headed & set(columns_of(pending.row) or ())
                continue
            if pending is None or pending.own or pending.after:
                stray, stray_at = True, (index, values)
            raw = " ".join(v.text.strip() for v in values)
            after_words = f"values after words that name no row of the table ({words}: {raw})"
            unowned = after_words if words else f"values with no row label ({raw})"
            if (
                pending is not None
                and pending.sandwiched
                and not words
                and (matched.row.apart or whole(pending, columns_of))
            ):
                if not matched.row.apart and doubles(pending, waiting):
                    pending.doubled = True
                else:
                    # The label's cell ended with its tail: values placed by height after it are
                    # not its, nor, in line text, a whole row's more after the whole row inside it.
                    flush()
            # (Words continuing the label waiting for values are its wrapped tail, the values beside
            # them its: `2.其他法律行政` / `法规禁止公开 — — — — — — —`, pdfminer.)
            last = pending if pending is not None else waiting[-1] if waiting else None
            # (A row found whole between two labels of one line holds no group label's piece: words
            # ending in the label's last character, `丁丁丁(另计)` after 总计, are its own.)
            tail = (
                last is not None
                and bool(words)
                and continues(last.key, words, run_into=not matched.row.own_label)
            )
            if (words and matched.row.own_label and not tail) or opened:
                # A row the reader found whole between two others (a crawler page's): its words are
                # its own unknown label, not the tail of the label waiting for values.
                grid.unplaced(unowned, shape.line)
            elif pending is not None:
                # Words naming nothing between the label's values: the order went through them.
                pending.interrupted = pending.interrupted or pending.stranger
                pending.after.append(values)
                pending.apart = pending.apart or matched.row.apart
            elif tail and last is not None and last.placed and last.row in grid.rows:
                # The wrapped tail of a label that took the values line above it (pdfminer prints a
                # narrow cell's values before its label), its own values beside it: which line is
                # the row's is not shown (`2.其他法律行政` / `法规禁止公开 — — — — — — —`, the line
                # above it 部分公开's, drawn late: fresh review seed 20268826 r013-v1).
                line_above = " ".join(c.raw.strip() for c in grid.rows.pop(last.row).values())
                grid.unplaced(f"{last.row}: {HELD_AND_TAIL} ({line_above} / {raw})", shape.line)
            elif not shape.labelled:
                values_first = values_first or not waiting
                apart = matched.row.apart
                before = None if words or apart else whole_row_before(waiting, columns_of, follows)
                # (Held after another row's values line, only to show the label below stands between
                # two; a mark alone between, `、` of a group label printed down its cell, is none.)
                astray = before is not None and held is not None and len(held[0]) == len(values)
                if (apart and not words) or before is not None:
                    # A row placed by height is the line above's or below's. No label above waits
                    # for values (each was printed whole, or it is the header): the label right
                    # below, if it has no value, owns it. In line text rows follow each other
                    # down the page, a row's values line at its label's height or just above it:
                    # after a whole row, a whole values line is the next row's, if its label is
                    # right below (and it is not the line before a label the text left out).
                    unheld()
                    held = (values, shape.line, index, before, astray)
                else:
                    grid.unplaced(unowned, shape.line)
            elif not matched.names_header(region.table):
                # A group's label and words the templates do not know, then values: the row's own
                # label is unknown. Said, never dropped unseen. (A header line's years, `本年增/减（指
                # 2019 年增加或减少`, are header words.)
                grid.unplaced(f"values after a label that names no row of the table ({raw})", shape.line)
            continue
        segment = shape.segments[-1]
        values = list(segment.values)
        # (The group markers counted since the row label before; the count starts again here.)
        markers_before, markers = _group_column(segment.anchor, markers), 0
        if opened and unmarked(matched, shape.segments[0].anchor):
            # A numbered label's words with no number, in the unknown row's lines: that row's (its
            # digits too, letter-spaced or a wrapped number's piece: said, never dropped unseen).
            if values or any(t.kind == "broken" for t in matched.row.tokens):
                printed_row = " ".join(t.text.strip() for t in matched.row.tokens)
                grid.unplaced(f"values after words that name no row of the table ({printed_row})", shape.line)
            continue
        opened = False
        if (
            pending
            and pending.after
            and not values
            and [s.anchor.id for s in shape.segments] == [pending.row]
        ):
            # Its wrapped tail naming its row again (`通知要求缴纳费用、…不再处理其政府信息公开申请`).
            pending.wrapped_tail(" ".join(t.text for t in matched.row.tokens))
            continue
        columns = columns_of(segment.anchor.id) or ()
        if spaced_digits is not None:
            # Letter-spaced digits: where the cells part is not shown (spaced_digits.py).
            flush()
            waiting.append(Pending(segment.anchor.id, shape.line, spaced_digits, placed=True))
            put_spaced(grid, segment.anchor.id, columns, spaced_digits, shape.line)
            continue
        printed = sum(v.kind == "value" for v in values)
        # (Right under the values: any line between could be the label they belong to.)
        below = held is not None and held[2] == index - 1
        heir = (
            held is not None
            and not held[4]
            and (held[3] is None or (follows is not None and follows(held[3], segment.anchor.id)))
        )
        if (
            held is not None
            and below
            and heir
            and pending is None
            and not values
            and len(held[0]) == len(columns)
        ):
            # Printed above its label (a tall label cell, values at its middle): basis order.
            waiting.append(
                Pending(segment.anchor.id, shape.line, held[0], placed=True, key=segment.anchor.key)
            )
            grid.place(segment.anchor.id, columns, held[0], basis="order")
            held = None
            continue
        unheld()
        if any(v.floating for v in values):
            # Values whose columns the text does not show (layout.Token.floating): the pipe cells
            # and the identities settle them, if anything does.
            flush()
            waiting.append(Pending(segment.anchor.id, shape.line, values, placed=True))
            grid.place(segment.anchor.id, columns, values)
            continue
        if not printed and pending is not None and (anchors is None or not pending.broken):
            # Values after the label before, not closed off by its wrapped tail, may be this
            # label's printed above it (`2.` / values / `申请人逾期…`; -layout's `3. 其他` / values /
            # `(七) 总计`); where positions are read, but for a wrapped number's tail (broken).
            stray = stray or (bool(pending.after) and not pending.sandwiched)
        # A row of one-line text (a crawler page's, or PDF text joined into one line): its values
        # follow its label only in the text's order, which no line shows to be a row's.
        by_order = matched.row.own_label and order == "apart"
        cut = suspect or broken  # a wrapped number's piece in the row or just before it
        if by_order or (segment.bounds == "words" and printed < len(columns)) or (spaced and cut):
            unfilled = pending is not None and not pending.own and not pending.after
            if not printed and unfilled and pending is not None and group_of(pending.row) in segment.groups:
                pending.parted = True
                continue  # the group label centred among its rows (PDF) takes none of theirs
            previous = pending
            flush()
            beside = [v for v in values if v.kind == "value"]
            pending = Pending(
                segment.anchor.id, shape.line, [] if by_order else beside, key=segment.anchor.key
            )
            if by_order and beside:
                pending.after.append(beside)
                pending.by_order = True
            pending.broken = suspect or broken
            pending.groups = segment.groups
            pending.markers_before = markers_before
            pending.after_stray, stray = stray, False
            pending.under_stray = stray_at[1] if stray_at[0] == index - 1 else []
            pending.between = not beside and (
                (below and not heir) or bool(previous and previous.between and previous.after)
            )
            suspect = broken  # a wrapped number's tails come after its piece: in the next row
            continue
        if not printed and not values:
            flush()
            pending = Pending(segment.anchor.id, shape.line, key=segment.anchor.key, after_stray=stray)
            pending.markers_before = markers_before
            stray = False
            continue
        above = stray_at[1] if stray_at[0] == index - 1 and aligned and printed < len(columns) else []
        stray = False
        flush()
        waiting.append(Pending(segment.anchor.id, shape.line, values, placed=True))
        picked = anchors.pick(values, columns) if anchors is not None and above else None
        if above and (picked is None or anchors is None or anchors.may_fill_gaps(above, picked, columns)):
            # A values line no label owned stands right above: some may be this row's (pending.py).
            grid.unplaced_row(segment.anchor.id, STRAY_GAPS, values, shape.line)
            continue
        # A line whose values may be a letter-spaced number's pieces, where read as they stand
        # the row total fails (`14 2 … 159` for 142: seed 20268809 r046), or in aligned text
        # where no identity checks them (table 二: `147   14 7` for 147, blank, 147, fresh review
        # seed 20268821 r075-v1), is said, not read. (Elsewhere a gap's width shows nothing
        # there: a browser's copy pads a cell with no-break spaces, `规章 0  0 0`.)
        if values and (
            (anchors is not None and values[0].line in anchors.refused)
            or (
                may_be_pieces(values, anchors is not None)
                and (anchors is not None if confirm is None else not confirm(segment.anchor.id, values))
            )
        ):
            grid.unplaced_row(segment.anchor.id, PIECES_APART, values, shape.line)
            grid.order_doubted.add(shape.line)
            continue
        where = (positions, matched.row.width) if matched.row.width is not None else None
        fused, wide, parted = segment.bounds == "fused", columns in widened, matched.row.parted
        put_row(grid, segment.anchor.id, columns, values, shape.line, fused, where, parted, wide, loose)
    resolve()
