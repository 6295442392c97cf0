"""Step 4 for table 四 in PDF text: groups read in printed order about the next section's heading.

Plain pdftotext may print the next section's heading, its numeral with it, among table 四's values
(`/` … `2` / `5、 存在的主要问题及改进情况` / `/` / `2`: a review's Chromium PDF, seed 20268813
r076): the reading order went through another block there, and a group's values on either side of
it need not be in their columns' order, its total still holding (drawn.THROUGH_HEADING).
"""

from __future__ import annotations

from collections.abc import Sequence

from .drawn import THROUGH_HEADING, cells_alike
from .grid import Grid

__all__ = ["say_groups_about_a_heading"]


def say_groups_about_a_heading(grid: Grid, groups: Sequence[str], headings: frozenset[int]) -> None:
    """Say, and take off the grid, each group read in printed order whose values stand about a
    section's heading, some before it and some after, and are not all alike (drawn.THROUGH_HEADING)."""
    for group in groups:
        cells = grid.rows.get(group, {})
        lines = [c.line for c in cells.values() if c.line is not None]
        ordered = any(c.basis == "order" for c in cells.values())
        about = bool(lines) and any(min(lines) < h < max(lines) for h in headings)
        if ordered and about and not cells_alike(cells.values()):
            grid.take_back(group, THROUGH_HEADING)
