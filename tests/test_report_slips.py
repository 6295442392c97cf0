"""Reports with their own slip through pdftotext -layout: no wrong number (docs/tables.md, "Not
chosen by the identities").

A report that prints a value in another column of its row breaks two columns' sums by +v and -v;
where the positions leave values two columns or more, moving them can mend the sums, and a reading
the sums choose would then put numbers where the report prints none. The texts are a review's
mutations of the committed corpus (tests/corpus/heldout/review-slips/README.md); each truth is the
table the mutated text prints, derived from the mutation.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import govdisclosure

SLIPS = Path(__file__).parent / "corpus" / "heldout" / "review-slips"


def _wrong(name: str) -> list[tuple[str, str, object, object]]:
    truth = json.loads((SLIPS / f"{name}.truth.json").read_text(encoding="utf-8"))["truth"]
    table = govdisclosure.parse((SLIPS / f"{name}.txt").read_text(encoding="utf-8")).tables.applications
    assert table is not None
    wrong = []
    for row, cells in table.rows.items():
        for column, cell in cells.items():
            kind, value = truth[row][column]
            if cell.kind == "number" and (kind, value) != ("number", cell.value):
                wrong.append((row, column, cell.value, value))
            elif cell.kind == "blank" and kind == "number":
                wrong.append((row, column, None, value))
    return wrong


@pytest.mark.parametrize("name", sorted(p.name.removesuffix(".txt") for p in SLIPS.glob("*.txt")))
def test_a_report_s_own_slip_gives_no_wrong_number(name: str) -> None:
    assert _wrong(name) == []


def test_the_texts_are_read() -> None:
    # Not a table left unread: most of each table comes back (the rows the positions settle).
    for text in SLIPS.glob("*.txt"):
        table = govdisclosure.parse(text.read_text(encoding="utf-8")).tables.applications
        assert table is not None and len(table.rows) >= 10, text.name
