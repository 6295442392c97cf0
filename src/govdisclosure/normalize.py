"""Step 1: raw text -> normalized lines, one per input line, keeping each line's number (FORMAT.md §2)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import attrs
import regex

# Line ends of every platform; \f, \v and U+2028 stay inside a line so numbers match editors'.
LINE_END = regex.compile(r"\r\n|\r|\n")
# Invisible characters that split labels and numbers in copied text.
INVISIBLE = regex.compile(r"[\u200b-\u200f\u2060\ufeff\u202a-\u202e\u00ad]")
# Control characters other than tab; form feeds mark PDF page breaks and carry no text.
CONTROL = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@attrs.frozen
class Line:
    """One input line: its 1-based number, the text as printed, and a normalized form for matching."""

    number: int
    raw: str
    text: str

    @property
    def is_blank(self) -> bool:
        """True when the line holds nothing but spaces, tabs or NBSPs."""
        return not self.text.strip()


def normalize_line(raw: str) -> str:
    """Fold widths (NFKC: full-width digits, brackets, NBSP -> ASCII) and drop invisible characters."""
    text = INVISIBLE.sub("", raw)
    text = CONTROL.sub(" ", text)
    # NFKC maps NBSP and U+3000 to spaces and full-width forms to ASCII; tabs survive.
    return unicodedata.normalize("NFKC", text)


def split_lines(text: str) -> list[str]:
    """The text's lines, split on CRLF, CR or LF only; a leading BOM is dropped."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return LINE_END.split(text)


def normalize(text: str) -> Sequence[Line]:
    """Every line of the text, numbered from 1, with its normalized form."""
    return tuple(Line(i, raw, normalize_line(raw)) for i, raw in enumerate(split_lines(text), 1))
