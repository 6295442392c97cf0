"""Step 4 for tables 二 and 三: what a line of a table's header words shows the placement.

A header line is no row, but PDF text prints one among the rows: a block's header after the next
block's label (pdfminer), or a header printed again under a row, its notes' years read as values.
"""

from __future__ import annotations

from .regions import MatchedRow, MatchedToken

__all__ = ["columns_named", "named_by", "values_in_header"]


def named_by(match: MatchedToken, table: str) -> list[str]:
    """The columns of `table` one header cell names, in its entries' order."""
    return [e.id for e in match.entries if e.table == table and e.kind == "column"]


def columns_named(row: MatchedRow, table: str) -> set[str]:
    """The columns of `table` the row's header cells name."""
    return {c for m in row.matches for c in named_by(m, table)}


def values_in_header(row: MatchedRow, table: str) -> bool:
    """True when the row opens with the table's header words and prints values between words:
    a column label's note (`信息内容上一年项目数量（指 2018 年事项数）本年增 / 减（指 2019 年…`)."""
    first = row.matches[0] if row.matches else None
    if first is None or not any(e.table == table and e.kind in ("header", "column") for e in first.entries):
        return False
    kinds = [m.token.kind for m in row.matches]
    return any(k == "value" and "text" in kinds[i + 1 :] for i, k in enumerate(kinds))
