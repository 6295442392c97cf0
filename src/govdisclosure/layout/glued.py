"""Layout pass: a group's label run into its first row's label with no space, parted in two.

A tool that joins a line's characters by their distance (pdfplumber) prints a tall group cell's
label and its first row's as one word where the cells are padded 0: `三、本年度办理结果（一）予以公开
2,205 2 2,207`, `（三）不予公开1. 属于国家秘密 2 2`. Read as one label, the words named no row, and
the row's values were taken for the blank row above (二、上年结转…'s 总计 read as 2,207: fresh
review seed 20268829 r024-v0, Chromium's PDF in 10 px, nowrap). Where a label's marker stands
inside such a text, the words before it exactly a group's label and those from it a row's, they
are two texts, the group's and the row's.
"""

from __future__ import annotations

from functools import cache

from ..lexicon import GROUP_LABEL_KINDS, Lexicon, split_label
from ..numbering import GROUP_MARKER_PIECE, LABEL_START_ANYWHERE
from .pieces import may_go_on
from .tokens import CellRow, Token

__all__ = ["part_glued_labels"]


# A group's label and a row's together are shorter than this; a longer text (prose) is not tried.
GLUED_MOST = 64


def part_glued_labels(row: CellRow, lexicon: Lexicon) -> CellRow:
    """The row with each text that is a group's label run into a row's parted into the two."""
    tokens: list[Token] = []
    for token in row.tokens:
        at = _glued_at(token.text, lexicon) if token.kind == "text" else None
        if at is None:
            tokens.append(token)
            continue
        head, tail = token._replace(text=token.text[:at]), token._replace(text=token.text[at:])
        if token.x is not None:
            # (The row's label starts where its text does, as far as the token's place shows.)
            cut = min(token.x[0] + at, token.x[1])
            head, tail = head._replace(x=(token.x[0], cut)), tail._replace(x=(cut, token.x[1]))
        tokens += [head, tail]
    return row._replace(tokens=tuple(tokens)) if len(tokens) != len(row.tokens) else row


@cache
def _group_starts(lexicon: Lexicon) -> frozenset[tuple[int | None, str]]:
    """Each group label's marker with every proper start of its words (its key), as
    pieces._key_starts holds rows' keys' starts: one set lookup a candidate, not a scan."""
    return frozenset(
        (e.paren, e.key[:n])
        for e in lexicon.entries
        if e.kind in GROUP_LABEL_KINDS and e.paren is not None
        for n in range(1, len(e.key))
    )


def _group_start(text: str, lexicon: Lexicon) -> bool:
    """True when `text` is a group label's marker and the start of its words, cut short by its
    narrow cell (`（三）不予公` of （三）不予公开, its `开` on the line below)."""
    parts = split_label(text)
    return (parts.paren, parts.key) in _group_starts(lexicon)


def _glued_at(text: str, lexicon: Lexicon) -> int | None:
    """Where a row's label starts in `text`, when the text before it is exactly a group's label."""
    if len(text) > GLUED_MOST:
        return None
    # (Every place a marker starts, overlapping ones too: one scan, not a match per character.)
    for mark in LABEL_START_ANYWHERE.finditer(text, 2, overlapped=True):
        at = mark.start()
        if at > len(text) - 2:
            break
        head, tail = text[:at], text[at:]
        # (Or the group's marker alone, its label's words wrapped to the lines below in its narrow
        # cell: `（四1.本机关不掌 9 9` / `）无` / `法提`, pdfplumber, fresh review seed 20268837 r006-v1.)
        piece = GROUP_MARKER_PIECE().match(head) is not None or _group_start(head, lexicon)
        group = piece or any(e.kind in GROUP_LABEL_KINDS for e in lexicon.match(head))
        if group and any(e.kind == "row" for e in lexicon.match(tail)):
            return at
        if piece and may_go_on(tail, lexicon):
            # (The marker before a row's label cut short by its own cell: `（三1.属于国` / `家秘密`.)
            return at
    return None
