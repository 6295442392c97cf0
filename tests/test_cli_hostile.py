"""The command line on every hostile file (issue 7): exit 0/1/2 as docs/cli.md says, one stderr line per
bad file, never a traceback. Run through subprocess, as a user runs it.

The corpus is written once to a temporary folder at CLI sizes (a hundredth of the issue's for the
giants: test_hostile.py parses those whole); the files that are not text at all are added. Which
files are bad input is what the library says (parse_file raises, or the text is empty), so these
tests check the command line against docs/cli.md, not the parser again.
"""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
from pathlib import Path

import pytest

from govdisclosure import GovDisclosureError, parse_file
from govdisclosure.diagnostics import EMPTY_INPUT
from hostile import CASES, seed_text

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2

BLOBS = {
    "binary.txt": bytes(range(256)) * 20,
    "zip.txt": b"PK\x03\x04\x14\x00\x06\x00" + bytes(300),
    "nul-only.txt": bytes(500),
    "gbk.txt": seed_text().encode("gb18030"),
    "utf16-no-bom.txt": seed_text().encode("utf-16-le"),
    "utf16-bom-odd.txt": codecs.BOM_UTF16_LE + "一、总体".encode("utf-16-le") + b"\x00",
    "utf8-bom-damaged.txt": codecs.BOM_UTF8 + b"\xe4\xb8",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    files = {}
    for case in CASES:
        path = folder / f"{case.name}.txt"
        # surrogatepass: lone surrogates become the (invalid) bytes a broken encoder writes.
        path.write_bytes(case.small().encode("utf-8", "surrogatepass"))
        files[path.name] = path
    for name, data in BLOBS.items():
        (folder / name).write_bytes(data)
        files[name] = folder / name
    files["missing.txt"] = folder / "missing.txt"
    files["a-directory"] = folder / "empty-dir"
    files["a-directory"].mkdir()
    return files


def is_bad(path: Path) -> bool:
    """Bad input per docs/cli.md: unreadable, not text, or empty."""
    try:
        report = parse_file(path)
    except GovDisclosureError:
        return True
    return any(d.code == EMPTY_INPUT for d in report.diagnostics)


@pytest.fixture(scope="module")
def bad_files(corpus: dict[str, Path]) -> dict[str, Path]:
    return {name: path for name, path in corpus.items() if is_bad(path)}


Done = subprocess.CompletedProcess[str]


def run(*args: str, stdin: bytes | None = None) -> Done:
    done = subprocess.run(
        [sys.executable, "-m", "govdisclosure", *args],
        input=stdin.decode("latin-1") if stdin is not None else None,
        capture_output=True,
        text=True,
        encoding="latin-1" if stdin is not None else "utf-8",
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    return done


@pytest.fixture(scope="module")
def parsed_all(corpus: dict[str, Path]) -> Done:
    return run("parse", *map(str, corpus.values()))


def test_one_stderr_line_per_bad_file(bad_files: dict[str, Path], parsed_all: Done) -> None:
    assert set(bad_files) >= {"missing.txt", "a-directory", "binary.txt", "empty.txt", "whitespace.txt"}
    bad = list(bad_files.values())
    lines = parsed_all.stderr.splitlines()
    assert len(lines) == len(bad), parsed_all.stderr
    for path, line in zip(bad, lines, strict=True):
        assert line.startswith("govdisclosure: ") and path.name in line, (path.name, line)
        assert len(line) < 300, line
    assert parsed_all.returncode == EXIT_BAD_INPUT


def test_every_good_file_still_summarized(good_files: list[str], parsed_all: Done) -> None:
    good = list(map(Path, good_files))
    assert len(good) >= 10
    for path in good:
        assert f"{path}:\n" in parsed_all.stdout, path.name


@pytest.fixture(scope="module")
def good_files(corpus: dict[str, Path], bad_files: dict[str, Path]) -> list[str]:
    return [str(p) for name, p in corpus.items() if name not in bad_files]


def test_good_files_exit_0_with_quiet_stderr(good_files: list[str]) -> None:
    done = run("parse", "--json", "--compact", *good_files)
    assert done.returncode == EXIT_OK and done.stderr == ""
    lines = done.stdout.splitlines()
    assert len(lines) == len(good_files)
    for line in lines:
        assert json.loads(line)["schema"] == "govdisclosure/1"


def test_check_exits_0_or_1_as_documented(good_files: list[str]) -> None:
    done = run("check", *good_files)
    heads = [line for line in done.stdout.splitlines() if not line.startswith(" ")]
    failed = [line for line in heads if ", 0 fail," not in line]
    assert done.returncode == (EXIT_FAILED if failed else EXIT_OK), done.stdout
    assert len(heads) == len(good_files)
    assert done.stderr == ""


@pytest.mark.parametrize("blob", ["binary.txt", "nul-only.txt", "utf8-bom-damaged.txt"])
def test_bad_stdin_is_one_line_and_exit_2(blob: str) -> None:
    done = run("parse", "-", stdin=BLOBS[blob])
    assert done.returncode == EXIT_BAD_INPUT
    assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith("govdisclosure: <stdin>")


def test_hostile_stdin_text_parses() -> None:
    text = next(c for c in CASES if c.name == "zero_width").text()
    done = run("parse", "-", stdin=text.encode("utf-8"))
    assert done.returncode == EXIT_OK and done.stderr == ""
