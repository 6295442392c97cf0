"""Fused runs split by their totals (issue 14): `total_splits` finds, cell by cell, exactly the
splits that enumerating every cut and testing the group totals finds (`splits` with
`group_totals_ok`), in the same order, and also where that enumeration runs out of its budget."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from govdisclosure.tables import fused
from govdisclosure.tables.fused import group_totals_ok, splits, total_splits

VALUES = st.sampled_from([0, 0, 0, 1, 2, 3, 7, 10, 12, 20, 99, 100])


@st.composite
def runs(draw: st.DrawFn) -> tuple[list[str], int, int]:
    """A row or table 四 printed with its digits run together: groups ending with their totals
    (one total sometimes off by one, as a report that breaks an identity), cut into chunks where the
    text kept a space, sometimes with a unit, a sign or a point; or digits at random."""
    width = draw(st.sampled_from([2, 3, 5, 7]))
    groups = draw(st.sampled_from([1, 1, 2]))
    n = width * groups
    if draw(st.booleans()):
        cells: list[str] = []
        for _ in range(groups):
            values = draw(st.lists(VALUES, min_size=width - 1, max_size=width - 1))
            total = sum(values) + draw(st.sampled_from([0, 0, 0, 1]))
            cells += [*map(str, values), str(total)]
        text = "".join(cells)
    else:
        text = draw(st.text(alphabet="0123456789", min_size=1, max_size=14))
    # Short enough for `splits` to enumerate every cut within its budget.
    text = text[:14]
    cuts = sorted(draw(st.sets(st.integers(1, max(1, len(text) - 1)), max_size=2)) - {len(text)})
    chunks = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    chunks[-1] += draw(st.sampled_from(["", "", "", "元", "-3", ".5"]))
    n = draw(st.sampled_from([n, n, n, n + 1]))  # a count that is no whole number of groups
    width = draw(st.sampled_from([width, width, width, 1]))
    return chunks, n, width


@given(runs())
@example((["801000081"], 7, 7))
@example((["220000022"], 7, 7))
@example((["25380363300630003"], 15, 5))
@example((["0", "0"], 2, 2))
@example((["20", "12023"], 5, 5))  # 20 | 1 2 0 23 before 2 0 | 1 20 23: fewer cells in the first chunk first
def test_total_splits_are_the_splits_whose_totals_hold(run: tuple[list[str], int, int]) -> None:
    chunks, n, width = run
    expected = splits(chunks, n, [False] * n, [False] * n, group_totals_ok(width))
    assert total_splits(chunks, n, width) == expected


def test_a_run_too_long_to_enumerate_is_still_split() -> None:
    # A table 三 row of 7 cells over two rows' digits, printed in three chunks: enumerating every cut
    # runs out of its budget (and gave no split); the same enumeration with a budget large enough
    # finds the splits whose totals hold, and total_splits finds those.
    chunks, n = ["12010101", "24991109999", "99407"], 14
    assert splits(chunks, n, [False] * n, [False] * n, group_totals_ok(7)) == []
    budget = fused.MAX_NODES
    try:
        fused.MAX_NODES = 10**9
        unbounded = splits(chunks, n, [False] * n, [False] * n, group_totals_ok(7))
    finally:
        fused.MAX_NODES = budget
    assert unbounded and total_splits(chunks, n, 7) == unbounded
