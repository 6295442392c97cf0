"""A table row whose label reads as a sentence (FORMAT.md §2.3 has no such label): it ends the
table, and its values are said at their line, never placed and never dropped unseen (#12)."""

from __future__ import annotations

import unicodedata

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclosure import Report, parse, render
from govdisclosure.model import ApplicationsTable
from govdisclosure.testing import reports
from roundtrip_fields import examples

ANCHOR = "二、上年结转政府信息公开申请数量"
NUMBER = regex.compile(r"\d[\d,]*")
# Labels no template knows, long and punctuated as a sentence is.
SENTENCES = ("（八）其他情形，如申请人撤回申请等", "（九）另有情形，系申请人主动撤回申请的")


@pytest.mark.parametrize("layout", ["tabs", "markdown", "pdf"])
@settings(deadline=None, max_examples=examples(dev=10, ci=60))
@given(
    report=reports(kinds=("number",)).filter(lambda r: r.tables.applications is not None),
    label=st.sampled_from(SENTENCES),
    values=st.lists(st.integers(0, 999), min_size=7, max_size=7),
)
def test_values_after_a_sentence_in_a_table_are_said_never_placed(
    layout: str, report: Report, label: str, values: list[int]
) -> None:
    lines = render(report, layout).split("\n")
    at = next(i for i, line in enumerate(lines) if ANCHOR in line)
    # The anchor row's own layout, its label and numbers swapped (full-width digits folded first).
    before, _, after = unicodedata.normalize("NFKC", lines[at]).partition(ANCHOR)
    drawn = iter(values)
    lines.insert(at + 1, before + label + NUMBER.sub(lambda _: str(next(drawn, 0)), after))
    inserted = at + 2  # 1-based
    parsed = parse("\n".join(lines))
    table = parsed.tables.applications
    assert table is None or not any(c.line == inserted for _, _, c in table.cells())
    said = [d for d in parsed.diagnostics if d.code == "cell-unplaced" and d.line == inserted]
    assert said, [d.message for d in parsed.diagnostics if d.line == inserted]
    assert isinstance(table, ApplicationsTable)
