"""Step 2: normalized lines -> rows of positioned cells, each part of the text read by the layout it shows.

`read_rows` is the whole step. A text printed one cell per line (FORMAT.md §2.2 B) is read as
such; otherwise the rules of `RULES` are tried in order at each line, as markdown-it tries its
block rules: the first that recognises its layout there reads as many lines as the layout spans
(an HTML table, a pipe table) or one line, and the next line is tried afresh. Each rule is a
module of this package and fills the one representation of `tokens.py`; the table step never asks
which rule made a row, only how its cells are bounded (`CellRow.bounds`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise
from typing import NamedTuple

from ..lazyregex import lazy_pattern
from ..lexicon import Lexicon
from ..normalize import PAGE_FOOTER, Line
from .boxes import box_block, is_box_line
from .cells import group_cells, one_cell_per_line
from .fused import is_fused, split_fused
from .glued import part_glued_labels
from .grid import grid_rows
from .html import TABLE_TAG, tables_in
from .joined import MAX_CELL, cut_at_text
from .paragraphs import ParagraphRows, paragraph_rows
from .pieces import join_label_pieces
from .pipes import PIPE_RULE, bare_pipes, guessed_pipes, is_grid_border, is_pipe_row, pipe_block
from .rules import rule_table
from .spaced import letter_spaced, unspaced
from .streams import stream_rows
from .tabs import is_tab_row, split_tabs
from .tokens import Bounds, CellRow, Token, TokenKind, is_spaced_digits, printed_total_holds, sums_something
from .words import Run, Runs, WordRuns, aligned_words, split_words
from .wrapped import join_wrapped

__all__ = [
    "RULES",
    "Bounds",
    "CellRow",
    "Layout",
    "Run",
    "Runs",
    "Token",
    "TokenKind",
    "has_pages",
    "is_spaced_digits",
    "printed_total_holds",
    "read_rows",
    "sums_something",
]


class LayoutState:
    """What the rules share: the lines, the label lexicon, the rows read so far."""

    # A plain class, not attrs: internal and compared by identity, and an attrs class costs ~2.6
    # million instructions to define at import (docs/performance.md).
    __slots__ = ("bare", "guessed", "lexicon", "lines", "markup", "paragraphs", "rows")

    def __init__(
        self,
        lines: Sequence[Line],
        lexicon: Lexicon,
        guessed: bool = False,
        bare: bool = False,
        paragraphs: ParagraphRows | None = None,
    ) -> None:
        """The text's lines and lexicon, what the text's pipes show (guessed, bare), and its rows
        printed one cell per paragraph (paragraphs.paragraph_rows)."""
        self.lines = lines
        self.lexicon = lexicon
        self.rows: list[CellRow] = []
        # Lines that are table markup as a whole (an HTML table inside markdown): no prose there.
        self.markup: set[int] = set()
        # The text's pipes were drawn from word positions (pipes.guessed_pipes): no cell boundaries.
        self.guessed = guessed
        # The text's pipe tables have no outer pipes (html2text): a line with one pipe is a row of
        # two cells (`行政许可|` is a label and its blank cell).
        self.bare = bare
        self.paragraphs = paragraphs or {}


TAGS_ONLY = lazy_pattern(r"^\s*+(?:<[!/]?+[A-Za-z][^<>]*+>\s*+)++$")

# A rule reads the layout it knows at lines[start] and returns the index after what it read, or
# None when the line does not show its layout.
Rule = Callable[[LayoutState, int], "int | None"]


def html_rule(state: LayoutState, start: int) -> int | None:
    """Raw <table> markup inside text (pandoc -t markdown/gfm, §2.2 J), up to its </table>."""
    first = state.lines[start]
    if "<" not in first.raw or TABLE_TAG.search(first.raw) is None:
        return None
    depth, end = 0, start
    for end in range(start, len(state.lines)):
        raw = state.lines[end].raw.lower()
        depth += raw.count("<table") - raw.count("</table")
        if depth <= 0:
            break
    fragment = "\n".join(line.raw for line in state.lines[start : end + 1])
    for table in tables_in(fragment, first.number):
        state.rows.extend(grid_rows(table))
    state.markup.update(line.number for line in state.lines[start : end + 1])
    return end + 1


def pipe_rule(state: LayoutState, start: int) -> int | None:
    """Consecutive pipe rows (markdown, html2text, pipe-rendered pages; §2.2 D) as one table."""
    end = start
    while end < len(state.lines) and (
        is_pipe_row(state.lines[end])
        or PIPE_RULE.match(state.lines[end].text) is not None
        or (state.bare and state.lines[end].text.count("|") == 1)
    ):
        end += 1
    if end == start:
        return None
    # A pandoc grid table: its borders (`+----+`) stand around the block.
    grid = any(0 <= i < len(state.lines) and is_grid_border(state.lines[i]) for i in (start - 1, end))
    state.rows.extend(pipe_block(state.lines[start:end], state.guessed, grid, state.lexicon))
    return end


def box_rule(state: LayoutState, start: int) -> int | None:
    """Consecutive box-drawn lines (w3m, §2.2) as one table."""
    end = start
    while end < len(state.lines) and is_box_line(state.lines[end]):
        end += 1
    if end == start:
        return None
    state.rows.extend(box_block(state.lines[start:end]))
    return end


def _line_rule(shows: Callable[[Line, Lexicon], bool], read: Callable[[LayoutState, Line], None]) -> Rule:
    def rule(state: LayoutState, start: int) -> int | None:
        line = state.lines[start]
        if not shows(line, state.lexicon):
            return None
        read(state, line)
        return start + 1

    return rule


def paragraph_rule(state: LayoutState, start: int) -> int | None:
    """A row label and its cells one paragraph each, an empty paragraph a blank cell (lynx, §2.2 K)."""
    found = state.paragraphs.get(start)
    if found is None:
        return None
    row, end = found
    state.rows.append(row)
    return end


def dash_rule(state: LayoutState, start: int) -> int | None:
    """A table drawn under dash rules (pandoc's simple and multiline tables), as one grid."""
    return rule_table(state.lines, start, state.rows)


RULES: tuple[tuple[str, Rule], ...] = (
    ("html", html_rule),
    ("rules", dash_rule),
    ("paragraph-cells", paragraph_rule),
    ("tabs", _line_rule(lambda line, _: is_tab_row(line), lambda s, line: s.rows.append(split_tabs(line)))),
    ("boxes", box_rule),
    ("pipes", pipe_rule),
    ("fused", _line_rule(is_fused, lambda s, line: s.rows.extend(split_fused(line, s.lexicon)))),
    ("words", _line_rule(lambda line, _: True, lambda s, line: s.rows.append(split_words(line)))),
)


def _skipped(line: Line) -> bool:
    # A line of tabs alone is a row of empty cells (§2.2 A), not a blank line.
    return (
        (line.is_blank and line.raw.count("\t") < 2)
        or PAGE_FOOTER.match(line.text) is not None
        or ("--" in line.text and PIPE_RULE.match(line.text) is not None)
    )


# A NamedTuple, not an attrs class: internal, and an attrs class costs ~2.6 million instructions to define
# at import (docs/performance.md); a NamedTuple a fifth of that, immutable and compared by value too.
class Layout(NamedTuple):
    """The step's result: every row of cells, and the lines that are table markup as a whole."""

    rows: tuple[CellRow, ...]
    markup: frozenset[int] = frozenset()
    # The text prints its words at their columns' positions (pdftotext -layout, §2.2 C): a blank
    # cell is a gap there, so a row label printed with no value anywhere is a blank row.
    aligned: bool = False
    # Cells the text prints one per line may stand in a PDF's reading order, not its columns'
    # (pdftotext, pdfminer: tables/drawn.py), not in a browser's order of a page (lynx).
    reading_order: bool = False
    # Where each run of words stands, line by line (words.WordRuns), in aligned text whose words'
    # places show their columns, page by page (tables/aligned.py): form feeds mark its pages
    # (normalize.Line.page) and its lines keep their leading spaces. Without feeds a page break
    # cannot be told (`pdftotext -layout -nopgbrk`); with every line's leading spaces stripped, a
    # line's words stand shifted by its own indent. Empty for any other text.
    runs: Mapping[int, Runs] = {}


# A text whose lines mostly open with a space is a browser's dump of a page (lynx indents every line).
DUMP_INDENTED_SHARE = 0.5


def _reading_order(lines: Sequence[Line], paged: bool) -> bool:
    """True when cells printed one per line may stand in a PDF's reading order (tables/drawn.py):
    form feeds mark the text's pages (`paged`: pdftotext, pdfminer), or its lines are not indented
    as a browser's dump of a page is (PDF text with its form feeds stripped, `pdftotext -nopgbrk`)."""
    if paged:
        return True
    filled = [line for line in lines if line.text.strip()]
    return sum(line.raw[:1] == " " for line in filled) <= DUMP_INDENTED_SHARE * len(filled)


def has_pages(lines: Sequence[Line]) -> bool:
    """True when form feeds mark the text's pages: a PDF's (pdftotext, pdfminer), as no other
    tool prints a feed."""
    return any(line.page for line in lines)


def read_rows(lines: Sequence[Line], lexicon: Lexicon) -> Layout:
    """Every table-like part of the text as rows of cell tokens, each read by the layout it shows."""
    if any(len(line.raw) > MAX_CELL for line in lines):  # (most texts have no line to cut)
        lines = [piece for line in lines for piece in cut_at_text(line)]
    # On a PDF's pages blank lines part the page's text blocks, never a stream's blank cells or
    # empty paragraphs.
    paged = has_pages(lines)
    streamed = stream_rows(lines, lexicon) if not paged else None
    if streamed is not None:
        return Layout(tuple(streamed))
    reading_order = _reading_order(lines, paged)
    if one_cell_per_line(lines):
        return Layout(tuple(group_cells(lines)), reading_order=reading_order)
    state = LayoutState(
        lines,
        lexicon,
        guessed=guessed_pipes(lines, lexicon),
        bare=bare_pipes(lines),
        paragraphs=paragraph_rows(lines, lexicon) if not paged else {},
    )
    i = 0
    while i < len(lines):
        # (A tag needs its "<": most lines are spared both patterns.)
        if "<" in lines[i].raw and TAGS_ONLY().match(lines[i].raw) and TABLE_TAG.search(lines[i].raw) is None:
            # A line of HTML tags alone (`<div class="article">` in pandoc's markdown) holds no
            # text: neither a table row nor a title.
            state.markup.add(lines[i].number)
            i += 1
            continue
        if _skipped(lines[i]) and not (i > 0 and is_grid_border(lines[i - 1]) and is_pipe_row(lines[i])):
            # (A `| --- |` line right under a grid table's border is a row of — cells.)
            i += 1
            continue
        for _, rule in RULES:
            after = rule(state, i)
            if after is not None:
                i = after
                break
        else:  # pragma: no cover - the last rule reads any line
            i += 1
    textless = {
        line.number
        for line in lines
        if not line.text.strip() or ("--" in line.text and PIPE_RULE.match(line.text) is not None)
    }
    # (Whether the words stand at their columns is read before the wraps are joined: it shows them.)
    spaced = letter_spaced(lines, lexicon)
    aligned = aligned_words(lines, state.rows, spaced)
    if spaced:
        # A letter-spaced number's pieces are joined first, and no wrap is: its digits one a
        # token read as a narrow cell's pieces and tails, and were joined across rows
        # (`9 5 9` / `1 2 6` read 91, 52 and 96; a review's Chromium PDFs, 0.5 em).
        rows = [unspaced(row, aligned) for row in state.rows]
    else:
        rows = join_wrapped(state.rows, lexicon, textless, aligned)
    rows = join_label_pieces([part_glued_labels(row, lexicon) for row in rows], lexicon)
    positioned = paged and _keeps_indents(lines)
    runs = WordRuns(lines) if aligned and positioned else {}
    return Layout(tuple(rows), frozenset(state.markup), aligned, reading_order, runs)


def _keeps_indents(lines: Sequence[Line]) -> bool:
    """True when some line of a page other than its first opens with a space: the text keeps its
    lines' leading spaces. (A cleaner stripping them, `^ +`, leaves the ones after a page's form feed.)"""
    return any(
        line.raw[:1] in (" ", "\t") and line.page == before.page and line.text.strip()
        for before, line in pairwise(lines)
    )
