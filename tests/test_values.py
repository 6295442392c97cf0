"""read_cell: raw cell text -> Cell (SCHEMA.md "Cells", FORMAT.md §2.5)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.values import MAX_DIGITS, read_cell
from strategies import BLANK_TEXTS, NONE_TEXTS, TEXT_WORDS, NumberText, number_texts


@pytest.mark.parametrize(
    ("raw", "value", "unit"),
    [
        ("0", 0, None),
        ("2,601", 2601, None),  # seed 001, 采购总金额
        ("+61", 61, None),  # seed 000, 本年增/减
        ("-4", -4, None),  # seed 001
        ("237800", 237800, None),
        ("1,234,567", 1234567, None),
        ("12.86", Decimal("12.86"), None),
        ("7730.28", Decimal("7730.28"), None),
        ("5949.088667", Decimal("5949.088667"), None),
        ("1751292.6元", Decimal("1751292.6"), "元"),  # seed 003
        ("251000元", 251000, "元"),
        ("12.5万元", Decimal("12.5"), "万元"),
        ("１２３", 123, None),  # full-width digits
        ("＋６１", 61, None),
        ("－４", -4, None),
        ("２，６０１", 2601, None),
        (" 15 ", 15, None),
        ("\u00a037\u00a0", 37, None),
    ],
)
def test_numbers(raw: str, value: int | Decimal, unit: str | None) -> None:
    cell = read_cell(raw, line=7)
    assert cell.kind == "number"
    assert cell.value == value
    assert type(cell.value) is type(value)
    assert cell.unit == unit
    assert cell.raw == raw
    assert cell.line == 7


def test_header_unit_applies_when_the_cell_prints_none() -> None:
    cell = read_cell("12.86", unit="万元")
    assert (cell.value, cell.unit) == (Decimal("12.86"), "万元")
    # A unit printed in the cell wins over the header's.
    assert read_cell("251000元", unit="万元").unit == "元"


@pytest.mark.parametrize("raw", BLANK_TEXTS)
def test_blank_is_never_zero(raw: str) -> None:
    cell = read_cell(raw, line=3)
    assert cell.kind == "blank"
    assert cell.value is None
    assert cell.raw == raw


def test_nbsp_blank() -> None:
    cell = read_cell("\u00a0")
    assert (cell.kind, cell.value, cell.raw) == ("blank", None, "\u00a0")


@pytest.mark.parametrize("raw", NONE_TEXTS)
def test_none_marks(raw: str) -> None:
    cell = read_cell(raw)
    assert (cell.kind, cell.value) == ("none", None)


def test_wu_is_none_not_zero() -> None:
    cell = read_cell("无")
    assert cell.kind == "none"
    assert cell.value is None


@pytest.mark.parametrize("raw", TEXT_WORDS)
def test_words_are_text(raw: str) -> None:
    cell = read_cell(raw)
    assert (cell.kind, cell.value, cell.raw) == ("text", None, raw)


@pytest.mark.parametrize(
    "raw",
    [
        "1" * (MAX_DIGITS + 1),
        "9" * 5000,  # beyond Python's int() digit limit: must not raise
        "1" * 20 + "." + "2" * 20,
        "25380363300630003" * 3,  # a fused table-四 run repeated
    ],
)
def test_too_long_digit_runs_are_text(raw: str) -> None:
    cell = read_cell(raw)
    assert cell.kind == "text"
    assert cell.value is None
    assert cell.raw == raw


def test_bad_thousands_grouping_is_text() -> None:
    assert read_cell("2,60").kind == "text"
    assert read_cell("26,01,000").kind == "text"


@given(number_texts(max_digits=MAX_DIGITS))
def test_printed_numbers_read_back(number: NumberText) -> None:
    cell = read_cell(number.raw)
    assert cell.kind == "number"
    assert cell.value == number.value
    assert cell.unit == number.unit
    assert cell.raw == number.raw


@given(st.text(max_size=30))
def test_any_text_gives_a_consistent_cell(raw: str) -> None:
    cell = read_cell(raw)
    assert cell.raw == raw
    assert cell.kind in ("number", "blank", "none", "text")
    assert (cell.value is not None) == (cell.kind == "number")
    if not raw.strip(" \t\u00a0\u3000"):
        assert cell.kind == "blank"


@pytest.mark.parametrize("raw", ["\U00011de0", "1\U00011de0", "2.\U00011de1", "-\U00011de3"])
def test_digits_of_a_newer_unicode_than_python_s_are_no_number(raw: str) -> None:
    # `regex` reads U+11DE0 as a digit, Python's int() does not (hypothesis found the crash).
    cell = read_cell(raw)
    assert (cell.kind, cell.value) == ("text", None)
