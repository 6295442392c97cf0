"""Crawler page text (FORMAT.md §2.2 I): labels printed the ways real pages print them are found
inside the one long line, so their rows are read and the table does not end at them.

Each case is a committed tool-corpus text (tests/corpus/fixtures, route html.crawl) and one row
its label variant used to lose, silently: the expected cells are the generator's truth.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import govdisclosure

FIXTURES = Path(__file__).resolve().parent / "corpus" / "fixtures"
CASES = [
    # `1. 属于国家秘密`: a space between a leaf's number and its words.
    ("r003", "applications", "denied_state_secret"),
    ("r003", "applications", "not_processed_confirmation"),
    # `3.危及"三安全一稳定"`: straight quotes where the template prints “ ”.
    ("r015", "applications", "denied_three_safeties_one_stability"),
    # `(六) 其它处理` after a row: 其它 for 其他.
    ("r021", "applications", "not_processed_confirmation"),
    # `1.申请人无正当理由逾期不补正，行政机关…`: ， where the template prints 、.
    ("r023", "applications", "other_no_correction"),
    ("r023", "applications", "other_fee_unpaid"),
    # `规章（设区的市、自治州人民政府应提供相关数据） 0 0 0`: a bracketed note after the label.
    ("r010", "active_disclosure", "regulations"),
    # `采购总金额（单位：万元） 政府集中采购 26 244.90`: a header's note, then the row.
    ("r006", "active_disclosure", "centralized_procurement"),
]


@pytest.mark.parametrize(("report", "table", "row"), CASES, ids=[f"{r}-{w}" for r, _, w in CASES])
def test_crawl_row_is_read(report: str, table: str, row: str) -> None:
    truth = json.loads((FIXTURES / report / "truth.json").read_text(encoding="utf-8"))
    expected = truth["tables"][table][row]
    parsed = govdisclosure.parse_file(FIXTURES / report / "html.crawl.txt").tables[table]
    assert parsed is not None
    got = parsed.rows.get(row, {})
    assert set(got) == set(expected), f"{row}: columns {sorted(got)}"
    for column, cell in expected.items():
        assert got[column].kind == cell["kind"], column
        if cell["kind"] == "number":
            assert Decimal(str(got[column].value)) == Decimal(str(cell["value"])), column
