"""Numbering markers (一、 （一） 1、 (1) ① 一是 第一): how each looks, its number, how it prints.

The one home of the marker grammar (FORMAT.md §2.1, §2.3). The outline's headings, the markers that
open a table label (一、本年新收 / （三）不予公开 / 1.属于国家秘密), a label's leaf number printed
apart from its words, and the places a heading may start inside a long line are all matched by
patterns built here from the same pieces: which characters make a numeral, which close a marker.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from .lazyregex import lazy_pattern
from .model import Marker, MarkerStyle

__all__ = [
    "BARE_MARKER",
    "CIRCLED",
    "CJK_NUMERALS",
    "INLINE_START",
    "LABEL_MARKER",
    "LABEL_START",
    "LABEL_START_ANYWHERE",
    "LEAF_NUMBER",
    "NEXT_CLAUSE",
    "MarkerMatch",
    "can_open_marker",
    "cjk_number",
    "label_marker_ordinal",
    "match_marker",
    "render_marker",
]

#: The digits of Chinese numerals as headings print them (〇 and 零 only inside 十 forms).
CJK_NUMERALS = "一二三四五六七八九"
#: Circled numbers ① … ⑳, a marker style of their own.
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# The pieces every pattern below is made of.
_CJK = "[一二三四五六七八九十]"  # one character of a Chinese numeral, 十 included
_OPEN, _CLOSE = "[(（]", "[)）]"  # brackets of either width (raw text; folded text has ASCII only)

# Heading markers, tried in this order on folded text (see sections/fold.py) at the start of a
# heading, after any indentation.
_HEADING_MARKERS: tuple[tuple[MarkerStyle, regex.Pattern[str]], ...] = (
    ("circled", regex.compile(r"(?P<num>[①-⑳])")),
    (
        # 一是 / 二是 run-in clauses, and 第一、/ 第一, / 第一部分 (never 第二十条: a separator must follow).
        "ordinal_phrase",
        regex.compile(
            rf"""(?: (?P<num>{_CJK}{{1,3}})是(?!否)
                  | 第(?P<num>{_CJK}{{1,3}})(?=\s*[、,:;]|部分|\s)(?:\s*[、,:;])? )""",
            regex.VERBOSE,
        ),
    ),
    # （一） (一) ( 一 ): brackets are folded to ASCII, so both widths match.
    ("cjk_paren", regex.compile(rf"\(\s*(?P<num>{_CJK}{{1,3}})\s*\)")),
    ("arabic_paren", regex.compile(r"\(\s*(?P<num>[0-9]{1,2})\s*\)")),
    # 一、 一. 一， (the comma folds to ASCII); never 一.5 or 十.5.
    ("cjk", regex.compile(rf"(?P<num>{_CJK}{{1,3}})\s*(?:、|\.(?![0-9])|,)")),
    # 1、 1. 1． (full stop folds to ASCII); never a decimal (1.5) or a date part.
    ("arabic", regex.compile(r"(?P<num>[0-9]{1,2})\s*(?:、|\.(?![0-9]))")),
)

#: The markers that open a table label cell (NFKC text): 一、 (三) 1. 1、. Unanchored and possessive,
#: so `split_label` can match it at a moving position without backtracking on a run of markers.
LABEL_MARKER = regex.compile(
    rf"""\s*+(?:
        (?P<cjk>{_CJK}++)\s*+[、.,，．]
      | {_OPEN}\s*+(?P<paren>{_CJK}++)\s*+{_CLOSE}
      | (?P<num>\d{{1,2}}+)\s*+[.、．,，](?!\d)
    )""",
    regex.VERBOSE,
)
#: A word of PDF text that opens a new label (1. / （三） / 四、), never glued to the words before it.
#: (Markdown escapes a leading 1. as `1\.`: pandoc's and html2text's text keep the backslash.)
_START = rf"(?:\d{{1,2}}+\\?[.、．](?!\d)|{_OPEN}{_CJK}++{_CLOSE}|{_CJK}++、)"
LABEL_START = regex.compile(rf"^{_START}")
#: The same marker anywhere in a text: where a label glued to the words before it starts (layout/glued.py).
LABEL_START_ANYWHERE = regex.compile(_START)
#: A label cell holding its marker alone (`5.`, `(二)`, `三、`): its words wrapped onto the next line.
BARE_MARKER = regex.compile(rf"^(?:\d{{1,2}}+\\?[.、．]|{_OPEN}{_CJK}++{_CLOSE}|{_CJK}++、)$")
#: A group's marker printed as a word of its own (`(四)` of `(四) 无 息`): its label's words follow.
GROUP_MARKER = lazy_pattern(rf"^{_OPEN}{_CJK}++{_CLOSE}$")
#: A group's marker, its closing bracket maybe wrapped to a later line of its narrow cell (`（四`).
GROUP_MARKER_PIECE = lazy_pattern(rf"^{_OPEN}{_CJK}++{_CLOSE}?$")
#: A row label's leaf number printed apart from its words (`1. 属于国家秘密`): a cell of its own.
LEAF_NUMBER = regex.compile(r"^\d{1,2}+[.．、]$")
#: Where a heading may start inside a long line (folded text): a Chinese numeral, a bracket, 1、.
INLINE_START = regex.compile(rf"{_CJK}|{_OPEN}|(?<![0-9])[1-9](?=[、.])")
#: A clause marker that ends a run-in title with no punctuation ("（二）主要做法1.加强组织领导…").
NEXT_CLAUSE = regex.compile(rf"[0-9]{{1,2}}[.、]|\([0-9]{{1,2}}\)|{_CJK}是")

# The characters a heading marker can open with (each pattern's first): most lines open with none
# of them, and one set lookup then spares six pattern matches.
_FIRST = frozenset(CIRCLED + CJK_NUMERALS + "十第(0123456789")
# For each of them, the marker patterns (in their order) a match may start with it, found by
# asking each pattern whether the character alone can begin a match (`partial`): a line opening
# with a bracket tries the two bracket styles, not all six.
_BY_FIRST = {
    char: tuple((style, pattern) for style, pattern in _HEADING_MARKERS if pattern.match(char, partial=True))
    for char in _FIRST
}

_SPACES = regex.compile(r"\s+")


# A NamedTuple, not an attrs class: internal, and an attrs class costs ~2.6 million instructions to define
# at import (docs/performance.md); a NamedTuple a fifth of that, immutable and compared by value too.
class MarkerMatch(NamedTuple):
    """A marker found in a line: the Marker and the offset just after it (and its trailing spaces)."""

    marker: Marker
    start: int
    end: int


def cjk_number(text: str) -> int | None:
    """The value of a Chinese numeral up to 99 (一 → 1, 十二 → 12, 二十 → 20), or None."""
    if not text or any(c not in CJK_NUMERALS + "十" for c in text):
        return None
    if "十" not in text:
        return CJK_NUMERALS.index(text) + 1 if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return None
    high = CJK_NUMERALS.index(tens) + 1 if tens else 1
    low = CJK_NUMERALS.index(units) + 1 if units else 0
    return high * 10 + low


def label_marker_ordinal(numeral: str) -> int:
    """The number of a Chinese numeral in a label's marker (一 → 1, 十二 → 12); 0 when it is none."""
    return cjk_number(numeral) or 0


def _ordinal(style: MarkerStyle, num: str) -> int | None:
    if style == "circled":
        return CIRCLED.index(num) + 1
    if style in ("arabic", "arabic_paren"):
        return int(num) if int(num) > 0 else None
    return cjk_number(num)


def can_open_marker(char: str) -> bool:
    """Whether a (folded) character can be the first of a heading marker."""
    return char in _FIRST


def match_marker(folded: str, raw: str, pos: int = 0) -> MarkerMatch | None:
    """The marker that starts `folded` at `pos` (raw gives the marker as printed), or None."""
    candidates = _BY_FIRST.get(folded[pos : pos + 1])
    if candidates is None:
        return None
    for style, pattern in candidates:
        found = pattern.match(folded, pos)
        if found is None:
            continue
        ordinal = _ordinal(style, found["num"])
        if ordinal is None:
            continue
        end = found.end()
        printed = _SPACES.sub("", raw[pos:end])
        while end < len(folded) and folded[end] in " \u3000\xa0":
            end += 1
        return MarkerMatch(Marker(printed, style, ordinal), pos, end)
    return None


def _cjk(n: int) -> str:
    if n < 10:
        return CJK_NUMERALS[n - 1]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else CJK_NUMERALS[tens - 1]) + "十" + (CJK_NUMERALS[units - 1] if units else "")


def render_marker(style: MarkerStyle, ordinal: int, variant: int = 0) -> str:
    """A marker of this style and number; `variant` picks a printed form (、 or ．, full or half width)."""
    if style == "cjk":
        return _cjk(ordinal) + ("、", "．", "，", ".")[variant % 4]
    if style == "cjk_paren":
        return ("（{}）", "({})")[variant % 2].format(_cjk(ordinal))
    if style == "arabic":
        return str(ordinal) + ("、", ".", "．")[variant % 3]
    if style == "arabic_paren":
        return ("（{}）", "({})")[variant % 2].format(ordinal)
    if style == "circled":
        return CIRCLED[ordinal - 1]
    return ("{}是", "第{}，")[variant % 2].format(_cjk(ordinal))
