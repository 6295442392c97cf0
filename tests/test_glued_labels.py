"""A group's label run into its first row's label with no space is two labels (layout/glued.py).

pdfplumber joins a line's characters by their distance: where the cells are padded 0, a tall group
cell's label and its first row's come out as one word (`三、本年度办理结果（一）予以公开 2,205 2
2,207`, `（三）不予公开1. 属于国家秘密 2 2`). Read as one label they named no row, and the row's
values were taken for the blank row above (fresh review seed 20268829 r024-v0: 2,207 read as
二、上年结转…'s 总计).
"""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from govdisclosure.layout.glued import part_glued_labels
from govdisclosure.layout.tokens import CellRow, Token
from govdisclosure.lexicon import MIN_PREFIX, lexicon_for
from plain_table import TEMPLATES

LEXICON = lexicon_for(TEMPLATES)
HEADER = [
    "三、收到和处理政府信息公开申请情况",
    "申请人情况",
    "自然人 法人或其他组织 总计",
    "商业企业 科研机构 社会公益组织 法律服务机构 其他",
]
TAIL = ["四、政府信息公开行政复议、行政诉讼情况", "无。"]


def _glued_cases() -> list[tuple[str, str, str, str]]:
    """(template, the group's label, the group's first row, the row before it): every group's, and
    三、本年度办理结果's with （一）予以公开."""
    cases = []
    for name in ("2019", "2021"):
        spec = TEMPLATES[name].applications
        rows = [r for r in spec.rows if r.standard]
        for before, row in pairwise(rows):
            if row.id == "granted":
                cases.append((name, spec.outcome_group.label, row.id, before.id))
            elif row.group in spec.groups and row.group != before.group:
                cases.append((name, spec.groups[row.group].label, row.id, before.id))
    return cases


CASES = _glued_cases()


def test_every_group_is_a_case() -> None:
    assert [(c[1], c[2]) for c in CASES if c[0] == "2019"] == [
        ("三、本年度办理结果", "granted"),
        ("（三）不予公开", "denied_state_secret"),
        ("（四）无法提供", "unavailable_not_held"),
        ("（五）不予处理", "not_processed_complaint"),
    ]


@given(
    st.sampled_from(CASES),
    st.lists(st.integers(0, 3000), min_size=6, max_size=6),
    st.sampled_from(["", " "]),  # the row label's words one space apart or not (`1. 属于`)
    st.integers(0, 3),  # the group's label wrapped in its narrow cell, this many characters a line
    st.integers(3, 6),  # the row's label wrapped too: its characters on the values' line
    st.integers(0, 3),  # the group's words printed before the cut, after its marker (`（三）不予公`)
)
def test_a_group_label_run_into_its_first_row_s_gives_the_row_its_values(
    case: tuple[str, str, str, str], values: list[int], gap: str, wrapped: int, kept: int, spelled: int
) -> None:
    # Every row printed whole on its line, the row before the group's blank (its label alone). A
    # bracketed group's label wrapped in its narrow cell leaves only its marker's start in the
    # row's line, the rest on the lines below, and the row's label its first characters
    # (`（四1.本机关不掌 9 9` / `握相关政府` / `信息` / `）无` / `法提` / `供`: pdfplumber, fresh
    # review seed 20268837 r006-v1: 9 was read as the row above's 总计).
    name, group, first, before = case
    spec = TEMPLATES[name].applications
    printed = [*values, sum(values)]
    cut = group.index("）") if wrapped and group.startswith("（") else len(group)
    if spelled and cut < len(group):
        # (Or its marker and its words' start: `（三）不予公8.属于行政查 4 4` / `开 询事项`,
        # pdfplumber, fresh review seed 20268842 r015-v0: 4 was read as the blank 7.'s 总计.)
        cut = min(cut + 1 + spelled, len(group) - 1)
    named = True
    body = []
    for row in (r for r in spec.rows if r.standard):
        label = row.label.label.replace(".", "." + gap, 1)
        if row.id == before:
            body.append(label)
        elif row.id == first and cut < len(group):
            words = label.index(".") + 1 + len(gap)
            head, rest = label[: words + kept], label[words + kept :]
            # (A cut shorter than the lexicon's shortest prefix names no row: its values are said.)
            named = kept >= MIN_PREFIX
            body.append(f"{group[:cut]}{head} {' '.join(map(str, printed))}")
            body += [rest[i : i + 5] for i in range(0, len(rest), 5)]
            body += [group[i : i + wrapped] for i in range(cut, len(group), wrapped)]
        elif row.id == first:
            body.append(f"{group}{label} {' '.join(map(str, printed))}")
        else:
            body.append(f"{label} {' '.join(['0'] * 7)}")
    table = govdisclosure.parse("\n".join([*HEADER, *body, *TAIL])).tables.applications
    assert table is not None
    assert before not in table.rows  # the blank row takes nothing
    got = table.rows.get(first)
    # (Read whole, or, where its cut names no row, not read: never other values.)
    assert [c.value for c in got.values()] == printed if got is not None else not named


def _text(text: str, x: tuple[int, int] | None = None) -> CellRow:
    return CellRow((Token("text", text, 1, x), Token("value", "2", 1)), 1, "spaces", "words")


def test_the_two_labels_keep_their_places() -> None:
    row = part_glued_labels(_text("（三）不予公开1.属于国家秘密", (4, 19)), LEXICON)
    assert [(t.text, t.x) for t in row.tokens] == [
        ("（三）不予公开", (4, 11)),
        ("1.属于国家秘密", (11, 19)),
        ("2", None),
    ]


def test_a_group_s_marker_alone_before_a_row_s_label_is_parted() -> None:
    # The group's label wrapped in its narrow cell, its closing bracket on the next line.
    row = part_glued_labels(_text("（四1.本机关不掌"), LEXICON)
    assert [t.text for t in row.tokens] == ["（四", "1.本机关不掌", "2"]
    # A cut too short to name a row, whose words may go on to one, is parted too.
    assert [t.text for t in part_glued_labels(_text("（三1.属于国"), LEXICON).tokens] == [
        "（三",
        "1.属于国",
        "2",
    ]
    # Words that start no row's label stay whole.
    assert part_glued_labels(_text("（三1.某某"), LEXICON) == _text("（三1.某某")


def test_only_a_group_s_label_before_a_row_s_is_parted() -> None:
    # A row's label holding a marker-like piece stays whole: no group's label stands before it.
    for text in (
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "2.其他法律行政法规禁止公开",
        "规范性文件",
    ):
        assert part_glued_labels(_text(text), LEXICON) == _text(text)
    # Nor a group's label before words that are no row's label.
    assert part_glued_labels(_text("（三）不予公开1.其他"), LEXICON) == _text("（三）不予公开1.其他")
