"""Table 二's last column under a header the page's edge cut short: its values are said (cut_header.py).

A table wider than its page is cut at the page's edge. A review's Chromium PDF on A5 paper in 21 px
type (nowrap) printed `采购总金` for 采购总金额 and `228.2` for 228.27, through every PDF route: where
the header shows the cut, the values under it are not read as numbers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from corpus.score import score
from govdisclosure.template_spec import Block
from govdisclosure.templates import default_templates

REVIEW = Path(__file__).resolve().parent / "corpus" / "heldout" / "review-layouts"
TEMPLATES = default_templates()
# Each block whose last column's label is long enough to be cut to a piece of two characters or more.
BLOCKS = [
    (name, block)
    for name in ("2019", "2021")
    for block in TEMPLATES[name].active_disclosure.blocks
    if len(TEMPLATES[name].active_disclosure.columns[block.columns[-1]].label.label) >= 4
]


def _text(name: str, block: Block, last_label: str, values: list[list[int]], gap: str) -> str:
    spec = TEMPLATES[name].active_disclosure
    labels = ["信息内容", *(spec.columns[c].label.label for c in block.columns[:-1]), last_label]
    lines = ["二、主动公开政府信息情况", block.caption, gap.join(labels)]
    lines += [
        gap.join([spec.rows[row].label, *map(str, cells)])
        for row, cells in zip(block.rows, values, strict=True)
    ]
    return "\n".join([*lines, "三、收到和处理政府信息公开申请情况"]) + "\n"


@given(st.sampled_from(BLOCKS), st.data(), st.sampled_from([" ", "    "]))
def test_values_under_a_header_cut_short_are_never_numbers(
    case: tuple[str, Block], data: st.DataObject, gap: str
) -> None:
    name, block = case
    spec = TEMPLATES[name].active_disclosure
    label = spec.columns[block.columns[-1]].label.label.split("（")[0]
    cut = data.draw(st.integers(2, len(label) - 1))
    width = len(block.columns)
    values = [data.draw(st.lists(st.integers(0, 99999), min_size=width, max_size=width)) for _ in block.rows]
    table = govdisclosure.parse(_text(name, block, label[:cut], values, gap)).tables.active_disclosure
    for row, cells in (table.rows if table is not None else {}).items():
        assert block.columns[-1] not in cells or row not in block.rows, (row, cells)
    # The header printed whole: the same values are read.
    whole = govdisclosure.parse(_text(name, block, label, values, gap)).tables.active_disclosure
    assert whole is not None
    assert all(
        [c.value for c in whole.rows[row].values()] == v for row, v in zip(block.rows, values, strict=True)
    )


@pytest.mark.parametrize(
    "route", ["pdftotext", "pdftotext-layout", "pdftotext-raw", "pdfminer", "pdfplumber"]
)
def test_the_review_text_cut_at_the_page_s_edge_gives_no_wrong_number(route: str) -> None:
    name = f"s20268803-nbsp-r062-v0.pdf-chromium.{route}.txt"
    truth = json.loads((REVIEW / "s20268803-nbsp-r062-v0.truth.json").read_text(encoding="utf-8"))
    found = score(truth, govdisclosure.parse((REVIEW / name).read_text(encoding="utf-8")), keeps_blanks=False)
    assert (found.wrong, found.misread) == ([], [])
