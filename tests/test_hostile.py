"""Hostile inputs (issue 7): parse returns in bounded memory, says what went wrong, and loses nothing.

Each input of tests/hostile/corpus.py is parsed once per session (a module-scoped fixture) and
the tests below read that one measurement. How long it takes is not asserted here (no test is
timed, issue 15): `benchmarks/hostile.py` checks every input against its linear-time ceiling.
HOSTILE_SCALE=full parses the sizes the issue names
(a 10 MB line, a million lines, a report 1,000 times); the default is a tenth of them for those
three, so the suite stays fast. See docs/robustness.md.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

import pytest

from govdisclosure import Report, parse
from govdisclosure import diagnostics as codes
from govdisclosure.values import MAX_DIGITS
from hostile import CASES, Case, Measurement, cuts, measure, seed_text
from hostile.corpus import TABLE_TROUBLE
from hostile.measure import ceiling_bytes

FULL = os.environ.get("HOSTILE_SCALE", "ci") == "full"
Measured = tuple[Case, Measurement]


def size_of(case: Case) -> int:
    """The size this run parses the case at."""
    return case.full if FULL else case.ci


@pytest.fixture(scope="module", params=CASES, ids=[c.name for c in CASES])
def measured(request: pytest.FixtureRequest) -> Iterator[tuple[Case, Measurement]]:
    case: Case = request.param
    yield case, measure(case.build, size_of(case))


# Defects in code this file's author does not own, by (test, case): strict xfails, reported to the
# lead with their minimal inputs (issue 7). A fix turns one into an XPASS failure: drop its line.
KNOWN: dict[tuple[str, str], str] = {}


def known_defect(request: pytest.FixtureRequest, case: Case) -> None:
    """Mark this test xfail (strict) when its case hits a known defect."""
    reason = KNOWN.get((request.node.originalname, case.name))
    if reason:
        request.node.add_marker(pytest.mark.xfail(strict=True, reason=reason))


def values(report: Report) -> dict[tuple[str, str, str], object]:
    """Every cell's (kind, value), keyed by table, row and column."""
    return {
        (name, row, column): (cell.kind, cell.value)
        for name, table in report.tables.items()
        if table is not None
        for row, column, cell in table.cells()
    }


def test_memory_bounded(measured: Measured, request: pytest.FixtureRequest) -> None:
    case, m = measured
    known_defect(request, case)
    assert m.peak_bytes <= ceiling_bytes(m.chars), f"{case.name}: {m.describe()}"


def test_diagnostics_say_what_went_wrong(measured: Measured, request: pytest.FixtureRequest) -> None:
    case, m = measured
    known_defect(request, case)
    report = m.report or m.slice_report
    found = {d.code for d in report.diagnostics}
    if case.expect:
        assert found & set(case.expect), f"{case.name}: expected one of {case.expect}, got {sorted(found)}"
    for diagnostic in report.diagnostics:
        assert diagnostic.code in codes.SEVERITY, diagnostic
        assert diagnostic.message.strip() and len(diagnostic.message) <= 500, diagnostic


def test_report_serializes(measured: Measured, request: pytest.FixtureRequest) -> None:
    # A report of any input becomes UTF-8 JSON and back (lone surrogates included).
    case, m = measured
    known_defect(request, case)
    report = m.report if m.report is not None and m.chars <= 1_000_000 else m.slice_report
    data = json.dumps(report.to_dict(), ensure_ascii=False, allow_nan=False).encode("utf-8")
    assert Report.from_dict(json.loads(data)) == report


NOISE = [c for c in CASES if c.same_values]


@pytest.mark.parametrize("case", NOISE, ids=[c.name for c in NOISE])
def test_noise_changes_no_value(case: Case) -> None:
    clean, noisy = parse(seed_text()), parse(case.text())
    assert values(clean), "the base seed's tables must read"
    assert values(noisy) == values(clean)
    assert [d.code for d in noisy.errors] == [d.code for d in clean.errors]


def test_long_number_is_kept_as_text_and_reported() -> None:
    text = next(c for c in CASES if c.name == "long_number").text()
    report = parse(text)
    lost = [d for d in report.diagnostics if d.code == codes.NUMBER_TOO_LONG]
    assert lost and lost[0].line is not None, report.diagnostics
    assert f"more than {MAX_DIGITS}" in lost[0].message and len(lost[0].message) < 300
    cell = report.tables.active_disclosure.cell("regulations", "newly_made")  # type: ignore[union-attr]
    assert cell is not None and cell.kind == "text" and cell.value is None and len(cell.raw) > 100_000 - 1
    # The rest of the row, and of the table, still reads.
    assert report.tables.active_disclosure.value("regulations", "newly_published") == 0  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["\u200b\n\ufeff\u200f", "\x00" * 50, " \t\u3000\u00a0\r\n\f"], ids=repr)
def test_invisible_only_input_is_empty(text: str) -> None:
    assert codes.EMPTY_INPUT in {d.code for d in parse(text).diagnostics}


CUTS = list(cuts())


@pytest.fixture(scope="module")
def whole_seed_values() -> dict[str, dict[tuple[str, str, str], object]]:
    return {name: values(parse(seed_text(name))) for name in {c[0] for c in CUTS}}


@pytest.mark.parametrize(("seed", "end", "text"), CUTS, ids=[f"{s[:3]}-{e}" for s, e, _ in CUTS])
def test_seed_cut_says_what_is_missing(
    seed: str, end: int, text: str, whole_seed_values: dict[str, dict[tuple[str, str, str], object]]
) -> None:
    report = parse(text)
    for diagnostic in report.diagnostics:
        assert diagnostic.line is None or 1 <= diagnostic.line <= end, diagnostic
    whole = whole_seed_values[seed]
    got = values(report)
    lost = [key for key in whole if key not in got]
    if lost:
        found = {d.code for d in report.diagnostics}
        assert found & set(TABLE_TROUBLE), f"{len(lost)} cells lost (e.g. {lost[0]}), no diagnostic says so"


# Minimal inputs for defects in code this test file's author does not own (tables/): visible here,
# strict so that the fix turns them into failures that ask for the marker to go.
REVIEW_ALL_BLANK = (
    "四、政府信息公开行政复议、行政诉讼情况\n\t行政复议\n\t行政诉讼\n\n\t结果维持\n\t结果纠正\n\t其他结果\n"
    "\t尚未审结\n\t总计\n\t未经复议直接起诉\n\t复议后起诉\n\n\t\n\t\n\t\n\t\n\t\n\t结果维持\n\t结果纠正\n"
    "\t其他结果\n\t尚未审结\n\t总计\n\t结果维持\n\t结果纠正\n\t其他结果\n\t尚未审结\n\t总计\n\n"
    + "\t\u00a0\n" * 14
    + "\t\n"
)


@pytest.mark.parametrize(
    "damaged",
    [REVIEW_ALL_BLANK + "\u00a0\n", REVIEW_ALL_BLANK[: -len("\t\n")] + " \t\n\n"],
    ids=["nbsp-line-after", "space-before-last-tab"],
)
def test_stray_space_keeps_blank_table(damaged: str) -> None:
    clean = parse(REVIEW_ALL_BLANK + "\n").tables.review_litigation
    assert clean is not None and len(list(clean.cells())) == 15
    noisy = parse(damaged).tables.review_litigation
    assert noisy is not None and values_of(noisy) == values_of(clean)


def values_of(table: object) -> list[tuple[str, str, str]]:
    return [(r, c, cell.kind) for r, c, cell in table.cells()]  # type: ignore[attr-defined]
