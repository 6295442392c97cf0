"""The progress line (issue 16): count, rate and time left on stderr, only when stderr is a terminal;
`parse_many(progress=True)` yields the same results as without it."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

import govdisclosure
from govdisclosure import cli
from govdisclosure.parquet import read_table
from govdisclosure.progress import Progress

SEED_TEXTS = (
    "一、总体情况\n2023年度报告",
    "某县人民政府2024年政府信息公开工作年度报告\n一、总体情况\n正文。",
)


def _stderr(monkeypatch: pytest.MonkeyPatch, *, tty: bool) -> io.StringIO:
    err = io.StringIO()
    monkeypatch.setattr(err, "isatty", lambda: tty)
    monkeypatch.setattr(sys, "stderr", err)
    return err


def _same(a: govdisclosure.BatchResult, b: govdisclosure.BatchResult) -> bool:
    return (a.index, a.source, a.report, repr(a.error)) == (b.index, b.source, b.report, repr(b.error))


def test_parse_many_results_unchanged_with_progress(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    items = [*SEED_TEXTS, tmp_path / "missing.txt"]
    plain = list(govdisclosure.parse_many(items))
    err = _stderr(monkeypatch, tty=True)
    shown = list(govdisclosure.parse_many(items, progress=True))
    assert len(shown) == len(plain) == 3
    assert all(_same(a, b) for a, b in zip(plain, shown, strict=True))
    assert "3/3 reports, 1 failed" in err.getvalue()  # the last step is always drawn
    assert err.getvalue().endswith("\r\x1b[K")  # and erased at the end


def test_progress_without_a_length(monkeypatch: pytest.MonkeyPatch) -> None:
    err = _stderr(monkeypatch, tty=True)
    assert [r.ok for r in govdisclosure.parse_many(iter(SEED_TEXTS), progress=True)] == [True, True]
    # A generator has no length: the line holds a count and a rate, no total and no time left.
    bar = Progress(None, every=0)
    bar.step()
    line = err.getvalue().split("\r\x1b[K")[-1]
    assert line.startswith("1 reports, ") and line.endswith("/s")


def test_parse_many_progress_silent_when_piped(monkeypatch: pytest.MonkeyPatch) -> None:
    err = _stderr(monkeypatch, tty=False)
    assert len(list(govdisclosure.parse_many(SEED_TEXTS, progress=True))) == 2
    assert err.getvalue() == ""


def test_cli_parquet_progress_on_a_terminal_only(
    example_report: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    files = [str(example_report)] * 3
    err = _stderr(monkeypatch, tty=False)
    assert cli.main(["parse", "--format", "parquet", "-o", str(tmp_path / "a"), *files]) == 0
    assert err.getvalue() == ""
    err = _stderr(monkeypatch, tty=True)
    assert cli.main(["parse", "--format", "parquet", "-o", str(tmp_path / "b"), *files]) == 0
    assert "3/3 reports" in err.getvalue() and "left" in err.getvalue()
    assert read_table(tmp_path / "b", "reports").num_rows == 3
