"""Step 2 for the outline: is a line a heading, and what are its marker and title (FORMAT.md §2.1)?"""

from __future__ import annotations

import difflib
from collections.abc import Collection
from functools import lru_cache
from typing import Literal, NamedTuple

import regex

from ..keyindex import KeyIndex
from ..model import Marker
from ..numbering import can_open_marker, match_marker
from .config import SectionsConfig
from .fold import fold
from .labels import compact
from .text import TERMINATORS, clean_title

__all__ = ["Heading", "Shape", "canonical_kind", "read_heading", "section_kind"]

#: How a heading sits in its line (FORMAT.md §2.1): alone, run into prose, a markdown or bold heading,
#: found inside a long crawler line, or without any marker (a bare canonical title).
Shape = Literal["line", "runin", "markdown", "bold", "inline", "bare"]

# Optional indentation, markdown hashes and an opening bold mark before the marker.
_PREFIX = regex.compile(r"^[ \t\u3000\xa0]*(?P<hashes>\#{1,6}[ \t]*)?(?P<bold>\*\*)?[ \t\u3000\xa0]*")
# The characters _PREFIX can open with; a line opening with another (or empty) has an empty prefix.
_PREFIX_FIRST = frozenset(" \t\u3000\xa0#*")
_BOLD_END = regex.compile(r"\*\*")
# Sentence punctuation that makes 一是 / 第一 a clause; a comma that makes a weak title prose.
_CLAUSE_PUNCT = regex.compile(r"[。，,:：;；]")
_COMMA = regex.compile(r"[，,]")
# A digit as compact() keeps it: ASCII, or full-width (folded to ASCII).
_DIGIT = regex.compile(r"[0-9０-９]")
#: Styles whose numbered run-in clauses are prose, not headings ("1、推进政务新媒体…。加快…", seed 000).
WEAK_STYLES = frozenset({"arabic", "arabic_paren", "circled", "ordinal_phrase"})
#: Longest title a heading alone on its line may have; longer lines are numbered prose.
MAX_TITLE = 40
MAX_WEAK_TITLE = 25
#: A title this close to a canonical spelling names that section (SequenceMatcher ratio).
SIMILAR = 0.8


# A NamedTuple, not an attrs class: internal, and an attrs class costs ~2.6 million instructions to define
# at import (docs/performance.md); a NamedTuple a fifth of that, immutable and compared by value too.
class Heading(NamedTuple):
    """A heading as read from its line: marker (None for a bare title), title, shape and run-in prose."""

    marker: Marker | None
    title: str
    shape: Shape
    rest: str = ""


def canonical_kind(title: str, config: SectionsConfig) -> str | None:
    """The canonical section a title spells exactly (after spaces and 、/， are folded), or None."""
    return config.compact_kinds.get(compact(title))


@lru_cache(maxsize=8)
def _spelling_index(spellings: tuple[tuple[str, str], ...]) -> KeyIndex:
    return KeyIndex([spelling for _, spelling in spellings])


@lru_cache(maxsize=4096)
def _nearest(seen: str, spellings: tuple[tuple[str, str], ...]) -> str | None:
    best, score = None, SIMILAR
    # Only the spellings whose length and characters let the ratio reach SIMILAR (difflib's
    # quick_ratio bounds ratio from above; keyindex.py), in their order: most titles build no matcher.
    for i in _spelling_index(spellings).alike(seen, SIMILAR, 0):
        kind, spelling = spellings[i]
        # ratio() is at most 2*min/(len sum): skip the matcher when even that falls short of the best.
        if 2 * min(len(seen), len(spelling)) < score * (len(seen) + len(spelling)):
            continue
        ratio = difflib.SequenceMatcher(None, seen, spelling).ratio()
        if ratio >= score:
            best, score = kind, ratio
    return best


def section_kind(title: str, config: SectionsConfig) -> str | None:
    """The canonical section a title names: exactly, or nearly (typos such as 行政法复议)."""
    exact = canonical_kind(title, config)
    if exact is not None:
        return exact
    return _nearest(compact(title), config.compact_spellings)


def _split_runin(rest: str) -> tuple[str, str]:
    """(title, prose after it) at the first sentence end; the prose is empty when the title ends the line."""
    # fold keeps offsets, so the first terminator of the folded text is the raw text's cut too;
    # one find per terminator runs at C speed (a loop over the characters did not).
    folded = fold(rest)
    cut = min((at for at in map(folded.find, TERMINATORS) if at >= 0), default=-1)
    if cut < 0:
        return rest, ""
    return rest[:cut], rest[cut + 1 :]


def _accept(marker: Marker, title: str, shape: Shape, raw_title: str) -> bool:
    """Whether a marked line is a heading by its style and shape (numbered prose clauses are not)."""
    size = len(title)
    if size < 2:
        return False
    weak = marker.style in WEAK_STYLES
    if marker.style == "ordinal_phrase":
        # 一是 / 第一 are clauses unless alone on a short line with no sentence punctuation at all.
        bare = not _CLAUSE_PUNCT.search(fold(raw_title).strip().rstrip("#*"))
        return shape in ("line", "markdown") and bare and size <= 20
    if shape == "runin":
        return not weak and size <= MAX_TITLE
    if weak and shape == "line":
        return size <= MAX_WEAK_TITLE and not _COMMA.search(title)
    return size <= MAX_TITLE or shape in ("markdown", "bold")


def read_heading(line: str, config: SectionsConfig, styles: Collection[str] | None = None) -> Heading | None:
    """The heading a cleaned line opens with, or None when it is prose or a table row.

    `styles`: the marker styles wanted (a line opening with another style gives None at once).
    """
    pos, hashes, bold = 0, None, None
    if line[:1] in _PREFIX_FIRST:
        # (Most lines open with a character no prefix does: they are spared the match object.)
        prefix = _PREFIX.match(line)
        assert prefix is not None  # the pattern matches the empty string
        pos = prefix.end()
        hashes, bold = prefix["hashes"], prefix["bold"]
    body = line[pos:]
    if not body.strip():
        return None
    # Most lines cannot open a marker: fold works character by character, so the first character
    # folded alone decides, and only a line that may hold one is folded whole.
    found = match_marker(fold(line), line, pos) if can_open_marker(fold(line[pos : pos + 1])) else None
    if found is None:
        return _bare(line[pos:], config, hashes is not None or bold is not None)
    if styles is not None and found.marker.style not in styles:
        return None
    rest = line[found.end :]
    shape: Shape
    if bold:
        closing = _BOLD_END.search(rest)
        raw_title, after = (rest[: closing.start()], rest[closing.end() :]) if closing else (rest, "")
        shape = "bold"
    elif hashes:
        raw_title, after, shape = rest.rstrip("# \t"), "", "markdown"
    else:
        raw_title, after = _split_runin(rest)
        shape = "runin" if after.strip() else "line"
    title = clean_title(raw_title)
    if not _accept(found.marker, title, shape, raw_title):
        return None
    return Heading(found.marker, title, shape, after.strip())


@lru_cache(maxsize=8)
def _more_han_than(count: int) -> regex.Pattern[str]:
    # Anchored, and every repeat possessive with one way to match: a failed match has read the
    # text once (linear), and one counted group compiles in a fifth of a millisecond (repeating
    # the class `count` times in the pattern took milliseconds of the first parse).
    return regex.compile(rf"(?:[^\u4e00-\u9fff]*+[\u4e00-\u9fff]){{{count + 1}}}")


def _han_beyond(text: str, count: int) -> bool:
    """Whether the text holds more than `count` characters of the basic Han block.

    One match up to the (count+1)-th, with no match object per character (a finditer stepped
    through them: 2.8 against 0.9 microseconds on a prose line).
    """
    return _more_han_than(count).match(text) is not None


def _bare(text: str, config: SectionsConfig, marked: bool) -> Heading | None:
    """A canonical title printed without its numeral (、主动公开政府信息情况, ## 总体情况)."""
    # The compact title keeps every basic Han character of the line (clean_title and compact drop
    # only spaces, marks and quotes; fold leaves the block as it is): a line with more of them than
    # the longest canonical spelling names no section. One bounded match rejects a prose line
    # without cleaning it (tests/test_text_fast_paths.py).
    if _han_beyond(text, config.longest_spelling):
        return None
    # Digits survive the same way: a table row's line (行政许可 0 0 0) names no section either.
    if not config.digit_in_spelling and _DIGIT.search(text) is not None:
        return None
    stripped = text.lstrip("、,， \t")
    title = clean_title(stripped)
    if canonical_kind(title, config) is None:
        return None
    if not marked and not text.lstrip().startswith(("、", ",", "，")) and len(text.strip()) > len(title) + 2:
        return None
    return Heading(None, title, "bare")
