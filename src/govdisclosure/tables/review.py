"""Step 4 for table 四 (FORMAT.md §1.5): 15 values under a header, or 5 per group, or one fused run."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable

from ..diagnostics import TABLE_GARBLED
from ..layout import Token, printed_total_holds
from ..lexicon import key_of
from ..model import Basis, Diagnostic
from ..templates import ReviewLitigationSpec
from .drawn import all_alike, run_refused
from .drifting import in_text_boxes
from .grid import FusedRun, Grid
from .order import Order
from .place import fit
from .regions import Region
from .review_headed import BOXED, box_by_box, columns_named_before
from .review_heading import say_groups_about_a_heading
from .review_pieces import PIECES_BESIDE, beside_pieces
from .review_pipes import pipe_row, unsettled
from .review_rows import ValueRow, join_over_columns
from .review_totals import place_by_totals, refuse_order
from .spaced_digits import put_spaced_table, spaced_cells
from .stated import place_stated, stated_groups

TABLE = "review_litigation"


def assemble_review(
    region: Region,
    grid: Grid,
    spec: ReviewLitigationSpec,
    prose: Iterable[str] = (),
    order: Order = "unknown",
) -> None:
    """Place table 四's cells; a header overwritten by numbers is reported, not guessed (§2.6).

    `prose` is the report's text outside the tables: figures it states for a group (stated.py)
    may tell which printed numbers are that group's when their order cannot. `order`: the text's
    printing order (order.py); "apart", and a row of one-line text is read only as values printed
    one per line are.
    """
    groups, columns = tuple(spec.groups), tuple(spec.columns)
    named_columns: set[str] = set()
    value_rows: list[ValueRow] = []
    spaced: list[tuple[int, tuple[Token, ...]]] = []  # lines of letter-spaced digits, their values
    garbled_line: int | None = None
    group: str | None = None
    group_keys = {g: [key_of(s) for s in label.spellings] for g, label in spec.groups.items()}
    # The one header word a PDF's reading order prints among the values without going back to the
    # header's blocks (`… 0` / `总计` / `0`: the last group's 总计 cell drawn late; _join_over_columns).
    total_word = {"", *(key_of(s) for s in spec.columns[columns[-1]].label.spellings)}
    only_columns = False
    named: set[str] = set()  # groups named since the last row of values
    worded = False  # header words other than a lone 总计 since the last row of values
    headed = False  # a label of table 四's header since the last row of values
    for index, row in enumerate(region.rows):
        labelled = [i for i, m in enumerate(row.matches) if any(e.table == TABLE for e in m.entries)]
        for i in labelled:
            entry = next(e for e in row.matches[i].entries if e.table == TABLE)
            if entry.kind == "column":
                named_columns.add(entry.id)
            elif entry.kind == "group":
                group = entry.id
                named.add(group)
        for m in row.matches:
            # "行政诉讼（未经复议直接起诉）": a group named inside a longer heading.
            text_key = key_of(m.token.text)
            named_here = [g for g, keys in group_keys.items() if any(k in text_key for k in keys)]
            if m.token.kind == "text" and named_here:
                group = max(named_here, key=lambda g: len(key_of(spec.groups[g].label)))
                named.add(group)
        last_label = labelled[-1] if labelled else -1
        before = [m.token for m in row.matches[: last_label + 1] if m.token.kind == "value"]
        rest = tuple(m.token for m in row.matches[last_label + 1 :])
        after = tuple(t for t in rest if t.kind in ("value", "empty"))
        if spaced_cells(rest) is not None:
            spaced.append((row.row.line, rest))  # letter-spaced digits: `broken` tokens, no value
        if before:
            garbled_line = garbled_line or row.row.line
        if any(t.kind == "value" for t in after) or len(after) >= len(columns):
            last = value_rows[-1] if value_rows else None
            if last is not None and not labelled and row.row.bounds == "words" and last.position == index - 1:
                # One value per line (docx2txt, plain pdftotext): consecutive lines are one row;
                # two lines of pipes (markitdown on a PDF) are one row in their cells' order.
                piped = unsettled(last.values, after)
                ordered = pipe_row(last.values, after, len(columns), len(groups)) if piped else None
                unordered = piped and ordered is None
                value_rows[-1] = ValueRow(
                    last.group,
                    ordered or last.values + after,
                    last.line,
                    index,
                    last.bounds,
                    joined=True,
                    named=last.named,
                    unordered=unordered,
                    header_between=last.header_between,
                )
            else:
                unlined = order == "apart" and row.row.own_label
                value_rows.append(
                    ValueRow(
                        group,
                        after,
                        row.row.line,
                        index,
                        row.row.bounds,
                        only_columns,
                        unlined,
                        unlined,
                        frozenset(named),
                        header_between=worded and bool(value_rows),
                    )
                )
                named = set()
            only_columns, worded, headed = True, False, False
            continue
        words = "".join(key_of(m.token.text) for m in row.matches if m.token.kind == "text")
        worded = worded or words not in total_word
        headed = headed or bool(labelled or named)
        if not all(any(e.table == TABLE and e.kind == "column" for e in m.entries) for m in row.matches):
            only_columns = False
    if garbled_line is not None:
        grid.diagnostics.append(
            Diagnostic(
                TABLE_GARBLED,
                "review_litigation: numbers stand where the header's labels should be; "
                "only cells whose header survived are read",
                garbled_line,
            )
        )
    keep = named_columns if garbled_line is not None else set(columns)
    if len(spaced) == 1 and {r.line for r in value_rows} <= {spaced[0][0]} and keep == set(columns):
        # Letter-spaced digits, the table's one row of values after its whole header (spaced_digits.py).
        line, values = spaced[0]
        put_spaced_table(
            grid, columns * len(groups), len(columns), values, line, not in_text_boxes(region.rows)
        )
        return
    # (Pipe cells show their own order: review_pipes.py.)
    apart = [t for r in value_rows if r.joined for t in r.values if t.kind == "value" and not t.pipe_cell]
    refused = run_refused(region.rows, apart, grid.reading_order, not any(r.unlined for r in value_rows))
    if refused is not None:
        grid.unplaced(f"{refused} ({' '.join(t.text.strip() for t in apart)})", apart[0].line)
        return
    printed = [t for r in value_rows for t in r.values if t.kind == "value"]
    if grid.reading_order and box_by_box(region.rows, spec) and not all_alike(printed):
        grid.unplaced(f"{BOXED} ({' '.join(t.text.strip() for t in printed)})", value_rows[0].line)
        return
    headed_by = columns_named_before(region.rows, spec)
    if grid.reading_order:
        flags = beside_pieces(region, [(r.line, r.position) for r in value_rows])
        value_rows = [r._replace(beside_pieces=f) for r, f in zip(value_rows, flags, strict=True)]
    _place(grid, groups, columns, value_rows, keep, lambda: stated_groups(prose, spec), headed, headed_by)
    if grid.reading_order:
        say_groups_about_a_heading(grid, groups, region.headings)


def _place(
    grid: Grid,
    groups: tuple[str, ...],
    columns: tuple[str, ...],
    rows: list[ValueRow],
    keep: set[str],
    stated: Callable[[], dict[str, dict[str, int]]] = dict,
    trailing: bool = False,
    headed_by: dict[int, frozenset[str]] | None = None,
) -> None:
    width = len(columns)
    # Values among the header's lines (drawn.TOTAL_EARLIER): header words between runs, or labels after.
    astray = grid.reading_order and (trailing or any(r.header_between for r in rows))
    unordered = next((r for r in rows if r.unordered), None)
    if unordered is not None:
        raw = " ".join(t.text.strip() for t in unordered.values)
        grid.unplaced(
            f"values on two lines of pipes whose order no group total settles ({raw})", unordered.line
        )
        return
    whole = [r for r in rows if fit(r.values, width * len(groups)) is not None]
    if len(whole) > 1:
        # A spare row of blank cells printed under the table (a Word table's empty last row) is
        # no second printing: the one row that holds values is the table's.
        filled = [r for r in whole if any(t.kind == "value" for t in r.values)]
        whole = filled if len(filled) == 1 else whole
    if len(whole) == 1:
        cells = fit(whole[0].values, width * len(groups)) or []
        basis: Basis | None = None
        if whole[0].joined:
            if whole[0].beside_pieces:
                grid.unplaced(f"{PIECES_BESIDE} ({' '.join(t.text.strip() for t in cells)})", whole[0].line)
                return
            # Values printed one per line come in the PDF's drawing order, which need not be the
            # columns' (plain pdftotext): only the three group totals holding confirm it. A page's
            # dump (lynx) prints the page's cells in order: there a report's broken total is its own.
            if keep != set(columns) or (
                grid.reading_order
                and not all(
                    printed_total_holds(cells[g * width : (g + 1) * width]) for g in range(len(groups))
                )
            ):
                raw = " ".join(t.text.strip() for t in cells)
                grid.unplaced(
                    f"values printed one per line whose group totals do not hold ({raw})", whole[0].line
                )
                return
            basis = "order"
        for g, group in enumerate(groups):
            part = cells[g * width : (g + 1) * width]
            if basis == "order" and refuse_order(grid, group, part, not whole[0].unlined, astray):
                continue
            chosen = [(c, t) for c, t in zip(columns, part, strict=True) if c in keep]
            if chosen:
                grid.place(group, [c for c, _ in chosen], [t for _, t in chosen], basis=basis)
            for c, t in zip(columns, part, strict=True):
                if c not in keep and t.kind == "value":
                    grid.unplaced(f"{group}.{c}: header lost, value {t.text.strip()!r} not placed", t.line)
            if len(chosen) < width:
                missing = [c for c in columns if c not in keep]
                grid.unplaced(f"{group}: cells {', '.join(missing)} cannot be told apart", whole[0].line)
        for r in rows:  # values beside the table's one row (a stray line after its header): said
            if r is not whole[0] and any(t.kind == "value" for t in r.values):
                grid.unplaced(
                    f"values besides the table's row ({' '.join(t.text.strip() for t in r.values)})", r.line
                )
        return
    per_group = [r for r in rows if r.group is not None and fit(r.values, width) is not None]
    if len(per_group) == len(groups) and len({r.group for r in per_group}) == len(groups):
        for r in per_group:
            part = fit(r.values, width) or []
            # One value per line: the PDF's drawing order, checked as the joined row's above.
            if not (r.joined and refuse_order(grid, r.group or "", part, True, astray)):
                grid.place(r.group or "", columns, part, basis="order" if r.joined else None)
        return
    joined = join_over_columns(rows)
    if (
        len(joined) < len(rows)
        and len([r for r in joined if fit(r.values, width * len(groups)) is not None]) == 1
    ):
        _place(grid, groups, columns, joined, keep, trailing=trailing, headed_by=headed_by)
        return
    values = [t for r in rows for t in r.values if t.kind == "value"]
    if (
        len(rows) == 1
        and rows[0].bounds == "fused"
        and 0 < len(values) < width * len(groups)
        and all(t.kind == "value" for t in rows[0].values)
    ):
        grid.fused.append(
            FusedRun("*", columns * len(groups), tuple(t.text.strip() for t in values), rows[0].line)
        )
        return
    # A PDF's values printed among the header's rows, some missing: the reading order went back
    # and forth between the header's blocks and the values', and the missing one may be any
    # (pdfminer: `…总` / `计` / `0` / `结果 结果 其他 尚未` / … / 12 values more; held-out seed 7, r184).
    gaps = [b for a, b in itertools.pairwise(rows) if b.position - a.position > 1]
    interrupted = grid.reading_order and bool(gaps)
    if values and keep == set(columns) and not (interrupted and len(values) < width * len(groups)):
        runs = (
            [(sum(t.kind == "value" for t in r.values), r.named) for r in rows]
            if grid.reading_order
            else None
        )
        values = place_by_totals(
            grid, groups, columns, values, not any(r.unlined for r in rows), runs, astray, headed_by
        )
    if values and keep == set(columns):
        values = place_stated(
            grid, columns, [[t for t in r.values if t.kind == "value"] for r in rows], stated()
        )
    if values:
        raw = " ".join(t.text.strip() for t in values)
        grid.unplaced(f"{len(values)} values in an order that cannot be placed ({raw})", rows[0].line)
