"""Letter-spaced tables: digits set apart like cells, each number's pieces one `broken` token.

A table printed with space between every character (CSS `letter-spacing`, Word's distributed
alignment: `行 政 许 可  2 4 3 7 0 6`, `2 , 4 8 9`) comes out of PDF text with a space between
each digit, the same space that stands between two cells. `8 5 0` may then be 850, 85 and 0, or
8, 5 and 0: no text shows which (a review's Chromium PDFs in 0.25–0.5 em letter-spacing read
`8 5 0` as three cells, `2 , 4 8 9` as four). Where the text's table lines are letter-spaced, each
run of such digits on a line, two or more single digits (the first no `0`, which starts no
number) or digits around a lone separator or sign, becomes one `broken` token keeping the spaces: no
reading joins it to a number (`layout/tails.py` parses no text with spaces in it), and no value
beside it is placed by its row (`tables/rows.py`).

pdftotext `-layout` shows more: it sets two cells' values three spaces apart or more, and one
number's pieces one apart (`3 , 8 0 7   2 1   0`). There (`aligned`, words.aligned_words) each
run of pieces that reads as one number is that number. A run that reads as none (`3 , 8 0 7 2 1`,
two cells one space apart) stays broken. The label's words are joined back, with its number
mark and a 无 printed apart as its text (`1 . 申 请 人 无 正 当 …`).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from ..lazyregex import lazy_pattern
from ..lexicon import Lexicon
from ..normalize import Line
from ..values import NONE_MARKS, parse_number
from .tokens import CellRow, Token, number_marked, wu_after_group_marker

__all__ = ["letter_spaced", "unspaced"]

# Two characters of a label one space apart, and two printed together: 无 is a cell, not a label's.
SPACED_PAIR = lazy_pattern(r"[^\P{Han}无] (?=[^\P{Han}无])")
TIGHT_PAIR = lazy_pattern(r"[^\P{Han}无](?=[^\P{Han}无])")
# A line of label words is letter-spaced when it holds this many spaced pairs and no tight one.
SPACED_PAIRS = 3
# Lines of letter-spaced words that make a text letter-spaced. Of 2,327 texts of the project's
# corpora and ../shared, none holds more than 2 (a group label printed down its merged cell,
# `三 、本 年 度 办 理 结 果`), and of the review seeds' 36,000 texts printed with no letter-spacing
# none holds three; a letter-spaced table holds one per label and header line. A table 二 whose
# labels wrap two characters a line may hold only its five captions (`第 二 十 条 第 （ 一 ） 项`:
# a review's Chromium PDF in 0.5 em through pdfplumber, seed 20268827 r049-v1, whose `强 制 2 9 8`
# for 2, a blank and 98 was read as three cells).
SPACED_LINES = 5
# pdftotext -layout sets a line's cells two spaces apart or more: each run is judged alone, as a
# header line of letter-spaced labels (`内 容     本 年 新 制 作 数 量     本 年 新 公 开 数 量`)
# sets several together (a review's Chromium PDF in 0.5 em, seed 20268827 r049-v1).
RUNS_APART = lazy_pattern(r"\s{2,}+")
DIGIT = lazy_pattern(r"^\d$")
DIGITS = lazy_pattern(r"\d")  # a word holding a digit: a value's, or a label's number mark
# A number's marks: its separators and its sign (`- 2` may be -2, or a none mark `-` and 2).
SEPARATOR = frozenset({",", ".", "，", "．", "+", "-", "－"})


def letter_spaced(lines: Sequence[Line], lexicon: Lexicon) -> bool:
    """True when the text prints its table's words letter-spaced (`信 息 内 容`).

    A line counts where its words, set together, are a piece of a label: a header squeezed a
    character a column (`商 科 社 法 其`, Chromium's PDFs in large type) prints several cells'
    characters one space apart too, which spell no label, and its cells' values one space apart
    are two cells, not one number's pieces (a review's `2 1` under 社会公益组织 and 法律服务机构,
    read as 21; seed 20268811 r069-v1).
    """
    found = 0
    for line in lines:
        if any(_spaced_label(run, lexicon) for run in RUNS_APART().split(line.text)):
            found += 1
            if found >= SPACED_LINES:
                return True
    return False


def _spaced_label(text: str, lexicon: Lexicon) -> bool:
    """True when `text`'s words, set together, are a piece of a label set a space a character: its
    values left out, digits anywhere and none marks after it (`… 办 理 无 无 无 无 无 1 1`: a report
    printing its zeros as 无, whose rows would otherwise spell no label)."""
    words = [word for word in text.split() if not DIGITS().search(word)]
    while words and words[-1] in NONE_MARKS:
        words.pop()
    return (
        " " in text
        and len(SPACED_PAIR().findall(text)) >= SPACED_PAIRS
        and TIGHT_PAIR().search(text) is None
        and lexicon.is_fragment("".join(words))
    )


def _piece(token: Token) -> bool:
    return (token.kind == "value" and DIGIT().match(token.text.strip()) is not None) or (
        token.kind in ("text", "value") and token.text.strip() in SEPARATOR
    )


def _spread(run: Sequence[Token]) -> bool:
    """True when a run of single digits and separators may be one number's pieces."""
    texts = [t.text.strip() for t in run]
    if all(text in SEPARATOR for text in texts):
        return False  # marks alone (`- - -`): none marks, no number
    if any(text in SEPARATOR for text in texts):
        return True
    return any(a != "0" for a, _ in pairwise(texts))


def _next_piece(before: Token, token: Token) -> bool:
    """True when `token` may be the next piece of the number `before` is a piece of: on its line,
    one space after it where the text shows where words stand (letter-spacing sets a number's
    pieces one space apart; pdftotext -layout sets two cells' values further apart, and prints a
    squeezed header's narrow cells one space apart: `商 科 社 法 其` is no letter-spacing)."""
    if before.line != token.line:
        return False
    return before.x is None or token.x is None or token.x[0] - before.x[1] <= 1


def _joined(run: Sequence[Token], aligned: bool = False) -> Token:
    first, last = run[0], run[-1]
    x = (first.x[0], last.x[1]) if first.x is not None and last.x is not None else None
    # Where the run of pieces is set off at both ends (two spaces or more, or the line's end), it
    # stands where it is printed (tables/aligned.py reads both ends). Where a word stands one
    # space before or after it, its first pieces may be the cell's before (`— 1 1 1 , 6 0 1` for
    # —, 11 and 1,601) or its last the cell's after: neither end is the number's own.
    hidden = first.joined[0] or last.joined[1]
    edges = (hidden, hidden)
    joined = "".join(t.text.strip() for t in run)
    if aligned and x is not None and parse_number(joined) is not None:
        return first._replace(kind="value", text=joined, x=x, joined=edges)
    return first._replace(kind="broken", text=" ".join(t.text.strip() for t in run), x=x, joined=edges)


def _label_marks(row: CellRow) -> tuple[Token, ...]:
    """The row's tokens with a lone `、` or 无 between two label words made label text:
    letter-spaced, `三 、 本 年 度 办 理 结 果` and `4 . 无 正 当 理 由` print them apart, where each
    would read as a none mark."""
    tokens = list(row.tokens)
    for i in range(1, len(tokens)):
        mark, before = tokens[i], tokens[i - 1]
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        between = after is not None and before.kind == after.kind == "text"
        if mark.text.strip() in ("、", "无") and (between or _opens_group_label(before, mark)):
            tokens[i] = mark._replace(kind="text")
    return tuple(tokens)


def _opens_group_label(marker: Token, word: Token) -> bool:
    """True when `word` stands one space after a group's bracketed marker alone (`（ 四 ） 无   1 .
    本 机   2 …`: 无法提供's first character, the row's number mark after it), the first word of
    the group's label: no cell prints a bare marker."""
    return (
        marker.kind == "text"
        and wu_after_group_marker(marker.text, word.text)
        and (marker.x is None or word.x is None or word.x[0] - marker.x[1] <= 1)
    )


def _marks_label(run: Sequence[Token], after: Token | None) -> bool:
    """True when a run of digits opening a row is a label's number mark: label words follow
    right after its `.` (`1 . 申 请 人`, or `1` then `.申请人` as one word), or it ends the line (`3 .`
    alone: a narrow label cell's first line in text boxes, plain pdftotext; no number ends in `.`)."""
    if (after is not None and after.kind != "text") or not DIGIT().match(run[0].text.strip()):
        return False
    dotted = run[-1].text.strip() == "."
    if after is None:
        mark = dotted and len(run) > 1
    else:
        mark = dotted or (len(run) == 1 and after.text.strip().startswith("."))
    return mark and all(DIGIT().match(t.text.strip()) for t in run[:-1] if t.text.strip() != ".")


def unspaced(row: CellRow, aligned: bool = False) -> CellRow:
    """The row with each run of a number's letter-spaced pieces made one `broken` token (in
    `aligned` text, one value where it reads as one number), and the label's words one text: its
    `、`, its 无 and its number mark printed apart among them."""
    tokens: list[Token] = []
    run: list[Token] = []
    for token in (*_label_marks(row), None):
        if token is not None and _piece(token) and (not run or _next_piece(run[-1], token)):
            run.append(token)
            continue
        if all(t.kind == "text" for t in tokens) and run and _marks_label(run, token):
            # A label's number mark (`4 . 无 正 当`, `1 . 申 请 人`) is the label's text.
            tokens.extend(t._replace(kind="text") for t in run)
        elif len(run) >= 2 and _spread(run):
            tokens.append(_joined(run, aligned))
        else:
            tokens.extend(run)
        run = []
        if token is not None:
            if _piece(token):
                run.append(token)
            else:
                tokens.append(token)
    words = _words_joined(tokens)
    # (The row itself where nothing changed: no copy for each line of a letter-spaced text.)
    return row if words == row.tokens else row._replace(tokens=words)


def _opens_numbered_label(tokens: Sequence[Token], i: int) -> bool:
    """True when the token is a numbered label's number, its mark next (`1` / `.`): a label opens
    there, after a group's label on its line (`（ 四 ） 无 法 提 供 1 . 本 机 …`), and is no part of it."""
    return number_marked(tokens[i].text, tokens[i + 1].text if i + 1 < len(tokens) else "")


def _words_joined(tokens: Sequence[Token]) -> tuple[Token, ...]:
    """Label words one space apart made one (`1` / `.申请人` / `无` / `正当理由…`: a label's mark and
    its 无 printed apart split it, and each piece alone names no row)."""
    out: list[Token] = []
    for i, token in enumerate(tokens):
        before = out[-1] if out else None
        if (
            before is not None
            and before.kind == token.kind == "text"
            and not _opens_numbered_label(tokens, i)
            and before.x is not None
            and token.x is not None
            and token.x[0] - before.x[1] <= 1
        ):
            text = f"{before.text.strip()} {token.text.strip()}"
            out[-1] = before._replace(text=text, x=(before.x[0], token.x[1]))
        else:
            out.append(token)
    return tuple(out)
