"""Layout reader D's rows a text cleaner joined into one line, cut back into rows (docs/flattening.md).

A pipeline that joins a paragraph's lines (PDF text "reflowed") joins a markdown table's rows too:
`| h | h |` / `|---|---|` / `| 1 | 2 |` becomes `| h | h | | --- | --- | | 1 | 2 |`. The separator
row still says how wide a row is, and the join leaves one empty cell between two rows.
"""

from __future__ import annotations

import regex

__all__ = ["RULE_CELL", "unjoined"]


# A cell of a markdown table's separator row, found inside a line (`| --- | :---: |`).
RULE_CELL = regex.compile(r"^\s*+:?+-{3,}+:?+\s*+$")


def unjoined(cells: list[str]) -> list[list[str]]:
    """A line's cells as the rows they are: one row, or, where the line holds a table's rows joined
    (`| h | h | | --- | --- | | 1 | 2 |`: a separator row between two empty cells the join left),
    those rows cut at every such cell, each as wide as the separator row. Rows joined that do not
    cut that way give no row: which cells were a row's is not shown. (`| 行政许可 | --- | --- |`,
    dashes printed for none, is one row.)"""
    start = next((i for i, cell in enumerate(cells) if RULE_CELL.match(cell)), None)
    if start is None:
        return [cells]
    width = 0
    while start + width < len(cells) and RULE_CELL.match(cells[start + width]):
        width += 1
    end, period = start + width, width + 1
    between = (start == 0 or not cells[start - 1].strip()) and end < len(cells) and not cells[end].strip()
    if width < 2 or not between:
        return [cells]
    if start % period or (len(cells) + 1) % period or any(c.strip() for c in cells[width::period]):
        return []
    rows = [cells[i : i + width] for i in range(0, len(cells), period)]
    return [row for row in rows if not all(RULE_CELL.match(cell) for cell in row)]
