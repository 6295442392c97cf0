"""Layout pass: a number LibreOffice wrapped around its row's line, joined back (FORMAT.md §2.2 C).

A row whose one-line cells LibreOffice centred prints a wrapped number around its line: the first
pieces on the line above, the tails on the line under (beside either, maybe, a piece of the group
label, `三、本年` / `度办理结`):

    2,90 3,31
    一、本年新收政府信息公开申请数量 358 0 24 30 0
    1 3

The pieces and tails are joined in order, and the joined numbers are added to the row marked
`floating`: the text does not show their columns, so the table step lets the identities settle
them (tables/resolve.py) or reports them ambiguous. The row may span a band of lines between the
pieces and the tails: a group label's piece, its values, its label (`_band_row`).

A row printing no other value (a report filling only 总计) wraps its number around a bare label
(`25` / `一、本年新收…` / `5`); that is read only in text printing words at their columns
(pdftotext -layout), where each tail stands under its piece (`_stacked`): elsewhere the lines show
no more than two rows' values.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ..lexicon import Lexicon
from .pieces import group_piece_apart
from .tails import PIECE, join_tail, next_line, tails_around, tails_under
from .tokens import CellRow, Token

__all__ = ["centred_wrap"]


# A row's band between a wrapped number's pieces and their tails spans at most this many lines: a
# group label's piece, the row's values and its label, each centred on a line of its own.
BAND_LINES = 3


def centred_wrap(
    rows: Sequence[CellRow], i: int, lexicon: Lexicon, textless: Collection[int] = (), aligned: bool = False
) -> tuple[list[CellRow], int] | None:
    """The rows a centred wrap whose pieces are rows[i] becomes (the words beside the pieces, if
    any, the band's group label pieces, then the row with its joined numbers), and the index after
    its tails; None when rows[i] starts no centred wrap. `aligned`: the text prints words at their
    columns (pdftotext -layout), so a tail standing under its piece shows the wrap (`_stacked`)."""
    above = rows[i]
    # The cheap tests first: this runs at every row of every text.
    if above.bounds != "words":
        return None
    # The pieces: numbers cut by the wrap (`2,90`), or digits that read as a number by themselves
    # (`178` of 1788); never a none mark.
    pieces = [t for t in above.tokens if t.kind != "text"]
    if not pieces or not all(t.kind == "broken" or PIECE().match(t.text.strip()) for t in pieces):
        return None
    words = tuple(t for t in above.tokens if t.kind == "text")
    if words and not lexicon.is_group_piece(" ".join(t.text.strip() for t in words)):
        # Beside a wrap's pieces stands at most a group label's piece (`三、本年 2,90`): a row's
        # label with digits is that row printed whole, and a values line under the row after it
        # is the next label's, printed above it (pdfplumber), not tails.
        return None
    for size in range(1, BAND_LINES + 1):
        end = i + 1 + size
        if end >= len(rows) or not next_line(rows[end - 2].line, rows[end - 1].line, textless):
            return None
        band, under = rows[i + 1 : end], rows[end]
        # Beside the tails too may stand a group label's piece (`三、本年` / the row / `度办理结 6 1`).
        under, beside = group_piece_apart(under, lexicon)
        tails = tails_under(band[-1], under, len(pieces), textless)
        if tails is None:
            continue
        split = _band_row(band, lexicon) if size > 1 else (band[0], (), ())
        if split is None or (size > 1 and any(t.kind != "broken" for t in pieces)):
            # (A band of several lines is trusted only where every piece is no number by itself.)
            return None
        row, values, words_apart = split
        valued = bool(values) or any(t.kind == "value" for t in row.tokens)
        if (
            row.bounds != "words"
            or not row.texts
            or not (valued or (aligned and size == 1 and _stacked(pieces, tails)))
            or any(t.kind == "broken" for t in row.tokens)
            or _too_many(row, len(values) + len(pieces), lexicon)
        ):
            return None
        if _wraps_the_next(rows, end, lexicon, textless, aligned):
            return None
        joined = []
        for piece, tail in zip(pieces, tails, strict=True):
            number = join_tail(piece, tail, row.line, floating=True)
            if number is None:
                return None
            joined.append(number)
        out = [above._replace(tokens=words)] if words else []
        after = [beside] if beside else []
        return [*out, *words_apart, row._replace(tokens=(*row.tokens, *values, *joined)), *after], end + 1
    return None


def _wraps_the_next(
    rows: Sequence[CellRow], at: int, lexicon: Lexicon, textless: Collection[int], aligned: bool
) -> bool:
    """True when the digits line rows[at], a wrap's tails under one row, may as well be the pieces
    of a number wrapped around the bare label right under it, its tails under them (`10` /
    `（一）予以公开` / `3`: held-out seed 20261233 r038, pdftotext -layout, whose 103 was taken for
    二、上年结转's tail and 予以公开 then read as a blank row): whose digits they are, the lines do
    not show. Aligned text shows each tail stacked under its piece; elsewhere as many digits under
    the label as above it leave it open (`1 1` / `3. 危及… 1 1` / `1 1` / `4. 保护…` / `1 1`)."""
    if at + 2 >= len(rows):
        return False
    pieces, label, under = rows[at], rows[at + 1], rows[at + 2]
    tails = tails_around(pieces, label, under, textless)
    # (Only aligned text shows each tail under its piece; elsewhere equal counts leave it open.)
    if tails is None or label.has_values or (aligned and not _stacked(pieces.tokens, tails)):
        return False
    # (A group label may stand beside the row's: `（四）无法提供` `1. 本机关不掌握相关政府信息`.)
    names = [" ".join(t.text.strip() for t in label.texts), *(t.text.strip() for t in label.texts)]
    if not any(lexicon.row_widths(name, sure=False) for name in names):
        return False
    # Under the digits the label's own wrapped words (`（二）部分公开（区分处理的，只计` / `45` /
    # `这一情形，不计其他情形）`): they stand inside its cell, its value, no wrap's tail.
    if at + 3 >= len(rows):
        return True
    after = rows[at + 3]
    words = " ".join(t.text.strip() for t in after.texts)
    inside = bool(words) and not after.has_values and not lexicon.row_widths(words, sure=False)
    return not (inside and lexicon.is_piece(words))


def _stacked(pieces: Sequence[Token], tails: Sequence[Token]) -> bool:
    """True when each tail stands under its piece, in aligned text: the one cell wraps them.

    A row printing only 总计 (seed 20261214 r050, pdftotext -layout) wraps its one number around a
    label line with no value (`25` / `一、本年新收…` / `5`); only where the digits stand shows that
    the two lines are one number's and not two rows' values."""
    return all(
        p.x is not None and t.x is not None and p.x[0] < t.x[1] and t.x[0] < p.x[1]
        for p, t in zip(pieces, tails, strict=True)
    )


def _too_many(row: CellRow, added: int, lexicon: Lexicon) -> bool:
    """True when a row's values and `added` more are more than any template gives the row it names:
    the lines around it are no wrap of its numbers (`1 1 1 1 1 1 6` over a row printing its seven,
    `0 0 0 0 0 0 0` under it: rows printed above their labels)."""
    widths = lexicon.row_widths(" ".join(t.text.strip() for t in row.texts), sure=False)
    return bool(widths) and sum(t.kind == "value" for t in row.tokens) + added > max(widths)


def _band_row(
    band: Sequence[CellRow], lexicon: Lexicon
) -> tuple[CellRow, tuple[Token, ...], tuple[CellRow, ...]] | None:
    """A band of lines as one row: the line naming a data row, the values of a line holding only
    values, and the lines of a group label's pieces (`三、本年`) kept apart; None unless the band
    holds exactly one row label, its values on one line, and nothing else."""
    labels, valued, pieces = [], [], []
    for row in band:
        texts = row.texts
        if row.bounds != "words" or any(t.kind == "broken" for t in row.tokens):
            return None
        label = " ".join(t.text.strip() for t in texts)
        if texts and lexicon.row_widths(label, sure=False):
            labels.append(row)
        elif texts and not row.has_values and lexicon.is_group_piece(label):
            pieces.append(row)
        elif not texts and row.has_values:
            valued.append(row)
        else:
            return None
    if len(labels) != 1 or len(valued) > 1 or (valued and labels[0].has_values):
        return None
    values = tuple(t for t in valued[0].tokens if t.kind == "value") if valued else ()
    return labels[0], values, tuple(pieces)
