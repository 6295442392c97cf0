"""Table 四 printed as one run with its blank cells dropped (crawler page text, PDF text): the
group totals may split the run into its three groups in exactly one way, and a group printing all
five of its cells is then read in printed order (basis `order`); the others are said, not guessed.

    … 总计 1 1 1 3 4 2 3 2 2 9
    (report r043: 复议 _ 1 _ _ 1 | 直接起诉 _ 1 3 _ 4 | 复议后起诉 2 3 2 2 9)
"""

from __future__ import annotations

from pathlib import Path

import pytest

import govdisclosure

HEADER = (
    "四、政府信息公开行政复议、行政诉讼情况\n"
    "行政复议 行政诉讼\n"
    "结果维持 结果纠正 其他结果 尚未审结 总计\n"
    "未经复议直接起诉 复议后起诉\n"
    "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n"
)
CRAWL = Path(__file__).resolve().parent / "corpus" / "fixtures" / "r043" / "html.crawl.txt"


def _review(values: str) -> tuple[govdisclosure.Report, dict[str, dict[str, object]]]:
    report = govdisclosure.parse(HEADER + values + "\n五、存在的主要问题及改进情况\n")
    table = report.tables.review_litigation
    assert table is not None
    return report, {g: {c: cell.value for c, cell in cells.items()} for g, cells in table.rows.items()}


def test_the_full_group_of_a_run_the_totals_split_one_way_is_read() -> None:
    report, rows = _review("1 1 1 3 4 2 3 2 2 9")
    assert rows == {
        "litigation_after_review": {"upheld": 2, "corrected": 3, "other_result": 2, "pending": 2, "total": 9}
    }
    table = report.tables.review_litigation
    assert table is not None
    assert {c.basis for c in table.rows["litigation_after_review"].values()} == {"order"}
    said = [d.message for d in report.diagnostics if d.code == "cell-unplaced"]
    assert any("1 1" in m and "review" in m for m in said)
    assert any("1 3 4" in m and "litigation_direct" in m for m in said)


@pytest.mark.parametrize(
    "values",
    [
        "0 0 0 0 0 0 0 0 0 0",  # zeros: the totals split them many ways
        "1 1 1 3 4 2 3 2 2 8",  # the last group's total does not hold: no split at all
        "2 2 2 2",  # two groups only
    ],
)
def test_a_run_the_totals_do_not_split_one_way_places_nothing(values: str) -> None:
    report = govdisclosure.parse(HEADER + values + "\n五、存在的主要问题及改进情况\n")
    table = report.tables.review_litigation
    assert table is None or not list(table.cells())
    assert "cell-unplaced" in {d.code for d in report.diagnostics}


def test_the_crawler_page_of_r043_reads_its_full_group() -> None:
    table = govdisclosure.parse_file(CRAWL).tables.review_litigation
    assert table is not None
    assert [c.value for c in table.rows["litigation_after_review"].values()] == [2, 3, 2, 2, 9]
