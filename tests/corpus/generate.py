"""Seeded generator of synthetic-but-realistic reports (independent of govdisclosure: labels from labels.py).

`generate(seed, count)` returns `Report`s whose truth (`Report.truth()`) is checked here with asserts:
every cell's kind matches its raw text, and the accounting identities (FORMAT.md §1.6) hold except the
one a report breaks on purpose (`traits.identity_broken`).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from corpus import labels as L
from corpus.model import Cell, Json, Layout, Report, Section, Table, check_cell

SEED = 20240917
COUNT = 64
BLANK_STYLES: tuple[str, ...] = ("zeros", "blank", "total_only", "wu", "slash", "dash", "nbsp", "all_blank")
ZERO_TOKENS: dict[str, Cell] = {
    "blank": Cell("", None, "blank"),
    "wu": Cell("无", None, "none"),
    "slash": Cell("/", None, "none"),
    "dash": Cell("—", None, "none"),
    "nbsp": Cell("\u00a0", None, "blank"),
}
NULL_IS_ZERO: frozenset[str] = frozenset({"zeros", "blank", "wu", "slash", "dash", "nbsp"})
BREAKS: tuple[str, ...] = (
    "review_litigation.total",
    "applications.row_total",
    "applications.column_balance",
    "review_litigation.total",
    "applications.outcome_total",
    "applications.row_total",
)
SUB_STYLES: tuple[str, ...] = (
    "cjk_paren",
    "cjk_paren_ascii",
    "arabic_paren",
    "arabic",
    "ordinal_phrase",
    "bold_run_in",
)
MISSING_TABLES: tuple[str, ...] = ("active_disclosure", "applications", "review_litigation")


# --- the plan: which report gets which traits -------------------------------------------------------


@dataclass
class Plan:
    """The traits chosen for one report before its values are drawn."""

    index: int
    kind: str
    blank_style: str
    missing: str | None = None
    broken: str | None = None
    sub_style: str = "cjk_paren"
    top_style: str = "cjk"
    markup: str = "h"
    commas: bool = False
    signed: bool = False
    money_mode: str = "plain"
    variants: frozenset[str] = frozenset()


def make_plans(seed: int, count: int) -> list[Plan]:
    """Spread templates, blank styles, missing tables, broken identities and variants over `count` reports."""
    rng = random.Random(f"plan:{seed}")
    styles = [BLANK_STYLES[i % len(BLANK_STYLES)] for i in range(count)]
    mixed = max(1, round(count * 6 / 64))
    old = round(count * 22 / 64)
    kinds = ["mixed"] * mixed + ["2019"] * old + ["2021"] * (count - mixed - old)
    rng.shuffle(styles)
    rng.shuffle(kinds)
    plans = [Plan(i, kind, style) for i, (kind, style) in enumerate(zip(kinds, styles, strict=True))]
    _assign_missing(plans, rng)
    _assign_breaks(plans, rng)
    _assign_headings(plans, rng)
    _assign_values(plans, rng)
    _assign_variants(plans, rng)
    return plans


def _assign_missing(plans: list[Plan], rng: random.Random) -> None:
    """About 6 reports (not mixed) lose one table, two of each."""
    pool = [p for p in plans if p.kind != "mixed"]
    rng.shuffle(pool)
    for i, plan in enumerate(pool[: max(1, round(len(plans) * 6 / 64))]):
        plan.missing = MISSING_TABLES[i % 3]


def _assign_breaks(plans: list[Plan], rng: random.Random) -> None:
    """About 1 report in 10 breaks one identity, in a table it prints with null-means-zero cells."""
    pool = [p for p in plans if p.missing is None and p.blank_style in NULL_IS_ZERO]
    rng.shuffle(pool)
    for plan, broken in zip(pool, BREAKS[: max(1, round(len(plans) / 10))], strict=False):
        plan.broken = broken


def _assign_headings(plans: list[Plan], rng: random.Random) -> None:
    """Subsection style, top-level style (a few `1、`) and heading markup per report."""
    order = list(plans)
    rng.shuffle(order)
    markups = ("h", "strong", "plain", "mixed")
    for i, plan in enumerate(order):
        plan.sub_style = SUB_STYLES[i % len(SUB_STYLES)]
        plan.markup = markups[(i // 3) % len(markups)]
        if i % 5 == 2:
            plan.top_style = "arabic_some"
            if plan.sub_style == "arabic":
                plan.sub_style = "cjk_paren"


def _assign_values(plans: list[Plan], rng: random.Random) -> None:
    """Thousands commas, signed deltas and the procurement amount's unit mode."""
    modes = ("yuan", "plain", "wan_header")
    for i, plan in enumerate(plans):
        plan.commas = rng.random() < 0.35
        plan.signed = plan.kind == "2019" and rng.random() < 0.5
        plan.money_mode = modes[i % 3] if plan.kind == "2019" else "wan_header"


def _assign_variants(plans: list[Plan], rng: random.Random) -> None:
    """About half the reports print 1-3 label variants (FORMAT.md §2.3), each variant in several reports."""
    cycle = _cycle(list(L.LABEL_VARIANTS), rng)
    for plan in plans:
        if rng.random() < 0.45:
            continue
        wanted = rng.randint(1, 3)
        chosen: set[str] = set()
        for _ in range(40):
            variant = next(cycle)
            if _applies(variant, plan):
                chosen.add(variant)
            if len(chosen) == wanted:
                break
        plan.variants = frozenset(chosen)
    # A variant that applies to some reports only (hubei_headers: 2019's) may come up short in
    # those draws (seeds 20261210, 20261213, 20261225): it is then given to the first reports it
    # applies to until two print it. Seeds that already cover it draw the same corpus as before.
    for variant in L.LABEL_VARIANTS:
        short = 2 - sum(variant in plan.variants for plan in plans)
        for plan in (p for p in plans if variant not in p.variants and _applies(variant, p)):
            if short <= 0:
                break
            plan.variants |= {variant}
            short -= 1


def _cycle(items: list[str], rng: random.Random) -> Iterator[str]:
    """Endless reshuffled rounds of items."""
    while True:
        rng.shuffle(items)
        yield from items


def _applies(variant: str, plan: Plan) -> bool:
    """Whether a label variant can show in this report's tables."""
    if variant == "normative_2019_label":
        return plan.kind != "2019"
    if variant == "comma_2021_other":
        return plan.kind == "2021"
    if variant == "hubei_headers":
        return plan.kind == "2019"
    return True


# --- organs and years -------------------------------------------------------------------------------

PLACES: tuple[str, ...] = (
    "青山", "白水", "临江", "云台", "东湖", "西岭", "南屏", "北塘", "凤凰", "石门", "清溪", "桃源", "松阳",
    "梅岭", "金沙", "龙泉", "安平", "永宁", "长乐", "新河", "柳江", "杏林", "双桥", "丰泽", "高阳", "兴隆",
)  # fmt: skip
BUREAUS: tuple[str, ...] = (
    "审计局", "生态环境局", "财政局", "自然资源和规划局", "住房和城乡建设局", "交通运输局", "市场监督管理局",
    "卫生健康委员会", "发展和改革委员会", "教育局", "民政局", "司法局", "农业农村局", "商务局", "应急管理局",
    "人力资源和社会保障局", "退役军人事务局", "医疗保障局", "文化和旅游局", "统计局", "信访局", "水利局",
    "林业局", "机关事务管理局", "民族宗教事务委员会", "科学技术局",
)  # fmt: skip


def make_organ(rng: random.Random, used: set[str]) -> tuple[str, str]:
    """A new organ name and its scale (tiny, small, medium, large)."""
    while True:
        place = rng.choice(PLACES)
        shape = rng.choice(("county", "district", "city", "bureau", "bureau", "bureau", "town", "office"))
        organ, scale = _organ(place, shape, rng)
        if organ not in used:
            used.add(organ)
            return organ, scale


def _organ(place: str, shape: str, rng: random.Random) -> tuple[str, str]:
    """Name and scale of one organ shape."""
    if shape == "county":
        return f"{place}县人民政府", "medium"
    if shape == "district":
        return f"{place}区人民政府", "medium"
    if shape == "city":
        return f"{place}市人民政府", "large"
    if shape == "town":
        return rng.choice((f"{place}镇人民政府", f"{place}街道办事处")), "tiny"
    if shape == "office":
        return f"{place}市人民政府办公室", "small"
    level = rng.choice(("市", "区", "县"))
    return f"{place}{level}{rng.choice(BUREAUS)}", "small"


def pick_year(kind: str, rng: random.Random) -> int:
    """The year reported on: 2019-2020 for the 2019 template, 2021-2025 otherwise."""
    if kind == "2019":
        return rng.choice((2019, 2020))
    if kind == "mixed":
        return rng.choice((2021, 2022, 2023, 2024, 2024, 2025))
    return rng.randint(2021, 2025)


# --- underlying integer values -----------------------------------------------------------------------

SCALE_NEW: dict[str, tuple[int, int]] = {
    "tiny": (0, 6),
    "small": (0, 40),
    "medium": (5, 260),
    "large": (150, 3200),
}
LEAF_WEIGHTS: dict[str, float] = {
    "granted": 45, "partially_granted": 8, "denied_state_secret": 0.5, "denied_prohibited_by_law": 1,
    "denied_three_safeties_one_stability": 0.5, "denied_third_party_rights": 1.5,
    "denied_internal_affairs": 1, "denied_process_information": 1.5, "denied_enforcement_case_files": 0.8,
    "denied_administrative_inquiry": 1,
    "unavailable_not_held": 15, "unavailable_needs_creation": 3, "unavailable_still_unclear": 2,
    "not_processed_complaint": 3, "not_processed_duplicate": 2, "not_processed_publication": 0.6,
    "not_processed_excessive": 0.6, "not_processed_confirmation": 0.8, "other": 4,
    "other_no_correction": 2, "other_fee_unpaid": 0.3, "other_misc": 2,
}  # fmt: skip
ORG_SHARE: dict[str, float] = {
    "natural_person": 1.0,
    "commercial_enterprise": 0.12,
    "research_institution": 0.02,
    "social_welfare_organization": 0.02,
    "legal_service_agency": 0.05,
    "other_organization": 0.04,
}

Grid = dict[str, dict[str, int]]


def draw_applications(rng: random.Random, scale: str, template: str) -> Grid:
    """Table 三 as integers: per applicant column, the flows balance and the leaves sum to （七）总计."""
    rows = L.application_rows(template)
    leaves = L.outcome_leaves(template)
    grid: Grid = {row: {} for row in rows}
    low, high = SCALE_NEW[scale]
    people = rng.randint(low, high)
    for col in L.PARTS:
        share = ORG_SHARE[col]
        new = people if col == "natural_person" else _sparse(rng, people * share)
        carried = rng.randint(0, max(0, new // 12)) if rng.random() < 0.5 else 0
        forward = rng.randint(0, max(0, (new + carried) // 10)) if rng.random() < 0.5 else 0
        counts = _spread(rng, new + carried - forward, leaves)
        grid["new_received"][col] = new
        grid["carried_over"][col] = carried
        grid["carried_forward"][col] = forward
        for leaf in leaves:
            grid[leaf][col] = counts[leaf]
        grid["outcome_total"][col] = sum(counts.values())
    for row in rows:
        grid[row]["total"] = sum(grid[row][col] for col in L.PARTS)
    return grid


def _sparse(rng: random.Random, mean: float) -> int:
    """A small count around `mean`, zero about half the time."""
    if rng.random() < 0.5:
        return 0
    return max(0, round(rng.uniform(0, 2 * mean))) if mean >= 1 else rng.randint(0, 2)


def _spread(rng: random.Random, amount: int, leaves: tuple[str, ...]) -> dict[str, int]:
    """Distribute `amount` requests over the outcome leaves by realistic weights."""
    counts = dict.fromkeys(leaves, 0)
    weights = [LEAF_WEIGHTS[leaf] * rng.uniform(0.3, 1.7) for leaf in leaves]
    for leaf in rng.choices(leaves, weights, k=amount):
        counts[leaf] += 1
    return counts


def draw_review(rng: random.Random, scale: str) -> Grid:
    """Table 四 as integers: four results and their total per group, mostly zero."""
    top = {"tiny": 1, "small": 3, "medium": 6, "large": 25}[scale]
    grid: Grid = {}
    for group, _ in L.REVIEW_GROUPS:
        active = rng.random() < (0.6 if group == "review" else 0.35)
        parts = {
            key: (rng.randint(0, top) if active and rng.random() < 0.6 else 0) for key, _ in L.RESULTS[:4]
        }
        grid[group] = {**parts, "total": sum(parts.values())}
    return grid


# --- formatting one cell -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    """How a report prints its values: blank style, commas, signs, zero money, all-blank details."""

    blank_style: str
    commas: bool
    signed: bool
    zero_money: str
    blank_char: str
    all_blank_active: bool

    def hidden(self, table: str, is_total: bool) -> Cell | None:
        """The blank cell printed whatever the value (total_only, all_blank), else None."""
        if self.blank_style == "total_only" and table != "active_disclosure" and not is_total:
            return Cell("", None, "blank")
        if self.blank_style == "all_blank" and (table != "active_disclosure" or self.all_blank_active):
            return Cell(self.blank_char, None, "blank")
        return None

    def zero(self, money: bool) -> Cell:
        """The cell printed for a zero."""
        if self.blank_style in ZERO_TOKENS:
            return ZERO_TOKENS[self.blank_style]
        raw = self.zero_money if money else "0"
        return Cell(raw, 0.0 if "." in raw else 0, "number")

    def count(self, n: int, table: str, is_total: bool = False, signed: bool = False) -> Cell:
        """A count cell (signed: 本年增/减)."""
        hidden = self.hidden(table, is_total)
        if hidden is not None:
            return hidden
        if n == 0:
            return self.zero(money=False)
        raw = f"{n:,}" if self.commas else str(n)
        if signed and self.signed and n > 0:
            raw = "+" + raw
        return Cell(raw, n, "number")

    def money(self, cents: int, decimals: int, suffix: str, unit: str | None) -> Cell:
        """A money cell from an amount in hundredths, printed with `decimals` places and an in-cell suffix."""
        hidden = self.hidden("active_disclosure", False)
        if hidden is not None:
            return hidden
        if cents == 0:
            return self.zero(money=True)
        text = f"{cents / 100:,.{decimals}f}" if self.commas else f"{cents / 100:.{decimals}f}"
        value = float(f"{cents / 100:.{decimals}f}") if decimals else round(cents / 100)
        return Cell(text + suffix, value, "number", unit)


# --- table 二 ----------------------------------------------------------------------------------------


def draw_active(rng: random.Random, scale: str, kind: str, style: Style, money_mode: str) -> Table:
    """Table 二 cells, 2019 (22) or 2021 (10)."""
    big = {"tiny": 0.05, "small": 0.4, "medium": 1.0, "large": 5.0}[scale]
    if kind == "2019":
        return _active_2019(rng, big, style, money_mode, scale)
    return _active_2021(rng, big, style, scale)


def _n(rng: random.Random, top: float, zero_chance: float = 0.35) -> int:
    """A count up to `top`, zero with some chance."""
    return 0 if rng.random() < zero_chance else rng.randint(0, max(1, int(top)))


def _items(rng: random.Random, big: float, style: Style, top: float) -> dict[str, Cell]:
    """上一年项目数量 / 本年增/减 / 处理决定数量 of one 2019 row."""
    previous = _n(rng, 60 * big + 3)
    up = rng.randint(1, 61) if previous >= 100 else rng.randint(1, previous // 3 + 2)
    change = max(rng.choice((0, 0, up, -rng.randint(1, 9))), -previous)
    decisions = _n(rng, top * big, 0.3)
    return {
        "previous_year": style.count(previous, "active_disclosure"),
        "change": style.count(change, "active_disclosure", signed=True),
        "decisions": style.count(decisions, "active_disclosure"),
    }


def _active_2019(rng: random.Random, big: float, style: Style, mode: str, scale: str) -> Table:
    """The 2019 table 二."""
    cnt = style.count
    regs = scale == "large" and rng.random() < 0.7
    made = rng.randint(0, 6) if regs else 0
    norm_made = _n(rng, 25 * big + 2)
    fees = _items(rng, big, style, 0)
    del fees["decisions"]
    return {
        "regulations": {
            "newly_made": cnt(made, "active_disclosure"),
            "newly_published": cnt(made, "active_disclosure"),
            "total_published": cnt(made + (rng.randint(10, 90) if regs else 0), "active_disclosure"),
        },
        "normative_documents": {
            "newly_made": cnt(norm_made, "active_disclosure"),
            "newly_published": cnt(norm_made, "active_disclosure"),
            "total_published": cnt(norm_made + _n(rng, 300 * big), "active_disclosure"),
        },
        "administrative_licensing": _items(rng, big, style, 60000),
        "other_administrative_services": _items(rng, big, style, 3000),
        "administrative_penalty": _items(rng, big, style, 4000),
        "administrative_enforcement": _items(rng, big, style, 300),
        "administrative_fees": fees,
        "centralized_procurement": {
            "procurement_projects": cnt(_n(rng, 150 * big), "active_disclosure"),
            "procurement_amount": _procurement(rng, big, style, mode),
        },
    }


def _procurement(rng: random.Random, big: float, style: Style, mode: str) -> Cell:
    """采购总金额 in the report's unit mode: `1751292.6元`, plain `11.876`, or 万元 header `2,601.35`."""
    if rng.random() < 0.2:
        return style.money(0, 0, "", None)
    if mode == "yuan":
        decimals = rng.choice((0, 1, 2))
        cents = rng.randint(5_000_00, int(3_000_000_00 * big) + 10_000_00)
        cents -= cents % (10 ** (2 - decimals))
        return style.money(cents, decimals, "元", "元")
    if mode == "plain":
        return style.money(rng.randint(100, int(90_000 * big) + 1000), 2, "", None)
    return style.money(rng.randint(10_00, int(300_000 * big) + 10_000), 2, "", "万元")


def _active_2021(rng: random.Random, big: float, style: Style, scale: str) -> Table:
    """The 2021 table 二."""
    cnt = style.count
    regs = scale == "large" and rng.random() < 0.7
    issued = rng.randint(0, 5) if regs else 0
    norm = _n(rng, 30 * big + 2)
    fee = 0 if rng.random() < 0.45 else rng.randint(1_00, int(250_000 * big) + 5_000)
    return {
        "regulations": {
            "issued": cnt(issued, "active_disclosure"),
            "repealed": cnt(rng.randint(0, 2) if regs else 0, "active_disclosure"),
            "in_force": cnt(issued + (rng.randint(10, 90) if regs else 0), "active_disclosure"),
        },
        "normative_documents": {
            "issued": cnt(norm, "active_disclosure"),
            "repealed": cnt(_n(rng, 8 * big + 1, 0.5), "active_disclosure"),
            "in_force": cnt(norm + _n(rng, 300 * big), "active_disclosure"),
        },
        "administrative_licensing": {"decisions": cnt(_n(rng, 60000 * big, 0.3), "active_disclosure")},
        "administrative_penalty": {"decisions": cnt(_n(rng, 3000 * big, 0.3), "active_disclosure")},
        "administrative_enforcement": {"decisions": cnt(_n(rng, 200 * big), "active_disclosure")},
        "administrative_fees": {"fee_amount": style.money(fee, 2, "", "万元")},
    }


# --- identities (FORMAT.md §1.6) ---------------------------------------------------------------------


def failing_identities(report: Report) -> list[str]:
    """Names of the identity instances that fail on the truth's values (null = 0 where the style says so)."""
    zero = report.traits["blank_style"] in NULL_IS_ZERO
    fails: list[str] = []
    apps = report.tables["applications"]
    if apps is not None:
        fails += _applications_fails(apps, report.applications_template, zero)
    review = report.tables["review_litigation"]
    if review is not None:
        for group, _ in L.REVIEW_GROUPS:
            cells = review[group]
            parts = [cells[key] for key, _ in L.RESULTS[:4]]
            if _fails(cells["total"], parts, zero):
                fails.append(f"review_litigation.total:{group}")
    return fails


def _applications_fails(apps: Table, template: str, zero: bool) -> list[str]:
    """Failing row totals, column balances and outcome totals of table 三."""
    fails: list[str] = []
    for row in L.application_rows(template):
        if _fails(apps[row]["total"], [apps[row][c] for c in L.PARTS], zero):
            fails.append(f"applications.row_total:{row}")
    for col, _ in L.APPLICANT_COLUMNS:
        left = [apps["new_received"][col], apps["carried_over"][col]]
        right = [apps["outcome_total"][col], apps["carried_forward"][col]]
        if _balance_fails(left, right, zero):
            fails.append(f"applications.column_balance:{col}")
        leaves = [apps[leaf][col] for leaf in L.outcome_leaves(template)]
        if _fails(apps["outcome_total"][col], leaves, zero):
            fails.append(f"applications.outcome_total:{col}")
    return fails


def _values(cells: list[Cell], zero: bool) -> list[float] | None:
    """The cells' values, null read as 0 when the style means zero by it; None when uncertain."""
    out: list[float] = []
    for cell in cells:
        if cell.value is None and not zero:
            return None
        out.append(cell.value or 0)
    return out


def _fails(total: Cell, parts: list[Cell], zero: bool) -> bool:
    """Whether `total = Σ parts` fails (uncertain counts as holding)."""
    values = _values([total, *parts], zero)
    return values is not None and values[0] != sum(values[1:])


def _balance_fails(left: list[Cell], right: list[Cell], zero: bool) -> bool:
    """Whether `Σ left = Σ right` fails."""
    values = _values(left + right, zero)
    return values is not None and sum(values[:2]) != sum(values[2:])


def break_identity(broken: str, apps: Grid, review: Grid, template: str, rng: random.Random) -> list[str]:
    """Put one cell (or a cell and its row total) off by one; return the identity instances that now fail."""
    if broken == "review_litigation.total":
        group = rng.choice([g for g, _ in L.REVIEW_GROUPS])
        review[group]["total"] += 1
        return [f"review_litigation.total:{group}"]
    leaves = L.outcome_leaves(template)
    if broken == "applications.row_total":
        row = rng.choice([leaf for leaf in leaves if apps[leaf]["total"] > 0] or list(leaves))
        apps[row]["total"] += 1
        return [f"applications.row_total:{row}", "applications.outcome_total:total"]
    col = rng.choice(L.PARTS[:2])
    if broken == "applications.column_balance":
        apps["carried_forward"][col] += 1
        apps["carried_forward"]["total"] += 1
        return [f"applications.column_balance:{col}", "applications.column_balance:total"]
    row = rng.choice(leaves[:2])
    apps[row][col] += 1
    apps[row]["total"] += 1
    return [f"applications.outcome_total:{col}", "applications.outcome_total:total"]


# --- sections and prose ------------------------------------------------------------------------------

TOPICS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("主动公开情况", "主动公开", "主动公开政府信息情况"), "强化主动公开，提升公开质量"),
    (("依申请公开情况", "依申请公开", "依申请公开办理情况"), "规范依申请公开，保障群众合法权益"),
    (("政府信息管理情况", "政府信息管理"), "加强信息管理，夯实工作基础"),
    (("政府信息公开平台建设情况", "平台建设情况", "公开平台建设"), "优化公开平台，拓宽公开渠道"),
    (("监督保障情况", "监督保障", "监督与保障"), "完善监督保障，压实工作责任"),
    (("人大代表建议和政协提案办理情况",), "做好建议提案办理结果公开"),
)


def topic_prose(topic: int, organ: str, year: int, rng: random.Random) -> list[str]:
    """Two or three sentences on one subsection topic, as one paragraph."""
    n = rng.randint(30, 2400)
    pools: tuple[tuple[str, ...], ...] = (
        (
            f"{year}年，{organ}通过门户网站主动公开政府信息{n}条，其中政策文件{n // 9}条。",
            "围绕财政预决算、重大建设项目、公共资源配置等重点领域，及时准确发布信息。",
            f"全年开展政策解读{rng.randint(2, 40)}次，以图解、视频等形式回应社会关切。",
        ),
        (
            "严格执行依申请公开登记、审核、办理、答复、归档等工作流程。",
            "对申请人提出的每一件申请均在法定期限内予以答复，答复形式规范。",
            "加强与申请人的沟通，耐心做好释法说理工作。",
        ),
        (
            "严格落实公开前保密审查制度，坚持“先审查、后公开”“一事一审”原则。",
            "对现行有效的规范性文件进行全面清理，动态更新政府信息公开目录。",
            "本年度未发生因公开不当导致泄密的情况。",
        ),
        (
            "持续优化政府信息公开专栏，规范栏目设置，提升信息检索便利度。",
            f"利用政务微信公众号、政务微博等新媒体发布信息{rng.randint(20, 900)}条。",
            "在政务服务大厅设置政府信息查阅点，方便群众现场查阅。",
        ),
        (
            f"将政府信息公开工作纳入年度绩效考核，全年组织业务培训{rng.randint(1, 12)}次。",
            "主动接受社会监督，畅通意见建议反馈渠道。",
            "本年度未发生因政府信息公开工作引发的责任追究情况。",
        ),
        (
            f"全年承办人大代表建议{rng.randint(1, 60)}件、政协提案{rng.randint(1, 60)}件，办结率100%。",
            "按要求在网站公开建议提案办理复文，主动接受代表委员和社会监督。",
        ),
    )
    sentences = list(pools[topic])
    return ["".join(sentences[: rng.randint(2, len(sentences))])]


def top_prose(ordinal: int, organ: str, year: int, template: str, rng: random.Random) -> list[str]:
    """The section's own prose before its subsections or table (may be empty for 二-四)."""
    if ordinal == 1:
        return [
            f"{year}年，{organ}深入贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、"
            "不公开为例外，扎实推进政府信息公开工作。"
            + rng.choice(
                ("现将本年度工作情况报告如下。", f"本报告统计期限自{year}年1月1日起至{year}年12月31日止。")
            )
        ]
    if ordinal in (2, 3, 4):
        intro = {
            2: "本年度主动公开政府信息情况如下：",
            3: "本年度政府信息公开申请办理情况如下：",
            4: "本年度政府信息公开行政复议、行政诉讼情况如下：",
        }[ordinal]
        return [intro] if rng.random() < 0.5 else []
    if ordinal == 5:
        return [
            "政府信息公开工作仍存在一些不足：主动公开的深度和广度有待拓展，政策解读形式还不够丰富。"
            + rng.choice(
                (
                    "下一步，将加强业务培训，提升工作人员业务能力。",
                    "下一步，将进一步规范公开流程，提高信息发布的及时性。",
                )
            )
        ]
    if template == "2019":
        return ["本年度无其他需要报告的事项。"]
    return [
        rng.choice(
            ("本年度未收取信息处理费。", "依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。")
        )
    ]


def make_sections(plan: Plan, organ: str, year: int, rng: random.Random, template: str) -> list[Section]:
    """The six top-level sections, section 一 with 2-5 subsections in the plan's style."""
    arabic = set(rng.sample(range(1, 7), rng.randint(2, 4))) if plan.top_style == "arabic_some" else set()
    sections: list[Section] = []
    for ordinal, canonical in enumerate(L.SECTION_TITLES, start=1):
        title = (
            L.SECTION_ALIASES[ordinal] if ordinal in L.SECTION_ALIASES and rng.random() < 0.15 else canonical
        )
        if ordinal in arabic:
            marker, style, sep = f"{ordinal}、", "arabic", rng.choice(("", " "))
        else:
            marker, style, sep = f"{L.CJK_NUMERALS[ordinal - 1]}、", "cjk", ""
        prose = top_prose(ordinal, organ, year, template, rng)
        if ordinal == 1 and rng.random() < 0.3:
            prose = []
        section = Section(marker, style, ordinal, title, prose, _markup(plan.markup, rng), sep)
        if ordinal == 1:
            section.children = _subsections(plan, organ, year, rng)
        sections.append(section)
    return sections


def _markup(markup: str, rng: random.Random) -> str:
    """The HTML form of one heading: h (h2/h3), strong (<p><strong>), plain (<p>)."""
    return rng.choice(("h", "strong", "plain")) if markup == "mixed" else markup


def _subsections(plan: Plan, organ: str, year: int, rng: random.Random) -> list[Section]:
    """2-5 subsections of section 一 (topics in order, sometimes with the 建议提案 extra)."""
    count = rng.randint(2, 5)
    pool = list(range(5)) + ([5] if rng.random() < 0.25 else [])
    topics = sorted(rng.sample(pool, count))
    children: list[Section] = []
    for ordinal, topic in enumerate(topics, start=1):
        titles, run_in_title = TOPICS[topic]
        prose = topic_prose(topic, organ, year, rng)
        children.append(_subsection(plan.sub_style, plan.markup, ordinal, titles, run_in_title, prose, rng))
    return children


def _subsection(
    style: str,
    markup: str,
    ordinal: int,
    titles: tuple[str, ...],
    run_in_title: str,
    prose: list[str],
    rng: random.Random,
) -> Section:
    """One subsection in the given heading style."""
    cjk = L.CJK_NUMERALS[ordinal - 1]
    if style == "ordinal_phrase":
        return Section(
            f"{cjk}是",
            "ordinal_phrase",
            ordinal,
            run_in_title,
            prose,
            rng.choice(("plain", "strong")),
            run_in=True,
        )
    if style == "bold_run_in":
        return Section(f"（{cjk}）", "cjk_paren", ordinal, run_in_title, prose, "strong", run_in=True)
    title = rng.choice(titles)
    markup_one = _markup(markup, rng)
    if style == "cjk_paren":
        return Section(f"（{cjk}）", "cjk_paren", ordinal, title, prose, markup_one)
    if style == "cjk_paren_ascii":
        return Section(f"({cjk})", "cjk_paren", ordinal, title, prose, markup_one, rng.choice(("", " ")))
    if style == "arabic_paren":
        return Section(
            f"（{ordinal}）", "arabic_paren", ordinal, title, prose, markup_one, rng.choice(("", " "))
        )
    return Section(f"{ordinal}、", "arabic", ordinal, title, prose, markup_one)


# --- one report --------------------------------------------------------------------------------------


def build(plan: Plan, seed: int, used: set[str]) -> Report:
    """Draw one report from its plan (its own RNG, so reports do not depend on each other's draws)."""
    rng = random.Random(f"report:{seed}:{plan.index}")
    organ, scale = make_organ(rng, used)
    year = pick_year(plan.kind, rng)
    style = Style(
        plan.blank_style,
        plan.commas,
        plan.signed,
        rng.choice(("0", "0.00")),
        rng.choice(("", "\u00a0")),
        rng.random() < 0.5,
    )
    active_kind = "2019" if plan.kind == "2019" else "2021"
    apps_template = "2021" if plan.kind == "2021" else "2019"
    apps = draw_applications(rng, scale, apps_template)
    review = draw_review(rng, scale)
    if plan.commas and scale in ("small", "medium"):
        apps["new_received"]["natural_person"] += rng.randint(1000, 4000)
        apps = _rebalance(apps, apps_template)
    failures = break_identity(plan.broken, apps, review, apps_template, rng) if plan.broken else []
    tables: dict[str, Table | None] = {
        "active_disclosure": draw_active(rng, scale, active_kind, style, plan.money_mode),
        "applications": _format_grid(apps, style, "applications"),
        "review_litigation": _format_grid(review, style, "review_litigation"),
    }
    if plan.missing:
        tables[plan.missing] = None
    template = active_kind
    report = Report(
        id=f"r{plan.index + 1:03d}",
        slug="",
        organ=organ,
        year=year,
        kind=plan.kind,
        title=f"{organ}{year}年政府信息公开工作年度报告",
        sections=make_sections(plan, organ, year, rng, template),
        tables=tables,
        traits={},
        layout=_layout(plan, rng),
        variants=plan.variants,
        procurement_header="采购总金额（单位：万元）" if plan.money_mode == "wan_header" else "采购总金额",
    )
    report.traits = _traits(plan, report, style, failures, scale)
    report.slug = _slug(report)
    report.traits["slug"] = report.slug
    validate(report, failures)
    return report


def _rebalance(apps: Grid, template: str) -> Grid:
    """Recompute granted, row totals and （七）总计 after new_received changed (keeps every identity)."""
    leaves = L.outcome_leaves(template)
    for col in L.PARTS:
        inflow = apps["new_received"][col] + apps["carried_over"][col] - apps["carried_forward"][col]
        others = sum(apps[leaf][col] for leaf in leaves if leaf != "granted")
        apps["granted"][col] = inflow - others
        apps["outcome_total"][col] = inflow
    for row in L.application_rows(template):
        apps[row]["total"] = sum(apps[row][col] for col in L.PARTS)
    return apps


def _format_grid(grid: Grid, style: Style, table: str) -> Table:
    """Integer grid to printed cells (the total column is `total`)."""
    return {
        row: {col: style.count(n, table, col == "total") for col, n in cols.items()}
        for row, cols in grid.items()
    }


def _layout(plan: Plan, rng: random.Random) -> Layout:
    """How this report's HTML looks."""
    return Layout(
        header_tag=rng.choice(("td", "td", "td", "th")),
        p_cells=rng.random() < 0.3,
        br_headers=rng.random() < 0.5,
        table_open=rng.choice(
            (
                '<table border="1" width="100%">',
                '<table border="1" cellspacing="0" cellpadding="0" width="600"'
                ' style="border-collapse:collapse">',
                '<table class="MsoNormalTable" border="1" cellspacing="0" width="100%">',
            )
        ),
        title_markup=rng.choice(("h1", "center")),
        heading_markup=plan.markup,
        tbody=rng.random() < 0.5,
    )


def _traits(plan: Plan, report: Report, style: Style, failures: list[str], scale: str) -> Json:
    """What this report was made to exercise."""
    raws = [
        cell.raw
        for table in report.tables.values()
        if table
        for row in table.values()
        for cell in row.values()
    ]
    return {
        "template": plan.kind,
        "table_templates": {
            "active_disclosure": report.active_template,
            "applications": report.applications_template,
        },
        "blank_style": plan.blank_style,
        "blank_char": style.blank_char if plan.blank_style == "all_blank" else None,
        "all_blank_active_disclosure": plan.blank_style == "all_blank" and style.all_blank_active,
        "identity_broken": plan.broken and failures[0],
        "identity_failures": failures,
        "missing_table": plan.missing,
        "label_variants": sorted(plan.variants),
        "heading_styles": _heading_traits(plan, report),
        "commas": any("," in raw for raw in raws),
        "signed": any(raw.startswith("+") or raw.startswith("-") for raw in raws),
        "money": _money_trait(plan),
        "scale": scale,
        "layout": {
            "header_tag": report.layout.header_tag,
            "p_in_cells": report.layout.p_cells,
            "br_in_headers": report.layout.br_headers,
            "title": report.layout.title_markup,
            "headings": report.layout.heading_markup,
        },
    }


def _heading_traits(plan: Plan, report: Report) -> list[str]:
    """Heading styles used: top-level markers, subsection style, markup."""
    tops = sorted({section.style for section in report.sections})
    return [*(f"top:{s}" for s in tops), f"sub:{plan.sub_style}", f"markup:{plan.markup}"]


def _money_trait(plan: Plan) -> str:
    """Where the report's money unit is printed."""
    if plan.kind != "2019":
        return "fee_amount_header_wan"
    return {
        "yuan": "procurement_yuan_in_cell",
        "plain": "procurement_no_unit",
        "wan_header": "procurement_header_wan",
    }[plan.money_mode]


def _slug(report: Report) -> str:
    """A short name of the report's traits: template, year, blank style, and any oddity."""
    traits = report.traits
    parts = [traits["template"], str(report.year), traits["blank_style"].replace("_", "")]
    if traits["missing_table"]:
        parts.append(
            "no-"
            + {"active_disclosure": "t2", "applications": "t3", "review_litigation": "t4"}[
                traits["missing_table"]
            ]
        )
    if traits["identity_broken"]:
        parts.append("broken")
    if traits["label_variants"]:
        parts.append("variants")
    return "-".join(parts)


def validate(report: Report, expected: list[str]) -> None:
    """Assert the truth is consistent: kinds match raws, only the intended identities fail."""
    for table in report.tables.values():
        for row in (table or {}).values():
            for cell in row.values():
                check_cell(cell)
    fails = failing_identities(report)
    assert sorted(fails) == sorted(expected), f"{report.id}: identities failing {fails}, expected {expected}"
    if report.traits["blank_style"] == "zeros":
        assert all(
            cell.kind == "number"
            for t in report.tables.values()
            for r in (t or {}).values()
            for cell in r.values()
        ), f"{report.id}: a zeros report with a non-number cell"


def generate(seed: int = SEED, count: int = COUNT) -> list[Report]:
    """The corpus: `count` reports drawn from `seed` (deterministic)."""
    used: set[str] = set()
    reports = [build(plan, seed, used) for plan in make_plans(seed, count)]
    if count >= COUNT:
        check_coverage(reports)
    return reports


def check_coverage(reports: list[Report]) -> None:
    """Assert the corpus covers every blank style, template kind, variant and heading style."""
    traits = [r.traits for r in reports]
    for style in BLANK_STYLES:
        assert sum(t["blank_style"] == style for t in traits) >= 2, style
    for variant in L.LABEL_VARIANTS:
        assert sum(variant in t["label_variants"] for t in traits) >= 2, variant
    for sub in SUB_STYLES:
        assert sum(f"sub:{sub}" in t["heading_styles"] for t in traits) >= 2, sub
    assert any(t["commas"] for t in traits) and any(t["signed"] for t in traits)
    assert sum(t["template"] == "mixed" for t in traits) >= 1


def summary(reports: list[Report]) -> Json:
    """Counts per template kind and blank style."""
    out: Json = {"templates": {}, "blank_styles": {}, "broken": [], "missing": []}
    for report in reports:
        t = report.traits
        out["templates"][t["template"]] = out["templates"].get(t["template"], 0) + 1
        out["blank_styles"][t["blank_style"]] = out["blank_styles"].get(t["blank_style"], 0) + 1
        if t["identity_broken"]:
            out["broken"].append(f"{report.id}: {t['identity_broken']}")
        if t["missing_table"]:
            out["missing"].append(f"{report.id}: {t['missing_table']}")
    return out
