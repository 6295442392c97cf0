"""Golden outlines: every real report's sections, title, organ and year, as a careful reader wrote them.

The expectations live in tests/golden/<stem>.json (see tests/golden/README.md); the inputs are read
from ../shared by path. Titles are compared without trailing 。/： and without internal spaces,
because the golden files disagree on those for run-in headings.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import regex

from govdisclosure.api import parse_file
from govdisclosure.model import Section
from govdisclosure.normalize import normalize
from govdisclosure.sections import Outline, read_outline
from govdisclosure.textfile import read_text
from test_sections import CANONICAL_KINDS

GOLDEN = Path(__file__).parent / "golden"
SHARED = Path(__file__).resolve().parents[2] / "shared"
FILES = sorted(GOLDEN.glob("*.json"))

_TRAILING = regex.compile(r"[。.:：;；,，、]+$")


def norm_title(title: str) -> str:
    """A title as compared: no whitespace, no trailing sentence punctuation."""
    return _TRAILING.sub("", regex.sub(r"\s+", "", title))


def expected_tree(sections: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [
        (s["marker"], s["ordinal"], norm_title(s["title"]), expected_tree(s.get("children", [])))
        for s in sections
    ]


def parsed_tree(sections: tuple[Section, ...], depth: int = 2) -> list[tuple[Any, ...]]:
    if depth == 0:
        return []
    return [
        (
            s.marker.text if s.marker else None,
            s.marker.ordinal if s.marker else None,
            norm_title(s.title),
            parsed_tree(s.children, depth - 1),
        )
        for s in sections
    ]


def outline_of(golden: dict[str, Any]) -> Outline:
    path = SHARED / golden["source"]
    # As conftest.py's `shared` fixture: a missing ../shared is an error, never a skip.
    assert path.exists(), f"{path} is missing: tests read the real texts from ../shared"
    return read_outline(normalize(read_text(path).text), frozenset())


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_every_real_text_has_a_golden_file() -> None:
    sources = [*SHARED.glob("seeds/*.txt"), *SHARED.glob("corpus/real/[0-9]*")]
    assert sources, f"{SHARED} holds no seeds or real texts: tests read them from ../shared"
    missing = [p.name for p in sources if not (GOLDEN / f"{p.stem}.json").exists()]
    assert not missing


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_top_level_sections(path: Path) -> None:
    golden = load(path)
    outline = outline_of(golden)
    got = [(m, o, t) for m, o, t, _ in parsed_tree(outline.sections)]
    want = [(m, o, t) for m, o, t, _ in expected_tree(golden["sections"])]
    assert got == want


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_sub_headings(path: Path) -> None:
    golden = load(path)
    outline = outline_of(golden)
    got = {(m, t): children for m, _, t, children in parsed_tree(outline.sections)}
    for marker, _, title, children in expected_tree(golden["sections"]):
        assert got.get((marker, title)) == children, f"children of {marker}{title}"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_metadata(path: Path) -> None:
    golden = load(path)
    outline = outline_of(golden)
    title = outline.title and regex.sub(r"\s+", "", outline.title)
    assert (title, outline.organ, outline.year) == (golden["title"], golden["organ"], golden["year"])


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_canonical_kinds_in_order(path: Path) -> None:
    """Every top-level section a reader lists as 一…六 gets its kind, and kinds follow the printed order."""
    golden = load(path)
    outline = outline_of(golden)
    kinds = [s.kind for s in outline.sections if s.kind is not None]
    assert kinds == sorted(kinds, key=CANONICAL_KINDS.index)
    numbered = [s for s in golden["sections"] if s["marker"][0] not in "(（"]
    assert len(kinds) == len(numbered)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_top_level_sections_through_the_whole_pipeline(path: Path) -> None:
    """With the tables step's table_lines in play, the same top-level sections come out."""
    golden = load(path)
    source = SHARED / golden["source"]
    assert source.exists(), f"{source} is missing: tests read the real texts from ../shared"
    report = parse_file(source)
    got = [(m, o, t) for m, o, t, _ in parsed_tree(report.sections)]
    assert got == [(m, o, t) for m, o, t, _ in expected_tree(golden["sections"])]
