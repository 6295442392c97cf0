"""Step 4 for table 四 (FORMAT.md §1.5): 15 values under a header, or 5 per group, or one fused run."""

from __future__ import annotations

import attrs

from ..diagnostics import TABLE_GARBLED
from ..model import Diagnostic
from ..templates import ReviewLitigationSpec
from .cells import Token
from .grid import FusedRun, Grid
from .lexicon import key_of
from .regions import Region
from .rows import fit

TABLE = "review_litigation"


@attrs.frozen
class _ValueRow:
    group: str | None
    values: tuple[Token, ...]
    line: int
    index: int
    layout: str


def assemble_review(region: Region, grid: Grid, spec: ReviewLitigationSpec) -> None:
    """Place table 四's cells; a header overwritten by numbers is reported, not guessed (§2.6)."""
    groups, columns = tuple(spec.groups), tuple(spec.columns)
    named_columns: set[str] = set()
    value_rows: list[_ValueRow] = []
    garbled_line: int | None = None
    group: str | None = None
    group_keys = {g: [key_of(s) for s in label.spellings] for g, label in spec.groups.items()}
    for index, row in enumerate(region.rows):
        labelled = [i for i, m in enumerate(row.matches) if any(e.table == TABLE for e in m.entries)]
        for i in labelled:
            entry = next(e for e in row.matches[i].entries if e.table == TABLE)
            if entry.kind == "column":
                named_columns.add(entry.id)
            elif entry.kind == "group":
                group = entry.id
        for m in row.matches:
            # "行政诉讼（未经复议直接起诉）": a group named inside a longer heading.
            text_key = key_of(m.token.text)
            named = [g for g, keys in group_keys.items() if any(k in text_key for k in keys)]
            if m.token.kind == "text" and named:
                group = max(named, key=lambda g: len(key_of(spec.groups[g].label)))
        last_label = labelled[-1] if labelled else -1
        before = [m.token for m in row.matches[: last_label + 1] if m.token.kind == "value"]
        after = tuple(m.token for m in row.matches[last_label + 1 :] if m.token.kind in ("value", "empty"))
        if before:
            garbled_line = garbled_line or row.row.line
        if any(t.kind == "value" for t in after) or len(after) >= len(columns):
            last = value_rows[-1] if value_rows else None
            if last is not None and not labelled and row.row.layout == "spaces" and last.index == index - 1:
                # One value per line (docx2txt, plain pdftotext): consecutive lines are one row.
                value_rows[-1] = _ValueRow(last.group, last.values + after, last.line, index, last.layout)
            else:
                value_rows.append(_ValueRow(group, after, row.row.line, index, row.row.layout))
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
    _place(grid, groups, columns, value_rows, keep)


def _place(
    grid: Grid, groups: tuple[str, ...], columns: tuple[str, ...], rows: list[_ValueRow], keep: set[str]
) -> None:
    width = len(columns)
    whole = [r for r in rows if fit(r.values, width * len(groups)) is not None]
    if len(whole) == 1:
        cells = fit(whole[0].values, width * len(groups)) or []
        for g, group in enumerate(groups):
            part = cells[g * width : (g + 1) * width]
            chosen = [(c, t) for c, t in zip(columns, part, strict=True) if c in keep]
            if chosen:
                grid.place(group, [c for c, _ in chosen], [t for _, t in chosen])
            for c, t in zip(columns, part, strict=True):
                if c not in keep and t.kind == "value":
                    grid.unplaced(f"{group}.{c}: header lost, value {t.text.strip()!r} not placed", t.line)
            if len(chosen) < width:
                missing = [c for c in columns if c not in keep]
                grid.unplaced(f"{group}: cells {', '.join(missing)} cannot be told apart", whole[0].line)
        return
    per_group = [r for r in rows if r.group is not None and fit(r.values, width) is not None]
    if len(per_group) == len(groups) and len({r.group for r in per_group}) == len(groups):
        for r in per_group:
            grid.place(r.group or "", columns, fit(r.values, width) or [])
        return
    values = [t for r in rows for t in r.values if t.kind == "value"]
    if (
        len(rows) == 1
        and 0 < len(values) < width * len(groups)
        and all(t.kind == "value" for t in rows[0].values)
    ):
        grid.fused.append(
            FusedRun("*", columns * len(groups), tuple(t.text.strip() for t in values), rows[0].line)
        )
        return
    if values:
        raw = " ".join(t.text.strip() for t in values)
        grid.unplaced(f"{len(values)} values in an order that cannot be placed ({raw})", rows[0].line)
