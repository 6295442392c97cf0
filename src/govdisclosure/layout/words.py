"""Layout reader C: space-separated words of PDF text, values apart, words one label (FORMAT.md §2.2 C)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import pairwise
from typing import NamedTuple

import regex

from ..normalize import Line
from ..numbering import CJK_NUMERALS, LABEL_START
from .tabs import BOLD
from .tokens import HAN, CellRow, Token, number_marked, reading, undouble, wu_after_group_marker

Run = tuple[int, int, str]  # where a run of words starts and ends on its line, and its text

MD_HEADING = regex.compile(r"^\s*+#{1,6}+\s++")
YEAR = regex.compile(r"^(?:19|20)\d\d$")
# Words set off from the words before them by a run of spaces: a column position, not a word gap.
SET_OFF = regex.compile(r"\S {3,}+\S")
# A word: what `str.split` gives (its whitespace is \s and the separators \x1c-\x1f), with where
# it stands.
WORD = regex.compile(r"[^\s\x1c-\x1f]++")
# A run of words as pdftotext -layout prints one: words one space apart, set off by two or more.
RUN = regex.compile(r"[^\s\x1c-\x1f]++(?: [^\s\x1c-\x1f]++)*+")
# A run of one number's characters, letter-spaced (`3 , 8 0 7`) or not (`21`).
NUMBER_RUN = regex.compile(r"[\d,.+\-]++(?: [\d,.+\-]++)*+")
# Share of the rows of several words that must show it for the text to be aligned.
ALIGNED_SHARE = 0.5
# A decimal letter-spaced at its point: its head, to the point (`88.`), and its fraction (`34`).
DECIMAL_HEAD = regex.compile(r"\d++[.．]")
FRACTION = regex.compile(r"\d++")
# A label's last characters run into its row's first value, no space between (`行政规范性文件17`,
# `行政事业性收费906.47`: a cell padded 0, aligned left, its value in the next cell's first place).
# Not a header's note cut at its year (`（指2018`), nor a sentence ending in its number (`…政府信息932`).
LABEL_INTO_VALUE = regex.compile(
    r"^(?P<label>[^。；：]*[\p{Han}）)”](?<!指))(?P<value>\d[\d,]*+(?:\.\d++)?+)$"
)


def _label_into_value(word: str) -> regex.Match[str] | None:
    """The label and the value of a word whose label runs into its row's first value, else None."""
    into = LABEL_INTO_VALUE.match(word)
    return into if into is not None and reading(into["value"])[0] == "value" else None


def aligned_words(lines: Sequence[Line], rows: Sequence[CellRow], spaced: bool = False) -> bool:
    """True when the text's words rows print their words at column positions (pdftotext -layout).

    Tools that drop blank cells print one space between a row's words (pdfplumber, pdftotext
    -raw, lynx's one cell per line); -layout pads each word out to its column, so most rows of
    several words show runs of spaces inside them. A letter-spaced text (`spaced`,
    spaced.letter_spaced) sets a label's characters one space apart too: there a line's words
    are its runs, where two lines or more print two numbers set apart (a table printing no value
    shows none: its words are counted).
    """
    raw = {line.number: line.raw for line in lines}
    by_runs = spaced and _numbers_apart_twice(raw.values())
    texts = [raw.get(r.line, "") for r in rows if r.layout == "spaces"]
    several = [text for text in texts if len(RUN.findall(text) if by_runs else text.split()) >= 2]
    if not several:
        return False
    set_off = sum(1 for text in several if SET_OFF.search(text) is not None)
    return set_off >= ALIGNED_SHARE * len(several)


def _numbers_apart_twice(texts: Iterable[str]) -> bool:
    """True when two lines or more hold two runs of a number's characters side by side, set
    apart (`3 , 8 0 7   2 1`); the lines after the second are not read."""
    found = 0
    for text in texts:
        numeric = [NUMBER_RUN.fullmatch(run) is not None for run in RUN.findall(text)]
        found += any(a and b for a, b in pairwise(numeric))
        if found == 2:
            return True
    return False


class Runs(NamedTuple):
    """The runs of words of one line of aligned text, and the PDF page the line is on."""

    page: int
    runs: tuple[Run, ...]


class WordRuns(Mapping[int, Runs]):
    """Where each run of words stands on each line of aligned text (start, end, text), by line number.

    pdftotext -layout prints a text block's line as one run, its words one space apart, and sets
    runs off by two spaces or more; where a run stands is what tables/aligned.py reads. Read on
    demand: only the lines of tables' headers are asked for.
    """

    # A plain class, not attrs: internal, and an attrs class costs ~2.6 million instructions to
    # define at import (docs/performance.md).
    __slots__ = ("_lines",)

    def __init__(self, lines: Sequence[Line]) -> None:
        """The text's lines, by line number; lines holding nothing have no runs."""
        self._lines = {line.number: line for line in lines if line.text.strip()}

    def __getitem__(self, number: int) -> Runs:
        """The runs of the line numbered `number`."""
        line = self._lines[number]
        text = _aligned_text(line)
        return Runs(line.page, tuple((m.start(), m.end(), m.group()) for m in RUN.finditer(text)))

    def __iter__(self) -> Iterator[int]:
        """The numbers of the lines holding words."""
        return iter(self._lines)

    def __len__(self) -> int:
        """How many lines hold words."""
        return len(self._lines)


def _is_year(word: str, after: str) -> bool:
    # A year followed by 年 (a header's `2018 年事项数）` broken by PDF text): no table value is.
    return after.startswith("年") and YEAR.match(word) is not None


def _opens_group(split: Sequence[str], i: int) -> bool:
    """True for 无 between a group's marker and label words or the line's end: the first character
    of the group's label (（四）无法提供 broken by a narrow cell as `(四) 无 息`), not a none mark.

    Followed by values, it is one (`（五） 无 无 无 …`: a row's cells after its group's marker).
    """
    if i == 0 or not wu_after_group_marker(_marker_before(split, i), split[i]):
        return False
    return i + 1 == len(split) or reading(split[i + 1])[0] == "text"


def _marker_before(split: Sequence[str], i: int) -> str:
    """The word before word i, or the group marker ending there printed in pieces (`（四 ）`,
    `( 四 )`: letter-spaced, fresh review seed 20268838 r046-v1)."""
    if split[i - 1] not in (")", "）"):
        return split[i - 1]
    joined = "".join(split[max(0, i - 3) : i])
    return joined[max(joined.rfind("("), joined.rfind("（"), 0) :]


def _number_mark(split: Sequence[str], i: int) -> bool:
    """True for a number, the line's first word or after words of text, followed by a word opening
    with a numbered label's mark and its first character (`3 .危及“ 三安全一稳 定”`, `（三 ） 不 予公
    开 8 .属 于行 政`: PDF text of labels printed with a little letter-spacing, the number set apart
    from its mark; fresh review seed 20268838 r046-v1): the label's number, no value."""
    after = split[i + 1] if i + 1 < len(split) else ""
    first = i == 0 or reading(split[i - 1])[0] == "text"
    return first and number_marked(split[i], after) and HAN().match(after[1:2]) is not None


def _gap(found: Sequence[regex.Match[str]], i: int) -> int:
    """How many characters stand between word i - 1 and word i of a line (1: one space)."""
    return found[i].start() - found[i - 1].end()


def _enumeration_comma(
    split: Sequence[str], found: Sequence[regex.Match[str]], i: int, label: Sequence[str]
) -> bool:
    """True for a `、` one space after label words and one space before a word of text: a label's
    own enumeration comma set apart (`规章 （ 设区 的 市 、 自治 州 …`, a little letter-spacing through
    pdftotext -layout: fresh review seed 20268822 r004-v0), not a none mark; or ending a line of a
    letter-spaced label's characters, the label wrapped after it (`纳 费 用 、` / `行 政 机 关`:
    2.申请人逾期未按收费通知要求缴纳费用、…, pdfminer, fresh review seed 20268835 r087-v0)."""
    if split[i] != "、" or not label or i == 0 or _gap(found, i) != 1:
        return False
    if i == len(split) - 1:
        return (
            i >= 2
            and all(len(w) == 1 and reading(w)[0] == "text" for w in split[i - 2 : i])
            and _gap(found, i - 1) == 1
        )
    return _gap(found, i + 1) == 1 and reading(split[i + 1])[0] == "text"


def _spaced_marker(split: Sequence[str], found: Sequence[regex.Match[str]], i: int) -> bool:
    """True for a group's bracketed marker printed letter-spaced (`( 一 )`), set off by two spaces
    or more from the words before it: a label opens there (`三 、 本 年 度 办 理 结 果` … `( 一 )
    予 以 公 开` on one line, a group label and its first row's: fresh review seed 20268823
    r035-v0). (One space after `第` it is a caption's, `第 二 十 条 第 （ 一 ） 项`.)"""
    return (
        0 < i < len(split) - 2
        and split[i] in ("(", "（")
        and split[i + 2] in (")", "）")
        and split[i + 1] in CJK_NUMERALS
        and _gap(found, i) >= 2
    )


def _decimal_pieces(split: Sequence[str], found: Sequence[regex.Match[str]]) -> bool:
    """True when the line's last two words are a number ending in its decimal point and digits
    one space after it (`88. 34`: 88.34 letter-spaced, Chromium's PDF through pdftotext -layout):
    one number's pieces. (Not before other words: `8. 5 4 0 0 0 0 9` is a label's mark and its row.)"""
    return (
        len(split) >= 2
        and DECIMAL_HEAD.fullmatch(split[-2]) is not None
        and FRACTION.fullmatch(split[-1]) is not None
        and _gap(found, len(found) - 1) == 1
    )


def _aligned_text(line: Line) -> str:
    """The line without markdown's bold marks and heading marks: where its words stand is counted on this."""
    text = BOLD.sub("", line.raw) if "**" in line.raw else line.raw
    # A match, not a substitution: `sub` would try the anchored pattern at every position.
    heading = MD_HEADING.match(text)
    return text[heading.end() :] if heading is not None else text


def split_words(line: Line) -> CellRow:
    """Values split on spaces; the words between them joined into one label (blank cells leave no trace).

    Each token keeps where it stands on the line (`Token.x`; a label from its first word's start
    to its last word's end), which aligned text's columns are read from (tables/aligned.py).
    """
    tokens: list[Token] = []
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    text = _aligned_text(line)

    def label() -> None:
        if words:
            tokens.append(Token("text", undouble("".join(words)), line.number, (spans[0][0], spans[-1][1])))
            words.clear()
            spans.clear()

    found = list(WORD.finditer(text))
    split = [m.group() for m in found]
    pieces_from = len(split) - 2 if _decimal_pieces(split, found) else len(split)
    for i, word in enumerate(split):
        # The remembered reading of a cell text: a word is a value, a broken number or label text.
        kind, _ = reading(word)
        if kind == "value" and i + 1 < len(split) and _is_year(word, split[i + 1]):
            kind = "text"  # `（指 2019 年事项数）`: a header's words, the year among them
        elif kind == "value" and (
            _opens_group(split, i) or _number_mark(split, i) or _enumeration_comma(split, found, i, words)
        ):
            kind = "text"
        if i >= pieces_from:
            kind = "broken"
        start, end = found[i].start(), found[i].end()
        if kind in ("value", "broken"):
            label()
            joined = (i > 0 and _gap(found, i) == 1, i + 1 < len(split) and _gap(found, i + 1) == 1)
            tokens.append(Token(kind, word, line.number, (start, end), joined=joined))
        else:
            if LABEL_START.match(word) or _spaced_marker(split, found, i):
                label()
            into = _label_into_value(word)
            at = start + len(into["label"]) if into is not None else end
            words.append(word[: at - start])
            spans.append((start, at))
            if into is not None:
                # The label's words and the value are two tokens; the value's start touches them.
                label()
                joined = (True, i + 1 < len(split) and _gap(found, i + 1) == 1)
                tokens.append(Token("value", into["value"], line.number, (at, end), joined=joined))
    label()
    return CellRow(tuple(tokens), line.number, "spaces", "words", page=line.page)
