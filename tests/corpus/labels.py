"""The official labels of the three tables (FORMAT.md §1.3-1.5), written out here (not from govdisclosure).

Identifiers are SCHEMA.md's. Variants (FORMAT.md §2.3) are applied by `variant_label`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- the six top-level sections (FORMAT.md §1.2) ---------------------------------------------------

SECTION_TITLES: tuple[str, ...] = (
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
)
SECTION_ALIASES: dict[int, str] = {
    4: "因政府信息公开工作被申请行政复议提起行政诉讼情况",
    5: "政府信息公开工作存在的主要问题及改进情况",
}
CJK_NUMERALS: tuple[str, ...] = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")


# --- table 二 (FORMAT.md §1.3) -----------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """One block of table 二: caption row, header row after 信息内容, data rows."""

    caption: str
    headers: tuple[str, ...]
    columns: tuple[str, ...]
    rows: tuple[tuple[str, str], ...]


ACTIVE_2019: tuple[Block, ...] = (
    Block(
        "第二十条第（一）项",
        ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
        ("newly_made", "newly_published", "total_published"),
        (("regulations", "规章"), ("normative_documents", "规范性文件")),
    ),
    Block(
        "第二十条第（五）项",
        ("上一年项目数量", "本年增/减", "处理决定数量"),
        ("previous_year", "change", "decisions"),
        (("administrative_licensing", "行政许可"), ("other_administrative_services", "其他对外管理服务事项")),
    ),
    Block(
        "第二十条第（六）项",
        ("上一年项目数量", "本年增/减", "处理决定数量"),
        ("previous_year", "change", "decisions"),
        (("administrative_penalty", "行政处罚"), ("administrative_enforcement", "行政强制")),
    ),
    Block(
        "第二十条第（八）项",
        ("上一年项目数量", "本年增/减"),
        ("previous_year", "change"),
        (("administrative_fees", "行政事业性收费"),),
    ),
    Block(
        "第二十条第（九）项",
        ("采购项目数量", "采购总金额"),
        ("procurement_projects", "procurement_amount"),
        (("centralized_procurement", "政府集中采购"),),
    ),
)

ACTIVE_2021: tuple[Block, ...] = (
    Block(
        "第二十条第（一）项",
        ("本年制发件数", "本年废止件数", "现行有效件数"),
        ("issued", "repealed", "in_force"),
        (("regulations", "规章"), ("normative_documents", "行政规范性文件")),
    ),
    Block(
        "第二十条第（五）项",
        ("本年处理决定数量",),
        ("decisions",),
        (("administrative_licensing", "行政许可"),),
    ),
    Block(
        "第二十条第（六）项",
        ("本年处理决定数量",),
        ("decisions",),
        (("administrative_penalty", "行政处罚"), ("administrative_enforcement", "行政强制")),
    ),
    Block(
        "第二十条第（八）项",
        ("本年收费金额（单位：万元）",),
        ("fee_amount",),
        (("administrative_fees", "行政事业性收费"),),
    ),
)
INFO_CONTENT = "信息内容"

# --- table 三 (FORMAT.md §1.4) -----------------------------------------------------------------------

APPLICANT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("natural_person", "自然人"),
    ("commercial_enterprise", "商业企业"),
    ("research_institution", "科研机构"),
    ("social_welfare_organization", "社会公益组织"),
    ("legal_service_agency", "法律服务机构"),
    ("other_organization", "其他"),
    ("total", "总计"),
)
PARTS: tuple[str, ...] = tuple(key for key, _ in APPLICANT_COLUMNS[:-1])
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANTS = "申请人情况"
LEGAL_PERSONS = "法人或其他组织"
RESULT_GROUP = "三、本年度办理结果"
HEAD_ROWS: tuple[tuple[str, str], ...] = (
    ("new_received", "一、本年新收政府信息公开申请数量"),
    ("carried_over", "二、上年结转政府信息公开申请数量"),
)
OUTCOME_TOTAL: tuple[str, str] = ("outcome_total", "（七）总计")
CARRIED_FORWARD: tuple[str, str] = ("carried_forward", "四、结转下年度继续办理")

# (group label or None for a single colspan=2 row, rows)
OutcomeGroup = tuple[str | None, tuple[tuple[str, str], ...]]
_OUTCOMES_COMMON: tuple[OutcomeGroup, ...] = (
    (None, (("granted", "（一）予以公开"),)),
    (None, (("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),)),
    (
        "（三）不予公开",
        (
            ("denied_state_secret", "1.属于国家秘密"),
            ("denied_prohibited_by_law", "2.其他法律行政法规禁止公开"),
            ("denied_three_safeties_one_stability", "3.危及“三安全一稳定”"),
            ("denied_third_party_rights", "4.保护第三方合法权益"),
            ("denied_internal_affairs", "5.属于三类内部事务信息"),
            ("denied_process_information", "6.属于四类过程性信息"),
            ("denied_enforcement_case_files", "7.属于行政执法案卷"),
            ("denied_administrative_inquiry", "8.属于行政查询事项"),
        ),
    ),
    (
        "（四）无法提供",
        (
            ("unavailable_not_held", "1.本机关不掌握相关政府信息"),
            ("unavailable_needs_creation", "2.没有现成信息需要另行制作"),
            ("unavailable_still_unclear", "3.补正后申请内容仍不明确"),
        ),
    ),
    (
        "（五）不予处理",
        (
            ("not_processed_complaint", "1.信访举报投诉类申请"),
            ("not_processed_duplicate", "2.重复申请"),
            ("not_processed_publication", "3.要求提供公开出版物"),
            ("not_processed_excessive", "4.无正当理由大量反复申请"),
            ("not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息"),
        ),
    ),
)
OUTCOMES: dict[str, tuple[OutcomeGroup, ...]] = {
    "2019": (*_OUTCOMES_COMMON, (None, (("other", "（六）其他处理"),))),
    "2021": (
        *_OUTCOMES_COMMON,
        (
            "（六）其他处理",
            (
                ("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
                (
                    "other_fee_unpaid",
                    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                ),
                ("other_misc", "3.其他"),
            ),
        ),
    ),
}


def outcome_leaves(template: str) -> tuple[str, ...]:
    """The outcome rows summed into （七）总计 (19 in 2019, 21 in 2021)."""
    return tuple(key for _, rows in OUTCOMES[template] for key, _ in rows)


def application_rows(template: str) -> tuple[str, ...]:
    """Every data row of table 三, top to bottom (23 in 2019, 25 in 2021)."""
    head = tuple(key for key, _ in HEAD_ROWS)
    return (*head, *outcome_leaves(template), OUTCOME_TOTAL[0], CARRIED_FORWARD[0])


# --- table 四 (FORMAT.md §1.5) -----------------------------------------------------------------------

REVIEW = "行政复议"
LITIGATION = "行政诉讼"
REVIEW_GROUPS: tuple[tuple[str, str], ...] = (
    ("review", "行政复议"),
    ("litigation_direct", "未经复议直接起诉"),
    ("litigation_after_review", "复议后起诉"),
)
RESULTS: tuple[tuple[str, str], ...] = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other_result", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)

# --- label variants (FORMAT.md §2.3) ----------------------------------------------------------------

LABEL_VARIANTS: tuple[str, ...] = (
    "ascii_parens",  # (一) 予以公开, (本列数据…)
    "leaf_space",  # 1. 属于国家秘密
    "stray_spaces",  # 规    章, 结果 维持, 三、本 年度办 理结果, 商业 企业
    "typo_prohibited",  # 2.其他法律行政止公开
    "straight_quotes",  # "三安全一稳定"
    "normative_2019_label",  # 规范性文件 in a 2021 table 二
    "qita",  # 其它 for 其他 in 其他 / （六）其他处理 / 其他结果
    "annotation",  # 规章（设区的市、自治州人民政府应提供相关数据）
    "comma_2021_other",  # 逾期不补正，行政机关… (，for 、)
    "hubei_headers",  # 上一年项目数量（指2019年事项数）, 本年增/减（指2020年…如-8）
)
ANNOTATION = "（设区的市、自治州人民政府应提供相关数据）"
STRAY_SPACES: dict[str, str] = {
    "规章": "规    章",
    "结果维持": "结果 维持",
    "结果纠正": "结果 纠正",
    "三、本年度办理结果": "三、本 年度办 理结果",
    "商业企业": "商业 企业",
}
QITA: dict[str, str] = {"其他": "其它", "（六）其他处理": "（六）其它处理", "其他结果": "其它结果"}
_PAREN_MARKER = re.compile(r"^（([一二三四五六七八本])")
_LEAF = re.compile(r"^(\d)\.")


def variant_label(label: str, variants: frozenset[str], year: int) -> str:
    """The label as a report with these variants prints it (identity when no variant applies)."""
    text = label
    if "typo_prohibited" in variants and text == "2.其他法律行政法规禁止公开":
        text = "2.其他法律行政止公开"
    if "straight_quotes" in variants:
        text = text.replace("“", '"').replace("”", '"')
    if "comma_2021_other" in variants and "逾期" in text:
        text = text.replace("、行政机关", "，行政机关")
    if "normative_2019_label" in variants and text == "行政规范性文件":
        text = "规范性文件"
    if "qita" in variants:
        text = QITA.get(text, text)
    if "annotation" in variants and text == "规章":
        return text + ANNOTATION
    if "hubei_headers" in variants:
        text = _hubei(text, year)
    if "stray_spaces" in variants:
        text = STRAY_SPACES.get(text, text)
    if "ascii_parens" in variants and _PAREN_MARKER.match(text):
        text = _ascii_parens(text)
    if "leaf_space" in variants:
        text = _LEAF.sub(r"\1. ", text)
    return text


def _ascii_parens(text: str) -> str:
    """`（一）予以公开` -> `(一) 予以公开`; the note becomes `(本列数据…)`."""
    if text.startswith("（本列"):
        return "(" + text[1:-1] + ")"
    close = text.index("）")
    return "(" + text[1:close] + ") " + text[close + 1 :]


def _hubei(text: str, year: int) -> str:
    """Hubei's 2020 annotated headers (FORMAT.md §2.3)."""
    if text == "上一年项目数量":
        return f"上一年项目数量（指{year - 1}年事项数）"
    if text == "本年增/减":
        return f"本年增/减（指{year}年增加或减少的事项数，减用负值表示，如-8）"
    if text == "处理决定数量":
        return f"处理决定数量（指{year}年办件量）"
    return text
