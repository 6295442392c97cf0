"""Row shapes are parsed once per distinct token-kind tuple and remembered (issue 14).

The cache is sound because tables.lark's `start: row*` parses each row on its own: a row parsed
alone, and remembered, must give what the parse of a whole region gives it.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.tables.shape import Structure, row_structure, structure, structures

KINDS = st.sampled_from(["ANCHOR", "LABEL", "TEXT", "VALUE", "EMPTY"])
ROWS = st.lists(st.lists(KINDS, max_size=12).map(tuple), max_size=8)


def _by_definition(kinds: tuple[str, ...]) -> Structure:
    """The grammar's reading in words: a lead up to the first ANCHOR, then a segment per ANCHOR."""
    anchors = [j for j, kind in enumerate(kinds) if kind == "ANCHOR"]
    if not anchors:
        return tuple(range(len(kinds))), ()
    ends = [*anchors[1:], len(kinds)]
    return tuple(range(anchors[0])), tuple(tuple(range(a, e)) for a, e in zip(anchors, ends, strict=True))


@given(ROWS)
def test_rows_parsed_alone_and_cached_match_the_region_parse(rows: list[tuple[str, ...]]) -> None:
    whole = structures(rows)
    assert [structure(kinds) for kinds in rows] == whole
    # Twice: the second answer comes from the cache.
    assert [structure(kinds) for kinds in rows] == whole


@given(ROWS)
def test_region_parse_reads_rows_as_the_grammar_says(rows: list[tuple[str, ...]]) -> None:
    assert structures(rows) == [_by_definition(kinds) for kinds in rows]


def test_a_repeated_row_is_parsed_once() -> None:
    kinds = ("LABEL", "ANCHOR", "VALUE", "VALUE", "ANCHOR", "EMPTY", "TEXT")
    structure.cache_clear()
    first = structure(kinds)
    assert structure(kinds) is first
    assert structure.cache_info().hits == 1


def test_a_long_row_is_parsed_but_not_remembered() -> None:
    # A hostile text's long rows must not fill the cache: only rows of a real table's length stay.
    kinds = ("LABEL", *("ANCHOR", "VALUE", "EMPTY") * 40)
    structure.cache_clear()
    assert row_structure(kinds) == _by_definition(kinds)
    assert structure.cache_info().currsize == 0
    assert row_structure(kinds[:10]) == _by_definition(kinds[:10])
    assert structure.cache_info().currsize == 1
