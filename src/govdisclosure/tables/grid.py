"""The grid under construction: placed cells, fused runs waiting for a split, and diagnostics."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ..diagnostics import CELL_UNPLACED, TABLE_DUPLICATE
from ..layout import Token
from ..model import Basis, Cell, Diagnostic
from ..values import clean, read_cell
from .floating import floating_readings
from .wrapped import tail_readings


# A NamedTuple, not an attrs class: internal, and an attrs class costs ~2.6 million instructions to define
# at import (docs/performance.md); a NamedTuple a fifth of that, immutable and compared by value too.
class FusedRun(NamedTuple):
    """A row whose cells' places the identities must settle: digit runs without boundaries
    (FORMAT.md §2.2 G), or values whose columns the text does not show (numbers wrapped around the
    row's line, §2.2 C; 无 drawn on a line of their own)."""

    row: str
    columns: tuple[str, ...]
    chunks: tuple[str, ...]
    line: int
    # The readings the layout admits, when it enumerated them itself (a row with floating values,
    # layout.Token.floating), each one cell text per column; None: every split of the chunks.
    readings: tuple[tuple[str, ...], ...] | None = None


class ShortRow(NamedTuple):
    """A row printing fewer values than columns, every one a number (a text that drops blank
    cells), and the `cell-unplaced` diagnostic that says so until a later step settles part of
    it (short_rows.py). `shown`: the text shows the values to be this row's; else they are one
    row's, this one's or a neighbour's, and only show whether the table prints its totals.
    `placed`: one token per column, the row as aligned text shows it but for its last value, which
    stands in the last column there (aligned.ColumnAnchors.pick_but_last): the row, once that value
    is its 总计."""

    row: str
    columns: tuple[str, ...]
    values: tuple[Token, ...]
    said: Diagnostic
    shown: bool = True
    placed: tuple[Token, ...] | None = None


class Grid:
    """Mutable state of one table while its rows are placed; frozen into a Table at the end."""

    # A plain class, not attrs: internal and compared by identity, and an attrs class costs ~2.6
    # million instructions to define at import (docs/performance.md).
    __slots__ = (
        "aligned",
        "diagnostics",
        "fused",
        "order_doubted",
        "reading_order",
        "rows",
        "short",
        "table",
        "units",
    )

    def __init__(
        self,
        table: str,
        rows: dict[str, dict[str, Cell]] | None = None,
        diagnostics: list[Diagnostic] | None = None,
        units: dict[str, str] | None = None,
        reading_order: bool = False,
        aligned: bool = False,
    ) -> None:
        """An empty grid of a table, or one with these rows, diagnostics and column units;
        `reading_order`: cells its text prints one per line may be in a PDF's reading order
        (layout.Layout.reading_order); `aligned`: its text prints words at their columns
        (pdftotext -layout, layout.Layout.aligned)."""
        self.table = table
        self.reading_order = reading_order
        self.aligned = aligned
        self.rows: dict[str, dict[str, Cell]] = {} if rows is None else rows
        self.fused: list[FusedRun] = []
        self.short: list[ShortRow] = []
        self.diagnostics: list[Diagnostic] = [] if diagnostics is None else diagnostics
        self.units: dict[str, str] = {} if units is None else units
        # Lines of rows whose block no reading in printed order may read (detached.py): its values
        # may be a block's before (drawn.DRIFTED), or a row's be one number's pieces (aligned.PIECES_APART).
        self.order_doubted: set[int] = set()

    def has_row(self, row: str) -> bool:
        """True once a row has been placed (or is waiting as a fused run)."""
        return row in self.rows or any(f.row == row for f in self.fused)

    def place(
        self, row: str, columns: Sequence[str], tokens: Sequence[Token], basis: Basis | None = None
    ) -> None:
        """Put one token per column; a row placed twice keeps the first and says so.

        `basis` says how the places were settled when the text does not show them (SCHEMA.md).
        Tokens with floating values (layout.Token.floating) are not in column order, and tokens with
        tails under their row (layout.Token.tails) may not be whole: their readings wait for the
        identities (resolve.py), and the cells then carry basis `split`.
        """
        if any(t.floating or t.tails for t in tokens):
            self._read_later(row, columns, tokens)
            return
        units = self.units
        cells = {
            col: read_cell(tok.text, tok.line, units.get(col), basis=basis, where=tok.where)
            for col, tok in zip(columns, tokens, strict=True)
        }
        if row in self.rows:
            if {c: v.value for c, v in self.rows[row].items()} != {c: v.value for c, v in cells.items()}:
                self.diagnostics.append(
                    Diagnostic(
                        TABLE_DUPLICATE,
                        f"{self.table}.{row} printed again with other values; the first is kept",
                        tokens[0].line if tokens else None,
                    )
                )
            return
        self.rows[row] = cells

    def _read_later(self, row: str, columns: Sequence[str], tokens: Sequence[Token]) -> None:
        """Tokens not in column order (floating) or not whole (tails under the row): their readings
        wait for the identities (resolve.py)."""
        line = min(t.line for t in tokens)
        texts = tuple(clean(t.text) for t in tokens)
        if self.has_row(row):
            # Its readings would overwrite the row's cells (resolve.py): the first is kept.
            message = f"{self.table}.{row} printed again ({' '.join(texts)}); the first is kept"
            self.diagnostics.append(Diagnostic(TABLE_DUPLICATE, message, line))
            return
        if len(tokens) != len(columns) or any(t.kind != "value" for t in tokens):
            shown = " ".join(texts)
            self.unplaced(
                f"{row}: {len(tokens)} values, some in columns the text does not show, "
                f"for {len(columns)} columns ({shown})",
                line,
            )
            return
        # (A row has floating values or tails, never both: layout/wrapped.py gives no floating row tails.)
        tails = next((t.tails for t in tokens if t.tails), ())
        if tails and self.table != "applications":
            # No identity to tell which of them the tails continue, or whether any does.
            shown = " ".join(texts)
            self.unplaced(
                f"{row}: digits printed under its values may continue them ({shown} / {' '.join(tails)})",
                line,
            )
            return
        if tails:
            readings = tail_readings(texts, tails)
        else:
            readings = floating_readings(tokens, len(columns), self.aligned)
        self.fused.append(FusedRun(row, tuple(columns), texts, line, readings))

    def place_cells(self, row: str, cells: dict[str, Cell]) -> None:
        """Put already-read cells (from a fused-run split)."""
        self.rows.setdefault(row, {}).update(cells)

    def has_unplaced(self) -> bool:
        """True when some values were recorded as not placed with certainty."""
        return any(d.code == CELL_UNPLACED for d in self.diagnostics)

    def unplaced(self, message: str, line: int | None) -> Diagnostic:
        """Record values that could not be put on the grid with certainty; the diagnostic saying so."""
        said = Diagnostic(CELL_UNPLACED, f"{self.table}: {message}", line)
        self.diagnostics.append(said)
        return said

    def unplaced_row(self, row: str, reason: str, values: Sequence[Token], line: int | None) -> Diagnostic:
        """Record a row's values left off the grid for `reason`, shown as printed; the diagnostic."""
        shown = " ".join(v.text.strip() for v in values)
        return self.unplaced(f"{row}: {reason} ({shown})", line)

    def take_back(self, row: str, reason: str) -> Diagnostic:
        """Take a placed row off the grid for `reason`, its cells shown as printed at its first
        line; the diagnostic saying so."""
        cells = self.rows.pop(row)
        shown = " ".join(c.raw.strip() for c in cells.values())
        return self.unplaced(
            f"{row}: {reason} ({shown})",
            min((c.line for c in cells.values() if c.line is not None), default=None),
        )

    def withdraw(self, said: Diagnostic) -> None:
        """Drop a diagnostic of this grid that a later step settled whole (ValueError if it has none such)."""
        self.diagnostics.remove(said)

    def amend(self, said: Diagnostic, settled: str) -> None:
        """Add what a later step settled to a diagnostic of this grid (ValueError if it has none such)."""
        at = self.diagnostics.index(said)
        self.diagnostics[at] = Diagnostic(said.code, f"{said.message}: {settled}", said.line)
