"""The command line: parse/check, --json, stdin, exit codes 0/1/2 and one-line errors (issue 2)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import govdisclosure
from govdisclosure import cli
from govdisclosure.model import ApplicationsTable, Cell, Check, Report, Tables
from schema import assert_top_level


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m govdisclosure ARGS` in a child process, as a user would run it."""
    return subprocess.run(
        [sys.executable, "-m", "govdisclosure", *args],
        input=stdin.decode("utf-8", "surrogateescape") if stdin is not None else None,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def assert_one_clean_error_line(stderr: str, *needles: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("govdisclosure: ")
    assert "Traceback" not in stderr
    for needle in needles:
        assert needle in lines[0]


# --- in process: main([...]) -------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"govdisclosure {govdisclosure.__version__}"


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "parse" in out
    assert "check" in out


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 2
    assert "usage: govdisclosure" in capsys.readouterr().out


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["parse", "--no-such-option", "x.txt"])
    assert info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_parse_summary(example_report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["parse", str(example_report)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{example_report}:\n")
    for field in ("organ:", "year:", "template:", "sections:", "tables:", "checks:", "encoding: utf-8"):
        assert field in out


def test_parse_json_has_the_schema_keys(example_report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["parse", "--json", str(example_report)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert_top_level(data)
    assert data["schema"] == "govdisclosure/1"
    assert list(data["tables"]) == ["active_disclosure", "applications", "review_litigation"]
    assert data == govdisclosure.parse_file(example_report).to_dict()


def test_parse_json_compact_is_one_line_per_report(
    example_report: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["parse", "--json", "--compact", str(example_report), str(example_report)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert json.loads(lines[0]) == json.loads(lines[1])


def test_dash_reads_stdin(
    example_report: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = example_report.read_text(encoding="utf-8").encode("gb18030")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert cli.main(["parse", "--json", "-"]) == 0
    assert json.loads(capsys.readouterr().out) == govdisclosure.parse_file(example_report).to_dict()


def _report_with(status: str) -> Report:
    cell = Cell(3, "3", "number", None, 12)
    table = ApplicationsTable({"new_received": {"total": cell}})
    right = 4 if status == "fail" else 3
    check = Check("applications.balance.total", "a = b", 3, right, status, ())  # type: ignore[arg-type]
    return Report(
        organ="青溪县市场监督管理局",
        year=2024,
        template="2021",
        tables=Tables(applications=table),
        checks=(check,),
    )


@pytest.mark.parametrize(("status", "code"), [("pass", 0), ("uncertain", 0), ("fail", 1)])
def test_check_exit_codes(
    status: str, code: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "parse_file", lambda name: _report_with(status))
    assert cli.main(["check", "report.txt"]) == code
    out = capsys.readouterr().out
    assert out.startswith(f"report.txt: {int(status == 'pass')} pass, {int(status == 'fail')} fail")
    assert ("FAIL applications.balance.total: 3 != 4" in out) == (status == "fail")


def test_parse_summary_names_what_was_found(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "parse_file", lambda name: _report_with("fail"))
    # A failed identity is the source's own error: parse still succeeds.
    assert cli.main(["parse", "report.txt"]) == 0
    out = capsys.readouterr().out
    assert "organ:    青溪县市场监督管理局" in out
    assert "year:     2024" in out
    assert "template: 2021" in out
    assert "tables:   applications" in out
    assert "failed: applications.balance.total (3 != 4)" in out


def test_check_on_the_example(example_report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The example satisfies every identity: nothing may fail, whatever the parser finds yet.
    assert cli.main(["check", str(example_report)]) == 0
    assert " 0 fail" in capsys.readouterr().out


# --- error paths: one clear line on stderr, exit 2, no traceback ------------------------------------


@pytest.fixture
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\t\n\u3000\n", encoding="utf-8")
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 16)
    # An empty folder: `parse` reads the report files of a folder (issue 6), so one holding none
    # is the bad input.
    folder = tmp_path / "folder"
    folder.mkdir()
    return {
        "missing": tmp_path / "absent.txt",
        "directory": folder,
        "empty": empty,
        "blank": blank,
        "garbage": garbage,
    }


MESSAGES = {
    "missing": "no such file",
    "directory": "is a directory",
    "empty": "empty",
    "blank": "empty",
    "garbage": "garbage.pdf",
}


@pytest.mark.parametrize("case", sorted(MESSAGES))
@pytest.mark.parametrize("command", ["parse", "check"])
def test_bad_input_in_process(
    case: str, command: str, bad_inputs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = bad_inputs[case]
    assert cli.main([command, str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert_one_clean_error_line(captured.err, MESSAGES[case])


def test_one_bad_file_does_not_stop_the_others(
    example_report: Path, bad_inputs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["parse", "--json", str(bad_inputs["missing"]), str(example_report)]) == 2
    captured = capsys.readouterr()
    assert_top_level(json.loads(captured.out))
    assert_one_clean_error_line(captured.err, "no such file")


# --- out of process: python -m govdisclosure ---------------------------------------------------------


def test_subprocess_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"govdisclosure {govdisclosure.__version__}"


def test_subprocess_parse_json_from_stdin(example_report: Path) -> None:
    result = run("parse", "--json", "-", stdin=example_report.read_bytes())
    assert result.returncode == 0, result.stderr
    assert_top_level(json.loads(result.stdout))


def test_subprocess_parse_summary(example_report: Path) -> None:
    result = run("parse", str(example_report))
    assert result.returncode == 0, result.stderr
    assert "template:" in result.stdout


def test_subprocess_bad_inputs(bad_inputs: dict[str, Path]) -> None:
    cases = sorted(MESSAGES)
    result = run("parse", "--json", *(str(bad_inputs[case]) for case in cases))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(cases), result.stderr  # one line per bad file
    for case, line in zip(cases, lines, strict=True):
        assert_one_clean_error_line(line, MESSAGES[case])


def test_subprocess_empty_stdin() -> None:
    result = run("parse", "-", stdin=b"")
    assert result.returncode == 2
    assert_one_clean_error_line(result.stderr, "<stdin>", "empty")


def test_parse_json_on_every_seed(shared: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = sorted((shared / "seeds").glob("*.txt"))
    assert seeds, f"no seeds in {shared / 'seeds'}"
    assert cli.main(["parse", "--json", "--compact", *map(str, seeds)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(seeds)
    for line in lines:
        data = json.loads(line)
        assert_top_level(data)
        assert set(data["tables"]) == {"active_disclosure", "applications", "review_litigation"}
