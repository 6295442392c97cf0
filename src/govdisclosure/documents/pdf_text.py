"""PDF text by position: glyphs -> lines in reading order; page headers, footers and numbers dropped.

The glyphs are PDFium's characters (documents/pdf_page.py) with pdfminer's boxes. A glyph drawn
twice at almost the same place (fake bold: WPS and Word thicken a font that has no
bold face by printing every character again a fraction of a point to the right) is read once.
Glyphs whose vertical extents overlap form a line, read left to right; a gap wider than a
fraction of the font size, or a space glyph, separates words: kept as one space between two
words of narrow script (ASCII), dropped next to CJK, whose text has no spaces, unless the gap is
a column's (an em or more).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

import attrs
import regex

from ..values import RAISED_MARK

__all__ = ["Glyph", "Line", "dedupe", "line_text", "lines_of", "strip_margins", "text_lines"]

# Simulated bold prints a glyph again a fraction of a point away (pdfplumber's dedupe_chars takes
# 1 pt too); a real neighbour of the same character stands a glyph width away (≥ 4 pt even in
# the 8 pt digits of a narrow table cell).
DEDUPE_TOLERANCE = 1.0
# Glyphs are on one line when their vertical extents overlap by this share of the smaller one:
# a superscript or a bigger bold run-in heading stays on its line, the next line (leading ≥ 1.2
# of the size) never overlaps by more than a few percent.
LINE_OVERLAP = 0.5
# A horizontal gap wider than this share of the font size separates two words (a Latin space is
# 0.25–0.28 em; letters of one word and the digits of one number touch, gap ≈ 0).
WORD_GAP = 0.2
# A gap wider than this (in em) parts columns even next to CJK: the cells of a table drawn
# without rules (规章  0  0  0) stay apart. Justified body text (WPS, Word, LibreOffice, Chromium)
# leaves at most 0.3 em between glyphs (measured on every test PDF).
COLUMN_GAP = 1.0
# A superscript or subscript: drawn smaller than the line's glyphs (Chromium and Word draw footnote
# marks at about 0.6–0.85 of the size) and moved a quarter of their size off the baseline.
SHIFTED_SIZE = 0.9
SHIFT = 0.25
# The top and bottom share of the page where running headers, footers and page numbers stand.
# Body text reaches into it too (the WPS reports: body from 0.098 to 0.928 of the height, the
# footer - 2 - at 0.942), so a margin line is dropped only as a page number or when it repeats.
MARGIN_SHARE = 0.1
# A margin line repeating (digits aside) on this many pages is a running header or footer.
REPEATS = 2
# Page numbers as printed alone on a line: 3, -3-, - 3 -, —3—, 第 3 页, 第3页 共5页, 3/5, Page 3.
PAGE_NUMBER = regex.compile(
    r"""^[\s\-–—－_·.]*+
    (?:第\s*+\d{1,4}+\s*+页(?:\s*+[,，/]?\s*+共\s*+\d{1,4}+\s*+页)?+
      |(?:page\s*+)?\d{1,4}+(?:\s*+(?:/|of)\s*+\d{1,4}+)?+)
    [\s\-–—－_·.]*+$""",
    regex.VERBOSE | regex.IGNORECASE,
)
SPACES = frozenset(" \u00a0\u3000\t\u2002\u2003\u2009")


@attrs.frozen(slots=True)
class Glyph:
    """One drawn character: its text, box (points from the page's top left) and font size."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float

    @property
    def cx(self) -> float:
        """Horizontal centre."""
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        """Vertical centre."""
        return (self.top + self.bottom) / 2


@attrs.frozen(slots=True)
class Line:
    """One line of text outside tables: its page (1-based), vertical extent and text."""

    page: int
    top: float
    bottom: float
    text: str


def dedupe(glyphs: Sequence[Glyph], tolerance: float = DEDUPE_TOLERANCE) -> list[Glyph]:
    """The glyphs without repeats of the same character at (almost) the same place, in order.

    Linear time (pdfplumber's `dedupe_chars` sorts by `list.index`, quadratic): each glyph is
    looked up among the kept ones in its own and the neighbouring buckets of a grid.
    """
    kept: list[Glyph] = []
    buckets: dict[tuple[str, int, int], list[Glyph]] = {}
    for glyph in glyphs:
        if glyph.text in SPACES:
            kept.append(glyph)
            continue
        bx, by = int(glyph.x0 // tolerance), int(glyph.top // tolerance)
        if any(
            abs(other.x0 - glyph.x0) <= tolerance and abs(other.top - glyph.top) <= tolerance
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for other in buckets.get((glyph.text, bx + dx, by + dy), ())
        ):
            continue
        buckets.setdefault((glyph.text, bx, by), []).append(glyph)
        kept.append(glyph)
    return kept


def lines_of(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into lines (top to bottom), each line's glyphs left to right."""
    lines: list[tuple[float, float, list[Glyph]]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.top, g.x0)):
        if glyph.text in SPACES and not lines:
            continue
        height = max(glyph.bottom - glyph.top, 0.1)
        # Only the latest lines can overlap: glyphs come sorted by their top.
        for i in range(len(lines) - 1, max(len(lines) - 4, -1), -1):
            top, bottom, members = lines[i]
            overlap = min(bottom, glyph.bottom) - max(top, glyph.top)
            if overlap >= LINE_OVERLAP * min(height, bottom - top):
                members.append(glyph)
                lines[i] = (min(top, glyph.top), max(bottom, glyph.bottom), members)
                break
        else:
            lines.append((glyph.top, glyph.bottom, [glyph]))
    return [sorted(members, key=lambda g: g.x0) for _, _, members in lines]


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def line_text(glyphs: Sequence[Glyph]) -> str:
    """One line's glyphs as text: one space between narrow-script words, none next to CJK; a run of
    smaller glyphs raised or lowered off the line (a footnote mark, `2¹`) marked `^` before it, so
    that it joins no number (`2^1`)."""
    parts: list[str] = []
    gap = False
    previous: Glyph | None = None
    base: Glyph | None = None  # the last glyph on the line's own baseline
    for glyph in glyphs:
        if glyph.text in SPACES:
            gap = True
            continue
        space = glyph.x0 - previous.x1 if previous is not None else 0.0
        size = min(glyph.size, previous.size) if previous is not None else glyph.size
        gap = gap or space > WORD_GAP * size
        narrow = bool(parts) and not _wide(parts[-1][-1]) and not _wide(glyph.text[0])
        if parts and ((gap and narrow) or space > COLUMN_GAP * size):
            parts.append(" ")
        shifted = base is not None and _shifted(glyph, base)
        if shifted and previous is base:
            parts.append(RAISED_MARK)
        parts.append(glyph.text)
        gap = False
        previous = glyph
        base = base if shifted else glyph
    return "".join(parts)


def _shifted(glyph: Glyph, base: Glyph) -> bool:
    """True when the glyph is smaller than the line's and raised or lowered off its baseline."""
    shift = SHIFT * base.size
    moved = glyph.bottom < base.bottom - shift or glyph.top > base.top + shift
    return glyph.size < SHIFTED_SIZE * base.size and moved


def text_lines(glyphs: Iterable[Glyph], page: int) -> Iterator[Line]:
    """Glyphs as the page's text lines, top to bottom (lines of spaces only left out)."""
    for members in lines_of(glyphs):
        text = line_text(members).strip()
        if text:
            yield Line(page, min(g.top for g in members), max(g.bottom for g in members), text)


def _key(text: str) -> str:
    """A margin line's text with its digits and spaces gone: 第 3 页 and 第 4 页 are one footer."""
    return regex.sub(r"[\d\s]++", "", text)


def strip_margins(pages: Sequence[Sequence[Line]], heights: Sequence[float]) -> list[list[Line]]:
    """Each page's lines without running headers, footers and page numbers in the page margins."""

    def in_margin(line: Line, height: float) -> bool:
        return line.bottom <= height * MARGIN_SHARE or line.top >= height * (1 - MARGIN_SHARE)

    seen: Counter[str] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        seen.update({_key(line.text) for line in lines if in_margin(line, height)})
    out = []
    for lines, height in zip(pages, heights, strict=True):
        out.append(
            [
                line
                for line in lines
                if not (
                    in_margin(line, height)
                    and (PAGE_NUMBER.match(line.text) is not None or seen[_key(line.text)] >= REPEATS)
                )
            ]
        )
    return out
