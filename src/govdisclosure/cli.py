"""The command line: `govdisclosure parse|check FILE...` (exit 0 ok, 1 failed checks, 2 bad input)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

import attrs

from . import __version__
from .api import parse, parse_file
from .diagnostics import EMPTY_INPUT
from .errors import GovDisclosureError
from .model import Report
from .textfile import decode

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def _load(name: str) -> Report | None:
    """The parsed report, or None after one line on stderr saying why the input is unusable."""
    try:
        if name == "-":
            decoded = decode(sys.stdin.buffer.read(), "<stdin>")
            report = attrs.evolve(parse(decoded.text), encoding=decoded.encoding)
        else:
            report = parse_file(name)
    except GovDisclosureError as exc:
        print(f"govdisclosure: {exc.message}", file=sys.stderr)
        return None
    if any(d.code == EMPTY_INPUT for d in report.diagnostics):
        source = "<stdin>" if name == "-" else name
        print(f"govdisclosure: {source}: empty input, no report to parse", file=sys.stderr)
        return None
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


def _cmd_parse(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for name in args.files:
        report = _load(name)
        if report is None:
            status = EXIT_BAD_INPUT
            continue
        if args.json:
            print(json.dumps(report.to_dict(), ensure_ascii=False, indent=None if args.compact else 2))
        else:
            print(summary(name, report))
    return status


def _cmd_check(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for name in args.files:
        report = _load(name)
        if report is None:
            status = EXIT_BAD_INPUT
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
    p = commands.add_parser("parse", help="parse reports; print a summary or --json")
    p.add_argument("files", nargs="+", metavar="FILE", help="report text files ('-' reads stdin)")
    p.add_argument("--json", action="store_true", help="print the SCHEMA.md JSON")
    p.add_argument("--compact", action="store_true", help="with --json: one line per report")
    p.set_defaults(run=_cmd_parse)
    c = commands.add_parser("check", help="run the accounting identities; exit 1 if any fails")
    c.add_argument("files", nargs="+", metavar="FILE", help="report text files ('-' reads stdin)")
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
