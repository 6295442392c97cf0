"""Step 4 for table 二 in PDF text: values printed after the next section's heading.

Plain pdftotext may draw a table 二 value after the next section's heading, which ends the table
in the text's order but not in the PDF's: `行政事业性收费` / `三、收到和处理政府信息公开申请情况` /
`92`, 规范性文件's 92 (行政事业性收费 blank; fresh review seed 20268816 r062-v0, Chromium's PDF,
its first block's labels wrapped around their values, so no block was seen drawn apart:
drawn.DRIFTED). With no row label between the heading and it, such a value may be any row's.
"""

from __future__ import annotations

from .grid import Grid
from .regions import Region

__all__ = ["PAST_HEADING", "say_rows_past_a_heading"]

PAST_HEADING = (
    "a value printed after the next section's heading, no row label between: in a PDF's reading "
    "order it may be any row's, drawn late"
)


def say_rows_past_a_heading(grid: Grid, region: Region) -> None:
    """Say, and take off the grid, each row with a cell printed after a section's heading inside
    the table's region and no label of the table's rows between the heading and that cell."""
    if not region.headings:
        return
    labels = [r.row.line for r in region.rows if r.names_row(region.table)]
    for row, cells in list(grid.rows.items()):
        for cell in cells.values():
            if cell.line is None:
                continue
            past = [h for h in region.headings if h < cell.line]
            if past and not any(max(past) < line < cell.line for line in labels):
                raw = " ".join(c.raw.strip() or "blank" for c in cells.values())
                del grid.rows[row]
                grid.unplaced(f"{row}: {PAST_HEADING} ({raw})", cell.line)
                break
