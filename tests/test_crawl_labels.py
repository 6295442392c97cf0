"""Crawler page text (FORMAT.md §2.2 I): labels printed the ways real pages print them are found
inside the one long line, so their rows are read and the table does not end at them.

Each case is a committed tool-corpus text (tests/corpus/fixtures, route html.crawl) and one row
its label variant used to lose, silently: the expected cells are the generator's truth.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import govdisclosure
from corpus.score import score
from govdisclosure.templates import default_templates

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


def _rows_as_truth(
    report: str, table: str, replaced: str, by: str
) -> tuple[govdisclosure.Report, dict[str, object]]:
    text = (FIXTURES / report / "html.crawl.txt").read_text(encoding="utf-8")
    assert text.count(replaced) == 1
    truth = json.loads((FIXTURES / report / "truth.json").read_text(encoding="utf-8"))
    return govdisclosure.parse(text.replace(replaced, by)), truth["tables"][table]


def _same_cells(got: govdisclosure.Table, expected: dict[str, object], rows: list[str]) -> None:
    for row in rows:
        cells = expected[row]
        assert isinstance(cells, dict)
        assert set(got.rows.get(row, {})) == set(cells), row
        for column, cell in cells.items():
            assert got.rows[row][column].kind == cell["kind"], (row, column)
            if cell["kind"] == "number":
                assert Decimal(str(got.rows[row][column].value)) == Decimal(str(cell["value"])), (row, column)


# A crawler page's row whose label no template knows: its values are said at their line, never
# dropped unseen, and the rows after it are read (the words are a label with values, not prose).
UNKNOWN = "某某未知标签文字"


@pytest.mark.parametrize(
    ("label", "marker", "row", "values"),
    [
        (
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "（二）",
            "partially_granted",
            "0 0 0 0 0 1 1",
        ),
        # `1.属于国家秘密 0 0 0 0 0 0 0 2.<unknown>`: the 2 numbers the unknown row, so the row
        # before keeps its seven cells.
        ("2.其他法律行政法规禁止公开", "2.", "denied_prohibited_by_law", "0 0 0 0 0 0 0"),
        # The table's last row: its values were dropped and the table ended unseen.
        ("（七）总计", "（七）", "outcome_total", "0 0 0 0 2 1 3"),
    ],
    ids=["a-row", "a-leaf-after-a-row", "the-total-row"],
)
def test_values_after_an_unknown_label_on_a_crawler_line_are_said(
    label: str, marker: str, row: str, values: str
) -> None:
    report, truth = _rows_as_truth("r001", "applications", label, marker + UNKNOWN)
    applications = report.tables.applications
    assert applications is not None
    assert row not in applications.rows
    said = [d for d in report.diagnostics if d.code == "cell-unplaced" and UNKNOWN in d.message]
    assert said and values in said[0].message
    _same_cells(applications, truth, [r for r in truth if r != row])


# Any row label of a crawler page replaced by words no template knows (drawn from characters no
# label uses, with or without a bracketed note): no number lands anywhere wrong, the values the row
# printed are said with its words, and every other cell read before is read still.
STRANGE = "甲乙丙丁戊庚辛壬癸某未知标签文字栏目"
CRAWLED = sorted(p.parent.name for p in FIXTURES.glob("*/html.crawl.txt"))


@functools.cache
def _crawled(report: str) -> tuple[str, dict[str, Any], tuple[tuple[str, str], ...], frozenset[str]]:
    """The page's text, truth, (row, printed label) pairs printed once, and the cells read unchanged."""
    text = (FIXTURES / report / "html.crawl.txt").read_text(encoding="utf-8")
    truth = json.loads((FIXTURES / report / "truth.json").read_text(encoding="utf-8"))
    template = default_templates()[truth["template"]]
    labels = tuple(
        (f"{label.table}.{label.id}", spelling)
        for label in template.printed_labels()
        if label.kind == "row"
        and label.table in ("active_disclosure", "applications")
        and label.id in (truth["tables"].get(label.table) or {})
        for spelling in label.spellings
        if len(spelling) >= 4 and text.count(spelling) == 1
    )
    lost = score(truth, govdisclosure.parse(text), keeps_blanks=False).lost
    return text, truth, labels, frozenset(line.split(":")[0] for line in lost)


Renamed = tuple[str, str, str, str]  # report, row, the label replaced, the words put in its place


@st.composite
def renamed_rows(draw: st.DrawFn) -> Renamed:
    report = draw(st.sampled_from(CRAWLED))
    labels = _crawled(report)[2]
    row, spelling = draw(st.sampled_from(labels))
    words = draw(st.text(alphabet=STRANGE, min_size=3, max_size=14))
    note = draw(st.sampled_from(["", "（单位：件）", "(注：另计)"]))
    return report, row, spelling, words + note


@settings(max_examples=80)
@given(renamed_rows())
# Words ending in the last character of the label before (`另计` after 总计): its values were
# said as 总计's, the words not at all (the `dev` profile drew it).
@example(("r002", "applications.carried_forward", "四、结转下年度继续办理", "丁丁丁(注：另计)"))
def test_a_renamed_row_on_a_crawler_line_is_said_and_nothing_else_moves(
    case: tuple[str, str, str, str],
) -> None:
    report_id, row, spelling, words = case
    text, truth, _, lost_before = _crawled(report_id)
    report = govdisclosure.parse(text.replace(spelling, words))
    result = score(truth, report, keeps_blanks=False)
    assert result.wrong == [] and result.misread == []
    lost = {line.split(":")[0] for line in result.lost}
    assert {c for c in lost - lost_before if not c.startswith(row + ".")} == set()
    table, row_id = row.split(".")
    printed = [c for c in truth["tables"][table][row_id].values() if c["kind"] != "blank"]
    if printed:
        # The message quotes the line as read (NFKC: full-width brackets and colons folded).
        shown = unicodedata.normalize("NFKC", words)
        assert any(d.code == "cell-unplaced" and shown in d.message for d in report.diagnostics)
