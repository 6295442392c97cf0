"""Layout pass: a row label a narrow cell wrapped into pieces no template knows alone, joined back.

PDF text prints a label too wide for its cell on several lines. Where the first piece reads as
the label (`其他对外管` / `理服务事项`), the table step knows the row and takes the rest for its
tail. Where no piece reads as a label alone (`规范性` / `文件`), the pieces would be words of no
row, and the values after them could be taken for the row before's (`规章`, a blank row): so
consecutive lines that each hold only such a piece are joined when together they are one row's
label (`规范性文件`), and the values after them are that row's.

A group label's piece may also open a line of digits (`度办理结 6 1`, a tall group cell beside a
wrapped number's tails): `group_piece_apart` parts it from them (wrapped.py, centred.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from ..lexicon import GROUP_LABEL_KINDS, Lexicon, split_label
from ..numbering import CJK_NUMERALS, LEAF_NUMBER
from .tokens import CellRow, is_spaced_digits

__all__ = [
    "group_piece_apart",
    "join_label_pieces",
    "later_part",
    "may_be_in_a_row_label",
    "may_go_on",
    "words_ahead",
]


def later_part(key: str, part: str) -> bool:
    """True when `part` (a key) is a later part of the label keyed `key` (`益` of 保护第三方合法权益),
    not its start: a wrapped label's next line."""
    return bool(part) and part in key and not key.startswith(part)


@cache
def _most_pieces(lexicon: Lexicon) -> int:
    """The most lines a row label may wrap over: one character a line, its longest spelling's
    length (a review's Chromium PDFs in 21 px type on A5 paper print `2.其` / `他` / `法` / … over
    twelve lines; until stop 55 four lines were joined at most, and such rows were lost)."""
    return max((len(e.spelling) for e in lexicon.entries if e.kind == "row"), default=1)


@cache
def _row_keys(lexicon: Lexicon) -> frozenset[str]:
    """Every row label's key."""
    return frozenset(e.key for e in lexicon.entries if e.kind == "row")


@cache
def _key_starts(lexicon: Lexicon) -> frozenset[str]:
    """Every start of a row label's key: pieces joined so far whose key starts no row's can name
    no row however many follow (the join asks for the key exactly), so the join stops there."""
    return frozenset(e.key[:n] for e in lexicon.entries if e.kind == "row" for n in range(len(e.key) + 1))


def may_go_on(text: str, lexicon: Lexicon) -> bool:
    """True when more pieces after `text` may still make a row's label."""
    return split_label(text).key in _key_starts(lexicon)


@cache
def _row_characters(lexicon: Lexicon) -> frozenset[str]:
    """Every character of a row label's key; 它 too where 他 is one (fold_variants: 其它 keys as 其他);
    and the numerals of a leading marker (`二、上年结转…`), which a key leaves out."""
    found = {c for e in lexicon.entries if e.kind == "row" for c in e.key} | set(CJK_NUMERALS + "十")
    return frozenset(found | {"它"} if "他" in found else found)


def may_be_in_a_row_label(text: str, lexicon: Lexicon) -> bool:
    """False when no text holding this one names a row (`_names_a_row`): it holds a Han ideograph
    that no row label's key holds.

    Exact, not a guess: a Han ideograph is a stable character (nfkc.py), so NFKC leaves it as it
    is and composes nothing with it, and a key keeps every Han character but a leading marker's
    numerals; so the key of any text holding this one holds its other ideographs, 它 alone changed
    (to 他, after 其). The test costs a set
    difference; the lexicon's lookup of a line of prose that matches nothing costs ~100 times more,
    and every run of such lines was looked up again joined (`_names_a_row`).
    """
    extra = set(text).difference(_row_characters(lexicon))
    return not any("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" for c in extra)


def _words(row: CellRow, last: bool) -> str | None:
    """The row's first words, where they are all the row holds (the last piece may have the row's
    values after it on its line)."""
    if row.bounds != "words" or not row.tokens or row.tokens[0].kind != "text":
        return None
    # (Letter-spaced digits are the row's values as much as values are: `开 4 0 0 0 1 0 5`.)
    values = all(t.kind == "value" or is_spaced_digits(t) for t in row.tokens[1:])
    if len(row.tokens) > 1 and not (last and values):
        return None
    return row.tokens[0].text.strip()


def _bare_number(text: str) -> bool:
    """True for a numbered label's number and mark alone (`8.`, `8 .` letter-spaced)."""
    return LEAF_NUMBER.match(text.replace(" ", "")) is not None


def _after_number(row: CellRow) -> tuple[str | None, int]:
    """The words of the line after a label's bare number and how many tokens they are: its first
    words, or 无 and words alone (`无 正 当 理`: 无正当理由…'s first character, read as a none mark
    where it opens a line)."""
    tokens = row.tokens
    if len(tokens) == 2 and tokens[0].text.strip() == "无" and tokens[1].kind == "text":
        return "无" + tokens[1].text.strip(), 2
    return _words(row, last=True), 1


def _naming_tail(row: CellRow, text: str, lexicon: Lexicon) -> str | None:
    """The row's first words where, after the pieces so far, they make exactly the label of the
    row they name alone (`1.属于` / `国家秘密`: 国家秘密 reads as 属于国家秘密 by itself, and the
    pieces before it named nothing): one row either way, its number's line no unknown row's."""
    words = _words(row, last=True)
    if not words or not _names_a_row(text + words, lexicon):
        return None
    key = split_label(text + words).key
    found = lexicon.match(words)
    return words if found and all(e.kind == "row" and e.key == key for e in found) else None


def _piece(row: CellRow, lexicon: Lexicon, last: bool) -> str | None:
    """The row's first words, if they may be a piece of a row label but match no label alone (or
    only a column's header after a row's number), and are all the row holds (the last piece may
    have the row's values after it on its line)."""
    text = _words(row, last)
    if text is None:
        return None
    # A text no row label can hold is never joined (what _names_a_row would say of every join).
    if not text or not may_be_in_a_row_label(text, lexicon):
        return None
    found = lexicon.match(text)
    # A piece that reads only as a column's header is a row label's start where the pieces after
    # it make a row's label whole (`其他` / `对外` / … / `事项`: 其他对外管理服务事项 in narrow label
    # cells; `2.其他`: no header carries a row's number): the join asks for the label exactly.
    if found and all(e.kind == "column" for e in found):
        return text
    return text if not found else None


def _names_a_row(text: str, lexicon: Lexicon) -> bool:
    """True when the text is, exactly, a row's label and no group's.

    Not a near match: the pieces of a label's tail (`要求缴纳费用、行政机关不` / `再处理其…`) would
    make a second row. Not a group's: a group label centred among its rows (`（六）其` / `他处理`,
    a 2021 group and a 2019 row) has its pieces between its rows' lines.
    """
    # The key without its markers, as the entries' (`3.危及“三安全一稳定”` keys as 危及三安全一稳定).
    key = split_label(text).key
    if key not in _row_keys(lexicon):
        return False  # (a set's lookup, not the lexicon's: a run of pieces asks at every line)
    found = lexicon.match(text)
    return any(e.kind == "row" and e.key == key for e in found) and not any(
        e.kind in GROUP_LABEL_KINDS for e in found
    )


def join_label_pieces(rows: Sequence[CellRow], lexicon: Lexicon) -> list[CellRow]:
    """Rows with each run of unmatched label pieces that together name a row joined into one row."""
    out: list[CellRow] = []
    i = 0
    while i < len(rows):
        joined: CellRow | None = None
        text = _piece(rows[i], lexicon, last=False)
        for j in range(i + 1, min(i + _most_pieces(lexicon), len(rows))):
            if text is None:
                break
            more, words = _piece(rows[j], lexicon, last=True), 1  # (the tokens the label's words take)
            if more is None and j == i + 1 and _bare_number(text):
                # A label's number mark on a line of its own (`8 .`, letter-spaced in text boxes):
                # the words after it are its label's first, whatever they name alone (`属于行政`).
                more, words = _after_number(rows[j])
            if more is None:
                more = _naming_tail(rows[j], text, lexicon)
                if more is None:
                    break
            text += more
            if _names_a_row(text, lexicon):
                # The label as one token where it began, then the values of its last line.
                label = rows[i].tokens[0]._replace(text=text)
                joined = rows[j]._replace(tokens=(label, *rows[j].tokens[words:]))
                break
            if len(rows[j].tokens) > words or not may_go_on(text, lexicon):
                break  # values end the label, or no label goes on so
        if joined is None:
            joined, j = _around_values(rows, i, lexicon)
        if joined is None:
            out.append(rows[i])
            i += 1
        else:
            out.append(joined)
            i = j + 1
    return out


def _around_values(rows: Sequence[CellRow], i: int, lexicon: Lexicon) -> tuple[CellRow | None, int]:
    """A label's pieces with its row's values on a line before its last piece, joined: the label
    and those values, and the index of the label's last piece. The values stand on the first
    piece's line (a tall cell's values aligned top: `规范性 3 3 81` / `文件`), a middle piece's, or a
    line of their own between two pieces (centred: `规范性` / `4 4 4` / `文件`). Rows do not
    overlap on the page, so values printed beside a label's lines are its row's, never the row's
    before (a blank 规章 took them: a review's Chromium PDFs in 4 em label cells)."""
    text, values, carrier = "", None, rows[i]
    for j in range(i, min(i + _most_pieces(lexicon) + 1, len(rows))):
        row = rows[j]
        piece = _piece(row, lexicon, last=True)
        if piece is None:
            # A line of values alone, between two pieces.
            if values is not None or j == i or row.bounds != "words" or not row.tokens:
                break
            if not all(t.kind == "value" for t in row.tokens):
                break
            values, carrier = row.tokens, row
            continue
        if len(row.tokens) > 1:
            if values is not None:
                break
            values, carrier = row.tokens[1:], row
        text += piece
        if not may_go_on(text, lexicon):
            break
        # The label ends on a piece alone (with the values on its line, the loop above joins it);
        # as many values as the row has cells or fewer (a blank cell dropped, or a gap).
        if values is not None and len(row.tokens) == 1 and _names_a_row(text, lexicon):
            if len(values) > max(lexicon.row_widths(text), default=0):
                break
            label = rows[i].tokens[0]._replace(text=text)
            return carrier._replace(tokens=(label, *values)), j
    return None, i


def group_piece_apart(row: CellRow, lexicon: Lexicon) -> tuple[CellRow, CellRow | None]:
    """The row without the group label's piece it opens with (`度办理结 5 5`), and that piece as a
    row of its own; the row and None when it opens with no such piece."""
    lead = words_ahead(row)
    words = " ".join(t.text.strip() for t in row.tokens[:lead])
    if row.bounds != "words" or not words or not lexicon.is_group_piece(words):
        return row, None
    return row._replace(tokens=row.tokens[lead:]), row._replace(tokens=row.tokens[:lead])


def words_ahead(row: CellRow) -> int:
    """How many of a row's tokens, from its first, are words."""
    lead = 0
    while lead < len(row.tokens) and row.tokens[lead].kind == "text":
        lead += 1
    return lead
