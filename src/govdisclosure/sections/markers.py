"""Step 2 for the outline: heading numbering styles (一、 （一） 1、 (1) ① 一是 第一), FORMAT.md §2.1."""

from __future__ import annotations

import unicodedata

import attrs
import regex

from ..model import Marker, MarkerStyle

__all__ = ["CJK_NUMERALS", "MarkerMatch", "cjk_number", "fold", "match_marker", "render_marker"]

#: The digits of Chinese numerals as headings print them (〇 and 零 only inside 十 forms).
CJK_NUMERALS = "一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Each pattern runs on folded text (see `fold`) at the start of a heading, after any indentation.
_MARKERS: tuple[tuple[MarkerStyle, regex.Pattern[str]], ...] = (
    (
        "circled",
        regex.compile(r"(?P<num>[①-⑳])"),
    ),
    (
        # 一是 / 二是 run-in clauses, and 第一、/ 第一, / 第一部分 (never 第二十条: a separator must follow).
        "ordinal_phrase",
        regex.compile(
            r"""(?: (?P<num>[一二三四五六七八九十]{1,3})是(?!否)
                  | 第(?P<num>[一二三四五六七八九十]{1,3})(?=\s*[、,:;]|部分|\s)(?:\s*[、,:;])? )""",
            regex.VERBOSE,
        ),
    ),
    (
        # （一） (一) ( 一 ): brackets are folded to ASCII, so both widths match.
        "cjk_paren",
        regex.compile(r"\(\s*(?P<num>[一二三四五六七八九十]{1,3})\s*\)"),
    ),
    (
        "arabic_paren",
        regex.compile(r"\(\s*(?P<num>[0-9]{1,2})\s*\)"),
    ),
    (
        # 一、 一. 一， (the comma folds to ASCII); never 一.5 or 十.5.
        "cjk",
        regex.compile(r"(?P<num>[一二三四五六七八九十]{1,3})\s*(?:、|\.(?![0-9])|,)"),
    ),
    (
        # 1、 1. 1． (full stop folds to ASCII); never a decimal (1.5) or a date part.
        "arabic",
        regex.compile(r"(?P<num>[0-9]{1,2})\s*(?:、|\.(?![0-9]))"),
    ),
)

# The characters a marker can open with (each pattern's first): most lines open with none of
# them, and one set lookup then spares six pattern matches.
_FIRST = frozenset(_CIRCLED + CJK_NUMERALS + "十第(0123456789")

_SPACES = regex.compile(r"\s+")


@attrs.frozen
class MarkerMatch:
    """A marker found in a line: the Marker and the offset just after it (and its trailing spaces)."""

    marker: Marker
    start: int
    end: int


class _FoldTable(dict[int, str]):
    """str.translate table for `fold`: each character's one-character NFKC form, computed on first
    sight and remembered, so folding runs at C speed (a per-character NFKC call was the outline's
    hottest spot, docs/performance.md)."""

    # Characters remembered at most; beyond that (adversarial input) new ones are computed each time.
    LIMIT = 1 << 16

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = unicodedata.normalize("NFKC", char)
        out = char if len(folded) != 1 or char in _CIRCLED or char == "\t" else folded
        if len(self) < self.LIMIT:
            self[code] = out
        return out


_FOLD = _FoldTable()


# Characters `fold` leaves as they are, by Unicode's normalization stability (checked character by
# character in tests/test_fold.py): ASCII, general punctuation (“” — …), CJK punctuation (、。《》【】)
# and the Han blocks. Only runs of other characters go through the translate table.
_MAY_FOLD = regex.compile(
    r"[^\x00-\x7f\u2012-\u2023\u2025-\u202e\u2030-\u205e\u3001-\u3035\u3400-\u4dbf\u4e00-\u9fff]+"
)


def _fold_run(found: regex.Match[str]) -> str:
    return found.group().translate(_FOLD)


def fold(text: str) -> str:
    """Fold full-width forms to ASCII one character at a time, so offsets still index the raw text."""
    if text.isascii():
        # NFKC leaves ASCII unchanged (and tabs are kept anyway).
        return text
    return _MAY_FOLD.sub(_fold_run, text)


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


def _ordinal(style: MarkerStyle, num: str) -> int | None:
    if style == "circled":
        return _CIRCLED.index(num) + 1
    if style in ("arabic", "arabic_paren"):
        return int(num) if int(num) > 0 else None
    return cjk_number(num)


def match_marker(folded: str, raw: str, pos: int = 0) -> MarkerMatch | None:
    """The marker that starts `folded` at `pos` (raw gives the marker as printed), or None."""
    if folded[pos : pos + 1] not in _FIRST:
        return None
    for style, pattern in _MARKERS:
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
        return _CIRCLED[ordinal - 1]
    return ("{}是", "第{}，")[variant % 2].format(_cjk(ordinal))
