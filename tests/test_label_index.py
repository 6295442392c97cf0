"""Label matching through the key index (keyindex.py) answers as the scan of every entry did (issue 14).

The scan below is the matching rules as they were before the index: each rule tried on every entry
of the pool in order. The indexed rules must give the same entries in the same order, for the
labels real texts hold (every label a parse of the tool corpus sample asks about) and for
generated ones (pieces, joins and edits of every spelling, with and without markers).
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from govdisclosure.lexicon import (
    FUZZY_RATIO,
    MIN_PREFIX,
    Entry,
    LabelParts,
    Lexicon,
    _compatible,
    lexicon_for,
    match_by,
)
from govdisclosure.templates import default_templates

LEXICON = lexicon_for(default_templates())
TABLES = (None, "active_disclosure", "applications", "review_litigation")
SPELLINGS = sorted({e.spelling for e in LEXICON.entries})
FIXTURES = Path(__file__).resolve().parent / "corpus" / "fixtures"


def _exact(parts: LabelParts, pool: list[Entry]) -> list[Entry]:
    return [e for e in pool if e.key == parts.key and _compatible(parts, e)]


def _prefix(parts: LabelParts, pool: list[Entry]) -> list[Entry]:
    if len(parts.key) < MIN_PREFIX:
        return []
    return [
        e
        for e in pool
        if (e.key.startswith(parts.key) or (len(e.key) >= MIN_PREFIX and parts.key.startswith(e.key)))
        and _compatible(parts, e)
    ]


def _fuzzy(parts: LabelParts, pool: list[Entry]) -> list[Entry]:
    if len(parts.key) < MIN_PREFIX:
        return []
    scored = []
    for e in pool:
        if len(e.key) < MIN_PREFIX or not _compatible(parts, e):
            continue
        ratio = difflib.SequenceMatcher(None, parts.key, e.key, autojunk=False).ratio()
        if ratio >= FUZZY_RATIO:
            scored.append((ratio, e))
    if not scored:
        return []
    best = max(r for r, _ in scored)
    return [e for r, e in scored if r == best]


def scanned(lexicon: Lexicon, text: str, table: str | None) -> tuple[Entry, ...]:
    """Lexicon._match by scanning every entry, as before the index (the same order of rules)."""
    return match_by(
        text,
        lambda: [e for e in lexicon.entries if table is None or e.table == table],
        (_exact, _prefix, _fuzzy),
    )


def _asked_by_parsing(paths: list[Path]) -> set[tuple[str, str | None]]:
    asked: set[tuple[str, str | None]] = set()
    original = Lexicon._match

    def record(self: Lexicon, text: str, table: str | None) -> tuple[Entry, ...]:
        asked.add((text, table))
        return original(self, text, table)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Lexicon, "_match", record)
        patch.setattr(
            "govdisclosure.lexicon._match_cached", lambda lexicon, text, table: record(lexicon, text, table)
        )
        for path in paths:
            govdisclosure.parse(path.read_text(encoding="utf-8"))
    return asked


def test_the_index_answers_as_the_scan_for_every_label_of_real_texts() -> None:
    sample = sorted(FIXTURES.rglob("*.txt"))[::25]
    asked = _asked_by_parsing(sample)
    assert len(asked) > 1000  # the sample asks about many labels, matched and not
    for text, table in sorted(asked, key=lambda a: (a[0], a[1] or "")):
        assert LEXICON._match(text, table) == scanned(LEXICON, text, table), (text, table)


def test_every_spelling_matches_as_in_the_scan() -> None:
    for spelling in SPELLINGS:
        for table in TABLES:
            assert LEXICON._match(spelling, table) == scanned(LEXICON, spelling, table), (spelling, table)


MARKERS = st.sampled_from(["", "一、", "（三）", "(二)", "1.", "3.", "2、", "四、 ", "（七）"])
HAN = st.sampled_from(sorted({c for s in SPELLINGS for c in s}))


@st.composite
def labels(draw: st.DrawFn) -> str:
    """A piece of a spelling, maybe joined to another's, edited here and there, maybe marked."""
    text = draw(st.sampled_from(SPELLINGS))
    start = draw(st.integers(0, len(text) - 1))
    text = text[start : draw(st.integers(start + 1, len(text)))]
    if draw(st.booleans()):
        text += draw(st.sampled_from(SPELLINGS))[: draw(st.integers(1, 8))]
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(HAN) + text[at + draw(st.integers(0, 1)) :]
    return draw(MARKERS) + text


@given(labels(), st.sampled_from(TABLES))
def test_generated_labels_match_as_in_the_scan(text: str, table: str | None) -> None:
    assert LEXICON._match(text, table) == scanned(LEXICON, text, table)
