"""Zero-width marks, NBSPs and CRLF inserted at random in the seeds change no table value (issue 7).

Where each may go (FORMAT.md §2.4, what copying from a browser, Word or a PDF viewer adds):

- zero-width marks (U+200B/C/D, U+2060, U+FEFF, U+00AD soft hyphen, bidi marks): anywhere in a line,
  inside labels and inside numbers too, since no reader sees them;
- NBSP: beside whitespace already there (a cell's padding, an indent; not first on a line) and at
  the end of a line that has text; inside a number it would split it ("1 2" is two values, never
  12), so not there;
- CRLF: for any LF, so line numbers stay the same.
"""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from govdisclosure import Report, parse
from hostile import SEEDS, seed_text

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"
NBSP = "\u00a0"
SPACES = " \t\u3000\u00a0"


@cache
def places(name: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Offsets where a zero-width mark, an NBSP and a CR may go in one seed."""
    text = seed_text(name)
    inside = tuple(i for i in range(1, len(text)) if text[i - 1] != "\n" and text[i] != "\n")
    # Not at the very start of a line: see test_nbsp_before_a_tab_row below.
    beside_space = {
        i for i in range(1, len(text)) if text[i - 1] != "\n" and (text[i - 1] in SPACES or text[i] in SPACES)
    }
    line_ends = {i for i in range(1, len(text)) if text[i] == "\n" and text[i - 1] not in "\n"}
    crs = tuple(i for i, ch in enumerate(text) if ch == "\n")
    return inside, tuple(sorted(beside_space | line_ends)), crs


@cache
def clean_values(name: str) -> dict[tuple[str, str, str], tuple[str, object]]:
    return values(parse(seed_text(name)))


def values(report: Report) -> dict[tuple[str, str, str], tuple[str, object]]:
    return {
        (name, row, column): (cell.kind, cell.value)
        for name, table in report.tables.items()
        if table is not None
        for row, column, cell in table.cells()
    }


@st.composite
def sprinkled(draw: st.DrawFn) -> tuple[str, str]:
    """(seed name, its text with marks inserted at random allowed places)."""
    name = draw(st.sampled_from([p.name for p in SEEDS]))
    inside, beside, crs = places(name)
    inserts: dict[int, str] = {}
    for _ in range(draw(st.integers(1, 40))):
        kind = draw(st.sampled_from(["zero-width", "nbsp", "crlf"]))
        if kind == "zero-width":
            at, mark = draw(st.sampled_from(inside)), draw(st.sampled_from(ZERO_WIDTH))
        elif kind == "nbsp":
            at, mark = draw(st.sampled_from(beside)), NBSP
        else:
            at, mark = draw(st.sampled_from(crs)), "\r"
        # At one offset, one CR at most and last, right before its LF: CR+mark+LF or CR+CR+LF would
        # be two line ends.
        here = inserts.get(at, "")
        if mark == "\r":
            inserts[at] = here if here.endswith("\r") else here + mark
        else:
            inserts[at] = mark + here
    text = seed_text(name)
    pieces, last = [], 0
    for at in sorted(inserts):
        pieces += [text[last:at], inserts[at]]
        last = at
    pieces.append(text[last:])
    return name, "".join(pieces)


@settings(deadline=None)
@given(sprinkled())
@example(("002_54bad18d043e05e5.txt", seed_text("002_54bad18d043e05e5.txt").replace("\n", "\r\n")))
def test_invisible_marks_change_no_value(case: tuple[str, str]) -> None:
    name, text = case
    assert values(parse(text)) == clean_values(name)


@pytest.mark.parametrize("name", [p.name for p in SEEDS], ids=[p.name[:3] for p in SEEDS])
def test_every_kind_everywhere_at_once(name: str) -> None:
    # The worst case: a zero-width mark between every two characters, CRLF for every LF.
    text = seed_text(name)
    inside = set(places(name)[0])
    marked = "".join(ch + ("\u200b" if i + 1 in inside else "") for i, ch in enumerate(text))
    assert values(parse(marked.replace("\n", "\r\n"))) == clean_values(name)


SEED_002 = "002_54bad18d043e05e5.txt"


def test_nbsp_before_a_tab_row() -> None:
    text = seed_text(SEED_002)
    damaged = text.replace("7.属于行政执法案卷\n\t\u00a0", "7.属于行政执法案卷\n\u00a0\t\u00a0", 1)
    assert damaged != text
    assert values(parse(damaged)) == clean_values(SEED_002)
