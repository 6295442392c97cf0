"""Wrong numbers the parser still gives on review texts in layouts the corpus lacks (strict xfails).

tests/corpus/heldout/review-layouts/README.md says where each text comes from; each test fails
once its text gives no wrong number, so the fix that removes it must also remove the xfail.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import govdisclosure
from corpus.score import score

FOLDER = Path(__file__).resolve().parent / "corpus" / "heldout" / "review-layouts"
TEXTS = sorted(p.name for p in FOLDER.glob("*.txt"))


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="known wrong numbers in review layouts (README there), not fixed",
)
@pytest.mark.parametrize("name", TEXTS)
def test_a_review_layout_gives_no_wrong_number(name: str) -> None:
    truth = json.loads((FOLDER / f"{name.split('.')[0]}.truth.json").read_text(encoding="utf-8"))
    found = score(truth, govdisclosure.parse((FOLDER / name).read_text(encoding="utf-8")), keeps_blanks=False)
    assert (found.wrong, found.misread) == ([], [])
