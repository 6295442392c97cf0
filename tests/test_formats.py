"""Output formats: json, jsonl and csv (one row per cell) round-trip; `table` draws aligned CJK."""

from __future__ import annotations

import csv
import io
import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given

import govdisclosure
from govdisclosure.formats import FORMATS, ReportWriter, draw_tables, dumps, read_cells
from govdisclosure.frame import FRAME_COLUMNS
from govdisclosure.model import ApplicationsTable, Cell, Check, Report, ReviewLitigationTable, Tables
from govdisclosure.tabletext import display_width
from strategies import reports

SEED_001 = "seeds/001_ae521124cb243984.txt"


def tricky() -> Report:
    """Cells a CSV writer can get wrong: commas, quotes, newlines, blank vs none, exact decimals."""
    applications = ApplicationsTable(
        {
            "new_received": {
                "natural_person": Cell(1200, "1,200", "number", None, 5),
                "commercial_enterprise": Cell(-4, "-4", "number", None, 5),
                "total": Cell(None, " ", "blank", None, 5),
            },
            "carried_over": {
                "natural_person": Cell(None, "无", "none", None, 6),
                "total": Cell(None, '见"附件",\n二', "text", None, 6),
            },
        }
    )
    review = ReviewLitigationTable(
        {"review": {"upheld": Cell(Decimal("75394432.52"), "75394432.52元", "number", "元", None)}}
    )
    return Report(
        organ="青溪县",
        year=2024,
        template="2021",
        tables=Tables(applications=applications, review_litigation=review),
        checks=(
            Check(
                "applications.row_total.new_received",
                "…",
                None,
                1196,
                "fail",
                ("applications.new_received.total", "applications.new_received.natural_person"),
            ),
        ),
    )


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# --- csv and jsonl without pandas -----------------------------------------------------------


def test_formats_are_the_cli_choices() -> None:
    assert FORMATS == ("json", "jsonl", "csv", "table")
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        ReportWriter("xml", io.StringIO())


def test_csv_has_one_row_per_cell_with_exact_values() -> None:
    rows = _csv_rows(dumps({"a.txt": tricky()}, "csv"))
    assert list(rows[0]) == ["source", *FRAME_COLUMNS]
    assert [(r["row"], r["column"], r["value"], r["kind"], r["raw"]) for r in rows] == [
        ("new_received", "natural_person", "1200", "number", "1,200"),
        ("new_received", "commercial_enterprise", "-4", "number", "-4"),
        ("new_received", "total", "", "blank", " "),
        ("carried_over", "natural_person", "", "none", "无"),
        ("carried_over", "total", "", "text", '见"附件",\n二'),
        ("review", "upheld", "75394432.52", "number", "75394432.52元"),
    ]
    assert {r["source"] for r in rows} == {"a.txt"}
    assert rows[5]["unit"] == "元" and rows[5]["line"] == "" and rows[0]["line"] == "5"


def test_a_list_of_reports_writes_csv_without_a_source_column() -> None:
    text = dumps([tricky(), tricky()], "csv")
    assert text.splitlines()[0] == ",".join(FRAME_COLUMNS)
    assert len(_csv_rows(text)) == 12


def test_writer_writes_the_csv_header_once() -> None:
    out = io.StringIO()
    writer = ReportWriter("csv", out)
    writer.write(tricky(), source="one.txt")
    writer.write(Report(), source="empty.txt")
    writer.write(tricky(), source="two.txt")
    rows = _csv_rows(out.getvalue())
    assert [r["source"] for r in rows] == ["one.txt"] * 6 + ["two.txt"] * 6


def test_jsonl_is_one_object_per_cell() -> None:
    lines = dumps({"a.txt": tricky()}, "jsonl").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 6 and all(list(r) == ["source", *FRAME_COLUMNS] for r in records)
    assert records[0]["value"] == 1200 and records[2]["value"] is None and records[2]["kind"] == "blank"
    assert records[5]["value"] == 75394432.52 and records[5]["raw"] == "75394432.52元"
    assert records[0]["row_label"] == "一、本年新收政府信息公开申请数量"
    assert "无" in lines[3]  # written as is, not as \\u escapes


def test_json_is_the_schema_form_one_line_per_report(shared: Path) -> None:
    seed = govdisclosure.parse_file(shared / SEED_001)
    text = dumps([seed, tricky()], "json")
    documents = [json.loads(line) for line in text.splitlines()]
    assert documents == [seed.to_dict(), tricky().to_dict()]
    assert json.loads(dumps([seed], "json", indent=2)) == seed.to_dict()
    out = io.StringIO()
    ReportWriter("json", out, with_source=True).write(seed, source="seed.txt")
    assert json.loads(out.getvalue()) == {"source": "seed.txt", "report": seed.to_dict()}


@given(reports())
def test_any_report_csv_holds_every_cell_exactly(report: Report) -> None:
    rows = _csv_rows(dumps([report], "csv"))
    expected = [
        (name, row, column, cell)
        for name, table in report.tables.items()
        if table is not None
        for row, column, cell in table.cells()
    ]
    assert len(rows) == len(expected)
    for got, (name, row, column, cell) in zip(rows, expected, strict=True):
        assert (got["table"], got["row"], got["column"], got["kind"]) == (name, row, column, cell.kind)
        assert got["raw"] == cell.raw
        if cell.value is None:
            assert got["value"] == ""
        elif isinstance(cell.value, int):
            assert int(got["value"]) == cell.value
        else:
            assert Decimal(got["value"]) == cell.value


# --- round trips through pandas -------------------------------------------------------------


def _same_frame(got: object, want: object) -> None:
    pd = pytest.importorskip("pandas")
    pd.testing.assert_frame_equal(got, want, check_dtype=False, check_column_type=False)


def test_csv_round_trips_through_pandas(shared: Path) -> None:
    pd = pytest.importorskip("pandas")
    reports_by_name = {"seed": govdisclosure.parse_file(shared / SEED_001), "tricky": tricky()}
    want = govdisclosure.to_frame(reports_by_name)
    text = dumps(reports_by_name, "csv")
    got = read_cells(io.StringIO(text), "csv")
    _same_frame(got, want)
    # A plain read_csv gets the same numbers too.
    plain = pd.read_csv(
        io.StringIO(text), dtype={"raw": str}, keep_default_na=False, na_values={"value": [""]}
    )
    assert plain["value"].astype(float).equals(want["value"])
    assert plain["raw"].tolist() == want["raw"].tolist()


def test_jsonl_round_trips_through_pandas(shared: Path) -> None:
    pd = pytest.importorskip("pandas")
    reports_by_name = {"seed": govdisclosure.parse_file(shared / SEED_001), "tricky": tricky()}
    want = govdisclosure.to_frame(reports_by_name)
    text = dumps(reports_by_name, "jsonl")
    _same_frame(read_cells(io.StringIO(text), "jsonl"), want)
    plain = pd.read_json(io.StringIO(text), lines=True, dtype=False)
    assert plain["value"].astype(float).equals(want["value"])
    assert plain["raw"].tolist() == want["raw"].tolist()


# --- table ----------------------------------------------------------------------------------


def _plain(report: Report) -> str:
    out = io.StringIO()
    draw_tables(report, out, rich=False)
    return out.getvalue()


def test_display_width_counts_cjk_as_two() -> None:
    assert display_width("总计") == 4
    assert display_width("12") == 2
    assert display_width("１２") == 4  # full-width digits
    assert display_width("（一）予以公开") == 14
    assert display_width("e\u0301") == 1  # a combining accent takes no column


def test_plain_table_aligns_chinese_labels(shared: Path) -> None:
    text = _plain(govdisclosure.parse_file(shared / SEED_001))
    block = text.split("\n\n")[2]  # heading, table 二, table 三, table 四, legend
    lines = block.splitlines()
    assert lines[0] == "收到和处理政府信息公开申请情况"
    # Every value line ends in its 总计 column, right-aligned: all end at the same display column.
    rows = [line for line in lines if line.split() and line.split()[-1].isdigit()]
    assert len(rows) == 23
    assert len({display_width(line) for line in rows}) == 1
    header = lines[1]
    columns = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    assert header.split() == columns
    assert display_width(header) == display_width(rows[0])
    # Line 57 of the seed: 一、本年新收政府信息公开申请数量		1	0	0	0	0	0	1
    assert rows[0].split() == ["一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"]
    assert "（三）不予公开" in lines and "  1.属于国家秘密" in "\n".join(lines)


def test_plain_table_marks_failed_cells_and_absent_ones() -> None:
    text = _plain(tricky())
    row = next(line for line in text.splitlines() if line.startswith("一、本年新收"))
    # natural_person 1200 and total (blank) are in the failed check; absent cells print ·.
    assert row.split() == ["一、本年新收政府信息公开申请数量", "1200!", "-4", "·", "·", "·", "·", "!"]
    assert "75394432.52元" in text
    assert "1 failed check" in text.splitlines()[0]


def test_table_falls_back_to_plain_text_without_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rich", None)
    out = io.StringIO()
    draw_tables(tricky(), out)
    assert out.getvalue() == _plain(tricky())
    assert "│" not in out.getvalue()


def test_rich_table_has_the_values_and_marks(shared: Path) -> None:
    pytest.importorskip("rich")
    out = io.StringIO()
    draw_tables(tricky(), out, rich=True)
    text = out.getvalue()
    assert "│" in text and "1200!" in text and "无" in text and "75394432.52元" in text
    seed = io.StringIO()
    draw_tables(govdisclosure.parse_file(shared / SEED_001), seed, rich=True)
    # Piped output is not cut to 80 columns: the longest official label stays on one line.
    assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" in seed.getvalue()


def test_table_format_through_the_writer() -> None:
    out = io.StringIO()
    ReportWriter("table", out, rich=False).write(tricky(), source="qingxi.txt")
    assert out.getvalue().startswith("qingxi.txt (青溪县, 2024, template 2021, 1 failed check)")


def test_csv_keeps_a_carriage_return_inside_a_field() -> None:
    # A lone "\r" in a raw cell or an organ must be quoted, or a reader splits the record there
    # (hypothesis found an organ holding "\r").
    report = Report(
        organ="青溪\r县",
        tables=Tables(
            review_litigation=ReviewLitigationTable(
                {"review": {"upheld": Cell(None, "见\r附件", "text", None, 3)}}
            )
        ),
    )
    rows = _csv_rows(dumps([report], "csv"))
    assert [(r["organ"], r["raw"]) for r in rows] == [("青溪\r县", "见\r附件")]
