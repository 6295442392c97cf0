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
