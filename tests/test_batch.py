"""parse_many and `govdisclosure parse DIR --jobs N`: input order; one failure never stops a batch (#6)."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import govdisclosure
from govdisclosure import batch, cli
from govdisclosure.errors import DecodeError, ParseError
from govdisclosure.textfile import ReadError

JOBS = [1, 2]
FORK = multiprocessing.get_start_method() == "fork"


@pytest.fixture(scope="module")
def seeds(shared: Path) -> list[Path]:
    found = sorted((shared / "seeds").glob("*.txt"))
    assert found
    return found


@pytest.mark.parametrize("jobs", JOBS)
def test_results_come_in_input_order_and_equal_parse(seeds: list[Path], jobs: int) -> None:
    items = [*seeds, *reversed(seeds)]
    results = list(govdisclosure.parse_many(items, jobs=jobs))
    assert [r.index for r in results] == list(range(len(items)))
    assert [r.source for r in results] == [str(p) for p in items]
    for path, result in zip(items, results, strict=True):
        assert result.ok and result.error is None
        assert result.report == govdisclosure.parse_file(path)
        assert result.report is not None and result.report.encoding == "utf-8"


@pytest.mark.parametrize("jobs", JOBS)
def test_one_failure_becomes_that_items_error(seeds: list[Path], tmp_path: Path, jobs: int) -> None:
    items: list[object] = [
        seeds[0],
        tmp_path / "absent.txt",
        b"\xff\xfe\x00\xd8",  # a UTF-16 BOM, then a lone surrogate
        42,
        seeds[1],
    ]
    results = list(govdisclosure.parse_many(items, jobs=jobs))  # type: ignore[arg-type]
    assert [r.ok for r in results] == [True, False, False, False, True]
    assert isinstance(results[1].error, ReadError) and "no such file" in str(results[1].error)
    assert isinstance(results[2].error, DecodeError)
    assert results[2].error.hint  # our errors keep their fields across the process boundary
    assert isinstance(results[3].error, TypeError)
    assert results[4].report == govdisclosure.parse_file(seeds[1])


@pytest.mark.parametrize("jobs", JOBS)
def test_strict_errors_keep_their_line(jobs: int) -> None:
    # A blank text is an error-level diagnostic (empty-input): strict parsing raises on it.
    with pytest.raises(ParseError) as direct:
        govdisclosure.parse("   ", strict=True)
    [result] = govdisclosure.parse_many(["   "], jobs=jobs, strict=True)
    assert not result.ok
    assert isinstance(result.error, ParseError)
    assert result.error.line == direct.value.line
    assert str(result.error) == str(direct.value)


def test_texts_paths_and_bytes(seeds: list[Path]) -> None:
    text = seeds[0].read_text(encoding="utf-8")
    items = [text, str(seeds[0]), seeds[0], seeds[0].read_bytes(), text.encode("gb18030")]
    results = list(govdisclosure.parse_many(items))
    assert [r.source for r in results] == ["<text 0>", str(seeds[0]), str(seeds[0]), "<bytes 3>", "<bytes 4>"]
    reports = [r.report for r in results]
    assert all(r == reports[0] for r in reports)
    assert [r.encoding for r in reports if r] == [None, "utf-8", "utf-8", "utf-8", "gb18030"]


def test_a_one_line_text_that_names_no_file_is_text() -> None:
    [result] = govdisclosure.parse_many(["一、总体情况"])
    assert result.source == "<text 0>"
    assert result.report is not None and result.report.sections[0].title == "总体情况"


def test_input_is_read_lazily(seeds: list[Path]) -> None:
    pulled: list[int] = []

    def endless() -> Iterator[Path]:
        i = 0
        while True:
            pulled.append(i)
            yield seeds[i % len(seeds)]
            i += 1

    results = govdisclosure.parse_many(endless(), jobs=2)
    first = [next(results) for _ in range(3)]
    results.close()  # stops the pool
    assert [r.index for r in first] == [0, 1, 2]
    assert len(pulled) <= 2 * 8 + 3  # a bounded window ahead, never the whole input


def test_jobs_are_validated() -> None:
    assert batch.resolve_jobs(3) == 3
    assert batch.resolve_jobs(None) >= 1 and batch.resolve_jobs(0) == batch.resolve_jobs(None)
    with pytest.raises(ValueError, match="jobs"):
        list(govdisclosure.parse_many(["x"], jobs=-1))


def _crash_on_marker(text: str, **options: object) -> govdisclosure.Report:
    if "CRASH" in text:
        os._exit(3)  # a worker dying as on a segfault or the OOM killer
    return govdisclosure.parse(text, **options)  # type: ignore[arg-type]


@pytest.mark.skipif(not FORK, reason="needs fork to carry the patched parser into the workers")
def test_a_dead_worker_fails_only_its_item(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "parse", _crash_on_marker)
    items = ["一、总体情况\n甲", "一、总体情况\nCRASH", "二、主动公开政府信息情况", "一、总体情况\n乙"]
    results = list(govdisclosure.parse_many(items, jobs=2))
    assert [r.ok for r in results] == [True, False, True, True]
    assert "died" in str(results[1].error)


# --- the command line -------------------------------------------------------------------------------


@pytest.fixture
def folder(seeds: list[Path], tmp_path: Path) -> Path:
    root = tmp_path / "reports"
    (root / "2023").mkdir(parents=True)
    (root / ".hidden").mkdir()
    for i, seed in enumerate(seeds[:3]):
        (root / "2023" / f"{i}.txt").write_bytes(seed.read_bytes())
    (root / "b.md").write_bytes(seeds[3].read_bytes())
    (root / "notes.xlsx").write_bytes(b"PK\x03\x04")  # not a report format: not searched
    (root / ".hidden" / "x.txt").write_bytes(seeds[4].read_bytes())
    return root


def test_parse_a_directory_as_json_lines(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["parse", str(folder), "--jobs", "2", "--json", "--with-source"]) == 0
    lines = capsys.readouterr().out.splitlines()
    sources = [json.loads(line)["source"] for line in lines]
    assert sources == [str(folder / "2023" / f"{i}.txt") for i in range(3)] + [str(folder / "b.md")]
    for line, source in zip(lines, sources, strict=True):
        assert json.loads(line)["report"] == govdisclosure.parse_file(source).to_dict()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jobs_do_not_change_the_output(folder: Path, capsys: pytest.CaptureFixture[str], jobs: str) -> None:
    assert cli.main(["parse", str(folder), "--json"]) == 0
    one = capsys.readouterr().out
    assert cli.main(["parse", str(folder), "--json", "--jobs", jobs]) == 0
    assert capsys.readouterr().out == one
    assert len(one.splitlines()) == 4


def test_a_bad_file_in_a_parallel_batch(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "empty.txt").write_bytes(b"")
    assert cli.main(["parse", str(folder), "--jobs", "2", "--json"]) == 2
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 4
    assert captured.err.strip() == f"govdisclosure: {folder / 'empty.txt'}: empty input, no report to parse"


def test_stdin_in_a_parallel_batch(
    seeds: list[Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(seeds[0].read_bytes())))
    assert cli.main(["parse", "--json", "--jobs", "2", "-", str(seeds[1])]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert json.loads(lines[0]) == govdisclosure.parse_file(seeds[0]).to_dict()


def test_no_progress_line_when_piped(folder: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "govdisclosure", "parse", str(folder), "--jobs", "2", "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 4


def test_progress_draws_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    quiet = cli.Progress(3)
    quiet.step()
    quiet.close()
    assert err.getvalue() == ""
    monkeypatch.setattr(err, "isatty", lambda: True)
    loud = cli.Progress(2, every=0)
    loud.step()
    loud.step(failed=True)
    loud.close()
    assert "2/2 reports, 1 failed" in err.getvalue()
    assert err.getvalue().endswith("\r\x1b[K")


def test_indent_spreads_a_report_over_lines(seeds: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["parse", "--json", "--indent", str(seeds[0])]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") > 10
    assert json.loads(out) == govdisclosure.parse_file(seeds[0]).to_dict()


@pytest.mark.parametrize("layout", cli.LAYOUTS)
def test_render_writes_a_layout(
    example_report: Path, layout: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["render", str(example_report), "--layout", layout]) == 0
    out = capsys.readouterr().out
    report = govdisclosure.parse_file(example_report)
    assert out == govdisclosure.render(report, layout=layout)


def test_render_names_every_layout_the_renderer_has() -> None:
    from govdisclosure.render import LAYOUTS

    assert tuple(LAYOUTS) == cli.LAYOUTS


def test_render_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["render", str(tmp_path / "absent.txt")]) == 2
    assert "no such file" in capsys.readouterr().err


def _organ_and_year(report: govdisclosure.Report) -> tuple[str | None, int | None]:
    return report.organ, report.year


def _refuse_2021(report: govdisclosure.Report) -> object:
    if report.template == "2021":
        raise ValueError("no 2021 reports here")
    return report.template


def _unsendable(report: govdisclosure.Report) -> object:
    return (lambda: report.year) if report.template == "2021" else report.year


@pytest.mark.parametrize("jobs", JOBS)
def test_then_runs_where_the_report_was_parsed(seeds: list[Path], jobs: int) -> None:
    results = list(govdisclosure.parse_many(seeds, jobs=jobs, then=_organ_and_year))
    assert [r.index for r in results] == list(range(len(seeds)))
    for path, result in zip(seeds, results, strict=True):
        report = govdisclosure.parse_file(path)
        assert result.ok and result.report is None
        assert result.value == (report.organ, report.year)


# A value that cannot be pickled fails only where it must cross back from a worker.
@pytest.mark.parametrize(("then", "jobs"), [(_refuse_2021, 1), (_refuse_2021, 2), (_unsendable, 2)])
def test_a_then_that_fails_is_that_items_error(seeds: list[Path], jobs: int, then: object) -> None:
    templates = [govdisclosure.parse_file(p).template for p in seeds]
    assert "2021" in templates and set(templates) - {"2021"}  # both kinds of item below
    results = list(govdisclosure.parse_many(seeds, jobs=jobs, then=then))  # type: ignore[arg-type]
    assert [r.ok for r in results] == [t != "2021" for t in templates]
    for result, template in zip(results, templates, strict=True):
        assert result.report is None
        if template == "2021":
            assert result.value is None and result.error is not None
            assert ("cannot be sent back" in str(result.error)) == (then is _unsendable)
        else:
            assert result.value is not None


@pytest.mark.parametrize("with_source", [[], ["--with-source"]])
def test_json_lines_written_by_the_workers_are_the_ones_written_here(
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    with_source: list[str],
) -> None:
    # --jobs 2 with one-line JSON has the workers write each line; names as given (`./`, a quote,
    # CJK) must come back exactly as one process writes them.
    odd = folder / 'a "报告"\\x.txt'
    odd.write_bytes((folder / "b.md").read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    monkeypatch.chdir(folder)
    names = ["./b.md", odd.name, "2023//0.txt", "empty.txt", "absent.txt"]
    assert cli.main(["parse", "--json", *with_source, *names]) == 2
    one = capsys.readouterr()
    assert cli.main(["parse", "--json", "--jobs", "2", *with_source, *names]) == 2
    two = capsys.readouterr()
    assert two.out == one.out and two.err == one.err
    assert len(one.out.splitlines()) == 3 and len(one.err.splitlines()) == 2
    for name, line in zip(names, two.out.splitlines(), strict=False):
        data = govdisclosure.parse_file(name).to_dict()
        expected = {"source": name, "report": data} if with_source else data
        assert line == json.dumps(expected, ensure_ascii=False)
