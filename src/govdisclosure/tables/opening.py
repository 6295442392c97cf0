"""Step 4 for table 三: words naming no row that show where a row or group opens (§2.2 C, E).

A narrow cell wraps a label into pieces that may read as no label (`1.本机关`, `5.要求行`), and a
group's label into pieces beside its rows (`（五）不予`, `（六）其它处`). Rows do not overlap on the
page, so such words say where the label waiting for values ends: the assembly (rows.py) reads them
with these predicates, and values past them are never that label's.
"""

from __future__ import annotations

from ..lexicon import Entry, split_label
from ..numbering import LABEL_MARKER
from .regions import MatchedRow

__all__ = ["marks_a_group", "opens_a_group", "opens_a_row", "unmarked"]


def opens_a_row(words: str) -> bool:
    """True when words naming no row open a numbered label (`1.本机关`, `5.要求行`: a label wrapped
    in a narrow cell whose pieces read as none). (Not a bracketed marker: `（五）不予` is as likely
    a group's label wrapped beside its first row; nor a bare `2.`, whose words the layout joins.)"""
    for word in words.split():
        marker = LABEL_MARKER.match(word)
        if marker is not None and marker["num"] and split_label(word).key:
            return True
    # (Letter-spaced, the number stands apart from its mark: `3 .其`.)
    parts = split_label(words)
    return parts.number is not None and parts.paren is None and bool(parts.key)


def opens_a_group(words: str, bracket: int | None, top: int | None = None) -> bool:
    """True when words naming no row open with a bracketed marker other than `bracket`, the one the
    label waiting for values stands under (its own, or its group's), or with a numeral marker other
    than `top` (likewise; None: not known): a row or group after its own opens there (`（六）其它处` /
    `理 1 1` after 5.要求行政机关确认…, a row of （五）; `三、本 （一）予以公` after 二、上年结转…).
    A marker alone on its line opens one too (`三、` / `本年 （一）予以` / `度办 公开 1 1`). (Its own
    group's piece beside one of its rows, `（五）不予 公开出版物 0 0 …`, opens none.)"""
    parts = split_label(words)
    bracketed = parts.paren is not None and parts.paren != bracket
    return bracketed or (top is not None and parts.cjk is not None and parts.cjk != top)


def marks_a_group(words: str) -> bool:
    """True when words naming no row open with a bracketed marker: a group's label, whole or in
    pieces (`（三）不予公`), or its marker alone."""
    return split_label(words).paren is not None


def unmarked(row: MatchedRow, anchor: Entry) -> bool:
    """True when the row prints the label of `anchor`, a numbered row, without its number
    (`无正当理`: a piece of `1.申请人无正当理由…` read as 4.无正当理由大量反复申请)."""
    printed = split_label(next((m.token.text for m in row.matches if anchor in m.entries), ""))
    numbered = anchor.number is not None or anchor.paren is not None
    return numbered and printed.number is None and printed.paren is None
