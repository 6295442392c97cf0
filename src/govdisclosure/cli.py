"""The command line: `govdisclosure parse|check|render` (exit 0 ok, 1 failed checks, 2 bad input).

Longer than 300 lines on purpose: the three subcommands share one argument parser, one walk over
files and folders and one exit-code policy; apart, each would repeat them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import attrs

from . import __version__
from .api import parse_bytes, parse_file
from .batch import parse_many, resolve_jobs
from .compare import compare, format_comparison
from .diagnostics import EMPTY_INPUT
from .errors import GovDisclosureError
from .formats import FORMATS, ReportWriter, report_json
from .model import Report
from .progress import Progress
from .textfile import REPORT_SUFFIXES, decode

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
#: The layouts `render` writes (govdisclosure.render.LAYOUTS, named here so the CLI starts fast).
LAYOUTS = ("tabs", "cells", "markdown", "pdf", "html")


def _read(name: str) -> tuple[Report | None, str | None]:
    """The parsed report, or None and why the input is unusable."""
    try:
        report = parse_bytes(sys.stdin.buffer.read(), "<stdin>") if name == "-" else parse_file(name)
    except GovDisclosureError as exc:
        return None, exc.message
    if _is_empty(report):
        return None, _empty_input("<stdin>" if name == "-" else name)
    return report, None


def _is_empty(report: Report) -> bool:
    """True when the input held nothing to parse: no report is written for it."""
    return any(d.code == EMPTY_INPUT for d in report.diagnostics)


def _empty_input(source: str) -> str:
    return f"{source}: empty input, no report to parse"


def _said(message: str) -> str:
    """The message, after writing it on stderr as the command's one line about an input."""
    print(f"govdisclosure: {message}", file=sys.stderr)
    return message


def _load(name: str) -> Report | None:
    """The parsed report, or None after one line on stderr saying why the input is unusable."""
    report, problem = _read(name)
    if problem is not None:
        _said(problem)
    return report


def summary(name: str, report: Report) -> str:
    """A short human summary of one parsed report."""
    found = [n for n, t in report.tables.items() if t is not None]
    failed = report.failed_checks
    lines = [
        f"{name}:",
        f"  organ:    {report.organ or '-'}",
        f"  year:     {report.year if report.year is not None else '-'}",
        f"  template: {report.template or '-'}",
        f"  sections: {len(report.sections)} top-level",
        f"  tables:   {', '.join(found) if found else 'none found'}",
        f"  checks:   {len(report.checks) - len(failed)} of {len(report.checks)} not failed",
    ]
    if report.encoding:
        lines.insert(1, f"  encoding: {report.encoding}")
    lines += [f"    failed: {c.name} ({c.left} != {c.right})" for c in failed]
    errors = report.errors
    if errors:
        lines.append(f"  errors:   {len(errors)}")
        lines += [f"    line {d.line or '-'}: {d.code}: {d.message}" for d in errors[:10]]
    return "\n".join(lines)


#: File names a directory given to `parse` contributes (searched recursively, hidden ones skipped).
# Every format parse_file reads (the content decides; these only say which files a folder holds).


def _expand(names: Sequence[str]) -> list[str]:
    """Each name as given, a directory replaced by its report files in sorted order."""
    out: list[str] = []
    for name in names:
        folder = Path(name)
        if name != "-" and folder.is_dir():
            found = sorted(
                p
                for p in folder.rglob("*")
                if p.suffix.lower() in REPORT_SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(folder).parts)
            )
            if not found:
                out.append(name)  # parse_file says "is a directory"
            out.extend(str(p) for p in found)
        else:
            out.append(name)
    return out


def _stdin_text() -> tuple[str, str] | None:
    try:
        decoded = decode(sys.stdin.buffer.read(), "<stdin>")
    except GovDisclosureError as exc:
        _said(exc.message)
        return None
    return decoded.text, decoded.encoding


Result = tuple[str, "Report | None", "str | None"]


def _results(names: Sequence[str], jobs: int | None) -> Iterator[Result]:
    """(name, report, None) per input in order, or (name, None, why) after that line on stderr."""
    if resolve_jobs(jobs) == 1:
        for name in names:
            report, problem = _read(name)
            yield name, report, None if problem is None else _said(problem)
        return
    items: list[str | Path] = []
    encodings: dict[int, str] = {}
    for index, name in enumerate(names):
        if name == "-":
            got = _stdin_text()
            # An undecodable stdin was reported; an empty text stands in and is skipped below.
            text, encodings[index] = got if got is not None else ("", "")
            items.append(text)
        else:
            items.append(Path(name))
    for result in parse_many(items, jobs=jobs):
        name = names[result.index]
        source = "<stdin>" if name == "-" else name
        if result.report is None:
            yield name, None, _failed(source, result.error)
            continue
        report = result.report
        if name == "-":
            if not encodings[result.index]:
                yield name, None, "<stdin>: not decodable"
                continue
            report = attrs.evolve(report, encoding=encodings[result.index])
        if _is_empty(report):
            yield name, None, _said(_empty_input(source))
            continue
        yield name, report, None


def _failed(source: str, error: BaseException | None) -> str:
    """Why a batch item gave no report, after that line on stderr."""
    return _said(error.message if isinstance(error, GovDisclosureError) else f"{source}: {error!r}")


def _json_line(report: Report) -> str | None:
    """In a batch worker: the report's one-line JSON, or None for an empty input."""
    return None if _is_empty(report) else report_json(report)


def _json_lines(names: Sequence[str], jobs: int | None) -> Iterator[tuple[str, str | None]]:
    """(name, one-line JSON) per input in order, or (name, None) after a line on stderr saying why.

    The workers write the JSON: a line crosses back to this process instead of the Report,
    which costs more to pickle and unpickle than the JSON costs to write (docs/performance.md).
    """
    for result in parse_many([Path(name) for name in names], jobs=jobs, then=_json_line):
        name = names[result.index]
        if result.error is not None:
            _failed(name, result.error)
            yield name, None
        elif result.value is None:
            _said(_empty_input(name))
            yield name, None
        else:
            yield name, result.value


def _cmd_parse(args: argparse.Namespace) -> int:
    status = EXIT_OK
    names = _expand(args.files)
    progress = Progress(len(names), enabled=not args.no_progress and len(names) > 1)
    fmt = args.format or ("json" if args.json else None)
    if fmt == "parquet" or args.partition_by:
        return _cmd_parse_parquet(args, names, progress)
    indent = 2 if args.indent else None
    # One-line JSON from several workers: each worker writes its lines (_json_lines).
    lines = fmt == "json" and indent is None and resolve_jobs(args.jobs) > 1 and "-" not in names
    parsed: Iterator[tuple[str, Report | str | None]] = (
        _json_lines(names, args.jobs) if lines else ((n, r) for n, r, _ in _results(names, args.jobs))
    )
    with _output(args.output) as out:
        writer = ReportWriter(fmt, out, indent=indent, with_source=args.with_source) if fmt else None
        try:
            for name, report in parsed:
                progress.step(failed=report is None)
                if report is None:
                    status = EXIT_BAD_INPUT
                    continue
                progress.clear()
                if isinstance(report, str):
                    assert writer is not None
                    writer.write_json(report, source=name)
                elif writer is not None:
                    writer.write(report, source=name)
                else:
                    out.write(summary(name, report) + "\n")
                out.flush()
        finally:
            progress.close()
    return status


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """The file `-o` names (UTF-8; csv writes its own line ends), else stdout."""
    if path is None:
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as out:
        yield out


def _cmd_parse_parquet(args: argparse.Namespace, names: Sequence[str], progress: Progress) -> int:
    """`--format parquet -o DIR`: stream every input, a failed one too, into DIR's three datasets."""
    from .parquet import ParquetSink  # imported here: pyarrow loads only for Parquet output

    if args.format not in (None, "parquet") or args.json or not args.output:
        print("govdisclosure: --partition-by and --format parquet need -o DIR", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        sink = ParquetSink(args.output, partition_by=args.partition_by)
    except GovDisclosureError as exc:
        print(f"govdisclosure: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    status = EXIT_OK
    try:
        with sink:
            for name, report, problem in _results(names, args.jobs):
                progress.step(failed=report is None)
                if report is None:
                    status = EXIT_BAD_INPUT
                    sink.write_error(name, problem or "unusable input")
                else:
                    sink.write(report, name)
    finally:
        progress.close()
    return status


def _cmd_render(args: argparse.Namespace) -> int:
    # Imported here: rendering is not needed to parse, and keeps the command's start fast.
    from .render import render

    report = _load(args.file)
    if report is None:
        return EXIT_BAD_INPUT
    sys.stdout.write(render(report, layout=args.layout))
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    status = EXIT_OK
    earlier = _load(args.against) if args.against else None
    if args.against and earlier is None:
        return EXIT_BAD_INPUT
    for name in args.files:
        report = _load(name)
        if report is None:
            status = EXIT_BAD_INPUT
            continue
        if earlier is not None:
            result = compare(earlier, report)
            print(format_comparison(result, args.against, name))
            if result.failed_checks and status == EXIT_OK:
                status = EXIT_FAILED
            continue
        counts = {s: sum(c.status == s for c in report.checks) for s in ("pass", "fail", "uncertain")}
        print(f"{name}: {counts['pass']} pass, {counts['fail']} fail, {counts['uncertain']} uncertain")
        for check in report.failed_checks:
            print(f"  FAIL {check.name}: {check.left} != {check.right}")
            print(f"       {check.expression}")
        if counts["fail"] and status == EXIT_OK:
            status = EXIT_FAILED
    return status


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the `govdisclosure` command."""
    parser = argparse.ArgumentParser(
        prog="govdisclosure",
        description="Parse 政府信息公开工作年度报告 texts into typed data (SCHEMA.md govdisclosure/1).",
    )
    parser.add_argument("--version", action="version", version=f"govdisclosure {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = commands.add_parser(
        "parse", help="parse reports; print a summary, --json (JSON Lines) or write --format parquet"
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="DIR_OR_FILE",
        help="report files (text, HTML, PDF, Word), or directories searched for them ('-' reads stdin)",
    )
    p.add_argument("--json", action="store_true", help="print the SCHEMA.md JSON, one line per report")
    p.add_argument(
        "--format",
        choices=(*FORMATS, "parquet"),
        help="json (= --json), jsonl or csv (one row per cell, as to_frame), table (the three tables), "
        "parquet (-o DIR gets cells/, reports/ and checks/; docs/analysis.md)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="write to PATH instead of stdout; with --format parquet, the directory to create",
    )
    p.add_argument(
        "--partition-by",
        choices=("year",),
        help="with --format parquet: split each table into year=YYYY/ directories (hive style)",
    )
    p.add_argument("--indent", action="store_true", help="with --json: indent (several lines per report)")
    p.add_argument("--compact", action="store_true", help="with --json: one line per report (the default)")
    p.add_argument(
        "--with-source", action="store_true", help='with --json: print {"source": FILE, "report": {...}}'
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="parse in N processes (0: one per CPU); output keeps the input order",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress line (shown only on a terminal)")
    p.set_defaults(run=_cmd_parse)
    r = commands.add_parser("render", help="parse a report and write it back in one layout")
    r.add_argument("file", metavar="FILE", help="a report text file ('-' reads stdin)")
    r.add_argument(
        "--layout", choices=LAYOUTS, default="tabs", help="the flattened layout to write (default: tabs)"
    )
    r.set_defaults(run=_cmd_render)
    c = commands.add_parser("check", help="run the accounting identities; exit 1 if any fails")
    c.add_argument("files", nargs="+", metavar="FILE", help="report text files ('-' reads stdin)")
    c.add_argument(
        "--against",
        metavar="EARLIER",
        help="the same body's report for the year before: check carry-over between them instead",
    )
    c.set_defaults(run=_cmd_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        code: int = args.run(args)
    except BrokenPipeError:
        return EXIT_OK
    return code
