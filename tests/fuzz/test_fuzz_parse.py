"""Fuzz (issue 5): parse returns a Report on any text and on damaged real reports, in linear time."""

from __future__ import annotations

import time
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from govdisclosure import Report, default_templates, parse
from roundtrip_fields import examples

SHARED = Path(__file__).resolve().parents[3] / "shared"
REAL = sorted([*SHARED.glob("seeds/*.txt"), *SHARED.glob("corpus/real/0*")])
FUZZ = settings(
    deadline=None,
    max_examples=examples(dev=25, ci=300),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@cache
def labels() -> tuple[str, ...]:
    """Every label of the bundled templates: what the table reconstructor looks for."""
    found: set[str] = set()
    for t in default_templates():
        found |= {label.label for label in t.active_disclosure.rows.values()}
        found |= {c.label.label for c in t.active_disclosure.columns.values()}
        found |= {b.caption for b in t.active_disclosure.blocks}
        found |= {r.label.label for r in t.applications.rows}
        found |= {g.label for g in t.applications.groups.values()}
        found |= {c.label.label for c in t.applications.columns.values()}
        found |= set(t.applications.header_labels) | set(t.review_litigation.signals)
        found |= {c.label.label for c in t.review_litigation.columns.values()}
    return tuple(sorted(found))


@cache
def real_lines(path: Path) -> tuple[str, ...]:
    return tuple(path.read_text(encoding="utf-8-sig").split("\n"))


def _ok(text: str) -> None:
    assert isinstance(parse(text), Report)


@FUZZ
@given(st.text())
@example("<table><tr><td colspan=99999999999>")
@example("\t" * 5000)
@example("一、" * 3000)
def test_any_text(text: str) -> None:
    _ok(text)


PIECES = st.one_of(
    st.sampled_from(["\t", "\n", " ", "|", "\u00a0", "\u3000", "-", "+", ",", ".", "元", "万元", "无", "—"]),
    st.sampled_from(["<table>", "<tr>", "<td colspan='3'>", "</td>", "</tr>", "</table>", "&nbsp;", "-2-"]),
    st.integers(0, 10**12).map(str),
    st.sampled_from(["一、", "（三）", "1.", "二、主动公开政府信息情况", "四、结转下年度继续办理"]),
    st.deferred(lambda: st.sampled_from(labels())),
)


@FUZZ
@given(st.lists(PIECES, max_size=300).map("".join))
def test_any_table_like_text(text: str) -> None:
    _ok(text)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A real report with lines deleted, swapped, doubled, a table cut or a header repeated."""
    lines = list(real_lines(draw(st.sampled_from(REAL))))
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "swap", "double", "cut", "header", "join"]))
        if kind == "delete":
            del lines[i : i + draw(st.integers(1, 20))]
        elif kind == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "double":
            lines[i:i] = lines[i : i + draw(st.integers(1, 10))]
        elif kind == "cut":
            # A table cut off: everything from a line holding a cell to the next heading goes.
            lines[i:j] = []
        elif kind == "header":
            heads = [k for k, line in enumerate(lines) if "信息内容" in line or "申请人情况" in line]
            if heads:
                k = draw(st.sampled_from(heads))
                lines[j:j] = lines[k : k + 4]
        else:
            lines[i : i + 2] = ["".join(lines[i : i + 2])]
    return "\n".join(lines)


@FUZZ
@given(mutated())
def test_mutated_real_reports(text: str) -> None:
    _ok(text)


@pytest.mark.parametrize("path", REAL[:5], ids=[p.name[:3] for p in REAL[:5]])
def test_time_is_linear(path: Path) -> None:
    text = "\n".join(real_lines(path))

    def seconds(t: str) -> float:
        best = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            parse(t)
            best = min(best, time.perf_counter() - start)
        return best

    one, eight = seconds(text), seconds("\n".join([text] * 8))
    # Linear is 8x; allow for noise and caches, but a quadratic step (64x) fails.
    assert eight <= 8 * one * 2.5 + 0.5, (one, eight)
