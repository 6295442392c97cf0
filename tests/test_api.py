"""The public facade: parse() never raises on text, strict mode, input limits, and the bundled example."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import govdisclosure
from govdisclosure import (
    DecodeError,
    Diagnostic,
    GovDisclosureError,
    InputTooLargeError,
    ParseError,
    ReadError,
    Report,
    SchemaError,
    TemplateError,
    parse,
    parse_file,
    raise_for_errors,
)
from govdisclosure.model import Section
from strategies import TEMPLATES

# Pieces of real reports: every label of both templates, markers, tabs, values, noise.
LABELS = sorted(
    {
        spelling
        for t in TEMPLATES
        for spec in (
            *t.active_disclosure.rows.values(),
            *(c.label for c in t.active_disclosure.columns.values()),
            *(r.label for r in t.applications.rows),
            *(c.label for c in t.applications.columns.values()),
            *t.review_litigation.groups.values(),
            *(c.label for c in t.review_litigation.columns.values()),
        )
        for spelling in spec.spellings
    }
)
PIECES = st.sampled_from(
    [
        *LABELS,
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "（一）",
        "(二) ",
        "1、",
        "一是",
        "第二十条第（一）项",
        "信息内容",
        "\t",
        "\t\t\t",
        "\n",
        "\n\n",
        "\r\n",
        "\u00a0",
        "\u3000",
        "\f",
        "0",
        "2,601",
        "+61",
        "-4",
        "1751292.6元",
        "25380363300630003",
        "9" * 40,
        "无",
        "/",
        "—",
        "|",
        " | ",
        "## ",
        "**",
        "2024年",
    ]
)
report_like_text = st.lists(PIECES | st.text(max_size=5), max_size=60).map("".join)


@given(st.text())
@example("")
@example("\ufeff")
@example("四、结转下年度继续办理\t\t0")
@example("\t" * 1000)
def test_parse_never_raises_on_any_text(text: str) -> None:
    report = parse(text)
    assert isinstance(report, Report)
    json.dumps(report.to_dict(), allow_nan=False)


@given(report_like_text)
def test_parse_never_raises_on_report_like_text(text: str) -> None:
    report = parse(text)
    assert isinstance(report, Report)
    for diagnostic in report.diagnostics:
        assert diagnostic.line is None or 1 <= diagnostic.line <= text.count("\n") + text.count("\r") + 1
    assert Report.from_dict(report.to_dict()) == report


@pytest.mark.parametrize("value", [b"\xe4\xb8\x80", None, 42, Path("examples/qingxi-2024-tabs.txt")])
def test_parse_takes_str_only(value: Any) -> None:
    with pytest.raises(TypeError, match="parse_file"):
        parse(value)


def test_too_large_input() -> None:
    with pytest.raises(InputTooLargeError) as info:
        parse("一、总体情况" * 3, max_chars=10)
    assert isinstance(info.value, ValueError)
    assert "18" in info.value.message
    assert info.value.hint
    assert isinstance(parse("一、总体情况", max_chars=10), Report)


def test_too_large_file(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("一、总体情况\n" * 10, encoding="utf-8")
    with pytest.raises(InputTooLargeError):
        parse_file(big, max_chars=50)


def test_strict_raises_on_empty_input() -> None:
    assert parse("").errors  # lenient: a Report with an error-level diagnostic
    with pytest.raises(ParseError) as info:
        parse("", strict=True)
    assert "empty-input" in info.value.message
    assert isinstance(info.value, ValueError)


def test_strict_raises_with_the_line_and_its_text(monkeypatch: pytest.MonkeyPatch) -> None:
    # Whatever stage finds an error-level diagnostic, strict mode points at its line.
    from govdisclosure import api, tables

    text = "一、总体情况\n正文。\n\t行政许可\t3\t9\t\n"

    def found_with_error(
        lines: Any, registry: Any, layout: Any = None, titles: Any = ()
    ) -> tables.FoundTables:
        return tables.FoundTables(diagnostics=(Diagnostic("cell-unplaced", "value 9 has no column", 3),))

    monkeypatch.setattr(api, "read_tables", found_with_error)
    assert parse(text).errors[0].line == 3  # lenient: reported, not raised
    with pytest.raises(ParseError) as info:
        parse(text, strict=True)
    error = info.value
    assert error.line == 3
    assert error.excerpt == "行政许可\t3\t9"
    assert str(error).startswith("line 3: cell-unplaced: value 9 has no column")


def test_raise_for_errors_counts_the_rest() -> None:
    report = Report(
        diagnostics=(
            Diagnostic("table-missing", "a warning", 1),
            Diagnostic("cell-unplaced", "first error", 2),
            Diagnostic("number-too-long", "second error", 5),
        )
    )
    with pytest.raises(ParseError) as info:
        raise_for_errors(report, lines_of="a\nb  \nc\nd\ne")
    assert info.value.line == 2
    assert info.value.excerpt == "b"
    assert info.value.message == "cell-unplaced: first error (and 1 more)"
    raise_for_errors(Report(diagnostics=(Diagnostic("table-missing", "only a warning", 1),)))


def test_exception_hierarchy() -> None:
    for error in (ParseError, DecodeError, TemplateError, InputTooLargeError, ReadError, SchemaError):
        assert issubclass(error, GovDisclosureError)
    assert issubclass(ParseError, ValueError)
    assert issubclass(DecodeError, UnicodeError)
    assert issubclass(TemplateError, ValueError)
    assert issubclass(InputTooLargeError, ValueError)
    assert issubclass(ReadError, OSError)
    assert issubclass(SchemaError, ValueError)
    rendered = str(ParseError("bad cell", line=7, excerpt="规章\t0", hint="see docs"))
    assert rendered == "line 7: bad cell\n  | 规章\t0\n  hint: see docs"


def test_public_names() -> None:
    for name in govdisclosure.__all__:
        assert hasattr(govdisclosure, name), name
    # The document entry points and their errors are part of the package's face (docs/documents.md).
    for name in ("parse_bytes", "parse_document", "DocumentError", "MissingDependencyError"):
        assert name in govdisclosure.__all__, name
    assert issubclass(govdisclosure.DocumentError, GovDisclosureError)
    assert issubclass(govdisclosure.MissingDependencyError, ImportError)


def test_parse_bytes_reads_a_pdf_and_a_docx_from_the_package() -> None:
    documents = Path(__file__).parent / "corpus" / "documents"
    for name, kind in (("r001.lo.pdf", "pdf"), ("r001.lo.docx", "docx")):
        report = govdisclosure.parse_bytes((documents / name).read_bytes(), name)
        assert report.encoding == kind
        applications = report.tables.applications
        assert applications is not None
        # r001's truth (tests/corpus/fixtures/r001/truth.json): 3 new applications in all.
        assert applications.cell("new_received", "total").value == 3


# --- the bundled example: expected values written by reading it (examples/README.md) ---------------


def _expected(example_report: Path) -> dict[str, Any]:
    path = example_report.with_name("qingxi-2024-tabs.expected.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _outline(section: Section) -> dict[str, Any]:
    marker = section.marker
    return {
        "marker": marker.text if marker else None,
        "ordinal": marker.ordinal if marker else None,
        "title": section.title,
        "children": [_outline(c) for c in section.children],
    }


def _golden_outline(entry: dict[str, Any]) -> dict[str, Any]:
    return {**entry, "children": [_golden_outline(c) for c in entry.get("children", [])]}


def _cell_as_golden(cell: Any) -> Any:
    if cell.kind == "number":
        return float(cell.value) if isinstance(cell.value, Decimal) else cell.value
    if cell.kind == "text":
        return {"text": cell.raw}
    return cell.kind


def test_example_metadata(example_report: Path) -> None:
    expected = _expected(example_report)
    report = parse_file(example_report)
    got = {k: getattr(report, k) for k in ("title", "organ", "year", "template")}
    assert got == {k: expected[k] for k in got}


def test_example_sections(example_report: Path) -> None:
    expected = [_golden_outline(s) for s in _expected(example_report)["sections"]]
    assert [_outline(s) for s in parse_file(example_report).sections] == expected


def test_example_tables(example_report: Path) -> None:
    expected = _expected(example_report)["tables"]
    report = parse_file(example_report)
    for name, rows in expected.items():
        table = report.tables[name]
        assert table is not None, name
        got = {
            row: {col: _cell_as_golden(cell) for col, cell in cols.items()}
            for row, cols in table.rows.items()
        }
        assert got == rows, name


def test_example_checks_all_pass(example_report: Path) -> None:
    report = parse_file(example_report)
    assert not report.failed_checks
    assert not report.errors
    # 7 columns x (balance + outcome total) + 25 row totals + 3 group totals.
    assert len(report.checks) == 7 * 2 + 25 + 3
    assert {c.status for c in report.checks} == {"pass"}
