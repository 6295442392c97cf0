"""Fused runs split by their totals (issue 14): `total_splits` finds, cell by cell, exactly the
splits that enumerating every cut and testing the group totals finds (`splits` with
`group_totals_ok`), in the same order, and also where that enumeration runs out of its budget."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

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
    # Table 四 printed as one run of 30 digits: enumerating every cut into its 15 cells runs out of
    # its budget (and gave no split); total_splits finds the one split whose three group totals hold.
    chunks, n = ["153734894235838301494037438119"], 15
    assert splits(chunks, n, [False] * n, [False] * n, group_totals_ok(5)) == []
    found = total_splits(chunks, n, 5)
    assert len(found) == 1 and group_totals_ok(5)(found[0]) and "".join(found[0]) == chunks[0]


def test_a_run_too_long_for_the_cell_search_is_left_to_the_enumeration() -> None:
    # Long cells in a table 三 row: the cell search runs out of its budget before the enumeration
    # of cuts does, and then gives what the enumeration gives (here one split).
    chunks, n = ["11100011111011011011010100111101110101111", "01330334443"], 7
    expected = splits(chunks, n, [False] * n, [False] * n, group_totals_ok(7))
    assert len(expected) == 1 and total_splits(chunks, n, 7) == expected
