"""Word's styles and auto-numbering (numbering.xml): the numbers Word prints before a paragraph.

Headings often carry their numbers only here (`w:numPr`, direct or from the paragraph's style),
so the DOCX reader prints them as Word does (`一、`, `（一）`, `1、` …, FORMAT.md §2.2 L), with the
number formats of ST_NumberFormat that reports use.

Longer than 300 lines on purpose: Word's numbering model (abstract numbers, overrides, level
restarts, numbering from a paragraph's style) and the number formats it prints are one job.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from xml.etree import ElementTree

import attrs

from .docx_package import ALTERNATE, FALLBACK, FALSE, PPR, VAL, w

__all__ = ["Numbering", "Styles", "num_pr", "xml_int", "xml_val"]


def xml_int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def xml_val(parent: ElementTree.Element | None, tag: str) -> str | None:
    """The w:val of `parent`'s first `tag` child."""
    child = parent.find(tag) if parent is not None else None
    return child.get(VAL) if child is not None else None


def num_pr(ppr: ElementTree.Element | None) -> tuple[str | None, int | None]:
    """(numId, ilvl) of a paragraph properties' w:numPr, each None when absent."""
    num_pr = ppr.find(w("numPr")) if ppr is not None else None
    if num_pr is None:
        return None, None
    return xml_val(num_pr, w("numId")), _level_index(xml_val(num_pr, w("ilvl")))


def _level_index(value: str | None) -> int | None:
    level = xml_int(value)
    return level if level is not None and 0 <= level <= 8 else None


@attrs.frozen
class _Style:
    based_on: str | None
    num_id: str | None
    level: int | None


@attrs.frozen
class Styles:
    """Paragraph and numbering styles: the numbering a style gives, through its basedOn chain."""

    styles: dict[str, _Style]
    default: str | None

    @classmethod
    def read(cls, root: ElementTree.Element | None) -> Styles:
        """The styles of styles.xml (none without it)."""
        styles: dict[str, _Style] = {}
        default = None
        for style in root.iter(w("style")) if root is not None else ():
            style_id = style.get(w("styleId"))
            if style_id is None:
                continue
            num_id, level = num_pr(style.find(PPR))
            styles[style_id] = _Style(xml_val(style, w("basedOn")), num_id, level)
            if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true", "on"):
                default = style_id
        return cls(styles, default)

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) the style (or the style it is based on) numbers its paragraphs with."""
        level = None
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and len(seen) < 32:
            seen.add(style_id)
            style = self.styles.get(style_id)
            if style is None:
                break
            level = style.level if level is None else level
            if style.num_id is not None:
                return style.num_id, level
            style_id = style.based_on
        return None, None


@attrs.frozen
class _Level:
    """One level of a list: how its number prints (w:numFmt, w:lvlText) and counts."""

    format: str
    text: str
    start: int
    # w:lvlRestart: restart after a level above this one-based level is used; 0 never; None default.
    restart: int | None
    suffix: str
    legal: bool
    style: str | None

    @classmethod
    def read(cls, lvl: ElementTree.Element) -> _Level:
        """A w:lvl element."""
        number_format = xml_val(lvl, w("numFmt"))
        if number_format is None:
            # Newer formats sit in mc:AlternateContent with a fallback Word 2007 understands.
            number_format = xml_val(lvl.find(f"{ALTERNATE}/{FALLBACK}"), w("numFmt"))
        suffix = {"nothing": "", "space": " "}.get(xml_val(lvl, w("suff")) or "tab", " ")
        legal = lvl.find(w("isLgl"))
        return cls(
            format=number_format or "decimal",
            text=xml_val(lvl, w("lvlText")) or "",
            start=max(xml_int(xml_val(lvl, w("start")), 0) or 0, 0),
            restart=xml_int(xml_val(lvl, w("lvlRestart"))),
            suffix=suffix,
            legal=legal is not None and legal.get(VAL) not in FALSE,
            style=xml_val(lvl, w("pStyle")),
        )


@attrs.frozen
class _Num:
    """A w:num: the abstract list it instantiates, and its level overrides."""

    abstract: str
    starts: dict[int, int]
    levels: dict[int, _Level]


PLACEHOLDER = re.compile(r"%([1-9])")


@attrs.define
class Numbering:
    """numbering.xml, and the counters of the lists as the body is read in document order.

    Word counts per abstract list: numIds sharing an abstractNum continue one another, and a
    numId with a w:startOverride restarts that level where it is first used. Using a level
    restarts the deeper levels (unless their w:lvlRestart says otherwise).
    """

    abstracts: dict[str, dict[int, _Level]]
    style_links: dict[str, str]
    nums: dict[str, _Num]
    styles: Styles | None = None
    counters: dict[str, dict[int, int]] = attrs.field(factory=dict)
    started: set[tuple[str, int]] = attrs.field(factory=set)

    @classmethod
    def read(cls, root: ElementTree.Element | None) -> Numbering:
        """The lists of numbering.xml (none without it)."""
        abstracts: dict[str, dict[int, _Level]] = {}
        links: dict[str, str] = {}
        nums: dict[str, _Num] = {}
        if root is None:
            return cls(abstracts, links, nums)
        for abstract in root.iter(w("abstractNum")):
            key = abstract.get(w("abstractNumId")) or ""
            abstracts[key] = _levels(abstract)
            link = xml_val(abstract, w("numStyleLink"))
            if link is not None:
                links[key] = link
        for num in root.iter(w("num")):
            num_id, abstract_id = num.get(w("numId")), xml_val(num, w("abstractNumId"))
            if num_id is not None and abstract_id is not None:
                nums[num_id] = _num(abstract_id, num)
        return cls(abstracts, links, nums)

    def label(self, num_id: str, level: int | None, style_id: str | None) -> str:
        """The number Word prints before this paragraph (counting it); "" for none or a bullet."""
        num = self.nums.get(num_id)
        if num is None:
            return ""
        key = self._abstract(num.abstract)
        levels = {**self.abstracts.get(key, {}), **num.levels}
        if level is None:
            level = next((i for i, lvl in levels.items() if style_id and lvl.style == style_id), 0)
        definition = levels.get(level)
        if definition is None:
            return ""
        counters = self.counters.setdefault(key, {})
        self._count(counters, levels, num_id, num, level)
        return _label(definition, levels, counters)

    def _abstract(self, key: str) -> str:
        """The abstract list a numStyleLink points to (through its numbering style), else `key`."""
        link = self.style_links.get(key)
        if link is None or self.styles is None:
            return key
        num_id, _ = self.styles.numbering(link)
        num = self.nums.get(num_id or "")
        return num.abstract if num is not None else key

    def _count(
        self, counters: dict[int, int], levels: dict[int, _Level], num_id: str, num: _Num, level: int
    ) -> None:
        if (num_id, level) not in self.started and level in num.starts:
            counters[level] = num.starts[level]
        elif level in counters:
            counters[level] += 1
        else:
            counters[level] = levels[level].start
        self.started.add((num_id, level))
        for deeper in [d for d in counters if d > level]:
            restart = levels[deeper].restart if deeper in levels else None
            # A level restarts after any level above it, or after those above its w:lvlRestart.
            if restart is None or (restart > 0 and level < restart):
                del counters[deeper]


def _levels(parent: ElementTree.Element) -> dict[int, _Level]:
    levels: dict[int, _Level] = {}
    for lvl in parent.findall(w("lvl")):
        index = _level_index(lvl.get(w("ilvl")))
        if index is not None:
            levels[index] = _Level.read(lvl)
    return levels


def _num(abstract_id: str, num: ElementTree.Element) -> _Num:
    starts: dict[int, int] = {}
    levels: dict[int, _Level] = {}
    for override in num.findall(w("lvlOverride")):
        index = _level_index(override.get(w("ilvl")))
        if index is None:
            continue
        start = xml_int(xml_val(override, w("startOverride")))
        if start is not None:
            starts[index] = max(start, 0)
        lvl = override.find(w("lvl"))
        if lvl is not None:
            levels[index] = _Level.read(lvl)
    return _Num(abstract_id, starts, levels)


def _label(level: _Level, levels: dict[int, _Level], counters: dict[int, int]) -> str:
    """The level's w:lvlText with each %n replaced by level n's number in its own format."""
    if level.format == "bullet":
        return ""
    unknown = False

    def number(found: re.Match[str]) -> str:
        nonlocal unknown
        index = int(found[1]) - 1
        shown = levels.get(index, level)
        value = counters.get(index, shown.start)
        printed = _format("decimal" if level.legal else shown.format, value)
        unknown = unknown or printed is None
        return printed or ""

    text = PLACEHOLDER.sub(number, level.text)
    return "" if unknown or not text.strip() else text + level.suffix


# --- number formats (ST_NumberFormat) ---------------------------------------------------------

# Beyond this, every format prints decimal digits (letters and roman numerals would grow long).
MAX_NUMBER = 9999
CHINESE_DIGITS = "〇一二三四五六七八九"
LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _chinese(value: int, digits: str = CHINESE_DIGITS, units: str = "十百千", legal: bool = False) -> str:
    """一, 十, 十一, 二十, 一百零一 …: the counting numerals Word prints for Chinese lists."""
    if value == 0:
        return digits[0]
    out: list[str] = []
    zero = False
    text = str(value)
    for i, digit in enumerate(int(c) for c in text):
        if digit == 0:
            zero = True
            continue
        if zero and out:
            out.append("零" if not legal else digits[0])
        zero = False
        place = len(text) - 1 - i
        out.append(digits[digit] + (units[place - 1] if place else ""))
    printed = "".join(out)
    # 十一, not 一十一 (the legal form keeps 壹拾壹).
    return printed[1:] if not legal and 10 <= value < 20 else printed


def _roman(value: int) -> str:
    numerals = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )  # fmt: skip
    out = []
    for size, numeral in numerals:
        count, value = divmod(value, size)
        out.append(numeral * count)
    return "".join(out)


def _letter(value: int) -> str:
    """A, B … Z, AA, BB …: Word repeats the letter past Z."""
    return chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else "0"


def _cycle(symbols: str) -> Callable[[int], str]:
    return lambda value: symbols[(value - 1) % len(symbols)] if value > 0 else str(value)


def _enclosed(first: int, count: int) -> Callable[[int], str]:
    return lambda value: chr(first + value - 1) if 1 <= value <= count else str(value)


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda value: f"{value:02d}",
    "decimalFullWidth": lambda value: str(value).translate(FULL_WIDTH),
    "decimalFullWidth2": lambda value: str(value).translate(FULL_WIDTH),
    "decimalEnclosedCircle": _enclosed(0x2460, 20),
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 20),
    "decimalEnclosedParen": _enclosed(0x2474, 20),
    "decimalEnclosedFullstop": _enclosed(0x2488, 20),
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "japaneseCounting": _chinese,
    "taiwaneseCounting": _chinese,
    "taiwaneseCountingThousand": _chinese,
    "chineseLegalSimplified": lambda value: _chinese(value, LEGAL_DIGITS, "拾佰仟", legal=True),
    "ideographDigital": lambda value: "".join(CHINESE_DIGITS[int(c)] for c in str(value)),
    "taiwaneseDigital": lambda value: "".join(CHINESE_DIGITS[int(c)] for c in str(value)),
    "ideographTraditional": _cycle("甲乙丙丁戊己庚辛壬癸"),
    "ideographZodiac": _cycle("子丑寅卯辰巳午未申酉戌亥"),
    "upperRoman": _roman,
    "lowerRoman": lambda value: _roman(value).lower(),
    "upperLetter": _letter,
    "lowerLetter": lambda value: _letter(value).lower(),
    "none": lambda value: "",
}


def _format(number_format: str, value: int) -> str | None:
    """`value` as the format prints it; None for a format not known here (then no number)."""
    if number_format not in FORMATS:
        return None
    return FORMATS[number_format](value) if value <= MAX_NUMBER else str(value)
