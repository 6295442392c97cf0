"""Step 2 for the outline, before the classifier: headings whose numeral a PDF printed apart, joined back."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..normalize import Line
from .config import SectionsConfig
from .heading import read_heading, section_kind
from .text import clean_line

__all__ = ["numerals_apart"]

# A heading's numeral a PDF printed on a line of its own, after its title (`、 总体情况` / `1`).
_LONE_NUMERAL = regex.compile(r"^\s*+(?P<numeral>[1-9]|[一二三四五六])\s*+$")


def numerals_apart(lines: Sequence[Line], config: SectionsConfig) -> tuple[list[Line], set[int]]:
    """Headings whose numeral a PDF printed on the next line, joined back: `、 总体情况` / `1`.

    A browser's PDF draws an arabic `1、` in another font than its title, and text extraction puts
    the digit on a line of its own after the title. Joined only when the line opens with 、, reads
    as one of the six canonical titles, and the next line holds that numeral alone.
    """
    out = list(lines)
    moved: set[int] = set()
    for i in range(len(out) - 1):
        line, after = out[i], out[i + 1]
        # A lone numeral is one character once stripped: most lines are longer or blank, and a
        # length test spares them the pattern (str.strip and the pattern's \s agree on normalized text).
        if len(after.text.strip()) != 1:
            continue
        numeral = _LONE_NUMERAL.match(after.text)
        if numeral is None:
            continue  # the common case: no line is cleaned for it
        raw = clean_line(line.raw).strip()
        if not raw.startswith("、"):
            continue
        heading = read_heading(raw, config)
        if heading is None or heading.marker is not None or section_kind(heading.title, config) is None:
            continue
        joined = numeral["numeral"] + raw
        out[i] = line._replace(raw=joined, text=numeral["numeral"] + line.text.strip())
        moved.add(after.number)
    return out, moved
