"""Layout reader C: space-separated words of PDF text, values apart, words one label (FORMAT.md §2.2 C)."""

from __future__ import annotations

import regex

from ..normalize import Line
from ..numbering import LABEL_START
from ..values import is_value_text
from .tabs import BOLD
from .tokens import CellRow, Token, is_broken_number, undouble

MD_HEADING = regex.compile(r"^\s*+#{1,6}+\s++")


def split_words(line: Line) -> CellRow:
    """Values split on spaces; the words between them joined into one label (blank cells leave no trace)."""
    tokens: list[Token] = []
    words: list[str] = []
    for word in MD_HEADING.sub("", BOLD.sub("", line.raw)).split():
        if is_value_text(word) or is_broken_number(word):
            if words:
                tokens.append(Token("text", undouble("".join(words)), line.number))
                words = []
            tokens.append(Token("value" if is_value_text(word) else "broken", word, line.number))
        else:
            if words and LABEL_START.match(word):
                tokens.append(Token("text", undouble("".join(words)), line.number))
                words = []
            words.append(word)
    if words:
        tokens.append(Token("text", undouble("".join(words)), line.number))
    return CellRow(tuple(tokens), line.number, "spaces", "words")
