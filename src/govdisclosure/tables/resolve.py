"""Step 5 for tables: settle fused runs with the identities, or report them as ambiguous (§1.6, §2.2 G)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..diagnostics import CELL_AMBIGUOUS
from ..identities import as_evidence, column_identities, total_holds
from ..model import Cell, Diagnostic, Number
from ..templates import Template
from ..values import read_cell
from .fused import Split, choose, splits, total_splits
from .grid import FusedRun, Grid


def _cells(run: FusedRun, split: Split, grid: Grid) -> dict[str, Cell]:
    # The text printed these digits run together: their places come from the split (basis split).
    return {
        c: read_cell(p, run.line, grid.units.get(c), basis="split")
        for c, p in zip(run.columns, split, strict=True)
    }


def _value(part: str) -> Number | None:
    # As evidence for a placement a none mark counts as nothing (identities.as_evidence).
    return as_evidence(read_cell(part))


def _reading_total_ok(reading: Split) -> bool:
    """The row total holds on a reading (none marks counting as nothing)."""
    return total_holds([_value(part) for part in reading])


def _applications_consistent(
    grid: Grid, template: Template, runs: Mapping[str, FusedRun]
) -> Callable[[dict[str, Split]], bool]:
    """Whether a choice of splits leaves table 三's column identities (identities.py) unbroken."""
    rules = column_identities(template, {*runs, *grid.rows})

    def ok(chosen: dict[str, Split]) -> bool:
        def value(row: str, column: str) -> Number | None:
            if row in chosen:
                run = runs[row]
                return _value(chosen[row][run.columns.index(column)]) if column in run.columns else None
            cell = grid.rows.get(row, {}).get(column)
            return None if cell is None else as_evidence(cell)

        # A rule with a cell that holds no number is uncertain: it neither admits nor rules out.
        return all(rule.holds(value) is not False for rule in rules)

    return ok


def resolve_fused(grid: Grid, template: Template) -> None:
    """Split each fused run of the grid where the identities leave one split; else cell-ambiguous."""
    if not grid.fused:
        return
    runs = {run.row: run for run in grid.fused}
    grid.fused.clear()
    candidates: dict[str, list[Split]] = {}
    for key, run in runs.items():
        if run.readings is not None:
            # The layout enumerated the readings itself (floating values, layout.Token.floating).
            ok = _reading_total_ok if grid.table == "applications" else _always
            candidates[key] = [r for r in run.readings if ok(r)]
            continue
        n = len(run.columns)
        if grid.table == "applications":
            # The row's 总计 is the sum of its other cells (no money, no signed column here).
            candidates[key] = total_splits(run.chunks, n, n)
        elif grid.table == "review_litigation":
            # Each group of cells ends with its 总计.
            candidates[key] = total_splits(run.chunks, n, len(template.review_litigation.columns))
        else:
            money = [_is_money(template, grid.table, c) for c in run.columns]
            signed = [_is_signed(template, grid.table, c) for c in run.columns]
            candidates[key] = splits(run.chunks, n, money, signed)
    consistent: Callable[[dict[str, Split]], bool] = _always_map
    if grid.table == "applications":
        consistent = _applications_consistent(grid, template, runs)
    chosen = choose(candidates, consistent)
    for key, run in runs.items():
        split = chosen[key]
        if split is None:
            n = len(candidates[key])
            what = "values" if run.readings is not None else "digits"
            how = "placed" if run.readings is not None else "split"
            grid.diagnostics.append(
                Diagnostic(
                    CELL_AMBIGUOUS,
                    f"{grid.table}.{run.row}: {what} {' '.join(run.chunks)!r} {how} {n} ways "
                    f"the identities allow; no value given",
                    run.line,
                )
            )
            continue
        if key == "*":
            width = len(template.review_litigation.columns)
            for i, group in enumerate(template.review_litigation.groups):
                part = FusedRun(group, run.columns[i * width : (i + 1) * width], (), run.line)
                grid.place_cells(group, _cells(part, split[i * width : (i + 1) * width], grid))
        else:
            grid.place_cells(run.row, _cells(run, split, grid))


def _always(_: Split) -> bool:
    return True


def _always_map(_: dict[str, Split]) -> bool:
    return True


def _is_money(template: Template, table: str, column: str) -> bool:
    if table == "active_disclosure":
        spec = template.active_disclosure.columns.get(column)
        return bool(spec and spec.money)
    return False


def _is_signed(template: Template, table: str, column: str) -> bool:
    if table == "active_disclosure":
        spec = template.active_disclosure.columns.get(column)
        return bool(spec and spec.signed)
    return False
