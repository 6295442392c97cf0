"""Step 3 for tables: find each statutory table's rows by its labels, not by section headings (§2.6)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import NamedTuple

from ..layout import CellRow, Token
from ..lexicon import Entry, Lexicon, key_of, split_label
from ..model import TABLE_NAMES
from ..numbering import GROUP_MARKER

# Entry kinds that open a table; a bare column label (总计, 其他) is shared and opens nothing.
OPENING_KINDS = frozenset({"row", "group", "caption", "header", "column_group", "outcome_group"})
PROSE_PUNCTUATION = "，。；：！？"
PROSE_MIN_KEY = 12
PROSE_LONG_KEY = 30
MIN_LABELLED_ROWS = 2
# A region with one labelled row is still a table when its lines name this many of the table's own
# labels (PDF text joining a header's words line by line: `结果 结果 其他 尚未 总 未经复议直接起诉 …`).
MIN_NAMED_LABELS = 3


# A NamedTuple, not an attrs class: internal, and an attrs class costs ~2.6 million instructions to define
# at import (docs/performance.md); a NamedTuple a fifth of that, immutable and compared by value too.
class MatchedToken(NamedTuple):
    """A token with the label entries it may stand for."""

    token: Token
    entries: tuple[Entry, ...]


# A NamedTuple, not an attrs class, as above.
class MatchedRow(NamedTuple):
    """A cell row with its label matches."""

    row: CellRow
    matches: tuple[MatchedToken, ...]

    def entries_for(self, table: str) -> list[tuple[int, Entry]]:
        """(token index, best entry of this table) for each token that matches one."""
        out = []
        for i, m in enumerate(self.matches):
            for e in m.entries:
                if e.table == table:
                    out.append((i, e))
                    break
        return out

    def unknown_words(self, markers: bool = False) -> str:
        """The words of the row that match no label: what the reader is shown of an unknown row. (A
        bare group marker, `（三）` of a group label wrapped in its narrow cell, is the group's piece;
        with `markers`, one of the words still: it shows where a group opens, opening.py.)"""
        return " ".join(
            m.token.text.strip()
            for m in self.matches
            if m.token.kind == "text"
            and not m.entries
            and (markers or GROUP_MARKER().match(m.token.text.strip()) is None)
        )

    def names_row(self, table: str) -> bool:
        """True when one of the row's tokens is best read as a data row's label of the table."""
        return any(e.kind == "row" for _, e in self.entries_for(table))

    def names_header(self, table: str) -> bool:
        """True when the row names a column, a column group or the header: a header line of the table."""
        kinds = {e.kind for m in self.matches for e in m.entries if e.table == table}
        return bool(kinds & {"column", "column_group", "header", "caption"})


# A NamedTuple, not an attrs class, as above.
class Region(NamedTuple):
    """The rows of one table, in order."""

    table: str
    rows: tuple[MatchedRow, ...]
    # Lines that ended the table holding values after their words (`（六）其他情形，如…  1  1`):
    # read as a sentence, so none of their values is the table's; kept to be said, never dropped unseen.
    ended_by: tuple[MatchedRow, ...] = ()
    # The words read as a sentence that closed the region (find_regions), and those that stood
    # among its rows: the region is pieces they split, joined (merge_regions).
    closed_by: str = ""
    split_by: tuple[str, ...] = ()
    # Rows with values that stood outside any table right before this piece (one run, or none);
    # once merge_regions joined the pieces, a run for each gap between two of them (a values line
    # after a header's note read as a sentence): no row took them, so they are said, never dropped.
    between: tuple[tuple[MatchedRow, ...], ...] = ()
    # Lines among the rows printing a section's heading with its numeral (`5、 存在的主要问题及改进
    # 情况`): PDF text's reading order went through the next section there (tables/review_heading.py,
    # tables/past_heading.py).
    headings: frozenset[int] = frozenset()

    @property
    def one_line(self) -> bool:
        """True when the table's rows are text joined into one line (layout.fused: a crawler page,
        or a tool's text a pipeline joined), where values are beside a label only in its order."""
        return any(r.row.own_label for r in self.rows)

    @property
    def lines(self) -> frozenset[int]:
        """Lines that hold this table's labels or values; a fused line holds the prose too, so not it."""
        return frozenset(
            r.row.line
            for r in self.rows
            if r.row.bounds != "fused"
            and (r.entries_for(self.table) or any(t.kind in ("value", "empty") for t in r.row.tokens))
        )


@functools.cache
def title_keys(titles: tuple[str, ...]) -> frozenset[str]:
    """The label keys of section titles, to be told from table words."""
    return frozenset(key_of(title) for title in titles)


def is_prose(
    token: Token, entries: Sequence[Entry], lexicon: Lexicon, titles: frozenset[str] = frozenset()
) -> bool:
    """True for a sentence that is not a label, or a section's title: it ends the table it follows."""
    if token.kind == "prose":
        return True
    if entries or token.kind != "text":
        return False
    key = key_of(token.text)
    if key in titles:
        return True  # `、 存在的主要问题及改进情况` / `5`: a heading whose numeral PDF text put below
    long = len(key) >= PROSE_LONG_KEY
    punctuated = len(key) >= PROSE_MIN_KEY and any(p in token.text for p in PROSE_PUNCTUATION)
    # A wrapped label's second line (`只计这一情形，不计其他情形）`) is punctuated but no sentence.
    return (long or punctuated) and not lexicon.is_piece(token.text)


def named_labels(rows: Sequence[MatchedRow], table: str, lexicon: Lexicon) -> set[str]:
    """The table's own labels (columns, captions, rows, groups; longer than two characters) the
    rows' words name, whole or inside a longer line."""
    text = "".join(key_of(m.token.text) for r in rows for m in r.matches if m.token.kind == "text")
    return {
        e.id
        for e in lexicon.entries
        if e.table == table
        and e.kind in ("column", "caption", "row", "group")
        and len(e.key) > 2
        and e.key in text
    }


def match_rows(rows: Sequence[CellRow], lexicon: Lexicon) -> list[MatchedRow]:
    """Every row with each text token's candidate entries."""
    return [
        MatchedRow(
            row,
            tuple(MatchedToken(t, lexicon.match(t.text) if t.kind == "text" else ()) for t in row.tokens),
        )
        for row in rows
    ]


def _opens(row: MatchedRow) -> str | None:
    votes: dict[str, int] = {}
    for m in row.matches:
        for table in {e.table for e in m.entries if e.kind in OPENING_KINDS}:
            votes[table] = votes.get(table, 0) + 1
    if not votes:
        return None
    return max(votes, key=lambda t: (votes[t], -TABLE_NAMES.index(t)))


def find_regions(
    rows: Sequence[MatchedRow], lexicon: Lexicon, titles: frozenset[str] = frozenset(), aligned: bool = False
) -> list[Region]:
    """Split matched rows into table regions; prose or a section title (`titles`: label keys) ends
    a table, another table's labels switch. `aligned`: the text prints words at their columns
    (layout.Layout.aligned), where a values line right above the first row label may be its."""
    regions: list[Region] = []
    current: str | None = None
    collected: list[MatchedRow] = []
    loose: list[MatchedRow] = []  # rows outside any table since the last one
    unread: list[MatchedRow] = []  # rows with values outside any table since the last one
    between: tuple[tuple[MatchedRow, ...], ...] = ()  # those before the current table, not taken in

    def close(ended_by: tuple[MatchedRow, ...] = (), closed_by: str = "") -> None:
        # One stray label (行政复议 in a sentence) is not a table: a table names two things at least,
        # or prints its header and some values (PDF text whose other header words are broken up).
        labelled = [r for r in collected if r.entries_for(current or "")]
        header = any(
            e.table == current and e.kind == "header" for r in labelled for m in r.matches for e in m.entries
        )
        shown = header and any(r.row.has_values for r in collected)
        if current is not None and (
            len(labelled) >= MIN_LABELLED_ROWS
            or shown
            or (bool(labelled) and len(named_labels(collected, current, lexicon)) >= MIN_NAMED_LABELS)
        ):
            headings = frozenset(r.row.line for r in collected if _numbered_title(r, titles))
            regions.append(
                Region(current, tuple(collected), ended_by, closed_by, between=between, headings=headings)
            )

    for row in rows:
        prose_at = next(
            (i for i, m in enumerate(row.matches) if is_prose(m.token, m.entries, lexicon, titles)), None
        )
        if prose_at is not None:
            # A line run together (fused, or a crawler page) goes straight from the last table row
            # into the prose after it: its reader marked the prose, so the row before it stays.
            if current is not None and prose_at > 0 and row.matches[prose_at].token.kind == "prose":
                head = row.row
                kept = head._replace(tokens=head.tokens[:prose_at])
                collected.append(MatchedRow(kept, row.matches[:prose_at]))
            close((row,) if _values_after(row, prose_at) else (), row.matches[prose_at].token.text)
            # (Pieces of wrapped numbers may end the line after its prose: `…之和） 公益 3,12 3,12`.)
            current, collected, loose = None, [], [row]
            continue
        opened = _opens(row)
        if opened is not None and opened != current:
            already = {e.table for m in row.matches for e in m.entries}
            if current is None or current not in already or opened != current:
                close()
                # Pieces of numbers a narrow cell wrapped above the first row label belong to the
                # table: they tell its first row cannot be read (rows.py); so does a values row
                # placed by height above it, which may be that label's.
                taken = _broken_tail(loose, aligned) if current is None else []
                lines = {r.row.line for r in taken}
                run = tuple(r for r in unread if r.row.line not in lines)
                between = (run,) if run else ()
                current, collected = opened, taken
        if current is not None:
            collected.append(row)
            loose, unread = [], []
        else:
            loose.append(row)
            if row.row.has_values:
                unread.append(row)
    close()
    return regions


def _numbered_title(row: MatchedRow, titles: frozenset[str]) -> bool:
    """True when the row prints a section's title after its numeral (`5、 存在的主要问题及改进情况`),
    words naming nothing: a heading, which PDF text may print among a table's values."""
    return any(
        m.token.kind == "text" and not m.entries and split_label(m.token.text).key in titles
        for m in row.matches
    )


def _values_after(row: MatchedRow, prose_at: int) -> bool:
    """True when a row of cells prints values after the words read as a sentence (a run-together
    line's values after its prose are the next table's, read there)."""
    tail = row.row.tokens[prose_at + 1 :]
    return (
        row.row.bounds != "fused"
        and row.matches[prose_at].token.kind != "prose"
        and any(t.kind == "value" for t in tail)
    )


# What a line of a wrapped number's pieces holds: pieces, and the values or empty cells beside them.
_PIECE_ROW_KINDS = frozenset({"broken", "value", "empty"})


def _broken_tail(rows: Sequence[MatchedRow], aligned: bool = False) -> list[MatchedRow]:
    """The last rows, if they hold nothing but broken numbers (`2,90 3,31`), or the last row if it
    is values placed by height (markitdown's pipe row of a PDF), or, in `aligned` text, values
    with no word of any label (a centred cell's printed above its label by pdftotext -layout,
    beside a piece of a group's label: `予公开  4`): its label may be the one below. (Not in plain
    pdftotext, which draws a value before its label in a PDF's order: taken in, such a line made
    r063's block doubtful, 105 cells lost.)"""
    last = rows[-1] if rows else None
    if last is not None and last.row.has_values:
        values_alone = {t.kind for t in last.row.tokens} <= {"value", "empty"}
        if (last.row.apart and values_alone) or (aligned and not any(m.entries for m in last.matches)):
            return [last]
    tail: list[MatchedRow] = []
    for row in reversed(rows):
        kinds = {t.kind for t in row.row.tokens}
        if "broken" not in kinds or not kinds <= _PIECE_ROW_KINDS:
            break
        tail.insert(0, row)
    if not tail and last is not None:
        # The pieces at the end of a header's line (`… 机构 他 2,90 3,31`: PDF text whose lines
        # were joined): the same, cut from the words before them.
        tokens = last.row.tokens
        count = 0
        while count < len(tokens) and tokens[-1 - count].kind in _PIECE_ROW_KINDS:
            count += 1
        pieces = tokens[len(tokens) - count :]
        if any(t.kind == "broken" for t in pieces) and count < len(tokens):
            tail.append(MatchedRow(last.row._replace(tokens=pieces), last.matches[-count:]))
    return tail
