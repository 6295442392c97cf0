"""Layout reader C: space-separated words of PDF text, values apart, words one label (FORMAT.md §2.2 C)."""

from __future__ import annotations

import regex

from ..normalize import Line
from ..numbering import LABEL_START
from .tabs import BOLD
from .tokens import CellRow, Token, reading, undouble

MD_HEADING = regex.compile(r"^\s*+#{1,6}+\s++")


def split_words(line: Line) -> CellRow:
    """Values split on spaces; the words between them joined into one label (blank cells leave no trace)."""
    tokens: list[Token] = []
    words: list[str] = []
    text = BOLD.sub("", line.raw) if "**" in line.raw else line.raw
    # A match, not a substitution: `sub` would try the anchored pattern at every position.
    heading = MD_HEADING.match(text)
    if heading is not None:
        text = text[heading.end() :]
    for word in text.split():
        # The remembered reading of a cell text: a word is a value, a broken number or label text.
        kind, _ = reading(word)
        if kind in ("value", "broken"):
            if words:
                tokens.append(Token("text", undouble("".join(words)), line.number))
                words = []
            tokens.append(Token(kind, word, line.number))
        else:
            if words and LABEL_START.match(word):
                tokens.append(Token("text", undouble("".join(words)), line.number))
                words = []
            words.append(word)
    if words:
        tokens.append(Token("text", undouble("".join(words)), line.number))
    return CellRow(tuple(tokens), line.number, "spaces", "words")
