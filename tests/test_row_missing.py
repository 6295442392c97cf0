"""A row a found table comes back without is said: one `row-missing` diagnostic, with its label's line.

SCHEMA.md: a cell the text does not hold is absent, not null; the diagnostics say what the parser
could not settle. A user must be able to tell a row the report leaves out from a row whose label
is printed with nothing the parser could place, without reading the text (tables/missing.py).
"""

from __future__ import annotations

from collections import Counter

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import text
from govdisclosure import Report, default_templates, parse, render
from govdisclosure.testing import reports, spelled_templates
from govdisclosure.testing.tables import tables
from roundtrip_fields import examples

ROW_MISSING = "row-missing"


def _said(report: Report) -> Counter[tuple[str, str]]:
    """(table, row) of each row-missing diagnostic, counted."""
    return Counter(
        (d.message.split(": ")[0], d.message.split(": ")[1])
        for d in report.diagnostics
        if d.code == ROW_MISSING
    )


def _line_of(report: Report, table: str, row: str) -> int | None:
    found = [
        d.line
        for d in report.diagnostics
        if d.code == ROW_MISSING and d.message.startswith(f"{table}: {row}:")
    ]
    assert len(found) == 1
    return found[0]


def test_a_blank_row_printed_as_its_label_alone_is_said_at_its_label() -> None:
    # lynx drops blank cells: r036's 6.属于四类过程性信息 (every cell blank) prints its label alone.
    source = text("r036", "html.lynx")
    report = parse(source)
    assert report.tables.applications is not None
    assert "denied_process_information" not in report.tables.applications.rows
    line = _line_of(report, "applications", "denied_process_information")
    assert line is not None
    assert source.splitlines()[line - 1].strip() == "6. 属于四类过程性信息"


def test_a_row_the_text_leaves_out_is_said_with_no_line() -> None:
    # markitdown keeps every cell: r036 comes back whole, so only the row taken out is said.
    source = text("r036", "html.markitdown")
    assert _said(parse(source)) == Counter()
    lines = source.splitlines()
    cut = [ln for ln in lines if "属于四类过程性信息" not in ln]
    assert len(cut) == len(lines) - 1
    report = parse("\n".join(cut) + "\n")
    assert _said(report) == Counter({("applications", "denied_process_information"): 1})
    assert _line_of(report, "applications", "denied_process_information") is None


@pytest.mark.parametrize("route", ["html.markitdown", "html.w3m", "docx-lo.docx2txt"])
def test_the_other_templates_rows_are_not_said(route: str) -> None:
    # r036 is a 2021 report: the 2019 template's single （六）其他 row is not one it prints.
    assert default_templates()["2021"].row_ids("applications") != default_templates()[
        "2021"
    ].standard_row_ids("applications")
    assert _said(parse(text("r036", route))) == Counter()


LAYOUTS = ("tabs", "cells", "markdown", "html", "pdf")
KINDS = {"pdf": ("number", "none")}


@pytest.mark.parametrize("layout", LAYOUTS)
@settings(deadline=None, max_examples=examples(dev=15, ci=30))
@given(data=st.data())
def test_every_absent_row_is_said_once_and_only_it(layout: str, data: st.DataObject) -> None:
    kinds = KINDS.get(layout, ("number", "blank", "none"))
    drawn = data.draw(reports(kinds=kinds))
    template = default_templates()[drawn.template or "2021"]
    # Some rows of each table left out, as a damaged or abridged report prints them.
    drawn = attrs.evolve(drawn, tables=data.draw(tables(template, kinds, every_row=False)))
    back = parse(render(drawn, layout, templates=data.draw(spelled_templates())))
    said = _said(back)
    expected = set()
    for name, table in back.tables.items():
        if table is None:
            continue
        chosen = default_templates()[table.template or back.template or "2021"]
        # (A 2019 table printing 2021's split （六） rows reads （六）其他处理 as their group: §2.4.)
        split = (
            {r.group for r in chosen.applications.rows if not r.standard and table.rows.get(r.id)}
            if name == "applications"
            else set()
        )
        expected |= {
            (name, row)
            for row in chosen.standard_row_ids(name)
            if not table.rows.get(row) and row not in split
        }
        for row in chosen.standard_row_ids(name):
            line = next(
                (
                    d.line
                    for d in back.diagnostics
                    if d.code == ROW_MISSING and d.message.startswith(f"{name}: {row}:")
                ),
                None,
            )
            source = drawn.tables[name]
            # A label is read only where it is printed: a row the drawn report lacks has none. (Table
            # 四's header prints its groups' labels, 行政复议 / 未经复议直接起诉 …, whether a group's
            # values are there or not.)
            if line is not None and name != "review_litigation":
                assert source is not None and row in source.rows, (name, row, line)
    assert set(said) == expected
    assert all(n == 1 for n in said.values())


def test_a_2019_table_printing_2021_s_split_other_rows_does_not_say_its_single_row_missing() -> None:
    # FORMAT.md §2.4: reports mix templates. A 2019 table printing 2021's split （六）其他处理 (here
    # only its 3.其他, on the group label's line) reads （六）其他处理 as their group: its single
    # row is not missing (a random draw of the property above, rendered as tab rows).
    report = parse(text("r001", "html.markitdown"))
    applications = report.tables.applications
    assert applications is not None and applications.template == "2019"
    rows = {k: v for k, v in applications.rows.items() if k != "other"} | {
        "other_misc": applications.rows["other"]
    }
    tables = attrs.evolve(report.tables, applications=attrs.evolve(applications, rows=rows))
    back = parse(render(attrs.evolve(report, tables=tables), "tabs"))
    assert back.tables.applications is not None
    read = back.tables.applications.rows["other_misc"]
    assert {c: cell.value for c, cell in read.items()} == {
        c: cell.value for c, cell in applications.rows["other"].items()
    }
    assert _said(back) == Counter()
