"""SCHEMA.md's top-level and table keys, in the documented order, for the tests that check them."""

TOP_LEVEL_KEYS = [
    "schema",
    "title",
    "organ",
    "year",
    "template",
    "sections",
    "tables",
    "checks",
    "diagnostics",
]
TABLE_KEYS = ["active_disclosure", "applications", "review_litigation"]
# Optional top-level keys SCHEMA.md names (written only when there is something to say).
OPTIONAL_TOP_LEVEL_KEYS = ["table_templates"]
# Keys every cell object has, and the ones it may have (SCHEMA.md "Cells": extra keys allowed).
CELL_KEYS = {"value", "raw", "kind", "line"}
OPTIONAL_CELL_KEYS = {"unit", "basis", "where"}


def assert_top_level(data: dict[str, object]) -> None:
    """The required top-level keys in SCHEMA.md order, then only optional ones."""
    keys = list(data)
    assert keys[: len(TOP_LEVEL_KEYS)] == TOP_LEVEL_KEYS, keys
    assert set(keys[len(TOP_LEVEL_KEYS) :]) <= set(OPTIONAL_TOP_LEVEL_KEYS), keys
