"""Step 3 for the outline: each heading's depth from its style's rank in the document (FORMAT.md §2.1).

Depth is not a fixed table: the first style seen opens depth 1, a new style nests under the
heading above it, and a style seen before returns to that heading's depth. Two real-world
habits are honoured: a plain style standing in for another at the same depth when its number
continues the sequence (seed 003: 1、 二、 3、 四、; seed 002: 四、 5、), and 一、 never sitting
under （一） or 1、 (seed 000 lost 一、 but kept 四、).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Marker, MarkerStyle

__all__ = ["MAX_DEPTH", "assign_depths"]

#: The grammar's deepest heading token (H4); deeper headings stay at this depth.
MAX_DEPTH = 4
# The conventional order of styles, used only to refuse nesting 一、 under （一）.
_RANK: dict[MarkerStyle, int] = {
    "cjk": 0,
    "cjk_paren": 1,
    "arabic": 2,
    "arabic_paren": 3,
    "circled": 4,
    "ordinal_phrase": 5,
}
_FAMILY: dict[MarkerStyle, str] = {
    "cjk": "plain",
    "arabic": "plain",
    "cjk_paren": "paren",
    "arabic_paren": "paren",
    "circled": "circled",
    "ordinal_phrase": "phrase",
}


class _Open:
    """A heading still open on the stack: the styles its depth has used, its style and number."""

    # A plain class, not attrs: an attrs class costs ~2.6 million instructions to define at import.
    __slots__ = ("ordinal", "style", "styles")

    def __init__(self, styles: set[MarkerStyle], style: MarkerStyle, ordinal: int) -> None:
        self.styles = styles
        self.style = style
        self.ordinal = ordinal


def _rank(entry: _Open, depth: int) -> int:
    # A plain style at the top stands for 一、 whatever digits it prints (seed 003's 1、 总体情况).
    if depth == 1 and all(_FAMILY[s] == "plain" for s in entry.styles):
        return 0
    return min(_RANK[s] for s in entry.styles)


def _sibling_of(stack: list[_Open], marker: Marker) -> int | None:
    """The stack index this heading continues at the same depth, or None to nest it."""
    style, ordinal = marker.style, marker.ordinal
    for i in range(len(stack) - 1, -1, -1):
        entry = stack[i]
        if style in entry.styles:
            # 1、 after 四、 restarts a numbering one level down, unless 1、 itself is the open style.
            if ordinal == 1 and entry.ordinal >= 2 and entry.style != style:
                return None
            return i
    for i in range(len(stack) - 1, -1, -1):
        entry = stack[i]
        if ordinal >= 2 and entry.ordinal == ordinal - 1 and _FAMILY[entry.style] == _FAMILY[style]:
            return i
    return None


def assign_depths(markers: Sequence[Marker | None]) -> list[int]:
    """The depth (1 = top level) of each heading, given its marker (None for a bare canonical title)."""
    stack: list[_Open] = []
    depths: list[int] = []
    for marker in markers:
        if marker is None:
            stack = [_Open({"cjk"}, "cjk", 0)]
            depths.append(1)
            continue
        index = _sibling_of(stack, marker)
        if index is not None:
            styles = stack[index].styles | {marker.style}
            del stack[index:]
        else:
            while stack and _RANK[marker.style] <= _rank(stack[-1], len(stack)):
                stack.pop()
            styles = {marker.style}
        stack.append(_Open(styles, marker.style, marker.ordinal))
        depths.append(min(len(stack), MAX_DEPTH))
    return depths
