"""Step 4a: which template a table is read with, from the labels it prints (FORMAT.md §2.4).

Reports mix templates, so each table gets the one its own labels show: the signal labels a template
lists (table 二's headers differ between 2019 and 2021), and for table 三, whose two templates differ
only in the rows of （六）, the rows it prints.
"""

from __future__ import annotations

from ..lexicon import key_of
from ..templates import TemplateRegistry
from .grid import Grid
from .regions import Region

__all__ = ["applications_template", "say_group_read_as_row", "template_by_signals"]


def template_by_signals(region: Region, registry: TemplateRegistry) -> str | None:
    """The template whose signal labels the table prints most; None on a tie or no signal."""
    text = "".join(key_of(m.token.text) for r in region.rows for m in r.matches if m.token.kind == "text")
    hits = {t.name: sum(1 for s in t.signals if key_of(s) in text) for t in registry}
    best = max(hits.values(), default=0)
    winners = [name for name, n in hits.items() if n == best]
    return winners[0] if best and len(winners) == 1 else None


def applications_template(
    grid: Grid, registry: TemplateRegistry, fallback: str | None, region: Region | None = None
) -> str | None:
    """The template whose own rows the table prints, judged on the rows some template marks
    non-standard: tables 三 of 2019 and 2021 differ only there (（六）, FORMAT.md §2.4). A row
    counts when it was read, or when its label is printed though its values could not be placed."""
    present = set(grid.rows) | {f.row for f in grid.fused}
    if region is not None:
        present |= {e.id for r in region.rows for _, e in r.entries_for("applications") if e.kind == "row"}
    telling = {r.id for t in registry for r in t.applications.rows if not r.standard} & present
    scores = {
        t.name: sum(1 if r.standard else -1 for r in t.applications.rows if r.id in telling) for t in registry
    }
    best = max(scores.values(), default=0)
    winners = [n for n, s in scores.items() if s == best]
    if best > 0 and len(winners) == 1:
        return winners[0]
    return fallback


def say_group_read_as_row(grid: Grid, registry: TemplateRegistry, region: Region) -> None:
    """Say, and take off the grid, a table 三 row that is another template's group of rows the table
    prints: 2019's single row （六）其他处理 is 2021's group label over three rows, and beside them
    the values read on its line are one of theirs (a review's LibreOffice PDF, cells aligned bottom:
    `2.申请人逾期未按…申` / `（六）其他处理  1 / / / 1 / 2` / `请`, 2.'s values read as the 2019 row's).
    A row beside it read blank (its label alone in `-layout` text) may own them: said too."""
    grouped = {(r.group, r.id) for t in registry for r in t.applications.rows if r.standard and r.group}
    present = set(grid.rows) | {
        e.id for r in region.rows for _, e in r.entries_for("applications") if e.kind == "row"
    }
    for row in [r for r in grid.rows if any((r, o) in grouped for o in present)]:
        under = sorted(o for o in present if (row, o) in grouped)
        cells = grid.rows.pop(row)
        line = min((c.line for c in cells.values() if c.line), default=None)
        shown = " ".join(c.raw for c in cells.values())
        grid.unplaced(
            f"{row}: the group label of {', '.join(under)}, its values one of theirs ({shown})", line
        )
        for taken in [o for o in under if o in grid.rows]:
            if all(c.kind == "blank" for c in grid.rows[taken].values()):
                line = min((c.line for c in grid.rows.pop(taken).values() if c.line), default=None)
                grid.unplaced(f"{taken}: read blank, but the values on {row}'s line may be its own", line)
