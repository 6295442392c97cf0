"""The reports the flattening tests render: two seeds read back, and hand-built ones for both templates.

The hand-built reports are the truth the tests compare against: every cell is written here (its raw
text, kind and value), never read from the parser. They cover what real reports print and what
flattening tools damage: non-zero values in every applicant column, multi-digit numbers, thousands
commas (`2,601`, `12,408`), a decimal money amount, signed 本年增/减 deltas (`+61`, `-4`), 无 cells,
and all accounting identities holding, so a parser that re-splits fused digits by identities has a
fair chance and a parser that invents numbers is caught.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path

from govdisclosure import (
    ActiveDisclosureTable,
    ApplicationsTable,
    Cell,
    Marker,
    Report,
    ReviewLitigationTable,
    Section,
    Tables,
    Template,
    default_templates,
    parse_file,
)

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS = {
    "seed001": "001_ae521124cb243984.txt",
    "seed004": "004_5735e3b36cf6f9b6.txt",
}

APPLICANTS = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_organization",
    "legal_service_agency",
    "other_organization",
)
REVIEW_RESULTS = ("upheld", "corrected", "other_result", "pending")
NONE_TEXT = "无"


def number(raw: str, unit: str | None = None) -> Cell:
    """A number cell as a report prints it: commas and a sign allowed, the value worked out by hand."""
    plain = raw.replace(",", "").lstrip("+").removesuffix(unit or "")
    value: int | Decimal = Decimal(plain) if "." in plain else int(plain)
    return Cell(value, raw, "number", unit)


def none() -> Cell:
    """A 无 cell: the body says there is nothing (kind none, no value)."""
    return Cell(None, NONE_TEXT, "none")


def _grouped(value: int) -> str:
    return f"{value:,}" if value >= 10_000 else str(value)


def printed_rows(template: Template, leaves: Mapping[str, Sequence[int]]) -> list[str]:
    """The template's own table 三 rows that these leaves (and the four fixed rows) fill, in order."""
    fixed = {"new_received", "carried_over", "outcome_total", "carried_forward"}
    return [r.id for r in template.applications.rows if r.standard and (r.id in leaves or r.id in fixed)]


def applications(
    leaves: Mapping[str, Sequence[int]],
    carried_over: Sequence[int],
    carried_forward: Sequence[int],
    row_ids: Sequence[str],
) -> ApplicationsTable:
    """Table 三 from its outcome leaves; 总计, （七）总计 and 一、本年新收 follow from the identities."""
    outcome_total = [sum(leaves[r][i] for r in leaves) for i in range(len(APPLICANTS))]
    new_received = [o + f - c for o, f, c in zip(outcome_total, carried_forward, carried_over, strict=True)]
    assert min(new_received) >= 0, new_received
    values: dict[str, Sequence[int]] = {
        "new_received": new_received,
        "carried_over": carried_over,
        **leaves,
        "outcome_total": outcome_total,
        "carried_forward": carried_forward,
    }
    rows = {}
    for row in row_ids:
        parts = values[row]
        cells = {c: number(_grouped(v)) for c, v in zip(APPLICANTS, parts, strict=True)}
        cells["total"] = number(_grouped(sum(parts)))
        rows[row] = cells
    return ApplicationsTable(rows)


def review(groups: Mapping[str, Sequence[int]]) -> ReviewLitigationTable:
    """Table 四: each group's four results and their 总计."""
    rows = {}
    for group, parts in groups.items():
        cells = {c: number(str(v)) for c, v in zip(REVIEW_RESULTS, parts, strict=True)}
        cells["total"] = number(str(sum(parts)))
        rows[group] = cells
    return ReviewLitigationTable(rows)


def _sections(organ: str, year: int, applications_total: str) -> tuple[Section, ...]:
    """The prose sections around the tables; their numbers must never be read as cells."""

    def section(n: int, marker: str, title: str, kind: str, text: str) -> Section:
        return Section(Marker(marker, "cjk", n), title, text, kind=kind)

    return (
        section(
            1,
            "一、",
            "总体情况",
            "overview",
            f"{year}年，{organ}深入贯彻《中华人民共和国政府信息公开条例》，全年主动公开政府信息"
            f"3,862条，受理政府信息公开申请{applications_total}件，按时办结率100%。",
        ),
        section(2, "二、", "主动公开政府信息情况", "active_disclosure", ""),
        section(3, "三、", "收到和处理政府信息公开申请情况", "applications", ""),
        section(4, "四、", "政府信息公开行政复议、行政诉讼情况", "review_litigation", ""),
        section(
            5,
            "五、",
            "存在的主要问题及改进情况",
            "problems",
            "一是政策解读形式较为单一；二是依申请公开答复规范化水平有待提高。"
            f"{year + 1}年将加强培训，全年组织培训2次。",
        ),
        section(
            6,
            "六、",
            "其他需要报告的事项",
            "other_matters",
            "本年度未收取信息处理费。本机关无其他需要报告的事项。",
        ),
    )


def county_2019() -> Report:
    """A 2019-template county report: every block filled, signed deltas, commas, 元 amount, 无 cells."""
    template = default_templates()["2019"]
    active = ActiveDisclosureTable(
        {
            "regulations": {"newly_made": none(), "newly_published": none(), "total_published": none()},
            "normative_documents": {
                "newly_made": number("15"),
                "newly_published": number("14"),
                "total_published": number("1,286"),
            },
            "administrative_licensing": {
                "previous_year": number("412"),
                "change": number("+61"),
                "decisions": number("12,408"),
            },
            "other_administrative_services": {
                "previous_year": number("96"),
                "change": number("-4"),
                "decisions": number("3,517"),
            },
            "administrative_penalty": {
                "previous_year": number("58"),
                "change": number("0"),
                "decisions": number("1,024"),
            },
            "administrative_enforcement": {
                "previous_year": number("17"),
                "change": number("-2"),
                "decisions": number("236"),
            },
            "administrative_fees": {"previous_year": number("9"), "change": number("-3")},
            "centralized_procurement": {
                "procurement_projects": number("126"),
                "procurement_amount": number("1751292.6元", "元"),
            },
        }
    )
    leaves = {
        "granted": (143, 21, 2, 1, 3, 4),
        "partially_granted": (37, 6, 0, 0, 1, 2),
        "denied_state_secret": (2, 0, 0, 0, 0, 0),
        "denied_prohibited_by_law": (1, 0, 0, 0, 0, 0),
        "denied_three_safeties_one_stability": (3, 1, 0, 0, 0, 0),
        "denied_third_party_rights": (5, 2, 0, 0, 0, 1),
        "denied_internal_affairs": (8, 0, 0, 0, 0, 0),
        "denied_process_information": (11, 3, 0, 0, 0, 0),
        "denied_enforcement_case_files": (4, 0, 0, 0, 1, 0),
        "denied_administrative_inquiry": (6, 1, 0, 0, 0, 0),
        "unavailable_not_held": (96, 12, 1, 0, 2, 3),
        "unavailable_needs_creation": (14, 2, 0, 0, 0, 1),
        "unavailable_still_unclear": (9, 1, 0, 0, 0, 0),
        "not_processed_complaint": (23, 0, 0, 0, 0, 0),
        "not_processed_duplicate": (17, 2, 0, 0, 0, 0),
        "not_processed_publication": (2, 0, 0, 0, 0, 0),
        "not_processed_excessive": (10, 0, 0, 0, 0, 0),
        "not_processed_confirmation": (3, 1, 0, 0, 0, 0),
        "other": (28, 4, 1, 0, 0, 2),
    }
    rows = printed_rows(template, leaves)
    apps = applications(leaves, (12, 3, 0, 0, 1, 0), (9, 2, 0, 1, 0, 1), rows)
    reviews = review(
        {
            "review": (6, 2, 1, 1),
            "litigation_direct": (3, 1, 0, 2),
            "litigation_after_review": (1, 0, 0, 1),
        }
    )
    total = apps.rows["new_received"]["total"].raw
    return Report(
        title="某县人民政府2020年政府信息公开工作年度报告",
        organ="某县人民政府",
        year=2020,
        template="2019",
        sections=_sections("某县人民政府", 2020, total),
        tables=Tables(active, apps, reviews),
    )


def city_2021() -> Report:
    """A 2021-template city report: large counts with commas, a decimal 万元 fee, every 六 sub-row, 无."""
    template = default_templates()["2021"]
    active = ActiveDisclosureTable(
        {
            "regulations": {"issued": number("3"), "repealed": number("1"), "in_force": number("45")},
            "normative_documents": {
                "issued": number("28"),
                "repealed": number("6"),
                "in_force": number("312"),
            },
            "administrative_licensing": {"decisions": number("25,617")},
            "administrative_penalty": {"decisions": number("1,342")},
            "administrative_enforcement": {"decisions": none()},
            "administrative_fees": {"fee_amount": number("1,286.35", "万元")},
        }
    )
    leaves = {
        "granted": (1203, 87, 12, 5, 9, 14),
        "partially_granted": (216, 19, 3, 0, 2, 1),
        "denied_state_secret": (4, 0, 0, 0, 0, 0),
        "denied_prohibited_by_law": (7, 1, 0, 0, 0, 0),
        "denied_three_safeties_one_stability": (2, 0, 0, 0, 0, 0),
        "denied_third_party_rights": (31, 6, 0, 0, 1, 0),
        "denied_internal_affairs": (19, 2, 0, 0, 0, 1),
        "denied_process_information": (44, 5, 1, 0, 0, 0),
        "denied_enforcement_case_files": (13, 0, 0, 0, 2, 0),
        "denied_administrative_inquiry": (25, 3, 0, 0, 0, 0),
        "unavailable_not_held": (412, 38, 2, 1, 6, 5),
        "unavailable_needs_creation": (58, 9, 1, 0, 0, 2),
        "unavailable_still_unclear": (36, 4, 0, 0, 1, 0),
        "not_processed_complaint": (97, 3, 0, 0, 0, 1),
        "not_processed_duplicate": (65, 7, 0, 0, 1, 0),
        "not_processed_publication": (8, 0, 0, 0, 0, 0),
        "not_processed_excessive": (21, 0, 0, 0, 0, 0),
        "not_processed_confirmation": (16, 2, 0, 0, 0, 0),
        "other_no_correction": (73, 6, 1, 0, 0, 1),
        "other_fee_unpaid": (3, 0, 0, 0, 0, 0),
        "other_misc": (51, 4, 0, 1, 2, 0),
    }
    rows = printed_rows(template, leaves)
    apps = applications(leaves, (128, 11, 2, 0, 1, 1), (96, 14, 1, 1, 0, 2), rows)
    reviews = review(
        {
            "review": (27, 5, 3, 4),
            "litigation_direct": (12, 2, 1, 6),
            "litigation_after_review": (4, 1, 0, 2),
        }
    )
    total = apps.rows["new_received"]["total"].raw
    return Report(
        title="某市人民政府2023年政府信息公开工作年度报告",
        organ="某市人民政府",
        year=2023,
        template="2021",
        sections=_sections("某市人民政府", 2023, total),
        tables=Tables(active, apps, reviews),
    )


def seed(name: str) -> Callable[[], Report]:
    """A seed read back by the parser: the Report (not the seed's text) is the truth that gets rendered."""

    def build() -> Report:
        return parse_file(SHARED / "seeds" / SEEDS[name])

    build.__doc__ = f"../shared/seeds/{SEEDS[name]}, read by govdisclosure.parse_file"
    return build


#: Report name -> builder, in the order tests and docs list them.
REPORTS: dict[str, Callable[[], Report]] = {
    "county2019": county_2019,
    "city2021": city_2021,
    "seed001": seed("seed001"),
    "seed004": seed("seed004"),
}
