"""Letter-spaced tables: a number's digits set apart like cells are never read as cells (layout/spaced.py).

CSS letter-spacing or Word's distributed alignment prints a space between every character, and PDF
text then prints `8 5 0` for 85 and 0, `2 , 4 8 9` for 2,489: the same space stands between two
cells. A review's Chromium PDFs in 0.25–0.5 em letter-spacing gave such digits as cells (85 read
as 8 and 5, 243706 as six cells).
"""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from corpus.score import score
from govdisclosure.layout.spaced import SPACED_PAIR, SPACED_PAIRS, letter_spaced, unspaced
from govdisclosure.layout.words import split_words
from govdisclosure.lexicon import lexicon_for
from govdisclosure.normalize import normalize
from govdisclosure.tables.opening import opens_a_row
from govdisclosure.template_spec import ApplicationRow
from govdisclosure.templates import default_templates
from plain_table import FEWER

TEMPLATE = default_templates()["2021"].applications
LEXICON = lexicon_for(default_templates())
ROWS = [row for row in TEMPLATE.rows if row.standard]
REVIEW = Path(__file__).resolve().parent / "corpus" / "heldout" / "review-layouts"
FIXTURES = Path(__file__).resolve().parent / "corpus" / "fixtures"


def _spaced(text: str, gap: str = " ") -> str:
    return gap.join(text)


def _number(value: int, commas: bool) -> str:
    return f"{value:,}" if commas else str(value)


ACTIVE = default_templates()["2021"].active_disclosure
BLOCK = ACTIVE.blocks[0]  # 第二十条第（一）项: 规章, 行政规范性文件 under three columns


# Cells one space apart (plain pdftotext, pdfminer) or set off by more (pdftotext -layout).
CELL_GAPS = (" ", "  ", "    ")
# pdftotext -layout's gaps between two cells of a letter-spaced table: three spaces or more.
LAYOUT_GAPS = ("   ", "    ", "      ")


@st.composite
def spaced_tables(
    draw: st.DrawFn, gaps: tuple[str, ...] = CELL_GAPS
) -> tuple[str, dict[tuple[str, str], int]]:
    """Tables 二 (its first block) and 三 printed letter-spaced, a row a line, and their values.

    Table 二's rows have three cells: `8 5 0` (85 and 0, a blank dropped) prints as many digits
    as the row has cells, and only the digits' spacing shows it is no row of three cells.
    """
    commas = draw(st.booleans())
    cell_gap = draw(st.sampled_from(gaps))
    values: dict[tuple[str, str], int] = {}
    lines = [
        _spaced("二、主动公开政府信息情况"),
        _spaced(BLOCK.caption),
        cell_gap.join(
            _spaced(t) for t in ("信息内容", *(ACTIVE.columns[c].label.label for c in BLOCK.columns))
        ),
    ]
    for row in BLOCK.rows:
        cells = draw(st.lists(st.one_of(st.none(), st.integers(0, 120)), min_size=3, max_size=3))
        values.update({(row, c): v for c, v in zip(BLOCK.columns, cells, strict=True) if v is not None})
        printed = cell_gap.join(_spaced(str(v)) for v in cells if v is not None)
        lines.append(f"{_spaced(ACTIVE.rows[row].label)}{cell_gap}{printed}".rstrip())
    lines += [
        _spaced("三、收到和处理政府信息公开申请情况"),
        _spaced("申请人情况"),
        f"{_spaced('自然人')}{cell_gap}{_spaced('法人或其他组织')}{cell_gap}{_spaced('总计')}",
        cell_gap.join(_spaced(c) for c in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")),
    ]
    for row in ROWS:
        if row.id == "granted":  # the group label's line: its 、 apart reads as a none mark
            lines.append(_spaced("三、本年度办理结果"))
        numbers = draw(st.lists(st.integers(0, 3000), min_size=6, max_size=6))
        numbers.append(sum(numbers))
        values.update({(row.id, c): v for c, v in zip(TEMPLATE.value_columns, numbers, strict=True)})
        printed = cell_gap.join(_spaced(_number(v, commas)) for v in numbers)
        lines.append(f"{_spaced(row.label.label)}{cell_gap}{printed}")
    lines.append(_spaced("四、政府信息公开行政复议、行政诉讼情况"))
    return "\n".join(lines) + "\n", values


@given(spaced_tables())
def test_a_letter_spaced_table_gives_no_number_but_its_own(
    drawn: tuple[str, dict[tuple[str, str], int]],
) -> None:
    text, values = drawn
    report = govdisclosure.parse(text)
    for table in (report.tables.active_disclosure, report.tables.applications):
        for row, column, cell in table.cells() if table is not None else ():
            # The text prints numbers and no none mark.
            assert cell.kind in ("number", "blank"), (row, column, cell.raw)
            if cell.kind == "number":
                assert cell.value == values.get((row, column)), (row, column, cell.raw)


@given(spaced_tables(LAYOUT_GAPS))
def test_a_letter_spaced_table_in_aligned_text_gives_every_row_printed_whole(
    drawn: tuple[str, dict[tuple[str, str], int]],
) -> None:
    # pdftotext -layout sets a letter-spaced table's cells three spaces apart or more and a
    # number's pieces one apart (`3 , 8 0 7   2 1   0`): each such run is one number, and table
    # 三's rows, every cell printed, are read whole (until stop 57 they were said: 4,820 cells
    # of a review's Chromium PDFs in 0.25-0.5 em letter-spacing).
    text, values = drawn
    table = govdisclosure.parse(text).tables.applications
    assert table is not None
    for row in ROWS:
        assert {c: cell.value for c, cell in table[row.id].items()} == {
            c: values[row.id, c] for c in TEMPLATE.value_columns
        }, row.id


@pytest.mark.parametrize(
    "name",
    [
        "s20268801-zeros-r088-v1.pdf-chromium.pdftotext-raw.txt",
        "s20268801-nbsp-r045-v1.pdf-chromium.pdftotext-layout.txt",
    ],
)
def test_review_texts_letter_spaced_give_no_wrong_number(name: str) -> None:
    truth = json.loads((REVIEW / f"{name.split('.')[0]}.truth.json").read_text(encoding="utf-8"))
    text = (REVIEW / name).read_text(encoding="utf-8")
    assert letter_spaced(normalize(text), LEXICON)
    found = score(truth, govdisclosure.parse(text), keeps_blanks=False)
    assert (found.wrong, found.misread) == ([], [])


@given(
    digits=st.lists(st.integers(0, 9), min_size=2, max_size=10),
    gaps=st.lists(st.integers(1, 5), min_size=9, max_size=9),
)
def test_digits_more_than_a_space_apart_are_no_number_s_pieces(digits: list[int], gaps: list[int]) -> None:
    # A header squeezed a character a column (`商 科 社 法 其`, Chromium's PDFs in large type through
    # pdftotext -layout) made a text read as letter-spaced, and every run of single digits on a
    # line (`0   2   0   2`, cells three spaces apart) one broken number: the review's r038 lost
    # 187 of its 200 cells. A letter-spaced number's pieces stand one space apart.
    text = "规章"
    for digit, gap in zip(digits, [2, *gaps], strict=False):
        text += " " * gap + str(digit)
    (line,) = normalize(text)
    tokens = unspaced(split_words(line)).tokens[1:]
    # Every digit is still there, each in one token, and no token spans two spaces or more.
    assert sum(len(t.text.split(" ")) for t in tokens) == len(digits)
    for token in tokens:
        assert token.x is not None
        assert "  " not in text[token.x[0] : token.x[1]], (text, token)


def test_review_text_with_a_squeezed_header_reads_its_rows() -> None:
    name = "s20268803-zeros-r038-v1.pdf-chromium.pdftotext-layout.txt"
    truth = json.loads((REVIEW / f"{name.split('.')[0]}.truth.json").read_text(encoding="utf-8"))
    table = govdisclosure.parse((REVIEW / name).read_text(encoding="utf-8")).tables.applications
    assert table is not None
    for row in ("new_received", "carried_over", "granted"):
        assert {c: cell.raw for c, cell in table[row].items()} == {
            c: cell["raw"] for c, cell in truth["tables"]["applications"][row].items()
        }, row


def test_in_aligned_text_a_run_of_pieces_is_one_number_only_where_it_reads_as_one() -> None:
    # A review's Chromium PDF (seed 20268804 r045, 0.25 em) printed 新收's 3,807 and 21 one
    # space apart: `3 , 8 0 7 2 1` reads as no number, and stays a piece the row says.
    (line,) = normalize("信 息 公 开 申 请 数 量   3 , 8 0 7 2 1   0   1   2   0   3 , 8 3 1")
    tokens = unspaced(split_words(line), aligned=True).tokens
    assert [(t.kind, t.text) for t in tokens] == [
        ("text", "信息公开申请数量"),
        ("broken", "3 , 8 0 7 2 1"),
        ("value", "0"),
        ("value", "1"),
        ("value", "2"),
        ("value", "0"),
        ("value", "3,831"),
    ]


def test_a_letter_spaced_numbered_label_s_first_piece_opens_its_row() -> None:
    # Review seed 20268801 r028 (Chromium, 0.5 em, `-layout`): 2.申请人逾期… printed blank, then
    # `3 . 其   1   1` / `他`; with the table's other rows read, `1 1` went to the blank row.
    assert opens_a_row("3 .其")
    assert opens_a_row("1 .属于")
    assert not opens_a_row("3 .")  # a bare mark: its words are joined by the layout
    assert not opens_a_row("（三） 不予")  # a bracketed marker opens no row (opening.py)


def test_review_text_letter_spaced_in_aligned_text_reads_its_rows() -> None:
    # A review's Chromium PDF (seed 20268807 r063, A4 landscape, 0.5 em letter-spacing) through
    # pdftotext -layout: its letter-spaced prose made the text read as unaligned, and its
    # numbered labels (`2 . 其 他 法 律 …`) as a number and words of no row. 36 of its 190
    # cells were read; now 127, table 四 whole.
    name = "s20268807-zeros-r063-v0.pdf-chromium.pdftotext-layout.txt"
    truth = json.loads((REVIEW / f"{name.split('.')[0]}.truth.json").read_text(encoding="utf-8"))
    report = govdisclosure.parse((REVIEW / name).read_text(encoding="utf-8"))
    rows = {
        "applications": ("denied_prohibited_by_law", "denied_administrative_inquiry", "outcome_total"),
        "review_litigation": ("review", "litigation_direct", "litigation_after_review"),
    }
    for name_of_table, ids in rows.items():
        table = getattr(report.tables, name_of_table)
        assert table is not None
        for row in ids:
            assert {c: cell.raw for c, cell in table[row].items()} == {
                c: cell["raw"] for c, cell in truth["tables"][name_of_table][row].items()
            }, row


def test_no_text_of_the_tool_corpus_is_letter_spaced() -> None:
    # A group label printed down its merged cell (`三 、本 年 度 办 理 结 果`) is one letter-spaced
    # line; the tool corpus's texts hold at most two.
    spaced = [
        path.relative_to(FIXTURES).as_posix()
        for path in sorted(FIXTURES.glob("*/*.txt"))
        if letter_spaced(normalize(path.read_text(encoding="utf-8")), LEXICON)
    ]
    assert spaced == []


def _squeezed_lines() -> list[tuple[str, str]]:
    """Every line a header squeezed a character a column prints: the same character of four
    columns' labels or more, side by side, one space apart (table 四's three groups in a row)."""
    lines = []
    for spec in default_templates():
        for table, repeat in ((spec.applications, 1), (spec.review_litigation, 3)):
            labels = [column.label.spellings[0] for column in table.columns.values()] * repeat
            for at in range(max(len(label) for label in labels)):
                for first in range(len(labels)):
                    for last in range(first + 4, len(labels) + 1):
                        chars = [label[at] for label in labels[first:last] if len(label) > at]
                        if len(chars) >= 4:
                            lines.append((spec.name, " ".join(chars)))
    return lines


def test_a_header_squeezed_a_character_a_column_is_no_letter_spacing() -> None:
    # Seed 20268811's r069-v1 (Chromium, 21 px, no letter-spacing): `商 科 社 法 其` and seven lines
    # like it made the text read as letter-spaced, and 社会公益组织's 2 and 法律服务机构's 1, one
    # space apart, were joined as 21. Six such lines of every kind still make no letter-spacing.
    for name, line in _squeezed_lines():
        text = "\n".join(f"{' ' * 20}{line}" for _ in range(6))
        assert not letter_spaced(normalize(text), LEXICON), (name, line)


def test_labels_printed_letter_spaced_are_letter_spacing() -> None:
    # Each label of tables 二 and 三 letter-spaced, six lines of it, its values beside it or not.
    for spec in default_templates():
        labels = [row.label.spellings[0] for row in spec.applications.rows] + [
            label.spellings[0] for label in spec.active_disclosure.rows.values()
        ]
        # (A label of three characters or fewer prints too few spaced pairs to count: SPACED_PAIRS.)
        for label in (
            label for label in labels if len(SPACED_PAIR().findall(_spaced(label))) >= SPACED_PAIRS
        ):
            for values in ("", "   1 2 3"):
                text = "\n".join(_spaced(label) + values for _ in range(6))
                assert letter_spaced(normalize(text), LEXICON), label


# Each group of numbered rows, its first row, and the row before it (the last of the group before).
FIRSTS = [
    (TEMPLATE.groups[row.group].label, row, before)
    for before, row in pairwise(ROWS)
    if row.group in TEMPLATE.groups and row.group != before.group
]


@FEWER  # a whole table parsed an example
@given(st.sampled_from(FIRSTS), spaced_tables(LAYOUT_GAPS), st.data())
def test_a_group_label_s_piece_beside_its_first_row_ends_the_row_before(
    case: tuple[str, ApplicationRow, ApplicationRow],
    drawn: tuple[str, dict[tuple[str, str], int]],
    data: st.DataObject,
) -> None:
    # Review seed 20268813 r002-v1 (Chromium, 0.5 em, `-layout`): `（ 四 ） 无   1 . 本 机   2   1 …`,
    # 无法提供's first character one space after its marker and 1.本机关…'s number mark after it,
    # read as a none mark and a value: with the row's five numbers (two blank cells), seven cells
    # of 8.属于行政查询事项, the blank row above. A group's label opening beside its first row ends
    # the row before, and its number mark is no value.
    group, first, before = case
    text, values = drawn
    gap = "   "
    cut = data.draw(st.integers(len(group.split("）")[0]) + 2, len(group)))  # marker and a word
    head = data.draw(st.integers(3, 4))  # the row's number mark and a word or two
    blanks = set(data.draw(st.lists(st.integers(0, 5), min_size=2, max_size=2, unique=True)))
    printed = [
        n for i, n in enumerate(values[first.id, c] for c in TEMPLATE.value_columns) if i not in blanks
    ]
    values = {
        (row, column): value
        for (row, column), value in values.items()
        if row != before.id and (row != first.id or TEMPLATE.value_columns.index(column) not in blanks)
    }
    label = first.label.label
    lines = [
        gap.join([_spaced(group[:cut]), _spaced(label[:head]), *(_spaced(str(n)) for n in printed)]),
        gap.join(filter(None, [_spaced(group[cut:]), _spaced(label[head:])])),
    ]
    text = "".join(
        _spaced(before.label.label) + "\n"
        if line.startswith(_spaced(before.label.label))
        else "\n".join(lines) + "\n"
        if line.startswith(_spaced(label))
        else line + "\n"
        for line in text.splitlines()
    )
    table = govdisclosure.parse(text).tables.applications
    assert table is not None
    for row, column, cell in table.cells():
        assert cell.kind != "number" or cell.value == values.get((row, column)), (row, column, cell.raw)


@FEWER  # a whole table parsed an example
@given(st.sampled_from(FIRSTS), spaced_tables(LAYOUT_GAPS))
def test_a_group_label_and_its_first_row_s_label_on_one_line_are_two_labels(
    case: tuple[str, ApplicationRow, ApplicationRow], drawn: tuple[str, dict[tuple[str, str], int]]
) -> None:
    # Review seed 20268813 r094-v1 (Chromium, letter-spaced, pdftotext -raw): `（ 四 ） 无 法 提 供
    # 1 . 本 机 关 不 掌 握 相 关 政 府 信 息 — — 1 — — — 1`, the group's label and its first row's
    # one space apart. Read as one label's words, they named no row and the row's values went
    # unread; the number mark opens the row's label.
    group, first, _ = case
    text, values = drawn
    label = _spaced(first.label.label)
    text = "".join(
        f"{_spaced(group)} {line}\n" if line.startswith(label) else f"{line}\n" for line in text.splitlines()
    )
    table = govdisclosure.parse(text).tables.applications
    assert table is not None
    assert {c: cell.value for c, cell in table[first.id].items()} == {
        c: values[first.id, c] for c in TEMPLATE.value_columns
    }


ACTIVE_2019 = default_templates()["2019"].active_disclosure


@st.composite
def wrapped_active_tables(draw: st.DrawFn) -> tuple[str, dict[tuple[str, str], int]]:
    """Table 二 (2019, five blocks) printed letter-spaced, its labels wrapped two characters a line
    (narrow label cells), each row's values after its label's last piece, blank cells dropped.

    Only the five captions print a label piece of three spaced pairs or more: the header's line
    sets several columns' labels together, and each wrapped piece holds one pair.
    """
    gap = draw(st.sampled_from((" ", "   ")))  # pdfplumber and -raw, or pdftotext -layout
    values: dict[tuple[str, str], int] = {}
    lines = [_spaced("二、主动公开政府信息情况")]
    for block in ACTIVE_2019.blocks:
        lines += [
            _spaced(block.caption),
            _spaced("信息"),
            gap.join(
                [_spaced("内容"), *(_spaced(ACTIVE_2019.columns[c].label.label) for c in block.columns)]
            ),
        ]
        for row in block.rows:
            label = ACTIVE_2019.rows[row].label
            pieces = [label[at : at + 2] for at in range(0, len(label), 2)]
            cells = draw(
                st.lists(
                    st.one_of(st.none(), st.integers(0, 999)),
                    min_size=len(block.columns),
                    max_size=len(block.columns),
                )
            )
            values.update({(row, c): v for c, v in zip(block.columns, cells, strict=True) if v is not None})
            printed = gap.join(_spaced(str(v)) for v in cells if v is not None)
            lines += [_spaced(piece) for piece in pieces[:-1]]
            lines.append(f"{_spaced(pieces[-1])}{gap}{printed}".rstrip())
    lines.append("三、收到和处理政府信息公开申请情况")
    return "\n".join(lines) + "\n", values


@given(wrapped_active_tables())
def test_a_letter_spaced_table_wrapped_two_characters_a_line_gives_no_number_but_its_own(
    drawn: tuple[str, dict[tuple[str, str], int]],
) -> None:
    # A review's Chromium PDF (seed 20268827 r049-v1, 0.5 em, label cells 4 em wide) printed
    # 行政强制's 2, a blank and 98 as `强 制 2 9 8`: pdfplumber's and -raw's text showed five
    # letter-spaced lines (the captions), and 9 and 8 were read as two cells.
    text, values = drawn
    table = govdisclosure.parse(text).tables.active_disclosure
    for row, column, cell in table.cells() if table is not None else ():
        assert cell.kind != "number" or cell.value == values.get((row, column)), (row, column, cell.raw)


@given(st.lists(st.lists(st.sampled_from(ROWS), min_size=2, max_size=4), min_size=6, max_size=6))
def test_header_lines_setting_letter_spaced_labels_apart_are_letter_spacing(
    lines: list[list[ApplicationRow]],
) -> None:
    # pdftotext -layout sets a letter-spaced header's labels three spaces apart or more on one
    # line (`内 容     本 年 新 制 作 数 量     本 年 新 公 开 数 量`): each run is a label, the
    # line together none (seed 20268827 r049-v1's `-layout` text was not found letter-spaced).
    text = "\n".join("   ".join(_spaced(row.label.label) for row in line) for line in lines)
    assert letter_spaced(normalize(text), LEXICON)
