"""Layout reader C: space-separated words of PDF text, values apart, words one label (FORMAT.md §2.2 C)."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..normalize import Line
from ..numbering import GROUP_MARKER, LABEL_START
from .tabs import BOLD
from .tokens import CellRow, Token, reading, undouble

MD_HEADING = regex.compile(r"^\s*+#{1,6}+\s++")
YEAR = regex.compile(r"^(?:19|20)\d\d$")
# Words set off from the words before them by a run of spaces: a column position, not a word gap.
SET_OFF = regex.compile(r"\S {3,}+\S")
# A word: what `str.split` gives (its whitespace is \s and the separators \x1c-\x1f), with where
# it stands.
WORD = regex.compile(r"[^\s\x1c-\x1f]++")
# Share of the rows of several words that must show it for the text to be aligned.
ALIGNED_SHARE = 0.5


def aligned_words(lines: Sequence[Line], rows: Sequence[CellRow]) -> bool:
    """True when the text's words rows print their words at column positions (pdftotext -layout).

    Tools that drop blank cells print one space between a row's words (pdfplumber, pdftotext
    -raw, lynx's one cell per line); -layout pads each word out to its column, so most rows of
    several words show runs of spaces inside them.
    """
    raw = {line.number: line.raw for line in lines}
    several = [raw[r.line] for r in rows if r.layout == "spaces" and len(raw.get(r.line, "").split()) >= 2]
    if not several:
        return False
    set_off = sum(1 for text in several if SET_OFF.search(text) is not None)
    return set_off >= ALIGNED_SHARE * len(several)


def _is_year(word: str, after: str) -> bool:
    # A year followed by 年 (a header's `2018 年事项数）` broken by PDF text): no table value is.
    return after.startswith("年") and YEAR.match(word) is not None


def _opens_group(split: Sequence[str], i: int) -> bool:
    """True for 无 between a group's marker and label words or the line's end: the first character
    of the group's label (（四）无法提供 broken by a narrow cell as `(四) 无 息`), not a none mark.

    Followed by values, it is one (`（五） 无 无 无 …`: a row's cells after its group's marker).
    """
    if split[i] != "无" or i == 0 or GROUP_MARKER().match(split[i - 1]) is None:
        return False
    return i + 1 == len(split) or reading(split[i + 1])[0] == "text"


def _place(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a word stands on its line, if set off from the words before it.

    pdftotext -layout prints each run of words at the column of its place on the page and the
    words of one run one space apart: a word one space after another stands where the run put it,
    not where its own cell is (`…申请数量 299` with 299's column ten characters further right).
    """
    set_off = start == 0 or (start >= 2 and text[start - 2 : start].isspace())
    return (start, end) if set_off else None


def split_words(line: Line) -> CellRow:
    """Values split on spaces; the words between them joined into one label (blank cells leave no trace)."""
    tokens: list[Token] = []
    words: list[str] = []
    text = BOLD.sub("", line.raw) if "**" in line.raw else line.raw
    # A match, not a substitution: `sub` would try the anchored pattern at every position.
    heading = MD_HEADING.match(text)
    if heading is not None:
        text = text[heading.end() :]
    found = list(WORD.finditer(text))
    split = [m.group() for m in found]
    for i, word in enumerate(split):
        # The remembered reading of a cell text: a word is a value, a broken number or label text.
        kind, _ = reading(word)
        if kind == "value" and i + 1 < len(split) and _is_year(word, split[i + 1]):
            kind = "text"  # `（指 2019 年事项数）`: a header's words, the year among them
        elif kind == "value" and _opens_group(split, i):
            kind = "text"
        if kind in ("value", "broken"):
            if words:
                tokens.append(Token("text", undouble("".join(words)), line.number))
                words = []
            tokens.append(Token(kind, word, line.number, _place(text, found[i].start(), found[i].end())))
        else:
            if words and LABEL_START.match(word):
                tokens.append(Token("text", undouble("".join(words)), line.number))
                words = []
            words.append(word)
    if words:
        tokens.append(Token("text", undouble("".join(words)), line.number))
    return CellRow(tuple(tokens), line.number, "spaces", "words", page=line.page)
