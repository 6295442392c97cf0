"""Step 4 for tables 二 and 三: label-anchored rows -> values on the grid, in any layout (§2.2)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from ..identities import as_evidence, total_holds
from ..layout import Token
from ..lexicon import key_of
from ..values import clean, read_cell
from .grid import FusedRun, Grid
from .place import put_row
from .positions import ColumnPositions
from .regions import MatchedRow, Region
from .shape import ColumnsOf, RowShape, row_shapes
from .wrapped import joined_readings, put_wrapped


@attrs.define
class _Pending:
    """A data-row label whose values are not all on its own line (PDF text, FORMAT.md §2.2 C, E)."""

    row: str
    line: int
    own: list[Token] = attrs.field(factory=list)  # values on the label's line
    after: list[list[Token]] = attrs.field(factory=list)  # lines of values after it
    # The values line after the label stood apart (placed by height): a line of the label's own
    # words after it shows the values sit inside the label's cell.
    apart: bool = False
    sandwiched: bool = False
    # Placed already from its own line: kept only so that the label before it knows it.
    placed: bool = False
    # The label also names a group (（六）其他处理: a 2019 row, a 2021 group over three rows).
    group: bool = False
    # A number printed broken (a wrapped cell) near the row: its values cannot be told apart.
    broken: bool = False
    # The label's key as the lexicon knows it: words after its values that continue it are its tail.
    key: str = ""
    # A values line no label could own came since the label before (values printed above their
    # label, LibreOffice centring a row): this label's values may be those.
    after_stray: bool = False


def _no_group(row: str) -> str | None:
    return None


def assemble_rows(
    region: Region,
    grid: Grid,
    columns_of: ColumnsOf,
    group_of: Callable[[str], str | None] = _no_group,
    positions: ColumnPositions | None = None,
    confirm: Callable[[str, list[Token]], bool] = lambda row, values: len(values) == 1,
    in_order: bool = False,
    aligned: bool = False,
    shapes: Sequence[RowShape] | None = None,
) -> None:
    """Place every labelled row of a table region on the grid, row shapes from tables.lark.

    `group_of` names the group a data row belongs to (（三）不予公开 for 1.属于国家秘密), if any;
    `positions` follows the header's column positions for rows whose layout shows the grid;
    `confirm` says whether values printed one per line after a label may be its row (an identity);
    `in_order`: the text prints rows in order (order.py), so a label's values are those after it;
    `aligned`: the text prints words at their columns' positions (layout.Layout.aligned), so a
    label printed with no value anywhere is a blank row; `shapes`: the rows' shapes, if the caller
    has them already (row_shapes with the same columns).
    """
    positions = positions or ColumnPositions(region.table)
    pending: _Pending | None = None
    # Labels waiting for their values in the current block, resolved together at its end: a
    # label's values may only be told from the next label's once both are seen.
    waiting: list[_Pending] = []
    # A block whose first values came before any row label prints values before their labels.
    values_first = False
    # Set by a broken number: the next data row is as suspect as the one waiting.
    suspect = False
    # Set by a values line that the label before already had values for, or that had no label.
    stray = False

    def flush() -> None:
        nonlocal pending
        if pending is not None:
            waiting.append(pending)
        pending = None

    # A values line placed by height (`apart`) while no label waits for values: the label right
    # below it owns it, if that label has none.
    held: tuple[list[Token], int, int] | None = None

    def unheld() -> None:
        nonlocal held
        if held is not None:
            raw = " ".join(v.text.strip() for v in held[0])
            grid.unplaced(f"values with no row label ({raw})", held[1])
        held = None

    def resolve() -> None:
        nonlocal values_first
        unheld()
        flush()
        # A label with no value anywhere after it (a blank row, or one whose values come before
        # it or after the next label): the block's values could then be either label's.
        # A label that may be a group's (its rows below it) is no row without values.
        waiting[:] = [p for p in waiting if p.placed or p.own or p.after or not p.group]
        doubtful = values_first or (not aligned and any(not (p.placed or p.own or p.after) for p in waiting))
        for i, found in enumerate(waiting):
            if found.placed:
                continue
            following = waiting[i + 1] if i + 1 < len(waiting) else None
            # Values after a label could be the next label's printed before it, or the label
            # before's: they are this label's when the table prints its rows in order, or when
            # no label of the block is left without values and the next label has its own.
            # (Placed on the text's printing order alone, a row says so: basis order.)
            local = not doubtful and (following is None or bool(following.own or following.after))
            gaps = aligned and not values_first  # a label with no value is then a blank row
            _put_pending(grid, found, columns_of(found.row) or (), confirm, local or in_order, local, gaps)
        waiting.clear()
        values_first = False

    shapes = shapes if shapes is not None else row_shapes(region.rows, region.table, columns_of)
    for index, (matched, shape) in enumerate(zip(region.rows, shapes, strict=True)):
        positions.see(matched)
        broken = matched.row.bounds == "words" and any(t.kind == "broken" for t in matched.row.tokens)
        if broken and pending is not None:
            pending.broken = True
        if shape.caption:
            resolve()
        if not shape.segments:
            values = [v for v in shape.lead if v.kind == "value"]
            suspect = suspect or broken
            if not values:
                if pending is not None and pending.after and _continues(pending.key, _unknown_words(matched)):
                    pending.sandwiched = True  # the label's wrapped tail after its values
                continue
            stray = stray or pending is None or bool(pending.own or pending.after)
            raw = " ".join(v.text.strip() for v in values)
            words = _unknown_words(matched)
            after_words = f"values after words that name no row of the table ({words}: {raw})"
            if pending is not None and pending.sandwiched and matched.row.apart and not words:
                # The label's cell ended with its tail: values placed by height after it are not its.
                flush()
            if words and matched.row.own_label:
                # A row the reader found whole between two others (a crawler page's): its words are
                # its own unknown label, not the tail of the label waiting for values.
                grid.unplaced(after_words, shape.line)
            elif pending is not None:
                pending.after.append(values)
                pending.apart = pending.apart or matched.row.apart
            elif not shape.labelled:
                values_first = values_first or not waiting
                if matched.row.apart and not words:
                    # A row placed by height is the line above's or below's. No label above waits
                    # for values (each was printed whole, or it is the header): the label right
                    # below, if it has no value, owns it.
                    unheld()
                    held = (values, shape.line, index)
                else:
                    grid.unplaced(after_words if words else f"values with no row label ({raw})", shape.line)
            elif not _is_header(matched, region.table):
                # A group's label and words the templates do not know, then values: the row's own
                # label is unknown. Said, never dropped unseen. (A header line's years, `本年增/减（指
                # 2019 年增加或减少`, are header words.)
                grid.unplaced(f"values after a label that names no row of the table ({raw})", shape.line)
            continue
        segment = shape.segments[-1]
        values = list(segment.values)
        columns = columns_of(segment.anchor.id) or ()
        printed = sum(v.kind == "value" for v in values)
        # (Right under the values: any line between could be the label they belong to.)
        below = held is not None and held[2] == index - 1
        if held is not None and below and pending is None and not values and len(held[0]) == len(columns):
            # Printed above its label (a tall label cell, values at its middle): basis order.
            waiting.append(_Pending(segment.anchor.id, shape.line, held[0], placed=True))
            grid.place(segment.anchor.id, columns, held[0], basis="order")
            held = None
            continue
        unheld()
        if any(v.wrapped for v in values):
            # Numbers wrapped around the row's line: the identities settle their columns, if any.
            flush()
            waiting.append(_Pending(segment.anchor.id, shape.line, values, placed=True))
            put_wrapped(grid, segment.anchor.id, columns, values, shape.line)
            continue
        if segment.bounds == "words" and (printed < len(columns) or suspect or broken):
            unfilled = pending is not None and not pending.own and not pending.after
            if not printed and unfilled and pending is not None and group_of(pending.row) in segment.groups:
                continue  # the group label centred among its rows (PDF) takes none of theirs
            flush()
            beside = [v for v in values if v.kind == "value"]
            pending = _Pending(segment.anchor.id, shape.line, beside, key=segment.anchor.key)
            pending.broken = suspect or broken
            pending.group = bool(segment.groups)
            pending.after_stray, stray = stray, False
            suspect = False
            continue
        if not printed and not values:
            flush()
            pending = _Pending(segment.anchor.id, shape.line, key=segment.anchor.key, after_stray=stray)
            stray = False
            continue
        stray = False
        flush()
        waiting.append(_Pending(segment.anchor.id, shape.line, values, placed=True))
        where = (positions, matched.row.width) if matched.row.width is not None else None
        put_row(grid, segment.anchor.id, columns, values, shape.line, segment.bounds == "fused", where)
    resolve()


def _unknown_words(row: MatchedRow) -> str:
    """The words of a row that match no label: what the reader is shown of an unknown row."""
    return " ".join(m.token.text.strip() for m in row.matches if m.token.kind == "text" and not m.entries)


def _continues(key: str, words: str) -> bool:
    """True when the last words are a later part of the label (`益` of 保护第三方合法权益), not a
    label's start; a piece of the group label may stand before them (`法提供 另行制作`), or run
    into the label's last characters (`不予处请`: 不予处理's piece, then 请 ending 信访举报投诉类申请)."""
    tail = key_of(words.split()[-1]) if words.strip() else ""
    if not tail or key.startswith(tail):
        return False
    return tail in key or any(key.endswith(tail[-k:]) for k in range(1, len(tail)))


def _is_header(row: MatchedRow, table: str) -> bool:
    """True when the row names a column, a column group or the header: a header line of the table."""
    kinds = {e.kind for m in row.matches for e in m.entries if e.table == table}
    return bool(kinds & {"column", "column_group", "header", "caption"})


def row_total_holds(values: Sequence[Token]) -> bool:
    """总计 (the last value) = the sum of the others, every one printed: a number, or a none mark
    counting as nothing (table 三, §1.6)."""
    return total_holds([as_evidence(read_cell(v.text, v.line)) for v in values])


def _put_pending(
    grid: Grid,
    pending: _Pending,
    columns: tuple[str, ...],
    confirm: Callable[[str, list[Token]], bool],
    own: bool = True,
    local: bool = True,
    aligned: bool = False,
) -> None:
    """A label's values gathered from the lines after it, placed only in the shapes PDF text shows.

    - the whole row on the line after the label (a wrapped label, pdftotext -raw, pdfplumber);
    - the row's values on lines after the label, one per line (plain pdftotext) or some lines
      holding several (a wrapped number's lines among the others, pdftotext -raw), the first maybe
      beside the label: placed by printed order (basis order) only if the row's identity holds
      (table 三's row total), since a blank cell leaves no trace there and the next row's values
      could fill the gap.
    A number printed broken nearby, or any other shape, places nothing; nor does a label whose
    values after it may be another label's (`own` false: see assemble_rows). Values that only the
    text's printing order gives this label (`local` false) carry basis order. In aligned text
    a label with no value anywhere is a blank row.
    """
    n = len(columns)
    gathered = pending.own + [v for line in pending.after for v in line]
    shown = " ".join(v.text.strip() for v in gathered)
    if pending.broken:
        grid.unplaced(
            f"{pending.row}: a number printed broken across lines near this row ({shown})", pending.line
        )
        return
    if not pending.after:
        if pending.own:
            put_row(grid, pending.row, columns, pending.own, pending.line)
        elif aligned and not pending.after_stray:
            # Printed with no value anywhere, in text that keeps each blank cell's place as a gap.
            grid.place(pending.row, columns, [Token("empty", "", pending.line)] * n)
        return
    whole_line = not pending.own and len(pending.after) == 1 and len(pending.after[0]) == n
    # A values line placed by height between two labels may be either one's: only the label's
    # own wrapped words after it (values inside its cell) settle that it is this label's.
    if whole_line and ((own and not pending.apart) or pending.sandwiched):
        grid.place(pending.row, columns, pending.after[0], basis=None if local else "order")
        return
    # Values one per line, or in several lines (a wrapped number's line between the row's others,
    # pdftotext -raw: `2,901` / `358 0 24 30 0` / `3,313`), read in printed order.
    if len(pending.own) <= 1 and len(gathered) == n and own and confirm(pending.row, gathered):
        grid.place(pending.row, columns, gathered, basis="order")
        return
    # More values than columns, lines of lone numbers among them (`178` / `8`): numbers a narrow
    # cell wrapped, if joining them leaves one reading the identities accept (resolve.py).
    lines = [pending.own, *pending.after] if pending.own else pending.after
    readings = joined_readings(lines, n) if own else []
    if readings:
        chunks = tuple(clean(v.text) for v in gathered)
        grid.fused.append(FusedRun(pending.row, columns, chunks, pending.line, tuple(readings)))
        return
    grid.unplaced(
        f"{pending.row}: {len(gathered)} values printed apart from the label for {n} columns ({shown})",
        pending.line,
    )
