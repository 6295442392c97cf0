"""Draw docs/img/applications-by-outcome.png, the figure of docs/analysis.md, from the five seed reports.

Run from the repository root (needs pandas and matplotlib):

    .venv/bin/python docs/make_analysis_figure.py [SEEDS_DIR]

SEEDS_DIR defaults to ../shared/seeds beside the clone. A report without table 三 is named on the
chart as such, never drawn as a bar of zeros.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib

matplotlib.use("Agg")  # files only, no display

import matplotlib.pyplot as plt
from matplotlib import font_manager

import govdisclosure

if TYPE_CHECKING:
    import pandas

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "img" / "applications-by-outcome.png"
# Fonts that hold the Chinese labels; without one, the chart falls back to the identifiers.
CJK_FONTS = ("WenQuanYi Zen Hei", "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", "PingFang SC")


def outcome_groups() -> dict[str, str]:
    """Each outcome row id -> the label of its group in table 三 (（三）不予公开 …), both templates."""
    groups: dict[str, str] = {}
    for template in govdisclosure.default_templates():
        spec = template.applications
        for row in spec.rows:
            if row.role == "outcome":
                groups[row.id] = spec.groups[row.group].label if row.group else row.label.label
    return groups


def cjk_font() -> str | None:
    """The first installed font able to draw the Chinese labels."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def _note(key: str, report: govdisclosure.Report, outcomes: pandas.Series, totals: pandas.Series) -> str:
    """What stands above a bar: the （七）总计 the report prints, or why there is no bar."""
    if report.tables.applications is None:
        return "no table 三"
    total = totals.get(key)
    rows_blank = bool(outcomes.isna().all())
    if total is None or total != total:  # NaN: 总计 printed blank
        return "table 三\nleft blank" if rows_blank else f"{outcomes.sum():g}\n(总计 blank)"
    return f"{total:g}" + ("\n(outcome rows blank)" if rows_blank else "")


def main(seeds: Path) -> None:
    paths = sorted(seeds.glob("*.txt"))
    reports = {path.stem[:3]: govdisclosure.parse_file(path) for path in paths}
    frame = govdisclosure.to_frame(reports)

    groups = outcome_groups()
    column = frame[(frame["table"] == "applications") & (frame["column"] == "total")]
    outcomes = column[column["row"].isin(list(groups))].assign(outcome=lambda f: f["row"].map(groups))
    order = list(dict.fromkeys(groups.values()))
    # min_count=1: a group whose cells are all blank stays NaN; a plain sum would make it 0.
    table = outcomes.pivot_table(
        index="source", columns="outcome", values="value", aggfunc=lambda s: s.sum(min_count=1)
    ).reindex(index=list(reports), columns=order)
    totals = column[column["row"] == "outcome_total"].set_index("source")["value"]

    font = cjk_font()
    if font:
        plt.rcParams["font.sans-serif"] = [font, "DejaVu Sans"]
    names = {
        key: f"{key}\n{r.organ or '(organ?)'} {r.year or ''}" if font else f"{key}\n{r.year or ''}"
        for key, r in reports.items()
    }
    fig, ax = plt.subplots(figsize=(9, 4.8), dpi=120)
    bottom = [0.0] * len(table)
    for outcome in order:
        heights = table[outcome].fillna(0).tolist()
        label = outcome if font else outcome.encode("unicode_escape").decode()
        ax.bar([names[k] for k in table.index], heights, bottom=bottom, label=label)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    for i, key in enumerate(table.index):
        note = _note(key, reports[key], table.loc[key], totals)
        ax.text(i, bottom[i] + 0.03, note, ha="center", va="bottom")
    ax.set_ylabel("applications handled (column 总计)" if font else "applications handled (total column)")
    ax.set_title("Applications by outcome, five seed reports" + (" (表三 本年度办理结果)" if font else ""))
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_ylim(0, max(2.0, max(bottom) + 1))
    ax.legend(fontsize=8, loc="upper right")
    fig.tight_layout()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(OUT)
    print(f"wrote {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "seeds")
