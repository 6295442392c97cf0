"""The outline grammar sees a run of TEXT/TABLE lines as one token (issue 14).

Sound because report.lark treats every `_item` alike and a section's own items are one run: the
sections built from the merged stream must equal those built from one token per line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from lark import Token
from lark.exceptions import UnexpectedInput

from govdisclosure.grammar import token_parser
from govdisclosure.model import Section
from govdisclosure.sections.heading import Heading
from govdisclosure.sections.levels import assign_depths
from govdisclosure.sections.outline import _LISTS, _to_sections, lark_tokens
from govdisclosure.sections.tokens import LineToken
from strategies import markers

_TEXTS = st.sampled_from(["", "说明", "第二段", "a b"])


@st.composite
def _streams(draw: st.DrawFn) -> list[LineToken]:
    out = []
    for line in range(1, draw(st.integers(0, 30)) + 1):
        kind = draw(st.sampled_from(["HEADING", "TEXT", "TABLE"]))
        if kind == "HEADING":
            heading = Heading(draw(markers()), "标题", "line")
            out.append(LineToken("HEADING", line, "", heading))
        else:
            out.append(LineToken(kind, line, draw(_TEXTS)))
    return out


def _one_per_line(tokens: Sequence[LineToken]) -> list[Token]:
    """The stream before runs were merged: one Lark token per classified line."""
    headings = [t.heading.marker for t in tokens if t.heading is not None]
    depths = iter(assign_depths(headings))
    return [
        Token(f"H{next(depths)}" if t.kind == "HEADING" else t.kind, t.text, start_pos=i, line=t.line)
        for i, t in enumerate(tokens)
    ]


def _build(stream: list[Token], tokens: Sequence[LineToken]) -> tuple[tuple[Section, ...], list[Any]]:
    skipped: list[Any] = []

    def skip(error: UnexpectedInput) -> bool:
        skipped.append(error.line)
        return True

    parsed = token_parser("report.lark", _LISTS).parse(stream, on_error=skip)
    return _to_sections(parsed, tokens), skipped  # type: ignore[arg-type]


@given(_streams())
def test_merged_runs_build_the_same_sections(tokens: list[LineToken]) -> None:
    assert _build(lark_tokens(tokens), tokens) == _build(_one_per_line(tokens), tokens)


def test_a_run_is_one_token() -> None:
    heading = Heading(None, "总体情况", "bare")
    tokens = [
        LineToken("TEXT", 1, "前言"),
        LineToken("HEADING", 2, "", heading),
        LineToken("TEXT", 3, "甲"),
        LineToken("TABLE", 4, "行政许可 1 2"),
        LineToken("TEXT", 5, "乙"),
    ]
    assert [(t.type, t.value) for t in lark_tokens(tokens)] == [
        ("TEXT", "前言"),
        ("H1", ""),
        ("TEXT", "甲\n乙"),
    ]
