"""Step 4c: a last column whose header the page's edge cut short or off, its values said (tables 二, 三).

A table wider than its page is cut at the page's edge (page_edge.py). Where the edge cuts through
a block's last column, its header prints a piece of its label (`采购总金` of 采购总金额) and its
values may be cut as well (`228.2` of 228.27), and no text shows how much of a number is gone: a
review's Chromium PDF on A5 paper in 21 px type, nowrap, through every PDF route. Where the edge
cuts right of the header word but through the number (`1,093,548.4` under a whole `采购总金额`), the
block's own header shows nothing. Where it cuts the label's note (`处理决定数量（指`, a note
opened and never closed, after another column's note printed whole on the way), it may have cut
the values too (`50` of 5059, `7` of 76). And once a block shows the cut, every block's last
column stands at the same edge: table 二 is one table, its last column one place on the page for
every block, so another block's values there may be cut too, its label printed whole or not.

Table 三's header may lose 总计 whole or in part (`say_cut_off_last_column`): it prints 自然人 and
not all of 总计 (nothing, or `总`), and a value past the edge is a piece (`2` of 2,469, `34` of
3431) unless it is its row's sum.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..identities import as_evidence, total_holds
from ..lexicon import key_of
from ..model import Cell, Number
from ..nfkc import nfkc
from ..notes import ANNOTATION
from ..values import read_cell
from .grid import Grid
from .regions import MatchedRow, Region
from .spelled import HeaderLabels

__all__ = ["say_cut_off_last_column", "say_cut_short_columns"]

# A label's piece the page's edge left: its first characters, two at least (`采购总金`).
CUT_PIECE = 2
# Rows whose totals are their sums' first digits that show the edge's cut: one may be a report's slip.
CUT_ROWS = 2
SAID_CUT = "'s header is cut short at the page's edge, and so may its value be"
SAID_CUT_OFF = "'s header is cut off at the page's edge, and so may its value be"
SAID_TOTALS_CUT = (
    " is cut at the page's edge (rows' totals printed as their first digits), and so may this one be"
)
SAID_OTHER = "'s cells stand at the page's edge, which cuts another block's header, and may be cut too"


Block = tuple[str, tuple[str, ...], tuple[str, ...]]  # a table 二 block's caption, columns and rows


def say_cut_short_columns(grid: Grid, region: Region, blocks: Sequence[Block], labels: HeaderLabels) -> None:
    """Say, and take off the grid, table 二's cells under a header the page cut short: a block's
    last column printing a piece of its label (`采购总金` of 采购总金额), the label's first
    characters with some of the rest nowhere in the block's header, stands at the page's edge, and
    the edge may cut its values as well (`228.2` of 228.27: a review's Chromium PDF on A5 paper in
    21 px type, nowrap); so does a note cut (`处理决定数量（指`, `_note_cut`), and, once either shows
    the cut, every other block's last column, whether its label prints nothing (plain pdftotext
    dropped `处理决定数量（指` under 第二十条第（六）项, and printed `53` of 536 under it) or prints
    whole (`1,093,548.4` of 1,093,548.49 under `采购总金额`: reviews' Chromium PDFs, nowrap)."""
    cut, others = _cut_short_columns(region, blocks, labels)
    for rows, said in ((cut, SAID_CUT), (others, SAID_OTHER)):
        for row, column in rows.items():
            cell = grid.rows.get(row, {}).pop(column, None)
            if cell is not None:
                grid.unplaced(f"{row}: {column}{said} ({cell.raw.strip() or 'blank'})", cell.line)


def _cut_short_columns(
    region: Region, blocks: Sequence[Block], labels: HeaderLabels
) -> tuple[dict[str, str], dict[str, str]]:
    """The rows whose last column's header the page's edge cut, and, once there is one, every
    other block's rows, each with its block's last column."""
    cut: dict[str, str] = {}
    others: dict[str, str] = {}
    texts = [key_of(text) for text in labels.texts]  # every header text, to tell a piece after them
    shown = False
    captions = {key_of(text): columns[-1] for text, columns, _ in blocks}
    # The row's own block's: a caption the edge cut (`第二十条第`) may read as another block's.
    last_of = {row: columns[-1] for _, columns, rows in blocks for row in rows}
    # The last column of the block whose caption came last ("" for a caption that names none, and
    # for the block the region opens with where it opens with no caption: cut off at the edge too).
    caption_last = ""
    printed: list[str] = []  # the header's words as printed, in order
    everywhere = iter(_blocks_words(region))
    words = next(everywhere)  # every word the block prints off its rows' lines
    for matched in region.rows:
        entries = [e for _, e in matched.entries_for(region.table)]
        caption = next((e for e in entries if e.kind == "caption"), None)
        if caption is not None:
            caption_last = captions.get(caption.key, "")
            printed, words = [], next(everywhere)
            continue
        rows = [e.id for e in entries if e.kind == "row"]
        if not rows:
            printed += _words(matched)
            continue
        header = [key_of(word) for word in printed]
        last = last_of.get(rows[0], caption_last)
        spellings = labels.columns.get(last, ())
        if _cut_short(header, spellings, [key_of(w) for w in words], texts) or _note_cut(printed, spellings):
            cut.update({row: last for row in rows})
            shown = True
        else:
            others.update({row: last for row in rows})
    return (cut, others) if shown else (cut, {})


def _words(matched: MatchedRow) -> list[str]:
    """The words a line prints that name nothing."""
    return [m.token.text for m in matched.matches if m.token.kind == "text"]


def _blocks_words(region: Region) -> list[list[str]]:
    """Each block's words printed off its rows' lines, from its caption to the next: its header's,
    and pieces of it a tool printed after the rows (plain pdftotext: `对外公开总数` above the rows,
    `量` below them); the first, the words before any caption (a block the region opens with)."""
    found: list[list[str]] = [[]]
    for matched in region.rows:
        entries = [e for _, e in matched.entries_for(region.table)]
        if any(e.kind == "caption" for e in entries):
            found.append([])
        elif not any(e.kind == "row" for e in entries):
            found[-1] += _words(matched)
    return found


def _cut_short(
    words: Sequence[str], spellings: Sequence[str], block: Sequence[str], texts: Sequence[str] = ()
) -> bool:
    """True when a word ends with the first characters (two or more) of a spelling of the label, its
    bracketed note set aside, and the words, in order, print no spelling whole: the label printed
    up to the page's edge. (In order, not side by side: a narrow header's lines interleave its
    cells' pieces, `对外公开总数` / `量`.) Not where the rest of the label starts a word the block
    prints further on (`block`, every word of it): a header cell's last line printed after the
    rows, no cut. Or, the words run together, when they end with the label's first characters,
    one or more, right after a header text (`texts`, keys) printed whole."""
    cores = [_core(s) for s in spellings]
    printed = "".join(words)
    if not words or not cores or any(_in_order(core, printed) for core in cores):
        return False
    if any(
        len(word) >= CUT_PIECE and word.endswith(core[:n]) and not _rest_printed(core, n, block)
        for word in words
        for core in cores
        for n in range(CUT_PIECE, len(core))
    ):
        return True
    # The header's words run together, other labels whole and then the label's first characters,
    # one or more (`信息内容采购项目数量采` of 采购项目数量 and 采购总金额: fresh review seed 20268822
    # r004-v0, A5, nowrap, its 545298元 cut to `5`).
    return any(
        printed.endswith(core[:n])
        and any(printed[:-n].endswith(text) for text in texts)
        and not _rest_printed(core, n, block)
        for core in cores
        for n in range(1, len(core))
    )


def _rest_printed(core: str, n: int, block: Sequence[str]) -> bool:
    """True when the rest of a label after its first `n` characters starts a word the block prints
    further on: a header cell's last line printed after the rows, no cut."""
    return any(later.startswith(core[n:]) for later in block)


def _core(spelling: str) -> str:
    """A column label's key, its bracketed note set aside."""
    return key_of(ANNOTATION.sub(r"\g<label>", nfkc(spelling)))


def _unspaced(text: str) -> str:
    """The text without its spaces, its brackets and marks kept (a key drops them: `（指` shows a note)."""
    return "".join(text.split())


def _in_order(core: str, text: str) -> bool:
    """True when the text holds the core's characters in its order, others between them or not."""
    rest = iter(text)
    return all(character in rest for character in core)


def _prints_in_order(printed: str, spellings: Sequence[str]) -> bool:
    """True when the printed words hold a spelling of the label in its order (the first column's)."""
    return any(_in_order(_core(s), printed) for s in spellings)


def _note_cut(words: Sequence[str], spellings: Sequence[str]) -> bool:
    """True when the header's words, in order, end with the label whole and its note opened and
    never closed (`处理决定数量（指`), where another note before it is printed whole on the way
    (`上一年项目数量（指2018年事项数）`: the header's cells on one line, nowrap): the page's
    edge cut the note, and may have cut the values under it (`50` of 5059)."""
    printed = "".join(_unspaced(nfkc(w)) for w in words)
    for spelling in spellings:
        core = _unspaced(ANNOTATION.sub(r"\g<label>", nfkc(spelling)))
        at = printed.rfind(core)
        if at < 0:
            continue
        before, tail = printed[:at], printed[at + len(core) :]
        if tail.startswith("(") and ")" not in tail and "(" in before and ")" in before:
            return True
    return False


def say_cut_off_last_column(grid: Grid, region: Region, columns: Sequence[str], labels: HeaderLabels) -> None:
    """Say, and take off the grid, a table's last column's cells (table 三's 总计) that are not
    their row's sum, or blank, where the page's edge cut the table there: the header printed above
    its first row prints its first column's label and not all of its last's, or rows' totals are
    their sums' first digits (`_totals_cut`). A value past the edge may be a piece (`2` of 2,469:
    a review's Chromium PDF on A5 paper, nowrap, through pdfplumber and `-layout`), a gap no blank
    cell."""
    if _header_cut(region, columns, labels):
        said = SAID_CUT_OFF
    elif _totals_cut(region):
        said = SAID_TOTALS_CUT
    else:
        return
    last = columns[-1]
    for row, cells in grid.rows.items():
        summed = _summed(cells, columns)
        cell = cells.get(last)
        if cell is None or summed is None:
            continue
        # A total the edge left whole is the sum of the others, and stays; a piece of it is not,
        # and a blank past the edge shows nothing (`0`s cut off print no more than blank cells).
        # A none mark is printed, no piece (plain pdftotext prints 总计's header elsewhere: `—`).
        blank = cell.value is None and not cell.raw.strip()
        if blank or (cell.value is not None and not total_holds([*summed, cell.value])):
            del cells[last]
            grid.unplaced(f"{row}: {last}{said} ({cell.raw.strip() or 'blank'})", cell.line)


def _header_cut(region: Region, columns: Sequence[str], labels: HeaderLabels) -> bool:
    """True when the header printed above the table's first row prints its first column's label
    and not all of its last's."""
    printed: list[str] = []
    for matched in region.rows:
        if matched.names_row(region.table):
            break
        printed += [key_of(m.token.text) for m in matched.matches if m.token.kind == "text"]
    else:
        return False
    # The last label not whole: a header cell printed a character a line (`总` / … / `计`, w3m's
    # boxes) prints each of its characters, apart; an edge through the cell leaves its first
    # (`自然人 法人或其他组织 总`: fresh review seed 20268818 r045-v1, 3431 cut to `34`).
    spellings = [labels.columns.get(c, ()) for c in columns]
    words = "".join(printed)
    whole = any(all(c in words for c in _core(s)) for s in spellings[-1])
    return _prints_in_order(words, spellings[0]) and not whole


def _totals_cut(region: Region) -> bool:
    """True when two rows' lines or more end with their other values' sum's first digits, not all
    of them (`22 2` for 22 and 22, `10 1`): the page's edge cut the last column through its
    numbers, its header printed whole (a review's Chromium PDF on A5 paper, cells aligned right:
    `总计`'s glyphs began left of the edge, a number's last digits right of it; seed 20268824
    r024-v0, a report leaving zeros blank)."""
    pieces = 0
    for matched in region.rows:
        printed = [t for t in matched.row.tokens if t.kind in ("value", "broken")]
        if len(printed) < 2 or not matched.names_row(region.table):
            continue
        *others, last = printed
        # A none mark among the others is nothing (`12 — — — — — 1`); the last may be a grouped
        # number's first digits, read as no number (`1,90` of 1,900: seed 20268833 r059-v1).
        numbers = [as_evidence(read_cell(t.text)) if t.kind == "value" else None for t in others]
        digits = "".join(c for c in last.text if c.isdigit())
        if not digits or any(n is None for n in numbers):
            continue
        whole = str(sum(n for n in numbers if n is not None))
        pieces += len(digits) < len(whole) and whole.startswith(digits)
    return pieces >= CUT_ROWS


def _summed(cells: dict[str, Cell], columns: Sequence[str]) -> list[Number] | None:
    """A row's values but its last, as a total's evidence; None unless every one is read."""
    others = [cells.get(c) for c in columns[:-1]]
    if any(c is None for c in others):
        return None
    return [as_evidence(c) or 0 for c in others if c is not None]
