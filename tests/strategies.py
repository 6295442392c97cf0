"""Hypothesis strategies: cell texts with their expected values, and whole Reports built from the templates.

Expected values are computed here from the parts a strategy draws (sign, digits, fraction, unit),
never by calling the code under test, so a property compares two independent readings.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
from hypothesis import strategies as st

from govdisclosure import diagnostics as codes
from govdisclosure.model import (
    ActiveDisclosureTable,
    ApplicationsTable,
    Cell,
    Check,
    Diagnostic,
    Marker,
    Number,
    Report,
    ReviewLitigationTable,
    Section,
    Table,
    Tables,
)
from govdisclosure.templates import Template, default_templates

TEMPLATES: tuple[Template, ...] = tuple(default_templates())

# SCHEMA.md "Cells": what a body prints to say there is nothing (kind none) ...
NONE_TEXTS = ("无", "/", "-", "—", "——", "不适用")
# ... and what an empty cell looks like once flattened (kind blank): spaces, NBSP, ideographic space.
BLANK_TEXTS = ("", " ", "  ", "\u00a0", "\u3000", " \u00a0 ")
# Words that are not values (kind text).
TEXT_WORDS = ("见附件", "约10件", "未统计", "12件", "N/A", "1 2", "二十", "1.2.3")

FULL_WIDTH = str.maketrans("0123456789+-.,", "０１２３４５６７８９＋－．，")
UNITS = (None, "元", "万元")


@attrs.frozen
class NumberText:
    """A cell's printed number and what it must read as."""

    raw: str
    value: Number
    unit: str | None


def _group_thousands(digits: str) -> str:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return ",".join(groups)


@st.composite
def number_texts(draw: st.DrawFn, max_digits: int = 18) -> NumberText:
    """A number as reports print it: sign, thousands commas, decimals, a unit, full-width forms."""
    magnitude = draw(
        st.one_of(
            st.just(0),
            st.integers(1, 999),
            st.integers(1000, 10**7),
            st.integers(10**7, 10**max_digits - 1),
        )
    )
    digits = str(magnitude)
    frac = draw(st.one_of(st.none(), st.text("0123456789", min_size=1, max_size=4)))
    if len(digits) + len(frac or "") > max_digits:
        frac = None
    sign = draw(st.sampled_from(["", "", "+", "-"]))
    integer = _group_thousands(digits) if len(digits) > 3 and draw(st.booleans()) else digits
    unit = draw(st.sampled_from(UNITS))
    raw = f"{sign}{integer}" + (f".{frac}" if frac is not None else "") + (unit or "")
    if draw(st.booleans()):
        raw = raw.translate(FULL_WIDTH)
    pad = draw(st.sampled_from(["", " ", "\u00a0", "\t"]))
    raw = f"{pad}{raw}{pad}"
    value: Number
    if frac is None:
        value = -magnitude if sign == "-" else magnitude
    else:
        value = Decimal(f"{'-' if sign == '-' else ''}{digits}.{frac}")
    return NumberText(raw, value, unit)


lines = st.one_of(st.none(), st.integers(1, 5000))


@st.composite
def cells(draw: st.DrawFn) -> Cell:
    """A Cell of any kind, as the parser would build it from the raw text."""
    kind = draw(st.sampled_from(["number", "number", "number", "blank", "none", "text"]))
    line = draw(lines)
    if kind == "number":
        number = draw(number_texts(max_digits=30))
        # A header may give the unit the cell does not print (本年收费金额（单位：万元）).
        unit = number.unit or draw(st.sampled_from(UNITS))
        return Cell(number.value, number.raw, "number", unit, line)
    if kind == "blank":
        return Cell(None, draw(st.sampled_from(BLANK_TEXTS)), "blank", None, line)
    if kind == "none":
        return Cell(None, draw(st.sampled_from(NONE_TEXTS)), "none", None, line)
    return Cell(None, draw(st.sampled_from(TEXT_WORDS)), "text", None, line)


def _some(draw: st.DrawFn, items: tuple[str, ...], max_size: int) -> tuple[str, ...]:
    """Some of the items in their printed order; the rest missing, as in a damaged report."""
    chosen = draw(st.sets(st.sampled_from(items), max_size=max_size)) if items else set()
    return tuple(item for item in items if item in chosen)


@st.composite
def table_rows(draw: st.DrawFn, template: Template, table: str) -> dict[str, dict[str, Cell]]:
    """Rows of one table with the template's identifiers, each with cells in some of its columns."""
    rows: dict[str, dict[str, Cell]] = {}
    # A few rows per example keeps generation fast; across examples every identifier comes up.
    for row in _some(draw, template.row_ids(table), 6):
        columns = template.column_ids(table, row if table == "active_disclosure" else None)
        rows[row] = {column: draw(cells()) for column in _some(draw, columns, 7)}
    return rows


@st.composite
def tables(draw: st.DrawFn, template: Template) -> Tables:
    """The three tables of one template, each possibly absent (null)."""
    classes: tuple[type[Table], ...] = (ActiveDisclosureTable, ApplicationsTable, ReviewLitigationTable)
    built = {}
    for cls in classes:
        present = draw(st.booleans()) or draw(st.booleans())
        built[cls.name] = cls(draw(table_rows(template, cls.name))) if present else None
    return Tables(**built)


CJK = "一二三四五六七八九十"
MARKERS = {
    "cjk": lambda n: f"{CJK[n - 1]}、",
    "cjk_paren": lambda n: f"（{CJK[n - 1]}）",
    "arabic": lambda n: f"{n}、",
    "arabic_paren": lambda n: f"({n})",
    "ordinal_phrase": lambda n: f"{CJK[n - 1]}是",
}


@st.composite
def markers(draw: st.DrawFn) -> Marker:
    """A heading marker of any style with its ordinal."""
    style = draw(st.sampled_from(sorted(MARKERS)))
    ordinal = draw(st.integers(1, 10))
    return Marker(MARKERS[style](ordinal), style, ordinal)  # type: ignore[arg-type]


words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
titles = (
    st.sampled_from(["总体情况", "主动公开政府信息情况", "存在的主要问题及改进情况", "主动公开", ""]) | words
)


def sections(depth: int = 2) -> st.SearchStrategy[Section]:
    """A section with nested children down to `depth` levels."""
    children = st.just(()) if depth == 0 else st.lists(sections(depth - 1), max_size=3).map(tuple)
    return st.builds(
        Section,
        marker=st.none() | markers(),
        title=titles,
        text=words,
        children=children,
        kind=st.none() | st.sampled_from(["overview", "active_disclosure", "problems", "other_matters"]),
        line=lines,
    )


# Checks carry sums; JSON writes a non-integer as a binary64 float, so keep them to 15 digits.
check_numbers = st.one_of(
    st.none(),
    st.integers(-(10**15), 10**15),
    st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False, allow_infinity=False),
)


@st.composite
def checks(draw: st.DrawFn) -> Check:
    """One identity record."""
    path = st.sampled_from(["applications.new_received.total", "review_litigation.review.total", "x.y.z"])
    return Check(
        draw(st.sampled_from(["applications.balance.total", "review_litigation.group_total.review"])),
        draw(words),
        draw(check_numbers),
        draw(check_numbers),
        draw(st.sampled_from(["pass", "fail", "uncertain"])),
        tuple(draw(st.lists(path, max_size=4))),
    )


CODES = sorted(codes.SEVERITY)
diagnostics = st.builds(Diagnostic, code=st.sampled_from(CODES) | words, message=words, line=lines)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    """A whole Report built from one bundled template."""
    template = draw(st.sampled_from(TEMPLATES))
    return Report(
        title=draw(st.none() | words),
        organ=draw(st.none() | st.sampled_from(["青溪县市场监督管理局", "高新区"]) | words),
        year=draw(st.none() | st.integers(2008, 2030)),
        template=draw(st.sampled_from([template.name, None])),
        sections=tuple(draw(st.lists(sections(), max_size=6))),
        tables=draw(tables(template)),
        checks=tuple(draw(st.lists(checks(), max_size=5))),
        diagnostics=tuple(draw(st.lists(diagnostics, max_size=5))),
    )
