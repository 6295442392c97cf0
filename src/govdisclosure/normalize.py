"""Step 1: raw text -> normalized lines, one per input line, keeping each line's number (FORMAT.md §2)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import count
from typing import NamedTuple

import regex

from .lazyregex import lazy_pattern
from .nfkc import nfkc

# Line ends of every platform; \f, \v and U+2028 stay inside a line so numbers match editors'.
LINE_END = re.compile(r"\r\n|\r|\n")
# Invisible characters that split labels and numbers in copied text.
INVISIBLE = regex.compile(r"[\u200b-\u200f\u2060\ufeff\u202a-\u202e\u00ad]")
# Control characters other than tab; form feeds mark PDF page breaks and carry no text.
CONTROL = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# The same, but sparing CR: `scrub` runs on the whole text, before it is split into lines.
STRAY_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A PDF page footer alone on its line ("-2-", "- 3 -", "第 4 页", "第 4 页 共 9 页", FORMAT.md §2.2 C):
# both the outline and the tables skip it. Possessive, so a long line cannot make it backtrack.
# Its dashes hug a page's number, a space apart at most (no page is 0): `-   0           -` is a
# table row's none marks around its 0 (pdftotext -layout, a row printing `-` for some of its
# zeros), not a page's number.
PAGE_FOOTER = regex.compile(
    r"^\s*+(?:[-—–]\s?+[1-9]\d{0,2}+\s?+[-—–]|第\s*+\d{1,3}+\s*+页(?:\s*+共\s*+\d{1,4}+\s*+页)?+)\s*+$"
)
# Form feeds opening a line (or the text): where pdftotext starts a PDF page.
PAGE_FEEDS = lazy_pattern(r"(?:^|(?<=[\r\n]))\f++")
# Lone surrogates are not characters (a str can hold them, UTF-8 cannot encode them): each becomes
# U+FFFD, so a Report always serializes.
SURROGATE = regex.compile(r"[\ud800-\udfff]")
# Any character `scrub` changes: most texts hold none, and one search of the whole text tells so.
# One class, in `re`, which tests a character against a class by a bitmap: 2.5 ns a character,
# where `regex` took 27 through the three classes as alternatives (12 through one class). `re`'s
# compiler builds that bitmap one code point at a time (0.5 ms of the import), once. Each of the three
# patterns is one bracketed class, so its inside joins the others'.
_TO_SCRUB = re.compile(f"[{INVISIBLE.pattern[1:-1]}{STRAY_CONTROL.pattern[1:-1]}{SURROGATE.pattern[1:-1]}]")


# A NamedTuple, not an attrs class: internal, and an attrs class costs ~2.6 million instructions to define
# at import (docs/performance.md); a NamedTuple a fifth of that, immutable and compared by value too.
class Line(NamedTuple):
    """One input line: its 1-based number, the text as printed, and a normalized form for matching."""

    number: int
    raw: str
    text: str
    # The PDF page the line is on, counted from 0 by the form feeds before it (pdftotext prints one
    # at each page's start): column positions in aligned text hold within one page only.
    page: int = 0

    @property
    def is_blank(self) -> bool:
        """True when the line holds nothing but spaces, tabs or NBSPs."""
        return not self.text.strip()


def normalize_line(raw: str) -> str:
    """Fold widths (NFKC: full-width digits, brackets, NBSP -> ASCII) and drop invisible characters."""
    text = INVISIBLE.sub("", raw)
    text = CONTROL.sub(" ", text)
    # NFKC maps NBSP and U+3000 to spaces and full-width forms to ASCII; tabs survive.
    return nfkc(text)


def scrub(text: str) -> str:
    """The text without what no reader sees: invisible marks go, control characters become spaces.

    Applied to `Line.raw` too, because the table reconstructor reads raw lines (tabs, pipes): a
    zero-width space, BOM or bidi mark copied in front of a cell must not make it a new cell, and a
    NUL must not glue two values into one number (it becomes a space, never nothing).
    """
    if _TO_SCRUB.search(text) is None:
        return text
    if INVISIBLE.search(text) is not None:
        text = INVISIBLE.sub("", text)
    if STRAY_CONTROL.search(text) is not None:
        text = STRAY_CONTROL.sub(" ", text)
    if SURROGATE.search(text) is not None:
        text = SURROGATE.sub("\ufffd", text)
    return text


def split_lines(text: str) -> list[str]:
    """The text's lines, split on CRLF, CR or LF only, invisible marks and control characters scrubbed."""
    return _lines_and_pages(text)[0]


def _lines_and_pages(text: str) -> tuple[list[str], list[int]]:
    """split_lines's lines, and each one's page (`_pages`; 0 for all when no form feed)."""
    if "\f" not in text:
        lines = LINE_END.split(scrub(text))
        return lines, [0] * len(lines)
    kept, dropped = _without_page_feeds(text)
    return LINE_END.split(scrub(kept)), _pages(kept, dropped)


def _without_page_feeds(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without the form feeds that open a line, and (offset, feeds) of each run dropped.

    A page's form feed opens its first line: dropped, not spaced, so the line's words keep the
    columns pdftotext -layout printed them at.
    """
    dropped = [(m.start(), len(m.group())) for m in PAGE_FEEDS().finditer(text)]
    return PAGE_FEEDS().sub("", text), dropped


def _pages(kept: str, dropped: list[tuple[int, int]]) -> list[int]:
    """Each line's page: the form feeds before its first character (pdftotext opens a page with one).

    `kept` and `dropped` are what `_without_page_feeds` makes: a feed between CR and LF is dropped
    too, and the two are then one line end (`\r\f\n`: one line break, not two).
    """
    pages: list[int] = []
    before = 0  # feeds before the current line, dropped or kept
    offset, shift, runs = 0, 0, iter(dropped)
    run = next(runs, None)
    for line in LINE_END.split(kept):
        # Feeds dropped at or before this line's start (offsets in `kept` shift by those dropped).
        while run is not None and run[0] - shift <= offset:
            before += run[1]
            shift += run[1]
            run = next(runs, None)
        pages.append(before)
        before += line.count("\f")
        offset += len(line)
        end = LINE_END.match(kept, offset)
        offset = end.end() if end is not None else offset
    return pages


def normalize(text: str) -> Sequence[Line]:
    """Every line of the text, numbered from 1, with its normalized form."""
    raws, pages = _lines_and_pages(text)
    # One pass over the whole text instead of three calls per line: a line feed is a normalization
    # boundary (a starter that composes with nothing, and no NFKC form holds one), so normalizing
    # the joined lines and splitting again gives exactly each line's `normalize_line`.
    # The raw lines are scrubbed: no invisible mark is left, and the only control characters
    # `normalize_line` would space out are the line ends it is joined by. NFKC alone remains.
    texts = nfkc("\n".join(raws)).split("\n")
    if not len(raws) == len(texts) == len(pages):  # pragma: no cover - NFKC never adds or drops a line feed
        raise AssertionError("normalized lines out of step with the raw lines")
    # map() calls Line for each line without a generator's frame: a report has hundreds of lines.
    return tuple(map(Line, count(1), raws, texts, pages))
