"""Cell values: raw cell text -> Cell(value, raw, kind, unit) (FORMAT.md §2.5, SCHEMA.md Cells)."""

from __future__ import annotations

from decimal import Decimal

import regex

from .diagnostics import NUMBER_TOO_LONG
from .model import Basis, Cell, CellKind, Diagnostic, Number, Tables, Where
from .nfkc import nfkc
from .textcache import text_cache

# Longer digit runs are not counts a report prints; refusing them also keeps int() away from
# Python's 4300-digit conversion limit on hostile input.
MAX_DIGITS = 30

# Characters that carry no content inside a cell: zero-width marks, BOM, bidi marks.
INVISIBLE = regex.compile(r"[\u200b-\u200f\u2060\ufeff\u202a-\u202e\u00ad]")

#: What a document's reader prints before a run raised or lowered off the line in a cell (a footnote
#: mark after a number, `2¹` -> `2^1`): no digit of the number before it, and no number at all.
RAISED_MARK = "^"

#: The money units cells and headers print (FORMAT.md §2.5), 万元 first so it is never read as 元.
UNITS = ("万元", "元")
#: The units as a pattern piece, for every pattern that allows a unit after digits.
UNIT = "(?:" + "|".join(UNITS) + ")"

# One cell's number: an optional sign, digits with optional thousands commas, an optional
# fraction and an optional unit. Spaces may follow the sign or precede the unit, never split
# the digits: "1 2" is two values fused, not 12 (never guess a number).
# Possessive quantifiers: no backtracking on long input.
NUMBER = regex.compile(
    r"""
    ^(?P<sign>[+\-])?+\s*+
    (?P<int>\d{1,3}+(?:,\d{3})++|\d++)
    (?:\.(?P<frac>\d++))?+
    \s*+(?P<unit>{UNIT})?+$
    """.replace("{UNIT}", UNIT),
    regex.VERBOSE,
)

# Marks by which a body says "there is nothing here" (SCHEMA.md: kind none).
NONE_MARKS = frozenset(
    {"无", "/", "-", "—", "——", "--", "---", "－", "─", "－－", "×", "\\", "、"}
    | {"不适用", "暂无", "没有", "无此项"}
)


def unit_in_header(text: str, label: str) -> str | None:
    """The unit a money column's header names (`本年收费金额（单位：元）`), or None when it names none.

    Words outside the label decide; a label that carries its unit (`…（单位：万元）`) gives its own.
    """
    rest = text.replace(label, "")
    return next((u for u in UNITS if u in rest), None) or next((u for u in UNITS if u in label), None)


def clean(raw: str) -> str:
    """A cell's text with width folded (NFKC) and invisible characters and outer spaces removed."""
    if raw.isascii():
        # ASCII is NFKC already and holds no invisible mark: only the spaces go.
        return raw.strip()
    text = nfkc(INVISIBLE.sub("", raw))
    return text.strip()


def _digit_count(match: regex.Match[str]) -> int:
    return len(match["int"]) - match["int"].count(",") + len(match["frac"] or "")


@text_cache
def parse_number(text: str) -> tuple[Number, str | None] | None:
    """(value, unit) when the cleaned text is exactly one number, else None."""
    match = NUMBER.match(text)
    if match is None:
        return None
    if _digit_count(match) > MAX_DIGITS:
        return None
    digits = match["int"].replace(",", "")
    frac = match["frac"]
    if not (digits + (frac or "")).isdecimal():
        # `regex` knows digits of a newer Unicode than Python does (U+11DE0): no number to read.
        return None
    negative = match["sign"] == "-"
    value: Number
    if frac is None:
        value = -int(digits) if negative else int(digits)
    else:
        value = Decimal(f"{'-' if negative else ''}{digits}.{frac}")
    return value, match["unit"]


@text_cache
def is_value_text(raw: str) -> bool:
    """True when the text reads as a value (number or none mark), not as a label.

    A digit run too long to be a count still stands where a value stands: read as a label it
    would end its row and the row would vanish unseen; as a value it becomes a text cell that
    `value_diagnostics` reports (never a guessed number).
    """
    text = clean(raw)
    return text in NONE_MARKS or NUMBER.match(text) is not None


def read_cell(
    raw: str,
    line: int | None = None,
    unit: str | None = None,
    *,
    basis: Basis | None = None,
    where: Where | None = None,
) -> Cell:
    """Read one cell's raw text; `unit` is the header's unit when the cell prints none."""
    value, kind, printed_unit = _reading(raw)
    return Cell(value, raw, kind, printed_unit or unit if kind == "number" else None, line, basis, where)


@text_cache
def _reading(raw: str) -> tuple[Number | None, CellKind, str | None]:
    """(value, kind, printed unit) of a cell's raw text."""
    text = clean(raw)
    if not text:
        return None, "blank", None
    if text in NONE_MARKS:
        return None, "none", None
    number = parse_number(text)
    if number is None:
        return None, "text", None
    return number[0], "number", number[1]


def value_diagnostics(tables: Tables) -> list[Diagnostic]:
    """number-too-long for every cell printed as a number with more than MAX_DIGITS digits.

    Such a cell is kept as a text cell with its digits in `raw` (nothing lost, nothing guessed);
    the diagnostic says why it has no value.
    """
    found = []
    for name, table in tables.items():
        if table is None:
            continue
        for row, column, cell in table.cells():
            text = clean(cell.raw) if cell.kind == "text" else ""
            match = NUMBER.match(text) if text else None
            if match is not None and _digit_count(match) > MAX_DIGITS:
                found.append(
                    Diagnostic(
                        NUMBER_TOO_LONG,
                        f"{name}.{row}.{column}: a number of {_digit_count(match):,} digits (more than"
                        f" {MAX_DIGITS}) is not a count a report prints; kept as text, no value read",
                        cell.line,
                    )
                )
    return found
