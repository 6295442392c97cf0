"""A numbered row label wrapped into pieces is joined back like an unnumbered one (layout/pieces.py).

A review's LibreOffice PDF (seed 20268803 r063, 4 em label cells aligned bottom) printed
`3.危及“三` / `安全一稳  1  1` / `定”`: no piece reads as a label alone, and the joined text was
compared with the label's key with its `3.` still on it, so the pieces stayed words of no row and
their values went to the blank row before (2.其他法律行政法规禁止公开's 总计 read as 1).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from hypothesis import assume, given
from hypothesis import strategies as st

import govdisclosure
from govdisclosure.lexicon import lexicon_for
from plain_table import HEAD, TAIL, TEMPLATES

LEXICON = lexicon_for(TEMPLATES)


def _unknown_cuts(label: str) -> list[list[str]]:
    """The label cut into two or three pieces of two characters or more, none a label alone."""
    n = len(label)
    cuts: list[tuple[int, ...]] = [(a,) for a in range(2, n - 1)]
    cuts += [(a, b) for a in range(2, n - 1) for b in range(a + 2, n - 1)]
    out = []
    for cut in cuts:
        pieces = [label[s:e] for s, e in itertools.pairwise((0, *cut, n))]
        if not any(LEXICON.match(p) for p in pieces):
            out.append(pieces)
    return out


def _numbered_cases(cuts: Callable[[str], list[list[str]]]) -> list[tuple[str, str, str, list[str]]]:
    """(template, the row before, the row, its pieces): numbered rows after a row of the same
    table, each cut every way `cuts` gives."""
    return [
        (name, spec.rows[i - 1].id, row.id, pieces)
        for name in ("2019", "2021")
        for spec in [TEMPLATES[name].applications]
        for i, row in enumerate(spec.rows)
        if i > 0 and row.standard and spec.rows[i - 1].standard and row.label.label[:1].isdigit()
        for pieces in cuts(row.label.label)
    ]


CASES = _numbered_cases(_unknown_cuts)


def _values(data: st.DataObject) -> tuple[list[int], str]:
    """A row's seven values (总计 the sum of the others), and as printed."""
    values = data.draw(st.lists(st.integers(1, 999), min_size=6, max_size=6))
    values.append(sum(values))
    return values, " ".join(map(str, values))


def _parsed(name: str, before: str, rid: str, lines: list[str]) -> govdisclosure.Report:
    """Table 三 of the template, `rid` printed as `lines`, the row `before` it printed without
    values (its cells blank), every other row printed whole with zeros."""
    body = []
    for row in TEMPLATES[name].applications.rows:
        if not row.standard:
            continue
        if row.id == rid:
            body += lines
        elif row.id == before:
            body.append(row.label.label)
        else:
            body.append(f"{row.label.label} {' '.join(['0'] * 7)}")
    return govdisclosure.parse("\n".join(["一、总体情况", *HEAD, *body, *TAIL]))


def _read_at(
    name: str, before: str, rid: str, pieces: list[str], where: int, printed: str
) -> tuple[list[object], str]:
    """Table 三 with `rid` printed as its pieces, its values on piece `where`'s line: the row's
    values as read and what was said unplaced; the blank row before must get none of them."""
    report = _parsed(name, before, rid, [*pieces[:where], f"{pieces[where]} {printed}", *pieces[where + 1 :]])
    table = report.tables.applications
    assert table is not None
    assert [c.value for c in table.rows.get(before, {}).values()] in ([], [None] * 7)
    said = " | ".join(d.message for d in report.diagnostics if d.code == "cell-unplaced")
    return [c.value for c in table.rows.get(rid, {}).values()], said


def test_the_review_s_pieces_are_the_row_s() -> None:
    assert ["3.危及“三", "安全一稳", "定”"] in [
        c[3] for c in CASES if c[2] == "denied_three_safeties_one_stability"
    ]


@given(st.sampled_from(CASES), st.data())
def test_values_beside_a_numbered_label_s_pieces_are_its_row_s(
    case: tuple[str, str, str, list[str]], data: st.DataObject
) -> None:
    name, before, rid, pieces = case
    values, printed = _values(data)
    where = data.draw(st.integers(0, len(pieces) - 1))  # the piece whose line holds the values
    got, _ = _read_at(name, before, rid, pieces, where, printed)
    assert got == values


# Numbered rows whose labels wrap onto many lines, after a row of the same table. (Until stop 55
# four lines were joined at most, and the pieces of longer wraps stayed words of no row.)
LONG = [
    (name, spec.rows[i - 1].id, row.id, row.label.label)
    for name in ("2019", "2021")
    for spec in [TEMPLATES[name].applications]
    for i, row in enumerate(spec.rows)
    if i > 0 and row.standard and spec.rows[i - 1].standard and row.label.label[:1].isdigit()
    if len(row.label.label) >= 12
]


@st.composite
def narrow_pieces(draw: st.DrawFn, label: str) -> list[str]:
    """A label cut as a narrow cell wraps it: the number and a few characters, then lines of two
    or three, none a label alone."""
    cut = draw(st.integers(3, max(3, min(5, len(label) - 10))))
    pieces = [label[:cut]]
    while cut < len(label):
        # (Two characters where three would leave too few for six pieces: a wrap over more than
        # four lines is the case; drawn so, not filtered out.)
        wanted = 6 - len(pieces) - 1
        size = 2 if len(label) - cut - 3 < 2 * wanted else draw(st.integers(2, 3))
        pieces.append(label[cut : cut + size])
        cut += size
    if len(pieces[-1]) < 2:
        pieces[-2:] = [pieces[-2] + pieces[-1]]
    assume(len(pieces) > 5 and not any(LEXICON.match(p) for p in pieces))
    return pieces


# Those a narrow cell wraps over six lines or more (its first piece of three characters or more,
# then two or three a line).
SIX_LINES = [case for case in LONG if len(case[3]) >= 3 + 2 * 5]


@given(st.sampled_from(SIX_LINES), st.data())
def test_values_of_a_row_whose_label_reads_as_none_are_not_the_row_before_s(
    case: tuple[str, str, str, str], data: st.DataObject
) -> None:
    # A review's Chromium PDFs (seeds 20268801-03 r004, r099, r019, r061; 6 em label cells, 19-21
    # px type) printed `8.属于行政查询事项` alone, then `（四）无 1.本机关 4 4` / `法提供不掌握` / …,
    # or `4.无正当理由大量反复申请` / `5.要求行 1 1` / `政机关` / …: the row before took the values.
    name, before, rid, label = case
    pieces = data.draw(narrow_pieces(label))
    values, printed = _values(data)
    where = data.draw(st.integers(0, 2))  # values on the first piece's line or a little below
    got, said = _read_at(name, before, rid, pieces, where, printed)
    assert got == values or (got == [] and printed in said)


# Line breaking keeps closing marks on the line before (`用、`) and opening ones on the next (`“三`).
CLOSING, OPENING = "、，。；：）”", "（“"


def _a_character_a_line(label: str) -> list[str]:
    """The label as a narrow cell in large type prints it: its number and first character, then
    one character a line (`2.其` / `他` / `法` / …; a review's Chromium PDFs in 21 px type on A5)."""
    head = len(label) - len(label.lstrip("0123456789.")) + 1
    pieces = [label[:head]]
    for char in label[head:]:
        if char in CLOSING or pieces[-1][-1] in OPENING:
            pieces[-1] += char
        else:
            pieces.append(char)
    return pieces


@given(st.sampled_from(LONG), st.data())
def test_a_label_printed_a_character_a_line_is_its_row_s(
    case: tuple[str, str, str, str], data: st.DataObject
) -> None:
    # Review seed 20268804 r024 (Chromium, A5, 21 px, 6 em label cells): 2.其他法律行政法规禁止公开
    # over thirteen lines, its values on its first (`2.其  2 0 0 0 0 0 2`): said, never read.
    name, before, rid, label = case
    pieces = _a_character_a_line(label)
    assume(not any(LEXICON.match(p) for p in pieces))
    values, printed = _values(data)
    where = data.draw(st.sampled_from([0, len(pieces) - 1]))  # aligned top or bottom
    got, _ = _read_at(name, before, rid, pieces, where, printed)
    assert got == values


def test_values_after_the_next_group_s_marker_are_not_the_label_s_before() -> None:
    # Review seed 20268801 r024 (Chromium, pdftotext -raw): 5.要求行政机关确认或重新出具已获取信息
    # printed blank over seven lines, then the 2019 row （六）其它处理 wrapped, its values on its
    # last piece's line (`（六）其它处` / `理 1 1`). Once 5.'s pieces were joined, `1 1` was read as
    # its values; a bracketed marker other than its group's (（五）) shows its cell has ended.
    spec = TEMPLATES["2019"].applications
    five = spec.row("not_processed_confirmation").label.label
    body = []
    for row in spec.rows:
        if not row.standard:
            continue
        if row.id == "not_processed_confirmation":
            body += [five[i : i + 3] for i in range(0, len(five), 3)]
        elif row.id == "other":
            body += ["（六）其它处", "理 1 1"]
        else:
            body.append(f"{row.label.label} {' '.join(['0'] * 7)}")
    report = govdisclosure.parse("\n".join(["一、总体情况", *HEAD, *body, *TAIL]))
    table = report.tables.applications
    assert table is not None
    assert [c.value for c in table.rows.get("not_processed_confirmation", {}).values()] in ([], [None] * 7)
    said = [d.message for d in report.diagnostics if d.code == "cell-unplaced"]
    assert "other" in table.rows or any("1 1" in m for m in said)


def _column_headed_cuts(label: str) -> list[list[str]]:
    """The label cut after a first piece that reads only as a column's header (`2.其他`: 其他 is
    table 三's last applicant column), the rest in one to three pieces that read as nothing."""
    out = []
    for head in range(2, len(label) - 1):
        found = LEXICON.match(label[:head])
        if not found or any(e.kind != "column" for e in found):
            continue
        rest = label[head:]
        for cut in [*_unknown_cuts(rest), [rest]]:
            if not any(LEXICON.match(p) for p in cut):
                out.append([label[:head], *cut])
    return out


# Numbered rows whose first piece is a header's.
COLUMN_HEADED = _numbered_cases(_column_headed_cuts)


def test_the_review_s_column_headed_pieces_are_a_case() -> None:
    assert ["2.其他", "法律行", "政法规禁止公开"] in [c[3] for c in COLUMN_HEADED]


@given(st.sampled_from(COLUMN_HEADED), st.data())
def test_a_numbered_label_whose_first_piece_is_a_column_s_header_is_its_row_s(
    case: tuple[str, str, str, list[str]], data: st.DataObject
) -> None:
    # Review seeds 20268801-08 (Chromium, narrow label cells): `2.其他` / `法律行` / `政法规` / … .
    # 其他 is a column's header, so the first piece was never joined with the others; the row's
    # values were said or lost (+6,052 cells on 16,000 review texts once joined).
    name, before, rid, pieces = case
    values, printed = _values(data)
    where = data.draw(st.integers(0, len(pieces) - 1))
    got, _ = _read_at(name, before, rid, pieces, where, printed)
    assert got == values
