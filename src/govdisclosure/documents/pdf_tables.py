"""PDF tables from their ruling lines (lattice): a page's rules -> pdfplumber's cells, with their text.

1. Rules: the page's visible (documents/pdf_page.py: not white), axis-parallel strokes. WPS
   fills every cell (and every paragraph of a page) with white rectangles and draws the borders
   as lines; Chromium draws borders as thin black filled rectangles; LibreOffice as grey lines.
   So a rule is a line, a stroked rectangle's side, or a filled shape at most `RULE_THICKNESS`
   thick — never a large filled area (cell shading, which borders already bound).
2. pdfplumber's table geometry (what its `TableFinder` does with explicit edges) snaps, joins
   and intersects them into cells (the smallest ruled rectangles) and groups touching cells
   into tables.
   Chromium leaves a table a page break cuts open (no rule at the break): closing rules are
   added where its column rules end together (`_closing`). The work is bounded: too many rules
   and the page is read as text, rules crossing too often are no table (`MAX_CROSSINGS`).
3. Each glyph belongs to the cell holding its centre; a cell's lines are joined without a
   separator (a header printed 本年新 / 制作数量 is one label, a number wrapped 2,90 / 1 is 2,901).

documents/pdf_grid.py turns each table's cells into a grid with their spans.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import pairwise
from typing import Any

import attrs

from .pdf_page import Shape
from .pdf_text import Glyph, Line, line_text, lines_of, text_lines

__all__ = ["CellBox", "Part", "find_parts", "rules_of"]

# A filled shape thinner than this is a drawn rule (Chromium: 0.75–1 pt rectangles); wider fills
# are shading.
RULE_THICKNESS = 2.5
# A rule must be at least this long: shorter strokes are glyph parts, underlines of a digit,
# hatching (pdfplumber's edge_min_length is 3).
RULE_MIN_LENGTH = 3.0
# A segment is axis-parallel when its ends differ by at most this much across its direction.
STRAIGHT = 0.5
# pdfplumber's snap/join/intersection tolerances (its defaults, 3 pt): borders drawn as
# rectangles 1 pt wide and double strokes 1–2 pt apart become one rule; cells are ≥ 10 pt.
SNAP_TOLERANCE = 3.0
JOIN_TOLERANCE = 3.0
INTERSECTION_TOLERANCE = 3.0
# Cells smaller than this in either direction are slivers between doubled rules, not cells.
MIN_CELL = 2.0
# More rules than this on a page, once joined, are no table grid but hatching, a chart or a
# vector seal: the page is read as text. LibreOffice draws every cell side twice (614 segments
# on a page of table 三 join into 29 rules); the 131 test PDFs have at most 53 rules a page.
MAX_RULES = 600
# The crossings of rules read as tables on one page at most, groups of crossing rules taken
# smallest first (a dense chart grid beside a table is left out, the table read). The test PDFs
# have at most 235 crossings a page; pdfplumber's cell search grows with their square: 3,000
# cost 0.4 s, 5,000 0.9 s (measured on full grids).
MAX_CROSSINGS = 3000
# Segments read from one page at most (joining them is n log n).
MAX_SEGMENTS = 50_000


Box = tuple[float, float, float, float]  # x0, top, x1, bottom (points from the page's top left)


@attrs.frozen(slots=True)
class CellBox:
    """One ruled cell: its box on its page and its text."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str


@attrs.frozen(slots=True)
class Part:
    """A table as drawn on one page (a table over a page break has several parts)."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    cells: tuple[CellBox, ...]
    # Its glyphs as text lines, for ruled boxes that hold no table (a frame around text).
    lines: tuple[Line, ...]


def _edge(x0: float, top: float, x1: float, bottom: float) -> dict[str, Any] | None:
    """A pdfplumber edge dict for a straight segment, or None when it is oblique or too short."""
    if abs(top - bottom) <= STRAIGHT and x1 - x0 >= RULE_MIN_LENGTH:
        y = (top + bottom) / 2
        return {"x0": x0, "x1": x1, "top": y, "bottom": y, "doctop": y, "width": x1 - x0, "height": 0.0,
                "orientation": "h", "object_type": "rule_edge"}  # fmt: skip
    if abs(x0 - x1) <= STRAIGHT and bottom - top >= RULE_MIN_LENGTH:
        x = (x0 + x1) / 2
        return {"x0": x, "x1": x, "top": top, "bottom": bottom, "doctop": top, "width": 0.0,
                "height": bottom - top, "orientation": "v", "object_type": "rule_edge"}  # fmt: skip
    return None


def _thin_fill(shape: Shape) -> dict[str, Any] | None:
    """A filled shape drawn as a rule (thin in one direction) as one edge along its middle."""
    xs, ys = [x for x, _ in shape.points], [y for _, y in shape.points]
    x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
    # Its thin side tells its direction: a rule 1 pt wide and 4 pt long joining two rows' borders
    # is vertical, whatever the threshold.
    if bottom - top <= min(x1 - x0, RULE_THICKNESS):
        mid = (top + bottom) / 2
        return _edge(x0, mid, x1, mid)
    if x1 - x0 <= min(bottom - top, RULE_THICKNESS):
        mid = (x0 + x1) / 2
        return _edge(mid, top, mid, bottom)
    return None


def _segments(shape: Shape) -> Iterable[dict[str, Any] | None]:
    """The straight stroked segments of a subpath (a line's one segment)."""
    points = shape.points[:2] if shape.line else shape.points
    for (ax, ay), (bx, by) in pairwise(points):
        yield _edge(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def rules_of(shapes: Iterable[Shape]) -> list[dict[str, Any]]:
    """The axis-parallel rules among a page's visible subpaths, as pdfplumber edges."""
    edges: list[dict[str, Any]] = []
    for shape in shapes:
        found: Iterable[dict[str, Any] | None] = ()
        if shape.stroke:
            found = _segments(shape)
        elif shape.fill:
            found = (_thin_fill(shape),)
        edges.extend(e for e in found if e is not None)
        if len(edges) > MAX_SEGMENTS:
            break
    return edges


def _closing(vertical: list[dict[str, Any]], horizontal: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rules closing a table a page break cut open: where its columns' rules run past its last rule.

    Chromium draws no border where a page break cuts a table: the column rules end at the page's
    content box, the cells there stay open, and their text would fall out of the table. Columns
    ending (or starting) together at or beyond the outermost rule across them get a rule there.
    """
    out = []
    for key, lowest in (("bottom", True), ("top", False)):
        for group in _clusters(vertical, key):
            if len(group) < 2:
                continue
            y = sum(e[key] for e in group) / len(group)
            left, right = min(e["x0"] for e in group), max(e["x0"] for e in group)
            across = [e["top"] for e in horizontal if e["x1"] >= left and e["x0"] <= right]
            if not across:
                continue
            edge = max(across) if lowest else min(across)
            if (y >= edge - SNAP_TOLERANCE) if lowest else (y <= edge + SNAP_TOLERANCE):
                found = _edge(left, y, right, y)
                if found is not None:
                    out.append(found)
    return out


def _clusters(edges: list[dict[str, Any]], key: str) -> list[list[dict[str, Any]]]:
    """Edges grouped by one coordinate, within the snap tolerance."""
    groups: list[list[dict[str, Any]]] = []
    for edge in sorted(edges, key=lambda e: e[key]):
        if groups and edge[key] - groups[-1][-1][key] <= SNAP_TOLERANCE:
            groups[-1].append(edge)
        else:
            groups.append([edge])
    return groups


def _cells(vertical: list[dict[str, Any]], horizontal: list[dict[str, Any]]) -> list[list[Box]]:
    """pdfplumber's table geometry on explicit rules: snapped and joined, intersected, cells grouped.

    What its `TableFinder` does with the `explicit` strategies (no page needed): `merge_edges`,
    rules shorter than `RULE_MIN_LENGTH` dropped, `edges_to_intersections`,
    `intersections_to_cells`, `cells_to_tables`.
    """
    from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

    edges = merge_edges(vertical + horizontal, SNAP_TOLERANCE, SNAP_TOLERANCE, JOIN_TOLERANCE, JOIN_TOLERANCE)
    edges = [e for e in edges if (e["width"] if e["orientation"] == "h" else e["height"]) >= RULE_MIN_LENGTH]
    points = edges_to_intersections(edges, INTERSECTION_TOLERANCE, INTERSECTION_TOLERANCE)
    return [list(table) for table in cells_to_tables(intersections_to_cells(points))]


def find_parts(number: int, rules: list[dict[str, Any]], glyphs: list[Glyph]) -> list[Part]:
    """The ruled tables of one page, each cell with its text; glyphs used are removed."""
    from pdfplumber.table import merge_edges

    def merged(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
        edges = merge_edges(edges, SNAP_TOLERANCE, SNAP_TOLERANCE, JOIN_TOLERANCE, JOIN_TOLERANCE)
        return [e for e in edges if e["width"] + e["height"] >= RULE_MIN_LENGTH]

    rules = merged(rules)
    if len(rules) > MAX_RULES:
        return []  # hatching, a chart's grid, a vector seal: no table grid; the page reads as text
    vertical = [e for e in rules if e["orientation"] == "v"]
    rules = merged(rules + _closing(vertical, [e for e in rules if e["orientation"] == "h"]))
    parts = []
    for group in _crossing_groups(rules):
        vertical = [e for e in group if e["orientation"] == "v"]
        horizontal = [e for e in group if e["orientation"] == "h"]
        if len(vertical) < 2 or len(horizontal) < 2:
            continue  # pdfplumber's explicit strategy wants two rules each way
        for cells in _cells(vertical, horizontal):
            boxes: list[Box] = [
                (float(x0), float(top), float(x1), float(bottom))
                for x0, top, x1, bottom in cells
                if x1 - x0 >= MIN_CELL and bottom - top >= MIN_CELL
            ]
            if len(boxes) >= 2:
                parts.append(_part(number, boxes, glyphs))
    return sorted(parts, key=lambda part: (part.top, part.x0))


def _crosses(v: dict[str, Any], h: dict[str, Any]) -> bool:
    tolerance = INTERSECTION_TOLERANCE
    return bool(
        h["x0"] - tolerance <= v["x0"] <= h["x1"] + tolerance
        and v["top"] - tolerance <= h["top"] <= v["bottom"] + tolerance
    )


def _crossing_groups(rules: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The rules in groups that cross one another (each a table, a frame or a chart's grid).

    Groups are taken smallest first while the page's crossings stay within `MAX_CROSSINGS`:
    no table page comes near it, and pdfplumber's cell search grows with their square.
    """
    parent = list(range(len(rules)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    vertical = [i for i, e in enumerate(rules) if e["orientation"] == "v"]
    horizontal = [i for i, e in enumerate(rules) if e["orientation"] == "h"]
    pairs = [(v, h) for v in vertical for h in horizontal if _crosses(rules[v], rules[h])]
    for v, h in pairs:
        parent[root(v)] = root(h)
    crossings = Counter(root(v) for v, _ in pairs)
    groups: dict[int, list[dict[str, Any]]] = {}
    for i, edge in enumerate(rules):
        groups.setdefault(root(i), []).append(edge)
    out = []
    budget = MAX_CROSSINGS
    for key in sorted(groups, key=lambda k: crossings[k]):
        # Four crossings make the smallest cell; fewer is a lone rule or a corner.
        if 4 <= crossings[key] <= budget:
            out.append(groups[key])
            budget -= crossings[key]
    return out


def _part(number: int, boxes: list[Box], glyphs: list[Glyph]) -> Part:
    """One table's cells with the glyphs inside them (taken out of `glyphs`)."""
    x0, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, bottom = max(b[2] for b in boxes), max(b[3] for b in boxes)
    inside: list[list[Glyph]] = [[] for _ in boxes]
    rest: list[Glyph] = []
    for glyph in glyphs:
        cx, cy = glyph.cx, glyph.cy
        if x0 <= cx <= x1 and glyph.top < bottom < cy:
            # A glyph across the table's bottom rule: a row the page clipped (LibreOffice draws a
            # row too tall for the page's end over its border, held-out seed 7 r166): its cell is
            # the one it starts in.
            cy = glyph.top
        if x0 <= cx <= x1 and top <= cy <= bottom:
            for i, (a, b, c, d) in enumerate(boxes):
                if a <= cx < c and b <= cy < d:
                    inside[i].append(glyph)
                    break
            else:
                rest.append(glyph)  # on a rule or in a gap: not in a cell, read as text
        else:
            rest.append(glyph)
    glyphs[:] = rest
    cells = tuple(CellBox(*box, _cell_text(found)) for box, found in zip(boxes, inside, strict=True))
    lines = tuple(text_lines([g for found in inside for g in found], number))
    return Part(number, x0, top, x1, bottom, cells, lines)


def _cell_text(glyphs: list[Glyph]) -> str:
    """A cell's lines joined without a separator, outer spaces removed."""
    return "".join(line_text(line) for line in lines_of(glyphs)).strip()
