"""Layout pass: numbers a narrow cell wrapped onto the next line, joined back (FORMAT.md §2.2 C).

LibreOffice wraps a number too wide for its cell: `3,150` prints `3,15` on the row's line and `0` on
the line under it, in the same cell. PDF text then shows the row with pieces that are no number as
printed (`broken` tokens) and, right under it, a line of the pieces' tails in column order:

    一、本年新收政府信息公开申请数量 3,15 / / 7 11 / 3,16
    0 8

Each tail is joined to its broken piece, in order, only when the line under the row holds nothing
but digit tails, exactly one per broken piece, and every joined text reads as one number
(`3,15` + `0` is `3,150`; `3,15` + `08` is no number, so nothing is joined). Anything else is left as
it was: the table step then reports the row's cells unplaced.

A row whose one-line cells LibreOffice centred prints a wrapped number around its line, the first
pieces above it and the tails under it: centred.py.

Where both pieces of a wrapped number read as numbers (`23` / `5` for 235), only a line of digit
tails under a row printing all its values shows the wrap: the tails go on the row's values
(`Token.tails`) and the tails' line is consumed; the table step keeps the reading table 三's row
total accepts, or says the row (`_stray_tails`). Where the row's label wrapped in its cell too, the
tails stand beside the label's later words (`情形，不计其他情形） 1`): those words stay a row of their own.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ..lexicon import Lexicon, key_of
from .centred import centred_wrap
from .pieces import group_piece_apart, later_part, words_ahead
from .tails import TAIL, joined_row, next_line, tails_under
from .tokens import CellRow, printed_total_holds

__all__ = ["join_wrapped"]


# A group label's pieces a row's tails may stand after: its narrow cell's lines under the row's.
# Past three, lone digits are as likely a page number or a footnote's, which joined can mend a
# report's own broken total just as well (a review, stop 49): tables/late_tails.py then says the
# piece instead of reading it.
GROUP_PIECE_LINES = 3


def _tails_after_pieces(
    rows: Sequence[CellRow], i: int, broken: int, lexicon: Lexicon, textless: Collection[int]
) -> tuple[list[CellRow], int] | None:
    """rows[i], its broken pieces joined to the tails under it, then the group label's pieces
    printed between or beside them (`度办理结` / `果`, `度办理结 5 5`: a taller cell), and the index
    after the tails; None if no tails follow. Past a piece, only the row total (table 三) shows
    the tails are the row's."""
    pieces: list[CellRow] = []
    at = i + 1
    while at < len(rows):
        under, piece = group_piece_apart(rows[at], lexicon)
        tails = tails_under(rows[at - 1], under, broken, textless)
        joined = joined_row(rows[i], tails) if tails is not None else None
        values = [t for t in joined.tokens if t.kind == "value"] if joined is not None else []
        if joined is not None and (not (pieces or piece) or printed_total_holds(values)):
            return [joined, *pieces, *([piece] if piece else [])], at + 1
        if piece is None or under.tokens or len(pieces) == GROUP_PIECE_LINES:
            return None
        pieces.append(piece)
        at += 1
    return None


def join_wrapped(
    rows: Sequence[CellRow], lexicon: Lexicon, textless: Collection[int] = (), aligned: bool = False
) -> list[CellRow]:
    """The rows, each row of PDF words whose wrapped numbers' tails stand on the next line joined.

    `textless`: the lines that hold no text: blank ones and a pipe table's rules (`| --- |`;
    markitdown on a PDF repeats one under each block's first row, and starts a new table after a
    blank line, with a wrapped number's tails as its first row): lines with only those between are
    next to each other. `aligned`: the text prints words at their columns (words.aligned_words).
    """
    out: list[CellRow] = []
    i = 0
    while i < len(rows):
        row = rows[i]
        centred = centred_wrap(rows, i, lexicon, textless, aligned)
        if centred is not None:
            out += centred[0]
            i = centred[1]
            continue
        broken = sum(1 for t in row.tokens if t.kind == "broken")
        if broken and row.bounds == "words" and i + 1 < len(rows):
            wrapped = _tails_after_pieces(rows, i, broken, lexicon, textless)
            if wrapped is not None:
                out += wrapped[0]
                i = wrapped[1]
                continue
        tailed = _stray_tails(rows, i, lexicon, textless, aligned)
        if tailed is not None:
            out += tailed[0]
            i = tailed[1]
            continue
        out.append(row)
        i += 1
    return out


def _stray_tails(
    rows: Sequence[CellRow], i: int, lexicon: Lexicon, textless: Collection[int], aligned: bool
) -> tuple[list[CellRow], int] | None:
    """A row printing all its values (its label beside them, or alone on the line under them) and,
    on the line under it, fewer digit tails than values: the rows with the tails on the values
    (`Token.tails`), and the index after the tails' line; None when rows[i] starts no such shape.

    LibreOffice wraps a number too wide for its cell (`23` / `5` for 235); where every piece reads
    as a number, only the tails' line shows it, and a table 三 row's total then fails. Digits under
    a table 三 row whose total holds are another row's values (markitdown places a row's values by
    height); so are digits under a table 二 row, which has no total, right above a label with no
    value.
    """
    valued = rows[i]
    if valued.bounds not in ("words", "aligned") or not valued.has_values:
        return None
    values = [t for t in valued.tokens if t.kind == "value"]
    # (A no-break-space cell is a printed blank: the row does not print all its values.)
    if any(
        t.kind == "broken" or t.floating or t.tails or not t.text.strip()
        for t in valued.tokens
        if t.kind != "text"
    ):
        return None
    label, at = valued, i + 1
    if not valued.texts and at < len(rows) and not rows[at].has_values:
        label, at = rows[at], at + 1  # the label under its values (markitdown on a PDF)
    # A group label's pieces may stand between (`度办理结` / `果`: 三、本年度办理结果's tall cell), or
    # open the tails' line (`度办理结 8`).
    pieces: list[CellRow] = []
    while at < len(rows) and len(pieces) < GROUP_PIECE_LINES and not rows[at].has_values:
        rest, piece = group_piece_apart(rows[at], lexicon)
        if piece is None or rest.tokens:
            break
        if not next_line(rows[at - 1].line, rows[at].line, textless):
            return None
        pieces.append(rows[at])
        at += 1
    if at >= len(rows) or not next_line(rows[at - 1].line, rows[at].line, textless):
        return None
    under, piece = group_piece_apart(rows[at], lexicon)
    # Or the label's own wrapped words (`情形，不计其他情形） 1`: the tail beside them, in the row's
    # two-line cells), checked against the row's label below.
    lead = () if piece else under.tokens[: words_ahead(under)]
    under = under._replace(tokens=under.tokens[len(lead) :])
    tails = [t.text.strip() for t in under.tokens]
    if (
        under.bounds not in ("words", "aligned")
        or not 0 < len(tails) < len(values)
        or any(t.kind != "value" or not TAIL().match(t.text.strip()) for t in under.tokens)
    ):
        return None
    # The label's words, or the last of its cells naming a row (a group label's piece may stand
    # before it: `三、本年 （一）予以公开`).
    names = [" ".join(t.text.strip() for t in label.texts), *(t.text.strip() for t in reversed(label.texts))]
    name = next((n for n in names if any(e.kind == "row" for e in lexicon.match(n))), None)
    if name is None or len(values) not in lexicon.row_widths(name, sure=False):
        return None
    if lead and not _continues(name, " ".join(t.text.strip() for t in lead), lexicon):
        return None
    table_three = "applications" in {e.table for e in lexicon.match(name) if e.kind == "row"}
    below = _label_below(rows, at, lexicon, textless) if aligned or not table_three else None
    if table_three:
        # A cut number breaks the row total; digits under a row whose total holds are not its.
        if printed_total_holds(values):
            return None
    elif below is not None and below[0] == 0:
        return None  # table 二, no total: digits right above a label with no value may be its
    # Digits over the next row's line may be its centred wrap's pieces (`24` / row / `5`), or, in
    # aligned text, its values printed above its line, where that line shows gaps.
    if centred_wrap(rows, at, lexicon, textless, aligned) is not None:
        return None
    if aligned and below is not None and 0 < below[0] < min(below[1]):
        return None
    marked = valued._replace(
        tokens=tuple(t._replace(tails=tuple(tails)) if t.kind == "value" else t for t in valued.tokens)
    )
    words = [rows[at]._replace(tokens=lead)] if lead else []
    apart = [*([label] if label is not valued else []), *pieces, *([piece] if piece else []), *words]
    return [marked, *apart], at + 1


def _continues(name: str, words: str, lexicon: Lexicon) -> bool:
    """True when the words are a later part of the row label `name` names, not its start."""
    return any(later_part(e.key, key_of(words)) for e in lexicon.match(name) if e.kind == "row")


def _label_below(
    rows: Sequence[CellRow], at: int, lexicon: Lexicon, textless: Collection[int]
) -> tuple[int, frozenset[int]] | None:
    """The data row's label on the line right after rows[at]: how many values its line prints, and
    the widths its row may have; None where no row label stands there."""
    after = rows[at + 1] if at + 1 < len(rows) else None
    if after is None or not after.texts or not next_line(rows[at].line, after.line, textless):
        return None
    widths = lexicon.row_widths(" ".join(t.text.strip() for t in after.texts), sure=False)
    return (sum(t.kind == "value" for t in after.tokens), widths) if widths else None
