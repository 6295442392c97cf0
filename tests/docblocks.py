"""Code blocks of the docs that tests run as printed: each follows a `<!-- test: NAME -->` or
`<!-- sql: NAME -->` comment, so a page and its test cannot drift apart."""

from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
_BLOCK = re.compile(r"<!-- (?:test|sql): ([\w-]+) -->\n```\w+\n(.*?)```", re.S)


def block(page: str, name: str) -> str:
    """The code of the block named `name` in docs/`page`; fails the test when it is missing."""
    found = dict(_BLOCK.findall((DOCS / page).read_text(encoding="utf-8")))
    assert name in found, f"docs/{page} has no block marked <!-- test: {name} --> or <!-- sql: {name} -->"
    return found[name]
