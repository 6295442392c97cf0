"""Step 2 for tables: normalized lines -> rows of cell tokens, one splitter per flattened layout (§2.2)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Literal

import attrs
import regex

from ..model import Number
from ..normalize import PAGE_FOOTER, Line
from ..values import clean, is_value_text, read_cell
from .lexicon import Lexicon, key_of

TokenKind = Literal["text", "value", "empty", "prose"]
Layout = Literal["tabs", "cells", "pipes", "boxes", "spaces", "fused"]

# A markdown table's separator row: |---|:---:|.
PIPE_RULE = regex.compile(r"^\s*+\|?+(?:\s*+:?+-{2,}+:?+\s*+\|)++\s*+:?+-*+:?+\s*+$")
# Box-drawing characters (U+2500-257F) as text browsers draw table borders.
BOX = regex.compile(r"[\u2500-\u257f]++")
BOX_RULE = regex.compile(r"^[\u2500-\u257f\s]*+$")
HAN = regex.compile(r"\p{Han}")
MD_HEADING = regex.compile(r"^\s*+#{1,6}+\s++")
BOLD = regex.compile(r"\*\*")
# A word that opens a new label: 1. / （三） / 四、 — never glued to the words before it.
LABEL_START = regex.compile(
    r"^(?:\d{1,2}+[.、．](?!\d)|[(（][一二三四五六七八九十]++[)）]|[一二三四五六七八九十]++、)"
)
# A cell that reads as digits run together, possibly with signs, decimals and a unit.
DIGIT_RUN = regex.compile(r"^[+\-]?+\d[\d.,+\-]*+(?:万元|元)?+$")
# A fused line is long and holds several table labels; shorter lines are real rows.
FUSED_MIN_CHARS = 80
FUSED_MIN_LABELS = 4
FUSED_PROSE_KEY = 8


@attrs.frozen
class Token:
    """One cell of a flattened row: label text, a value, or an empty cell."""

    kind: TokenKind
    text: str
    line: int

    @property
    def number(self) -> Number | None:
        """The number the cell holds, read as a cell is (commas, units, signs); None if none."""
        return read_cell(self.text, self.line).value


@attrs.frozen
class CellRow:
    """One flattened table row as its layout gives it."""

    tokens: tuple[Token, ...]
    line: int
    layout: Layout

    @property
    def texts(self) -> tuple[Token, ...]:
        """The label tokens."""
        return tuple(t for t in self.tokens if t.kind == "text")

    @property
    def has_values(self) -> bool:
        """True when any token is a value."""
        return any(t.kind == "value" for t in self.tokens)


def undouble(text: str) -> str:
    """信信息息内内容容 -> 信息内容: PDF fake-bold prints every character twice (pdfplumber)."""
    body = text.strip()
    if len(body) >= 4 and len(body) % 2 == 0 and body[0::2] == body[1::2] and HAN.search(body):
        return body[0::2]
    return text


def _token(text: str, line: int) -> Token:
    if not clean(text):
        return Token("empty", text, line)
    if is_value_text(text):
        return Token("value", text, line)
    return Token("text", undouble(text), line)


def _cell_tokens(text: str, line: int) -> list[Token]:
    """One cell's tokens; a cell holding several numbers apart (PDF-to-markdown) gives one each."""
    words = text.split()
    if len(words) > 1 and all(is_value_text(w) for w in words):
        return [Token("value", w, line) for w in words]
    return [_token(text, line)]


def _cells_of(parts: Sequence[str], line: int) -> tuple[Token, ...]:
    return tuple(t for part in parts for t in _cell_tokens(part, line))


def split_tabs(line: Line) -> CellRow:
    """A tab-separated row (FORMAT.md §2.2 A): every tab-delimited cell, empty ones kept."""
    text = BOLD.sub("", line.raw)
    return CellRow(_cells_of(text.split("\t"), line.number), line.number, "tabs")


def split_pipes(line: Line) -> CellRow:
    """A markdown or pipe-rendered row (§2.2 D): cells between pipes."""
    text = BOX.sub("|", line.raw).strip()
    text = text.removeprefix("|").removesuffix("|")
    return CellRow(_cells_of(text.split("|"), line.number), line.number, "pipes")


def split_spaces(line: Line) -> CellRow:
    """Space-separated PDF text (§2.2 C): values split on spaces, adjacent words joined into one label."""
    tokens: list[Token] = []
    words: list[str] = []
    for word in MD_HEADING.sub("", BOLD.sub("", line.raw)).split():
        if is_value_text(word):
            if words:
                tokens.append(Token("text", undouble("".join(words)), line.number))
                words = []
            tokens.append(Token("value", word, line.number))
        else:
            if words and LABEL_START.match(word):
                tokens.append(Token("text", undouble("".join(words)), line.number))
                words = []
            words.append(word)
    if words:
        tokens.append(Token("text", undouble("".join(words)), line.number))
    return CellRow(tuple(tokens), line.number, "spaces")


def _label_spans(text: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) of label spellings in fused text, longest first at each place."""
    found: list[tuple[int, int]] = []
    for spelling in lexicon.spellings:
        start = text.find(spelling)
        while start != -1:
            found.append((start, start + len(spelling)))
            start = text.find(spelling, start + 1)
    found.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    spans: list[tuple[int, int]] = []
    for start, end in found:
        if spans and start < spans[-1][1]:
            continue
        spans.append((start, end))
    return spans


def split_fused(line: Line, lexicon: Lexicon) -> Iterator[CellRow]:
    """A line whose cells lost their boundaries (§2.2 G): a row per label, the digit run after it."""
    text = line.text
    spans = _label_spans(text, lexicon)
    for i, (start, end) in enumerate(spans):
        stop = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        tail = text[end:stop]
        tokens = [Token("text", text[start:end], line.number)]
        run = tail.strip()
        # The run is digits with at most a few spaces; anything wordy is prose after the table.
        head = regex.match(r"[\d\s.,+\-元万%]*+", run)
        values = head.group(0).split() if head else []
        tokens += [Token("value", v, line.number) for v in values]
        rest = run[head.end() :].strip() if head else run
        if rest:
            # Between two labels of a real table there are only digits; words mean a sentence.
            wordy = len(key_of(rest)) >= FUSED_PROSE_KEY or any(p in rest for p in "，,。；;：:")
            tokens.append(Token("prose" if wordy else "text", rest, line.number))
        yield CellRow(tuple(tokens), line.number, "fused")


def is_fused(line: Line, lexicon: Lexicon) -> bool:
    """True when a line holds a whole table run together."""
    if len(line.text) < FUSED_MIN_CHARS or "\t" in line.text:
        return False
    text = line.text
    spans = _label_spans(text, lexicon)
    # Fused means glued: a label runs straight into the next label or into its digits. Labels
    # standing apart between spaces are an ordinary row (or fake-bold 其其他他 noise).
    starts = {start for start, _ in spans}
    glued = sum(1 for _, end in spans if end in starts or (end < len(text) and text[end].isdigit()))
    return glued >= FUSED_MIN_LABELS


def one_cell_per_line(lines: Sequence[Line]) -> bool:
    """True when tabbed lines mostly hold a single cell (§2.2 B), not a whole row (§2.2 A)."""
    tabbed = [ln for ln in lines if "\t" in ln.raw and ln.raw.strip(" \t\u00a0")]
    if len(tabbed) < 10:
        return False
    single = sum(1 for ln in tabbed if ln.raw.startswith("\t") and ln.raw.count("\t") == 1)
    return single >= 0.7 * len(tabbed)


def _group_cells(lines: Sequence[Line]) -> Iterator[CellRow]:
    """One cell per line, a blank line between rows; a line without a tab continues the cell above."""
    tokens: list[Token] = []
    first = 0
    for line in lines:
        # Stray spaces or NBSPs before a cell's tab do not make the line a continuation.
        body = line.raw.lstrip(" \u00a0\u3000")
        if not body.startswith("\t") and not line.raw.strip():
            if tokens:
                yield CellRow(tuple(tokens), first, "cells")
                tokens = []
            continue
        if PAGE_FOOTER.match(line.text):
            continue
        if body.startswith("\t") or not tokens:
            if not tokens:
                first = line.number
            tokens.append(_token(body.removeprefix("\t"), line.number))
        else:
            prev = tokens[-1]
            tokens[-1] = Token("text", prev.text + line.raw.strip(), prev.line)
    if tokens:
        yield CellRow(tuple(tokens), first, "cells")


def _add_box_line(rows: list[CellRow], line: Line) -> None:
    """A text browser's boxed row (w3m): lines between two rules are one row, merged cell by cell.

    A long label wraps inside its box over several lines, with its numbers on one of them;
    reading each line alone would give the label a row of empty cells.
    """
    row = split_pipes(line)
    previous = rows[-1] if rows else None
    continues = (
        previous is not None
        and previous.layout == "boxes"
        and previous.line == line.number - 1
        and len(previous.tokens) == len(row.tokens)
        and "─" not in line.raw
    )
    if previous is None or not continues:
        rows.append(CellRow(row.tokens, line.number, "boxes"))
        return
    merged = []
    for old, new in zip(previous.tokens, row.tokens, strict=True):
        text = (
            (old.text.strip() + new.text.strip()) if new.kind != "empty" or old.kind != "empty" else old.text
        )
        merged.append(_token(text, old.line if old.kind != "empty" else new.line))
    # Keep the row's line current so that the next wrapped line still continues it.
    rows[-1] = CellRow(tuple(merged), line.number, "boxes")


def cell_rows(lines: Sequence[Line], lexicon: Lexicon) -> list[CellRow]:
    """Every line as a row of cell tokens, each line split by the layout it shows."""
    if one_cell_per_line(lines):
        return list(_group_cells(lines))
    rows: list[CellRow] = []
    for line in lines:
        # A line of tabs alone is a row of empty cells (§2.2 A), not a blank line.
        if (
            (line.is_blank and line.raw.count("\t") < 2)
            or PAGE_FOOTER.match(line.text)
            or PIPE_RULE.match(line.text)
        ):
            continue
        if "\t" in line.raw:
            rows.append(split_tabs(line))
        elif BOX.search(line.raw):
            if not BOX_RULE.match(line.raw):
                _add_box_line(rows, line)
        elif line.text.count("|") >= 2:
            rows.append(split_pipes(line))
        elif is_fused(line, lexicon):
            rows.extend(split_fused(line, lexicon))
        else:
            rows.append(split_spaces(line))
    return rows


def row_key(row: CellRow) -> str:
    """All label text of a row as one matching key."""
    return "".join(key_of(t.text) for t in row.texts)
