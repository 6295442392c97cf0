"""Report metadata (FORMAT.md §2.1): the title line, the reporting body and the year reported on."""

from __future__ import annotations

import pytest

from govdisclosure.diagnostics import YEAR_UNKNOWN
from govdisclosure.normalize import normalize
from govdisclosure.sections import Outline, read_outline


def meta(text: str) -> Outline:
    return read_outline(normalize(text), frozenset())


@pytest.mark.parametrize(
    ("text", "title", "organ", "year"),
    [
        # Spaces around the year in PDF text (seed 001).
        (
            "\n\n高新区 2020 年政府信息公开工作年度报告\n\n一、总体情况\n",
            "高新区2020年政府信息公开工作年度报告",
            "高新区",
            2020,
        ),
        # Title over two lines (seed 002, corpus 001).
        (
            "秀洲高新区2020年度政府信息公开工作\n年度报告\n    一、总体情况\n",
            "秀洲高新区2020年度政府信息公开工作年度报告",
            "秀洲高新区",
            2020,
        ),
        (
            "          洪泽区人民政府\n      2023 年政府信息公开工作年度报告\n\n   一、总体情况\n",
            "洪泽区人民政府2023年政府信息公开工作年度报告",
            "洪泽区人民政府",
            2023,
        ),
        # A markdown title and a publication date that must not give the year (corpus 008).
        (
            "# 沐阳县人民政府 2025 年 政府信息公开工作年度报告\n\n"
            "沐阳县人民政府\n(2026年1月23日)\n\n## 一、总体情况\n",
            "沐阳县人民政府2025年政府信息公开工作年度报告",
            "沐阳县人民政府",
            2025,
        ),
        # The year in another font, printed between the title's pieces (pdftotext).
        (
            "安平区人民政府 年政府信息公开工作年度\n2020\n报告\n一、总体情况\n",
            "安平区人民政府2020年政府信息公开工作年度报告",
            "安平区人民政府",
            2020,
        ),
        # The same through markitdown (Chromium's PDF; held-out corpus, seed 20261201, r006, r035):
        # the pieces beside the gap drawn as a pipe row with its rule, the year and the tail under it.
        (
            "| 凤凰市人民政府办公室 |     | 年政府信息公开工 |     |\n| --- | --- | --- | --- |\n2020\n"
            "作年度报告\n一、总体情况\n",
            "凤凰市人民政府办公室2020年政府信息公开工作年度报告",
            "凤凰市人民政府办公室",
            2020,
        ),
        (
            "| 双桥县信访局 | 年政府信息公开工作年度报 |     |     |\n"
            "| ------ | ------------ | --- | --- |\n2024\n告\n一、总体情况\n",
            "双桥县信访局2024年政府信息公开工作年度报告",
            "双桥县信访局",
            2024,
        ),
        # A title broken inside 年度报告, its first line a markitdown pipe row (LibreOffice's PDF;
        # held-out corpus, seed 20261201, r035).
        (
            "| 双桥县信访局 |     | 2024 |     | 年政府信息公开工作年 |     |\n"
            "| --- | --- | --- | --- | --- | --- |\n度报告\n一、总体情况\n",
            "双桥县信访局2024年政府信息公开工作年度报告",
            "双桥县信访局",
            2024,
        ),
    ],
)
def test_title_organ_year(text: str, title: str, organ: str, year: int) -> None:
    found = meta(text)
    assert (found.title, found.organ, found.year) == (title, organ, year)


def test_crawler_header_title_and_period_sentence() -> None:
    text = (
        "标题: 平潭综合实验区2023年度政府信息公开工作年度报告\n发布时间: 2024-03-08 15:34\n"
        "==================== 正文 ====================\n"
        "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。一、总体情况\n"
    )
    found = meta(text)
    assert found.title == "平潭综合实验区2023年度政府信息公开工作年度报告"
    assert (found.organ, found.year) == ("平潭综合实验区", 2023)


def test_title_in_the_body_wins_over_the_header() -> None:
    text = (
        "标题: 平潭综合实验区2019年度政府信息公开工作年度报告\n"
        "==================== 正文 ====================\n"
        "平潭综合实验区2019年政府信息公开工作年度报告 "
        "根据《条例》要求，区管委会办公室编制完成了本报告。" + "工作内容。" * 40
    )
    assert meta(text).title == "平潭综合实验区2019年政府信息公开工作年度报告"


def test_organ_from_a_preamble_sentence_seed_000() -> None:
    text = (
        "按照《条例》（以下\n\n简称《条例》）要求，发布高新区2020年政府信息公开工作年度\n\n"
        "报告。\n（一）主动公开\n"
    )
    found = meta(text)
    assert (found.title, found.organ, found.year) == (None, "高新区", 2020)


def test_organ_from_compiled_by() -> None:
    text = (
        "本报告由淮安市人民政府办公室根据《条例》规定编制。"
        "报告所列统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日。\n一、总体情况\n"
    )
    found = meta(text)
    assert (found.organ, found.year) == ("淮安市人民政府办公室", 2024)


def test_first_person_gives_no_organ_seed_003() -> None:
    text = (
        "本报告依据《条例》和国办公开办函〔2019〕60号要求，由我单位结合有关统计数据编制。"
        "统计期限为2020年1月1日至2020年12月31日。\n1、 总体情况\n"
    )
    found = meta(text)
    assert (found.title, found.organ, found.year) == (None, None, 2020)


def test_year_from_the_body_and_unknown_year() -> None:
    assert meta("## 2021\n\n2021年，高新区加强队伍建设。\n### 一、总体情况\n2021年以来。\n").year == 2021
    found = meta("一、总体情况\n没有年份。\n")
    assert found.year is None
    assert any(d.code == YEAR_UNKNOWN for d in found.diagnostics)


def test_bare_digit_runs_are_not_years() -> None:
    # Dropped 年/月 characters (FORMAT.md §2.6): 2021926 is not a year.
    assert meta("一、总体情况\n国办公开办函〔202130号，2021926发布。\n").year is None
