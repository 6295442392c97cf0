"""to_frame: one tidy DataFrame row per cell the Report holds, with the same values and official labels."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given

import govdisclosure
from govdisclosure.frame import FRAME_COLUMNS, MissingDependencyError, cell_records, require_pandas
from govdisclosure.model import ApplicationsTable, Cell, Report, ReviewLitigationTable, Tables
from strategies import reports

SEED_001 = "seeds/001_ae521124cb243984.txt"  # 高新区 2020, 2019 template, tab-flattened


def _cells(report: Report) -> dict[tuple[str, str, str], Cell]:
    return {
        (name, row, column): cell
        for name, table in report.tables.items()
        if table is not None
        for row, column, cell in table.cells()
    }


def hand_built() -> Report:
    """One cell of each kind, a Decimal with a unit, a cell without a line, and table 二 absent."""
    applications = ApplicationsTable(
        {
            "new_received": {
                "natural_person": Cell(1200, "1,200", "number", None, 10),
                "total": Cell(None, "", "blank", None, 10),
            },
            "carried_over": {"natural_person": Cell(None, "无", "none", None, 11)},
        }
    )
    review = ReviewLitigationTable(
        {"review": {"upheld": Cell(Decimal("12.86"), "12.86万元", "number", "万元", None)}}
    )
    return Report(
        title="青溪县2024年政府信息公开工作年度报告",
        organ="青溪县",
        year=2024,
        template="2021",
        tables=Tables(applications=applications, review_litigation=review),
    )


# --- without pandas -------------------------------------------------------------------------


def test_records_are_one_per_cell_with_the_report_values() -> None:
    report = hand_built()
    records = list(cell_records([report]))
    assert [tuple(r) for r in records] == [FRAME_COLUMNS] * 4
    fields = ("table", "row", "column", "value", "kind", "raw", "line")
    assert [tuple(r[f] for f in fields) for r in records] == [
        ("applications", "new_received", "natural_person", 1200, "number", "1,200", 10),
        ("applications", "new_received", "total", None, "blank", "", 10),
        ("applications", "carried_over", "natural_person", None, "none", "无", 11),
        ("review_litigation", "review", "upheld", Decimal("12.86"), "number", "12.86万元", None),
    ]
    assert records[3]["unit"] == "万元"
    assert {(r["organ"], r["year"], r["template"]) for r in records} == {("青溪县", 2024, "2021")}


def test_records_carry_the_official_labels_of_the_template() -> None:
    records = {(r["row"], r["column"]): r for r in cell_records([hand_built()])}
    first = records["new_received", "natural_person"]
    assert (first["row_label"], first["column_label"]) == ("一、本年新收政府信息公开申请数量", "自然人")
    review = records["review", "upheld"]
    assert (review["row_label"], review["column_label"]) == ("行政复议", "结果维持")


def test_a_grouped_application_row_is_labelled_with_its_group() -> None:
    table = ApplicationsTable({"denied_state_secret": {"total": Cell(0, "0", "number")}})
    (record,) = cell_records([Report(template="2019", tables=Tables(applications=table))])
    # 1.属于国家秘密 alone recurs under three groups; the group makes it the official row.
    assert record["row_label"] == "（三）不予公开 1.属于国家秘密"
    assert record["column_label"] == "总计"


def test_a_mapping_of_reports_adds_a_source_column() -> None:
    records = list(cell_records({"a.txt": hand_built(), "b.txt": Report()}))
    assert {r["source"] for r in records} == {"a.txt"}
    assert next(iter(records[0])) == "source"


def test_records_need_reports() -> None:
    with pytest.raises(TypeError, match="got str"):
        list(cell_records(["report.txt"]))  # type: ignore[list-item]
    with pytest.raises(TypeError, match="got str"):
        list(cell_records("report.txt"))  # type: ignore[arg-type]


def test_missing_pandas_is_an_import_error_with_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(ImportError) as caught:
        hand_built().to_frame()
    assert isinstance(caught.value, MissingDependencyError)
    assert isinstance(caught.value, govdisclosure.GovDisclosureError)
    assert "pip install 'govdisclosure[pandas]'" in str(caught.value)
    with pytest.raises(MissingDependencyError):
        require_pandas()


def test_importing_and_parsing_does_not_import_pandas(example_report: Path) -> None:
    code = (
        "import sys, govdisclosure;"
        f"r = govdisclosure.parse_file({str(example_report)!r}); r._repr_html_();"
        "print(sorted(m for m in ('pandas', 'matplotlib', 'rich') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- with pandas ----------------------------------------------------------------------------


def test_seed_frame_has_one_row_per_cell_with_the_same_values(shared: Path) -> None:
    pytest.importorskip("pandas")
    report = govdisclosure.parse_file(shared / SEED_001)
    frame = report.to_frame()
    # Read from the text: table 二 has 8 items (6 of 3 columns, 2 of 2) = 22 cells, table 三
    # 23 rows x 7 columns = 161, table 四 3 groups x 5 = 15.
    assert len(frame) == 22 + 161 + 15
    assert list(frame.columns) == list(FRAME_COLUMNS)
    keys = list(zip(frame["table"], frame["row"], frame["column"], strict=True))
    assert len(set(keys)) == len(keys)
    cells = _cells(report)
    assert set(keys) == set(cells)
    for key, value, kind, raw, line in zip(
        keys, frame["value"], frame["kind"], frame["raw"], frame["line"], strict=True
    ):
        cell = cells[key]
        assert (kind, raw, line) == (cell.kind, cell.raw, cell.line)
        if cell.value is None:
            assert value != value  # NaN: blank, none and text hold no number
        else:
            assert value == float(cell.value)


def test_seed_frame_values_as_printed_in_the_text(shared: Path) -> None:
    pytest.importorskip("pandas")
    frame = govdisclosure.parse_file(shared / SEED_001).to_frame()
    frame = frame.set_index(["table", "row", "column"]).sort_index()
    # Line 37 of the seed: 行政许可	8	-4	16
    licensing = frame.loc["active_disclosure", "administrative_licensing"]
    assert licensing["value"].to_dict() == {"previous_year": 8.0, "change": -4.0, "decisions": 16.0}
    assert set(licensing["line"]) == {37}
    assert set(licensing["row_label"]) == {"行政许可"}
    assert licensing.loc["previous_year", "column_label"] == "上一年项目数量"
    # Line 48: 政府集中采购	78	2,601 under 采购总金额（单位：万元）
    amount = frame.loc["active_disclosure", "centralized_procurement", "procurement_amount"]
    assert (amount["value"], amount["raw"], amount["unit"], amount["line"]) == (2601.0, "2,601", "万元", 48)
    # Line 57: 一、本年新收政府信息公开申请数量		1	0	0	0	0	0	1
    new = frame.loc["applications", "new_received"]
    assert new["value"].to_dict() == {
        "natural_person": 1.0,
        "commercial_enterprise": 0.0,
        "research_institution": 0.0,
        "social_welfare_organization": 0.0,
        "legal_service_agency": 0.0,
        "other_organization": 0.0,
        "total": 1.0,
    }
    assert set(frame["organ"]) == {"高新区"} and set(frame["year"]) == {2020}


def test_frame_dtypes_keep_blank_apart_from_zero() -> None:
    pd = pytest.importorskip("pandas")
    frame = hand_built().to_frame()
    assert str(frame["value"].dtype) == "float64"
    assert str(frame["line"].dtype) == "Int64" and str(frame["year"].dtype) == "Int64"
    blank = frame[frame["kind"] == "blank"].iloc[0]
    assert pd.isna(blank["value"]) and blank["raw"] == ""
    assert frame["value"].tolist()[0] == 1200.0
    assert pd.isna(frame["line"].iloc[3])


def test_exact_frame_keeps_the_report_objects() -> None:
    pytest.importorskip("pandas")
    frame = hand_built().to_frame(exact=True)
    assert frame["value"].tolist() == [1200, None, None, Decimal("12.86")]
    assert type(frame["value"].iloc[3]) is Decimal


def test_to_frame_of_several_reports_concatenates_them(shared: Path) -> None:
    pytest.importorskip("pandas")
    seed = govdisclosure.parse_file(shared / SEED_001)
    frame = govdisclosure.to_frame([seed, hand_built(), Report()])
    assert len(frame) == len(_cells(seed)) + 4
    assert frame.groupby("organ").size().to_dict() == {"高新区": 198, "青溪县": 4}
    keyed = govdisclosure.to_frame({"seed": seed, "hand": hand_built()})
    assert list(keyed.columns) == ["source", *FRAME_COLUMNS]
    assert keyed["source"].value_counts().to_dict() == {"seed": 198, "hand": 4}


def test_to_frame_of_nothing_has_the_columns() -> None:
    pytest.importorskip("pandas")
    frame = govdisclosure.to_frame([])
    assert list(frame.columns) == list(FRAME_COLUMNS) and len(frame) == 0


@given(reports())
def test_any_report_frames_to_exactly_its_cells(report: Report) -> None:
    pytest.importorskip("pandas")
    frame = report.to_frame(exact=True)
    cells = _cells(report)
    assert len(frame) == len(cells)
    got = {
        (t, r, c): (v, k, raw)
        for t, r, c, v, k, raw in frame[["table", "row", "column", "value", "kind", "raw"]].itertuples(
            index=False
        )
    }
    assert got == {key: (cell.value, cell.kind, cell.raw) for key, cell in cells.items()}
