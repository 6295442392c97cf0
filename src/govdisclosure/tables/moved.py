"""Step 4b: table 三's values in printed order but one, printed apart from its row.

Plain pdftotext prints the cells of a Chromium PDF's table 三 row after row, but now and then one
cell of 二、上年结转 (its first column or its 总计) comes out rows away from its row, beside another
row's label (`1.信访举报投诉类申请` / `54` / `2.重复申请`, 54 being 二's 总计: committed corpus r013;
25 of the 155 tables of reports printing every cell in the committed and four held-out corpora).
Cut into rows as printed, every row from that row to where its value stands breaks its row total.

A move takes one value from where it stands and puts it elsewhere in the printed order. The
readings here try moves only where the printed order breaks a row total, and give those after
which every row's total holds (`_moves`), each saying whether its order could be a report's own
slip (`_a_report_s_own`). Their callers (detached.py, balanced.py) take a move only where it is the
one reading on which every identity of the table holds (a slip's reading counts as a rival) and
it is no slip.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence

from ..identities import applications_hold, as_evidence, held_identities, total_holds
from ..layout import Token
from ..model import Cell
from ..templates import Template
from ..values import clean, read_cell
from .drawn import mixes_wu
from .runs import ValueRun

__all__ = [
    "every_identity_holds",
    "identities_kept",
    "moved_runs",
    "one_move_mends",
    "one_moved",
    "said_moved",
]


def _cells(template: Template, rows: Mapping[str, Sequence[Token]]) -> dict[str, dict[str, Cell]]:
    """The rows' printed values read as cells of table 三's columns."""
    columns = template.applications.value_columns
    return {
        row: {
            column: read_cell(token.text, token.line) for column, token in zip(columns, tokens, strict=True)
        }
        for row, tokens in rows.items()
    }


def every_identity_holds(template: Template, rows: Mapping[str, Sequence[Token]]) -> bool:
    """Every identity of table 三 holds on these rows, whose values worth nothing print one way."""
    cells = _cells(template, rows)
    zero_marks = {clean(c.raw) for row in cells.values() for c in row.values() if as_evidence(c) == 0}
    return len(zero_marks) <= 1 and applications_hold(template, cells)


def identities_kept(template: Template, rows: Mapping[str, Sequence[Token]]) -> frozenset[str]:
    """The names of table 三's identities that hold on these rows' printed values."""
    return held_identities(template, _cells(template, rows))


def said_moved(rows: Mapping[str, Sequence[Token]], columns: Sequence[str], value: Token) -> str:
    """What a reading's note adds for the value it moved: the cell it was read into."""
    row, column = next(
        (row, column)
        for row, tokens in rows.items()
        for column, token in zip(columns, tokens, strict=True)
        if token is value
    )
    return (
        f"; but for one value printed apart from its row, which only as {row}'s {column} "
        f"({value.text.strip()}, line {value.line}) lets every identity hold"
    )


def _a_report_s_own(texts: Sequence[str], order: Sequence[int], width: int) -> bool:
    """True where the order differs from the printed one as a report's own slip could: two cells
    swapped (a value typed in another cell, the one it belongs in left 0), or cells of one row
    shifted along it (a row typed a column off). Such a report breaks its identities as printed,
    and reading it moved would mend the report: the move is a tool's only where it is no such slip."""
    changed = [i for i, k in enumerate(order) if texts[k] != texts[i]]
    return len(changed) <= 2 or changed[0] // width == changed[-1] // width


def _moves(
    values: Sequence[Token], width: int, sources: Sequence[bool] | None = None
) -> Iterator[tuple[int, int, list[int], bool]]:
    """Every order of the values (as indices into them) with one value moved in which every row's
    total holds, with where the value moved stood and where it stands now, and whether the order
    could be a report's own slip (`_a_report_s_own`); none where the printed order holds them all.
    A slip's order is still given: it is a reading the text allows, so a rival to any other."""
    numbers = [as_evidence(read_cell(v.text, v.line)) for v in values]
    texts = [v.text.strip() for v in values]
    count = len(values)
    broken = [r for r in range(count // width) if not total_holds(numbers[r * width : (r + 1) * width])]
    if not broken or count % width:
        return
    # A value that is no whole number as NaN, so a row holding one never sums to its total (table 三
    # counts; a fraction there is no count, and exact sums of whole numbers need no Decimal).
    wholes: list[float] = [n if isinstance(n, int) else math.nan for n in numbers]
    for source in range(count):
        if sources is not None and not sources[source]:
            continue  # (it moves as the value before it would)
        for target in range(count):
            low, high = (source, target) if source < target else (target, source)
            # Rows outside the span the move shifts keep their values: every broken row must lie in it.
            if source == target or low // width > broken[0] or high // width < broken[-1]:
                continue
            start = low // width * width
            span = wholes[start : (high // width + 1) * width]
            span.insert(target - start, span.pop(source - start))
            if all(sum(span[k : k + width - 1]) == span[k + width - 1] for k in range(0, len(span), width)):
                order = list(range(count))
                del order[source]
                order.insert(target, source)
                yield source, target, order, _a_report_s_own(texts, order, width)


def one_move_mends(rows: Mapping[str, Sequence[Token]], width: int) -> bool:
    """True where rows cut from the printed order break a row total that one value moved would
    make hold. A tool's move shifts every row between where the value stood and where it stands;
    a report's own slip may break its rows the same way (a row typed a column off, a value typed
    in another row's cell), and a move among values printed alike can look like either: the text
    does not say which, so rows cut as printed are no reading there."""
    values = [token for tokens in rows.values() for token in tokens]
    return next(_moves(values, width), None) is not None


def one_moved(values: Sequence[Token], width: int) -> list[tuple[tuple[Token, ...], Token, bool]]:
    """Every order of the values with one moved in which every row's total holds, with the value
    moved and whether the order could be a report's own slip: one per distinct sequence of texts;
    none where 无 stands among other values (drawn.mixes_wu): a PDF's reading order moves 无, so
    values out of place there need not be one value moved (a review's LibreOffice PDF, 19 px type:
    二's 8 … 8 printed around 一's 无s, read as 一's with one 8 moved)."""
    if mixes_wu(values):
        return []
    found: dict[tuple[str, ...], tuple[tuple[Token, ...], Token, bool]] = {}
    texts = [v.text.strip() for v in values]
    # A value moves as the one before it would where both print the same.
    first = [i == 0 or texts[i - 1] != texts[i] for i in range(len(values))]
    for source, _, order, slip in _moves(values, width, first):
        found.setdefault(
            tuple(texts[i] for i in order), (tuple(values[i] for i in order), values[source], slip)
        )
    return list(found.values())


def _dropped(runs: list[ValueRun], k: int) -> None:
    """Run k, emptied by the move, taken out: the labels around it go to the runs beside it."""
    gone = runs.pop(k)
    if k < len(runs):
        gap = (runs[k - 1].after if k else ()) + gone.after
        before = gap[-1] if gap else (frozenset() if k else gone.before)
        runs[k] = runs[k]._replace(before=before, interrupted=runs[k].interrupted or gone.interrupted)
    if k:
        runs[k - 1] = runs[k - 1]._replace(after=runs[k - 1].after + gone.after)


def _landed(
    runs: Sequence[ValueRun], k: int, value: Token, where: str, after: Token | None
) -> list[ValueRun]:
    """The runs with `value` put into run k: after the value `after` of it (`in`), first (`start`),
    last (`end`); or on its own after run k, before the labels that follow it (`after`) or after
    them (`before`)."""
    out = list(runs)
    run = runs[k]
    if where == "in":
        at = next(i + 1 for i, v in enumerate(run.values) if v is after)
        out[k] = run._replace(values=(*run.values[:at], value, *run.values[at:]))
    elif where == "start":
        out[k] = run._replace(values=(value, *run.values))
    elif where == "end":
        out[k] = run._replace(values=(*run.values, value))
    elif where == "after":
        out[k] = run._replace(after=())
        out.insert(k + 1, ValueRun((value,), frozenset(), run.after))
    else:
        label = run.after[-1] if run.after else frozenset()
        out.insert(k + 1, ValueRun((value,), label, ()))
        if k + 2 < len(out):
            out[k + 2] = out[k + 2]._replace(before=frozenset())
    return out


def _alike(
    runs: Sequence[ValueRun],
    home: Sequence[int],
    values: Sequence[Token],
    a: int,
    b: int,
    texts: Mapping[int, str],
) -> bool:
    """True where taking away value b leaves the runs taking away value a (just before it) would:
    the same text, in one run, or each alone in a run with no label or other words around."""
    if texts[id(values[a])] != texts[id(values[b])]:
        return False
    if home[a] == home[b]:
        return True
    one, two = runs[home[a]], runs[home[b]]
    return (
        all(len(r.values) == 1 and not r.after and not r.interrupted for r in (one, two)) and not two.before
    )


_Shape = tuple[frozenset[str], tuple[str, ...], tuple[frozenset[str], ...]]


def _shape(run: ValueRun, texts: Mapping[int, str]) -> _Shape:
    """A run as the decodings see it: its labels and its values' texts."""
    return run.before, tuple(texts[id(t)] for t in run.values), run.after


def moved_runs(runs: Sequence[ValueRun], width: int) -> Iterator[tuple[list[ValueRun], Token, bool]]:
    """The runs with one value moved, every way that makes every row's total hold, with the value
    moved and whether the order could be a report's own slip. Where it lands inside a run it joins
    it; between two runs it may end the first, begin the second, or stand on its own before or
    after the labels between them. None where 无 stands among other values (drawn.mixes_wu)."""
    values = [v for run in runs for v in run.values]
    if mixes_wu(values):
        return
    home = [k for k, run in enumerate(runs) for _ in run.values]
    texts = {id(v): v.text.strip() for v in values}
    # Each run as its labels and texts, for the runs a move leaves as they were (most of them).
    shapes = {id(run): _shape(run, texts) for run in runs}
    seen: set[tuple[_Shape, ...]] = set()
    first = [i == 0 or not _alike(runs, home, values, i - 1, i, texts) for i in range(len(values))]
    for source, at, order, slip in _moves(values, width, first):
        value = values[source]
        # The runs without the value moved.
        kept = list(runs)
        own = runs[home[source]]
        kept[home[source]] = own._replace(values=tuple(v for v in own.values if v is not value))
        # The runs of the values it lands between (one of them where it lands first or last).
        left = order[at - 1] if at else None
        right = order[at + 1] if at + 1 < len(order) else None
        landings: list[tuple[int, str]] = []
        if left is not None and right is not None and home[left] == home[right]:
            landings = [(home[left], "in")]
        else:
            if left is not None:
                landings += [(home[left], where) for where in ("end", "after", "before")]
            if right is not None:
                landings.append((home[right], "start"))
        for k, where in landings:
            placed = _landed(kept, k, value, where, values[left] if left is not None else None)
            for i in reversed(range(len(placed))):
                if not placed[i].values:
                    _dropped(placed, i)
            key = tuple(shapes[id(r)] if id(r) in shapes else _shape(r, texts) for r in placed)
            if key not in seen:
                seen.add(key)
                yield placed, value, slip
